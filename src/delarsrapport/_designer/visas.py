"""Which input fields a layout prints: measured by rendering the probe report.

The probe report (:mod:`~delarsrapport._designer.provrapport`) gives every input field a
value of its own. :func:`visade` renders it with a layout (with the combined handling's
cover, when the layout has one) and finds each field's value in what a reader sees: the
body, headers and footers, not the file's properties. A field is measured when it holds a
value of its own; fields that record what a source printed (``rapporterat``), the unit of
a table (``enhet``) and the fields in :data:`STYR`, which steer how something is written
or link parts of the input, are not. A measured field that no view of the designer
contract holds (:func:`vyplats` is None) cannot be printed by any template: the checks
use it, or the context computes something from it.

The same measurement makes the table in ``docs/indata.md`` and the layout check's
warnings about data a layout never shows (:mod:`~delarsrapport._designer.visas_inte`).
Each measurement is kept for the process, by the templates' bytes and the settings.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Final, get_args, get_type_hints

import attrs

from delarsrapport._designer.provrapport import Nyckel, ar_innehall, ordforrad, provrapport, rapporterat
from delarsrapport._load.converter import DELAR, POSTER
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.rapport import DOKUMENTSLAG, Delarsrapport, Dokumentdel
from delarsrapport._model.verksamhet import Malpost
from delarsrapport._render.layout import Installningar, load_layout

__all__ = ["STYR", "Vyplats", "dokumentslag", "matbara_falt", "modellklass", "visade", "vyplats"]

STYR: Final[dict[Nyckel, str]] = {
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


# -- the fields -----------------------------------------------------------------------------


def _ar_matbart(cls: type, falt: str, tp: Any) -> bool:
    if rapporterat(falt) or (cls.__name__, falt) in STYR or falt == "enhet":
        return False
    return ar_innehall(tp)


@cache
def _klasser() -> tuple[type, ...]:
    """The input classes, in the input reference's order, reached without going under
    ``rapporterat`` or a steering field."""
    from delarsrapport._docgen.indata import _classes

    nadda = _nadda(Delarsrapport, delar=True)
    return tuple(c for c in _classes() if c in nadda and c.__name__ not in _DELAR_AV_VARDE)


@cache
def matbara_falt() -> tuple[Nyckel, ...]:
    """Every measured input field as (class, field), in the input reference's order."""
    ut: list[Nyckel] = []
    for cls in _klasser():
        hints = get_type_hints(cls)
        ut += [
            (cls.__name__, f.name)
            for f in attrs.fields(cls)
            if f.init and _ar_matbart(cls, f.name, hints[f.name])
        ]
    return tuple(ut)


@cache
def modellklass(namn: str) -> type | None:
    """The input class named *namn*, or None."""
    return next((c for c in _klasser() if c.__name__ == namn), None)


# -- measuring a layout ---------------------------------------------------------------------


def _finns(former: frozenset[str], text: str) -> bool:
    """Whether one of *former* is in *text* as words of its own (not inside a longer word)."""
    return any(f in text and re.search(rf"(?<![\w]){re.escape(f)}(?![\w])", text) for f in former)


def _utan_langre_ord(text: str, former: frozenset[str], ord_: frozenset[str]) -> str:
    """*text* without the layout's longer vocabulary words that hold one of *former*: the
    word "Påbörjad" is not printed where "Ej påbörjad" is."""
    for langre in sorted(ord_ - former, key=len, reverse=True):
        if any(f in langre for f in former):
            text = text.replace(langre, "\0")
    return text


def _synlig_text(katalog: Path) -> str:
    """Everything a reader sees in the probe report rendered with the layout, in lower case."""
    from delarsrapport._render.render import render_bytes, render_forsattsblad
    from delarsrapport.testing import normalise

    layout = load_layout(katalog)
    rapport = provrapport().rapport
    dokument = [d.data for d in render_bytes(rapport, layout=layout)]
    # The cover of the combined handling, for a layout that has one, prints the agenda.
    forsattsblad = render_forsattsblad(rapport, layout)
    if forsattsblad is not None:
        dokument.append(forsattsblad)
    # What a reader sees: the body, headers and footers (not the file's properties).
    synligt = [{k: v for k, v in normalise(d).items() if k != "egenskaper"} for d in dokument]
    text = json.dumps(synligt, ensure_ascii=False)
    # A tab or line break next to a value (the agenda's "1<tab>Titel") is a space to a
    # reader; written as JSON it is "\t", whose "t" would join the value's word.
    for tecken in ("\\u00a0", "\xa0", "\\t", "\\n"):
        text = text.replace(tecken, " ")
    return text.casefold()


def _fingeravtryck(katalog: Path, inst: Installningar) -> str:
    """The templates' bytes and the settings that change what is rendered."""
    h = hashlib.sha256()
    for mall in sorted(katalog.glob("*.docx")):
        h.update(mall.name.encode() + b"\0" + mall.read_bytes() + b"\0")
    # The list of fields not shown changes nothing in the documents.
    h.update(repr(attrs.evolve(inst, visas_inte={})).encode())
    return h.hexdigest()


