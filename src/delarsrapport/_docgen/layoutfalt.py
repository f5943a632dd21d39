"""Which input fields each shipped layout prints: the table in ``docs/indata.md``.

The table is measured, not written: a probe report gives every input field a value of
its own (a token in a text, an amount, a date or a number that occurs nowhere else), it is
rendered with each shipped layout (with the cover of the combined handling, where the
layout has one), and a field is printed by a layout when its value is found in the
documents. Statuses, assessments and control results are found by the
layout's word for a value only that field has. Fields that steer how something is
written (a unit, a goal level, a yes/no) or that link parts of the input are listed
apart. ``python -m delarsrapport._docgen.layoutfalt docs`` writes the section into
``docs/indata.md`` between its two markers.
"""

from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal, Union, get_args, get_origin, get_type_hints

import attrs

from delarsrapport._docgen.mallbruk import layoutordning
from delarsrapport._load.converter import DELAR, POSTER
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.organisation import Diarienummer
from delarsrapport._model.rapport import Delarsrapport, Dokumentdel
from delarsrapport._model.status import Bedomning, Kontrollresultat, Malniva, Status
from delarsrapport._model.text import Stycke, Text
from delarsrapport._model.verksamhet import Malpost, Matning, Matvarde
from delarsrapport._render.layout import Installningar, load_layout
from delarsrapport._render.render import render_bytes, render_forsattsblad
from delarsrapport.formatting import format_belopp, format_datum, format_tal
from delarsrapport.testing import normalise

__all__ = ["BORJAN", "SLUT", "Falt", "main", "markdown", "provrapport", "utskrivna"]

BORJAN: Final = "<!-- layoutfält: början (genererad av python -m delarsrapport._docgen.layoutfalt docs) -->"
SLUT: Final = "<!-- layoutfält: slut -->"

#: Fields that steer how something is written, or link parts of the input; never a value of its own.
STYR: Final[dict[tuple[str, str], str]] = {
    ("Sammanfattningstabell", "avrundade_indata"): "säger att raderna är avrundade (decimaler och kontroll)",
    ("Sammanfattningsrad", "verksamhet"): "kopplar raden till verksamhetens detaljtabell",
    ("EkonomiskUppfoljning", "avsnittsordning"): "ordningen på avsnitten",
    ("Budgetfordelning", "omrade"): "kopplar fördelningen till driftbudgetens rad",
    ("Verksamhetsuppfoljning", "malniva"): "vad målen heter (inriktningsmål, fokusmål …)",
    ("Verksamhetsuppfoljning", "typ"): "uppföljning eller plan",
    ("Namndmal", "kommungemensamt"): "etiketten Kommungemensamt nämndmål",
    ("Rapportering", "typ"): "etiketten (KS-beslut, Tillkommande uppdrag …)",
    ("Rapportering", "ks_beslut"): "etiketten KS-beslut",
    ("Indikator", "enhet"): "andel (procent) eller antal",
    ("Indikator", "utan_trend"): "vilken indikatortabell",
    ("Nyckeltal", "volymtyp"): "antal decimaler",
    ("ProcessAtgard", "avslutad"): "åtgärdens status",
    ("Beslutssats", "verb"): "beslutssatsens verb",
    ("Beslutssats", "presens"): "verbet i hela meningar",
    ("Beslutssats", "bilaga"): "'enligt ärendets bilaga N'",
    ("Beslutssats", "belopp"): "beloppet som sätts in",
    ("Rapportperiod", "startmanad"): "periodens första månad",
    ("Rapportperiod", "slutmanad"): "periodens sista månad",
    ("Rubrik", "niva"): "rubriknivån",
    ("Tabellplats", "tabell"): "vilken tabell som står i texten",
    ("Riskniva", "fran"): "gränsen för nivån",
    ("Matning", "etikett"): "utfallets etikett (T1, T2, T3), som väljer kolumn",
    ("Delarsrapport", "ovriga_arenden"): "fler ärenden till samma sammanträde, skrivs ut som det första",
    ("Dagordningspunkt", "arende"): "kopplar punkten till ett av rapportens ärenden, vars rubrik blir titeln",
}
"""(class, field) → what it steers, for the fields that steer rather than print."""

#: Classes whose fields are the parts of a value printed whole (a date, a number).
_DELAR_AV_VARDE: Final = frozenset(
    {"Diarienummer", "Stycke", "Rubrik", "Punktlista", "Tabellplats", "Diagram", "Serie"}
)


@attrs.frozen
class Falt:
    """One input field and the layouts that print it."""

    klass: str
    falt: str
    layouter: tuple[bool, ...]
    """Per shipped layout (in :func:`layoutordning`), whether it prints the field."""


