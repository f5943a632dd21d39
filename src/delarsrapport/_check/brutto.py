"""The check of Upplands-Bro's gross tables: printed rows and sums against the computed ones.

Driftredovisning, ekonomiskt bistånd, kapitalkostnader, prognoser under året, statsbidrag,
sociala investeringsfonden and investeringsredovisning (:mod:`delarsrapport._model.brutto`).
Their given cells are whole tkr as the source system rounded them from kronor.
"""

from __future__ import annotations

from delarsrapport._check.recorder import Delar, Path_, Recorder, decimaler_i
from delarsrapport._check.tabell import rad_mot, tabell_mot
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.kolumner import DRIFT, INVESTERINGSREDOVISNING, KAPITAL, SIF, STATSBIDRAG

__all__ = ["bruttotabeller"]

#: The decimals of the given cells: whole tkr, rounded from kronor by the source system.
_HELA_TKR = 0


def bruttotabeller(c: Recorder, e: EkonomiskUppfoljning, path: Path_) -> None:
    """Every gross table of *e* that has printed figures, each in its own section."""
    for namn, tabell, falt in (
        ("Driftredovisning", e.driftredovisning, "driftredovisning"),
        ("Ekonomiskt bistånd", e.ekonomiskt_bistand, "ekonomiskt_bistand"),
    ):
        if tabell is None:
            continue
        with c.avsnitt(namn):
            tabell_mot(c, tabell, (*path, falt), DRIFT, _HELA_TKR)
    if e.kapitalkostnader is not None:
        with c.avsnitt("Kapitalkostnader"):
            tabell_mot(
                c,
                e.kapitalkostnader,
                (*path, "kapitalkostnader"),
                KAPITAL,
                _HELA_TKR,
            )
    if e.prognoser_under_aret is not None and e.prognoser_under_aret.bokslut_rapporterat is not None:
        with c.avsnitt("Prognoser under året"):
            c.jamfor(
                (*path, "prognoser_under_aret", "bokslut_rapporterat"),
                "Budgetavvikelse bokslut",
                e.prognoser_under_aret.bokslut_rapporterat,
                e.budgetavvikelse_bokslut,
                enhet=e.prognoser_under_aret.enhet,
                delar=Delar.avrundade(
                    DRIFT.delar(e.driftredovisning.rader if e.driftredovisning else (), "avvikelse_netto"),
                    decimaler_i(
                        _HELA_TKR,
                        e.driftredovisning.enhet if e.driftredovisning else "tkr",
                        e.prognoser_under_aret.enhet,
                    ),
                ),
            )
    if e.statsbidrag is not None and e.statsbidrag.rapporterat_totalt is not None:
        with c.avsnitt("Statsbidrag"):
            rad_mot(
                c,
                e.statsbidrag.rapporterat_totalt,
                e.statsbidrag.totalt,
                STATSBIDRAG,
                (*path, "statsbidrag", "rapporterat_totalt"),
                "Totalt",
                e.statsbidrag.enhet,
                _HELA_TKR,
                underlag=e.statsbidrag.rader,
                summa=True,
            )
    if e.sociala_investeringsfonden is not None:
        with c.avsnitt("Sociala investeringsfonden"):
            tabell_mot(
                c,
                e.sociala_investeringsfonden,
                (*path, "sociala_investeringsfonden"),
                SIF,
                _HELA_TKR,
                namn=lambda rad: str(rad.projekt),
            )
    if e.investeringsredovisning is not None:
        with c.avsnitt("Investeringsredovisning"):
            tabell_mot(
                c,
                e.investeringsredovisning,
                (*path, "investeringsredovisning"),
                INVESTERINGSREDOVISNING,
                _HELA_TKR,
                namn=lambda rad: str(rad.projekt),
            )
