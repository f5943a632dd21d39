"""The figures a text can name: each area of a report (the nämnd, a verksamhet, an avdelning,
an account row) with its computed amounts under Swedish names.

One register serves both ways text meets figures: a reference in free text
(``<<resultat för Barn och ungdomsvård>>``) is resolved against it, and the check of amounts
in prose matches what a text says against it. Every amount is computed from the exact
model, never typed: the register only gives the model's derived values names.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Final

import attrs

from delarsrapport._model.belopp import Belopp
from delarsrapport._model.ekonomi import EkonomiskUppfoljning, Verksamhetsavsnitt
from delarsrapport._model.rapport import Arende
from delarsrapport._model.rapporterat import diff, summa
from delarsrapport._model.referens import Referens, ReferensError, Referensformat, folda, format_for
from delarsrapport._model.text import Diagram, Rubrik, Text, check_text_fields, texter

__all__ = [
    "ALIAS",
    "MENINGAR",
    "Omrade",
    "Sifferregister",
    "Siffra",
    "Upplost",
    "arendets_texter",
    "los_upp",
    "omraden_i_text",
    "sifferregister",
]

_MANADER: Final = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip

ALIAS: Final[dict[str, str]] = {
    "prognos": "helarsprognos",
    "periodens_resultat": "resultat",
    "prognosspann_min": "spann_min",
    "prognosspann_max": "spann_max",
    "prognosforsamring": "forsamring",
    "prognosforbattring": "forbattring",
    "nettoram": "budgetram",
}
"""Other names for a figure (folded), as people write them."""


@attrs.frozen(field_transformer=check_text_fields)
class Siffra:
    """One named figure: its exact amount and what it is, in Swedish."""

    namn: str
    """The folded name a reference uses: ``helarsprognos``."""
    belopp: Belopp
    beskrivning: str
    """What it is, for messages: "helårsprognosen"."""
    tolerans: Decimal = Decimal(0)
    """How far (in mnkr) the amount may be from the truth because it is summed from rounded
    inputs: 0,2 for a resultaträkning typed with one decimal per row (domain.md §4.3)."""

    @property
    def decimaler(self) -> int:
        """How many decimals in mnkr the amount is known to: an amount typed in whole mnkr
        (a summary transcribed from print) is known to none, one from a tkr table to three,
        one from a resultaträkning (typed with one decimal) at least one."""
        exponent = self.belopp.mnkr.normalize().as_tuple().exponent
        kanda = max(0, -int(exponent)) if isinstance(exponent, int) else 0
        return max(kanda, 1) if self.tolerans else kanda


@attrs.frozen(field_transformer=check_text_fields)
class Omrade:
    """An area of the report with figures: the nämnd, a verksamhet, an avdelning, an account row."""

    namn: str
    """Its name as the report writes it: "Barn och ungdomsvård", "Socialnämnden"."""
    alias: tuple[str, ...] = ()
    """Other names that name it (a summary row's label, a resultaträkning's name)."""
    siffror: dict[str, Siffra] = attrs.field(factory=dict)
    underomraden: tuple[Omrade, ...] = ()
    """Account rows, which a text inside this area may name (``571``, ``Missbrukarvård``)."""
    namnd: bool = False
    avdelning: bool = False
    """An avdelning with a resultaträkning: its result means little (the nämnd's kommunbidrag is
    booked on one of them), so "underskott" in its text is its avvikelse mot budget."""

    def siffra(self, namn: str) -> Siffra | None:
        """The figure *namn* (folded; other names of :data:`ALIAS` accepted)."""
        return self.siffror.get(ALIAS.get(namn, namn))

    def alla_namn(self) -> tuple[str, ...]:
        """Its name and other names."""
        return (self.namn, *self.alias)


@lru_cache(maxsize=4096)
def _kort_namn(namn: str) -> str:
    """A name as areas are compared: folded, without a parenthesis, a leading "avdelning",
    "och" and punctuation: "Flyktingmottagande (ensamkommande)" → "flyktingmottagande",
    "Barn, unga och familj" and "Barn/Unga/Familj" → "barn_unga_familj"."""
    namn = re.sub(r"\([^)]*\)", " ", namn)
    namn = re.sub(r"(?i)^\s*avdelning(en)?\s+", "", namn)
    ord_ = [w for w in re.split(r"[\s/,&\-]+", folda(namn).replace("_", " ")) if w and w != "och"]
    return "_".join(ord_)


@attrs.frozen(field_transformer=check_text_fields)
class Sifferregister:
    """Every area of one ekonomisk uppföljning with its figures; the nämnd first."""

    namnd: Omrade
    omraden: tuple[Omrade, ...]

    def hitta(self, namn: str, inom: Omrade | None = None) -> Omrade | None:
        """The area called *namn*: an account row of *inom* first, then any area, then the nämnd.

        Case, å/ä/ö, hyphens, a parenthesis and a leading "avdelning" do not matter.
        """
        sokt = _kort_namn(namn)
        if sokt in ("namnden", "namnd", "hela_namnden"):
            return self.namnd
        kandidater: list[Omrade] = [
            *((inom, *inom.underomraden) if inom else ()),
            *self.omraden,
            self.namnd,
        ]
        for o in kandidater:
            if any(_kort_namn(n) == sokt for n in o.alla_namn()):
                return o
        if re.fullmatch(r"\d[\d-]*", namn.strip()):  # an account row by its code alone: "571"
            for o in kandidater:
                if any(n.split(" ", 1)[0] == namn.strip() for n in o.alla_namn()):
                    return o
        return None

    def namnforslag(self, namn: str, inom: Omrade | None = None) -> str | None:
        """The area name closest to *namn*, for "menade du …?"."""
        alla = [
            n
            for o in (*(inom.underomraden if inom else ()), *self.omraden, self.namnd)
            for n in o.alla_namn()
        ]
        sokt = _kort_namn(namn)
        if sokt:
            for n in alla:  # a name typed short: "Barn" for "Barn och ungdomsvård"
                if _kort_namn(n).startswith(sokt):
                    return n
        nara = difflib.get_close_matches(sokt, [_kort_namn(n) for n in alla], n=1, cutoff=0.5)
        if not nara:
            return None
        return next(n for n in alla if _kort_namn(n) == nara[0])

    def alla(self) -> Iterator[Omrade]:
        """The nämnd, every area and every account row."""
        yield self.namnd
        for o in self.omraden:
            yield o
            yield from o.underomraden


def sifferregister(e: EkonomiskUppfoljning | None, *, namnd: str) -> Sifferregister:
    """The figures of *e* by area; *namnd* names the nämnd. Without an ekonomisk uppföljning
    the nämnd has no figures (a text may still use references that need none)."""
    if e is None:
        return Sifferregister(Omrade(namnd, namnd=True), ())
    omraden: list[Omrade] = []
    for v in e.verksamheter:
        omraden.append(_verksamhet(v))
    berakning = e.sammanfattning_berakning()
    if berakning is not None:
        for rad in (r for top in berakning.rader for r in (top, *top.varav)):
            varden = rad.varden
            siffror = _siffror(
                ("resultat", varden.periodens_utfall, "periodens resultat"),
                ("resultat_fg", varden.periodens_utfall_fg, "resultatet samma period föregående år"),
                ("helarsprognos", varden.helarsprognos, "helårsprognosen"),
                ("kommunbidrag", varden.kommunbidrag, "kommunbidraget för året"),
            )
            namn = [rad.rad.namn, *([rad.rad.verksamhet] if rad.rad.verksamhet else [])]
            omraden.append(Omrade(namn[0], tuple(namn[1:]), siffror))
    for tabell in (e.driftredovisning, e.ekonomiskt_bistand):
        for d in tabell.rader if tabell else ():
            siffror = _siffror(
                ("avvikelse", d.avvikelse_netto, "avvikelsen mot budget (netto)"),
                ("resultat", d.avvikelse_netto, "resultatet mot budget (netto)"),
            )
            omraden.append(Omrade(d.namn, (), siffror))
    bistand = e.ekonomiskt_bistand_budget.rader if e.ekonomiskt_bistand_budget else ()
    for b in (*e.driftbudget_rader(), *bistand):
        siffror = _siffror(
            ("budgetram", b.budget_netto, "budgetramen (budget netto)"),
            ("budgetramsforandring", b.forandring, "förändringen av budgetramen"),
        )
        omraden.append(Omrade(b.namn, (), siffror))
    return Sifferregister(_namnd(e, namnd), tuple(_sla_ihop(omraden)))


#: How far a figure summed from a resultaträkning's rounded rows may be off (mnkr, §4.3).
RR_TOLERANS: Final = Decimal("0.2")


def _siffror(*rader: tuple[str, Belopp | None, str], tolerans: Decimal = Decimal(0)) -> dict[str, Siffra]:
    return {namn: Siffra(namn, b, text, tolerans) for namn, b, text in rader if b is not None}


def _sla_ihop(omraden: Iterable[Omrade]) -> list[Omrade]:
    """Areas that name the same thing (a section, its summary row, its driftbudget row) as one;
    the first's figures win."""
    ut: list[Omrade] = []
    for o in omraden:
        nycklar = {_kort_namn(n) for n in o.alla_namn()}
        for i, fanns in enumerate(ut):
            if nycklar & {_kort_namn(n) for n in fanns.alla_namn()}:
                alias = tuple(dict.fromkeys(n for n in (*fanns.alias, *o.alla_namn()) if n != fanns.namn))
                ut[i] = attrs.evolve(
                    fanns,
                    alias=alias,
                    siffror={**o.siffror, **fanns.siffror},
                    underomraden=fanns.underomraden or o.underomraden,
                    avdelning=fanns.avdelning or o.avdelning,
                )
                break
        else:
            ut.append(o)
    return ut


