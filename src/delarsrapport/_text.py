"""Free text as the reports write it: paragraphs, run-in sub-headings and bullet lists."""

from __future__ import annotations

from typing import TypeAlias

import attrs

__all__ = ["Block", "Punktlista", "Rubrik", "Stycke", "Text", "plain_text"]


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


Block: TypeAlias = Stycke | Rubrik | Punktlista
"""One block of free text."""

Text: TypeAlias = tuple[Block, ...]
"""A free-text section: paragraphs, sub-headings and bullet lists in order."""


def plain_text(text: Text) -> str:
    """All the words of *text*, blocks separated by blank lines (for checks and tests)."""
    parts: list[str] = []
    for block in text:
        if isinstance(block, Punktlista):
            parts.append("\n".join(block.punkter))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)
