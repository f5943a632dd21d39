"""Amounts in prose against the figures: what running text says, matched to what the tables compute.

Real reports contradict themselves most often in their sentences: "ett underskott på
39,0 mnkr" where the table gives 39,1, a sign word that says the opposite of the sign,
"följer budget" for a verksamhet four million off. This check reads every free text
of an ärende, finds the amounts in it ("underskott på 2,3 mnkr", "-64,9 miljoner kronor",
"272 054 tkr"), works out which figure each is about, and reports a disagreement larger
than the rounding of the printed precision. It never rewrites the text.

Which figure an amount is about follows from two things in its sentence, and the check
judges only when it knows both (an amount it cannot place is listed, never reported):

- the *area*: the last verksamhet, avdelning, account row or nämnd the sentence names
  before the amount; or, for a sentence that starts with a generic subject ("Verksamheten",
  "Resultatet", "Augustiprognosen"), the area the text belongs to (a verksamhet's section,
  or the area a sub-heading names);
- the *quantity*: the words of its clause ("avvikelse", "mot budget", "nettokostnad",
  "prognosen i mars", "insats", …), tried in a fixed order.

References (``<<resultat>>``) are written from the figures and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Final, Literal

import attrs

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Path_, Recorder, kort, tal
from delarsrapport._model.rapport import Arende, Delarsrapport
from delarsrapport._model.referens import OPPNA, STANG
from delarsrapport._model.siffror import (
    Omrade,
    Sifferregister,
    Siffra,
    arendets_texter,
    omraden_i_text,
    sifferregister,
)
from delarsrapport._model.text import blocktexter
from delarsrapport.formatting import avrunda

__all__ = ["Traff", "prosa", "traffar"]

Dom = Literal["stammer", "fel", "tecken", "obedomd"]


@attrs.frozen
class Traff:
    """One amount found in prose, and what the check made of it."""

    path: Path_
    mening: str
    """The sentence it stands in."""
    text: str
    """The amount as written: "39,0 mnkr"."""
    varde: Decimal
    """The amount in mnkr, signed when the text gives a sign."""
    decimaler: int
    """The decimals it is written with, in mnkr (three more for tkr)."""
    omrade: Omrade | None
    siffra: Siffra | None
    dom: Dom
    """``stammer`` (agrees), ``fel`` (the amount disagrees), ``tecken`` (a sign word or sign
    disagrees, or both are written), ``obedomd`` (the check could not place it)."""
    teckenord: str | None = None
    signerad: bool = False


_ENHETER: Final[dict[str, tuple[str, int]]] = {
    # the unit as written: (the unit messages use, how many decimals one is in mnkr)
    "mnkr": ("mnkr", 0),
    "mkr": ("mnkr", 0),
    "miljoner kronor": ("mnkr", 0),
    "miljon kronor": ("mnkr", 0),
    "miljoner kr": ("mnkr", 0),
    "tkr": ("tkr", 3),
    "tusen kronor": ("tkr", 3),
}

_BELOPP: Final = re.compile(
    r"(?<![\d.,])(?P<spann>\+/-\s?|plus/minus\s)?(?P<tecken>[-−–+](?=\d))?"
    r"(?P<tal>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(?P<dec>\d+))?"
    r"(?:\s?/\s?-(?P<andra>\d+(?:,\d+)?))?"
    r"\s?(?P<enhet>miljoner kronor|miljon kronor|miljoner kr\b|mnkr\b|mkr\b|tkr\b|tusen kronor)"
)

_MENING: Final = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")
_SATSGRANS: Final = re.compile(r"[,;:]|\s(?:och|samt|vilket|varav|men)\s")

# Sentence starts that name no area: the sentence is about the text's own area.
_GENERISKT: Final = re.compile(
    r"(?i)^(?:verksamheten|verksamhetens|resultatet|periodens resultat|årets resultat|augustiprognosen|"
    r"prognosen|helårsprognosen|nettokostnaden|insatskostnaden|kostnaden för insatser|"
    r"insats och placeringskostnader|avdelningen|avdelningens|totalt|för helåret|det totala|"
    r"investeringsbudget(?:en)?|prognoss?äkerheten|en prognososäkerhet|budgetram(?:en)?|"
    r"ökning av budgetram|minskning av budgetram)\b"
)
_GENERISKA_AGARE: Final = frozenset(
    {"verksamheten", "perioden", "helåret", "året", "avdelningen", "nämnden", "insatser", "helår", "att"}
)
"""What "för" may be followed by in a generic subject ("Nettokostnaden för verksamheten")."""
_INSATS: Final = re.compile(r"(?i)^(?:insatskostnaden|kostnaden för insatser|insats och placeringskostnader)")
_BALANS: Final = re.compile(
    r"(?i)\b(?:följer|har följt|följde) budget\b|\bvisar en budget i balans\b|\bär i enlighet med budget\b"
    r"|\b(?:har|redovisar) ett resultat i balans\b"
)
_NEGATIVT_ORD: Final = re.compile(r"(?i)\b(underskott\w*|negativ[at]?|minskning)\b")
_POSITIVT_ORD: Final = re.compile(r"(?i)\b(överskott\w*|positiv[at]?|ökning)\b")
_MANAD: Final = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


def traffar(rapport: Delarsrapport) -> Iterator[tuple[int, Traff]]:
    """Every amount in the prose of every ärende (its index), judged: the check's raw material."""
    for index, arende in enumerate(rapport.arenden):
        base: Path_ = () if index == 0 else ("ovriga_arenden", index - 1)
        register = sifferregister(arende.ekonomi, namnd=rapport.namnd.namn)
        for traff in _arende(arende, register, base, rapport.namnd.namn):
            yield index, traff


