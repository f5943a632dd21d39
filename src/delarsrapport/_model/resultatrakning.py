"""The resultaträkning: an income statement per nämnd or avdelning (Uppsala omsorgsnämnden).

Rows are kept exact; every delsumma, the result and both diff columns are derived
(mnkr, one decimal in print).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.kolumner import RESULTATRAKNING
from delarsrapport._model.rapporterat import RapporteratBelopp, diff, summa
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "RR_DELSUMMOR",
    "RR_INDATARADER",
    "RR_RADORDNING",
    "RRKolumner",
    "RRRader",
    "RRRapporterad",
    "RapporteradResultatrakning",
    "Resultatrakning",
]


RR_INDATARADER: Final = (
    "verksamhetens_intakter",
    "lamnade_bidrag",
    "personalkostnader",
    "ovriga_kostnader",
    "avskrivningar",
    "finansnetto",
    "indirekta_kostnader",
    "gemensamma_kostnader",
    "kommunbidrag",
)
"""The input rows of a resultaträkning."""

RR_DELSUMMOR: Final = (
    "resultat_fore_indirekta_kostnader",
    "resultat_fore_gemensamma_kostnader",
    "resultat_fore_kommunbidrag",
    "resultat",
)
"""The derived rows of a resultaträkning, each the previous one plus the rows above it."""

RR_RADORDNING: Final = (
    "verksamhetens_intakter",
    "lamnade_bidrag",
    "personalkostnader",
    "ovriga_kostnader",
    "avskrivningar",
    "finansnetto",
    "resultat_fore_indirekta_kostnader",
    "indirekta_kostnader",
    "resultat_fore_gemensamma_kostnader",
    "gemensamma_kostnader",
    "resultat_fore_kommunbidrag",
    "kommunbidrag",
    "resultat",
)
"""Every row of a resultaträkning in printed order."""


@attrs.frozen(field_transformer=check_text_fields)
class RRKolumner:
    """The four input columns of a resultaträkning row; the two diffs are derived."""

    utfall_period: Belopp | None = None
    budget_period: Belopp | None = None
    budget_ar: Belopp | None = None
    prognos_ar: Belopp | None = None

    @property
    def diff_period(self) -> Belopp | None:
        """Utfall − budget for the period (F13)."""
        return diff(self.utfall_period, self.budget_period)

    @property
    def diff_ar(self) -> Belopp | None:
        """Prognos − budget for the year, whatever the column label says (F14)."""
        return diff(self.prognos_ar, self.budget_ar)

    def __add__(self, other: RRKolumner) -> RRKolumner:
        return RRKolumner(*(summa([getattr(self, k), getattr(other, k)]) for k in RESULTATRAKNING.indata))

    @classmethod
    def summa(cls, rader: Iterable[RRKolumner]) -> RRKolumner:
        """Column-wise exact sum."""
        rows = list(rader)
        return cls(*(summa(getattr(r, k) for r in rows) for k in RESULTATRAKNING.indata))


@attrs.frozen(field_transformer=check_text_fields)
class RRRader:
    """The input rows of a resultaträkning; a table may leave rows out."""

    verksamhetens_intakter: RRKolumner | None = None
    lamnade_bidrag: RRKolumner | None = None
    personalkostnader: RRKolumner | None = None
    ovriga_kostnader: RRKolumner | None = None
    avskrivningar: RRKolumner | None = None
    finansnetto: RRKolumner | None = None
    indirekta_kostnader: RRKolumner | None = None
    gemensamma_kostnader: RRKolumner | None = None
    kommunbidrag: RRKolumner | None = None


@attrs.frozen(field_transformer=check_text_fields)
class RRRapporterad:
    """One resultaträkning row as printed: all six cells."""

    utfall_period: RapporteratBelopp = None
    budget_period: RapporteratBelopp = None
    diff_period: RapporteratBelopp = None
    budget_ar: RapporteratBelopp = None
    prognos_ar: RapporteratBelopp = None
    diff_ar: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradResultatrakning:
    """Printed cells of a resultaträkning, per row (any of :data:`RR_RADORDNING`)."""

    verksamhetens_intakter: RRRapporterad | None = None
    lamnade_bidrag: RRRapporterad | None = None
    personalkostnader: RRRapporterad | None = None
    ovriga_kostnader: RRRapporterad | None = None
    avskrivningar: RRRapporterad | None = None
    finansnetto: RRRapporterad | None = None
    resultat_fore_indirekta_kostnader: RRRapporterad | None = None
    indirekta_kostnader: RRRapporterad | None = None
    resultat_fore_gemensamma_kostnader: RRRapporterad | None = None
    gemensamma_kostnader: RRRapporterad | None = None
    resultat_fore_kommunbidrag: RRRapporterad | None = None
    kommunbidrag: RRRapporterad | None = None
    resultat: RRRapporterad | None = None


@attrs.frozen(field_transformer=check_text_fields)
class Resultatrakning:
    """An income statement for the nämnd or one avdelning (Uppsala OSN), usually in mnkr.

    The subtotals are cumulative (F12): Resultat före indirekta kostnader is the sum of
    the rows above it, each later subtotal adds the row between, and Resultat adds the
    kommunbidrag.
    """

    namn: str
    rader: RRRader
    enhet: Enhet = "mnkr"
    anmarkning: str | None = None
    text_fore: Text = ()
    """Text före tabellen."""
    text: Text = ()
    """Text efter tabellen (anmarkning står direkt under den)."""
    rapporterat: RapporteradResultatrakning | None = None

    def rad(self, nyckel: str) -> RRKolumner | None:
        """Any row of :data:`RR_RADORDNING`, input or derived."""
        if nyckel in RR_INDATARADER:
            return getattr(self.rader, nyckel)  # type: ignore[no-any-return]
        return self.delsummor()[nyckel]

    def delsummor(self) -> dict[str, RRKolumner]:
        """The four derived rows."""
        r = self.rader

        def plus(total: RRKolumner, *rows: RRKolumner | None) -> RRKolumner:
            return RRKolumner.summa([total, *(x for x in rows if x is not None)])

        fore_indirekta = RRKolumner.summa(
            x
            for x in (
                r.verksamhetens_intakter,
                r.lamnade_bidrag,
                r.personalkostnader,
                r.ovriga_kostnader,
                r.avskrivningar,
                r.finansnetto,
            )
            if x is not None
        )
        fore_gemensamma = plus(fore_indirekta, r.indirekta_kostnader)
        fore_kb = plus(fore_gemensamma, r.gemensamma_kostnader)
        resultat = plus(fore_kb, r.kommunbidrag)
        return {
            "resultat_fore_indirekta_kostnader": fore_indirekta,
            "resultat_fore_gemensamma_kostnader": fore_gemensamma,
            "resultat_fore_kommunbidrag": fore_kb,
            "resultat": resultat,
        }

    def radnycklar(self) -> tuple[str, ...]:
        """The rows this table shows, in order.

        Its input rows, and each "Resultat före X" subtotal when the table has the row X
        that follows it; "Resultat" always.
        """
        fore = {
            "resultat_fore_indirekta_kostnader": "indirekta_kostnader",
            "resultat_fore_gemensamma_kostnader": "gemensamma_kostnader",
            "resultat_fore_kommunbidrag": "kommunbidrag",
        }
        return tuple(
            k
            for k in RR_RADORDNING
            if k == "resultat"
            or (k in fore and getattr(self.rader, fore[k]) is not None)
            or (k not in RR_DELSUMMOR and getattr(self.rader, k) is not None)
        )

    @property
    def resultat(self) -> RRKolumner:
        """The Resultat row."""
        return self.delsummor()["resultat"]
