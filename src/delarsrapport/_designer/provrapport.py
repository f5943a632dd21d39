"""The probe report: every input field given a value of its own, and how to find it printed.

A layout prints an input field when the field's value shows in the documents it renders.
To see that for every field at once, :func:`provrapport` builds one report in which every
field has a value no other field has: a token in a text (``prov012x``), an amount, a date
or a number that occurs nowhere else, and for a status, an assessment or a control result
a value of the vocabulary that only this field has (found by the layout's word for it,
:meth:`Provrapport.former`). Fields that replace another in print (an own status sentence
replaces the layout's) are given on one item and left out on a second. The report is
built once per process.
"""

from __future__ import annotations

import types
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, Final, Literal, Union, get_args, get_origin, get_type_hints

import attrs

from delarsrapport._load.converter import DELAR, POSTER
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.organisation import Diarienummer
from delarsrapport._model.rapport import Delarsrapport, Dokumentdel
from delarsrapport._model.status import Bedomning, Kontrollresultat, Malniva, Status
from delarsrapport._model.text import Stycke, Text
from delarsrapport._model.verksamhet import Malpost, Matning, Matvarde
from delarsrapport._render.layout import Installningar
from delarsrapport.formatting import format_belopp, format_datum, format_tal

__all__ = ["Nyckel", "Provrapport", "ar_innehall", "ordforrad", "provrapport", "rapporterat", "valfri"]

Nyckel = tuple[str, str]
"""An input field as (class name, field name): ``("Namnd", "forkortning")``."""


@attrs.frozen(eq=False)
class Provrapport:
    """The probe report and, per field, what shows that a document prints it."""

    rapport: Delarsrapport
    sok: Mapping[Nyckel, frozenset[str]]
    """The field's value as a document may print it (lower case): a token, an amount in
    its unit with 0 and 1 decimals, a date in every style, a number."""
    ordval: Mapping[Nyckel, Enum]
    """The vocabulary value a status, assessment or result field was given."""
    varden: Mapping[Nyckel, object]
    """The amount, date or number a field was given, as the value itself."""

    def former(self, nyckel: Nyckel, inst: Installningar) -> frozenset[str]:
        """What shows that a layout with settings *inst* prints the field (lower case)."""
        if nyckel in self.ordval:
            return frozenset(_ordformer(inst, self.ordval[nyckel]))
        return self.sok.get(nyckel, frozenset())


def ordforrad(inst: Installningar) -> frozenset[str]:
    """Every word and sentence a layout with settings *inst* prints for a status, an
    assessment or a control result (lower case)."""
    varden: list[Enum] = [*Status, *Bedomning, *Kontrollresultat]
    return frozenset(f for v in varden for f in _ordformer(inst, v))


