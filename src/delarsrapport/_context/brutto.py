"""The gross tables and budgets of the ekonomi bilaga (Upplands-Bro) and how they are built.

Driftredovisning, kapitalkostnader, prognoser under året, statsbidrag, the sociala
investeringsfonden and the investeringsredovisning account for the year; the
driftbudget, särskilda satsningar, the investeringsbudget and the budget per
verksamhetsområde plan the next. Each table ends with its sum row, flagged ``summa``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

import attrs

from delarsrapport._context.gemensam import Builder, Lopande
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.brutto import (
    Driftredovisning,
    Investeringsredovisning,
    Kapitalkostnader,
    SIFTabell,
    Statsbidragstabell,
)
from delarsrapport._model.budget import Budgetrad, Investeringsbudget, Satsningstabell
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.text import Text

__all__ = [
    "BudgetradVy",
    "BudgettabellVy",
    "DriftradVy",
    "DriftredovisningVy",
    "InvesteringsbudgetradVy",
    "InvesteringsprojektVy",
    "KapitalradVy",
    "PrognoserUnderAretVy",
    "SatsningVy",
    "SifradVy",
    "StatsbidragsradVy",
    "TabellVy",
    "build_budgettabell",
    "build_driftbudget",
    "build_driftredovisning",
    "build_investeringsbudget",
    "build_investeringsredovisning",
    "build_kapitalkostnader",
    "build_prognoser_under_aret",
    "build_sarskilda_satsningar",
    "build_sociala_investeringsfonden",
    "build_statsbidrag",
]


@attrs.frozen(kw_only=True)
class DriftradVy:
    """En rad i driftredovisningen (Upplands-Bro, brutto i tkr)."""

    namn: str
    """Verksamhetsområdet (Summa på summaraden)."""
    budget_kostnad: Belopp | None
    """Budgeterad kostnad."""
    budget_intakt: Belopp | None
    """Budgeterad intäkt."""
    redovisat_kostnad: Belopp | None
    """Redovisad kostnad."""
    redovisat_intakt: Belopp | None
    """Redovisad intäkt."""
    avvikelse_kostnad: Belopp | None
    """Budget − redovisat, kostnad."""
    avvikelse_intakt: Belopp | None
    """Redovisat − budget, intäkt."""
    avvikelse_netto: Belopp | None
    """Avvikelsen netto (negativ = underskott)."""
    avvikelse_fg_netto: Belopp | None
    """Föregående års avvikelse netto."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class DriftredovisningVy:
    """Driftredovisningen (eller Ekonomiskt bistånd i samma form)."""

    rader: tuple[DriftradVy, ...]
    """Raderna, sist Summa."""
    text: Lopande
    """Text till tabellen."""
    text_fore: Lopande
    """Texten före tabellen."""


