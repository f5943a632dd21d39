"""Where in a template something went wrong, in the designer's words.

A prepared part has one paragraph per line (as docxtpl arranges it), so a Jinja line
number names a paragraph; :func:`plats` turns it into the paragraph or table cell and
its visible text, and the helpers here turn Jinja's exceptions into a Swedish message
and a hint of what to do.
"""

from __future__ import annotations

import difflib
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import jinja2
from jinja2.exceptions import SecurityError

__all__ = ["FOOTER", "FOOTNOTES", "HEADER", "Plats", "hint", "lineno", "message", "part_label", "plats"]

FOOTNOTES: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

HEADER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"

FOOTER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def part_label(key: str) -> str:
    if key == "body":
        return "dokumentets brödtext"
    m = re.search(r"(header|footer)(\d*)\.xml$", key)
    if m:
        return ("sidhuvud " if m.group(1) == "header" else "sidfot ") + (m.group(2) or "1")
    if key.endswith("footnotes.xml"):
        return "fotnoterna"
    return key


@dataclass(frozen=True)
class Plats:
    """Where in a template part something is: paragraph, or table cell, and its text."""

    del_: str
    stycke: int
    tabell: int | None
    rad: int | None
    kolumn: int | None
    text: str

    def __str__(self) -> str:
        if self.tabell is not None:
            return (
                f"{self.del_}, tabell {self.tabell}, rad {self.rad}, kolumn {self.kolumn}"
                f" (stycke {self.stycke})"
            )
        return f"{self.del_}, stycke {self.stycke}"


def plats(source: str, lineno: int, key: str) -> Plats:
    """The paragraph (and table cell) that starts on *lineno* of a prepared part."""
    lines = source.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    before = "\n".join(lines[: lineno - 1])
    stycke = before.count("<w:p>") + before.count("<w:p ") + 1
    tabell = rad = kolumn = None
    depth = before.count("<w:tbl>") + before.count("<w:tbl ") - before.count("</w:tbl>")
    if depth > 0:
        start = max(before.rfind("<w:tbl>"), before.rfind("<w:tbl "))
        tabell = before.count("<w:tbl>") + before.count("<w:tbl ")
        inside = before[start:]
        rad = inside.count("<w:tr>") + inside.count("<w:tr ")
        row_start = max(inside.rfind("<w:tr>"), inside.rfind("<w:tr "))
        kolumn = inside[row_start:].count("<w:tc>") + inside[row_start:].count("<w:tc ")
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    return Plats(part_label(key), stycke, tabell, rad, kolumn, " ".join(text.split())[:160])


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
