"""Markdown for the generated pages: inline code, table cells, tables and links to classes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["EXEMPEL_LANGD", "ankare", "cell", "kod", "kort", "lank", "tabell"]

EXEMPEL_LANGD: Final = 48
"""Example texts longer than this are cut with an ellipsis."""


def kod(text: str) -> str:
    """*text* as inline code in a table cell (pipes escaped, backticks fenced)."""
    text = text.replace("|", "\\|")
    if "`" in text:
        return f"`` {text} ``"
    return f"`{text}`"


def cell(text: str) -> str:
    """*text* on one line, as a table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def kort(text: str) -> str:
    """*text* on one line (no-break spaces kept, as the documents print them), cut if long."""
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    return text if len(text) <= EXEMPEL_LANGD else text[: EXEMPEL_LANGD - 1].rstrip() + "…"


def ankare(cls: type) -> str:
    """The anchor of a class's heading."""
    return cls.__name__.lower()


def lank(cls: type) -> str:
    """A link to a class's heading."""
    return f"[{cls.__name__}](#{ankare(cls)})"


def tabell(rubriker: Sequence[str], rader: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a table, and an empty line after it."""
    out = ["| " + " | ".join(rubriker) + " |", "|" + "---|" * len(rubriker)]
    out += ["| " + " | ".join(r) + " |" for r in rader]
    return [*out, ""]
