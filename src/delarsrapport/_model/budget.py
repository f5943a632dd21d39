"""Plan tables of a nämndplan: driftbudget, särskilda satsningar, investeringsbudget and the
distribution of the budget within each verksamhetsområde (Upplands-Bro)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.kolumner import INVESTERINGSBUDGET, NAMNDPLAN_BUDGET
from delarsrapport._model.rapporterat import RapporteratBelopp, diff, summa
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "Budgetfordelning",
    "Budgetrad",
    "Budgettabell",
    "Investeringsbudget",
    "Investeringsbudgetrad",
    "RapporteradBudgetrad",
    "RapporteradInvesteringsbudgetrad",
    "Satsning",
    "Satsningstabell",
]


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradBudgetrad:
    """A budget row as printed."""

    kostnad: RapporteratBelopp = None
    avskrivningar: RapporteratBelopp = None
    internranta: RapporteratBelopp = None
    intakt: RapporteratBelopp = None
    budget_netto: RapporteratBelopp = None
    budget_netto_fg: RapporteratBelopp = None
    forandring: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Budgetrad:
    """One row of a budget: costs, capital costs and income for the plan year, and last year's net."""

    namn: str
    kostnad: Belopp | None = None
    avskrivningar: Belopp | None = None
    internranta: Belopp | None = None
    intakt: Belopp | None = None
    budget_netto_fg: Belopp | None = None
    rapporterat: RapporteradBudgetrad | None = None

    @property
    def budget_netto(self) -> Belopp:
        """Kostnad + avskrivningar + internränta − intäkt (F19); empty cells are zero."""
        noll = Belopp.noll()
        return (
            (self.kostnad or noll)
            + (self.avskrivningar or noll)
            + (self.internranta or noll)
            - (self.intakt or noll)
        )

    @property
    def forandring(self) -> Belopp | None:
        """Budget netto − last year's budget netto (F19, F28)."""
        return diff(self.budget_netto, self.budget_netto_fg)


@attrs.frozen(field_transformer=check_text_fields)
class Budgettabell:
    """A budget table (4.1 Driftbudget, 4.3 Ekonomiskt bistånd, each 4.5.x) with a Summa row."""

    rader: tuple[Budgetrad, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradBudgetrad | None = None

    def rad(self, namn: str) -> Budgetrad | None:
        """The row called *namn*."""
        for r in self.rader:
            if r.namn == namn:
                return r
        return None

    @property
    def summa(self) -> Budgetrad:
        """Σ rows per input column."""
        return NAMNDPLAN_BUDGET.summarad(Budgetrad(namn="Summa"), self.rader)


@attrs.frozen(field_transformer=check_text_fields)
class Budgetfordelning:
    """The distribution of one verksamhetsområde's budget (4.5.x), tied to its 4.1 row."""

    omrade: str
    """The name of the område's row in the driftbudget."""
    tabell: Budgettabell


@attrs.frozen(field_transformer=check_text_fields)
class Satsning:
    """One earmarked increase of the budget frame."""

    namn: str
    belopp: Belopp


@attrs.frozen(field_transformer=check_text_fields)
class Satsningstabell:
    """Särskilda satsningar with their derived total."""

    rader: tuple[Satsning, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_totalt: RapporteratBelopp = None

    @property
    def totalt(self) -> Belopp:
        """Σ satsningar."""
        return sum((r.belopp for r in self.rader), Belopp.noll())


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradInvesteringsbudgetrad:
    """An investeringsbudget row as printed."""

    ar1: RapporteratBelopp = None
    ar2: RapporteratBelopp = None
    ar3: RapporteratBelopp = None
    avskrivning_ar1: RapporteratBelopp = None
    internranta_ar1: RapporteratBelopp = None
    ovrig_drift: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsbudgetrad:
    """An investment over the plan's three years with its first year's capital costs."""

    namn: str
    ar1: Belopp | None = None
    ar2: Belopp | None = None
    ar3: Belopp | None = None
    avskrivningstid: int | None = None
    internranta_ar1: Belopp | None = None
    ovrig_drift: Belopp | None = None
    text: Text = ()
    rapporterat: RapporteradInvesteringsbudgetrad | None = None

    @property
    def avskrivning_ar1(self) -> Belopp | None:
        """The first year's depreciation: the investment divided by its life (F22)."""
        if self.ar1 is None or not self.avskrivningstid:
            return None
        return self.ar1 / Decimal(self.avskrivningstid)


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsbudget:
    """The investeringsbudget (4.2) with a derived Summa row."""

    rader: tuple[Investeringsbudgetrad, ...]
    enhet: Enhet = "tkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradInvesteringsbudgetrad | None = None

    @property
    def summa(self) -> Investeringsbudgetrad:
        """Σ rows (the avskrivning column is summed from the rows' derived values)."""
        return INVESTERINGSBUDGET.summarad(Investeringsbudgetrad(namn="Summa"), self.rader)

    @property
    def summa_avskrivning_ar1(self) -> Belopp | None:
        """Σ first-year depreciation."""
        return summa(r.avskrivning_ar1 for r in self.rader)
