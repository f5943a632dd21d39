"""A printed row or table against the computed one, column by column.

Upplands-Bro's gross tables, the nämndplan's budget tables and the egen-regi table share
this shape: rows with an optional printed version, a computed Summa and an optional
printed Summa, and zero cells left empty in print. The columns are named by field, and
each compared cell is measured against the rounded cells it is made of (:class:`Delar`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from delarsrapport._check.recorder import Delar, Path_, Recorder
from delarsrapport._model.belopp import Enhet
from delarsrapport._model.kolumner import Kolumner
from delarsrapport._model.period import Rapportperiod

__all__ = ["rad_mot", "tabell_mot"]


def tabell_mot(
    c: Recorder,
    tabell: Any,
    path: Path_,
    kolumner: Kolumner,
    decimaler: int | None,
    *,
    period: Rapportperiod | None = None,
    namn: Callable[[Any], str] = lambda rad: str(rad.namn),
) -> None:
    """Every row of a table with a printed version against it, then the printed Summa
    against the table's Summa (both compared in every column of *kolumner*).

    *decimaler* is how the table's given cells are rounded (0: whole units, as a source
    system prints them), or ``None`` when they are exact (a plan typed in whole tkr).
    """
    for i, rad in enumerate(tabell.rader):
        if rad.rapporterat is not None:
            rad_mot(
                c,
                rad.rapporterat,
                rad,
                kolumner,
                (*path, "rader", i, "rapporterat"),
                namn(rad),
                tabell.enhet,
                decimaler,
                underlag=(rad,),
                period=period,
            )
    if tabell.rapporterat_summa is not None:
        rad_mot(
            c,
            tabell.rapporterat_summa,
            tabell.summa,
            kolumner,
            (*path, "rapporterat_summa"),
            "Summa",
            tabell.enhet,
            decimaler,
            underlag=tabell.rader,
            summa=True,
            period=period,
        )


def rad_mot(
    c: Recorder,
    printed: Any,
    computed: Any,
    kolumner: Kolumner,
    path: Path_,
    namn: str,
    enhet: Enhet,
    decimaler: int | None,
    *,
    underlag: Sequence[Any],
    period: Rapportperiod | None = None,
    summa: bool = False,
) -> None:
    """One printed row against the computed row, in each of *kolumner*; an empty cell is zero.

    *underlag* are the given rows the computed row is made of (the row itself, or every
    row of a table for its Summa); their cells, rounded to *decimaler*, are the parts.
    """
    for k in kolumner.falt:
        c.jamfor(
            (*path, k),
            f"{namn}, {kolumner.etikett(k, period)}",
            getattr(printed, k),
            getattr(computed, k),
            enhet=enhet,
            delar=Delar.avrundade(kolumner.delar(underlag, k), decimaler),
            summa=summa,
            tom_ar_noll=True,
        )
