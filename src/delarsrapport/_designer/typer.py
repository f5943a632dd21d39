"""The types of the designer contract: what a name in a template is, read from the view classes.

The view classes of :mod:`delarsrapport._context` are the designer contract, and
their annotations say what each field is. Both readers of the contract resolve types
here: the layout check (:mod:`delarsrapport._designer.kontrakt`), which infers the type of
every expression a template writes, and the Mallguide (:mod:`delarsrapport._docgen`),
which documents each field and follows the lists the shipped templates loop over.

Types are seen on two levels:

- annotations as the code writes them (``X | None``, ``tuple[X, ...]``, a class): the
  names a template can read on a class (:func:`medlemmar`, :func:`falt`) and the type of
  a dotted path (:func:`los`);
- :class:`Typ`, what the checker knows of a value (a class, a list of …, nothing, a loop
  variable, any view), made from an annotation by :func:`typ_av`, with the members of
  each (:func:`medlemstyper`) and its name in designer words (:func:`typnamn`).
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, Final, Literal, TypeGuard

import attrs

from delarsrapport import _context as _kontext
from delarsrapport._load.indatatyper import INDATATYPER
from delarsrapport._model.docstrings import field_docs
from delarsrapport._model.period import Rapportperiod

__all__ = [
    "FUNKTION",
    "HELTAL",
    "JANEJ",
    "OKAND",
    "ORD",
    "TEXT",
    "Medlem",
    "Medlemstyp",
    "Typ",
    "ar_klass",
    "ar_vy",
    "element",
    "falt",
    "los",
    "medlemmar",
    "medlemstyper",
    "namngivna_klasser",
    "typ_av",
    "typnamn",
    "valfri",
    "vyer",
]

#: The simple types of the contract in designer words: (the type, the type with its article).
#: They are the input's leaf types as :data:`~delarsrapport._load.indatatyper.INDATATYPER`
#: names them for designers, and ``float``, which only a filter's argument can be.
ORD: Final[Mapping[object, tuple[str, str]]] = {
    **{rad.typ: rad.mallnamn for rad in INDATATYPER if rad.mallnamn is not None},
    float: ("tal", "ett tal"),
}


# -- annotations ---------------------------------------------------------------------------------


def valfri(annotation: object) -> tuple[bool, object]:
    """``(True, X)`` for ``X | None``, else ``(False, annotation)``."""
    args = typing.get_args(annotation)
    union = typing.get_origin(annotation) in (types.UnionType, typing.Union)
    if union and types.NoneType in args and len(args) == 2:
        return True, next(a for a in args if a is not types.NoneType)
    return False, annotation


def element(annotation: object) -> object | None:
    """``X`` for a list of X (``tuple[X, ...]``, ``list[X]``, ``Sequence[X]``), else None."""
    origin = typing.get_origin(annotation)
    args: tuple[object, ...] = typing.get_args(annotation)
    if origin is tuple:
        return args[0] if len(args) == 2 and args[1] is Ellipsis else None
    if origin in (list, Sequence, Iterable) and len(args) == 1:
        return args[0]
    return None


def ar_klass(tp: object) -> TypeGuard[type]:
    """Whether *tp* is a class with fields (an attrs class): a view or a settings group."""
    return isinstance(tp, type) and attrs.has(tp)


_KONTEXTSTEG: Final = "delarsrapport._context."
"""The package whose modules define the view classes."""


@cache
def vyer() -> Mapping[str, type]:
    """The view classes of the designer contract, by name."""
    return {namn: v for namn, v in vars(_kontext).items() if ar_klass(v) and ar_vy(v)}


def ar_vy(cls: type) -> bool:
    """Whether *cls* is a view class of the contract (defined in the context stage, with
    Swedish docstrings for designers)."""
    return cls.__module__.startswith(_KONTEXTSTEG)


# -- the names a template can read on a class ----------------------------------------------------


@attrs.frozen
class Medlem:
    """A name a template can read on a value: a field, a property or a method."""

    namn: str
    annotation: object
    """Its type; a method's return type."""
    metod: bool
    """Whether a template calls it, with ``()``."""


