"""The standard words and sentences the shipped layouts print for the model's vocabularies.

A layout's settings may replace every one of them; the consistency check uses the
built-in sentences to recognise a printed sentence that belongs to another value.
"""

from __future__ import annotations

from typing import Final

from delarsrapport._model.status import Bedomning, Malniva, Status

__all__ = ["BEDOMNINGSMENINGAR", "BEDOMNINGSORD", "STATUSORD", "bedomning_for_mening"]

STATUSORD: Final[dict[Status, str]] = {
    Status.EJ_PABORJAD: "ej påbörjad",
    Status.ENLIGT_PLAN: "påbörjad enligt plan",
    Status.FORSENAD: "försenad",
    Status.VANTAR: "väntar",
    Status.KLAR: "färdig",
    Status.GENOMFORS_INTE: "genomförs inte",
    Status.SAMMANSLAGEN: "ingår i likalydande uppdrag",
}
"""A status in words, as the check's messages write it mid-sentence ("status försenad")."""

BEDOMNINGSORD: Final[dict[Bedomning, str]] = {
    Bedomning.HELT_UPPFYLLT: "Helt uppfyllt",
    Bedomning.I_HOG_GRAD_UPPFYLLT: "I hög grad uppfyllt",
    Bedomning.DELVIS_UPPFYLLT: "Delvis uppfyllt",
    Bedomning.EJ_UPPFYLLT: "Ej uppfyllt",
}
"""An assessment in words, as the check's messages write it ("Delvis uppfyllt")."""

BEDOMNINGSMENINGAR: Final[dict[Malniva, dict[Bedomning, str]]] = {
    Malniva.INRIKTNINGSMAL: {
        Bedomning.HELT_UPPFYLLT: "Nämnden bidrar i hög grad till inriktningsmålet och har uppnått "
        "det den planerat (eller mer).",
        Bedomning.I_HOG_GRAD_UPPFYLLT: "Nämndens verksamhet tycks till övervägande del leda till de "
        "resultat den vill se inom målet.",
        Bedomning.DELVIS_UPPFYLLT: "Nämnden har enbart uppnått delar av det den planerat för att bidra "
        "till inriktningsmålet.",
        Bedomning.EJ_UPPFYLLT: "Nämnden har inte uppnått det den planerat för att bidra till "
        "inriktningsmålet.",
    },
    Malniva.FOKUSMAL: {
        Bedomning.HELT_UPPFYLLT: "Nämndens verksamhet bedöms leda till de resultat den vill se inom målet.",
        Bedomning.I_HOG_GRAD_UPPFYLLT: "Nämndens verksamhet bedöms till övervägande del leda till de "
        "resultat den vill se inom målet.",
        Bedomning.DELVIS_UPPFYLLT: "Nämndens verksamhet bedöms delvis leda till de resultat den vill "
        "se inom målet.",
        Bedomning.EJ_UPPFYLLT: "Nämndens verksamhet bedöms inte leda till de resultat den vill se "
        "inom målet.",
    },
    Malniva.OVERGRIPANDE_MAL: {
        Bedomning.HELT_UPPFYLLT: "Målet bedöms vara uppfyllt.",
        Bedomning.I_HOG_GRAD_UPPFYLLT: "Målet bedöms vara i hög grad uppfyllt.",
        Bedomning.DELVIS_UPPFYLLT: "Målet bedöms vara delvis uppfyllt.",
        Bedomning.EJ_UPPFYLLT: "Målet bedöms inte vara uppfyllt.",
    },
}
"""The standard assessment sentence per goal level and value."""


def _norm(text: str) -> str:
    return " ".join(text.split()).rstrip(".").casefold()


def bedomning_for_mening(mening: str) -> set[Bedomning]:
    """The values whose standard sentence (in any built-in scale) is *mening*."""
    wanted = _norm(mening)
    return {
        value
        for sentences in BEDOMNINGSMENINGAR.values()
        for value, sentence in sentences.items()
        if _norm(sentence) == wanted
    }
