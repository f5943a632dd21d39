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
    """A driftredovisning row as printed (all eight cells)."""

    budget_kostnad: RapporteratBelopp = None
    budget_intakt: RapporteratBelopp = None
    redovisat_kostnad: RapporteratBelopp = None
    redovisat_intakt: RapporteratBelopp = None
    avvikelse_kostnad: RapporteratBelopp = None
    avvikelse_intakt: RapporteratBelopp = None
    avvikelse_netto: RapporteratBelopp = None
    avvikelse_fg_netto: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Driftrad:
    """One verksamhetsområde in the driftredovisning (or the one row of Ekonomiskt bistånd)."""

    namn: str
    budget_kostnad: Belopp | None = None
    budget_intakt: Belopp | None = None
    redovisat_kostnad: Belopp | None = None
    redovisat_intakt: Belopp | None = None
    avvikelse_fg_netto: Belopp | None = None
    """Last year's net avvikelse ("Avvikelse 2021 Netto"), an input."""
    rapporterat: RapporteradDriftrad | None = None

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
    """The driftredovisning table (tkr) with a derived Summa row."""

    rader: tuple[Driftrad, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradDriftrad | None = None

    @property
    def summa(self) -> Driftrad:
        """Σ rows for every input column (the derived columns follow from them)."""
        return DRIFT.summarad(Driftrad(namn="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradKapitalrad:
    """A kapitalkostnader row as printed."""

    budget_avskrivningar: RapporteratBelopp = None
    budget_internranta: RapporteratBelopp = None
    redovisat_avskrivningar: RapporteratBelopp = None
    redovisat_internranta: RapporteratBelopp = None
    avvikelse_avskrivningar: RapporteratBelopp = None
    avvikelse_internranta: RapporteratBelopp = None
    avvikelse_netto: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Kapitalkostnadsrad:
    """Avskrivningar and internränta, budget against redovisat, for one område."""

    namn: str
    budget_avskrivningar: Belopp | None = None
    budget_internranta: Belopp | None = None
    redovisat_avskrivningar: Belopp | None = None
    redovisat_internranta: Belopp | None = None
    rapporterat: RapporteradKapitalrad | None = None

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
    """The "Varav kapitalkostnader" table with a derived Summa row."""

    rader: tuple[Kapitalkostnadsrad, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradKapitalrad | None = None

    @property
    def summa(self) -> Kapitalkostnadsrad:
        """Σ rows."""
        return KAPITAL.summarad(Kapitalkostnadsrad(namn="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class PrognoserUnderAret:
    """The budget deviation as forecast in spring and autumn, against the year's outcome.

    The outcome ("Budgetavvikelse bokslut") is the driftredovisning's net avvikelse, so it
    is derived; *bokslut_rapporterat* keeps what was printed.
    """

    varprognos: Belopp | None = None
    hostprognos: Belopp | None = None
    enhet: Enhet = "mnkr"
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    bokslut_rapporterat: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradStatsbidragsrad:
    """A statsbidrag row (or the total) as printed."""

    beviljat: RapporteratBelopp = None
    forbrukat: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Statsbidrag:
    """One state grant: granted and used this year."""

    namn: str
    beviljat: Belopp | None = None
    forbrukat: Belopp | None = None

    @property
    def kvar(self) -> Belopp | None:
        """Granted − used."""
        return diff(self.beviljat, self.forbrukat)


@attrs.frozen(field_transformer=check_text_fields)
class Statsbidragstabell:
    """The statsbidrag table with a derived Totalt row."""

    rader: tuple[Statsbidrag, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_totalt: RapporteradStatsbidragsrad | None = None

    @property
    def totalt(self) -> Statsbidrag:
        """Σ rows."""
        return STATSBIDRAG.summarad(Statsbidrag(namn="Totalt"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradSIFRad:
    """A sociala investeringsfonden row as printed."""

    budget_hela_projektet: RapporteratBelopp = None
    redovisat_tom: RapporteratBelopp = None
    prognos_kostnader_ar: RapporteratBelopp = None
    prognos_projektet: RapporteratBelopp = None
    prognosavvikelse: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class SIFProjekt:
    """A project financed by the sociala investeringsfonden."""

    projekt: str
    start_ar: int | None = None
    slut_ar: int | None = None
    budget_hela_projektet: Belopp | None = None
    redovisat_tom: Belopp | None = None
    """Spent from the project's start to the end of the year ("Redovisat tom 2022")."""
    prognos_kostnader_ar: Belopp | None = None
    prognos_projektet: Belopp | None = None
    rapporterat: RapporteradSIFRad | None = None

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
    """The sociala investeringsfonden table with a derived Summa row."""

    rader: tuple[SIFProjekt, ...]
    enhet: Enhet = "tkr"
    fotnot: str | None = None
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradSIFRad | None = None

    @property
    def summa(self) -> SIFProjekt:
        """Σ rows."""
        return SIF.summarad(SIFProjekt(projekt="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradInvesteringsrad:
    """An investeringsredovisning row as printed."""

    total_budget: RapporteratBelopp = None
    redovisat_fg_ar: RapporteratBelopp = None
    budget_ar: RapporteratBelopp = None
    redovisat_ar: RapporteratBelopp = None
    kvar: RapporteratBelopp = None
    ombudgeteras: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsprojekt:
    """One row of the investeringsredovisning."""

    projekt: str
    total_budget: Belopp | None = None
    redovisat_fg_ar: Belopp | None = None
    budget_ar: Belopp | None = None
    redovisat_ar: Belopp | None = None
    ombudgeteras: Belopp | None = None
    """Carried over to next year's budget; an input that may be less than what is left."""
    text: Text = ()
    rapporterat: RapporteradInvesteringsrad | None = None

    @property
    def kvar(self) -> Belopp | None:
        """Budget this year − spent this year (F20; an empty cell counts as zero)."""
        return diff(self.budget_ar, _noll(self.redovisat_ar)) if self.budget_ar is not None else None


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsredovisning:
    """The investeringsredovisning table with a derived Summa row."""

    rader: tuple[Investeringsprojekt, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradInvesteringsrad | None = None

    @property
    def summa(self) -> Investeringsprojekt:
        """Σ rows."""
        return INVESTERINGSREDOVISNING.summarad(Investeringsprojekt(projekt="Summa"), self.rader)