@attrs.frozen(kw_only=True)
class KapitalradVy:
    """En rad i tabellen över kapitalkostnader."""

    namn: str
    """Verksamhetsområdet (Summa på summaraden)."""
    budget_avskrivningar: Belopp | None
    """Budgeterade avskrivningar."""
    budget_internranta: Belopp | None
    """Budgeterad internränta."""
    redovisat_avskrivningar: Belopp | None
    """Redovisade avskrivningar."""
    redovisat_internranta: Belopp | None
    """Redovisad internränta."""
    avvikelse_avskrivningar: Belopp | None
    """Budget − redovisat."""
    avvikelse_internranta: Belopp | None
    """Budget − redovisat."""
    avvikelse_netto: Belopp | None
    """Summan av avvikelserna."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class PrognoserUnderAretVy:
    """Budgetavvikelsen enligt vårprognos, höstprognos och bokslut (mnkr)."""

    varprognos: Belopp | None
    """Budgetavvikelse i vårprognosen."""
    hostprognos: Belopp | None
    """Budgetavvikelse i höstprognosen."""
    bokslut: Belopp | None
    """Budgetavvikelse i bokslutet (driftredovisningens summa)."""
    mot_hostprognos: Belopp | None
    """Bokslut − höstprognos."""
    text_fore: Lopande
    """Texten före tabellen."""
    text: Lopande
    """Texten efter tabellen."""


@attrs.frozen(kw_only=True)
class StatsbidragsradVy:
    """En rad i statsbidragstabellen."""

    namn: str
    """Statsbidraget (Totalt på summaraden)."""
    beviljat: Belopp | None
    """Beviljat."""
    forbrukat: Belopp | None
    """Förbrukat."""
    kvar: Belopp | None
    """Beviljat − förbrukat."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class SifradVy:
    """En rad i tabellen för sociala investeringsfonden."""

    projekt: str
    """Projektet (Summa på summaraden)."""
    start_ar: int | None
    """Projektets startår."""
    slut_ar: int | None
    """Projektets slutår."""
    budget_hela_projektet: Belopp | None
    """Budget för hela projektet."""
    redovisat_tom: Belopp | None
    """Redovisat från start till årets slut."""
    prognos_kostnader_ar: Belopp | None
    """Prognos för årets kostnader."""
    prognos_projektet: Belopp | None
    """Prognos för hela projektet."""
    prognosavvikelse: Belopp | None
    """Budget − prognos för hela projektet."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class InvesteringsprojektVy:
    """En rad i investeringsredovisningen."""

    projekt: str
    """Projekt eller verksamhetsområde (Summa på summaraden)."""
    total_budget: Belopp | None
    """Total budget."""
    redovisat_fg_ar: Belopp | None
    """Redovisat föregående år."""
    budget_ar: Belopp | None
    """Budget för året."""
    redovisat_ar: Belopp | None
    """Redovisat för året."""
    kvar: Belopp | None
    """Kvar av årets budget."""
    ombudgeteras: Belopp | None
    """Ombudgeteras till nästa år."""
    text: Lopande
    """Kommentar till projektet."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class TabellVy:
    """En tabell med rader och text."""

    rader: tuple[object, ...]
    """Raderna, sist en summarad."""
    text: Lopande
    """Text till tabellen."""
    text_fore: Lopande
    """Texten före tabellen."""
    fotnot: str
    """Fotnot till tabellen, eller tomt."""


@attrs.frozen(kw_only=True)
class BudgetradVy:
    """En rad i en budgettabell (driftbudget, fördelning, ekonomiskt bistånd)."""

    namn: str
    """Raden (Summa på summaraden)."""
    kostnad: Belopp | None
    """Kostnader."""
    avskrivningar: Belopp | None
    """Avskrivningar."""
    internranta: Belopp | None
    """Internränta."""
    intakt: Belopp | None
    """Intäkter."""
    budget_netto: Belopp | None
    """Budget netto."""
    budget_netto_fg: Belopp | None
    """Budget netto föregående år."""
    forandring: Belopp | None
    """Förändring mot föregående år."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class BudgettabellVy:
    """En budgettabell."""

    rubrik: str
    """Tabellens rubrik (för en fördelning: områdets namn)."""
    rader: tuple[BudgetradVy, ...]
    """Raderna, sist Summa."""
    text: Lopande
    """Text till tabellen."""
    text_fore: Lopande
    """Texten före tabellen."""


@attrs.frozen(kw_only=True)
class SatsningVy:
    """En särskild satsning."""

    namn: str
    """Satsningen (Särskilda satsningar på summaraden)."""
    belopp: Belopp
    """Beloppet."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen(kw_only=True)
class InvesteringsbudgetradVy:
    """En rad i investeringsbudgeten."""

    namn: str
    """Projektet (Summa på summaraden)."""
    ar1: Belopp | None
    """Planåret."""
    ar2: Belopp | None
    """Året efter."""
    ar3: Belopp | None
    """Två år efter."""
    avskrivningstid: int | None
    """Avskrivningstid i år."""
    avskrivning_ar1: Belopp | None
    """Planårets avskrivning (investering / avskrivningstid)."""
    internranta_ar1: Belopp | None
    """Planårets internränta."""
    ovrig_drift: Belopp | None
    """Övrig drift."""
    text: Lopande
    """Kommentar till raden."""
    summa: bool
    """Sant på summaraden."""


