"""``delarsrapport.model``: every class a report is built from, public, and each field checking
the type of its value when an object is built."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
import pytest

import delarsrapport.model as m
from delarsrapport import ModelTypeError, load
from delarsrapport._docgen.indata import _classes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def test_every_class_of_the_input_is_public() -> None:
    """Each class a report file can hold is in delarsrapport.model, under its own name."""
    missing = [cls.__name__ for cls in _classes() if getattr(m, cls.__name__, None) is not cls]
    assert missing == []
    assert all(hasattr(m, name) for name in m.__all__)


def test_the_vocabularies_are_public() -> None:
    """Every enum a field of the model takes can be imported from delarsrapport.model."""
    enums = {
        tp
        for cls in _classes()
        for tp in attrs.resolve_types(cls).__annotations__.values()
        for tp in _members(tp)
        if isinstance(tp, type) and issubclass(tp, Enum)
    }
    assert {e.__name__ for e in enums} <= set(m.__all__)


def _members(tp: Any) -> Iterator[Any]:
    yield tp
    for arg in getattr(tp, "__args__", ()):
        yield from _members(arg)


class _Fel:
    """A value no field of the model takes."""

    def __repr__(self) -> str:
        return "_Fel()"


def _objekt(value: object, seen: dict[type, object]) -> None:
    if attrs.has(type(value)):
        seen.setdefault(type(value), value)
        for f in attrs.fields(type(value)):
            _objekt(getattr(value, f.name), seen)
    elif isinstance(value, (tuple, list, frozenset)):
        for item in value:
            _objekt(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            _objekt(item, seen)


def _forsta_objekt() -> dict[type, object]:
    seen: dict[type, object] = {}
    for sample in SAMPLES:
        _objekt(load(sample), seen)
    return seen


FORSTA = _forsta_objekt()


@pytest.mark.parametrize("cls", sorted(FORSTA, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_every_field_refuses_a_wrong_type_when_built(cls: type) -> None:
    """For each field of each class the samples hold: an object built with a wrong value in
    that field (and valid values in the others) raises ModelTypeError naming both."""
    obj = FORSTA[cls]
    for field in attrs.fields(cls):
        if not field.init:
            continue
        with pytest.raises(ModelTypeError) as info:
            attrs.evolve(obj, **{field.alias: _Fel()})  # type: ignore[misc]
        assert (info.value.cls_name, info.value.field, info.value.value) == (
            cls.__name__,
            field.name,
            "_Fel _Fel()",
        )
        assert str(info.value).startswith(f"{cls.__name__}.{field.name}: förväntade ")


def test_the_samples_reach_most_of_the_model() -> None:
    """The test above sees nearly every class of the input (the rest have no sample yet)."""
    assert len(FORSTA) >= 80


BELOPP = m.Belopp.from_tkr(1)


@pytest.mark.parametrize(
    ("bygg", "meddelande"),
    [
        (
            lambda: m.Sjukolumner(utfall_period=-2114),
            "Sjukolumner.utfall_period: förväntade Belopp eller None, fick int -2114; "
            "bygg beloppet i tabellens enhet, t.ex. Belopp.from_tkr(Decimal('-2114'))",
        ),
        (
            lambda: m.Verksamhetstabell(konton=[], kommunbidrag=m.Sjukolumner()),
            "Verksamhetstabell.konton: förväntade tuple av Kontorad, fick list []; "
            "ge en tuple (…) i stället för en lista",
        ),
        (
            lambda: m.Verksamhetstabell(
                konton=(m.Kontorad(namn="a", belopp=m.Sjukolumner()), "b"), kommunbidrag=m.Sjukolumner()
            ),
            "Verksamhetstabell.konton[1]: förväntade Kontorad, fick str 'b'",
        ),
        (
            lambda: m.Atgard(text="x", status="klar"),
            "Atgard.status: förväntade Status eller None, fick str 'klar'; "
            "ge en medlem av Status, t.ex. Status.EJ_PABORJAD",
        ),
        (
            lambda: m.Indikator(namn="x", enhet=m.Indikatorenhet.ANDEL, kvinnor=0.5),
            "Indikator.kvinnor: förväntade Matvarde (Decimal) eller None, fick float 0.5",
        ),
        (
            lambda: m.Rapportperiod(ar=True, slutmanad=8),
            "Rapportperiod.ar: förväntade int (heltal), fick bool True",
        ),
        (
            lambda: m.Sammantrade(datum=datetime.datetime(2020, 9, 18, 9, 0)),
            "Sammantrade.datum: förväntade datetime.date, fick datetime datetime.datetime(2020, 9, 18, 9, 0)",
        ),
        (
            lambda: m.Verksamhetstabell(konton=(), kommunbidrag=m.Sjukolumner(), enhet="kkr"),
            "Verksamhetstabell.enhet: förväntade en av 'kr', 'tkr', 'mnkr', fick str 'kkr'",
        ),
        (
            lambda: m.Tjansteskrivelse(
                rubrik="r",
                datum=datetime.date(2020, 9, 18),
                handlaggare=(),
                forslag_till_beslut=(),
                undertecknare=(),
                arendet=(m.Stycke("a"), "b"),
            ),
            "Tjansteskrivelse.arendet[1]: förväntade Stycke, Rubrik, Punktlista, Tabellplats eller "
            "Diagram, fick str 'b'",
        ),
        (
            lambda: m.RapporteratVerksamhet(mal_per_bedomning={m.Bedomning.HELT_UPPFYLLT: "3"}),
            "RapporteratVerksamhet.mal_per_bedomning[<Bedomning.HELT_UPPFYLLT: 'helt_uppfyllt'>]: "
            "förväntade int (heltal), fick str '3'",
        ),
        (
            lambda: m.Nyckeltal(
                rubrik="r",
                volymtyp=m.Volymtyp.VARDDYGN,
                totala_kostnader=BELOPP,
                ovriga_intakter=BELOPP,
                volym=Decimal(5),
                volymetikett="v",
                kvotetikett="k",
            ),
            "Nyckeltal.volym: förväntade int (heltal), fick Decimal Decimal('5')",
        ),
    ],
)
def test_the_message_names_class_field_expected_and_given(bygg: Any, meddelande: str) -> None:
    with pytest.raises(ModelTypeError) as info:
        bygg()
    assert str(info.value) == meddelande


def test_a_model_type_error_is_a_type_error_and_a_delarsrapport_error() -> None:
    """Existing ``except TypeError`` keeps working; ``except DelarsrapportError`` catches it too."""
    from delarsrapport import DelarsrapportError

    assert issubclass(ModelTypeError, TypeError)
    assert issubclass(ModelTypeError, DelarsrapportError)


def test_right_types_and_their_subclasses_are_taken() -> None:
    """An int subclass for an int field and None for an optional one are fine; a bool is not an int."""

    class Antal(int):
        pass

    assert m.Rapportperiod(ar=Antal(2020), slutmanad=8).ar == 2020
    assert m.Kontorad(namn="a", belopp=m.Sjukolumner(), kod=None).kod is None
