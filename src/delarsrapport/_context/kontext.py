"""The template context: what a template may use, derived from the model and the layout.

These classes are the template designers' contract. Every variable a template sees is a
field of one of them, and the Mallguide (``docs/mallguide.md``) and ``layout check`` are
generated from their fields, types and the Swedish text under each field. Amounts are
``Belopp`` (format them with the ``belopp`` filter), dates ``date`` (``datum`` filter),
free text ``Text`` (the ``stycken`` filter); every string has been validated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

import attrs

from delarsrapport._errors import RenderError
from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.brutto import Driftrad, Driftredovisning
from delarsrapport._model.budget import Budgetrad
from delarsrapport._model.ekonomi import (
    SJU_KOLUMNER,
    EkonomiskUppfoljning,
    Resultatrakning,
    Sammanfattningsvarden,
    Sjukolumner,
)
from delarsrapport._model.etiketter import RR_ETIKETTER
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.organisation import Person
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport, Dokumentdel
from delarsrapport._model.status import Indikatorenhet, Kontrollresultat, Malniva, Rapporteringstyp, Status
from delarsrapport._model.text import Punktlista, Rubrik, Stycke, Tabellplats, Text
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport._model.verksamhet import (
    Atgard,
    Indikator,
    KfMal,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR
from delarsrapport._render.layout import Installningar, Ord, Visa
from delarsrapport.formatting import (
    format_belopp,
    format_datum,
    format_lista,
    format_period,
    format_procent,
    format_tal,
    manadsnamn,
    talord,
    versal,
)

__all__ = ["KONTEXTER", "bygg_kontext"]


# -- text -----------------------------------------------------------------------------------


@attrs.frozen
class Block:
    """Ett block i löptext: ett stycke, en rubrik eller en punktlista."""

    typ: str
    """"stycke", "rubrik", "punktlista" eller "tabell" (en tabell som räknas fram ur rapporten)."""
    text: str
    """Stycket eller rubriken (tomt för en punktlista)."""
    punkter: tuple[str, ...] = ()
    """Punkterna i en punktlista."""
    niva: int = 1
    """En rubriks nivå i förhållande till avsnittet (1 = första nivån under det)."""
    tabell: tuple[tuple[str, ...], ...] = ()
    """En tabells rader, rubrikraden först och summaraden sist (typ "tabell")."""


Lopande = tuple[Block, ...]
"""Löptext: en lista av block. Skriv ut den med filtret stycken: {{p x | stycken }}."""


def _text(text: Text, tabeller: Mapping[str, tuple[tuple[str, ...], ...]] | None = None) -> Lopande:
    out: list[Block] = []
    for b in text:
        if isinstance(b, Stycke):
            out.append(Block("stycke", b.text))
        elif isinstance(b, Rubrik):
            out.append(Block("rubrik", b.text, niva=b.niva))
        elif isinstance(b, Punktlista):
            out.append(Block("punktlista", "", b.punkter))
        elif isinstance(b, Tabellplats):
            rader = (tabeller or {}).get(b.tabell)
            if not rader:
                raise RenderError(
                    f"texten ber om tabellen {b.tabell!r}, men den kan inte räknas fram här "
                    "(tabellen uppdragsstatus kräver en verksamhetsuppföljning med uppdrag i ärendet)"
                )
            out.append(Block("tabell", b.tabell, tabell=rader))
    return tuple(out)


# -- common ---------------------------------------------------------------------------------


@attrs.frozen
class KommunVy:
    """Kommunen och de uppgifter som står i brevhuvudet."""

    namn: str
    """Kommunens namn: "Uppsala kommun"."""
    postadress: str | None
    """Postadress, eller inget."""
    besoksadress: str | None
    """Besöksadress, eller inget."""
    telefon: str | None
    """Telefonnummer, eller inget."""
    epost: str | None
    """E-postadress, eller inget."""
    webb: str | None
    """Webbadress, eller inget."""


@attrs.frozen
class NamndVy:
    """Nämnden i de former texterna behöver."""

    namn: str
    """Namnet som rubrik: "Socialnämnden"."""
    i_lopande_text: str
    """Namnet mitt i en mening, med layoutens val av stor eller liten bokstav: "socialnämnden"."""
    genitiv: str
    """Ägandeform: "Socialnämndens"."""
    genitiv_i_lopande_text: str
    """Ägandeform mitt i en mening: "socialnämndens"."""
    versaler: str
    """Namnet med versaler, som i sammanfattningens hörnruta: "SOCIALNÄMNDEN"."""
    forkortning: str
    """Förkortningen: "SCN"."""
    organisation: str
    """Organisationsraden: "2300 - Socialnämnden (SCN)"."""


@attrs.frozen
class ForvaltningVy:
    """Förvaltningen eller kontoret som skriver handlingarna."""

    namn: str
    """"Socialförvaltningen", "Socialkontoret"."""
    genitiv: str
    """"Socialförvaltningens", "Socialkontorets"."""


@attrs.frozen
class PersonVy:
    """En person."""

    namn: str
    """Namnet i layoutens namnordning: "Fäldt Thomas" eller "Thomas Fäldt"."""
    fornamn: str
    """Förnamnet."""
    efternamn: str
    """Efternamnet (tomt för ett maskerat namn)."""


@attrs.frozen
class UndertecknareVy:
    """Den som skriver under."""

    enhet_rad: str
    """Raden ovanför namnet: förvaltningen, nämnden eller kontoret (kan vara tom)."""
    namn: str
    """Namnet i layoutens namnordning."""
    titel: str
    """Titeln i just den här handlingen: "Direktör", "Förvaltningsdirektör"."""


@attrs.frozen
class DokumentVy:
    """Handlingen som skrivs ut: det som står i sidhuvudet och titeln."""

    slag: str
    """Dokumentslaget: tjansteskrivelse, ekonomi, verksamhet, nyckeltal eller internkontroll."""
    titel: str
    """Handlingens titel: tjänsteskrivelsens rubrik eller bilagans titel från bilageregistret."""
    datum: date
    """Handlingens datum (bilagor ärver tjänsteskrivelsens om de inte har ett eget)."""
    diarienummer: str
    """Diarienumret som det ska stå på just den här handlingen ("SCN-2024-00493-1"), eller tomt."""
    handlaggare: str
    """Handläggarna ihopskrivna enligt layouten: "Fäldt Thomas och Bergmark Magnus"."""
    handlaggare_lista: tuple[PersonVy, ...]
    """Handläggarna var för sig, för en rad per person."""
    bilaga_nummer: int | None
    """Bilagans nummer ur bilageregistret; inget för tjänsteskrivelsen."""
    bilaga_etikett: str
    """"Bilaga 1" för en bilaga, tomt för tjänsteskrivelsen."""
    version: str | None
    """Versionsnummer, eller inget (då skrivs raden inte ut)."""
    namndbehandlas: date | None
    """Datum då handlingen nämndbehandlas, eller inget."""


@attrs.frozen
class ArendeVy:
    """Ärendet som handlingen hör till."""

    rubrik: str
    """Tjänsteskrivelsens rubrik: "Delårsbokslut per augusti samt helårsprognos 2020"."""
    diarienummer: str
    """Ärendets diarienummer eller beteckning: "SCN-2020-00459", "SN 23/0007"; tomt om det saknas."""
    nummer: int
    """Ärendets nummer i paketet (1 för delårsrapporten)."""


@attrs.frozen
class InstallningarVy:
    """Layoutens val som mallarna kan fråga efter."""

    visa: Visa
    """Valfria delar som layouten visar: {%p if installningar.visa.metarad %}."""
    trend_saknas: str
    """Det som står när en indikator saknar trend: "–"."""


# -- tjänsteskrivelse ---------------------------------------------------------------------


@attrs.frozen
class BeslutssatsVy:
    """Ett beslutsförslag, färdigt formulerat i båda stilarna."""

    nummer: int
    """Löpnumret 1, 2, 3 …"""
    numrerad: bool
    """Om numret ska skrivas ut (ett ensamt förslag numreras inte i alla layouter)."""
    text: str
    """Förslaget i att-form utan "att": "godkänna ekonomiskt delårsbokslut per augusti 2020 …"."""
    mening: str
    """Förslaget som hel mening med nämnden som subjekt: "Socialnämnden godkänner …." """
    slut: str
    """Det som avslutar en att-sats: "," / ", samt" / "."."""


@attrs.frozen
class BilagereferensVy:
    """En bilaga i bilageregistret."""

    nummer: int
    """Bilagans nummer."""
    titel: str
    """Bilagans titel."""
    etikett: str
    """"Bilaga 1"."""
    rad: str
    """Raden i beslutsunderlaget enligt layouten: "Bilaga 1, Ekonomisk uppföljning …"."""


@attrs.frozen
class DelavsnittVy:
    """Ett avsnitt med egen rubrik och löptext."""

    rubrik: str
    """Avsnittets rubrik."""
    text: Lopande
    """Avsnittets löptext."""


@attrs.frozen
class StatusradVy:
    """En rad i tabellen över uppdragens status (tjänsteskrivelsen, Uppsala OSN)."""

    text: str
    """Radens text ur layoutens inställningar."""
    antal: int
    """Antal uppdrag med någon av radens statusar (räknat ur bilagan)."""


@attrs.frozen
class TjansteskrivelseVy:
    """Tjänsteskrivelsen."""

    rubrik: str
    """Ärendets rubrik."""
    adressat: str
    """"Tjänsteskrivelse till socialnämnden" (nämndens namn enligt layoutens skrivsätt)."""
    beslutar: str
    """"Socialnämnden beslutar"."""
    beslut: tuple[BeslutssatsVy, ...]
    """Förslagen till beslut i ordning."""
    sammanfattning: Lopande
    """Avsnittet Sammanfattning (tomt om det saknas)."""
    arendet: Lopande
    """Avsnittet Ärendet."""
    beredning: Lopande
    """Avsnittet Beredning."""
    foredragning: tuple[DelavsnittVy, ...]
    """Föredragningens delavsnitt."""
    barnperspektiv: Lopande
    """Barnkonsekvensanalys eller barnperspektiv (rubriken väljer layouten)."""
    ekonomiska_konsekvenser: Lopande
    """Avsnittet Ekonomiska konsekvenser."""
    sjalvreferens: str
    """Första raden i beslutsunderlaget: "Tjänsteskrivelse, daterad den 18 september 2020"."""
    beslutsunderlag: tuple[str, ...]
    """Alla rader i beslutsunderlaget: självreferensen, varje bilaga och övriga handlingar."""
    bilagor: tuple[BilagereferensVy, ...]
    """Bilagorna ur bilageregistret, i nummerordning."""
    beslut_sands_till: tuple[str, ...]
    """Mottagare av beslutet."""
    undertecknare: tuple[UndertecknareVy, ...]
    """De som skriver under."""
    uppdragsstatus: tuple[StatusradVy, ...]
    """Uppdragen per statuskategori ur verksamhetsbilagan (tomt om layouten inte har kategorier)."""
    uppdrag_totalt: int
    """Antal uppdrag i verksamhetsbilagan."""


# -- ekonomi --------------------------------------------------------------------------------


@attrs.frozen
class SammanfattningsradVy:
    """En rad i sammanfattningen per verksamhet (och raden Nämnden totalt)."""

    namn: str
    """Verksamhetens namn."""
    etikett: str
    """Namnet med verksamhetskod inom parentes: "Politisk verksamhet (1)"."""
    kod: str
    """Verksamhetskoden, eller tomt."""
    kommunbidrag: Belopp | None
    """Kommunbidrag för året."""
    periodens_utfall: Belopp | None
    """Periodens resultat."""
    periodens_utfall_fg: Belopp | None
    """Samma period föregående år."""
    helarsprognos: Belopp | None
    """Prognos för helårets resultat."""
    varav: bool
    """Om raden är en varav-rad (indragen, ingår inte i totalen)."""


@attrs.frozen
class SammanfattningVy:
    """Sammanfattningen per verksamhet, i mnkr."""

    rader: tuple[SammanfattningsradVy, ...]
    """Raderna i ordning, med varav-raderna direkt under sin rad."""
    totalt: SammanfattningsradVy
    """Raden Nämnden totalt (räknad ur exakta belopp)."""
    avrundningsdifferens: bool
    """Sant om de avrundade raderna inte summerar till den avrundade totalen."""
    decimaler: int
    """Decimalerna som beloppen är kända med: 0 när sammanfattningen är avskriven med hela
    mnkr, annars 1. Så visar en layout med decimaler aldrig en falsk nolla:
    belopp('mnkr', ekonomi.sammanfattning.decimaler)."""


@attrs.frozen
class InvesteringVy:
    """Investeringsraden."""

    kf_budget: Belopp | None
    """KF-budget för året."""
    periodens_utfall: Belopp | None
    """Periodens utfall."""
    periodens_utfall_fg: Belopp | None
    """Samma period föregående år."""
    helarsprognos: Belopp | None
    """Prognos för helåret."""


@attrs.frozen
class PrognososakerhetVy:
    """Prognososäkerheten och prognosspannet."""

    prognos: Belopp
    """Helårsprognosen spannet utgår från."""
    forsamring: Belopp
    """Möjlig försämring (ett belopp ≥ 0)."""
    forbattring: Belopp
    """Möjlig förbättring (ett belopp ≥ 0)."""
    spann_min: Belopp
    """Prognos − försämring."""
    spann_max: Belopp
    """Prognos + förbättring."""
    symmetrisk: bool
    """Sant när försämring och förbättring är lika: då får texten skriva "+/- x"."""
    decimaler: int
    """Decimalerna som prognosen är känd med: 0 när sammanfattningen är avskriven med hela
    mnkr, annars 1."""


@attrs.frozen
class TidigarePrognosVy:
    """En tidigare prognos för året."""

    manad: str
    """Månaden prognosen gjordes: "mars"."""
    belopp: Belopp
    """Prognosens resultat."""
    forbattring: Belopp | None
    """Prognosens möjliga förbättring, eller inget."""
    forsamring: Belopp | None
    """Prognosens möjliga försämring, eller inget."""
    forandring: Belopp | None
    """Ny prognos − den tidigare (positivt = bättre nu)."""


@attrs.frozen
class TabellradVy:
    """En rad i en verksamhets- eller insatskostnadstabell, sju kolumner."""

    etikett: str
    """Radens text: "571 Missbrukarvård", "Nettokostnad", "Resultat Barn och ungdomsvård"."""
    utfall_period: Belopp | None
    """Utfall för perioden (Utfall jan-aug)."""
    budget_period: Belopp | None
    """Budget för perioden."""
    prognos_period: Belopp | None
    """Perioden som den prognostiserades tidigare."""
    prognos_ar: Belopp | None
    """Den tidigare helårsprognosen (Prognos 2020)."""
    ny_prognos_ar: Belopp | None
    """Den nya helårsprognosen (Ny prognos 2020)."""
    budget_ar: Belopp | None
    """Budget för året."""
    utfall_fg_ar: Belopp | None
    """Utfall hela föregående år."""
    summa: bool
    """Sant för Nettokostnad, Kommunbidrag, Resultat och Alla verksamheter (skrivs gärna i fetstil)."""


@attrs.frozen
class VerksamhetstabellVy:
    """Verksamhetens tabell i tkr."""

    rubrik: str
    """Tabellens rubrik: "Barn och ungdomsvård, tkr"."""
    rader: tuple[TabellradVy, ...]
    """Kontoraderna, sedan Nettokostnad, Kommunbidrag och Resultat."""
    avvikelse_mot_budget: Belopp | None
    """Periodens resultat mot budgeterat resultat."""


@attrs.frozen
class InsatskostnadVy:
    """Insatskostnadstabellen i tkr."""

    rubrik: str
    """Tabellens rubrik: "Insatskostnad: Barn och ungdom"."""
    rader: tuple[TabellradVy, ...]
    """Raderna, sist Alla verksamheter."""
    avvikelse: Belopp | None
    """Utfall − budget för perioden, alla verksamheter."""


@attrs.frozen
class RRradVy:
    """En rad i en resultaträkning."""

    etikett: str
    """Radens text: "Verksamhetens intäkter", "Resultat före indirekta kostnader"."""
    utfall_period: Belopp | None
    """Utfall för perioden."""
    budget_period: Belopp | None
    """Budget för perioden."""
    diff_period: Belopp | None
    """Utfall − budget."""
    budget_ar: Belopp | None
    """Budget för helåret."""
    prognos_ar: Belopp | None
    """Prognos för helåret."""
    diff_ar: Belopp | None
    """Prognos − budget för helåret."""
    summa: bool
    """Sant för delsummor och Resultat."""


@attrs.frozen
class ResultatrakningVy:
    """En resultaträkning (nämnden eller en avdelning), i mnkr med en decimal."""

    namn: str
    """Nämnden eller avdelningen."""
    rader: tuple[RRradVy, ...]
    """Raderna i ordning, med delsummorna."""
    anmarkning: str
    """Anmärkning till tabellen, eller tomt."""
    avrundningsdifferens: bool
    """Sant om de avrundade raderna inte summerar till de avrundade delsummorna."""


@attrs.frozen
class VerksamhetsavsnittVy:
    """Avsnittet för en verksamhet eller avdelning."""

    namn: str
    """Verksamhetens namn."""
    text: Lopande
    """Löptexten."""
    tabell: VerksamhetstabellVy | None
    """Tabellen i tkr, eller inget."""
    insatskostnad: InsatskostnadVy | None
    """Insatskostnadstabellen, eller inget."""
    insatskostnad_text: Lopande
    """Texten efter insatskostnadstabellen."""
    resultatrakning: ResultatrakningVy | None
    """Avdelningens resultaträkning, eller inget."""


@attrs.frozen
class EgenRegiRadVy:
    """En rad i egen regi-tabellen."""

    namn: str
    """Avdelning eller område (Totalt på summaraden)."""
    resultat: Belopp | None
    """Periodens resultat."""
    avvikelse: Belopp | None
    """Avvikelse mot budget för perioden."""
    resultat_fg: Belopp | None
    """Resultat samma period föregående år."""


@attrs.frozen
class EgenRegiVy:
    """Resultat för egen regi per avdelning."""

    rader: tuple[EgenRegiRadVy, ...]
    """Raderna."""
    totalt: EgenRegiRadVy
    """Summaraden."""
    text: Lopande
    """Text till tabellen."""


@attrs.frozen
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


@attrs.frozen
class DriftredovisningVy:
    """Driftredovisningen (eller Ekonomiskt bistånd i samma form)."""

    rader: tuple[DriftradVy, ...]
    """Raderna, sist Summa."""
    text: Lopande
    """Text till tabellen."""


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
class TabellVy:
    """En tabell med rader och text."""

    rader: tuple[object, ...]
    """Raderna, sist en summarad."""
    text: Lopande
    """Text till tabellen."""
    fotnot: str
    """Fotnot till tabellen, eller tomt."""


@attrs.frozen
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


@attrs.frozen
class BudgettabellVy:
    """En budgettabell."""

    rubrik: str
    """Tabellens rubrik (för en fördelning: områdets namn)."""
    rader: tuple[BudgetradVy, ...]
    """Raderna, sist Summa."""
    text: Lopande
    """Text till tabellen."""


@attrs.frozen
class SatsningVy:
    """En särskild satsning."""

    namn: str
    """Satsningen (Särskilda satsningar på summaraden)."""
    belopp: Belopp
    """Beloppet."""
    summa: bool
    """Sant på summaraden."""


@attrs.frozen
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


@attrs.frozen
class EkonomiVy:
    """Den ekonomiska uppföljningen. Varje tabell är inget när rapporten saknar den."""

    sammanfattning: SammanfattningVy | None
    """Sammanfattningen per verksamhet."""
    investeringar: InvesteringVy | None
    """Investeringsraden."""
    prognososakerhet: PrognososakerhetVy | None
    """Prognososäkerheten."""
    tidigare_prognoser: tuple[TidigarePrognosVy, ...]
    """Tidigare prognoser för året."""
    analys: Lopande
    """Nämndens analys (sammanfattande text)."""
    resultatrakning: ResultatrakningVy | None
    """Nämndens resultaträkning."""
    verksamheter: tuple[VerksamhetsavsnittVy, ...]
    """Avsnitten per verksamhet eller avdelning."""
    egen_regi: EgenRegiVy | None
    """Egen regi-tabellen."""
    atgarder_ekonomi_i_balans: Lopande
    """Åtgärder för ekonomi i balans."""
    risker_och_osakerhet: Lopande
    """Risker och osäkerhet."""
    investeringar_text: Lopande
    """Texten om investeringar."""
    ovriga_avsnitt: tuple[DelavsnittVy, ...]
    """Övriga avsnitt med egen rubrik."""
    periodens_resultat: Belopp | None
    """Nämndens resultat för perioden (för texter)."""
    helarsprognos: Belopp | None
    """Nämndens helårsprognos (för texter)."""
    driftredovisning: DriftredovisningVy | None
    """Driftredovisningen (Upplands-Bro)."""
    kapitalkostnader: tuple[KapitalradVy, ...]
    """Varav kapitalkostnader, sist Summa (tomt om den saknas)."""
    ekonomiskt_bistand: DriftredovisningVy | None
    """Ekonomiskt bistånd i driftredovisningens form."""
    prognoser_under_aret: PrognoserUnderAretVy | None
    """Prognoser under året."""
    statsbidrag: TabellVy | None
    """Statsbidragen; raderna är StatsbidragsradVy."""
    sociala_investeringsfonden: TabellVy | None
    """Sociala investeringsfonden; raderna är SifradVy."""
    investeringsredovisning: TabellVy | None
    """Investeringsredovisningen; raderna är InvesteringsprojektVy."""
    driftbudget: BudgettabellVy | None
    """Driftbudgeten för planåret."""
    sarskilda_satsningar: tuple[SatsningVy, ...]
    """Särskilda satsningar, först summaraden."""
    sarskilda_satsningar_text: Lopande
    """Text till särskilda satsningar."""
    investeringsbudget: TabellVy | None
    """Investeringsbudgeten; raderna är InvesteringsbudgetradVy."""
    ekonomiskt_bistand_budget: BudgettabellVy | None
    """Budget för ekonomiskt bistånd."""
    taxor_och_avgifter: Lopande
    """Förändringar i taxor och avgifter."""
    budgetfordelning: tuple[BudgettabellVy, ...]
    """Fördelningen av driftbudgeten per verksamhetsområde."""


# -- verksamhet -----------------------------------------------------------------------------


@attrs.frozen
class StatusVy:
    """En status som den skrivs ut: ord, mening och färg."""

    varde: str
    """Statusens värde i modellen: "enligt_plan", "klar" …"""
    ord: str
    """Ordet layouten skriver: "Påbörjad"."""
    mening: str
    """Statusmeningen, eller tomt."""
    farg: str
    """Cellens bakgrundsfärg (sex hexadecimala siffror, eller "auto"). Visa alltid ordet också."""
    forklaring: str = ""
    """Vad ordet och färgen betyder, för en teckenförklaring ("Uppdraget går enligt plan.")."""


@attrs.frozen
class BedomningVy:
    """En bedömning som den skrivs ut."""

    varde: str
    """Bedömningens värde i modellen: "delvis_uppfyllt" …"""
    ord: str
    """Ordet layouten skriver: "Delvis uppfyllt"."""
    mening: str
    """Bedömningsmeningen: nämndens egen om den finns, annars layoutens standardmening."""
    farg: str
    """Bakgrundsfärg (sex hexadecimala siffror, eller "auto")."""


@attrs.frozen
class KolumnerVy:
    """Vilka valfria kolumner en tabell behöver: sant om någon rad har ett värde där.

    Så kan en mall välja en tabell utan tomma kolumner:
    {%p if p.kolumner.atgardsstatus %} … {%p endif %}.
    """

    atgardsstatus: bool = False
    """Någon åtgärd har status."""
    atgardskommentar: bool = False
    """Någon åtgärd har en uppföljning eller kommentar."""
    ingangsvarde: bool = False
    """Någon indikator (i tabellen utan trend) har ett ingångsvärde."""
    utfall: bool = False
    """Någon indikator (i tabellen utan trend) har ett utfall T1–T3."""


@attrs.frozen
class AtgardVy:
    """En av nämndens åtgärder."""

    text: str
    """Åtgärden."""
    status: StatusVy | None
    """Status, eller inget."""
    kommentar: Lopande
    """Uppföljning eller kommentar."""
    aktiviteter: tuple[str, ...]
    """Förvaltningens aktiviteter under åtgärden."""


@attrs.frozen
class MatningVy:
    """Ett utfall för en indikator."""

    etikett: str
    """"T1", "T2", "Nuvärde"."""
    text: str
    """Värdet som det skrivs ut ("86%", "23"), eller layoutens tecken för saknat värde."""


@attrs.frozen
class IndikatorVy:
    """En indikator."""

    namn: str
    """Indikatorns namn."""
    andel: bool
    """Sant om indikatorn är en andel (skrivs i procent)."""
    utfall: tuple[MatningVy, ...]
    """Alla utfall i ordning."""
    t1: str
    """Utfall T1, eller tecknet för saknat värde."""
    t2: str
    """Utfall T2."""
    t3: str
    """Utfall T3."""
    senaste: str
    """Det senaste utfallet."""
    kvinnor: str
    """Senaste utfallet för kvinnor."""
    man: str
    """Senaste utfallet för män."""
    jamforvarde: str
    """Jämförvärde."""
    ingangsvarde: str
    """Ingångsvärde."""
    malvarde: str
    """Målvärde."""
    trend: str
    """Trendpilen (↗ ↘ →) räknad ur de två senaste utfallen, eller tecknet för ingen trend."""
    kommentar: Lopande
    """Kommentar till indikatorn."""


@attrs.frozen
class PostVy:
    """Ett nämndmål eller uppdrag under ett mål."""

    typ: str
    """"namndmal" eller "uppdrag"."""
    nummer: str
    """Numret som det står i planen ("1.3", "26", "2.4.1"), eller tomt."""
    titel: str
    """Titeln."""
    rubrik: str
    """Rubriken som layouten brukar skriva den: "Uppdrag 1.3: …", "Nämndmål: …"."""
    etikett: str
    """"Uppdrag", "Nämndmål" eller "Kommungemensamt nämndmål".

    För rubriker som "{{ p.etikett }}: {{ p.titel }}" där numret kommer från Words numrering."""
    riktade_namnder: str
    """Nämnderna uppdraget riktas till, ihopskrivna: "KS, UBN och SCN"; tomt om inga."""
    ursprung: str
    """"Uppdrag från 2019", eller tomt."""
    kommungemensamt: bool
    """Sant för ett kommungemensamt nämndmål."""
    status: StatusVy | None
    """Status, eller inget."""
    statusmening: str
    """Statusmeningen: nämndens egen om den finns, annars layoutens för statusen och året."""
    forvantat_klart_ar: int | None
    """Året uppdraget väntas vara klart."""
    bedomning: BedomningVy | None
    """Bedömning, eller inget."""
    beskrivning: Lopande
    """Beskrivning."""
    kommentar: Lopande
    """Kommentar."""
    atgarder: tuple[AtgardVy, ...]
    """Nämndens åtgärder."""
    indikatorer: tuple[IndikatorVy, ...]
    """Alla indikatorer."""
    indikatorer_med_trend: tuple[IndikatorVy, ...]
    """Indikatorerna som visas i en tabell med trendkolumn."""
    indikatorer_utan_trend: tuple[IndikatorVy, ...]
    """Indikatorerna som visas i en tabell utan trendkolumn."""
    namndmal: tuple[PostVy, ...]
    """Nämndmål som hör till uppdraget (Upplands-Bro)."""
    kolumner: KolumnerVy = attrs.field(factory=lambda: KolumnerVy())
    """Vilka valfria kolumner åtgärds- och indikatortabellerna har värden i."""


@attrs.frozen
class MalVy:
    """Ett av kommunfullmäktiges mål."""

    nummer: int | None
    """Målets nummer."""
    titel: str
    """Målets text."""
    rubrik: str
    """"Kommunfullmäktiges inriktningsmål 1", "Fokusmål 1" eller "Övergripande mål: …"."""
    undertitel: str
    """Målets text när den inte redan står i rubriken, annars tomt."""
    bedomning: BedomningVy | None
    """Bedömning, eller inget."""
    text: Lopande
    """Löptext."""
    poster: tuple[PostVy, ...]
    """Nämndmål och uppdrag i ordning."""
    atgarder: tuple[AtgardVy, ...]
    """Åtgärder direkt under målet."""
    indikatorer: tuple[IndikatorVy, ...]
    """Indikatorer direkt under målet."""
    indikatorer_med_trend: tuple[IndikatorVy, ...]
    """Indikatorerna direkt under målet som visas i en tabell med trendkolumn."""
    indikatorer_utan_trend: tuple[IndikatorVy, ...]
    """Indikatorerna direkt under målet som visas i en tabell utan trendkolumn."""
    uppfoljning_utover: Lopande
    """Uppföljning utöver del- och helårsbokslut."""
    kolumner: KolumnerVy = attrs.field(factory=lambda: KolumnerVy())
    """Vilka valfria kolumner åtgärds- och indikatortabellerna direkt under målet har värden i."""


@attrs.frozen
class RapporteringVy:
    """Rapportering utöver planen."""

    typ: str
    """"Tillkommande uppdrag", "KS-beslut" eller "Särskild rapportering"."""
    ks_beslut: bool
    """Sant om posten gäller ett beslut i kommunstyrelsen."""
    text: str
    """Uppdraget eller frågan."""
    kommentar: Lopande
    """Kommentar."""
    forvantat_klart_ar: int | None
    """Året det väntas vara klart."""


@attrs.frozen
class VerksamhetVy:
    """Verksamhetsuppföljningen."""

    plan: str
    """Planen som följs upp: "Verksamhetsplan 2020"; tomt om den inte anges."""
    ar_plan: bool
    """Sant när dokumentet är själva planen (en nämndplan med mål och målvärden), inte en uppföljning."""
    metarad: str
    """"Fas: Uppföljning per augusti Verksamhetsplan 2020 Rapportperiod: 2020-08-31 Organisation: …"."""
    inledning: Lopande
    """Inledande text."""
    malniva: str
    """Målnivåns namn i plural och bestämd form: "inriktningsmålen", "fokusmålen"."""
    mal: tuple[MalVy, ...]
    """Målen i ordning."""
    rapportering: tuple[RapporteringVy, ...]
    """Rapportering utöver planen."""
    statusar: tuple[StatusVy, ...]
    """De statusar rapporten använder, med layoutens ord, färg och förklaring, för en teckenförklaring."""


# -- nyckeltal, internkontroll --------------------------------------------------------------


@attrs.frozen
class NyckeltalVy:
    """Ett nyckeltal."""

    nummer: str
    """"1)", "2)"."""
    rubrik: str
    """"Kostnad per vård dygn på institution"."""
    totala_kostnader: Belopp
    """Totala kostnader (tkr)."""
    ovriga_intakter: Belopp
    """Övriga intäkter (tkr)."""
    nettokostnad: Belopp
    """Totala kostnader − övriga intäkter."""
    volym: int
    """Antal vårddygn eller vårdtagare."""
    per_enhet: Belopp | None
    """Nettokostnad per vårddygn eller vårdtagare (tkr)."""
    decimaler: int
    """Decimaler för per_enhet enligt layouten (3 per vårddygn, 1 per vårdtagare)."""
    intaktsetikett: str
    """"Avgår: övriga intäkter*)"."""
    volymetikett: str
    """"Antal vård dygn**)"."""
    kvotetikett: str
    """"Nettokostnad per vård dygn"."""
    fotnoter: tuple[str, ...]
    """Fotnoterna under nyckeltalet."""


@attrs.frozen
class NyckeltalsgruppVy:
    """Nyckeltalen för en verksamhet."""

    verksamhet: str
    """Verksamheten: "Barn och ungdomsvård enl SoL o LVU: Institutionsvård … (5731)"."""
    kod: str
    """Verksamhetskoden, eller tomt."""
    matt: tuple[NyckeltalVy, ...]
    """Nyckeltalen."""
    fotnoter: tuple[str, ...]
    """Fotnoter för hela gruppen."""
    kommentar: Lopande
    """Kommentar ("Ev kommentarer")."""


@attrs.frozen
class NyckeltalsVy:
    """Nyckeltalsblanketten."""

    grupper: tuple[NyckeltalsgruppVy, ...]
    """Grupperna i ordning."""


@attrs.frozen
class KontrollmomentVy:
    """Ett kontrollmoment i Uppsalas tabell."""

    kontrollomrade: str
    """Kontrollområde."""
    riskbeskrivning: str
    """Riskbeskrivning."""
    kontrollmoment: str
    """Kontrollmomentet."""
    kontrollmetod: str
    """Kontrollmetod och minsta volym."""
    resultat: StatusVy | None
    """Resultatet ("Utan anmärkning"), eller inget."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen
