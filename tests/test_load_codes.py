"""Every problem the loader reports has a stable code (``Problem.code``), one per kind, documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from delarsrapport import LoadError, Problemkod, load
from delarsrapport._errors import PROBLEMKODER
from minsta_rapport import MINSTA_RAPPORT

DOCS = Path(__file__).resolve().parents[1] / "docs"

HEAD = MINSTA_RAPPORT

BILAGA = """\
bilagor:
  - nummer: 1
    titel: Ekonomi
    delar:
      - ekonomi:
          prognososakerhet: {forsamring: %s, forbattring: 0}
"""

# One input per code, each with exactly that problem (and its line).
FALL: dict[Problemkod, tuple[str, int | None]] = {
    Problemkod.SYNTAX: (HEAD + "bilagor: [\n", 12),
    Problemkod.TAGG: (HEAD.replace("rubrik: Delårsbokslut", "rubrik: !rubrik Delårsbokslut"), 6),
    Problemkod.DUBBLETT: (HEAD + "kommun: {namn: Knivsta}\n", 11),
    Problemkod.OKANT_FALT: (HEAD + "  versio: 2\n", 11),
    Problemkod.SAKNAS: (HEAD.replace("  rubrik: Delårsbokslut\n", ""), 5),
    Problemkod.TYP: (HEAD.replace("slutmanad: 8", "slutmanad: augusti"), 4),
    Problemkod.FLYTTAL: (HEAD + BILAGA % "2.5", 16),
    Problemkod.VARDE: (HEAD.replace("slutmanad: 8", "slutmanad: 13"), 4),
    Problemkod.TECKEN: (HEAD.replace("titel: Direktör", 'titel: "Dir\\x07ektör"'), 10),
    Problemkod.SAMBAND: (HEAD.replace("objekt: x}", "objekt: x, bilaga: 3}"), 9),
    Problemkod.ALIAS: (
        HEAD.replace("kommun: {", "kommun: &k {").replace(
            "forvaltning: {namn: Socialförvaltningen}", "forvaltning: *k"
        ),
        3,
    ),
}


@pytest.mark.parametrize("kod", list(FALL), ids=str)
def test_each_kind_of_problem_has_its_code(kod: Problemkod, tmp_path: Path) -> None:
    text, rad = FALL[kod]
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(path)
    assert [(p.code, p.line) for p in info.value.problems] == [(kod, rad)]


def test_file_problems_have_their_codes(tmp_path: Path) -> None:
    """A missing file, a folder, a file that is not UTF-8."""
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(HEAD.encode("latin-1"))
    for path, kod in [
        (tmp_path / "finns-inte.yaml", Problemkod.FIL),
        (tmp_path, Problemkod.FIL),
        (latin1, Problemkod.KODNING),
    ]:
        with pytest.raises(LoadError) as info:
            load(path)
        assert [p.code for p in info.value.problems] == [kod]
    with pytest.raises(LoadError, match="det är en mapp, inte en fil"):
        load(tmp_path)


def test_every_code_is_tested_and_documented() -> None:
    """Each code has a case above (or in the file test), a Swedish line, and a row in docs/kontroller.md."""
    assert set(FALL) | {Problemkod.FIL, Problemkod.KODNING} == set(Problemkod)
    assert set(PROBLEMKODER) == set(Problemkod)
    kontroller = (DOCS / "kontroller.md").read_text(encoding="utf-8")
    assert all(f"| `{kod}` |" in kontroller for kod in Problemkod)


def test_the_code_is_a_stable_string() -> None:
    """Programs compare with the text: ``p.code == "INDATA-OKANT-FALT"``."""
    assert Problemkod.OKANT_FALT == "INDATA-OKANT-FALT"
    assert all(str(k).startswith("INDATA-") for k in Problemkod)
