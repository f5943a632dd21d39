"""Swedish numbers, amounts, percentages, dates and periods, as municipal reports print them.

Everything here is built on Babel with one explicit, cached ``sv_SE`` locale; nothing
reads the process environment, the clock or the time zone. Rounding is half up (ties
away from zero) and happens once, here; a value that rounds to zero never gets a sign.

>>> from decimal import Decimal
>>> format_belopp(Belopp.from_tkr(Decimal("-47725")), enhet="tkr")
'-47\\xa0725'
>>> format_belopp(Belopp.from_tkr(Decimal("-47725")), enhet="mnkr", decimaler=1)
'-47,7'
>>> format_belopp(Belopp.from_mnkr(Decimal("2.3")), enhet="mnkr", decimaler=1, suffix="ord")
'2,3 miljoner kronor'
>>> format_procent(Decimal("0.093"))
'9\\xa0%'
>>> parse_belopp("\\u22122\\xa0114", enhet="tkr") == Belopp.from_tkr(Decimal("-2114"))
True

The same functions are the template filters ``belopp``, ``procent``, ``tal``, ``datum``
and ``period`` (see the Mallguide in ``docs/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Final, Literal, TypeAlias, get_args

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from delarsrapport._errors import ParseError
from delarsrapport._model.belopp import Belopp, Enhet, exakt_decimal, faktor
from delarsrapport._model.period import Rapportperiod

__all__ = [
    "DATUMSTILAR",
    "MINUSTECKEN",
    "NBSP",
    "PERIODSTILAR",
    "SUFFIX",
    "Belopp",
    "Datumstil",
    "Enhet",
    "Periodstil",
    "Suffix",
    "avrunda",
    "format_belopp",
    "format_datum",
    "format_lista",
    "format_period",
    "format_procent",
    "format_tal",
    "manadsnamn",
    "parse_belopp",
    "talord",
    "versal",
]

NBSP: Final = "\u00a0"
"""The no-break space that groups thousands (``1 242``) and precedes ``%``."""

MINUSTECKEN: Final = ("-", "\u2212")
"""The minus signs a layout may choose: ASCII hyphen-minus (as the municipalities' reports
print it) or U+2212 (Språkrådet)."""

Suffix: TypeAlias = Literal["ord", "kort", "mkr"]
"""How the unit follows an amount: in words, as the unit's abbreviation, or ``mkr``."""
SUFFIX: Final[tuple[str, ...]] = get_args(Suffix)

Datumstil: TypeAlias = Literal["iso", "lang", "den", "den_ar", "dag_manad"]
"""A date style: ``2020-09-18``, ``18 september 2020``, ``den 18 september 2020``,
``den 18 september år 2020``, ``18 september``."""
DATUMSTILAR: Final[tuple[str, ...]] = get_args(Datumstil)

Periodstil: TypeAlias = Literal[
    "kod",
    "fg_kod",
    "prognos_kod",
    "kort",
    "lang",
    "lang_utan_ar",
    "till",
    "per",
    "per_manad",
    "manad",
    "manad_ar",
    "manad_ar_kort",
    "tertial",
    "ar",
    "fg_ar",
    "slutdatum",
]
"""A period label style; see :func:`format_period` for what each one prints."""
PERIODSTILAR: Final[tuple[str, ...]] = get_args(Periodstil)


@cache
def _locale() -> Locale:
    """The one locale every function here uses; never the process environment's."""
    return Locale.parse("sv_SE")


# -- numbers ---------------------------------------------------------------------------


def avrunda(value: Decimal | int, decimaler: int = 0) -> Decimal:
    """Round *value* half up (ties away from zero) to *decimaler* places, never to ``-0``.

    >>> avrunda(Decimal("2.5")), avrunda(Decimal("-2.5")), avrunda(Decimal("-0.04"), 1)
    (Decimal('3'), Decimal('-3'), Decimal('0.0'))
    """
    exact = exakt_decimal(value)
    if isinstance(decimaler, bool) or not isinstance(decimaler, int) or not 0 <= decimaler <= 6:
        raise ValueError(f"decimaler måste vara ett heltal 0–6, inte {decimaler!r}")
    q = exact.quantize(_KVANTA[decimaler], rounding=ROUND_HALF_UP)
    return abs(q) if q == 0 else q