def _verksamhet(v: Verksamhetsavsnitt) -> Omrade:
    siffror: dict[str, Siffra] = {}
    underomraden: list[Omrade] = []
    alias: list[str] = []
    avdelning = False
    if v.tabell is not None:
        t = v.tabell
        siffror |= _siffror(
            ("resultat", t.resultat.utfall_period, "periodens resultat"),
            ("avvikelse", t.avvikelse_mot_budget, "periodens avvikelse mot budget"),
            ("nettokostnad", t.nettokostnad.utfall_period, "periodens nettokostnad"),
            ("helarsprognos", t.resultat.ny_prognos_ar, "helårsprognosen"),
            (
                "prognosavvikelse",
                diff(t.resultat.ny_prognos_ar, t.resultat.budget_ar),
                "helårsprognosen mot budget",
            ),
            ("kommunbidrag", t.kommunbidrag.budget_ar, "kommunbidraget för året"),
            ("budgeterat_resultat", t.resultat.budget_period, "det budgeterade resultatet för perioden"),
        )
        for k in t.konton:
            namn = f"{k.kod} {k.namn}" if k.kod else k.namn
            underomraden.append(
                Omrade(
                    namn,
                    (k.namn,),
                    _siffror(
                        ("utfall", k.belopp.utfall_period, "periodens utfall"),
                        ("budget", k.belopp.budget_period, "periodens budget"),
                        ("avvikelse", k.avvikelse, "periodens avvikelse mot budget"),
                    ),
                )
            )
    if v.insatskostnad is not None:
        siffror |= _siffror(
            ("insatskostnad", v.insatskostnad.totalt.utfall_period, "periodens insatskostnad"),
            ("insatsavvikelse", v.insatskostnad.avvikelse, "insatskostnadens avvikelse mot budget"),
        )
    if v.resultatrakning is not None:
        r = v.resultatrakning.resultat
        if v.resultatrakning.namn != v.namn:
            alias.append(v.resultatrakning.namn)
        avdelning = True
        siffror = (
            _siffror(
                ("resultat", r.utfall_period, "periodens resultat"),
                ("avvikelse", r.diff_period, "periodens avvikelse mot budget"),
                ("helarsprognos", r.prognos_ar, "helårsprognosen"),
                ("prognosavvikelse", r.diff_ar, "helårsprognosen mot budget"),
                tolerans=RR_TOLERANS,
            )
            | siffror
        )
    return Omrade(v.namn, tuple(alias), siffror, tuple(underomraden), avdelning=avdelning)


