"""docs/indata.schema.json agrees with load(): every sample load() reads validates against it,
and it refuses what load() refuses."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from delarsrapport import LoadError, load
from delarsrapport._load.reader import YamlFloat, YamlInt, read_yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA: dict[str, Any] = json.loads((ROOT / "docs" / "indata.schema.json").read_text(encoding="utf-8"))
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _som_json(value: object) -> object:
    """The YAML as the same document in JSON would be: an unquoted number is a number."""
    if isinstance(value, dict):
        return {k: _som_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_som_json(v) for v in value]
    if isinstance(value, YamlFloat):
        return float(value)
    if isinstance(value, YamlInt):
        return int(value)
    return value


def _data(sample: Path) -> Any:
    data, _lines, problems = read_yaml(sample.read_text(encoding="utf-8"))
    assert problems == []
    return _som_json(data)


def _fel(data: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(data)]


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_validates(sample: Path) -> None:
    load(sample)  # load() reads it ...
    assert _fel(_data(sample)) == []  # ... and so does the schema


def _nyckeltal(sample: str = "uppsala-socialnamnden-2024-08") -> tuple[Any, dict[str, Any]]:
    data = _data(ROOT / "samples" / f"{sample}.yaml")
    for bilaga in data["bilagor"]:
        for del_ in bilaga["delar"]:
            if "nyckeltal" in del_:
                return data, del_["nyckeltal"]["grupper"][0]["matt"][0]
    raise AssertionError("ingen nyckeltalsbilaga")


@pytest.mark.parametrize(
    ("volym", "godtas"),
    [
        ("5 555", True),
        ("26\u00a0415", True),
        (5555, True),
        ("ca 5 555", False),
        ("5555,5", False),
        (True, False),
    ],
)
def test_an_integer_field_takes_what_load_takes(volym: object, godtas: bool, tmp_path: Path) -> None:
    """volym (an int field): a grouped number as text, as a copied table cell has it, but no
    words, no decimals, no bool; the schema and load() agree on each. (A JSON number
    5555.0 is an integer to JSON Schema; load() is stricter and refuses it.)"""
    data, matt = _nyckeltal()
    matt["volym"] = volym
    assert (_fel(data) == []) is godtas
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if godtas:
        load(path)
    else:
        with pytest.raises(LoadError):
            load(path)


def test_the_schema_refuses_an_unknown_field() -> None:
    data, _ = _nyckeltal()
    fel = copy.deepcopy(data)
    _nyckeltal_i(fel)["volymm"] = 1
    assert _fel(data) == []
    assert _fel(fel) != []


def _nyckeltal_i(data: Any) -> dict[str, Any]:
    for bilaga in data["bilagor"]:
        for del_ in bilaga["delar"]:
            if "nyckeltal" in del_:
                matt: dict[str, Any] = del_["nyckeltal"]["grupper"][0]["matt"][0]
                return matt
    raise AssertionError("ingen nyckeltalsbilaga")
