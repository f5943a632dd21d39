"""The tjänsteskrivelse's views (``ts`` in ``tjansteskrivelse.docx``) and how they are built."""

from __future__ import annotations

import attrs

from delarsrapport._context import prose
from delarsrapport._context.gemensam import Builder, DelavsnittVy, Lopande, StatusradVy
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport.formatting import format_belopp, format_datum

__all__ = [
    "BeslutssatsVy",
    "BilagereferensVy",
    "TjansteskrivelseVy",
    "UndertecknareVy",
    "build_tjansteskrivelse",
]


@attrs.frozen(kw_only=True)
class BeslutssatsVy:
    """Ett beslutsförslag, färdigt formulerat i båda stilarna."""

    nummer: int
    """Löpnumret 1, 2, 3 …"""
    numrerad: bool
    """Om numret ska skrivas ut (ett ensamt förslag numreras inte i alla layouter)."""
    text: str
    """Förslaget i att-form utan "att": "godkänna ekonomiskt delårsbokslut per augusti 2020 …"."""
    mening: str
    """Förslaget som hel mening med nämnden som subjekt: "Socialnämnden godkänner …." """
    slut: str
    """Det som avslutar en att-sats: "," / ", samt" / "."."""


@attrs.frozen(kw_only=True)
class BilagereferensVy:
    """En bilaga i bilageregistret."""

    nummer: int
    """Bilagans nummer."""
    titel: str
    """Bilagans titel."""
    undertitel: str
    """Bilagans undertitel, eller tomt."""
    hela_titeln: str
    """Titeln med undertiteln efter, eller bara titeln."""
    etikett: str
    """"Bilaga 1"."""
    rad: str
    """Raden i beslutsunderlaget enligt layouten: "Bilaga 1, Ekonomisk uppföljning …"."""


@attrs.frozen(kw_only=True)
class UndertecknareVy:
    """Den som skriver under."""

    enhet_rad: str
    """Raden ovanför namnet: förvaltningen, nämnden eller kontoret (kan vara tom)."""
    namn: str
    """Namnet i layoutens namnordning."""
    titel: str
    """Titeln i just den här handlingen: "Direktör", "Förvaltningsdirektör"."""


@attrs.frozen(kw_only=True)
class TjansteskrivelseVy:
    """Tjänsteskrivelsen."""

    rubrik: str
    """Ärendets rubrik."""
    adressat: str
    """"Tjänsteskrivelse till socialnämnden" (nämndens namn enligt layoutens skrivsätt)."""
    beslutar: str
    """"Socialnämnden beslutar"."""
    beslut: tuple[BeslutssatsVy, ...]
    """Förslagen till beslut i ordning."""
    sammanfattning: Lopande
    """Avsnittet Sammanfattning (tomt om det saknas)."""
    arendet: Lopande
    """Avsnittet Ärendet."""
    beredning: Lopande
    """Avsnittet Beredning."""
    foredragning: tuple[DelavsnittVy, ...]
    """Föredragningens delavsnitt."""
    barnperspektiv: Lopande
    """Barnkonsekvensanalys eller barnperspektiv (rubriken väljer layouten)."""
    ekonomiska_konsekvenser: Lopande
    """Avsnittet Ekonomiska konsekvenser."""
    sjalvreferens: str
    """Första raden i beslutsunderlaget: "Tjänsteskrivelse, daterad den 18 september 2020"."""
    beslutsunderlag: tuple[str, ...]
    """Alla rader i beslutsunderlaget: självreferensen, varje bilaga och övriga handlingar."""
    bilagor: tuple[BilagereferensVy, ...]
    """Bilagorna ur bilageregistret, i nummerordning."""
    beslut_sands_till: tuple[str, ...]
    """Mottagare av beslutet."""
    undertecknare: tuple[UndertecknareVy, ...]
    """De som skriver under."""
    uppdragsstatus: tuple[StatusradVy, ...]
    """Uppdragen per statuskategori ur verksamhetsbilagan (tomt om layouten inte har kategorier)."""
    uppdrag_totalt: int
    """Antal uppdrag i verksamhetsbilagan."""
    namndmal_totalt: int
    """Antal nämndmål i verksamhetsbilagan."""
    namndmal_namndspecifika: int
    """Antal nämndspecifika nämndmål (de som inte är kommungemensamma)."""
    namndmal_kommungemensamma: int
    """Antal kommungemensamma nämndmål."""
    atgarder_totalt: int
    """Antal åtgärder i verksamhetsbilagan."""
    omfattning: str
    """Vad verksamhetsbilagan omfattar, räknat: "16 uppdrag, fyra nämndmål (två nämndspecifika
    och två kommungemensamma) samt 32 åtgärder"; tomt utan verksamhetsbilaga."""


