"""Loading report data into the model: YAML, JSON or a Python dict, every error at once.

YAML is parsed by ruamel.yaml's composer and typed by the model, not by a YAML schema:
``no`` stays the text "no", ``00459`` stays "00459" in a text field, and a number with a
decimal point (a float in YAML and JSON) is refused where an exact amount belongs. Every
string is checked for characters a .docx cannot hold. Errors are collected, each with the
file, the line, the field path, what was expected and what was found.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final, TypeVar

from cattrs.errors import (
    ClassValidationError,
)

from delarsrapport._errors import LoadError, Problem, Problemkod
from delarsrapport._load.converter import CONVERTER
from delarsrapport._load.errors import Path_, explain, flatten, format_path
from delarsrapport._load.indatatyper import EXCEL_RADBRYTNING
from delarsrapport._load.reader import ReadError, read_json, read_yaml
from delarsrapport._load.rules import raw_bilaga_numbers, validate_rapport
from delarsrapport._model.kalla import Indatakalla
from delarsrapport._model.rapport import Delarsrapport, attach_kalla

__all__ = ["load", "read_structured"]


def load(
    source: str | os.PathLike[str] | Mapping[str, Any],
    *,
    excel_radbrytningar: bool = False,
    arbetsbok: str | os.PathLike[str] | None = None,
) -> Delarsrapport:
    """Read a report from a YAML or JSON file (or a dict of the same structure).

    Raises :class:`~delarsrapport.LoadError` listing every problem found, each with the
    file, line, field path, what was expected and what was found. With
    *excel_radbrytningar*, the vertical tab Excel puts in multi-line cells becomes a
    line break instead of an error. With *arbetsbok*, the figures of every economic
    table come from that Excel workbook (written by ``delarsrapport arbetsbok``) instead
    of the file; its problems are named by sheet and cell.
    """
    lines: dict[Path_, int] = {}
    rapport = read_structured(
        source,
        Delarsrapport,
        excel_radbrytningar=excel_radbrytningar,
        raw_checks=raw_bilaga_numbers,
        validate=validate_rapport,
        lines_out=lines,
    )
    if arbetsbok is not None:
        from delarsrapport._load.arbetsbok import read_arbetsbok  # the workbook reader only when asked for

        rapport = read_arbetsbok(rapport, arbetsbok)
    # The lines let check() say where in the input each finding is.
    attach_kalla(rapport, Indatakalla(None if isinstance(source, Mapping) else str(source), lines))
    return rapport


_T = TypeVar("_T")

#: The largest report file read. The samples are 30–120 kB; the bound keeps a wrong file
#: (a database dump, an image) from being read whole.
MAX_FILSTORLEK: Final = 64 * 2**20


def read_structured(
    source: str | os.PathLike[str] | Mapping[str, Any],
    cls: type[_T],
    *,
    excel_radbrytningar: bool = False,
    raw_checks: Callable[[object], list[tuple[Path_, str]]] | None = None,
    validate: Callable[[_T], list[tuple[Path_, str]]] | None = None,
    lines_out: dict[Path_, int] | None = None,
) -> _T:
    """Read a YAML/JSON file or a dict into *cls*, collecting every problem into a LoadError.

    *lines_out*, when given, receives the line of every field path of the file.
    """
    lines: dict[Path_, int] = {}
    problems: list[tuple[Path_, Problemkod, str]] = []
    name: str | None
    if isinstance(source, Mapping):
        data: object = source
        name = None
    else:
        path = Path(source)
        name = str(source)
        try:
            if path.stat().st_size > MAX_FILSTORLEK:
                raise LoadError(
                    [
                        Problem(
                            "",
                            f"filen är större än {MAX_FILSTORLEK // 2**20} MB; en rapport är några hundra kB",
                            name,
                            code=Problemkod.FIL,
                        )
                    ],
                    name,
                )
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LoadError([Problem("", "filen finns inte", name, code=Problemkod.FIL)], name) from None
        except OSError as exc:
            orsak = (
                "det är en mapp, inte en fil"
                if isinstance(exc, IsADirectoryError)
                else "behörighet saknas"
                if isinstance(exc, PermissionError)
                else f"systemfel {exc.errno}"
            )
            raise LoadError(
                [Problem("", f"filen går inte att läsa: {orsak}", name, code=Problemkod.FIL)], name
            ) from None
        except UnicodeDecodeError as exc:
            raise LoadError(
                [
                    Problem(
                        "",
                        f"filen är inte UTF-8 (byte {exc.start}); spara den som UTF-8",
                        name,
                        code=Problemkod.KODNING,
                    )
                ],
                name,
            ) from None
        try:
            data, lines, problems = (read_json if path.suffix.lower() == ".json" else read_yaml)(text)
        except ReadError as exc:
            raise LoadError(
                [Problem("", exc.message, name, exc.line, code=Problemkod.SYNTAX)], name
            ) from None

    if lines_out is not None:
        lines_out.update(lines)
    if raw_checks is not None:
        problems.extend((p, Problemkod.SAMBAND, message) for p, message in raw_checks(data))
    result: _T | None = None
    token = EXCEL_RADBRYTNING.set(excel_radbrytningar)
    try:
        result = CONVERTER.structure(data, cls)
    except Exception as exc:
        # An alias is read as nothing; what the structure says about that nothing (a
        # missing or mistyped value) is the alias's problem, already reported.
        aliases = [p for p, kod, _ in problems if kod is Problemkod.ALIAS]
        problems.extend(
            (p, *explain(e))
            for p, e in flatten(_as_group(exc, cls), ())
            if not any(p[: len(a)] == a for a in aliases)
        )
    finally:
        EXCEL_RADBRYTNING.reset(token)
    if result is not None and validate is not None:
        problems.extend((p, Problemkod.SAMBAND, message) for p, message in validate(result))
    if problems:
        unique: dict[tuple[str, str], Problem] = {}
        for p, kod, message in problems:
            problem = Problem(format_path(p), message, name, _line(lines, p), code=kod)
            unique.setdefault((problem.path, problem.message), problem)
        ordered = sorted(unique.values(), key=lambda pr: (pr.line or 0, pr.path))
        raise LoadError(list(ordered), name)
    assert result is not None
    return result


def _as_group(exc: BaseException, cls: type) -> BaseException:
    if isinstance(exc, BaseExceptionGroup):
        return exc
    return ClassValidationError(cls.__name__, [exc], cls)  # type: ignore[list-item]


def _line(lines: Mapping[Path_, int], path: Path_) -> int | None:
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
