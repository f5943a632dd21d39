"""Ekonomisk uppföljning: the Uppsala "net" model and the container for every economic table.

Amounts are signed as the Uppsala reports sign them: costs negative, income and
kommunbidrag positive, a result is nettokostnad + kommunbidrag (negative = underskott).
Every total, result and avvikelse is computed from the exact inputs; reported figures
(``rapporterat``) are only compared by the consistency check.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.brutto import (
    Driftredovisning,
    Investeringsredovisning,
    Kapitalkostnader,
    PrognoserUnderAret,
    SIFTabell,
    Statsbidragstabell,
)
from delarsrapport._model.budget import (
    Budgetfordelning,
    Budgetrad,
    Budgettabell,
    Investeringsbudget,
    Satsningstabell,
)
from delarsrapport._model.kolumner import DETALJ, EGEN_REGI, SAMMANFATTNING
from delarsrapport._model.rapporterat import RapporteratBelopp, diff, summa
from delarsrapport._model.resultatrakning import (
    Resultatrakning,
)
from delarsrapport._model.text import Text, check_text_fields
from delarsrapport._model.tjansteskrivelse import Delavsnitt

__all__ = [
    "AVSNITT",
    "SAMMANFATTNING_UR_DETALJ",
    "BeraknadSammanfattning",
    "BeraknadSammanfattningsrad",
    "EgenRegiRad",
    "EgenRegiTabell",
    "EkonomiskUppfoljning",
    "Insatskostnadstabell",
    "Investeringsrad",
    "Kontorad",
    "Prognososakerhet",
    "RapporteradEgenRegi",
    "RapporteradEgenRegiRad",
    "RapporteradVerksamhetstabell",
    "RapporteratSpann",
    "Sammanfattningsrad",
    "Sammanfattningstabell",
    "Sammanfattningsvarden",
    "Sjukolumner",
    "TidigarePrognos",
    "Verksamhetsavsnitt",
    "Verksamhetstabell",
]


@attrs.frozen(field_transformer=check_text_fields)
class Sjukolumner:
    """One row of a detail table: the seven standard columns.

    ``utfall_period`` (Utfall jan-aug), ``budget_period`` (Budget jan-aug),
    ``prognos_period`` (the period as forecast earlier), ``prognos_ar`` (the earlier
    full-year forecast, "Prognos 2020"), ``ny_prognos_ar`` (the current full-year
    forecast, "Ny prognos 2020"), ``budget_ar`` (Budget 2020), ``utfall_fg_ar`` (the
    whole previous year, "Utfall 2019"). A missing value is an empty cell.
    """

    utfall_period: Belopp | None = None
    budget_period: Belopp | None = None
    prognos_period: Belopp | None = None
    prognos_ar: Belopp | None = None
    ny_prognos_ar: Belopp | None = None
    budget_ar: Belopp | None = None
    utfall_fg_ar: Belopp | None = None

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
    """An account or activity row: ``571 Missbrukarvård`` with its seven values."""

    namn: str
    belopp: Sjukolumner
    kod: str | None = None

    @property
    def avvikelse(self) -> Belopp | None:
        """Utfall − budget for the period (negative = more spent than budgeted)."""
        return diff(self.belopp.utfall_period, self.belopp.budget_period)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradVerksamhetstabell:
    """The derived rows of a detail table as the source printed them."""

    nettokostnad: Sjukolumner | None = None
    resultat: Sjukolumner | None = None


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetstabell:
    """The per-verksamhet detail table in tkr: account rows, Nettokostnad, Kommunbidrag, Resultat."""

    konton: tuple[Kontorad, ...]
    kommunbidrag: Sjukolumner
    enhet: Enhet = "tkr"
    rubrik: str | None = None
    text_fore: Text = ()
    """Text före tabellen ("I tabellen nedan visas …"); texten efter den står i avsnittets text."""
    rapporterat: RapporteradVerksamhetstabell | None = None

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
    """The "Alla verksamheter" row as printed."""

    totalt: Sjukolumner | None = None


@attrs.frozen(field_transformer=check_text_fields)
class Insatskostnadstabell:
    """Cost of interventions in tkr, per activity, with a derived "Alla verksamheter" row."""

    rader: tuple[Kontorad, ...]
    enhet: Enhet = "tkr"
    rubrik: str | None = None
    text_fore: Text = ()
    """Text före tabellen; texten efter den står i avsnittets insatskostnad_text."""
    rapporterat: RapporteradInsatskostnad | None = None

    @property
    def totalt(self) -> Sjukolumner:
        """Σ rows per column (F5)."""
        return Sjukolumner.summa(r.belopp for r in self.rader)

    @property
    def avvikelse(self) -> Belopp | None:
        """Utfall − budget for the period, all activities (F4)."""
        return diff(self.totalt.utfall_period, self.totalt.budget_period)


# -- summary table ------------------------------------------------------------------------


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningsvarden:
    """The four columns of the summary table for one row (or the total)."""

    kommunbidrag: Belopp | None = None
    """The annual kommunbidrag ("Kommunbidrag 2020")."""
    periodens_utfall: Belopp | None = None
    """The result for the period ("Periodens utfall 202001-202008")."""
    periodens_utfall_fg: Belopp | None = None
    """The result for the same period last year ("Periodens utfall 201901-201908")."""
    helarsprognos: Belopp | None = None
    """The forecast full-year result ("Helårsprognos 202008")."""


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningsrad:
    """A row of the summary table, per verksamhet.

    With *verksamhet* set to the name of a :class:`Verksamhetsavsnitt` that has a detail
    table, kommunbidrag, periodens utfall and helårsprognos are derived from that table
    (Budget-year kommunbidrag, the period's Resultat and the new forecast's Resultat) and
    must not be given. *varav* rows are indented sub-rows that must sum to this row and
    are left out of the total.
    """

    namn: str
    kod: str | None = None
    verksamhet: str | None = None
    kommunbidrag: Belopp | None = None
    periodens_utfall: Belopp | None = None
    periodens_utfall_fg: Belopp | None = None
    helarsprognos: Belopp | None = None
    varav: tuple[Sammanfattningsrad, ...] = ()
    rapporterat: Sammanfattningsvarden | None = None

    def indata(self) -> Sammanfattningsvarden:
        """The values given for this row (without anything derived)."""
        return Sammanfattningsvarden(
            self.kommunbidrag, self.periodens_utfall, self.periodens_utfall_fg, self.helarsprognos
        )


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningstabell:
    """The summary table per verksamhet ("Belopp i miljoner kronor") with "Nämnden totalt".

    The total is always the sum of the exact rows (never of rounded cells). When the row
    values are transcribed from a printed report they are themselves rounded and their
    exact sum is unknown; set *avrundade_indata* and give the source's totals in *totalt*:
    they are then used for the columns whose rows are inputs, and the check compares them
    with the rows. Without *avrundade_indata*, *totalt* is a reported figure, only compared.
    """

    rader: tuple[Sammanfattningsrad, ...]
    enhet: Enhet = "mnkr"
    avrundade_indata: bool = False
    totalt: Sammanfattningsvarden | None = None
    text_fore: Text = ()
    """Text före tabellen ("I tabellen nedan visas nämndens resultat per verksamhet.")."""
    text: Text = ()
    """Text efter tabellen."""


@attrs.frozen(field_transformer=check_text_fields)
class BeraknadSammanfattningsrad:
    """A summary row with every value resolved (inputs and values derived from detail tables)."""

    rad: Sammanfattningsrad
    varden: Sammanfattningsvarden
    harledda: frozenset[str]
    """The columns derived from a detail table."""
    varav: tuple[BeraknadSammanfattningsrad, ...]


@attrs.frozen(field_transformer=check_text_fields)
class BeraknadSammanfattning:
    """The summary table resolved: exact rows and the total the documents print."""

    rader: tuple[BeraknadSammanfattningsrad, ...]
    totalt: Sammanfattningsvarden
    """The total per column: the exact sum, or the source's total for rounded input columns."""
    radsumma: Sammanfattningsvarden
    """The exact sum of the top-level rows, per column (varav rows excluded, F7)."""
    totalt_fran_kalla: frozenset[str]
    """Columns whose total comes from the source (rounded inputs) rather than the sum."""