def prosa(c: Recorder, rapport: Delarsrapport, arende: Arende, base: Path_) -> None:
    """Findings for the amounts and balance words in the ärende's prose that disagree with the figures."""
    register = sifferregister(arende.ekonomi, namnd=rapport.namnd.namn)
    for t in _arende(arende, register, base, rapport.namnd.namn):
        if t.dom in ("fel", "tecken"):
            _rapportera(c, t)
    for path, text, standard in arendets_texter(arende, register, base):
        omraden = omraden_i_text(text, register, standard)
        for k, block in enumerate(text):
            for sub, varde in blocktexter(block):
                for mening in _meningar(varde):
                    _balans(c, (*path, k, *sub), mening, omraden[k], register, rapport.namnd.namn)
                    for m in re.finditer(r"(?<![\d,])1 miljoner kronor", mening):
                        c.add(
                            Kod.PROSA_ENHETSORD,
                            (*path, k, *sub),
                            f"Texten skriver {m.group(0)!r}; ett belopp som är exakt 1 skrivs "
                            f"'1 miljon kronor' ({kort(mening, 80)!r}).",
                            printed=m.group(0),
                            computed="1 miljon kronor",
                        )


def _arende(arende: Arende, register: Sifferregister, base: Path_, namnd: str) -> Iterator[Traff]:
    for path, text, standard in arendets_texter(arende, register, base):
        omraden = omraden_i_text(text, register, standard)
        for k, block in enumerate(text):
            for sub, varde in blocktexter(block):
                for mening in _meningar(varde):
                    yield from _belopp_i_mening((*path, k, *sub), mening, omraden[k], register, namnd)


def _meningar(text: str) -> list[str]:
    """The sentences of a paragraph, references removed (they are written from the figures)."""
    if OPPNA in text:
        text = re.sub(re.escape(OPPNA) + r".*?" + re.escape(STANG), "…", text.replace(OPPNA * 2, ""))
    return [m for m in _MENING.split(" ".join(text.split())) if m]


# -- areas ----------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _namnmonster(namn: str) -> re.Pattern[str]:
    """A name as a pattern in running text: each word may take a definite or genitive ending
    ("Barn och ungdomsvården" for "Barn och ungdomsvård"), a hyphen is optional."""
    namn = re.sub(r"\([^)]*\)", " ", namn)
    namn = re.sub(r"(?i)^\s*avdelning(en)?\s+", "", namn)
    ord_ = [w for w in re.split(r"[\s/,&]+|-(?=\s)", namn.strip()) if w]
    if not ord_:
        return re.compile(r"(?!)")
    delar = [re.escape(w.rstrip("-")) + r"(?:en|n|et|t|s|ens|ets|ns|-)?" for w in ord_]
    monster = r"(?<![\wåäö])" + r"[\s,/&-]+(?:och\s+)?".join(delar) + r"(?![\wåäö])"
    return re.compile(monster, re.IGNORECASE)


