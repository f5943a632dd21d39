"""Figure references in free text: ``<<resultat>>`` stands where a figure of the report goes.

An economist writes ``Periodens resultat är <<resultat | överskott>>.`` and the document
says "Periodens resultat är ett underskott på 39,1 mnkr.", computed from the same exact
figures as the tables, so the text cannot contradict them. The syntax:

- ``<<namn>>``: a figure of the section the text stands in (``resultat``, ``avvikelse``,
  ``helårsprognos`` …) or a standard sentence (``resultatmening`` …);
- ``<<namn för Barn och ungdomsvård>>``: the figure of another verksamhet, avdelning,
  summary row or account row;
- ``<<namn | val, val>>``: how to write it: a unit (``mnkr``, ``miljoner kronor``, ``mkr``,
  ``tkr``, ``tusen kronor``, ``kr``, ``kronor``, ``utan enhet``), decimals (``1 decimal``,
  ``heltal``), the magnitude without sign (``belopp``), sign words (``överskott``,
  ``positivt``, ``positiv``, ``ökning``) with a preposition (``på``, ``med``, ``om``), a hedge
  (``cirka``, ``ca``, ``knappt/drygt``) and ``versal`` for the start of a sentence; a
  phrase in quotes (``'jämfört med budget på'``) stands between the sign words and the
  amount instead of the preposition;
- ``<<<<`` is the characters ``<<`` themselves.

Names and words are matched without regard to case or å, ä, ö, so ``helårsprognos`` and
``helarsprognos`` are the same. This module only reads the syntax; which names exist is
:mod:`delarsrapport._model.siffror`'s business and the writing is the context's.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

import attrs

from delarsrapport._model.belopp import Enhet
from delarsrapport._model.text import check_text_fields

__all__ = [
    "OPPNA",
    "STANG",
    "TECKENORD",
    "Referens",
    "ReferensError",
    "Referensformat",
    "Ungefar",
    "dela",
    "folda",
    "format_for",
    "har_referenser",
]

OPPNA: Final = "<<"
STANG: Final = ">>"
_LITTERAL: Final = "<<<<"

Ungefar = Literal["cirka", "ca", "knappt_drygt"]
"""A hedge before an amount: "cirka", "ca", or "knappt"/"drygt" chosen by the rounding."""


class ReferensError(ValueError):
    """Free text whose references cannot be read; the message says where and what to write."""


def folda(text: str) -> str:
    """*text* as names are compared: lower case, without diacritics, words joined by ``_``.

    >>> folda("Helårsprognos"), folda("  prognosspann   min "), folda("Försämring")
    ('helarsprognos', 'prognosspann_min', 'forsamring')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_ = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-]+", "_", ascii_.strip())


@attrs.frozen(field_transformer=check_text_fields)
class Referens:
    """One reference as typed: its name, the area it names (if any) and its choices."""

    text: str
    """Everything between ``<<`` and ``>>``, as typed."""
    namn: str
    """The name, folded (``helarsprognos``)."""
    omrade: str | None
    """The area after ``för``, as typed (``Barn och ungdomsvård``), or None for the text's own."""
    val: tuple[str, ...]
    """The choices after ``|``, each folded (``overskott``, ``miljoner_kronor``)."""
    position: int
    """Where ``<<`` stands in the paragraph (0-based)."""
    fras: str | None = None
    """A phrase in quotes among the choices, as typed: what stands between the sign words and
    the amount ("jämfört med budget på")."""


def har_referenser(text: str) -> bool:
    """Whether *text* holds a reference (or the written-out ``<<``), the quick test before :func:`dela`."""
    return OPPNA in text


