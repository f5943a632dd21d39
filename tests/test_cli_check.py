"""``delarsrapport check``: findings grouped by document, JSON, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from delarsrapport._cli import main
from minsta_rapport import MINSTA_RAPPORT

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCN20 = SAMPLES / "uppsala-socialnamnden-2020-08.yaml"


def test_check_prints_findings_grouped_and_exits_1_on_fel(capsys: pytest.CaptureFixture[str]) -> None:
    """A sample with real errors: a one-line summary, findings under their document and section."""
    assert main(["check", str(SCN20)]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(str(SCN20)) and "fel" in first and "noteringar" in first
    assert "\nBilaga 1 – Ekonomisk uppföljning SCN augusti 2020\n" in out
    assert "  Verksamhet: Politisk verksamhet\n" in out
    assert "RAPP-AVRUNDNING" in out and "tryckt -3 603 tkr, beräknat -3 604 tkr" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--json writes every finding with code, grade, path, input line and the numbers as strings."""
    assert main(["check", str(SCN20), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["format"], data["version"]) == ("delarsrapport-check", 1)
    assert data["sammanfattning"]["fel"] >= 1
    koder = {f["kod"] for f in data["fynd"]}
    assert {"RAPP-AVRUNDNING", "RAPP-TOM", "KOMMUNBIDRAG-ANDRAS"} <= koder
    f = next(f for f in data["fynd"] if f["kod"] == "RAPP-TOM")
    assert f["grad"] == "fel"
    assert f["sokvag"].endswith("prognososakerhet.rapporterat.spann_min")
    assert f["fil"] == str(SCN20)
    rader = SCN20.read_text(encoding="utf-8").splitlines()
    assert "spann_min: tom" in rader[f["rad"] - 1]
    avrundning = next(f for f in data["fynd"] if f["kod"] == "RAPP-AVRUNDNING")
    assert (avrundning["tryckt"], avrundning["beraknat"], avrundning["enhet"]) == ("-3603", "-3604", "tkr")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BAS = MINSTA_RAPPORT


def test_exit_status_for_warnings_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings alone exit 0, or 1 with --strict; a clean report exits 0."""
    clean = _write(tmp_path, BAS)
    assert main(["check", str(clean)]) == 0
    assert "0 fel, 0 varningar, 0 noteringar" in capsys.readouterr().out
    warn = _write(tmp_path, BAS + "  arendet: ['Till ersättare utses: XX']\n")
    assert main(["check", str(warn)]) == 0
    assert main(["check", str(warn), "--strict"]) == 1


def test_load_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Input that cannot be loaded is reported on stderr with exit status 2."""
    broken = _write(tmp_path, BAS.replace("rubrik: Delårsbokslut", "rubrk: Delårsbokslut"))
    assert main(["check", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "r.yaml:6: tjansteskrivelse.rubrk: okänt fält 'rubrk' (menade du 'rubrik'?)" in err
