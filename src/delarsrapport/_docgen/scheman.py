"""The JSON Schemas in ``docs/``: the input, and the two ``--json`` outputs of the command line.

``indata.schema.json`` is generated from the model (:func:`delarsrapport._load.schema.json_schema`),
``kontroll.schema.json`` and ``layoutkontroll.schema.json`` are the shapes of
``delarsrapport check --json`` and ``layout check --json``
(:mod:`delarsrapport._cli.json_output`). ``python -m delarsrapport._docgen.scheman docs`` or
``delarsrapport docs schema docs`` writes all three.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["SCHEMAN", "main", "write", "write_schema"]

SCHEMAN = ("indata.schema.json", "kontroll.schema.json", "layoutkontroll.schema.json")
"""The file names, in the order they are written."""


def scheman() -> dict[str, dict[str, Any]]:
    """Each schema file's name and content."""
    from delarsrapport._cli.json_output import check_schema, layout_schema
    from delarsrapport._load.schema import json_schema

    return dict(zip(SCHEMAN, (json_schema(), check_schema(), layout_schema()), strict=True))


def write_schema(directory: Path, name: str, schema: dict[str, Any]) -> Path:
    """Write *schema* as ``directory/name``, indented, with Swedish characters as they are."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write(directory: Path) -> list[Path]:
    """Write the three schemas into *directory*."""
    return [write_schema(directory, name, schema) for name, schema in scheman().items()]


def main(argv: list[str] | None = None) -> int:
    """``python -m delarsrapport._docgen.scheman DIR``: write the schemas into DIR (default ``docs``)."""
    args = sys.argv[1:] if argv is None else argv
    for path in write(Path(args[0] if args else "docs")):
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
