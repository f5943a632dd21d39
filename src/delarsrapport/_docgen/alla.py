"""Every generated page of ``docs/``, by the name ``delarsrapport docs`` knows it by.

So the documentation can be written from an installed package, for exactly the version
installed: ``delarsrapport docs mallguide MAPP`` and so on, or ``alla``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

__all__ = ["DOKUMENTATION"]


def _mallguide(mapp: Path) -> list[Path]:
    from delarsrapport._docgen.mallguide import write

    return [write(mapp)]


def _scheman(mapp: Path) -> list[Path]:
    from delarsrapport._docgen.scheman import write

    return write(mapp)


def _indata(mapp: Path) -> list[Path]:
    from delarsrapport._docgen.indata import write_reference

    return [write_reference(mapp)]


def _kontroller(mapp: Path) -> list[Path]:
    from delarsrapport._docgen.kontroller import write

    return [write(mapp)]


DOKUMENTATION: Final[dict[str, Callable[[Path], list[Path]]]] = {
    "mallguide": _mallguide,
    "schema": _scheman,
    "indata": _indata,
    "kontroller": _kontroller,
}
"""Each generated page's name and the function that writes it into a folder, returning the files."""
