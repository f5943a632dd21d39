"""Each model field checks the type of its value when an object is built.

A model object built in Python (rather than loaded) could otherwise hold an ``int`` where
a :class:`~delarsrapport.model.Belopp` belongs, or a list where a tuple does, and fail
much later, deep in a check or a render, with a bare ``TypeError``. :func:`field_check`
makes the validator :func:`~delarsrapport._model.text.check_text_fields` gives every
field: it reads the field's annotation once, on first use, compiles it to a cheap test,
and raises :class:`~delarsrapport.ModelTypeError` naming the class, the field, the type
expected and the value given.

The loader builds the model too; its values have the right types already, so the test is
a few ``isinstance`` calls per field.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import NoneType, UnionType
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from delarsrapport._errors import ModelTypeError
from delarsrapport._model.belopp import Belopp

__all__ = ["field_check"]

_Test = Callable[[object], bool]


def field_check(owner: type, name: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """The validator that checks field *name* of the model class *owner* against its annotation.

    The annotation is read and compiled on the first call, when the module that declares
    the class (and every class it names) has been imported.
    """
    test: _Test | None = None
    annotation: object = None

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        nonlocal test, annotation
        if test is None:
            annotation = typing.get_type_hints(owner)[name]
            test = _compile(annotation)
        if not test(value):
            suffix, tp, given = _diagnose(annotation, value)
            raise ModelTypeError(
                cls_name=owner.__name__,
                field=name + suffix,
                expected=_describe(tp),
                value=_given(given),
                hint=_hint(tp, given),
            )

    return check


# -- compiling an annotation to a test ------------------------------------------------------


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_str(value: object) -> bool:
    return isinstance(value, str) and not isinstance(value, Enum)


# Classes whose test is more than isinstance: a bool is an int to Python, a datetime is a
# date, and a status (a StrEnum) is a str, none of which the model means.
_SPECIAL: Final[dict[object, _Test]] = {int: _is_int, date: _is_date, str: _is_str}


def _union_members(tp: object) -> tuple[object, ...] | None:
    return get_args(tp) if get_origin(tp) in (UnionType, typing.Union) else None


def _compile(tp: object) -> _Test:
    """A function that says whether a value fits the annotation *tp*.

    The usual case is one C-level call: the exact type of the value in a set (a text
    field's converter has already made any ``str`` a plain one), or ``isinstance`` with a
    tuple of classes; the careful test runs only when that says no.
    """
    supertype = getattr(tp, "__supertype__", None)  # a NewType such as Matvarde
    if supertype is not None:
        return _compile(supertype)
    if tp is Any or tp is object:
        return lambda _: True
    origin = get_origin(tp)
    if origin is Literal:
        choices = get_args(tp)
        return lambda v: type(v) in (str, int) and v in choices
    if origin in (tuple, frozenset):
        container = tuple if origin is tuple else frozenset
        item_tp = get_args(tp)[0]
        item = _compile(item_tp)
        return lambda v: isinstance(v, container) and all(map(item, v))
    if origin is dict:
        key, val = (_compile(a) for a in get_args(tp))
        return lambda v: isinstance(v, dict) and all(key(k) and val(x) for k, x in v.items())
    exact, plain = _fast(tp)
    if exact is not None and plain is not None:
        careful = _careful(tp)
        if exact == {NoneType}:
            return lambda v: v is None or isinstance(v, plain)
        if not exact:
            return lambda v: isinstance(v, plain)
        return lambda v: type(v) in exact or isinstance(v, plain) or careful(v)
    members = _union_members(tp)
    if members is None:
        raise TypeError(f"ingen typkontroll för annoteringen {tp!r}")
    tests = tuple(_compile(m) for m in members if m is not NoneType)
    if NoneType in members:
        return lambda v: v is None or any(t(v) for t in tests)
    return lambda v: any(t(v) for t in tests)


def _fast(tp: object) -> tuple[frozenset[type] | None, tuple[type, ...] | None]:
    """For a class or a union of classes: the types a value may be exactly (int, str, date,
    None) and the classes it may be an instance of; ``(None, None)`` for anything else."""
    exact: set[type] = set()
    plain: list[type] = []
    for member in _classes(tp):
        member = getattr(member, "__supertype__", member)
        if member is None or member is NoneType:
            exact.add(NoneType)
        elif member in _SPECIAL:
            exact.add(member)  # type: ignore[arg-type]
        elif isinstance(member, type) and get_origin(member) is None:
            plain.append(member)
        else:
            return None, None
    return frozenset(exact), tuple(plain)


def _careful(tp: object) -> _Test:
    """The test after the fast one said no: an int, str or date subclass that the model
    takes (not a bool, a status or a datetime)."""
    tests = tuple(_SPECIAL[m] for m in _classes(tp) if m in _SPECIAL)
    return lambda v: any(t(v) for t in tests)


# -- saying what was wrong ------------------------------------------------------------------


def _describe(tp: object) -> str:
    """The annotation *tp* in the words of a message: ``Belopp eller None``, ``tuple av Kontorad``."""
    supertype = getattr(tp, "__supertype__", None)
    if supertype is not None:
        return f"{tp.__name__} ({_describe(supertype)})"  # type: ignore[attr-defined]
    if tp is None or tp is NoneType:
        return "None"
    members = _union_members(tp)
    if members is not None:
        namn = [_describe(m) for m in members]
        return namn[0] if len(namn) == 1 else f"{', '.join(namn[:-1])} eller {namn[-1]}"
    origin = get_origin(tp)
    if origin is Literal:
        return "en av " + ", ".join(repr(a) for a in get_args(tp))
    if origin is tuple:
        return f"tuple av {_describe(get_args(tp)[0])}"
    if origin is frozenset:
        return f"frozenset av {_describe(get_args(tp)[0])}"
    if origin is dict:
        key, val = get_args(tp)
        return f"dict {_describe(key)} → {_describe(val)}"
    names = {str: "str (text)", int: "int (heltal)", bool: "bool", date: "datetime.date"}
    if tp in names:
        return names[tp]
    return getattr(tp, "__name__", repr(tp))


def _given(value: object) -> str:
    text = repr(value)
    if len(text) > 60:
        text = text[:56] + "…" + text[-3:]
    return f"{type(value).__name__} {text}"


def _diagnose(tp: object, value: object) -> tuple[str, object, object]:
    """Where inside the value the mismatch is (``[2]`` for an item of a tuple), the annotation
    expected there and the value given there."""
    origin = get_origin(tp)
    members = _union_members(tp)
    if members is not None:
        # ``tuple[X, ...] | None`` given a tuple: the wrong item is the interesting part.
        containers = [m for m in members if get_origin(m) in (tuple, frozenset, dict)]
        if len(containers) == 1 and isinstance(value, (tuple, frozenset, dict)):
            return _diagnose(containers[0], value)
        return "", tp, value
    if origin is tuple and isinstance(value, tuple):
        item_tp = get_args(tp)[0]
        test = _compile(item_tp)
        for index, item in enumerate(value):
            if not test(item):
                suffix, inner_tp, given = _diagnose(item_tp, item)
                return f"[{index}]{suffix}", inner_tp, given
    if origin is dict and isinstance(value, dict):
        key_tp, val_tp = get_args(tp)
        for k, v in value.items():
            if not _compile(key_tp)(k):
                return f" (nyckeln {k!r})", key_tp, k
            if not _compile(val_tp)(v):
                suffix, inner_tp, given = _diagnose(val_tp, v)
                return f"[{k!r}]{suffix}", inner_tp, given
    return "", tp, value


def _classes(tp: object) -> list[object]:
    """The annotation *tp*, or each member of a union."""
    members = _union_members(tp)
    return list(members) if members is not None else [tp]


def _hint(tp: object, value: object) -> str | None:
    """What to do about the most common mistakes, or None."""
    classes = _classes(tp)
    if Belopp in classes and isinstance(value, (int, Decimal, str, float)):
        return "bygg beloppet i tabellens enhet, t.ex. Belopp.from_tkr(Decimal('-2114'))"
    if isinstance(value, list) and any(get_origin(c) in (tuple, frozenset) for c in classes):
        return "ge en tuple (…) i stället för en lista"
    enums = [c for c in classes if isinstance(c, type) and issubclass(c, Enum)]
    if isinstance(value, str) and enums:
        first = next(iter(enums[0]))
        return f"ge en medlem av {enums[0].__name__}, t.ex. {enums[0].__name__}.{first.name}"
    return None