class ProcesskontrollVy:
    """Ett kontrollmoment under en process."""

    text: str
    """Kontrollmomentet."""
    resultat: StatusVy | None
    """Resultatet ("Ingen avvikelse"), eller inget."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen
class ProcessatgardVy:
    """En åtgärd under en process."""

    text: str
    """Åtgärden."""
    status: StatusVy
    """Status räknad ur slutdatum och rapportens datum."""
    slutdatum: date
    """Slutdatum."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen
class KontrollprocessVy:
    """En process med risker, kontrollmoment och åtgärder."""

    kategori: str
    """Kategori: "Efterlevnad av tillämpliga lagar och regler"."""
    process: str
    """Processen."""
    risker: str
    """Riskerna."""
    fortydligande: Lopande
    """Förtydligande av processen."""
    kontrollmoment: tuple[ProcesskontrollVy, ...]
    """Kontrollmomenten."""
    atgarder: tuple[ProcessatgardVy, ...]
    """Åtgärderna."""


@attrs.frozen
class RiskVy:
    """En risk i riskanalysen."""

    nummer: int
    """Riskens nummer."""
    kategori: str
    """Kategori."""
    process: str
    """Process."""
    risk: str
    """Risken."""
    beskrivning: str
    """Beskrivning, eller tomt."""
    sannolikhet: int
    """Sannolikhet 1–4."""
    konsekvens: int
    """Konsekvens 1–4."""
    riskvarde: int
    """Sannolikhet × konsekvens."""
    niva: str
    """Risknivån ("Kritisk"), eller tomt."""


