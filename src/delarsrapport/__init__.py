"""delarsrapport: Swedish municipal interim reports (delårsrapport per augusti) as .docx.

The front door of the library. Everything a user needs is importable from here;
modules whose names start with an underscore are private.
"""

import typing

from delarsrapport._check import Finding, check
from delarsrapport._check.koder import Severity
from delarsrapport._errors import (
    CheckError,
    DelarsrapportError,
    LayoutError,
    LoadError,
    ModelTypeError,
    ParseError,
    Problem,
    Problemkod,
    RenderError,
    TemplateError,
    WriteError,
)
from delarsrapport._load import load
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport._render.output import recover
from delarsrapport._render.render import Dokument, render, render_bytes

if typing.TYPE_CHECKING:
    from delarsrapport._render.arbetsbok import write_arbetsbok
    from delarsrapport._render.batch import Resultat, render_many

    __version__: str

__all__ = [
    "Belopp",
    "CheckError",
    "Delarsrapport",
    "DelarsrapportError",
    "Dokument",
    "Enhet",
    "Finding",
    "LayoutError",
    "LoadError",
    "ModelTypeError",
    "ParseError",
    "Problem",
    "Problemkod",
    "Rapportperiod",
    "RenderError",
    "Resultat",
    "Severity",
    "TemplateError",
    "WriteError",
    "__version__",
    "check",
    "load",
    "recover",
    "render",
    "render_bytes",
    "render_many",
    "write_arbetsbok",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        return _version()
    # render_many and its Resultat need the process pool; importing them on first use
    # keeps it out of the start-up of everything else (the command line's main job).
    if name in ("Resultat", "render_many"):
        from delarsrapport._render import batch

        return getattr(batch, name)
    if name == "write_arbetsbok":  # openpyxl only when a workbook is written
        from delarsrapport._render import arbetsbok

        return arbetsbok.write_arbetsbok
    raise AttributeError(f"module 'delarsrapport' has no attribute {name!r}")


def _version() -> str:
    """The installed distribution's version: pyproject.toml's ``version`` is the one source.

    A source tree on ``sys.path`` that was never installed has no metadata, and says so
    rather than guess (``0+okand``, a valid local version that sorts before every release).
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("delarsrapport")
    except PackageNotFoundError:
        return "0+okand"


def __dir__() -> list[str]:
    # The subpackages are attributes of the package once imported; dir() shows the API.
    return list(__all__)
