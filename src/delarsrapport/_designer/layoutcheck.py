"""Checking a layout without report data: what ``delarsrapport layout check`` reports.

A template designer edits the .docx templates of a layout in Word. Most mistakes only
show when a report is rendered, one at a time. :func:`check_layout` finds them all at
once, without data, and says for each the template file, the part, the paragraph or
table cell with its visible text, what is wrong and what to do, in Swedish.

How a template is read follows the engine (:mod:`delarsrapport._render.docx`): each part (body,
headers, footers, footnotes) is patched by docxtpl and compiled in the same sandboxed
environment. Before patching, every paragraph of the Word XML gets a marker attribute,
so that each Jinja tag in the patched source can be traced back to the paragraph the
designer wrote it in, also for ``{%p``/``{%tr``/``{%tc`` tags whose paragraph or row
docxtpl replaces. The checks then run on three levels:

- the Word XML (tags split across runs in a way docxtpl cannot join, unbalanced
  delimiters, ``{%tr``/``{%tc``/``{%p`` in the wrong place or with text that would be
  lost);
- each tag on its own and the nesting of blocks (syntax, every error with its place,
  and blocks that open in one table, row or cell and close in another);
- the Jinja syntax tree against the designer contract of :mod:`delarsrapport._context.kontext`:
  variables, fields (with the type of every loop variable inferred from what it
  iterates), filters and their arguments, and constructs the sandbox refuses or that
  would bypass escaping.
"""

from __future__ import annotations

import difflib
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import attrs
import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import nodes
from lxml import etree

from delarsrapport import _context as _kontext
from delarsrapport._check.koder import Severity
from delarsrapport._context import GEMENSAMMA, KONTEXTER
from delarsrapport._errors import LoadError, Problem
from delarsrapport._load.load import read_structured
from delarsrapport._model.rapport import DOKUMENTSLAG
from delarsrapport._render.docx import (
    _FOOTER,
    _FOOTNOTES,
    _HEADER,
    Plats,
    _part_label,
    make_environment,
    stilnamn,
)
from delarsrapport._render.filters import FILTERNAMN, Talstil
from delarsrapport._render.layout import INSTALLNINGSFIL, Installningar

__all__ = ["MALLKODER", "TILLATNA_INBYGGDA_FILTER", "Mallfynd", "check_layout"]


MALLKODER: Final[dict[str, str]] = {
    "MALL-SAKNAS": "En mall eller inställningsfilen saknas i layoutmappen.",
    "MALL-OLASBAR": "Filen går inte att öppna som ett Word-dokument (.docx).",
    "MALL-INSTALLNING": "installningar.yaml har ett okänt fält eller ett ogiltigt värde.",
    "MALL-STIL": "En stil som installningar.yaml anger under stilar finns inte i mallen.",
    "MALL-DELAD-TAGG": "En tagg är delad eller ofullständig i Word så att den inte kan fyllas i.",
    "MALL-SYNTAX": "En tagg går inte att tolka, eller ett block ({% if %}, {% for %} …) avslutas fel.",
    "MALL-FEL-PLATS": "En {%tr %}-, {%tc %}- eller {%p %}-tagg (eller filtret stycken) står på fel ställe.",
    "MALL-LOOP-OVER-CELLER": "Ett block inne i texten öppnas i en tabellcell och avslutas i en annan.",
    "MALL-OKAND-VARIABEL": "Mallen använder en variabel som inte finns för det här dokumentslaget.",
    "MALL-OKANT-FALT": "Mallen använder ett fält som variabeln inte har.",
    "MALL-INTE-LISTA": "En {% for %} går igenom något som inte är en lista.",
    "MALL-OKANT-FILTER": "Ett filter eller test finns inte, eller hör inte till mallspråket.",
    "MALL-FILTERARGUMENT": "Ett filter får fel argument, eller ett värde av fel slag.",
    "MALL-OSAKER": "Mallen kringgår escapingen eller gör något som sandlådan inte tillåter.",
    "MALL-UTSKRIFT": "En lista, ett belopp eller en grupp av fält skrivs ut rått, utan filter.",
}
"""Every code :func:`check_layout` reports, with one line in Swedish on what it means."""

TILLATNA_INBYGGDA_FILTER: Final = (
    "capitalize",
    "count",
    "d",
    "default",
    "e",
    "escape",
    "first",
    "int",
    "join",
    "last",
    "length",
    "lower",
    "replace",
    "round",
    "string",
    "title",
    "trim",
    "upper",
)
"""The Jinja built-in filters a template may use besides delarsrapport's own: harmless
text and list helpers. Any other built-in renders but is outside the designer contract."""

_OSAKRA_FILTER: Final = {
    "safe": "filtret safe stänger av escapingen, så att text kan bryta dokumentets XML",
    "urlize": "filtret urlize skriver HTML-länkar, som inte hör hemma i ett Word-dokument",
}
_EGNA_FILTER: Final = (*FILTERNAMN, "stycken")

_F: Final = Severity.FEL
_V: Final = Severity.VARNING


@attrs.frozen
class Mallfynd:
    """One problem in a layout: code, severity, file, place and what to do (in Swedish).

    ``plats`` names the part, the paragraph or table cell and its visible text (or the
    line and path in the settings file); ``meddelande`` says what is wrong and
    ``atgard`` what the designer should do.
    """

    severity: Severity
    kod: str
    fil: str
    plats: str
    meddelande: str
    atgard: str

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready dict."""
        return {
            "severity": str(self.severity),
            "kod": self.kod,
            "fil": self.fil,
            "plats": self.plats,
            "meddelande": self.meddelande,
            "atgard": self.atgard,
        }

    def __str__(self) -> str:
        return (
            f"[{self.severity}] {self.kod} {self.fil}, {self.plats}: {self.meddelande}\n"
            f"  åtgärd: {self.atgard}"
        )


# -- collecting findings in a stable order ---------------------------------------------------


@dataclass
class _Samlare:
    """Findings with their sort keys: file, part, paragraph, tag, then the order found."""

    fynd: list[tuple[tuple[int, ...], int, Mallfynd]] = field(default_factory=list)

    def lagg_till(self, nyckel: tuple[int, ...], fynd: Mallfynd) -> None:
        self.fynd.append((nyckel, len(self.fynd), fynd))

    def sorterade(self) -> list[Mallfynd]:
        ut: list[Mallfynd] = []
        sedda: set[Mallfynd] = set()
        for _nyckel, _nr, f in sorted(self.fynd, key=lambda x: (x[0], x[1])):
            if f not in sedda:
                sedda.add(f)
                ut.append(f)
        return ut


def _menade(ord_: str, kandidater: Iterable[str]) -> str:
    forslag = difflib.get_close_matches(ord_, sorted(set(kandidater)), n=1, cutoff=0.75)
    return f"; menade du {forslag[0]!r}?" if forslag else ""


def _kort(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- the Word XML: paragraphs, their text and where they are ----------------------------------

_W_P: Final = qn("w:p")
_W_T: Final = qn("w:t")
_W_TBL: Final = qn("w:tbl")
_W_TR: Final = qn("w:tr")
_W_TC: Final = qn("w:tc")
_W_TXBX: Final = qn("w:txbxContent")
_MARKOR: Final = "drp-n"
_OPAK: Final = {
    qn("w:delText"): "en spårad borttagning",
    qn("w:instrText"): "en fältkod",
    qn("w:delInstrText"): "en spårad borttagning",
}


@dataclass
class _Stycke:
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


def _narmaste(el: etree._Element, taggar: tuple[str, ...]) -> etree._Element | None:
    for a in el.iterancestors():
        if a.tag in taggar:
            return a
    return None


def _stycken(rot: etree._Element, del_: str) -> list[_Stycke]:
    """Every paragraph of a part, numbered in document order, with its place and text nodes."""
    tabeller = {t: i for i, t in enumerate(rot.iter(_W_TBL), start=1)}
    rader = {t: i for i, t in enumerate(rot.iter(_W_TR), start=1)}
    celler = {t: i for i, t in enumerate(rot.iter(_W_TC), start=1)}
    rutor = {t: i for i, t in enumerate(rot.iter(_W_TXBX), start=1)}
    ut: list[_Stycke] = []
    for nummer, p in enumerate(rot.iter(_W_P), start=1):
        noder: list[etree._Element] = []
        opak: list[tuple[int, int, str]] = []
        _samla(p, noder, opak)
        tecken = [(i, j) for i, n in enumerate(noder) for j in range(len(n.text or ""))]
        text = "".join(n.text or "" for n in noder)
        cell = _narmaste(p, (_W_TC, _W_TXBX))
        tbl = _narmaste(p, (_W_TBL,))
        tabell = rad = kolumn = None
        tr = tc = None
        if cell is not None and cell.tag == _W_TC and tbl is not None:
            tc = cell
            tr = tc.getparent()
            tabell = tabeller[tbl]
            if tr is not None and tr.tag == _W_TR:
                parent = tr.getparent()
                rad = [r for r in parent if r.tag == _W_TR].index(tr) + 1 if parent is not None else None
                kolumn = [c for c in tr if c.tag == _W_TC].index(tc) + 1
        behallare = 0
        if cell is not None:
            behallare = celler[cell] if cell.tag == _W_TC else -rutor[cell]
        ut.append(
            _Stycke(
                nummer=nummer,
                plats=Plats(del_, nummer, tabell, rad, kolumn, " ".join(text.split())),
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


def _samla(el: etree._Element, noder: list[etree._Element], opak: list[tuple[int, int, str]]) -> None:
    """The own w:t nodes of a paragraph, and where text docxtpl cannot skip lies between them."""

    def notera(vad: str) -> None:
        efter = len(noder) - 1
        opak.append((efter, efter + 1, vad))

    for barn in el:
        if isinstance(barn, etree._Comment | etree._ProcessingInstruction | etree._Entity):
            if barn.tail:
                notera("annat innehåll")
            continue
        if barn.tag == _W_T:
            if barn.text:
                noder.append(barn)
        elif barn.tag == _W_P:
            if "".join(str(x) for x in barn.itertext()):
                notera("en textruta")
        else:
            if barn.text:
                notera(_OPAK.get(barn.tag, "annat innehåll"))
            _samla(barn, noder, opak)
        if barn.tail:
            notera("annat innehåll")


# -- delimiters and tags in a paragraph's visible text ----------------------------------------

_AVGRANSARE: Final = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_STANGER: Final = {"{{": "}}", "{%": "%}", "{#": "#}"}
_STRUKTUR: Final = re.compile(r"\{([{%#])(tr|tc|p|r) ")
_CELLTAGG: Final = re.compile(r"\{%-?\s*(cellbg|colspan|vm|hm)\b")
_NIVANAMN: Final = {
    "tr": "en radtagg ({%tr … %})",
    "tc": "en celltagg ({%tc … %})",
    "p": "en styckestagg ({%p … %})",
    "": "en tagg inne i texten ({% … %})",
}


@dataclass
class _Ratagg:
    """A tag found in a paragraph's visible text (as the designer wrote it)."""

    start: int
    slut: int
    text: str


