"""Every string of the model is checked once, when the object is built: a character a .docx
cannot hold is refused at construction, and a str subclass is stored as a plain str."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any, get_type_hints

import attrs
import pytest
from markupsafe import Markup

from delarsrapport import ModelTypeError, _model, load
from delarsrapport._model.organisation import Kommun, Namnd, Person
from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.text import Punktlista, TextError
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport._render.render import render_bytes
from delarsrapport.testing import normalise

ROOT = Path(__file__).resolve().parents[1]
TEXTTYPER = (str, str | None, str | Tom | None, tuple[str, ...])


def _modellklasser() -> list[type]:
    klasser: list[type] = []
    for info in pkgutil.iter_modules(_model.__path__, f"{_model.__name__}."):
        modul = importlib.import_module(info.name)
        klasser += [
            v
            for v in vars(modul).values()
            if isinstance(v, type) and attrs.has(v) and v.__module__ == modul.__name__
        ]
    return klasser


def _textfalt() -> list[tuple[type, attrs.Attribute[Any]]]:
    out = []
    for cls in _modellklasser():
        hints = get_type_hints(cls)
        out += [(cls, f) for f in attrs.fields(cls) if hints[f.name] in TEXTTYPER]
    return out


def test_every_text_field_of_the_model_has_the_check() -> None:
    """Each str, str | None and tuple[str, ...] field of a model class converts its value."""
    falt = _textfalt()
    assert len(falt) > 80  # the walk found the model
    assert [f"{cls.__name__}.{f.name}" for cls, f in falt if f.converter is None] == []


@pytest.mark.parametrize(
    ("bygg", "tecken"),
    [
        (lambda: Kommun(namn="Uppsala\x07kommun"), "U+0007 (BEL)"),
        (lambda: Kommun(namn="Uppsala kommun", webb="www.\x1buppsala.se"), "U+001B (ESC)"),
        (lambda: Person(fornamn="Thomas", efternamn="F\x00ldt"), "U+0000 (NUL)"),
        (lambda: Punktlista(punkter=("rad ett", "rad\x0btvå")), "U+000B (vertikal tabb"),
        (lambda: Beslutssats(verb="godkänna", objekt="rapporten\ufffe"), "U+FFFE"),
    ],
)
def test_a_model_object_with_a_control_character_is_refused_when_built(bygg: Any, tecken: str) -> None:
    with pytest.raises(TextError) as info:
        bygg()
    assert f"otillåtet tecken {tecken}" in str(info.value)


def test_line_endings_are_normalised_when_built() -> None:
    assert Kommun(namn="rad ett\r\nrad två\rslut").namn == "rad ett\nrad två\nslut"


def test_a_str_subclass_is_stored_as_a_plain_str() -> None:
    """markupsafe.Markup would pass a template's autoescaping; the model keeps only its text."""
    namnd = Namnd(namn=Markup("<b>x</b>"), forkortning=Markup("SCN"))
    assert type(namnd.namn) is str
    assert namnd.namn == "<b>x</b>"
    assert type(Punktlista(punkter=(Markup("<i>y</i>"),)).punkter[0]) is str


def test_text_that_is_not_a_string_is_refused() -> None:
    """The class, the field, the type expected and the value given, when the object is built."""
    with pytest.raises(ModelTypeError, match=r"^Kommun\.namn: förväntade str \(text\), fick int 7$"):
        Kommun(namn=7)  # type: ignore[arg-type]
    with pytest.raises(
        ModelTypeError, match=r"^Punktlista\.punkter: förväntade tuple av str \(text\), fick str 'en rad'$"
    ):
        Punktlista(punkter="en rad")  # type: ignore[arg-type]
    with pytest.raises(TextError, match=r"^Kommun\.webb: otillåtet tecken U\+0007"):
        Kommun(namn="Uppsala kommun", webb="a\x07")


def test_markup_in_a_name_renders_as_its_literal_text() -> None:
    """Autoescaping applies: the name prints as "<b>x</b>", not as a bold x."""
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    rapport = attrs.evolve(rapport, namnd=attrs.evolve(rapport.namnd, namn=Markup("<b>x</b>")))
    data = normalise(render_bytes(rapport, layout="uppsala")[0].data)
    sidhuvud = [rad for del_ in data["sidhuvuden"].values() for rad in del_]  # type: ignore[union-attr]
    assert "<b>x</b>" in sidhuvud
    assert "Normal: <b>x</b> beslutar" in data["innehall"]  # type: ignore[operator]
