"""The input format, derived from the model: a JSON Schema and a Markdown reference.

Both are generated from the attrs classes (their fields, types, defaults and the
docstrings under each field), so the documentation cannot drift from what ``load``
accepts. ``python -m delarsrapport._load.schema DIR`` writes them.
"""

from __future__ import annotations

import ast
import inspect
import json
import sys
import textwrap
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import attrs

from delarsrapport._load.load import _DELAR, _LISTFORMER, _POSTER
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.organisation import Diarienummer
from delarsrapport._model.rapport import Delarsrapport, Dokumentdel
from delarsrapport._model.rapporterat import RapporteratBelopp, Tom
from delarsrapport._model.text import TABELLER, Text
from delarsrapport._model.verksamhet import Malpost, Matning, Matvarde

__all__ = ["json_schema", "markdown_reference", "write"]


@cache
def _field_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field in the class body."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, following in zip(body, [*body[1:], None], strict=True):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def _class_doc(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return doc.split("\n\n")[0].replace("\n", " ")


def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _tom_inner(tp: Any) -> Any:
    """For ``X | Tom | None`` (a reported value that may be printed empty): X, else None."""
    args = get_args(tp)
    if get_origin(tp) in (UnionType, Union) and Tom in args and NoneType in args and len(args) == 3:
        return next(a for a in args if a not in (Tom, NoneType))
    return None


def _is_optional(tp: Any) -> tuple[bool, Any]:
    args = get_args(tp)
    if get_origin(tp) in (UnionType, Union) and NoneType in args and len(args) == 2:
        return True, next(a for a in args if a is not NoneType)
    return False, tp


# -- JSON Schema --------------------------------------------------------------------------