def _namnd(e: EkonomiskUppfoljning, namn: str) -> Omrade:
    resultat = e.periodens_resultat if e.periodens_resultat is not None else e.budgetavvikelse_bokslut
    # Figures from the nämnd's resultaträkning are sums of rows typed with one decimal.
    tolerans = RR_TOLERANS if e.resultatrakning is not None else Decimal(0)
    fran_rr = _siffror(
        ("resultat", resultat, "periodens resultat"),
        ("avvikelse", _namnd_avvikelse(e), "periodens avvikelse mot budget"),
        ("helarsprognos", e.helarsprognos, "helårsprognosen"),
        ("prognosavvikelse", _namnd_prognosavvikelse(e), "helårsprognosen mot budget"),
        ("kommunbidrag", e.kommunbidrag, "kommunbidraget för året"),
        tolerans=tolerans,
    )
    rader: list[tuple[str, Belopp | None, str]] = []
    berakning = e.sammanfattning_berakning()
    if berakning is not None:
        rader.append(
            ("resultat_fg", berakning.totalt.periodens_utfall_fg, "resultatet samma period föregående år")
        )
    if e.prognososakerhet is not None:
        rader += [
            ("forsamring", e.prognososakerhet.forsamring, "den möjliga prognosförsämringen"),
            ("forbattring", e.prognososakerhet.forbattring, "den möjliga prognosförbättringen"),
        ]
    if e.prognosspann is not None:
        fran_rr |= _siffror(
            ("spann_min", e.prognosspann[0], "prognosspannets lägsta värde"),
            ("spann_max", e.prognosspann[1], "prognosspannets högsta värde"),
            tolerans=tolerans,
        )
    if e.investeringar is not None:
        i = e.investeringar
        rader += [
            ("investeringsbudget", i.kf_budget, "investeringsbudgeten"),
            ("investeringsutfall", i.periodens_utfall, "periodens investeringar"),
            ("investeringsprognos", i.helarsprognos, "helårsprognosen för investeringar"),
        ]
    elif e.investeringsredovisning is not None:
        s = e.investeringsredovisning.summa
        rader += [
            ("investeringsbudget", s.budget_ar, "investeringsbudgeten för året"),
            ("investeringsutfall", s.redovisat_ar, "årets redovisade investeringar"),
        ]
    for t in e.tidigare_prognoser:
        manad = _MANADER[t.manad - 1]
        fran_rr |= _siffror(
            (f"forandring_mot_{manad}prognos", e.forandring_mot(t), f"helårsprognosen mot {manad}prognosen"),
            tolerans=tolerans,
        )
        rader += [
            (f"{manad}prognos", t.belopp, f"prognosen i {manad}"),
            (f"{manad}prognos_forbattring", t.forbattring, f"{manad}prognosens möjliga förbättring"),
            (f"{manad}prognos_forsamring", t.forsamring, f"{manad}prognosens möjliga försämring"),
        ]
    if e.avvikelse_mot_hostprognos is not None:
        rader.append(
            ("avvikelse_mot_hostprognos", e.avvikelse_mot_hostprognos, "bokslutet mot höstprognosen")
        )
    if e.driftbudget is not None:
        summa_ = e.driftbudget_summa()
        if summa_ is not None:
            rader += [
                ("budgetram", summa_.budget_netto, "budgetramen (budget netto)"),
                ("budgetramsforandring", summa_.forandring, "förändringen av budgetramen"),
            ]
    return Omrade(namn, (), fran_rr | _siffror(*rader), namnd=True)


