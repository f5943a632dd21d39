"""`Belopp`: an exact amount of money that knows its unit.

Modelled on python-docx's ``Length``: the value is stored in one base unit (kronor, as
an exact :class:`~decimal.Decimal`) and read or built in whichever unit the caller
thinks in (kr, tkr, mnkr). A ``Belopp`` never mixes with a bare number by accident:
``Belopp + 5`` is a ``TypeError``, floats are refused, and comparison with a number is
not equality.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Literal, SupportsIndex, TypeAlias, final, get_args, overload

__all__ = ["ENHETER", "Belopp", "Enhet", "exakt_decimal", "faktor"]

Enhet: TypeAlias = Literal["kr", "tkr", "mnkr"]
"""A unit of money: kronor, tusental kronor or miljoner kronor."""

ENHETER: Final[tuple[Enhet, ...]] = get_args(Enhet)

_FAKTOR: Final[dict[str, Decimal]] = {
    "kr": Decimal(1),
    "tkr": Decimal(1000),
    "mnkr": Decimal(1_000_000),
}


def faktor(enhet: str) -> Decimal:
    """Return how many kronor one *enhet* is (``"tkr"`` → ``Decimal(1000)``)."""
    try:
        return _FAKTOR[enhet]
    except KeyError:
        raise ValueError(f"okänd enhet {enhet!r}; använd en av {', '.join(ENHETER)}") from None


def exakt_decimal(value: object, what: str = "värdet") -> Decimal:
    """Return *value* as a finite Decimal, refusing floats, bools, NaN and infinities.

    ``int`` and ``Decimal`` are accepted; everything else is a ``TypeError`` whose
    message names *what* and says what to pass instead.
    """
    if isinstance(value, bool):
        raise TypeError(f"{what} får inte vara ett sanningsvärde ({value!r}); ange ett tal")
    if isinstance(value, float):
        raise TypeError(
            f"{what} får inte vara ett flyttal ({value!r}): flyttal är inte exakta. "
            f"Använd Decimal('{value!r}') eller ett heltal"
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what} måste vara ett ändligt tal, inte {value}")
        return value
    raise TypeError(f"{what} måste vara Decimal eller int, inte {type(value).__name__} ({value!r})")


@final
class Belopp:
    """An exact amount of money, stored in kronor.

    Build it in the unit the data comes in and read it in the unit you need:

    >>> b = Belopp.from_tkr(Decimal("-47725"))
    >>> b.kronor
    Decimal('-47725000')
    >>> b.mnkr
    Decimal('-47.725')
    >>> sum([Belopp.from_tkr(1), Belopp.from_tkr(2)]) == Belopp.from_tkr(3)
    True

    Arithmetic keeps amounts exact: ``+`` and ``-`` between amounts, multiplication
    and division by a plain ``int`` or ``Decimal`` (a share or a volume), and the
    ratio of two amounts as a ``Decimal``. Rounding happens only when formatting.
    """

    __slots__ = ("_kronor",)

    _kronor: Decimal

    def __init__(self, kronor: Decimal | int) -> None:
        value = exakt_decimal(kronor, "ett belopp")
        # Decimal("-0") is zero: store it without its sign so that 0 and -0 are one value.
        object.__setattr__(self, "_kronor", value if value else abs(value))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Belopp är oföränderligt")

    # -- construction -----------------------------------------------------------------

    @classmethod
    def from_kronor(cls, kronor: Decimal | int) -> Belopp:
        """Build an amount from kronor."""
        return cls(kronor)

    @classmethod
    def from_tkr(cls, tkr: Decimal | int) -> Belopp:
        """Build an amount from tusental kronor (tkr)."""
        return cls(exakt_decimal(tkr, "ett belopp i tkr") * _FAKTOR["tkr"])

    @classmethod
    def from_mnkr(cls, mnkr: Decimal | int) -> Belopp:
        """Build an amount from miljoner kronor (mnkr)."""
        return cls(exakt_decimal(mnkr, "ett belopp i mnkr") * _FAKTOR["mnkr"])

    @classmethod
    def from_enhet(cls, value: Decimal | int, enhet: Enhet) -> Belopp:
        """Build an amount from *value* counted in *enhet* (``"kr"``, ``"tkr"``, ``"mnkr"``)."""
        return cls(exakt_decimal(value, f"ett belopp i {enhet}") * faktor(enhet))

    @classmethod
    def noll(cls) -> Belopp:
        """Return the amount zero."""
        return cls(0)

    # -- reading ----------------------------------------------------------------------

    @property
    def kronor(self) -> Decimal:
        """The exact amount in kronor."""
        return self._kronor

    @property
    def tkr(self) -> Decimal:
        """The exact amount in tusental kronor."""
        return self._kronor / _FAKTOR["tkr"]

    @property
    def mnkr(self) -> Decimal:
        """The exact amount in miljoner kronor."""
        return self._kronor / _FAKTOR["mnkr"]

    def i_enhet(self, enhet: Enhet) -> Decimal:
        """The exact amount counted in *enhet*."""
        return self._kronor / faktor(enhet)

    # -- arithmetic -------------------------------------------------------------------

    def __add__(self, other: object) -> Belopp:
        if isinstance(other, Belopp):
            return Belopp(self._kronor + other._kronor)
        return NotImplemented

    def __radd__(self, other: object) -> Belopp:
        # sum() starts from the int 0; that one bare number is allowed.
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Belopp:
        if isinstance(other, Belopp):
            return Belopp(self._kronor - other._kronor)
        return NotImplemented

    def __neg__(self) -> Belopp:
        return Belopp(-self._kronor)

    def __pos__(self) -> Belopp:
        return self

    def __abs__(self) -> Belopp:
        return Belopp(abs(self._kronor))

    def __mul__(self, other: object) -> Belopp:
        if isinstance(other, (int, Decimal)) and not isinstance(other, bool):
            return Belopp(self._kronor * exakt_decimal(other, "en faktor"))
        return NotImplemented

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Belopp) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> Belopp: ...
    def __truediv__(self, other: object) -> Belopp | Decimal:
        if isinstance(other, Belopp):
            if not other._kronor:
                raise ZeroDivisionError("kan inte dela med beloppet 0")
            return self._kronor / other._kronor
        if isinstance(other, (int, Decimal)) and not isinstance(other, bool):
            divisor = exakt_decimal(other, "en divisor")
            if not divisor:
                raise ZeroDivisionError("kan inte dela ett belopp med 0")
            return Belopp(self._kronor / divisor)
        return NotImplemented

    def andel_av(self, helhet: Belopp) -> Decimal:
        """The share this amount is of *helhet*, as a fraction (0.093 for 9,3 %)."""
        return self / helhet

    # -- comparison -------------------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Belopp):
            return self._kronor == other._kronor
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Belopp", self._kronor))

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Belopp):
            return self._kronor < other._kronor
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Belopp):
            return self._kronor <= other._kronor
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Belopp):
            return self._kronor > other._kronor
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Belopp):
            return self._kronor >= other._kronor
        return NotImplemented

    def __bool__(self) -> bool:
        return bool(self._kronor)

    # -- representation ---------------------------------------------------------------

    def __repr__(self) -> str:
        return f"Belopp.from_kronor(Decimal('{self._kronor}'))"

    def __str__(self) -> str:
        return f"{self._kronor} kr"

    def __reduce__(self) -> tuple[type[Belopp], tuple[Decimal]]:
        return (Belopp, (self._kronor,))

    def __copy__(self) -> Belopp:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Belopp:
        return self

    def __round__(self, ndigits: SupportsIndex | None = None) -> Belopp:
        raise TypeError(
            "avrunda inte belopp i förväg: avrundning sker en gång, när beloppet formateras (format_belopp)"
        )
