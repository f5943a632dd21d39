"""Rendering from many threads and many processes: the same bytes as one at a time."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from delarsrapport import load, render_bytes
from delarsrapport._cli import main
from delarsrapport._render.batch import render_many

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")


def test_eight_threads_render_what_one_thread_renders() -> None:
    """8 threads over every sample × layout (compound bilagor included) give the serial bytes."""
    rapporter = {s.stem: load(s) for s in SAMPLES}
    jobb = [(s, lay) for s in rapporter for lay in LAYOUTS] * 2
    serial = {(s, lay): [d.data for d in render_bytes(rapporter[s], layout=lay)] for s, lay in set(jobb)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(
            pool.map(lambda j: [d.data for d in render_bytes(rapporter[j[0]], layout=j[1])], jobb)
        )
    for job, data in zip(jobb, parallel, strict=True):
        assert data == serial[job], job


def test_render_many_writes_each_report_into_its_own_folder(tmp_path: Path) -> None:
    """Two worker processes, four reports: each in OUT/<name>/, the bytes of render_bytes."""
    resultat = render_many(SAMPLES, out_dir=tmp_path, jobs=2)
    assert [r.fil for r in resultat] == SAMPLES
    for r in resultat:
        assert r.ok and r.mapp == tmp_path / r.fil.stem
        expected = render_bytes(load(r.fil))
        assert [p.name for p in r.dokument] == [d.filnamn for d in expected]
        assert [p.read_bytes() for p in r.dokument] == [d.data for d in expected]


def test_a_failing_report_is_reported_and_the_others_are_written(tmp_path: Path) -> None:
    """A report that cannot be read is named with its problem; the good one is rendered."""
    trasig = tmp_path / "trasig.yaml"
    trasig.write_text("kommun: [\n", encoding="utf-8")
    resultat = render_many([SAMPLES[0], trasig], out_dir=tmp_path / "ut", jobs=2)
    assert resultat[0].ok and resultat[0].dokument
    assert not resultat[1].ok and "trasig.yaml" in str(resultat[1].problem)
    assert not (tmp_path / "ut" / "trasig").exists()


def test_strict_refuses_a_report_with_fel_in_a_batch(tmp_path: Path) -> None:
    resultat = render_many([SAMPLES[0]], out_dir=tmp_path, jobs=1, strict=True)
    assert not resultat[0].ok and "fel i kontrollen" in str(resultat[0].problem)


def test_command_line_renders_a_folder_with_one_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``delarsrapport render samples/ -o OUT`` as a new user would try it; no bar when not a terminal."""
    assert main(["render", str(ROOT / "samples"), "-o", str(tmp_path), "--jobs", "2"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == (
        f"{len(SAMPLES)} rapporter: {len(SAMPLES)} skapade med 19 dokument i {tmp_path}, 0 misslyckades"
    )
    assert "rapport/s" not in captured.err  # the progress bar is only drawn on a terminal
    for s in SAMPLES:
        manifest = json.loads((tmp_path / s.stem / ".delarsrapport.json").read_text(encoding="utf-8"))
        assert sorted(d["fil"] for d in manifest["dokument"]) == sorted(
            p.name for p in (tmp_path / s.stem).glob("*.docx")
        )
