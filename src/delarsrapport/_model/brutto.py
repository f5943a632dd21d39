"""Upplands-Bro's "gross" economic model: kostnad and intäkt both positive, avvikelse signed.

Avvikelse kostnad = budget − redovisat, avvikelse intäkt = redovisat − budget, and their
sum (netto) is negative for an underskott (F18). Every total is derived.
"""

from __future__ import annotations

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.kolumner import DRIFT, INVESTERINGSREDOVISNING, KAPITAL, SIF, STATSBIDRAG
from delarsrapport._model.rapporterat import RapporteratBelopp, diff, summa
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "Driftrad",
    "Driftredovisning",
    "Investeringsprojekt",
    "Investeringsredovisning",
    "Kapitalkostnader",
    "Kapitalkostnadsrad",
    "PrognoserUnderAret",
    "RapporteradDriftrad",
    "RapporteradInvesteringsrad",
    "RapporteradKapitalrad",
    "RapporteradSIFRad",
    "RapporteradStatsbidragsrad",
    "SIFProjekt",
    "SIFTabell",
    "Statsbidrag",
    "Statsbidragstabell",
]


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradDriftrad:
    """En rad i driftredovisningen som den trycktes, alla åtta celler (bara för kontrollen).

    Kan skrivas som en lista med de åtta värdena i kolumnordning.
    """

    budget_kostnad: RapporteratBelopp = None
    """Budgeterad kostnad som den trycktes."""
    budget_intakt: RapporteratBelopp = None
    """Budgeterad intäkt som den trycktes."""
    redovisat_kostnad: RapporteratBelopp = None
    """Redovisad kostnad som den trycktes."""
    redovisat_intakt: RapporteratBelopp = None
    """Redovisad intäkt som den trycktes."""
    avvikelse_kostnad: RapporteratBelopp = None
    """Avvikelsen för kostnaden som den trycktes."""
    avvikelse_intakt: RapporteratBelopp = None
    """Avvikelsen för intäkten som den trycktes."""
    avvikelse_netto: RapporteratBelopp = None
    """Nettoavvikelsen som den trycktes."""
    avvikelse_fg_netto: RapporteratBelopp = None
    """Föregående års nettoavvikelse som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Driftrad:
    """Ett verksamhetsområde i driftredovisningen (eller raden för ekonomiskt bistånd).

    Kostnad och intäkt anges båda som positiva belopp; avvikelserna räknas fram
    (kostnad: budget − redovisat, intäkt: redovisat − budget, netto: summan; negativt =
    underskott). En tom cell räknas som noll.
    """

    namn: str
    """Verksamhetsområdets namn ("Vuxen", "Barn, unga och familj")."""
    budget_kostnad: Belopp | None = None
    """Budgeterad kostnad för året."""
    budget_intakt: Belopp | None = None
    """Budgeterad intäkt för året."""
    redovisat_kostnad: Belopp | None = None
    """Redovisad kostnad för året."""
    redovisat_intakt: Belopp | None = None
    """Redovisad intäkt för året."""
    avvikelse_fg_netto: Belopp | None = None
    """Föregående års nettoavvikelse ("Avvikelse 2021 Netto"); anges, räknas inte fram."""
    rapporterat: RapporteradDriftrad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

    @property
    def avvikelse_kostnad(self) -> Belopp | None:
        """Budget − redovisat kostnad (positive = spent less than budgeted)."""
        return diff(_noll(self.budget_kostnad), _noll(self.redovisat_kostnad))

    @property
    def avvikelse_intakt(self) -> Belopp | None:
        """Redovisat − budget intäkt (positive = more income than budgeted)."""
        return diff(_noll(self.redovisat_intakt), _noll(self.budget_intakt))

    @property
    def avvikelse_netto(self) -> Belopp | None:
        """Avvikelse kostnad + intäkt (negative = underskott)."""
        return summa([self.avvikelse_kostnad, self.avvikelse_intakt])

    @property
    def budget_netto(self) -> Belopp | None:
        """Budget kostnad − intäkt (F19; the nämndplan's "Budget netto")."""
        return diff(_noll(self.budget_kostnad), _noll(self.budget_intakt))


def _noll(value: Belopp | None) -> Belopp:
    # Upplands-Bro leaves a zero cell empty: in gross tables an empty cell is zero.
    return Belopp.noll() if value is None else value


@attrs.frozen(field_transformer=check_text_fields)
class Driftredovisning:
    """Driftredovisningen (bruttomodellen) med en framräknad summarad."""

    rader: tuple[Driftrad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradDriftrad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def summa(self) -> Driftrad:
        """Σ rows for every input column (the derived columns follow from them)."""
        return DRIFT.summarad(Driftrad(namn="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradKapitalrad:
    """En rad i tabellen över kapitalkostnader som den trycktes (bara för kontrollen)."""

    budget_avskrivningar: RapporteratBelopp = None
    """Budgeterade avskrivningar som de trycktes."""
    budget_internranta: RapporteratBelopp = None
    """Budgeterad internränta som den trycktes."""
    redovisat_avskrivningar: RapporteratBelopp = None
    """Redovisade avskrivningar som de trycktes."""
    redovisat_internranta: RapporteratBelopp = None
    """Redovisad internränta som den trycktes."""
    avvikelse_avskrivningar: RapporteratBelopp = None
    """Avvikelsen för avskrivningarna som den trycktes."""
    avvikelse_internranta: RapporteratBelopp = None
    """Avvikelsen för internräntan som den trycktes."""
    avvikelse_netto: RapporteratBelopp = None
    """Nettoavvikelsen som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Kapitalkostnadsrad:
    """Avskrivningar och internränta för ett område, budget mot redovisat; avvikelserna räknas fram."""

    namn: str
    """Områdets namn."""
    budget_avskrivningar: Belopp | None = None
    """Budgeterade avskrivningar."""
    budget_internranta: Belopp | None = None
    """Budgeterad internränta."""
    redovisat_avskrivningar: Belopp | None = None
    """Redovisade avskrivningar."""
    redovisat_internranta: Belopp | None = None
    """Redovisad internränta."""
    rapporterat: RapporteradKapitalrad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

    @property
    def avvikelse_avskrivningar(self) -> Belopp | None:
        """Budget − redovisat avskrivningar."""
        return diff(_noll(self.budget_avskrivningar), _noll(self.redovisat_avskrivningar))

    @property
    def avvikelse_internranta(self) -> Belopp | None:
        """Budget − redovisat internränta."""
        return diff(_noll(self.budget_internranta), _noll(self.redovisat_internranta))

    @property
    def avvikelse_netto(self) -> Belopp | None:
        """The two avvikelser together."""
        return summa([self.avvikelse_avskrivningar, self.avvikelse_internranta])


@attrs.frozen(field_transformer=check_text_fields)
class Kapitalkostnader:
    """Tabellen "Varav kapitalkostnader" med en framräknad summarad."""

    rader: tuple[Kapitalkostnadsrad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradKapitalrad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def summa(self) -> Kapitalkostnadsrad:
        """Σ rows."""
        return KAPITAL.summarad(Kapitalkostnadsrad(namn="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class PrognoserUnderAret:
    """Budgetavvikelsen enligt vårens och höstens prognos, mot årets utfall.

    Utfallet ("Budgetavvikelse bokslut") är driftredovisningens nettoavvikelse och räknas
    alltså fram; *bokslut_rapporterat* håller det som trycktes.
    """

    varprognos: Belopp | None = None
    """Budgetavvikelsen enligt vårprognosen."""
    hostprognos: Belopp | None = None
    """Budgetavvikelsen enligt höstprognosen (tertialbokslut 2)."""
    enhet: Enhet = "mnkr"
    """Enheten som beloppen anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    bokslut_rapporterat: RapporteratBelopp = None
    """Budgetavvikelsen i bokslutet som den trycktes; bara för kontrollen."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradStatsbidragsrad:
    """En rad i statsbidragstabellen (eller totalen) som den trycktes (bara för kontrollen)."""

    beviljat: RapporteratBelopp = None
    """Beviljat belopp som det trycktes."""
    forbrukat: RapporteratBelopp = None
    """Förbrukat belopp som det trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Statsbidrag:
    """Ett statsbidrag: beviljat och förbrukat i år; det som är kvar räknas fram."""

    namn: str
    """Statsbidragets namn."""
    beviljat: Belopp | None = None
    """Beviljat belopp för året."""
    forbrukat: Belopp | None = None
    """Förbrukat belopp under året."""

    @property
    def kvar(self) -> Belopp | None:
        """Granted − used."""
        return diff(self.beviljat, self.forbrukat)


@attrs.frozen(field_transformer=check_text_fields)
class Statsbidragstabell:
    """Tabellen över statsbidrag med en framräknad rad Totalt."""

    rader: tuple[Statsbidrag, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_totalt: RapporteradStatsbidragsrad | None = None
    """Raden Totalt som källan tryckte den; bara för kontrollen."""

    @property
    def totalt(self) -> Statsbidrag:
        """Σ rows."""
        return STATSBIDRAG.summarad(Statsbidrag(namn="Totalt"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradSIFRad:
    """En rad i tabellen över sociala investeringsfonden som den trycktes (bara för kontrollen)."""

    budget_hela_projektet: RapporteratBelopp = None
    """Budget för hela projektet som den trycktes."""
    redovisat_tom: RapporteratBelopp = None
    """Redovisat till och med året som det trycktes."""
    prognos_kostnader_ar: RapporteratBelopp = None
    """Prognosen för årets kostnader som den trycktes."""
    prognos_projektet: RapporteratBelopp = None
    """Prognosen för hela projektet som den trycktes."""
    prognosavvikelse: RapporteratBelopp = None
    """Prognosavvikelsen som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class SIFProjekt:
    """Ett projekt som finansieras av sociala investeringsfonden; prognosavvikelsen räknas fram."""

    projekt: str
    """Projektets namn."""
    start_ar: int | None = None
    """Året projektet startade."""
    slut_ar: int | None = None
    """Året projektet slutar."""
    budget_hela_projektet: Belopp | None = None
    """Budget för hela projektet."""
    redovisat_tom: Belopp | None = None
    """Förbrukat från projektets start till och med årets slut ("Redovisat tom 2022")."""
    prognos_kostnader_ar: Belopp | None = None
    """Prognosen för årets kostnader."""
    prognos_projektet: Belopp | None = None
    """Prognosen för hela projektets kostnader."""
    rapporterat: RapporteradSIFRad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

    @property
    def prognosavvikelse(self) -> Belopp | None:
        """Budget for the whole project − its forecast (F21)."""
        return diff(self.budget_hela_projektet, self.prognos_projektet)

    @property
    def kvar(self) -> Belopp | None:
        """Budget for the whole project − spent so far (F21)."""
        return diff(self.budget_hela_projektet, self.redovisat_tom)


@attrs.frozen(field_transformer=check_text_fields)
class SIFTabell:
    """Tabellen över projekt i sociala investeringsfonden, med en framräknad summarad."""

    rader: tuple[SIFProjekt, ...]
    """Projekten i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    fotnot: str | None = None
    """Fotnoten under tabellen."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradSIFRad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def summa(self) -> SIFProjekt:
        """Σ rows."""
        return SIF.summarad(SIFProjekt(projekt="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradInvesteringsrad:
    """En rad i investeringsredovisningen som den trycktes (bara för kontrollen)."""

    total_budget: RapporteratBelopp = None
    """Total budget som den trycktes."""
    redovisat_fg_ar: RapporteratBelopp = None
    """Redovisat föregående år som det trycktes."""
    budget_ar: RapporteratBelopp = None
    """Årets budget som den trycktes."""
    redovisat_ar: RapporteratBelopp = None
    """Redovisat i år som det trycktes."""
    kvar: RapporteratBelopp = None
    """Det som är kvar som det trycktes."""
    ombudgeteras: RapporteratBelopp = None
    """Det som ombudgeteras som det trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsprojekt:
    """En rad i investeringsredovisningen; det som är kvar av årets budget räknas fram."""

    projekt: str
    """Projektets namn (ofta verksamhetsområdet)."""
    total_budget: Belopp | None = None
    """Projektets totala budget."""
    redovisat_fg_ar: Belopp | None = None
    """Redovisat föregående år."""
    budget_ar: Belopp | None = None
    """Årets budget."""
    redovisat_ar: Belopp | None = None
    """Redovisat i år."""
    ombudgeteras: Belopp | None = None
    """Det som flyttas till nästa års budget ("Ombudgeteras till 2023"); anges, och kan vara
    mindre än det som är kvar."""
    text: Text = ()
    """Löptext om projektet."""
    rapporterat: RapporteradInvesteringsrad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

    @property
    def kvar(self) -> Belopp | None:
        """Budget this year − spent this year (F20; an empty cell counts as zero)."""
        return diff(self.budget_ar, _noll(self.redovisat_ar)) if self.budget_ar is not None else None


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsredovisning:
    """Investeringsredovisningen med en framräknad summarad."""

    rader: tuple[Investeringsprojekt, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradInvesteringsrad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def summa(self) -> Investeringsprojekt:
        """Σ rows."""
        return INVESTERINGSREDOVISNING.summarad(Investeringsprojekt(projekt="Summa"), self.rader)
