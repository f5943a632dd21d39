"""Loading report data into the model: YAML, JSON or a Python dict, every error at once.

YAML is parsed by ruamel.yaml's composer and typed by the model, not by a YAML schema:
``no`` stays the text "no", ``00459`` stays "00459" in a text field, and a number with a
decimal point (a float in YAML and JSON) is refused where an exact amount belongs. Every
string is checked for characters a .docx cannot hold. Errors are collected, each with the
file, the line, the field path, what was expected and what was found.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from types import UnionType
from typing import Any, Final, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from delarsrapport._errors import LoadError, ParseError, Problem
from delarsrapport._model.belopp import ENHETER, Belopp
from delarsrapport._model.brutto import DRIFT_KOLUMNER, RapporteradDriftrad
from delarsrapport._model.ekonomi import (
    SJU_KOLUMNER,
    EkonomiskUppfoljning,
    RRKolumner,
    RRRapporterad,
    Sammanfattningsrad,
    Sjukolumner,
)
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.organisation import Diarienummer
from delarsrapport._model.rapport import Arende, Delarsrapport, Dokumentdel
from delarsrapport._model.rapporterat import TOM, RapporteratBelopp, Tom
from delarsrapport._model.status import (
    Bedomning,
    Indikatorenhet,
    Kontrollresultat,
    Malniva,
    Rapporteringstyp,
    Status,
    Trend,
    Volymtyp,
)
from delarsrapport._model.text import (
    TABELLER,
    Block,
    Punktlista,
    Rubrik,
    Stycke,
    Tabellplats,
    Text,
    TextError,
    check_text,
)
from delarsrapport._model.tjansteskrivelse import presens
from delarsrapport._model.verksamhet import (
    Indikator,
    Malpost,
    Matning,
    Matvarde,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport.formatting import parse_belopp

__all__ = ["Problem", "load", "read_structured"]

Path_ = tuple[str | int, ...]


class _IndataError(ValueError):
    """A structuring error whose message is already what the user should read."""


# -- strings ------------------------------------------------------------------------------

_EXCEL_RADBRYTNING: ContextVar[bool] = ContextVar("excel_radbrytning", default=False)


def _avmaskera(text: str) -> str:
    # Control characters were shifted into a private-use range before ruamel.yaml saw
    # them (it refuses them); shift them back so that check_text can name them.
    if not any(_ERSATTNING <= ord(c) < _ERSATTNING + 0xA0 for c in text):
        return text
    return "".join(
        chr(ord(c) - _ERSATTNING) if _ERSATTNING <= ord(c) < _ERSATTNING + 0xA0 else c for c in text
    )


def _kort(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]


# -- YAML ---------------------------------------------------------------------------------


class YamlInt(int):
    """A plain YAML integer that remembers its text (so ``00459`` stays "00459" as text)."""

    text: str

    def __new__(cls, text: str) -> YamlInt:
        value = int(text, 0) if text.lower().startswith(("0x", "0o")) else int(text)
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class YamlFloat(str):
    """A plain YAML or JSON number with a decimal point or exponent, kept as its text.

    It is never turned into a binary float; an amount field refuses it.
    """


_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_CORE_TAG = "tag:yaml.org,2002:"
_TILLATNA_TAGGAR: Final = frozenset(
    _CORE_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
# Raw control characters make the YAML reader stop with no line or path. They are swapped
# for private-use stand-ins before parsing and reported by check_text like any other bad
# character, with the field's path and line.
_ERSATTNING: Final = 0xF0000


def _scalar(node: ScalarNode) -> object:
    text = node.value
    tag = str(node.tag)
    if node.style is not None:  # quoted or block scalar: always text
        return text
    # An implicit resolution would not give str for these, so the tag was explicit.
    if tag == _CORE_TAG + "str" and (_BOOL.fullmatch(text) or _INT.fullmatch(text) or _FLOAT.fullmatch(text)):
        return text
    if _NULL.fullmatch(text):
        return None
    if _BOOL.fullmatch(text):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return YamlInt(text)
    if _FLOAT.fullmatch(text):
        return YamlFloat(text)
    return text


class _YamlError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message


def _mask_controls(text: str) -> str:
    return "".join(
        chr(_ERSATTNING + ord(c))
        if (ord(c) < 0x20 and c not in "\t\n\r") or ord(c) == 0x7F or 0x80 <= ord(c) < 0xA0
        else c
        for c in text
    )


def _read_yaml(text: str) -> tuple[object, dict[Path_, int], list[tuple[Path_, str]]]:
    text = _mask_controls(text)
    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise _YamlError(line, f"ogiltig YAML: {exc.problem or exc}") from None
    except YAMLError as exc:
        raise _YamlError(None, f"ogiltig YAML: {exc}") from None
    lines: dict[Path_, int] = {}
    problems: list[tuple[Path_, str]] = []

    def build(node: Node, path: Path_, depth: int) -> object:
        if depth > 60:
            raise _YamlError(node.start_mark.line + 1, "YAML-strukturen är för djup (alias i cirkel?)")
        lines.setdefault(path, node.start_mark.line + 1)
        tag = str(node.tag)
        if tag not in _TILLATNA_TAGGAR:
            problems.append((path, f"okänd YAML-tagg {tag!r}; taggar används inte i indata"))
        if isinstance(node, MappingNode):
            result: dict[str, object] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    problems.append((path, "en nyckel måste vara ett namn, inte en lista eller mappning"))
                    continue
                key = str(key_node.value)
                key_path = (*path, key)
                if key in result:
                    lines[key_path] = key_node.start_mark.line + 1
                    problems.append((key_path, f"nyckeln {key!r} förekommer två gånger"))
                    continue
                lines[key_path] = key_node.start_mark.line + 1
                result[key] = build(value_node, key_path, depth + 1)
            return result
        if isinstance(node, SequenceNode):
            return [build(v, (*path, i), depth + 1) for i, v in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return _scalar(node)

    if root is None:
        raise _YamlError(None, "filen är tom")
    return build(root, (), 0), lines, problems


# -- the converter ------------------------------------------------------------------------

_ENHET: ContextVar[str | None] = ContextVar("enhet", default=None)


def _typnamn(value: object) -> str:
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
        return f"texten {_kort(value)}"
    if isinstance(value, Mapping):
        return "en mappning (nycklar och värden)"
    if isinstance(value, (list, tuple)):
        return "en lista"
    return f"{type(value).__name__} {_kort(value)}"


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, YamlInt):
        value = value.text
    if isinstance(value, str):
        return check_text(_avmaskera(str(value)), excel_radbrytning=_EXCEL_RADBRYTNING.get())
    raise _IndataError(f"förväntade text, fick {_typnamn(value)}")


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and not isinstance(value, YamlFloat):
        # Counts copied from a table keep their grouping: "26 415".
        text = value.strip()
        if re.fullmatch(r"-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+", text):
            return int(re.sub(r"[ \u00a0\u202f]", "", text))
    raise _IndataError(f"förväntade ett heltal, fick {_typnamn(value)}")


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _IndataError(f"förväntade true eller false, fick {_typnamn(value)}")


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _IndataError(f"{value!r} är inget giltigt datum") from None
    raise _IndataError(f"förväntade ett datum som 2020-09-18, fick {_typnamn(value)}")


_TAL = re.compile(
    r"(?P<tecken>[+\-\u2212\u2013])?(?P<heltal>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(?P<dec>\d+))?"
)


def _exakt_tal(value: object, *, procent: bool = False) -> Decimal:
    """An exact number from an int, a Decimal or Swedish text; never from a float."""
    if isinstance(value, bool):
        raise _IndataError(f"förväntade ett tal, fick {_typnamn(value)}")
    if isinstance(value, YamlFloat):
        raise _IndataError(
            f"förväntade ett exakt tal, fick {_typnamn(value)} (ett flyttal i YAML/JSON); "
            f"skriv det med decimalkomma: {str(value).replace('.', ',')!r}"
        )
    if isinstance(value, float):
        raise _IndataError(
            f"förväntade ett exakt tal, fick {_typnamn(value)}; flyttal är inte exakta, "
            "använd Decimal eller text med decimalkomma"
        )
    if isinstance(value, int):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _IndataError(f"förväntade ett ändligt tal, fick {value}")
        return value
    if isinstance(value, str):
        text = value.strip()
        if procent and text.endswith("%"):
            return _exakt_tal(text[:-1].rstrip(" \u00a0")) / 100
        m = _TAL.fullmatch(text)
        if m is None:
            raise _IndataError(f"förväntade ett tal som '-2 114' eller '64,9', fick {_typnamn(value)}")
        digits = re.sub(r"[ \u00a0\u202f]", "", m["heltal"]) + ("." + m["dec"] if m["dec"] else "")
        result = Decimal(digits)
        return -result if m["tecken"] and m["tecken"] != "+" else result
    raise _IndataError(f"förväntade ett tal, fick {_typnamn(value)}")


def _structure_decimal(value: object, _: object) -> Decimal:
    return _exakt_tal(value)


def _structure_matvarde(value: object, _: object) -> Matvarde:
    return Matvarde(_exakt_tal(value, procent=True))


def _structure_belopp(value: object, _: object) -> Belopp:
    if isinstance(value, Belopp):
        return value
    enhet = _ENHET.get()
    if enhet is None:  # pragma: no cover - every amount field sits in a class with a unit
        raise _IndataError("belopp utan enhet")
    if isinstance(value, str) and not isinstance(value, YamlFloat):
        try:
            return parse_belopp(value, enhet=enhet)  # type: ignore[arg-type]
        except ParseError as exc:
            raise _IndataError(
                f"förväntade ett belopp i {enhet}, fick {_typnamn(value)}: {exc.reason}"
            ) from None
    try:
        return Belopp.from_enhet(_exakt_tal(value), enhet)  # type: ignore[arg-type]
    except _IndataError as exc:
        raise _IndataError(f"förväntade ett belopp i {enhet}: {exc}") from None


def _structure_rapporterat(value: object, _: object) -> Belopp | Tom | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() == "tom":
        return TOM
    return _structure_belopp(value, Belopp)


def _structure_literal(value: object, tp: object) -> object:
    choices = get_args(tp)
    if value in choices and not isinstance(value, bool):
        return value
    names = [str(c) for c in choices]
    what = "enhet" if tuple(names) == ENHETER else "värde"
    hint = _menade_du(value, names) if isinstance(value, str) else ""
    raise _IndataError(f"okänt {what} {_typnamn(value)}{hint}; använd en av {', '.join(names)}")


# Words people type for a status, mapped to the value to suggest (never accepted silently).
_ORDFORSLAG: Final[dict[str, str]] = {
    "paborjad": "enligt_plan",
    "pagar": "enligt_plan",
    "pagaende": "enligt_plan",
    "gron": "enligt_plan",
    "gront": "enligt_plan",
    "fardig": "klar",
    "genomford": "klar",
    "avslutad": "klar",
    "blatt": "klar",
    "vantar": "vantar",
    "forsenad": "forsenad",
    "gult": "forsenad",
    "rott": "genomfors_inte",
    "utan anmarkning": "utan_anmarkning",
    "ingen avvikelse": "utan_anmarkning",
    "mindre anmarkning": "mindre_anmarkning",
    "mindre avvikelse": "mindre_anmarkning",
    "storre avvikelse": "storre_anmarkning",
    "i hog grad uppfyllt": "i_hog_grad_uppfyllt",
    "delvis uppfyllt": "delvis_uppfyllt",
    "helt uppfyllt": "helt_uppfyllt",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _menade_du(value: str, choices: Sequence[str]) -> str:
    folded = _fold(value)
    guess = _ORDFORSLAG.get(folded)
    if guess is None or guess not in choices:
        close = difflib.get_close_matches(folded.replace(" ", "_"), choices, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return f" (menade du {guess!r}?)" if guess else ""


_ENUMNAMN: Final[dict[type, str]] = {
    Status: "status",
    Bedomning: "bedömning",
    Kontrollresultat: "kontrollresultat",
    Indikatorenhet: "indikatorenhet",
}


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    choices = [str(m.value) for m in cls]
    if isinstance(value, str) and value in choices:
        return cls(value)
    what = _ENUMNAMN.get(cls, "värde")
    hint = _menade_du(value, choices) if isinstance(value, str) else ""
    found = repr(str(value)) if isinstance(value, str) else _typnamn(value)
    raise _IndataError(f"okänd {what} {found}{hint}; giltiga värden: {', '.join(choices)}")


def _structure_text(value: object, _: object) -> Text:
    if value is None:
        return ()
    if isinstance(value, str):
        return (Stycke(_structure_str(value, str)),)
    if not isinstance(value, list):
        raise _IndataError(f"förväntade en lista med stycken, fick {_typnamn(value)}")
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
        return Stycke(_structure_str(item, str))
    if isinstance(item, Mapping) and "rubrik" in item and set(item) <= {"rubrik", "niva"}:
        niva = _structure_int(item.get("niva", 1), int)
        if not 1 <= niva <= 3:
            raise _IndataError(f"niva för en rubrik i löptext är 1–3, fick {niva}")
        return Rubrik(_structure_str(item["rubrik"], str), niva)
    if isinstance(item, Mapping) and len(item) == 1:
        ((key, inner),) = item.items()
        if key == "punkter":
            if not isinstance(inner, list):
                raise _IndataError(f"punkter ska vara en lista, fick {_typnamn(inner)}")
            return Punktlista(tuple(_structure_str(p, str) for p in inner))
        if key == "tabell":
            namn = _structure_str(inner, str)
            if namn not in TABELLER:
                raise _IndataError(
                    f"okänd tabell {namn!r}{_menade_du(namn, list(TABELLER))}; "
                    f"tabeller som kan stå i löptext: {', '.join(TABELLER)}"
                )
            return Tabellplats(namn)
        raise _IndataError(
            f"okänt textblock {key!r}{_menade_du(key, ['rubrik', 'punkter', 'tabell'])}; "
            "ett block är ett stycke (text), {rubrik: …}, {punkter: [...]} eller {tabell: …}"
        )
    raise _IndataError(
        f"förväntade ett stycke (text), {{rubrik: …}} eller {{punkter: [...]}}, fick {_typnamn(item)}"
    )


def _structure_diarienummer(value: object, cls: type) -> Diarienummer:
    if isinstance(value, Diarienummer):
        return value
    if isinstance(value, str):
        try:
            return Diarienummer.parse(_structure_str(value, str))
        except ValueError as exc:
            raise _IndataError(str(exc)) from None
    raise _IndataError(f"förväntade ett diarienummer som 'SCN-2020-00459', fick {_typnamn(value)}")


_DELAR: Final[dict[str, type]] = {
    "ekonomi": EkonomiskUppfoljning,
    "verksamhet": Verksamhetsuppfoljning,
    "nyckeltal": Nyckeltalsbilaga,
    "internkontroll": Internkontroll,
}
_POSTER: Final[dict[str, type]] = {"namndmal": Namndmal, "uppdrag": Uppdrag}


def _tagged(
    kinds: Mapping[str, type], what: str, converter: cattrs.Converter
) -> Callable[[object, object], object]:
    def structure(value: object, _: object) -> object:
        if isinstance(value, tuple(kinds.values())):
            return value
        if not isinstance(value, Mapping) or len(value) != 1:
            raise _IndataError(
                f"förväntade {what} skriven som en nyckel ({', '.join(kinds)}) med innehållet "
                f"under, fick {_typnamn(value)}"
                + (f" med nycklarna {', '.join(map(str, value))}" if isinstance(value, Mapping) else "")
            )
        ((key, inner),) = value.items()
        cls = kinds.get(key)
        if cls is None:
            raise _IndataError(
                f"okänd sorts {what} {key!r}{_menade_du(key, list(kinds))}; använd en av {', '.join(kinds)}"
            )
        try:
            return converter.structure(inner, cls)
        except Exception as exc:
            exc.add_note(AttributeValidationNote(f"@ {key}", key, cls))
            raise ClassValidationError(what, [exc], cls) from None

    return structure


_LISTFORMER: Final[dict[type, tuple[str, ...]]] = {
    Sjukolumner: SJU_KOLUMNER,
    RRKolumner: ("utfall_period", "budget_period", "budget_ar", "prognos_ar"),
    RRRapporterad: (
        "utfall_period",
        "budget_period",
        "diff_period",
        "budget_ar",
        "prognos_ar",
        "diff_ar",
    ),
    RapporteradDriftrad: DRIFT_KOLUMNER,
}


def _class_hook(cls: type, converter: cattrs.Converter) -> Callable[[object, object], object]:
    inner: Callable[[Mapping[str, object], Any], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    fields = attrs.fields_dict(cls)
    listform = _LISTFORMER.get(cls)
    default_enhet = fields["enhet"].default if "enhet" in fields else None

    def structure(value: object, _: object) -> object:
        if isinstance(value, cls):
            return value
        if listform is not None and isinstance(value, list):
            if len(value) != len(listform):
                raise _IndataError(
                    f"förväntade {len(listform)} värden i ordningen {', '.join(listform)}, fick {len(value)}"
                )
            value = dict(zip(listform, value, strict=True))
        if not isinstance(value, Mapping):
            raise _IndataError(
                f"förväntade en mappning med fälten {', '.join(fields)}, fick {_typnamn(value)}"
            )
        extra = sorted(str(k) for k in value if k not in fields)
        if extra:
            # Reported with a suggestion each; the known fields are still structured so
            # that every other error in the same object is found in the same run.
            errors: list[Exception] = [_unknown_key(key, list(fields), cls) for key in extra]
            known = {k: v for k, v in value.items() if k in fields}
            try:
                _with_unit(known, default_enhet, lambda: inner(known, cls))
            except BaseValidationError as exc:
                errors.extend(exc.exceptions)
            except Exception as exc:
                errors.append(exc)
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return _with_unit(value, default_enhet, lambda: inner(value, cls))

    return structure


def _with_unit(value: Mapping[str, object], default: object, fn: Callable[[], object]) -> object:
    if default is None and "enhet" not in value:
        return fn()
    enhet = value.get("enhet", default)
    token = _ENHET.set(str(enhet) if enhet in ENHETER else str(default))
    try:
        return fn()
    finally:
        _ENHET.reset(token)


def _unknown_key(key: str, fields: list[str], cls: type) -> Exception:
    exc = _IndataError(f"okänt fält {key!r}{_menade_du(key, fields)}; giltiga fält här: {', '.join(fields)}")
    exc.add_note(AttributeValidationNote(f"@ {key}", key, cls))
    return exc


def _tuple_hook(tp: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    (item_type, _ellipsis) = get_args(tp)

    def structure(value: object, _: object) -> tuple[object, ...]:
        if value is None:
            return ()
        if isinstance(value, tuple) and all(not isinstance(v, Mapping) for v in value):
            value = list(value)
        if not isinstance(value, list):
            raise _IndataError(f"förväntade en lista, fick {_typnamn(value)}")
        result: list[object] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                result.append(converter.structure(item, item_type))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(exc)
        if errors:
            raise ClassValidationError("list", errors, tuple)
        return tuple(result)

    return structure


def _matningar(value: object, converter: cattrs.Converter) -> tuple[Matning, ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        result: list[Matning] = []
        errors: list[Exception] = []
        for key, v in value.items():
            try:
                varde = None if v is None else _structure_matvarde(v, Matvarde)
                result.append(Matning(etikett=_structure_str(key, str), varde=varde))
            except Exception as exc:
                exc.add_note(AttributeValidationNote(f"@ {key}", str(key), Matning))
                errors.append(exc)
        if errors:
            raise ClassValidationError("utfall", errors, tuple)
        return tuple(result)
    return _tuple_hook(tuple[Matning, ...], converter)(value, None)  # type: ignore[return-value]


_PROCENTFALT: Final = ("kvinnor", "man", "jamforvarde", "ingangsvarde", "malvarde")


def _indikator_hook(converter: cattrs.Converter) -> Callable[[object, object], object]:
    base = _class_hook(Indikator, converter)

    def structure(value: object, _: object) -> object:
        obj = base(value, Indikator)
        assert isinstance(obj, Indikator)
        assert isinstance(value, Mapping)
        raw: list[tuple[str, object]] = [(f, value.get(f)) for f in _PROCENTFALT]
        utfall = value.get("utfall")
        if isinstance(utfall, Mapping):
            raw += [(f"utfall.{k}", v) for k, v in utfall.items()]
        for name, v in raw:
            if v is None:
                continue
            har_procent = isinstance(v, str) and v.strip().endswith("%")
            if obj.enhet is Indikatorenhet.ANDEL and not har_procent:
                raise _IndataError(
                    f"indikatorn är en andel, så {name} ska skrivas med procenttecken "
                    f"(t.ex. '86%'), fick {_typnamn(v)}"
                )
            if obj.enhet is Indikatorenhet.ANTAL and har_procent:
                raise _IndataError(
                    f"indikatorn räknar antal, men {name} är en procentsats ({v!r}); "
                    "sätt enhet: andel eller ta bort procenttecknet"
                )
        return obj

    return structure


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults the most recently registered hook first: generic factories go in
    # first, the specific hooks after them.
    converter.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(t, converter))
    converter.register_structure_hook_factory(attrs.has, lambda t: _class_hook(t, converter))
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, converter))
    converter.register_structure_hook_func(_is_literal, _structure_literal)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(Matvarde, _structure_matvarde)
    converter.register_structure_hook(Belopp, _structure_belopp)
    converter.register_structure_hook(Diarienummer, _structure_diarienummer)
    converter.register_structure_hook_factory(_is_tom_union, lambda t: _tom_union_hook(t, converter))
    converter.register_structure_hook_func(lambda t: t == RapporteratBelopp, _structure_rapporterat)
    converter.register_structure_hook_func(lambda t: t == Text, _structure_text)
    converter.register_structure_hook_func(
        lambda t: t == tuple[Matning, ...], lambda v, _: _matningar(v, converter)
    )
    converter.register_structure_hook_func(
        lambda t: t == Dokumentdel, _tagged(_DELAR, "dokumentdel", converter)
    )
    converter.register_structure_hook_func(
        lambda t: t == Malpost, _tagged(_POSTER, "post under målet", converter)
    )
    # The vocabularies are str subclasses: register each one directly, or the str hook
    # (found by class dispatch) would accept any text as a status.
    for enum_cls in (
        Status,
        Bedomning,
        Kontrollresultat,
        Indikatorenhet,
        Malniva,
        Rapporteringstyp,
        Trend,
        Volymtyp,
    ):
        converter.register_structure_hook(enum_cls, _structure_enum)
    # Last: this builds its structuring function now, from the hooks registered above.
    converter.register_structure_hook(Indikator, _indikator_hook(converter))
    return converter


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_literal(tp: Any) -> bool:
    return get_origin(tp) is Literal


def _is_optional(tp: object) -> bool:
    args = get_args(tp)
    return get_origin(tp) in (UnionType, Union) and len(args) == 2 and type(None) in args


def _optional_hook(tp: object, converter: cattrs.Converter) -> Callable[[object, object], object]:
    (inner,) = [a for a in get_args(tp) if a is not type(None)]

    def structure(value: object, _: object) -> object:
        return None if value is None else converter.structure(value, inner)

    return structure


def _is_tom_union(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) in (UnionType, Union) and Tom in args and type(None) in args and len(args) == 3


def _tom_union_hook(tp: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    """``X | Tom | None``: a reported value, ``tom`` for a cell printed empty, or nothing."""
    (inner,) = [a for a in get_args(tp) if a not in (Tom, type(None))]

    def structure(value: object, _: object) -> object:
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() == "tom":
            return TOM
        return converter.structure(value, inner)

    return structure


_CONVERTER: Final = _make_converter()


# -- errors -------------------------------------------------------------------------------


def _flatten(exc: BaseException, path: Path_) -> Iterator[tuple[Path_, BaseException]]:
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = (*path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = (*path, note.index)
            yield from _flatten(sub, sub_path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        fields = list(attrs.fields_dict(exc.cl)) if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            yield (*path, key), _unknown_key(key, fields, exc.cl)
    else:
        yield path, exc


def _message(exc: BaseException) -> str:
    if isinstance(exc, (_IndataError, TextError)):
        return str(exc)
    if isinstance(exc, KeyError):
        return "obligatoriskt fält saknas"
    if isinstance(exc, (ValueError, TypeError)):
        return f"ogiltigt värde: {exc}"
    return f"{type(exc).__name__}: {exc}"


def format_path(path: Path_) -> str:
    """``('bilagor', 0, 'titel')`` → ``bilagor[0].titel``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _line(lines: Mapping[Path_, int], path: Path_) -> int | None:
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]