_MATNINGAR: dict[str, Mapping[Nyckel, bool]] = {}
_LAS: Final = threading.Lock()
_HOGST: Final = 32
"""Measurements kept per process (a layout check measures one layout)."""


def visade(katalog: Path) -> Mapping[Nyckel, bool]:
    """Per measured field (in :func:`matbara_falt` order), whether the layout in *katalog*
    prints it. The layout must render (its settings valid, no template with an error)."""
    layout = load_layout(katalog)
    nyckel = _fingeravtryck(layout.katalog, layout.installningar)
    with _LAS:
        kand = _MATNINGAR.get(nyckel)
    if kand is not None:
        return kand
    text = _synlig_text(layout.katalog)
    prov = provrapport()
    ord_ = ordforrad(layout.installningar)
    ut: dict[Nyckel, bool] = {}
    for falt in matbara_falt():
        former = prov.former(falt, layout.installningar)
        if not former:
            raise ValueError(f"provrapporten ger inget att söka efter för {falt[0]}.{falt[1]}")
        sok = _utan_langre_ord(text, former, ord_) if falt in prov.ordval else text
        ut[falt] = _finns(former, sok)
    with _LAS:
        if len(_MATNINGAR) >= _HOGST:
            _MATNINGAR.pop(next(iter(_MATNINGAR)))
        _MATNINGAR[nyckel] = ut
    return ut


# -- where a field belongs, and the variable that holds it ------------------------------------


def _nadda(rot: type, utom: frozenset[str] = frozenset(), *, delar: bool = False) -> set[type]:
    """The input classes reached from *rot*, not through its fields *utom*, ``rapporterat``
    or a steering field, and through a bilaga's parts only with *delar*."""
    nadda: set[type] = set()

    def besok(tp: Any, forsta: bool = False) -> None:
        if tp in (Dokumentdel, Malpost):
            barn = [*DELAR.values(), *POSTER.values()] if tp == Dokumentdel else list(POSTER.values())
            if tp == Malpost or delar:
                for c in barn:
                    besok(c)
            return
        if attrs.has(tp):
            if tp in nadda:
                return
            nadda.add(tp)
            for f, hint in get_type_hints(tp).items():
                if forsta and f in utom:
                    continue
                if f in attrs.fields_dict(tp) and not rapporterat(f) and (tp.__name__, f) not in STYR:
                    besok(hint)
            return
        for arg in get_args(tp):
            besok(arg)

    besok(rot, forsta=True)
    return nadda


@cache
def _slag_per_klass() -> Mapping[type, tuple[str, ...]]:
    from delarsrapport._model.organisation import Sammantrade
    from delarsrapport._model.rapport import Bilaga
    from delarsrapport._model.tjansteskrivelse import Tjansteskrivelse

    bilagor = tuple(DELAR)
    rotter: list[tuple[tuple[str, ...], set[type]]] = [
        (("tjansteskrivelse",), _nadda(Tjansteskrivelse)),
        *(((slag,), _nadda(cls)) for slag, cls in DELAR.items()),
        (("handlingar",), _nadda(Sammantrade)),
        (bilagor, _nadda(Bilaga)),
        (DOKUMENTSLAG, _nadda(Delarsrapport, frozenset({"tjansteskrivelse", "bilagor", "sammantrade"}))),
    ]
    ut: dict[type, tuple[str, ...]] = {}
    for cls in _klasser():
        slag = {s for slagen, klasser in rotter if cls in klasser for s in slagen}
        ut[cls] = tuple(s for s in (*DOKUMENTSLAG, "handlingar") if s in slag)
    return ut


def dokumentslag(klass: str) -> tuple[str, ...]:
    """The document kinds (template names without ``.docx``) whose documents the input class
    *klass* belongs to: its own kind, every bilaga's, or every kind for the report's heading
    data (kommun, nämnd, förvaltning, period)."""
    cls = modellklass(klass)
    return _slag_per_klass().get(cls, ()) if cls is not None else ()


@attrs.frozen
class Vyplats:
    """Where the designer contract holds an input field's value: a path from a variable of
    the document's context, or from a loop variable over a list of views."""

    slag: str
    """The document kind whose context has it."""
    bas: type | None
    """The view class a loop variable has, where the path starts; None: a context variable."""
    sokvag: tuple[str, ...]
    """The names from there (the first a context variable when *bas* is None)."""
    agare: type | None
    """The view class whose field holds the value (None: a context variable itself)."""

    def variabel(self) -> str:
        """The variable as the Mallguide writes it: ``ekonomi.sammanfattning.text_fore``, or
        ``rad.kod, inne i {%tr for rad in ekonomi.sammanfattning.rader %}``."""
        if self.bas is None:
            return ".".join(self.sokvag)
        from delarsrapport._docgen.klasser import Karta

        klass = _karta(Karta).klasser.get(self.bas)
        if klass is None:
            return ".".join((self.bas.__name__, *self.sokvag))
        plats = klass.platser[0]
        text = ".".join((plats.uttryck, *self.sokvag))
        return text if plats.loop is None else f"{text}, inne i {plats.loop}"