# 1, 0.1, 0.01 …: the quantum for each number of decimals, made once (a report rounds thousands of amounts).
_KVANTA: Final = tuple(Decimal(1).scaleb(-d) for d in range(7))


def _check_minus(minus: str) -> None:
    if minus not in MINUSTECKEN:
        raise ValueError(f"minus måste vara '-' (bindestreck) eller '\\u2212' (minustecken), inte {minus!r}")


@cache
def _symboler() -> dict[int, str]:
    """Python's group and decimal marks (``,`` and ``.``) as Babel's Swedish data writes them."""
    locale = _locale()
    return {ord(","): get_group_symbol(locale=locale), ord("."): get_decimal_symbol(locale=locale)}


def _siffror(magnitud: Decimal, decimaler: int, gruppera: bool = True) -> str:
    """Digits of a non-negative, already rounded value, grouped with NBSP, decimal comma.

    The same text as Babel's ``format_decimal`` with the pattern ``#,##0.00`` (groups of
    three, the locale's symbols), which is what this replaces: the value is already
    rounded half up, so only the layout of its digits is left, and Python's own
    formatting of a Decimal does that exactly, at a fraction of the cost (a report formats
    thousands of amounts). A property test holds the two equal.

    >>> _siffror(Decimal("1234567.50"), 2)
    '1\xa0234\xa0567,50'
    """
    return format(magnitud, f"{',' if gruppera else ''}.{decimaler}f").translate(_symboler())


def _med_tecken(q: Decimal, siffror: str, *, minus: str, tecken: bool) -> str:
    if q < 0:
        return minus + siffror
    if q > 0 and tecken:
        return "+" + siffror
    return siffror


_ORD_SUFFIX: Final[dict[str, tuple[str, str]]] = {
    # unit: (singular, plural) in words
    "kr": ("krona", "kronor"),
    "tkr": ("tusen kronor", "tusen kronor"),
    "mnkr": ("miljon kronor", "miljoner kronor"),
}


def format_belopp(
    belopp: Belopp,
    *,
    enhet: Enhet = "tkr",
    decimaler: int = 0,
    minus: str = "-",
    tecken: bool = False,
    suffix: Suffix | None = None,
    noll: str | None = None,
) -> str:
    """Format *belopp* in *enhet* the way a Swedish municipal report prints it.

    - *enhet*: ``"kr"``, ``"tkr"`` or ``"mnkr"``; the amount is scaled exactly.
    - *decimaler*: rounded half up, once; thousands grouped with U+00A0.
    - *minus*: ``"-"`` (ASCII, as the municipalities' reports print it) or ``"\\u2212"``.
    - *tecken*: show ``+`` on positive values (``+15``); zero never has a sign.
    - *suffix*: ``"ord"`` (``1 miljon kronor``, ``2,3 miljoner kronor``), ``"kort"``
      (``64,9 mnkr``) or ``"mkr"``; ``None`` for table cells.
    - *noll*: the text for a value that rounds to zero (``""`` for layouts that leave
      zero cells empty); ``None`` prints the zero.

    >>> format_belopp(Belopp.from_tkr(Decimal("-40")), enhet="mnkr", decimaler=1)
    '0,0'
    >>> format_belopp(Belopp.from_tkr(Decimal("15000")), enhet="mnkr", tecken=True)
    '+15'
    >>> format_belopp(Belopp.from_mnkr(1), enhet="mnkr", suffix="ord")
    '1 miljon kronor'
    """
    if not isinstance(belopp, Belopp):
        raise TypeError(
            f"format_belopp vill ha ett Belopp, inte {type(belopp).__name__} ({belopp!r}); "
            "bygg det med Belopp.from_tkr(...) eller Belopp.from_mnkr(...)"
        )
    _check_minus(minus)
    if isinstance(decimaler, bool) or not isinstance(decimaler, int) or not 0 <= decimaler <= 6:
        raise ValueError(f"decimaler måste vara ett heltal 0–6, inte {decimaler!r}")
    # A Belopp holds a finite Decimal, so this is avrunda without its checks of the value.
    q = (belopp.kronor / faktor(enhet)).quantize(_KVANTA[decimaler], rounding=ROUND_HALF_UP)
    q = abs(q) if q == 0 else q
    if q == 0 and noll is not None:
        return noll
    text = _med_tecken(q, _siffror(abs(q), decimaler), minus=minus, tecken=tecken)
    if suffix is None:
        return text
    if suffix == "ord":
        singular, plural = _ORD_SUFFIX[enhet]
        # Only the integer 1 takes the singular: "1 miljon kronor", "1,0 miljoner kronor".
        word = singular if abs(q) == 1 and decimaler == 0 else plural
        return f"{text} {word}"
    if suffix == "kort":
        return f"{text} {enhet}"
    if suffix == "mkr":
        if enhet != "mnkr":
            raise ValueError("suffix='mkr' betyder miljoner kronor och kräver enhet='mnkr'")
        return f"{text} mkr"
    raise ValueError(f"suffix måste vara en av {', '.join(SUFFIX)} eller None, inte {suffix!r}")


