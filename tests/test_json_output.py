"""``check --json`` and ``layout check --json``: the published, versioned shapes, with the input
line of every finding and the place in a template as separate values."""

from __future__ import annotations

import json
import shutil
import zipfile
from html import escape
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from delarsrapport._cli import main
from delarsrapport._docgen.scheman import scheman

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((DOCS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _validera(data: object, name: str) -> None:
    jsonschema.Draft202012Validator(_schema(name), format_checker=jsonschema.FormatChecker()).validate(data)


def _kor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    status = main(list(argv))
    return status, json.loads(capsys.readouterr().out)


def test_the_published_schemas_are_current() -> None:
    """docs/*.schema.json are what the code generates (delarsrapport docs schema docs)."""
    for name, schema in scheman().items():
        assert json.loads((DOCS / name).read_text(encoding="utf-8")) == schema, name


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_check_json_of_every_sample_validates_and_carries_the_input_line(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, data = _kor(capsys, "check", str(sample), "--json")
    _validera(data, "kontroll.schema.json")
    assert data["fynd"], "every sample has findings"
    assert status == (1 if data["sammanfattning"]["fel"] else 0)
    rader = sample.read_text(encoding="utf-8").splitlines()
    for fynd in data["fynd"]:
        assert fynd["fil"] == str(sample)
        assert isinstance(fynd["rad"], int) and 1 <= fynd["rad"] <= len(rader), fynd
        # The line holds the field itself, or (for a derived value or a list form) the
        # nearest enclosing one: the last key of the path that is written in the file.
        nycklar = [d for d in fynd["sokvag"].replace("]", "").replace("[", ".").split(".") if not d.isdigit()]
        assert any(n in rader[fynd["rad"] - 1] for n in nycklar) or rader[
            fynd["rad"] - 1
        ].lstrip().startswith("-"), (fynd["sokvag"], fynd["rad"], rader[fynd["rad"] - 1])


def test_check_json_of_a_file_that_cannot_be_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Status 2; the problems with their codes and lines, in the same shape, and no findings."""
    fil = tmp_path / "r.yaml"
    fil.write_text(
        (ROOT / "samples" / "upplands-bro-socialnamnden-2022.yaml")
        .read_text(encoding="utf-8")
        .replace("slutmanad: 12", "slutmanad: 13", 1),
        encoding="utf-8",
    )
    status, data = _kor(capsys, "check", str(fil), "--json")
    assert status == 2
    _validera(data, "kontroll.schema.json")
    assert data["fynd"] == []
    [problem] = data["problem"]
    assert (problem["kod"], problem["sokvag"], problem["fil"]) == ("INDATA-VARDE", "period", str(fil))
    assert "slutmanad måste vara en månad 1–12, inte 13" in problem["meddelande"]
    assert "period:" in fil.read_text(encoding="utf-8").splitlines()[problem["rad"] - 1]


def _ersatt(katalog: Path, fil: str, gammal: str, ny: str) -> None:
    path = katalog / fil
    with zipfile.ZipFile(path) as z:
        delar = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in delar:
            if info.filename == "word/document.xml":
                data = data.decode("utf-8").replace(escape(gammal), escape(ny), 1).encode("utf-8")
            z.writestr(info, data)


def test_layout_check_json_separates_file_part_table_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    katalog = tmp_path / "uppsala"
    shutil.copytree(ROOT / "templates" / "uppsala", katalog)
    _ersatt(katalog, "ekonomi.docx", "{{ namnd.versaler }}", "{{ namnd.versalerr }}")
    installningar = katalog / "installningar.yaml"
    installningar.write_text(
        installningar.read_text(encoding="utf-8") + "okand_installning: 1\n", encoding="utf-8"
    )
    status, data = _kor(capsys, "layout", "check", str(katalog), "--json")
    assert status == 1
    _validera(data, "layoutkontroll.schema.json")
    assert (data["format"], data["version"]) == ("delarsrapport-layout-check", 1)
    mall = next(f for f in data["fynd"] if f["fil"] == "ekonomi.docx")
    assert {k: mall[k] for k in ("kod", "del", "stycke", "tabell", "tabellrad", "kolumn", "text")} == {
        "kod": "MALL-OKANT-FALT",
        "del": "dokumentets brödtext",
        "stycke": 7,
        "tabell": 1,
        "tabellrad": 1,
        "kolumn": 1,
        "text": "{{ namnd.versalerr }}",
    }
    inst = next(f for f in data["fynd"] if f["fil"] == "installningar.yaml")
    assert (inst["kod"], inst["sokvag"], inst["del"]) == ("MALL-INSTALLNING", "okand_installning", None)
    assert (
        installningar.read_text(encoding="utf-8")
        .splitlines()[inst["rad"] - 1]
        .startswith("okand_installning")
    )


@pytest.mark.parametrize("layout", ["uppsala", "uppsala-2024", "upplands-bro"])
def test_layout_check_json_of_the_shipped_layouts(layout: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, data = _kor(capsys, "layout", "check", layout, "--json")
    assert status == 0
    _validera(data, "layoutkontroll.schema.json")
    assert data["fynd"] == []


def test_the_schemas_refuse_what_they_should() -> None:
    """The schemas are strict: an unknown key or a missing line type fails validation."""
    fynd = {
        "kod": "RAPP-TOM",
        "grad": "fel",
        "sokvag": "x",
        "fil": None,
        "rad": None,
        "dokument": "d",
        "avsnitt": "a",
        "meddelande": "m",
        "tryckt": None,
        "beraknat": None,
        "skillnad": None,
        "enhet": None,
    }
    dokument = {
        "format": "delarsrapport-check",
        "version": 1,
        "fil": "f",
        "sammanfattning": {"fel": 1, "varningar": 0, "noteringar": 0},
        "fynd": [fynd],
        "problem": [],
    }
    _validera(dokument, "kontroll.schema.json")
    for trasig in (
        {**dokument, "version": 2},
        {**dokument, "fynd": [{**fynd, "code": "RAPP-TOM"}]},
        {**dokument, "fynd": [{**fynd, "rad": "12"}]},
        {**dokument, "fynd": [{**fynd, "kod": "OKAND-KOD"}]},
    ):
        with pytest.raises(jsonschema.ValidationError):
            _validera(trasig, "kontroll.schema.json")
