"""Loading: every class of input error is reported, all at once, with file, line and path."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from delarsrapport import Belopp, LoadError
from delarsrapport._load import load
from delarsrapport._model.text import Punktlista, Rubrik, Stycke, check_text
from minsta_rapport import MINSTA_RAPPORT

MINIMAL: dict[str, Any] = {
    "kommun": {"namn": "Uppsala kommun"},
    "namnd": {"namn": "Socialnämnden", "forkortning": "SCN"},
    "forvaltning": {"namn": "Socialförvaltningen"},
    "period": {"ar": 2020, "slutmanad": 8},
    "diarienummer": "SCN-2020-00459",
    "tjansteskrivelse": {
        "rubrik": "Delårsbokslut per augusti 2020",
        "datum": "2020-09-18",
        "handlaggare": [{"fornamn": "Thomas", "efternamn": "Fäldt"}],
        "forslag_till_beslut": [{"verb": "godkänna", "objekt": "delårsbokslutet", "bilaga": 1}],
        "undertecknare": [{"person": {"fornamn": "Tomas", "efternamn": "Odin"}, "titel": "Direktör"}],
    },
    "bilagor": [
        {
            "nummer": 1,
            "titel": "Ekonomisk uppföljning",
            "delar": [
                {
                    "ekonomi": {
                        "sammanfattning": {
                            "rader": [
                                {
                                    "namn": "Politisk verksamhet",
                                    "kommunbidrag": 5,
                                    "periodens_utfall": 0,
                                    "periodens_utfall_fg": -1,
                                    "helarsprognos": 0,
                                }
                            ]
                        }
                    }
                }
            ],
        }
    ],
}

YAML_HEAD = MINSTA_RAPPORT


def _data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def _problems(source: Any) -> list[str]:
    with pytest.raises(LoadError) as info:
        load(source)
    return [str(p) for p in info.value.problems]


def _write(tmp_path: Path, text: str, name: str = "rapport.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_report_loads_from_dict_and_yaml(tmp_path: Path) -> None:
    """The same structure loads from a Python dict and from YAML."""
    r = load(MINIMAL)
    assert r.tjansteskrivelse.forslag_till_beslut[0].bilaga == 1
    assert r.diarienummer is not None
    assert r.diarienummer.text == "SCN-2020-00459"
    path = _write(tmp_path, json.dumps(MINIMAL, ensure_ascii=False), "rapport.json")
    assert load(path) == r


def test_many_mistakes_are_reported_in_one_run(tmp_path: Path) -> None:
    """A string amount, an unknown key, an unknown status and a \\x0b, each with file:line: path."""
    text = (
        YAML_HEAD
        + """\
  arendet:
    - "rad1\x0brad2"
  rubrikk: fel
bilagor:
  - nummer: 1
    titel: Ekonomi
    delar:
      - ekonomi:
          sammanfattning:
            rader:
              - {namn: Politisk, kommunbidrag: fem, periodens_utfall: 0, helarsprognos: 0}
  - nummer: 2
    titel: Verksamhet
    delar:
      - verksamhet:
          mal:
            - titel: Mål 1
              poster:
                - uppdrag: {titel: U, status: påbörjad}
