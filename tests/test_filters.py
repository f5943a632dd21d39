"""The formatting functions as Jinja filters, with the layout's number style."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from delarsrapport import Belopp, Rapportperiod
from delarsrapport._render.filters import FILTERNAMN, Talstil, make_filters


def _render(source: str, stil: Talstil | None = None, **context: object) -> str:
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters(stil or Talstil()))
    return env.from_string(source).render(**context)


def test_filters_have_swedish_names() -> None:
    """The template filters have Swedish names: the formatting filters and the standard sentences."""
    assert set(FILTERNAMN) == {
        "belopp",
        "procent",
        "tal",
        "datum",
        "period",
        "lista",
        "versal",
        "som_text",
        "resultatmening",
        "avvikelsemening",
        "prognosmening",
        "volymmening",
        "internkontrollmening",
    }


def test_belopp_filter_uses_the_layout_minus() -> None:
    """{{ x | belopp("mnkr", 1) }} formats with the layout's minus sign."""
    x = Belopp.from_tkr(Decimal("-47725"))
    assert _render('{{ x | belopp("mnkr", 1) }}', x=x) == "-47,7"
    assert _render('{{ x | belopp("tkr") }}', Talstil(minus="\u2212"), x=x) == "\u221247\xa0725"
    assert _render('{{ x | belopp("mnkr", suffix="ord") }}', x=x) == "-48 miljoner kronor"


def test_missing_and_zero_values_follow_the_layout() -> None:
    """None prints the layout's 'saknas' text; zero prints 'noll' when the layout sets it."""
    stil = Talstil(noll="", saknas="-")
    assert _render("[{{ x | belopp }}]", stil, x=None) == "[-]"
    assert _render("[{{ x | belopp }}]", stil, x=Belopp.noll()) == "[]"
    assert _render("[{{ x | procent }}]", stil, x=None) == "[-]"


def test_other_filters() -> None:
    """procent, tal, datum, period, lista and versal behave like their functions."""
    p = Rapportperiod(ar=2020, slutmanad=8)
    assert _render("{{ x | procent }}", x=Decimal("0.093")) == "9\xa0%"
    assert _render("{{ x | procent(mellanslag=false) }}", x=Decimal("0.093")) == "9%"
    assert _render("{{ 8 | tal(ord=true, versal=true) }}") == "Åtta"
    assert _render('{{ d | datum("den") }}', d=date(2020, 9, 18)) == "den 18 september 2020"
    assert _render('{{ p | period("kort") }} {{ p | period("kod") }}', p=p) == ("jan-aug 202001-202008")
    assert _render("{{ x | lista }}", x=["KS", "UBN", "SCN"]) == "KS, UBN och SCN"
    assert _render("{{ 'socialnämnden' | versal }}") == "Socialnämnden"


def test_filter_output_is_escaped() -> None:
    """Filters return plain strings, so autoescape still escapes what they return."""
    assert _render("{{ x | lista }}", x=["A & B", "<C>"]) == "A &amp; B och &lt;C&gt;"


def test_bad_genus_is_an_error() -> None:
    """A misspelt option is an error, not a silent default."""
    with pytest.raises(ValueError, match="genus"):
        _render("{{ 1 | tal(ord=true, genus='neutrum') }}")
