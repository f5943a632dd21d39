"""A non-editable install carries everything the library loads at run time.

Builds the wheel, installs it (without dependencies) into an empty folder and renders
a sample with both shipped layouts from there, in a process that cannot see the
source tree. Slow (it builds a wheel); runs with ``--slow``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = """
import sys
from pathlib import Path
import delarsrapport
from delarsrapport import load, render
from delarsrapport._render.layout import shipped_layouts
target = Path(sys.argv[1]).resolve()
assert Path(delarsrapport.__file__).resolve().is_relative_to(target), delarsrapport.__file__
assert shipped_layouts() == ("upplands-bro", "uppsala", "uppsala-2024"), shipped_layouts()
rapport = load(sys.argv[2])
for layout in shipped_layouts():
    paths = render(rapport, layout=layout, out_dir=Path(sys.argv[3]) / layout)
    print(layout, len(paths))
"""


@pytest.mark.slow
def test_wheel_carries_templates_and_renders(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("delarsrapport-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for layout in ("uppsala", "uppsala-2024", "upplands-bro"):
        for name in (
            "installningar.yaml",
            "tjansteskrivelse.docx",
            "ekonomi.docx",
            "verksamhet.docx",
            "nyckeltal.docx",
            "internkontroll.docx",
        ):
            assert f"delarsrapport/templates/{layout}/{name}" in names
    assert "delarsrapport/py.typed" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    sample = tmp_path / "rapport.yaml"
    sample.write_bytes((ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(target), str(sample), str(tmp_path / "ut")],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the source tree
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["upplands-bro", "5", "uppsala", "5", "uppsala-2024", "5"]


@pytest.mark.slow
def test_build_gives_an_sdist_and_a_wheel_that_pass_twine_check(tmp_path: Path) -> None:
    """``python -m build``: both pass ``twine check --strict``; the wheel carries the licences,
    declares Apache-2.0, and an install of it writes the documentation the repository holds."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    (sdist,) = dist.glob("delarsrapport-*.tar.gz")
    (wheel,) = dist.glob("delarsrapport-*.whl")
    subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        text = z.read(metadata).decode("utf-8")
    assert "License-Expression: Apache-2.0" in text
    assert "example.invalid" not in text
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert any(n.endswith("licenses/python-docx-MIT.txt") for n in names)
    assert "delarsrapport/model.py" in names
    assert "delarsrapport/samples/uppsala-socialnamnden-2020-08.yaml" in names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    ut = tmp_path / "docs"
    proc = subprocess.run(
        [sys.executable, "-m", "delarsrapport", "docs", "alla", str(ut)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the source tree: the samples come from the package
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    for path in sorted(ut.iterdir()):
        assert path.read_bytes() == (ROOT / "docs" / path.name).read_bytes(), path.name
    proc = subprocess.run(
        [sys.executable, "-m", "delarsrapport", "--version"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    # The one source of the version is pyproject.toml; the installed metadata carries it.
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert proc.stdout == f"delarsrapport {version}\n"
