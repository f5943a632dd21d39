"""Tags in a template's Word XML: where the designer wrote them and what Word did to them.

A designer writes tags as text in Word, and Word may split that text over runs, put a
field code or a tracked deletion between two characters of a delimiter, or leave a tag
without its end. This module reads each paragraph's own text (:class:`Stycke`), finds the
tags in it (:func:`avgransare`), checks them where docxtpl would fail
(:func:`granska_xml`: split tags, ``{%tr``/``{%tc``/``{%p``/``{{r`` in the wrong place
or with text that would be lost, whitespace control across paragraphs) and traces each
tag of docxtpl's patched source back to the paragraph it was written in (:func:`spara`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

from lxml import etree

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallkod, Protokoll, kort
from delarsrapport._render.locations import Plats, table_name
from delarsrapport._render.wordxml import cells, nearest, qn, rows, style_id, text_nodes
from delarsrapport._render.wordxml import text as xml_text

__all__ = [
    "STANGER",
    "Ratagg",
    "Stycke",
    "Tagg",
    "avgransare",
    "granska_xml",
    "markera",
    "spara",
    "stycken",
    "tabellnamn",
]

_F: Final = Severity.FEL
_V: Final = Severity.VARNING

_W_P: Final = qn("w:p")
_W_TBL: Final = qn("w:tbl")
_W_TR: Final = qn("w:tr")
_W_TC: Final = qn("w:tc")
_W_TXBX: Final = qn("w:txbxContent")

#: The attribute that numbers each paragraph before docxtpl patches the part, so that a tag
#: in the patched source can be traced to its paragraph.
_MARKOR: Final = "drp-n"

#: What lies between two text nodes of a paragraph, in designer words (else "annat innehåll").
_MELLANLIGGANDE: Final = {
    qn("w:delText"): "en spårad borttagning",
    qn("w:instrText"): "en fältkod",
    qn("w:delInstrText"): "en spårad borttagning",
    _W_P: "en textruta",
}


# -- the Word XML: paragraphs, their text and where they are ----------------------------------


@dataclass
class Stycke:
    """A paragraph of the Word XML as the designer wrote it."""

    nummer: int
    plats: Plats
    behallare: int
    """The nearest table cell (a positive number) or text box (negative) holding the paragraph;
    0 for the part itself."""
    tabell: int | None
    rad: int | None
    cell: int | None
    noder: list[etree._Element]
    """The paragraph's own w:t nodes, in order."""
    tecken: list[tuple[int, int]]
    """Per visible character: index into *noder* and offset in that node's text."""
    opak: list[tuple[int, int, str]]
    """Content between text nodes that docxtpl cannot see through: (after node, before node, what)."""

    @property
    def text(self) -> str:
        return "".join(n.text or "" for n in self.noder)

    def ersatt(self, start: int, slut: int, med: str = " ") -> None:
        """Overwrite visible characters start..slut (in the analysed copy) with *med*."""
        for pos in range(start, slut):
            nod_index, offset = self.tecken[pos]
            nod = self.noder[nod_index]
            text = nod.text or ""
            nod.text = text[:offset] + med + text[offset + 1 :]


def tabellnamn(rot: etree._Element, rubrikstilar: Collection[str]) -> dict[etree._Element, str | None]:
    """Each table of a part and what a location calls it: its caption (the title of its
    alternative text), or else the last paragraph before it in a heading style."""
    namn: dict[etree._Element, str | None] = {}
    rubrik: str | None = None
    for el in rot.iter(_W_P, _W_TBL):
        if el.tag == _W_TBL:
            caption = el.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
            namn[el] = table_name(None if caption is None else caption.get(qn("w:val")), rubrik)
        elif style_id(el) in rubrikstilar and xml_text(el).strip():
            rubrik = xml_text(el)
    return namn


