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
    """En beslutssats i förslaget till beslut, lagrad så att varje layout kan formulera den rätt.

    Uppsala skriver "att {fore_verb} {verb} {objekt}" (``att godkänna …``, ``att till
    kommunstyrelsen överlämna …``); Upplands-Bro skriver en hel mening med nämnden som
    subjekt, "{Nämnd} {presens} {fore_verb} {objekt}." En sats kan sluta med ett belopp
    som räknas fram ur den ekonomiska bilagan (*belopp*, tryckt "om 2,3 mnkr") och en
    hänvisning till en bilaga med dess nummer (*bilaga*, tryckt "enligt ärendets bilaga 2").
    """

    verb: str
    """Verbet i infinitiv ("godkänna", "överlämna")."""
    objekt: str
    """Det som beslutas om, efter verbet ("ekonomiskt delårsbokslut per augusti 2020")."""
    fore_verb: str | None = None
    """Ord som står före verbet i Uppsalas form ("till kommunstyrelsen" i "att till
    kommunstyrelsen överlämna …")."""
    presens: str | None = None
    """Verbet i presens ("godkänner"), om det inte finns i listan över beslutsverb."""
    bilaga: int | None = None
    """Numret på bilagan som satsen hänvisar till; trycks "enligt ärendets bilaga N"."""
    belopp: Beloppsreferens | None = None
    """Ett belopp ur den ekonomiska bilagan som satsen slutar med ("om 2,3 mnkr"):
    periodens resultat eller helårsprognosen."""

    @property
    def verb_presens(self) -> str:
        """The verb in the present tense (``godkänner``)."""
        form = self.presens or presens(self.verb)
        if form is None:
            raise ValueError(f"verbet {self.verb!r} finns inte i listan över beslutsverb; ange presens")
        return form


@attrs.frozen(field_transformer=check_text_fields)
class Delavsnitt:
    """Ett avsnitt med egen rubrik och löptext (de tre delarna av Föredragning 2024)."""

    rubrik: str
    """Avsnittets rubrik."""
    text: Text
    """Avsnittets löptext."""


@attrs.frozen(field_transformer=check_text_fields)
class RapporteradTjansteskrivelse:
    """Det en avskriven tjänsteskrivelse tryckte där modellen räknar fram värdet (bara för kontrollen)."""

    sjalvreferens_datum: date | None = None
    """Datumet i "Tjänsteskrivelse, daterad den …" (ska vara tjänsteskrivelsens datum)."""
    beslutsunderlag: tuple[str, ...] = ()
    """Beslutsunderlagets rader som de trycktes."""
    ovrig_text: tuple[str, ...] = ()
    """Text som källan tryckte utanför modellens fält (kvarglömd malltext, utfyllnad)."""
    tomma_falt: tuple[str, ...] = ()
    """Etiketter som trycktes utan värde ("Version:")."""


@attrs.frozen(field_transformer=check_text_fields)
class Tjansteskrivelse:
    """Förvaltningens tjänsteskrivelse till nämnden med förslaget till beslut.

    Beslutsunderlaget räknas fram: tjänsteskrivelsen själv (med sitt datum) och varje
    bilaga ur registret, så att nummer och titlar aldrig kan skilja sig från bilagornas.
    """

    rubrik: str = attrs.field(validator=ej_tom)
    """Ärendets rubrik ("Delårsbokslut per augusti samt helårsprognos 2020")."""
    datum: date
    """Tjänsteskrivelsens datum."""
    handlaggare: tuple[Person, ...]
    """Handläggarna, i den ordning de trycks (kan vara tom)."""
    forslag_till_beslut: tuple[Beslutssats, ...]
    """Beslutssatserna i ordning; layouten numrerar och binder ihop dem."""
    undertecknare: tuple[Undertecknare, ...]
    """De som undertecknar, i ordning."""
    sammanfattning: Text = ()
    """Avsnittet Sammanfattning."""
    arendet: Text = ()
    """Avsnittet Ärendet."""
    beredning: Text = ()
    """Avsnittet Beredning."""
    foredragning: tuple[Delavsnitt, ...] = ()
    """Avsnittet Föredragning, i delavsnitt med egna rubriker."""
    barnperspektiv: Text = ()
    """Avsnittet om barnperspektivet (layouten väljer rubriken: "Barnkonsekvensanalys" eller
    "Barnperspektiv")."""
    ekonomiska_konsekvenser: Text = ()
    """Avsnittet Ekonomiska konsekvenser ("Ej aktuellt i ärendet")."""
    beslutsunderlag_ovrigt: tuple[str, ...] = ()
    """Handlingar i beslutsunderlaget utöver tjänsteskrivelsen och dess bilagor."""
    beslut_sands_till: tuple[str, ...] = ()
    """Mottagarna under "Beslutet sänds till"."""
    version: str | None = None
    """Tjänsteskrivelsens version ("1.0"); utan den trycks ingen versionsrad."""
    namndbehandlas: date | None = None
    """Datumet då nämnden behandlar ärendet ("Nämndbehandlas: 2024-09-25")."""
    rapporterat: RapporteradTjansteskrivelse | None = None
    """Det källan tryckte där modellen räknar fram värdet; bara för kontrollen."""