def valfri(tp: Any) -> Any:
    """``X`` for ``X | None``, else *tp*."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def ar_innehall(tp: Any) -> bool:
    """A field that holds a value of its own (not a part or list of parts of the model)."""
    tp = valfri(tp)
    if tp == Text or tp is Diarienummer:
        return True
    if get_origin(tp) is tuple:
        return not attrs.has(get_args(tp)[0]) and get_args(tp)[0] not in (Dokumentdel, Malpost, Matning)
    return not attrs.has(tp) and tp not in (Dokumentdel, Malpost)


def rapporterat(falt: str) -> bool:
    """A field that records what a source printed, for the consistency check to compare
    (never printed itself)."""
    return falt.startswith("rapporterat") or falt.endswith("_rapporterat")


class _Prov:
    """Builds the probe report: every field a value of its own, and how to find it printed."""

    def __init__(self) -> None:
        self.n = 0
        self.sok: dict[tuple[str, str], set[str]] = {}
        self.statusar: Iterator[Enum] = iter(Status)
        self.bedomningar: Iterator[Enum] = iter(Bedomning)
        self.resultat: Iterator[Enum] = iter(Kontrollresultat)
        self.ordval: dict[tuple[str, str], Enum] = {}
        self.varden: dict[tuple[str, str], object] = {}
        self.bilaga = 0
        self.driftbudgetrad = ""

    def nasta(self) -> int:
        self.n += 1
        return self.n

    def spara(self, cls: type, falt: str, *former: str, varde: object = None) -> None:
        self.sok.setdefault((cls.__name__, falt), set()).update(f.casefold() for f in former)
        if varde is not None:
            self.varden[(cls.__name__, falt)] = varde

    def bygg(self, cls: type, enhet: Enhet = "tkr") -> Any:
        """An instance of *cls* with every field given."""
        hints = get_type_hints(cls)
        if "enhet" in attrs.fields_dict(cls):
            default = attrs.fields_dict(cls)["enhet"].default
            enhet = default if default in ("kr", "tkr", "mnkr") else enhet
        varden: dict[str, Any] = {}
        for f in attrs.fields(cls):
            if not f.init:
                continue
            if rapporterat(f.name):
                continue
            varde = self.varde(cls, f.name, hints[f.name], enhet)
            if varde is not _INGET:
                varden[f.name] = varde
        obj = cls(**varden)
        if cls.__name__ == "Budgetrad":
            self.driftbudgetrad = obj.namn
        return obj

    def varde(self, cls: type, falt: str, tp: Any, enhet: Enhet) -> Any:
        namn = cls.__name__
        special = _SPECIAL.get((namn, falt))
        if special is not None:
            return special(self)
        tp = valfri(tp)
        if tp is Diarienummer:
            self.spara(cls, falt, "prv-2031-00001")
            return Diarienummer.parse("PRV-2031-00001")
        if tp == Text:
            token = self.token()
            self.spara(cls, falt, token)
            return (Stycke(token),)
        if tp == tuple[Dokumentdel, ...]:
            return ()  # each kind gets a bilaga of its own (_bilagor)
        if tp == tuple[Malpost, ...]:
            return tuple(p for k in ("uppdrag", "namndmal") for p in self.med_och_utan(POSTER[k]))
        if tp == tuple[Matning, ...]:
            return (Matning("T3", self.matvarde(Matning, "varde")),)
        if tp is Matvarde:
            return self.matvarde(cls, falt)
        origin = get_origin(tp)
        if origin is tuple:
            (inre, _) = get_args(tp)
            if attrs.has(inre):
                return (self.bygg(inre, enhet),)
            if inre is str:
                token = self.token()
                self.spara(cls, falt, token)
                return (token,)
            return (self.varde(cls, falt, inre, enhet),)
        if origin is Literal:
            return get_args(tp)[0]
        if isinstance(tp, type) and issubclass(tp, Enum):
            return self.ordvarde(cls, falt, tp)
        if attrs.has(tp):
            return self.bygg(tp, enhet)
        if tp is str:
            token = self.token()
            # A name may be printed in the genitive ("Socialkontorets tjänsteskrivelse").
            self.spara(cls, falt, token, token + "s")
            return token
        if tp is bool:
            return True
        if tp is int:
            tal = 9100 + self.nasta()
            self.spara(cls, falt, str(tal), format_tal(tal).replace("\xa0", " "), varde=tal)
            return tal
        if tp is date:
            d = date(2031, 1, 1) + timedelta(days=7 * self.nasta())
            self.spara(cls, falt, *(format_datum(d, stil) for stil in _DATUMSTILAR), varde=d)
            return d
        if tp is Belopp:
            belopp = Belopp.from_enhet(Decimal(20000 + 37 * self.nasta()), enhet)
            former = {format_belopp(belopp, enhet=enhet, decimaler=d).replace("\xa0", " ") for d in (0, 1)}
            self.spara(cls, falt, *former, varde=belopp)
            return belopp
        raise TypeError(f"provrapporten saknar ett värde för {namn}.{falt} ({tp!r})")

    def med_och_utan(self, cls: type) -> tuple[Any, ...]:
        """*cls* twice: with every field, and without the fields that replace others in print
        (an own sentence replaces the layout's, an origin replaces the number)."""
        full, andra = self.bygg(cls), self.bygg(cls)
        ersatter = {f: None for f in _ERSATTER if f in attrs.fields_dict(cls)}
        return (full, attrs.evolve(andra, **ersatter))

    def token(self) -> str:
        return f"prov{self.nasta():03d}x"

    def matvarde(self, cls: type, falt: str) -> Matvarde:
        tal = 9300 + self.nasta()
        matvarde = Matvarde(Decimal(tal))
        self.spara(cls, falt, format_tal(tal).replace("\xa0", " "), varde=matvarde)
        return matvarde

    def ordvarde(self, cls: type, falt: str, tp: type[Enum]) -> Enum:
        """A status, assessment or result only this field has (its word is what is searched)."""
        nyckel = (cls.__name__, falt)
        if nyckel not in self.ordval:
            kallor: dict[type, Iterator[Enum]] = {
                Status: self.statusar,
                Bedomning: self.bedomningar,
                Kontrollresultat: self.resultat,
            }
            kalla = kallor.get(tp)
            self.ordval[nyckel] = next(kalla) if kalla is not None else next(iter(tp))
        return self.ordval[nyckel]


_INGET: Final = object()
#: Every way a layout may print a date.
_DATUMSTILAR: Final = ("iso", "lang", "den", "den_ar", "dag_manad")
#: Fields that, given, replace another field in print; the probe also has each item without them.
_ERSATTER: Final = ("ursprung", "statustext", "bedomningstext")


def _bilagor(p: _Prov) -> tuple[Any, ...]:
    """A bilaga per document kind, and the verksamhetsuppföljning once more without the
    nämnd's own sentences (a template may print some lines only when there are none, as
    Uppsala's line "Fas: … Organisation: …")."""
    from delarsrapport._model.rapport import Bilaga

    bilagor = []
    for nummer, kind in enumerate(DELAR, start=1):
        b = p.bygg(Bilaga)
        p.spara(Bilaga, "nummer", f"bilaga {nummer}")
        bilagor.append(attrs.evolve(b, nummer=nummer, delar=(p.bygg(DELAR[kind]),)))
    verksamhet = next(b for b in bilagor if b.delar[0].kind == "verksamhet")
    bilagor.append(
        attrs.evolve(verksamhet, nummer=len(bilagor) + 1, delar=(_utan_egna_meningar(verksamhet.delar[0]),))
    )
    return tuple(bilagor)


def _utan_egna_meningar(verksamhet: Any) -> Any:
    """*verksamhet* with no goal or item carrying a field that replaces another in print."""

    def utan(obj: Any) -> Any:
        return attrs.evolve(obj, **{f: None for f in _ERSATTER if f in attrs.fields_dict(type(obj))})

    mal = tuple(attrs.evolve(utan(m), poster=tuple(utan(x) for x in m.poster)) for m in verksamhet.mal)
    return attrs.evolve(verksamhet, mal=mal)


def _ett_beslut(p: _Prov) -> Any:
    from delarsrapport._model.tjansteskrivelse import Beslutssats

    objekt = p.token()
    fore = p.token()
    p.spara(Beslutssats, "objekt", objekt)
    p.spara(Beslutssats, "fore_verb", fore)
    return (Beslutssats(verb="godkänna", objekt=objekt, fore_verb=fore, bilaga=1, belopp="helarsprognos"),)


_SPECIAL: Final[dict[tuple[str, str], Any]] = {
    ("Delarsrapport", "bilagor"): _bilagor,
    ("Delarsrapport", "ovriga_arenden"): lambda p: (),
    ("Verksamhetsuppfoljning", "mal"): lambda p: p.med_och_utan(_klass("KfMal")),
    ("Delarsrapport", "period"): lambda p: _period(),
    ("Tjansteskrivelse", "forslag_till_beslut"): _ett_beslut,
    ("Sammanfattningsrad", "verksamhet"): lambda p: None,
    ("Sammanfattningsrad", "varav"): lambda p: (),
    ("EkonomiskUppfoljning", "avsnittsordning"): lambda p: (),
    ("Budgetfordelning", "omrade"): lambda p: p.driftbudgetrad,
    ("Uppdrag", "namndmal"): lambda p: (),
    ("Rubrik", "niva"): lambda p: 1,
    ("Tabellplats", "tabell"): lambda p: "uppdragsstatus",
    # A scale of 1–4: found as a table cell of its own (every other number is four digits).
    ("Risk", "sannolikhet"): lambda p: _med_sok(p, "Risk", "sannolikhet", 3, '"3"'),
    ("Risk", "konsekvens"): lambda p: _med_sok(p, "Risk", "konsekvens", 4, '"4"'),
    ("Riskniva", "fran"): lambda p: 1,
    ("TidigarePrognos", "manad"): lambda p: _med_sok(p, "TidigarePrognos", "manad", 3, "mars"),
    ("Nyckeltal", "intaktsetikett"): lambda p: _token_for(p, "Nyckeltal", "intaktsetikett"),
    ("Indikator", "enhet"): lambda p: next(iter(_indikatorenhet())),
    ("Dagordningspunkt", "arende"): lambda p: 1,
}


def _klass(namn: str) -> type:
    from delarsrapport._model import verksamhet

    return getattr(verksamhet, namn)  # type: ignore[no-any-return]


def _med_sok(p: _Prov, klass: str, falt: str, varde: object, sok: str) -> object:
    p.sok.setdefault((klass, falt), set()).add(sok)
    return varde


def _token_for(p: _Prov, klass: str, falt: str) -> str:
    token = p.token()
    p.sok.setdefault((klass, falt), set()).add(token)
    return token


def _indikatorenhet() -> Iterator[Enum]:
    from delarsrapport._model.status import Indikatorenhet

    yield Indikatorenhet.ANTAL


def _period() -> Any:
    from delarsrapport._model.period import Rapportperiod

    return Rapportperiod(ar=2031, slutmanad=8)


@cache
def provrapport() -> Provrapport:
    """The probe report, built once per process."""
    p = _Prov()
    rapport = p.bygg(Delarsrapport)
    # The period is printed in many words; its year is searched as itself.
    p.spara(type(rapport.period), "ar", "2031", varde=rapport.period.ar)
    return Provrapport(rapport, {k: frozenset(v) for k, v in p.sok.items()}, dict(p.ordval), dict(p.varden))


def _ordformer(inst: Installningar, varde: Enum) -> set[str]:
    """How a layout prints a vocabulary value: its word, or for an assessment also its
    sentence; a value the settings give no word is printed as the context's fallback."""
    from delarsrapport._context.prose import standardord

    former: set[str] = set()
    if isinstance(varde, Status):
        former.add(inst.status[varde].ord if varde in inst.status else varde.value)
    if isinstance(varde, Kontrollresultat):
        ord_ = inst.kontrollresultat.get(varde)
        former.add(ord_.ord if ord_ else standardord(varde.value))
    if isinstance(varde, Bedomning):
        from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR

        for niva in Malniva:
            bedomning = inst.bedomning.get(niva, {}).get(varde)
            if bedomning is None:
                former.add(standardord(varde.value))
            else:
                former |= {x for x in (bedomning.ord, bedomning.mening) if x}
            former.add(BEDOMNINGSMENINGAR[niva][varde])
    return {f.casefold() for f in former if f}
