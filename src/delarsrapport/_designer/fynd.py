"""What the layout check reports: the codes, a finding, and the findings in a stable order."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

import attrs

from delarsrapport._check.koder import Severity
from delarsrapport._errors import TemplateError
from delarsrapport._render.locations import Plats

__all__ = ["MALLKODER", "Mallfynd", "Mallkod", "Protokoll", "Samlare", "kort", "menade"]


class Mallkod(StrEnum):
    """A finding code of the layout check; the value is what the JSON output and the docs say."""

    MALL_SAKNAS = "MALL-SAKNAS"
    MALL_OLASBAR = "MALL-OLASBAR"
    MALL_INSTALLNING = "MALL-INSTALLNING"
    MALL_STIL = "MALL-STIL"
    MALL_DELAD_TAGG = "MALL-DELAD-TAGG"
    MALL_SYNTAX = "MALL-SYNTAX"
    MALL_FEL_PLATS = "MALL-FEL-PLATS"
    MALL_LOOP_OVER_CELLER = "MALL-LOOP-OVER-CELLER"
    MALL_OKAND_VARIABEL = "MALL-OKAND-VARIABEL"
    MALL_OKANT_FALT = "MALL-OKANT-FALT"
    MALL_INTE_LISTA = "MALL-INTE-LISTA"
    MALL_OKANT_FILTER = "MALL-OKANT-FILTER"
    MALL_FILTERARGUMENT = "MALL-FILTERARGUMENT"
    MALL_OSAKER = "MALL-OSAKER"
    MALL_UTSKRIFT = "MALL-UTSKRIFT"
    MALL_HOPFOGAD_TAGG = "MALL-HOPFOGAD-TAGG"
    MALL_FORMAT_I_TAGG = "MALL-FORMAT-I-TAGG"
    MALL_LOOPRAD = "MALL-LOOPRAD"
    MALL_KOLUMN = "MALL-KOLUMN"
    MALL_MAKRO = "MALL-MAKRO"
    MALL_OLAST_INSTALLNING = "MALL-OLAST-INSTALLNING"
    MALL_VISAS_INTE = "MALL-VISAS-INTE"
    MALL_VISAS_INTE_POST = "MALL-VISAS-INTE-POST"


#: Every code :func:`~delarsrapport._designer.check_layout` reports, with one line in Swedish
#: on what it means.
MALLKODER: Final[dict[Mallkod, str]] = {
    Mallkod.MALL_SAKNAS: "En mall eller inställningsfilen saknas i layoutmappen.",
    Mallkod.MALL_OLASBAR: "Filen går inte att öppna som ett Word-dokument (.docx).",
    Mallkod.MALL_INSTALLNING: "installningar.yaml har ett okänt fält eller ett ogiltigt värde.",
    Mallkod.MALL_STIL: "En stil som installningar.yaml anger under stilar finns inte i mallen.",
    Mallkod.MALL_DELAD_TAGG: "En tagg är delad eller ofullständig i Word så att den inte kan fyllas i.",
    Mallkod.MALL_SYNTAX: "En tagg går inte att tolka, eller ett block ({% if %}, {% for %} …) avslutas fel.",
    Mallkod.MALL_FEL_PLATS: "En {%tr %}-, {%tc %}- eller {%p %}-tagg (eller filtret stycken) står på fel "
    "ställe.",
    Mallkod.MALL_LOOP_OVER_CELLER: "Ett block inne i texten öppnas i en tabellcell och avslutas i en annan.",
    Mallkod.MALL_OKAND_VARIABEL: "Mallen använder en variabel som inte finns för det här dokumentslaget.",
    Mallkod.MALL_OKANT_FALT: "Mallen använder ett fält som variabeln inte har.",
    Mallkod.MALL_INTE_LISTA: "En {% for %} går igenom något som inte är en lista.",
    Mallkod.MALL_OKANT_FILTER: "Ett filter eller test finns inte, eller hör inte till mallspråket.",
    Mallkod.MALL_FILTERARGUMENT: "Ett filter får fel argument, eller ett värde av fel slag.",
    Mallkod.MALL_OSAKER: "Mallen kringgår escapingen eller gör något som sandlådan inte tillåter.",
    Mallkod.MALL_UTSKRIFT: "En lista, ett belopp eller en grupp av fält skrivs ut rått, utan filter.",
    Mallkod.MALL_HOPFOGAD_TAGG: "Word har delat en tagg i flera textbitar; den fogas ihop och fungerar, "
    "men är lätt att förstöra.",
    Mallkod.MALL_FORMAT_I_TAGG: "Formateringen ändras inne i en tagg; resultatet får formateringen från "
    "taggens första tecken.",
    Mallkod.MALL_LOOPRAD: "En tabellrad mellan {%tr for x in … %} och {%tr endfor %} använder inte x, men "
    "upprepas ändå för varje x (till exempel en summarad ovanför {%tr endfor %}).",
    Mallkod.MALL_KOLUMN: "En tabell har en kolumn utan fält eller innehåll, eller rader med olika många "
    "kolumner (till exempel efter att en kolumn under en sammanfogad rubrikcell tagits bort).",
    Mallkod.MALL_MAKRO: "Ett byggblock ({%p macro %}) anropas med fel antal värden eller på fel ställe.",
    Mallkod.MALL_OLAST_INSTALLNING: "En inställning under visa i installningar.yaml slår på något som "
    "ingen av layoutens mallar läser, så den gör ingenting.",
    Mallkod.MALL_VISAS_INTE: "Ett fält i indata som en mall kan visa skrivs aldrig ut av layouten, och står "
    "inte under visas_inte i installningar.yaml.",
    Mallkod.MALL_VISAS_INTE_POST: "En rad under visas_inte i installningar.yaml gäller ett fält som layouten "
    "skriver ut, som inte finns eller som ingen mall kan visa, eller saknar sitt skäl.",
}


@attrs.frozen
class Mallfynd:
    """One problem in a layout: code, severity, file, place and what to do (in Swedish).

    ``plats`` names the part, the paragraph or table cell and its visible text (or the
    line and path in the settings file), for a person to read; ``meddelande`` says what
    is wrong and ``atgard`` what the designer should do. The same place as separate
    values, for programs and for a refused render (:meth:`template_error`): ``del_`` (the
    part: ``dokumentets brödtext``, ``sidhuvudet på första sidan``), ``stalle`` (the place
    within it, in words), ``stycke`` (the paragraph's number in the part), ``tabell``,
    ``tabellrad`` and ``kolumn`` (numbered from 1, for a table cell) and ``text`` (the
    visible text), or for the settings file ``rad`` and ``sokvag`` (the line and the field
    path).
    """

    severity: Severity
    kod: Mallkod
    fil: str
    plats: str
    meddelande: str
    atgard: str
    del_: str | None = attrs.field(default=None, kw_only=True)
    stalle: str = attrs.field(default="", kw_only=True)
    stycke: int | None = attrs.field(default=None, kw_only=True)
    tabell: int | None = attrs.field(default=None, kw_only=True)
    tabellrad: int | None = attrs.field(default=None, kw_only=True)
    kolumn: int | None = attrs.field(default=None, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)
    rad: int | None = attrs.field(default=None, kw_only=True)
    sokvag: str | None = attrs.field(default=None, kw_only=True)

    def template_error(self, template: str, fler: int = 0) -> TemplateError:
        """The error a render of the template raises for this finding: the same message,
        place and action; *fler* more errors are mentioned in the action."""
        atgard = self.atgard
        if fler:
            atgard += (
                f" (mallen har {fler} fel till; 'delarsrapport layout check' på layoutmappen visar alla)"
            )
        return TemplateError(
            self.meddelande,
            template=template,
            part=self.del_ or None,
            location=self.stalle or (None if self.del_ else self.plats),
            text=self.text or None,
            hint=atgard,
            code=str(self.kod),
        )

    def as_dict(self) -> dict[str, str | int | None]:
        """A JSON-ready dict: the shape of ``layout check --json`` (docs/layoutkontroll.schema.json)."""
        return {
            "kod": str(self.kod),
            "grad": str(self.severity),
            "fil": self.fil,
            "del": self.del_,
            "stycke": self.stycke,
            "tabell": self.tabell,
            "tabellrad": self.tabellrad,
            "kolumn": self.kolumn,
            "text": self.text,
            "rad": self.rad,
            "sokvag": self.sokvag,
            "plats": self.plats,
            "meddelande": self.meddelande,
            "atgard": self.atgard,
        }

    def __str__(self) -> str:
        return (
            f"[{self.severity}] {self.kod} {self.fil}, {self.plats}: {self.meddelande}\n"
            f"  åtgärd: {self.atgard}"
        )


@dataclass
class Samlare:
    """Findings with their sort keys: file, part, paragraph, tag, then the order found;
    and the paths under ``installningar`` that the templates read."""

    fynd: list[tuple[tuple[int, ...], int, Mallfynd]] = field(default_factory=list)
    lasta: set[str] = field(default_factory=set)

    def lagg_till(self, nyckel: tuple[int, ...], fynd: Mallfynd) -> None:
        self.fynd.append((nyckel, len(self.fynd), fynd))

    def sorterade(self) -> list[Mallfynd]:
        """The findings in order, each once."""
        ut: list[Mallfynd] = []
        sedda: set[Mallfynd] = set()
        for _nyckel, _nr, f in sorted(self.fynd, key=lambda x: (x[0], x[1])):
            if f not in sedda:
                sedda.add(f)
                ut.append(f)
        return ut


@dataclass
class Protokoll:
    """The findings of one template file, each at its part, paragraph and tag."""

    fil: str
    samlare: Samlare
    filordning: int
    delordning: int = 0
    del_: str = ""

    def fynd(
        self,
        kod: Mallkod,
        severity: Severity,
        plats: Plats | None,
        meddelande: str,
        atgard: str,
        *,
        fokus: str = "",
        tagg: int = 0,
    ) -> None:
        """Record a finding at the paragraph *plats* (None: the part), around the text *fokus*."""
        if plats is None:
            fynd = Mallfynd(severity, kod, self.fil, self.del_, meddelande, atgard, del_=self.del_)
            nyckel = (self.filordning, self.delordning, 0, tagg)
        else:
            utdrag = _utdrag(plats.text, fokus)
            fynd = Mallfynd(
                severity,
                kod,
                self.fil,
                f"{plats}: ”{utdrag}”",
                meddelande,
                atgard,
                del_=plats.del_,
                stalle=plats.stalle,
                stycke=plats.stycke,
                tabell=plats.tabell,
                tabellrad=plats.rad,
                kolumn=plats.kolumn,
                text=utdrag,
            )
            nyckel = (self.filordning, self.delordning, plats.stycke, tagg)
        self.samlare.lagg_till(nyckel, fynd)

    def filfynd(self, kod: Mallkod, plats: str, meddelande: str, atgard: str) -> None:
        """Record an error about the whole file (it cannot be read, a style is missing)."""
        self.samlare.lagg_till(
            (self.filordning, 0, 0, 0),
            Mallfynd(Severity.FEL, kod, self.fil, plats, meddelande, atgard, stalle=plats),
        )


def menade(ord_: str, kandidater: Iterable[str]) -> str:
    """``"; menade du 'x'?"`` for the candidate closest to *ord_*, or nothing."""
    forslag = difflib.get_close_matches(ord_, sorted(set(kandidater)), n=1, cutoff=0.75)
    return f"; menade du {forslag[0]!r}?" if forslag else ""


def kort(text: str, n: int = 80) -> str:
    """*text* on one line, cut to *n* characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _utdrag(text: str, fokus: str) -> str:
    """The paragraph's visible text, cut around *fokus* when it is long."""
    if len(text) <= 160:
        return text
    i = text.find(" ".join(fokus.split())) if fokus else -1
    if i < 0:
        return text[:159] + "…"
    start = max(0, i - 50)
    ut = text[start : start + 158]
    return ("…" if start else "") + ut + ("…" if start + 158 < len(text) else "")