def _avgransare(stycke: _Stycke) -> tuple[list[_Ratagg], list[tuple[str, int, int]]]:
    """Complete tags in the visible text, and problems: (kind, start, end) with kind
    "oppen" (an opening delimiter without its closing one), "los" (a closing one alone)."""
    text = stycke.text
    taggar: list[_Ratagg] = []
    problem: list[tuple[str, int, int]] = []
    i = 0
    while True:
        m = _AVGRANSARE.search(text, i)
        if m is None:
            break
        d = m.group()
        if d not in _STANGER:
            if d != "#}":
                problem.append(("los", m.start(), m.end()))
            i = m.end()
            continue
        stang = _STANGER[d]
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
        taggar.append(_Ratagg(m.start(), slut + 2, text[m.start() : slut + 2]))
        i = slut + 2
    return taggar, problem


def _niva(tagg: str) -> str:
    """A tag's docxtpl level: "tr", "tc", "p", "gen" (cell colour or span) or "" (inside the text)."""
    if _CELLTAGG.match(tagg):
        return "gen"
    m = _STRUKTUR.match(tagg)
    return m.group(2) if m and m.group(2) != "r" else ""


def _delad(stycke: _Stycke, pos: int) -> str | None:
    """What lies between the two characters of a delimiter at *pos*, if docxtpl cannot join them."""
    a, _ = stycke.tecken[pos]
    b, _ = stycke.tecken[pos + 1]
    if a == b:
        return None
    for efter, fore, vad in stycke.opak:
        if a <= efter and fore <= b:
            return vad
    return None


# -- the patched source: tags and the paragraphs they came from -------------------------------

_OPPNARE: Final = re.compile(r"\{\{|\{%|\{#")
_P_START: Final = re.compile(r'<w:p (?:[^>]*? )?drp-n="(\d+)"[^>]*?(/?)>')
_P_SLUT: Final = re.compile(r"</w:p>")
_RAW: Final = re.compile(r"\{%[-+]?\s*raw\s*[-+]?%\}")
_ENDRAW: Final = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")


@dataclass
class _Tagg:
    """A Jinja tag of the patched source and where the designer wrote it."""

    text: str
    stycke: _Stycke
    niva: str
    """"tr", "tc", "p" (docxtpl replaced the row, cell or paragraph by the tag), "" (inside
    the text) or "gen" (written by docxtpl itself, e.g. for {% cellbg %})."""
    visning: str
    """The tag as the designer wrote it ({%tr for … %}), for messages."""


def _slut_pa_tagg(source: str, pos: int, oppnare: str) -> int | None:
    stang = _STANGER[oppnare]
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


# -- types: what the designer contract says a value is ---------------------------------------


@attrs.frozen
class _Typ:
    """What the checker knows about a value in a template."""

    slag: Literal["okand", "klass", "lista", "inget", "funktion", "loop", "vilken"]
    klass: type | None = None
    element: _Typ | None = None


_OKAND: Final = _Typ("okand")
_FUNKTION: Final = _Typ("funktion")
_TEXT: Final = _Typ("klass", str)
_HELTAL: Final = _Typ("klass", int)
_JANEJ: Final = _Typ("klass", bool)


@attrs.frozen
class _Medlem:
    metod: bool
    typ: _Typ


def _typ_av(annotation: object) -> _Typ:
    """The checker's type for a type annotation of the contract."""
    if annotation is Any:
        return _OKAND
    if annotation is object:
        return _Typ("vilken")
    if annotation is type(None):
        return _Typ("inget")
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        return _typ_av(rest[0]) if len(rest) == 1 else _OKAND
    if origin is Literal:
        return _Typ("klass", type(args[0])) if args else _OKAND
    if origin in (tuple, list, Sequence, Iterable):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            return _Typ("lista", element=_OKAND)
        return _Typ("lista", element=_typ_av(args[0]) if args else _OKAND)
    if isinstance(annotation, type):
        return _Typ("klass", annotation)
    return _OKAND


_TEXTMETODER: Final[dict[str, _Typ]] = {
    **dict.fromkeys(
        ("capitalize", "center", "ljust", "lower", "lstrip", "replace", "rjust", "rstrip", "strip"),
        _TEXT,
    ),
    **dict.fromkeys(("title", "upper", "zfill"), _TEXT),
    **dict.fromkeys(("endswith", "isalpha", "isdigit", "startswith"), _JANEJ),
    **dict.fromkeys(("count", "find"), _HELTAL),
    "split": _Typ("lista", element=_TEXT),
    "splitlines": _Typ("lista", element=_TEXT),
}
_DATUMMEDLEMMAR: Final[dict[str, _Medlem]] = {
    "year": _Medlem(False, _HELTAL),
    "month": _Medlem(False, _HELTAL),
    "day": _Medlem(False, _HELTAL),
    "isoformat": _Medlem(True, _TEXT),
    "weekday": _Medlem(True, _HELTAL),
    "isoweekday": _Medlem(True, _HELTAL),
}


@cache
def _klassmedlemmar(klass: type) -> dict[str, _Medlem]:
    """Fields, properties and methods a template may use on a value of *klass*."""
    if klass is str:
        return {namn: _Medlem(True, t) for namn, t in _TEXTMETODER.items()}
    if klass is date:
        return dict(_DATUMMEDLEMMAR)
    if klass in (int, bool, float, Decimal, type(None)):
        return {}
    ut: dict[str, _Medlem] = {}
    if attrs.has(klass):
        hints = typing.get_type_hints(klass)
        for f in attrs.fields(klass):
            ut[f.name] = _Medlem(False, _typ_av(hints.get(f.name, Any)))
    for k in reversed(klass.__mro__[:-1]):
        for namn, varde in vars(k).items():
            if namn.startswith("_") or namn in ut:
                continue
            if isinstance(varde, property) and varde.fget is not None:
                ut[namn] = _Medlem(False, _typ_av(typing.get_type_hints(varde.fget).get("return", Any)))
            elif inspect.isfunction(varde):
                ut[namn] = _Medlem(True, _typ_av(typing.get_type_hints(varde).get("return", Any)))
    return ut


@cache
def _alla_vyers_medlemmar() -> dict[str, _Medlem]:
    """What any view of the contract has: for rows typed only as "object" in the contract."""
    samlat: dict[str, set[_Medlem]] = {}
    for varde in vars(_kontext).values():
        if isinstance(varde, type) and attrs.has(varde) and varde.__module__.startswith(_kontext.__name__):
            for namn, medlem in _klassmedlemmar(varde).items():
                samlat.setdefault(namn, set()).add(medlem)
    return {
        namn: (next(iter(m)) if len(m) == 1 else _Medlem(any(x.metod for x in m), _OKAND))
        for namn, m in samlat.items()
    }


def _loopmedlemmar(element: _Typ) -> dict[str, _Medlem]:
    ut = {
        namn: _Medlem(False, _HELTAL)
        for namn in ("index", "index0", "revindex", "revindex0", "length", "depth", "depth0")
    }
    ut.update({"first": _Medlem(False, _JANEJ), "last": _Medlem(False, _JANEJ)})
    ut.update({"previtem": _Medlem(False, element), "nextitem": _Medlem(False, element)})
    ut.update({"cycle": _Medlem(True, _OKAND), "changed": _Medlem(True, _JANEJ)})
    return ut


def _medlemmar(t: _Typ) -> dict[str, _Medlem] | None:
    """What a value of type *t* has, or None when the checker cannot know."""
    if t.slag == "klass" and t.klass is not None:
        return _klassmedlemmar(t.klass)
    if t.slag in ("lista", "inget"):
        return {}
    if t.slag == "loop":
        return _loopmedlemmar(t.element or _OKAND)
    if t.slag == "vilken":
        return _alla_vyers_medlemmar()
    return None


def _typnamn(t: _Typ) -> str:
    """The type as designers say it."""
    if t.slag == "lista":
        return "en lista"
    if t.slag == "inget":
        return "inget värde"
    if t.slag != "klass" or t.klass is None:
        return "ett värde"
    namn = {
        str: "text",
        int: "ett heltal",
        bool: "ja/nej",
        Decimal: "ett tal",
        date: "ett datum",
        float: "ett tal",
    }.get(t.klass)
    if namn:
        return namn
    if t.klass.__name__ == "Belopp":
        return "ett belopp"
    if t.klass.__name__ == "Rapportperiod":
        return "en rapportperiod"
    return "en grupp av fält"


# -- Jinja messages in Swedish ----------------------------------------------------------------

_TOKENNAMN: Final = {
    "end of print statement": "slutet på taggen (}})",
    "end of statement block": "slutet på taggen (%})",
    "end of template": "slutet på mallen",
    "name": "ett namn",
    "string": "en text",
    "integer": "ett tal",
}


def _token(text: str) -> str:
    return _TOKENNAMN.get(text, repr(text))


