"""How the shipped templates use the contract: which lists they loop as table rows, and
which ``belopp`` arguments they give each field (the Mallguide shows the same)."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Final

import attrs
from lxml import etree

from delarsrapport._context import GEMENSAMMA, KONTEXTER
from delarsrapport._designer.typer import ar_klass, element, falt, los, valfri
from delarsrapport._render.layout import INSTALLNINGSFIL, layout_katalog
from delarsrapport._render.wordxml import text

__all__ = ["FORSTA_LAYOUT", "Mallbruk", "layoutordning", "mallbruk"]

FORSTA_LAYOUT: Final = "uppsala"
"""The layout whose templates and settings the guide quotes first."""

_TAGG_RE: Final = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_FOR_RE: Final = re.compile(r"\{%-?\s*(tr|tc|p)?\s*for\s+(\w+)\s+in\s+([\w.]+)\s*-?%\}")
_BELOPP_RE: Final = re.compile(r"\{\{-?\s*([\w.]+)\s*\|\s*belopp\s*\(([^)]*)\)")
_TEXTDELAR: Final = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")


def layoutordning() -> list[Path]:
    """The shipped layouts, :data:`FORSTA_LAYOUT` first."""
    katalog = layout_katalog()
    mappar = sorted(p for p in katalog.iterdir() if (p / INSTALLNINGSFIL).is_file())
    return sorted(mappar, key=lambda p: p.name != FORSTA_LAYOUT)


def _malltexter(mall: Path) -> Iterator[str]:
    """The text of each part of a template (body, headers, footers) with tags joined up."""
    with zipfile.ZipFile(mall) as zf:
        for namn in sorted(zf.namelist()):
            if _TEXTDELAR.fullmatch(namn):
                yield text(etree.fromstring(zf.read(namn)))


@attrs.frozen
class Mallbruk:
    """How the shipped templates use the contract."""

    loopar: dict[type, Counter[str]]
    """Element class → how often each loop kind (``tr``, ``p``, ``tc``, ``""``) iterates over it."""
    belopp: dict[tuple[type, str], str]
    """(class, field) → the ``belopp`` arguments, with ``{o}`` where the owner is named."""
    belopp_klass: dict[type, str]
    """Class → the first ``belopp`` arguments used on any of its fields (for the others)."""


@cache
def mallbruk() -> Mallbruk:
    """What the tags of every shipped template say about the contract."""
    loopar: dict[type, Counter[str]] = {}
    belopp: dict[tuple[type, str], str] = {}
    belopp_klass: dict[type, str] = {}
    for mapp in layoutordning():
        for slag, variabler in KONTEXTER.items():
            mall = mapp / f"{slag}.docx"
            if not mall.is_file():
                continue
            rotter = {**GEMENSAMMA, **variabler}
            for malltext in _malltexter(mall):
                taggar = _TAGG_RE.findall(malltext)
                makroargument = _makroargument(taggar, rotter)
                omfang = _rotomfang(rotter)
                for tagg in taggar:
                    if m := _MAKRO_RE.match(tagg):
                        for i, param in enumerate(_parametrar(m.group(2))):
                            omfang[param] = tuple(makroargument.get((m.group(1), i), ()))
                    elif m := _FOR_RE.fullmatch(tagg):
                        typ, var, uttryck = m.groups()
                        klasser = _loopklasser(uttryck, omfang)
                        for k in klasser:
                            loopar.setdefault(k, Counter())[typ or ""] += 1
                        omfang[var] = klasser
                    elif m := _BELOPP_RE.match(tagg):
                        uttryck, argument = m.groups()
                        agare, _, namn = uttryck.rpartition(".")
                        agarklasser: tuple[object, ...] = (
                            (los(agare, omfang)[0],) if "." in agare else omfang.get(agare, ())
                        )
                        for agarklass in agarklasser:
                            if ar_klass(agarklass) and namn in dict(falt(agarklass)):
                                belopp.setdefault((agarklass, namn), _agare_ut(argument, agare))
                                belopp_klass.setdefault(agarklass, _agare_ut(argument, agare))
    return Mallbruk(loopar, belopp, belopp_klass)


_MAKRO_RE: Final = re.compile(r"\{%-?\s*(?:p\s+)?macro\s+(\w+)\s*\(([^)]*)\)")
_ANROP_RE: Final = re.compile(r"(?<![\w.])(\w+)\(([^()]*)\)")


def _rotomfang(rotter: dict[str, object]) -> dict[str, tuple[type, ...]]:
    omfang: dict[str, tuple[type, ...]] = {}
    for n, t in rotter.items():
        inre = valfri(t)[1]
        if isinstance(inre, type):
            omfang[n] = (inre,)
    return omfang


def _parametrar(text: str) -> list[str]:
    return [p.split("=", 1)[0].strip() for p in text.split(",") if p.strip()]


def _loopklasser(uttryck: str, omfang: dict[str, tuple[type, ...]]) -> tuple[type, ...]:
    """The classes a loop over *uttryck* goes through (several when its owner may be several)."""
    agare, _, falt_ = uttryck.partition(".")
    klasser: list[type] = []
    agarklasser: list[tuple[type, ...]] = [(k,) for k in omfang.get(agare, ())] if falt_ else [()]
    for agarklass in agarklasser:
        deltyp = {agare: agarklass} if agarklass else {}
        tp, namngivna = los(uttryck, {**omfang, **deltyp})
        elem = element(tp) if tp is not None else None
        for k in namngivna if elem is object else ((elem,) if ar_klass(elem) else ()):
            if isinstance(k, type) and k not in klasser:
                klasser.append(k)
    return tuple(klasser)


def _makroargument(taggar: list[str], rotter: dict[str, object]) -> dict[tuple[str, int], set[type]]:
    """For each macro of a part and each of its parameters, the classes its calls pass.

    A macro's body can call another with its own parameters, so the scan is repeated
    until nothing new is learnt.
    """
    makron = {m.group(1): _parametrar(m.group(2)) for t in taggar if (m := _MAKRO_RE.match(t))}
    argument: dict[tuple[str, int], set[type]] = {}
    if not makron:
        return argument
    for _ in range(len(makron) + 1):
        fore = {k: set(v) for k, v in argument.items()}
        omfang = _rotomfang(rotter)
        for tagg in taggar:
            if m := _MAKRO_RE.match(tagg):
                for i, param in enumerate(makron[m.group(1)]):
                    omfang[param] = tuple(argument.get((m.group(1), i), ()))
                continue
            if m := _FOR_RE.fullmatch(tagg):
                omfang[m.group(2)] = _loopklasser(m.group(3), omfang)
                continue
            for anrop in _ANROP_RE.finditer(tagg):
                if anrop.group(1) not in makron:
                    continue
                for i, arg in enumerate(_parametrar(anrop.group(2))):
                    klasser = omfang.get(arg, ()) if "." not in arg else (los(arg, omfang)[0],)
                    argument.setdefault((anrop.group(1), i), set()).update(
                        k for k in klasser if isinstance(k, type) and ar_klass(k)
                    )
        if argument == fore:
            break
    return argument


def _agare_ut(argument: str, agare: str) -> str:
    """*argument* with the owner's name replaced by ``{o}`` (``m.decimaler`` → ``{o}.decimaler``)."""
    return re.sub(rf"(?<![\w.]){re.escape(agare)}\.", "{o}.", argument.strip())