def build_tjansteskrivelse(b: Builder) -> TjansteskrivelseVy:
    """The tjänsteskrivelse of *b*'s ärende."""
    ts = b.arende.tjansteskrivelse
    namnd = b.namnd()
    satser = ts.forslag_till_beslut
    beslut: list[BeslutssatsVy] = []
    for nummer, sats in enumerate(satser, start=1):
        text, mening = prose.beslutsformer(sats, namnd=namnd.namn, belopp=_belopp(b, sats))
        beslut.append(
            BeslutssatsVy(
                nummer=nummer,
                numrerad=len(satser) > 1 or b.inst.beslut.numrera_ensam,
                text=text,
                mening=mening,
                slut=prose.beslutsslut(nummer, len(satser), samt=b.inst.beslut.samt),
            )
        )
    bilagor = tuple(
        BilagereferensVy(
            nummer=bilaga.nummer,
            titel=bilaga.titel,
            undertitel=bilaga.undertitel or "",
            hela_titeln=bilaga.hela_titeln,
            etikett=f"Bilaga {bilaga.nummer}",
            rad=b.inst.bilagereferens.format(nummer=bilaga.nummer, titel=bilaga.titel),
        )
        for bilaga in sorted(b.arende.bilagor, key=lambda bilaga: bilaga.nummer)
    )
    sjalv = b.inst.sjalvreferens.format(
        datum=format_datum(ts.datum, b.inst.sjalvreferens_datumstil),
        forvaltning=b.rapport.forvaltning.genitiv,
    )
    verksamhet = b.arende.verksamhet
    uppdrag = sum(1 for _ in verksamhet.alla_uppdrag()) if verksamhet else 0
    namndmal = list(verksamhet.alla_namndmal()) if verksamhet else []
    kommungemensamma = sum(1 for n in namndmal if n.kommungemensamt)
    atgarder = sum(1 for _ in verksamhet.alla_atgarder()) if verksamhet else 0
    return TjansteskrivelseVy(
        rubrik=ts.rubrik,
        adressat=f"Tjänsteskrivelse till {namnd.i_lopande_text}",
        beslutar=f"{namnd.namn} beslutar",
        beslut=tuple(beslut),
        sammanfattning=b.text(ts.sammanfattning),
        arendet=b.text(ts.arendet),
        beredning=b.text(ts.beredning),
        foredragning=tuple(DelavsnittVy(rubrik=d.rubrik, text=b.text(d.text)) for d in ts.foredragning),
        barnperspektiv=b.text(ts.barnperspektiv),
        ekonomiska_konsekvenser=b.text(ts.ekonomiska_konsekvenser),
        sjalvreferens=sjalv,
        beslutsunderlag=(sjalv, *(r.rad for r in bilagor), *ts.beslutsunderlag_ovrigt),
        bilagor=bilagor,
        beslut_sands_till=ts.beslut_sands_till,
        undertecknare=tuple(
            UndertecknareVy(enhet_rad=u.enhet_rad or "", namn=b.person(u.person).namn, titel=u.titel)
            for u in ts.undertecknare
        ),
        uppdragsstatus=b.uppdragsstatus(),
        uppdrag_totalt=uppdrag,
        namndmal_totalt=len(namndmal),
        namndmal_namndspecifika=len(namndmal) - kommungemensamma,
        namndmal_kommungemensamma=kommungemensamma,
        atgarder_totalt=atgarder,
        omfattning=prose.omfattning(
            uppdrag=uppdrag, namndmal=len(namndmal), kommungemensamma=kommungemensamma, atgarder=atgarder
        ),
    )


def _belopp(b: Builder, sats: Beslutssats) -> str | None:
    """The amount *sats* refers to, from the ärende's ekonomi bilaga, as the sentence prints it."""
    ekonomi = b.arende.ekonomi
    if sats.belopp is None or ekonomi is None:
        return None
    belopp = ekonomi.periodens_resultat if sats.belopp == "periodens_resultat" else ekonomi.helarsprognos
    if belopp is None:
        return None
    return format_belopp(belopp, enhet="mnkr", decimaler=1, minus=b.inst.talstil.minus, suffix="kort")