def _oversatt(meddelande: str) -> str:
    """Jinja's syntax error in Swedish (the common ones; the rest as Jinja says them)."""
    m = re.match(r"expected token '([^']+)', got '([^']*)'", meddelande)
    if m:
        return f"väntade {_token(m.group(1))} men hittade {_token(m.group(2))}"
    m = re.match(r"unexpected '([^']*)'", meddelande)
    if m:
        if m.group(1).startswith("end of"):
            return "taggen tar slut innan uttrycket är färdigt"
        return f"oväntat {m.group(1)!r}"
    m = re.match(r"unexpected char '(.+)' at \d+", meddelande)
    if m:
        return f"otillåtet tecken {m.group(1)}"
    m = re.match(r"Expected an expression, got '([^']+)'", meddelande)
    if m:
        return f"ett uttryck saknas (hittade {_token(m.group(1))})"
    m = re.match(r"Encountered unknown tag '(\w+)'", meddelande)
    if m:
        return f"okänd tagg {m.group(1)!r}"
    if meddelande.startswith("tag name expected"):
        return "taggens namn saknas efter {%"
    m = re.match(r"unexpected end of (template|print statement|statement block)", meddelande, re.IGNORECASE)
    if m:
        return "taggen tar slut innan uttrycket är färdigt"
    return meddelande


# -- the syntax pass: each tag on its own, then the nesting of blocks -------------------------

_SLUT: Final = {
    "endif": "if",
    "endfor": "for",
    "endmacro": "macro",
    "endcall": "call",
    "endfilter": "filter",
    "endset": "set",
    "endwith": "with",
    "endautoescape": "autoescape",
    "endblock": "block",
    "endraw": "raw",
}
_BLOCK: Final = {"if", "for", "macro", "call", "filter", "with", "autoescape", "block", "raw", "set"}
_ENSAMMA: Final = {"set", "include", "import", "from", "extends", "print"}
_MELLAN: Final = {"elif": ("if",), "else": ("if", "for")}
_TILLDELNING: Final = re.compile(r"(?<![=!<>])=(?!=)")


@dataclass
class _Oppet:
    namn: str
    tagg: int
    ersatt: str | None
    """The block name the repaired source uses when the opening tag had to be replaced."""
    mellan: list[int] = field(default_factory=list)
    else_sett: bool = False


@dataclass
class _Syntax:
    """The result of the syntax pass over one part."""

    rader: list[str] = field(default_factory=list)
    rad_tagg: list[int] = field(default_factory=list)
    block: list[list[int]] = field(default_factory=list)


def _taggnamn(text: str) -> str | None:
    m = re.match(r"\{%[-+]?\s*(\w+)", text)
    return m.group(1) if m else None


# -- checking one template --------------------------------------------------------------------


