"""The input's leaf types: how each is read from plain data, described and named.

:data:`INDATATYPER` is the one table of them. The converter registers its hooks from it,
the JSON Schema takes each type's schema from it, and the input reference and the
Mallguide take the words for a type from it, so a new leaf type is one row here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final, Literal, get_args, get_origin

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationNote,
)

from delarsrapport._errors import ParseError, Problemkod
from delarsrapport._load.errors import IndataError, kort, menade_du
from delarsrapport._load.reader import YamlFloat, YamlInt
from delarsrapport._model.belopp import ENHETER, Belopp
from delarsrapport._model.organisation import Diarienummer
from delarsrapport._model.rapporterat import TOM, RapporteratBelopp, Tom
from delarsrapport._model.status import (
    Bedomning,
    Indikatorenhet,
    Kontrollresultat,
    Status,
)
from delarsrapport._model.text import (
    DIAGRAMTYPER,
    TABELLER,
    Block,
    Diagram,
    FaltError,
    Punktlista,
    Rubrik,
    Serie,
    Stycke,
    Tabellplats,
    Text,
    check_text,
)
from delarsrapport._model.verksamhet import (
    Matvarde,
)
from delarsrapport.formatting import parse_belopp

__all__ = [
    "ENHET",
    "EXCEL_RADBRYTNING",
    "HELTAL_I_GRUPPER",
    "INDATATYPER",
    "TOM_SCHEMA",
    "Indatatyp",
    "describe",
    "exakt_tal",
    "indatatyp",
    "structure_enum",
    "structure_literal",
    "valbara",
]

ENHET: ContextVar[str | None] = ContextVar("enhet", default=None)
"""The unit of the table being read; an amount is read in it."""

EXCEL_RADBRYTNING: ContextVar[bool] = ContextVar("excel_radbrytning", default=False)
"""Whether Excel's vertical tab in a cell becomes a line break (``excel_radbrytningar=True``)."""


def describe(value: object) -> str:
    """What a plain value is, in the words of an error message (``texten 'ca 12'``)."""
    if value is None:
        return "ingenting (null)"
    if isinstance(value, bool):
        return f"sanningsvärdet {str(value).lower()}"
    if isinstance(value, YamlFloat):
        return f"decimaltalet {value}"
    if isinstance(value, (int, Decimal)):
        return f"talet {value}"
    if isinstance(value, float):
        return f"flyttalet {value!r}"
    if isinstance(value, str):
        return f"texten {kort(value)}"
    if isinstance(value, Mapping):
        return "en mappning (nycklar och värden)"
    if isinstance(value, (list, tuple)):
        return "en lista"
    return f"{type(value).__name__} {kort(value)}"


def structure_str(value: object, _: object) -> str:
    if isinstance(value, YamlInt):
        value = value.text
    if isinstance(value, str):
        return check_text(str(value), excel_radbrytning=EXCEL_RADBRYTNING.get())
    raise IndataError(f"förväntade text, fick {describe(value)}")


HELTAL_I_GRUPPER: Final = r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+"
"""A whole number with its thousands grouped as a table prints it ("26 415"); the loader and
the JSON Schema both take it (written with escapes, so it is the same pattern in both)."""


def structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and not isinstance(value, YamlFloat):
        # Counts copied from a table keep their grouping: "26 415".
        text = value.strip()
        if re.fullmatch(HELTAL_I_GRUPPER, text):
            return int(re.sub(r"[ \u00a0\u202f]", "", text))
    raise IndataError(f"förväntade ett heltal, fick {describe(value)}")


def structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise IndataError(f"förväntade true eller false, fick {describe(value)}")


