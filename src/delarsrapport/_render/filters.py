"""The formatting functions as Jinja filters, with a layout's number style as defaults.

Templates call ``{{ rad.kommunbidrag | belopp("mnkr") }}``; the filter is
:func:`delarsrapport.formatting.format_belopp` with the layout's choices (minus sign,
what a missing value prints) filled in. Filter names are Swedish, as designers see them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import attrs

from delarsrapport import formatting as fmt
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.referens import Ungefar
from delarsrapport._model.status import Kontrollresultat

__all__ = ["FILTERNAMN", "Talstil", "make_filters"]


@attrs.frozen
class Talstil:
    """A layout's number style: the choices every filter takes as its defaults.

    - ``minus``: ``"-"`` (what the Swedish reports print) or ``"\\u2212"`` (U+2212).
    - ``procent_mellanslag``: ``9 %`` (no-break space) or ``9%``.
    - ``noll``: what an amount that rounds to zero prints; ``None`` prints ``0``
      (Uppsala), ``""`` leaves the cell empty (Upplands-Bro).
    - ``saknas``: what a missing value (no data) prints, e.g. ``""`` or ``"-"``.
    """

    minus: str = attrs.field(default="-", validator=attrs.validators.in_(fmt.MINUSTECKEN))
    procent_mellanslag: bool = True
    noll: str | None = None
    saknas: str = ""


FILTERNAMN: Final = (
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
)
"""Every filter :func:`make_filters` registers, in the order the Mallguide lists them."""


def _prose() -> Any:
    # The standard sentences live with the context's other sentences; imported on use, as
    # the context imports this module.
    from delarsrapport._context import prose

    return prose


def make_filters(stil: Talstil) -> dict[str, Callable[..., str]]:
    """Return the template filters, bound to the layout's number style *stil*."""

    def belopp(
        value: Belopp | None,
        enhet: fmt.Enhet = "tkr",
        decimaler: int = 0,
        tecken: bool = False,
        suffix: fmt.Suffix | None = None,
        noll: str | None = None,
    ) -> str:
        if value is None:
            return stil.saknas
        return fmt.format_belopp(
            value,
            enhet=enhet,
            decimaler=decimaler,
            minus=stil.minus,
            tecken=tecken,
            suffix=suffix,
            noll=stil.noll if noll is None else noll,
        )

    def procent(
        value: Decimal | int | None,
        decimaler: int = 0,
        mellanslag: bool | None = None,
        ord: bool = False,
        tecken: bool = False,
    ) -> str:
        if value is None:
            return stil.saknas
        return fmt.format_procent(
            value,
            decimaler=decimaler,
            mellanslag=stil.procent_mellanslag if mellanslag is None else mellanslag,
            ord=ord,
            minus=stil.minus,
            tecken=tecken,
        )

    def tal(
        value: Decimal | int | None,
        decimaler: int = 0,
        ord: bool = False,
        genus: str = "ett",
        siffra: bool = False,
        versal: bool = False,
        tecken: bool = False,
    ) -> str:
        if value is None:
            return stil.saknas
        if genus not in ("en", "ett"):
            raise ValueError(f"genus måste vara 'en' eller 'ett', inte {genus!r}")
        return fmt.format_tal(
            value,
            decimaler=decimaler,
            ord=ord,
            genus="en" if genus == "en" else "ett",
            siffra=siffra,
            versal=versal,
            minus=stil.minus,
            tecken=tecken,
        )

    def datum(value: date | None, stil_: fmt.Datumstil = "iso") -> str:
        if value is None:
            return stil.saknas
        return fmt.format_datum(value, stil_)

    def period(value: Rapportperiod, stil_: fmt.Periodstil = "kod", versal: bool = False) -> str:
        return fmt.format_period(value, stil_, versal=versal)

    def lista(values: Iterable[Any], sista: str = "och") -> str:
        return fmt.format_lista([str(v) for v in values], sista=sista)

    def versal(value: str) -> str:
        return fmt.versal(str(value))

    def som_text(value: Iterable[Any]) -> str:
        """Free text as one text with line breaks (for a table cell)."""
        parts: list[str] = []
        for block in value:
            if getattr(block, "typ", None) == "punktlista":
                parts.append("\n".join(f"• {p}" for p in block.punkter))
            elif getattr(block, "typ", None) == "diagram":
                # A cell cannot hold the picture: the chart's title and its values.
                rubriker, *rader = block.diagram.tabell
                parts.append(str(block.text))
                parts.extend(
                    f"{r[0]}: " + ", ".join(f"{h} {v}" for h, v in zip(rubriker[1:], r[1:], strict=True))
                    for r in rader
                )
            else:
                parts.append(str(block.text))
        return "\n".join(parts)

    def resultatmening(
        value: Belopp | None,
        subjekt: str = "Nämnden",
        enhet: fmt.Enhet = "mnkr",
        decimaler: int = 1,
        suffix: fmt.Suffix | None = "kort",
        ungefar: Ungefar | None = None,
    ) -> str:
        if value is None:
            return stil.saknas
        return str(
            _prose().resultatmening(
                value, subjekt=subjekt, enhet=enhet, decimaler=decimaler, suffix=suffix, ungefar=ungefar
            )
        )

    def avvikelsemening(
        value: Belopp | None,
        subjekt: str = "Nämnden",
        jamfort_med: str = "budget",
        enhet: fmt.Enhet = "mnkr",
        decimaler: int = 1,
        suffix: fmt.Suffix | None = "kort",
        ungefar: Ungefar | None = None,
    ) -> str:
        if value is None:
            return stil.saknas
        return str(
            _prose().avvikelsemening(
                value,
                subjekt=subjekt,
                jamfort_med=jamfort_med,
                enhet=enhet,
                decimaler=decimaler,
                suffix=suffix,
                ungefar=ungefar,
            )
        )

    def prognosmening(
        value: Belopp | None,
        forsamring: Belopp | None = None,
        forbattring: Belopp | None = None,
        ar: int | None = None,
        subjekt: str = "Årets resultat",
        enhet: fmt.Enhet = "mnkr",
        decimaler: int = 1,
        suffix: fmt.Suffix | None = "kort",
        ungefar: Ungefar | None = None,
    ) -> str:
        if value is None:
            return stil.saknas
        return str(
            _prose().prognosmening(
                value,
                forsamring=forsamring,
                forbattring=forbattring,
                ar=ar,
                subjekt=subjekt,
                enhet=enhet,
                decimaler=decimaler,
                suffix=suffix,
                minus=stil.minus,
                ungefar=ungefar,
            )
        )

    def volymmening(
        value: Decimal | int | None,
        jamforelse: Decimal | int | None = None,
        matt: str = "Volymen",
        jamfort_med: str = "budget",
        decimaler: int = 0,
        ungefar: Ungefar | None = None,
    ) -> str:
        if value is None or jamforelse is None:
            return stil.saknas
        return str(
            _prose().volymmening(
                value,
                jamforelse,
                matt=matt,
                jamfort_med=jamfort_med,
                decimaler=decimaler,
                mellanslag=stil.procent_mellanslag,
                ungefar=ungefar,
            )
        )

    def internkontrollmening(
        value: Iterable[Any],
        period: Rapportperiod | None = None,
        ord_en: str = "anmärkning",
        ord_flera: str = "anmärkningar",
    ) -> str:
        antal: dict[Kontrollresultat, int] = {}
        for moment in value:
            resultat = getattr(moment, "resultat", None)
            if resultat is not None and resultat.varde:
                k = Kontrollresultat(resultat.varde)
                antal[k] = antal.get(k, 0) + 1
        return str(
            _prose().internkontroll_mening(
                antal,
                period=fmt.format_period(period, "per") if period is not None else "",
                avvikelseord=(ord_en, ord_flera),
            )
        )

    filters: dict[str, Callable[..., str]] = {
        "belopp": belopp,
        "procent": procent,
        "tal": tal,
        "datum": datum,
        "period": period,
        "lista": lista,
        "versal": versal,
        "som_text": som_text,
        "resultatmening": resultatmening,
        "avvikelsemening": avvikelsemening,
        "prognosmening": prognosmening,
        "volymmening": volymmening,
        "internkontrollmening": internkontrollmening,
    }
    assert tuple(filters) == FILTERNAMN
    return filters
