"""A verksamhet's detail tables in the Uppsala "net" model: accounts with six columns.

The verksamhetstabell ("Resultat Barn och ungdomsvård") lists konton with period budget
and outcome, year budget and forecast, and last year's outcome; the kommunbidrag and the
result rows are computed from them. The insatskostnad table has the same columns per
kind of care. Costs are negative and income positive, as the reports sign them.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.kolumner import DETALJ
from delarsrapport._model.rapporterat import diff, summa
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "Insatskostnadstabell",
    "Kontorad",
    "RapporteradInsatskostnad",
    "RapporteradVerksamhetstabell",
    "Sjukolumner",
    "Verksamhetstabell",
]


@attrs.frozen(field_transformer=check_text_fields)
class Sjukolumner:
    """En rad i en detaljtabell: de sju standardkolumnerna, i tabellens enhet.

    Kostnader är negativa, intäkter och kommunbidrag positiva. Ett värde som saknas är en
    tom cell.
    """

    utfall_period: Belopp | None = None
    """Utfall för perioden ("Utfall jan-aug")."""
    budget_period: Belopp | None = None
    """Budget för perioden ("Budget jan-aug")."""
    prognos_period: Belopp | None = None
    """Perioden som den prognostiserades tidigare ("Prog jan-aug 2020")."""
    prognos_ar: Belopp | None = None
    """Den tidigare prognosen för helåret ("Prognos 2020")."""
    ny_prognos_ar: Belopp | None = None
    """Den nya prognosen för helåret ("Ny prognos 2020")."""
    budget_ar: Belopp | None = None
    """Budget för helåret ("Budget 2020")."""
    utfall_fg_ar: Belopp | None = None
    """Utfall för hela föregående år ("Utfall 2019")."""

    def varden(self) -> tuple[Belopp | None, ...]:
        """The seven values in column order."""
        return tuple(getattr(self, k) for k in DETALJ.falt)

    def __add__(self, other: Sjukolumner) -> Sjukolumner:
        return Sjukolumner(*(summa([a, b]) for a, b in zip(self.varden(), other.varden(), strict=True)))

    @classmethod
    def summa(cls, rader: Iterable[Sjukolumner]) -> Sjukolumner:
        """The column-wise exact sum of *rader*."""
        rows = list(rader)
        return cls(*(summa(r.varden()[i] for r in rows) for i in range(len(DETALJ.falt))))


@attrs.frozen(field_transformer=check_text_fields)
class Kontorad:
    """En konto- eller verksamhetsrad: ``571 Missbrukarvård`` med sina sju värden."""

    namn: str
    """Radens namn ("Missbrukarvård")."""
    belopp: Sjukolumner
    """Radens sju värden; kan skrivas som en lista i kolumnordningen."""
    kod: str | None = None
    """Kontots eller verksamhetens kod ("571"), skriven som text så att inledande nollor behålls."""

    @property
    def avvikelse(self) -> Belopp | None:
        """Utfall − budget for the period (negative = more spent than budgeted)."""
        return diff(self.belopp.utfall_period, self.belopp.budget_period)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradVerksamhetstabell:
    """Detaljtabellens framräknade rader som källan tryckte dem (bara för kontrollen)."""

    nettokostnad: Sjukolumner | None = None
    """Raden Nettokostnad som den trycktes."""
    resultat: Sjukolumner | None = None
    """Raden Resultat som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetstabell:
    """Detaljtabellen för en verksamhet: kontorader, Nettokostnad, Kommunbidrag och Resultat.

    Nettokostnad (summan av kontoraderna) och Resultat (nettokostnad + kommunbidrag) räknas fram.
    """

    konton: tuple[Kontorad, ...]
    """Kontoraderna i tryckt ordning."""
    kommunbidrag: Sjukolumner
    """Raden Kommunbidrag; kan skrivas som en lista i kolumnordningen."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    rubrik: str | None = None
    """Tabellens rubrik, om layoutens standardrubrik inte ska användas."""
    text_fore: Text = ()
    """Text före tabellen ("I tabellen nedan visas …"); texten efter den står i avsnittets text."""
    rapporterat: RapporteradVerksamhetstabell | None = None
    """De framräknade raderna som källan tryckte dem; bara för kontrollen."""

    @property
    def nettokostnad(self) -> Sjukolumner:
        """Σ account rows, per column (F1)."""
        return Sjukolumner.summa(k.belopp for k in self.konton)

    @property
    def resultat(self) -> Sjukolumner:
        """Nettokostnad + kommunbidrag, per column (F2)."""
        return self.nettokostnad + self.kommunbidrag

    @property
    def avvikelse_mot_budget(self) -> Belopp | None:
        """Resultat for the period against the budgeted period result (F3)."""
        return diff(self.resultat.utfall_period, self.resultat.budget_period)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradInsatskostnad:
    """Raden "Alla verksamheter" som den trycktes (bara för kontrollen)."""

    totalt: Sjukolumner | None = None
    """Summaraden som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Insatskostnadstabell:
    """Insatskostnader per verksamhet, med en framräknad rad "Alla verksamheter"."""

    rader: tuple[Kontorad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    rubrik: str | None = None
    """Tabellens rubrik, om layoutens standardrubrik inte ska användas."""
    text_fore: Text = ()
    """Text före tabellen; texten efter den står i avsnittets insatskostnad_text."""
    rapporterat: RapporteradInsatskostnad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def totalt(self) -> Sjukolumner:
        """Σ rows per column (F5)."""
        return Sjukolumner.summa(r.belopp for r in self.rader)

    @property
    def avvikelse(self) -> Belopp | None:
        """Utfall − budget for the period, all activities (F4)."""
        return diff(self.totalt.utfall_period, self.totalt.budget_period)


# -- summary table ------------------------------------------------------------------------
