"""Generated documentation is committed and matches the code it is generated from."""

from __future__ import annotations

import json
from pathlib import Path

from delarsrapport._docgen.indata import markdown_reference
from delarsrapport._docgen.kontroller import markdown as kontroller_markdown
from delarsrapport._load.schema import json_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_input_reference_is_current() -> None:
    """docs/indata-referens.md is what the model generates (run python -m delarsrapport._load.schema docs)."""
    assert (DOCS / "indata-referens.md").read_text(encoding="utf-8") == markdown_reference()


def test_json_schema_is_current() -> None:
    """docs/indata.schema.json is what the model generates."""
    committed = json.loads((DOCS / "indata.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()


def test_finding_codes_are_documented() -> None:
    """docs/kontroller.md documents every finding code, generated from the code table."""
    assert (DOCS / "kontroller.md").read_text(encoding="utf-8") == kontroller_markdown()


def test_the_input_introduction_example_loads_checks_and_renders(tmp_path: Path) -> None:
    """docs/indata.md's example is real: it loads, has no fel, and renders."""
    import re

    from delarsrapport import check, load, render
    from delarsrapport._check.koder import Severity

    text = (DOCS / "indata.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.+?)\n```", text, flags=re.S)
    assert block is not None
    path = tmp_path / "exempel.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    rapport = load(path)
    assert not [f for f in check(rapport) if f.severity is Severity.FEL]
    paths = render(rapport, out_dir=tmp_path / "ut")
    assert [p.name for p in paths] == [
        "1-tjansteskrivelse.docx",
        "1-bilaga-1-ekonomisk-uppfoljning-per-augusti-2025.docx",
    ]