def stycken(rot: etree._Element, del_: str, rubrikstilar: Collection[str] = ()) -> list[Stycke]:
    """Every paragraph of a part, numbered in document order, with its place and text nodes;
    tables are named by their caption or the heading above them (in *rubrikstilar*)."""
    namn = tabellnamn(rot, rubrikstilar)
    tabeller = {t: i for i, t in enumerate(rot.iter(_W_TBL), start=1)}
    rader = {t: i for i, t in enumerate(rot.iter(_W_TR), start=1)}
    celler = {t: i for i, t in enumerate(rot.iter(_W_TC), start=1)}
    rutor = {t: i for i, t in enumerate(rot.iter(_W_TXBX), start=1)}
    ut: list[Stycke] = []
    for nummer, p in enumerate(rot.iter(_W_P), start=1):
        noder, mellan = text_nodes(p)
        opak = [(efter, efter + 1, _MELLANLIGGANDE.get(vad, "annat innehåll")) for efter, vad in mellan]
        tecken = [(i, j) for i, n in enumerate(noder) for j in range(len(n.text or ""))]
        text = "".join(n.text or "" for n in noder)
        cell = nearest(p, _W_TC, _W_TXBX)
        tbl = nearest(p, _W_TBL)
        tnamn = None
        tabell = rad = kolumn = None
        tr = tc = None
        if cell is not None and cell.tag == _W_TC and tbl is not None:
            tc = cell
            tr = tc.getparent()
            tabell = tabeller[tbl]
            tnamn = namn[tbl]
            if tr is not None and tr.tag == _W_TR:
                parent = tr.getparent()
                rad = rows(parent).index(tr) + 1 if parent is not None else None
                kolumn = cells(tr).index(tc) + 1
        behallare = 0
        if cell is not None:
            behallare = celler[cell] if cell.tag == _W_TC else -rutor[cell]
        ut.append(
            Stycke(
                nummer=nummer,
                plats=Plats(
                    del_, nummer, tabell, rad, kolumn, " ".join(text.split()), tnamn if tabell else None
                ),
                behallare=behallare,
                tabell=tabell,
                rad=rader[tr] if tr is not None and tr.tag == _W_TR else None,
                cell=celler[tc] if tc is not None else None,
                noder=noder,
                tecken=tecken,
                opak=opak,
            )
        )
    return ut


def markera(rot: etree._Element) -> None:
    """Number every paragraph of a part (as :func:`stycken` does) in an attribute that
    survives docxtpl's patching."""
    for nummer, p in enumerate(rot.iter(_W_P), start=1):
        p.set(_MARKOR, str(nummer))


# -- delimiters and tags in a paragraph's visible text ----------------------------------------

_AVGRANSARE: Final = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
STANGER: Final = {"{{": "}}", "{%": "%}", "{#": "#}"}
"""Each opening delimiter and the one that closes it."""
_STRUKTUR: Final = re.compile(r"\{([{%#])(tr|tc|p|r) ")
_CELLTAGG: Final = re.compile(r"\{%-?\s*(cellbg|colspan|vm|hm)\b")


@dataclass
class Ratagg:
    """A tag found in a paragraph's visible text (as the designer wrote it)."""

    start: int
    slut: int
    text: str


def avgransare(stycke: Stycke) -> tuple[list[Ratagg], list[tuple[str, int, int]]]:
    """Complete tags in the visible text, and problems: (kind, start, end) with kind
    "oppen" (an opening delimiter without its closing one), "los" (a closing one alone)."""
    text = stycke.text
    taggar: list[Ratagg] = []
    problem: list[tuple[str, int, int]] = []
    i = 0
    while True:
        m = _AVGRANSARE.search(text, i)
        if m is None:
            break
        d = m.group()
        if d not in STANGER:
            if d != "#}":
                problem.append(("los", m.start(), m.end()))
            i = m.end()
            continue
        stang = STANGER[d]
        slut = text.find(stang, m.end())
        if d != "{#":
            nasta = re.compile(r"\{\{|\{%").search(text, m.end())
            if nasta is not None and (slut == -1 or nasta.start() < slut):
                problem.append(("oppen", m.start(), m.end()))
                i = nasta.start()
                continue
        if slut == -1:
            problem.append(("oppen", m.start(), m.end()))
            i = m.end()
            continue
        taggar.append(Ratagg(m.start(), slut + 2, text[m.start() : slut + 2]))
        i = slut + 2
    return taggar, problem


