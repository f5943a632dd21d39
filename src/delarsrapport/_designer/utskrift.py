"""The print gate: the pages a reader gets, checked as a nämndsekreterare would look at them.

A document is converted to PDF (by LibreOffice, as a reader's PDF is made) and its pages
are read with pdfplumber (MIT licensed, on pdfminer.six), which gives every word with its
position. The words are lined up with the document's own text (the .docx: paragraphs in
order, tables row by row), so each word of the source knows its page. Then:

- **a word broken inside a word** (``Kommunbidr|ag``): two or three lines of one column
  whose pieces together make a word of the source; a piece that is a word of its own
  counts when the pages show the whole word fewer times than the source has it;
- **a heading or bold label last on its page**: its text on one page, what follows it on
  the next (or, after a short line under it such as "Per augusti 2024", the table it
  introduces);
- **a table row across pages**: the words of one row on two pages; and a short table
  (up to the layout's ``typografi.hall_ihop_tabeller`` rows) across pages;
- **text beyond the margins**: a word outside the page's margins (from its section);
- **an empty table**: a table with header rows and no row of content.

Each finding names the document, the page and the text, in Swedish.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Any, Final

import attrs
from lxml import etree

from delarsrapport._errors import LayoutError
from delarsrapport._render.typografi import KORT_TABELL, LANG_RAD
from delarsrapport._render.wordxml import is_header_row, qn, style_ids, visible_text

__all__ = ["Utskriftsfynd", "Utskriftskod", "granska_pdf"]


class Utskriftskod(StrEnum):
    """What the print gate found; the values are stable."""

    ORD_BRUTET = "UTSKRIFT-ORD-BRUTET"
    RUBRIK_SIST = "UTSKRIFT-RUBRIK-SIST"
    RAD_DELAD = "UTSKRIFT-RAD-DELAD"
    TABELL_DELAD = "UTSKRIFT-TABELL-DELAD"
    UTANFOR_MARGINAL = "UTSKRIFT-UTANFOR-MARGINAL"
    TOM_TABELL = "UTSKRIFT-TOM-TABELL"


@attrs.frozen(kw_only=True)
class Utskriftsfynd:
    """One thing wrong on the printed pages: where, what text, and what to do."""

    kod: Utskriftskod
    dokument: str
    sida: int
    text: str
    meddelande: str
    rapport: str = ""
    """The report the document was rendered from (a sample's file name), or empty."""

    def __str__(self) -> str:
        return f"{self.dokument}, sida {self.sida}: {self.kod}  {self.meddelande}"

    def as_dict(self) -> dict[str, object]:
        """The finding as plain data (for JSON)."""
        return {
            "kod": str(self.kod),
            "rapport": self.rapport,
            "dokument": self.dokument,
            "sida": self.sida,
            "text": self.text,
            "meddelande": self.meddelande,
        }


#: Points a word may stand outside the margin before it counts (table cells' own padding).
_MARGINAL_TOLERANS: Final = 6.0
#: A paragraph this short under a heading is a line of it (a subtitle, a table's caption).
_KORT_RAD: Final = 80
_ORD: Final = re.compile(r"\S+")
_MELLANRUM: Final = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


@attrs.frozen
class _Ord:
    """A word of the source, and what it belongs to."""

    text: str
    element: int
    """The index of the paragraph or table row it stands in, in document order."""


@attrs.frozen
class _Element:
    slag: str  # "rubrik", "etikett", "stycke", "rad", "huvudrad"
    text: str
    tabell: int | None = None


@attrs.frozen
class _Sektion:
    bredd: float
    hojd: float
    vanster: float
    hoger: float
    topp: float
    botten: float


def _ord(text: str) -> list[str]:
    return _ORD.findall(text.translate(_MELLANRUM))


def _kalla(docx: bytes) -> tuple[list[_Element], list[_Sektion], list[tuple[int, int, str]]]:
    """The document's paragraphs and rows in order, its sections, and its empty tables."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"), parser=_PARSER)
        stilar = (
            {v: k for k, v in style_ids(zf.read("word/styles.xml")).items()}
            if "word/styles.xml" in zf.namelist()
            else {}
        )
    body = root.find(qn("w:body"))
    assert body is not None
    element: list[_Element] = []
    tomma: list[tuple[int, int, str]] = []
    tabeller = 0

    def stycke(p: etree._Element) -> None:
        text = visible_text(p).strip()
        if any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br"))):
            element.append(_Element("sidbrytning", ""))  # a break the document asks for
        if not text:
            return
        stil = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        namn = stilar.get(stil.get(qn("w:val"), ""), "") if stil is not None else ""
        if namn.startswith(("heading", "rubrik", "title")):
            element.append(_Element("rubrik", text))
            return
        korningar = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        fet = bool(korningar) and all(
            (rpr := r.find(qn("w:rPr"))) is not None and rpr.find(qn("w:b")) is not None for r in korningar
        )
        element.append(_Element("etikett" if fet and len(text) <= 80 else "stycke", text))

    def tabell(tbl: etree._Element) -> None:
        nonlocal tabeller
        tabeller += 1
        nummer = tabeller
        innehall = False
        for tr in tbl.findall(qn("w:tr")):
            celler = [" ".join(visible_text(p) for p in tc.iter(qn("w:p"))) for tc in tr.findall(qn("w:tc"))]
            text = " ".join(c for c in celler if c.strip())
            huvud = is_header_row(tr)
            innehall = innehall or (not huvud and bool(text.strip()))
            if text.strip():
                element.append(_Element("huvudrad" if huvud else "rad", text, nummer))
        if not innehall:
            tomma.append((nummer, len(element), " ".join(visible_text(p) for p in tbl.iter(qn("w:p")))[:80]))

    # A content control at the body's level (Word's table of contents) holds paragraphs too.
    for child in body.iterchildren():
        if child.tag == qn("w:sdt"):
            innehall = child.find(qn("w:sdtContent"))
            barn = list(innehall) if innehall is not None else []
        else:
            barn = [child]
        for el in barn:
            if el.tag == qn("w:p"):
                stycke(el)
            elif el.tag == qn("w:tbl"):
                tabell(el)
    sektioner = [_sektion(s) for s in root.iter(qn("w:sectPr"))]
    return element, sektioner, tomma


def _sektion(sect: etree._Element) -> _Sektion:
    def tal(el: etree._Element | None, attr: str, standard: float) -> float:
        if el is None or el.get(qn(f"w:{attr}")) is None:
            return standard
        return int(el.get(qn(f"w:{attr}"), "0")) / 20  # twentieths of a point

    storlek = sect.find(qn("w:pgSz"))
    marg = sect.find(qn("w:pgMar"))
    return _Sektion(
        bredd=tal(storlek, "w", 595.3),
        hojd=tal(storlek, "h", 841.9),
        vanster=tal(marg, "left", 72),
        hoger=tal(marg, "right", 72),
        topp=tal(marg, "top", 72),
        botten=tal(marg, "bottom", 72),
    )


_PARSER: Final = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


@attrs.frozen
class _Sidord:
    text: str
    sida: int
    x0: float
    y0: float
    x1: float
    y1: float


def _sidord(
    pdf: Any, sektioner: Sequence[_Sektion]
) -> tuple[list[_Sidord], list[_Sidord], list[tuple[float, float]]]:
    """The words of the pages' text areas in reading order, every word (margins too), and
    each page's size."""
    brod: list[_Sidord] = []
    alla: list[_Sidord] = []
    storlekar: list[tuple[float, float]] = []
    for nummer, page in enumerate(pdf.pages, start=1):
        bredd, hojd = float(page.width), float(page.height)
        storlekar.append((bredd, hojd))
        sektion = _sektion_for(bredd, hojd, sektioner)
        ord_ = [
            _Sidord(str(w["text"]).translate(_MELLANRUM), nummer, w["x0"], w["top"], w["x1"], w["bottom"])
            for w in page.extract_words()
        ]
        for o in sorted(ord_, key=lambda o: (round(o.y0), o.x0)):
            alla.append(o)
            if o.y0 >= sektion.topp - 2 and o.y1 <= hojd - sektion.botten + 2:
                brod.append(o)
    return brod, alla, storlekar


def _sektion_for(bredd: float, hojd: float, sektioner: Sequence[_Sektion]) -> _Sektion:
    for s in sektioner:
        if abs(s.bredd - bredd) < 3 and abs(s.hojd - hojd) < 3:
            return s
    return sektioner[-1] if sektioner else _Sektion(bredd, hojd, 72, 72, 72, 72)


def granska_pdf(
    docx: bytes, pdf: bytes, *, dokument: str, hall_ihop_tabeller: int = 15, rapport: str = ""
) -> list[Utskriftsfynd]:
    """The print gate's findings for one document: its .docx and the PDF made from it.

    *dokument* (the file name) and *rapport* (what it was rendered from) name the finding;
    *hall_ihop_tabeller* is the most rows a table may have and still be held to one page.
    """
    try:
        import pdfplumber  # only the print gate needs it
    except ImportError:
        raise LayoutError(
            "utskriftskontrollen behöver pdfplumber: pip install 'delarsrapport[utskrift]'"
        ) from None

    element, sektioner, tomma = _kalla(docx)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        brod, alla, storlekar = _sidord(doc, sektioner)
    kallord = [_Ord(o, i) for i, e in enumerate(element) for o in _ord(e.text)]
    sidor = _sidor_per_element(kallord, brod, len(element))
    fynd: list[Utskriftsfynd] = []
    fynd += _brutna_ord(brod, Counter(o.text for o in kallord), dokument)
    fynd += _rubriker_sist(element, sidor, dokument)
    fynd += _delade_rader(element, sidor, dokument, hall_ihop_tabeller)
    fynd += _utanfor(alla, storlekar, sektioner, dokument)
    for nummer, fore, text in tomma:
        sida = min(sidor[fore - 1]) if 0 < fore <= len(sidor) and sidor[fore - 1] else 1
        fynd.append(
            Utskriftsfynd(
                kod=Utskriftskod.TOM_TABELL,
                dokument=dokument,
                sida=sida,
                text=text,
                meddelande=f"tabell {nummer} har ingen rad med innehåll ('{text[:60]}'); "
                "låt mallen visa den bara när det finns rader ({%p if … %})",
            )
        )
    if rapport:
        fynd = [attrs.evolve(f, rapport=rapport) for f in fynd]
    return sorted(fynd, key=lambda f: (f.sida, f.kod))


def _sidor_per_element(kallord: Sequence[_Ord], brod: Sequence[_Sidord], antal: int) -> list[set[int]]:
    """For each paragraph or row of the source, the pages its words were found on."""
    matcher = difflib.SequenceMatcher(None, [o.text for o in kallord], [o.text for o in brod], autojunk=False)
    sidor: list[set[int]] = [set() for _ in range(antal)]
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            sidor[kallord[a + k].element].add(brod[b + k].sida)
    return sidor


def _brutna_ord(brod: Sequence[_Sidord], ordforrad: Counter[str], dokument: str) -> Iterator[Utskriftsfynd]:
    """Words broken over two (or three) lines of one column: the pieces, each below the one
    before it, make a word of the source.

    A piece that is itself a word of the source ("Budget|avvikelse") counts only when the
    pages show the whole word fewer times than the source has it; a line ending in a
    hyphen, a slash or a dash is a break the text allows.
    """
    sedda: set[tuple[int, str]] = set()
    per_sida: dict[int, list[_Sidord]] = {}
    for o in brod:
        per_sida.setdefault(o.sida, []).append(o)
    pa_sidorna = Counter(o.text for o in brod)
    for ord_ in per_sida.values():
        for a in ord_:
            if a.text.endswith(("-", "/", "–", "—")):
                continue
            for bitar in _bitar_under(a, ord_):
                helt = "".join(b.text for b in bitar)
                if helt not in ordforrad or (a.sida, helt) in sedda:
                    continue
                hela_ord = all(b.text in ordforrad for b in bitar)
                if hela_ord and pa_sidorna[helt] >= ordforrad[helt]:
                    continue
                sedda.add((a.sida, helt))
                delat = "|".join(b.text for b in bitar)
                yield Utskriftsfynd(
                    kod=Utskriftskod.ORD_BRUTET,
                    dokument=dokument,
                    sida=a.sida,
                    text=helt,
                    meddelande=f"ordet '{helt}' bryts mitt i ordet ('{delat}'); "
                    "gör kolumnen bredare eller texten mindre",
                )
                break


def _under(a: _Sidord, ord_: Sequence[_Sidord]) -> list[_Sidord]:
    """The words on the line just below *a* that share some of its width."""
    hojd = a.y1 - a.y0
    return [
        b for b in ord_ if 0 <= b.y0 - a.y1 + 1.5 <= hojd and not (b.x0 > a.x1 or b.x1 < a.x0) and b is not a
    ]


def _bitar_under(a: _Sidord, ord_: Sequence[_Sidord]) -> Iterator[tuple[_Sidord, ...]]:
    """*a* with the word below it, and with the word below that too."""
    for b in _under(a, ord_):
        yield (a, b)
        if not b.text.endswith(("-", "/", "–", "—")):
            for c in _under(b, ord_):
                yield (a, b, c)


def _rubriker_sist(
    element: Sequence[_Element], sidor: Sequence[set[int]], dokument: str
) -> Iterator[Utskriftsfynd]:
    """Headings and bold labels last on their page, what follows them on the next; also a
    heading whose short lines under it (a subtitle, "Per augusti 2024") stay with it while
    the table they introduce starts on the next page."""
    for i, e in enumerate(element[:-1]):
        if e.slag not in ("rubrik", "etikett") or not sidor[i] or element[i + 1].slag == "sidbrytning":
            continue
        sida = max(sidor[i])
        j = i + 1
        while (
            j < len(element)
            and element[j].slag == "stycke"
            and len(element[j].text) <= _KORT_RAD
            and sidor[j]
            and min(sidor[j]) == sida
        ):
            j += 1
        if j > i + 1 and (j == len(element) or element[j].slag not in ("rad", "huvudrad")):
            continue
        nasta = next((sidor[k] for k in range(j, len(element)) if sidor[k]), None)
        if nasta and min(nasta) > sida:
            vad = "rubriken" if e.slag == "rubrik" else "den fetstilta etiketten"
            under = f" (med raden '{element[i + 1].text[:40]}')" if j > i + 1 else ""
            yield Utskriftsfynd(
                kod=Utskriftskod.RUBRIK_SIST,
                dokument=dokument,
                sida=sida,
                text=e.text,
                meddelande=f"{vad} '{e.text[:70]}'{under} står sist på sidan och det den hör till börjar på "
                "nästa; ge stilen 'Håll ihop med nästa' (typografi.hall_ihop_rubriker i installningar.yaml)",
            )


def _delade_rader(
    element: Sequence[_Element], sidor: Sequence[set[int]], dokument: str, hall_ihop: int
) -> Iterator[Utskriftsfynd]:
    tabeller: dict[int, list[int]] = {}
    for i, e in enumerate(element):
        if e.tabell is not None:
            tabeller.setdefault(e.tabell, []).append(i)
            if e.slag == "rad" and len(sidor[i]) > 1 and len(e.text) <= LANG_RAD:
                yield Utskriftsfynd(
                    kod=Utskriftskod.RAD_DELAD,
                    dokument=dokument,
                    sida=min(sidor[i]),
                    text=e.text,
                    meddelande=f"tabellraden '{e.text[:70]}' delas mellan sida {min(sidor[i])} och "
                    f"{max(sidor[i])}; rader ska inte brytas över sidor (typografi.hela_rader)",
                )
    for nummer, index in tabeller.items():
        rader = [i for i in index if element[i].slag == "rad"]
        sidorna = set().union(*(sidor[i] for i in rader)) if rader else set()
        kort = sum(len(element[i].text) for i in rader) <= KORT_TABELL
        if 1 < len(rader) <= hall_ihop and kort and len(sidorna) > 1:
            forsta = element[rader[0]].text
            yield Utskriftsfynd(
                kod=Utskriftskod.TABELL_DELAD,
                dokument=dokument,
                sida=min(sidorna),
                text=forsta,
                meddelande=f"tabell {nummer} ('{forsta[:50]}') har {len(rader)} rader men delas över "
                f"sidorna {', '.join(map(str, sorted(sidorna)))}; en kort tabell hålls ihop "
                "(typografi.hall_ihop_tabeller)",
            )


def _utanfor(
    alla: Sequence[_Sidord],
    storlekar: Sequence[tuple[float, float]],
    sektioner: Sequence[_Sektion],
    dokument: str,
) -> Iterator[Utskriftsfynd]:
    sedda: set[int] = set()
    for o in alla:
        bredd, hojd = storlekar[o.sida - 1]
        s = _sektion_for(bredd, hojd, sektioner)
        if o.sida in sedda:
            continue
        if o.x0 < s.vanster - _MARGINAL_TOLERANS or o.x1 > bredd - s.hoger + _MARGINAL_TOLERANS:
            sedda.add(o.sida)
            yield Utskriftsfynd(
                kod=Utskriftskod.UTANFOR_MARGINAL,
                dokument=dokument,
                sida=o.sida,
                text=o.text,
                meddelande=f"'{o.text}' står utanför sidans marginal; gör tabellen smalare eller lägg den på "
                "en liggande sida",
            )