_BELOPP_SCHEMA = {
    "description": "Belopp i tabellens enhet: ett heltal eller text med decimalkomma "
    "('-2 114', '659,1'). Decimaltal med punkt (flyttal) godtas inte.",
    "anyOf": [{"type": "integer"}, {"type": "string"}],
}


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for the report input, generated from the model."""
    defs: dict[str, Any] = {}

    def ref(cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = obj(cls)
        return {"$ref": f"#/$defs/{name}"}

    def obj(cls: type) -> dict[str, Any]:
        hints = _hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        docs = _field_docs(cls)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            schema = typ(hints[field.name])
            if field.name in docs:
                schema = {**schema, "description": docs[field.name]}
            props[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        out: dict[str, Any] = {
            "type": "object",
            "description": _class_doc(cls),
            "properties": props,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        listform = _LISTFORMER.get(cls)
        if listform:
            return {
                "description": _class_doc(cls)
                + f" Kan också skrivas som en lista i ordningen {', '.join(listform)}.",
                "anyOf": [
                    out,
                    {
                        "type": "array",
                        "minItems": len(listform),
                        "maxItems": len(listform),
                        "items": {"anyOf": [_BELOPP_SCHEMA, {"type": "null"}]},
                    },
                ],
            }
        return out

    def typ(tp: Any) -> dict[str, Any]:
        if tp == Text:
            return {"$ref": "#/$defs/Text"}
        if tp == RapporteratBelopp:
            return {"anyOf": [_BELOPP_SCHEMA, {"const": "tom"}, {"type": "null"}]}
        tom_inner = _tom_inner(tp)
        if tom_inner is not None:
            return {"anyOf": [typ(tom_inner), {"const": "tom"}, {"type": "null"}]}
        if tp == Dokumentdel:
            return tagged(_DELAR)
        if tp == Malpost:
            return tagged(_POSTER)
        if tp == tuple[Matning, ...]:
            return {
                "type": "object",
                "description": "Utfall per mätpunkt i ordning, t.ex. {T1: '86%', T2: '84%'}.",
                "additionalProperties": {
                    "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]
                },
            }
        optional, inner = _is_optional(tp)
        if optional:
            return {"anyOf": [typ(inner), {"type": "null"}]}
        origin = get_origin(tp)
        if origin is tuple:
            return {"type": "array", "items": typ(get_args(tp)[0])}
        if origin is dict:
            key, value = get_args(tp)
            return {"type": "object", "propertyNames": typ(key), "additionalProperties": typ(value)}
        if origin is Literal:
            return {"enum": list(get_args(tp))}
        if tp is Belopp:
            return _BELOPP_SCHEMA
        if tp is Matvarde:
            return {
                "description": "Andel med procenttecken ('86%') eller antal.",
                "anyOf": [{"type": "string"}, {"type": "integer"}],
            }
        if tp is str:
            return {"type": "string"}
        if tp is int:
            return {"type": "integer"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is date:
            return {"type": "string", "format": "date"}
        if tp is Decimal:
            return {"anyOf": [{"type": "integer"}, {"type": "string"}]}
        if tp is Diarienummer:
            return {"type": "string", "description": "'SCN-2020-00459' eller 'SN 23/0007'."}
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [m.value for m in tp]}
        if attrs.has(tp):
            return ref(tp)
        raise TypeError(f"ingen schemaregel för {tp!r}")

    def tagged(kinds: dict[str, type]) -> dict[str, Any]:
        return {
            "oneOf": [
                {
                    "type": "object",
                    "properties": {k: ref(c)},
                    "required": [k],
                    "additionalProperties": False,
                }
                for k, c in kinds.items()
            ]
        }

    root = ref(Delarsrapport)
    defs["Text"] = {
        "description": "Löptext: en lista där varje post är ett stycke (text), "
        "{rubrik: …, niva: 1–3}, {punkter: [...]} eller {tabell: uppdragsstatus} (platsen för "
        "en tabell som räknas fram ur rapporten). En ensam text blir ett stycke.",
        "anyOf": [
            {"type": "string"},
            {"type": "null"},
            {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"type": "string"},
                        {
                            "type": "object",
                            "properties": {
                                "rubrik": {"type": "string"},
                                "niva": {"type": "integer"},
                            },
                            "required": ["rubrik"],
                            "additionalProperties": False,
                        },
                        {
                            "type": "object",
                            "properties": {"punkter": {"type": "array", "items": {"type": "string"}}},
                            "required": ["punkter"],
                            "additionalProperties": False,
                        },
                        {
                            "type": "object",
                            "properties": {"tabell": {"enum": list(TABELLER)}},
                            "required": ["tabell"],
                            "additionalProperties": False,
                        },
                    ]
                },
            },
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/delarsrapport/indata.schema.json",
        "title": "delarsrapport – indata för en delårsrapport",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


# -- Markdown -----------------------------------------------------------------------------


def _typtext(tp: Any) -> str:
    if tp == Text:
        return "löptext"
    if tp == RapporteratBelopp:
        return "belopp eller `tom`"
    tom_inner = _tom_inner(tp)
    if tom_inner is not None:
        return f"{_typtext(tom_inner)} eller `tom`"
    if tp == Dokumentdel:
        return "en av " + ", ".join(f"`{k}: {c.__name__}`" for k, c in _DELAR.items())
    if tp == Malpost:
        return "en av " + ", ".join(f"`{k}: {c.__name__}`" for k, c in _POSTER.items())
    if tp == tuple[Matning, ...]:
        return "mätvärden per etikett (`{T1: '86%', T2: '84%'}`)"
    optional, inner = _is_optional(tp)
    if optional:
        return _typtext(inner)
    origin = get_origin(tp)
    if origin is tuple:
        return f"lista av {_typtext(get_args(tp)[0])}"
    if origin is dict:
        key, value = get_args(tp)
        return f"mappning {_typtext(key)} → {_typtext(value)}"
    if origin is Literal:
        return "en av " + ", ".join(f"`{a}`" for a in get_args(tp))
    simple = {
        Belopp: "belopp",
        Matvarde: "mätvärde",
        str: "text",
        int: "heltal",
        bool: "`true`/`false`",
        date: "datum `ÅÅÅÅ-MM-DD`",
        Decimal: "tal",
        Diarienummer: "diarienummer",
    }
    if tp in simple:
        return simple[tp]
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "en av " + ", ".join(f"`{m.value}`" for m in tp)
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return repr(tp)


def _classes() -> list[type]:
    seen: dict[str, type] = {}

    def visit(tp: Any) -> None:
        if tp == Dokumentdel:
            for c in _DELAR.values():
                visit(c)
            return
        if tp == Malpost:
            for c in _POSTER.values():
                visit(c)
            return
        if attrs.has(tp):
            if tp.__name__ in seen:
                return
            seen[tp.__name__] = tp
            for name, hint in _hints(tp).items():
                if name in attrs.fields_dict(tp):
                    visit(hint)
            return
        for arg in get_args(tp):
            visit(arg)

    visit(Delarsrapport)
    return list(seen.values())


def _default(field: attrs.Attribute[Any]) -> str:
    if field.default is attrs.NOTHING:
        return "**ja**"
    value = field.default
    if value is None:
        return "nej"
    if value == ():
        return "nej (tom)"
    if isinstance(value, Enum):
        return f"nej (`{value.value}`)"
    if isinstance(value, bool):
        return f"nej (`{str(value).lower()}`)"
    return f"nej (`{value}`)"


def markdown_reference() -> str:
    """The input reference in Swedish Markdown, one section per type, from the model."""
    lines = [
        "# Indata – referens",
        "",
        "<!-- Genererad av `python -m delarsrapport._load.schema docs`; redigera inte för hand. -->",
        "",
        "Den här sidan beskriver varje fält som `delarsrapport.load()` läser, i YAML, JSON eller",
        "som en Python-dict. Den genereras ur modellen, så den stämmer alltid med koden. Se",
        "[indata.md](indata.md) för en introduktion med exempel.",
        "",
        "**Typer.** *belopp*: heltal eller text med decimalkomma (`-2 114`, `659,1`) i",
        "tabellens `enhet`; decimaltal med punkt (flyttal) godtas inte. *mätvärde*: en andel med",
        "procenttecken (`86%`) eller ett antal. *löptext*: en lista av stycken, `{rubrik: …}`,",
        "`{punkter: [...]}` och `{tabell: uppdragsstatus}`, platsen där en framräknad tabell står.",
        "*belopp eller `tom`*: ett tryckt värde, eller `tom` om cellen",
        "var tom i källan. Fält under `rapporterat` är det som källan tryckte där modellen",
        "räknar fram värdet; de skrivs aldrig ut, de jämförs bara av `delarsrapport check`.",
        "",
    ]
    for cls in _classes():
        hints = _hints(cls)
        docs = _field_docs(cls)
        lines += [f"## {cls.__name__}", "", _class_doc(cls), ""]
        listform = _LISTFORMER.get(cls)
        if listform:
            lines += [
                f"Kan skrivas som en lista med {len(listform)} värden i ordningen "
                + ", ".join(f"`{f}`" for f in listform)
                + ".",
                "",
            ]
        lines += ["| Fält | Typ | Obligatoriskt | Beskrivning |", "|---|---|---|---|"]
        for field in attrs.fields(cls):
            if not field.init:
                continue
            desc = docs.get(field.name, "").replace("|", "\\|")
            lines.append(f"| `{field.name}` | {_typtext(hints[field.name])} | {_default(field)} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def write(directory: Path) -> list[Path]:
    """Write ``indata-referens.md`` and ``indata.schema.json`` into *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    md = directory / "indata-referens.md"
    md.write_text(markdown_reference(), encoding="utf-8")
    schema = directory / "indata.schema.json"
    schema.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [md, schema]


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(path)