def _niva(tagg: str) -> str:
    """A tag's docxtpl level: "tr", "tc", "p", "gen" (cell colour or span) or "" (inside the text)."""
    if _CELLTAGG.match(tagg):
        return "gen"
    m = _STRUKTUR.match(tagg)
    return m.group(2) if m and m.group(2) != "r" else ""


def _delad(stycke: Stycke, pos: int) -> str | None:
    """What lies between the two characters of a delimiter at *pos*, if docxtpl cannot join them."""
    a, _ = stycke.tecken[pos]
    b, _ = stycke.tecken[pos + 1]
    if a == b:
        return None
    for efter, fore, vad in stycke.opak:
        if a <= efter and fore <= b:
            return vad
    return None


# -- the checks on the Word XML ---------------------------------------------------------------


def granska_xml(p: Protokoll, stycken: list[Stycke]) -> None:
    """Delimiter and placement problems in the Word XML; repairs the analysed copy so that
    the rest of the part can still be checked."""
    rader_med_tr: dict[int, tuple[Stycke, Ratagg]] = {}
    celler_med_tc: dict[int, tuple[Stycke, Ratagg]] = {}
    for stycke in stycken:
        taggar, problem = avgransare(stycke)
        for slag, start, slut in problem:
            _delad_problem(p, stycke, slag, start, slut)
            stycke.ersatt(start, start + 1)
        for t in taggar:
            vad = _delad(stycke, t.start) or _delad(stycke, t.slut - 2)
            if vad is not None:
                p.fynd(
                    Mallkod.MALL_DELAD_TAGG,
                    _F,
                    stycke.plats,
                    f"taggen {kort(t.text)} är delad i Word av {vad}, så docxtpl kan inte foga ihop "
                    "den; den skulle stå kvar som text i dokumentet",
                    "markera taggen, ta bort den och skriv den på nytt i ett svep (acceptera först "
                    "spårade ändringar om sådana finns)",
                    fokus=t.text,
                )
                stycke.ersatt(t.start, t.start + 1)
                stycke.ersatt(t.slut - 2, t.slut - 1)
                continue
            _hopfogad(p, stycke, t)
            _struktur_tagg(p, stycke, t, rader_med_tr, celler_med_tc)
    _forlorat_innehall(p, stycken, rader_med_tr, celler_med_tc)
    _blankstegskontroll(p, stycken)


#: Run properties in designer words, by local name; a difference in any other (the language,
#: the spelling check, the complex-script twins of bold, italic and size) does not show.
_FORMAT: Final = {
    "b": "fetstil",
    "i": "kursiv stil",
    "u": "understrykning",
    "strike": "genomstrykning",
    "dstrike": "genomstrykning",
    "color": "färg",
    "sz": "storlek",
    "rFonts": "teckensnitt",
    "highlight": "överstrykningsfärg",
    "shd": "bakgrundsfärg",
    "vertAlign": "upphöjd eller nedsänkt text",
    "caps": "versaler",
    "smallCaps": "kapitäler",
    "rStyle": "teckenformat",
    "spacing": "teckenavstånd",
    "vanish": "dold text",
    "effect": "texteffekt",
    "emboss": "relief",
    "imprint": "gravyr",
    "outline": "konturtext",
    "shadow": "skugga",
}
_AV: Final = {"0", "false", "off", "none"}
_TECKENSNITT: Final = {qn(f"w:{a}") for a in ("ascii", "hAnsi", "asciiTheme", "hAnsiTheme")}


