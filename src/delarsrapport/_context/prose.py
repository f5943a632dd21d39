"""The Swedish sentences the context writes itself, as small pure functions.

The views carry some text no template could put together from fields alone: the
internkontroll summary with its number words, the two forms of a proposed decision,
headings that depend on the goal level, the status sentence with its year. Each rule is
one function here, with its cases as examples; the builders only pass counts, model
values and the layout's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal

from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp, Enhet, faktor
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.referens import TECKENORD, Ungefar
from delarsrapport._model.status import Bedomning, Kontrollresultat, Malniva
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR
from delarsrapport.formatting import (
    avrunda,
    format_belopp,
    format_lista,
    format_period,
    format_procent,
    format_tal,
    talord,
    versal,
)

__all__ = [
    "antal",
    "avrundningsdifferens",
    "avvikelsemening",
    "bedomningsmening",
    "beslutsformer",
    "beslutsslut",
    "diagrambeskrivning",
    "egen_mening",
    "handlaggare",
    "internkontroll_mening",
    "malrubrik",
    "med_teckenord",
    "metarad",
    "omfattning",
    "prognosmening",
    "resultatmening",
    "risksammanfattning",
    "standardord",
    "statusmening",
    "storlek",
    "uppdragsrubrik",
    "volymmening",
]


# -- counts and lists ------------------------------------------------------------------------


def antal(n: int) -> str:
    """A count as the sentences write it: in words up to twelve, in digits above.

    One is neuter (``ett kontrollmoment``), the form every count sentence here needs.

    >>> antal(0), antal(1), antal(9), antal(12)
    ('noll', 'ett', 'nio', 'tolv')
    >>> antal(13), antal(1500)
    ('13', '1\\xa0500')
    """
    return talord(n) if 0 <= n <= 12 else format_tal(n)


def handlaggare(namn: Sequence[str], *, skiljetecken: str) -> str:
    """The handläggare on one line, joined as the layout says.

    With ``" och "`` and three or more names, the last two are joined by "och" and the
    others by commas; any other separator goes between every pair.

    >>> handlaggare(["Fäldt Thomas", "Bergmark Magnus"], skiljetecken=" och ")
    'Fäldt Thomas och Bergmark Magnus'
    >>> handlaggare(["Anna A", "Bo B", "Cia C"], skiljetecken=" och ")
    'Anna A, Bo B och Cia C'
    >>> handlaggare(["Anna A", "Bo B", "Cia C"], skiljetecken=", ")
    'Anna A, Bo B, Cia C'
    >>> handlaggare(["Anna A"], skiljetecken=" och "), handlaggare([], skiljetecken=", ")
    ('Anna A', '')
    """
    if skiljetecken.strip() == "och" and len(namn) > 2:
        return format_lista(namn)
    return skiljetecken.join(namn)


def risksammanfattning(nivaer: Sequence[str | None], ordning: Iterable[str]) -> str:
    """How many risks each level has, in *ordning* (highest first); empty levels are left out.

    *nivaer* holds each risk's level, or None for a risk no level covers.

    >>> ordning = ["Kritisk", "Hög", "Medium", "Låg"]
    >>> risksammanfattning(["Kritisk", "Medium", "Kritisk", None], ordning)
    '2 Kritisk 1 Medium'
    >>> risksammanfattning([None], ordning), risksammanfattning([], ordning)
    ('', '')
    """
    return " ".join(f"{nivaer.count(n)} {n}" for n in ordning if nivaer.count(n))


# -- the tjänsteskrivelse's decisions --------------------------------------------------------


def beslutsformer(sats: Beslutssats, *, namnd: str, belopp: str | None = None) -> tuple[str, str]:
    """A proposed decision in both styles: the att-clause without "att", and the sentence with
    the nämnd as subject.

    *belopp* is the amount the sats refers to, already formatted, or None when it has none.

    >>> godkanna = Beslutssats(verb="godkänna", objekt="delårsbokslut per augusti 2020")
    >>> beslutsformer(godkanna, namnd="Socialnämnden")
    ('godkänna delårsbokslut per augusti 2020',
     'Socialnämnden godkänner delårsbokslut per augusti 2020.')
    >>> overlamna = Beslutssats(
    ...     verb="överlämna", fore_verb="till kommunstyrelsen", objekt="prognosen",
    ...     belopp="helarsprognos", bilaga=1,
    ... )
    >>> text, mening = beslutsformer(overlamna, namnd="Socialnämnden", belopp="-65,0 mnkr")
    >>> text
    'till kommunstyrelsen överlämna prognosen om -65,0 mnkr enligt ärendets bilaga 1'
    >>> mening
    'Socialnämnden överlämnar till kommunstyrelsen prognosen om -65,0 mnkr
    enligt ärendets bilaga 1.'
    """
    tillagg = ""
    if belopp is not None:
        tillagg += f" om {belopp}"
    if sats.bilaga is not None:
        tillagg += f" enligt ärendets bilaga {sats.bilaga}"
    fore = f"{sats.fore_verb} " if sats.fore_verb else ""
    text = f"{fore}{sats.verb} {sats.objekt}{tillagg}"
    mening = f"{namnd} {sats.verb_presens} {fore}{sats.objekt}{tillagg}."
    return text, mening


def beslutsslut(nummer: int, antal_satser: int, *, samt: bool) -> str:
    """What ends att-clause *nummer* of *antal_satser*: a comma, or ", samt" on the one before
    the last if the layout wants it, and a full stop on the last.

    >>> [beslutsslut(n, 3, samt=True) for n in (1, 2, 3)]
    [',', ', samt', '.']
    >>> [beslutsslut(n, 2, samt=False) for n in (1, 2)]
    [',', '.']
    >>> beslutsslut(1, 1, samt=True)
    '.'
    """
    if nummer < antal_satser - 1:
        return ","
    if nummer == antal_satser - 1:
        return ", samt" if samt else ","
    return "."


# -- the verksamhetsuppföljning --------------------------------------------------------------


def metarad(period: Rapportperiod, *, plan: str | None, organisation: str) -> str:
    """The line of metadata under a verksamhetsuppföljning's title.

    >>> p = Rapportperiod(ar=2020, slutmanad=8)
    >>> metarad(p, plan="Verksamhetsplan 2020", organisation="2300 - Socialnämnden (SCN)")
    'Fas: Uppföljning per augusti Verksamhetsplan 2020 Rapportperiod: 2020-08-31
    Organisation: 2300 - Socialnämnden (SCN)'
    >>> metarad(p, plan=None, organisation="Socialnämnden (SCN)")
    'Fas: Uppföljning per augusti Rapportperiod: 2020-08-31 Organisation: Socialnämnden (SCN)'
    """
    delar = (
        f"Fas: Uppföljning {format_period(period, 'per_manad')}",
        plan or "",
        f"Rapportperiod: {format_period(period, 'slutdatum')}",
        f"Organisation: {organisation}",
    )
    return " ".join(d for d in delar if d)


def malrubrik(niva: Malniva, nummer: int | None, titel: str) -> str:
    """The heading of one of kommunfullmäktige's goals; the goal level names it.

    >>> malrubrik(Malniva.INRIKTNINGSMAL, 1, "Vård"), malrubrik(Malniva.INRIKTNINGSMAL, None, "Vård")
    ('Kommunfullmäktiges inriktningsmål 1', 'Inriktningsmål')
    >>> malrubrik(Malniva.FOKUSMAL, 2, "Trygghet"), malrubrik(Malniva.FOKUSMAL, None, "Trygghet")
    ('Fokusmål 2', 'Fokusmål')
    >>> malrubrik(Malniva.OVERGRIPANDE_MAL, 3, "Hållbar utveckling")
    'Övergripande mål: Hållbar utveckling'
    """
    if niva is Malniva.OVERGRIPANDE_MAL:
        return f"Övergripande mål: {titel}"
    if niva is Malniva.FOKUSMAL:
        return f"Fokusmål {nummer}" if nummer else "Fokusmål"
    return f"Kommunfullmäktiges inriktningsmål {nummer}" if nummer else "Inriktningsmål"


def uppdragsrubrik(nummer: str | None, titel: str, ursprung: str | None) -> str:
    """The heading of an uppdrag: its number, or where it comes from, before the title.

    >>> uppdragsrubrik("1.3", "Utveckla hemtjänsten", None)
    'Uppdrag 1.3: Utveckla hemtjänsten'
    >>> uppdragsrubrik(None, "Utveckla hemtjänsten", None)
    'Uppdrag: Utveckla hemtjänsten'
    >>> uppdragsrubrik("26", "Utveckla hemtjänsten", "Uppdrag från 2019")
    'Uppdrag från 2019: Utveckla hemtjänsten'
    """
    if ursprung:
        return f"{ursprung}: {titel}"
    return f"Uppdrag {nummer}: {titel}" if nummer else f"Uppdrag: {titel}"


def statusmening(mening: str | None, ar: int | None) -> str:
    """The layout's status sentence for one item; ``{ar}`` is the year it is expected to be
    done, and a sentence that needs a year is left out when the item has none.

    >>> statusmening("Uppdraget beräknas vara klart {ar}.", 2025)
    'Uppdraget beräknas vara klart 2025.'
    >>> statusmening("Uppdraget beräknas vara klart {ar}.", None)
    ''
    >>> statusmening("Uppdraget är genomfört.", None), statusmening(None, 2025)
    ('Uppdraget är genomfört.', '')
    """
    mening = mening or ""
    if "{ar}" in mening:
        return mening.replace("{ar}", str(ar)) if ar is not None else ""
    return mening


def bedomningsmening(niva: Malniva, bedomning: Bedomning, *, egen: str | None, layoutens: str | None) -> str:
    """The sentence under an assessment: the nämnd's own, else the layout's, else the
    standard sentence for the goal level. An own sentence that is empty means that the
    report prints no sentence at all.

    >>> niva, delvis = Malniva.INRIKTNINGSMAL, Bedomning.DELVIS_UPPFYLLT
    >>> bedomningsmening(niva, delvis, egen="Arbetet går framåt.", layoutens="Målet nås delvis.")
    'Arbetet går framåt.'
    >>> bedomningsmening(niva, delvis, egen=None, layoutens="Målet nås delvis.")
    'Målet nås delvis.'
    >>> bedomningsmening(niva, delvis, egen=None, layoutens=None) == BEDOMNINGSMENINGAR[niva][delvis]
    True
    >>> bedomningsmening(niva, delvis, egen="", layoutens="Målet nås delvis.")
    ''
    """
    if egen is not None:
        return egen.strip() and egen
    return layoutens or BEDOMNINGSMENINGAR[niva][bedomning]


def egen_mening(egen: str | None, standard: str) -> str:
    """A status sentence: the nämnd's own if it gives one ("" prints none), else the layout's.

    >>> egen_mening("Målet nås 2025.", "Påbörjad."), egen_mening(None, "Påbörjad.")
    ('Målet nås 2025.', 'Påbörjad.')
    >>> egen_mening("", "Påbörjad.")
    ''
    """
    if egen is not None:
        return egen.strip() and egen
    return standard


def omfattning(*, uppdrag: int, namndmal: int, kommungemensamma: int, atgarder: int) -> str:
    """What a verksamhetsuppföljning covers, as the tjänsteskrivelse counts it: uppdrag,
    nämndmål (split into nämndspecifika and kommungemensamma when there are both) and
    åtgärder; a kind with none is left out.

    >>> omfattning(uppdrag=16, namndmal=4, kommungemensamma=2, atgarder=32)
    '16 uppdrag, fyra nämndmål (två nämndspecifika och två kommungemensamma) samt 32 åtgärder'
    >>> omfattning(uppdrag=1, namndmal=3, kommungemensamma=1, atgarder=1)
    'ett uppdrag, tre nämndmål (två nämndspecifika och ett kommungemensamt) samt en åtgärd'
    >>> omfattning(uppdrag=0, namndmal=2, kommungemensamma=0, atgarder=0)
    'två nämndmål'
    """
    delar: list[str] = []
    if uppdrag:
        delar.append(f"{antal(uppdrag)} uppdrag")
    if namndmal:
        text = f"{antal(namndmal)} nämndmål"
        specifika = namndmal - kommungemensamma
        if specifika and kommungemensamma:
            s_ord = "nämndspecifikt" if specifika == 1 else "nämndspecifika"
            k_ord = "kommungemensamt" if kommungemensamma == 1 else "kommungemensamma"
            text += f" ({antal(specifika)} {s_ord} och {antal(kommungemensamma)} {k_ord})"
        delar.append(text)
    if atgarder:
        delar.append("en åtgärd" if atgarder == 1 else f"{antal(atgarder)} åtgärder")
    return format_lista(delar, sista="samt")


def standardord(varde: str) -> str:
    """The word for a value the layout gives no word for: the value itself, readable.

    >>> standardord("delvis_uppfyllt"), standardord("mindre_anmarkning")
    ('Delvis uppfyllt', 'Mindre anmarkning')
    """
    return varde.replace("_", " ").capitalize()


# -- the internkontroll ----------------------------------------------------------------------


def internkontroll_mening(
    antal_per_resultat: Mapping[Kontrollresultat, int], *, period: str, avvikelseord: tuple[str, str]
) -> str:
    """The summary of an internkontroll: how many control points, and how they came out.

    *avvikelseord* is the layout's noun in singular and plural ("anmärkning",
    "anmärkningar"); a single control point is "ett kontrollmoment" with "en" remark.

    >>> from delarsrapport._model.status import Kontrollresultat as K
    >>> ord_ = ("anmärkning", "anmärkningar")
    >>> internkontroll_mening(
    ...     {K.UTAN_ANMARKNING: 8, K.MINDRE_ANMARKNING: 1, K.STORRE_ANMARKNING: 0},
    ...     period="per augusti 2024", avvikelseord=ord_,
    ... )
    'Uppföljningen av internkontrollen per augusti 2024 omfattar nio kontrollmoment. Åtta av
    dessa har genomförts utan anmärkning och ett kontrollmoment har en mindre anmärkning.'
    >>> internkontroll_mening({K.UTAN_ANMARKNING: 1}, period="per april 2024", avvikelseord=ord_)
    'Uppföljningen av internkontrollen per april 2024 omfattar ett kontrollmoment. Samtliga
    har genomförts utan anmärkning.'
    >>> internkontroll_mening(
    ...     {K.MINDRE_ANMARKNING: 2, K.STORRE_ANMARKNING: 1}, period="per augusti 2024",
    ...     avvikelseord=("avvikelse", "avvikelser"),
    ... )
    'Uppföljningen av internkontrollen per augusti 2024 omfattar tre kontrollmoment. Två
    kontrollmoment har mindre avvikelser och ett kontrollmoment har en större avvikelse.'
    >>> internkontroll_mening(
    ...     {K.UTAN_ANMARKNING: 1, K.STORRE_ANMARKNING: 13}, period="per augusti 2024", avvikelseord=ord_
    ... )
    'Uppföljningen av internkontrollen per augusti 2024 omfattar 14 kontrollmoment. Ett av
    dessa har genomförts utan anmärkning och 13 kontrollmoment har större anmärkningar.'
    >>> internkontroll_mening({K.UTAN_ANMARKNING: 0}, period="per augusti 2024", avvikelseord=ord_)
    ''
    >>> internkontroll_mening({K.MINDRE_ANMARKNING: 1}, period="", avvikelseord=ord_)
    'Uppföljningen av internkontrollen omfattar ett kontrollmoment. Ett kontrollmoment har en mindre
    anmärkning.'
    """
    totalt = sum(antal_per_resultat.values())
    if not totalt:
        return ""
    for_period = f" {period}" if period else ""
    delar = [f"Uppföljningen av internkontrollen{for_period} omfattar {antal(totalt)} kontrollmoment."]
    utan = antal_per_resultat.get(Kontrollresultat.UTAN_ANMARKNING, 0)
    en, flera = avvikelseord
    if utan == totalt:
        delar.append(f"Samtliga har genomförts utan {en}.")
    else:
        satser: list[str] = []
        if utan:
            satser.append(f"{antal(utan)} av dessa har genomförts utan {en}")
        for resultat, slag in (
            (Kontrollresultat.MINDRE_ANMARKNING, "mindre"),
            (Kontrollresultat.STORRE_ANMARKNING, "större"),
        ):
            n = antal_per_resultat.get(resultat, 0)
            if n == 1:
                satser.append(f"ett kontrollmoment har en {slag} {en}")
            elif n:
                satser.append(f"{antal(n)} kontrollmoment har {slag} {flera}")
        delar.append(versal(format_lista(satser)) + ".")
    return " ".join(delar)


# -- tables ----------------------------------------------------------------------------------


def avrundningsdifferens(
    kolumner: Iterable[tuple[Iterable[Belopp | None], Belopp | None]], *, enhet: Enhet, decimaler: int
) -> bool:
    """Whether a table needs the note "Avrundningsdifferenser kan förekomma": in some column
    (its rows, its total) the rounded rows do not add up to the rounded total.

    >>> from decimal import Decimal
    >>> rader = [Belopp.from_mnkr(Decimal("1.4")), Belopp.from_mnkr(Decimal("1.4"))]
    >>> avrundningsdifferens([(rader, sum(rader))], enhet="mnkr", decimaler=0)
    True
    >>> avrundningsdifferens([(rader, sum(rader))], enhet="mnkr", decimaler=1)
    False
    >>> avrundningsdifferens([([None], None)], enhet="mnkr", decimaler=0)
    False
    """
    return any(
        not visade_rader_summerar(rader, total, enhet=enhet, decimaler=decimaler) for rader, total in kolumner
    )


# -- amounts in sentences --------------------------------------------------------------------

Suffix = Literal["kort", "ord", "mkr"]


def storlek(
    belopp: Belopp,
    *,
    enhet: Enhet = "mnkr",
    decimaler: int = 1,
    suffix: Suffix | None = "kort",
    ungefar: Ungefar | None = None,
) -> str:
    """The magnitude of *belopp* as a sentence writes it after a sign word, with a hedge if asked.

    ``ungefar="knappt_drygt"`` says "knappt" when the amount is below what is printed and
    "drygt" when above (nothing when it is exact); "cirka" and "ca" are always written.

    >>> m = Belopp.from_tkr
    >>> storlek(m(-39065)), storlek(m(-39065), enhet="tkr", decimaler=0)
    ('39,1 mnkr', '39\xa0065 tkr')
    >>> storlek(m(1000), decimaler=0, suffix="ord"), storlek(m(1500), decimaler=0, suffix="ord")
    ('1 miljon kronor', '2 miljoner kronor')
    >>> kd = "knappt_drygt"
    >>> storlek(m(39960), decimaler=0, ungefar=kd), storlek(m(40100), decimaler=0, ungefar=kd)
    ('knappt 40 mnkr', 'drygt 40 mnkr')
    >>> storlek(m(40000), decimaler=0, ungefar=kd), storlek(m(400), ungefar="ca")
    ('40 mnkr', 'ca 0,4 mnkr')
    """
    text = format_belopp(abs(belopp), enhet=enhet, decimaler=decimaler, suffix=suffix)
    if ungefar in ("cirka", "ca"):
        return f"{ungefar} {text}"
    if ungefar == "knappt_drygt":
        exakt = abs(belopp).kronor / faktor(enhet)
        visat = avrunda(exakt, decimaler)
        if exakt < visat:
            return f"knappt {text}"
        if exakt > visat:
            return f"drygt {text}"
    return text


def _noll(belopp: Belopp, enhet: Enhet, decimaler: int) -> bool:
    """Whether *belopp* rounds to zero at the precision it is written with."""
    return avrunda(belopp.kronor / faktor(enhet), decimaler) == 0


def med_teckenord(
    belopp: Belopp,
    ord_: str = "overskott",
    *,
    preposition: str = "på",
    enhet: Enhet = "mnkr",
    decimaler: int = 1,
    suffix: Suffix | None = "kort",
    ungefar: Ungefar | None = None,
) -> str:
    """*belopp* with the sign word *ord_* chooses (a key of ``TECKENORD``), never a minus sign:
    "ett underskott på 39,1 mnkr"; an amount that rounds to zero gets the balance wording.

    *preposition* is what stands between the words and the amount: "på", "med", "om" or a
    phrase ("jämfört med budget på"); with the balance wording, the phrase stays without its
    last preposition.

    >>> m = Belopp.from_tkr
    >>> med_teckenord(m(-39065)), med_teckenord(m(2300), "overskott", preposition="med")
    ('ett underskott på 39,1 mnkr', 'ett överskott med 2,3 mnkr')
    >>> med_teckenord(m(-3233), "positiv", suffix="ord"), med_teckenord(m(-40), "positiv")
    ('en negativ avvikelse på 3,2 miljoner kronor', 'ingen avvikelse')
    >>> med_teckenord(m(-4000), "positivt", decimaler=0, suffix="ord"), med_teckenord(m(49), "overskott")
    ('ett negativt resultat på 4 miljoner kronor', 'ett resultat i balans')
    >>> med_teckenord(m(-6146), "okning", enhet="tkr", decimaler=0, preposition="med")
    'en minskning med 6\xa0146 tkr'
    >>> fras = "jämfört med budget på"
    >>> med_teckenord(m(-46331), "positiv", preposition=fras)
    'en negativ avvikelse jämfört med budget på 46,3 mnkr'
    >>> med_teckenord(m(20), "positiv", preposition=fras)
    'ingen avvikelse jämfört med budget'
    """
    positiv, negativ, noll = TECKENORD[ord_]
    if _noll(belopp, enhet, decimaler):
        ord_i_fras = preposition.split()
        if ord_i_fras and ord_i_fras[-1] in ("på", "med", "om", "till"):
            ord_i_fras = ord_i_fras[:-1]
        return " ".join([noll, *ord_i_fras])
    ord_text = positiv if belopp > Belopp.noll() else negativ
    mangd = storlek(belopp, enhet=enhet, decimaler=decimaler, suffix=suffix, ungefar=ungefar)
    return f"{ord_text} {preposition} {mangd}"


def resultatmening(
    resultat: Belopp,
    *,
    subjekt: str = "Nämnden",
    enhet: Enhet = "mnkr",
    decimaler: int = 1,
    suffix: Suffix | None = "kort",
    ungefar: Ungefar | None = None,
) -> str:
    """The result for the period, with the sign word its sign chooses.

    >>> m = Belopp.from_tkr
    >>> resultatmening(m(-39065))
    'Nämnden har ett underskott på 39,1 mnkr.'
    >>> resultatmening(m(11174), subjekt="Flyktingmottagande", suffix="ord")
    'Flyktingmottagande har ett överskott på 11,2 miljoner kronor.'
    >>> resultatmening(m(-30), subjekt="Politisk verksamhet")
    'Politisk verksamhet har ett resultat i balans.'
    >>> resultatmening(m(-1000), decimaler=0, suffix="ord"), resultatmening(m(-2500), decimaler=0)
    ('Nämnden har ett underskott på 1 miljon kronor.', 'Nämnden har ett underskott på 3 mnkr.')
    >>> resultatmening(m(-2114), enhet="tkr", decimaler=0)
    'Nämnden har ett underskott på 2\xa0114 tkr.'
    >>> resultatmening(m(-26600), decimaler=0, ungefar="knappt_drygt")
    'Nämnden har ett underskott på knappt 27 mnkr.'
    """
    fras = med_teckenord(
        resultat, "overskott", enhet=enhet, decimaler=decimaler, suffix=suffix, ungefar=ungefar
    )
    return f"{subjekt} har {fras}."


def avvikelsemening(
    avvikelse: Belopp,
    *,
    subjekt: str = "Nämnden",
    jamfort_med: str = "budget",
    enhet: Enhet = "mnkr",
    decimaler: int = 1,
    suffix: Suffix | None = "kort",
    ungefar: Ungefar | None = None,
) -> str:
    """The deviation from budget (or from *jamfort_med*), positive or negative; one that
    rounds to zero "följer budget".

    >>> m = Belopp.from_tkr
    >>> avvikelsemening(m(-3233), subjekt="Missbrukarvård och övrig vård för vuxna", suffix="ord")
    'Missbrukarvård och övrig vård för vuxna har en negativ avvikelse jämfört med budget på 3,2
    miljoner kronor.'
    >>> avvikelsemening(m(561), subjekt="Familjerätt")
    'Familjerätt har en positiv avvikelse jämfört med budget på 0,6 mnkr.'
    >>> avvikelsemening(m(-49)), avvikelsemening(m(35), jamfort_med="prognosen")
    ('Nämnden följer budget.', 'Nämnden har ingen avvikelse jämfört med prognosen.')
    >>> avvikelsemening(m(1000), decimaler=0, suffix="ord"), avvikelsemening(m(-24500), decimaler=0)
    ('Nämnden har en positiv avvikelse jämfört med budget på 1 miljon kronor.',
     'Nämnden har en negativ avvikelse jämfört med budget på 25 mnkr.')
    >>> avvikelsemening(m(-133), enhet="tkr", decimaler=0, ungefar="cirka")
    'Nämnden har en negativ avvikelse jämfört med budget på cirka 133 tkr.'
    """
    if _noll(avvikelse, enhet, decimaler):
        if jamfort_med == "budget":
            return f"{subjekt} följer budget."
        return f"{subjekt} har ingen avvikelse jämfört med {jamfort_med}."
    riktning = "positiv" if avvikelse > Belopp.noll() else "negativ"
    mangd = storlek(avvikelse, enhet=enhet, decimaler=decimaler, suffix=suffix, ungefar=ungefar)
    return f"{subjekt} har en {riktning} avvikelse jämfört med {jamfort_med} på {mangd}."


def prognosmening(
    prognos: Belopp,
    *,
    forsamring: Belopp | None = None,
    forbattring: Belopp | None = None,
    ar: int | None = None,
    subjekt: str = "Årets resultat",
    enhet: Enhet = "mnkr",
    decimaler: int = 1,
    suffix: Suffix | None = "kort",
    minus: str = "-",
    ungefar: Ungefar | None = None,
) -> str:
    """The forecast for the year and, with *forsamring* and *forbattring*, its uncertainty:
    "+/- x" only when the two are equal, otherwise the span from its lowest to its highest
    value (domain.md §6.5).

    >>> m = Belopp.from_mnkr
    >>> prognosmening(m(-30), forsamring=m(5), forbattring=m(5), ar=2024, decimaler=0, suffix="ord")
    'Årets resultat för 2024 bedöms till ett underskott på 30 miljoner kronor, med en
    prognososäkerhet på +/- 5 miljoner kronor.'
    >>> prognosmening(Belopp.from_tkr(-64860), forsamring=m(20), forbattring=m(5))
    'Årets resultat bedöms till ett underskott på 64,9 mnkr, med ett prognosspann från -84,9 till -59,9 mnkr.'
    >>> prognosmening(Belopp.from_tkr(1400), decimaler=0, subjekt="Verksamhetens resultat")
    'Verksamhetens resultat bedöms till ett överskott på 1 mnkr.'
    >>> prognosmening(Belopp.from_tkr(-30), forsamring=m(1), forbattring=m(1), suffix="ord")
    'Årets resultat bedöms bli i balans, med en prognososäkerhet på +/- 1,0 miljoner kronor.'
    >>> prognosmening(Belopp.from_tkr(-15850), ungefar="knappt_drygt", minus="\u2212")
    'Årets resultat bedöms till ett underskott på knappt 15,9 mnkr.'
    """
    for_ar = f" för {ar}" if ar is not None else ""
    if _noll(prognos, enhet, decimaler):
        huvud = f"{subjekt}{for_ar} bedöms bli i balans"
    else:
        fras = med_teckenord(prognos, enhet=enhet, decimaler=decimaler, suffix=suffix, ungefar=ungefar)
        huvud = f"{subjekt}{for_ar} bedöms till {fras}"
    if forsamring is None or forbattring is None:
        return huvud + "."
    if forsamring == forbattring:
        spann = format_belopp(forsamring, enhet=enhet, decimaler=decimaler, suffix=suffix)
        return f"{huvud}, med en prognososäkerhet på +/- {spann}."
    lagst = format_belopp(prognos - forsamring, enhet=enhet, decimaler=decimaler, minus=minus)
    hogst = format_belopp(prognos + forbattring, enhet=enhet, decimaler=decimaler, minus=minus, suffix=suffix)
    return f"{huvud}, med ett prognosspann från {lagst} till {hogst}."


def volymmening(
    varde: Decimal | int,
    jamforelse: Decimal | int,
    *,
    matt: str = "Volymen",
    jamfort_med: str = "budget",
    decimaler: int = 0,
    mellanslag: bool = True,
    ungefar: Ungefar | None = None,
) -> str:
    """A volume against budget or an earlier period, as a change in percent; one that rounds
    to zero "ligger på en jämn nivå", and against zero there is no percentage to give.

    >>> volymmening(4130, 3971, matt="Antalet vårddygn på HVB", jamfort_med="2019")
    'Antalet vårddygn på HVB är 4\xa0% högre jämfört med 2019.'
    >>> volymmening(Decimal("74"), 100, matt="Antalet vårddygn", jamfort_med="2023", mellanslag=False)
    'Antalet vårddygn är 26% lägre jämfört med 2023.'
    >>> volymmening(1002, 1000), volymmening(12, 0, jamfort_med="2019")
    ('Volymen ligger på en jämn nivå jämfört med budget.', 'Volymen är 12 jämfört med 0 för 2019.')
    >>> volymmening(1155, 1000, decimaler=1, ungefar="cirka"), volymmening(1046, 1000, ungefar="knappt_drygt")
    ('Volymen är cirka 15,5\xa0% högre jämfört med budget.',
     'Volymen är knappt 5\xa0% högre jämfört med budget.')
    """
    if not jamforelse:
        tal = format_tal(varde, decimaler=decimaler)
        return f"{matt} är {tal} jämfört med {format_tal(jamforelse)} för {jamfort_med}."
    andel = (Decimal(varde) - Decimal(jamforelse)) / abs(Decimal(jamforelse))
    procent = avrunda(abs(andel) * 100, decimaler)
    if procent == 0:
        return f"{matt} ligger på en jämn nivå jämfört med {jamfort_med}."
    text = format_procent(abs(andel), decimaler=decimaler, mellanslag=mellanslag)
    if ungefar in ("cirka", "ca"):
        text = f"{ungefar} {text}"
    elif ungefar == "knappt_drygt" and abs(andel) * 100 != procent:
        text = ("knappt " if abs(andel) * 100 < procent else "drygt ") + text
    riktning = "högre" if andel > 0 else "lägre"
    return f"{matt} är {text} {riktning} jämfört med {jamfort_med}."


# -- charts ----------------------------------------------------------------------------------

_DIAGRAMTYP: Final = {"linje": "Linjediagram", "stapel": "Stapeldiagram"}


def diagrambeskrivning(
    *,
    typ: str,
    rubrik: str,
    kategorier: Sequence[str],
    serier: Sequence[tuple[str, Sequence[Decimal | None]]],
    budget: Sequence[Decimal | None] = (),
    enhet: str = "",
    decimaler: int = 0,
    mellanslag: bool = True,
) -> str:
    """A chart's alt text: what it shows and its main message, for a reader who cannot see it.

    Series come in time order, so the main message is the last one: where it starts and
    ends, and at its last value how it stands against the series before it and the budget.

    >>> d = Decimal
    >>> diagrambeskrivning(
    ...     typ="stapel", rubrik="Vårddygn januari–augusti, index 2019 = 100",
    ...     kategorier=["HVB", "Stödboende"], serier=[("2019", [d(100), d(100)]), ("2020", [d(104), d(118)])],
    ... )
    'Stapeldiagram: Vårddygn januari–augusti, index 2019 = 100. 2020: 104 för HVB och 118 för
    Stödboende. 2020 är 4\xa0% högre än 2019 för HVB och 18\xa0% högre än 2019 för Stödboende.'
    >>> diagrambeskrivning(
    ...     typ="linje", rubrik="Sjukfrånvaro per månad", kategorier=["jan", "feb", "mar", "apr", "maj"],
    ...     serier=[("2020", [d("3.1"), d("7.2"), d("6.0"), None, d("4.5")])], budget=[d(5)] * 5,
    ...     enhet="procent", decimaler=1,
    ... )
    'Linjediagram: Sjukfrånvaro per månad (procent). 2020 går från 3,1 i jan till 4,5 i maj, med
    högst 7,2 i feb. För maj är 2020 10\xa0% lägre än budget.'
    """
    enhetstext = (f", {enhet}" if "(" in enhet else f" ({enhet})") if enhet else ""
    delar = [f"{_DIAGRAMTYP.get(typ, 'Diagram')}: {rubrik}{enhetstext}."]
    namn, varden = serier[-1]
    jamfor = serier[-2] if len(serier) >= 2 else None
    punkter = [(k, v) for k, v in zip(kategorier, varden, strict=True) if v is not None]

    def tal(v: Decimal) -> str:
        return format_tal(v, decimaler=decimaler)

    def mot(v: Decimal, bas: Decimal | None) -> str | None:
        """ "4 % högre", "i nivå med", or None when there is nothing to compare with."""
        if not bas:
            return None
        andel = (v - bas) / abs(bas)
        if avrunda(abs(andel) * 100) == 0:
            return "i nivå med"
        return f"{format_procent(abs(andel), mellanslag=mellanslag)} {'högre' if andel > 0 else 'lägre'} än"

    if len(kategorier) <= 4:
        delar.append(f"{namn}: " + format_lista([f"{tal(v)} för {k}" for k, v in punkter]) + ".")
        if jamfor is not None:
            jamforelser = [(k, mot(v, jamfor[1][kategorier.index(k)])) for k, v in punkter]
            text = format_lista([f"{j} {jamfor[0]} för {k}" for k, j in jamforelser if j])
            if text:
                delar.append(f"{namn} är {text}.")
            jamfor = None
    else:
        (k0, v0), (k1, v1) = punkter[0], punkter[-1]
        mening = f"{namn} går från {tal(v0)} i {k0} till {tal(v1)} i {k1}"
        kmax, vmax = max(punkter, key=lambda p: p[1])
        if vmax not in (v0, v1):
            mening += f", med högst {tal(vmax)} i {kmax}"
        delar.append(mening + ".")
    sista_k, sista_v = punkter[-1]
    index = list(kategorier).index(sista_k)
    jamforelser_sist: list[tuple[str, Decimal | None]] = [(jamfor[0], jamfor[1][index])] if jamfor else []
    if budget:
        jamforelser_sist.append(("budget", budget[index]))
    for namn_mot, bas in jamforelser_sist:
        j = mot(sista_v, bas)
        if j:
            delar.append(f"För {sista_k} är {namn} {j} {namn_mot}.")
    return " ".join(delar)