class _Mall:
    """Checks one template file; findings go to the collector with their sort keys."""

    def __init__(
        self,
        path: Path,
        slag: str,
        env: jinja2.Environment,
        samlare: _Samlare,
        filordning: int,
    ) -> None:
        self.path = path
        self.fil = path.name
        self.slag = slag
        self.env = env
        self.samlare = samlare
        self.filordning = filordning
        self.delordning = 0
        self.del_ = ""

    # recording

    def fynd(
        self,
        kod: str,
        severity: Severity,
        stycke: _Stycke | None,
        meddelande: str,
        atgard: str,
        *,
        fokus: str = "",
        tagg: int = 0,
    ) -> None:
        if stycke is None:
            plats = self.del_
            nyckel = (self.filordning, self.delordning, 0, tagg)
        else:
            plats = f"{stycke.plats}: ”{_utdrag(stycke.plats.text, fokus)}”"
            nyckel = (self.filordning, self.delordning, stycke.nummer, tagg)
        self.samlare.lagg_till(nyckel, Mallfynd(severity, kod, self.fil, plats, meddelande, atgard))

    # reading

    def granska(self, installningar: Installningar | None) -> None:
        try:
            doc = DocxTemplate(str(self.path))
            doc.init_docx()
        except Exception as exc:  # a damaged or foreign file: say so, check the others
            self.samlare.lagg_till(
                (self.filordning, 0, 0, 0),
                Mallfynd(
                    _F,
                    "MALL-OLASBAR",
                    self.fil,
                    "hela filen",
                    "filen går inte att öppna som ett Word-dokument "
                    f"({type(exc).__name__}: {_kort(str(exc))})",
                    "spara mallen i Word som Word-dokument (.docx) och kör kontrollen igen",
                ),
            )
            return
        if installningar is not None:
            self.stilar(doc, installningar)
        # Plain lxml elements (python-docx's element classes redefine .text on runs and paragraphs).
        delar: list[tuple[str, etree._Element]] = [("body", etree.fromstring(doc.get_xml()))]
        for uri in (_HEADER, _FOOTER):
            for _rel, part in doc.get_headers_footers(uri):
                delar.append((str(part.partname), etree.fromstring(part.blob)))
        for part in doc.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                delar.append((str(part.partname), etree.fromstring(part.blob)))
        for key, rot in sorted(delar, key=lambda d: _delordning(d[0])):
            self.delordning = _delordning(key)[0] * 1000 + _delordning(key)[1]
            self.del_ = _part_label(key)
            self.granska_del(doc, rot)

    def stilar(self, doc: Any, installningar: Installningar) -> None:
        ids = stilnamn(doc.docx.styles.element.xml.encode("utf-8"))
        s = installningar.stilar
        namn = [
            ("stycke", s.stycke),
            *((f"rubriker[{i}]", r) for i, r in enumerate(s.rubriker)),
            ("punktlista", s.punktlista),
            ("tabell", s.tabell),
        ]
        for falt, stil in namn:
            if stil.lower() not in ids:
                self.samlare.lagg_till(
                    (self.filordning, 0, 0, 0),
                    Mallfynd(
                        _F,
                        "MALL-STIL",
                        self.fil,
                        f"formatmallarna (stilar.{falt} i {INSTALLNINGSFIL})",
                        f"stilen {stil!r} som {INSTALLNINGSFIL} anger i stilar.{falt} finns inte i mallen"
                        + _menade(stil.lower(), ids),
                        "skapa stilen i mallen i Word (Start > Formatmallar) eller ändra namnet under "
                        f"stilar i {INSTALLNINGSFIL} till en stil som finns",
                    ),
                )

    # one part

    def granska_del(self, doc: Any, rot: etree._Element) -> None:
        stycken = _stycken(rot, self.del_)
        self.granska_xml(stycken)
        for nummer, p in enumerate(rot.iter(_W_P), start=1):
            p.set(_MARKOR, str(nummer))
        source = doc.patch_xml(etree.tostring(rot, encoding="unicode"))
        taggar = self.spara(source, stycken)
        syntax = self.syntax(taggar)
        self.placering(taggar, syntax.block)
        mall = self.parse(syntax, taggar)
        if mall is not None:
            _Granskare(self, taggar, syntax.rad_tagg).granska(mall)

    def granska_xml(self, stycken: list[_Stycke]) -> None:
        """Delimiter and placement problems in the Word XML; repairs the analysed copy so that
        the rest of the part can still be checked."""
        rader_med_tr: dict[int, tuple[_Stycke, _Ratagg]] = {}
        celler_med_tc: dict[int, tuple[_Stycke, _Ratagg]] = {}
        for stycke in stycken:
            taggar, problem = _avgransare(stycke)
            for slag, start, slut in problem:
                self.delad_problem(stycke, slag, start, slut)
                stycke.ersatt(start, start + 1)
            for t in taggar:
                vad = _delad(stycke, t.start) or _delad(stycke, t.slut - 2)
                if vad is not None:
                    self.fynd(
                        "MALL-DELAD-TAGG",
                        _F,
                        stycke,
                        f"taggen {_kort(t.text)} är delad i Word av {vad}, så docxtpl kan inte foga ihop "
                        "den; den skulle stå kvar som text i dokumentet",
                        "markera taggen, ta bort den och skriv den på nytt i ett svep (acceptera först "
                        "spårade ändringar om sådana finns)",
                        fokus=t.text,
                    )
                    stycke.ersatt(t.start, t.start + 1)
                    stycke.ersatt(t.slut - 2, t.slut - 1)
                    continue
                self.struktur_tagg(stycke, t, rader_med_tr, celler_med_tc)
        self.forlorat_innehall(stycken, rader_med_tr, celler_med_tc)
        self.blankstegskontroll(stycken)

    def delad_problem(self, stycke: _Stycke, slag: str, start: int, slut: int) -> None:
        d = stycke.text[start:slut]
        if slag == "oppen":
            meddelande = (
                f"taggen som börjar med {d} saknar sitt {_STANGER[d]} i samma stycke; en tagg måste "
                "börja och sluta i samma stycke"
            )
            fokus = stycke.text[start : start + 40]
        else:
            meddelande = f"{d} står utan en början ({'{{' if d == '}}' else '{%'}) före sig i samma stycke"
            fokus = stycke.text[max(0, start - 30) : slut]
        self.fynd(
            "MALL-DELAD-TAGG",
            _F,
            stycke,
            meddelande,
            "skriv hela taggen i ett och samma stycke, utan radbrytning (Enter) inne i taggen, "
            "och kontrollera att varje {{ har sitt }} och varje {% sitt %}",
            fokus=fokus,
        )

    def struktur_tagg(
        self,
        stycke: _Stycke,
        t: _Ratagg,
        rader_med_tr: dict[int, tuple[_Stycke, _Ratagg]],
        celler_med_tc: dict[int, tuple[_Stycke, _Ratagg]],
    ) -> None:
        m = _STRUKTUR.match(t.text)
        cell = _CELLTAGG.match(t.text)
        if cell is not None:
            if stycke.cell is None:
                self.fynd(
                    "MALL-FEL-PLATS",
                    _F,
                    stycke,
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
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                stycke,
                f"{_kort(t.text)}: {{{{r … }}}} är till för formaterad text (RichText), som mallkontraktet "
                "inte har",
                "skriv taggen som {{ … }} utan r",
                fokus=t.text,
            )
            stycke.ersatt(t.start + 2, t.start + 3)
            return
        if niva == "r":
            return
        if niva == "tr" and stycke.rad is None:
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                stycke,
                f"{_kort(t.text)} står utanför en tabellrad; {{%tr … %}} upprepar eller tar bort den "
                "tabellrad den står i",
                "flytta taggen till en egen rad i tabellen, eller skriv den som {%p … %} om den gäller "
                "hela stycken",
                fokus=t.text,
            )
            stycke.ersatt(t.start + 2, t.start + 4)
            return
        if niva == "tc" and stycke.cell is None:
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                stycke,
                f"{_kort(t.text)} står utanför en tabellcell; {{%tc … %}} upprepar eller tar bort den "
                "tabellcell den står i",
                "flytta taggen till en egen cell i tabellen, eller skriv den som {%p … %}",
                fokus=t.text,
            )
            stycke.ersatt(t.start + 2, t.start + 4)
            return
        if typ == "{" and niva in ("tr", "tc"):
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                stycke,
                f"{_kort(t.text)}: en utskrift kan inte ersätta en hel "
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
                self.fynd(
                    "MALL-FEL-PLATS",
                    _F,
                    stycke,
                    f"{_kort(t.text)} ersätter hela stycket, så det andra som står i stycket försvinner: "
                    f"”{_kort(ovrigt, 60)}”",
                    "ge taggen ett eget stycke (tryck Enter före och efter den), eller skriv den som "
                    "{% … %} om den bara gäller en del av stycket",
                    fokus=t.text,
                )

    def forlorat_innehall(
        self,
        stycken: list[_Stycke],
        rader_med_tr: dict[int, tuple[_Stycke, _Ratagg]],
        celler_med_tc: dict[int, tuple[_Stycke, _Ratagg]],
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
                    self.fynd(
                        "MALL-FEL-PLATS",
                        _F,
                        stycke,
                        f"{_kort(t.text)} ersätter hela {vad}, så det andra som står i {vad} försvinner: "
                        f"”{_kort(ovrigt, 60)}”",
                        f"låt {vad} med taggen vara tom i övrigt; lägg innehållet i {vad} under eller "
                        "mellan taggarna",
                        fokus=t.text,
                    )

    def blankstegskontroll(self, stycken: list[_Stycke]) -> None:
        """{%- … %} and {% … -%}: docxtpl joins the tag with the text before (after) it and
        removes what lies between; that must stay within one paragraph or cell."""
        med_text = [s for s in stycken if s.noder]
        for i, stycke in enumerate(med_text):
            for t in _avgransare(stycke)[0]:
                if t.text.startswith("{%-"):
                    fore = med_text[i - 1] if i else None
                    self.blanksteg(stycke, t, t.start, fore, "före")
                if t.text.endswith("-%}"):
                    efter = med_text[i + 1] if i + 1 < len(med_text) else None
                    self.blanksteg(stycke, t, t.slut - 1, efter, "efter")

    def blanksteg(self, stycke: _Stycke, t: _Ratagg, pos: int, granne: _Stycke | None, sida: str) -> None:
        nod, offset = stycke.tecken[pos]
        text = stycke.noder[nod].text or ""
        bredvid = text[:offset] if sida == "före" else text[offset + 1 :]
        kant = nod == (0 if sida == "före" else len(stycke.noder) - 1)
        if bredvid.strip() and not (sida == "efter" and bredvid.lstrip().startswith(("{%", "{{"))):
            problem = f"texten ”{_kort(bredvid, 40)}” {sida} den försvinner"
        elif kant and (granne is None or granne.behallare != stycke.behallare):
            problem = (
                f"stycket {sida} står i en annan tabellcell, eller på andra sidan om en tabellgräns, "
                "så allt däremellan försvinner"
            )
        else:
            return
        self.fynd(
            "MALL-FEL-PLATS",
            _F,
            stycke,
            f"{_kort(t.text)} fogar ihop taggen med texten {sida} sig, och {problem}",
            "ta bort minustecknet i taggen ({% … %} i stället för {%- … -%}), eller flytta taggen så "
            "att den bara fogar ihop stycken i samma cell",
            fokus=t.text,
        )

    def spara(self, source: str, stycken: list[_Stycke]) -> list[_Tagg]:
        """The tags of the patched source, each traced to the paragraph the designer wrote it in.

        The patched source's paragraph markers say where a tag stands now; the tags of the
        Word text, in order, say where it was written (docxtpl moves tags: {%p}/{%tr}/{%tc}
        replace their paragraph, row or cell, and {%- … -%} joins paragraphs).
        """
        inventering: dict[str, list[tuple[_Stycke, str, str]]] = {}
        for stycke in stycken:
            for r in _avgransare(stycke)[0]:
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
        taggar: list[_Tagg] = []
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
                taggar.append(_Tagg(text, stycke, niva, ratt if niva != "gen" else text))
            else:
                nasta = next((n for _o, s, n in handelser[h:] if s != 1), None)
                nummer = stack[-1] if stack else (nasta or senaste or 1)
                taggar.append(_Tagg(text, stycken[min(nummer, len(stycken)) - 1], "gen", text))
        return taggar

    def syntax(self, taggar: list[_Tagg]) -> _Syntax:
        """Each tag on its own, then the nesting of blocks; the repaired source for the AST."""
        ut = _Syntax()
        stack: list[_Oppet] = []

        def rad(text: str, tagg: int) -> None:
            ut.rader.append(text)
            ut.rad_tagg.append(tagg)

        def stang(o: _Oppet, tagg: int) -> None:
            rad(f"{{% end{o.ersatt or o.namn} %}}", tagg)

        for i, t in enumerate(taggar):
            text = t.text
            if text.startswith("{{"):
                fel = self.prova(text)
                if fel is None:
                    rad(text, i)
                else:
                    self.syntaxfel(i, t, fel)
                continue
            namn = _taggnamn(text)
            if namn is None:
                self.syntaxfel(i, t, "taggens namn saknas efter {%")
                continue
            if namn in _SLUT:
                oppnare = _SLUT[namn]
                namnat = r"(\w+\s*)?" if namn == "endblock" else ""
                if not re.fullmatch(rf"\{{%[-+]?\s*\w+\s*{namnat}[-+]?%\}}", text):
                    self.syntaxfel(i, t, f"efter {namn} får inget mer stå i taggen")
                djup = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].namn == oppnare), None)
                if djup is None:
                    self.fynd(
                        "MALL-SYNTAX",
                        _F,
                        t.stycke,
                        f"{_kort(t.visning)} avslutar inget block: det finns inget öppet "
                        f"{{% {oppnare} %}} före",
                        f"ta bort {_kort(t.visning)}, eller lägg till den {{% {oppnare} … %}} som saknas",
                        fokus=t.visning,
                        tagg=i,
                    )
                    continue
                while len(stack) - 1 > djup:
                    o = stack.pop()
                    self.oavslutat(o, taggar)
                    stang(o, o.tagg)
                o = stack.pop()
                stang(o, i)
                ut.block.append([o.tagg, *o.mellan, i])
                continue
            if namn in _MELLAN:
                topp = stack[-1] if stack else None
                if topp is None or topp.namn not in _MELLAN[namn] or topp.else_sett:
                    if topp is not None and topp.else_sett:
                        meddelande = f"{_kort(t.visning)} står efter {{% else %}} i samma block"
                    else:
                        meddelande = f"{_kort(t.visning)} står utanför ett {{% if %}}" + (
                            " eller {% for %}" if namn == "else" else ""
                        )
                    self.fynd(
                        "MALL-SYNTAX",
                        _F,
                        t.stycke,
                        meddelande,
                        f"flytta {_kort(t.visning)} in i det block det hör till, eller ta bort det",
                        fokus=t.visning,
                        tagg=i,
                    )
                    continue
                if namn == "else":
                    if not re.fullmatch(r"\{%[-+]?\s*else\s*[-+]?%\}", text):
                        self.syntaxfel(i, t, "efter else får inget mer stå i taggen")
                    topp.else_sett = True
                    topp.mellan.append(i)
                    rad("{% else %}", i)
                    continue
                villkor = re.sub(r"^(\{%[-+]?\s*)elif\b", r"\1if", text)
                fel = self.prova(villkor + "{% endif %}")
                topp.mellan.append(i)
                if topp.ersatt is None and fel is None:
                    rad(text, i)
                else:
                    if fel is not None:
                        self.syntaxfel(i, t, fel)
                    rad("{% elif true %}" if topp.ersatt in (None, "if") else "{% else %}", i)
                continue
            if namn == "set" and _TILLDELNING.search(text):
                fel = self.prova(text)
                if fel is None:
                    rad(text, i)
                else:
                    self.syntaxfel(i, t, fel)
                continue
            if namn in _ENSAMMA:
                fel = self.prova(text)
                if fel is None:
                    rad(text, i)
                else:
                    self.syntaxfel(i, t, fel)
                continue
            if namn in _BLOCK:
                fel = self.prova(text + f"{{% end{namn} %}}") if namn != "raw" else "raw avslutas aldrig"
                ersatt: str | None = None
                if fel is None:
                    rad(text, i)
                else:
                    if namn != "raw":
                        self.syntaxfel(i, t, fel)
                    mal = re.match(r"\{%[-+]?\s*for\s+(\w+(?:\s*,\s*\w+)*)\s+in\b", text)
                    if namn == "for" and mal is not None:
                        rad(f"{{% for {mal.group(1)} in [] %}}", i)
                        ersatt = "for"
                    else:
                        rad("{% if true %}", i)
                        ersatt = "if"
                stack.append(_Oppet(namn, i, ersatt))
                continue
            self.okand_tagg(i, t, namn)
        while stack:
            o = stack.pop()
            self.oavslutat(o, taggar)
            stang(o, o.tagg)
        return ut

    def prova(self, text: str) -> str | None:
        """Jinja's syntax error for a small template, in Swedish, or None."""
        try:
            self.env.parse(text)
        except jinja2.TemplateSyntaxError as exc:
            return _oversatt(exc.message or str(exc))
        return None

    def syntaxfel(self, i: int, t: _Tagg, fel: str) -> None:
        self.fynd(
            "MALL-SYNTAX",
            _F,
            t.stycke,
            f"syntaxfel i taggen {_kort(t.visning)}: {fel}",
            "rätta taggen i Word: kontrollera stavningen, parenteser och citattecken, och att "
            "taggen är skriven som {{ … }} eller {% … %}",
            fokus=t.visning,
            tagg=i,
        )

    def okand_tagg(self, i: int, t: _Tagg, namn: str) -> None:
        if namn in ("tr", "tc", "p", "r"):
            meddelande = (
                f"{_kort(t.visning)} kunde inte tolkas som en {{%{namn} %}}-tagg; innehållet får inte "
                "innehålla tecknen } eller %"
            )
        elif namn in ("cellbg", "colspan", "vm", "hm"):
            meddelande = f"{_kort(t.visning)} kunde inte användas här; den fungerar bara i en tabellcell"
        else:
            kanda = [*_SLUT, *_BLOCK, *_ENSAMMA, *_MELLAN]
            meddelande = f"okänd tagg {namn!r} i {_kort(t.visning)}" + _menade(namn, kanda)
        self.fynd(
            "MALL-SYNTAX",
            _F,
            t.stycke,
            meddelande,
            "rätta taggen; se docs/mallguide.md för de taggar en mall kan använda",
            fokus=t.visning,
            tagg=i,
        )

    def oavslutat(self, o: _Oppet, taggar: list[_Tagg]) -> None:
        t = taggar[o.tagg]
        prefix = {"tr": "%tr", "tc": "%tc", "p": "%p"}.get(t.niva, "%")
        slut = f"{{{prefix} end{o.namn} %}}"
        self.fynd(
            "MALL-SYNTAX",
            _F,
            t.stycke,
            f"{_kort(t.visning)} avslutas aldrig: {slut} saknas",
            f"lägg till {slut} där blocket ska sluta",
            fokus=t.visning,
            tagg=o.tagg,
        )

    def placering(self, taggar: list[_Tagg], block: list[list[int]]) -> None:
        """The tags of a block (if/for/… with its else and end) must be on one level and in one
        table (for {%tr %}), row (for {%tc %}) or cell (for {%p %} and tags inside the text)."""
        for b in block:
            oppnare = taggar[b[0]]
            if oppnare.niva == "gen":
                continue
            a = oppnare.stycke
            for j in b[1:]:
                t = taggar[j]
                if t.niva == "gen":
                    continue
                s = t.stycke
                ov, tv = _kort(oppnare.visning), _kort(t.visning)
                if t.niva != oppnare.niva:
                    self.fynd(
                        "MALL-FEL-PLATS",
                        _F,
                        a,
                        f"{ov} är {_NIVANAMN[oppnare.niva]}, men {tv} "
                        f"({s.plats}) är {_NIVANAMN[t.niva]}; taggarna i ett block måste vara av samma slag",
                        "skriv alla taggar i blocket på samma sätt: {%tr … %} i egna tabellrader, "
                        "{%tc … %} i egna celler, {%p … %} i egna stycken, eller {% … %} inne i texten",
                        fokus=oppnare.visning,
                        tagg=b[0],
                    )
                    break
                if oppnare.niva == "tr" and s.tabell != a.tabell:
                    self.fynd(
                        "MALL-FEL-PLATS",
                        _F,
                        a,
                        f"{ov} och {tv} ({s.plats}) står i olika tabeller",
                        "lägg {%tr … %} och dess {%tr end… %} i samma tabell",
                        fokus=oppnare.visning,
                        tagg=b[0],
                    )
                    break
                if oppnare.niva == "tc" and s.rad != a.rad:
                    self.fynd(
                        "MALL-FEL-PLATS",
                        _F,
                        a,
                        f"{ov} och {tv} ({s.plats}) står i olika tabellrader",
                        "lägg {%tc … %} och dess {%tc end… %} i samma tabellrad",
                        fokus=oppnare.visning,
                        tagg=b[0],
                    )
                    break
                if oppnare.niva in ("p", "") and s.behallare != a.behallare:
                    if oppnare.niva == "" and (a.cell is not None or s.cell is not None):
                        self.fynd(
                            "MALL-LOOP-OVER-CELLER",
                            _F,
                            a,
                            f"{ov} öppnas i {_var(a)} men {tv} står i {_var(s)}; "
                            "ett block inne i texten kan inte gå över flera tabellceller",
                            "använd {%tr for … %} … {%tr endfor %} i egna rader för att upprepa rader, "
                            "{%tc … %} för kolumner, eller lägg hela blocket i en och samma cell",
                            fokus=oppnare.visning,
                            tagg=b[0],
                        )
                    else:
                        self.fynd(
                            "MALL-FEL-PLATS",
                            _F,
                            a,
                            f"{ov} öppnas i {_var(a)} men {tv} står i {_var(s)}",
                            "lägg blockets taggar i samma tabellcell (eller alla utanför tabeller); "
                            "använd {%tr … %} för att upprepa eller ta bort hela tabellrader",
                            fokus=oppnare.visning,
                            tagg=b[0],
                        )
                    break

    def parse(self, syntax: _Syntax, taggar: list[_Tagg]) -> nodes.Template | None:
        """The syntax tree of the repaired source; errors the passes missed are reported too."""
        rader = list(syntax.rader)
        for _ in range(len(rader) + 1):
            try:
                return self.env.parse("\n".join(rader))
            except jinja2.TemplateSyntaxError as exc:
                nr = (exc.lineno or 1) - 1
                if not 0 <= nr < len(rader) or not rader[nr]:
                    return None
                i = syntax.rad_tagg[nr]
                self.syntaxfel(i, taggar[i], _oversatt(exc.message or str(exc)))
                rader[nr] = ""
        return None


