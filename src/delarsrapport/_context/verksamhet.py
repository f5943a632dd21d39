"""The verksamhetsuppföljning's views (``verksamhet`` in ``verksamhet.docx``) and how they are
built: goals, nämndmål and uppdrag with their status, assessment, åtgärder and indicators."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from delarsrapport._context import prose
from delarsrapport._context.gemensam import Builder, Lopande, StatusVy
from delarsrapport._model.status import Indikatorenhet, Malniva, Rapporteringstyp, Status
from delarsrapport._model.text import Punktlista, Rubrik, Stycke
from delarsrapport._model.verksamhet import (
    Atgard,
    Indikator,
    KfMal,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport.formatting import format_lista, format_procent, format_tal

__all__ = [
    "AtgardVy",
    "AtgardsdelVy",
    "BedomningVy",
    "IndikatorVy",
    "KolumnerVy",
    "MalVy",
    "MatningVy",
    "PostVy",
    "RapporteringVy",
    "VerksamhetVy",
    "build_verksamhet",
]


@attrs.frozen(kw_only=True)
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
    egen: bool = False
    """Sant när meningen är nämndens egen (som omsorgsnämndens prognoser), inte layoutens
    standardmening: då står meningen gärna ensam, utan värdet i en tabell."""


@attrs.frozen(kw_only=True)
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
    aktiviteter: bool = False
    """Någon åtgärd har förvaltningens aktiviteter."""
    prognos: bool = False
    """Någon post har en bedömning, en prognos för hur den faller ut (bara i målets postkolumner)."""


@attrs.frozen(kw_only=True)
class AtgardVy:
    """En av nämndens åtgärder."""

    text: str
    """Åtgärden."""
    status: StatusVy | None
    """Status, eller inget."""
    kommentar: Lopande
    """Uppföljning eller kommentar."""
    aktiviteter: tuple[str, ...]
    """Förvaltningens aktiviteter under åtgärden, en rad per stycke eller punkt."""
    aktiviteter_text: Lopande
    """Aktiviteterna som löptext, med stycken och punktlistor: {{p a.aktiviteter_text|stycken(4) }}."""


@attrs.frozen(kw_only=True)
class MatningVy:
    """Ett utfall för en indikator."""

    etikett: str
    """"T1", "T2", "Nuvärde"."""
    text: str
    """Värdet som det skrivs ut ("86%", "23"), eller layoutens tecken för saknat värde."""


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class PostVy:
    """Ett nämndmål eller uppdrag under ett mål."""

    typ: str
    """"namndmal" eller "uppdrag"."""
    nummer: str
    """Numret som det står i planen ("1.3", "26", "NB1.1"), eller tomt."""
    titel: str
    """Titeln."""
    rubrik: str
    """Rubriken som layouten brukar skriva den: "Uppdrag 1.3: …", "Nämndmål NB1.1: …", "Nämndmål: …"."""
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
    """Statusmeningen (prognosmeningen): nämndens egen om den finns, annars layoutens för
    statusen och året; tom när nämnden skrivit en tom mening."""
    forvantat_klart_ar: int | None
    """Året uppdraget väntas vara klart eller nämndmålet uppnått."""
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


@attrs.frozen(kw_only=True)
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
    postkolumner: KolumnerVy = attrs.field(factory=lambda: KolumnerVy())
    """Vilka valfria kolumner målets poster (uppdrag och nämndmål) har värden i, samlat: en
    bedömning (prognos), åtgärder med status, uppföljning eller aktiviteter. Så kan en tabell
    med en rad per post visa det som finns: {%p if m.postkolumner.prognos %} … {%p endif %}."""


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class AtgardsdelVy:
    """Den andra delen av uppföljningen: nämndens åtgärder, mål för mål."""

    rubrik: str
    """Delens rubrik: "Uppföljning av nämndens åtgärder"."""
    inledning: Lopande
    """Delens egen inledning."""
    mal: tuple[MalVy, ...]
    """Målen som har åtgärder (direkt eller under sina nämndmål och uppdrag), i ordning;
    gå igenom m.atgarder och p.atgarder för varje p i m.poster."""


@attrs.frozen(kw_only=True)
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
    atgardsdel: AtgardsdelVy | None
    """Den andra delen, uppföljningen av nämndens åtgärder, eller inget."""
    egna_meningar: bool = False
    """Sant när rapporten skriver bedömningar och status i nämndens egna meningar (prognoser och
    statusmeningar, som omsorgsnämndens uppföljning), inte som värden ur ett planeringssystem."""


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
# What an indicator cell shows for a missing value: nothing, or a dash.
_SAKNAS: Final = frozenset({"", "-", "–"})


def build_verksamhet(b: Builder, v: Verksamhetsuppfoljning) -> VerksamhetVy:
    """The verksamhetsuppföljning *v*."""
    anvanda = _anvanda_statusar(v)
    mal = tuple(_mal(b, m, v.malniva) for m in v.mal)
    return VerksamhetVy(
        plan=v.plan or "",
        ar_plan=v.typ == "plan",
        metarad=prose.metarad(b.period, plan=v.plan, organisation=b.rapport.namnd.organisation_label),
        inledning=b.text(v.inledning),
        malniva=_MALNIVA_PLURAL[v.malniva],
        mal=mal,
        rapportering=tuple(
            RapporteringVy(
                typ=_RAPPORTERINGSTYP[r.typ],
                ks_beslut=r.ks_beslut or r.typ is Rapporteringstyp.KS_BESLUT,
                text=r.text,
                kommentar=b.text(r.kommentar),
                forvantat_klart_ar=r.forvantat_klart_ar,
            )
            for r in v.rapportering
        ),
        statusar=tuple(vy for st in Status if st in anvanda and (vy := b.status(st))),
        atgardsdel=AtgardsdelVy(
            rubrik=v.atgardsdel.rubrik,
            inledning=b.text(v.atgardsdel.inledning),
            mal=tuple(m for m, modell in zip(mal, v.mal, strict=True) if _har_atgarder(modell)),
        )
        if v.atgardsdel
        else None,
        egna_meningar=_egna_meningar(v),
    )


def _har_atgarder(m: KfMal) -> bool:
    """Whether a goal has åtgärder, directly or under any of its items."""
    return bool(m.atgarder) or any(
        p.atgarder or (isinstance(p, Uppdrag) and any(n.atgarder for n in p.namndmal)) for p in m.poster
    )


def _egna_meningar(v: Verksamhetsuppfoljning) -> bool:
    """Whether any goal or item carries the nämnd's own assessment or status sentence."""
    for m in v.mal:
        if m.bedomningstext:
            return True
        for p in m.poster:
            if p.bedomningstext or (isinstance(p, Uppdrag) and p.statustext):
                return True
    return False


