"""The benchmark runs to the end and prints its tables (it never fails on time).

``benchmarks/render.py`` measures our render against stock docxtpl and the zip cost, the
command line's main job, scale and batch throughput (docs/prestanda.md). Wall time
belongs to the machine, so this only checks that every section ran and printed numbers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_benchmark_completes_and_prints_every_section(benchmark_report: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "render.py"), "--snabb"],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for section in ("## Per dokument", "## Huvudjobbet som process", "## Skala", "## Batch"):
        assert section in out
    assert len(re.findall(r"^\| uppsala-socialnamnden-2020-08 \| \w+ \| [\d.]+ ms", out, re.M)) == 4
    assert "--jobs 2 ger" in out
    benchmark_report.extend(out.splitlines())
