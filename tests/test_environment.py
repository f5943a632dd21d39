"""Output does not depend on the machine's locale, time zone or clock."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SCRIPT = r"""
from datetime import date
from decimal import Decimal
from delarsrapport import Belopp, Rapportperiod
from delarsrapport.formatting import format_belopp, format_datum, format_period, format_procent
print(format_belopp(Belopp.from_tkr(Decimal("-1234567.5")), enhet="tkr", decimaler=1))
print(format_procent(Decimal("0.093")))
print(format_datum(date(2020, 9, 18), "den"))
print(format_period(Rapportperiod(ar=2020, slutmanad=8), "lang"))
"""


@pytest.mark.parametrize(
    "env",
    [
        {"LC_ALL": "C", "LANG": "C", "TZ": "UTC"},
        {"LC_ALL": "en_US.UTF-8", "LANG": "en_US.UTF-8", "TZ": "America/Los_Angeles"},
        {"LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8", "TZ": "Asia/Tokyo"},
        {"LC_ALL": "", "LANG": "", "TZ": "Pacific/Kiritimati", "LANGUAGE": "fr"},
    ],
)
def test_same_output_under_any_locale_and_time_zone(env: dict[str, str]) -> None:
    """A fresh process with another LANG, LC_ALL and TZ prints the same Swedish text."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "TZ"))}
    full_env.update(env)
    full_env["PYTHONIOENCODING"] = "utf-8"
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=full_env, capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert out.splitlines() == [
        "-1\xa0234\xa0567,5",
        "9\xa0%",
        "den 18 september 2020",
        "januari–augusti 2020",
    ]
