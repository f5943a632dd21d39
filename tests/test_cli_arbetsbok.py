"""The command line of the workbook: ``arbetsbok``, and ``--arbetsbok`` on check and render."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from delarsrapport._cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
UB = SAMPLES / "upplands-bro-socialnamnden-2022.yaml"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _skriv_text(fil: Path, blad_nummer: int, ref: str, text: str) -> None:
    """Store *text* in cell *ref* of the sheet file number *blad_nummer* (as Excel would)."""
    data = fil.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == f"xl/worksheets/sheet{blad_nummer}.xml":
                root = etree.fromstring(raw)
                for c in root.iter(f"{{{S}}}c"):
                    if c.get("r") == ref:
                        for child in list(c):
                            c.remove(child)
                        c.set("t", "inlineStr")
                        etree.SubElement(etree.SubElement(c, f"{{{S}}}is"), f"{{{S}}}t").text = text
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, raw)
    fil.write_bytes(out.getvalue())


def test_arbetsbok_writes_the_workbook_and_check_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fil = tmp_path / "ekonomi.xlsx"
    assert main(["arbetsbok", str(UB), "-o", str(fil)]) == 0
    assert f"skrev {fil}" in capsys.readouterr().out
    assert main(["check", str(UB), "--arbetsbok", str(fil)]) == main(["check", str(UB)])
    # Sheet 2 is the Driftredovisning; D6 an input cell.
    _skriv_text(fil, 2, "D6", "ca 12")
    capsys.readouterr()
    assert main(["check", str(UB), "--arbetsbok", str(fil)]) == 2
    fel = capsys.readouterr().err
    assert f"{fil}: Blad 'Driftredovisning', cell D6: 'ca 12' är inget belopp" in fel


def test_render_takes_the_figures_from_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fil = tmp_path / "ekonomi.xlsx"
    assert main(["arbetsbok", str(UB), "-o", str(fil)]) == 0
    assert (
        main(
            [
                "render",
                str(UB),
                "--arbetsbok",
                str(fil),
                "--layout",
                "upplands-bro",
                "-o",
                str(tmp_path / "ut"),
            ]
        )
        == 0
    )
    assert "skrev" in capsys.readouterr().out


def test_arbetsbok_belongs_to_one_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SAMPLES), "--arbetsbok", str(tmp_path / "e.xlsx"), "-o", str(tmp_path)]) == 2
    assert "--arbetsbok hör till en rapport" in capsys.readouterr().err
