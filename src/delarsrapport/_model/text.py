"""Free text as the reports write it: paragraphs, run-in sub-headings and bullet lists."""

from __future__ import annotations

import unicodedata
from typing import Final, TypeAlias

import attrs

__all__ = [
    "Block",
    "Punktlista",
    "Rubrik",
    "Stycke",
    "Tabellplats",
    "Text",
    "TextError",
    "check_text",
    "plain_text",
]


@attrs.frozen
class Stycke:
    """One paragraph of running text."""

    text: str


@attrs.frozen
class Rubrik:
    """A sub-heading inside a free-text section (``Beroende``, ``Analys``, ``Vuxen``).

    *niva* is relative to the section the text stands in: 1 is the first level below it.
    """

    text: str
    niva: int = 1


@attrs.frozen
class Punktlista:
    """A bullet list; each item is one line of text."""

    punkter: tuple[str, ...]


@attrs.frozen
class Tabellplats:
    """The place in free text where a table derived from the report stands.

    The memo of Uppsala omsorgsnämnden 2020 says "Se tabell." and prints the number of
    uppdrag per status right there; the figures are derived from the verksamhetsbilaga,
    so the text only marks the place. *tabell* names the table: ``uppdragsstatus``.
    """

    tabell: str


TABELLER: Final = ("uppdragsstatus",)
"""The derived tables free text may place."""


Block: TypeAlias = Stycke | Rubrik | Punktlista | Tabellplats
"""One block of free text."""

Text: TypeAlias = tuple[Block, ...]
"""A free-text section: paragraphs, sub-headings and bullet lists in order."""


def plain_text(text: Text) -> str:
    """All the words of *text*, blocks separated by blank lines (for checks and tests)."""
    parts: list[str] = []
    for block in text:
        if isinstance(block, Punktlista):
            parts.append("\n".join(block.punkter))
        elif isinstance(block, Tabellplats):
            continue
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


# -- what a string may hold ------------------------------------------------------------


class TextError(ValueError):
    """A string that a .docx cannot hold as it is; the message says which character and where."""


_TECKENNAMN: Final = {
    0x0B: "vertikal tabb (Excel skriver den för radbrytning i en cell)",
    0x0C: "sidmatning",
    0x00: "NUL",
    0x07: "BEL",
    0x1B: "ESC",
    0xFFFE: "icke-tecken U+FFFE",
    0xFFFF: "icke-tecken U+FFFF",
}

_MALLSEKVENSER: Final = ("{_{", "}_}", "{_%", "%_}")


def check_text(text: str, *, excel_radbrytning: bool = False) -> str:
    """Validate and normalise one string for a .docx, or raise ``ValueError`` saying why.

    Line endings ``\\r\\n`` and ``\\r`` become ``\\n``. C0 controls other than tab and
    newline, U+FFFE, U+FFFF and lone surrogates cannot be stored in a .docx and are refused
    with their code point and index; with *excel_radbrytning*, Excel's vertical tab becomes
    a line break. The sequences docxtpl rewrites (``{_{`` …) are refused too.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if excel_radbrytning:
        text = text.replace("\x0b", "\n")
    for index, char in enumerate(text):
        code = ord(char)
        bad = (code < 0x20 and char not in "\t\n") or code in (0xFFFE, 0xFFFF)
        bad = bad or 0xD800 <= code <= 0xDFFF
        if bad:
            name = _TECKENNAMN.get(code)
            if 0xD800 <= code <= 0xDFFF:
                name = "ensamt surrogattecken (trasig UTF-16-kodning)"
            name = name or unicodedata.name(char, "styrtecken")
            hint = (
                " Ta bort tecknet, eller läs in med excel_radbrytningar=True för att göra "
                "det till en radbrytning."
                if code == 0x0B
                else " Ta bort tecknet i källan."
            )
            raise TextError(
                f"otillåtet tecken U+{code:04X} ({name}) på position {index} i texten "
                f"{_kort(text)}; det kan inte lagras i ett Word-dokument.{hint}"
            )
    for seq in _MALLSEKVENSER:
        if seq in text:
            raise TextError(
                f"texten innehåller {seq!r} på position {text.index(seq)}, som mallmotorn "
                "skulle göra om till en malltagg; skriv om texten"
            )
    return text


def _kort(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]