_R = TypeVar("_R")


def _med_summa(rader: Sequence[_R], summa: _R) -> Iterator[tuple[_R, bool]]:
    """The rows, then the sum row, each with a flag that says whether it is the sum."""
    yield from ((r, False) for r in rader)
    yield summa, True


# -- the year's accounts --------------------------------------------------------------------


def build_driftredovisning(b: Builder, d: Driftredovisning | None) -> DriftredovisningVy | None:
    """The driftredovisning, or ekonomiskt bistånd in its form."""
    if d is None:
        return None
    return DriftredovisningVy(
        rader=tuple(
            DriftradVy(
                namn=r.namn,
                budget_kostnad=r.budget_kostnad,
                budget_intakt=r.budget_intakt,
                redovisat_kostnad=r.redovisat_kostnad,
                redovisat_intakt=r.redovisat_intakt,
                avvikelse_kostnad=r.avvikelse_kostnad,
                avvikelse_intakt=r.avvikelse_intakt,
                avvikelse_netto=r.avvikelse_netto,
                avvikelse_fg_netto=r.avvikelse_fg_netto,
                summa=summa,
            )
            for r, summa in _med_summa(d.rader, d.summa)
        ),
        text=b.text(d.text),
        text_fore=b.text(d.text_fore),
    )


def build_kapitalkostnader(t: Kapitalkostnader | None) -> tuple[KapitalradVy, ...]:
    """The capital costs included in the driftredovisning, the sum row last."""
    if t is None:
        return ()
    return tuple(
        KapitalradVy(
            namn=r.namn,
            budget_avskrivningar=r.budget_avskrivningar,
            budget_internranta=r.budget_internranta,
            redovisat_avskrivningar=r.redovisat_avskrivningar,
            redovisat_internranta=r.redovisat_internranta,
            avvikelse_avskrivningar=r.avvikelse_avskrivningar,
            avvikelse_internranta=r.avvikelse_internranta,
            avvikelse_netto=r.avvikelse_netto,
            summa=summa,
        )
        for r, summa in _med_summa(t.rader, t.summa)
    )


def build_prognoser_under_aret(b: Builder, e: EkonomiskUppfoljning) -> PrognoserUnderAretVy | None:
    """The budget deviation in the spring and autumn forecasts, against the accounts."""
    if e.prognoser_under_aret is None:
        return None
    return PrognoserUnderAretVy(
        varprognos=e.prognoser_under_aret.varprognos,
        hostprognos=e.prognoser_under_aret.hostprognos,
        bokslut=e.budgetavvikelse_bokslut,
        mot_hostprognos=e.avvikelse_mot_hostprognos,
        text_fore=b.text(e.prognoser_under_aret.text_fore),
        text=b.text(e.prognoser_under_aret.text),
    )


def build_statsbidrag(b: Builder, t: Statsbidragstabell | None) -> TabellVy | None:
    """The state grants: granted, used and left."""
    if t is None:
        return None
    return TabellVy(
        rader=tuple(
            StatsbidragsradVy(
                namn=r.namn, beviljat=r.beviljat, forbrukat=r.forbrukat, kvar=r.kvar, summa=summa
            )
            for r, summa in _med_summa(t.rader, t.totalt)
        ),
        text=b.text(t.text),
        text_fore=b.text(t.text_fore),
        fotnot="",
    )


def build_sociala_investeringsfonden(b: Builder, t: SIFTabell | None) -> TabellVy | None:
    """The projects of the sociala investeringsfonden."""
    if t is None:
        return None
    return TabellVy(
        rader=tuple(
            SifradVy(
                projekt=r.projekt,
                start_ar=r.start_ar,
                slut_ar=r.slut_ar,
                budget_hela_projektet=r.budget_hela_projektet,
                redovisat_tom=r.redovisat_tom,
                prognos_kostnader_ar=r.prognos_kostnader_ar,
                prognos_projektet=r.prognos_projektet,
                prognosavvikelse=r.prognosavvikelse,
                summa=summa,
            )
            for r, summa in _med_summa(t.rader, t.summa)
        ),
        text=b.text(t.text),
        text_fore=b.text(t.text_fore),
        fotnot=t.fotnot or "",
    )


