"""`Rapportperiod`: the accumulated reporting period of a report (January–August 2020)."""

from __future__ import annotations

import calendar
from datetime import date

import attrs

from delarsrapport._model.text import check_text_fields

__all__ = ["Rapportperiod"]


def _manad(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} måste vara ett heltal 1–12, inte {value!r}")
    if not 1 <= value <= 12:
        raise ValueError(f"{attribute.name} måste vara en månad 1–12, inte {value}")


def _ar(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"ar måste vara ett heltal, inte {value!r}")
    if not 1900 <= value <= 2200:
        raise ValueError(f"ar måste vara ett årtal (1900–2200), inte {value}")


@attrs.frozen(field_transformer=check_text_fields)
class Rapportperiod:
    """Den ackumulerade period rapporten gäller: månaderna *startmanad*–*slutmanad* år *ar*.

    Varje periodbeteckning som rapporterna trycker ("202001-202008", "jan-aug", "per
    augusti") räknas fram ur de tre talen; ett helt år (1–12) är en giltig period för en
    verksamhetsberättelse.

    >>> p = Rapportperiod(ar=2020, slutmanad=8)
    >>> p.kod, p.fg.kod, p.tertial, p.slutdatum.isoformat()
    ('202001-202008', '201901-201908', 2, '2020-08-31')
    """

    ar: int = attrs.field(validator=_ar)
    """Året (2020)."""
    slutmanad: int = attrs.field(validator=_manad)
    """Periodens sista månad, 1–12 (8 för en rapport per augusti)."""
    startmanad: int = attrs.field(default=1, validator=_manad)
    """Periodens första månad, 1–12; oftast januari."""

    def __attrs_post_init__(self) -> None:
        if self.startmanad > self.slutmanad:
            raise ValueError(
                f"startmanad ({self.startmanad}) kan inte vara efter slutmanad ({self.slutmanad})"
            )

    @property
    def kod(self) -> str:
        """The accumulated period as printed in column heads: ``"202001-202008"``."""
        return f"{self.ar}{self.startmanad:02}-{self.ar}{self.slutmanad:02}"

    @property
    def prognos_kod(self) -> str:
        """The month a forecast is made as of: ``"202008"``."""
        return f"{self.ar}{self.slutmanad:02}"

    @property
    def fg(self) -> Rapportperiod:
        """The same period the year before (``föregående år``)."""
        return Rapportperiod(ar=self.ar - 1, slutmanad=self.slutmanad, startmanad=self.startmanad)

    @property
    def tertial(self) -> int:
        """The tertial the period ends in: April → 1, August → 2, December → 3."""
        return (self.slutmanad - 1) // 4 + 1

    @property
    def slutdatum(self) -> date:
        """The last day of the period (``Rapportperiod: 2020-08-31``)."""
        return date(self.ar, self.slutmanad, calendar.monthrange(self.ar, self.slutmanad)[1])

    @property
    def startdatum(self) -> date:
        """The first day of the period."""
        return date(self.ar, self.startmanad, 1)

    @property
    def helar(self) -> bool:
        """Whether the period is the whole year (an annual report)."""
        return self.startmanad == 1 and self.slutmanad == 12

    @property
    def antal_manader(self) -> int:
        """How many months the period covers."""
        return self.slutmanad - self.startmanad + 1
