"""Ekonomisk uppföljning: the Uppsala "net" model and the container for every economic table.

Amounts are signed as the Uppsala reports sign them: costs negative, income and
kommunbidrag positive, a result is nettokostnad + kommunbidrag (negative = underskott).
Every total, result and avvikelse is computed from the exact inputs; reported figures
(``rapporterat``) are only compared by the consistency check.
"""

from __future__ import annotations

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
from delarsrapport._model.kolumner import EGEN_REGI, SAMMANFATTNING
from delarsrapport._model.rapporterat import RapporteratBelopp, diff, summa
from delarsrapport._model.resultatrakning import (
    Resultatrakning,
)
from delarsrapport._model.text import Text, check_text_fields
from delarsrapport._model.tjansteskrivelse import Delavsnitt
from delarsrapport._model.verksamhetstabell import Insatskostnadstabell, Verksamhetstabell

__all__ = [
    "AVSNITT",
    "SAMMANFATTNING_UR_DETALJ",
    "BeraknadSammanfattning",
    "BeraknadSammanfattningsrad",
    "EgenRegiRad",
    "EgenRegiTabell",
    "EkonomiskUppfoljning",
    "Investeringsrad",
    "Prognososakerhet",
    "RapporteradEgenRegi",
    "RapporteradEgenRegiRad",
    "RapporteratSpann",
    "Sammanfattningsrad",
    "Sammanfattningstabell",
    "Sammanfattningsvarden",
    "TidigarePrognos",
    "Verksamhetsavsnitt",
]


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningsvarden:
    """Sammanfattningstabellens fyra kolumner för en rad (eller för totalen)."""

    kommunbidrag: Belopp | None = None
    """Kommunbidraget för helåret ("Kommunbidrag 2020")."""
    periodens_utfall: Belopp | None = None
    """Resultatet för perioden ("Periodens utfall 202001-202008")."""
    periodens_utfall_fg: Belopp | None = None
    """Resultatet för samma period föregående år ("Periodens utfall 201901-201908")."""
    helarsprognos: Belopp | None = None
    """Prognosen för helårets resultat ("Helårsprognos 202008")."""


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningsrad:
    """En rad i sammanfattningstabellen, per verksamhet.

    Pekar *verksamhet* ut ett verksamhetsavsnitt som har en detaljtabell räknas
    kommunbidrag, periodens utfall och helårsprognos fram ur den tabellen (kommunbidraget
    för året, periodens resultat och den nya prognosens resultat) och ska då inte anges.
    *varav*-rader är indragna underrader som ska summera till raden och inte räknas med i
    totalen.
    """

    namn: str
    """Radens namn ("Barn- och ungdomsvård")."""
    kod: str | None = None
    """Verksamhetskoden som trycks inom parentes efter namnet ("571-572")."""
    verksamhet: str | None = None
    """Namnet på verksamhetsavsnittet vars detaljtabell raden räknas fram ur."""
    kommunbidrag: Belopp | None = None
    """Kommunbidraget för helåret; räknas fram när *verksamhet* pekar ut en detaljtabell."""
    periodens_utfall: Belopp | None = None
    """Resultatet för perioden (inte kostnaden); räknas fram när *verksamhet* pekar ut en detaljtabell."""
    periodens_utfall_fg: Belopp | None = None
    """Resultatet för samma period föregående år."""
    helarsprognos: Belopp | None = None
    """Prognosen för helårets resultat; räknas fram när *verksamhet* pekar ut en detaljtabell."""
    varav: tuple[Sammanfattningsrad, ...] = ()
    """Indragna varav-rader, som ska summera till raden och inte räknas med i totalen."""
    rapporterat: Sammanfattningsvarden | None = None
    """Radens värden som källan tryckte dem; bara för kontrollen."""

    def indata(self) -> Sammanfattningsvarden:
        """The values given for this row (without anything derived)."""
        return Sammanfattningsvarden(
            self.kommunbidrag, self.periodens_utfall, self.periodens_utfall_fg, self.helarsprognos
        )


