"""``delarsrapport render`` and ``delarsrapport layout new``."""

from __future__ import annotations

from pathlib import Path

import pytest

from delarsrapport._cli import main
from delarsrapport._render.layout import load_layout

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCN20 = SAMPLES / "uppsala-socialnamnden-2020-08.yaml"
SCN24 = SAMPLES / "uppsala-socialnamnden-2024-08.yaml"


def test_render_prints_summary_and_fel_and_still_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sample has real errors: they are printed, and the documents are written anyway."""
    assert main(["render", str(SCN20), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(str(SCN20)) and " fel, " in first and "varningar" in first
    assert "BILAGA-NUMMER-AVVIKER" in out  # a fel is shown ...
    assert "RAPP-AVRUNDNING" not in out  # ... but not the noteringar
    assert "Dokumenten skapades ändå" in out
    written = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert written == [
        "1-bilaga-1-ekonomisk-uppfoljning-scn-augusti-2020.docx",
        "1-bilaga-2-verksamhetsuppfoljning-per-augusti-2020-uppfoljning-av.docx",
        "1-bilaga-3-nyckeltal.docx",
        "1-tjansteskrivelse.docx",
    ]
    for name in written:
        assert f"skrev {tmp_path / name}" in out


def test_render_strict_writes_nothing_when_there_is_a_fel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(SCN20), "-o", str(tmp_path / "ut"), "--strict"]) == 1
    captured = capsys.readouterr()
    assert "inga dokument skapades" in captured.err
    assert not (tmp_path / "ut").exists()


def test_render_with_a_layout_by_name_and_by_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(SCN24), "--layout", "upplands-bro", "-o", str(tmp_path / "a")]) == 0
    assert main(["layout", "new", "min", str(tmp_path), "--from", "upplands-bro"]) == 0
    assert main(["render", str(SCN24), "--layout", str(tmp_path / "min"), "-o", str(tmp_path / "b")]) == 0
    a = sorted((tmp_path / "a").glob("*.docx"))
    b = sorted((tmp_path / "b").glob("*.docx"))
    assert [p.name for p in a] == [p.name for p in b]
    # The copy is the same layout: the same documents, byte for byte.
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_render_unknown_layout_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SCN24), "--layout", "stockholm", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "ingen layout som heter 'stockholm'" in err and "upplands-bro, uppsala, uppsala-2024" in err


def test_render_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "finns-inte.yaml"), "-o", str(tmp_path)]) == 2
    assert "finns-inte.yaml" in capsys.readouterr().err


def test_layout_new_copies_and_names_the_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["layout", "new", "vasteras", str(tmp_path)]) == 0
    mapp = tmp_path / "vasteras"
    assert sorted(p.name for p in mapp.iterdir()) == [
        "ekonomi.docx",
        "installningar.yaml",
        "internkontroll.docx",
        "nyckeltal.docx",
        "tjansteskrivelse.docx",
        "verksamhet.docx",
    ]
    assert load_layout(mapp).installningar.namn == "vasteras"
    assert "delarsrapport layout check" in capsys.readouterr().out
    # An ordinary folder, readable as the user's other folders are (not a private temp dir).
    (tmp_path / "referens").mkdir()
    assert mapp.stat().st_mode == (tmp_path / "referens").stat().st_mode


def test_layout_new_takes_the_folder_after_the_source(tmp_path: Path) -> None:
    """The order the documentation uses: layout new NAMN --from uppsala MAPP."""
    assert main(["layout", "new", "ett", "--from", "upplands-bro", str(tmp_path)]) == 0
    assert load_layout(tmp_path / "ett").installningar.namn == "ett"
    with pytest.raises(SystemExit):
        main(["layout", "new", "tva", "--from", "uppsala", str(tmp_path), "extra"])


def test_layout_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "finns").mkdir()
    (tmp_path / "finns" / "min.txt").write_text("behåll", encoding="utf-8")
    assert main(["layout", "new", "finns", str(tmp_path)]) == 2
    assert "finns redan" in capsys.readouterr().err
    assert (tmp_path / "finns" / "min.txt").read_text(encoding="utf-8") == "behåll"


def test_layout_new_refuses_a_name_that_is_not_a_folder_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["layout", "new", "../utanför", str(tmp_path)]) == 2
    assert "duger inte som mappnamn" in capsys.readouterr().err


def test_layout_check_passes_on_the_shipped_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    for layout in ("uppsala", "uppsala-2024", "upplands-bro"):
        assert main(["layout", "check", layout]) == 0
        assert "0 fel, 0 varningar" in capsys.readouterr().out


def test_layout_check_reports_a_broken_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from docx import Document

    assert main(["layout", "new", "trasig", str(tmp_path)]) == 0
    mall = tmp_path / "trasig" / "nyckeltal.docx"
    doc = Document(str(mall))
    doc.add_paragraph("{{ nyckeltal.gruper }}")
    doc.save(str(mall))
    capsys.readouterr()
    assert main(["layout", "check", str(tmp_path / "trasig")]) == 1
    out = capsys.readouterr().out
    assert "1 fel" in out and "nyckeltal.docx" in out and "MALL-OKANT-FALT" in out and "'grupper'" in out
    assert main(["layout", "check", str(tmp_path / "trasig"), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["sammanfattning"]["fel"] == 1
    assert data["fynd"][0]["kod"] == "MALL-OKANT-FALT"
    assert data["fynd"][0]["fil"] == "nyckeltal.docx"
