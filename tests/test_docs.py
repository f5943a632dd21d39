"""Generated documentation is committed and matches the code it is generated from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

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


def test_indata_md_layout_table_is_current() -> None:
    """The table of what each shipped layout prints is what rendering the probe report measures
    (run python -m delarsrapport._docgen.layoutfalt docs)."""
    from delarsrapport._docgen.layoutfalt import med_tabell

    text = (DOCS / "indata.md").read_text(encoding="utf-8")
    assert text == med_tabell(text)


def test_the_layout_table_measures_what_the_layouts_print() -> None:
    """Facts about the shipped layouts, as the table must report them."""
    from delarsrapport._docgen.layoutfalt import utskrivna

    layouter, falt = utskrivna()
    visas = {(f.klass, f.falt): dict(zip(layouter, f.layouter, strict=True)) for f in falt}
    # Both Uppsala forms print a nämndmål's number (the 2023 form in its item table); Upplands-Bro's
    # headings take their numbers from Word's numbering.
    assert visas[("Namndmal", "nummer")] == {"uppsala": True, "uppsala-2024": True, "upplands-bro": False}
    # Every shipped layout prints the year a KS-beslut is expected to be done, the second part
    # and the texts around the tables; only the 2023 form has a styrdokument's cover.
    assert all(visas[("Rapportering", "forvantat_klart_ar")].values())
    assert all(visas[("Atgardsdel", "rubrik")].values())
    assert all(visas[("Sammanfattningstabell", "text_fore")].values())
    assert visas[("Bilaga", "beslutsfattare")] == {
        "uppsala": False,
        "uppsala-2024": True,
        "upplands-bro": False,
    }
    # Upplands-Bro's form has no investering row, so no text around it either.
    assert visas[("Investeringsrad", "text_fore")] == {
        "uppsala": True,
        "uppsala-2024": True,
        "upplands-bro": False,
    }
    assert all(visas[("Uppdrag", "titel")].values())
    # Every input field outside rapporterat is measured or listed as steering the form.
    assert ("Sammanfattningsrad", "verksamhet") not in visas


# What a user of the documentation and the samples does not have: the project's internal
# domain guide and its section numbers, its formula and case numbers, the seed files and
# the paths of the machine the samples were transcribed on.
_INTERNT = re.compile(
    r"domain\.md|§\s?\d|\bseed(?:s|en|ens)?\b|\(F\d{1,2}[),;]|[,;]\s?F\d{1,2}\)"
    # an absolute path of two or more parts (not a URL, not a path inside the repository)
    r"|(?<![\w.:/~$])/(?:[\w.-]+/)+[\w.-]+"
    r"|\b00[0-4]-\d{2}[a-z]?\b",
    re.IGNORECASE,
)


def _anvandartexter() -> list[Path]:
    rot = DOCS.parent
    return sorted(
        [
            rot / "README.md",
            rot / "CHANGELOG.md",
            rot / "templates" / "README.md",
            *DOCS.glob("*.md"),
            *DOCS.glob("*.json"),
            *(rot / "samples").glob("*.yaml"),
            *(rot / "templates").glob("*/installningar.yaml"),
        ]
    )


@pytest.mark.parametrize("path", _anvandartexter(), ids=lambda p: p.name)
def test_user_facing_text_refers_to_nothing_the_user_does_not_have(path: Path) -> None:
    """No user doc, generated doc, sample or layout setting names domain.md, its sections, its
    formula or case numbers, the seeds or a path on the machine the samples came from."""
    traffar = [
        f"{path.name}:{nr}: {m.group(0)!r}"
        for nr, rad in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for m in [_INTERNT.search(rad)]
        if m
    ]
    assert not traffar


def test_the_reference_check_catches_what_it_is_for() -> None:
    for text in (
        "se domain.md §4.3",
        "Transcribed from /Users/ekonom/Rapporter/x.txt",
        "derived (F29)",
        "(rows excluded, F7)",
        "(004-22)",
    ):
        assert _INTERNT.search(text), text
    for text in (
        "enligt LVU 32 §",
        "öppna formatmallarna (tangenten F11)",
        "SCN-2020-00459",
        "2020-09-18",
        "https://vardochomsorg.uppsala.se/funkit/",
        "templates/uppsala/verksamhet.docx",
        "Barn/Unga/Familj",
    ):
        assert not _INTERNT.search(text), text