def build_investeringsredovisning(b: Builder, t: Investeringsredovisning | None) -> TabellVy | None:
    """The year's investments per project."""
    if t is None:
        return None
    return TabellVy(
        rader=tuple(
            InvesteringsprojektVy(
                projekt=r.projekt,
                total_budget=r.total_budget,
                redovisat_fg_ar=r.redovisat_fg_ar,
                budget_ar=r.budget_ar,
                redovisat_ar=r.redovisat_ar,
                kvar=r.kvar,
                ombudgeteras=r.ombudgeteras,
                text=b.text(r.text),
                summa=summa,
            )
            for r, summa in _med_summa(t.rader, t.summa)
        ),
        text=b.text(t.text),
        text_fore=b.text(t.text_fore),
        fotnot="",
    )


# -- the plan -------------------------------------------------------------------------------


def build_budgettabell(
    b: Builder,
    rubrik: str,
    rader: Iterable[Budgetrad],
    summarad: Budgetrad,
    text: Text,
    text_fore: Text,
    *,
    omrade: str | None = None,
) -> BudgettabellVy:
    """A budget table: the driftbudget, ekonomiskt bistånd or one verksamhetsområde's share
    (*omrade*, whose figures the text's references name)."""
    return BudgettabellVy(
        rubrik=rubrik,
        rader=tuple(
            BudgetradVy(
                namn=r.namn,
                kostnad=r.kostnad,
                avskrivningar=r.avskrivningar,
                internranta=r.internranta,
                intakt=r.intakt,
                budget_netto=r.budget_netto,
                budget_netto_fg=r.budget_netto_fg,
                forandring=r.forandring,
                summa=summa,
            )
            for r, summa in _med_summa(tuple(rader), summarad)
        ),
        text=b.text(text, omrade=omrade),
        text_fore=b.text(text_fore, omrade=omrade),
    )


def build_driftbudget(b: Builder, e: EkonomiskUppfoljning) -> BudgettabellVy | None:
    """The planned year's driftbudget."""
    summa = e.driftbudget_summa()
    if e.driftbudget is None or summa is None:
        return None
    return build_budgettabell(
        b, "Driftbudget", e.driftbudget_rader(), summa, e.driftbudget.text, e.driftbudget.text_fore
    )


def build_sarskilda_satsningar(t: Satsningstabell | None) -> tuple[SatsningVy, ...]:
    """The särskilda satsningar, the sum row first as the nämndplan prints it."""
    if t is None:
        return ()
    return (
        SatsningVy(namn="Särskilda satsningar", belopp=t.totalt, summa=True),
        *(SatsningVy(namn=r.namn, belopp=r.belopp, summa=False) for r in t.rader),
    )


def build_investeringsbudget(b: Builder, t: Investeringsbudget | None) -> TabellVy | None:
    """The investments planned for the next three years, with their running costs."""
    if t is None:
        return None
    return TabellVy(
        rader=tuple(
            InvesteringsbudgetradVy(
                namn=r.namn,
                ar1=r.ar1,
                ar2=r.ar2,
                ar3=r.ar3,
                avskrivningstid=r.avskrivningstid,
                avskrivning_ar1=t.summa_avskrivning_ar1 if summa else r.avskrivning_ar1,
                internranta_ar1=r.internranta_ar1,
                ovrig_drift=r.ovrig_drift,
                text=b.text(r.text),
                summa=summa,
            )
            for r, summa in _med_summa(t.rader, t.summa)
        ),
        text=b.text(t.text),
        text_fore=b.text(t.text_fore),
        fotnot="",
    )
