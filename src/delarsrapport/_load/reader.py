"""Reading YAML and JSON text into plain data with a line number for every field path.

YAML is parsed by ruamel.yaml's composer and typed by the model, not by a YAML schema:
``no`` stays the text "no", ``00459`` stays "00459" in a text field, and a number with a
decimal point (a float in YAML and JSON) is kept as its text, so an amount field can refuse it.
"""

from __future__ import annotations

import json
import re
from typing import Final

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from delarsrapport._errors import Problemkod
from delarsrapport._load.errors import Path_

__all__ = ["ReadError", "YamlFloat", "YamlInt", "avmaskera", "read_json", "read_yaml"]


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

# The YAML reader refuses raw control characters (and stops with no line or path), so
# each is written as a private-use escape character followed by a stand-in before
# parsing, and turned back afterwards, so that check_text can name it with the field's
# path. The escape character itself is escaped too, so any text, private-use
# characters included, comes back exactly as it was.
_ESC: Final = "\U000f0000"
_STANDIN: Final = 0xF0100
_MASKERAS: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\U000f0000]")
_AVMASKERAS: Final = re.compile("\U000f0000(.)", re.DOTALL)


def _scalar(node: ScalarNode) -> object:
    text = avmaskera(node.value)
    tag = str(node.tag)
    if node.style:  # quoted or block scalar: always text (a plain one has None or "")
        return text
    # An implicit resolution would not give str for these, so the tag was explicit.
    if tag == _CORE_TAG + "str" and (_BOOL.fullmatch(text) or _INT.fullmatch(text) or _FLOAT.fullmatch(text)):
        return text
    if _NULL.fullmatch(text):
        return None
    if _BOOL.fullmatch(text):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        # Python refuses to turn more than 4 300 digits into an int; such a number is kept
        # as its text, which every number field then refuses for its length.
        return YamlInt(text) if len(text) <= 100 else text
    if _FLOAT.fullmatch(text):
        return YamlFloat(text)
    return text


class ReadError(Exception):
    """Text that cannot be read as YAML at all; *line* is where the reader stopped."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message


def _mask(text: str) -> str:
    def standin(m: re.Match[str]) -> str:
        c = m.group(0)
        return _ESC + chr(_STANDIN + (0xA0 if c == _ESC else ord(c)))

    return _MASKERAS.sub(standin, text)


def avmaskera(text: str) -> str:
    """*text* with every escaped character (see ``_mask``) turned back into itself."""
    if _ESC not in text:
        return text

    def original(m: re.Match[str]) -> str:
        code = ord(m.group(1)) - _STANDIN
        return _ESC if code == 0xA0 else chr(code)

    return _AVMASKERAS.sub(original, text)


def read_json(text: str) -> tuple[object, dict[Path_, int], list[tuple[Path_, Problemkod, str]]]:
    """Plain data from JSON text, the line of every field path, and problems found.

    The data is read by the JSON parser, which joins escaped surrogate pairs (``\\ud83d\\ude00``
    is one emoji, as every JSON writer means it) and leaves a truly lone surrogate for
    check_text to refuse with its path. Numbers keep their text as in YAML. The lines come
    from reading the same text as YAML (JSON is YAML) with its ``\\u`` escapes made
    harmless; when that fails, problems are reported without lines.
    """
    try:
        data = json.loads(text, parse_float=YamlFloat, parse_int=YamlInt, object_pairs_hook=_first_key_wins)
    except json.JSONDecodeError as exc:
        raise ReadError(exc.lineno, f"ogiltig JSON: {exc.msg} (kolumn {exc.colno})") from None
    except RecursionError:
        raise ReadError(None, "JSON-" + _FOR_DJUP) from None
    try:
        _, lines, problems = read_yaml(_UNICODE_ESCAPE.sub(r"\\u0020", text))
    except ReadError:
        return data, {}, []
    return data, lines, problems


_FOR_DJUP: Final = "strukturen är för djup; indata har några tiotal nivåer"
_ALIAS: Final = "alias (*namn) och ankare (&namn) används inte i indata; skriv ut värdet"
_UNICODE_ESCAPE: Final = re.compile(r"\\u[0-9a-fA-F]{4}")


def _first_key_wins(pairs: list[tuple[str, object]]) -> dict[str, object]:
    # As in YAML, a repeated key keeps its first value; the YAML reading of the same text
    # reports the repetition with its path and line.
    result: dict[str, object] = {}
    for key, value in pairs:
        result.setdefault(key, value)
    return result


def read_yaml(text: str) -> tuple[object, dict[Path_, int], list[tuple[Path_, Problemkod, str]]]:
    """Plain data from YAML (or JSON) text, the line of every field path, and problems found.

    Scalars are typed by :func:`_scalar`; tags other than the core ones are problems, and
    structures nested deeper than the model can be are refused.
    """
    text = _mask(text)
    # The C composer of ruamel.yaml.clib (when installed, as the package asks) is about ten
    # times faster than the pure one and gives the same nodes with the same marks.
    yaml = YAML(typ="safe", pure=False)
    try:
        root = yaml.compose(text)
    except RecursionError:
        raise ReadError(None, "YAML-" + _FOR_DJUP) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ReadError(line, f"ogiltig YAML: {exc.problem or exc}") from None
    except YAMLError as exc:
        raise ReadError(None, f"ogiltig YAML: {exc}") from None
    lines: dict[Path_, int] = {}
    problems: list[tuple[Path_, Problemkod, str]] = []
    seen: set[int] = set()

    def build(node: Node, path: Path_, depth: int) -> object:
        if depth > 60:
            raise ReadError(node.start_mark.line + 1, "YAML-" + _FOR_DJUP)
        if isinstance(node, (MappingNode, SequenceNode)):
            # An alias (*namn) is the node of its anchor (&namn) once more. Expanding it
            # again and again is how a small file grows to gigabytes; the input has no use
            # for them, so an alias is a problem and is not followed.
            if id(node) in seen:
                problems.append((path, Problemkod.ALIAS, _ALIAS))
                return None
            seen.add(id(node))
        lines.setdefault(path, node.start_mark.line + 1)
        tag = str(node.tag)
        if tag not in _TILLATNA_TAGGAR:
            problems.append((path, Problemkod.TAGG, f"okänd YAML-tagg {tag!r}; taggar används inte i indata"))
        if isinstance(node, MappingNode):
            result: dict[str, object] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    problems.append(
                        (
                            path,
                            Problemkod.SYNTAX,
                            "en nyckel måste vara ett namn, inte en lista eller mappning",
                        )
                    )
                    continue
                key = avmaskera(str(key_node.value))
                key_path = (*path, key)
                if key in result:
                    lines[key_path] = key_node.start_mark.line + 1
                    problems.append((key_path, Problemkod.DUBBLETT, f"nyckeln {key!r} förekommer två gånger"))
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
