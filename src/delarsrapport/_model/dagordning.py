"""The meeting's agenda (dagordning): groups of numbered points, some of them the report's ärenden.

A point is either one of the report's ärenden, linked by its number in the package (its
title then comes from the ärende's tjänsteskrivelse), or another matter on the same
agenda, which is only a title. Points are numbered as printed, or on from the point
before (:func:`punktnummer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from delarsrapport._model.text import FaltError, check_text_fields

__all__ = ["Dagordningsgrupp", "Dagordningspunkt", "punktnummer"]


def _minst_ett(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        raise FaltError(attribute.name, f"{attribute.name} ska vara 1 eller mer, fick {value}")


@attrs.frozen(field_transformer=check_text_fields)
class Dagordningspunkt:
    """En punkt på sammanträdets dagordning: ett av rapportens ärenden, eller ett annat ärende
    på samma sammanträde med bara sin titel.

    En punkt som bara är en titel kan skrivas som texten själv (``- Vårdnadsöverflytt``); ett
    av rapportens ärenden skrivs ``- arende: 1``, och titeln hämtas då från dess
    tjänsteskrivelse.
    """

    titel: str | None = None
    """Punktens titel som dagordningen trycker den ("Vårdnadsöverflytt"). Utan titel står det
    länkade ärendets rubrik."""
    arende: int | None = attrs.field(default=None, validator=_minst_ett)
    """Numret på det av rapportens ärenden som punkten gäller: 1 är huvudärendet, 2 det första
    under ovriga_arenden. Ärendets handlingar finns i den samlade handlingen."""
    nummer: int | None = attrs.field(default=None, validator=_minst_ett)
    """Punktens nummer som dagordningen trycker det (7). Utan nummer får punkten numret efter
    punkten före, och den första punkten 1."""

    def __attrs_post_init__(self) -> None:
        if self.titel is None and self.arende is None:
            raise ValueError(
                "en punkt på dagordningen behöver en titel eller ett ärende; skriv titeln "
                "(- Vårdnadsöverflytt) eller arende: med ärendets nummer i rapporten"
            )
        if self.titel is not None and not self.titel.strip():
            raise FaltError("titel", "titel är tom; skriv punktens titel eller ta bort fältet")


def _punkter(
    _instance: object, _attribute: attrs.Attribute[Any], value: tuple[Dagordningspunkt, ...]
) -> None:
    if not value:
        raise FaltError("punkter", "en grupp på dagordningen behöver minst en punkt")


@attrs.frozen(field_transformer=check_text_fields)
class Dagordningsgrupp:
    """En grupp punkter på dagordningen under en egen rubrik: beslutsärenden,
    informationsärenden, anmälningsärenden."""

    punkter: tuple[Dagordningspunkt, ...] = attrs.field(validator=_punkter)
    """Gruppens punkter i den ordning dagordningen trycker dem."""
    rubrik: str | None = None
    """Gruppens rubrik ("Beslutsärenden", "Informationsärenden", "Anmälningsärenden"); utan
    rubrik står punkterna direkt under dagordningens rubrik."""


def punktnummer(grupper: Sequence[Dagordningsgrupp]) -> list[list[int]]:
    """The number of every point of *grupper*, group by group: as printed, or one more than
    the point before (the first point 1).

    >>> punktnummer([Dagordningsgrupp((Dagordningspunkt("a"), Dagordningspunkt("b", nummer=5),
    ...     Dagordningspunkt("c"))), Dagordningsgrupp((Dagordningspunkt("d"),))])
    [[1, 5, 6], [7]]
    """
    ut: list[list[int]] = []
    foregaende = 0
    for grupp in grupper:
        nummer: list[int] = []
        for punkt in grupp.punkter:
            foregaende = punkt.nummer if punkt.nummer is not None else foregaende + 1
            nummer.append(foregaende)
        ut.append(nummer)
    return ut
