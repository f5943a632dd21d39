"""The ekonomisk uppföljning's views (``ekonomi`` in ``ekonomi.docx``) and how they are built.

This module holds the summary, the forecast, the tables per verksamhet, the
resultaträkning and egen regi; the gross tables and budgets of an annual report are in
:mod:`delarsrapport._context.brutto`, and :class:`EkonomiVy` gathers both.
"""

from __future__ import annotations

from typing import Final

import attrs

from delarsrapport._context import prose
from delarsrapport._context.brutto import (
    BudgettabellVy,
    DriftredovisningVy,
    KapitalradVy,
    PrognoserUnderAretVy,
    SatsningVy,
    TabellVy,
    build_budgettabell,
    build_driftbudget,
    build_driftredovisning,
    build_investeringsbudget,
    build_investeringsredovisning,
    build_kapitalkostnader,
    build_prognoser_under_aret,
    build_sarskilda_satsningar,
    build_sociala_investeringsfonden,
    build_statsbidrag,
)
from delarsrapport._context.gemensam import Block, Builder, DelavsnittVy, Lopande
from delarsrapport._context.resultatrakning import ResultatrakningVy, build_resultatrakning
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.ekonomi import (
    EgenRegiTabell,
    EkonomiskUppfoljning,
    Sammanfattningsvarden,
    Verksamhetsavsnitt,
)
from delarsrapport._model.kolumner import SAMMANFATTNING
from delarsrapport._model.tjansteskrivelse import Delavsnitt
from delarsrapport._model.verksamhetstabell import Sjukolumner
from delarsrapport.formatting import manadsnamn

__all__ = [
    "AVSNITTSRUBRIKER",
    "EgenRegiRadVy",
    "EgenRegiVy",
    "EkonomiVy",
    "EkonomiavsnittVy",
    "InsatskostnadVy",
    "InvesteringVy",
    "PrognososakerhetVy",
    "SammanfattningVy",
    "SammanfattningsradVy",
    "TabellradVy",
    "TidigarePrognosVy",
    "VerksamhetsavsnittVy",
    "VerksamhetstabellVy",
    "build_ekonomi",
]


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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
    text_fore: Lopande
    """Texten före tabellen."""
    text: Lopande
    """Texten efter tabellen."""


@attrs.frozen(kw_only=True)
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
    text_fore: Lopande
    """Texten före tabellen."""
    text: Lopande
    """Texten efter tabellen."""


@attrs.frozen(kw_only=True)
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
    text_fore: Lopande
    """Texten före tabellen."""
    text: Lopande
    """Texten efter tabellen."""


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class VerksamhetstabellVy:
    """Verksamhetens tabell i tkr."""

    rubrik: str
    """Tabellens rubrik: "Barn och ungdomsvård, tkr"."""
    rader: tuple[TabellradVy, ...]
    """Kontoraderna, sedan Nettokostnad, Kommunbidrag och Resultat."""
    avvikelse_mot_budget: Belopp | None
    """Periodens resultat mot budgeterat resultat."""
    text_fore: Lopande
    """Texten före tabellen (texten efter den är avsnittets text)."""


@attrs.frozen(kw_only=True)
class InsatskostnadVy:
    """Insatskostnadstabellen i tkr."""

    rubrik: str
    """Tabellens rubrik: "Insatskostnad: Barn och ungdom"."""
    rader: tuple[TabellradVy, ...]
    """Raderna, sist Alla verksamheter."""
    avvikelse: Belopp | None
    """Utfall − budget för perioden, alla verksamheter."""
    text_fore: Lopande
    """Texten före tabellen (texten efter den är avsnittets insatskostnad_text)."""


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class EgenRegiVy:
    """Resultat för egen regi per avdelning."""

    rader: tuple[EgenRegiRadVy, ...]
    """Raderna."""
    totalt: EgenRegiRadVy
    """Summaraden."""
    text: Lopande
    """Texten efter tabellen."""
    text_fore: Lopande
    """Texten före tabellen."""


