"""The cover of the combined handling (``handlingar`` in ``handlingar.docx``): the meeting and its agenda.

A layout may have a template ``handlingar.docx``; the combined handling then starts with
it: "Handlingar till Socialnämndens sammanträde den 23 februari 2023", the agenda group
by group, and which of its points have their documents in the handling.
"""

from __future__ import annotations

from datetime import date

import attrs

from delarsrapport._context.gemensam import Builder, DokumentVy
from delarsrapport._errors import RenderError
from delarsrapport._model.dagordning import punktnummer
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport.formatting import format_datum

__all__ = [
    "DagordningsgruppVy",
    "DagordningspunktVy",
    "HandlingarVy",
    "build_handlingar",
    "dokument_handlingar",
    "handlingens_titel",
]


def _genitiv(namn: str) -> str:
    return namn if namn.endswith(("s", "x", "z")) else f"{namn}s"


def handlingens_titel(rapport: Delarsrapport) -> str:
    """The title of the combined handling: the meeting's, when the report names one."""
    namnd = rapport.namnd.namn
    if rapport.sammantrade is None:
        return f"Handlingar: {namnd}, {rapport.tjansteskrivelse.rubrik}"
    return (
        f"Handlingar till {_genitiv(namnd)} sammanträde den {format_datum(rapport.sammantrade.datum, 'lang')}"
    )


@attrs.frozen(kw_only=True)
class DagordningspunktVy:
    """En punkt på dagordningen."""

    nummer: int
    """Punktens nummer på dagordningen: 1, 2, 3 … (som indata anger det, eller räknat)."""
    titel: str
    """Punktens titel: "Verksamhetsberättelse år 2022 - Socialnämnden"."""
    i_handlingen: bool
    """Om punktens handlingar (tjänsteskrivelse och bilagor) finns i den här samlade handlingen."""
    arende: int | None
    """Ärendets nummer i handlingen (1 för huvudärendet) för en punkt i handlingen, annars inget."""
    diarienummer: str
    """Ärendets diarienummer ("SN 23/0007") för en punkt i handlingen som har ett, annars tomt."""


@attrs.frozen(kw_only=True)
class DagordningsgruppVy:
    """En grupp punkter på dagordningen under en egen rubrik."""

    rubrik: str
    """Gruppens rubrik: "Beslutsärenden", "Informationsärenden"; tomt för en grupp utan rubrik."""
    punkter: tuple[DagordningspunktVy, ...]
    """Gruppens punkter i ordning."""


@attrs.frozen(kw_only=True)
class HandlingarVy:
    """Försättsbladet i den samlade handlingen: sammanträdet och dess dagordning."""

    titel: str
    """Handlingens titel på en rad: "Handlingar till Socialnämndens sammanträde den 23 februari
    2023" (utan sammanträde: "Handlingar: Socialnämnden, " och huvudärendets rubrik)."""
    sammantrade: str
    """Sammanträdet med nämndens namn: "Socialnämndens sammanträde"; tomt när rapporten inte
    anger något sammanträde."""
    datum: date | None
    """Sammanträdets datum, eller inget när rapporten inte anger något sammanträde."""
    plats: str
    """Var sammanträdet hålls, eller tomt."""
    grupper: tuple[DagordningsgruppVy, ...]
    """Dagordningen grupp för grupp; utan dagordning i indata en punkt per ärende i rapporten."""


def dokument_handlingar(b: Builder) -> DokumentVy:
    """The cover as a document (``dokument`` in its template): the handling's title and the
    meeting's date (the main tjänsteskrivelse's without a meeting)."""
    rapport = b.rapport
    datum = rapport.sammantrade.datum if rapport.sammantrade else rapport.tjansteskrivelse.datum
    titel = handlingens_titel(rapport)
    return DokumentVy(
        slag="handlingar",
        titel=titel,
        undertitel="",
        hela_titeln=titel,
        beslutsfattare="",
        dokumentansvarig="",
        datum=datum,
        diarienummer="",
        handlaggare="",
        handlaggare_lista=(),
        bilaga_nummer=None,
        bilaga_etikett="",
        version=None,
        namndbehandlas=rapport.sammantrade.datum if rapport.sammantrade else None,
    )


def build_handlingar(b: Builder) -> HandlingarVy:
    """The cover of *b*'s report: the meeting and its agenda, given or derived."""
    rapport = b.rapport
    arenden = rapport.arenden
    grupper = rapport.dagordning
    vyer: list[DagordningsgruppVy] = []
    for g, (grupp, nummer) in enumerate(zip(grupper, punktnummer(grupper), strict=True)):
        punkter: list[DagordningspunktVy] = []
        for p, (punkt, n) in enumerate(zip(grupp.punkter, nummer, strict=True)):
            if punkt.arende is not None and punkt.arende > len(arenden):
                raise RenderError(
                    f"punkten sammantrade.dagordning[{g}].punkter[{p}] hänvisar till ärende "
                    f"{punkt.arende}, men rapporten har {len(arenden)}; rätta numret eller skriv "
                    "punktens titel (kontrollen säger DAGORDNING-ARENDE-OKANT)"
                )
            arende = arenden[punkt.arende - 1] if punkt.arende is not None else None
            titel = punkt.titel or (arende.tjansteskrivelse.rubrik if arende is not None else "")
            punkter.append(
                DagordningspunktVy(
                    nummer=n,
                    titel=titel,
                    i_handlingen=arende is not None,
                    arende=punkt.arende,
                    diarienummer=arende.diarienummer.text if arende and arende.diarienummer else "",
                )
            )
        vyer.append(DagordningsgruppVy(rubrik=grupp.rubrik or "", punkter=tuple(punkter)))
    s = rapport.sammantrade
    return HandlingarVy(
        titel=handlingens_titel(rapport),
        sammantrade=f"{_genitiv(rapport.namnd.namn)} sammanträde" if s else "",
        datum=s.datum if s else None,
        plats=(s.plats or "") if s else "",
        grupper=tuple(vyer),
    )
