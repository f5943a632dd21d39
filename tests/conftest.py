"""Shared test configuration: the --slow switch and an environment that proves nothing
depends on the machine's locale, clock or time zone."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        default=False,
        help="also run the slow checks (LibreOffice over every document, long Hypothesis runs)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # A hostile environment for every test: if anything read LANG, LC_* or TZ, the
    # Swedish output would change and the tests would see it.
    os.environ.setdefault("TZ", "Pacific/Kiritimati")
    os.environ.setdefault("LC_ALL", "C")
    os.environ.setdefault("LANG", "en_US.UTF-8")
    # Long property runs with --slow (read when the test modules are imported).
    if config.getoption("--slow"):
        os.environ["DELARSRAPPORT_SLOW_HYPOTHESIS"] = "1"
    # Prepared templates are cached on disk between processes; the tests start from an
    # empty cache of their own, so a stale entry from an older engine can hide nothing.
    if "DELARSRAPPORT_CACHE" not in os.environ:
        os.environ["DELARSRAPPORT_CACHE"] = tempfile.mkdtemp(prefix="delarsrapport-cache-")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow check; run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")


class Renders:
    """Every sample rendered with every shipped layout, once per test session."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], list[object]] = {}

    def __call__(self, sample: str, layout: str) -> list[object]:
        from delarsrapport import load
        from delarsrapport._render.render import render_bytes

        key = (sample, layout)
        if key not in self._cache:
            self._cache[key] = list(render_bytes(load(ROOT / "samples" / f"{sample}.yaml"), layout=layout))
        return self._cache[key]


@pytest.fixture(scope="session")
def renders() -> Renders:
    """``renders(sample_stem, layout)`` → the rendered documents (cached for the session)."""
    return Renders()


_BENCHMARK = pytest.StashKey[list[str]]()


@pytest.fixture
def benchmark_report(request: pytest.FixtureRequest) -> list[str]:
    """Lines a benchmark adds here are printed in the summary at the end of the run."""
    return request.config.stash.setdefault(_BENCHMARK, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    lines = config.stash.get(_BENCHMARK, [])
    if lines:
        terminalreporter.write_sep("-", "benchmark")
        for line in lines:
            terminalreporter.write_line(line)
