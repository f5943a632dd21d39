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
    """A measure decided by the nämnd, with its status and the förvaltning's activities."""

    text: str
    status: Status | None = None
    kommentar: Text = ()
    """Uppföljningen av åtgärden: hur arbetet har gått och var det står."""
    aktiviteter: Text = ()
    """Förvaltningens aktiviteter inom åtgärden, det som görs: en rad per aktivitet, eller
    löptext med stycken och punktlistor."""


@attrs.frozen(field_transformer=check_text_fields)
class Matning:
    """One outcome of an indicator: a label (``T1``, ``Nuvärde``) and its value (or none)."""

    etikett: str
    varde: Matvarde | None = None


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradIndikator:
    """What the report printed about an indicator besides its outcomes (checks only)."""

    taljare: int | None = None
    """With *namnare*: the counts the commentary gives for the latest outcome ("39 av 42")."""
    namnare: int | None = None
    trend: str | None = None
    """The trend arrow as printed (↗ ↘ →)."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradPost:
    """What the report printed for a goal item where the layout derives the text (checks only)."""

    bedomningstext: str | None = None
    """The assessment sentence as printed, when it is the layout's standard sentence."""


@attrs.frozen(field_transformer=check_text_fields)
class Indikator:
    """An indicator with its outcomes, target and, where given, the fraction behind it.

    The trend is derived from the last two outcomes that have values and shows direction
    only (F23); a printed arrow and the counts a commentary gives are kept under
    *rapporterat* for checking.
    """

    namn: str
    enhet: Indikatorenhet
    utfall: tuple[Matning, ...] = ()
    kvinnor: Matvarde | None = None
    man: Matvarde | None = None
    jamforvarde: Matvarde | None = None
    ingangsvarde: Matvarde | None = None
    malvarde: Matvarde | None = None
    utan_trend: bool = False
    """The layout prints this indicator in a table without a trend column."""
    kommentar: Text = ()
    rapporterat: RapporteradIndikator | None = None

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
    """A goal the nämnd sets itself (or a goal shared by all nämnder, *kommungemensamt*)."""

    titel: str
    nummer: str | None = None
    kommungemensamt: bool = False
    status: Status | None = None
    forvantat_klart_ar: int | None = None
    """Året nämndmålet väntas vara uppnått; statusmeningen kan nämna det."""
    statustext: str | None = None
    """En egen statusmening (prognosmening) som skrivs i stället för layoutens; "" skriver ingen mening."""
    bedomning: Bedomning | None = None
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    beskrivning: Text = ()
    kommentar: Text = ()
    atgarder: tuple[Atgard, ...] = ()
    indikatorer: tuple[Indikator, ...] = ()
    rapporterat: RapporteradPost | None = None

    typ: ClassVar[str] = "namndmal"


@attrs.frozen(field_transformer=check_text_fields)
class Uppdrag:
    """An assignment from kommunfullmäktige directed at named nämnder."""

    titel: str
    nummer: str | None = None
    ursprung: str | None = None
    """"Uppdrag från 2019": an uppdrag carried over from an earlier plan."""
    riktade_namnder: tuple[str, ...] = ()
    status: Status | None = None
    forvantat_klart_ar: int | None = None
    statustext: str | None = None
    """En egen statusmening som skrivs i stället för layoutens; "" skriver ingen mening."""
    bedomning: Bedomning | None = None
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    beskrivning: Text = ()
    kommentar: Text = ()
    atgarder: tuple[Atgard, ...] = ()
    indikatorer: tuple[Indikator, ...] = ()
    namndmal: tuple[Namndmal, ...] = ()
    """Nämndmål placed under this uppdrag (Upplands-Bro)."""
    rapporterat: RapporteradPost | None = None

    typ: ClassVar[str] = "uppdrag"


Malpost: TypeAlias = Namndmal | Uppdrag
"""An item under a goal: a nämndmål or an uppdrag, in printed order."""


@attrs.frozen(field_transformer=check_text_fields)
class KfMal:
    """A goal of kommunfullmäktige (inriktningsmål, fokusmål, övergripande mål)."""

    titel: str
    nummer: int | None = None
    bedomning: Bedomning | None = None
    bedomningstext: str | None = None
    """En egen bedömningsmening som skrivs i stället för layoutens standardmening; "" skriver ingen mening."""
    text: Text = ()
    poster: tuple[Malpost, ...] = ()
    atgarder: tuple[Atgard, ...] = ()
    indikatorer: tuple[Indikator, ...] = ()
    uppfoljning_utover: Text = ()
    """"Uppföljning utöver del- och helårsbokslut" (Uppsala OSN)."""
    rapporterat: RapporteradPost | None = None

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
    """Reporting outside the plan: a KS decision, an added uppdrag, a special request."""

    typ: Rapporteringstyp
    text: str
    kommentar: Text = ()
    forvantat_klart_ar: int | None = None
    ks_beslut: bool = False
    """The item reports on a decision of kommunstyrelsen ("KS-BESLUT:")."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratAntal:
    """A printed count of uppdrag with any of some statuses ("inte enligt plan/försenade": 3)."""

    statusar: tuple[Status, ...]
    antal: int


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratVerksamhet:
    """Counts a transcribed report printed, checked against the items."""

    uppdrag_per_status: tuple[RapporteratAntal, ...] = ()
    uppdrag_totalt: int | None = None
    mal_per_bedomning: dict[Bedomning, int] | None = None
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
    """The second part of a follow-up that presents the åtgärder of every goal item in detail."""

    rubrik: str
    """Delens rubrik: "Uppföljning av nämndens åtgärder"."""
    inledning: Text = ()
    """Delens egen inledning."""


@attrs.frozen(field_transformer=check_text_fields)
class Verksamhetsuppfoljning:
    """The follow-up of the verksamhetsplan / nämndplan: goals and their items."""

    kind: ClassVar[str] = "verksamhet"

    mal: tuple[KfMal, ...]
    malniva: Malniva = Malniva.INRIKTNINGSMAL
    plan: str | None = None
    """The plan being followed up ("Verksamhetsplan 2020", "Nämndplan år 2023")."""
    typ: Literal["uppfoljning", "plan"] = "uppfoljning"
    """``plan`` when the document is the plan itself (a nämndplan with goals, indicators and
    their target values) rather than a follow-up of it."""
    inledning: Text = ()
    rapportering: tuple[Rapportering, ...] = ()
    atgardsdel: Atgardsdel | None = None
    """En andra del som följer upp nämndens åtgärder för sig, med egen rubrik och inledning."""
    rapporterat: RapporteratVerksamhet | None = None

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