def format_procent(
    value: Decimal | int,
    *,
    decimaler: int = 0,
    mellanslag: bool = True,
    ord: bool = False,
    minus: str = "-",
    tecken: bool = False,
) -> str:
    """Format the fraction *value* as a percentage: ``Decimal("0.093")`` → ``9 %``.

    *mellanslag* puts a no-break space before ``%`` (``9 %``, Babel's and Språkrådet's
    form) or none (``9%``); *ord* writes the word (``0,9 procent``).

    >>> format_procent(Decimal("0.093"), mellanslag=False)
    '9%'
    >>> format_procent(Decimal("0.0093"), decimaler=1, ord=True)
    '0,9 procent'
    """
    _check_minus(minus)
    q = avrunda(exakt_decimal(value, "en andel") * 100, decimaler)
    text = _med_tecken(q, _siffror(abs(q), decimaler), minus=minus, tecken=tecken)
    if ord:
        return f"{text} procent"
    return f"{text}{NBSP if mellanslag else ''}%"


_TALORD: Final = (
    "noll",
    "ett",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
)


def talord(n: int, *, genus: Literal["en", "ett"] = "ett") -> str:
    """The Swedish word for 0–12; *genus* chooses ``en`` or ``ett`` for one.

    >>> talord(8), talord(1), talord(1, genus="en")
    ('åtta', 'ett', 'en')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"talord vill ha ett heltal, inte {n!r}")
    if not 0 <= n < len(_TALORD):
        raise ValueError(f"talord finns för 0–12, inte {n}")
    if genus not in ("en", "ett"):
        raise ValueError(f"genus måste vara 'en' eller 'ett', inte {genus!r}")
    return "en" if n == 1 and genus == "en" else _TALORD[n]


def format_tal(
    n: Decimal | int,
    *,
    decimaler: int = 0,
    ord: bool = False,
    genus: Literal["en", "ett"] = "ett",
    siffra: bool = False,
    versal: bool = False,
    minus: str = "-",
    tecken: bool = False,
) -> str:
    """Format a count or a plain number.

    Numbers are rounded half up to *decimaler* and grouped (``26 415``, ``4,542``). With
    *ord*, whole counts 0–12 are written as words as the reports do (``åtta av nio``,
    ``ett kontrollmoment``, ``en åtgärd`` with ``genus="en"``); larger counts stay digits.
    *siffra* adds the digit in parentheses (``tre (3)``), *versal* capitalises the first
    letter for the start of a sentence (``Åtta av dessa``).

    >>> format_tal(26415), format_tal(8, ord=True, versal=True)
    ('26\\xa0415', 'Åtta')
    >>> format_tal(3, ord=True, siffra=True)
    'tre (3)'
    """
    _check_minus(minus)
    q = avrunda(exakt_decimal(n, "talet"), decimaler)
    if ord and decimaler == 0 and 0 <= q <= 12:
        text = talord(int(q), genus=genus)
        if siffra:
            text += f" ({int(q)})"
    else:
        text = _med_tecken(q, _siffror(abs(q), decimaler), minus=minus, tecken=tecken)
    return _versal(text) if versal else text


def _versal(text: str) -> str:
    return text[:1].upper() + text[1:]


def versal(text: str) -> str:
    """*text* with its first letter in upper case (for the start of a sentence).

    >>> versal("åtta av dessa")
    'Åtta av dessa'
    """
    return _versal(text)


def format_lista(poster: Iterable[str], *, sista: str = "och", skiljetecken: str = ", ") -> str:
    """Join items as Swedish running text does: ``KS, UBN och SCN`` (no comma before *sista*).

    >>> format_lista(["KS", "UBN", "SCN"])
    'KS, UBN och SCN'
    """
    items = list(poster)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return skiljetecken.join(items[:-1]) + f" {sista} " + items[-1]


# -- dates and periods -----------------------------------------------------------------


def format_datum(d: date, stil: Datumstil = "iso") -> str:
    """Format a date: ``"iso"`` 2020-09-18, ``"lang"`` 18 september 2020, ``"den"``
    den 18 september 2020, ``"den_ar"`` den 24 januari år 2023, ``"dag_manad"`` 18 september.

    >>> format_datum(date(2020, 9, 18), "lang")
    '18 september 2020'
    """
    if isinstance(d, datetime) or not isinstance(d, date):
        raise TypeError(f"format_datum vill ha ett datum (datetime.date), inte {type(d).__name__} ({d!r})")
    if stil == "iso":
        return d.isoformat()
    patterns = {
        "lang": "d MMMM y",
        "den": "'den' d MMMM y",
        "den_ar": "'den' d MMMM 'år' y",
        "dag_manad": "d MMMM",
    }
    try:
        pattern = patterns[stil]
    except KeyError:
        raise ValueError(f"okänd datumstil {stil!r}; använd en av {', '.join(DATUMSTILAR)}") from None
    return _babel_format_date(d, pattern, locale=_locale())


def manadsnamn(manad: int, *, kort: bool = False) -> str:
    """The month's name in lower case: ``augusti``; *kort* gives ``aug`` (as in ``jan-aug``).

    The short form is Babel's abbreviation without its full stop, which is how the
    reports write month ranges (``jan-aug``, ``apr-aug``, ``jan-juli``).
    """
    if isinstance(manad, bool) or not isinstance(manad, int) or not 1 <= manad <= 12:
        raise ValueError(f"manad måste vara 1–12, inte {manad!r}")
    return _manader(kort)[manad - 1]


@cache
def _manader(kort: bool) -> tuple[str, ...]:
    """The twelve month names from Babel's Swedish data, read once."""
    names = get_month_names("abbreviated" if kort else "wide", locale=_locale())
    return tuple(str(names[m]).rstrip(".") for m in range(1, 13))