# -- loading ------------------------------------------------------------------------------


def load(
    source: str | os.PathLike[str] | Mapping[str, Any],
    *,
    excel_radbrytningar: bool = False,
) -> Delarsrapport:
    """Read a report from a YAML or JSON file (or a dict of the same structure).

    Raises :class:`~delarsrapport.LoadError` listing every problem found, each with the
    file, line, field path, what was expected and what was found. With
    *excel_radbrytningar*, the vertical tab Excel puts in multi-line cells becomes a
    line break instead of an error.
    """
    return read_structured(
        source,
        Delarsrapport,
        excel_radbrytningar=excel_radbrytningar,
        raw_checks=_raw_bilaga_numbers,
        validate=_validate,
    )


_T = TypeVar("_T")


def read_structured(
    source: str | os.PathLike[str] | Mapping[str, Any],
    cls: type[_T],
    *,
    excel_radbrytningar: bool = False,
    raw_checks: Callable[[object], list[tuple[Path_, str]]] | None = None,
    validate: Callable[[_T], list[tuple[Path_, str]]] | None = None,
) -> _T:
    """Read a YAML/JSON file or a dict into *cls*, collecting every problem into a LoadError."""
    lines: dict[Path_, int] = {}
    problems: list[tuple[Path_, str]] = []
    name: str | None
    if isinstance(source, Mapping):
        data: object = source
        name = None
    else:
        path = Path(source)
        name = str(source)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LoadError([Problem("", "filen finns inte", name)], name) from None
        except UnicodeDecodeError as exc:
            raise LoadError(
                [Problem("", f"filen är inte UTF-8 (byte {exc.start}); spara den som UTF-8", name)],
                name,
            ) from None
        if path.suffix.lower() == ".json":
            try:
                json.loads(text)
            except json.JSONDecodeError as exc:
                raise LoadError([Problem("", f"ogiltig JSON: {exc.msg}", name, exc.lineno)], name) from None
        try:
            data, lines, problems = _read_yaml(text)
        except _YamlError as exc:
            raise LoadError([Problem("", exc.message, name, exc.line)], name) from None

    if raw_checks is not None:
        problems.extend(raw_checks(data))
    result: _T | None = None
    token = _EXCEL_RADBRYTNING.set(excel_radbrytningar)
    try:
        result = _CONVERTER.structure(data, cls)
    except Exception as exc:
        problems.extend((p, _message(e)) for p, e in _flatten(_as_group(exc, cls), ()))
    finally:
        _EXCEL_RADBRYTNING.reset(token)
    if result is not None and validate is not None:
        problems.extend(validate(result))
    if problems:
        unique: dict[tuple[str, str], Problem] = {}
        for p, message in problems:
            problem = Problem(format_path(p), message, name, _line(lines, p))
            unique.setdefault((problem.path, problem.message), problem)
        ordered = sorted(unique.values(), key=lambda pr: (pr.line or 0, pr.path))
        raise LoadError(list(ordered), name)
    assert result is not None
    return result