def _omnamnda(
    mening: str, register: Sifferregister, eget: Omrade, namnd: str
) -> list[tuple[int, int, Omrade]]:
    """Every area the sentence names, as (start, end, area); a name inside a longer one is dropped."""
    kandidater: list[tuple[int, int, Omrade]] = []
    omraden = [*register.omraden, register.namnd, *eget.underomraden]
    for o in omraden:
        for n in o.alla_namn():
            for m in _namnmonster(n).finditer(mening):
                kandidater.append((m.start(), m.end(), o))
    for m in re.finditer(r"(?i)\b(?:nämnden|nämndens|" + re.escape(namnd) + r"s?)\b", mening):
        kandidater.append((m.start(), m.end(), register.namnd))
    kandidater.sort(key=lambda x: (x[0], -(x[1] - x[0])))  # stable: an area before an account row
    ut: list[tuple[int, int, Omrade]] = []
    for start, slut, o in kandidater:
        if ut and start < ut[-1][1]:
            continue
        ut.append((start, slut, o))
    return ut


def _omrade_for(
    mening: str, position: int, eget: Omrade, alla_namnda: list[tuple[int, int, Omrade]]
) -> Omrade | None:
    namnda = [(a, b, o) for a, b, o in alla_namnda if a < position]
    if namnda:
        if len(namnda) >= 2 and re.fullmatch(r"(?i)\s+inklusive\s+", mening[namnda[-2][1] : namnda[-1][0]]):
            return _tillsammans(namnda[-2][2], namnda[-1][2])
        return namnda[-1][2]
    generiskt = _GENERISKT.match(mening)
    if generiskt is None:
        return None
    # "Resultatet för Socialjouren …": the sentence names something the report has no figures for.
    for m in re.finditer(r"(?i)\bför\s+([\wåäö]+)", mening[generiskt.end() : position]):
        if m.group(1).lower() not in _GENERISKA_AGARE and not m.group(1).isdigit():
            return None
    return eget


def _tillsammans(a: Omrade, b: Omrade) -> Omrade:
    """ "A inklusive B": the two areas' figures summed (001's "Barn och ungdomsvården inklusive
    vård och omsorg om personer med funktionsnedsättning")."""
    siffror = {
        namn: Siffra(
            namn, s.belopp + b.siffror[namn].belopp, s.beskrivning, s.tolerans + b.siffror[namn].tolerans
        )
        for namn, s in a.siffror.items()
        if namn in b.siffror
    }
    return Omrade(f"{a.namn} inklusive {b.namn}", siffror=siffror, avdelning=a.avdelning)


# -- quantities -----------------------------------------------------------------------------


def _sats_fore(mening: str, start: int, namnda: Sequence[tuple[int, int, Omrade]] = ()) -> str:
    """The clause before an amount: back to the last comma or "och", "samt", "vilket" that is
    not inside a name ("Barn och ungdomsvården")."""
    fore = mening[:start]
    granser = [g for g in _SATSGRANS.finditer(fore) if not any(a <= g.start() < b for a, b, _ in namnda)]
    return fore[granser[-1].end() :] if granser else fore


_STORHETSORD: Final = re.compile(
    r"(?i)^(?:underskott|överskott|resultat|utfall|avvikelse|nettokostnad|prognos|helårsprognos|"
    r"insatskostnad|kostnad|spann|prognososäkerhet|budget|budgetram|nettoram|intervall|"
    r"utök|ök|minsk|förändr|uppgå|skett|sker)\w*$"
)
"""The nouns (and verbs of change) an amount after "på", "om", "med" may be of, for it to be a
figure of the report: "ett underskott på", "budgetramen utökats med"."""


def _huvudord(fore: str) -> str | None:
    """The noun an amount is "of": "underskott" in "ett underskott på 2,9", "krav" in
    "effektiviseringskrav på 18,6"; None when no preposition stands before the amount."""
    fore = re.sub(rf"(?i)\s+per\s+(?:{_MANAD})\b", "", fore)  # "ett resultat per augusti om 2,3"
    m = re.search(
        r"([\wåäö]+)\s+(?:på|om|med)\s+(?:ca\s+|cirka\s+|knappt\s+|drygt\s+)?$", fore, re.IGNORECASE
    )
    return m.group(1) if m else None