"""
    )
    path = _write(tmp_path, text)
    problems = _problems(path)
    expected = [
        f"{path}:12: tjansteskrivelse.arendet[0]: otillåtet tecken U+000B",
        f"{path}:13: tjansteskrivelse.rubrikk: okänt fält 'rubrikk' (menade du 'rubrik'?)",
        f"{path}:21: bilagor[0].delar[0].ekonomi.sammanfattning.rader[0].kommunbidrag: "
        "förväntade ett belopp i mnkr, fick texten 'fem'",
        f"{path}:29: bilagor[1].delar[0].verksamhet.mal[0].poster[0].uppdrag.status: "
        "okänd status 'påbörjad' (menade du 'enligt_plan'?)",
    ]
    assert len(problems) == 4
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start), problem


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (
            {"period": {"ar": "2020", "slutmanad": 8}},
            "period.ar",
            "förväntade ett heltal, fick texten '2020'",
        ),
        (
            {"period": {"ar": True, "slutmanad": 8}},
            "period.ar",
            "förväntade ett heltal, fick sanningsvärdet true",
        ),
        ({"period": [2020, 8]}, "period", "förväntade en mappning"),
        ({"bilagor": {"nummer": 1}}, "bilagor", "förväntade en lista"),
        ({"kommun": {"namn": ["Uppsala"]}}, "kommun.namn", "förväntade text, fick en lista"),
        ({"kommun": {}}, "kommun.namn", "obligatoriskt fält saknas"),
        (
            {"kommun": {"namn": "U", "postadres": "x"}},
            "kommun.postadres",
            "menade du 'postadress'?",
        ),
        ({"period": {"ar": 2020, "slutmanad": 13}}, "period", "slutmanad måste vara en månad 1–12"),
        ({"diarienummer": "2020/459"}, "diarienummer", "inget diarienummer"),
    ],
)
def test_wrong_types_unknown_keys_missing_fields(change: dict[str, Any], path: str, message: str) -> None:
    """Wrong types, unknown keys (with a suggestion) and missing fields name the path."""
    problems = _problems(_data(**change))
    assert any(f": {path}: " in p and message in p for p in problems), problems


def _with_amount(value: object) -> dict[str, Any]:
    data = _data()
    data["bilagor"][0]["delar"][0]["ekonomi"]["sammanfattning"]["rader"][0]["kommunbidrag"] = value
    return data


AMOUNT_PATH = "bilagor[0].delar[0].ekonomi.sammanfattning.rader[0].kommunbidrag"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (5.0, "flyttal"),
        (float("nan"), "flyttal"),
        (Decimal("NaN"), "ändligt"),
        (Decimal("Infinity"), "ändligt"),
        (True, "sanningsvärdet"),
        ("5 mnkr", "bokstäver eller en enhet"),
        ("12.5", "punkt"),
        (None, None),
    ],
)
def test_amounts_must_be_exact(value: object, message: str | None) -> None:
    """Floats, NaN, infinities, bools and text that is not an amount are refused."""
    if message is None:
        load(_with_amount(value))  # a missing optional amount is allowed
        return
    problems = _problems(_with_amount(value))
    assert any(AMOUNT_PATH in p and message in p for p in problems), problems


@pytest.mark.parametrize(
    ("literal", "ok"),
    [
        ("5", True),
        ("-2 114", True),
        ('"659,1"', True),
        ("659,1", True),
        ("1 242,5", True),
        ("12.5", False),
        ("1e3", False),
        (".inf", False),
        (".nan", False),
    ],
)
def test_yaml_number_literals(tmp_path: Path, literal: str, ok: bool) -> None:
    """YAML integers and Swedish decimal text are exact; float literals are refused."""
    text = (
        YAML_HEAD
        + f"""\
bilagor:
  - nummer: 1
    titel: E
    delar:
      - ekonomi:
          sammanfattning:
            rader:
              - namn: P
                kommunbidrag: {literal}
"""
    )
    path = _write(tmp_path, text)
    if ok:
        load(path)
    else:
        problems = _problems(path)
        assert any("flyttal" in p and ":19: " in p for p in problems), problems


def test_json_floats_are_refused(tmp_path: Path) -> None:
    """A JSON number with a decimal point is a float and is refused for amounts."""
    path = _write(
        tmp_path,
        json.dumps(_with_amount(0)).replace('"kommunbidrag": 0', '"kommunbidrag": 5.5'),
        "r.json",
    )
    problems = _problems(path)
    assert any(AMOUNT_PATH in p and "flyttal" in p for p in problems), problems


def test_yaml_1_1_surprises_do_not_happen(tmp_path: Path) -> None:
    """'no' stays text, '00459' keeps its zeros, an unquoted date stays a date."""
    text = (
        YAML_HEAD.replace("titel: Direktör", "titel: no")
        + """\