def _as_group(exc: BaseException, cls: type) -> BaseException:
    if isinstance(exc, BaseExceptionGroup):
        return exc
    return ClassValidationError(cls.__name__, [exc], cls)  # type: ignore[list-item]


# -- rules across fields ------------------------------------------------------------------


def _validate(rapport: Delarsrapport) -> list[tuple[Path_, str]]:
    """Rules that span fields: unique bilaga numbers, references that must resolve."""
    problems: list[tuple[Path_, str]] = []
    for index, arende in enumerate(rapport.arenden):
        base: Path_ = () if index == 0 else ("ovriga_arenden", index - 1)
        problems.extend(_validate_arende(arende, base))
    return problems


def _raw_bilaga_numbers(data: object) -> list[tuple[Path_, str]]:
    """Duplicate bilaga numbers, found in the raw data so they are reported with the rest."""
    problems: list[tuple[Path_, str]] = []
    if not isinstance(data, Mapping):
        return problems
    arenden: list[tuple[Path_, object]] = [((), data)]
    ovriga = data.get("ovriga_arenden")
    if isinstance(ovriga, list):
        arenden += [(("ovriga_arenden", i), a) for i, a in enumerate(ovriga)]
    for base, arende in arenden:
        bilagor = arende.get("bilagor") if isinstance(arende, Mapping) else None
        if not isinstance(bilagor, list):
            continue
        seen: dict[object, int] = {}
        for i, bilaga in enumerate(bilagor):
            nummer = bilaga.get("nummer") if isinstance(bilaga, Mapping) else None
            if nummer is None or isinstance(nummer, bool):
                continue
            if nummer in seen:
                problems.append(
                    (
                        (*base, "bilagor", i, "nummer"),
                        f"bilaga nummer {nummer} finns redan (bilagor[{seen[nummer]}]); "
                        "varje bilaga numreras en gång, och alla hänvisningar räknas fram "
                        "ur det numret",
                    )
                )
            else:
                seen[nummer] = i
    return problems