@attrs.frozen(kw_only=True)
class EkonomiavsnittVy:
    """Ett avsnitt av den ekonomiska uppföljningen, i rapportens ordning.

    Gå igenom ekonomi.avsnitt och skriv varje avsnitts tabell där typ säger vilket det är:
    {%p for a in ekonomi.avsnitt %} … {%p if a.typ == 'prognososakerhet' %} … {%p endif %} …
    {%p endfor %}. Tabellerna och deras texter står i de fasta fälten (ekonomi.prognososakerhet …).
    """

    typ: str
    """Vilket avsnitt: fältets namn ("analys", "verksamheter", "prognososakerhet",
    "investeringar" …), eller "ovrigt" för ett av de övriga avsnitten."""
    rubrik: str
    """Rubriken: ett övrigt avsnitts egen, annars standardrubriken ("Åtgärder för ekonomi i balans")."""
    text: Lopande
    """Löptexten i ett avsnitt som bara är text (analys, åtgärder, risker, investeringar_text,
    taxor och avgifter, ett övrigt avsnitt); tom för tabellavsnitt."""


@attrs.frozen(kw_only=True)
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
    avsnitt: tuple[EkonomiavsnittVy, ...]
    """Avsnitten som har innehåll, i rapportens ordning (indatats avsnittsordning)."""
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
    kapitalkostnader_text_fore: Lopande
    """Texten före tabellen över kapitalkostnader."""
    kapitalkostnader_text: Lopande
    """Texten efter tabellen över kapitalkostnader."""
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
    sarskilda_satsningar_text_fore: Lopande
    """Texten före tabellen över särskilda satsningar."""
    investeringsbudget: TabellVy | None
    """Investeringsbudgeten; raderna är InvesteringsbudgetradVy."""
    ekonomiskt_bistand_budget: BudgettabellVy | None
    """Budget för ekonomiskt bistånd."""
    taxor_och_avgifter: Lopande
    """Förändringar i taxor och avgifter."""
    budgetfordelning: tuple[BudgettabellVy, ...]
    """Fördelningen av driftbudgeten per verksamhetsområde."""


AVSNITTSRUBRIKER: Final[dict[str, str]] = {
    "sammanfattning": "Sammanfattning",
    "prognososakerhet": "Prognososäkerhet",
    "investeringar": "Investeringar",
    "analys": "Nämndens analys",
    "resultatrakning": "Nämndens totala resultat",
    "verksamheter": "Resultat per verksamhet",
    "egen_regi": "Egen regi",
    "driftredovisning": "Driftredovisning",
    "kapitalkostnader": "Varav kapitalkostnader",
    "ekonomiskt_bistand": "Ekonomiskt bistånd",
    "prognoser_under_aret": "Prognoser under året",
    "statsbidrag": "Statsbidrag",
    "sociala_investeringsfonden": "Sociala investeringsfonden",
    "investeringsredovisning": "Investeringsredovisning",
    "driftbudget": "Driftbudget",
    "sarskilda_satsningar": "Särskilda satsningar",
    "investeringsbudget": "Investeringsbudget",
    "ekonomiskt_bistand_budget": "Ekonomiskt bistånd",
    "taxor_och_avgifter": "Förändringar i taxor och avgifter",
    "budgetfordelning": "Fördelning av driftbudget i verksamheterna",
    "atgarder_ekonomi_i_balans": "Åtgärder för ekonomi i balans",
    "investeringar_text": "Investeringar",
    "risker_och_osakerhet": "Risker och osäkerhet",
}
"""The standard heading of each section of an ekonomisk uppföljning (a layout may write its own)."""

#: The sections that are free text only; their view carries the text.
_TEXTAVSNITT: Final = frozenset(
    {
        "analys",
        "atgarder_ekonomi_i_balans",
        "investeringar_text",
        "risker_och_osakerhet",
        "taxor_och_avgifter",
    }
)