def structure_date(value: object, _: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise IndataError(f"{value!r} är inget giltigt datum", Problemkod.VARDE) from None
    raise IndataError(f"förväntade ett datum som 2020-09-18, fick {describe(value)}")


_TAL = re.compile(
    r"(?P<tecken>[+\-\u2212\u2013])?(?P<heltal>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(?P<dec>\d+))?"
)


#: The most significant digits a number of the input may have. Amounts in a report have
#: at most a dozen; the bound keeps every sum far inside Decimal's 28-digit precision, so
#: nothing is ever rounded silently.
MAX_SIFFROR: Final = 20


def _inom_granserna(tal: Decimal, text: object) -> Decimal:
    siffror = len(tal.as_tuple().digits)
    if siffror > MAX_SIFFROR:
        raise IndataError(
            f"talet {kort(text)} har {siffror} siffror; indata tar tal med högst {MAX_SIFFROR} "
            "siffror (kontrollera att det inte är två tal som hamnat ihop)"
        )
    return tal


def exakt_tal(value: object, *, procent: bool = False) -> Decimal:
    """An exact number from an int, a Decimal or Swedish text; never from a float."""
    return _inom_granserna(_exakt_tal(value, procent=procent), value)


def _exakt_tal(value: object, *, procent: bool = False) -> Decimal:
    if isinstance(value, bool):
        raise IndataError(f"förväntade ett tal, fick {describe(value)}")
    if isinstance(value, YamlFloat):
        raise IndataError(
            f"förväntade ett exakt tal, fick {describe(value)} (ett flyttal i YAML/JSON); "
            f"skriv det med decimalkomma: {str(value).replace('.', ',')!r}",
            Problemkod.FLYTTAL,
        )
    if isinstance(value, float):
        raise IndataError(
            f"förväntade ett exakt tal, fick {describe(value)}; flyttal är inte exakta, "
            "använd Decimal eller text med decimalkomma",
            Problemkod.FLYTTAL,
        )
    if isinstance(value, int):
        if abs(value).bit_length() > 4 * MAX_SIFFROR:  # before Python's own digit limit bites
            raise IndataError(f"talet har fler än {MAX_SIFFROR} siffror; kontrollera källan")
        return Decimal(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise IndataError(f"förväntade ett ändligt tal, fick {value}", Problemkod.VARDE)
        return value
    if isinstance(value, str):
        text = value.strip()
        if procent and text.endswith("%"):
            return exakt_tal(text[:-1].rstrip(" \u00a0")) / 100
        m = _TAL.fullmatch(text)
        if m is None:
            raise IndataError(f"förväntade ett tal som '-2 114' eller '64,9', fick {describe(value)}")
        digits = re.sub(r"[ \u00a0\u202f]", "", m["heltal"]) + ("." + m["dec"] if m["dec"] else "")
        result = Decimal(digits)
        return -result if m["tecken"] and m["tecken"] != "+" else result
    raise IndataError(f"förväntade ett tal, fick {describe(value)}")


def structure_decimal(value: object, _: object) -> Decimal:
    return exakt_tal(value)


def structure_matvarde(value: object, _: object) -> Matvarde:
    return Matvarde(exakt_tal(value, procent=True))


def structure_belopp(value: object, _: object) -> Belopp:
    if isinstance(value, Belopp):
        return value
    enhet = ENHET.get()
    if enhet is None:  # pragma: no cover - every amount field sits in a class with a unit
        raise IndataError("belopp utan enhet")
    if isinstance(value, str) and not isinstance(value, YamlFloat):
        try:
            return parse_belopp(value, enhet=enhet)  # type: ignore[arg-type]
        except ParseError as exc:
            raise IndataError(
                f"förväntade ett belopp i {enhet}, fick {describe(value)}: {exc.reason}"
            ) from None
    try:
        return Belopp.from_enhet(exakt_tal(value), enhet)  # type: ignore[arg-type]
    except IndataError as exc:
        raise IndataError(f"förväntade ett belopp i {enhet}: {exc}", exc.kod) from None


def structure_rapporterat(value: object, _: object) -> Belopp | Tom | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() == "tom":
        return TOM
    return structure_belopp(value, Belopp)


def structure_literal(value: object, tp: object) -> object:
    choices = get_args(tp)
    if value in choices and not isinstance(value, bool):
        return value
    names = [str(c) for c in choices]
    what = "enhet" if tuple(names) == ENHETER else "värde"
    hint = menade_du(value, names) if isinstance(value, str) else ""
    raise IndataError(
        f"okänt {what} {describe(value)}{hint}; använd en av {', '.join(names)}", Problemkod.VARDE
    )


_ENUMNAMN: Final[dict[type, str]] = {
    Status: "status",
    Bedomning: "bedömning",
    Kontrollresultat: "kontrollresultat",
    Indikatorenhet: "indikatorenhet",
}


def structure_enum(value: object, cls: type[Enum]) -> Enum:
    choices = [str(m.value) for m in cls]
    if isinstance(value, str) and value in choices:
        return cls(value)
    what = _ENUMNAMN.get(cls, "värde")
    hint = menade_du(value, choices) if isinstance(value, str) else ""
    found = repr(str(value)) if isinstance(value, str) else describe(value)
    raise IndataError(f"okänd {what} {found}{hint}; giltiga värden: {', '.join(choices)}", Problemkod.VARDE)


def structure_text(value: object, _: object) -> Text:
    if value is None:
        return ()
    if isinstance(value, str):
        return (Stycke(structure_str(value, str)),)
    if not isinstance(value, list):
        raise IndataError(f"förväntade en lista med stycken, fick {describe(value)}")
    blocks: list[Block] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            blocks.append(_block(item))
        except Exception as exc:
            exc.add_note(IterableValidationNote(f"@ index {index}", index, Block))
            errors.append(exc)
    if errors:
        raise ClassValidationError("text", errors, tuple)
    return tuple(blocks)


def _block(item: object) -> Block:
    if isinstance(item, (str, YamlInt)):
        return Stycke(structure_str(item, str))
    if isinstance(item, Mapping) and "rubrik" in item and set(item) <= {"rubrik", "niva"}:
        niva = structure_int(item.get("niva", 1), int)
        if not 1 <= niva <= 3:
            raise IndataError(f"niva för en rubrik i löptext är 1–3, fick {niva}", Problemkod.VARDE)
        return Rubrik(structure_str(item["rubrik"], str), niva)
    if isinstance(item, Mapping) and len(item) == 1:
        ((key, inner),) = item.items()
        if key == "punkter":
            if not isinstance(inner, list):
                raise IndataError(f"punkter ska vara en lista, fick {describe(inner)}")
            return Punktlista(tuple(structure_str(p, str) for p in inner))
        if key == "tabell":
            namn = structure_str(inner, str)
            if namn not in TABELLER:
                raise IndataError(
                    f"okänd tabell {namn!r}{menade_du(namn, list(TABELLER))}; "
                    f"tabeller som kan stå i löptext: {', '.join(TABELLER)}",
                    Problemkod.VARDE,
                )
            return Tabellplats(namn)
        if key == "diagram":
            try:
                return _diagram(inner)
            except Exception as exc:
                exc.add_note(AttributeValidationNote("@ diagram", "diagram", Diagram))
                raise ClassValidationError("diagram", [exc], Diagram) from None
        raise IndataError(
            f"okänt textblock {key!r}{menade_du(key, ['rubrik', 'punkter', 'tabell', 'diagram'])}; "
            "ett block är ett stycke (text), {rubrik: …}, {punkter: [...]}, {tabell: …} eller {diagram: …}",
            Problemkod.OKANT_FALT,
        )
    if isinstance(item, list):
        raise IndataError(
            "förväntade ett stycke men fick en lista; ett stycke som börjar med [ eller { måste stå "
            "inom citattecken i YAML"
        )
    raise IndataError(
        f"förväntade ett stycke (text), {{rubrik: …}} eller {{punkter: [...]}}, fick {describe(item)}"
    )


_DIAGRAMFALT: Final = (
    "rubrik",
    "typ",
    "enhet",
    "matt",
    "kategorier",
    "kategorirubrik",
    "serier",
    "budget",
    "decimaler",
)


def _diagram(value: object) -> Diagram:
    """A chart block: ``{diagram: {rubrik, typ, enhet, matt, kategorier, serier, budget, decimaler}}``."""
    if not isinstance(value, Mapping):
        raise IndataError(
            f"förväntade ett diagram med fälten {', '.join(_DIAGRAMFALT)}, fick {describe(value)}"
        )
    fel: list[Exception] = []
    for key in value:
        if key not in _DIAGRAMFALT:
            exc = IndataError(
                f"okänt fält {key!r}{menade_du(str(key), list(_DIAGRAMFALT))}; giltiga fält här: "
                + ", ".join(_DIAGRAMFALT)
            )
            exc.add_note(AttributeValidationNote(f"@ {key}", str(key), Diagram))
            fel.append(exc)
    falt: dict[str, object] = {}

    def las(namn: str, fn: Any) -> None:
        if namn not in value or (value[namn] is None and namn not in ("rubrik", "kategorier", "serier")):
            if namn in ("rubrik", "kategorier", "serier"):
                exc: Exception = IndataError("obligatoriskt fält saknas")
                exc.add_note(AttributeValidationNote(f"@ {namn}", namn, Diagram))
                fel.append(exc)
            return
        try:
            falt[namn] = fn(value[namn])
        except Exception as exc:
            exc.add_note(AttributeValidationNote(f"@ {namn}", namn, Diagram))
            fel.append(exc)

    las("rubrik", lambda v: structure_str(v, str))
    las("typ", lambda v: structure_literal(v, Literal["linje", "stapel"]))
    las("enhet", lambda v: structure_str(v, str))
    las("matt", lambda v: structure_str(v, str))
    las("kategorier", _kategorier)
    las("kategorirubrik", lambda v: structure_str(v, str))
    las("serier", _serier)
    las("budget", _varden)
    las("decimaler", lambda v: structure_int(v, int))
    if fel:
        raise ClassValidationError("diagram", fel, Diagram)
    try:
        return Diagram(**falt)  # type: ignore[arg-type]
    except FaltError:
        raise
    except (TypeError, ValueError) as exc:
        raise IndataError(str(exc)) from None


def _kategorier(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise IndataError(f"kategorier är en lista av texter (månader, år …), fick {describe(value)}")
    return tuple(structure_str(v, str) for v in value)


def _varden(value: object) -> tuple[Decimal | None, ...]:
    if not isinstance(value, list):
        raise IndataError(f"förväntade en lista av tal (null för inget värde), fick {describe(value)}")
    return tuple(None if v is None else exakt_tal(v) for v in value)


def _serier(value: object) -> tuple[Serie, ...]:
    if not isinstance(value, list):
        raise IndataError(f"serier är en lista av {{namn: …, varden: [...]}}, fick {describe(value)}")
    serier: list[Serie] = []
    fel: list[Exception] = []
    for index, item in enumerate(value):
        try:
            if not isinstance(item, Mapping) or set(item) != {"namn", "varden"}:
                raise IndataError(f"en serie skrivs {{namn: …, varden: [...]}}, fick {describe(item)}")
            serier.append(Serie(structure_str(item["namn"], str), _varden(item["varden"])))
        except Exception as exc:
            exc.add_note(IterableValidationNote(f"@ index {index}", index, Serie))
            fel.append(exc)
    if fel:
        raise ClassValidationError("serier", fel, tuple)
    return tuple(serier)


def structure_diarienummer(value: object, cls: type) -> Diarienummer:
    if isinstance(value, Diarienummer):
        return value
    if isinstance(value, str):
        try:
            return Diarienummer.parse(structure_str(value, str))
        except ValueError as exc:
            raise IndataError(str(exc), Problemkod.VARDE) from None
    raise IndataError(f"förväntade ett diarienummer som 'SCN-2020-00459', fick {describe(value)}")


# -- the table ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Indatatyp:
    """One leaf type of the input: how a value is read, what the schema allows, what it is called."""

    typ: object
    """The annotation it stands for: a class (``Belopp``) or an alias (``Text``)."""
    structure: Callable[[object, Any], object]
    """The cattrs hook that reads a plain value into it, or raises saying what it found."""
    schema: Mapping[str, object]
    """What the JSON Schema allows for it."""
    schemanamn: str | None = None
    """A name under ``$defs`` when the schema is large enough to be referred to by name."""
    namn: str
    """What the input reference calls it (``datum `ÅÅÅÅ-MM-DD```)."""
    mallnamn: tuple[str, str] | None = None
    """What a designer calls a view field of the type, alone and in a sentence
    (``("datum", "ett datum")``); None when no view of the contract has one."""


_BELOPP_SCHEMA: Final[Mapping[str, object]] = {
    "description": "Belopp i tabellens enhet: ett heltal eller text med decimalkomma "
    "('-2 114', '659,1'). Decimaltal med punkt (flyttal) godtas inte.",
    "anyOf": [{"type": "integer"}, {"type": "string"}],
}

_HELTAL_SCHEMA: Final[Mapping[str, object]] = {
    "description": "Ett heltal, eller text med tusentalsavgränsare som i en tabell ('26 415').",
    "anyOf": [
        {"type": "integer"},
        # What structure_int reads: the grouping of a copied table cell.
        {"type": "string", "pattern": f"^\\s*{HELTAL_I_GRUPPER}\\s*$"},
    ],
}

_TEXT_SCHEMA_BLAD: Final[Mapping[str, object]] = {
    # structure_str reads a number written without quotes (kod: 571) as its text.
    "type": ["string", "number"],
}

TOM_SCHEMA: Final[Mapping[str, object]] = {
    "type": "string",
    "pattern": "^\\s*[Tt][Oo][Mm]\\s*$",
    "description": "tom: cellen var tom i källan.",
}
"""``tom`` as the loader reads it (any case, surrounding spaces allowed)."""

_TAL_SCHEMA: Final[Mapping[str, object]] = {
    "anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]
}

_DIAGRAM_SCHEMA: Final[Mapping[str, object]] = {
    "type": "object",
    "properties": {
        "diagram": {
            "type": "object",
            "properties": {
                "rubrik": {"type": "string"},
                "typ": {"enum": list(DIAGRAMTYPER)},
                "enhet": {"type": "string"},
                "matt": {"type": "string"},
                "kategorier": {"type": "array", "items": {"type": "string"}},
                "kategorirubrik": {"type": "string"},
                "serier": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "namn": {"type": "string"},
                            "varden": {"type": "array", "items": _TAL_SCHEMA},
                        },
                        "required": ["namn", "varden"],
                        "additionalProperties": False,
                    },
                },
                "budget": {"type": "array", "items": _TAL_SCHEMA},
                "decimaler": {"type": "integer"},
            },
            "required": ["rubrik", "kategorier", "serier"],
            "additionalProperties": False,
        }
    },
    "required": ["diagram"],
    "additionalProperties": False,
}

