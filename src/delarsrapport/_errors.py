"""The exceptions delarsrapport raises.

Every error the library raises on purpose is a :class:`DelarsrapportError`::

    DelarsrapportError
     ├── ParseError          text that is not a Swedish amount or number
     ├── LoadError           a report file or dict that does not fit the model
     ├── ModelTypeError      a model object built in Python with a value of the wrong type
     ├── LayoutError         a layout folder or its settings that cannot be used
     ├── TemplateError       a template that fails while rendering
     ├── CheckError          render --strict refused a report with errors (fel)
     ├── RenderError         a produced document that failed validation
     └── WriteError          documents that could not be written into their folder

Messages say what was wrong, where, and what to do about it; the offending values
are kept as attributes so that programs need not parse the message.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Final

import attrs

__all__ = [
    "PROBLEMKODER",
    "CheckError",
    "DelarsrapportError",
    "LayoutError",
    "LoadError",
    "ModelTypeError",
    "ParseError",
    "Problem",
    "Problemkod",
    "RenderError",
    "TemplateError",
    "WriteError",
]


class DelarsrapportError(Exception):
    """The base of every error delarsrapport raises on purpose."""


class ParseError(DelarsrapportError, ValueError):
    """Text that cannot be read as a Swedish-formatted amount or number.

    ``text`` is the text that was given, ``reason`` the part of the message that
    says what was wrong with it.
    """

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"kan inte läsa {text!r} som ett belopp: {reason}")


class LoadError(DelarsrapportError):
    """Input data that does not fit the model; ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: list[Problem] = list(problems)
        self.source = source
        lines = [str(p) for p in problems]
        head = f"{len(problems)} fel i {source}" if source else f"{len(problems)} fel i indata"
        super().__init__(head + ":\n" + "\n".join(f"  {line}" for line in lines))


class Problemkod(StrEnum):
    """What kind of problem a :class:`Problem` is; the values are stable, as finding codes are.

    Documented in Swedish in :data:`PROBLEMKODER` and ``docs/kontroller.md``.
    """

    FIL = "INDATA-FIL"
    KODNING = "INDATA-KODNING"
    SYNTAX = "INDATA-SYNTAX"
    TAGG = "INDATA-TAGG"
    DUBBLETT = "INDATA-DUBBLETT"
    OKANT_FALT = "INDATA-OKANT-FALT"
    SAKNAS = "INDATA-SAKNAS"
    TYP = "INDATA-TYP"
    FLYTTAL = "INDATA-FLYTTAL"
    VARDE = "INDATA-VARDE"
    TECKEN = "INDATA-TECKEN"
    SAMBAND = "INDATA-SAMBAND"
    ALIAS = "INDATA-ALIAS"


PROBLEMKODER: Final[dict[Problemkod, str]] = {
    Problemkod.FIL: "Filen finns inte eller går inte att läsa.",
    Problemkod.KODNING: "Filen är inte sparad som UTF-8; spara den som UTF-8 och läs in den igen.",
    Problemkod.SYNTAX: "Texten är inte giltig YAML eller JSON (eller filen är tom), så inget fält kunde "
    "läsas.",
    Problemkod.TAGG: "En YAML-tagg (`!namn`); indata använder inga taggar.",
    Problemkod.DUBBLETT: "Samma nyckel står två gånger i samma mappning; bara den första läses.",
    Problemkod.OKANT_FALT: "Ett fält (eller en sorts dokumentdel eller textblock) som inte finns på det "
    "stället; meddelandet föreslår det närmaste namnet och räknar upp de giltiga.",
    Problemkod.SAKNAS: "Ett obligatoriskt fält saknas.",
    Problemkod.TYP: "Fel slags värde: text där ett tal ska stå, en lista där en mappning ska stå och så "
    "vidare; meddelandet säger vad som förväntades och vad som stod där.",
    Problemkod.FLYTTAL: "Ett decimaltal med punkt (ett flyttal i YAML/JSON) där ett exakt tal ska stå; "
    "skriv det med decimalkomma inom citattecken ('3,184').",
    Problemkod.VARDE: "Rätt slags värde men inte ett giltigt: en okänd status eller enhet, månad 13, ett "
    "datum som inte finns, ett diarienummer i fel form.",
    Problemkod.TECKEN: "Ett tecken som ett Word-dokument inte kan lagra (styrtecken, Excels vertikala tabb, "
    "trasig UTF-16) eller en följd som mallmotorn skulle tolka som en tagg.",
    Problemkod.SAMBAND: "Fälten är var för sig giltiga men stämmer inte med varandra: två bilagor med "
    "samma nummer, en hänvisning till en bilaga eller verksamhet som inte finns.",
    Problemkod.ALIAS: "Ett YAML-alias (`*namn`) eller ankare (`&namn`); indata skriver ut varje värde, "
    "så att en liten fil inte kan växa till gigabyte när den läses.",
}
"""What each problem code means, in Swedish (the documentation of ``docs/kontroller.md``)."""


