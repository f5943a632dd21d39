"""The sandbox templates render in, with bounds on the work a template may ask for.

Templates come from designers, not programmers, and may come from anywhere a layout
folder can come from. Jinja's immutable sandbox keeps them from running code or
changing objects; it does not bound time or memory (``'x' * 10**9``, ``9**(9**9)``,
loops inside loops). The bounds here close that:

- every ``{% for %}`` is fed through :func:`_arbetssteg`, which counts the items all
  loops of a render take and stops the render past :data:`MAX_STEG` items or
  :data:`MAX_TID` seconds, so even loops that write nothing end;
- ``*`` may not build a string or list longer than :data:`MAX_LANGD`, ``**`` may not
  raise to more than :data:`MAX_EXPONENT`;
- a call (``x.ljust(n)``) or filter may not take a number larger than :data:`MAX_TAL`,
  and ``replace`` may not grow a text past :data:`MAX_LANGD`;
- Jinja's global helpers (``range``, ``lipsum``, ``cycler``, …) are not there: the designer
  contract has no use for them, and ``range`` and ``lipsum`` make work from nothing;
- of Jinja's own filters only the harmless text and list helpers of
  :data:`INBYGGDA_FILTER` are there.

Each bound is a :class:`jinja2.exceptions.SecurityError`, which the engine reports as a
:class:`~delarsrapport.TemplateError` naming the template, part and paragraph. The budget
of a render lives in a context variable, so threads rendering at once do not share it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from typing import Any, Final

import attrs
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod

__all__ = [
    "INBYGGDA_FILTER",
    "MAX_EXPONENT",
    "MAX_LANGD",
    "MAX_STEG",
    "MAX_TAL",
    "MAX_TID",
    "Sandbox",
    "arbetsbudget",
]

#: Items all loops of one render may take together. The largest real report loops over a
#: few thousand rows; a designer's table of 100 000 rows takes about a million.
MAX_STEG: Final = 50_000_000
#: Seconds one render may take.
MAX_TID: Final = 120.0
#: The longest text or list ``*`` or ``replace`` may build.
MAX_LANGD: Final = 100_000
#: The largest exponent of ``**``.
MAX_EXPONENT: Final = 64
#: The largest number a call or filter may take as an argument.
MAX_TAL: Final = 1_000_000

#: The Jinja built-in filters templates have besides delarsrapport's own: text and list
#: helpers that cannot make more work than their input.
INBYGGDA_FILTER: Final = (
    "capitalize",
    "count",
    "d",
    "default",
    "e",
    "escape",
    "first",
    "int",
    "join",
    "last",
    "length",
    "lower",
    "replace",
    "round",
    "string",
    "title",
    "trim",
    "upper",
)


@attrs.define
class _Budget:
    steg: int
    slut: float


_BUDGET: ContextVar[_Budget | None] = ContextVar("delarsrapport_budget", default=None)


@contextmanager
def arbetsbudget() -> Iterator[None]:
    """Give the renders inside a fresh budget of loop items and time."""
    token = _BUDGET.set(_Budget(0, time.monotonic() + MAX_TID))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _arbetssteg(items: Iterable[Any]) -> Iterator[Any]:
    """The items of a ``{% for %}``, counted against the render's budget."""
    budget = _BUDGET.get()
    for item in items:
        if budget is not None:
            budget.steg += 1
            if budget.steg % 1024 == 0:
                if budget.steg > MAX_STEG:
                    raise SecurityError(
                        f"mallens loopar har gått igenom fler än {MAX_STEG:,} värden; "
                        "en loop i en loop över stora listor?".replace(",", " ")
                    )
                if time.monotonic() > budget.slut:
                    raise SecurityError(f"mallen har arbetat i mer än {MAX_TID:.0f} sekunder")
        yield item


def _for_loopar(tree: nodes.Template) -> nodes.Template:
    for loop in tree.find_all(nodes.For):
        loop.iter = nodes.Call(nodes.Name("_arbetssteg", "load"), [loop.iter], [], None, None)
    return tree


def _stort(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_TAL


def _begransad_replace(filter_: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(filter_)
    def replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> Any:
        text, gammal, ny = str(s), str(old), str(new)
        if len(text) + text.count(gammal) * max(len(ny) - len(gammal), 0) > MAX_LANGD * 10:
            raise SecurityError(f"replace skulle göra en text längre än {MAX_LANGD * 10} tecken")
        return filter_(eval_ctx, s, old, new, count)

    return replace


@cache
def _kontraktets_typer() -> frozenset[type]:
    """The classes a template reads attributes of: the views, amounts and the period.

    All are frozen attrs classes of this package: no attribute of theirs is internal to
    Python or changes a mutable object, which is what the sandbox checks for each access.
    """
    from delarsrapport import _context

    vyer = {v for v in vars(_context).values() if isinstance(v, type) and attrs.has(v)}
    return frozenset({*vyer, Belopp, Rapportperiod})


class Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with bounds on work, and a short way for the contract's classes.

    A report renders tens of thousands of attribute reads (``rad.kommunbidrag``). For an
    instance of a class of the designer contract a public attribute is safe by
    construction, so its read skips the general checks; everything else (strings, lists,
    anything a template builds) goes through the sandbox's checks as before.
    """

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.clear()
        self.globals["_arbetssteg"] = _arbetssteg
        self.filters = {n: f for n, f in self.filters.items() if n in INBYGGDA_FILTER}
        self.filters["replace"] = _begransad_replace(self.filters["replace"])

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Whether a template may read *attr* of *obj*."""
        if type(obj) in _kontraktets_typer() and not attr.startswith("_"):
            return True
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*`` and ``**`` within bounds; any other operator as Jinja does it."""
        if operator == "**" and isinstance(right, int) and right > MAX_EXPONENT and left not in (0, 1, -1):
            raise SecurityError(f"exponenten {right} är större än {MAX_EXPONENT}")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_LANGD:
                    raise SecurityError(f"* skulle bygga något längre än {MAX_LANGD} tecken eller värden")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from a template, with no number larger than :data:`MAX_TAL` as argument."""
        if any(_stort(a) for a in (*args, *kwargs.values())):
            raise SecurityError(f"ett tal större än {MAX_TAL} som argument")
        return super().call(__context, __obj, *args, **kwargs)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None, **kw: Any) -> Any:  # type: ignore[override]
        """Jinja's compile, with every loop counted against the render's budget."""
        if isinstance(source, str):
            source = _for_loopar(self.parse(source, name, filename))
        return super().compile(source, name, filename, **kw)