def _validate_arende(arende: Arende, base: Path_) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    seen = {b.nummer for b in arende.bilagor}
    for i, bilaga in enumerate(arende.bilagor):
        if bilaga.nummer < 1:
            problems.append(
                (
                    (*base, "bilagor", i, "nummer"),
                    f"bilagenummer måste vara 1 eller mer, fick {bilaga.nummer}",
                )
            )
        if not bilaga.delar:
            problems.append(((*base, "bilagor", i, "delar"), "en bilaga måste ha minst en del"))
        for j, del_ in enumerate(bilaga.delar):
            if isinstance(del_, EkonomiskUppfoljning):
                problems.extend(_validate_ekonomi(del_, (*base, "bilagor", i, "delar", j, "ekonomi")))
    for k, sats in enumerate(arende.tjansteskrivelse.forslag_till_beslut):
        sats_path = (*base, "tjansteskrivelse", "forslag_till_beslut", k)
        if sats.bilaga is not None and sats.bilaga not in seen:
            problems.append(
                (
                    (*sats_path, "bilaga"),
                    f"beslutssatsen hänvisar till bilaga {sats.bilaga}, som inte finns; "
                    f"bilagorna är {', '.join(map(str, sorted(seen))) or 'inga'}",
                )
            )
        if sats.presens is None and presens(sats.verb) is None:
            problems.append(
                (
                    (*sats_path, "verb"),
                    f"verbet {sats.verb!r} finns inte i listan över beslutsverb; ange dess presens "
                    "(t.ex. presens: godkänner) så att alla mallar kan formulera beslutet",
                )
            )
        if sats.belopp is not None and arende.ekonomi is None:
            problems.append(
                (
                    (*sats_path, "belopp"),
                    "beslutssatsen vill ha ett belopp, men ärendet har ingen ekonomisk uppföljning",
                )
            )
    return problems


