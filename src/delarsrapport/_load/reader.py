"""Reading YAML and JSON text into plain data with a line number for every field path.

YAML is parsed by ruamel.yaml's composer and typed by the model, not by a YAML schema:
``no`` stays the text "no", ``00459`` stays "00459" in a text field, and a number with a
decimal point (a float in YAML and JSON) is kept as its text, so an amount field can refuse it.
"""

from __future__ import annotations

import re
from typing import Final

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from delarsrapport._load.errors import Path_

__all__ = ["ReadError", "YamlFloat", "YamlInt", "avmaskera", "read_yaml"]


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


class ReadError(Exception):
    """Text that cannot be read as YAML at all; *line* is where the reader stopped."""

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


def avmaskera(text: str) -> str:
    """*text* with the stand-ins for control characters turned back into those characters."""
    # Control characters were shifted into a private-use range before ruamel.yaml saw
    # them (it refuses them); shift them back so that check_text can name them.
    if not any(_ERSATTNING <= ord(c) < _ERSATTNING + 0xA0 for c in text):
        return text
    return "".join(
        chr(ord(c) - _ERSATTNING) if _ERSATTNING <= ord(c) < _ERSATTNING + 0xA0 else c for c in text
    )


def read_yaml(text: str) -> tuple[object, dict[Path_, int], list[tuple[Path_, str]]]:
    """Plain data from YAML (or JSON) text, the line of every field path, and problems found.

    Scalars are typed by :func:`_scalar`; tags other than the core ones are problems, and
    structures nested deeper than the model can be are refused.
    """
    text = _mask_controls(text)
    yaml = YAML(typ="rt")
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ReadError(line, f"ogiltig YAML: {exc.problem or exc}") from None
    except YAMLError as exc:
        raise ReadError(None, f"ogiltig YAML: {exc}") from None
    lines: dict[Path_, int] = {}
    problems: list[tuple[Path_, str]] = []

    def build(node: Node, path: Path_, depth: int) -> object:
        if depth > 60:
            raise ReadError(node.start_mark.line + 1, "YAML-strukturen är för djup (alias i cirkel?)")
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
        raise ReadError(None, "filen är tom")
    return build(root, (), 0), lines, problems