def _format(nod: etree._Element) -> dict[str, str]:
    """What shows of a text node's run formatting: property → its attributes, written out."""
    run = nod.getparent()
    rpr = run.find(qn("w:rPr")) if run is not None else None
    ut: dict[str, str] = {}
    for el in rpr.iterchildren(etree.Element) if rpr is not None else ():
        namn = etree.QName(el).localname
        if namn not in _FORMAT:
            continue
        attribut = {
            str(k): str(v) for k, v in el.attrib.items() if namn != "rFonts" or str(k) in _TECKENSNITT
        }
        if set(attribut) == {qn("w:val")} and attribut[qn("w:val")].lower() in _AV:
            continue
        ut[namn] = " ".join(f"{k}={v}" for k, v in sorted(attribut.items()))
    return ut


def _hopfogad(p: Protokoll, stycke: Stycke, t: Ratagg) -> None:
    """A tag Word split over runs: docxtpl joins it, keeping the formatting of its first
    character (and giving it to the text after the tag in its last run). A warning, with
    what formatting is lost when there is any."""
    noder = sorted({stycke.tecken[i][0] for i in range(t.start, t.slut)})
    if len(noder) < 2:
        return
    format_ = [_format(stycke.noder[i]) for i in noder]
    skillnad = sorted(
        {_FORMAT[k] for f in format_[1:] for k in set(f) | set(format_[0]) if f.get(k) != format_[0].get(k)}
    )
    if skillnad:
        vad = " och ".join(skillnad) if len(skillnad) <= 2 else ", ".join(skillnad)
        p.fynd(
            Mallkod.MALL_FORMAT_I_TAGG,
            _V,
            stycke.plats,
            f"formateringen ändras inne i taggen {kort(t.text)} ({vad} på en del av den); taggen "
            "fungerar, men det den skriver ut får formateringen från taggens första tecken, så den "
            "andra formateringen försvinner",
            "markera hela taggen, från {{ eller {% till }} eller %}, och ge den en och samma "
            "formatering: ska det som skrivs ut vara fetstil, gör hela taggen fet",
            fokus=t.text,
        )
        return
    p.fynd(
        Mallkod.MALL_HOPFOGAD_TAGG,
        _V,
        stycke.plats,
        f"Word har delat taggen {kort(t.text)} i {len(noder)} textbitar (efter en ändring mitt i den "
        "eller stavningskontrollen); den fogas ihop och fungerar, men en formatering av en del av "
        "den försvinner, och en spårad ändring eller ett fält mitt i den gör den oläslig",
        "markera taggen, ta bort den och skriv den på nytt i ett svep (eller klistra in den som "
        "oformaterad text), så att den blir en enda textbit",
        fokus=t.text,
    )


def _delad_problem(p: Protokoll, stycke: Stycke, slag: str, start: int, slut: int) -> None:
    d = stycke.text[start:slut]
    if slag == "oppen":
        meddelande = (
            f"taggen som börjar med {d} saknar sitt {STANGER[d]} i samma stycke; en tagg måste "
            "börja och sluta i samma stycke"
        )
        fokus = stycke.text[start : start + 40]
    else:
        meddelande = f"{d} står utan en början ({'{{' if d == '}}' else '{%'}) före sig i samma stycke"
        fokus = stycke.text[max(0, start - 30) : slut]
    p.fynd(
        Mallkod.MALL_DELAD_TAGG,
        _F,
        stycke.plats,
        meddelande,
        "skriv hela taggen i ett och samma stycke, utan radbrytning (Enter) inne i taggen, "
        "och kontrollera att varje {{ har sitt }} och varje {% sitt %}",
        fokus=fokus,
    )


