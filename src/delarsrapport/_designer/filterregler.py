"""The filters of the designer contract: which a template may use, and what each accepts.

delarsrapport's own filters (:data:`~delarsrapport._render.filters.FILTERNAMN` and
``stycken``) are checked against their signatures: the arguments, the constant choices of
a ``Literal`` parameter, and the kind of value the filter formats. Of Jinja's built-in
filters a template may use the harmless text and list helpers; the ones that bypass
escaping are refused.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cache
from typing import Any, Final, Literal, NamedTuple

from jinja2 import nodes

from delarsrapport._check.koder import Severity
from delarsrapport._context import Block
from delarsrapport._designer.fynd import Mallkod, menade
from delarsrapport._designer.typer import HELTAL, OKAND, TEXT, Typ, typnamn
from delarsrapport._render.filters import FILTERNAMN
from delarsrapport._render.sandbox import INBYGGDA_FILTER

__all__ = [
    "EGNA_FILTER",
    "OSAKRA_FILTER",
    "TILLATNA_INBYGGDA_FILTER",
    "Brist",
    "filterargument",
    "inbyggd_typ",
    "nyckelord",
]

#: The Jinja built-in filters a template may use besides delarsrapport's own: the ones
#: the render environment has (harmless text and list helpers), so that the contract and
#: the engine cannot disagree.
TILLATNA_INBYGGDA_FILTER: Final = INBYGGDA_FILTER

#: The built-in filters a template must not use, with why (the layout check's message).
OSAKRA_FILTER: Final[Mapping[str, str]] = {
    "safe": "filtret safe stänger av escapingen, så att text kan bryta dokumentets XML",
    "urlize": "filtret urlize skriver HTML-länkar, som inte hör hemma i ett Word-dokument",
}

#: delarsrapport's own filters, checked against their signatures.
EGNA_FILTER: Final = (*FILTERNAMN, "stycken")

_F: Final = Severity.FEL
_V: Final = Severity.VARNING


class Brist(NamedTuple):
    """A problem with a filter in a template, for the finding at its tag."""

    kod: Mallkod
    severity: Severity
    meddelande: str
    atgard: str


def nyckelord(nod: nodes.Filter | nodes.Test) -> list[nodes.Keyword]:
    """The keyword arguments of a filter or test."""
    # Jinja's annotation says Pair; the parser puts Keyword nodes there.
    return typing.cast("list[nodes.Keyword]", nod.kwargs)


def inbyggd_typ(namn: str, typ: Typ) -> Typ:
    """The type of what the allowed built-in filter *namn* gives for a value of type *typ*."""
    if namn in ("length", "count", "int"):
        return HELTAL
    if namn in ("first", "last"):
        return (typ.element or OKAND) if typ.slag == "lista" else OKAND
    if namn in ("default", "d"):
        return typ
    if namn == "round":
        return OKAND
    return TEXT


def filterargument(
    nod: nodes.Filter, funktion: Callable[..., object], typ: Typ, sokvag: str
) -> Iterator[Brist]:
    """What is wrong with a filter of ours in a template: its arguments, constant choices and
    the kind of value (of type *typ*, at the path *sokvag*) it formats."""
    if nod.dyn_args is not None or nod.dyn_kwargs is not None:
        return
    signatur = _signatur(funktion)
    try:
        bundet = signatur.bind(None, *nod.args, **{kw.key: kw.value for kw in nyckelord(nod)})
    except TypeError as exc:
        namn = list(signatur.parameters)[1:]
        yield Brist(
            Mallkod.MALL_FILTERARGUMENT,
            _F,
            f"filtret {nod.name} får fel argument: {_argumentfel(str(exc))}",
            f"filtret {nod.name} tar argumenten "
            + (", ".join(namn) if namn else "(inga)")
            + "; se docs/mallguide.md",
        )
        return
    hints = _hints(funktion)
    parametrar = list(signatur.parameters)
    for pnamn, varde in bundet.arguments.items():
        if pnamn == parametrar[0] or not isinstance(varde, nodes.Const):
            continue
        val = _literalval(hints.get(pnamn))
        if val is not None and varde.value not in val:
            yield Brist(
                Mallkod.MALL_FILTERARGUMENT,
                _F,
                f"filtret {nod.name} har inget val {varde.value!r} för {pnamn}"
                + (menade(varde.value, [str(v) for v in val]) if isinstance(varde.value, str) else ""),
                f"använd ett av valen för {pnamn}: " + ", ".join(repr(v) for v in val),
            )
    onskat = _amnestyp(nod.name, hints.get(parametrar[0]))
    if onskat is None or typ.slag in ("okand", "funktion", "vilken", "loop"):
        return
    if typ.slag == "lista" and "lista" in onskat:
        yield from _listelement(nod, typ.element or OKAND, sokvag)
        return
    passar = (
        typ.slag == "klass"
        and typ.klass is not None
        and any(issubclass(typ.klass, k) for k in onskat if isinstance(k, type))
    )
    if typ.slag == "inget" and type(None) in onskat:
        passar = True
    if not passar:
        yield Brist(
            Mallkod.MALL_FILTERARGUMENT,
            _F,
            f"filtret {nod.name} formaterar {_onskat_namn(onskat)}, men {sokvag or 'värdet'} är "
            f"{typnamn(typ)}",
            "använd filtret på ett värde av rätt slag; se docs/mallguide.md för fälten och deras typer",
        )


def _listelement(nod: nodes.Filter, element: Typ, sokvag: str) -> Iterator[Brist]:
    """stycken and som_text need löptext; lista writes each element as text."""
    if element.slag != "klass" or element.klass is None:
        return
    if nod.name in ("stycken", "som_text") and element.klass is not Block:
        yield Brist(
            Mallkod.MALL_FILTERARGUMENT,
            _F,
            f"filtret {nod.name} skriver löptext, men {sokvag or 'värdet'} är en lista av "
            f"{typnamn(element)}, inte löptext",
            "använd filtret lista för en lista av texter, eller gå igenom listan med {% for %}",
        )
    elif nod.name == "lista" and element.klass not in (str, int, Decimal):
        yield Brist(
            Mallkod.MALL_FILTERARGUMENT,
            _V,
            f"filtret lista skriver varje element som text, men elementen i {sokvag or 'listan'} är "
            f"{typnamn(element)} och blir Python-text",
            "gå igenom listan med {% for x in … %} och skriv ut fälten, eller använd filtret stycken "
            "för löptext",
        )


@cache
def _signatur(funktion: Callable[..., object]) -> inspect.Signature:
    return inspect.signature(funktion)


@cache
def _hints(funktion: Callable[..., object]) -> Mapping[str, object]:
    try:
        return typing.get_type_hints(funktion)
    except Exception:  # a filter without resolvable annotations: nothing to check against
        return {}


def _literalval(annotation: object) -> tuple[object, ...] | None:
    """The allowed constants of a Literal annotation (or Literal | None), else None."""
    if annotation is None:
        return None
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        val: list[object] = []
        for a in typing.get_args(annotation):
            if a is type(None):
                val.append(None)
            elif typing.get_origin(a) is Literal:
                val.extend(typing.get_args(a))
            else:
                return None
        return tuple(val)
    return None


def _amnestyp(filternamn: str, annotation: object) -> tuple[object, ...] | None:
    """What the value a filter formats may be: classes, None, or "lista"; None when anything goes."""
    if filternamn == "stycken":
        return ("lista",)
    if annotation is None or annotation is Any or annotation is str:
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation) if origin in (typing.Union, types.UnionType) else (annotation,)
    ut: list[object] = []
    for a in args:
        o = typing.get_origin(a)
        if o in (Iterable, Sequence, tuple, list):
            ut.append("lista")
        elif isinstance(a, type):
            ut.append(a)
        else:
            return None
    return tuple(ut)


def _onskat_namn(onskat: tuple[object, ...]) -> str:
    delar = []
    for k in onskat:
        if k == "lista":
            delar.append("en lista")
        elif isinstance(k, type) and k is not type(None):
            delar.append(typnamn(Typ("klass", k)))
    return " eller ".join(dict.fromkeys(delar))


def _argumentfel(text: str) -> str:
    m = re.search(r"unexpected keyword argument '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} finns inte"
    if "too many positional arguments" in text:
        return "för många argument"
    m = re.search(r"multiple values for argument '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} anges två gånger"
    m = re.search(r"missing a required argument: '(\w+)'", text)
    if m:
        return f"argumentet {m.group(1)!r} saknas"
    return text