def _storhet(
    omrade: Omrade,
    mening: str,
    start: int,
    slut: int,
    namnda: list[tuple[int, int, Omrade]],
    *,
    insats: bool = False,
    investering: bool = False,
) -> str | None:
    """The figure of *omrade* the amount at mening[start:slut] is about, by the words around it."""
    sats = _sats_fore(mening, start, namnda).lower()
    efter = mening[slut : slut + 40].lower()
    fore = mening[:start].lower()
    huvud = _huvudord(fore)
    if huvud is not None and not _STORHETSORD.match(huvud):
        return None  # "effektiviseringskrav på 18,6 mnkr", "semesterlöner på 1,6 mnkr"
    if re.match(r"\W*(?:högre|lägre|mer|mindre)\b", efter):
        return None  # a difference ("3,0 mnkr lägre än budget"), not the figure itself
    if re.search(r"(?:underskott|överskott|kostnad|intäkt)\w*\s+(?:av|gällande|avseende)\s", sats):
        return None  # "ett underskott av semesterlöneskulden": of something else
    if m := re.match(rf"\W*mot ({_MANAD})prognos", efter):
        return f"forandring_mot_{m.group(1)}prognos"
    if re.match(r"\W*mot prognos", efter):
        return None
    if m := re.search(rf"prognosen i ({_MANAD})\b|\b({_MANAD})prognosens\b", fore):
        return f"{m.group(1) or m.group(2)}prognos"
    if re.search(r"(\+/-|plus/minus)\s*$", fore) or "prognososäkerhet" in sats or "spann" in sats:
        return "forsamring"
    if insats or "insats" in sats:
        return "insatsavvikelse" if "avvikelse" in sats else "insatskostnad"
    if "nettokostnad" in sats:
        return "nettokostnad"
    if investering or "investering" in fore:
        if "budget" in fore:
            return "investeringsbudget"
        return "investeringsprognos" if "prognos" in fore else "investeringsutfall"
    if re.search(r"budgetram|nettoram|ökning av budget|minskning av budget", sats):
        forandring = re.search(r"ökning|minskning|förändring|utökats|ökas|ökats|minskas|minskats", sats)
        return "budgetramsforandring" if forandring else "budgetram"
    mot_budget = bool(re.match(r"\W*(?:mot|jämfört med) budget", efter)) or "jämfört med budget" in sats
    if re.search(r"prognos|helår|bedöms|förväntat|förväntas|talar för", fore):
        # An avdelning's forecast is told as its deviation (004: "förväntat underskott på 1,3").
        return "prognosavvikelse" if mot_budget or omrade.avdelning else "helarsprognos"
    if "avvikelse" in sats or mot_budget:
        return "avvikelse"
    if re.search(r"underskott|överskott|resultat|utfall", sats):
        return "avvikelse" if omrade.avdelning else "resultat"
    return None


def _siffra(omrade: Omrade, storhet: str) -> Siffra | None:
    siffra = omrade.siffra(storhet)
    if siffra is None and storhet == "avvikelse":
        # A summary transcribed from print has no budgeted period result: its row's period
        # result is what the text calls the deviation (Uppsala 2024).
        siffra = omrade.siffra("resultat")
    return siffra


# -- judging --------------------------------------------------------------------------------


def _varde(text: str, dec: str | None, enhet: str) -> tuple[Decimal, int]:
    enhet_ut, skala = _ENHETER[enhet]
    heltal = re.sub(r"[ \u00a0]", "", text)
    del enhet_ut
    varde = Decimal(heltal + ("." + dec if dec else "")).scaleb(-skala)
    return varde, (len(dec) if dec else 0) + skala


def _stammer(p: Decimal, decimaler: int, s: Siffra, varde: Decimal) -> bool:
    """Whether printed *p* (written with *decimaler*) is *varde* of figure *s* at that precision."""
    q = min(decimaler, s.decimaler)
    if avrunda(varde, q) == avrunda(p, q):
        return True
    return abs(p - varde) <= s.tolerans + Decimal(5).scaleb(-q - 1)