def _avsnitt(b: Builder, e: EkonomiskUppfoljning) -> tuple[EkonomiavsnittVy, ...]:
    """The sections with content, in the report's order."""
    vyer: list[EkonomiavsnittVy] = []
    for a in e.avsnitt():
        if isinstance(a, Delavsnitt):
            vyer.append(EkonomiavsnittVy(typ="ovrigt", rubrik=a.rubrik, text=b.text(a.text)))
        else:
            text = b.text(getattr(e, a)) if a in _TEXTAVSNITT else ()
            vyer.append(EkonomiavsnittVy(typ=a, rubrik=AVSNITTSRUBRIKER[a], text=text))
    return tuple(vyer)


def build_ekonomi(b: Builder, e: EkonomiskUppfoljning) -> EkonomiVy:
    """The ekonomisk uppföljning *e*."""
    return EkonomiVy(
        sammanfattning=_sammanfattning(b, e),
        investeringar=InvesteringVy(
            kf_budget=e.investeringar.kf_budget,
            periodens_utfall=e.investeringar.periodens_utfall,
            periodens_utfall_fg=e.investeringar.periodens_utfall_fg,
            helarsprognos=e.investeringar.helarsprognos,
            text_fore=b.text(e.investeringar.text_fore),
            text=b.text(e.investeringar.text),
        )
        if e.investeringar
        else None,
        prognososakerhet=_prognososakerhet(b, e),
        tidigare_prognoser=tuple(
            TidigarePrognosVy(
                manad=manadsnamn(t.manad),
                belopp=t.belopp,
                forbattring=t.forbattring,
                forsamring=t.forsamring,
                forandring=e.forandring_mot(t),
            )
            for t in e.tidigare_prognoser
        ),
        analys=b.text(e.analys) or _standardtext(b, e, None),
        resultatrakning=build_resultatrakning(b, e.resultatrakning) if e.resultatrakning else None,
        verksamheter=tuple(_verksamhetsavsnitt(b, e, v) for v in e.verksamheter),
        egen_regi=_egen_regi(b, e.egen_regi) if e.egen_regi else None,
        atgarder_ekonomi_i_balans=b.text(e.atgarder_ekonomi_i_balans),
        risker_och_osakerhet=b.text(e.risker_och_osakerhet),
        investeringar_text=b.text(e.investeringar_text),
        ovriga_avsnitt=tuple(DelavsnittVy(rubrik=d.rubrik, text=b.text(d.text)) for d in e.ovriga_avsnitt),
        avsnitt=_avsnitt(b, e),
        periodens_resultat=e.periodens_resultat,
        helarsprognos=e.helarsprognos,
        driftredovisning=build_driftredovisning(b, e.driftredovisning),
        kapitalkostnader=build_kapitalkostnader(e.kapitalkostnader),
        kapitalkostnader_text_fore=b.text(e.kapitalkostnader.text_fore) if e.kapitalkostnader else (),
        kapitalkostnader_text=b.text(e.kapitalkostnader.text) if e.kapitalkostnader else (),
        ekonomiskt_bistand=build_driftredovisning(b, e.ekonomiskt_bistand),
        prognoser_under_aret=build_prognoser_under_aret(b, e),
        statsbidrag=build_statsbidrag(b, e.statsbidrag),
        sociala_investeringsfonden=build_sociala_investeringsfonden(b, e.sociala_investeringsfonden),
        investeringsredovisning=build_investeringsredovisning(b, e.investeringsredovisning),
        driftbudget=build_driftbudget(b, e),
        sarskilda_satsningar=build_sarskilda_satsningar(e.sarskilda_satsningar),
        sarskilda_satsningar_text=b.text(e.sarskilda_satsningar.text) if e.sarskilda_satsningar else (),
        sarskilda_satsningar_text_fore=b.text(e.sarskilda_satsningar.text_fore)
        if e.sarskilda_satsningar
        else (),
        investeringsbudget=build_investeringsbudget(b, e.investeringsbudget),
        ekonomiskt_bistand_budget=build_budgettabell(
            b,
            "Ekonomiskt bistånd",
            e.ekonomiskt_bistand_budget.rader,
            e.ekonomiskt_bistand_budget.summa,
            e.ekonomiskt_bistand_budget.text,
            e.ekonomiskt_bistand_budget.text_fore,
        )
        if e.ekonomiskt_bistand_budget
        else None,
        taxor_och_avgifter=b.text(e.taxor_och_avgifter),
        budgetfordelning=tuple(
            build_budgettabell(
                b,
                f.omrade,
                f.tabell.rader,
                f.tabell.summa,
                f.tabell.text,
                f.tabell.text_fore,
                omrade=f.omrade,
            )
            for f in e.budgetfordelning
        ),
    )