@attrs.frozen
class Problem:
    """One thing wrong with the input: where it is, what kind of problem, and what is wrong.

    ``path`` is the field path (``bilagor[0].delar[0].ekonomi.sammanfattning.rader[2]``),
    ``message`` says what was expected and what was found, ``code`` is the kind of
    problem (:class:`Problemkod`, stable for programs to filter on), ``source`` and
    ``line`` the file and the line in it.
    """

    path: str
    message: str
    source: str | None = None
    line: int | None = None
    code: Problemkod = attrs.field(kw_only=True)

    def __str__(self) -> str:
        where = self.source or "<data>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.path or '(hela filen)'}: {self.message}"


class ModelTypeError(DelarsrapportError, TypeError):
    """A model object built with a value of the wrong type for one of its fields.

    Raised when the object is built (``Kontorad(namn="571", belopp=5)``), never later.
    ``cls_name`` and ``field`` name the class and the field (``konton[2]`` for an item of a
    tuple), ``expected`` is the type the field takes and ``value`` what was given, both
    as the message writes them; ``hint`` says what to do, when there is a usual fix.
    """

    def __init__(
        self, *, cls_name: str, field: str, expected: str, value: str, hint: str | None = None
    ) -> None:
        self.cls_name = cls_name
        self.field = field
        self.expected = expected
        self.value = value
        self.hint = hint
        message = f"{cls_name}.{field}: förväntade {expected}, fick {value}"
        super().__init__(message + (f"; {hint}" if hint else ""))


class LayoutError(DelarsrapportError):
    """A layout that cannot be used: missing folder, missing template or invalid settings."""


class TemplateError(DelarsrapportError):
    """A template that failed while rendering, with the place in the template where it failed.

    ``message`` says what is wrong, ``part`` and ``location`` where (in Word's words),
    ``text`` the paragraph's text and ``hint`` what to do. A template refused before
    rendering because ``delarsrapport layout check`` finds an error in it has the
    finding's ``code`` (``MALL-…``) and the same message and place.
    """

    def __init__(
        self,
        message: str,
        *,
        template: str,
        part: str | None = None,
        location: str | None = None,
        text: str | None = None,
        hint: str | None = None,
        code: str | None = None,
    ) -> None:
        self.message = message
        self.code = code
        self.template = template
        self.part = part
        self.location = location
        self.text = text
        self.hint = hint
        where = template
        if part:
            where += f", {part}"
        if location:
            where += f", {location}"
        full = f"{where}: {message}"
        if text:
            full += f"\n  text i mallen: {text!r}"
        if hint:
            full += f"\n  åtgärd: {hint}"
        super().__init__(full)


class CheckError(DelarsrapportError):
    """Rendering was refused because the consistency check found errors (fel)."""

    def __init__(self, findings: list[object]) -> None:
        self.findings = findings
        super().__init__(
            f"kontrollen hittade {len(findings)} fel; rättar du indata eller kör utan --strict "
            "renderas dokumenten med de beräknade värdena"
        )


class RenderError(DelarsrapportError):
    """A produced document that did not pass validation; nothing was written."""


class WriteError(DelarsrapportError):
    """Documents that could not be written: a full or read-only disk, a folder without rights.

    ``folder`` is the folder written into. The message says whether the folder still holds
    its old set, or holds the new one once the interrupted swap is finished.
    """

    def __init__(self, message: str, *, folder: Path) -> None:
        self.folder = folder
        super().__init__(message)