# -- other Uppsala tables -----------------------------------------------------------------


@attrs.frozen(field_transformer=check_text_fields)
class Investeringsrad:
    """The Investeringar row of the summary, in mnkr (positive = spending)."""

    kf_budget: Belopp | None = None
    periodens_utfall: Belopp | None = None
    periodens_utfall_fg: Belopp | None = None
    helarsprognos: Belopp | None = None
    enhet: Enhet = "mnkr"
    text_fore: Text = ()
    """Text före tabellen."""
    text: Text = ()
    """Text efter tabellen (i avsnittet om investeringar; investeringar_text är ett eget avsnitt)."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratSpann:
    """The prognosspann as printed (a cell may be printed empty)."""

    spann_min: RapporteratBelopp = None
    spann_max: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Prognososakerhet:
    """Forecast uncertainty: how much worse (*forsamring*) or better (*forbattring*) it may be.

    Both are non-negative magnitudes; the span is derived from the total forecast (F9).
    """

    forsamring: Belopp
    forbattring: Belopp
    enhet: Enhet = "mnkr"
    text_fore: Text = ()
    """Text före tabellen (i ett avsnitt som "Årsprognos och prognososäkerhet")."""
    text: Text = ()
    """Text efter tabellen."""
    rapporterat: RapporteratSpann | None = None

    @property
    def symmetrisk(self) -> bool:
        """Whether the interval may be written "+/- x" (försämring = förbättring)."""
        return self.forsamring == self.forbattring


@attrs.frozen(field_transformer=check_text_fields)
class TidigarePrognos:
    """An earlier forecast of the year's result ("Prognosen i mars var -25 mnkr …")."""

    manad: int
    belopp: Belopp
    forbattring: Belopp | None = None
    forsamring: Belopp | None = None
    enhet: Enhet = "mnkr"


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetsavsnitt:
    """The section of the report for one verksamhet or avdelning.

    It may carry a detail table in tkr (Uppsala SCN 2020), an insatskostnad table, and a
    resultaträkning (Uppsala OSN's avdelningar), with the narrative text.
    """

    namn: str
    text: Text = ()
    tabell: Verksamhetstabell | None = None
    insatskostnad: Insatskostnadstabell | None = None
    insatskostnad_text: Text = ()
    resultatrakning: Resultatrakning | None = None


