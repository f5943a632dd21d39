"""Accessible PDF through LibreOffice: checked with pikepdf, deterministic, robust against a stuck or failing LibreOffice."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest

from delarsrapport import RenderError, load, render
from delarsrapport._render.pdf import convert, pdf_problems, soffice, stamp
from delarsrapport._render.samlad import handlingens_titel
from delarsrapport.testing import pdf_accessibility_problems

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
LAYOUT = {
    "exempel-kulturnamnden-2023-08": "uppsala-2024",
    "upplands-bro-socialnamnden-2022": "upplands-bro",
    "uppsala-omsorgsnamnden-2020-08": "uppsala",
    "uppsala-socialnamnden-2020-08": "uppsala",
    "uppsala-socialnamnden-2024-08": "uppsala-2024",
}


def _sample(namn: str) -> Path:
    return ROOT / "samples" / f"{namn}.yaml"


def _kraver_libreoffice() -> None:
    if shutil.which("soffice") and shutil.which("pdftotext"):
        return
    if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) och pdftotext krävs men saknas")
    pytest.skip("LibreOffice eller pdftotext saknas")


# -- without LibreOffice ----------------------------------------------------------------------


def test_a_missing_libreoffice_is_a_swedish_error_that_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DELARSRAPPORT_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        RenderError, match=r"LibreOffice behövs för att skapa PDF.*apt-get install libreoffice-writer-nogui"
    ):
        soffice()
    with pytest.raises(RenderError, match="apt-get install"):
        render(load(_sample("uppsala-socialnamnden-2024-08")), out_dir=tmp_path / "ut", pdf=True)
    assert not (tmp_path / "ut").exists() or not any((tmp_path / "ut").iterdir())


def _docx() -> bytes:
    from delarsrapport._render.render import render_bytes

    return render_bytes(load(_sample("uppsala-socialnamnden-2024-08")))[0].data


def _falsk_soffice(tmp_path: Path, kropp: str) -> Path:
    """A stand-in for soffice: a shell script that does *kropp*."""
    fil = tmp_path / "soffice"
    fil.write_text("#!/bin/sh\n" + kropp)
    fil.chmod(fil.stat().st_mode | stat.S_IEXEC)
    return fil


def test_libreoffice_is_judged_by_its_output_file_not_its_exit_status(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """LibreOffice exits 0 when it fails; no PDF is an error naming the document."""
    monkeypatch.setenv(
        "DELARSRAPPORT_SOFFICE",
        str(_falsk_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 0\n")),
    )
    with pytest.raises(RenderError, match=r"LibreOffice gav ingen PDF för rapport\.docx: Error: source file"):
        convert([("rapport.docx", _docx())])


def test_a_stuck_libreoffice_is_killed_with_its_whole_process_group(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """soffice starts soffice.bin under it; on the time limit both are killed, no orphan is left."""
    pidfil = tmp_path / "barn.pid"
    skript = _falsk_soffice(tmp_path, f"sleep 300 &\necho $! > {pidfil}\nwait\n")
    monkeypatch.setenv("DELARSRAPPORT_SOFFICE", str(skript))
    start = time.monotonic()
    with pytest.raises(RenderError, match=r"LibreOffice blev inte klart med 1 dokument på 1 s och avbröts"):
        convert([("rapport.docx", _docx())], tidsgrans=1)
    assert time.monotonic() - start < 30
    barn = int(pidfil.read_text())
    for _ in range(50):
        try:
            os.kill(barn, 0)
        except ProcessLookupError:
            break
        # A killed child not yet reaped by init is a zombie: gone for our purposes.
        status = Path(f"/proc/{barn}/stat")
        if status.exists() and status.read_text().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"barnprocessen {barn} lever kvar efter tidsgränsen")


def _tom_pdf() -> bytes:
    dok = pikepdf.new()
    dok.add_blank_page()
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()


def test_pdf_problems_names_everything_an_untagged_pdf_lacks() -> None:
    assert pdf_problems(_tom_pdf()) == [
        "PDF:en är inte märkt som taggad (/MarkInfo /Marked true saknas)",
        "PDF:ens språk är '', inte 'sv-SE'",
        "PDF:en saknar titel (/Title)",
        "PDF:en visar filnamnet i stället för titeln (/DisplayDocTitle true saknas)",
        "PDF:en saknar strukturträd (inga taggar)",
    ]


def test_pdf_problems_finds_a_table_without_header_cells_and_an_image_without_alt_text() -> None:
    dok = pikepdf.open(io.BytesIO(_tom_pdf()))
    d = pikepdf.Dictionary
    n = pikepdf.Name
    td = d(S=n.TD)
    tabell = d(S=n.Table, K=pikepdf.Array([d(S=n.TR, K=pikepdf.Array([td]))]))
    bild = d(S=n.Figure)
    rubrik = d(S=n.H1)
    dok.Root.StructTreeRoot = dok.make_indirect(
        d(Type=n.StructTreeRoot, K=pikepdf.Array([rubrik, tabell, bild]))
    )
    dok.Root.MarkInfo = d(Marked=True)
    dok.Root.Lang = pikepdf.String("sv-SE")
    dok.Root.ViewerPreferences = d(DisplayDocTitle=True)
    dok.docinfo[n.Title] = "Titel"
    ut = io.BytesIO()
    dok.save(ut)
    assert pdf_problems(ut.getvalue()) == [
        "PDF:en saknar bokmärken",
        "en tabell i PDF:en saknar rubrikceller (TH)",
        "en bild i PDF:en saknar alternativtext (/Alt)",
    ]
    # stamp tags the first row of a table left without TH (every rendered table has a header row).
    assert "en tabell i PDF:en saknar rubrikceller (TH)" not in pdf_problems(
        stamp(ut.getvalue(), __import__("datetime").date(2020, 9, 18))
    )


# -- with LibreOffice -------------------------------------------------------------------------


def _sidfotter(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, timeout=120).stdout
    return re.findall(r"Sida \d+ \(\d+\)", text.decode("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_renders_one_combined_docx_and_one_accessible_pdf(sample: str, tmp_path: Path) -> None:
    """LibreOffice opens the combined .docx (the PDF is made from it) and the PDF passes every check."""
    _kraver_libreoffice()
    rapport = load(_sample(sample))
    start = time.monotonic()
    paths = render(rapport, layout=LAYOUT[sample], out_dir=tmp_path / "a", samlad=True, pdf=True)
    sekunder = time.monotonic() - start
    assert [p.name for p in paths] == ["handlingar.docx", "handlingar.pdf"]
    pdf = paths[1]
    assert pdf_accessibility_problems(pdf) == []
    with pikepdf.open(pdf) as dok:
        assert dok.Root.StructTreeRoot is not None
        assert bool(dok.Root.MarkInfo.Marked)
        assert str(dok.Root.Lang) == "sv-SE"
        assert str(dok.docinfo.Title) == handlingens_titel(rapport)
        assert bool(dok.Root.ViewerPreferences.DisplayDocTitle)
        datum = rapport.sammantrade.datum if rapport.sammantrade else rapport.tjansteskrivelse.datum
        assert str(dok.docinfo.CreationDate) == str(dok.docinfo.ModDate) == f"D:{datum:%Y%m%d}000000Z"
        with dok.open_metadata() as meta:
            assert meta.get("xmp:CreateDate", "").startswith(datum.isoformat())
        sidor = len(dok.pages)
        # A cover (the layout's handlingar.docx) comes before the first tjänsteskrivelse and
        # has no page numbers.
        forsta = dok.Root.Dests["/Arende1Tjansteskrivelse"][0].objgen
        forsattsblad = next(i for i, sida in enumerate(dok.pages) if sida.obj.objgen == forsta)
    assert forsattsblad == (1 if LAYOUT[sample] == "upplands-bro" else 0)
    # Every document numbers its own pages: "Sida 1 (n)" … "Sida n (n)", n the document's pages.
    fot = _sidfotter(pdf)
    if fot:
        antal = [int(m) for m in re.findall(r"\((\d+)\)", " ".join(fot))]
        nummer = [int(m) for m in re.findall(r"Sida (\d+)", " ".join(fot))]
        assert nummer.count(1) == len(rapport.arenden) + sum(len(a.bilagor) for a in rapport.arenden)
        assert all(n <= a for n, a in zip(nummer, antal, strict=True))
        assert sum(a for n, a in zip(nummer, antal, strict=True) if n == 1) == sidor - forsattsblad
    # The same report gives the same PDF.
    igen = render(rapport, layout=LAYOUT[sample], out_dir=tmp_path / "b", samlad=True, pdf=True)
    assert igen[1].read_bytes() == pdf.read_bytes()
    assert igen[0].read_bytes() == paths[0].read_bytes()
    print(f"{sample}: samlad handling med PDF på {sekunder:.1f} s")


@pytest.mark.slow
def test_a_pdf_beside_every_document(tmp_path: Path) -> None:
    _kraver_libreoffice()
    paths = render(load(_sample("uppsala-socialnamnden-2020-08")), out_dir=tmp_path, pdf=True)
    namn = [p.name for p in paths]
    assert len(namn) == 8
    assert namn[1::2] == [n.removesuffix(".docx") + ".pdf" for n in namn[0::2]]
    for p in paths[1::2]:
        assert pdf_problems(p) == []


@pytest.mark.slow
def test_a_batch_converts_with_one_libreoffice_per_worker(
    tmp_path: Path, benchmark_report: list[str]
) -> None:
    from delarsrapport import render_many

    _kraver_libreoffice()
    start = time.monotonic()
    resultat = render_many([ROOT / "samples"], out_dir=tmp_path, jobs=2, pdf=True)
    sekunder = time.monotonic() - start
    assert all(r.ok for r in resultat), [r.problem for r in resultat]
    for r in resultat:
        pdfer = [p for p in r.dokument if p.suffix == ".pdf"]
        assert len(pdfer) == len(r.dokument) // 2
    benchmark_report.append(
        f"PDF för {len(resultat)} rapporter med två LibreOffice: {sekunder:.1f} s, "
        f"{sekunder / len(resultat):.1f} s per rapport"
    )