def _belopp_i_mening(
    path: Path_, mening: str, eget: Omrade, register: Sifferregister, namnd: str
) -> Iterator[Traff]:
    insats = bool(_INSATS.match(mening))
    namnda: list[tuple[int, int, Omrade]] | None = None
    for m in _BELOPP.finditer(mening):
        if namnda is None:
            namnda = _omnamnda(mening, register, eget, namnd)
        enhet = m.group("enhet").lower()
        p, decimaler = _varde(m.group("tal"), m.group("dec"), enhet)
        signerad = m.group("tecken") is not None and m.group("tecken") != "+"
        if signerad:
            p = -p
        omrade = _omrade_for(mening, m.start(), eget, namnda)
        sats = _sats_fore(mening, m.start(), namnda)
        artikel = list(re.finditer(r"(?i)\b(?:ett|en)\b", sats))
        ordet = _teckenord(sats[artikel[-1].start() :] if artikel else sats)
        bas = Traff(path, mening, m.group(0).strip(), p, decimaler, omrade, None, "obedomd", ordet, signerad)
        if omrade is None:
            yield bas
            continue
        if m.group("spann") or m.group("andra"):
            yield _spann(m, register, mening, bas)
            continue
        investering = any(isinstance(x, str) and "investering" in x for x in path)
        storhet = _storhet(omrade, mening, m.start(), m.end(), namnda, insats=insats, investering=investering)
        fore_namn = [n for n in namnda if n[1] <= m.start()]
        if storhet is None and fore_namn and re.fullmatch(r"[\s,]*", mening[fore_namn[-1][1] : m.start()]):
            # "avdelning ledning, -15,4 mnkr, … som visar underskott": the amount stands right
            # after the area's name, and the words come after it.
            rest = mening[m.end() :]
            if _NEGATIVT_ORD.search(rest) or _POSITIVT_ORD.search(rest):
                storhet = "avvikelse" if omrade.avdelning else "resultat"
        siffra = _siffra(omrade, storhet) if storhet else None
        if siffra is None:
            yield bas
            continue
        varde = siffra.belopp.mnkr
        if ordet is not None and signerad:
            yield attrs.evolve(bas, siffra=siffra, dom="tecken")
            continue
        if ordet is not None:
            noll = _stammer(Decimal(0), decimaler, siffra, varde)
            if not noll and (varde < 0) != (ordet == "negativt"):
                yield attrs.evolve(bas, siffra=siffra, dom="tecken")
                continue
            p_jamfor, v_jamfor = abs(p), abs(varde)
        elif signerad:
            p_jamfor, v_jamfor = p, varde
        else:
            p_jamfor, v_jamfor = abs(p), abs(varde)
        dom: Dom = "stammer" if _stammer(p_jamfor, decimaler, siffra, v_jamfor) else "fel"
        yield attrs.evolve(bas, siffra=siffra, dom=dom)


def _spann(m: re.Match[str], register: Sifferregister, mening: str, bas: Traff) -> Traff:
    """``+/- 5 mnkr``, ``plus/minus 5,0 mnkr``, ``+5/-20 mnkr``: the forecast's uncertainty."""
    fore = mening[: m.start()].lower()
    manad = re.search(rf"prognosen i ({_MANAD})\b", fore)
    namnd = register.namnd
    if manad:
        forbattring = namnd.siffra(f"{manad.group(1)}prognos_forbattring")
        forsamring = namnd.siffra(f"{manad.group(1)}prognos_forsamring")
    else:
        forbattring, forsamring = namnd.siffra("forbattring"), namnd.siffra("forsamring")
    if forbattring is None or forsamring is None:
        return attrs.evolve(bas, omrade=namnd)
    enhet = m.group("enhet").lower()
    p, decimaler = _varde(m.group("tal"), m.group("dec"), enhet)
    if m.group("andra"):
        heltal, _, dec = m.group("andra").partition(",")
        andra, _ = _varde(heltal, dec or None, enhet)
    else:
        andra = p
    ok = _stammer(p, decimaler, forbattring, forbattring.belopp.mnkr) and _stammer(
        andra, decimaler, forsamring, forsamring.belopp.mnkr
    )
    return attrs.evolve(
        bas, omrade=namnd, siffra=forbattring if ok else forsamring, dom="stammer" if ok else "fel"
    )


def _teckenord(sats: str) -> Literal["negativt", "positivt"] | None:
    neg, pos = _NEGATIVT_ORD.search(sats), _POSITIVT_ORD.search(sats)
    if neg and pos:  # the later word is the one the amount goes with
        return "negativt" if neg.start() > pos.start() else "positivt"
    if neg:
        return "negativt"
    return "positivt" if pos else None