diarienummer: SCN-2020-00459
kommun: {namn: Uppsala kommun, telefon: 0187270000, postadress: off}
"""
    )
    text = text.replace("kommun: {namn: Uppsala kommun}\n", "", 1)
    r = load(_write(tmp_path, text))
    assert r.tjansteskrivelse.undertecknare[0].titel == "no"
    assert r.kommun.telefon == "0187270000"
    assert r.kommun.postadress == "off"
    assert r.tjansteskrivelse.datum.isoformat() == "2020-09-18"


def test_booleans_only_for_bool_fields(tmp_path: Path) -> None:
    """A YAML true where text belongs is an error that says how to write text."""
    text = YAML_HEAD.replace("titel: Direktör", "titel: true")
    problems = _problems(_write(tmp_path, text))
    assert any("undertecknare[0].titel: förväntade text, fick sanningsvärdet true" in p for p in problems)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a\x0bb", "U+000B"),
        ("a\x00b", "U+0000"),
        ("a\x1fb", "U+001F"),
        ("a\ufffeb", "U+FFFE"),
        ("a\uffffb", "U+FFFF"),
        ("a\ud800b", "U+D800"),
        ("a\x07b", "U+0007"),
    ],
)
def test_xml_invalid_characters_are_refused(text: str, code: str) -> None:
    """Characters a .docx cannot hold are refused with path, code point and index."""
    problems = _problems(_data(kommun={"namn": text}))
    assert any("kommun.namn" in p and code in p and "position 1" in p for p in problems), problems


def test_lone_surrogate_from_json_escape(tmp_path: Path) -> None:
    """A lone surrogate written as a JSON escape is caught too."""
    raw = json.dumps(_data(kommun={"namn": "PLACEHOLDER"})).replace("PLACEHOLDER", "A\\ud800B")
    problems = _problems(_write(tmp_path, raw, "r.json"))
    assert any("kommun.namn" in p and "U+D800" in p for p in problems), problems


def test_line_endings_are_normalised_and_tabs_kept() -> None:
    """\\r\\n and \\r become \\n; tabs and newlines stay as given."""
    r = load(_data(kommun={"namn": "a\r\nb\rc\td"}))
    assert r.kommun.namn == "a\nb\nc\td"


def test_excel_line_breaks_option(tmp_path: Path) -> None:
    """With excel_radbrytningar, Excel's vertical tab becomes a line break."""
    data = _data(kommun={"namn": "rad1\x0brad2"})
    assert load(data, excel_radbrytningar=True).kommun.namn == "rad1\nrad2"
    with pytest.raises(LoadError):
        load(data)


def test_template_sequences_in_data_are_refused() -> None:
    """docxtpl would rewrite '{_{' into a template tag, so it cannot come from data."""
    problems = _problems(_data(kommun={"namn": "a {_{ b"}))
    assert any("'{_{'" in p for p in problems), problems
    with pytest.raises(ValueError, match="position 2"):
        check_text("x {_% y")


def test_duplicate_bilaga_numbers_are_errors() -> None:
    """Bilagor are numbered once; a second bilaga 1 is an error, reported with the rest."""
    data = _data()
    data["bilagor"].append(copy.deepcopy(data["bilagor"][0]))
    data["kommun"] = {"namn": 7}
    problems = _problems(data)
    assert any("bilagor[1].nummer: bilaga nummer 1 finns redan (bilagor[0])" in p for p in problems)
    assert any("kommun.namn" in p for p in problems)


def test_references_must_resolve() -> None:
    """A beslutssats that points at a missing bilaga, and an unknown decision verb, are errors."""
    data = _data()
    data["tjansteskrivelse"]["forslag_till_beslut"] = [
        {"verb": "godkänna", "objekt": "x", "bilaga": 3},
        {"verb": "ajournera", "objekt": "y"},
    ]
    problems = _problems(data)
    assert any("forslag_till_beslut[0].bilaga: beslutssatsen hänvisar till bilaga 3" in p for p in problems)
    assert any("forslag_till_beslut[1].verb: verbet 'ajournera'" in p and "presens" in p for p in problems)


def test_linked_summary_rows_must_not_repeat_derived_values() -> None:
    """A summary row linked to a detail table must not type the figures the table gives."""
    data = _data()
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    ekonomi["sammanfattning"]["rader"][0]["verksamhet"] = "Politisk verksamhet"
    problems = _problems(data)
    assert any("rader[0].verksamhet: verksamheten 'Politisk verksamhet' finns inte" in p for p in problems)
    ekonomi["verksamheter"] = [
        {
            "namn": "Politisk verksamhet",
            "tabell": {
                "konton": [{"namn": "k", "belopp": [-1, -1, -1, -1, -1, -1, -1]}],
                "kommunbidrag": [1, 1, 1, 1, 1, 1, 1],
            },
        }
    ]
    problems = _problems(data)
    assert any(
        "rader[0].kommunbidrag: kommunbidrag räknas fram ur verksamhetstabellen" in p for p in problems
    )


def test_detail_rows_as_lists_must_have_seven_values() -> None:
    """The seven-column list form is checked for its length."""
    data = _data()
    data["bilagor"][0]["delar"][0]["ekonomi"]["verksamheter"] = [
        {
            "namn": "P",
            "tabell": {
                "konton": [{"namn": "k", "belopp": [-1, -1]}],
                "kommunbidrag": [1, 1, 1, 1, 1, 1, 1],
            },
        }
    ]
    problems = _problems(data)
    assert any("konton[0].belopp: förväntade 7 värden" in p for p in problems), problems