def _var(s: _Stycke) -> str:
    if s.tabell is not None:
        return f"tabell {s.plats.tabell}, rad {s.plats.rad}, kolumn {s.plats.kolumn}"
    if s.behallare:
        return f"en textruta (stycke {s.nummer})"
    return f"stycke {s.nummer} utanför tabeller"


def _utdrag(text: str, fokus: str) -> str:
    """The paragraph's visible text, cut around *fokus* when it is long."""
    if len(text) <= 160:
        return text
    i = text.find(" ".join(fokus.split())) if fokus else -1
    if i < 0:
        return text[:159] + "…"
    start = max(0, i - 50)
    ut = text[start : start + 158]
    return ("…" if start else "") + ut + ("…" if start + 158 < len(text) else "")


def _delordning(key: str) -> tuple[int, int]:
    if key == "body":
        return (0, 0)
    m = re.search(r"(header|footer)(\d*)\.xml$", key)
    if m:
        return (1 if m.group(1) == "header" else 2, int(m.group(2) or 1))
    return (3, 0)


# -- the syntax tree against the designer contract --------------------------------------------


@dataclass
class _Bunden:
    typ: _Typ
    ursprung: str | None = None
    """For a loop variable: what it is an element of ("ekonomi.sammanfattning.rader")."""


