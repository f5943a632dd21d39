"""The Swedish sentences the context writes itself, as small pure functions.

The views carry some text no template could put together from fields alone: the
internkontroll summary with its number words, the two forms of a proposed decision,
headings that depend on the goal level, the status sentence with its year. Each rule is
one function here, with its cases as examples; the builders only pass counts, model
values and the layout's words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.status import Bedomning, Kontrollresultat, Malniva
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR
from delarsrapport.formatting import format_lista, format_period, format_tal, talord, versal

__all__ = [
    "antal",
    "avrundningsdifferens",
    "bedomningsmening",
    "beslutsformer",
    "beslutsslut",
    "egen_mening",
    "handlaggare",
    "internkontroll_mening",
    "malrubrik",
    "metarad",
    "omfattning",
    "risksammanfattning",
    "standardord",
    "statusmening",
    "uppdragsrubrik",
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
    """
    totalt = sum(antal_per_resultat.values())
    if not totalt:
        return ""
    delar = [f"Uppföljningen av internkontrollen {period} omfattar {antal(totalt)} kontrollmoment."]
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
