"""A non-editable install carries everything the library loads at run time.

Builds the wheel, installs it (without dependencies) into an empty folder and renders
a sample with both shipped layouts from there, in a process that cannot see the
source tree. Slow (it builds a wheel); runs with ``--slow``.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
