"""The Swedish formats of domain.md §5, case by case.

Expected strings write U+00A0 as ``\\xa0`` and U+2212 as ``\\u2212`` so that invisible
characters are visible in the test.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from delarsrapport import Belopp, ParseError, Rapportperiod
from delarsrapport.formatting import (
    avrunda,
    format_belopp,
    format_datum,
    format_lista,
    format_period,
    format_procent,
    format_tal,
    manadsnamn,
    parse_belopp,
    talord,
    versal,
)

tkr = Belopp.from_tkr
mnkr = Belopp.from_mnkr


# -- the results the foundation issue names, exactly ---------------------------------------


@pytest.mark.parametrize(
    ("belopp", "kwargs", "expected"),
    [
        (tkr(Decimal("-47725")), {"enhet": "tkr"}, "-47\xa0725"),
        (tkr(Decimal("-47725")), {"enhet": "mnkr", "decimaler": 1}, "-47,7"),
        (tkr(Decimal("-64860")), {"enhet": "mnkr"}, "-65"),
        (tkr(Decimal("3500")), {"enhet": "mnkr"}, "4"),
        (tkr(Decimal("2500")), {"enhet": "mnkr"}, "3"),
        (tkr(Decimal("-40")), {"enhet": "mnkr", "decimaler": 1}, "0,0"),
        (tkr(Decimal("-2114")), {"enhet": "tkr", "minus": "\u2212"}, "\u22122\xa0114"),
        (tkr(Decimal("15000")), {"enhet": "mnkr", "tecken": True}, "+15"),
        (mnkr(Decimal("1")), {"enhet": "mnkr", "suffix": "ord"}, "1 miljon kronor"),
        (
            mnkr(Decimal("2.3")),
            {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"},
            "2,3 miljoner kronor",
        ),
    ],
)
def test_issue_examples(belopp: Belopp, kwargs: dict[str, object], expected: str) -> None:
    """The exact results the foundation issue asks for."""
    assert format_belopp(belopp, **kwargs) == expected  # type: ignore[arg-type]


def test_issue_examples_percent_date_parse() -> None:
    """Percent, long date and parsing back, as the foundation issue asks."""
    assert format_procent(Decimal("0.093")) == "9\xa0%"
    assert format_datum(date(2020, 9, 18), "lang") == "18 september 2020"
    assert parse_belopp("\u22122\xa0114", enhet="tkr") == tkr(Decimal("-2114"))


# -- §5.2 numbers in tables ------------------------------------------------------------


@pytest.mark.parametrize(
    ("belopp", "enhet", "decimaler", "expected"),
    [
        # whole tkr (000)
        (tkr(-2114), "tkr", 0, "-2\xa0114"),
        (tkr(-137164), "tkr", 0, "-137\xa0164"),
        (tkr(356800), "tkr", 0, "356\xa0800"),
        (tkr(1174), "tkr", 0, "1\xa0174"),
        # whole mnkr from tkr in summary tables (000, 001, 004)
        (tkr(787821), "mnkr", 0, "788"),
        (tkr(-39065), "mnkr", 0, "-39"),
        (tkr(-64860), "mnkr", 0, "-65"),
        (tkr(-27000), "mnkr", 0, "-27"),
        (mnkr(Decimal("1242.3")), "mnkr", 0, "1\xa0242"),
        (mnkr(Decimal("1706.9")), "mnkr", 0, "1\xa0707"),
        # mnkr with one decimal (004 RR), including the value that printed "-0,0"
        (mnkr(Decimal("659.1")), "mnkr", 1, "659,1"),
        (mnkr(Decimal("-1015.7")), "mnkr", 1, "-1\xa0015,7"),
        (mnkr(Decimal("-0.04")), "mnkr", 1, "0,0"),
        (mnkr(Decimal("0")), "mnkr", 1, "0,0"),
        # nyckeltal, tkr per unit with three or one decimals (000, 001)
        (tkr(119976) / 26415, "tkr", 3, "4,542"),
        (tkr(85115) / 19425, "tkr", 3, "4,382"),
        (tkr(75747) / 53076, "tkr", 3, "1,427"),
        (tkr(62513) / 577, "tkr", 1, "108,3"),
        (tkr(14114) / 81, "tkr", 1, "174,2"),
        (tkr(60976) / 5555, "tkr", 1, "11,0"),
        (tkr(3184) / 162, "tkr", 1, "19,7"),
        (tkr(103948) / 65605, "tkr", 1, "1,6"),
        (tkr(123464) / 22939, "tkr", 1, "5,4"),
        (tkr(75230) / 13728, "tkr", 1, "5,5"),
        # whole tkr, Upplands-Bro (002)
        (tkr(335813), "tkr", 0, "335\xa0813"),
        (tkr(-11310), "tkr", 0, "-11\xa0310"),
        (tkr(-15116), "tkr", 0, "-15\xa0116"),
        (tkr(6100), "tkr", 0, "6\xa0100"),
        # kronor
        (Belopp.from_kronor(870089), "tkr", 0, "870"),
        (Belopp.from_kronor(107258), "kr", 0, "107\xa0258"),
    ],
)
def test_table_numbers(belopp: Belopp, enhet: str, decimaler: int, expected: str) -> None:
    """Table cells in tkr and mnkr, grouped with U+00A0, rounded half up once."""
    assert format_belopp(belopp, enhet=enhet, decimaler=decimaler) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "decimaler", "expected"),
    [
        (Decimal("0.5"), 0, "1"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("-2.5"), 0, "-3"),
        (Decimal("64.85"), 1, "64,9"),
        (Decimal("-64.85"), 1, "-64,9"),
        (Decimal("1.5"), 0, "2"),
        (Decimal("0.125"), 2, "0,13"),
        (Decimal("294.765"), 1, "294,8"),  # not truncated to 294,7 (000-16)
        (Decimal("-0.4"), 0, "0"),
        (Decimal("-0.5"), 0, "-1"),
        (Decimal("-0.0499"), 1, "0,0"),
    ],
)
def test_rounding_is_half_up_and_never_negative_zero(value: Decimal, decimaler: int, expected: str) -> None:
    """Ties go away from zero (unlike Babel and round()); nothing prints as -0."""
    assert format_belopp(mnkr(value), enhet="mnkr", decimaler=decimaler) == expected


@pytest.mark.parametrize("value", [Decimal("-0"), Decimal("-0.0001"), Decimal("-0.049")])
def test_negative_zero_never_printed(value: Decimal) -> None:
    """A value that rounds to zero has no sign, also with U+2212 and with tecken."""
    for minus in ("-", "\u2212"):
        assert format_belopp(mnkr(value), enhet="mnkr", decimaler=1, minus=minus) == "0,0"
        assert format_belopp(mnkr(value), enhet="mnkr", tecken=True, minus=minus) == "0"


def test_zero_may_print_as_empty_cell() -> None:
    """Upplands-Bro leaves zero cells empty: noll='' prints nothing for a rounded zero."""
    assert format_belopp(tkr(Decimal("0.4")), enhet="tkr", noll="") == ""
    assert format_belopp(tkr(550), enhet="tkr", noll="") == "550"


def test_explicit_plus_for_intervals() -> None:
    """tecken=True gives the '+5' of '+5/-20 mnkr'; negatives keep their minus."""
    assert format_belopp(mnkr(5), enhet="mnkr", tecken=True) == "+5"
    assert format_belopp(mnkr(-20), enhet="mnkr", tecken=True) == "-20"


# -- §5.3 amounts in running text ------------------------------------------------------


@pytest.mark.parametrize(
    ("belopp", "kwargs", "expected"),
    [
        (tkr(-64860), {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"}, "-64,9 miljoner kronor"),
        (
            abs(tkr(-404525)),
            {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"},
            "404,5 miljoner kronor",
        ),
        (abs(tkr(-204)), {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"}, "0,2 miljoner kronor"),
        (
            abs(tkr(-2738)),
            {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"},
            "2,7 miljoner kronor",
        ),
        (abs(tkr(-39065)), {"enhet": "mnkr", "decimaler": 1, "suffix": "kort"}, "39,1 mnkr"),
        (tkr(561), {"enhet": "mnkr", "decimaler": 1, "suffix": "kort"}, "0,6 mnkr"),
        (tkr(3500), {"enhet": "mnkr", "decimaler": 1, "suffix": "kort"}, "3,5 mnkr"),
        (mnkr(Decimal("35.7")), {"enhet": "mnkr", "decimaler": 1, "suffix": "kort"}, "35,7 mnkr"),
        (abs(tkr(-27000)), {"enhet": "mnkr", "suffix": "ord"}, "27 miljoner kronor"),
        (tkr(1000), {"enhet": "mnkr", "suffix": "ord"}, "1 miljon kronor"),
        (tkr(-1000), {"enhet": "mnkr", "suffix": "ord"}, "-1 miljon kronor"),
        (tkr(1000), {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"}, "1,0 miljoner kronor"),
        (tkr(1400), {"enhet": "mnkr", "suffix": "ord"}, "1 miljon kronor"),
        (tkr(1500), {"enhet": "mnkr", "suffix": "ord"}, "2 miljoner kronor"),
        (tkr(-27000), {"enhet": "mnkr", "suffix": "mkr"}, "-27 mkr"),
        (tkr(-25000), {"enhet": "mnkr", "suffix": "kort"}, "-25 mnkr"),
        (Belopp.from_kronor(107258), {"enhet": "kr", "suffix": "ord"}, "107\xa0258 kronor"),
        (Belopp.from_kronor(1), {"enhet": "kr", "suffix": "ord"}, "1 krona"),
        (tkr(272054), {"enhet": "tkr", "suffix": "kort"}, "272\xa0054 tkr"),
        (tkr(6146), {"enhet": "tkr", "suffix": "ord"}, "6\xa0146 tusen kronor"),
    ],
)
def test_running_text_amounts(belopp: Belopp, kwargs: dict[str, object], expected: str) -> None:
    """Amounts with unit words or abbreviations, with singular 'miljon' only for exactly 1."""
    assert format_belopp(belopp, **kwargs) == expected  # type: ignore[arg-type]


def test_mkr_suffix_requires_mnkr() -> None:
    """'mkr' means millions: asking for it on tkr is an error, not a wrong label."""
    with pytest.raises(ValueError, match="mnkr"):
        format_belopp(tkr(1), enhet="tkr", suffix="mkr")


@pytest.mark.parametrize(
    "bad",
    [{"minus": "–"}, {"suffix": "kronor"}, {"decimaler": -1}, {"decimaler": 1.5}, {"enhet": "mkr"}],
)
def test_bad_options_are_errors(bad: dict[str, object]) -> None:
    """An unknown minus sign, suffix, unit or decimal count is refused with a message."""
    with pytest.raises(ValueError, match=r"minus|suffix|decimaler|enhet"):
        format_belopp(tkr(1), **bad)  # type: ignore[arg-type]


def test_format_belopp_wants_a_belopp() -> None:
    """A bare number is not an amount: say how to build one."""
    with pytest.raises(TypeError, match=r"Belopp\.from_tkr"):
        format_belopp(Decimal(5))  # type: ignore[arg-type]


# -- §5.4 percentages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (Decimal("0.093"), {}, "9\xa0%"),
        (Decimal("0.15"), {"mellanslag": False}, "15%"),
        (Decimal("0.04"), {"mellanslag": False}, "4%"),
        (Decimal("0.10"), {}, "10\xa0%"),
        (Decimal("0.90"), {}, "90\xa0%"),
        (Decimal("0.0325"), {"decimaler": 2}, "3,25\xa0%"),
        (Decimal("0.289"), {"decimaler": 1}, "28,9\xa0%"),
        (Decimal("0.086"), {"decimaler": 1, "mellanslag": False}, "8,6%"),
        (Decimal(1), {"mellanslag": False}, "100%"),
        (Decimal(0), {"mellanslag": False}, "0%"),
        (Decimal("0.915"), {"mellanslag": False}, "92%"),
        (Decimal("0.929"), {"mellanslag": False}, "93%"),
        (Decimal("-0.001"), {}, "0\xa0%"),
        (Decimal(159) / Decimal(17069), {"decimaler": 1, "ord": True}, "0,9 procent"),
        (Decimal("0.70"), {"ord": True}, "70 procent"),
        (Decimal("0.035"), {"decimaler": 1, "ord": True}, "3,5 procent"),
        (Decimal("0.019"), {"decimaler": 1, "ord": True}, "1,9 procent"),
        (Decimal("0.915"), {"decimaler": 1, "ord": True}, "91,5 procent"),
        (Decimal("-0.26"), {"mellanslag": False}, "-26%"),
        (Decimal("0.05"), {"tecken": True, "mellanslag": False}, "+5%"),
    ],
)
def test_percentages(value: Decimal, kwargs: dict[str, object], expected: str) -> None:
    """'9 %' with NBSP, '9%' without, '0,9 procent' in words; from a fraction."""
    assert format_procent(value, **kwargs) == expected  # type: ignore[arg-type]


def test_percent_refuses_floats() -> None:
    """A float share is refused like a float amount."""
    with pytest.raises(TypeError, match="flyttal"):
        format_procent(0.093)  # type: ignore[arg-type]


# -- §5.5 dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "stil", "expected"),
    [
        (date(2020, 9, 18), "iso", "2020-09-18"),
        (date(2024, 9, 20), "iso", "2024-09-20"),
        (date(2022, 12, 31), "iso", "2022-12-31"),
        (date(2020, 9, 18), "lang", "18 september 2020"),
        (date(2024, 4, 1), "lang", "1 april 2024"),
        (date(2020, 9, 9), "den", "den 9 september 2020"),
        (date(2023, 2, 1), "den", "den 1 februari 2023"),
        (date(2023, 1, 24), "den_ar", "den 24 januari år 2023"),
        (date(2022, 12, 15), "den_ar", "den 15 december år 2022"),
        (date(2020, 3, 13), "dag_manad", "13 mars"),
    ],
)
def test_dates(d: date, stil: str, expected: str) -> None:
    """ISO in headers; long forms with 'den' and 'den … år' in text; lower-case months."""
    assert format_datum(d, stil) == expected  # type: ignore[arg-type]


def test_date_refuses_datetimes_and_unknown_styles() -> None:
    """A datetime carries a clock and a zone; it is refused rather than guessed."""
    with pytest.raises(TypeError, match=r"datetime\.date"):
        format_datum(datetime(2020, 9, 18, 12, 0))
    with pytest.raises(ValueError, match="iso, lang"):
        format_datum(date(2020, 9, 18), "long")  # type: ignore[arg-type]


# -- §5.6 periods ----------------------------------------------------------------------

AUG20 = Rapportperiod(ar=2020, slutmanad=8)
AUG24 = Rapportperiod(ar=2024, slutmanad=8)


@pytest.mark.parametrize(
    ("period", "stil", "versal_", "expected"),
    [
        (AUG20, "kod", False, "202001-202008"),
        (AUG20, "fg_kod", False, "201901-201908"),
        (AUG24, "kod", False, "202401-202408"),
        (AUG24, "fg_kod", False, "202301-202308"),
        (AUG20, "prognos_kod", False, "202008"),
        (AUG24, "prognos_kod", False, "202408"),
        (AUG20, "kort", False, "jan-aug"),
        (Rapportperiod(ar=2024, startmanad=4, slutmanad=8), "kort", False, "apr-aug"),
        (Rapportperiod(ar=2020, slutmanad=7), "kort", False, "jan-juli"),
        (AUG20, "lang", False, "januari–augusti 2020"),
        (AUG20, "lang_utan_ar", False, "januari–augusti"),
        (AUG20, "till", False, "januari till augusti"),
        (Rapportperiod(ar=2022, slutmanad=4), "till", False, "januari till april"),
        (Rapportperiod(ar=2022, startmanad=5, slutmanad=8), "till", False, "maj till augusti"),
        (
            Rapportperiod(ar=2022, startmanad=9, slutmanad=12),
            "till",
            False,
            "september till december",
        ),
        (AUG20, "per", False, "per augusti 2020"),
        (AUG24, "per", False, "per augusti 2024"),
        (AUG20, "per_manad", False, "per augusti"),
        (AUG20, "manad", False, "augusti"),
        (AUG20, "manad_ar", False, "augusti 2020"),
        (AUG20, "manad_ar", True, "Augusti 2020"),
        (AUG24, "manad_ar_kort", True, "Aug 2024"),
        (Rapportperiod(ar=2022, slutmanad=4), "tertial", False, "T1"),
        (AUG20, "tertial", False, "T2"),
        (Rapportperiod(ar=2022, slutmanad=12), "tertial", False, "T3"),
        (AUG20, "ar", False, "2020"),
        (AUG20, "fg_ar", False, "2019"),
        (AUG20, "slutdatum", False, "2020-08-31"),
        (Rapportperiod(ar=2022, slutmanad=12), "kort", False, "jan-dec"),
        (Rapportperiod(ar=2024, startmanad=8, slutmanad=8), "kort", False, "aug"),
    ],
)
def test_periods(period: Rapportperiod, stil: str, versal_: bool, expected: str) -> None:
    """Every period label of the seeds derives from year, start and end month."""
    assert format_period(period, stil, versal=versal_) == expected  # type: ignore[arg-type]


def test_period_validation() -> None:
    """Months outside 1–12, start after end and unknown styles are errors."""
    with pytest.raises(ValueError, match="1–12"):
        Rapportperiod(ar=2020, slutmanad=13)
    with pytest.raises(ValueError, match="startmanad"):
        Rapportperiod(ar=2020, slutmanad=3, startmanad=4)
    with pytest.raises(TypeError):
        Rapportperiod(ar="2020", slutmanad=8)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kod, fg_kod"):
        format_period(AUG20, "januari")  # type: ignore[arg-type]


def test_period_facts() -> None:
    """Derived facts of a period: leap-year end dates, full years, month counts."""
    assert Rapportperiod(ar=2024, slutmanad=2).slutdatum == date(2024, 2, 29)
    assert Rapportperiod(ar=2022, slutmanad=12).helar
    assert not AUG20.helar
    assert AUG20.antal_manader == 8
    assert AUG20.startdatum == date(2020, 1, 1)


@pytest.mark.parametrize(
    ("manad", "kort", "expected"),
    [
        (1, True, "jan"),
        (3, True, "mars"),
        (7, True, "juli"),
        (8, True, "aug"),
        (9, True, "sep"),
        (8, False, "augusti"),
        (12, False, "december"),
    ],
)
def test_month_names(manad: int, kort: bool, expected: str) -> None:
    """Month names from Babel's Swedish data, abbreviations without the full stop."""
    assert manadsnamn(manad, kort=kort) == expected


