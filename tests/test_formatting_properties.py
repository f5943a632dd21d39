"""Properties of the formatting layer that must hold for every amount, not just examples."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from delarsrapport import Belopp
from delarsrapport.formatting import format_belopp, format_procent, parse_belopp

ENHETER = ("kr", "tkr", "mnkr")

# Amounts within ±10^12 in the unit they are formatted in, with up to four decimals.
amounts = st.decimals(
    min_value=Decimal(-(10**12)),
    max_value=Decimal(10**12),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


def _rounded(value: Decimal, decimaler: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)


def _round_trip(value: Decimal, enhet: str, decimaler: int, minus: str, tecken: bool) -> None:
    belopp = Belopp.from_enhet(value, enhet)  # type: ignore[arg-type]
    text = format_belopp(belopp, enhet=enhet, decimaler=decimaler, minus=minus, tecken=tecken)  # type: ignore[arg-type]
    back = parse_belopp(text, enhet=enhet)  # type: ignore[arg-type]
    assert back == Belopp.from_enhet(_rounded(value, decimaler), enhet)  # type: ignore[arg-type]


@given(
    value=amounts,
    enhet=st.sampled_from(ENHETER),
    decimaler=st.integers(0, 3),
    minus=st.sampled_from(["-", "\u2212"]),
    tecken=st.booleans(),
)
def test_parse_of_format_is_the_rounded_amount(
    value: Decimal, enhet: str, decimaler: int, minus: str, tecken: bool
) -> None:
    """parse_belopp(format_belopp(x)) == x rounded half up, in every unit and style."""
    _round_trip(value, enhet, decimaler, minus, tecken)


@given(value=amounts, enhet=st.sampled_from(ENHETER), decimaler=st.integers(0, 3))
def test_never_negative_zero(value: Decimal, enhet: str, decimaler: int) -> None:
    """No amount ever prints as -0, -0,0, −0 …; a sign means a non-zero rounded value."""
    belopp = Belopp.from_enhet(value, enhet)  # type: ignore[arg-type]
    for minus in ("-", "\u2212"):
        text = format_belopp(belopp, enhet=enhet, decimaler=decimaler, minus=minus)  # type: ignore[arg-type]
        if text.startswith(minus):
            assert any(c in "123456789" for c in text)
            assert value < 0


@given(value=amounts, decimaler=st.integers(0, 2))
def test_rounding_never_changes_the_sign(value: Decimal, decimaler: int) -> None:
    """The displayed sign is the value's sign, or none when it rounds to zero."""
    text = format_belopp(Belopp.from_mnkr(value), enhet="mnkr", decimaler=decimaler, tecken=True)
    if text.startswith("-"):
        assert value < 0
    elif text.startswith("+"):
        assert value > 0
    else:
        assert _rounded(value, decimaler) == 0


@given(value=st.decimals(min_value=-10, max_value=10, places=6))
def test_percent_never_negative_zero(value: Decimal) -> None:
    """Percentages follow the same sign rule."""
    text = format_procent(value, decimaler=1)
    assert not text.startswith("-0,0")


@pytest.mark.slow
@settings(max_examples=20_000, deadline=None)
@given(
    value=amounts,
    enhet=st.sampled_from(ENHETER),
    decimaler=st.integers(0, 3),
    minus=st.sampled_from(["-", "\u2212"]),
    tecken=st.booleans(),
)
def test_round_trip_long_run(value: Decimal, enhet: str, decimaler: int, minus: str, tecken: bool) -> None:
    """The round-trip property over many more examples (--slow)."""
    _round_trip(value, enhet, decimaler, minus, tecken)


@given(
    value=st.decimals(
        min_value=0, max_value=Decimal(10**15), places=6, allow_nan=False, allow_infinity=False
    ),
    decimaler=st.integers(0, 6),
    gruppera=st.booleans(),
)
@settings(max_examples=2000)
def test_digits_are_what_babel_writes(value: Decimal, decimaler: int, gruppera: bool) -> None:
    """The fast digit layout equals Babel's format_decimal with the same pattern, in sv_SE."""
    from babel import Locale
    from babel.numbers import format_decimal

    from delarsrapport.formatting import _siffror

    rounded = _rounded(value, decimaler)
    pattern = ("#,##0" if gruppera else "0") + ("." + "0" * decimaler if decimaler else "")
    assert _siffror(rounded, decimaler, gruppera) == format_decimal(
        rounded, format=pattern, locale=Locale.parse("sv_SE")
    )
