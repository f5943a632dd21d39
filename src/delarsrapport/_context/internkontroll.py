"""The internkontroll's views (``internkontroll`` in ``internkontroll.docx``) and how they are
built: Uppsala's control points, Upplands-Bro's processes and the risk analysis."""

from __future__ import annotations

from datetime import date

import attrs

from delarsrapport._context import prose
from delarsrapport._context.gemensam import Builder, Lopande, StatusVy
from delarsrapport._model.internkontroll import Internkontroll, Kontrollprocess
from delarsrapport.formatting import format_period

__all__ = [
    "InternkontrollVy",
    "KontrollmomentVy",
    "KontrollprocessVy",
    "ProcessatgardVy",
    "ProcesskontrollVy",
    "RiskVy",
    "build_internkontroll",
]


@attrs.frozen(kw_only=True)
class KontrollmomentVy:
    """Ett kontrollmoment i Uppsalas tabell."""

    kontrollomrade: str
    """Kontrollområde."""
    riskbeskrivning: str
    """Riskbeskrivning."""
    kontrollmoment: str
    """Kontrollmomentet."""
    kontrollmetod: str
    """Kontrollmetod och minsta volym."""
    resultat: StatusVy | None
    """Resultatet ("Utan anmärkning"), eller inget."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen(kw_only=True)
class ProcesskontrollVy:
    """Ett kontrollmoment under en process."""

    text: str
    """Kontrollmomentet."""
    resultat: StatusVy | None
    """Resultatet ("Ingen avvikelse"), eller inget."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen(kw_only=True)
class ProcessatgardVy:
    """En åtgärd under en process."""

    text: str
    """Åtgärden."""
    status: StatusVy
    """Status räknad ur slutdatum och rapportens datum."""
    slutdatum: date
    """Slutdatum."""
    kommentar: Lopande
    """Kommentar."""


@attrs.frozen(kw_only=True)
class KontrollprocessVy:
    """En process med risker, kontrollmoment och åtgärder."""

    kategori: str
    """Kategori: "Efterlevnad av tillämpliga lagar och regler"."""
    process: str
    """Processen."""
    risker: str
    """Riskerna."""
    fortydligande: Lopande
    """Förtydligande av processen."""
    kontrollmoment: tuple[ProcesskontrollVy, ...]
    """Kontrollmomenten."""
    atgarder: tuple[ProcessatgardVy, ...]
    """Åtgärderna."""


@attrs.frozen(kw_only=True)
class RiskVy:
    """En risk i riskanalysen."""

    nummer: int
    """Riskens nummer."""
    kategori: str
    """Kategori."""
    process: str
    """Process."""
    risk: str
    """Risken."""
    beskrivning: str
    """Beskrivning, eller tomt."""
    sannolikhet: int
    """Sannolikhet 1–4."""
    konsekvens: int
    """Konsekvens 1–4."""
    riskvarde: int
    """Sannolikhet × konsekvens."""
    niva: str
    """Risknivån ("Kritisk"), eller tomt."""


@attrs.frozen(kw_only=True)
class InternkontrollVy:
    """Uppföljningen av internkontrollplanen."""

    inledning: Lopande
    """Inledande text."""
    moment: tuple[KontrollmomentVy, ...]
    """Kontrollmomenten (Uppsala)."""
    processer: tuple[KontrollprocessVy, ...]
    """Processerna (Upplands-Bro)."""
    processer_med_kontrollmoment: tuple[KontrollprocessVy, ...]
    """Processerna som har kontrollmoment."""
    processer_med_atgarder: tuple[KontrollprocessVy, ...]
    """Processerna som har åtgärder."""
    risker: tuple[RiskVy, ...]
    """Riskanalysens risker."""
    risksammanfattning: str
    """"2 Kritisk 1 Medium", eller tomt."""
    sammanfattning: str
    """"Uppföljningen av internkontrollen per augusti 2024 omfattar nio kontrollmoment. Åtta av dessa …"."""


def build_internkontroll(b: Builder, ik: Internkontroll, per: date) -> InternkontrollVy:
    """The internkontroll *ik*; an åtgärd's status is as of *per*, the document's date."""
    processer = tuple(_process(b, p, per) for p in ik.processer)
    nivaer = [ik.riskniva(r) for r in ik.risker]
    return InternkontrollVy(
        inledning=b.text(ik.inledning),
        moment=tuple(
            KontrollmomentVy(
                kontrollomrade=m.kontrollomrade,
                riskbeskrivning=m.riskbeskrivning,
                kontrollmoment=m.kontrollmoment,
                kontrollmetod=m.kontrollmetod,
                resultat=b.resultat(m.resultat),
                kommentar=b.text(m.kommentar),
            )
            for m in ik.moment
        ),
        processer=processer,
        processer_med_kontrollmoment=tuple(p for p in processer if p.kontrollmoment),
        processer_med_atgarder=tuple(p for p in processer if p.atgarder),
        risker=tuple(
            RiskVy(
                nummer=r.nummer,
                kategori=r.kategori,
                process=r.process,
                risk=r.risk,
                beskrivning=r.beskrivning or "",
                sannolikhet=r.sannolikhet,
                konsekvens=r.konsekvens,
                riskvarde=r.riskvarde,
                niva=niva or "",
            )
            for r, niva in zip(ik.risker, nivaer, strict=True)
        ),
        risksammanfattning=prose.risksammanfattning(
            nivaer, [n.namn for n in sorted(ik.risknivaer, key=lambda n: n.fran, reverse=True)]
        ),
        sammanfattning=prose.internkontroll_mening(
            ik.antal_per_resultat(),
            period=format_period(b.period, "per"),
            avvikelseord=b.inst.avvikelseord,
        ),
    )


def _process(b: Builder, p: Kontrollprocess, per: date) -> KontrollprocessVy:
    return KontrollprocessVy(
        kategori=p.kategori,
        process=p.process,
        risker=p.risker,
        fortydligande=b.text(p.fortydligande),
        kontrollmoment=tuple(
            ProcesskontrollVy(text=k.text, resultat=b.resultat(k.resultat), kommentar=b.text(k.kommentar))
            for k in p.kontrollmoment
        ),
        atgarder=tuple(
            ProcessatgardVy(
                text=a.text,
                status=b.status(a.status(per)) or StatusVy(varde="", ord="", mening="", farg="auto"),
                slutdatum=a.slutdatum,
                kommentar=b.text(a.kommentar),
            )
            for a in p.atgarder
        ),
    )
