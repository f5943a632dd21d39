"""Whether displayed (rounded) rows add up to the displayed total.

Totals are computed from exact values and rounded once, so the rounded rows of a table
may not add up to its rounded total. That is correct, and both the consistency check
(a notering) and the template context (a flag a layout can use to print
"Avrundningsdifferenser kan förekomma") need to know when it happens.
"""

from __future__ import annotations

from collections.abc import Iterable

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport.formatting import avrunda

__all__ = ["visade_rader_summerar"]


def visade_rader_summerar(
    rader: Iterable[Belopp | None], total: Belopp | None, *, enhet: Enhet, decimaler: int
) -> bool:
    """True when the rounded rows sum exactly to the rounded total (or there is nothing to show)."""
    present = [r for r in rader if r is not None]
    if total is None or not present:
        return True
    visad_summa = sum((avrunda(r.i_enhet(enhet), decimaler) for r in present), start=avrunda(0, decimaler))
    return visad_summa == avrunda(total.i_enhet(enhet), decimaler)