def _valfri(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _ar_innehall(tp: Any) -> bool:
    """A field that holds a value of its own (not a part or list of parts of the model)."""
    tp = _valfri(tp)
    if tp == Text or tp is Diarienummer:
        return True
    if get_origin(tp) is tuple:
        return not attrs.has(get_args(tp)[0]) and get_args(tp)[0] not in (Dokumentdel, Malpost, Matning)
    return not attrs.has(tp) and tp not in (Dokumentdel, Malpost)


class _Prov:
    """Builds the probe report: every field a value of its own, and how to find it printed."""

    def __init__(self) -> None:
        self.n = 0
        self.sok: dict[tuple[str, str], set[str]] = {}
        self.statusar: Iterator[Enum] = iter(Status)
        self.bedomningar: Iterator[Enum] = iter(Bedomning)
        self.resultat: Iterator[Enum] = iter(Kontrollresultat)
        self.ordval: dict[tuple[str, str], Enum] = {}
        self.bilaga = 0
        self.driftbudgetrad = ""

    def nasta(self) -> int:
        self.n += 1
        return self.n

    def spara(self, cls: type, falt: str, *former: str) -> None:
        self.sok.setdefault((cls.__name__, falt), set()).update(f.casefold() for f in former)

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
            if _rapporterat(f.name):
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
        tp = _valfri(tp)
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
            self.spara(cls, falt, token)
            return token
        if tp is bool:
            return True
        if tp is int:
            tal = 9100 + self.nasta()
            self.spara(cls, falt, str(tal), format_tal(tal).replace("\xa0", " "))
            return tal
        if tp is date:
            d = date(2031, 1, 1) + timedelta(days=7 * self.nasta())
            self.spara(cls, falt, *(format_datum(d, stil) for stil in _DATUMSTILAR))
            return d
        if tp is Belopp:
            belopp = Belopp.from_enhet(Decimal(20000 + 37 * self.nasta()), enhet)
            former = {format_belopp(belopp, enhet=enhet, decimaler=d).replace("\xa0", " ") for d in (0, 1)}
            self.spara(cls, falt, *former)
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
        self.spara(cls, falt, format_tal(tal).replace("\xa0", " "))
        return Matvarde(Decimal(tal))

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
    from delarsrapport._model.rapport import Bilaga

    bilagor = []
    for nummer, kind in enumerate(DELAR, start=1):
        b = p.bygg(Bilaga)
        p.spara(Bilaga, "nummer", f"bilaga {nummer}")
        bilagor.append(attrs.evolve(b, nummer=nummer, delar=(p.bygg(DELAR[kind]),)))
    return tuple(bilagor)


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
def provrapport() -> tuple[Delarsrapport, dict[tuple[str, str], frozenset[str]], dict[tuple[str, str], Enum]]:
    """The probe report, what to search for each field, and the vocabulary value each was given."""
    p = _Prov()
    rapport = p.bygg(Delarsrapport)
    # The period is printed in many words; its year is searched as itself.
    p.spara(type(rapport.period), "ar", "2031")
    return rapport, {k: frozenset(v) for k, v in p.sok.items()}, p.ordval


def _ordformer(inst: Installningar, klass: str, varde: Enum) -> set[str]:
    """How a layout prints a vocabulary value: its word, or for an assessment also its sentence."""
    former: set[str] = set()
    if isinstance(varde, Status) and varde in inst.status:
        former.add(inst.status[varde].ord)
    if isinstance(varde, Kontrollresultat) and varde in inst.kontrollresultat:
        former.add(inst.kontrollresultat[varde].ord)
    if isinstance(varde, Bedomning):
        from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR

        for niva in Malniva:
            ord_ = inst.bedomning.get(niva, {}).get(varde)
            former |= {x for x in (ord_.ord if ord_ else None, ord_.mening if ord_ else None) if x}
            former.add(BEDOMNINGSMENINGAR[niva][varde])
    return {f.casefold() for f in former if f}


@cache
def utskrivna() -> tuple[tuple[str, ...], tuple[Falt, ...]]:
    """The shipped layouts' names, and every input field with the layouts that print it."""
    rapport, sok, ordval = provrapport()
    mappar = layoutordning()
    texter = []
    for mapp in mappar:
        dokument = [d.data for d in render_bytes(rapport, layout=mapp)]
        # The cover of the combined handling, for a layout that has one, prints the agenda.
        forsattsblad = render_forsattsblad(rapport, load_layout(mapp))
        if forsattsblad is not None:
            dokument.append(forsattsblad)
        # What a reader sees: the body, headers and footers (not the file's properties).
        synligt = [{k: v for k, v in normalise(d).items() if k != "egenskaper"} for d in dokument]
        text = json.dumps(synligt, ensure_ascii=False)
        # A tab or line break next to a value (the agenda's "1<tab>Titel") is a space to a
        # reader; written as JSON it is "\t", whose "t" would join the value's word.
        for tecken in ("\\u00a0", "\xa0", "\\t", "\\n"):
            text = text.replace(tecken, " ")
        texter.append(text.casefold())
    installningar = [load_layout(m).installningar for m in mappar]
    falt: list[Falt] = []
    for cls in _klasser():
        hints = get_type_hints(cls)
        for f in attrs.fields(cls):
            if not f.init or _rapporterat(f.name):
                continue
            nyckel = (cls.__name__, f.name)
            if nyckel in STYR or f.name == "enhet" or not _ar_innehall(hints[f.name]):
                continue
            if nyckel in ordval:
                per_layout = [_ordformer(inst, cls.__name__, ordval[nyckel]) for inst in installningar]
            else:
                per_layout = [set(sok.get(nyckel, ()))] * len(mappar)
            if not any(per_layout):
                raise ValueError(f"provrapporten ger inget att söka efter för {cls.__name__}.{f.name}")
            falt.append(
                Falt(
                    cls.__name__,
                    f.name,
                    tuple(_finns(former, t) for former, t in zip(per_layout, texter, strict=True)),
                )
            )
    return tuple(m.name for m in mappar), tuple(falt)


def _finns(former: set[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(f)}(?![\w])", text) for f in former)


def _klasser() -> list[type]:
    """The input classes, in the reference's order, reached without going under ``rapporterat``."""
    from delarsrapport._docgen.indata import _classes

    nadda: set[type] = set()

    def besok(tp: Any) -> None:
        if tp in (Dokumentdel, Malpost):
            for c in (*DELAR.values(), *POSTER.values()) if tp == Dokumentdel else POSTER.values():
                besok(c)
            return
        if attrs.has(tp):
            if tp in nadda:
                return
            nadda.add(tp)
            for f, hint in get_type_hints(tp).items():
                if f in attrs.fields_dict(tp) and not _rapporterat(f) and (tp.__name__, f) not in STYR:
                    besok(hint)
            return
        for arg in get_args(tp):
            besok(arg)

    besok(Delarsrapport)
    return [c for c in _classes() if c in nadda and c.__name__ not in _DELAR_AV_VARDE]


def _rapporterat(falt: str) -> bool:
    """A field that records what a source printed (never printed itself)."""
    return falt.startswith("rapporterat") or falt.endswith("_rapporterat")


def markdown() -> str:
    """The section of ``docs/indata.md`` between :data:`BORJAN` and :data:`SLUT`."""
    layouter, falt = utskrivna()
    lines = [
        BORJAN,
        "",
        "Tabellen är uppmätt: en provrapport där varje fält har ett eget värde skrivs ut med",
        "varje layout, och ett fält räknas som utskrivet när dess värde syns i dokumenten.",
        "Fält under `rapporterat` skrivs aldrig ut. Klasser där alla tre layouterna skriver",
        "ut alla fält står efter tabellen.",
        "",
        "| Fält | " + " | ".join(layouter) + " |",
        "|---|" + "---|" * len(layouter),
    ]
    alla: list[str] = []
    klasser: dict[str, list[Falt]] = {}
    for f in falt:
        klasser.setdefault(f.klass, []).append(f)
    for klass, rader in klasser.items():
        if all(all(f.layouter) for f in rader):
            alla.append(klass)
            continue
        for f in rader:
            celler = " | ".join("ja" if x else "**nej**" for x in f.layouter)
            lines.append(f"| `{klass}.{f.falt}` | {celler} |")
    lines += [
        "",
        "Alla fält skrivs ut av alla tre layouterna i: " + ", ".join(f"`{k}`" for k in alla) + ".",
        "",
        "Fält som styr hur något skrivs, eller kopplar ihop delar av indata, och därför inte",
        "syns som ett eget värde: "
        + "; ".join(f"`{k}.{f}` ({vad})" for (k, f), vad in STYR.items())
        + "; och `enhet` i varje tabell (beloppens enhet).",
        "",
        SLUT,
    ]
    return "\n".join(lines)


def med_tabell(text: str) -> str:
    """*text* (``docs/indata.md``) with its generated section replaced by :func:`markdown`."""
    start, slut = text.index(BORJAN), text.index(SLUT) + len(SLUT)
    return text[:start] + markdown() + text[slut:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the generated section of ``indata.md`` in the folder given (default ``docs``)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "docs") / "indata.md"
    path.write_text(med_tabell(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