class _Granskare:
    """Walks a part's syntax tree with the names in scope and the type of every value."""

    def __init__(self, mall: _Mall, taggar: list[_Tagg], rad_tagg: list[int]) -> None:
        self.mall = mall
        self.taggar = taggar
        self.rad_tagg = rad_tagg
        kontext = {**GEMENSAMMA, **KONTEXTER[mall.slag]}
        globala: dict[str, _Bunden] = {namn: _Bunden(_FUNKTION) for namn in mall.env.globals}
        globala["range"] = _Bunden(_Typ("funktion", element=_HELTAL))
        self.ramar: list[dict[str, _Bunden]] = [
            globala,
            {namn: _Bunden(_typ_av(t)) for namn, t in kontext.items()},
        ]

    # recording

    def fynd(self, kod: str, severity: Severity, nod: nodes.Node, meddelande: str, atgard: str) -> None:
        nr = max(1, min(nod.lineno, len(self.rad_tagg))) - 1
        i = self.rad_tagg[nr] if self.rad_tagg else 0
        t = self.taggar[i] if self.taggar else None
        self.mall.fynd(
            kod, severity, t.stycke if t else None, meddelande, atgard, fokus=t.visning if t else "", tagg=i
        )

    def tagg(self, nod: nodes.Node) -> _Tagg | None:
        nr = max(1, min(nod.lineno, len(self.rad_tagg))) - 1
        return self.taggar[self.rad_tagg[nr]] if self.rad_tagg else None

    # scope

    def slaupp(self, namn: str) -> _Bunden | None:
        for ram in reversed(self.ramar):
            if namn in ram:
                return ram[namn]
        return None

    def bind(self, mal: nodes.Node, typ: _Typ, ursprung: str | None = None) -> None:
        if isinstance(mal, nodes.Name):
            self.ramar[-1][mal.name] = _Bunden(typ, ursprung)
        elif isinstance(mal, nodes.Tuple | nodes.List):
            for del_ in mal.items:
                self.bind(del_, _OKAND)
        elif isinstance(mal, nodes.NSRef) and self.slaupp(mal.name) is None:
            self.okand_variabel(mal, mal.name, mild="")

    def beskriv(self, sokvag: str) -> str:
        rot = sokvag.split(".", 1)[0].split("[", 1)[0]
        bunden = self.slaupp(rot)
        if bunden is not None and bunden.ursprung:
            return f"{sokvag} ({rot} är ett element i {bunden.ursprung})"
        return sokvag

    # statements

    def granska(self, mall: nodes.Template) -> None:
        self.satser(mall.body)

    def satser(self, body: Iterable[nodes.Node]) -> None:
        for nod in body:
            self.sats(nod)

    def sats(self, nod: nodes.Node) -> None:
        if isinstance(nod, nodes.Output):
            for n in nod.nodes:
                if not isinstance(n, nodes.TemplateData):
                    self.utskrift(n)
        elif isinstance(nod, nodes.For):
            self.loop(nod)
        elif isinstance(nod, nodes.If):
            self.uttryck(nod.test)
            self.satser(nod.body)
            for elif_ in nod.elif_:
                self.sats(elif_)
            self.satser(nod.else_)
        elif isinstance(nod, nodes.Assign):
            typ, _ = self.uttryck(nod.node)
            self.bind(nod.target, typ)
        elif isinstance(nod, nodes.AssignBlock):
            self.satser(nod.body)
            if nod.filter is not None:
                self.filter(nod.filter, None)
            self.bind(nod.target, _TEXT)
        elif isinstance(nod, nodes.With):
            varden = [self.uttryck(v)[0] for v in nod.values]
            self.ramar.append({})
            for mal, typ in zip(nod.targets, varden, strict=False):
                self.bind(mal, typ)
            self.satser(nod.body)
            self.ramar.pop()
        elif isinstance(nod, nodes.Macro | nodes.CallBlock):
            self.makro(nod)
        elif isinstance(nod, nodes.FilterBlock):
            self.filter(nod.filter, None)
            self.satser(nod.body)
        elif isinstance(nod, nodes.ScopedEvalContextModifier | nodes.EvalContextModifier):
            self.autoescape(nod)
        elif isinstance(nod, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
            self.inkludering(nod)
        else:
            for barn in nod.iter_child_nodes():
                if isinstance(barn, nodes.Stmt | nodes.Template):
                    self.sats(barn)
                elif isinstance(barn, nodes.Expr):
                    self.uttryck(barn)

    def loop(self, nod: nodes.For) -> None:
        typ, sokvag = self.uttryck(nod.iter)
        element = self.element(nod, typ, sokvag)
        self.ramar.append({})
        self.bind(nod.target, element, sokvag or None)
        if nod.test is not None:
            self.uttryck(nod.test)
        self.ramar[-1]["loop"] = _Bunden(_Typ("loop", element=element))
        self.satser(nod.body)
        self.ramar.pop()
        self.satser(nod.else_)

    def element(self, nod: nodes.Node, typ: _Typ, sokvag: str) -> _Typ:
        """The element type of a loop over *typ*; reports a loop over something that is no list."""
        if typ.slag == "lista":
            return typ.element or _OKAND
        if typ.slag == "funktion":
            return typ.element or _OKAND
        if typ.slag == "klass" and typ.klass is str:
            self.fynd(
                "MALL-INTE-LISTA",
                _V,
                nod,
                f"{sokvag or 'uttrycket'} är text, så {{% for %}} går igenom den tecken för tecken",
                "gå igenom en lista i stället; se docs/mallguide.md",
            )
            return _TEXT
        if typ.slag in ("klass", "inget"):
            medlemmar = _medlemmar(typ) or {}
            listor = sorted(n for n, m in medlemmar.items() if not m.metod and m.typ.slag == "lista")
            forslag = f"; menade du {sokvag}.{listor[0]}?" if len(listor) == 1 else ""
            if len(listor) > 1:
                forslag = "; listor i den: " + ", ".join(f"{sokvag}.{n}" for n in listor)
            self.fynd(
                "MALL-INTE-LISTA",
                _F,
                nod,
                f"{self.beskriv(sokvag) if sokvag else 'uttrycket'} är {_typnamn(typ)}, inte en lista, "
                f"så {{% for %}} kan inte gå igenom den{forslag}",
                "låt {% for … in … %} gå igenom en lista; se docs/mallguide.md för vilka fält som är listor",
            )
        return _OKAND

    def makro(self, nod: nodes.Macro | nodes.CallBlock) -> None:
        if isinstance(nod, nodes.Macro):
            self.ramar[-1][nod.name] = _Bunden(_FUNKTION)
        else:
            self.uttryck(nod.call)
        for d in nod.defaults:
            self.uttryck(d)
        self.ramar.append({namn: _Bunden(_FUNKTION) for namn in ("caller", "varargs", "kwargs")})
        for arg in nod.args:
            self.bind(arg, _OKAND)
        self.satser(nod.body)
        self.ramar.pop()

    def autoescape(self, nod: nodes.ScopedEvalContextModifier | nodes.EvalContextModifier) -> None:
        for kw in nod.options:
            if kw.key == "autoescape" and not (isinstance(kw.value, nodes.Const) and kw.value.value is True):
                self.fynd(
                    "MALL-OSAKER",
                    _F,
                    nod,
                    "{% autoescape false %} stänger av escapingen, så att text med tecken som < och & "
                    "kan bryta dokumentets XML",
                    "ta bort {% autoescape … %} och dess {% endautoescape %}",
                )
            self.uttryck(kw.value)
        if isinstance(nod, nodes.ScopedEvalContextModifier):
            self.satser(nod.body)

    def inkludering(self, nod: nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends) -> None:
        namn = {
            nodes.Include: "include",
            nodes.Import: "import",
            nodes.FromImport: "from … import",
            nodes.Extends: "extends",
        }[type(nod)]
        self.fynd(
            "MALL-OSAKER",
            _F,
            nod,
            f"{{% {namn} %}} hämtar andra mallfiler, vilket en Word-mall inte kan",
            f"ta bort {{% {namn} … %}} och skriv innehållet direkt i mallen",
        )
        if isinstance(nod, nodes.Import):
            self.bind(nodes.Name(nod.target, "store"), _OKAND)
        elif isinstance(nod, nodes.FromImport):
            for n in nod.names:
                self.bind(nodes.Name(n if isinstance(n, str) else n[1], "store"), _OKAND)

    def utskrift(self, uttryck: nodes.Expr) -> None:
        typ, sokvag = self.uttryck(uttryck)
        tagg = self.tagg(uttryck)
        ar_stycken = isinstance(uttryck, nodes.Filter) and uttryck.name == "stycken"
        if tagg is not None and tagg.niva == "p" and not ar_stycken:
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                uttryck,
                f"{_kort(tagg.visning)}: {{{{p … }}}} ersätter hela stycket och fungerar bara med filtret "
                "stycken (löptext)",
                "skriv {{p x | stycken }} för löptext, eller {{ … }} (utan p) inne i ett stycke",
            )
            return
        if tagg is not None and tagg.niva != "p" and _har_filter(uttryck, "stycken"):
            self.fynd(
                "MALL-FEL-PLATS",
                _F,
                uttryck,
                "filtret stycken skriver hela stycken och måste stå sist i en egen {{p … }}-tagg",
                "skriv taggen som {{p x | stycken }} i ett eget stycke; i en tabellcell kan filtret "
                "som_text användas",
            )
            return
        if typ.slag in ("lista", "vilken", "loop") or (
            typ.slag == "klass"
            and typ.klass is not None
            and typ.klass not in (str, int, bool, Decimal, date, float)
        ):
            self.fynd(
                "MALL-UTSKRIFT",
                _V,
                uttryck,
                f"{sokvag or 'uttrycket'} är {_typnamn(typ)} och skrivs ut rått, som Python-text",
                _utskriftsatgard(typ),
            )

    # expressions

    def uttryck(self, nod: nodes.Node, *, mild: str = "") -> tuple[_Typ, str]:
        """The type of *nod* and its dotted path (empty when it is no plain path).

        *mild* is set when a missing value cannot fail here (the subject of ``is defined`` or
        of the ``default`` filter): it says what happens instead, and findings are warnings.
        """
        if isinstance(nod, nodes.Name):
            bunden = self.slaupp(nod.name)
            if bunden is None:
                self.okand_variabel(nod, nod.name, mild=mild)
                return _OKAND, nod.name
            return bunden.typ, nod.name
        if isinstance(nod, nodes.Const):
            return (_typ_av(type(nod.value)) if nod.value is not None else _Typ("inget")), ""
        if isinstance(nod, nodes.Getattr):
            typ, sokvag = self.uttryck(nod.node)
            return self.attribut(nod, typ, sokvag, nod.attr, mild=mild)
        if isinstance(nod, nodes.Getitem):
            typ, sokvag = self.uttryck(nod.node)
            if isinstance(nod.arg, nodes.Const) and isinstance(nod.arg.value, str):
                return self.attribut(nod, typ, sokvag, nod.arg.value, mild=mild)
            self.uttryck(nod.arg)
            if isinstance(nod.arg, nodes.Slice):
                return typ, ""
            index = f"{sokvag}[{nod.arg.value!r}]" if sokvag and isinstance(nod.arg, nodes.Const) else ""
            return (typ.element or _OKAND) if typ.slag == "lista" else _OKAND, index
        if isinstance(nod, nodes.Filter):
            return self.filter(nod, nod.node), ""
        if isinstance(nod, nodes.Test):
            self.test(nod)
            return _JANEJ, ""
        if isinstance(nod, nodes.Call):
            return self.anrop(nod), ""
        if isinstance(nod, nodes.CondExpr):
            self.uttryck(nod.test)
            a, _ = self.uttryck(nod.expr1)
            b = self.uttryck(nod.expr2)[0] if nod.expr2 is not None else a
            return (a if a == b else _OKAND), ""
        if isinstance(nod, nodes.Compare | nodes.Not):
            for barn in nod.iter_child_nodes():
                self.uttryck(barn)
            return _JANEJ, ""
        if isinstance(nod, nodes.Concat):
            for barn in nod.iter_child_nodes():
                self.uttryck(barn)
            return _TEXT, ""
        if isinstance(nod, nodes.Tuple | nodes.List):
            for barn in nod.iter_child_nodes():
                self.uttryck(barn)
            return _Typ("lista", element=_OKAND), ""
        for barn in nod.iter_child_nodes():
            self.uttryck(barn)
        return _OKAND, ""

    def okand_variabel(self, nod: nodes.Node, namn: str, *, mild: str) -> None:
        if namn == "Markup":
            self.fynd(
                "MALL-OSAKER",
                _F,
                nod,
                "Markup gör text till färdig XML utan escaping, och finns inte i en mall",
                "ta bort Markup; skriv ut värdet med {{ … }} så escapas det",
            )
            return
        synliga = {n for ram in self.ramar[1:] for n in ram}
        annat = [s for s, k in KONTEXTER.items() if namn in k and s != self.mall.slag]
        if namn == "loop":
            meddelande = "variabeln 'loop' finns bara inne i en {% for %}"
        elif annat:
            meddelande = f"variabeln {namn!r} finns bara i mallen {annat[0]}.docx, inte i {self.mall.fil}"
        else:
            meddelande = f"variabeln {namn!r} finns inte i {self.mall.fil}" + _menade(namn, synliga)
        if mild:
            meddelande += f" ({mild})"
        self.fynd(
            "MALL-OKAND-VARIABEL",
            _V if mild else _F,
            nod,
            meddelande,
            "rätta namnet; variabler som finns här: " + ", ".join(sorted(synliga - {"loop"})),
        )

    def attribut(self, nod: nodes.Node, typ: _Typ, sokvag: str, attr: str, *, mild: str) -> tuple[_Typ, str]:
        ny = f"{sokvag}.{attr}" if sokvag else ""
        if attr.startswith("_"):
            self.fynd(
                "MALL-OSAKER",
                _F,
                nod,
                f"{attr!r} börjar med understreck; sådana inre delar av ett värde stoppar sandlådan",
                "använd bara fälten i mallkontraktet; se docs/mallguide.md",
            )
            return _OKAND, ny
        medlemmar = _medlemmar(typ)
        if medlemmar is None:
            return _OKAND, ny
        medlem = medlemmar.get(attr)
        if medlem is not None:
            return (_FUNKTION if medlem.metod else medlem.typ), ny
        vem = self.beskriv(sokvag) if sokvag else "uttrycket"
        if typ.slag == "klass" and hasattr(typ.klass, attr):
            self.fynd(
                "MALL-OKANT-FALT",
                _V,
                nod,
                f"{attr!r} i {vem} är en Python-egenskap hos {_typnamn(typ)}, inte ett fält i "
                "mallkontraktet; det fungerar, men stöds inte",
                "använd mallkontraktets fält och filter; se docs/mallguide.md",
            )
            return _OKAND, ny
        if typ.slag == "lista":
            meddelande = (
                f"{vem} är en lista och har inget fält {attr!r}; gå igenom den med "
                f"{{% for x in {sokvag or '…'} %}} och skriv x.{attr}"
            )
        elif typ.slag == "inget":
            meddelande = f"{vem} är alltid tomt (inget värde) och har inget fält {attr!r}"
        else:
            meddelande = f"fältet {attr!r} finns inte i {vem}" + _menade(
                attr, [n for n, m in medlemmar.items() if not m.metod]
            )
        falt = sorted(n for n, m in medlemmar.items() if not m.metod)
        atgard = "rätta fältnamnet; se docs/mallguide.md"
        if falt and typ.slag != "vilken":
            atgard += f"; fält i {sokvag or 'värdet'}: " + ", ".join(falt)
        if mild:
            meddelande += f" ({mild})"
        self.fynd("MALL-OKANT-FALT", _V if mild else _F, nod, meddelande, atgard)
        return _OKAND, ny

    def anrop(self, nod: nodes.Call) -> _Typ:
        for a in nod.args:
            self.uttryck(a)
        for kw in nod.kwargs:
            self.uttryck(kw.value)
        for d in (nod.dyn_args, nod.dyn_kwargs):
            if d is not None:
                self.uttryck(d)
        f = nod.node
        if isinstance(f, nodes.Getattr):
            typ, sokvag = self.uttryck(f.node)
            if f.attr.startswith("_"):
                return self.attribut(f, typ, sokvag, f.attr, mild="")[0]
            medlemmar = _medlemmar(typ)
            if medlemmar is None:
                return _OKAND
            medlem = medlemmar.get(f.attr)
            vem = self.beskriv(sokvag) if sokvag else "värdet"
            if medlem is None and typ.slag == "klass" and hasattr(typ.klass, f.attr):
                self.fynd(
                    "MALL-OSAKER",
                    _V,
                    nod,
                    f"{f.attr}() i {vem} är en Python-metod som inte hör till mallspråket; den fungerar, "
                    "men stöds inte",
                    "formatera värden med mallens filter; se docs/mallguide.md",
                )
                return _OKAND
            if medlem is None:
                metoder = [n for n, m in medlemmar.items() if m.metod]
                self.fynd(
                    "MALL-OSAKER",
                    _F,
                    nod,
                    f"mallen anropar {f.attr}(), som inte finns i {vem}" + _menade(f.attr, metoder),
                    "ta bort anropet; formatera värden med mallens filter (se docs/mallguide.md)",
                )
                return _OKAND
            if not medlem.metod:
                self.fynd(
                    "MALL-OSAKER",
                    _F,
                    nod,
                    f"{sokvag or f.attr}.{f.attr} är ett fält, inte något som kan anropas med ()"
                    if sokvag
                    else f"{f.attr} är ett fält, inte något som kan anropas med ()",
                    f"skriv {sokvag + '.' if sokvag else ''}{f.attr} utan ()",
                )
                return medlem.typ
            return medlem.typ
        typ, sokvag = self.uttryck(f)
        if typ.slag not in ("funktion", "okand", "loop"):
            self.fynd(
                "MALL-OSAKER",
                _F,
                nod,
                f"{sokvag or 'uttrycket'} är {_typnamn(typ)} och kan inte anropas med ()",
                f"skriv {sokvag or 'uttrycket'} utan ()",
            )
        if isinstance(f, nodes.Name) and f.name == "range":
            return _Typ("lista", element=_HELTAL)
        return _OKAND

    def filter(self, nod: nodes.Filter, amne: nodes.Expr | None) -> _Typ:
        namn = nod.name
        mild = "filtret default skriver då alltid sitt standardvärde" if namn in ("default", "d") else ""
        typ, sokvag = self.uttryck(amne, mild=mild) if amne is not None else (_OKAND, "")
        for a in nod.args:
            self.uttryck(a)
        for kw in _nyckelord(nod):
            self.uttryck(kw.value)
        for d in (nod.dyn_args, nod.dyn_kwargs):
            if d is not None:
                self.uttryck(d)
        if namn in _EGNA_FILTER:
            self.filterargument(nod, typ, sokvag)
            return _TEXT
        if namn in TILLATNA_INBYGGDA_FILTER:
            return _inbyggd_typ(namn, typ)
        if namn in _OSAKRA_FILTER:
            self.fynd(
                "MALL-OSAKER",
                _F,
                nod,
                _OSAKRA_FILTER[namn],
                f"ta bort | {namn}; värden escapas av sig själva och filtret stycken skriver löptext",
            )
            return _OKAND
        if namn == "attr" and nod.args and isinstance(nod.args[0], nodes.Const):
            varde = nod.args[0].value
            if isinstance(varde, str):
                return self.attribut(nod, typ, sokvag, varde, mild="")[0]
        tillatna = sorted({*_EGNA_FILTER, *TILLATNA_INBYGGDA_FILTER})
        if namn in self.mall.env.filters:
            self.fynd(
                "MALL-OKANT-FILTER",
                _V,
                nod,
                f"filtret {namn!r} är ett inbyggt Jinja-filter som inte hör till mallspråket; det fungerar, "
                "men stöds inte",
                "använd mallens egna filter eller de tillåtna inbyggda: " + ", ".join(tillatna),
            )
        else:
            self.fynd(
                "MALL-OKANT-FILTER",
                _F,
                nod,
                f"filtret {namn!r} finns inte" + _menade(namn, tillatna),
                "använd ett av filtren: " + ", ".join(tillatna),
            )
        return _OKAND

    def filterargument(self, nod: nodes.Filter, typ: _Typ, sokvag: str) -> None:
        """A filter of ours: its arguments, constant choices and the kind of value it formats."""
        if nod.dyn_args is not None or nod.dyn_kwargs is not None:
            return
        funktion = self.mall.env.filters[nod.name]
        signatur = _signatur(funktion)
        try:
            bundet = signatur.bind(None, *nod.args, **{kw.key: kw.value for kw in _nyckelord(nod)})
        except TypeError as exc:
            namn = list(signatur.parameters)[1:]
            self.fynd(
                "MALL-FILTERARGUMENT",
                _F,
                nod,
                f"filtret {nod.name} får fel argument: {_argumentfel(str(exc))}",
                f"filtret {nod.name} tar argumenten "
                + (", ".join(namn) if namn else "(inga)")
                + "; se docs/mallguide.md",
            )
            return
        hints = _hints(funktion)
        parametrar = list(signatur.parameters)
        for pnamn, varde in bundet.arguments.items():
            if pnamn == parametrar[0] or not isinstance(varde, nodes.Const):
                continue
            val = _literalval(hints.get(pnamn))
            if val is not None and varde.value not in val:
                self.fynd(
                    "MALL-FILTERARGUMENT",
                    _F,
                    nod,
                    f"filtret {nod.name} har inget val {varde.value!r} för {pnamn}"
                    + (_menade(varde.value, [str(v) for v in val]) if isinstance(varde.value, str) else ""),
                    f"använd ett av valen för {pnamn}: " + ", ".join(repr(v) for v in val),
                )
        onskat = _amnestyp(nod.name, hints.get(parametrar[0]))
        if onskat is None or typ.slag in ("okand", "funktion", "vilken", "loop"):
            return
        if typ.slag == "lista" and "lista" in onskat:
            self.listelement(nod, typ.element or _OKAND, sokvag)
            return
        passar = (typ.slag == "lista" and "lista" in onskat) or (
            typ.slag == "klass"
            and typ.klass is not None
            and any(issubclass(typ.klass, k) for k in onskat if isinstance(k, type))
        )
        if typ.slag == "inget" and type(None) in onskat:
            passar = True
        if not passar:
            self.fynd(
                "MALL-FILTERARGUMENT",
                _F,
                nod,
                f"filtret {nod.name} formaterar {_onskat_namn(onskat)}, men {sokvag or 'värdet'} är "
                f"{_typnamn(typ)}",
                "använd filtret på ett värde av rätt slag; se docs/mallguide.md för fälten och deras typer",
            )

    def listelement(self, nod: nodes.Filter, element: _Typ, sokvag: str) -> None:
        """stycken and som_text need löptext; lista writes each element as text."""
        if element.slag != "klass" or element.klass is None:
            return
        if nod.name in ("stycken", "som_text") and element.klass is not _kontext.Block:
            self.fynd(
                "MALL-FILTERARGUMENT",
                _F,
                nod,
                f"filtret {nod.name} skriver löptext, men {sokvag or 'värdet'} är en lista av "
                f"{_typnamn(element)}, inte löptext",
                "använd filtret lista för en lista av texter, eller gå igenom listan med {% for %}",
            )
        elif nod.name == "lista" and element.klass not in (str, int, Decimal):
            self.fynd(
                "MALL-FILTERARGUMENT",
                _V,
                nod,
                f"filtret lista skriver varje element som text, men elementen i {sokvag or 'listan'} är "
                f"{_typnamn(element)} och blir Python-text",
                "gå igenom listan med {% for x in … %} och skriv ut fälten, eller använd filtret stycken "
                "för löptext",
            )

    def test(self, nod: nodes.Test) -> None:
        self.uttryck(
            nod.node,
            mild="villkoret blir alltid falskt"
            if nod.name == "defined"
            else ("villkoret blir alltid sant" if nod.name == "undefined" else ""),
        )
        for a in nod.args:
            self.uttryck(a)
        for kw in nod.kwargs:
            self.uttryck(kw.value)
        if nod.name not in self.mall.env.tests:
            self.fynd(
                "MALL-OKANT-FILTER",
                _F,
                nod,
                f"testet {nod.name!r} finns inte" + _menade(nod.name, self.mall.env.tests),
                "använd ett av Jinjas tester, till exempel defined, none, number eller string",
            )


