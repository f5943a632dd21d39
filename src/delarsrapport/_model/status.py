"""The normalised vocabularies of the model.

The model stores only these values; the words, sentences and colours a municipality
prints for them ("Påbörjad", "Blått", "I hög grad uppfyllt") belong to the layout.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "Bedomning",
    "Indikatorenhet",
    "Kontrollresultat",
    "Malniva",
    "Rapporteringstyp",
    "Status",
    "Trend",
    "Volymtyp",
]


class Status(StrEnum):
    """Where an uppdrag, nämndmål or åtgärd stands."""

    EJ_PABORJAD = "ej_paborjad"
    """Not started."""
    ENLIGT_PLAN = "enligt_plan"
    """Started and running according to plan ("Påbörjad", Grönt)."""
    FORSENAD = "forsenad"
    """Started but delayed or not according to plan (Gult)."""
    VANTAR = "vantar"
    """Waiting for something outside the nämnd ("Väntar")."""
    KLAR = "klar"
    """Done ("Färdig", Blått)."""
    GENOMFORS_INTE = "genomfors_inte"
    """Will not be carried out (Rött)."""
    SAMMANSLAGEN = "sammanslagen"
    """Merged into a similar uppdrag ("ingår i ett likalydande uppdrag")."""


class Bedomning(StrEnum):
    """The assessment of a goal, nämndmål or uppdrag."""

    HELT_UPPFYLLT = "helt_uppfyllt"
    I_HOG_GRAD_UPPFYLLT = "i_hog_grad_uppfyllt"
    DELVIS_UPPFYLLT = "delvis_uppfyllt"
    EJ_UPPFYLLT = "ej_uppfyllt"


class Kontrollresultat(StrEnum):
    """The result of a kontrollmoment ("Utan anmärkning" / "Ingen avvikelse", ...)."""

    UTAN_ANMARKNING = "utan_anmarkning"
    MINDRE_ANMARKNING = "mindre_anmarkning"
    STORRE_ANMARKNING = "storre_anmarkning"


class Trend(StrEnum):
    """The direction of an indicator between its last two outcomes (direction only)."""

    UPP = "upp"
    NED = "ned"
    OFORANDRAD = "oforandrad"


class Indikatorenhet(StrEnum):
    """What an indicator counts: a share (stored as a fraction) or a number."""

    ANDEL = "andel"
    ANTAL = "antal"


class Malniva(StrEnum):
    """What kommunfullmäktige's goal level is called in the plan being followed up."""

    INRIKTNINGSMAL = "inriktningsmal"
    FOKUSMAL = "fokusmal"
    OVERGRIPANDE_MAL = "overgripande_mal"


class Rapporteringstyp(StrEnum):
    """Reporting outside the plan (Uppsala 2024: "Tillkommande uppdrag samt särskild rapportering")."""

    KS_BESLUT = "ks_beslut"
    TILLKOMMANDE_UPPDRAG = "tillkommande_uppdrag"
    SARSKILD_RAPPORTERING = "sarskild_rapportering"


class Volymtyp(StrEnum):
    """The volume a nyckeltal divides by; a layout chooses decimals per kind."""

    VARDDYGN = "varddygn"
    VARDTAGARE = "vardtagare"