def _metoder(annotationer: Mapping[str, object]) -> tuple[Medlem, ...]:
    return tuple(Medlem(namn, a, metod=True) for namn, a in annotationer.items())


#: The methods of a text that a template may call (the sandbox allows them), with their results.
_TEXTMETODER: Final[Mapping[str, object]] = {
    **dict.fromkeys(
        ("capitalize", "center", "ljust", "lower", "lstrip", "replace", "rjust", "rstrip", "strip"), str
    ),
    **dict.fromkeys(("title", "upper", "zfill"), str),
    **dict.fromkeys(("endswith", "isalpha", "isdigit", "startswith"), bool),
    **dict.fromkeys(("count", "find"), int),
    "split": tuple[str, ...],
    "splitlines": tuple[str, ...],
}

#: What a template may read on a date.
_DATUMMEDLEMMAR: Final = (
    Medlem("year", int, metod=False),
    Medlem("month", int, metod=False),
    Medlem("day", int, metod=False),
    *_metoder({"isoformat": str, "weekday": int, "isoweekday": int}),
)


@cache
def medlemmar(klass: type) -> tuple[Medlem, ...]:
    """Fields, properties and methods a template may use on a value of *klass*, in order:
    the fields, then what the class body defines."""
    if klass is str:
        return _metoder(_TEXTMETODER)
    if klass is date:
        return _DATUMMEDLEMMAR
    if klass in (int, bool, float, Decimal, types.NoneType):
        return ()
    ut: dict[str, Medlem] = {}
    if attrs.has(klass):
        hints = typing.get_type_hints(klass)
        for f in attrs.fields(klass):
            ut[f.name] = Medlem(f.name, hints.get(f.name, Any), metod=False)
    for k in reversed(klass.__mro__[:-1]):
        for namn, varde in vars(k).items():
            if namn.startswith("_") or namn in ut:
                continue
            if isinstance(varde, property) and varde.fget is not None:
                retur = typing.get_type_hints(varde.fget).get("return", Any)
                ut[namn] = Medlem(namn, retur, metod=False)
            elif inspect.isfunction(varde):
                ut[namn] = Medlem(namn, typing.get_type_hints(varde).get("return", Any), metod=True)
    return tuple(ut.values())


@cache
def falt(klass: type) -> tuple[tuple[str, object], ...]:
    """Every name a template reads (not calls) on *klass*, with its annotation: its fields,
    then its public properties."""
    return tuple((m.namn, m.annotation) for m in medlemmar(klass) if not m.metod)


_KLASSNAMN_RE: Final = re.compile(r"\b([A-Z]\w*Vy)\b")


def namngivna_klasser(doc: str) -> list[type]:
    """View classes a docstring names (``"raderna är StatsbidragsradVy"``): the rows of a
    field typed ``tuple[object, ...]``, which differ from table to table."""
    ut: list[type] = []
    for m in _KLASSNAMN_RE.finditer(doc):
        cls = vyer().get(m.group(1))
        if cls is not None and cls not in ut:
            ut.append(cls)
    return ut


def los(uttryck: str, omfang: Mapping[str, tuple[type, ...]]) -> tuple[object | None, tuple[type, ...]]:
    """The annotation of a dotted path (without ``| None``) and the classes the docstring of
    its last field names.

    *omfang* gives the candidate classes of each name in scope. Returns ``(None, ())`` when
    the path does not resolve.
    """
    forst, *resten = uttryck.split(".")
    kandidater: tuple[object, ...] = omfang.get(forst, ())
    namngivna: tuple[type, ...] = ()
    tp: object | None = kandidater[0] if len(kandidater) == 1 else None
    for del_ in resten:
        tp = None
        for k in kandidater:
            if ar_klass(k):
                typer = dict(falt(k))
                if del_ in typer:
                    tp = valfri(typer[del_])[1]
                    namngivna = tuple(namngivna_klasser(field_docs(k).get(del_, ""))) or namngivna
                    break
        if tp is None:
            return None, ()
        kandidater = (tp,)
    return tp, namngivna