@attrs.frozen
class InternkontrollVy:
    """Uppföljningen av internkontrollplanen."""

    inledning: Lopande
    """Inledande text."""
    moment: tuple[KontrollmomentVy, ...]
    """Kontrollmomenten (Uppsala)."""
    processer: tuple[KontrollprocessVy, ...]
    """Processerna (Upplands-Bro)."""
    processer_med_kontrollmoment: tuple[KontrollprocessVy, ...]
    """Processerna som har kontrollmoment."""
    processer_med_atgarder: tuple[KontrollprocessVy, ...]
    """Processerna som har åtgärder."""
    risker: tuple[RiskVy, ...]
    """Riskanalysens risker."""
    risksammanfattning: str
    """"2 Kritisk 1 Medium", eller tomt."""
    sammanfattning: str
    """"Uppföljningen av internkontrollen per augusti 2024 omfattar nio kontrollmoment. Åtta av dessa …"."""


# -- building -------------------------------------------------------------------------------


class _Bygg:
    """Builds the views for one document of one ärende, with the layout's settings."""

    def __init__(self, rapport: Delarsrapport, arende: Arende, nummer: int, inst: Installningar) -> None:
        self.rapport, self.arende, self.nummer, self.inst = rapport, arende, nummer, inst
        self.period = arende.period

    # people and identity

    def person(self, p: Person) -> PersonVy:
        return PersonVy(p.namn(self.inst.namnordning), p.fornamn, p.efternamn or "")

    def handlaggare(self, personer: Sequence[Person]) -> str:
        namn = [self.person(p).namn for p in personer]
        sep = self.inst.handlaggare_skiljetecken
        if sep.strip() == "och" and len(namn) > 2:
            return format_lista(namn)
        return sep.join(namn)

    def namnd(self) -> NamndVy:
        n = self.rapport.namnd
        gemen = self.inst.namnd_i_lopande_text == "gemen"
        return NamndVy(
            namn=n.namn,
            i_lopande_text=n.namn_gemen if gemen else n.namn,
            genitiv=n.genitiv,
            genitiv_i_lopande_text=n.genitiv_gemen if gemen else n.genitiv,
            versaler=n.namn.upper(),
            forkortning=n.forkortning,
            organisation=n.organisation_label,
        )

    def gemensamt(self, dokument: DokumentVy) -> dict[str, object]:
        k = self.rapport.kommun
        f = self.rapport.forvaltning
        return {
            "kommun": KommunVy(k.namn, k.postadress, k.besoksadress, k.telefon, k.epost, k.webb),
            "namnd": self.namnd(),
            "forvaltning": ForvaltningVy(f.namn, f.genitiv),
            "period": self.period,
            "dokument": dokument,
            "arende": ArendeVy(
                rubrik=self.arende.tjansteskrivelse.rubrik,
                diarienummer=self.arende.diarienummer.text if self.arende.diarienummer else "",
                nummer=self.nummer,
            ),
            "sammantradesdatum": self.rapport.sammantrade.datum if self.rapport.sammantrade else None,
            "installningar": InstallningarVy(self.inst.visa, self.inst.trend_saknas),
        }

    def dokument_ts(self) -> DokumentVy:
        ts = self.arende.tjansteskrivelse
        d = self.arende.diarienummer
        return DokumentVy(
            slag="tjansteskrivelse",
            titel=ts.rubrik,
            datum=ts.datum,
            diarienummer=d.text if d else "",
            handlaggare=self.handlaggare(ts.handlaggare),
            handlaggare_lista=tuple(self.person(p) for p in ts.handlaggare),
            bilaga_nummer=None,
            bilaga_etikett="",
            version=ts.version,
            namndbehandlas=ts.namndbehandlas,
        )

    def dokument_bilaga(self, bilaga: Bilaga) -> DokumentVy:
        ts = self.arende.tjansteskrivelse
        d = self.arende.diarienummer
        if d is not None and self.inst.visa.diarienummer_med_bilagesuffix:
            d = d.for_bilaga(bilaga.nummer)
        personer = ts.handlaggare if bilaga.handlaggare is None else bilaga.handlaggare
        return DokumentVy(
            slag=bilaga.kind,
            titel=bilaga.titel,
            datum=bilaga.datum or ts.datum,
            diarienummer=d.text if d else "",
            handlaggare=self.handlaggare(personer),
            handlaggare_lista=tuple(self.person(p) for p in personer),
            bilaga_nummer=bilaga.nummer,
            bilaga_etikett=f"Bilaga {bilaga.nummer}",
            version=bilaga.version,
            namndbehandlas=bilaga.namndbehandlas,
        )

    # free text

    def text(self, text: Text) -> Lopande:
        if not any(isinstance(b, Tabellplats) for b in text):
            return _text(text)
        rader = self.uppdragsstatus()
        tabell: tuple[tuple[str, ...], ...] = ()
        if rader:
            tabell = (
                ("Uppdrag", format_period(self.period, "manad_ar", versal=True)),
                *((r.text, str(r.antal)) for r in rader),
                ("Totalt", str(sum(r.antal for r in rader))),
            )
        return _text(text, {"uppdragsstatus": tabell})

    def uppdragsstatus(self) -> tuple[StatusradVy, ...]:
        """The uppdrag per the layout's status categories; statuses no category covers get a
        row of their own, so that every uppdrag is counted once."""
        verksamhet = self.arende.verksamhet
        if verksamhet is None or not any(verksamhet.alla_uppdrag()):
            return ()
        per_status = verksamhet.uppdrag_per_status()
        rader = [
            StatusradVy(k.text, sum(per_status.get(s, 0) for s in k.statusar))
            for k in self.inst.statuskategorier
        ]
        tackta = {s for k in self.inst.statuskategorier for s in k.statusar}
        for status, antal in per_status.items():
            if status not in tackta and antal:
                vy = self.status(status)
                assert vy is not None
                rader.append(StatusradVy(vy.ord, antal))
        utan = sum(1 for u in verksamhet.alla_uppdrag() if u.status is None)
        if utan:
            rader.append(StatusradVy("Utan status", utan))
        return tuple(rader)

    # vocabulary

    def status(self, status: Status | None, ar: int | None = None) -> StatusVy | None:
        if status is None:
            return None
        ord_ = self.inst.status.get(status) or Ord(status.value)
        mening = ord_.mening or ""
        if "{ar}" in mening:
            mening = mening.replace("{ar}", str(ar)) if ar is not None else ""
        return StatusVy(status.value, ord_.ord, mening, ord_.farg or "auto", ord_.forklaring or "")

    def resultat(self, resultat: Kontrollresultat | None) -> StatusVy | None:
        if resultat is None:
            return None
        ord_ = self.inst.kontrollresultat.get(resultat) or Ord(resultat.value.replace("_", " ").capitalize())
        return StatusVy(resultat.value, ord_.ord, ord_.mening or "", ord_.farg or "auto")

    def bedomning(self, post: KfMal | Namndmal | Uppdrag, niva: Malniva) -> BedomningVy | None:
        if post.bedomning is None:
            return None
        ord_ = self.inst.bedomning.get(niva, {}).get(post.bedomning)
        standard = BEDOMNINGSMENINGAR[niva][post.bedomning]
        mening = post.bedomningstext or (ord_.mening if ord_ and ord_.mening else standard)
        word = ord_.ord if ord_ else post.bedomning.value.replace("_", " ").capitalize()
        return BedomningVy(post.bedomning.value, word, mening, (ord_.farg if ord_ else None) or "auto")

    # tjänsteskrivelse

    def tjansteskrivelse(self) -> dict[str, object]:
        ts = self.arende.tjansteskrivelse
        namnd = self.namnd()
        stil = self.inst.beslut
        satser = ts.forslag_till_beslut
        beslut: list[BeslutssatsVy] = []
        for i, sats in enumerate(satser, start=1):
            if i < len(satser) - 1:
                slut = ","
            elif i == len(satser) - 1:
                slut = ", samt" if stil.samt else ","
            else:
                slut = "."
            text, mening = self.beslutstext(sats, namnd.namn)
            beslut.append(BeslutssatsVy(i, len(satser) > 1 or stil.numrera_ensam, text, mening, slut))
        bilagor = tuple(
            BilagereferensVy(
                b.nummer,
                b.titel,
                f"Bilaga {b.nummer}",
                self.inst.bilagereferens.format(nummer=b.nummer, titel=b.titel),
            )
            for b in sorted(self.arende.bilagor, key=lambda b: b.nummer)
        )
        sjalv = self.inst.sjalvreferens.format(
            datum=format_datum(ts.datum, self.inst.sjalvreferens_datumstil),
            forvaltning=self.rapport.forvaltning.genitiv,
        )
        verksamhet = self.arende.verksamhet
        uppdragsstatus = self.uppdragsstatus()
        vy = TjansteskrivelseVy(
            rubrik=ts.rubrik,
            adressat=f"Tjänsteskrivelse till {namnd.i_lopande_text}",
            beslutar=f"{namnd.namn} beslutar",
            beslut=tuple(beslut),
            sammanfattning=self.text(ts.sammanfattning),
            arendet=self.text(ts.arendet),
            beredning=self.text(ts.beredning),
            foredragning=tuple(DelavsnittVy(d.rubrik, self.text(d.text)) for d in ts.foredragning),
            barnperspektiv=self.text(ts.barnperspektiv),
            ekonomiska_konsekvenser=self.text(ts.ekonomiska_konsekvenser),
            sjalvreferens=sjalv,
            beslutsunderlag=(sjalv, *(b.rad for b in bilagor), *(x for x in ts.beslutsunderlag_ovrigt)),
            bilagor=bilagor,
            beslut_sands_till=tuple(x for x in ts.beslut_sands_till),
            undertecknare=tuple(
                UndertecknareVy(u.enhet_rad or "", self.person(u.person).namn, u.titel)
                for u in ts.undertecknare
            ),
            uppdragsstatus=uppdragsstatus,
            uppdrag_totalt=sum(1 for _ in verksamhet.alla_uppdrag()) if verksamhet else 0,
        )
        return {**self.gemensamt(self.dokument_ts()), "ts": vy}

    def beslutstext(self, sats: Beslutssats, namnd: str) -> tuple[str, str]:
        tillagg = ""
        if sats.belopp is not None:
            ekonomi = self.arende.ekonomi
            belopp = (
                (ekonomi.periodens_resultat if sats.belopp == "periodens_resultat" else ekonomi.helarsprognos)
                if ekonomi
                else None
            )
            if belopp is not None:
                tillagg += " om " + format_belopp(
                    belopp, enhet="mnkr", decimaler=1, minus=self.inst.talstil.minus, suffix="kort"
                )
        if sats.bilaga is not None:
            tillagg += f" enligt ärendets bilaga {sats.bilaga}"
        fore = f"{sats.fore_verb} " if sats.fore_verb else ""
        text = f"{fore}{sats.verb} {sats.objekt}{tillagg}"
        mening = f"{namnd} {sats.verb_presens} {fore}{sats.objekt}{tillagg}."
        return text, mening

    # ekonomi

    def ekonomi(self, e: EkonomiskUppfoljning) -> EkonomiVy:
        return EkonomiVy(
            sammanfattning=self.sammanfattning(e),
            investeringar=InvesteringVy(
                e.investeringar.kf_budget,
                e.investeringar.periodens_utfall,
                e.investeringar.periodens_utfall_fg,
                e.investeringar.helarsprognos,
            )
            if e.investeringar
            else None,
            prognososakerhet=self.prognos(e),
            tidigare_prognoser=tuple(
                TidigarePrognosVy(
                    manadsnamn(t.manad), t.belopp, t.forbattring, t.forsamring, e.forandring_mot(t)
                )
                for t in e.tidigare_prognoser
            ),
            analys=self.text(e.analys),
            resultatrakning=self.resultatrakning(e.resultatrakning) if e.resultatrakning else None,
            verksamheter=tuple(
                VerksamhetsavsnittVy(
                    namn=v.namn,
                    text=self.text(v.text),
                    tabell=VerksamhetstabellVy(
                        rubrik=v.tabell.rubrik or f"{v.namn}, tkr",
                        rader=(
                            *(self.tabellrad(k.kod, k.namn, k.belopp) for k in v.tabell.konton),
                            self.tabellrad(None, "Nettokostnad", v.tabell.nettokostnad, True),
                            self.tabellrad(None, "Kommunbidrag", v.tabell.kommunbidrag, True),
                            self.tabellrad(None, f"Resultat {v.namn}", v.tabell.resultat, True),
                        ),
                        avvikelse_mot_budget=v.tabell.avvikelse_mot_budget,
                    )
                    if v.tabell
                    else None,
                    insatskostnad=InsatskostnadVy(
                        rubrik=v.insatskostnad.rubrik or f"Insatskostnad: {v.namn}",
                        rader=(
                            *(self.tabellrad(k.kod, k.namn, k.belopp) for k in v.insatskostnad.rader),
                            self.tabellrad(None, "Alla verksamheter", v.insatskostnad.totalt, True),
                        ),
                        avvikelse=v.insatskostnad.avvikelse,
                    )
                    if v.insatskostnad
                    else None,
                    insatskostnad_text=self.text(v.insatskostnad_text),
                    resultatrakning=self.resultatrakning(v.resultatrakning) if v.resultatrakning else None,
                )
                for v in e.verksamheter
            ),
            egen_regi=EgenRegiVy(
                tuple(
                    EgenRegiRadVy(r.namn, r.resultat, r.avvikelse, r.resultat_fg) for r in e.egen_regi.rader
                ),
                EgenRegiRadVy(
                    "Totalt",
                    e.egen_regi.totalt.resultat,
                    e.egen_regi.totalt.avvikelse,
                    e.egen_regi.totalt.resultat_fg,
                ),
                self.text(e.egen_regi.text),
            )
            if e.egen_regi
            else None,
            atgarder_ekonomi_i_balans=self.text(e.atgarder_ekonomi_i_balans),
            risker_och_osakerhet=self.text(e.risker_och_osakerhet),
            investeringar_text=self.text(e.investeringar_text),
            ovriga_avsnitt=tuple(DelavsnittVy(d.rubrik, self.text(d.text)) for d in e.ovriga_avsnitt),
            periodens_resultat=e.periodens_resultat,
            helarsprognos=e.helarsprognos,
            driftredovisning=self.drift(e.driftredovisning),
            kapitalkostnader=tuple(
                KapitalradVy(
                    r.namn,
                    r.budget_avskrivningar,
                    r.budget_internranta,
                    r.redovisat_avskrivningar,
                    r.redovisat_internranta,
                    r.avvikelse_avskrivningar,
                    r.avvikelse_internranta,
                    r.avvikelse_netto,
                    summa,
                )
                for r, summa in _med_summa(e.kapitalkostnader.rader, e.kapitalkostnader.summa)
            )
            if e.kapitalkostnader
            else (),
            ekonomiskt_bistand=self.drift(e.ekonomiskt_bistand),
            prognoser_under_aret=PrognoserUnderAretVy(
                e.prognoser_under_aret.varprognos,
                e.prognoser_under_aret.hostprognos,
                e.budgetavvikelse_bokslut,
                e.avvikelse_mot_hostprognos,
            )
            if e.prognoser_under_aret
            else None,
            statsbidrag=TabellVy(
                tuple(
                    StatsbidragsradVy(r.namn, r.beviljat, r.forbrukat, r.kvar, summa)
                    for r, summa in _med_summa(e.statsbidrag.rader, e.statsbidrag.totalt)
                ),
                self.text(e.statsbidrag.text),
                "",
            )
            if e.statsbidrag
            else None,
            sociala_investeringsfonden=TabellVy(
                tuple(
                    SifradVy(
                        r.projekt,
                        r.start_ar,
                        r.slut_ar,
                        r.budget_hela_projektet,
                        r.redovisat_tom,
                        r.prognos_kostnader_ar,
                        r.prognos_projektet,
                        r.prognosavvikelse,
                        summa,
                    )
                    for r, summa in _med_summa(
                        e.sociala_investeringsfonden.rader, e.sociala_investeringsfonden.summa
                    )
                ),
                self.text(e.sociala_investeringsfonden.text),
                e.sociala_investeringsfonden.fotnot or "",
            )
            if e.sociala_investeringsfonden
            else None,
            investeringsredovisning=TabellVy(
                tuple(
                    InvesteringsprojektVy(
                        r.projekt,
                        r.total_budget,
                        r.redovisat_fg_ar,
                        r.budget_ar,
                        r.redovisat_ar,
                        r.kvar,
                        r.ombudgeteras,
                        self.text(r.text),
                        summa,
                    )
                    for r, summa in _med_summa(
                        e.investeringsredovisning.rader, e.investeringsredovisning.summa
                    )
                ),
                self.text(e.investeringsredovisning.text),
                "",
            )
            if e.investeringsredovisning
            else None,
            driftbudget=self.driftbudget(e),
            sarskilda_satsningar=(
                SatsningVy("Särskilda satsningar", e.sarskilda_satsningar.totalt, True),
                *(SatsningVy(r.namn, r.belopp, False) for r in e.sarskilda_satsningar.rader),
            )
            if e.sarskilda_satsningar
            else (),
            sarskilda_satsningar_text=self.text(e.sarskilda_satsningar.text)
            if e.sarskilda_satsningar
            else (),
            investeringsbudget=TabellVy(
                tuple(
                    InvesteringsbudgetradVy(
                        r.namn,
                        r.ar1,
                        r.ar2,
                        r.ar3,
                        r.avskrivningstid,
                        e.investeringsbudget.summa_avskrivning_ar1 if summa else r.avskrivning_ar1,
                        r.internranta_ar1,
                        r.ovrig_drift,
                        self.text(r.text),
                        summa,
                    )
                    for r, summa in _med_summa(e.investeringsbudget.rader, e.investeringsbudget.summa)
                ),
                self.text(e.investeringsbudget.text),
                "",
            )
            if e.investeringsbudget
            else None,
            ekonomiskt_bistand_budget=self.budget(
                "Ekonomiskt bistånd",
                e.ekonomiskt_bistand_budget.rader,
                e.ekonomiskt_bistand_budget.summa,
                e.ekonomiskt_bistand_budget.text,
            )
            if e.ekonomiskt_bistand_budget
            else None,
            taxor_och_avgifter=self.text(e.taxor_och_avgifter),
            budgetfordelning=tuple(
                self.budget(f.omrade, f.tabell.rader, f.tabell.summa, f.tabell.text)
                for f in e.budgetfordelning
            ),
        )

    def sammanfattning(self, e: EkonomiskUppfoljning) -> SammanfattningVy | None:
        b = e.sammanfattning_berakning()
        if b is None or e.sammanfattning is None:
            return None
        rader: list[SammanfattningsradVy] = []

        def rad(namn: str, kod: str | None, v: Sammanfattningsvarden, varav: bool) -> SammanfattningsradVy:
            etikett = f"{namn} ({kod})" if kod else namn
            return SammanfattningsradVy(
                namn,
                etikett,
                kod or "",
                v.kommunbidrag,
                v.periodens_utfall,
                v.periodens_utfall_fg,
                v.helarsprognos,
                varav,
            )

        for r in b.rader:
            rader.append(rad(r.rad.namn, r.rad.kod, r.varden, False))
            rader.extend(rad(s.rad.namn, s.rad.kod, s.varden, True) for s in r.varav)
        skillnad = any(
            not visade_rader_summerar(
                (getattr(r.varden, k) for r in b.rader),
                getattr(b.totalt, k),
                enhet=e.sammanfattning.enhet,
                decimaler=0,
            )
            for k in Sammanfattningsvarden.KOLUMNER
        )
        return SammanfattningVy(
            tuple(rader),
            rad("Nämnden totalt", None, b.totalt, False),
            skillnad,
            0 if e.sammanfattning.avrundade_indata else 1,
        )

    def prognos(self, e: EkonomiskUppfoljning) -> PrognososakerhetVy | None:
        spann = e.prognosspann
        if e.prognososakerhet is None or spann is None or e.helarsprognos is None:
            return None
        p = e.prognososakerhet
        hela = e.sammanfattning is not None and e.sammanfattning.avrundade_indata
        return PrognososakerhetVy(
            e.helarsprognos, p.forsamring, p.forbattring, spann[0], spann[1], p.symmetrisk, 0 if hela else 1
        )

    def tabellrad(self, kod: str | None, namn: str, v: Sjukolumner, summa: bool = False) -> TabellradVy:
        etikett = f"{kod} {namn}" if kod else namn
        u, b, p, pa, npa, ba, ufg = (getattr(v, k) for k in SJU_KOLUMNER)
        return TabellradVy(etikett, u, b, p, pa, npa, ba, ufg, summa)

    def resultatrakning(self, rr: Resultatrakning) -> ResultatrakningVy:
        rader: list[RRradVy] = []
        for nyckel in rr.radnycklar():
            k = rr.rad(nyckel)
            assert k is not None
            rader.append(
                RRradVy(
                    RR_ETIKETTER[nyckel],
                    k.utfall_period,
                    k.budget_period,
                    k.diff_period,
                    k.budget_ar,
                    k.prognos_ar,
                    k.diff_ar,
                    nyckel.startswith("resultat"),
                )
            )
        skillnad = False
        for nyckel in rr.radnycklar():
            if nyckel == "resultat_fore_indirekta_kostnader":
                delar = [
                    rr.rad(x)
                    for x in (
                        "verksamhetens_intakter",
                        "lamnade_bidrag",
                        "personalkostnader",
                        "ovriga_kostnader",
                        "avskrivningar",
                        "finansnetto",
                    )
                ]
                total = rr.rad(nyckel)
                for col in ("utfall_period", "budget_period", "budget_ar", "prognos_ar"):
                    skillnad |= not visade_rader_summerar(
                        (getattr(d, col) for d in delar if d is not None),
                        getattr(total, col),
                        enhet=rr.enhet,
                        decimaler=1,
                    )
        return ResultatrakningVy(rr.namn, tuple(rader), rr.anmarkning or "", skillnad)

    def drift(self, d: Driftredovisning | None) -> DriftredovisningVy | None:
        if d is None:
            return None

        def vy(r: Driftrad, summa: bool) -> DriftradVy:
            return DriftradVy(
                r.namn,
                r.budget_kostnad,
                r.budget_intakt,
                r.redovisat_kostnad,
                r.redovisat_intakt,
                r.avvikelse_kostnad,
                r.avvikelse_intakt,
                r.avvikelse_netto,
                r.avvikelse_fg_netto,
                summa,
            )

        return DriftredovisningVy(tuple(vy(r, s) for r, s in _med_summa(d.rader, d.summa)), self.text(d.text))

    def driftbudget(self, e: EkonomiskUppfoljning) -> BudgettabellVy | None:
        summa = e.driftbudget_summa()
        if e.driftbudget is None or summa is None:
            return None
        return self.budget("Driftbudget", e.driftbudget_rader(), summa, e.driftbudget.text)

    def budget(self, rubrik: str, rader: Iterable[Budgetrad], summa: Budgetrad, text: Text) -> BudgettabellVy:
        def vy(r: Budgetrad, s: bool) -> BudgetradVy:
            return BudgetradVy(
                r.namn,
                r.kostnad,
                r.avskrivningar,
                r.internranta,
                r.intakt,
                r.budget_netto,
                r.budget_netto_fg,
                r.forandring,
                s,
            )

        return BudgettabellVy(
            rubrik, tuple(vy(r, s) for r, s in _med_summa(tuple(rader), summa)), self.text(text)
        )

    # verksamhet

    def verksamhet(self, v: Verksamhetsuppfoljning) -> VerksamhetVy:
        namnd = self.rapport.namnd
        anvanda = _anvanda_statusar(v)
        meta = " ".join(
            x
            for x in (
                f"Fas: Uppföljning {self._per()}",
                v.plan or "",
                f"Rapportperiod: {self.period.slutdatum.isoformat()}",
                f"Organisation: {namnd.organisation_label}",
            )
            if x
        )
        return VerksamhetVy(
            plan=v.plan or "",
            ar_plan=v.typ == "plan",
            metarad=meta,
            inledning=self.text(v.inledning),
            malniva=_MALNIVA_PLURAL[v.malniva],
            mal=tuple(self.mal(m, v.malniva) for m in v.mal),
            rapportering=tuple(
                RapporteringVy(
                    _RAPPORTERINGSTYP[r.typ],
                    r.ks_beslut or r.typ is Rapporteringstyp.KS_BESLUT,
                    r.text,
                    self.text(r.kommentar),
                    r.forvantat_klart_ar,
                )
                for r in v.rapportering
            ),
            statusar=tuple(vy for st in Status if st in anvanda and (vy := self.status(st))),
        )

    def _per(self) -> str:
        return f"per {manadsnamn(self.period.slutmanad)}"

    def mal(self, m: KfMal, niva: Malniva) -> MalVy:
        rubrik = {
            Malniva.INRIKTNINGSMAL: f"Kommunfullmäktiges inriktningsmål {m.nummer}"
            if m.nummer
            else "Inriktningsmål",
            Malniva.FOKUSMAL: f"Fokusmål {m.nummer}" if m.nummer else "Fokusmål",
            Malniva.OVERGRIPANDE_MAL: f"Övergripande mål: {m.titel}",
        }[niva]
        indikatorer = tuple(self.indikator(i) for i in m.indikatorer)
        med, utan = self._trend_split(m.indikatorer, indikatorer)
        return MalVy(
            nummer=m.nummer,
            titel=m.titel,
            rubrik=rubrik,
            undertitel="" if m.titel in rubrik else m.titel,
            bedomning=self.bedomning(m, niva),
            text=self.text(m.text),
            poster=tuple(self.post(p, niva) for p in m.poster),
            atgarder=tuple(self.atgard(a) for a in m.atgarder),
            indikatorer=indikatorer,
            indikatorer_med_trend=med,
            indikatorer_utan_trend=utan,
            uppfoljning_utover=self.text(m.uppfoljning_utover),
            kolumner=self.kolumner(m.atgarder, utan),
        )

    def post(self, p: Namndmal | Uppdrag, niva: Malniva) -> PostVy:
        indikatorer = tuple(self.indikator(i) for i in p.indikatorer)
        med, utan = self._trend_split(p.indikatorer, indikatorer)
        if isinstance(p, Uppdrag):
            nummer = f" {p.nummer}" if p.nummer else ""
            rubrik = f"{p.ursprung}: {p.titel}" if p.ursprung else f"Uppdrag{nummer}: {p.titel}"
            riktade = f"{format_lista(list(p.riktade_namnder))}" if p.riktade_namnder else ""
            status = self.status(p.status, p.forvantat_klart_ar)
            statusmening = p.statustext or (status.mening if status else "")
            namndmal = tuple(self.post(n, niva) for n in p.namndmal)
            return PostVy(
                "uppdrag",
                p.nummer or "",
                p.titel,
                rubrik,
                "Uppdrag",
                riktade,
                p.ursprung or "",
                False,
                status,
                statusmening,
                p.forvantat_klart_ar,
                self.bedomning(p, niva),
                self.text(p.beskrivning),
                self.text(p.kommentar),
                tuple(self.atgard(a) for a in p.atgarder),
                indikatorer,
                med,
                utan,
                namndmal,
                kolumner=self.kolumner(p.atgarder, utan),
            )
        prefix = "Kommungemensamt nämndmål" if p.kommungemensamt else "Nämndmål"
        status = self.status(p.status)
        return PostVy(
            "namndmal",
            p.nummer or "",
            p.titel,
            f"{prefix}: {p.titel}",
            prefix,
            "",
            "",
            p.kommungemensamt,
            status,
            status.mening if status else "",
            None,
            self.bedomning(p, niva),
            self.text(p.beskrivning),
            self.text(p.kommentar),
            tuple(self.atgard(a) for a in p.atgarder),
            indikatorer,
            med,
            utan,
            (),
            kolumner=self.kolumner(p.atgarder, utan),
        )

    @staticmethod
    def kolumner(atgarder: Sequence[Atgard], utan_trend: Sequence[IndikatorVy]) -> KolumnerVy:
        saknas = {"", "-", "–"}
        return KolumnerVy(
            atgardsstatus=any(a.status is not None for a in atgarder),
            atgardskommentar=any(a.kommentar for a in atgarder),
            ingangsvarde=any(i.ingangsvarde not in saknas for i in utan_trend),
            utfall=any(t not in saknas for i in utan_trend for t in (i.t1, i.t2, i.t3)),
        )

    @staticmethod
    def _trend_split(
        model: tuple[Indikator, ...], vyer: tuple[IndikatorVy, ...]
    ) -> tuple[tuple[IndikatorVy, ...], tuple[IndikatorVy, ...]]:
        med = tuple(v for m, v in zip(model, vyer, strict=True) if not m.utan_trend)
        utan = tuple(v for m, v in zip(model, vyer, strict=True) if m.utan_trend)
        return med, utan

    def atgard(self, a: Atgard) -> AtgardVy:
        return AtgardVy(
            a.text, self.status(a.status), self.text(a.kommentar), tuple(x for x in a.aktiviteter)
        )

    def indikator(self, i: Indikator) -> IndikatorVy:
        andel = i.enhet is Indikatorenhet.ANDEL
        saknas = self.inst.talstil.saknas or self.inst.trend_saknas

        def text(v: Decimal | None) -> str:
            if v is None:
                return saknas
            if andel:
                decimaler = 0 if (v * 100) == (v * 100).to_integral_value() else 1
                return format_procent(
                    v,
                    decimaler=decimaler,
                    mellanslag=self.inst.talstil.procent_mellanslag,
                    minus=self.inst.talstil.minus,
                )
            decimaler = 0 if v == v.to_integral_value() else 1
            return format_tal(v, decimaler=decimaler, minus=self.inst.talstil.minus)

        per = {m.etikett: m.varde for m in i.utfall}
        trend = i.trend
        return IndikatorVy(
            namn=i.namn,
            andel=andel,
            utfall=tuple(MatningVy(m.etikett, text(m.varde)) for m in i.utfall),
            t1=text(per.get("T1")),
            t2=text(per.get("T2")),
            t3=text(per.get("T3")),
            senaste=text(i.senaste),
            kvinnor=text(i.kvinnor),
            man=text(i.man),
            jamforvarde=text(i.jamforvarde),
            ingangsvarde=text(i.ingangsvarde),
            malvarde=text(i.malvarde),
            trend=self.inst.trendpilar.get(trend, self.inst.trend_saknas)
            if trend
            else self.inst.trend_saknas,
            kommentar=self.text(i.kommentar),
        )

    # nyckeltal and internkontroll

    def nyckeltal(self, n: Nyckeltalsbilaga) -> NyckeltalsVy:
        return NyckeltalsVy(
            tuple(
                NyckeltalsgruppVy(
                    verksamhet=g.verksamhet,
                    kod=g.kod or "",
                    matt=tuple(
                        NyckeltalVy(
                            f"{j})",
                            m.rubrik,
                            m.totala_kostnader,
                            m.ovriga_intakter,
                            m.nettokostnad,
                            m.volym,
                            m.per_enhet,
                            self.inst.nyckeltal_decimaler.get(m.volymtyp, 1),
                            m.intaktsetikett,
                            m.volymetikett,
                            m.kvotetikett,
                            tuple(f for f in m.fotnoter),
                        )
                        for j, m in enumerate(g.matt, start=1)
                    ),
                    fotnoter=tuple(f for f in g.fotnoter),
                    kommentar=self.text(g.kommentar),
                )
                for g in n.grupper
            )
        )

    def internkontroll(self, ik: Internkontroll, per: date) -> InternkontrollVy:
        processer = tuple(
            KontrollprocessVy(
                p.kategori,
                p.process,
                p.risker,
                self.text(p.fortydligande),
                tuple(
                    ProcesskontrollVy(k.text, self.resultat(k.resultat), self.text(k.kommentar))
                    for k in p.kontrollmoment
                ),
                tuple(
                    ProcessatgardVy(
                        a.text,
                        self.status(a.status(per)) or StatusVy("", "", "", "auto"),
                        a.slutdatum,
                        self.text(a.kommentar),
                    )
                    for a in p.atgarder
                ),
            )
            for p in ik.processer
        )
        nivaer = [ik.riskniva(r) for r in ik.risker]
        risksammanfattning = " ".join(
            f"{nivaer.count(n.namn)} {n.namn}"
            for n in sorted(ik.risknivaer, key=lambda n: n.fran, reverse=True)
            if nivaer.count(n.namn)
        )
        return InternkontrollVy(
            inledning=self.text(ik.inledning),
            moment=tuple(
                KontrollmomentVy(
                    m.kontrollomrade,
                    m.riskbeskrivning,
                    m.kontrollmoment,
                    m.kontrollmetod,
                    self.resultat(m.resultat),
                    self.text(m.kommentar),
                )
                for m in ik.moment
            ),
            processer=processer,
            processer_med_kontrollmoment=tuple(p for p in processer if p.kontrollmoment),
            processer_med_atgarder=tuple(p for p in processer if p.atgarder),
            risker=tuple(
                RiskVy(
                    r.nummer,
                    r.kategori,
                    r.process,
                    r.risk,
                    r.beskrivning or "",
                    r.sannolikhet,
                    r.konsekvens,
                    r.riskvarde,
                    niva or "",
                )
                for r, niva in zip(ik.risker, nivaer, strict=True)
            ),
            risksammanfattning=risksammanfattning,
            sammanfattning=self.internkontroll_mening(ik),
        )

    def internkontroll_mening(self, ik: Internkontroll) -> str:
        """ "… omfattar nio kontrollmoment. Åtta av dessa har genomförts utan anmärkning, ett …"."""
        antal = ik.antal_per_resultat()
        totalt = sum(antal.values())
        if not totalt:
            return ""
        period = f"per {manadsnamn(self.period.slutmanad)} {self.period.ar}"
        delar = [f"Uppföljningen av internkontrollen {period} omfattar {_antal(totalt)} kontrollmoment."]
        utan = antal[Kontrollresultat.UTAN_ANMARKNING]
        mindre = antal[Kontrollresultat.MINDRE_ANMARKNING]
        storre = antal[Kontrollresultat.STORRE_ANMARKNING]
        en, flera = self.inst.avvikelseord
        if utan == totalt:
            delar.append(f"Samtliga har genomförts utan {en}.")
        else:
            satser: list[str] = []
            if utan:
                satser.append(f"{_antal(utan)} av dessa har genomförts utan {en}")
            for n, slag in ((mindre, "mindre"), (storre, "större")):
                if n == 1:
                    satser.append(f"ett kontrollmoment har en {slag} {en}")
                elif n:
                    satser.append(f"{_antal(n)} kontrollmoment har {slag} {flera}")
            delar.append(versal(format_lista(satser)) + ".")
        return " ".join(delar)


