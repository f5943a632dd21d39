"""Internkontroll: the follow-up of the nämnd's internkontrollplan, and its risk assessment."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import ClassVar

import attrs

from delarsrapport._model.status import Kontrollresultat, Status
from delarsrapport._model.text import Text, check_text_fields

__all__ = [
    "Internkontroll",
    "Kontrollmoment",
    "Kontrollprocess",
    "ProcessAtgard",
    "ProcessKontroll",
    "Risk",
    "Riskniva",
]


def _skala(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 1 <= value <= 4:
        raise ValueError(f"{attribute.name} måste vara 1–4, inte {value}")


@attrs.frozen(field_transformer=check_text_fields)
class Kontrollmoment:
    """One row of Uppsala's internkontroll table."""

    kontrollomrade: str
    riskbeskrivning: str
    kontrollmoment: str
    kontrollmetod: str
    """"Kontrollmetod och minsta volym" ("Stickprov av 15 underlag/registreringar")."""
    resultat: Kontrollresultat | None = None
    kommentar: Text = ()
    minsta_volym: int | None = None
    """The minimum sample the method asks for, when it is a number."""
    kontrollerat_antal: int | None = None
    """How many were actually checked, when the comment says so."""


@attrs.frozen(field_transformer=check_text_fields)
class ProcessKontroll:
    """A kontrollmoment under a process (Upplands-Bro), with its result."""

    text: str
    resultat: Kontrollresultat | None = None
    kommentar: Text = ()


@attrs.frozen(field_transformer=check_text_fields)
class ProcessAtgard:
    """A measure under a process, with an end date; its status follows from the dates."""

    text: str
    slutdatum: date
    avslutad: bool = False
    kommentar: Text = ()

    def status(self, per: date) -> Status:
        """Done, on track, or delayed as of the date *per* (the report's date)."""
        if self.avslutad:
            return Status.KLAR
        return Status.FORSENAD if self.slutdatum < per else Status.ENLIGT_PLAN


@attrs.frozen(field_transformer=check_text_fields)
class Kontrollprocess:
    """A process with its risks, kontrollmoment and åtgärder (Upplands-Bro)."""

    kategori: str
    process: str
    risker: str
    fortydligande: Text = ()
    kontrollmoment: tuple[ProcessKontroll, ...] = ()
    atgarder: tuple[ProcessAtgard, ...] = ()


@attrs.frozen(field_transformer=check_text_fields)
class Riskniva:
    """A named risk level that starts at risk value *fran* ("Kritisk" from 12)."""

    namn: str
    fran: int


@attrs.frozen(field_transformer=check_text_fields)
class Risk:
    """A risk in the nämndplan's risk analysis; its value is sannolikhet × konsekvens."""

    nummer: int
    kategori: str
    process: str
    risk: str
    sannolikhet: int = attrs.field(validator=_skala)
    konsekvens: int = attrs.field(validator=_skala)
    beskrivning: str | None = None

    @property
    def riskvarde(self) -> int:
        """Sannolikhet × konsekvens."""
        return self.sannolikhet * self.konsekvens


@attrs.frozen(field_transformer=check_text_fields)
class Internkontroll:
    """The internkontroll follow-up: Uppsala's kontrollmoment table and/or Upplands-Bro's
    processes, and the risk analysis of a plan."""

    kind: ClassVar[str] = "internkontroll"

    inledning: Text = ()
    moment: tuple[Kontrollmoment, ...] = ()
    processer: tuple[Kontrollprocess, ...] = ()
    risker: tuple[Risk, ...] = ()
    risknivaer: tuple[Riskniva, ...] = ()
    """The thresholds that name risk levels, highest first (configuration, not code)."""

    def antal_per_resultat(self) -> dict[Kontrollresultat, int]:
        """How many kontrollmoment (both kinds) have each result (F25)."""
        counts: Counter[Kontrollresultat] = Counter()
        for m in self.moment:
            if m.resultat is not None:
                counts[m.resultat] += 1
        for p in self.processer:
            for k in p.kontrollmoment:
                if k.resultat is not None:
                    counts[k.resultat] += 1
        return {r: counts[r] for r in Kontrollresultat}

    def riskniva(self, risk: Risk) -> str | None:
        """The name of the level *risk* falls in, from :attr:`risknivaer`."""
        for niva in sorted(self.risknivaer, key=lambda n: n.fran, reverse=True):
            if risk.riskvarde >= niva.fran:
                return niva.namn
        return None
