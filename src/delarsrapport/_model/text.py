"""Free text as the reports write it (paragraphs, run-in sub-headings and bullet lists),
and what any string of the model may hold (:func:`check_text`, :func:`check_text_fields`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final, TypeAlias, cast

import attrs

from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.typecheck import field_check

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
    "blocktexter",
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


# -- model fields: text checked, every value's type checked ---------------------------


def _text(value: object) -> object:
    # A str subclass is copied into a plain str: markupsafe.Markup, for one, would
    # otherwise reach a template as "already escaped" and bypass autoescaping. A value
    # that is no str at all is left for the field's type check to refuse by name.
    if not isinstance(value, str):
        return value
    if type(value) is not str:
        value = str.__str__(value)
    return check_text(value)


def _reported_text(value: object) -> object:
    return value if value is None or isinstance(value, Tom) else _text(value)


def _texts(value: object) -> object:
    return tuple(_text(v) for v in value) if isinstance(value, tuple) else value


# Each field type that holds text, as a type and as the string an annotation is under
# ``from __future__ import annotations``, with the converter that checks it.
_TEXTFALT: Final[dict[object, Callable[[object], object]]] = {
    str: _text,
    "str": _text,
    str | None: _text,
    "str | None": _text,
    str | Tom | None: _reported_text,
    "str | Tom | None": _reported_text,
    tuple[str, ...]: _texts,
    "tuple[str, ...]": _texts,
}


def _named(convert: Callable[[object], object], owner: str, name: str) -> Callable[[Any], object]:
    """*convert*, whose refusal of a character names the class and the field."""

    def converter(value: Any) -> object:
        try:
            return convert(value)
        except TextError as exc:
            raise TextError(f"{owner}.{name}: {exc}") from None

    return converter


def check_text_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs field transformer: every field of *cls* checks its value when an object is
    built, so a model object holds only what the rest of the library can use.

    - A text field checks its value with :func:`check_text` and stores a plain ``str``
      (a ``str`` subclass such as ``markupsafe.Markup`` is copied into one).
    - Every field checks the value's type against its annotation
      (:mod:`delarsrapport._model.typecheck`): a wrong type raises
      :class:`~delarsrapport.ModelTypeError` naming the class, the field, the type
      expected and the value given.

    Apply it on each model class: ``@attrs.frozen(field_transformer=check_text_fields)``.

    >>> @attrs.frozen(field_transformer=check_text_fields)
    ... class Exempel:
    ...     namn: str
    >>> Exempel("a\\r\\nb")
    Exempel(namn='a\\nb')
    >>> Exempel("a\\x07b")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    delarsrapport._model.text.TextError: Exempel.namn: otillåtet tecken U+0007 (BEL) på position 1 ...
    >>> Exempel(7)
    Traceback (most recent call last):
    delarsrapport._errors.ModelTypeError: Exempel.namn: förväntade str (text), fick int 7
    """
    out = []
    for f in fields:
        if not f.init:
            out.append(f)
            continue
        check = field_check(cls, f.name)
        validator = check if f.validator is None else attrs.validators.and_(check, f.validator)
        converter = _TEXTFALT.get(f.type)
        if converter is None:
            out.append(f.evolve(validator=validator))
        elif f.converter is not None:
            raise TypeError(f"{cls.__name__}.{f.name}: ett textfält får sin converter av check_text_fields")
        else:
            out.append(f.evolve(converter=_named(converter, cls.__name__, f.name), validator=validator))
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
    """Ett stycke löptext; i indata en text i listan."""

    text: str
    """Styckets text."""


@attrs.frozen(field_transformer=check_text_fields)
class Rubrik:
    """En underrubrik i löptext (``Beroende``, ``Analys``, ``Vuxen``); i indata ``{rubrik: …, niva: 2}``.

    *niva* räknas från avsnittet texten står i: 1 är första nivån under det.
    """

    text: str
    """Rubrikens text (``rubrik`` i indata)."""
    niva: int = 1
    """Nivån under avsnittets rubrik, 1–3."""


@attrs.frozen(field_transformer=check_text_fields)
class Punktlista:
    """En punktlista i löptext; i indata ``{punkter: [...]}``."""

    punkter: tuple[str, ...]
    """Punkterna, en text var."""


