"""delarsrapport: Swedish municipal interim reports (delårsrapport per augusti) as .docx.

The front door of the library. Everything a user needs is importable from here;
modules whose names start with an underscore are private.
"""

from delarsrapport._belopp import Belopp, Enhet
from delarsrapport._errors import (
    CheckError,
    DelarsrapportError,
    LayoutError,
    LoadError,
    ParseError,
    RenderError,
    TemplateError,
)
from delarsrapport._period import Rapportperiod

__version__ = "0.1.0"

__all__ = [
    "Belopp",
    "CheckError",
    "DelarsrapportError",
    "Enhet",
    "LayoutError",
    "LoadError",
    "ParseError",
    "Rapportperiod",
    "RenderError",
    "TemplateError",
    "__version__",
]