def _sammanfattning(b: Builder, e: EkonomiskUppfoljning) -> SammanfattningVy | None:
    berakning = e.sammanfattning_berakning()
    if berakning is None or e.sammanfattning is None:
        return None

    def rad(namn: str, kod: str | None, v: Sammanfattningsvarden, varav: bool) -> SammanfattningsradVy:
        return SammanfattningsradVy(
            namn=namn,
            etikett=f"{namn} ({kod})" if kod else namn,
            kod=kod or "",
            kommunbidrag=v.kommunbidrag,
            periodens_utfall=v.periodens_utfall,
            periodens_utfall_fg=v.periodens_utfall_fg,
            helarsprognos=v.helarsprognos,
            varav=varav,
        )

    rader: list[SammanfattningsradVy] = []
    for r in berakning.rader:
        rader.append(rad(r.rad.namn, r.rad.kod, r.varden, False))
        rader.extend(rad(s.rad.namn, s.rad.kod, s.varden, True) for s in r.varav)
    return SammanfattningVy(
        rader=tuple(rader),
        totalt=rad("Nämnden totalt", None, berakning.totalt, False),
        avrundningsdifferens=prose.avrundningsdifferens(
            (
                ([getattr(r.varden, k) for r in berakning.rader], getattr(berakning.totalt, k))
                for k in SAMMANFATTNING.falt
            ),
            enhet=e.sammanfattning.enhet,
            decimaler=0,
        ),
        decimaler=0 if e.sammanfattning.avrundade_indata else 1,
        text_fore=b.text(e.sammanfattning.text_fore),
        text=b.text(e.sammanfattning.text),
    )


def _prognososakerhet(b: Builder, e: EkonomiskUppfoljning) -> PrognososakerhetVy | None:
    spann = e.prognosspann
    if e.prognososakerhet is None or spann is None or e.helarsprognos is None:
        return None
    p = e.prognososakerhet
    hela_mnkr = e.sammanfattning is not None and e.sammanfattning.avrundade_indata
    return PrognososakerhetVy(
        prognos=e.helarsprognos,
        forsamring=p.forsamring,
        forbattring=p.forbattring,
        spann_min=spann[0],
        spann_max=spann[1],
        symmetrisk=p.symmetrisk,
        decimaler=0 if hela_mnkr else 1,
        text_fore=b.text(p.text_fore),
        text=b.text(p.text),
    )


def _standardtext(b: Builder, e: EkonomiskUppfoljning, omrade: str | None) -> Lopande:
    """The standard sentences where the input has no text (and the layout wants them): the
    nämnd's result, deviation and forecast for the analysis (*omrade* None), a verksamhet's
    result and deviation for its section."""
    if not b.inst.visa.standardmeningar:
        return ()
    register = b.sifferregister
    o = register.namnd if omrade is None else register.hitta(omrade)
    if o is None:
        return ()
    subjekt = b.rapport.namnd.namn if o.namnd else o.namn
    meningar: list[str] = []
    resultat, avvikelse, prognos = o.siffra("resultat"), o.siffra("avvikelse"), o.siffra("helarsprognos")
    # An avdelning's result holds booked kommunbidrag and means little alone: its deviation is told.
    if resultat is not None and not o.avdelning:
        meningar.append(
            prose.resultatmening(resultat.belopp, subjekt=subjekt, decimaler=min(1, resultat.decimaler))
        )
    if avvikelse is not None and (resultat is None or avvikelse.belopp != resultat.belopp):
        meningar.append(
            prose.avvikelsemening(avvikelse.belopp, subjekt=subjekt, decimaler=min(1, avvikelse.decimaler))
        )
    stycken = [" ".join(meningar)] if meningar else []
    if o.namnd and prognos is not None:
        forsamring, forbattring = o.siffra("forsamring"), o.siffra("forbattring")
        stycken.append(
            prose.prognosmening(
                prognos.belopp,
                forsamring=forsamring.belopp if forsamring else None,
                forbattring=forbattring.belopp if forbattring else None,
                ar=b.period.ar,
                # A summary transcribed in whole mnkr is known to no decimals: say no more.
                decimaler=min(1, prognos.decimaler),
                minus=b.inst.talstil.minus,
            )
        )
    return tuple(Block(typ="stycke", text=t) for t in stycken)