# -- §5.8 counts in words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "kwargs", "expected"),
    [
        (2, {"ord": True}, "två"),
        (8, {"ord": True}, "åtta"),
        (9, {"ord": True}, "nio"),
        (1, {"ord": True}, "ett"),
        (1, {"ord": True, "genus": "en"}, "en"),
        (11, {"ord": True}, "elva"),
        (12, {"ord": True}, "tolv"),
        (0, {"ord": True}, "noll"),
        (8, {"ord": True, "versal": True}, "Åtta"),
        (2, {"ord": True, "siffra": True}, "två (2)"),
        (3, {"ord": True, "siffra": True}, "tre (3)"),
        (10, {"ord": True, "siffra": True}, "tio (10)"),
        (21, {"ord": True}, "21"),
        (120, {}, "120"),
        (26415, {}, "26\xa0415"),
        (65605, {}, "65\xa0605"),
        (Decimal("4.5423"), {"decimaler": 3}, "4,542"),
        (Decimal("-0.0001"), {"decimaler": 2}, "0,00"),
        (-3, {}, "-3"),
        (-3, {"minus": "\u2212"}, "\u22123"),
    ],
)
def test_counts(n: int | Decimal, kwargs: dict[str, object], expected: str) -> None:
    """Counts as digits or as words (0–12), with gender, capital and 'tre (3)'."""
    assert format_tal(n, **kwargs) == expected  # type: ignore[arg-type]


