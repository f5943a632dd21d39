"""The report package: a nämnd's tjänsteskrivelse with its numbered bilagor.

Bilagor are numbered once, here; the Beslutsunderlag, every bilaga header, diarienummer
suffix and "enligt ärendets bilaga N" derive from that number.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypeAlias, TypeVar

import attrs

from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.organisation import (
    Diarienummer,
    Forvaltning,
    Kommun,
    Namnd,
    Person,
    Sammantrade,
)
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.text import check_text_fields, ej_tom
from delarsrapport._model.tjansteskrivelse import Tjansteskrivelse
from delarsrapport._model.verksamhet import Verksamhetsuppfoljning

__all__ = [
    "DOKUMENTSLAG",
    "Arende",
    "Bilaga",
    "Delarsrapport",
    "Dokumentdel",
    "RapporteradBilaga",
]

Dokumentdel: TypeAlias = EkonomiskUppfoljning | Verksamhetsuppfoljning | Nyckeltalsbilaga | Internkontroll
"""One part of a bilaga; a compound bilaga (a verksamhetsberättelse) has several."""

DOKUMENTSLAG: tuple[str, ...] = (
    "tjansteskrivelse",
    EkonomiskUppfoljning.kind,
    Verksamhetsuppfoljning.kind,
    Nyckeltalsbilaga.kind,
    Internkontroll.kind,
)
"""The document kinds a layout has one template for."""

_D = TypeVar("_D", EkonomiskUppfoljning, Verksamhetsuppfoljning, Nyckeltalsbilaga, Internkontroll)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradBilaga:
    """What a transcribed bilaga printed about itself where the registry derives it."""

    nummer: int | Tom | None = None
    """The number in the bilaga's own header (``tom`` if the document carries no label)."""
    titel: str | None = None
    """The title in the bilaga's own header."""
    rubrik: str | None = None
    """The document's heading, if different from its header title."""
    titel_i_beslutsunderlag: str | None = None
    """The title the Beslutsunderlag printed for it."""
    diarienummer: str | Tom | None = None
    """The diarienummer in the bilaga's header (``tom`` if printed empty)."""
    datum: date | None = None
    """The date in the bilaga's header, when it differs from the memo's."""
    ovrig_text: tuple[str, ...] = ()
    """Text the source printed outside the model's fields (leftover template text, filler)."""
    tomma_falt: tuple[str, ...] = ()
    """Labels printed with no value ("Version:")."""


@attrs.frozen(field_transformer=check_text_fields)
class Bilaga:
    """A numbered bilaga: its title and its parts, with the header details it may override."""

    nummer: int
    titel: str = attrs.field(validator=ej_tom)
    delar: tuple[Dokumentdel, ...]
    datum: date | None = None
    """The bilaga's own date; defaults to the memo's."""
    handlaggare: tuple[Person, ...] | None = None
    """The bilaga's handläggare; defaults to the memo's."""
    namndbehandlas: date | None = None
    """Dagen nämnden behandlar och beslutar om handlingen (sammanträdets datum). På ett
    styrdokuments försättsblad är det beslutsdatumet; det får ligga efter datum, dagen
    handlingen skrevs."""
    version: str | None = None
    undertitel: str | None = None
    """Undertiteln på ett styrdokuments försättsblad ("Delårsuppföljning per augusti 2023")
    när titel är dokumentets huvudtitel ("Verksamhetsplan och budget 2023–2025")."""
    beslutsfattare: str | None = None
    """Den som beslutar om styrdokumentet, som försättsbladet anger det ("Kulturnämnden")."""
    dokumentansvarig: str | None = None
    """Den som ansvarar för dokumentet, som försättsbladet anger det ("Kulturdirektör")."""
    rapporterat: RapporteradBilaga | None = None

    @property
    def hela_titeln(self) -> str:
        """The title with the subtitle after it, for a reader who sees only one line."""
        return f"{self.titel} – {self.undertitel}" if self.undertitel else self.titel

    def del_av_typ(self, typ: type[_D]) -> _D | None:
        """The first part of type *typ*."""
        for d in self.delar:
            if isinstance(d, typ):
                return d
        return None

    @property
    def kind(self) -> str:
        """The document kind of the first part (what the bilaga mainly is)."""
        return self.delar[0].kind


@attrs.frozen(field_transformer=check_text_fields)
class Arende:
    """One ärende: a tjänsteskrivelse, its bilagor, its period and diarienummer."""

    period: Rapportperiod
    tjansteskrivelse: Tjansteskrivelse
    bilagor: tuple[Bilaga, ...] = ()
    diarienummer: Diarienummer | None = None

    def bilaga(self, nummer: int) -> Bilaga | None:
        """The bilaga with *nummer*."""
        for b in self.bilagor:
            if b.nummer == nummer:
                return b
        return None

    def delar(self, typ: type[_D]) -> Iterator[tuple[Bilaga, _D]]:
        """Every (bilaga, part) pair whose part is of type *typ*, in bilaga order."""
        for b in self.bilagor:
            for d in b.delar:
                if isinstance(d, typ):
                    yield b, d

    @property
    def ekonomi(self) -> EkonomiskUppfoljning | None:
        """The first ekonomisk uppföljning among the bilagor."""
        return next((d for _, d in self.delar(EkonomiskUppfoljning)), None)

    @property
    def verksamhet(self) -> Verksamhetsuppfoljning | None:
        """The first verksamhetsuppföljning among the bilagor."""
        return next((d for _, d in self.delar(Verksamhetsuppfoljning)), None)

    @property
    def internkontroll(self) -> Internkontroll | None:
        """The first internkontroll among the bilagor."""
        return next((d for _, d in self.delar(Internkontroll)), None)


@attrs.frozen(field_transformer=check_text_fields)
class Delarsrapport:
    """The whole package for one nämnd: the main ärende (the delårsrapport) with its bilagor.

    Meeting papers that carry more than one ärende for the same meeting (Upplands-Bro's
    verksamhetsberättelse and nämndplan) list the others in *ovriga_arenden*.
    """

    kommun: Kommun
    namnd: Namnd
    forvaltning: Forvaltning
    period: Rapportperiod
    tjansteskrivelse: Tjansteskrivelse
    bilagor: tuple[Bilaga, ...] = ()
    diarienummer: Diarienummer | None = None
    sammantrade: Sammantrade | None = None
    ovriga_arenden: tuple[Arende, ...] = ()

    @property
    def huvudarende(self) -> Arende:
        """The main ärende."""
        return Arende(
            period=self.period,
            tjansteskrivelse=self.tjansteskrivelse,
            bilagor=self.bilagor,
            diarienummer=self.diarienummer,
        )

    @property
    def arenden(self) -> tuple[Arende, ...]:
        """Every ärende in the package, the main one first."""
        return (self.huvudarende, *self.ovriga_arenden)
