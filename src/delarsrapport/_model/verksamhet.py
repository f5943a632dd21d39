"""Verksamhetsuppföljning: goals, nämndmål, uppdrag, åtgärder and indicators, with status.

Numbers of uppdrag and goals are labels of this plan's edition, not identities. Statuses
and assessments are stored as normalised values (:mod:`delarsrapport._model.status`); the
words, sentences and colours come from the layout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import ClassVar, Literal, NewType, TypeAlias

import attrs

from delarsrapport._model.status import (
    Bedomning,
    Indikatorenhet,
    Malniva,
    Rapporteringstyp,
    Status,
    Trend,
)
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "Atgard",
    "Atgardsdel",
    "Indikator",
    "KfMal",
    "Malpost",
    "Matning",
    "Matvarde",
    "Namndmal",
    "RapporteradIndikator",
    "RapporteradPost",
    "RapporteratAntal",
    "RapporteratVerksamhet",
    "Rapportering",
    "Uppdrag",
    "Verksamhetsuppfoljning",
]

Matvarde = NewType("Matvarde", Decimal)
"""An indicator value: a share as a fraction (``86%`` → 0.86) or a count."""


@attrs.frozen(field_transformer=check_text_fields)
class Atgard:
    """En åtgärd som nämnden beslutat, med status och förvaltningens aktiviteter."""

    text: str
    """Åtgärden."""
    status: Status | None = None
    """Var åtgärden står; orden och färgen som trycks kommer från layouten."""
    kommentar: Text = ()
    """Uppföljningen av åtgärden: hur arbetet har gått och var det står."""
    aktiviteter: Text = ()
    """Förvaltningens aktiviteter inom åtgärden, det som görs: en rad per aktivitet, eller
    löptext med stycken och punktlistor."""


@attrs.frozen(field_transformer=check_text_fields)
class Matning:
    """Ett utfall av en indikator: en etikett (``T1``, ``Nuvärde``) och värdet (eller inget).

    I indata skrivs utfallen oftast som en mappning, ``{T1: '86%', T2: '84%'}``.
    """

    etikett: str
    """Mätpunktens etikett ("T1", "Nuvärde")."""
    varde: Matvarde | None = None
    """Värdet: en andel med procenttecken ("86%") eller ett antal; tomt om det saknas."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradIndikator:
    """Det rapporten tryckte om en indikator utöver utfallen (bara för kontrollen)."""

    taljare: int | None = None
    """Med *namnare*: antalen som kommentaren anger för det senaste utfallet ("39 av 42")."""
    namnare: int | None = None
    """Nämnaren till *taljare* (42 i "39 av 42")."""
    trend: str | None = None
    """Trendpilen som den trycktes (↗ ↘ →)."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradPost:
    """Det rapporten tryckte för ett mål, nämndmål eller uppdrag där layouten formulerar texten
    (bara för kontrollen)."""

    bedomningstext: str | None = None
    """Bedömningsmeningen som den trycktes, när den är layoutens standardmening."""


@attrs.frozen(field_transformer=check_text_fields)
class Indikator:
    """En indikator med utfall, målvärde och, när det anges, bråket bakom utfallet.

    Trenden räknas fram ur de två senaste utfallen som har värden och visar bara
    riktningen; en tryckt pil och antalen i en kommentar läggs under *rapporterat* för
    kontrollen.
    """

    namn: str
    """Indikatorns namn, med eventuell markering ("(NY 2022)")."""
    enhet: Indikatorenhet
    """Vad indikatorn mäter: ``andel`` (värden med procenttecken) eller ``antal``."""
    utfall: tuple[Matning, ...] = ()
    """Utfallen i ordning, t.ex. ``{T1: '86%', T2: '84%', T3: '81%'}``."""
    kvinnor: Matvarde | None = None
    """Utfallet för kvinnor."""
    man: Matvarde | None = None
    """Utfallet för män."""
    jamforvarde: Matvarde | None = None
    """Jämförelsevärdet (till exempel rikets eller liknande kommuners)."""
    ingangsvarde: Matvarde | None = None
    """Ingångsvärdet i en plan."""
    malvarde: Matvarde | None = None
    """Målvärdet."""
    utan_trend: bool = False
    """Layouten trycker indikatorn i en tabell utan trendkolumn."""
    kommentar: Text = ()
    """Kommentaren till indikatorn."""
    rapporterat: RapporteradIndikator | None = None
    """Det rapporten tryckte om indikatorn; bara för kontrollen."""

    @property
    def varden(self) -> tuple[Decimal, ...]:
        """The outcomes that have values, in order."""
        return tuple(m.varde for m in self.utfall if m.varde is not None)

    @property
    def senaste(self) -> Decimal | None:
        """The latest outcome with a value."""
        values = self.varden
        return values[-1] if values else None

    @property
    def trend(self) -> Trend | None:
        """Up, down or unchanged between the last two outcomes; ``None`` with fewer than two."""
        values = self.varden
        if len(values) < 2:
            return None
        if values[-1] > values[-2]:
            return Trend.UPP
        if values[-1] < values[-2]:
            return Trend.NED
        return Trend.OFORANDRAD

    @property
    def kvot(self) -> Decimal | None:
        """Täljare / nämnare, when the report states them (F24)."""
        r = self.rapporterat
        if r is None or r.taljare is None or not r.namnare:
            return None
        return Decimal(r.taljare) / Decimal(r.namnare)


@attrs.frozen(field_transformer=check_text_fields)
class Namndmal:
    """Ett mål som nämnden själv satt (eller ett mål som är gemensamt för alla nämnder, *kommungemensamt*).

    Under ett mål skrivs det ``namndmal: {…}``.
    """

    titel: str
    """Målet ("Hemlösheten ska minska")."""
    nummer: str | None = None
    """Målets nummer i planen ("2.1.1"), om det har något."""
    kommungemensamt: bool = False
    """Målet är gemensamt för alla nämnder."""
    status: Status | None = None
    """Var arbetet med målet står."""
    forvantat_klart_ar: int | None = None
    """Året nämndmålet väntas vara uppnått; statusmeningen kan nämna det."""
    statustext: str | None = None
    """En egen statusmening (prognosmening) som skrivs i stället för layoutens; "" skriver ingen mening."""
    bedomning: Bedomning | None = None
    """Hur väl målet är uppfyllt; layouten formulerar meningen."""
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    beskrivning: Text = ()
    """Beskrivningen av målet."""
    kommentar: Text = ()
    """Kommentaren till uppföljningen."""
    atgarder: tuple[Atgard, ...] = ()
    """Nämndens åtgärder för målet."""
    indikatorer: tuple[Indikator, ...] = ()
    """Indikatorerna som målet följs upp med."""
    rapporterat: RapporteradPost | None = None
    """Det rapporten tryckte där layouten formulerar texten; bara för kontrollen."""

    typ: ClassVar[str] = "namndmal"


@attrs.frozen(field_transformer=check_text_fields)
class Uppdrag:
    """Ett uppdrag från kommunfullmäktige till namngivna nämnder; under ett mål skrivs det ``uppdrag: {…}``.

    Numret hör till planens upplaga, inte till uppdraget: samma uppdrag kan ha ett annat
    nummer ett annat år.
    """

    titel: str
    """Uppdraget."""
    nummer: str | None = None
    """Uppdragets nummer i planen ("1.3", "26")."""
    ursprung: str | None = None
    """Varifrån uppdraget kommer, när det följer med från en tidigare plan ("Uppdrag från 2019")."""
    riktade_namnder: tuple[str, ...] = ()
    """Förkortningarna för nämnderna som uppdraget riktas till ("KS", "SCN")."""
    status: Status | None = None
    """Var uppdraget står; orden och färgen som trycks kommer från layouten."""
    forvantat_klart_ar: int | None = None
    """Året uppdraget väntas vara klart."""
    statustext: str | None = None
    """En egen statusmening som skrivs i stället för layoutens; "" skriver ingen mening."""
    bedomning: Bedomning | None = None
    """Hur väl uppdraget är uppfyllt."""
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    beskrivning: Text = ()
    """Beskrivningen av uppdraget."""
    kommentar: Text = ()
    """Kommentaren till uppföljningen."""
    atgarder: tuple[Atgard, ...] = ()
    """Nämndens åtgärder för uppdraget."""
    indikatorer: tuple[Indikator, ...] = ()
    """Indikatorerna som uppdraget följs upp med."""
    namndmal: tuple[Namndmal, ...] = ()
    """Nämndmål som står under uppdraget (Upplands-Bro)."""
    rapporterat: RapporteradPost | None = None
    """Det rapporten tryckte där layouten formulerar texten; bara för kontrollen."""

    typ: ClassVar[str] = "uppdrag"


Malpost: TypeAlias = Namndmal | Uppdrag
"""An item under a goal: a nämndmål or an uppdrag, in printed order."""


@attrs.frozen(field_transformer=check_text_fields)
class KfMal:
    """Ett mål som kommunfullmäktige satt (inriktningsmål, fokusmål, övergripande mål)."""

    titel: str
    """Målet ("Uppsala ska säkra en stark ekonomi och värna välfärden")."""
    nummer: int | None = None
    """Målets nummer ("Inriktningsmål 1")."""
    bedomning: Bedomning | None = None
    """Hur väl målet är uppfyllt; layouten formulerar meningen."""
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    text: Text = ()
    """Nämndens text om målet."""
    poster: tuple[Malpost, ...] = ()
    """Nämndmål och uppdrag under målet, i tryckt ordning; var och en skrivs ``namndmal: {…}``
    eller ``uppdrag: {…}``."""
    atgarder: tuple[Atgard, ...] = ()
    """Åtgärder direkt under målet."""
    indikatorer: tuple[Indikator, ...] = ()
    """Indikatorer direkt under målet."""
    uppfoljning_utover: Text = ()
    """Avsnittet "Uppföljning utöver del- och helårsbokslut" (Uppsala omsorgsnämnd)."""
    rapporterat: RapporteradPost | None = None
    """Det rapporten tryckte där layouten formulerar texten; bara för kontrollen."""

    @property
    def uppdrag(self) -> tuple[Uppdrag, ...]:
        """The uppdrag under this goal."""
        return tuple(p for p in self.poster if isinstance(p, Uppdrag))

    @property
    def namndmal(self) -> tuple[Namndmal, ...]:
        """The nämndmål directly under this goal."""
        return tuple(p for p in self.poster if isinstance(p, Namndmal))


@attrs.frozen(field_transformer=check_text_fields)
class Rapportering:
    """Rapportering utanför planen: ett beslut i kommunstyrelsen, ett tillkommande uppdrag, en
    särskild rapportering."""

    typ: Rapporteringstyp
    """Vad som rapporteras."""
    text: str
    """Beslutet eller uppdraget som rapporteras."""
    kommentar: Text = ()
    """Kommentaren."""
    forvantat_klart_ar: int | None = None
    """Året det väntas vara klart."""
    ks_beslut: bool = False
    """Posten rapporterar ett beslut i kommunstyrelsen ("KS-BESLUT:")."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratAntal:
    """Ett tryckt antal uppdrag med någon av några statusar ("inte enligt plan/försenade": 3;
    bara för kontrollen)."""

    statusar: tuple[Status, ...]
    """Statusarna som antalet gäller."""
    antal: int
    """Antalet som trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratVerksamhet:
    """Antal som en avskriven rapport tryckte, som kontrollen jämför med posterna."""

    uppdrag_per_status: tuple[RapporteratAntal, ...] = ()
    """Tryckta antal uppdrag per status."""
    uppdrag_totalt: int | None = None
    """Det tryckta antalet uppdrag totalt."""
    mal_per_bedomning: dict[Bedomning, int] | None = None
    """Tryckta antal mål per bedömning (``{i_hog_grad_uppfyllt: 8}``)."""
    namndmal_totalt: int | None = None
    """Antalet nämndmål som rapporten anger ("fyra nämndmål")."""
    namndmal_namndspecifika: int | None = None
    """Antalet nämndspecifika nämndmål som rapporten anger ("två nämndspecifika")."""
    namndmal_kommungemensamma: int | None = None
    """Antalet kommungemensamma nämndmål som rapporten anger ("två kommungemensamma")."""
    atgarder_totalt: int | None = None
    """Antalet åtgärder som rapporten anger ("32 åtgärder")."""


@attrs.frozen(field_transformer=check_text_fields)
class Atgardsdel:
    """Uppföljningens andra del, som redovisar åtgärderna under varje mål för sig."""

    rubrik: str
    """Delens rubrik: "Uppföljning av nämndens åtgärder"."""
    inledning: Text = ()
    """Delens egen inledning."""


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetsuppfoljning:
    """Uppföljningen av verksamhetsplanen eller nämndplanen (en dokumentdel ``verksamhet``):
    målen och deras poster."""

    kind: ClassVar[str] = "verksamhet"

    mal: tuple[KfMal, ...]
    """Kommunfullmäktiges mål i ordning, med nämndmål, uppdrag och indikatorer under."""
    malniva: Malniva = Malniva.INRIKTNINGSMAL
    """Vad kommunfullmäktiges mål heter i planen som följs upp."""
    plan: str | None = None
    """Planen som följs upp ("Verksamhetsplan 2020", "Nämndplan år 2023")."""
    typ: Literal["uppfoljning", "plan"] = "uppfoljning"
    """``plan`` när handlingen är själva planen (en nämndplan med mål, indikatorer och deras
    målvärden) och inte en uppföljning av den."""
    inledning: Text = ()
    """Inledningen före målen."""
    rapportering: tuple[Rapportering, ...] = ()
    """Rapportering utanför planen ("Tillkommande uppdrag samt särskild rapportering")."""
    atgardsdel: Atgardsdel | None = None
    """En andra del som följer upp nämndens åtgärder för sig, med egen rubrik och inledning."""
    rapporterat: RapporteratVerksamhet | None = None
    """Antal som rapporten tryckte; bara för kontrollen."""

    def alla_uppdrag(self) -> Iterator[Uppdrag]:
        """Every uppdrag under every goal, in order."""
        for m in self.mal:
            yield from m.uppdrag

    def alla_poster(self) -> Iterator[Malpost]:
        """Every nämndmål and uppdrag, including nämndmål nested under an uppdrag."""
        for m in self.mal:
            for p in m.poster:
                yield p
                if isinstance(p, Uppdrag):
                    yield from p.namndmal

    def alla_namndmal(self) -> Iterator[Namndmal]:
        """Every nämndmål, including those nested under an uppdrag."""
        for p in self.alla_poster():
            if isinstance(p, Namndmal):
                yield p

    def alla_atgarder(self) -> Iterator[Atgard]:
        """Every åtgärd: directly under a goal, under its nämndmål and uppdrag, and nested nämndmål."""
        for m in self.mal:
            yield from m.atgarder
            for p in m.poster:
                yield from p.atgarder
                if isinstance(p, Uppdrag):
                    for n in p.namndmal:
                        yield from n.atgarder

    def uppdrag_per_status(self) -> dict[Status, int]:
        """How many uppdrag have each status (F25); uppdrag without status are not counted."""
        counts = Counter(u.status for u in self.alla_uppdrag() if u.status is not None)
        return {s: counts[s] for s in Status}

    def mal_per_bedomning(self) -> dict[Bedomning, int]:
        """How many goals have each bedömning."""
        counts = Counter(m.bedomning for m in self.mal if m.bedomning is not None)
        return {b: counts[b] for b in Bedomning}