def dela(text: str) -> tuple[str | Referens, ...]:
    """*text* as literal pieces and references, in order; raises :class:`ReferensError`.

    >>> fore, ref, efter = dela("Resultatet är <<Helårsprognos | miljoner kronor, heltal>>.")
    >>> fore, ref.namn, ref.omrade, ref.val, efter
    ('Resultatet är ', 'helarsprognos', None, ('miljoner_kronor', 'heltal'), '.')
    >>> dela("a <<<< b")
    ('a << b',)
    >>> ref = dela("<<avvikelse för Barn och ungdomsvård | positiv, 'jämfört med budget på'>>")[0]
    >>> ref.omrade, ref.fras
    ('Barn och ungdomsvård', 'jämfört med budget på')
    >>> dela("<<resultat")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    delarsrapport._model.referens.ReferensError: referensen som börjar på position 0 slutar aldrig med >>; ...
    """
    delar: list[str | Referens] = []
    literal: list[str] = []
    i = 0
    while True:
        start = text.find(OPPNA, i)
        if start < 0:
            literal.append(text[i:])
            break
        literal.append(text[i:start])
        if text.startswith(_LITTERAL, start):
            literal.append(OPPNA)
            i = start + len(_LITTERAL)
            continue
        slut = text.find(STANG, start + len(OPPNA))
        if slut < 0:
            raise ReferensError(
                f"referensen som börjar på position {start} slutar aldrig med {STANG}; skriv "
                f"{OPPNA}namn{STANG}, eller {_LITTERAL} för tecknen {OPPNA} i text"
            )
        inre = text[start + len(OPPNA) : slut]
        if OPPNA in inre:
            raise ReferensError(
                f"referensen på position {start} innehåller {OPPNA}; en referens slutar med {STANG} "
                f"innan nästa börjar (skriv {_LITTERAL} för tecknen {OPPNA} i text)"
            )
        if "".join(literal):
            delar.append("".join(literal))
        literal = []
        delar.append(_referens(inre, start))
        i = slut + len(STANG)
    if "".join(literal):
        delar.append("".join(literal))
    return tuple(delar)


_VALORD: Final = re.compile(r"""\s*(?:'([^']*)'|"([^"]*)"|([^,|'"]+))\s*(?:[,|]|$)""")


def _referens(inre: str, position: int) -> Referens:
    huvud, _, rest = inre.partition("|")
    val: list[str] = []
    fras: str | None = None
    i = 0
    while i < len(rest):
        m = _VALORD.match(rest, i)
        if m is None or m.end() == i:
            raise ReferensError(
                f"referensen på position {position} ({OPPNA}{inre}{STANG}) har ett val som inte går att "
                "läsa; skriv valen efter | med komma emellan, och en fras inom citattecken"
            )
        citerad = m.group(1) if m.group(1) is not None else m.group(2)
        if citerad is not None:
            fras = " ".join(citerad.split())
        elif m.group(3).strip():
            val.append(folda(m.group(3)))
        i = m.end()
    m = re.match(r"(?is)\s*(.*?)\s+för\s+(.+?)\s*$", huvud)
    namn, omrade = (m.group(1), m.group(2)) if m else (huvud, None)
    if not namn.strip():
        raise ReferensError(
            f"referensen på position {position} ({OPPNA}{inre}{STANG}) har inget namn; skriv till exempel "
            f"{OPPNA}resultat{STANG}"
        )
    return Referens(text=inre, namn=folda(namn), omrade=omrade, val=tuple(val), position=position, fras=fras)


# -- how a reference is written -------------------------------------------------------------

TECKENORD: Final[dict[str, tuple[str, str, str]]] = {
    "overskott": ("ett överskott", "ett underskott", "ett resultat i balans"),
    "positivt": ("ett positivt resultat", "ett negativt resultat", "ett resultat i balans"),
    "positiv": ("en positiv avvikelse", "en negativ avvikelse", "ingen avvikelse"),
    "okning": ("en ökning", "en minskning", "ingen förändring"),
}
"""Sign words by the choice that names them: (positive, negative, rounds to zero)."""

_TECKENVAL: Final = {
    "overskott": "overskott",
    "underskott": "overskott",
    "overskott/underskott": "overskott",
    "positivt": "positivt",
    "negativt": "positivt",
    "positivt/negativt": "positivt",
    "positiv": "positiv",
    "negativ": "positiv",
    "positiv/negativ": "positiv",
    "okning": "okning",
    "minskning": "okning",
    "okning/minskning": "okning",
}

_ENHETSVAL: Final[dict[str, tuple[Enhet, Literal["kort", "ord", "mkr"] | None]]] = {
    "mnkr": ("mnkr", "kort"),
    "miljoner_kronor": ("mnkr", "ord"),
    "miljoner": ("mnkr", "ord"),
    "mkr": ("mnkr", "mkr"),
    "tkr": ("tkr", "kort"),
    "tusen_kronor": ("tkr", "ord"),
    "kr": ("kr", "kort"),
    "kronor": ("kr", "ord"),
}

