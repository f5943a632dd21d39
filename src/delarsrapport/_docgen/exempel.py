"""Example values for the Mallguide, from the samples in ``samples/``.

The samples are turned into template contexts with
:func:`~delarsrapport._context.bygg_kontext`, and each example the guide shows is
the output of its very snippet, rendered with the layout's filters.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Final

import attrs
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from delarsrapport._context import bygg_handlingar, bygg_kontext
from delarsrapport._designer.typer import falt
from delarsrapport._docgen.mallbruk import layoutordning
from delarsrapport._load import load
from delarsrapport._render.filters import make_filters
from delarsrapport._render.layout import load_layout

__all__ = ["SAMPLES", "Exempel", "exempel", "jinja", "kontexter", "rendera"]


def _samples() -> Path:
    """The samples the examples are taken from: those the installed package carries
    (``delarsrapport/samples``, so ``delarsrapport docs mallguide`` works anywhere), the
    source tree's ``samples`` next to ``src``, or ``samples`` in the working directory."""
    here = Path(__file__).resolve()
    for kandidat in (here.parents[1] / "samples", here.parents[3] / "samples"):
        if kandidat.is_dir():
            return kandidat
    return Path.cwd() / "samples"


SAMPLES: Final = _samples()

_FORSTA_EXEMPEL: Final = "uppsala-socialnamnden-2020-08.yaml"
"""The sample examples come from first (the one the tutorial renders); then the others."""


@attrs.frozen
class Exempel:
    """A value found in the samples."""

    varde: object
    agare: object
    """The object the value was read from (None for a top-level variable)."""


def kontexter() -> Iterator[tuple[str, dict[str, object]]]:
    """Every context of every sample: (document kind, context), the main sample first."""
    filer = sorted(SAMPLES.glob("*.yaml"), key=lambda p: (p.name != _FORSTA_EXEMPEL, p.name))
    if not filer:
        raise FileNotFoundError(f"mallguiden tar sina exempel ur {SAMPLES}, men där finns inga exempel")
    layouter = {load_layout(p).installningar.namn: load_layout(p).installningar for p in layoutordning()}
    standard = load_layout(layoutordning()[0]).installningar
    for fil in filer:
        rapport = load(fil)
        inst = layouter.get(rapport.kommun.namn, standard)
        for nummer, arende in enumerate(rapport.arenden, start=1):
            yield "tjansteskrivelse", bygg_kontext(rapport, arende, nummer, inst)
            for bilaga in arende.bilagor:
                for del_ in bilaga.delar:
                    yield del_.kind, bygg_kontext(rapport, arende, nummer, inst, bilaga=bilaga, del_=del_)
        yield "handlingar", bygg_handlingar(rapport, inst)


@cache
def exempel() -> dict[tuple[type | None, str], Exempel]:
    """(class, name) → the first value found in the samples: the first true one (a non-empty
    text or list, a non-zero amount, ``True``), else the first that is not None."""
    hittat: dict[tuple[type | None, str], Exempel] = {}

    def spara(nyckel: tuple[type | None, str], varde: object, agare: object) -> None:
        tidigare = hittat.get(nyckel)
        if varde is None or (tidigare is not None and (bool(tidigare.varde) or not varde)):
            return
        hittat[nyckel] = Exempel(varde, agare)

    def besok(obj: object) -> None:
        if isinstance(obj, tuple):
            for x in obj:
                besok(x)
            return
        cls = type(obj)
        if not attrs.has(cls):
            return
        faltnamn = {f.name for f in attrs.fields(cls)}
        for namn, _ in falt(cls):
            varde = getattr(obj, namn)
            spara((cls, namn), varde, obj)
            if namn in faltnamn:
                besok(varde)

    for _slag, kontext in kontexter():
        for namn, varde in kontext.items():
            spara((None, namn), varde, None)
            besok(varde)
    return hittat


@cache
def jinja() -> ImmutableSandboxedEnvironment:
    """A plain environment with the layout's filters, to compute examples as text."""
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    env.filters.update(make_filters(load_layout(layoutordning()[0]).installningar.talstil))
    return env


def rendera(mallkod: str, **varden: object) -> str:
    """*mallkod* rendered with *varden*, in :func:`jinja`."""
    return jinja().from_string(mallkod).render(**varden)