def _komplett(e: EkonomiskUppfoljning) -> bool:
    """Whether the verksamheter's detail tables cover the whole nämnd: every summary row
    is derived from a table, or has nothing in it (Övriga verksamheter)."""
    berakning = e.sammanfattning_berakning()
    if berakning is None:
        return all(v.tabell is not None for v in e.verksamheter)
    for r in berakning.rader:
        if r.harledda:
            continue
        if any(getattr(r.varden, k) for k in ("kommunbidrag", "periodens_utfall", "helarsprognos")):
            return False
    return True


def _namnd_avvikelse(e: EkonomiskUppfoljning) -> Belopp | None:
    if e.resultatrakning is not None and e.resultatrakning.resultat.diff_period is not None:
        return e.resultatrakning.resultat.diff_period
    tabeller = [v.tabell for v in e.verksamheter if v.tabell is not None]
    if tabeller and _komplett(e):
        varden = [t.avvikelse_mot_budget for t in tabeller]
        if None not in varden:
            return summa(varden)
    return e.budgetavvikelse_bokslut


def _namnd_prognosavvikelse(e: EkonomiskUppfoljning) -> Belopp | None:
    if e.resultatrakning is not None and e.resultatrakning.resultat.diff_ar is not None:
        return e.resultatrakning.resultat.diff_ar
    tabeller = [v.tabell for v in e.verksamheter if v.tabell is not None]
    if tabeller and _komplett(e):
        varden = [diff(t.resultat.ny_prognos_ar, t.resultat.budget_ar) for t in tabeller]
        if None not in varden:
            return summa(varden)
    return None


