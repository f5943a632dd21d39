"""Free text as the reports write it (paragraphs, run-in sub-headings and bullet lists),
and what any string of the model may hold (:func:`check_text`, :func:`check_text_fields`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, TypeAlias, cast

import attrs

from delarsrapport._model.rapporterat import Tom

__all__ = [
    "DIAGRAMTYPER",
    "MAX_KATEGORIER",
    "MAX_SERIER",
    "Block",
    "Diagram",
    "FaltError",
    "Punktlista",
    "Rubrik",
    "Serie",
    "Stycke",
    "Tabellplats",
    "Text",
    "TextError",
    "check_text",
    "check_text_fields",
    "ej_tom",
    "plain_text",
    "texter",
]


# -- what a string may hold ------------------------------------------------------------


class TextError(ValueError):
    """A string that a .docx cannot hold as it is; the message says which character and where."""


_TECKENNAMN: Final = {
    0x0B: "vertikal tabb (Excel skriver den för radbrytning i en cell)",
    0x0C: "sidmatning",
    0x00: "NUL",
    0x07: "BEL",
    0x1B: "ESC",
    0xFFFE: "icke-tecken U+FFFE",
    0xFFFF: "icke-tecken U+FFFF",
}

_MALLSEKVENSER: Final = ("{_{", "}_}", "{_%", "%_}")

# What a .docx cannot hold: C0 controls except tab and newline (carriage returns are
# normalised away first), the non-characters U+FFFE and U+FFFF, and lone surrogates.
# One compiled search keeps the common case (nothing wrong) out of a per-character loop.
_OTILLATET: Final = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")


def check_text(text: str, *, excel_radbrytning: bool = False) -> str:
    """Validate and normalise one string for a .docx, or raise ``ValueError`` saying why.

    Line endings ``\\r\\n`` and ``\\r`` become ``\\n``. C0 controls other than tab and
    newline, U+FFFE, U+FFFF and lone surrogates cannot be stored in a .docx and are refused
    with their code point and index; with *excel_radbrytning*, Excel's vertical tab becomes
    a line break. The sequences docxtpl rewrites (``{_{`` …) are refused too.

    >>> check_text("rad 1\\r\\nrad 2")
    'rad 1\\nrad 2'
    >>> check_text("a\\x0bb", excel_radbrytning=True)
    'a\\nb'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if excel_radbrytning:
        text = text.replace("\x0b", "\n")
    otillatet = _OTILLATET.search(text)
    if otillatet is not None:
        raise TextError(_otillatet_tecken(text, otillatet.start()))
    for seq in _MALLSEKVENSER:
        if seq in text:
            raise TextError(
                f"texten innehåller {seq!r} på position {text.index(seq)}, som mallmotorn "
                "skulle göra om till en malltagg; skriv om texten"
            )
    return text


def _otillatet_tecken(text: str, index: int) -> str:
    """The message for the character at *index* that a .docx cannot hold."""
    char = text[index]
    code = ord(char)
    name = _TECKENNAMN.get(code)
    if 0xD800 <= code <= 0xDFFF:
        name = "ensamt surrogattecken (trasig UTF-16-kodning)"
    name = name or unicodedata.name(char, "styrtecken")
    hint = (
        " Ta bort tecknet, eller läs in med excel_radbrytningar=True för att göra det till en radbrytning."
        if code == 0x0B
        else " Ta bort tecknet i källan."
    )
    return (
        f"otillåtet tecken U+{code:04X} ({name}) på position {index} i texten "
        f"{_kort(text)}; det kan inte lagras i ett Word-dokument.{hint}"
    )


# -- model fields that hold text ------------------------------------------------------


def _text(value: str) -> str:
    # A str subclass is copied into a plain str: markupsafe.Markup, for one, would
    # otherwise reach a template as "already escaped" and bypass autoescaping.
    if type(value) is not str:
        if not isinstance(value, str):
            raise TypeError(f"förväntade text, fick {type(value).__name__} {_kort(value)}")
        value = str.__str__(value)
    return check_text(value)


def _optional_text(value: str | None) -> str | None:
    return None if value is None else _text(value)


def _reported_text(value: str | Tom | None) -> str | Tom | None:
    return value if value is None or isinstance(value, Tom) else _text(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"förväntade en lista av texter, fick texten {_kort(value)}")
    return tuple(_text(v) for v in value)


# Each field type that holds text, as a type and as the string an annotation is under
# ``from __future__ import annotations``, with the converter that checks it.
_TEXTFALT: Final[dict[object, Callable[[Any], object]]] = {
    str: _text,
    "str": _text,
    str | None: _optional_text,
    "str | None": _optional_text,
    str | Tom | None: _reported_text,
    "str | Tom | None": _reported_text,
    tuple[str, ...]: _texts,
    "tuple[str, ...]": _texts,
}


def check_text_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs field transformer: every text field of *cls* checks its value with
    :func:`check_text` when an object is built, and stores a plain ``str``.

    So a model object holds only what a .docx can hold, however it was built (loaded or
    constructed in Python), and nothing downstream checks again. Apply it on each model
    class: ``@attrs.frozen(field_transformer=check_text_fields)``.

    >>> @attrs.frozen(field_transformer=check_text_fields)
    ... class Exempel:
    ...     namn: str
    >>> Exempel("a\\r\\nb")
    Exempel(namn='a\\nb')
    >>> Exempel("a\\x07b")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    delarsrapport._model.text.TextError: otillåtet tecken U+0007 (BEL) på position 1 i texten ...
    """
    out = []
    for f in fields:
        converter = _TEXTFALT.get(f.type)
        if converter is None:
            out.append(f)
        elif f.converter is not None:
            raise TypeError(f"{cls.__name__}.{f.name}: ett textfält får sin converter av check_text_fields")
        else:
            out.append(f.evolve(converter=converter))
    return out


class FaltError(ValueError):
    """A value a field of the model cannot take; ``falt`` names the field.

    The loader adds ``falt`` to the path of the object being built, so the problem is
    reported at the field (``tjansteskrivelse.rubrik``), not at its object.
    """

    def __init__(self, falt: str, message: str) -> None:
        self.falt = falt
        super().__init__(message)


def ej_tom(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    """An attrs validator: the text holds more than white space (a title a reader needs)."""
    if not value.strip():
        raise FaltError(
            attribute.name,
            f"{attribute.name} får inte vara tom: den blir dokumentets titel, som skärmläsare, "
            "PDF-läsare och registret visar; skriv ut titeln",
        )


def _kort(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]


# -- free text -------------------------------------------------------------------------


@attrs.frozen(field_transformer=check_text_fields)
class Stycke:
    """One paragraph of running text."""

    text: str


@attrs.frozen(field_transformer=check_text_fields)
class Rubrik:
    """A sub-heading inside a free-text section (``Beroende``, ``Analys``, ``Vuxen``).

    *niva* is relative to the section the text stands in: 1 is the first level below it.
    """

    text: str
    niva: int = 1


@attrs.frozen(field_transformer=check_text_fields)
class Punktlista:
    """A bullet list; each item is one line of text."""

    punkter: tuple[str, ...]


@attrs.frozen(field_transformer=check_text_fields)
class Tabellplats:
    """The place in free text where a table derived from the report stands.

    The memo of Uppsala omsorgsnämnden 2020 says "Se tabell." and prints the number of
    uppdrag per status right there; the figures are derived from the verksamhetsbilaga,
    so the text only marks the place. *tabell* names the table: ``uppdragsstatus``.
    """

    tabell: str


TABELLER: Final = ("uppdragsstatus",)
"""The derived tables free text may place."""


DIAGRAMTYPER: Final = ("linje", "stapel")
"""The kinds of chart a :class:`Diagram` can be: a line chart or a bar chart."""

#: The most categories (points along the axis) and series a chart may have: a year of
#: months twice over, and as many series as a reader can tell apart.
MAX_KATEGORIER: Final = 24
MAX_SERIER: Final = 6


def _tal(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"ett värde i ett diagram är ett tal (int eller Decimal), inte {_kort(value)}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"ett värde i ett diagram måste vara ett ändligt tal, inte {value}")
    return result


def _talserie(values: Iterable[object]) -> tuple[Decimal | None, ...]:
    if isinstance(values, str):
        raise TypeError(f"förväntade en lista av tal, fick texten {_kort(values)}")
    return tuple(_tal(v) for v in values)


@attrs.frozen(field_transformer=check_text_fields)
class Serie:
    """One series of a chart: its name (the legend) and one value per category.

    A value is exact; ``None`` is a category without a value (a gap in the line).
    """

    namn: str = attrs.field(validator=ej_tom)
    """The series' name in the legend and the table's header: "2020", "Budget 2020"."""
    varden: tuple[Decimal | None, ...] = attrs.field(converter=_talserie)
    """One value per category, as it is read ("104", "7,5"); null for a category without one."""


@attrs.frozen(field_transformer=check_text_fields)
class Diagram:
    """A chart in free text, drawn from its data: "Diagram 1. Vårddygn per månad".

    *kategorier* are the points along the axis (months, years, kinds of care); each of
    *serier* has a value per category, in time order (the last is the one the chart is
    about, this year), and *budget* (if given) is drawn as a dashed line.
    *enhet* says what the values count ("vårddygn", "procent"); *matt* names the quantity
    in a sentence ("Antalet vårddygn"); *kategorirubrik* heads the categories in the data
    table ("Månad", "Vårdform"; derived for months and years when not given). The caption's
    number, the alt text and the data table are derived when the document is rendered.
    """

    rubrik: str = attrs.field(validator=ej_tom)
    """The caption's text after "Diagram N.": "Vårddygn januari–augusti 2020 jämfört med 2019"."""
    kategorier: tuple[str, ...]
    """The points along the axis, in order: months ("jan", "feb" …), years or kinds of care."""
    serier: tuple[Serie, ...]
    """The series in time order (1–6); the last is the one the chart is about."""
    typ: str = "linje"
    """``linje`` (a line chart) or ``stapel`` (a bar chart)."""
    enhet: str = ""
    """What the values count, the axis label: "vårddygn", "procent", "index (2019 = 100)"."""
    matt: str = ""
    """The quantity as a sentence names it, for ``<<volymmening>>``: "Antalet vårddygn"."""
    budget: tuple[Decimal | None, ...] = attrs.field(default=(), converter=_talserie)
    """The budget per category, drawn as a dashed line; empty for none."""
    decimaler: int = 0
    """The decimals the values are written with in the table and the alt text (0–3)."""
    kategorirubrik: str = ""
    """The table's heading over the categories ("Månad", "Vårdform"); derived when empty."""

    def __attrs_post_init__(self) -> None:
        if self.typ not in DIAGRAMTYPER:
            raise FaltError("typ", f"ett diagram är {' eller '.join(DIAGRAMTYPER)}, inte {self.typ!r}")
        if not 1 <= len(self.kategorier) <= MAX_KATEGORIER:
            raise FaltError(
                "kategorier", f"ett diagram har 1–{MAX_KATEGORIER} kategorier, fick {len(self.kategorier)}"
            )
        if not 1 <= len(self.serier) <= MAX_SERIER:
            raise FaltError("serier", f"ett diagram har 1–{MAX_SERIER} serier, fick {len(self.serier)}")
        for i, serie in enumerate(self.serier):
            if len(serie.varden) != len(self.kategorier):
                raise FaltError(
                    "serier",
                    f"serien {serie.namn!r} (nummer {i + 1}) har {len(serie.varden)} värden men "
                    f"diagrammet har {len(self.kategorier)} kategorier; ge ett värde per kategori "
                    "(null för inget värde)",
                )
            if all(v is None for v in serie.varden):
                raise FaltError("serier", f"serien {serie.namn!r} har inga värden")
        if self.budget and len(self.budget) != len(self.kategorier):
            raise FaltError(
                "budget",
                f"budgeten har {len(self.budget)} värden men diagrammet har "
                f"{len(self.kategorier)} kategorier",
            )
        if isinstance(self.decimaler, bool) or not 0 <= self.decimaler <= 3:
            raise FaltError("decimaler", f"decimaler i ett diagram är 0–3, inte {self.decimaler!r}")


Block: TypeAlias = Stycke | Rubrik | Punktlista | Tabellplats | Diagram
"""One block of free text."""

Text: TypeAlias = tuple[Block, ...]
"""A free-text section: paragraphs, sub-headings, bullet lists, derived tables and charts in order."""

_BLOCKTYPER: Final = (Stycke, Rubrik, Punktlista, Tabellplats, Diagram)


def plain_text(text: Text) -> str:
    """All the words of *text*, blocks separated by blank lines (for checks and tests).

    A chart contributes its title; a derived table nothing.
    """
    parts: list[str] = []
    for block in text:
        if isinstance(block, Punktlista):
            parts.append("\n".join(block.punkter))
        elif isinstance(block, Tabellplats):
            continue
        elif isinstance(block, Diagram):
            parts.append(block.rubrik)
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def texter(obj: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    """Every free text (a tuple of blocks) in a model object, with its field path.

    What a source printed (``rapporterat``) is left out: it is never rendered.
    """
    if isinstance(obj, tuple):
        if obj and all(isinstance(x, _BLOCKTYPER) for x in obj):
            yield path, cast("Text", obj)
        else:
            for i, item in enumerate(obj):
                yield from texter(item, (*path, i))
    elif attrs.has(type(obj)) and not isinstance(obj, _BLOCKTYPER):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            if field.name != "rapporterat":
                yield from texter(getattr(obj, field.name), (*path, field.name))
