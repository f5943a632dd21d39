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
    "RR_FORE_INDIREKTA",
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

RR_FORE_INDIREKTA: Final = RR_INDATARADER[: RR_INDATARADER.index("indirekta_kostnader")]
"""The input rows that add up to "Resultat före indirekta kostnader"."""

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
    """En rad i en resultaträkning: de fyra kolumnerna som anges; de två diffkolumnerna räknas fram."""

    utfall_period: Belopp | None = None
    """Utfall för perioden."""
    budget_period: Belopp | None = None
    """Budget för perioden."""
    budget_ar: Belopp | None = None
    """Budget för helåret."""
    prognos_ar: Belopp | None = None
    """Prognos för helåret."""

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
    """Resultaträkningens rader som anges; en tabell kan sakna rader. Delsummorna räknas fram."""

    verksamhetens_intakter: RRKolumner | None = None
    """Raden Verksamhetens intäkter."""
    lamnade_bidrag: RRKolumner | None = None
    """Raden Lämnade bidrag."""
    personalkostnader: RRKolumner | None = None
    """Raden Personalkostnader."""
    ovriga_kostnader: RRKolumner | None = None
    """Raden Övriga kostnader."""
    avskrivningar: RRKolumner | None = None
    """Raden Avskrivningar."""
    finansnetto: RRKolumner | None = None
    """Raden Finansnetto."""
    indirekta_kostnader: RRKolumner | None = None
    """Raden Indirekta kostnader (efter "Resultat före indirekta kostnader")."""
    gemensamma_kostnader: RRKolumner | None = None
    """Raden Gemensamma kostnader (efter "Resultat före gemensamma kostnader")."""
    kommunbidrag: RRKolumner | None = None
    """Raden Kommunbidrag (efter "Resultat före kommunbidrag")."""


@attrs.frozen(field_transformer=check_text_fields)
class RRRapporterad:
    """En rad i en resultaträkning som den trycktes, alla sex celler (bara för kontrollen)."""

    utfall_period: RapporteratBelopp = None
    """Utfall för perioden som det trycktes."""
    budget_period: RapporteratBelopp = None
    """Budget för perioden som den trycktes."""
    diff_period: RapporteratBelopp = None
    """Differensen för perioden (utfall − budget) som den trycktes."""
    budget_ar: RapporteratBelopp = None
    """Budget för helåret som den trycktes."""
    prognos_ar: RapporteratBelopp = None
    """Prognos för helåret som den trycktes."""
    diff_ar: RapporteratBelopp = None
    """Differensen för helåret (prognos − budget) som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradResultatrakning:
    """Resultaträkningens rader som de trycktes, vilka som helst av dem (bara för kontrollen)."""

    verksamhetens_intakter: RRRapporterad | None = None
    """Raden Verksamhetens intäkter som den trycktes."""
    lamnade_bidrag: RRRapporterad | None = None
    """Raden Lämnade bidrag som den trycktes."""
    personalkostnader: RRRapporterad | None = None
    """Raden Personalkostnader som den trycktes."""
    ovriga_kostnader: RRRapporterad | None = None
    """Raden Övriga kostnader som den trycktes."""
    avskrivningar: RRRapporterad | None = None
    """Raden Avskrivningar som den trycktes."""
    finansnetto: RRRapporterad | None = None
    """Raden Finansnetto som den trycktes."""
    resultat_fore_indirekta_kostnader: RRRapporterad | None = None
    """Raden Resultat före indirekta kostnader som den trycktes."""
    indirekta_kostnader: RRRapporterad | None = None
    """Raden Indirekta kostnader som den trycktes."""
    resultat_fore_gemensamma_kostnader: RRRapporterad | None = None
    """Raden Resultat före gemensamma kostnader som den trycktes."""
    gemensamma_kostnader: RRRapporterad | None = None
    """Raden Gemensamma kostnader som den trycktes."""
    resultat_fore_kommunbidrag: RRRapporterad | None = None
    """Raden Resultat före kommunbidrag som den trycktes."""
    kommunbidrag: RRRapporterad | None = None
    """Raden Kommunbidrag som den trycktes."""
    resultat: RRRapporterad | None = None
    """Raden Resultat som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Resultatrakning:
    """En resultaträkning för nämnden eller en avdelning (Uppsala omsorgsnämnd), oftast i mnkr.

    Delsummorna räknas fram och är kumulativa: Resultat före indirekta kostnader är summan
    av raderna ovanför, varje följande delsumma lägger till raden emellan, och Resultat
    lägger till kommunbidraget.
    """

    namn: str
    """Namnet på nämnden eller avdelningen som resultaträkningen gäller."""
    rader: RRRader
    """Raderna som anges."""
    enhet: Enhet = "mnkr"
    """Enheten som tabellens belopp anges och trycks i."""
    anmarkning: str | None = None
    """En anmärkning under tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    text: Text = ()
    """Text efter tabellen (anmarkning står direkt under den)."""
    rapporterat: RapporteradResultatrakning | None = None
    """Raderna som källan tryckte dem; bara för kontrollen."""

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
            x for x in (getattr(r, k) for k in RR_FORE_INDIREKTA) if x is not None
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