_TEXT_SCHEMA: Final[Mapping[str, object]] = {
    "description": "Löptext: en lista där varje post är ett stycke (text), "
    "{rubrik: …, niva: 1–3}, {punkter: [...]}, {tabell: uppdragsstatus} (platsen för "
    "en tabell som räknas fram ur rapporten) eller {diagram: …} (ett diagram ritat ur sina data). "
    "En ensam text blir ett stycke. Ett stycke kan hänvisa till rapportens siffror med <<namn>>.",
    "anyOf": [
        {"type": "string"},
        {"type": "null"},
        {
            "type": "array",
            "items": {
                "anyOf": [
                    _TEXT_SCHEMA_BLAD,
                    {
                        "type": "object",
                        "properties": {
                            "rubrik": _TEXT_SCHEMA_BLAD,
                            "niva": {"type": "integer", "minimum": 1, "maximum": 3},
                        },
                        "required": ["rubrik"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {"punkter": {"type": "array", "items": _TEXT_SCHEMA_BLAD}},
                        "required": ["punkter"],
                        "additionalProperties": False,
                    },
                    {
                        "type": "object",
                        "properties": {"tabell": {"enum": list(TABELLER)}},
                        "required": ["tabell"],
                        "additionalProperties": False,
                    },
                    _DIAGRAM_SCHEMA,
                ]
            },
        },
    ],
}

INDATATYPER: Final[tuple[Indatatyp, ...]] = (
    Indatatyp(
        typ=str, structure=structure_str, schema=_TEXT_SCHEMA_BLAD, namn="text", mallnamn=("text", "text")
    ),
    Indatatyp(
        typ=int,
        structure=structure_int,
        schema=_HELTAL_SCHEMA,
        namn="heltal",
        mallnamn=("heltal", "ett heltal"),
    ),
    Indatatyp(
        typ=bool,
        structure=structure_bool,
        schema={"type": "boolean"},
        namn="`true`/`false`",
        mallnamn=("ja/nej", "ja/nej"),
    ),
    Indatatyp(
        typ=date,
        structure=structure_date,
        schema={"type": "string", "format": "date"},
        namn="datum `ÅÅÅÅ-MM-DD`",
        mallnamn=("datum", "ett datum"),
    ),
    Indatatyp(
        typ=Decimal,
        structure=structure_decimal,
        schema={"anyOf": [{"type": "integer"}, {"type": "string"}]},
        namn="tal",
        mallnamn=("tal", "ett tal"),
    ),
    Indatatyp(
        typ=Matvarde,
        structure=structure_matvarde,
        schema={
            "description": "Andel med procenttecken ('86%') eller antal.",
            "anyOf": [{"type": "string"}, {"type": "integer"}],
        },
        namn="mätvärde",
    ),
    Indatatyp(
        typ=Belopp,
        structure=structure_belopp,
        schema=_BELOPP_SCHEMA,
        namn="belopp",
        mallnamn=("belopp", "ett belopp"),
    ),
    Indatatyp(
        typ=Diarienummer,
        structure=structure_diarienummer,
        schema={"type": "string", "description": "'SCN-2020-00459' eller 'SN 23/0007'."},
        namn="diarienummer",
    ),
    Indatatyp(
        typ=RapporteratBelopp,
        structure=structure_rapporterat,
        schema={"anyOf": [_BELOPP_SCHEMA, TOM_SCHEMA, {"type": "null"}]},
        namn="belopp eller `tom`",
    ),
    Indatatyp(typ=Text, structure=structure_text, schema=_TEXT_SCHEMA, schemanamn="Text", namn="löptext"),
)
"""Every leaf type of the input, in the order the converter registers them."""


def indatatyp(tp: object) -> Indatatyp | None:
    """The row of :data:`INDATATYPER` for the annotation *tp*, if it is a leaf type."""
    for rad in INDATATYPER:
        if rad.typ == tp:
            return rad
    return None


def valbara(tp: object) -> tuple[str, ...] | None:
    """The values a closed vocabulary allows (an enum's values, a ``Literal``'s), else None."""
    if get_origin(tp) is Literal:
        return tuple(str(a) for a in get_args(tp))
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tuple(str(m.value) for m in tp)
    return None