# -- references, resolved -------------------------------------------------------------------

MENINGAR: Final = (
    "resultatmening",
    "avvikelsemening",
    "prognosmening",
    "volymmening",
    "internkontrollmening",
)
"""The standard sentences a reference can stand for: ``<<resultatmening>>``."""

_MENINGSKRAV: Final = {
    "resultatmening": "resultat",
    "avvikelsemening": "avvikelse",
    "prognosmening": "helarsprognos",
}


@attrs.frozen(field_transformer=check_text_fields)
class Upplost:
    """A reference resolved: the area it names and the figure or standard sentence it stands for."""

    referens: Referens
    format: Referensformat
    omrade: Omrade
    siffra: Siffra | None = None
    mening: str | None = None
    """The name of a standard sentence (:data:`MENINGAR`), or None for a figure."""
    diagram: Diagram | None = None
    """The chart a ``volymmening`` compares from."""
    kategori: int | None = None
    """The chart's category (its index) a ``volymmening`` is about; None for the last."""


def omraden_i_text(text: Text, register: Sifferregister, standard: Omrade) -> list[Omrade]:
    """The area of each block of *text*: *standard*, except after a sub-heading that names an
    area (``{rubrik: Vuxen}`` in a nämnd's analysis), until the next sub-heading."""
    ut: list[Omrade] = []
    aktuellt = standard
    for block in text:
        if isinstance(block, Rubrik):
            aktuellt = register.hitta(block.text, standard) or standard
        ut.append(aktuellt)
    return ut


def los_upp(
    ref: Referens,
    register: Sifferregister,
    omrade: Omrade,
    *,
    diagram: Diagram | None = None,
    internkontroll: bool = False,
) -> Upplost:
    """*ref* resolved in the text's area *omrade*; raises ReferensError saying what is wrong
    and what the nearest right name is.

    *diagram* is the chart before the reference in the same text (for ``volymmening``),
    *internkontroll* whether the ärende has an internkontroll (for ``internkontrollmening``).
    """
    format_ = format_for(ref.val, ref.fras)
    if ref.namn == "volymmening":
        return _volymmening(ref, format_, omrade, diagram)
    if ref.omrade is not None:
        hittat = register.hitta(ref.omrade, omrade)
        if hittat is None:
            forslag = register.namnforslag(ref.omrade, omrade)
            menade = f" (menade du {forslag!r}?)" if forslag else ""
            raise ReferensError(
                f"det finns inget område {ref.omrade!r}{menade} i rapportens ekonomi; områdena är "
                + ", ".join(o.namn for o in (register.namnd, *register.omraden))
            )
        omrade = hittat
    if ref.namn == "internkontrollmening":
        if not internkontroll:
            raise ReferensError("internkontrollmening kräver en internkontroll bland ärendets bilagor")
        return Upplost(ref, format_, omrade, mening=ref.namn)
    if ref.namn in _MENINGSKRAV:
        if omrade.siffra(_MENINGSKRAV[ref.namn]) is None:
            raise ReferensError(
                f"{ref.namn} kräver siffran {_MENINGSKRAV[ref.namn]!r}, som {_vem(omrade)} inte har"
                + _finns(omrade)
            )
        return Upplost(ref, format_, omrade, mening=ref.namn)
    siffra = omrade.siffra(ref.namn)
    if siffra is None:
        namn = [*omrade.siffror, *MENINGAR]
        nara = difflib.get_close_matches(ref.namn, [*namn, *ALIAS], n=1, cutoff=0.6)
        menade = f" (menade du {nara[0]!r}?)" if nara else ""
        raise ReferensError(f"{_vem(omrade)} har ingen siffra {ref.namn!r}{menade}" + _finns(omrade))
    return Upplost(ref, format_, omrade, siffra=siffra)


