"""The input format as a JSON Schema (draft 2020-12), derived from the model.

It is generated from the attrs classes (their fields, types, defaults and the docstring
under each field) and from the leaf types of :data:`~delarsrapport._load.indatatyper.INDATATYPER`,
so it cannot drift from what ``load`` accepts. ``docs/indata.schema.json`` is its output.
"""

from __future__ import annotations

from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from delarsrapport._load.converter import DELAR, LISTFORMER, POSTER, TEXTFORMER
from delarsrapport._load.indatatyper import TOM_SCHEMA, indatatyp, valbara
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.docstrings import class_doc, field_docs
from delarsrapport._model.rapport import Delarsrapport, Dokumentdel
from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.verksamhet import Malpost, Matning

__all__ = ["json_schema", "tom_inner", "valfri"]


def tom_inner(tp: Any) -> Any:
    """For ``X | Tom | None`` (a reported value that may be printed empty): X, else None."""
    args = get_args(tp)
    if get_origin(tp) in (UnionType, Union) and Tom in args and NoneType in args and len(args) == 3:
        return next(a for a in args if a not in (Tom, NoneType))
    return None


def valfri(tp: Any) -> tuple[bool, Any]:
    """``(True, X)`` for ``X | None``, else ``(False, tp)``."""
    args = get_args(tp)
    if get_origin(tp) in (UnionType, Union) and NoneType in args and len(args) == 2:
        return True, next(a for a in args if a is not NoneType)
    return False, tp


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
        hints = get_type_hints(cls)
        props: dict[str, Any] = {}
        required: list[str] = []
        docs = field_docs(cls)
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
            "description": class_doc(cls),
            "properties": props,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        textform = TEXTFORMER.get(cls)
        if textform:
            return {
                "description": class_doc(cls) + f" Kan också skrivas som en text, som då är {textform}.",
                "anyOf": [out, {"type": "string"}],
            }
        listform = LISTFORMER.get(cls)
        if listform:
            belopp = indatatyp(Belopp)
            assert belopp is not None
            return {
                "description": class_doc(cls)
                + f" Kan också skrivas som en lista i ordningen {', '.join(listform)}.",
                "anyOf": [
                    out,
                    {
                        "type": "array",
                        "minItems": len(listform),
                        "maxItems": len(listform),
                        "items": {"anyOf": [belopp.schema, {"type": "null"}]},
                    },
                ],
            }
        return out

    def typ(tp: Any) -> dict[str, Any]:
        rad = indatatyp(tp)
        if rad is not None:
            if rad.schemanamn is None:
                return dict(rad.schema)
            defs[rad.schemanamn] = rad.schema
            return {"$ref": f"#/$defs/{rad.schemanamn}"}
        inner = tom_inner(tp)
        if inner is not None:
            return {"anyOf": [typ(inner), TOM_SCHEMA, {"type": "null"}]}
        if tp == Dokumentdel:
            return tagged(DELAR)
        if tp == Malpost:
            return tagged(POSTER)
        if tp == tuple[Matning, ...]:
            return {
                "description": "Utfall per mätpunkt i ordning, t.ex. {T1: '86%', T2: '84%'}, eller en "
                "lista av {etikett, varde}.",
                "anyOf": [
                    {
                        "type": "object",
                        "additionalProperties": {
                            "anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]
                        },
                    },
                    {"type": "array", "items": ref(Matning)},
                    {"type": "null"},
                ],
            }
        optional, inner = valfri(tp)
        if optional:
            return {"anyOf": [typ(inner), {"type": "null"}]}
        choices = valbara(tp)
        if choices is not None:
            return {"enum": list(choices)}
        origin = get_origin(tp)
        if origin is tuple:  # a list; left empty (null) it is an empty list
            return {"type": ["array", "null"], "items": typ(get_args(tp)[0])}
        if origin is dict:
            key, value = get_args(tp)
            return {"type": "object", "propertyNames": typ(key), "additionalProperties": typ(value)}
        if attrs.has(tp):
            return ref(tp)
        raise TypeError(f"ingen schemaregel för {tp!r}")

    def tagged(kinds: dict[str, type]) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "object", "properties": {k: ref(c)}, "required": [k], "additionalProperties": False}
                for k, c in kinds.items()
            ]
        }

    root = ref(Delarsrapport)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:delarsrapport:schema:indata",
        "title": "delarsrapport – indata för en delårsrapport",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
