"""What ``check --json`` and ``layout check --json`` write: a documented, versioned shape.

Keys are Swedish, as the rest of the command line's output is. Each document says which
shape it is (``format``) and its version (``version``); a change that removes or renames a
key raises the version, an added key does not. The JSON Schemas in ``docs/``
(``kontroll.schema.json``, ``layoutkontroll.schema.json``) are :func:`check_schema` and
:func:`layout_schema`, and every output is validated against them in the tests.

Numbers from the report (printed, computed, difference) are strings, as ``Decimal``
writes them, so a JSON reader never rounds them through a binary float.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from delarsrapport._check.koder import KODER, Severity
from delarsrapport._check.recorder import Finding
from delarsrapport._designer.fynd import MALLKODER, Mallfynd
from delarsrapport._designer.utskrift import Utskriftsfynd, Utskriftskod
from delarsrapport._errors import LoadError, Problemkod

__all__ = [
    "CHECK_FORMAT",
    "LAYOUT_FORMAT",
    "VERSION",
    "check_document",
    "check_schema",
    "layout_document",
    "layout_schema",
    "load_error_document",
]

VERSION: Final = 1
"""The version of both shapes."""

CHECK_FORMAT: Final = "delarsrapport-check"
LAYOUT_FORMAT: Final = "delarsrapport-layout-check"


def _tal(value: Decimal | str | None) -> str | None:
    return None if value is None else str(value)


def _fynd(f: Finding) -> dict[str, Any]:
    return {
        "kod": str(f.code),
        "grad": str(f.severity),
        "sokvag": f.path,
        "fil": f.source,
        "rad": f.line,
        "dokument": f.document,
        "avsnitt": f.section,
        "meddelande": f.message,
        "tryckt": _tal(f.printed),
        "beraknat": _tal(f.computed),
        "skillnad": _tal(f.difference),
        "enhet": f.unit,
    }


def check_document(fil: str, findings: Sequence[Finding]) -> dict[str, Any]:
    """``check --json`` for a report that loaded: every finding, with its input file and line."""
    antal = Counter(f.severity for f in findings)
    return {
        "format": CHECK_FORMAT,
        "version": VERSION,
        "fil": fil,
        "sammanfattning": {
            "fel": antal[Severity.FEL],
            "varningar": antal[Severity.VARNING],
            "noteringar": antal[Severity.NOTERING],
        },
        "fynd": [_fynd(f) for f in findings],
        "problem": [],
    }


def load_error_document(fil: str, error: LoadError) -> dict[str, Any]:
    """``check --json`` for a report that could not be loaded: every problem, no findings."""
    return {
        "format": CHECK_FORMAT,
        "version": VERSION,
        "fil": fil,
        "sammanfattning": {"fel": 0, "varningar": 0, "noteringar": 0},
        "fynd": [],
        "problem": [
            {"kod": str(p.code), "sokvag": p.path, "fil": p.source, "rad": p.line, "meddelande": p.message}
            for p in error.problems
        ],
    }


def layout_document(
    layout: str,
    fynd: Sequence[Mallfynd],
    utskrift: tuple[Sequence[Path], Sequence[Utskriftsfynd]] | None = None,
) -> dict[str, Any]:
    """``layout check --json``: every finding, its place as separate values; with
    ``--utskrift`` also the reports the pages were checked with and what the print gate found."""
    antal = Counter(f.severity for f in fynd)
    dokument: dict[str, Any] = {
        "format": LAYOUT_FORMAT,
        "version": VERSION,
        "layout": layout,
        "sammanfattning": {"fel": antal[Severity.FEL], "varningar": antal[Severity.VARNING]},
        "fynd": [f.as_dict() for f in fynd],
    }
    if utskrift is not None:
        prov, utskriftsfynd = utskrift
        dokument["utskrift"] = {
            "prov": [str(p) for p in prov],
            "fynd": [f.as_dict() for f in utskriftsfynd],
        }
    return dokument


# -- the schemas ----------------------------------------------------------------------------

_NULLTEXT: Final = {"type": ["string", "null"]}
_NULLTAL: Final = {"type": ["integer", "null"], "minimum": 1}
_ANTAL: Final = {"type": "integer", "minimum": 0}
_DECIMAL: Final = {
    "type": ["string", "null"],
    "description": 'Ett tal som text (Decimal), t.ex. "-3603" eller "0.4"; eller en text som den står.',
}


def _objekt(beskrivning: str, falt: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": beskrivning,
        "properties": falt,
        "required": list(falt),
        "additionalProperties": False,
    }


def _huvud(format_: str) -> dict[str, Any]:
    return {
        "format": {"const": format_, "description": "Vilken form dokumentet har."},
        "version": {
            "const": VERSION,
            "description": "Formens version; höjs när en nyckel tas bort eller byter namn.",
        },
    }


def check_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``delarsrapport check --json``."""
    fynd = _objekt(
        "Ett fynd från kontrollen.",
        {
            "kod": {"enum": sorted(str(k) for k in KODER), "description": "Fyndkoden (docs/kontroller.md)."},
            "grad": {"enum": [str(s) for s in Severity], "description": "Allvarlighetsgraden."},
            "sokvag": {"type": "string", "description": "Fältets sökväg i indata, t.ex. bilagor[0].titel."},
            "fil": {**_NULLTEXT, "description": "Indatafilen (null för data som inte kom från en fil)."},
            "rad": {
                **_NULLTAL,
                "description": "Raden i indatafilen där fältet (eller närmaste omgivande) står.",
            },
            "dokument": {
                "type": "string",
                "description": "Dokumentet fyndet gäller, t.ex. Tjänsteskrivelse.",
            },
            "avsnitt": {"type": "string", "description": "Avsnittet i dokumentet."},
            "meddelande": {"type": "string", "description": "Vad som är fel, på svenska."},
            "tryckt": {**_DECIMAL, "description": "Det källan tryckte (null om inget)."},
            "beraknat": {**_DECIMAL, "description": "Det modellen räknar fram (null om inget)."},
            "skillnad": {**_DECIMAL, "description": "Tryckt − beräknat (null om inget)."},
            "enhet": {
                **_NULLTEXT,
                "description": "Enheten för tryckt, beräknat och skillnad (kr, tkr, mnkr).",
            },
        },
    )
    problem = _objekt(
        "Ett problem som gjorde att indata inte kunde läsas.",
        {
            "kod": {
                "enum": [str(k) for k in Problemkod],
                "description": "Problemkoden (docs/kontroller.md).",
            },
            "sokvag": {"type": "string", "description": "Fältets sökväg, tom för hela filen."},
            "fil": _NULLTEXT,
            "rad": _NULLTAL,
            "meddelande": {"type": "string"},
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:delarsrapport:schema:kontroll:1",
        "title": "delarsrapport check --json",
        **_objekt(
            "Fynden från delarsrapport check, eller problemen om indata inte kunde läsas "
            "(då är fynd tomt och kommandot avslutas med status 2).",
            {
                **_huvud(CHECK_FORMAT),
                "fil": {"type": "string", "description": "Filen som kontrollerades, som den angavs."},
                "sammanfattning": _objekt(
                    "Antal fynd per grad.",
                    {"fel": _ANTAL, "varningar": _ANTAL, "noteringar": _ANTAL},
                ),
                "fynd": {"type": "array", "items": {"$ref": "#/$defs/fynd"}},
                "problem": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
            },
        ),
        "$defs": {"fynd": fynd, "problem": problem},
    }


def layout_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``delarsrapport layout check --json``."""
    fynd = _objekt(
        "Ett fynd i en layout. Platsen står både som separata värden och som text (plats).",
        {
            "kod": {"enum": [str(k) for k in MALLKODER], "description": "Fyndkoden (docs/mallguide.md)."},
            "grad": {"enum": [str(Severity.FEL), str(Severity.VARNING)]},
            "fil": {"type": "string", "description": "Mallen eller inställningsfilen, t.ex. ekonomi.docx."},
            "del": {
                **_NULLTEXT,
                "description": "Delen av mallen: dokumentets brödtext, sidhuvud 1, sidfot 2, fotnoterna.",
            },
            "stycke": {**_NULLTAL, "description": "Styckets nummer i delen, från 1."},
            "tabell": {
                **_NULLTAL,
                "description": "Tabellens nummer i delen, från 1 (null utanför tabeller).",
            },
            "tabellrad": {**_NULLTAL, "description": "Raden i tabellen, från 1."},
            "kolumn": {**_NULLTAL, "description": "Kolumnen (cellen) i raden, från 1."},
            "text": {**_NULLTEXT, "description": "Styckets synliga text (förkortad kring taggen)."},
            "rad": {**_NULLTAL, "description": "Raden i installningar.yaml, för fynd i inställningsfilen."},
            "sokvag": {**_NULLTEXT, "description": "Inställningens sökväg i installningar.yaml."},
            "plats": {"type": "string", "description": "Platsen i ord, för en människa att läsa."},
            "meddelande": {"type": "string", "description": "Vad som är fel."},
            "atgard": {"type": "string", "description": "Vad mallformgivaren gör åt det."},
        },
    )
    utskriftsfynd = _objekt(
        "Ett fynd på de utskrivna sidorna (PDF från LibreOffice).",
        {
            "kod": {"enum": [str(k) for k in Utskriftskod], "description": "Fyndkoden (docs/mallguide.md)."},
            "rapport": {"type": "string", "description": "Rapportfilen dokumentet skapades ur."},
            "dokument": {"type": "string", "description": "Dokumentets filnamn."},
            "sida": {"type": "integer", "minimum": 1, "description": "Sidan i PDF:en, från 1."},
            "text": {"type": "string", "description": "Texten fyndet gäller."},
            "meddelande": {"type": "string", "description": "Vad som är fel och vad man gör åt det."},
        },
    )
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:delarsrapport:schema:layoutkontroll:1",
        "title": "delarsrapport layout check --json",
        **_objekt(
            "Fynden från delarsrapport layout check.",
            {
                **_huvud(LAYOUT_FORMAT),
                "layout": {"type": "string", "description": "Layoutmappen som kontrollerades."},
                "sammanfattning": _objekt("Antal fynd per grad.", {"fel": _ANTAL, "varningar": _ANTAL}),
                "fynd": {"type": "array", "items": {"$ref": "#/$defs/fynd"}},
            },
        ),
        "$defs": {"fynd": fynd, "utskriftsfynd": utskriftsfynd},
    }
    # Only with --utskrift, and only when the layout has no fel (its pages were checked).
    schema["properties"]["utskrift"] = _objekt(
        "Sidgranskningen (--utskrift): rapporterna som dokumenten skapades med och fynden på sidorna.",
        {
            "prov": {"type": "array", "items": {"type": "string"}, "description": "Rapportfilerna."},
            "fynd": {"type": "array", "items": {"$ref": "#/$defs/utskriftsfynd"}},
        },
    )
    return schema
