"""Where in a template something went wrong, in the words Word uses.

A designer knows a template's parts by what Word calls them: the body, "sidhuvudet på
första sidan", "sidfoten på övriga sidor". :func:`part_labels` names each header and
footer part so, from the kind of reference the document's sections make to it
(``w:headerReference w:type="first|default|even"``). A table is named by its number and
its caption, or else the heading above it: "tabell 2 (Sammanfattning), rad 3, kolumn 4"
(:class:`Plats`).

A prepared part has one paragraph per line (as docxtpl arranges it), so a Jinja line
number names a paragraph; :func:`plats` turns it into the paragraph or table cell and
its visible text, and the helpers here turn Jinja's exceptions into a Swedish message
and a hint of what to do.
"""

from __future__ import annotations

import difflib
import re
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

import jinja2
from jinja2.exceptions import SecurityError
from lxml import etree

__all__ = [
    "BODY",
    "FOOTER",
    "FOOTNOTES",
    "HEADER",
    "Plats",
    "hint",
    "lineno",
    "message",
    "part_label",
    "part_labels",
    "plats",
    "table_name",
]

FOOTNOTES: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

HEADER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"

FOOTER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


BODY: Final = "dokumentets brödtext"
"""The body, as messages name it."""

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PLACE: Final = {"first": "på första sidan", "even": "på jämna sidor"}


def part_label(key: str) -> str:
    """A part's name when nothing better is known: the body, the footnotes, or a header or
    footer by its file (``sidhuvudet i header3.xml``)."""
    if key == "body":
        return BODY
    m = re.search(r"(header|footer)(\d*)\.xml$", key)
    if m:
        return f"{'sidhuvudet' if m.group(1) == 'header' else 'sidfoten'} i {m.group(0)}"
    if key.endswith("footnotes.xml"):
        return "fotnoterna"
    return key


def part_labels(document: etree._Element, targets: Mapping[str, str]) -> dict[str, str]:
    """Each header and footer part the document's sections use, named as Word names it.

    *document* is the main part, *targets* its relationships (id → part name). A header
    referenced as ``first`` is "sidhuvudet på första sidan", ``even`` "… på jämna sidor";
    ``default`` is "… på udda sidor" when the section also has an even-page header,
    "… på övriga sidor" when it has a first-page one, and plain "sidhuvudet" otherwise.
    When two parts would get the same name (sections with headers of their own), the
    later ones get their section: "sidhuvudet på första sidan i avsnitt 2".
    """
    found: dict[str, tuple[str, int]] = {}
    sections = list(document.iter(f"{_W}sectPr"))
    for number, sect in enumerate(sections, start=1):
        for kind, word in (("header", "sidhuvudet"), ("footer", "sidfoten")):
            refs = [
                (r.get(f"{_W}type", "default"), r.get(_R_ID, "")) for r in sect.iter(f"{_W}{kind}Reference")
            ]
            types = {t for t, _ in refs}
            for typ, rid in refs:
                name = targets.get(rid)
                if name is None or name in found:
                    continue
                if typ in _PLACE:
                    label = f"{word} {_PLACE[typ]}"
                elif "even" in types:
                    label = f"{word} på udda sidor"
                elif "first" in types:
                    label = f"{word} på övriga sidor"
                else:
                    label = word
                found[name] = (label, number)
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for name, (label, number) in sorted(found.items(), key=lambda item: item[1][1]):
        if label in taken:
            label += f" i avsnitt {number}"
        taken.add(label)
        labels[name] = label
    return labels


def table_name(caption: str | None, heading: str | None) -> str | None:
    """What a table is called in a location: its caption (Word's alternative text title),
    or else the text of the heading above it, shortened; None when it has neither."""
    name = " ".join((caption or heading or "").split())
    if not name:
        return None
    return name if len(name) <= 50 else name[:49] + "…"


