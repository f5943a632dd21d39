"""The view of a resultaträkning (the nämnd's or an avdelning's): ``ResultatrakningVy``.

Used by the ekonomisk uppföljning for the nämnd and for each verksamhet's section.
"""

from __future__ import annotations

import attrs

from delarsrapport._context import prose
from delarsrapport._context.gemensam import Builder, Lopande
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.kolumner import RESULTATRAKNING, RESULTATRAKNING_RADER
from delarsrapport._model.resultatrakning import RR_FORE_INDIREKTA, Resultatrakning

__all__ = ["RRradVy", "ResultatrakningVy", "build_resultatrakning"]


@attrs.frozen(kw_only=True)
class RRradVy:
    """En rad i en resultaträkning."""

    etikett: str
    """Radens text: "Verksamhetens intäkter", "Resultat före indirekta kostnader"."""
    utfall_period: Belopp | None
    """Utfall för perioden."""
    budget_period: Belopp | None
    """Budget för perioden."""
    diff_period: Belopp | None
    """Utfall − budget."""
    budget_ar: Belopp | None
    """Budget för helåret."""
    prognos_ar: Belopp | None
    """Prognos för helåret."""
    diff_ar: Belopp | None
    """Prognos − budget för helåret."""
    summa: bool
    """Sant för delsummor och Resultat."""


@attrs.frozen(kw_only=True)
class ResultatrakningVy:
    """En resultaträkning (nämnden eller en avdelning), i mnkr med en decimal."""

    namn: str
    """Nämnden eller avdelningen."""
    rader: tuple[RRradVy, ...]
    """Raderna i ordning, med delsummorna."""
    anmarkning: str
    """Anmärkning till tabellen, eller tomt."""
    avrundningsdifferens: bool
    """Sant om de avrundade raderna inte summerar till de avrundade delsummorna."""
    text_fore: Lopande
    """Texten före tabellen."""
    text: Lopande
    """Texten efter tabellen (anmärkningen står direkt under den)."""


def build_resultatrakning(b: Builder, rr: Resultatrakning) -> ResultatrakningVy:
    """The view of a resultaträkning: its rows with the subtotals, and whether rounding
    shows in them (for the note about rounding differences)."""
    rader: list[RRradVy] = []
    for nyckel in rr.radnycklar():
        k = rr.rad(nyckel)
        assert k is not None
        rader.append(
            RRradVy(
                etikett=RESULTATRAKNING_RADER[nyckel],
                utfall_period=k.utfall_period,
                budget_period=k.budget_period,
                diff_period=k.diff_period,
                budget_ar=k.budget_ar,
                prognos_ar=k.prognos_ar,
                diff_ar=k.diff_ar,
                summa=nyckel.startswith("resultat"),
            )
        )
    avrundningsdifferens = False
    if "resultat_fore_indirekta_kostnader" in rr.radnycklar():
        delar = [d for d in (rr.rad(x) for x in RR_FORE_INDIREKTA) if d is not None]
        total = rr.rad("resultat_fore_indirekta_kostnader")
        avrundningsdifferens = prose.avrundningsdifferens(
            (([getattr(d, k) for d in delar], getattr(total, k)) for k in RESULTATRAKNING.indata),
            enhet=rr.enhet,
            decimaler=1,
        )
    return ResultatrakningVy(
        namn=rr.namn,
        rader=tuple(rader),
        anmarkning=rr.anmarkning or "",
        avrundningsdifferens=avrundningsdifferens,
        text_fore=b.text(rr.text_fore),
        text=b.text(rr.text),
    )
