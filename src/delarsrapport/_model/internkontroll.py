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
    """En rad i Uppsalas tabell över internkontrollen."""

    kontrollomrade: str
    """Kontrollområdet ("Finansiell kontroll")."""
    riskbeskrivning: str
    """Risken som kontrollen gäller."""
    kontrollmoment: str
    """Vad som kontrolleras."""
    kontrollmetod: str
    """"Kontrollmetod och minsta volym" ("Stickprov av 15 underlag/registreringar")."""
    resultat: Kontrollresultat | None = None
    """Kontrollens resultat."""
    kommentar: Text = ()
    """Kommentaren till resultatet."""
    minsta_volym: int | None = None
    """Det minsta stickprov som metoden kräver, när det är ett tal."""
    kontrollerat_antal: int | None = None
    """Hur många som faktiskt kontrollerades, när kommentaren säger det."""


@attrs.frozen(field_transformer=check_text_fields)
class ProcessKontroll:
    """Ett kontrollmoment under en process (Upplands-Bro), med sitt resultat."""

    text: str
    """Vad som kontrolleras."""
    resultat: Kontrollresultat | None = None
    """Kontrollens resultat."""
    kommentar: Text = ()
    """Kommentaren till resultatet."""


@attrs.frozen(field_transformer=check_text_fields)
class ProcessAtgard:
    """En åtgärd under en process, med slutdatum; statusen följer av datumen."""

    text: str
    """Åtgärden."""
    slutdatum: date
    """När åtgärden ska vara klar; efter det datumet är en åtgärd som inte är avslutad försenad."""
    avslutad: bool = False
    """Åtgärden är avslutad."""
    kommentar: Text = ()
    """Kommentaren."""

    def status(self, per: date) -> Status:
        """Done, on track, or delayed as of the date *per* (the report's date)."""
        if self.avslutad:
            return Status.KLAR
        return Status.FORSENAD if self.slutdatum < per else Status.ENLIGT_PLAN


@attrs.frozen(field_transformer=check_text_fields)
class Kontrollprocess:
    """En process med sina risker, kontrollmoment och åtgärder (Upplands-Bro)."""

    kategori: str
    """Kategorin ("Efterlevnad av tillämpliga lagar och regler")."""
    process: str
    """Processen ("Avtalstrohet")."""
    risker: str
    """Riskerna i processen."""
    fortydligande: Text = ()
    """Ett förtydligande av processen."""
    kontrollmoment: tuple[ProcessKontroll, ...] = ()
    """Kontrollmomenten under processen."""
    atgarder: tuple[ProcessAtgard, ...] = ()
    """Åtgärderna under processen."""


@attrs.frozen(field_transformer=check_text_fields)
class Riskniva:
    """En namngiven risknivå som börjar vid riskvärdet *fran* ("Kritisk" från 12)."""

    namn: str
    """Nivåns namn ("Kritisk", "Medium", "Låg")."""
    fran: int
    """Det lägsta riskvärdet (sannolikhet × konsekvens) som hör till nivån."""


@attrs.frozen(field_transformer=check_text_fields)
class Risk:
    """En risk i nämndplanens riskanalys; riskvärdet sannolikhet × konsekvens räknas fram."""

    nummer: int
    """Riskens nummer."""
    kategori: str
    """Kategorin."""
    process: str
    """Processen risken hör till."""
    risk: str
    """Risken."""
    sannolikhet: int = attrs.field(validator=_skala)
    """Sannolikheten, 1 (osannolik) till 4 (sannolik)."""
    konsekvens: int = attrs.field(validator=_skala)
    """Konsekvensen, 1 (försumbar) till 4 (allvarlig)."""
    beskrivning: str | None = None
    """En beskrivning av risken."""

    @property
    def riskvarde(self) -> int:
        """Sannolikhet × konsekvens."""
        return self.sannolikhet * self.konsekvens


@attrs.frozen(field_transformer=check_text_fields)
class Internkontroll:
    """Uppföljningen av internkontrollen (en dokumentdel ``internkontroll``): Uppsalas tabell
    över kontrollmoment och/eller Upplands-Brös processer, och en plans riskanalys."""

    kind: ClassVar[str] = "internkontroll"

    inledning: Text = ()
    """Inledningen."""
    moment: tuple[Kontrollmoment, ...] = ()
    """Kontrollmomenten (Uppsala)."""
    processer: tuple[Kontrollprocess, ...] = ()
    """Processerna (Upplands-Bro)."""
    risker: tuple[Risk, ...] = ()
    """Riskerna i riskanalysen."""
    risknivaer: tuple[Riskniva, ...] = ()
    """Gränserna som namnger risknivåerna, den högsta först."""

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