def _struktur_tagg(
    p: Protokoll,
    stycke: Stycke,
    t: Ratagg,
    rader_med_tr: dict[int, tuple[Stycke, Ratagg]],
    celler_med_tc: dict[int, tuple[Stycke, Ratagg]],
) -> None:
    m = _STRUKTUR.match(t.text)
    cell = _CELLTAGG.match(t.text)
    if cell is not None:
        if stycke.cell is None:
            p.fynd(
                Mallkod.MALL_FEL_PLATS,
                _F,
                stycke.plats,
                f"{{% {cell.group(1)} %}} fungerar bara i en tabellcell, men står utanför en tabell",
                f"flytta {{% {cell.group(1)} … %}} till den tabellcell den gäller, eller ta bort den",
                fokus=t.text,
            )
            stycke.ersatt(t.start, t.slut)
        return
    if m is None:
        return
    niva, typ = m.group(2), m.group(1)
    if niva == "r" and typ == "{":
        p.fynd(
            Mallkod.MALL_FEL_PLATS,
            _F,
            stycke.plats,
            f"{kort(t.text)}: {{{{r … }}}} är till för formaterad text (RichText), som mallkontraktet "
            "inte har",
            "skriv taggen som {{ … }} utan r",
            fokus=t.text,
        )
        stycke.ersatt(t.start + 2, t.start + 3)
        return
    if niva == "r":
        return
    if niva == "tr" and stycke.rad is None:
        p.fynd(
            Mallkod.MALL_FEL_PLATS,
            _F,
            stycke.plats,
            f"{kort(t.text)} står utanför en tabellrad; {{%tr … %}} upprepar eller tar bort den "
            "tabellrad den står i",
            "flytta taggen till en egen rad i tabellen, eller skriv den som {%p … %} om den gäller "
            "hela stycken",
            fokus=t.text,
        )
        stycke.ersatt(t.start + 2, t.start + 4)
        return
    if niva == "tc" and stycke.cell is None:
        p.fynd(
            Mallkod.MALL_FEL_PLATS,
            _F,
            stycke.plats,
            f"{kort(t.text)} står utanför en tabellcell; {{%tc … %}} upprepar eller tar bort den "
            "tabellcell den står i",
            "flytta taggen till en egen cell i tabellen, eller skriv den som {%p … %}",
            fokus=t.text,
        )
        stycke.ersatt(t.start + 2, t.start + 4)
        return
    if typ == "{" and niva in ("tr", "tc"):
        p.fynd(
            Mallkod.MALL_FEL_PLATS,
            _F,
            stycke.plats,
            f"{kort(t.text)}: en utskrift kan inte ersätta en hel "
            + ("tabellrad" if niva == "tr" else "tabellcell"),
            "skriv utskriften som {{ … }} i en cell",
            fokus=t.text,
        )
    if niva == "tr" and stycke.rad is not None:
        rader_med_tr.setdefault(stycke.rad, (stycke, t))
    elif niva == "tc" and stycke.cell is not None:
        celler_med_tc.setdefault(stycke.cell, (stycke, t))
    elif niva == "p":
        ovrigt = (stycke.text[: t.start] + stycke.text[t.slut :]).strip()
        if ovrigt:
            p.fynd(
                Mallkod.MALL_FEL_PLATS,
                _F,
                stycke.plats,
                f"{kort(t.text)} ersätter hela stycket, så det andra som står i stycket försvinner: "
                f"”{kort(ovrigt, 60)}”",
                "ge taggen ett eget stycke (tryck Enter före och efter den), eller skriv den som "
                "{% … %} om den bara gäller en del av stycket",
                fokus=t.text,
            )


def _forlorat_innehall(
    p: Protokoll,
    stycken: list[Stycke],
    rader_med_tr: dict[int, tuple[Stycke, Ratagg]],
    celler_med_tc: dict[int, tuple[Stycke, Ratagg]],
) -> None:
    """Text in a table row with {%tr %} (a cell with {%tc %}) that docxtpl drops."""
    for nyckel, samling, vad in ((rader_med_tr, "rad", "raden"), (celler_med_tc, "cell", "cellen")):
        for id_, (stycke, t) in nyckel.items():
            ovrigt = " ".join(
                (s.text.replace(t.text, "", 1) if s is stycke else s.text).strip()
                for s in stycken
                if getattr(s, samling) == id_
            ).strip()
            if ovrigt:
                p.fynd(
                    Mallkod.MALL_FEL_PLATS,
                    _F,
                    stycke.plats,
                    f"{kort(t.text)} ersätter hela {vad}, så det andra som står i {vad} försvinner: "
                    f"”{kort(ovrigt, 60)}”",
                    "ge taggen en egen tabellrad: infoga en rad (i Word: Layout > Infoga nedanför), "
                    "flytta taggen dit, ensam i första cellen, och låt resten av raden vara tom"
                    if samling == "rad"
                    else f"låt {vad} med taggen vara tom i övrigt; lägg innehållet i {vad} under eller "
                    "mellan taggarna",
                    fokus=t.text,
                )


