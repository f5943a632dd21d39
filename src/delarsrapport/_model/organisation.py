"""Organisation, people and case identity: kommun, nämnd, förvaltning, persons, diarienummer."""

from __future__ import annotations

import re
from datetime import date

import attrs

from delarsrapport._model.dagordning import Dagordningsgrupp
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
    """Kommunen, med de kontaktuppgifter som en del layouter trycker i brevhuvudet."""

    namn: str
    """Kommunens namn, t.ex. "Uppsala kommun"."""
    postadress: str | None = None
    """Postadressen i brevhuvudet ("Uppsala kommun, omsorgsförvaltningen, 753 75 Uppsala")."""
    besoksadress: str | None = None
    """Besöksadressen i brevhuvudet ("Stationsgatan 12")."""
    telefon: str | None = None
    """Telefonnumret i brevhuvudet ("018-727 00 00 (växel)")."""
    epost: str | None = None
    """E-postadressen i brevhuvudet."""
    webb: str | None = None
    """Webbadressen i brevhuvudet ("www.uppsala.se")."""


def _gemen(text: str) -> str:
    return text[:1].lower() + text[1:]


@attrs.frozen(field_transformer=check_text_fields)
class Namnd:
    """Nämnden som rapporten gäller: ``Socialnämnden``, förkortad ``SCN``, organisationskod ``2300``.

    >>> n = Namnd(namn="Socialnämnden", forkortning="SCN", organisationskod="2300")
    >>> n.namn_gemen, n.genitiv, n.organisation_label
    ('socialnämnden', 'Socialnämndens', '2300 - Socialnämnden (SCN)')
    """

    namn: str
    """Nämndens namn med stor bokstav, som i en rubrik ("Socialnämnden"); formen i löptext
    ("socialnämnden") och genitiven räknas fram."""
    forkortning: str
    """Nämndens förkortning ("SCN", "OSN", "SN")."""
    organisationskod: str | None = None
    """Organisationskoden i ekonomisystemet ("2300"), som en del tabeller trycker före namnet."""

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
    """Förvaltningen som arbetar åt nämnden (förvaltning i Uppsala, kontor i Upplands-Bro)."""

    namn: str
    """Förvaltningens eller kontorets namn ("Socialförvaltningen", "Socialkontoret")."""
    forkortning: str | None = None
    """Förvaltningens förkortning ("SCF", "OMF"), om löptexten använder den."""
    avdelning: str | None = None
    """Avdelningen inom förvaltningen som skriver handlingen ("Social- och arbetsmarknadsavdelningen")."""

    @property
    def genitiv(self) -> str:
        """``Socialkontorets``, ``Socialförvaltningens``."""
        return self.namn if self.namn.endswith("s") else self.namn + "s"


@attrs.frozen(field_transformer=check_text_fields)
class Person:
    """En person, med förnamn och efternamn för sig (layouten väljer ordningen).

    Ett maskerat namn (``██████████``) anges som *fornamn* utan *efternamn*.
    """

    fornamn: str
    """Förnamnet, eller hela namnet när det inte går att dela (ett maskerat namn)."""
    efternamn: str | None = None
    """Efternamnet."""

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
    """Den som undertecknar en handling: personen, titeln i just den här handlingen och raden ovanför.

    Titeln hör till handlingen (samma person är "Direktör" 2020 och "Förvaltningsdirektör"
    2024); *enhet_rad* är förvaltningen, nämnden eller kontoret som står ovanför namnet.
    """

    person: Person
    """Den som undertecknar."""
    titel: str
    """Titeln under namnet ("Förvaltningsdirektör", "Socialchef")."""
    enhet_rad: str | None = None
    """Raden ovanför namnet: förvaltningen, nämnden eller kontoret ("Socialförvaltningen")."""


_UPPSALA = re.compile(r"(?P<prefix>[A-ZÅÄÖ]+)-(?P<ar>\d{4})-(?P<lopnummer>\d+)(?:-(?P<suffix>\w+))?")
_BETECKNING = re.compile(r"(?P<prefix>[A-ZÅÄÖ]+(?: [A-ZÅÄÖ]+)?) (?P<ar>\d{2})/(?P<lopnummer>\d+)")


@attrs.frozen(field_transformer=check_text_fields)
class Diarienummer:
    """Ett diarienummer, i en av de två former kommunerna använder.

    I indata skrivs det som text: ``SCN-2020-00459`` (Uppsala: prefix, årtal med fyra
    siffror, löpnummer med sina nollor och ibland ett tillägg som ``-1`` på en bilaga)
    eller ``SN 23/0007`` (Upplands-Brös "Vår beteckning": prefix, årtal med två siffror,
    nummer). Bilagornas nummer räknas fram ur ärendets.

    >>> Diarienummer.parse("SCN-2024-00493").for_bilaga(1).text
    'SCN-2024-00493-1'
    >>> Diarienummer.parse("SN 23/0007").text
    'SN 23/0007'
    """

    prefix: str
    """Prefixet, nämndens förkortning i diariet ("SCN", "SN")."""
    ar: str
    """Årtalet som det står i numret ("2020" eller "23")."""
    lopnummer: str
    """Löpnumret med sina inledande nollor ("00459")."""
    suffix: str | None = None
    """Tillägget efter löpnumret, t.ex. bilagans nummer ("1" i "SCN-2024-00493-1")."""
    form: str = attrs.field(default="uppsala", validator=attrs.validators.in_(("uppsala", "beteckning")))
    """Formen: ``uppsala`` (SCN-2020-00459) eller ``beteckning`` (SN 23/0007)."""

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
    """Nämndens sammanträde där rapporten behandlas (``den 23 februari 2023``)."""

    datum: date
    """Sammanträdets datum."""
    plats: str | None = None
    """Var sammanträdet hålls."""
    dagordning: tuple[Dagordningsgrupp, ...] = ()
    """Sammanträdets dagordning, grupp för grupp, som försättsbladet i den samlade handlingen
    trycker den. Utan dagordning räknas den fram ur rapportens ärenden i ordning."""
