"""Macros (byggblock) in the contract check: a call's arguments, the body checked with
their types, and where a macro's output may stand.

A macro defined with ``{%p macro namn(x) %}`` … ``{%p endmacro %}`` writes paragraphs and
tables; it is checked where it is called (:func:`anropa`), with the types of the call's
arguments, once per distinct set of them (:func:`granska_kropp`), and its call must stand
in a paragraph of its own (:func:`utskrift`). The functions act on the
:class:`~delarsrapport._designer.kontrakt.Kontraktsgranskare` that walks the part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from jinja2 import nodes

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallkod, kort
from delarsrapport._designer.taggar import Tagg
from delarsrapport._designer.typer import FUNKTION, OKAND, Typ

if TYPE_CHECKING:
    from delarsrapport._designer.kontrakt import Kontraktsgranskare

__all__ = ["Bunden", "Makro", "anropa", "granska_kropp", "utskrift"]

_F: Final = Severity.FEL


@dataclass
class Bunden:
    """A name in scope: its type, and what it is, for messages."""

    typ: Typ
    ursprung: str | None = None
    """What the name is, for messages: "ett element i ekonomi.sammanfattning.rader" for a
    loop variable, "m i anropet {{p uppfoljning(m, 3) }}" for a macro's argument."""


@dataclass
class Makro:
    """A macro as defined: its node, the level of its tag ("p" or "") and the scope it sees."""

    nod: nodes.Macro
    niva: str
    ramar: list[dict[str, Bunden]]


def anropa(g: Kontraktsgranskare, nod: nodes.Call, namn: str, argument: list[tuple[Typ, str]]) -> None:
    """A call of a macro of this part: the arguments against its parameters, and its body
    checked with their types (once per distinct set of types)."""
    makro = g.makron[namn]
    parametrar = [a.name for a in makro.nod.args]
    utan_standard = len(parametrar) - len(makro.nod.defaults)
    givna = len(argument) + len([kw for kw in nod.kwargs if kw.key in parametrar])
    okanda = [kw.key for kw in nod.kwargs if kw.key not in parametrar]
    signatur = f"{namn}({', '.join(parametrar)})"
    if len(argument) > len(parametrar) or okanda or givna < utan_standard:
        vad = f"argumentet {okanda[0]!r} finns inte" if okanda else f"anropet ger {givna} argument"
        g.fynd(
            Mallkod.MALL_MAKRO,
            _F,
            nod,
            f"byggblocket {signatur} tar {len(parametrar)} argument, men {vad}",
            f"anropa byggblocket som {signatur}, med ett värde för varje argument i den ordningen",
        )
    typer = [t for t, _ in argument][: len(parametrar)]
    sokvagar: list[str | None] = [s or None for _, s in argument][: len(parametrar)]
    for kw in nod.kwargs:
        if kw.key in parametrar[len(typer) :]:
            i = parametrar.index(kw.key)
            while len(typer) <= i:
                typer.append(OKAND)
                sokvagar.append(None)
            typer[i], sokvag = g.uttryck(kw.value)
            sokvagar[i] = sokvag or None
    typer += [OKAND] * (len(parametrar) - len(typer))
    sokvagar += [None] * (len(parametrar) - len(sokvagar))
    tagg = g.tagg(nod)
    anrop = kort(tagg.visning, 50) if tagg else f"{namn}(…)"
    if (namn, tuple(typer)) in g.granskade or namn in g.aktiva:
        return
    granska_kropp(g, namn, makro, typer, [f"{s} i anropet {anrop}" if s else None for s in sokvagar])


def granska_kropp(
    g: Kontraktsgranskare, namn: str, makro: Makro, typer: list[Typ], ursprung: list[str | None]
) -> None:
    """The body of macro *namn* with its parameters bound to *typer*."""
    g.granskade.add((namn, tuple(typer)))
    g.aktiva.append(namn)
    sparade = g.ramar
    g.ramar = [*makro.ramar, {n: Bunden(FUNKTION) for n in ("caller", "varargs", "kwargs")}]
    for arg, typ, varifran in zip(makro.nod.args, typer, ursprung, strict=False):
        g.bind(arg, typ, varifran)
    try:
        g.satser(makro.nod.body)
    finally:
        g.ramar = sparade
        g.aktiva.pop()


def utskrift(g: Kontraktsgranskare, uttryck: nodes.Call, namn: str, tagg: Tagg | None) -> None:
    """A macro's output goes where it fits: paragraphs and tables in a paragraph of
    their own, text inside the text."""
    if tagg is None:
        return
    makro = g.makron[namn]
    if makro.niva == "p" and tagg.niva != "p":
        g.fynd(
            Mallkod.MALL_MAKRO,
            _F,
            uttryck,
            f"byggblocket {namn} skriver hela stycken och tabeller ({{%p macro %}}), men "
            f"{kort(tagg.visning)} står inne i texten",
            f"skriv anropet som {{{{p {namn}(…) }}}}, ensamt i ett eget stycke",
        )
    elif makro.niva != "p" and tagg.niva == "p":
        g.fynd(
            Mallkod.MALL_MAKRO,
            _F,
            uttryck,
            f"byggblocket {namn} skriver text inne i ett stycke, men {kort(tagg.visning)} ersätter "
            "ett helt stycke",
            f"skriv anropet som {{{{ {namn}(…) }}}} inne i texten, eller definiera byggblocket med "
            "{%p macro … %} i egna stycken",
        )
