"""Free text as the documents print it: references written out, charts as views.

A paragraph typed with ``<<resultat | överskott>>`` is printed with the figure the
reference names, in the layout's number style; a ``{diagram: …}`` block becomes a
:class:`DiagramVy` with its alt text and data table, for the ``stycken`` filter to draw.
The references were checked when the report was loaded, so every one resolves here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs

from delarsrapport._context import prose
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.referens import Referensformat, dela
from delarsrapport._model.siffror import Upplost
from delarsrapport._model.text import Diagram
from delarsrapport._render.filters import Talstil
from delarsrapport.formatting import NBSP, format_belopp, format_tal, versal

__all__ = ["DiagramVy", "SerieVy", "Skrivare", "diagramvy"]


@attrs.frozen(kw_only=True)
class SerieVy:
    """En serie i ett diagram."""

    namn: str
    """Seriens namn (förklaringen i diagrammet): "2020"."""
    varden: tuple[Decimal | None, ...]
    """Ett värde per kategori; inget där värde saknas."""


@attrs.frozen(kw_only=True)
class DiagramVy:
    """Ett diagram i löptext, ritat ur sina data. Filtret stycken ritar det som en bild med
    alternativtext, en numrerad bildtext ("Diagram 1. …") och en tabell med värdena."""

    rubrik: str
    """Diagrammets rubrik, som står i bildtexten efter "Diagram N."."""
    typ: str
    """"linje" eller "stapel"."""
    enhet: str
    """Vad värdena räknas i ("vårddygn", "procent"), eller tomt."""
    kategorier: tuple[str, ...]
    """Punkterna längs axeln: månader, år, vårdformer."""
    serier: tuple[SerieVy, ...]
    """Serierna i tidsordning; den sista är den diagrammet handlar om (i år)."""
    budget: tuple[Decimal | None, ...]
    """Budgeten per kategori (ritas streckad), eller tomt."""
    decimaler: int
    """Decimalerna värdena skrivs med."""
    beskrivning: str
    """Alternativtexten: vad diagrammet visar och dess huvudbudskap, framräknat ur värdena."""
    tabell: tuple[tuple[str, ...], ...]
    """Värdena som tabell: rubrikraden först, sedan en rad per kategori."""


_MANADSORD: Final = re.compile(
    r"(?i)^(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?( \d{4})?$"
)


def _kategorirubrik(d: Diagram) -> str:
    if d.kategorirubrik:
        return d.kategorirubrik
    if all(_MANADSORD.match(k.strip()) for k in d.kategorier):
        return "Månad"
    if all(re.fullmatch(r"\d{4}", k.strip()) for k in d.kategorier):
        return "År"
    return "Kategori"


def diagramvy(d: Diagram, talstil: Talstil) -> DiagramVy:
    """The view of chart *d*: its data, alt text and data table in the layout's number style."""
    procent = d.enhet.strip().lower() in ("procent", "%")

    def varde(v: Decimal | None) -> str:
        if v is None:
            return "–"
        text = format_tal(v, decimaler=d.decimaler, minus=talstil.minus)
        return f"{text}{NBSP if talstil.procent_mellanslag else ''}%" if procent else text

    rubriker = (_kategorirubrik(d), *(s.namn for s in d.serier), *(("Budget",) if d.budget else ()))
    rader = tuple(
        (k, *(varde(s.varden[i]) for s in d.serier), *((varde(d.budget[i]),) if d.budget else ()))
        for i, k in enumerate(d.kategorier)
    )
    return DiagramVy(
        rubrik=d.rubrik,
        typ=d.typ,
        enhet=d.enhet,
        kategorier=d.kategorier,
        serier=tuple(SerieVy(namn=s.namn, varden=s.varden) for s in d.serier),
        budget=d.budget,
        decimaler=d.decimaler,
        beskrivning=prose.diagrambeskrivning(
            typ=d.typ,
            rubrik=d.rubrik,
            kategorier=d.kategorier,
            serier=[(s.namn, s.varden) for s in d.serier],
            budget=d.budget,
            enhet=d.enhet,
            decimaler=d.decimaler,
            mellanslag=talstil.procent_mellanslag,
        ),
        tabell=(rubriker, *rader),
    )