@attrs.frozen(field_transformer=check_text_fields)
class EgenRegiRad:
    """One row of the egen-regi results table."""

    namn: str
    resultat: Belopp | None = None
    avvikelse: Belopp | None = None
    resultat_fg: Belopp | None = None


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradEgenRegiRad:
    """An egen-regi row (the Totalt row) as printed."""

    resultat: RapporteratBelopp = None
    """Periodens resultat som det trycktes."""
    avvikelse: RapporteratBelopp = None
    """Avvikelsen mot budget som den trycktes."""
    resultat_fg: RapporteratBelopp = None
    """Föregående års resultat som det trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradEgenRegi:
    """The derived row of the egen-regi table as the source printed it."""

    totalt: RapporteradEgenRegiRad | None = None
    """Totalt-raden som källan tryckte den."""


@attrs.frozen(field_transformer=check_text_fields)
class EgenRegiTabell:
    """Results of the nämnd's own service provision per avdelning, with a derived total."""

    rader: tuple[EgenRegiRad, ...]
    enhet: Enhet = "mnkr"
    text: Text = ()
    text_fore: Text = ()
    """Text före tabellen; text är texten efter den."""
    rapporterat: RapporteradEgenRegi | None = None
    """Det källan tryckte där tabellen räknar fram värdet (Totalt-raden); jämförs av check."""

    @property
    def totalt(self) -> EgenRegiRad:
        """Σ rows per column."""
        return EGEN_REGI.summarad(EgenRegiRad(namn="Totalt"), self.rader)


SAMMANFATTNING_UR_DETALJ: Final[dict[str, tuple[str, str]]] = {
    "kommunbidrag": ("kommunbidrag", "budget_ar"),
    "periodens_utfall": ("resultat", "utfall_period"),
    "helarsprognos": ("resultat", "ny_prognos_ar"),
}
"""Where a summary row linked to a detail table takes each column: (the table's row, its column)."""


# -- the document -------------------------------------------------------------------------

AVSNITT: Final = (
    "sammanfattning",
    "prognososakerhet",
    "investeringar",
    "analys",
    "resultatrakning",
    "verksamheter",
    "egen_regi",
    "driftredovisning",
    "kapitalkostnader",
    "ekonomiskt_bistand",
    "prognoser_under_aret",
    "statsbidrag",
    "sociala_investeringsfonden",
    "investeringsredovisning",
    "driftbudget",
    "sarskilda_satsningar",
    "investeringsbudget",
    "ekonomiskt_bistand_budget",
    "taxor_och_avgifter",
    "budgetfordelning",
    "atgarder_ekonomi_i_balans",
    "investeringar_text",
    "risker_och_osakerhet",
)
"""The sections of an ekonomisk uppföljning, each named by its field, in the standard order
(the shipped layouts' order); ``ovriga_avsnitt`` come after them."""