# -- what the checker knows of a value -----------------------------------------------------------


@attrs.frozen
class Typ:
    """What the checker knows about a value in a template."""

    slag: Literal["okand", "klass", "lista", "inget", "funktion", "loop", "vilken"]
    klass: type | None = None
    element: Typ | None = None


OKAND: Final = Typ("okand")
FUNKTION: Final = Typ("funktion")
TEXT: Final = Typ("klass", str)
HELTAL: Final = Typ("klass", int)
JANEJ: Final = Typ("klass", bool)


@attrs.frozen
class Medlemstyp:
    """What the checker knows of a member: whether it is called, and its type."""

    metod: bool
    typ: Typ


def typ_av(annotation: object) -> Typ:
    """The checker's type for a type annotation of the contract."""
    if annotation is Any:
        return OKAND
    if annotation is object:
        return Typ("vilken")
    if annotation is types.NoneType:
        return Typ("inget")
    ar_valfri, inre = valfri(annotation)
    if ar_valfri:
        return typ_av(inre)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return OKAND
    if origin is Literal:
        return Typ("klass", type(args[0])) if args else OKAND
    elem = element(annotation)
    if elem is not None:
        return Typ("lista", element=typ_av(elem))
    if origin in (tuple, list, Sequence, Iterable):
        return Typ("lista", element=OKAND)
    if isinstance(annotation, type):
        return Typ("klass", annotation)
    return OKAND


@cache
def _klassens_medlemstyper(klass: type) -> dict[str, Medlemstyp]:
    return {m.namn: Medlemstyp(m.metod, typ_av(m.annotation)) for m in medlemmar(klass)}


@cache
def _alla_vyers_medlemstyper() -> dict[str, Medlemstyp]:
    """What any view of the contract has: for rows typed only as "object" in the contract."""
    samlat: dict[str, set[Medlemstyp]] = {}
    for vy in vyer().values():
        for namn, medlem in _klassens_medlemstyper(vy).items():
            samlat.setdefault(namn, set()).add(medlem)
    return {
        namn: (next(iter(m)) if len(m) == 1 else Medlemstyp(any(x.metod for x in m), OKAND))
        for namn, m in samlat.items()
    }


def _loopmedlemstyper(element: Typ) -> dict[str, Medlemstyp]:
    """Jinja's ``loop`` variable in a loop over elements of type *element*."""
    ut = {
        namn: Medlemstyp(False, HELTAL)
        for namn in ("index", "index0", "revindex", "revindex0", "length", "depth", "depth0")
    }
    ut.update({"first": Medlemstyp(False, JANEJ), "last": Medlemstyp(False, JANEJ)})
    ut.update({"previtem": Medlemstyp(False, element), "nextitem": Medlemstyp(False, element)})
    ut.update({"cycle": Medlemstyp(True, OKAND), "changed": Medlemstyp(True, JANEJ)})
    return ut


def medlemstyper(t: Typ) -> dict[str, Medlemstyp] | None:
    """What a value of type *t* has, or None when the checker cannot know."""
    if t.slag == "klass" and t.klass is not None:
        return _klassens_medlemstyper(t.klass)
    if t.slag in ("lista", "inget"):
        return {}
    if t.slag == "loop":
        return _loopmedlemstyper(t.element or OKAND)
    if t.slag == "vilken":
        return _alla_vyers_medlemstyper()
    return None


def typnamn(t: Typ) -> str:
    """The type as designers say it, with its article: "ett belopp", "en lista"."""
    if t.slag == "lista":
        return "en lista"
    if t.slag == "inget":
        return "inget värde"
    if t.slag != "klass" or t.klass is None:
        return "ett värde"
    if t.klass in ORD:
        return ORD[t.klass][1]
    if t.klass is Rapportperiod:
        return "en rapportperiod"
    return "en grupp av fält"