def _mal(b: Builder, m: KfMal, niva: Malniva) -> MalVy:
    rubrik = prose.malrubrik(niva, m.nummer, m.titel)
    indikatorer = tuple(_indikator(b, i) for i in m.indikatorer)
    med, utan = _trend_split(m.indikatorer, indikatorer)
    return MalVy(
        nummer=m.nummer,
        titel=m.titel,
        rubrik=rubrik,
        # Only the form "Övergripande mål: <titel>" carries the title in the heading itself;
        # a title that merely occurs in the heading's words (a mål titled "mål") is printed.
        undertitel="" if niva is Malniva.OVERGRIPANDE_MAL else m.titel,
        bedomning=_bedomning(b, m, niva),
        text=b.text(m.text),
        poster=tuple(_post(b, p, niva) for p in m.poster),
        atgarder=tuple(_atgard(b, a) for a in m.atgarder),
        indikatorer=indikatorer,
        indikatorer_med_trend=med,
        indikatorer_utan_trend=utan,
        uppfoljning_utover=b.text(m.uppfoljning_utover),
        kolumner=_kolumner(m.atgarder, utan),
        postkolumner=_postkolumner(m.poster),
    )


def _post(b: Builder, p: Namndmal | Uppdrag, niva: Malniva) -> PostVy:
    indikatorer = tuple(_indikator(b, i) for i in p.indikatorer)
    med, utan = _trend_split(p.indikatorer, indikatorer)
    if isinstance(p, Uppdrag):
        status = b.status(p.status, p.forvantat_klart_ar)
        return PostVy(
            typ="uppdrag",
            nummer=p.nummer or "",
            titel=p.titel,
            rubrik=prose.uppdragsrubrik(p.nummer, p.titel, p.ursprung),
            etikett="Uppdrag",
            riktade_namnder=format_lista(p.riktade_namnder),
            ursprung=p.ursprung or "",
            kommungemensamt=False,
            status=status,
            statusmening=prose.egen_mening(p.statustext, status.mening if status else ""),
            forvantat_klart_ar=p.forvantat_klart_ar,
            bedomning=_bedomning(b, p, niva),
            beskrivning=b.text(p.beskrivning),
            kommentar=b.text(p.kommentar),
            atgarder=tuple(_atgard(b, a) for a in p.atgarder),
            indikatorer=indikatorer,
            indikatorer_med_trend=med,
            indikatorer_utan_trend=utan,
            namndmal=tuple(_post(b, n, niva) for n in p.namndmal),
            kolumner=_kolumner(p.atgarder, utan),
        )
    etikett = "Kommungemensamt nämndmål" if p.kommungemensamt else "Nämndmål"
    status = b.status(p.status, p.forvantat_klart_ar)
    return PostVy(
        typ="namndmal",
        nummer=p.nummer or "",
        titel=p.titel,
        rubrik=f"{etikett} {p.nummer}: {p.titel}" if p.nummer else f"{etikett}: {p.titel}",
        etikett=etikett,
        riktade_namnder="",
        ursprung="",
        kommungemensamt=p.kommungemensamt,
        status=status,
        statusmening=prose.egen_mening(p.statustext, status.mening if status else ""),
        forvantat_klart_ar=p.forvantat_klart_ar,
        bedomning=_bedomning(b, p, niva),
        beskrivning=b.text(p.beskrivning),
        kommentar=b.text(p.kommentar),
        atgarder=tuple(_atgard(b, a) for a in p.atgarder),
        indikatorer=indikatorer,
        indikatorer_med_trend=med,
        indikatorer_utan_trend=utan,
        namndmal=(),
        kolumner=_kolumner(p.atgarder, utan),
    )