def _validate_ekonomi(ekonomi: EkonomiskUppfoljning, base: Path_) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    tabell = ekonomi.sammanfattning
    if tabell is not None:
        for i, rad in enumerate(tabell.rader):
            problems.extend(_validate_rad(ekonomi, rad, (*base, "sammanfattning", "rader", i)))
    if ekonomi.prognososakerhet is not None:
        for name in ("forsamring", "forbattring"):
            if getattr(ekonomi.prognososakerhet, name) < Belopp.noll():
                problems.append(
                    (
                        (*base, "prognososakerhet", name),
                        "anges som ett belopp ≥ 0 (storleken på försämringen/förbättringen)",
                    )
                )
    namn = [r.namn for r in ekonomi.driftbudget.rader] if ekonomi.driftbudget else []
    for i, fordelning in enumerate(ekonomi.budgetfordelning):
        if fordelning.omrade not in namn:
            problems.append(
                (
                    (*base, "budgetfordelning", i, "omrade"),
                    f"området {fordelning.omrade!r} finns inte i driftbudgeten"
                    f"{_menade_du(fordelning.omrade, namn)}",
                )
            )
    for i, v in enumerate(ekonomi.verksamheter):
        if [x.namn for x in ekonomi.verksamheter].count(v.namn) > 1:
            problems.append(
                (
                    (*base, "verksamheter", i, "namn"),
                    f"verksamheten {v.namn!r} förekommer flera gånger",
                )
            )
    return problems