@attrs.frozen
class Skrivare:
    """What writing a reference needs besides the reference: the layout's number style, the
    nämnd's name, the period's year and the internkontroll's summary sentence."""

    talstil: Talstil
    namnd: str
    ar: int
    internkontrollmening: str = ""

    def text(self, text: str, los_upp: Callable[[object], Upplost]) -> str:
        """*text* with every reference written out; *los_upp* resolves one."""
        return "".join(d if isinstance(d, str) else self.skriv(los_upp(d)) for d in dela(text))

    def skriv(self, u: Upplost) -> str:
        """One resolved reference as the document prints it."""
        f = u.format
        if u.mening is not None:
            text = self._mening(u)
        else:
            assert u.siffra is not None
            text = self._belopp(u.siffra.belopp, f)
        return versal(text) if f.versal else text

    def _belopp(self, belopp: Belopp, f: Referensformat) -> str:
        d = f.antal_decimaler
        if f.teckenord is not None:
            return prose.med_teckenord(
                belopp,
                f.teckenord,
                preposition=f.preposition,
                enhet=f.enhet,
                decimaler=d,
                suffix=f.suffix,
                ungefar=f.ungefar,
            )
        if f.belopp:
            return prose.storlek(belopp, enhet=f.enhet, decimaler=d, suffix=f.suffix, ungefar=f.ungefar)
        text = format_belopp(belopp, enhet=f.enhet, decimaler=d, minus=self.talstil.minus, suffix=f.suffix)
        return f"{f.ungefar} {text}" if f.ungefar in ("cirka", "ca") else text

    def _mening(self, u: Upplost) -> str:
        f = u.format
        o = u.omrade
        subjekt = self.namnd if o.namnd else o.namn
        stil = {"enhet": f.enhet, "decimaler": f.antal_decimaler, "suffix": f.suffix, "ungefar": f.ungefar}
        if u.mening == "internkontrollmening":
            return self.internkontrollmening
        if u.mening == "volymmening":
            return self._volym(u)
        siffra = o.siffra(
            {"resultatmening": "resultat", "avvikelsemening": "avvikelse"}.get(str(u.mening), "helarsprognos")
        )
        assert siffra is not None
        if u.mening == "resultatmening":
            return prose.resultatmening(siffra.belopp, subjekt=subjekt, **stil)  # type: ignore[arg-type]
        if u.mening == "avvikelsemening":
            return prose.avvikelsemening(siffra.belopp, subjekt=subjekt, **stil)  # type: ignore[arg-type]
        forsamring, forbattring = o.siffra("forsamring"), o.siffra("forbattring")
        return prose.prognosmening(
            siffra.belopp,
            forsamring=forsamring.belopp if forsamring else None,
            forbattring=forbattring.belopp if forbattring else None,
            ar=self.ar,
            subjekt="Årets resultat" if o.namnd else f"Helårsresultatet för {o.namn}",
            minus=self.talstil.minus,
            **stil,  # type: ignore[arg-type]
        )

    def _volym(self, u: Upplost) -> str:
        d = u.diagram
        assert d is not None
        huvud = d.serier[-1].varden
        if len(d.serier) >= 2:
            jamforelse, mot = d.serier[-2].varden, d.serier[-2].namn
        else:
            jamforelse, mot = d.budget, "budget"
        index = u.kategori
        if index is None:
            index = max(
                i
                for i, (a, b) in enumerate(zip(huvud, jamforelse, strict=True))
                if a is not None and b is not None
            )
        a, b = huvud[index], jamforelse[index]
        matt = d.matt or "Värdet"
        if u.kategori is not None:
            matt = f"{matt} ({d.kategorier[index]})"
        assert a is not None
        assert b is not None
        return prose.volymmening(
            a,
            b,
            matt=matt,
            jamfort_med=mot,
            mellanslag=self.talstil.procent_mellanslag,
            ungefar=u.format.ungefar,
        )