def format_period(period: Rapportperiod, stil: Periodstil = "kod", *, versal: bool = False) -> str:
    """Format a reporting period as the reports label it.

    ===============  ==========================  =================================
    stil             January–August 2020         used for
    ===============  ==========================  =================================
    ``kod``          ``202001-202008``           "Periodens utfall 202001-202008"
    ``fg_kod``       ``201901-201908``           the same period last year
    ``prognos_kod``  ``202008``                  "Helårsprognos 202008"
    ``kort``         ``jan-aug``                 "Utfall jan-aug"
    ``lang``         ``januari–augusti 2020``    running text
    ``lang_utan_ar`` ``januari–augusti``         running text
    ``till``         ``januari till augusti``    running text
    ``per``          ``per augusti 2020``        titles
    ``per_manad``    ``per augusti``             "Resultat per augusti"
    ``manad``        ``augusti``                 running text
    ``manad_ar``     ``augusti 2020``            text; ``Augusti 2020`` with versal
    ``manad_ar_kort`` ``aug 2024``               ``Aug 2024`` with versal (columns)
    ``tertial``      ``T2``                      Upplands-Bro tertials
    ``ar``           ``2020``                    "Budget 2020"
    ``fg_ar``        ``2019``                    "Utfall 2019"
    ``slutdatum``    ``2020-08-31``              "Rapportperiod: 2020-08-31"
    ===============  ==========================  =================================

    *versal* capitalises the first letter.

    >>> p = Rapportperiod(ar=2020, slutmanad=8)
    >>> format_period(p, "lang"), format_period(p, "manad_ar", versal=True)
    ('januari–augusti 2020', 'Augusti 2020')
    """
    if not isinstance(period, Rapportperiod):
        raise TypeError(f"format_period vill ha en Rapportperiod, inte {type(period).__name__}")
    start, slut, ar = period.startmanad, period.slutmanad, period.ar

    def spann(kort: bool, sep: str) -> str:
        if start == slut:
            return manadsnamn(slut, kort=kort)
        return manadsnamn(start, kort=kort) + sep + manadsnamn(slut, kort=kort)

    labels: dict[str, str] = {
        "kod": period.kod,
        "fg_kod": period.fg.kod,
        "prognos_kod": period.prognos_kod,
        "kort": spann(True, "-"),
        "lang": f"{spann(False, '–')} {ar}",
        "lang_utan_ar": spann(False, "–"),
        "till": spann(False, " till "),
        "per": f"per {manadsnamn(slut)} {ar}",
        "per_manad": f"per {manadsnamn(slut)}",
        "manad": manadsnamn(slut),
        "manad_ar": f"{manadsnamn(slut)} {ar}",
        "manad_ar_kort": f"{manadsnamn(slut, kort=True)} {ar}",
        "tertial": f"T{period.tertial}",
        "ar": str(ar),
        "fg_ar": str(ar - 1),
        "slutdatum": period.slutdatum.isoformat(),
    }
    try:
        text = labels[stil]
    except KeyError:
        raise ValueError(f"okänd periodstil {stil!r}; använd en av {', '.join(PERIODSTILAR)}") from None
    return _versal(text) if versal else text


