"""Shared test configuration: the --slow switch and an environment that proves nothing
depends on the machine's locale, clock or time zone."""

from __future__ import annotations

import os
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow check; run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