_UNGEFARVAL: Final[dict[str, Ungefar]] = {
    "cirka": "cirka",
    "ungefar": "cirka",
    "ca": "ca",
    "knappt/drygt": "knappt_drygt",
    "knappt": "knappt_drygt",
    "drygt": "knappt_drygt",
}

VAL: Final = (
    *_ENHETSVAL,
    "utan_enhet",
    "heltal",
    "1_decimal",
    "2_decimaler",
    "belopp",
    *_TECKENVAL,
    "pa",
    "med",
    "om",
    *_UNGEFARVAL,
    "versal",
)
"""Every choice a reference may make (folded), for suggestions."""


@attrs.frozen(field_transformer=check_text_fields)
class Referensformat:
    """How a reference to an amount is written, from its choices."""

    enhet: Enhet = "mnkr"
    suffix: Literal["kort", "ord", "mkr"] | None = "kort"
    decimaler: int | None = None
    """None: the unit's usual number (one for mnkr, none for tkr and kr)."""
    belopp: bool = False
    """The magnitude, without a sign."""
    teckenord: str | None = None
    """A key of :data:`TECKENORD`: the amount with sign words ("ett underskott på 3,2 mnkr")."""
    preposition: str = "på"
    ungefar: Ungefar | None = None
    versal: bool = False

    @property
    def antal_decimaler(self) -> int:
        """The decimals to write: as chosen, else one for mnkr and none otherwise."""
        if self.decimaler is not None:
            return self.decimaler
        return 1 if self.enhet == "mnkr" else 0


def format_for(val: tuple[str, ...], fras: str | None = None) -> Referensformat:
    """The format the choices *val* (folded) and the quoted phrase *fras* describe; raises
    ReferensError for a choice it does not know.

    >>> f = format_for(("miljoner_kronor", "heltal", "underskott", "med"))
    >>> f.enhet, f.suffix, f.antal_decimaler, f.teckenord, f.preposition
    ('mnkr', 'ord', 0, 'overskott', 'med')
    >>> format_for(("tkr", "belopp")).antal_decimaler, format_for(()).antal_decimaler
    (0, 1)
    >>> try:
    ...     format_for(("miljoner_kronr",))
    ... except ReferensError as exc:
    ...     print(str(exc).split(";")[0])
    okänt val 'miljoner kronr' (menade du 'miljoner kronor'?)
    """
    f = Referensformat()
    andrat: dict[str, object] = {} if fras is None else {"preposition": fras}
    for v in val:
        if v in _ENHETSVAL:
            andrat["enhet"], andrat["suffix"] = _ENHETSVAL[v]
        elif v == "utan_enhet":
            andrat["suffix"] = None
        elif v == "heltal":
            andrat["decimaler"] = 0
        elif m := re.fullmatch(r"(\d)_decimal(?:er)?", v):
            if int(m.group(1)) > 3:
                raise ReferensError(f"en referens skrivs med 0–3 decimaler, inte {m.group(1)}")
            andrat["decimaler"] = int(m.group(1))
        elif v == "belopp":
            andrat["belopp"] = True
        elif v in _TECKENVAL:
            andrat["teckenord"] = _TECKENVAL[v]
        elif v in ("pa", "med", "om"):
            andrat["preposition"] = {"pa": "på"}.get(v, v)
        elif v in _UNGEFARVAL:
            andrat["ungefar"] = _UNGEFARVAL[v]
        elif v == "versal":
            andrat["versal"] = True
        else:
            raise ReferensError(f"okänt val {v.replace('_', ' ')!r}{_forslag(v)}; " + _VALTEXT)
    return attrs.evolve(f, **andrat)  # type: ignore[arg-type]


_VALTEXT: Final = (
    "val efter | är en enhet (mnkr, miljoner kronor, mkr, tkr, kr, utan enhet), decimaler (heltal, "
    "1 decimal), belopp (utan tecken), teckenord (överskott, positivt, positiv, ökning) med på/med/om, "
    "cirka, ca, knappt/drygt eller versal"
)


def _forslag(v: str) -> str:
    import difflib

    close = difflib.get_close_matches(v, VAL, n=1, cutoff=0.6)
    return f" (menade du {close[0].replace('_', ' ')!r}?)" if close else ""
