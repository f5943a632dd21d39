"""docs/exempel_modell.py, a report built from delarsrapport.model only: it runs, renders, and
passes ``mypy --strict`` with no ``Any`` in the types of the public calls it makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import delarsrapport

ROOT = Path(__file__).resolve().parents[1]
EXEMPEL = ROOT / "docs" / "exempel_modell.py"
PAKET = Path(delarsrapport.__file__).resolve().parents[1]  # the folder delarsrapport is imported from


def test_the_example_builds_checks_and_renders(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(PAKET)}
    proc = subprocess.run(
        [sys.executable, str(EXEMPEL), str(tmp_path / "ut")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "2 fynd, 0 fel; periodens resultat -204 tkr",
        "1-tjansteskrivelse.docx",
        "1-bilaga-1-ekonomisk-uppfoljning-per-augusti-2025.docx",
    ]
    assert sorted(p.name for p in (tmp_path / "ut").iterdir() if not p.name.startswith(".")) == [
        "1-bilaga-1-ekonomisk-uppfoljning-per-augusti-2025.docx",
        "1-tjansteskrivelse.docx",
    ]


def test_the_example_is_the_same_report_as_the_yaml_of_indata_md(tmp_path: Path) -> None:
    """Built in Python or loaded from docs/indata.md's YAML: the same model, equal."""
    sys.path.insert(0, str(EXEMPEL.parent))
    try:
        from exempel_modell import bygg_rapport  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(EXEMPEL.parent))
    text = (ROOT / "docs" / "indata.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.+?)\n```", text, flags=re.S)
    assert block is not None
    (tmp_path / "exempel.yaml").write_text(block.group(1), encoding="utf-8")
    assert bygg_rapport() == delarsrapport.load(tmp_path / "exempel.yaml")


def test_the_snippet_of_model_md_runs_and_prints_what_it_says() -> None:
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.+?)\n```", text, flags=re.S)
    assert block is not None
    proc = subprocess.run(
        [sys.executable, "-c", block.group(1)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PAKET)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "375\n"


REVEAL = """\
from pathlib import Path

import delarsrapport
from exempel_modell import bygg_rapport, ekonomi_resultat

rapport = bygg_rapport()
reveal_type(rapport)
reveal_type(delarsrapport.load("r.yaml"))
reveal_type(delarsrapport.check(rapport))
reveal_type(delarsrapport.check(rapport)[0].printed)
reveal_type(delarsrapport.check(rapport)[0].line)
reveal_type(delarsrapport.render(rapport, layout="uppsala", out_dir=Path("ut")))
reveal_type(delarsrapport.render_bytes(rapport, layout="uppsala"))
reveal_type(rapport.huvudarende.ekonomi)
reveal_type(ekonomi_resultat(rapport))
reveal_type(delarsrapport.__version__)
"""


@pytest.mark.slow  # mypy analyses the whole package: several seconds
def test_the_example_passes_mypy_strict_without_any(tmp_path: Path) -> None:
    (tmp_path / "exempel_modell.py").write_bytes(EXEMPEL.read_bytes())
    (tmp_path / "visa.py").write_text(REVEAL, encoding="utf-8")
    # An installed package is found by mypy itself, and mypy refuses site-packages on
    # MYPYPATH; a source checkout (editable install, PYTHONPATH) is pointed to.
    installerat = "site-packages" in PAKET.parts or "dist-packages" in PAKET.parts
    env = dict(os.environ) if installerat else {**os.environ, "MYPYPATH": str(PAKET)}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            # The project's own settings: its dependencies without stubs are not its errors.
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),
            "exempel_modell.py",
            "visa.py",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    typer = re.findall(r'Revealed type is "(.+)"', proc.stdout)
    assert len(typer) == REVEAL.count("reveal_type"), proc.stdout + proc.stderr
    # reveal_type is reported as a note; any error is a failure.
    assert [r for r in proc.stdout.splitlines() if ": error:" in r] == []
    assert [t for t in typer if "Any" in t] == []
    assert typer[:3] == [
        "delarsrapport._model.rapport.Delarsrapport",
        "delarsrapport._model.rapport.Delarsrapport",
        "list[delarsrapport._check.recorder.Finding]",
    ]