def _nyckelord(nod: nodes.Filter | nodes.Test) -> list[nodes.Keyword]:
    # Jinja's annotation says Pair; the parser puts Keyword nodes there.
    return typing.cast("list[nodes.Keyword]", nod.kwargs)


def _har_filter(nod: nodes.Node, namn: str) -> bool:
    if isinstance(nod, nodes.Filter) and nod.name == namn:
        return True
    return any(_har_filter(b, namn) for b in nod.iter_child_nodes())


def _utskriftsatgard(typ: _Typ) -> str:
    if typ.slag == "lista":
        if typ.element is not None and typ.element.klass is _kontext.Block:
            return (
                "skriv löptext med {{p x | stycken }} i ett eget stycke, eller {{ x | som_text }} "
                "i en tabellcell"
            )
        return "skriv listan med filtret lista ({{ x | lista }}) eller gå igenom den med {% for %}"
    if typ.slag == "klass" and typ.klass is not None:
        if typ.klass.__name__ == "Belopp":
            return "formatera beloppet med filtret belopp, till exempel {{ x | belopp('tkr') }}"
        if typ.klass.__name__ == "Rapportperiod":
            return "formatera perioden med filtret period, till exempel {{ period | period('kod') }}"
    return "skriv ut ett av fälten (x.namn); se docs/mallguide.md"


