"""Free text as the reports write it: paragraphs, run-in sub-headings and bullet lists."""

from __future__ import annotations

from typing import Final, TypeAlias

import attrs

__all__ = ["Block", "Punktlista", "Rubrik", "Stycke", "Tabellplats", "Text", "plain_text"]


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
