"""Reported figures: what a source system or an old report printed where the model derives.

Reported figures are never rendered; the consistency check compares them with the
computed values. A reported cell may also be recorded as printed empty (:data:`TOM`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final, TypeAlias

from delarsrapport._model.belopp import Belopp

__all__ = ["TOM", "RapporteratBelopp", "Tom", "diff", "summa"]


class Tom(enum.Enum):
    """The marker for a cell that the source printed empty although it should hold a value."""

    TOM = "tom"

    def __repr__(self) -> str:
        return "TOM"


TOM: Final = Tom.TOM

RapporteratBelopp: TypeAlias = Belopp | Tom | None
"""A reported amount: a value, a cell printed empty (TOM), or not transcribed (None)."""


def summa(values: Iterable[Belopp | None]) -> Belopp | None:
    """The exact sum of the amounts that are present; ``None`` when none is."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present, Belopp.noll())


def diff(a: Belopp | None, b: Belopp | None) -> Belopp | None:
    """``a - b``, or ``None`` when either is missing."""
    if a is None or b is None:
        return None
    return a - b