def test_talord_limits() -> None:
    """Number words exist for 0–12; other values and genders are errors."""
    assert talord(12) == "tolv"
    with pytest.raises(ValueError, match="0–12"):
        talord(13)
    with pytest.raises(ValueError, match="genus"):
        talord(1, genus="neutrum")  # type: ignore[arg-type]


def test_lists_and_capitals() -> None:
    """Lists joined with ' och ' and no comma before it; sentence capitals keep the rest."""
    assert format_lista(["KS", "UBN", "AMN", "SCN", "OSN", "KTN", "IFN"]) == (
        "KS, UBN, AMN, SCN, OSN, KTN och IFN"
    )
    assert format_lista(["Vuxen", "Socialpsykiatri", "Funktionsnedsättning"], sista="samt") == (
        "Vuxen, Socialpsykiatri samt Funktionsnedsättning"
    )
    assert format_lista(["SCN"]) == "SCN"
    assert format_lista([]) == ""
    assert versal("socialnämnden i Uppsala") == "Socialnämnden i Uppsala"
    assert versal("") == ""


def test_avrunda() -> None:
    """avrunda is the one rounding rule: half up, no negative zero, 0–6 decimals."""
    assert avrunda(Decimal("2.5")) == 3
    assert str(avrunda(Decimal("-0.04"), 1)) == "0.0"
    with pytest.raises(ValueError, match="0–6"):
        avrunda(Decimal(1), 7)