def _verksamhetsavsnitt(b: Builder, e: EkonomiskUppfoljning, v: Verksamhetsavsnitt) -> VerksamhetsavsnittVy:
    text = b.text(v.text, omrade=v.namn)
    if not text and (v.tabell is not None or v.resultatrakning is not None):
        text = _standardtext(b, e, v.namn)
    return VerksamhetsavsnittVy(
        namn=v.namn,
        text=text,
        tabell=VerksamhetstabellVy(
            rubrik=v.tabell.rubrik or f"{v.namn}, tkr",
            rader=(
                *(_tabellrad(k.kod, k.namn, k.belopp) for k in v.tabell.konton),
                _tabellrad(None, "Nettokostnad", v.tabell.nettokostnad, summa=True),
                _tabellrad(None, "Kommunbidrag", v.tabell.kommunbidrag, summa=True),
                _tabellrad(None, f"Resultat {v.namn}", v.tabell.resultat, summa=True),
            ),
            avvikelse_mot_budget=v.tabell.avvikelse_mot_budget,
            text_fore=b.text(v.tabell.text_fore),
        )
        if v.tabell
        else None,
        insatskostnad=InsatskostnadVy(
            rubrik=v.insatskostnad.rubrik or f"Insatskostnad: {v.namn}",
            rader=(
                *(_tabellrad(k.kod, k.namn, k.belopp) for k in v.insatskostnad.rader),
                _tabellrad(None, "Alla verksamheter", v.insatskostnad.totalt, summa=True),
            ),
            avvikelse=v.insatskostnad.avvikelse,
            text_fore=b.text(v.insatskostnad.text_fore),
        )
        if v.insatskostnad
        else None,
        insatskostnad_text=b.text(v.insatskostnad_text, omrade=v.namn),
        resultatrakning=build_resultatrakning(b, v.resultatrakning) if v.resultatrakning else None,
    )


def _tabellrad(kod: str | None, namn: str, v: Sjukolumner, *, summa: bool = False) -> TabellradVy:
    return TabellradVy(
        etikett=f"{kod} {namn}" if kod else namn,
        utfall_period=v.utfall_period,
        budget_period=v.budget_period,
        prognos_period=v.prognos_period,
        prognos_ar=v.prognos_ar,
        ny_prognos_ar=v.ny_prognos_ar,
        budget_ar=v.budget_ar,
        utfall_fg_ar=v.utfall_fg_ar,
        summa=summa,
    )


def _egen_regi(b: Builder, t: EgenRegiTabell) -> EgenRegiVy:
    return EgenRegiVy(
        rader=tuple(
            EgenRegiRadVy(namn=r.namn, resultat=r.resultat, avvikelse=r.avvikelse, resultat_fg=r.resultat_fg)
            for r in t.rader
        ),
        totalt=EgenRegiRadVy(
            namn="Totalt",
            resultat=t.totalt.resultat,
            avvikelse=t.totalt.avvikelse,
            resultat_fg=t.totalt.resultat_fg,
        ),
        text=b.text(t.text),
        text_fore=b.text(t.text_fore),
    )