def _balans(
    c: Recorder, path: Path_, mening: str, eget: Omrade, register: Sifferregister, namnd: str
) -> None:
    """ "X följer budget" (or "X och Y …", each) where the deviation does not round to zero."""
    m = _BALANS.search(mening)
    if (
        m is None
        or _BELOPP.search(mening[: m.start()])
        or re.search(r"(?i)\b(inte|ej)\b", mening[: m.start()])
    ):
        return
    namnda = _omnamnda(mening, register, eget, namnd)
    omrade = _omrade_for(mening, m.start(), eget, namnda)
    if omrade is None:
        return
    fore = [(a, b, o) for a, b, o in namnda if a < m.start()]
    omraden = [omrade]
    # "Biblioteken och kulturskolan följer budget": the claim is made of each of them.
    if (
        len(fore) >= 2
        and fore[-1][2] is omrade
        and re.fullmatch(r"(?i)\s+och\s+", mening[fore[-2][1] : fore[-1][0]])
    ):
        omraden.insert(0, fore[-2][2])
    for o in omraden:
        siffra = _siffra(o, "avvikelse")
        if siffra is None:
            continue
        varde = siffra.belopp.mnkr
        if _stammer(Decimal(0), 1, siffra, varde):
            continue
        q = min(1, siffra.decimaler)
        c.add(
            Kod.PROSA_BALANS,
            path,
            f"Texten säger {m.group(0)!r} om {_vem(o)}, men {siffra.beskrivning} är "
            f"{tal(avrunda(varde, q), q)} mnkr ({kort(mening, 80)!r}).",
            printed=m.group(0),
            computed=varde,
            unit="mnkr",
        )


def _vem(omrade: Omrade | None) -> str:
    if omrade is None:
        return "?"
    return "nämnden" if omrade.namnd else omrade.namn


def _i_tkr(t: Traff) -> bool:
    """Whether the text writes the amount in thousands ("360 tkr"): messages then do too."""
    return t.text.endswith(("tkr", "tusen kronor"))


def _visat(t: Traff, varde: Decimal, q: int) -> str:
    """*varde* (mnkr) rounded to *q* decimals of mnkr, in the unit the text writes it in."""
    if _i_tkr(t):
        d = max(q - 3, 0)
        return f"{tal(avrunda(varde.scaleb(3), d), d)} tkr"
    return f"{tal(avrunda(varde, q), q)} mnkr"


def _exakt(t: Traff, varde: Decimal, visat: str) -> str:
    """ " (exakt …)" after *visat* when the exact figure says more than the rounded one."""
    if not _i_tkr(t):
        return f" (exakt {tal(varde, 3)} mnkr)"
    tkr = varde.scaleb(3)
    exponent = tkr.normalize().as_tuple().exponent
    decimaler = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    exakt = f"{tal(tkr, decimaler)} tkr"
    return "" if exakt == visat else f" (exakt {exakt})"


def _rapportera(c: Recorder, t: Traff) -> None:
    assert t.siffra is not None
    varde = t.siffra.belopp.mnkr
    q = min(t.decimaler, max(t.siffra.decimaler, 1))
    visat = _visat(t, varde, q)
    om = f"{t.siffra.beskrivning} för {_vem(t.omrade)}"
    if t.dom == "tecken" and t.signerad and t.teckenord is not None:
        c.add(
            Kod.PROSA_TECKEN,
            t.path,
            f"Texten skriver både ett teckenord och ett minustecken ({t.text!r}): det blir en dubbel "
            f"negation. Skriv beloppet utan tecken efter ordet; {om} är {visat} ({kort(t.mening, 80)!r}).",
            printed=t.text,
            computed=varde,
            unit="mnkr",
        )
        if not _stammer(abs(t.varde), t.decimaler, t.siffra, abs(varde)):
            _fel_belopp(c, t, om, visat)
        return
    if t.dom == "tecken":
        sagt = (
            "ett överskott eller något positivt"
            if t.teckenord == "positivt"
            else "ett underskott eller något negativt"
        )
        c.add(
            Kod.PROSA_TECKEN,
            t.path,
            f"Texten beskriver {om} som {sagt} ({t.text!r}), men beloppet är {visat} "
            f"({kort(t.mening, 80)!r}).",
            printed=t.text,
            computed=varde,
            unit="mnkr",
        )
        return
    _fel_belopp(c, t, om, visat)


def _fel_belopp(c: Recorder, t: Traff, om: str, visat: str) -> None:
    assert t.siffra is not None
    varde = t.siffra.belopp.mnkr
    c.add(
        Kod.PROSA_BELOPP,
        t.path,
        f"Texten säger {t.text!r} om {om}, men beloppet är {visat}{_exakt(t, varde, visat)} "
        f"({kort(t.mening, 80)!r}). Rätta texten, eller skriv beloppet som en referens: "
        f"<<{t.siffra.namn}>>.",
        printed=t.text,  # the words as written: a number only with the text's sign words
        computed=varde,
        unit="mnkr",
    )