def _inbyggd_typ(namn: str, typ: _Typ) -> _Typ:
    if namn in ("length", "count", "int"):
        return _HELTAL
    if namn in ("first", "last"):
        return (typ.element or _OKAND) if typ.slag == "lista" else _OKAND
    if namn in ("default", "d"):
        return typ
    if namn == "round":
        return _OKAND
    return _TEXT


@cache
def _signatur(funktion: Callable[..., object]) -> inspect.Signature:
    return inspect.signature(funktion)


@cache
def _hints(funktion: Callable[..., object]) -> Mapping[str, object]:
    try:
        return typing.get_type_hints(funktion)
    except Exception:  # a filter without resolvable annotations: nothing to check against
        return {}


def _literalval(annotation: object) -> tuple[object, ...] | None:
    """The allowed constants of a Literal annotation (or Literal | None), else None."""
    if annotation is None:
        return None
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        val: list[object] = []
        for a in typing.get_args(annotation):
            if a is type(None):
                val.append(None)
            elif typing.get_origin(a) is Literal:
                val.extend(typing.get_args(a))
            else:
                return None
        return tuple(val)
    return None


def _amnestyp(filternamn: str, annotation: object) -> tuple[object, ...] | None:
    """What the value a filter formats may be: classes, None, or "lista"; None when anything goes."""
    if filternamn == "stycken":
        return ("lista",)
    if annotation is None or annotation is Any or annotation is str:
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation) if origin in (typing.Union, types.UnionType) else (annotation,)
    ut: list[object] = []
    for a in args:
        o = typing.get_origin(a)
        if o in (Iterable, Sequence, tuple, list):
            ut.append("lista")
        elif isinstance(a, type):
            ut.append(a)
        else:
            return None
    return tuple(ut)


def _onskat_namn(onskat: tuple[object, ...]) -> str:
    delar = []
    for k in onskat:
        if k == "lista":
            delar.append("en lista")
        elif isinstance(k, type) and k is not type(None):
            delar.append(_typnamn(_Typ("klass", k)))
    return " eller ".join(dict.fromkeys(delar))


def _argumentfel(text: str) -> str:
    m = re.search(r"unexpected keyword argument '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} finns inte"
    if "too many positional arguments" in text:
        return "för många argument"
    m = re.search(r"multiple values for argument '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} anges två gånger"
    m = re.search(r"missing a required argument: '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} saknas"
    return text


# -- the layout ---------------------------------------------------------------------------------


def _installningsproblem(problem: object) -> tuple[int, str, str]:
    if isinstance(problem, Problem):
        meddelande = problem.message
        m = re.search(r"'(\w+)' must be in \((.*?)\) \(got (.*?)\)", meddelande)
        if m and meddelande.startswith("ogiltigt värde"):
            meddelande = f"ogiltigt värde {m.group(3)} för {m.group(1)!r}; tillåtna värden: {m.group(2)}"
        sokvag = problem.path or "(hela filen)"
        plats = f"rad {problem.line}, {sokvag}" if problem.line is not None else sokvag
        return problem.line or 0, plats, meddelande
    return 0, "(hela filen)", str(problem)


def _las_installningar(katalog: Path, samlare: _Samlare) -> Installningar | None:
    fil = katalog / INSTALLNINGSFIL
    if not fil.is_file():
        samlare.lagg_till(
            (0, 0, 0, 0),
            Mallfynd(
                _F,
                "MALL-SAKNAS",
                INSTALLNINGSFIL,
                f"layoutmappen {katalog.name}",
                f"layouten saknar inställningsfilen {INSTALLNINGSFIL}",
                f"kopiera {INSTALLNINGSFIL} från en av layouterna som följer med (templates/uppsala) "
                "och anpassa den",
            ),
        )
        return None
    try:
        return read_structured(fil, Installningar)
    except LoadError as exc:
        for problem in exc.problems:
            rad, plats, meddelande = _installningsproblem(problem)
            samlare.lagg_till(
                (0, 0, rad, 0),
                Mallfynd(
                    _F,
                    "MALL-INSTALLNING",
                    INSTALLNINGSFIL,
                    plats,
                    meddelande,
                    f"rätta inställningen i {INSTALLNINGSFIL}; se docs/mallguide.md för de inställningar "
                    "som finns och deras värden",
                ),
            )
        return None


def check_layout(katalog: Path) -> list[Mallfynd]:
    """Check the layout in folder *katalog* without report data; return every finding.

    Findings come in a stable order: the settings file first, then the templates in the
    order of the document kinds, and within a template by part (body, headers, footers,
    footnotes) and position. An empty list means the layout is fine to render with.
    """
    katalog = Path(katalog)
    samlare = _Samlare()
    if not katalog.is_dir():
        samlare.lagg_till(
            (0, 0, 0, 0),
            Mallfynd(
                _F,
                "MALL-SAKNAS",
                katalog.name or str(katalog),
                "layoutmappen",
                f"layoutmappen {katalog} finns inte",
                "ange sökvägen till en mapp med de fem mallarna och installningar.yaml",
            ),
        )
        return samlare.sorterade()
    installningar = _las_installningar(katalog, samlare)
    env = make_environment(Talstil(), None)
    ovriga = sorted(
        p.name for p in katalog.glob("*.docx") if not p.name.startswith("~$") and p.stem not in DOKUMENTSLAG
    )
    for ordning, slag in enumerate(DOKUMENTSLAG, start=1):
        path = katalog / f"{slag}.docx"
        if not path.is_file():
            liknande = difflib.get_close_matches(
                path.name.lower(), [o.lower() for o in ovriga], n=1, cutoff=0.6
            )
            tips = ""
            if liknande:
                namn = next(o for o in ovriga if o.lower() == liknande[0])
                tips = f"; byt namn på {namn} till {path.name} om det är den mallen"
            samlare.lagg_till(
                (ordning, 0, 0, 0),
                Mallfynd(
                    _F,
                    "MALL-SAKNAS",
                    path.name,
                    f"layoutmappen {katalog.name}",
                    f"mallen för dokumentslaget {slag} saknas (filen {path.name})",
                    f"lägg mallen {path.name} i layoutmappen, till exempel en kopia från "
                    f"templates/uppsala{tips}",
                ),
            )
            continue
        _Mall(path, slag, env, samlare, ordning).granska(installningar)
    return samlare.sorterade()