def test_unknown_document_part_and_text_block() -> None:
    """Tagged unions name the allowed kinds and suggest the nearest."""
    data = _data()
    data["bilagor"][0]["delar"] = [{"ekonomie": {}}]
    data["tjansteskrivelse"]["arendet"] = ["ok", {"rubrk": "x"}]
    problems = _problems(data)
    assert any("delar[0]: okänd sorts dokumentdel 'ekonomie' (menade du 'ekonomi'?)" in p for p in problems)
    assert any("arendet[1]: okänt textblock 'rubrk' (menade du 'rubrik'?)" in p for p in problems)


def test_text_forms() -> None:
    """Free text: paragraphs, sub-headings with a level, bullet lists; a single string is one paragraph."""
    data = _data()
    data["tjansteskrivelse"]["arendet"] = ["a", {"rubrik": "R", "niva": 2}, {"punkter": ["x", "y"]}]
    data["tjansteskrivelse"]["beredning"] = "En mening."
    r = load(data)
    assert r.tjansteskrivelse.arendet == (Stycke("a"), Rubrik("R", 2), Punktlista(("x", "y")))
    assert r.tjansteskrivelse.beredning == (Stycke("En mening."),)


def test_indicator_percentages_must_match_the_unit() -> None:
    """A share is written with %, a count without."""
    data = _data()
    data["bilagor"].append(
        {
            "nummer": 2,
            "titel": "V",
            "delar": [
                {
                    "verksamhet": {
                        "mal": [
                            {
                                "titel": "M",
                                "indikatorer": [
                                    {
                                        "namn": "andel",
                                        "enhet": "andel",
                                        "utfall": {"T1": "86%", "T2": 84},
                                    },
                                    {"namn": "antal", "enhet": "antal", "malvarde": "20%"},
                                ],
                            }
                        ]
                    }
                }
            ],
        }
    )
    problems = _problems(data)
    assert any(
        "indikatorer[0]: indikatorn är en andel, så utfall.T2 ska skrivas med procenttecken" in p
        for p in problems
    )
    assert any("indikatorer[1]: indikatorn räknar antal" in p for p in problems)


def test_reported_cells_may_be_printed_empty() -> None:
    """A reported value 'tom' records a cell that the source printed empty."""
    data = _data()
    data["bilagor"][0]["delar"][0]["ekonomi"]["prognososakerhet"] = {
        "forsamring": 5,
        "forbattring": 5,
        "rapporterat": {"spann_min": "tom", "spann_max": -60},
    }
    r = load(data)
    e = r.bilagor[0].delar[0]
    assert repr(e.prognososakerhet.rapporterat.spann_min) == "TOM"  # type: ignore[union-attr]
    assert e.prognososakerhet.rapporterat.spann_max == Belopp.from_mnkr(-60)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("kommun: {namn: x\n", 2, "ogiltig YAML"),
        ("a: 1\na: 2\n", 2, "nyckeln 'a' förekommer två gånger"),
        ("", None, "filen är tom"),
        ("x: !!python/object:os.system ls\n", 1, "okänd YAML-tagg"),
    ],
)
def test_yaml_errors_have_lines(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    """Broken YAML, duplicate keys, an empty file and unknown tags are errors with a line."""
    problems = _problems(_write(tmp_path, text))
    where = f"rapport.yaml:{line}:" if line else "rapport.yaml:"
    assert any(where in p and message in p for p in problems), problems


def test_json_syntax_error_has_a_line(tmp_path: Path) -> None:
    """Broken JSON names its line."""
    problems = _problems(_write(tmp_path, '{\n"a": 1,\n}', "r.json"))
    assert any("r.json:3:" in p and "ogiltig JSON" in p for p in problems), problems


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    """A missing file and a file that is not UTF-8 are clear errors."""
    assert "filen finns inte" in _problems(tmp_path / "saknas.yaml")[0]
    path = tmp_path / "latin1.yaml"
    path.write_bytes("namn: Vård\n".encode("latin-1"))
    assert "inte UTF-8" in _problems(path)[0]


def test_load_error_message_lists_everything() -> None:
    """str(LoadError) names the count and every problem, one per line."""
    with pytest.raises(LoadError) as info:
        load(_data(kommun={"namn": 1}, namnd={}))
    text = str(info.value)
    assert text.startswith("3 fel i indata:")
    assert "kommun.namn" in text
    assert "namnd.namn" in text
