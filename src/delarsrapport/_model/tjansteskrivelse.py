"""The tjänsteskrivelse: the förvaltning's memo that turns the bilagor into a decision matter."""

from __future__ import annotations

from datetime import date
from typing import Final, Literal, TypeAlias

import attrs

from delarsrapport._model.organisation import Person, Undertecknare
from delarsrapport._model.text import Text, check_text_fields, ej_tom

__all__ = [
    "BELOPPSREFERENSER",
    "Beloppsreferens",
    "Beslutssats",
    "Delavsnitt",
    "RapporteradTjansteskrivelse",
    "Tjansteskrivelse",
    "presens",
]

Beloppsreferens: TypeAlias = Literal["periodens_resultat", "helarsprognos"]
"""An amount a beslutssats may carry, always derived from the ekonomi bilaga."""
BELOPPSREFERENSER: Final = ("periodens_resultat", "helarsprognos")

# Present tense of the verbs decisions use; Swedish conjugation is not rule-based, so an
# unknown verb must come with its present form (Beslutssats.presens).
_PRESENS: Final[dict[str, str]] = {
    "anta": "antar",
    "avslå": "avslår",
    "avstyrka": "avstyrker",
    "besluta": "beslutar",
    "besvara": "besvarar",
    "bevilja": "beviljar",
    "delegera": "delegerar",
    "fastställa": "fastställer",
    "föreslå": "föreslår",
    "ge": "ger",
    "godkänna": "godkänner",
    "hemställa": "hemställer",
    "lägga": "lägger",
    "notera": "noterar",
    "skicka": "skickar",
    "tillstyrka": "tillstyrker",
    "uppdra": "uppdrar",
    "utse": "utser",
    "välja": "väljer",
    "yttra": "yttrar",
    "återremittera": "återremitterar",
    "översända": "översänder",
    "överlämna": "överlämnar",
}


def presens(verb: str) -> str | None:
    """The present tense of a decision verb (``godkänna`` → ``godkänner``), if known."""
    return _PRESENS.get(verb)


@attrs.frozen(field_transformer=check_text_fields)
class Beslutssats:
    """One proposed decision, stored so that every layout can phrase it correctly.

    Uppsala writes "att {fore_verb} {verb} {objekt}" (``att godkänna …``,
    ``att till kommunstyrelsen överlämna …``); Upplands-Bro writes a full sentence with
    the nämnd as subject, "{Nämnd} {presens} {fore_verb} {objekt}." A sats may end with an
    amount derived from the ekonomi bilaga (*belopp*, printed "om 2,3 mnkr") and a
    reference to a bilaga by its number (*bilaga*, printed "enligt ärendets bilaga 2").
    """

    verb: str
    objekt: str
    fore_verb: str | None = None
    presens: str | None = None
    bilaga: int | None = None
    belopp: Beloppsreferens | None = None

    @property
    def verb_presens(self) -> str:
        """The verb in the present tense (``godkänner``)."""
        form = self.presens or presens(self.verb)
        if form is None:
            raise ValueError(f"verbet {self.verb!r} finns inte i listan över beslutsverb; ange presens")
        return form


@attrs.frozen(field_transformer=check_text_fields)
class Delavsnitt:
    """A titled sub-section of free text (the three parts of 2024's Föredragning)."""

    rubrik: str
    text: Text


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradTjansteskrivelse:
    """What a transcribed memo printed where the model derives the value (checks only)."""

    sjalvreferens_datum: date | None = None
    """The date in "Tjänsteskrivelse, daterad den …" (should equal the memo's date)."""
    beslutsunderlag: tuple[str, ...] = ()
    """The Beslutsunderlag lines as printed."""
    ovrig_text: tuple[str, ...] = ()
    """Text the source printed outside the model's fields (leftover template text, filler)."""
    tomma_falt: tuple[str, ...] = ()
    """Labels printed with no value ("Version:")."""


@attrs.frozen(field_transformer=check_text_fields)
class Tjansteskrivelse:
    """The memo from the förvaltning to the nämnd proposing the decision.

    Its Beslutsunderlag is derived: the memo itself (with its date) and every bilaga from
    the registry, so numbers and titles can never disagree with the bilagor.
    """

    rubrik: str = attrs.field(validator=ej_tom)
    datum: date
    handlaggare: tuple[Person, ...]
    forslag_till_beslut: tuple[Beslutssats, ...]
    undertecknare: tuple[Undertecknare, ...]
    sammanfattning: Text = ()
    arendet: Text = ()
    beredning: Text = ()
    foredragning: tuple[Delavsnitt, ...] = ()
    barnperspektiv: Text = ()
    ekonomiska_konsekvenser: Text = ()
    beslutsunderlag_ovrigt: tuple[str, ...] = ()
    """Documents in the Beslutsunderlag besides the memo and its bilagor."""
    beslut_sands_till: tuple[str, ...] = ()
    version: str | None = None
    namndbehandlas: date | None = None
    rapporterat: RapporteradTjansteskrivelse | None = None