def _anvanda_statusar(v: Verksamhetsuppfoljning) -> set[Status]:
    """The statuses that occur in a verksamhetsuppföljning (uppdrag, nämndmål, åtgärder)."""
    found: set[Status | None] = set()

    def post(p: Uppdrag | Namndmal) -> None:
        found.add(p.status)
        found.update(a.status for a in p.atgarder)
        if isinstance(p, Uppdrag):
            for n in p.namndmal:
                post(n)

    for m in v.mal:
        found.update(a.status for a in m.atgarder)
        for p in m.poster:
            post(p)
    return {s for s in found if s is not None}


def _antal(n: int) -> str:
    return talord(n) if 0 <= n <= 12 else format_tal(n)


_R = TypeVar("_R")


def _med_summa(rader: Sequence[_R], summa: _R) -> Iterator[tuple[_R, bool]]:
    """The rows, then the sum row, each with a flag that says whether it is the sum."""
    yield from ((r, False) for r in rader)
    yield summa, True


_MALNIVA_PLURAL: Final = {
    Malniva.INRIKTNINGSMAL: "inriktningsmålen",
    Malniva.FOKUSMAL: "fokusmålen",
    Malniva.OVERGRIPANDE_MAL: "de övergripande målen",
}
_RAPPORTERINGSTYP: Final = {
    Rapporteringstyp.KS_BESLUT: "KS-beslut",
    Rapporteringstyp.TILLKOMMANDE_UPPDRAG: "Tillkommande uppdrag",
    Rapporteringstyp.SARSKILD_RAPPORTERING: "Särskild rapportering",
}