def _validate_rad(
    ekonomi: EkonomiskUppfoljning, rad: Sammanfattningsrad, path: Path_
) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    if rad.verksamhet is not None:
        avsnitt = ekonomi.verksamhet(rad.verksamhet)
        namn = [v.namn for v in ekonomi.verksamheter]
        if avsnitt is None:
            problems.append(
                (
                    (*path, "verksamhet"),
                    f"verksamheten {rad.verksamhet!r} finns inte bland ekonomins verksamheter"
                    + _menade_du(rad.verksamhet, namn),
                )
            )
        elif avsnitt.tabell is None:
            problems.append(
                (
                    (*path, "verksamhet"),
                    f"verksamheten {rad.verksamhet!r} har ingen verksamhetstabell att räkna raden ur",
                )
            )
        else:
            for falt in ("kommunbidrag", "periodens_utfall", "helarsprognos"):
                if getattr(rad, falt) is not None:
                    problems.append(
                        (
                            (*path, falt),
                            f"{falt} räknas fram ur verksamhetstabellen för {rad.verksamhet!r} och ska "
                            "inte anges; lägg det tryckta värdet under rapporterat om du vill jämföra",
                        )
                    )
    for i, sub in enumerate(rad.varav):
        problems.extend(_validate_rad(ekonomi, sub, (*path, "varav", i)))
    return problems