@cache
def _karta(karta: type) -> Any:
    return karta()


@cache
def _vyplatser() -> Mapping[Nyckel, Vyplats]:
    """Each measured field → where the contract holds its value, found by building the
    probe report's contexts (with default settings) and looking for each value in them."""
    from delarsrapport._context import bygg_handlingar, bygg_kontext
    from delarsrapport._designer import typer
    from delarsrapport._render.layout import installningar_fran

    prov = provrapport()
    inst = installningar_fran({"namn": "Prov"})
    rapport = prov.rapport
    arende = rapport.arenden[0]
    kontexter: list[tuple[str, dict[str, object]]] = [
        ("tjansteskrivelse", bygg_kontext(rapport, arende, 1, inst))
    ]
    for bilaga in arende.bilagor:
        for del_ in bilaga.delar:
            kontexter.append((del_.kind, bygg_kontext(rapport, arende, 1, inst, bilaga=bilaga, del_=del_)))
    kontexter.append(("handlingar", bygg_handlingar(rapport, inst)))

    falt = matbara_falt()
    former: dict[str, set[Nyckel]] = {}
    for f in falt:
        ord_ = prov.ordval.get(f)
        # A status or assessment is found by its value in the model (``status.varde``).
        for form in (ord_.value,) if ord_ is not None else prov.sok.get(f, ()):
            former.setdefault(form, set()).add(f)
    varden: dict[object, set[Nyckel]] = {}
    for f in falt:
        if f in prov.varden:
            varden.setdefault(prov.varden[f], set()).add(f)
    monster = re.compile(
        r"(?<![\w])(" + "|".join(re.escape(f) for f in sorted(former, key=len, reverse=True)) + r")(?![\w])"
    )

    # The best place: in the field's own document, holding the value itself (not in a
    # sentence), under the input field's name; else the first found.
    traffar: dict[Nyckel, list[tuple[bool, bool, bool, Vyplats]]] = {}

    def traff(nycklar: set[Nyckel], exakt: bool, plats: Vyplats) -> None:
        for n in nycklar:
            egen = plats.slag in _slag_per_klass().get(modellklass(n[0]) or object, ())
            traffar.setdefault(n, []).append((not egen, not exakt, plats.sokvag[-1] != n[1], plats))

    def text(s: str, plats: Vyplats) -> None:
        s = s.replace("\xa0", " ").casefold()
        for kandidat in (s, json.dumps(s, ensure_ascii=False)):
            if kandidat in former:
                traff(former[kandidat], True, plats)
        for m in monster.finditer(s):
            traff(former[m.group(1)], False, plats)

    def besok(varde: object, plats: Vyplats, djup: int) -> None:
        if varde is None or isinstance(varde, bool) or djup > 20:
            return
        if isinstance(varde, str):
            text(varde, plats)
        elif isinstance(varde, (Belopp, date, int, Decimal)):
            if varde in varden:
                traff(varden[varde], True, plats)
            if isinstance(varde, (int, Decimal)):
                text(str(varde), plats)
        elif isinstance(varde, (tuple, list)):
            if varde and all(type(b).__name__ == "Block" for b in varde):
                text("\n".join(_blocktext(b) for b in varde), plats)
                return
            for v in varde:
                # A view in a list is a loop variable: its path starts again.
                ny = Vyplats(plats.slag, type(v), (), None) if attrs.has(type(v)) else plats
                besok(v, ny, djup + 1)
        elif attrs.has(type(varde)):
            vy: type = type(varde)
            for namn, _tp in typer.falt(vy):
                ny = Vyplats(plats.slag, plats.bas, (*plats.sokvag, namn), vy)
                besok(getattr(varde, namn), ny, djup + 1)

    for slag, kontext in kontexter:
        for namn, varde in kontext.items():
            besok(varde, Vyplats(slag, None, (namn,), None), 0)
    return {n: _ord_i_stallet(min(t, key=lambda x: x[:3])[3]) for n, t in traffar.items()}


def _blocktext(block: Any) -> str:
    return "\n".join([block.text, *block.punkter, *("\t".join(r) for r in block.tabell)])


def _ord_i_stallet(plats: Vyplats) -> Vyplats:
    """A status, result or assessment is found by its ``varde``; a template prints its ``ord``."""
    if plats.sokvag[-1] == "varde" and plats.agare is not None and "ord" in attrs.fields_dict(plats.agare):
        return attrs.evolve(plats, sokvag=(*plats.sokvag[:-1], "ord"))
    return plats


def vyplats(nyckel: Nyckel) -> Vyplats | None:
    """Where the contract holds the input field's value, or None when no view does."""
    return _vyplatser().get(nyckel)