def _blankstegskontroll(p: Protokoll, stycken: list[Stycke]) -> None:
    """{%- … %} and {% … -%}: docxtpl joins the tag with the text before (after) it and
    removes what lies between; that must stay within one paragraph or cell."""
    med_text = [s for s in stycken if s.noder]
    for i, stycke in enumerate(med_text):
        for t in avgransare(stycke)[0]:
            if t.text.startswith("{%-"):
                fore = med_text[i - 1] if i else None
                _blanksteg(p, stycke, t, t.start, fore, "före")
            if t.text.endswith("-%}"):
                efter = med_text[i + 1] if i + 1 < len(med_text) else None
                _blanksteg(p, stycke, t, t.slut - 1, efter, "efter")


def _blanksteg(p: Protokoll, stycke: Stycke, t: Ratagg, pos: int, granne: Stycke | None, sida: str) -> None:
    nod, offset = stycke.tecken[pos]
    text = stycke.noder[nod].text or ""
    bredvid = text[:offset] if sida == "före" else text[offset + 1 :]
    kant = nod == (0 if sida == "före" else len(stycke.noder) - 1)
    if bredvid.strip() and not (sida == "efter" and bredvid.lstrip().startswith(("{%", "{{"))):
        problem = f"texten ”{kort(bredvid, 40)}” {sida} den försvinner"
    elif kant and (granne is None or granne.behallare != stycke.behallare):
        problem = (
            f"stycket {sida} står i en annan tabellcell, eller på andra sidan om en tabellgräns, "
            "så allt däremellan försvinner"
        )
    else:
        return
    p.fynd(
        Mallkod.MALL_FEL_PLATS,
        _F,
        stycke.plats,
        f"{kort(t.text)} fogar ihop taggen med texten {sida} sig, och {problem}",
        "ta bort minustecknet i taggen ({% … %} i stället för {%- … -%}), eller flytta taggen så "
        "att den bara fogar ihop stycken i samma cell",
        fokus=t.text,
    )


# -- the patched source: tags and the paragraphs they came from -------------------------------

_OPPNARE: Final = re.compile(r"\{\{|\{%|\{#")
_P_START: Final = re.compile(rf'<w:p (?:[^>]*? )?{_MARKOR}="(\d+)"[^>]*?(/?)>')
_P_SLUT: Final = re.compile(r"</w:p>")
_RAW: Final = re.compile(r"\{%[-+]?\s*raw\s*[-+]?%\}")
_ENDRAW: Final = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")


@dataclass
class Tagg:
    """A Jinja tag of the patched source and where the designer wrote it."""

    text: str
    stycke: Stycke
    niva: str
    """"tr", "tc", "p" (docxtpl replaced the row, cell or paragraph by the tag), "" (inside
    the text) or "gen" (written by docxtpl itself, e.g. for {% cellbg %})."""
    visning: str
    """The tag as the designer wrote it ({%tr for … %}), for messages."""


def _slut_pa_tagg(source: str, pos: int, oppnare: str) -> int | None:
    stang = STANGER[oppnare]
    if oppnare != "{#":
        citat: str | None = None
        j = pos
        while j < len(source):
            c = source[j]
            if source.startswith("<w:", j) or source.startswith("</w:", j):
                break
            if citat:
                if c == "\\":
                    j += 2
                    continue
                if c == citat:
                    citat = None
            elif c in "'\"":
                citat = c
            elif source.startswith(stang, j):
                return j + 2
            j += 1
    slut = source.find(stang, pos)
    return None if slut == -1 else slut + 2