@attrs.frozen(field_transformer=check_text_fields)
class EkonomiskUppfoljning:
    """The economic bilaga: summary, forecast, detail and free text; every table optional.

    It holds Uppsala's net model (summary per verksamhet, detail tables, resultaträkningar)
    and Upplands-Bro's gross model and plan tables (driftredovisning, statsbidrag,
    investeringar, driftbudget), so that any report can be expressed and any layout can
    choose what to show.
    """

    kind: ClassVar[str] = "ekonomi"

    sammanfattning: Sammanfattningstabell | None = None
    investeringar: Investeringsrad | None = None
    prognososakerhet: Prognososakerhet | None = None
    tidigare_prognoser: tuple[TidigarePrognos, ...] = ()
    analys: Text = ()
    resultatrakning: Resultatrakning | None = None
    verksamheter: tuple[Verksamhetsavsnitt, ...] = ()
    egen_regi: EgenRegiTabell | None = None
    atgarder_ekonomi_i_balans: Text = ()
    risker_och_osakerhet: Text = ()
    investeringar_text: Text = ()
    ovriga_avsnitt: tuple[Delavsnitt, ...] = ()
    avsnittsordning: tuple[str, ...] = ()
    """Avsnitten i den ordning rapporten har dem: fältnamn (analys, verksamheter,
    atgarder_ekonomi_i_balans, prognososakerhet, investeringar …) och rubriken för ett av
    ovriga_avsnitt. Avsnitt med innehåll som inte står i listan kommer efter, i standardordningen."""
    # Upplands-Bro: the year's accounts (gross model)
    driftredovisning: Driftredovisning | None = None
    kapitalkostnader: Kapitalkostnader | None = None
    ekonomiskt_bistand: Driftredovisning | None = None
    prognoser_under_aret: PrognoserUnderAret | None = None
    statsbidrag: Statsbidragstabell | None = None
    sociala_investeringsfonden: SIFTabell | None = None
    investeringsredovisning: Investeringsredovisning | None = None
    # Upplands-Bro: the plan (nämndplan)
    driftbudget: Budgettabell | None = None
    sarskilda_satsningar: Satsningstabell | None = None
    investeringsbudget: Investeringsbudget | None = None
    ekonomiskt_bistand_budget: Budgettabell | None = None
    taxor_och_avgifter: Text = ()
    budgetfordelning: tuple[Budgetfordelning, ...] = ()

    def avsnitt(self) -> tuple[str | Delavsnitt, ...]:
        """The sections that have content, in the report's order (:attr:`avsnittsordning`).

        Each is a key of :data:`AVSNITT` or one of the övriga avsnitt. The sections the
        order names come first, as it names them; the others follow in the standard order.
        """
        standard: list[str | Delavsnitt] = [k for k in AVSNITT if getattr(self, k)]
        standard += self.ovriga_avsnitt
        valda: list[str | Delavsnitt] = []
        for namn in self.avsnittsordning:
            traff = next(
                (a for a in standard if a == namn or (isinstance(a, Delavsnitt) and a.rubrik == namn)),
                None,
            )
            if traff is not None and not any(v is traff for v in valda):
                valda.append(traff)
        return (*valda, *(a for a in standard if not any(v is a for v in valda)))

    def verksamhet(self, namn: str) -> Verksamhetsavsnitt | None:
        """The verksamhet section called *namn*."""
        for v in self.verksamheter:
            if v.namn == namn:
                return v
        return None

    def sammanfattning_berakning(self) -> BeraknadSammanfattning | None:
        """The summary table with every value resolved and the totals the documents print."""
        tabell = self.sammanfattning
        if tabell is None:
            return None

        def resolve(rad: Sammanfattningsrad) -> BeraknadSammanfattningsrad:
            varden = rad.indata()
            harledda: set[str] = set()
            if rad.verksamhet is not None:
                avsnitt = self.verksamhet(rad.verksamhet)
                if avsnitt is not None and avsnitt.tabell is not None:
                    t = avsnitt.tabell
                    varden = attrs.evolve(
                        varden,
                        **{
                            k: getattr(getattr(t, r), kol) for k, (r, kol) in SAMMANFATTNING_UR_DETALJ.items()
                        },
                    )
                    harledda = set(SAMMANFATTNING_UR_DETALJ)
            return BeraknadSammanfattningsrad(
                rad=rad,
                varden=varden,
                harledda=frozenset(harledda),
                varav=tuple(resolve(v) for v in rad.varav),
            )

        rader = tuple(resolve(r) for r in tabell.rader)
        radsumma = Sammanfattningsvarden(
            *(summa(getattr(r.varden, k) for r in rader) for k in SAMMANFATTNING.falt)
        )
        totalt = radsumma
        fran_kalla: set[str] = set()
        if tabell.avrundade_indata and tabell.totalt is not None:
            for k in SAMMANFATTNING.falt:
                given = getattr(tabell.totalt, k)
                if given is not None and not any(k in r.harledda for r in rader):
                    totalt = attrs.evolve(totalt, **{k: given})
                    fran_kalla.add(k)
        return BeraknadSammanfattning(
            rader=rader, totalt=totalt, radsumma=radsumma, totalt_fran_kalla=frozenset(fran_kalla)
        )

    @property
    def periodens_resultat(self) -> Belopp | None:
        """The nämnd's result for the period, from the most precise source available.

        The nämnd's resultaträkning if there is one, otherwise the summary total.
        """
        if self.resultatrakning is not None:
            value = self.resultatrakning.resultat.utfall_period
            if value is not None:
                return value
        berakning = self.sammanfattning_berakning()
        return berakning.totalt.periodens_utfall if berakning else None

    @property
    def helarsprognos(self) -> Belopp | None:
        """The forecast result for the whole year, from the most precise source available."""
        if self.resultatrakning is not None:
            value = self.resultatrakning.resultat.prognos_ar
            if value is not None:
                return value
        berakning = self.sammanfattning_berakning()
        return berakning.totalt.helarsprognos if berakning else None

    @property
    def kommunbidrag(self) -> Belopp | None:
        """The annual kommunbidrag for the whole nämnd."""
        if self.resultatrakning is not None and self.resultatrakning.rader.kommunbidrag:
            value = self.resultatrakning.rader.kommunbidrag.budget_ar
            if value is not None:
                return value
        berakning = self.sammanfattning_berakning()
        return berakning.totalt.kommunbidrag if berakning else None

    @property
    def prognosspann(self) -> tuple[Belopp, Belopp] | None:
        """(min, max) of the forecast: prognos − försämring, prognos + förbättring (F9)."""
        if self.prognososakerhet is None or self.helarsprognos is None:
            return None
        prognos = self.helarsprognos
        return (
            prognos - self.prognososakerhet.forsamring,
            prognos + self.prognososakerhet.forbattring,
        )

    def fordelning(self, omrade: str) -> Budgetfordelning | None:
        """The distribution (4.5.x) of the driftbudget row called *omrade*."""
        for f in self.budgetfordelning:
            if f.omrade == omrade:
                return f
        return None

    def driftbudget_rader(self) -> tuple[Budgetrad, ...]:
        """The driftbudget's rows (4.1), as given.

        The driftbudget is the plan's own table: a verksamhetsområde's distribution
        (4.5.x) must add up to its row in net terms, which the check compares; the gross
        amounts may legitimately be split differently.
        """
        return self.driftbudget.rader if self.driftbudget is not None else ()

    def driftbudget_summa(self) -> Budgetrad | None:
        """The driftbudget's Summa row."""
        return self.driftbudget.summa if self.driftbudget is not None else None

    def forandring_mot(self, tidigare: TidigarePrognos) -> Belopp | None:
        """The current forecast against an earlier one (F17): positive = better now."""
        if self.helarsprognos is None:
            return None
        return self.helarsprognos - tidigare.belopp

    @property
    def budgetavvikelse_bokslut(self) -> Belopp | None:
        """The year's net budget deviation: the driftredovisning's Summa avvikelse netto."""
        if self.driftredovisning is None:
            return None
        return self.driftredovisning.summa.avvikelse_netto

    @property
    def avvikelse_mot_hostprognos(self) -> Belopp | None:
        """The outcome against the autumn forecast (F30): bokslut − höstprognos."""
        if self.prognoser_under_aret is None:
            return None
        return diff(self.budgetavvikelse_bokslut, self.prognoser_under_aret.hostprognos)

    @property
    def prognos_andel_av_kommunbidrag(self) -> Decimal | None:
        """|helårsprognos| as a share of the annual kommunbidrag (F16), or ``None``."""
        if self.helarsprognos is None or not self.kommunbidrag:
            return None
        return abs(self.helarsprognos).andel_av(self.kommunbidrag)