@attrs.frozen(field_transformer=check_text_fields)
class Sammanfattningstabell:
    """Sammanfattningstabellen per verksamhet ("Belopp i miljoner kronor") med "Nämnden totalt".

    Totalen är alltid summan av de exakta raderna (aldrig av avrundade celler). Är radernas
    värden avskrivna från en tryckt rapport är de redan avrundade och den exakta summan
    okänd; sätt då *avrundade_indata* och ange källans totaler i *totalt*: de används för
    kolumner vars rader är indata, och kontrollen jämför dem med raderna. Utan
    *avrundade_indata* är *totalt* ett tryckt värde som bara jämförs.
    """

    rader: tuple[Sammanfattningsrad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "mnkr"
    """Enheten som tabellens belopp anges och trycks i."""
    avrundade_indata: bool = False
    """Raderna är avrundade värden avskrivna från en tryckt rapport (se ovan)."""
    totalt: Sammanfattningsvarden | None = None
    """Källans totalrad: används med *avrundade_indata*, annars jämförs den bara."""
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
    """Raden Investeringar under sammanfattningen (positivt = utgift)."""

    kf_budget: Belopp | None = None
    """Investeringsbudgeten som kommunfullmäktige beslutat ("KF-budget 2020")."""
    periodens_utfall: Belopp | None = None
    """Investeringarna under perioden."""
    periodens_utfall_fg: Belopp | None = None
    """Investeringarna under samma period föregående år."""
    helarsprognos: Belopp | None = None
    """Prognosen för årets investeringar."""
    enhet: Enhet = "mnkr"
    """Enheten som raden anges och trycks i."""
    text_fore: Text = ()
    """Text före tabellen."""
    text: Text = ()
    """Text efter tabellen (i avsnittet om investeringar; investeringar_text är ett eget avsnitt)."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratSpann:
    """Prognosspannet som det trycktes (en cell kan ha varit tom; bara för kontrollen)."""

    spann_min: RapporteratBelopp = None
    """Spannets lägsta värde som det trycktes ("Min")."""
    spann_max: RapporteratBelopp = None
    """Spannets högsta värde som det trycktes ("Max")."""


@attrs.frozen(field_transformer=check_text_fields)
class Prognososakerhet:
    """Prognososäkerheten: hur mycket sämre (*forsamring*) eller bättre (*forbattring*) utfallet kan bli.

    Båda anges som storlekar (0 eller mer); prognosspannet räknas fram ur helårsprognosen.
    """

    forsamring: Belopp
    """Hur mycket sämre helårsresultatet kan bli än prognosen ("Prognos- försämring")."""
    forbattring: Belopp
    """Hur mycket bättre helårsresultatet kan bli än prognosen ("Prognos- förbättring")."""
    enhet: Enhet = "mnkr"
    """Enheten som beloppen anges och trycks i."""
    text_fore: Text = ()
    """Text före tabellen (i ett avsnitt som "Årsprognos och prognososäkerhet")."""
    text: Text = ()
    """Text efter tabellen."""
    rapporterat: RapporteratSpann | None = None
    """Prognosspannet som källan tryckte det; bara för kontrollen."""

    @property
    def symmetrisk(self) -> bool:
        """Whether the interval may be written "+/- x" (försämring = förbättring)."""
        return self.forsamring == self.forbattring


@attrs.frozen(field_transformer=check_text_fields)
class TidigarePrognos:
    """En tidigare prognos för årets resultat ("Prognosen i mars var -25 mnkr …")."""

    manad: int
    """Månaden prognosen gjordes, 1–12."""
    belopp: Belopp
    """Den tidigare prognosen för helårets resultat."""
    forbattring: Belopp | None = None
    """Den tidigare prognosens möjliga förbättring."""
    forsamring: Belopp | None = None
    """Den tidigare prognosens möjliga försämring."""
    enhet: Enhet = "mnkr"
    """Enheten som beloppen anges och trycks i."""


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetsavsnitt:
    """Rapportens avsnitt för en verksamhet eller avdelning.

    Det kan ha en detaljtabell (Uppsala socialnämnd 2020), en tabell över insatskostnader och
    en resultaträkning (Uppsala omsorgsnämnds avdelningar), med löptexten.
    """

    namn: str
    """Verksamhetens eller avdelningens namn; sammanfattningsrader hänvisar till det."""
    text: Text = ()
    """Avsnittets löptext."""
    tabell: Verksamhetstabell | None = None
    """Verksamhetens detaljtabell."""
    insatskostnad: Insatskostnadstabell | None = None
    """Tabellen över insatskostnader."""
    insatskostnad_text: Text = ()
    """Löptext om insatskostnaderna, efter den tabellen."""
    resultatrakning: Resultatrakning | None = None
    """Avdelningens resultaträkning."""


@attrs.frozen(field_transformer=check_text_fields)
class EgenRegiRad:
    """En rad i tabellen över resultatet i egen regi."""

    namn: str
    """Avdelningens namn."""
    resultat: Belopp | None = None
    """Resultatet för perioden."""
    avvikelse: Belopp | None = None
    """Avvikelsen mot budget."""
    resultat_fg: Belopp | None = None
    """Resultatet för samma period föregående år."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradEgenRegiRad:
    """En rad i tabellen för egen regi (Totalt-raden) som källan tryckte den."""

    resultat: RapporteratBelopp = None
    """Periodens resultat som det trycktes."""
    avvikelse: RapporteratBelopp = None
    """Avvikelsen mot budget som den trycktes."""
    resultat_fg: RapporteratBelopp = None
    """Föregående års resultat som det trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradEgenRegi:
    """Den framräknade raden i tabellen för egen regi, som källan tryckte den."""

    totalt: RapporteradEgenRegiRad | None = None
    """Totalt-raden som källan tryckte den."""


@attrs.frozen(field_transformer=check_text_fields)
class EgenRegiTabell:
    """Resultatet för nämndens egen regi per avdelning, med en framräknad totalrad."""

    rader: tuple[EgenRegiRad, ...]
    """Raderna i tryckt ordning."""
    enhet: Enhet = "mnkr"
    """Enheten som tabellens belopp anges och trycks i."""
    text: Text = ()
    """Text efter tabellen."""
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
    """Den ekonomiska uppföljningen (en dokumentdel ``ekonomi``): sammanfattning, prognos,
    detaljer och löptext; varje tabell är frivillig.

    Den rymmer Uppsalas nettomodell (sammanfattning per verksamhet, detaljtabeller,
    resultaträkningar) och Upplands-Brös bruttomodell och plantabeller (driftredovisning,
    statsbidrag, investeringar, driftbudget), så att varje rapport kan uttryckas och varje
    layout kan välja vad den visar.
    """

    kind: ClassVar[str] = "ekonomi"

    sammanfattning: Sammanfattningstabell | None = None
    """Sammanfattningstabellen per verksamhet med "Nämnden totalt"."""
    investeringar: Investeringsrad | None = None
    """Raden Investeringar under sammanfattningen."""
    prognososakerhet: Prognososakerhet | None = None
    """Prognososäkerheten; prognosspannet räknas fram ur den."""
    tidigare_prognoser: tuple[TidigarePrognos, ...] = ()
    """Årets tidigare prognoser, som den nya prognosen jämförs med."""
    analys: Text = ()
    """Nämndens analys och sammanfattning ("Nämndens analys – sammanfattning")."""
    resultatrakning: Resultatrakning | None = None
    """Nämndens resultaträkning."""
    verksamheter: tuple[Verksamhetsavsnitt, ...] = ()
    """Ett avsnitt per verksamhet eller avdelning, i tryckt ordning."""
    egen_regi: EgenRegiTabell | None = None
    """Resultatet för nämndens egen regi."""
    atgarder_ekonomi_i_balans: Text = ()
    """Avsnittet Åtgärder för ekonomi i balans."""
    risker_och_osakerhet: Text = ()
    """Avsnittet om risker och osäkerhet i prognosen."""
    investeringar_text: Text = ()
    """Löptext om investeringarna."""
    ovriga_avsnitt: tuple[Delavsnitt, ...] = ()
    """Fler avsnitt med egna rubriker, efter de andra."""
    avsnittsordning: tuple[str, ...] = ()
    """Avsnitten i den ordning rapporten har dem: fältnamn (analys, verksamheter,
    atgarder_ekonomi_i_balans, prognososakerhet, investeringar …) och rubriken för ett av
    ovriga_avsnitt. Avsnitt med innehåll som inte står i listan kommer efter, i standardordningen."""
    # Upplands-Bro: the year's accounts (gross model)
    driftredovisning: Driftredovisning | None = None
    """Driftredovisningen per verksamhetsområde (Upplands-Bro, bruttomodellen)."""
    kapitalkostnader: Kapitalkostnader | None = None
    """Tabellen "Varav kapitalkostnader"."""
    ekonomiskt_bistand: Driftredovisning | None = None
    """Driftredovisningen för ekonomiskt bistånd."""
    prognoser_under_aret: PrognoserUnderAret | None = None
    """Budgetavvikelsen enligt vår- och höstprognosen, mot bokslutet."""
    statsbidrag: Statsbidragstabell | None = None
    """Tabellen över statsbidrag."""
    sociala_investeringsfonden: SIFTabell | None = None
    """Tabellen över projekt i sociala investeringsfonden."""
    investeringsredovisning: Investeringsredovisning | None = None
    """Investeringsredovisningen per projekt."""
    # Upplands-Bro: the plan (nämndplan)
    driftbudget: Budgettabell | None = None
    """Nämndplanens driftbudget per verksamhetsområde (4.1)."""
    sarskilda_satsningar: Satsningstabell | None = None
    """Särskilda satsningar i budgetramen."""
    investeringsbudget: Investeringsbudget | None = None
    """Nämndplanens investeringsbudget (4.2)."""
    ekonomiskt_bistand_budget: Budgettabell | None = None
    """Budgeten för ekonomiskt bistånd (4.3)."""
    taxor_och_avgifter: Text = ()
    """Avsnittet Taxor och avgifter."""
    budgetfordelning: tuple[Budgetfordelning, ...] = ()
    """Fördelningen av varje verksamhetsområdes budget (4.5.x)."""

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
