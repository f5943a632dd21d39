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
    """En budgetrad som den trycktes (bara för kontrollen)."""

    kostnad: RapporteratBelopp = None
    """Kostnaden som den trycktes."""
    avskrivningar: RapporteratBelopp = None
    """Avskrivningarna som de trycktes."""
    internranta: RapporteratBelopp = None
    """Internräntan som den trycktes."""
    intakt: RapporteratBelopp = None
    """Intäkten som den trycktes."""
    budget_netto: RapporteratBelopp = None
    """Budget netto som den trycktes."""
    budget_netto_fg: RapporteratBelopp = None
    """Föregående års budget netto som den trycktes."""
    forandring: RapporteratBelopp = None
    """Förändringen som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Budgetrad:
    """En rad i en budget: kostnader, kapitalkostnader och intäkter för planåret, och föregående års netto.

    Budget netto (kostnad + avskrivningar + internränta − intäkt) och förändringen mot
    föregående år räknas fram; en tom cell räknas som noll.
    """

    namn: str
    """Radens namn (verksamhetsområdet)."""
    kostnad: Belopp | None = None
    """Kostnaderna."""
    avskrivningar: Belopp | None = None
    """Avskrivningarna."""
    internranta: Belopp | None = None
    """Internräntan."""
    intakt: Belopp | None = None
    """Intäkterna."""
    budget_netto_fg: Belopp | None = None
    """Föregående års budget netto."""
    rapporterat: RapporteradBudgetrad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

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
    """En budgettabell (4.1 Driftbudget, 4.3 Ekonomiskt bistånd, varje 4.5.x) med en framräknad summarad."""

    rader: tuple[Budgetrad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradBudgetrad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

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
    """Fördelningen av ett verksamhetsområdes budget (4.5.x), knuten till dess rad i driftbudgeten (4.1)."""

    omrade: str
    """Namnet på områdets rad i driftbudgeten; fördelningens netto ska bli radens."""
    tabell: Budgettabell
    """Fördelningen som en budgettabell."""


@attrs.frozen(field_transformer=check_text_fields)
class Satsning:
    """En särskild satsning: en öronmärkt ökning av budgetramen."""

    namn: str
    """Vad satsningen gäller."""
    belopp: Belopp
    """Satsningens belopp."""


@attrs.frozen(field_transformer=check_text_fields)
class Satsningstabell:
    """Särskilda satsningar med en framräknad total."""

    rader: tuple[Satsning, ...]
    """Satsningarna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som beloppen anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_totalt: RapporteratBelopp = None
    """Totalen som källan tryckte den; bara för kontrollen."""

    @property
    def totalt(self) -> Belopp:
        """Σ satsningar."""
        return sum((r.belopp for r in self.rader), Belopp.noll())


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradInvesteringsbudgetrad:
    """En rad i investeringsbudgeten som den trycktes (bara för kontrollen)."""

    ar1: RapporteratBelopp = None
    """Planperiodens första år som det trycktes."""
    ar2: RapporteratBelopp = None
    """Planperiodens andra år som det trycktes."""
    ar3: RapporteratBelopp = None
    """Planperiodens tredje år som det trycktes."""
    avskrivning_ar1: RapporteratBelopp = None
    """Första årets avskrivning som den trycktes."""
    internranta_ar1: RapporteratBelopp = None
    """Första årets internränta som den trycktes."""
    ovrig_drift: RapporteratBelopp = None
    """Övrig drift som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsbudgetrad:
    """En investering över planens tre år, med första årets kapitalkostnader.

    Första årets avskrivning (investeringen delad med avskrivningstiden) räknas fram.
    """

    namn: str
    """Investeringens namn."""
    ar1: Belopp | None = None
    """Investeringen planperiodens första år ("År 2023")."""
    ar2: Belopp | None = None
    """Investeringen planperiodens andra år."""
    ar3: Belopp | None = None
    """Investeringen planperiodens tredje år."""
    avskrivningstid: int | None = None
    """Avskrivningstiden i år."""
    internranta_ar1: Belopp | None = None
    """Internräntan första året."""
    ovrig_drift: Belopp | None = None
    """Övriga driftkostnader första året."""
    text: Text = ()
    """Löptext om investeringen."""
    rapporterat: RapporteradInvesteringsbudgetrad | None = None
    """Raden som källan tryckte den; bara för kontrollen."""

    @property
    def avskrivning_ar1(self) -> Belopp | None:
        """The first year's depreciation: the investment divided by its life (F22)."""
        if self.ar1 is None or not self.avskrivningstid:
            return None
        return self.ar1 / Decimal(self.avskrivningstid)


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsbudget:
    """Investeringsbudgeten (4.2) med en framräknad summarad."""

    rader: tuple[Investeringsbudgetrad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "tkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
    text_fore: Text = ()
    """Text före tabellen."""
    rapporterat_summa: RapporteradInvesteringsbudgetrad | None = None
    """Summaraden som källan tryckte den; bara för kontrollen."""

    @property
    def summa(self) -> Investeringsbudgetrad:
        """Σ rows (the avskrivning column is summed from the rows' derived values)."""
        return INVESTERINGSBUDGET.summarad(Investeringsbudgetrad(namn="Summa"), self.rader)

    @property
    def summa_avskrivning_ar1(self) -> Belopp | None:
        """Σ first-year depreciation."""
        return summa(r.avskrivning_ar1 for r in self.rader)
