"""Generated documentation is committed and matches the code it is generated from."""

from __future__ import annotations

import json
import re
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


# -- every field of the input described, in Swedish -------------------------------------------

ENGELSKA_ORD = re.compile(
    r"\b(the|of|and|is|with|for|to|an|from|when|which|this|that|are|be|its|printed|row|table|value|"
    r"only|each|every|derived|given|whether|here)\b",
    re.IGNORECASE,
)
SVENSKA_ORD = re.compile(
    r"\b(en|ett|och|som|för|med|i|av|den|det|de|är|till|på|eller|under|per)\b", re.IGNORECASE
)


def _beskrivningar() -> list[tuple[str, str, str]]:
    """(class, field or '' for the class, description) for every class the input can hold."""
    import attrs

    from delarsrapport._docgen.indata import _classes
    from delarsrapport._model.docstrings import class_doc, field_docs

    out = []
    for cls in _classes():
        out.append((cls.__name__, "", class_doc(cls)))
        docs = field_docs(cls)
        out += [(cls.__name__, f.name, docs.get(f.name, "")) for f in attrs.fields(cls) if f.init]
    return out


def test_every_field_of_every_input_class_is_described() -> None:
    """Each field the input can hold has the docstring under it that the reference shows."""
    beskrivningar = _beskrivningar()
    assert len(beskrivningar) > 500  # the walk found the model: about 90 classes and 480 fields
    assert [f"{klass}.{falt}" for klass, falt, text in beskrivningar if not text.strip()] == []


def test_the_input_reference_is_in_swedish() -> None:
    """Class and field descriptions are Swedish: no English words; a class description says
    what it is in a Swedish sentence."""
    engelska = [
        f"{klass}.{falt}: {text}" for klass, falt, text in _beskrivningar() if ENGELSKA_ORD.search(text)
    ]
    assert engelska == []
    utan_svenska = [k for k, falt, text in _beskrivningar() if not falt and not SVENSKA_ORD.search(text)]
    assert utan_svenska == []
