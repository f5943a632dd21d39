"""The input reference (``docs/indata-referens.md``) and the JSON Schema file, from the model.

Every class the input can hold gets a section with a table of its fields: the type in
the words of :data:`~delarsrapport._load.indatatyper.INDATATYPER`, whether it is required,
and the Swedish docstring under the field. ``python -m delarsrapport._docgen.indata docs``
writes both files.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import attrs

from delarsrapport._docgen.scheman import write_schema
from delarsrapport._load.converter import DELAR, LISTFORMER, POSTER, TEXTFORMER
from delarsrapport._load.indatatyper import indatatyp, valbara
from delarsrapport._load.schema import json_schema, tom_inner, valfri
from delarsrapport._model.docstrings import class_doc, field_docs
from delarsrapport._model.rapport import Delarsrapport, Dokumentdel
from delarsrapport._model.verksamhet import Malpost, Matning

__all__ = ["main", "markdown_reference", "write", "write_reference"]


def _typtext(tp: Any) -> str:
    rad = indatatyp(tp)
    if rad is not None:
        return rad.namn
    inner = tom_inner(tp)
    if inner is not None:
        return f"{_typtext(inner)} eller `tom`"
    if tp == Dokumentdel:
        return "en av " + ", ".join(f"`{k}: {c.__name__}`" for k, c in DELAR.items())
    if tp == Malpost:
        return "en av " + ", ".join(f"`{k}: {c.__name__}`" for k, c in POSTER.items())
    if tp == tuple[Matning, ...]:
        return "mätvärden per etikett (`{T1: '86%', T2: '84%'}`)"
    optional, inner = valfri(tp)
    if optional:
        return _typtext(inner)
    choices = valbara(tp)
    if choices is not None:
        return "en av " + ", ".join(f"`{a}`" for a in choices)
    origin = get_origin(tp)
    if origin is tuple:
        return f"lista av {_typtext(get_args(tp)[0])}"
    if origin is dict:
        key, value = get_args(tp)
        return f"mappning {_typtext(key)} → {_typtext(value)}"
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return repr(tp)


def _classes() -> list[type]:
    seen: dict[str, type] = {}

    def visit(tp: Any) -> None:
        if tp == Dokumentdel:
            for c in DELAR.values():
                visit(c)
            return
        if tp == Malpost:
            for c in POSTER.values():
                visit(c)
            return
        if attrs.has(tp):
            if tp.__name__ in seen:
                return
            seen[tp.__name__] = tp
            for name, hint in get_type_hints(tp).items():
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
        "<!-- Genererad av `python -m delarsrapport._docgen.indata docs`; redigera inte för hand. -->",
        "",
        "Den här sidan beskriver varje fält som `delarsrapport.load()` läser, i YAML, JSON eller",
        "som en Python-dict. Den genereras ur modellen, så den stämmer alltid med koden. Se",
        "[indata.md](indata.md) för en introduktion med exempel.",
        "",
        "**Typer.** *belopp*: heltal eller text med decimalkomma (`-2 114`, `659,1`) i",
        "tabellens `enhet`; decimaltal med punkt (flyttal) godtas inte. *mätvärde*: en andel med",
        "procenttecken (`86%`) eller ett antal. *löptext*: en lista av stycken, `{rubrik: …}`,",
        "`{punkter: [...]}` och `{tabell: uppdragsstatus}`, platsen där en framräknad tabell står.",
        "*heltal*: ett tal, eller text med mellanrum som i en tabell (`'26 415'`).",
        "*belopp eller `tom`*: ett tryckt värde, eller `tom` om cellen",
        "var tom i källan. Fält under `rapporterat` är det som källan tryckte där modellen",
        "räknar fram värdet; de skrivs aldrig ut, de jämförs bara av `delarsrapport check`.",
        "",
    ]
    for cls in _classes():
        hints = get_type_hints(cls)
        docs = field_docs(cls)
        lines += [f"## {cls.__name__}", "", class_doc(cls), ""]
        textform = TEXTFORMER.get(cls)
        if textform:
            lines += [f"Kan skrivas som en text, som då är `{textform}`.", ""]
        listform = LISTFORMER.get(cls)
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


def write_reference(directory: Path) -> Path:
    """Write ``indata-referens.md`` into *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    md = directory / "indata-referens.md"
    md.write_text(markdown_reference(), encoding="utf-8")
    return md


def write(directory: Path) -> list[Path]:
    """Write ``indata-referens.md`` and ``indata.schema.json`` into *directory*."""
    return [write_reference(directory), write_schema(directory, "indata.schema.json", json_schema())]


def main(argv: list[str] | None = None) -> int:
    """``python -m delarsrapport._docgen.indata DIR``: write both files into DIR (default ``docs``)."""
    args = sys.argv[1:] if argv is None else argv
    for path in write(Path(args[0] if args else "docs")):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