@dataclass(frozen=True)
class Plats:
    """Where in a template part something is: paragraph, or table cell, and its text."""

    del_: str
    stycke: int
    tabell: int | None
    rad: int | None
    kolumn: int | None
    text: str
    tabellnamn: str | None = None
    """The table's caption or the heading above it (:func:`table_name`)."""

    @property
    def stalle(self) -> str:
        """The place within the part: "tabell 2 (Sammanfattning), rad 3, kolumn 4", "stycke 7"."""
        if self.tabell is not None:
            namn = f" ({self.tabellnamn})" if self.tabellnamn else ""
            return f"tabell {self.tabell}{namn}, rad {self.rad}, kolumn {self.kolumn}"
        return f"stycke {self.stycke}"

    def __str__(self) -> str:
        return f"{self.del_}, {self.stalle}"


def plats(source: str, lineno: int, key: str, rubriker: Iterable[str] = ()) -> Plats:
    """The paragraph (and table cell) that starts on *lineno* of a prepared part; a table is
    named by its caption or the last paragraph before it in one of the *rubriker* styles."""
    lines = source.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    before = "\n".join(lines[: lineno - 1])
    stycke = before.count("<w:p>") + before.count("<w:p ") + 1
    tabell = rad = kolumn = None
    namn = None
    depth = before.count("<w:tbl>") + before.count("<w:tbl ") - before.count("</w:tbl>")
    if depth > 0:
        start = max(before.rfind("<w:tbl>"), before.rfind("<w:tbl "))
        tabell = before.count("<w:tbl>") + before.count("<w:tbl ")
        inside = before[start:]
        rad = inside.count("<w:tr>") + inside.count("<w:tr ")
        row_start = max(inside.rfind("<w:tr>"), inside.rfind("<w:tr "))
        kolumn = inside[row_start:].count("<w:tc>") + inside[row_start:].count("<w:tc ")
        caption = re.search(r'<w:tblCaption w:val="([^"]*)"', inside[: inside.find("<w:tr")])
        namn = table_name(
            _unescape(caption.group(1)) if caption else None, _heading(before[:start], rubriker)
        )
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    return Plats(part_label(key), stycke, tabell, rad, kolumn, " ".join(text.split())[:160], namn)


def _heading(source: str, rubriker: Iterable[str]) -> str | None:
    """The text of the last paragraph of *source* in one of the styles *rubriker*."""
    stilar = set(rubriker)
    if not stilar:
        return None
    for line in reversed(source.split("\n")):
        m = re.search(r'<w:pStyle w:val="([^"]*)"', line)
        if m and m.group(1) in stilar:
            return _unescape(re.sub(r"<[^>]+>", "", line.split("</w:p>", 1)[0]))
    return None


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def hint(exc: BaseException, names: Iterable[str]) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        wanted = m.group(2) or m.group(1) if m else ""
        forslag = difflib.get_close_matches(wanted, list(names), n=1)
        menade = f" Menade du {forslag[0]!r}?" if forslag else ""
        return (
            "variabeln eller fältet finns inte i mallkontraktet." + menade + " Se docs/mallguide.md "
            "för allt en mall kan använda, eller kör 'delarsrapport layout check' på layouten."
        )
    if isinstance(exc, SecurityError):
        return "mallen försöker göra något som sandlådan inte tillåter; använd bara variabler och filter."
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (
            "kontrollera att taggarna är hela ({{ … }}, {% … %}) och att varje {% if %} "
            "och {% for %} avslutas."
        )
    return "kontrollera taggen på det stället i mallen."


def message(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        text = str(exc)
        m = re.fullmatch(r"'([^']+)' is undefined", text)
        if m:
            return f"variabeln {m.group(1)!r} finns inte"
        m = re.fullmatch(r"'(.+)' has no attribute '([^']+)'", text)
        if m:
            return f"fältet {m.group(2)!r} finns inte (i {m.group(1)[:60]})"
        return text
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"syntaxfel i malltaggen: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"otillåten operation: {exc}"
    for typ, text in _FELTYPER.items():
        if isinstance(exc, typ):
            return f"{text} ({exc})" if str(exc) else text
    return f"{type(exc).__name__}: {exc}"


_FELTYPER: Final[dict[type[BaseException], str]] = {
    RecursionError: "mallen anropar sig själv utan slut (ett makro som anropar sig självt?)",
    OverflowError: "ett tal i mallen blev för stort",
    ZeroDivisionError: "mallen delar med noll",
    MemoryError: "mallen behöver mer minne än datorn har",
}


def lineno(exc: BaseException) -> int | None:
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>" and frame.lineno:
            return frame.lineno
    return None