@attrs.frozen(field_transformer=check_text_fields)
class Tabellplats:
    """Platsen i löptexten där en tabell som räknas fram ur rapporten står; i indata ``{tabell: …}``.

    Tjänsteskrivelsen från Uppsala omsorgsnämnd 2020 skriver "Se tabell." och trycker antalet
    uppdrag per status just där; siffrorna räknas fram ur verksamhetsbilagan, så texten
    anger bara platsen.
    """

    tabell: str
    """Tabellens namn: ``uppdragsstatus``."""


TABELLER: Final = ("uppdragsstatus",)
"""The derived tables free text may place."""


DIAGRAMTYPER: Final = ("linje", "stapel")
"""The kinds of chart a :class:`Diagram` can be: a line chart or a bar chart."""

#: The most categories (points along the axis) and series a chart may have: a year of
#: months twice over, and as many series as a reader can tell apart.
MAX_KATEGORIER: Final = 24
MAX_SERIER: Final = 6


def _andliga(falt: str, varden: tuple[Decimal | None, ...]) -> None:
    if any(v is not None and not v.is_finite() for v in varden):
        raise FaltError(falt, "ett värde i ett diagram måste vara ett ändligt tal")


@attrs.frozen(field_transformer=check_text_fields)
class Serie:
    """En serie i ett diagram: namnet i teckenförklaringen och ett exakt värde per kategori.

    ``None`` är en kategori utan värde (ett uppehåll i linjen).
    """

    namn: str = attrs.field(validator=ej_tom)
    """Seriens namn i teckenförklaringen och tabellens rubrik: "2020", "Budget 2020"."""
    varden: tuple[Decimal | None, ...]
    """Ett värde per kategori ("104", "7,5" inom citattecken); null för en kategori utan värde."""

    def __attrs_post_init__(self) -> None:
        _andliga("varden", self.varden)


@attrs.frozen(field_transformer=check_text_fields)
class Diagram:
    """Ett diagram i löptext, ritat ur sina värden: "Diagram 1. Vårddygn per månad".

    Kategorierna är punkterna längs axeln (månader, år, vårdformer); varje serie har ett
    värde per kategori, i tidsordning (den sista är den diagrammet handlar om), och en
    budget ritas som en streckad linje. Bildtextens nummer, alternativtexten och tabellen
    med värdena tas fram när dokumentet skapas.
    """

    rubrik: str = attrs.field(validator=ej_tom)
    """Bildtexten efter "Diagram N.": "Vårddygn januari–augusti 2020 jämfört med 2019"."""
    kategorier: tuple[str, ...]
    """Punkterna längs axeln i ordning: månader ("jan", "feb" …), år eller vårdformer."""
    serier: tuple[Serie, ...]
    """Serierna i tidsordning (1–6); den sista är den diagrammet handlar om."""
    typ: str = "linje"
    """``linje`` (linjediagram) eller ``stapel`` (stapeldiagram)."""
    enhet: str = ""
    """Vad värdena räknar, axelns text: "vårddygn", "procent", "index (2019 = 100)"."""
    matt: str = ""
    """Storheten som en mening nämner den, för ``<<volymmening>>``: "Antalet vårddygn"."""
    budget: tuple[Decimal | None, ...] = ()
    """Budgeten per kategori, ritad som en streckad linje; tom för ingen."""
    decimaler: int = 0
    """Decimalerna som värdena skrivs med i tabellen och alternativtexten (0–3)."""
    kategorirubrik: str = ""
    """Tabellens rubrik över kategorierna ("Månad", "Vårdform"); räknas fram när den är tom."""

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
        _andliga("budget", self.budget)
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


def blocktexter(block: Block) -> list[tuple[tuple[str | int, ...], str]]:
    """The written strings of one block, each with its path below the block: a paragraph's
    text, a heading's (``rubrik``), each bullet (``punkter``, *i*). A table place or a chart
    has none (a chart's words are data, not prose)."""
    if isinstance(block, Stycke):
        return [((), block.text)]
    if isinstance(block, Rubrik):
        return [(("rubrik",), block.text)]
    if isinstance(block, Punktlista):
        return [(("punkter", m), p) for m, p in enumerate(block.punkter)]
    return []


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