# -- parse_belopp ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "enhet", "expected"),
    [
        ("-2 114", "tkr", tkr(-2114)),
        ("-2\xa0114", "tkr", tkr(-2114)),
        ("\u22122\xa0114", "tkr", tkr(-2114)),
        ("\u20132 114", "tkr", tkr(-2114)),
        ("-2\u202f114", "tkr", tkr(-2114)),
        ("356 800", "tkr", tkr(356800)),
        ("1 242", "mnkr", mnkr(1242)),
        ("-1 015,7", "mnkr", mnkr(Decimal("-1015.7"))),
        ("64,9", "mnkr", mnkr(Decimal("64.9"))),
        ("+15", "mnkr", mnkr(15)),
        ("0", "tkr", Belopp.noll()),
        ("-0", "tkr", Belopp.noll()),
        ("  4 542 ", "kr", Belopp.from_kronor(4542)),
        ("1234567", "kr", Belopp.from_kronor(1234567)),
        ("0,001", "mnkr", Belopp.from_kronor(1000)),
    ],
)
def test_parse_belopp_reads_swedish_amounts(text: str, enhet: str, expected: Belopp) -> None:
    """Spaces, NBSP, U+202F, U+2212, en dash and decimal comma are read exactly."""
    assert parse_belopp(text, enhet=enhet) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "tom"),
        ("   ", "tom"),
        ("870.089", "punkt"),
        ("12.5", "punkt"),
        ("2 114 tkr", "enhet"),
        ("abc", "bokstäver"),
        ("12 34", "tretal"),
        ("1  707", "flera mellanslag"),
        ("1,2,3", "förväntade"),
        ("--5", "förväntade"),
        (",9", "förväntade"),
        ("1 0000", "tretal"),
        ("NaN", "bokstäver"),
    ],
)
def test_parse_belopp_errors_say_what_is_wrong(text: str, reason: str) -> None:
    """Anything that is not one Swedish amount is a ParseError naming the problem."""
    with pytest.raises(ParseError, match=reason) as info:
        parse_belopp(text, enhet="tkr")
    assert info.value.text == text


def test_parse_belopp_wants_text_and_a_known_unit() -> None:
    """Numbers go straight to Belopp; an unknown unit is refused before parsing."""
    with pytest.raises(TypeError):
        parse_belopp(12, enhet="tkr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="okänd enhet"):
        parse_belopp("12", enhet="mkr")  # type: ignore[arg-type]