def _skanna(source: str) -> list[tuple[int, int]]:
    """The spans of every tag in *source* (a raw block and its content count as nothing)."""
    ut: list[tuple[int, int]] = []
    i = 0
    while (m := _OPPNARE.search(source, i)) is not None:
        slut = _slut_pa_tagg(source, m.end(), m.group())
        if slut is None:
            ut.append((m.start(), len(source)))
            break
        if _RAW.fullmatch(source, m.start(), slut):
            e = _ENDRAW.search(source, slut)
            if e is not None:
                i = e.end()
                continue
        ut.append((m.start(), slut))
        i = slut
    return ut


def _normera(text: str) -> str:
    for a, b in (
        ("“", '"'),
        ("”", '"'),
        ("‘", "'"),
        ("’", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ):
        text = text.replace(a, b)
    return "".join(text.split())


def _innehall(tagg: str) -> str:
    """A tag's content without delimiters and docxtpl prefix, normalised for matching."""
    inre = tagg[2:-2]
    m = re.match(r"(tr|tc|p|r) ", inre)
    if m:
        inre = inre[m.end() :]
    # docxtpl drops the whitespace control of {%- … -%} when it joins paragraphs
    inre = inre.strip().lstrip("-+").rstrip("-+")
    m = re.match(r"-?\s*(cellbg|colspan)\b", inre)
    if m:
        inre = inre[m.end() :]
    return _normera(inre)


def spara(source: str, stycken: list[Stycke]) -> list[Tagg]:
    """The tags of the patched source, each traced to the paragraph the designer wrote it in.

    The patched source's paragraph markers (:func:`markera`) say where a tag stands now;
    the tags of the Word text, in order, say where it was written (docxtpl moves tags:
    {%p}/{%tr}/{%tc} replace their paragraph, row or cell, and {%- … -%} joins paragraphs).
    """
    inventering: dict[str, list[tuple[Stycke, str, str]]] = {}
    for stycke in stycken:
        for r in avgransare(stycke)[0]:
            if not r.text.startswith("{#"):
                inventering.setdefault(_innehall(r.text), []).append((stycke, _niva(r.text), r.text))
    spann = _skanna(source)
    handelser: list[tuple[int, int, int]] = []  # (offset, 0 open / 1 close / 2 empty, paragraph)
    i = 0
    for start, slut in [*spann, (len(source), len(source))]:
        for m in _P_START.finditer(source, i, start):
            handelser.append((m.start(), 2 if m.group(2) == "/" else 0, int(m.group(1))))
        handelser.extend((m.start(), 1, 0) for m in _P_SLUT.finditer(source, i, start))
        i = slut
    handelser.sort()
    taggar: list[Tagg] = []
    stack: list[int] = []
    senaste = 0
    h = 0
    for start, slut in spann:
        while h < len(handelser) and handelser[h][0] < start:
            _off, slag, nummer = handelser[h]
            if slag == 0:
                stack.append(nummer)
            if slag in (0, 2):
                senaste = nummer
            elif stack:
                stack.pop()
            h += 1
        text = source[start:slut]
        if text.startswith("{#"):
            continue
        fran = stack[-1] if stack else senaste + 1
        kandidater = inventering.get(_innehall(text), [])
        k = next((k for k, (s, _n, _r) in enumerate(kandidater) if s.nummer >= fran), None)
        if k is not None:
            stycke, niva, ratt = kandidater.pop(k)
            if stack and niva != "gen":
                niva = ""
            taggar.append(Tagg(text, stycke, niva, ratt if niva != "gen" else text))
        else:
            nasta = next((n for _o, s, n in handelser[h:] if s != 1), None)
            nummer = stack[-1] if stack else (nasta or senaste or 1)
            taggar.append(Tagg(text, stycken[min(nummer, len(stycken)) - 1], "gen", text))
    return taggar
