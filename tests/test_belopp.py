"""Belopp: an exact amount that knows its unit and never mixes with bare numbers."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pytest

from delarsrapport import Belopp


def test_built_from_tkr_is_stored_in_kronor() -> None:
    """from_tkr scales exactly into kronor; every unit reads the same amount back."""
    b = Belopp.from_tkr(Decimal("-47725"))
    assert b.kronor == Decimal("-47725000")
    assert b.tkr == Decimal("-47725")
    assert b.mnkr == Decimal("-47.725")
    assert b.i_enhet("mnkr") == Decimal("-47.725")


@pytest.mark.parametrize(
    ("build", "kronor"),
    [
        (lambda: Belopp.from_kronor(Decimal("870089")), Decimal("870089")),
        (lambda: Belopp.from_tkr(Decimal("0.5")), Decimal("500")),
        (lambda: Belopp.from_mnkr(Decimal("64.86")), Decimal("64860000")),
        (lambda: Belopp.from_mnkr(2), Decimal("2000000")),
        (lambda: Belopp.from_enhet(Decimal("1.5"), "tkr"), Decimal("1500")),
    ],
)
def test_every_unit_builds_the_exact_amount(build: object, kronor: Decimal) -> None:
    """kr, tkr and mnkr constructors are exact."""
    assert build().kronor == kronor  # type: ignore[operator]


@pytest.mark.parametrize("bad", [1.5, 0.1, float("nan"), True, "12", None, [1]])
def test_floats_bools_and_text_are_refused(bad: object) -> None:
    """Only int and Decimal can become an amount; a float is never silently accepted."""
    with pytest.raises(TypeError):
        Belopp.from_tkr(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_non_finite_decimals_are_refused(bad: Decimal) -> None:
    """NaN and infinities are not amounts."""
    with pytest.raises(ValueError, match="ändligt"):
        Belopp(bad)


def test_unknown_unit_is_refused() -> None:
    """A unit other than kr, tkr, mnkr names the units that exist."""
    with pytest.raises(ValueError, match="kr, tkr, mnkr"):
        Belopp.from_enhet(1, "mkr")  # type: ignore[arg-type]


def test_arithmetic_between_amounts_is_exact() -> None:
    """+, -, negation, abs and sum() stay exact and stay Belopp."""
    a = Belopp.from_tkr(Decimal("-2193"))
    b = Belopp.from_tkr(Decimal("-1411"))
    assert a + b == Belopp.from_tkr(-3604)
    assert a - b == Belopp.from_tkr(-782)
    assert -a == Belopp.from_tkr(2193)
    assert abs(a) == Belopp.from_tkr(2193)
    assert +a is a
    assert sum([a, b, Belopp.from_tkr(4776)]) == Belopp.from_tkr(1172)
    assert sum([], Belopp.noll()) == Belopp.noll()


def test_scaling_and_ratios() -> None:
    """An amount scales by a number, divides by a volume, and two amounts give a ratio."""
    b = Belopp.from_tkr(119976)
    per_dygn = b / 26415
    assert isinstance(per_dygn, Belopp)
    assert per_dygn.tkr == Decimal(119976) / Decimal(26415)
    assert b * 2 == Belopp.from_tkr(239952)
    assert 2 * b == b * 2
    ratio = Belopp.from_mnkr(Decimal("15.9")) / Belopp.from_mnkr(Decimal("1706.9"))
    assert isinstance(ratio, Decimal)
    assert Belopp.from_mnkr(1).andel_av(Belopp.from_mnkr(4)) == Decimal("0.25")
    with pytest.raises(ZeroDivisionError):
        b / 0
    with pytest.raises(ZeroDivisionError):
        b / Belopp.noll()


@pytest.mark.parametrize(
    "mix",
    [
        lambda b: b + 5,
        lambda b: 5 + b,
        lambda b: b - Decimal(1),
        lambda b: b + 1.5,
        lambda b: b * 1.5,
        lambda b: b / 2.0,
        lambda b: b < 5,
        lambda b: b * True,
        lambda b: round(b),
    ],
)
def test_no_mixing_with_bare_numbers(mix: object) -> None:
    """Adding, comparing or rounding with bare numbers is a TypeError, not a guess."""
    with pytest.raises(TypeError):
        mix(Belopp.from_tkr(1))  # type: ignore[operator]


def test_equality_and_order() -> None:
    """Amounts compare by value whatever unit built them; a number is never equal."""
    assert Belopp.from_tkr(1) == Belopp.from_kronor(1000)
    assert Belopp.from_mnkr(Decimal("0.001")) == Belopp.from_tkr(1)
    assert Belopp.from_tkr(1) != 1000
    assert Belopp.from_tkr(1) != Decimal(1000)
    assert Belopp.from_tkr(-1) < Belopp.noll() <= Belopp.noll() < Belopp.from_tkr(1)
    assert sorted([Belopp.from_tkr(3), Belopp.from_tkr(-1)]) == [
        Belopp.from_tkr(-1),
        Belopp.from_tkr(3),
    ]
    assert len({Belopp.from_tkr(1), Belopp.from_kronor(1000)}) == 1


def test_negative_zero_is_zero() -> None:
    """Decimal('-0') is stored as zero without a sign."""
    z = Belopp(Decimal("-0"))
    assert z == Belopp.noll()
    assert str(z.kronor) == "0"
    assert not z
    assert Belopp.from_tkr(1)


def test_immutable_and_copyable() -> None:
    """A Belopp cannot be changed; pickling and copying keep the value."""
    b = Belopp.from_tkr(Decimal("-47725"))
    with pytest.raises(AttributeError):
        b._kronor = Decimal(1)  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(b)) == b
    assert copy.deepcopy(b) == b
    assert eval(repr(b), {"Belopp": Belopp, "Decimal": Decimal}) == b
