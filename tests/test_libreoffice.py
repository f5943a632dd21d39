"""A real client opens every rendered document: LibreOffice converts each one to PDF,
and the PDF's text carries the figures (checked in the output file, not the exit code).

Slow (about a minute); runs with ``--slow``. Without LibreOffice the test is skipped,
unless ``DELARSRAPPORT_KRAV_LIBREOFFICE=1`` (as in CI) makes a missing one a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from delarsrapport import load, render

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")

# Figures and words each sample's documents must show (whitespace and grouping normalised).
FIGURES = {
    "uppsala-socialnamnden-2020-08": ["-47 725", "-20 664", "788", "-65", "Resultat Barn och ungdomsvård"],
    "uppsala-socialnamnden-2024-08": ["SCN-2024-00493", "Förslag till beslut"],
    "uppsala-omsorgsnamnden-2020-08": ["659,1", "Totalt 21"],
    "upplands-bro-socialnamnden-2022": ["335 813", "-15 116", "SN 23/0007"],
    "exempel-kulturnamnden-2023-08": ["KTN-2023-00211", "Förslag till beslut", "203"],
}
BY_LAYOUT = {
    ("uppsala-socialnamnden-2020-08", "uppsala"): ["4,542"],
    ("uppsala-socialnamnden-2020-08", "upplands-bro"): ["4,5"],
    ("uppsala-socialnamnden-2020-08", "uppsala-2024"): ["4,5"],
    ("uppsala-socialnamnden-2024-08", "uppsala-2024"): ["Påbörjad", "Utan anmärkning", "1,6", "Aug 2024"],
    ("uppsala-socialnamnden-2024-08", "uppsala"): ["Påbörjad", "Utan anmärkning"],
    ("uppsala-socialnamnden-2024-08", "upplands-bro"): ["Pågående", "Ingen avvikelse"],
    ("uppsala-omsorgsnamnden-2020-08", "uppsala"): ["Nämndens åtgärder ingår i ett likalydande uppdrag. 1"],
    ("uppsala-omsorgsnamnden-2020-08", "uppsala-2024"): [
        "Nämndens åtgärder ingår i ett likalydande uppdrag. 1"
    ],
    # The egen-regi Totalt the source printed as 1,1 is rendered as computed.
    ("exempel-kulturnamnden-2023-08", "uppsala-2024"): ["-1,1", "Försenad"],
    ("exempel-kulturnamnden-2023-08", "uppsala"): ["-1,1"],
}


def _tools() -> tuple[str, str] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) och pdftotext krävs men saknas")
    pytest.skip("LibreOffice eller pdftotext saknas")


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_libreoffice_opens_every_document(tmp_path: Path, sample: str, layout: str) -> None:
    tools = _tools()
    assert tools is not None
    soffice, pdftotext = tools
    docx = render(load(ROOT / "samples" / f"{sample}.yaml"), layout=layout, out_dir=tmp_path / "docx")
    pdf_dir = tmp_path / "pdf"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *map(str, docx),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    texts = []
    for path in docx:
        pdf = pdf_dir / f"{path.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 1000, f"LibreOffice gav ingen PDF för {path.name}"
        text = subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, check=True, timeout=120
        ).stdout.decode("utf-8")
        assert text.strip(), f"PDF:en för {path.name} är tom"
        texts.append(" ".join(text.split()))  # also folds U+00A0 and a cell's wrapped lines
    alla = "\n".join(texts)
    for figure in FIGURES[sample] + BY_LAYOUT.get((sample, layout), []):
        assert figure in alla, f"{figure!r} saknas i PDF:erna för {sample} med {layout}"
    assert "{{" not in alla and "{%" not in alla


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_templates_saved_by_libreoffice_still_check_and_render(tmp_path: Path, layout: str) -> None:
    """A designer who opens the templates in LibreOffice and saves them as .docx keeps a
    working layout: every tag survives the round trip, layout check finds nothing, and
    the 2020 sample renders with the same text as from the original templates."""
    from delarsrapport._designer import check_layout
    from delarsrapport._render.layout import new_layout
    from delarsrapport._render.render import render_bytes
    from delarsrapport.testing import accessibility_problems, normalise

    tools = _tools()
    assert tools is not None
    soffice, _ = tools
    mapp = new_layout("sparad", fran=layout, katalog=tmp_path)
    sparade = tmp_path / "sparade"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profil'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(sparade),
            *map(str, sorted(mapp.glob("*.docx"))),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    for docx in sorted(mapp.glob("*.docx")):
        sparad = sparade / docx.name
        assert sparad.is_file() and sparad.stat().st_size > 1000, f"LibreOffice sparade inte {docx.name}"
        docx.write_bytes(sparad.read_bytes())
    assert [str(f) for f in check_layout(mapp)] == []
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    original = render_bytes(rapport, layout=layout)
    efter = render_bytes(rapport, layout=mapp)
    for a, b in zip(original, efter, strict=True):
        assert a.filnamn == b.filnamn
        assert accessibility_problems(b.data) == [], b.filnamn

        def texter(data: bytes) -> list[str]:
            # A block LibreOffice wrapped in a content control (the table of contents) is a
            # list of its own; its paragraphs count as the body's.
            platt: list[object] = []
            for x in normalise(data)["innehall"]:  # type: ignore[union-attr]
                platt += x if isinstance(x, list) else [x]
            return [x.split(": ", 1)[-1] for x in platt if isinstance(x, str)]

        assert texter(b.data) == texter(a.data), b.filnamn
