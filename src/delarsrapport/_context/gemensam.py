"""What every document shares: free text as blocks, the common views, and the builder.

The views here are the variables every template sees (the kommun, the nämnd, the
förvaltning, the document, the ärende, the layout's choices) and the small views several
document kinds use. :class:`Builder` holds what one document is built from and the
helpers every kind's builder needs: people and names, free text, and the words of the
layout's vocabularies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cached_property

import attrs

from delarsrapport._context import prose
from delarsrapport._context.referenser import DiagramVy, Skrivare, diagramvy
from delarsrapport._errors import RenderError
from delarsrapport._model.organisation import Person
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport
from delarsrapport._model.referens import Referens, har_referenser
from delarsrapport._model.siffror import Sifferregister, los_upp, omraden_i_text, sifferregister
from delarsrapport._model.status import Kontrollresultat, Status
from delarsrapport._model.text import Diagram, Punktlista, Rubrik, Stycke, Tabellplats, Text
from delarsrapport._render.layout import Installningar, Ord, Visa
from delarsrapport.formatting import format_period

__all__ = [
    "ArendeVy",
    "Block",
    "Builder",
    "DelavsnittVy",
    "DokumentVy",
    "ForvaltningVy",
    "InstallningarVy",
    "KommunVy",
    "Lopande",
    "NamndVy",
    "PersonVy",
    "StatusVy",
    "StatusradVy",
]


# -- text -----------------------------------------------------------------------------------


@attrs.frozen
class Block:
    """Ett block i löptext: ett stycke, en rubrik, en punktlista, en tabell eller ett diagram."""

    typ: str
    """"stycke", "rubrik", "punktlista", "tabell" (en tabell som räknas fram ur rapporten) eller
    "diagram"."""
    text: str
    """Stycket eller rubriken (tomt för en punktlista)."""
    punkter: tuple[str, ...] = ()
    """Punkterna i en punktlista."""
    niva: int = 1
    """En rubriks nivå i förhållande till avsnittet (1 = första nivån under det)."""
    tabell: tuple[tuple[str, ...], ...] = ()
    """En tabells rader, rubrikraden först och summaraden sist (typ "tabell")."""
    diagram: DiagramVy | None = None
    """Diagrammet (typ "diagram"), annars inget."""


Lopande = tuple[Block, ...]
"""Löptext: en lista av block. Skriv ut den med filtret stycken: {{p x | stycken }}."""

Textskrivare = Callable[[int, str], str]
"""Writes one string of the block at an index of a text (its references written out)."""


def _lopande(
    text: Text,
    tabeller: Mapping[str, tuple[tuple[str, ...], ...]],
    skriv: Textskrivare = lambda _k, t: t,
    diagram: Callable[[Diagram], DiagramVy] | None = None,
) -> Lopande:
    out: list[Block] = []
    for k, b in enumerate(text):
        if isinstance(b, Stycke):
            out.append(Block(typ="stycke", text=skriv(k, b.text)))
        elif isinstance(b, Rubrik):
            out.append(Block(typ="rubrik", text=skriv(k, b.text), niva=b.niva))
        elif isinstance(b, Punktlista):
            out.append(Block(typ="punktlista", text="", punkter=tuple(skriv(k, p) for p in b.punkter)))
        elif isinstance(b, Diagram):
            assert diagram is not None
            vy = diagram(b)
            out.append(Block(typ="diagram", text=b.rubrik, diagram=vy))
        elif isinstance(b, Tabellplats):
            rader = tabeller.get(b.tabell)
            if not rader:
                raise RenderError(
                    f"texten ber om tabellen {b.tabell!r}, men den kan inte räknas fram här "
                    "(tabellen uppdragsstatus kräver en verksamhetsuppföljning med uppdrag i ärendet)"
                )
            out.append(Block(typ="tabell", text=b.tabell, tabell=rader))
    return tuple(out)


def _har_referens(block: object) -> bool:
    if isinstance(block, (Stycke, Rubrik)):
        return har_referenser(block.text)
    if isinstance(block, Punktlista):
        return any(har_referenser(p) for p in block.punkter)
    return False


# -- common ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class KommunVy:
    """Kommunen och de uppgifter som står i brevhuvudet."""

    namn: str
    """Kommunens namn: "Uppsala kommun"."""
    postadress: str | None
    """Postadress, eller inget."""
    besoksadress: str | None
    """Besöksadress, eller inget."""
    telefon: str | None
    """Telefonnummer, eller inget."""
    epost: str | None
    """E-postadress, eller inget."""
    webb: str | None
    """Webbadress, eller inget."""


@attrs.frozen(kw_only=True)
class NamndVy:
    """Nämnden i de former texterna behöver."""

    namn: str
    """Namnet som rubrik: "Socialnämnden"."""
    i_lopande_text: str
    """Namnet mitt i en mening, med layoutens val av stor eller liten bokstav: "socialnämnden"."""
    genitiv: str
    """Ägandeform: "Socialnämndens"."""
    genitiv_i_lopande_text: str
    """Ägandeform mitt i en mening: "socialnämndens"."""
    versaler: str
    """Namnet med versaler, som i sammanfattningens hörnruta: "SOCIALNÄMNDEN"."""
    forkortning: str
    """Förkortningen: "SCN"."""
    organisation: str
    """Organisationsraden: "2300 - Socialnämnden (SCN)"."""


@attrs.frozen(kw_only=True)
class ForvaltningVy:
    """Förvaltningen eller kontoret som skriver handlingarna."""

    namn: str
    """"Socialförvaltningen", "Socialkontoret"."""
    genitiv: str
    """"Socialförvaltningens", "Socialkontorets"."""


@attrs.frozen(kw_only=True)
class PersonVy:
    """En person."""

    namn: str
    """Namnet i layoutens namnordning: "Fäldt Thomas" eller "Thomas Fäldt"."""
    fornamn: str
    """Förnamnet."""
    efternamn: str
    """Efternamnet (tomt för ett maskerat namn)."""


@attrs.frozen(kw_only=True)
class DokumentVy:
    """Handlingen som skrivs ut: det som står i sidhuvudet och titeln."""

    slag: str
    """Dokumentslaget: tjansteskrivelse, ekonomi, verksamhet, nyckeltal eller internkontroll
    (handlingar för den samlade handlingens försättsblad)."""
    titel: str
    """Handlingens titel: tjänsteskrivelsens rubrik eller bilagans titel från bilageregistret."""
    undertitel: str
    """Undertiteln på ett styrdokuments försättsblad ("Delårsuppföljning per augusti 2023"), eller tomt."""
    hela_titeln: str
    """Titeln med undertiteln efter ("Verksamhetsplan och budget 2023–2025 – Delårsuppföljning
    per augusti 2023"), för en enda rad som sidhuvudet."""
    beslutsfattare: str
    """Den som beslutar om styrdokumentet ("Kulturnämnden"), eller tomt."""
    dokumentansvarig: str
    """Den som ansvarar för dokumentet ("Kulturdirektör"), eller tomt."""
    datum: date
    """Handlingens datum (bilagor ärver tjänsteskrivelsens om de inte har ett eget)."""
    diarienummer: str
    """Diarienumret som det ska stå på just den här handlingen ("SCN-2024-00493-1"), eller tomt."""
    handlaggare: str
    """Handläggarna ihopskrivna enligt layouten: "Fäldt Thomas och Bergmark Magnus"."""
    handlaggare_lista: tuple[PersonVy, ...]
    """Handläggarna var för sig, för en rad per person."""
    bilaga_nummer: int | None
    """Bilagans nummer ur bilageregistret; inget för tjänsteskrivelsen."""
    bilaga_etikett: str
    """"Bilaga 1" för en bilaga, tomt för tjänsteskrivelsen."""
    version: str | None
    """Versionsnummer, eller inget (då skrivs raden inte ut)."""
    namndbehandlas: date | None
    """Datum då nämnden behandlar och beslutar om handlingen (på ett försättsblad:
    beslutsdatum), eller inget."""


@attrs.frozen(kw_only=True)
class ArendeVy:
    """Ärendet som handlingen hör till (på den samlade handlingens försättsblad: huvudärendet)."""

    rubrik: str
    """Tjänsteskrivelsens rubrik: "Delårsbokslut per augusti samt helårsprognos 2020"."""
    diarienummer: str
    """Ärendets diarienummer eller beteckning: "SCN-2020-00459", "SN 23/0007"; tomt om det saknas."""
    nummer: int
    """Ärendets nummer i paketet (1 för delårsrapporten)."""


@attrs.frozen(kw_only=True)
class InstallningarVy:
    """Layoutens val som mallarna kan fråga efter."""

    namn: str
    """Layoutens namn ur installningar.yaml, till exempel kommunens namn: "Uppsala kommun"."""
    visa: Visa
    """Valfria delar som layouten visar: {%p if installningar.visa.metarad %}."""
    trend_saknas: str
    """Det som står när en indikator saknar trend: "–"."""


# -- shared by several document kinds -------------------------------------------------------


@attrs.frozen(kw_only=True)
class DelavsnittVy:
    """Ett avsnitt med egen rubrik och löptext."""

    rubrik: str
    """Avsnittets rubrik."""
    text: Lopande
    """Avsnittets löptext."""


@attrs.frozen(kw_only=True)
class StatusradVy:
    """En rad i tabellen över uppdragens status (tjänsteskrivelsen, Uppsala OSN)."""

    text: str
    """Radens text ur layoutens inställningar."""
    antal: int
    """Antal uppdrag med någon av radens statusar (räknat ur bilagan)."""


@attrs.frozen(kw_only=True)
class StatusVy:
    """En status som den skrivs ut: ord, mening och färg."""

    varde: str
    """Statusens värde i modellen: "enligt_plan", "klar" …"""
    ord: str
    """Ordet layouten skriver: "Påbörjad"."""
    mening: str
    """Statusmeningen, eller tomt."""
    farg: str
    """Cellens bakgrundsfärg (sex hexadecimala siffror, eller "auto"). Visa alltid ordet också."""
    forklaring: str = ""
    """Vad ordet och färgen betyder, för en teckenförklaring ("Uppdraget går enligt plan.")."""


# -- building -------------------------------------------------------------------------------


@attrs.frozen
class Builder:
    """What the views of one document are built from: the report, the ärende and its
    number in the package, and the layout's settings.

    Each document kind's builder (``build_ekonomi`` …) takes one and uses the parts
    they share: people and names, the common variables, free text and the words of the
    layout's vocabularies.
    """

    rapport: Delarsrapport
    arende: Arende
    nummer: int
    inst: Installningar

    @property
    def period(self) -> Rapportperiod:
        """The period of the ärende."""
        return self.arende.period

    # people and identity

    def person(self, p: Person) -> PersonVy:
        """*p* with the name in the layout's order."""
        return PersonVy(namn=p.namn(self.inst.namnordning), fornamn=p.fornamn, efternamn=p.efternamn or "")

    def handlaggare(self, personer: Sequence[Person]) -> str:
        """The handläggare on one line, in the layout's name order and separator."""
        namn = [self.person(p).namn for p in personer]
        return prose.handlaggare(namn, skiljetecken=self.inst.handlaggare_skiljetecken)

    def namnd(self) -> NamndVy:
        """The report's nämnd, written in running text as the layout wants it."""
        n = self.rapport.namnd
        gemen = self.inst.namnd_i_lopande_text == "gemen"
        return NamndVy(
            namn=n.namn,
            i_lopande_text=n.namn_gemen if gemen else n.namn,
            genitiv=n.genitiv,
            genitiv_i_lopande_text=n.genitiv_gemen if gemen else n.genitiv,
            versaler=n.namn.upper(),
            forkortning=n.forkortning,
            organisation=n.organisation_label,
        )

    def gemensamt(self, dokument: DokumentVy) -> dict[str, object]:
        """The variables every template sees (:data:`~delarsrapport._context.build.GEMENSAMMA`)."""
        k = self.rapport.kommun
        f = self.rapport.forvaltning
        return {
            "kommun": KommunVy(
                namn=k.namn,
                postadress=k.postadress,
                besoksadress=k.besoksadress,
                telefon=k.telefon,
                epost=k.epost,
                webb=k.webb,
            ),
            "namnd": self.namnd(),
            "forvaltning": ForvaltningVy(namn=f.namn, genitiv=f.genitiv),
            "period": self.period,
            "dokument": dokument,
            "arende": ArendeVy(
                rubrik=self.arende.tjansteskrivelse.rubrik,
                diarienummer=self.arende.diarienummer.text if self.arende.diarienummer else "",
                nummer=self.nummer,
            ),
            "sammantradesdatum": self.rapport.sammantrade.datum if self.rapport.sammantrade else None,
            "installningar": InstallningarVy(
                namn=self.inst.namn, visa=self.inst.visa, trend_saknas=self.inst.trend_saknas
            ),
        }

    def dokument_ts(self) -> DokumentVy:
        """The tjänsteskrivelse as a document: its title, date, handläggare and number."""
        ts = self.arende.tjansteskrivelse
        d = self.arende.diarienummer
        return DokumentVy(
            slag="tjansteskrivelse",
            titel=ts.rubrik,
            undertitel="",
            hela_titeln=ts.rubrik,
            beslutsfattare="",
            dokumentansvarig="",
            datum=ts.datum,
            diarienummer=d.text if d else "",
            handlaggare=self.handlaggare(ts.handlaggare),
            handlaggare_lista=tuple(self.person(p) for p in ts.handlaggare),
            bilaga_nummer=None,
            bilaga_etikett="",
            version=ts.version,
            namndbehandlas=ts.namndbehandlas,
        )

    def dokument_bilaga(self, bilaga: Bilaga) -> DokumentVy:
        """*bilaga* as a document; what it does not give itself it takes from the tjänsteskrivelse."""
        ts = self.arende.tjansteskrivelse
        d = self.arende.diarienummer
        if d is not None and self.inst.visa.diarienummer_med_bilagesuffix:
            d = d.for_bilaga(bilaga.nummer)
        personer = ts.handlaggare if bilaga.handlaggare is None else bilaga.handlaggare
        return DokumentVy(
            slag=bilaga.kind,
            titel=bilaga.titel,
            undertitel=bilaga.undertitel or "",
            hela_titeln=bilaga.hela_titeln,
            beslutsfattare=bilaga.beslutsfattare or "",
            dokumentansvarig=bilaga.dokumentansvarig or "",
            datum=bilaga.datum or ts.datum,
            diarienummer=d.text if d else "",
            handlaggare=self.handlaggare(personer),
            handlaggare_lista=tuple(self.person(p) for p in personer),
            bilaga_nummer=bilaga.nummer,
            bilaga_etikett=f"Bilaga {bilaga.nummer}",
            version=bilaga.version,
            namndbehandlas=bilaga.namndbehandlas,
        )

    # free text

    def text(self, text: Text, *, omrade: str | None = None) -> Lopande:
        """Free text as blocks: references written out, charts as views, and the table of
        uppdrag per status where the text places it.

        *omrade* names the verksamhet (or avdelning, område) the text belongs to; a reference
        without ``för …`` names that area's figures, or the nämnd's when there is none.
        """
        tabeller: dict[str, tuple[tuple[str, ...], ...]] = {}
        if any(isinstance(b, Tabellplats) for b in text):
            rader = self.uppdragsstatus()
            tabell: tuple[tuple[str, ...], ...] = ()
            if rader:
                tabell = (
                    ("Uppdrag", format_period(self.period, "manad_ar", versal=True)),
                    *((r.text, str(r.antal)) for r in rader),
                    ("Totalt", str(sum(r.antal for r in rader))),
                )
            tabeller["uppdragsstatus"] = tabell
        diagram = lambda d: diagramvy(d, self.inst.talstil)  # noqa: E731
        if not any(_har_referens(b) for b in text):
            return _lopande(text, tabeller, diagram=diagram)
        register = self.sifferregister
        standard = (register.hitta(omrade) if omrade else None) or register.namnd
        omraden = omraden_i_text(text, register, standard)
        skrivare = self.skrivare

        def skriv(k: int, varde: str) -> str:
            if not har_referenser(varde):
                return varde
            foregaende = [b for b in text[:k] if isinstance(b, Diagram)]

            def los(ref: object) -> object:
                assert isinstance(ref, Referens)
                return los_upp(
                    ref,
                    register,
                    omraden[k],
                    diagram=foregaende[-1] if foregaende else None,
                    internkontroll=self.arende.internkontroll is not None,
                )

            return skrivare.text(varde, los)  # type: ignore[arg-type]

        return _lopande(text, tabeller, skriv, diagram)

    @cached_property
    def sifferregister(self) -> Sifferregister:
        """The figures the ärende's texts can name (from its ekonomisk uppföljning)."""
        return sifferregister(self.arende.ekonomi, namnd=self.rapport.namnd.namn)

    @cached_property
    def skrivare(self) -> Skrivare:
        """What writes a reference out: the layout's number style, the nämnd, the year."""
        ik = self.arende.internkontroll
        return Skrivare(
            talstil=self.inst.talstil,
            namnd=self.rapport.namnd.namn,
            ar=self.period.ar,
            internkontrollmening=prose.internkontroll_mening(
                ik.antal_per_resultat(),
                period=format_period(self.period, "per"),
                avvikelseord=self.inst.avvikelseord,
            )
            if ik is not None
            else "",
        )

    def uppdragsstatus(self) -> tuple[StatusradVy, ...]:
        """The uppdrag per the layout's status categories; statuses no category covers get a
        row of their own, so that every uppdrag is counted once."""
        verksamhet = self.arende.verksamhet
        if verksamhet is None or not any(verksamhet.alla_uppdrag()):
            return ()
        per_status = verksamhet.uppdrag_per_status()
        rader = [
            StatusradVy(text=k.text, antal=sum(per_status.get(s, 0) for s in k.statusar))
            for k in self.inst.statuskategorier
        ]
        tackta = {s for k in self.inst.statuskategorier for s in k.statusar}
        for status, antal in per_status.items():
            if status not in tackta and antal:
                vy = self.status(status)
                assert vy is not None
                rader.append(StatusradVy(text=vy.ord, antal=antal))
        utan = sum(1 for u in verksamhet.alla_uppdrag() if u.status is None)
        if utan:
            rader.append(StatusradVy(text="Utan status", antal=utan))
        return tuple(rader)

    # vocabulary

    def status(self, status: Status | None, ar: int | None = None) -> StatusVy | None:
        """*status* in the layout's words; *ar* is the year the item is expected to be done."""
        if status is None:
            return None
        ord_ = self.inst.status.get(status) or Ord(status.value)
        return StatusVy(
            varde=status.value,
            ord=ord_.ord,
            mening=prose.statusmening(ord_.mening, ar),
            farg=ord_.farg or "auto",
            forklaring=ord_.forklaring or "",
        )

    def resultat(self, resultat: Kontrollresultat | None) -> StatusVy | None:
        """A kontrollmoment's result in the layout's words."""
        if resultat is None:
            return None
        ord_ = self.inst.kontrollresultat.get(resultat) or Ord(prose.standardord(resultat.value))
        return StatusVy(
            varde=resultat.value, ord=ord_.ord, mening=ord_.mening or "", farg=ord_.farg or "auto"
        )
