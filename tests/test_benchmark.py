"""A benchmark: how long loading, checking and rendering take, per sample and layout.

It measures and reports (in the summary at the end of the pytest run); it never fails on
time, since wall time depends on the machine. Runs with ``--slow``.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from delarsrapport import check, load
from delarsrapport._render.render import render_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
REPEAT = 3


def _time(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


@pytest.mark.slow
def test_benchmark(benchmark_report: list[str]) -> None:
    lines = [
        f"{'rapport':<36}{'layout':<14}{'läsa':>8}{'kontroll':>10}{'skapa':>8}{'dok':>5}"
        f"  (sekunder, median av {REPEAT})"
    ]
    for sample in SAMPLES:
        rapport = load(sample)
        las = statistics.median(_time(lambda sample=sample: load(sample)) for _ in range(REPEAT))
        kontroll = statistics.median(_time(lambda rapport=rapport: check(rapport)) for _ in range(REPEAT))
        for layout in ("uppsala", "uppsala-2024", "upplands-bro"):
            dokument = render_bytes(rapport, layout=layout)  # also prepares the templates once
            skapa = statistics.median(
                _time(lambda layout=layout, rapport=rapport: render_bytes(rapport, layout=layout))
                for _ in range(REPEAT)
            )
            lines.append(
                f"{sample.stem:<36}{layout:<14}{las:>8.3f}{kontroll:>10.3f}{skapa:>8.3f}{len(dokument):>5}"
            )
            assert dokument  # the benchmark measured real work
    benchmark_report.extend(lines)