def _bedomning(b: Builder, post: KfMal | Namndmal | Uppdrag, niva: Malniva) -> BedomningVy | None:
    if post.bedomning is None:
        return None
    ord_ = b.inst.bedomning.get(niva, {}).get(post.bedomning)
    return BedomningVy(
        varde=post.bedomning.value,
        ord=ord_.ord if ord_ else prose.standardord(post.bedomning.value),
        mening=prose.bedomningsmening(
            niva, post.bedomning, egen=post.bedomningstext, layoutens=ord_.mening if ord_ else None
        ),
        farg=(ord_.farg if ord_ else None) or "auto",
        egen=bool(post.bedomningstext),
    )


def _kolumner(atgarder: Sequence[Atgard], utan_trend: Sequence[IndikatorVy]) -> KolumnerVy:
    return KolumnerVy(
        atgardsstatus=any(a.status is not None for a in atgarder),
        atgardskommentar=any(a.kommentar for a in atgarder),
        ingangsvarde=any(i.ingangsvarde not in _SAKNAS for i in utan_trend),
        utfall=any(t not in _SAKNAS for i in utan_trend for t in (i.t1, i.t2, i.t3)),
        aktiviteter=any(a.aktiviteter for a in atgarder),
    )


def _postkolumner(poster: Sequence[Namndmal | Uppdrag]) -> KolumnerVy:
    atgarder = [a for p in poster for a in p.atgarder]
    return KolumnerVy(
        atgardsstatus=any(a.status is not None for a in atgarder),
        atgardskommentar=any(a.kommentar for a in atgarder),
        aktiviteter=any(a.aktiviteter for a in atgarder),
        prognos=any(p.bedomning is not None for p in poster),
    )


def _trend_split(
    model: tuple[Indikator, ...], vyer: tuple[IndikatorVy, ...]
) -> tuple[tuple[IndikatorVy, ...], tuple[IndikatorVy, ...]]:
    """The indicator views for the table with a trend column, and for the one without."""
    med = tuple(v for m, v in zip(model, vyer, strict=True) if not m.utan_trend)
    utan = tuple(v for m, v in zip(model, vyer, strict=True) if m.utan_trend)
    return med, utan


def _atgard(b: Builder, a: Atgard) -> AtgardVy:
    # The flat list of lines is for a layout that prints one line per activity; a table
    # place or a chart has no line, and aktiviteter_text carries them.
    rader: list[str] = []
    for block in a.aktiviteter:
        if isinstance(block, Punktlista):
            rader.extend(block.punkter)
        elif isinstance(block, Stycke | Rubrik):
            rader.append(block.text)
    return AtgardVy(
        text=a.text,
        status=b.status(a.status),
        kommentar=b.text(a.kommentar),
        aktiviteter=tuple(rader),
        aktiviteter_text=b.text(a.aktiviteter),
    )


def _indikator(b: Builder, i: Indikator) -> IndikatorVy:
    andel = i.enhet is Indikatorenhet.ANDEL
    talstil = b.inst.talstil
    saknas = talstil.saknas or b.inst.trend_saknas

    def text(v: Decimal | None) -> str:
        if v is None:
            return saknas
        if andel:
            decimaler = 0 if (v * 100) == (v * 100).to_integral_value() else 1
            return format_procent(
                v, decimaler=decimaler, mellanslag=talstil.procent_mellanslag, minus=talstil.minus
            )
        decimaler = 0 if v == v.to_integral_value() else 1
        return format_tal(v, decimaler=decimaler, minus=talstil.minus)

    per = {m.etikett: m.varde for m in i.utfall}
    trend = i.trend
    return IndikatorVy(
        namn=i.namn,
        andel=andel,
        utfall=tuple(MatningVy(etikett=m.etikett, text=text(m.varde)) for m in i.utfall),
        t1=text(per.get("T1")),
        t2=text(per.get("T2")),
        t3=text(per.get("T3")),
        senaste=text(i.senaste),
        kvinnor=text(i.kvinnor),
        man=text(i.man),
        jamforvarde=text(i.jamforvarde),
        ingangsvarde=text(i.ingangsvarde),
        malvarde=text(i.malvarde),
        trend=b.inst.trendpilar.get(trend, b.inst.trend_saknas) if trend else b.inst.trend_saknas,
        kommentar=b.text(i.kommentar),
    )


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
