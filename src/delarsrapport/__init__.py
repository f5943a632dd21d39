"""delarsrapport: Swedish municipal interim reports (delårsrapport per augusti) as .docx.

The front door of the library. Everything a user needs is importable from here;
modules whose names start with an underscore are private.
"""

from delarsrapport._belopp import Belopp, Enhet
from delarsrapport._check import Finding, check
from delarsrapport._errors import (
    CheckError,
    DelarsrapportError,
    LayoutError,
    LoadError,
    ParseError,
    RenderError,
    TemplateError,
)
from delarsrapport._kontrollkoder import Severity
from delarsrapport._load import Problem, load
from delarsrapport._period import Rapportperiod
from delarsrapport._rapport import Delarsrapport
from delarsrapport._render import render

__version__ = "0.1.0"

__all__ = [
    "Belopp",
    "CheckError",
    "Delarsrapport",
    "DelarsrapportError",
    "Enhet",
    "Finding",
    "LayoutError",
    "LoadError",
    "ParseError",
    "Problem",
    "Rapportperiod",
    "RenderError",
    "Severity",
    "TemplateError",
    "__version__",
    "check",
    "load",
    "render",
]