KONTEXTER: Final[dict[str, dict[str, object]]] = {
    "tjansteskrivelse": {"ts": TjansteskrivelseVy},
    "ekonomi": {"ekonomi": EkonomiVy},
    "verksamhet": {"verksamhet": VerksamhetVy},
    "nyckeltal": {"nyckeltal": NyckeltalsVy},
    "internkontroll": {"internkontroll": InternkontrollVy},
}
"""The variables each document kind adds to the common ones (see :data:`GEMENSAMMA`)."""

GEMENSAMMA: Final[dict[str, object]] = {
    "kommun": KommunVy,
    "namnd": NamndVy,
    "forvaltning": ForvaltningVy,
    "period": Rapportperiod,
    "dokument": DokumentVy,
    "arende": ArendeVy,
    "sammantradesdatum": date | None,
    "installningar": InstallningarVy,
}
"""The variables every template sees."""


def bygg_kontext(
    rapport: Delarsrapport,
    arende: Arende,
    arendenummer: int,
    installningar: Installningar,
    *,
    bilaga: Bilaga | None = None,
    del_: Dokumentdel | None = None,
) -> dict[str, object]:
    """The context for the tjänsteskrivelse (*bilaga* None) or one part of a bilaga."""
    b = _Bygg(rapport, arende, arendenummer, installningar)
    if bilaga is None:
        return b.tjansteskrivelse()
    assert del_ is not None
    common = b.gemensamt(b.dokument_bilaga(bilaga))
    if isinstance(del_, EkonomiskUppfoljning):
        return {**common, "ekonomi": b.ekonomi(del_)}
    if isinstance(del_, Verksamhetsuppfoljning):
        return {**common, "verksamhet": b.verksamhet(del_)}
    if isinstance(del_, Nyckeltalsbilaga):
        return {**common, "nyckeltal": b.nyckeltal(del_)}
    if isinstance(del_, Internkontroll):
        dok = common["dokument"]
        assert isinstance(dok, DokumentVy)
        return {**common, "internkontroll": b.internkontroll(del_, dok.datum)}
    raise TypeError(f"okänd dokumentdel {type(del_).__name__}")


def filnamnsdel(text: str) -> str:
    """*text* made safe for a file name: ``Ekonomisk uppföljning`` → ``ekonomisk-uppfoljning``.

    At most 60 characters, cut between words.
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if len(slug) > 60:
        cut = slug[:61]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:60]
    return slug or "bilaga"
