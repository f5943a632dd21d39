"""Organisation, people and case identity: kommun, nämnd, förvaltning, persons, diarienummer."""

from __future__ import annotations

import re
from datetime import date

import attrs

from delarsrapport._model.text import check_text_fields

__all__ = [
    "Diarienummer",
    "Forvaltning",
    "Kommun",
    "Namnd",
    "Person",
    "Sammantrade",
    "Undertecknare",
]


@attrs.frozen(field_transformer=check_text_fields)
class Kommun:
    """The municipality, with the letterhead details some layouts print."""

    namn: str
    postadress: str | None = None
    besoksadress: str | None = None
    telefon: str | None = None
    epost: str | None = None
    webb: str | None = None


def _gemen(text: str) -> str:
    return text[:1].lower() + text[1:]


@attrs.frozen(field_transformer=check_text_fields)
class Namnd:
    """A nämnd (committee): ``Socialnämnden``, abbreviated ``SCN``, organisation code ``2300``.

    >>> n = Namnd(namn="Socialnämnden", forkortning="SCN", organisationskod="2300")
    >>> n.namn_gemen, n.genitiv, n.organisation_label
    ('socialnämnden', 'Socialnämndens', '2300 - Socialnämnden (SCN)')
    """

    namn: str
    forkortning: str
    organisationskod: str | None = None

    @property
    def namn_gemen(self) -> str:
        """The name as Uppsala writes it in running text: ``socialnämnden``."""
        return _gemen(self.namn)

    @property
    def genitiv(self) -> str:
        """The possessive: ``Socialnämndens``."""
        return self.namn if self.namn.endswith("s") else self.namn + "s"

    @property
    def genitiv_gemen(self) -> str:
        """The possessive in running text: ``socialnämndens``."""
        return _gemen(self.genitiv)

    @property
    def organisation_label(self) -> str:
        """``2300 - Socialnämnden (SCN)``, or ``Socialnämnden (SCN)`` without a code."""
        head = f"{self.organisationskod} - " if self.organisationskod else ""
        return f"{head}{self.namn} ({self.forkortning})"


@attrs.frozen(field_transformer=check_text_fields)
class Forvaltning:
    """The administration serving the nämnd (förvaltning in Uppsala, kontor in Upplands-Bro)."""

    namn: str
    forkortning: str | None = None
    avdelning: str | None = None

    @property
    def genitiv(self) -> str:
        """``Socialkontorets``, ``Socialförvaltningens``."""
        return self.namn if self.namn.endswith("s") else self.namn + "s"


@attrs.frozen(field_transformer=check_text_fields)
class Person:
    """A person, with given and family name kept apart (the layout chooses the order).

    A redacted name (``██████████``) is given as *fornamn* with no *efternamn*.
    """

    fornamn: str
    efternamn: str | None = None

    def namn(self, ordning: str = "fornamn_efternamn") -> str:
        """The full name in *ordning* ``"fornamn_efternamn"`` or ``"efternamn_fornamn"``."""
        if not self.efternamn:
            return self.fornamn
        if ordning == "efternamn_fornamn":
            return f"{self.efternamn} {self.fornamn}"
        if ordning == "fornamn_efternamn":
            return f"{self.fornamn} {self.efternamn}"
        raise ValueError(
            f"okänd namnordning {ordning!r}; använd 'fornamn_efternamn' eller 'efternamn_fornamn'"
        )


@attrs.frozen(field_transformer=check_text_fields)
class Undertecknare:
    """Who signs a document: the person, their title in this document and the line above.

    The title belongs to the document (the same person is "Direktör" in 2020 and
    "Förvaltningsdirektör" in 2024); *enhet_rad* is the förvaltning, nämnd or kontor
    printed above the name.
    """

    person: Person
    titel: str
    enhet_rad: str | None = None


_UPPSALA = re.compile(r"(?P<prefix>[A-ZÅÄÖ]+)-(?P<ar>\d{4})-(?P<lopnummer>\d+)(?:-(?P<suffix>\w+))?")
_BETECKNING = re.compile(r"(?P<prefix>[A-ZÅÄÖ]+(?: [A-ZÅÄÖ]+)?) (?P<ar>\d{2})/(?P<lopnummer>\d+)")


@attrs.frozen(field_transformer=check_text_fields)
class Diarienummer:
    """A case registration number, in one of the two forms the municipalities use.

    - Uppsala: ``SCN-2020-00459`` (prefix, four-digit year, löpnummer with its zeros,
      optional suffix such as ``-1`` on a bilaga);
    - Upplands-Bro's "Vår beteckning": ``SN 23/0007`` (prefix, two-digit year, number).

    >>> Diarienummer.parse("SCN-2024-00493").for_bilaga(1).text
    'SCN-2024-00493-1'
    >>> Diarienummer.parse("SN 23/0007").text
    'SN 23/0007'
    """

    prefix: str
    ar: str
    lopnummer: str
    suffix: str | None = None
    form: str = attrs.field(default="uppsala", validator=attrs.validators.in_(("uppsala", "beteckning")))

    @classmethod
    def parse(cls, text: str) -> Diarienummer:
        """Read ``SCN-2020-00459``, ``SCN-2024-00493-1`` or ``SN 23/0007``."""
        text = text.strip()
        m = _UPPSALA.fullmatch(text)
        if m:
            return cls(m["prefix"], m["ar"], m["lopnummer"], m["suffix"], "uppsala")
        m = _BETECKNING.fullmatch(text)
        if m:
            return cls(m["prefix"], m["ar"], m["lopnummer"], None, "beteckning")
        raise ValueError(
            f"{text!r} är inget diarienummer; skriv som 'SCN-2020-00459' (Uppsala) "
            "eller 'SN 23/0007' (vår beteckning)"
        )

    @property
    def text(self) -> str:
        """The number as printed."""
        if self.form == "beteckning":
            return f"{self.prefix} {self.ar}/{self.lopnummer}"
        tail = f"-{self.suffix}" if self.suffix else ""
        return f"{self.prefix}-{self.ar}-{self.lopnummer}{tail}"

    @property
    def arende(self) -> Diarienummer:
        """The number of the ärende itself, without a bilaga suffix."""
        return attrs.evolve(self, suffix=None)

    def for_bilaga(self, nummer: int) -> Diarienummer:
        """The number a bilaga's header carries (Uppsala adds ``-{nummer}``)."""
        if self.form == "beteckning":
            return self
        return attrs.evolve(self, suffix=str(nummer))

    def __str__(self) -> str:
        return self.text


@attrs.frozen(field_transformer=check_text_fields)
class Sammantrade:
    """The nämnd meeting that handles the report (``den 23 februari 2023``)."""

    datum: date
    plats: str | None = None