def _vem(omrade: Omrade) -> str:
    return "nämnden" if omrade.namnd else repr(omrade.namn)


def _finns(omrade: Omrade) -> str:
    if not omrade.siffror:
        return "; här finns inga siffror (ärendet saknar ekonomisk uppföljning med de tabellerna)"
    return "; här finns " + ", ".join(omrade.siffror)


def _volymmening(ref: Referens, format_: Referensformat, omrade: Omrade, diagram: Diagram | None) -> Upplost:
    if diagram is None:
        raise ReferensError(
            "volymmening jämför värdena i ett diagram; sätt den efter ett {diagram: …} i samma text"
        )
    if len(diagram.serier) < 2 and not diagram.budget:
        raise ReferensError(
            f"volymmening jämför två serier (eller en serie och budget), men diagrammet {diagram.rubrik!r} "
            "har bara en serie"
        )
    kategori: int | None = None
    if ref.omrade is not None:
        sokt = folda(ref.omrade)
        for i, k in enumerate(diagram.kategorier):
            if folda(k) == sokt:
                kategori = i
                break
        else:
            nara = difflib.get_close_matches(sokt, [folda(k) for k in diagram.kategorier], n=1, cutoff=0.5)
            menade = (
                f" (menade du {diagram.kategorier[[folda(k) for k in diagram.kategorier].index(nara[0])]!r}?)"
                if nara
                else ""
            )
            raise ReferensError(
                f"diagrammet {diagram.rubrik!r} har ingen kategori {ref.omrade!r}{menade}; kategorierna är "
                + ", ".join(diagram.kategorier)
            )
    jamforelse = diagram.serier[-2].varden if len(diagram.serier) >= 2 else diagram.budget
    huvud = diagram.serier[-1].varden
    par = [
        i for i, (a, b) in enumerate(zip(huvud, jamforelse, strict=True)) if a is not None and b is not None
    ]
    if (kategori is None and not par) or (kategori is not None and kategori not in par):
        var = f"för {diagram.kategorier[kategori]!r} " if kategori is not None else ""
        raise ReferensError(
            f"volymmening behöver ett värde i båda serierna {var}i diagrammet {diagram.rubrik!r}"
        )
    return Upplost(ref, format_, omrade, mening="volymmening", diagram=diagram, kategori=kategori)


def arendets_texter(
    arende: Arende, register: Sifferregister, base: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Text, Omrade]]:
    """Every free text of *arende* with its input path and its area: a verksamhet's own texts
    belong to the verksamhet (and a budget distribution's to its område), the rest to the nämnd."""
    yield from (
        (p, t, register.namnd) for p, t in texter(arende.tjansteskrivelse, (*base, "tjansteskrivelse"))
    )
    for i, bilaga in enumerate(arende.bilagor):
        for j, del_ in enumerate(bilaga.delar):
            path = (*base, "bilagor", i, "delar", j, del_.kind)
            for p, text in texter(del_, path):
                yield p, text, _standardomrade(del_, p[len(path) :], register)


def _standardomrade(del_: object, rest: tuple[str | int, ...], register: Sifferregister) -> Omrade:
    if isinstance(del_, EkonomiskUppfoljning) and len(rest) >= 2 and isinstance(rest[1], int):
        namn: str | None = None
        if rest[0] == "verksamheter":
            namn = del_.verksamheter[rest[1]].namn
        elif rest[0] == "budgetfordelning":
            namn = del_.budgetfordelning[rest[1]].omrade
        if namn is not None:
            return register.hitta(namn) or register.namnd
    return register.namnd
