"""The report package: a nämnd's tjänsteskrivelse with its numbered bilagor.

Bilagor are numbered once, here; the Beslutsunderlag, every bilaga header, diarienummer
suffix and "enligt ärendets bilaga N" derive from that number.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypeAlias, TypeVar

import attrs

from delarsrapport._model.dagordning import Dagordningsgrupp, Dagordningspunkt
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.kalla import Indatakalla
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
    "VALFRIA_DOKUMENTSLAG",
    "Arende",
    "Bilaga",
    "Delarsrapport",
    "Dokumentdel",
    "RapporteradBilaga",
    "attach_kalla",
    "get_kalla",
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

VALFRIA_DOKUMENTSLAG: tuple[str, ...] = ("handlingar",)
"""The document kinds a layout may have a template for: ``handlingar``, the cover of the
combined handling (without it the combined handling starts with the first tjänsteskrivelse)."""

_D = TypeVar("_D", EkonomiskUppfoljning, Verksamhetsuppfoljning, Nyckeltalsbilaga, Internkontroll)


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradBilaga:
    """Det en avskriven bilaga tryckte om sig själv där registret räknar fram värdet (bara för kontrollen)."""

    nummer: int | Tom | None = None
    """Numret i bilagans eget sidhuvud (``tom`` om handlingen inte har någon etikett)."""
    titel: str | None = None
    """Titeln i bilagans eget sidhuvud."""
    rubrik: str | None = None
    """Handlingens rubrik, om den skiljer sig från titeln i sidhuvudet."""
    titel_i_beslutsunderlag: str | None = None
    """Titeln som beslutsunderlaget tryckte för bilagan."""
    diarienummer: str | Tom | None = None
    """Diarienumret i bilagans sidhuvud (``tom`` om det var tomt)."""
    datum: date | None = None
    """Datumet i bilagans sidhuvud, när det skiljer sig från tjänsteskrivelsens."""
    ovrig_text: tuple[str, ...] = ()
    """Text som källan tryckte utanför modellens fält (kvarglömd malltext, utfyllnad)."""
    tomma_falt: tuple[str, ...] = ()
    """Etiketter som trycktes utan värde ("Version:")."""


@attrs.frozen(field_transformer=check_text_fields)
class Bilaga:
    """En numrerad bilaga: titeln och delarna, och de uppgifter i sidhuvudet som den kan ha egna.

    Numret anges en gång, här; beslutsunderlaget, varje sidhuvud, diarienumrets tillägg och
    "enligt ärendets bilaga N" räknas fram ur det.
    """

    nummer: int
    """Bilagans nummer, 1 eller mer och unikt i ärendet."""
    titel: str = attrs.field(validator=ej_tom)
    """Bilagans titel ("Ekonomisk uppföljning per augusti 2020")."""
    delar: tuple[Dokumentdel, ...]
    """Bilagans delar i ordning; oftast en, flera i en sammansatt bilaga (en verksamhetsberättelse)."""
    datum: date | None = None
    """Bilagans eget datum; utan det gäller tjänsteskrivelsens."""
    handlaggare: tuple[Person, ...] | None = None
    """Bilagans handläggare; utan dem gäller tjänsteskrivelsens."""
    namndbehandlas: date | None = None
    """Dagen nämnden behandlar och beslutar om handlingen (sammanträdets datum). På ett
    styrdokuments försättsblad är det beslutsdatumet; det får ligga efter datum, dagen
    handlingen skrevs."""
    version: str | None = None
    """Bilagans version ("1.0"); utan den trycks ingen versionsrad."""
    undertitel: str | None = None
    """Undertiteln på ett styrdokuments försättsblad ("Delårsuppföljning per augusti 2023")
    när titel är dokumentets huvudtitel ("Verksamhetsplan och budget 2023–2025")."""
    beslutsfattare: str | None = None
    """Den som beslutar om styrdokumentet, som försättsbladet anger det ("Kulturnämnden")."""
    dokumentansvarig: str | None = None
    """Den som ansvarar för dokumentet, som försättsbladet anger det ("Kulturdirektör")."""
    rapporterat: RapporteradBilaga | None = None
    """Det källan tryckte om bilagan där modellen räknar fram värdet; bara för kontrollen."""

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
    """Ett ärende till samma sammanträde: en tjänsteskrivelse med sina bilagor, sin period och
    sitt diarienummer."""

    period: Rapportperiod
    """Perioden ärendet gäller."""
    tjansteskrivelse: Tjansteskrivelse
    """Ärendets tjänsteskrivelse."""
    bilagor: tuple[Bilaga, ...] = ()
    """Ärendets bilagor, i nummerordning."""
    diarienummer: Diarienummer | None = None
    """Ärendets diarienummer ("SCN-2020-00459" eller "SN 23/0007")."""

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
    """Hela paketet för en nämnd: huvudärendet (delårsrapporten) med tjänsteskrivelse och bilagor.

    Det här är filens översta nivå. Handlingar till ett sammanträde med flera ärenden
    (Upplands-Brös verksamhetsberättelse och nämndplan) lägger de andra i *ovriga_arenden*.
    """

    kommun: Kommun
    """Kommunen."""
    namnd: Namnd
    """Nämnden som rapporten gäller."""
    forvaltning: Forvaltning
    """Förvaltningen eller kontoret som skriver handlingarna."""
    period: Rapportperiod
    """Perioden som huvudärendet gäller (januari–augusti 2020: ``{ar: 2020, slutmanad: 8}``)."""
    tjansteskrivelse: Tjansteskrivelse
    """Huvudärendets tjänsteskrivelse."""
    bilagor: tuple[Bilaga, ...] = ()
    """Huvudärendets bilagor, i nummerordning."""
    diarienummer: Diarienummer | None = None
    """Huvudärendets diarienummer ("SCN-2020-00459" eller "SN 23/0007")."""
    sammantrade: Sammantrade | None = None
    """Sammanträdet där ärendena behandlas, om handlingarna trycker det."""
    ovriga_arenden: tuple[Arende, ...] = ()
    """Fler ärenden till samma sammanträde, i ordning efter huvudärendet."""
    _kalla: Indatakalla | None = attrs.field(default=None, init=False, eq=False, hash=False, repr=False)
    # Set by the loader after the object is built (attach_kalla): not an argument, not part
    # of equality, and lost by attrs.evolve (an evolved report is no longer the file).

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

    @property
    def dagordning(self) -> tuple[Dagordningsgrupp, ...]:
        """The meeting's agenda: the one the input gives, or one derived from the ärenden.

        A derived agenda has a point per ärende in order, linked to it, grouped as
        "Beslutsärenden" (a tjänsteskrivelse with proposed decisions) and
        "Informationsärenden" (one without), a new group wherever the kind changes.
        """
        if self.sammantrade is not None and self.sammantrade.dagordning:
            return self.sammantrade.dagordning
        grupper: list[tuple[str, list[Dagordningspunkt]]] = []
        for nummer, arende in enumerate(self.arenden, start=1):
            rubrik = (
                "Beslutsärenden" if arende.tjansteskrivelse.forslag_till_beslut else "Informationsärenden"
            )
            if not grupper or grupper[-1][0] != rubrik:
                grupper.append((rubrik, []))
            grupper[-1][1].append(Dagordningspunkt(arende=nummer))
        return tuple(Dagordningsgrupp(punkter=tuple(p), rubrik=r) for r, p in grupper)


def attach_kalla(rapport: Delarsrapport, kalla: Indatakalla) -> None:
    """Record where the loader read *rapport* from (the one write to the frozen object)."""
    object.__setattr__(rapport, "_kalla", kalla)


def get_kalla(rapport: Delarsrapport) -> Indatakalla | None:
    """Where *rapport* was read from, or None for a report built in Python (or evolved)."""
    return rapport._kalla
