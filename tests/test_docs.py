"""Generated documentation is committed and matches the code it is generated from."""

from __future__ import annotations

import json
from pathlib import Path

from delarsrapport._kontrollkoder import markdown as kontroller_markdown
from delarsrapport._schema import json_schema, markdown_reference

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_input_reference_is_current() -> None:
    """docs/indata-referens.md is what the model generates (run python -m delarsrapport._schema docs)."""
    assert (DOCS / "indata-referens.md").read_text(encoding="utf-8") == markdown_reference()


def test_json_schema_is_current() -> None:
    """docs/indata.schema.json is what the model generates."""
    committed = json.loads((DOCS / "indata.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


def test_finding_codes_are_documented() -> None:
    """docs/kontroller.md documents every finding code, generated from the code table."""
    assert (DOCS / "kontroller.md").read_text(encoding="utf-8") == kontroller_markdown()