# -- reading amounts back --------------------------------------------------------------

_GRUPPTECKEN: Final = " \u00a0\u202f\u2009"
_MINUS_IN: Final = "-\u2212\u2013"
_BELOPP_RE: Final = re.compile(
    r"""
    (?P<tecken>[+\-\u2212\u2013])?
    (?P<heltal>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)
    (?:,(?P<decimaler>\d+))?
    """,
    re.VERBOSE,
)


def parse_belopp(text: str, *, enhet: Enhet) -> Belopp:
    """Read a Swedish-formatted amount in *enhet*, as it comes from Excel or a CSV file.

    Accepted: an optional sign (``-``, ``−`` U+2212, ``–`` U+2013 or ``+``), digits grouped
    in threes by a space, U+00A0, U+202F or U+2009, and a decimal comma. Anything else
    (a decimal point, a unit, two numbers, an empty cell) raises :class:`ParseError`
    that says what was wrong.

    >>> parse_belopp("1 242", enhet="mnkr") == Belopp.from_mnkr(1242)
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_belopp vill ha text, inte {type(text).__name__} ({text!r})")
    faktor(enhet)  # validates the unit before the text
    stripped = text.strip(_GRUPPTECKEN + "\t\n\r")
    if not stripped:
        raise ParseError(text, "texten är tom; ett belopp behöver minst en siffra")
    match = _BELOPP_RE.fullmatch(stripped)
    if match is None:
        raise ParseError(text, _why_not_belopp(stripped))
    heltal = re.sub(f"[{_GRUPPTECKEN}]", "", match["heltal"])
    digits = heltal + ("." + match["decimaler"] if match["decimaler"] else "")
    siffror = len(heltal.lstrip("0") + (match["decimaler"] or ""))
    if siffror > 20:
        # Beyond twenty digits an amount is two numbers run together, and sums of such
        # amounts would leave Decimal's 28-digit precision and be rounded silently.
        raise ParseError(text, f"talet har {siffror} siffror; ett belopp har högst 20")
    value = Decimal(digits)
    if match["tecken"] and match["tecken"] in _MINUS_IN:
        value = -value
    return Belopp.from_enhet(value, enhet)


def _why_not_belopp(text: str) -> str:
    if "." in text and re.fullmatch(r"[+\-\u2212\u2013]?[\d \u00a0]*\.\d+", text):
        return (
            "punkt används inte som decimaltecken i svenska belopp (och kan vara en "
            "tusentalsavgränsare); skriv decimalkomma, t.ex. '12,5', eller ta bort punkten"
        )
    if re.search(r"[A-Za-zåäöÅÄÖ%]", text):
        return "texten innehåller bokstäver eller en enhet; ange bara talet och välj enhet separat"
    if re.search(r"\d\s{2,}\d", text):
        return "flera mellanslag i rad mellan siffrorna; kontrollera att det är ett enda tal"
    if re.search(r"\d[ \u00a0\u202f\u2009]\d", text):
        return (
            "siffrorna är inte grupperade i tretal (t.ex. '1 234 567'); "
            "kontrollera att cellen inte innehåller två tal"
        )
    return "förväntade ett tal som '-2 114' eller '64,9'"
