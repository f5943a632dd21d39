"""The Mallguide's chapter on the filters: each filter of
:data:`~delarsrapport._render.filters.FILTERNAMN` and ``stycken``, its arguments read from
its signature, and examples computed by calling it.

The filters have no Swedish text of their own; it is written here, once, in
:data:`FILTER_SV`. A filter or argument without Swedish text makes the generator raise.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal, get_args, get_origin, get_type_hints

from lxml import etree

from delarsrapport._context import (
    Block,
    DiagramVy,
    KontrollmomentVy,
    PrognososakerhetVy,
    SerieVy,
    StatusVy,
)
from delarsrapport._designer import typer
from delarsrapport._docgen.exempel import rendera
from delarsrapport._docgen.markdown import cell, kod, tabell
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod
from delarsrapport._render import media, wordxml
from delarsrapport._render.environment import Stilids as _Stilar
from delarsrapport._render.environment import stycken_filter as _stycken_filter
from delarsrapport._render.filters import FILTERNAMN, Talstil, make_filters
from delarsrapport._render.layout import Stilar

__all__ = ["FILTER_SV", "filteravsnitt", "filterfunktioner"]

FILTER_SV: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "belopp": (
        "Skriver ett belopp i vald enhet, avrundat en gång (hälften uppåt) och med fast mellanslag "
        "mellan tusental. Ett belopp som saknas skrivs som `talstil.saknas`.",
        {
            "enhet": "Enheten: `'kr'`, `'tkr'` eller `'mnkr'`. Beloppet räknas om exakt.",
            "decimaler": "Antal decimaler, 0–6.",
            "tecken": "`true` skriver + framför positiva belopp; noll får aldrig tecken.",
            "suffix": "Enheten efter talet i löptext: `'ord'` (miljoner kronor), `'kort'` (mnkr) eller "
            "`'mkr'` (bara med `'mnkr'`). Utelämna den i tabeller.",
            "noll": "Texten för ett belopp som avrundas till noll, till exempel `''` för en tom cell. "
            "Utelämnad gäller `talstil.noll`.",
        },
    ),
    "procent": (
        "Skriver en andel (ett tal mellan 0 och 1) i procent. Ett värde som saknas skrivs som "
        "`talstil.saknas`.",
        {
            "decimaler": "Antal decimaler, 0–6.",
            "mellanslag": "`true` ger 9 %, `false` ger 9%. Utelämnad gäller `talstil.procent_mellanslag`.",
            "ord": "`true` skriver ordet procent i stället för tecknet.",
            "tecken": "`true` skriver + framför positiva värden.",
        },
    ),
    "tal": (
        "Skriver ett antal eller annat tal med mellanslag mellan tusental. Med `ord=true` skrivs 0–12 "
        "med bokstäver, som i löptext; större tal blir siffror.",
        {
            "decimaler": "Antal decimaler, 0–6.",
            "ord": "`true` skriver 0–12 med bokstäver.",
            "genus": "`'en'` eller `'ett'`: formen för talet 1 med `ord=true` (en åtgärd, ett uppdrag).",
            "siffra": "`true` lägger till siffran inom parentes efter ordet.",
            "versal": "`true` ger stor första bokstav, för början av en mening.",
            "tecken": "`true` skriver + framför positiva tal.",
        },
    ),
    "datum": (
        "Skriver ett datum. Ett datum som saknas skrivs som `talstil.saknas`.",
        {"stil_": "Datumstilen; skriv den utan namn: `datum('lang')`."},
    ),
    "period": (
        "Skriver rapportperioden (variabeln `period`, eller `period.fg` för föregående år) på något "
        "av de sätt rapporterna gör.",
        {
            "stil_": "Periodstilen; skriv den utan namn: `period('kort')`.",
            "versal": "`true` ger stor första bokstav.",
        },
    ),
    "lista": (
        "Skriver en lista av texter som löpande text, med komma och `och` före den sista.",
        {"sista": "Ordet före den sista posten, till exempel `'eller'`."},
    ),
    "versal": ("Gör textens första bokstav stor, för början av en mening.", {}),
    "som_text": (
        "Skriver löptext som en enda text med radbrytningar, för en tabellcell där `{{p … }}` inte går "
        "att använda. Punkter i en punktlista får •.",
        {},
    ),
    "resultatmening": (
        'Skriver standardmeningen om ett resultat, med ordet som tecknet väljer: "Nämnden har ett '
        'underskott på 39,1 mnkr." Ett resultat som avrundas till noll blir "… har ett resultat i '
        'balans." Beloppet avrundas en gång (hälften uppåt) och skrivs utan minustecken, eftersom '
        "ordet bär tecknet. Ett belopp som saknas skrivs som `talstil.saknas`.",
        {
            "subjekt": "Vem meningen handlar om: `'Nämnden'`, en verksamhets namn (`v.namn`) eller "
            "`namnd.namn`.",
            "enhet": "Enheten: `'mnkr'`, `'tkr'` eller `'kr'`.",
            "decimaler": "Antal decimaler, 0–6. Med 0 och `suffix='ord'` skrivs 1 som \"1 miljon kronor\".",
            "suffix": "Enheten efter talet: `'kort'` (mnkr), `'ord'` (miljoner kronor) eller `'mkr'`.",
            "ungefar": "Reservation före beloppet, bara när den begärs: `'cirka'`, `'ca'` eller "
            '`\'knappt_drygt\'` ("knappt 40" när beloppet är lite under det avrundade, "drygt 40" '
            "när det är lite över, inget när det är exakt).",
        },
    ),
    "avvikelsemening": (
        'Skriver standardmeningen om en avvikelse mot budget: "Nämnden har en negativ avvikelse '
        'jämfört med budget på 40,7 mnkr." En avvikelse som avrundas till noll blir "Nämnden följer '
        'budget." Ett belopp som saknas skrivs som `talstil.saknas`.',
        {
            "subjekt": "Vem meningen handlar om.",
            "jamfort_med": "Vad avvikelsen är mot: `'budget'` eller till exempel `'marsprognosen'`.",
            "enhet": "Enheten: `'mnkr'`, `'tkr'` eller `'kr'`.",
            "decimaler": "Antal decimaler, 0–6.",
            "suffix": "Enheten efter talet: `'kort'`, `'ord'` eller `'mkr'`.",
            "ungefar": "Reservation före beloppet, bara när den begärs: `'cirka'`, `'ca'` eller "
            "`'knappt_drygt'`.",
        },
    ),
    "prognosmening": (
        "Skriver standardmeningen om helårsprognosen och, med försämring och förbättring, dess "
        'osäkerhet. "+/- x" skrivs bara när försämring och förbättring är lika; annars skrivs '
        "spannet från lägsta till högsta värde, samma tal som tabellen Prognososäkerhet visar. Ett "
        "belopp som saknas skrivs som `talstil.saknas`.",
        {
            "forsamring": "Möjlig försämring (`ekonomi.prognososakerhet.forsamring`), eller utelämnad.",
            "forbattring": "Möjlig förbättring (`ekonomi.prognososakerhet.forbattring`), eller utelämnad.",
            "ar": "Året prognosen gäller (`period.ar`), eller utelämnat.",
            "subjekt": "Meningens början: `'Årets resultat'`.",
            "enhet": "Enheten: `'mnkr'`, `'tkr'` eller `'kr'`.",
            "decimaler": "Antal decimaler, 0–6.",
            "suffix": "Enheten efter talet: `'kort'`, `'ord'` eller `'mkr'`.",
            "ungefar": "Reservation före beloppet, bara när den begärs: `'cirka'`, `'ca'` eller "
            "`'knappt_drygt'`.",
        },
    ),
    "volymmening": (
        'Skriver en volym mot budget eller en tidigare period som förändring i procent: "Antalet '
        'vårddygn är 4 % högre jämfört med 2019." En förändring som avrundas till noll blir "… ligger '
        'på en jämn nivå …"; mot noll går ingen procentsats att räkna, och då skrivs båda talen. '
        "Mellanslaget före % följer `talstil.procent_mellanslag`.",
        {
            "jamforelse": "Talet volymen jämförs med (budget eller föregående år).",
            "matt": "Vad som mäts, som meningens början: `'Antalet vårddygn på HVB'`.",
            "jamfort_med": "Vad jämförelsen är: `'budget'`, `'2019'`, `'samma period 2019'`.",
            "decimaler": "Antal decimaler i procentsatsen.",
            "ungefar": "Reservation före procentsatsen, bara när den begärs: `'cirka'`, `'ca'` eller "
            "`'knappt_drygt'`.",
        },
    ),
    "internkontrollmening": (
        "Skriver sammanfattningen av internkontrollen ur kontrollmomentens resultat, med räkneord: "
        '"… omfattar nio kontrollmoment. Åtta av dessa har genomförts utan anmärkning och ett '
        'kontrollmoment har en mindre anmärkning." Använd den på `internkontroll.kontrollmoment`. '
        "Vyn har samma mening färdig i `internkontroll.sammanfattning`, med layoutens ord.",
        {
            "period": 'Perioden (`period`), som skrivs "per augusti 2024"; utelämnad skrivs ingen period.',
            "ord_en": "Ordet för en anmärkning i singular: `'anmärkning'` eller `'avvikelse'`.",
            "ord_flera": "Samma ord i plural: `'anmärkningar'` eller `'avvikelser'`.",
        },
    ),
    "stycken": (
        "Skriver löptext som riktiga Word-stycken: stycken, rubriker, punktlistor, tabeller och "
        "diagram, i formatmallarna som inställningen `stilar` anger. Ett diagram blir en bild med "
        'alternativtext, bildtexten "Diagram N. …" (numrerad i dokumentets ordning) och en tabell '
        "med värdena. Referenser i texten (`<<resultat>>`) är redan utskrivna. Använd filtret alltid "
        "med `{{p … }}` ensamt i ett eget stycke, i brödtexten (inte i sidhuvud eller sidfot).",
        {
            "rubrikniva": "Rubriknivån för löptextens egna underrubriker. Välj nivån under rubriken "
            "texten står under, så att rubrikerna kommer i ordning.",
        },
    ),
}
"""Every filter and every argument, in Swedish: filter → (what it does, {argument: meaning})."""


def _stilar_for_exempel() -> _Stilar:
    """The ``stycken`` filter's styles, by the names a designer sees (for the examples)."""
    s = Stilar()
    return _Stilar(s.stycke, s.rubriker, s.punktlista, s.tabell)


def filterfunktioner() -> dict[str, Callable[..., Any]]:
    """Every filter a template can use, by name, as the guide's examples call them."""
    funktioner: dict[str, Callable[..., Any]] = dict(make_filters(Talstil()))
    funktioner["stycken"] = _stycken_filter(_stilar_for_exempel())
    return funktioner


def _jinjavarde(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "none"
    if isinstance(v, str):
        return repr(v)
    return str(v)


def _tillatna(tp: Any) -> str:
    inre = typer.valfri(tp)[1]
    if get_origin(inre) is Literal:
        return ", ".join(kod(repr(a)) for a in get_args(inre))
    return ""


_B: Final = Belopp.from_tkr


def _filterexempel() -> dict[str, list[tuple[str, object, str]]]:
    """Each filter's examples: (template code, the value of ``x``, the value in words)."""
    period = Rapportperiod(ar=2020, slutmanad=8)
    datum = date(2020, 9, 18)
    belopp = _B(Decimal(-47725))
    return {
        "belopp": [
            ("{{ x|belopp }}", belopp, "−47 725 tkr"),
            ("{{ x|belopp('mnkr') }}", belopp, "−47 725 tkr"),
            ("{{ x|belopp('mnkr', 1) }}", belopp, "−47 725 tkr"),
            ("{{ x|belopp('mnkr', 1, suffix='ord') }}", belopp, "−47 725 tkr"),
            ("{{ x|belopp('mnkr', 1, suffix='kort') }}", _B(64860), "64 860 tkr"),
            ("{{ x|belopp('mnkr', tecken=true) }}", _B(15000), "15 000 tkr"),
            ("{{ x|belopp('mnkr', suffix='ord') }}", _B(1000), "1 000 tkr"),
            ("{{ x|belopp('tkr', noll='') }}", Belopp.noll(), "0 kr"),
            ("{{ x|belopp('mnkr') }}", None, "inget (saknas)"),
        ],
        "procent": [
            ("{{ x|procent }}", Decimal("0.093"), "0,093"),
            ("{{ x|procent(mellanslag=false) }}", Decimal("0.093"), "0,093"),
            ("{{ x|procent(1, ord=true) }}", Decimal("0.0093"), "0,0093"),
            ("{{ x|procent(tecken=true) }}", Decimal("0.25"), "0,25"),
        ],
        "tal": [
            ("{{ x|tal }}", 26415, "26415"),
            ("{{ x|tal(ord=true) }}", 8, "8"),
            ("{{ x|tal(ord=true, versal=true) }}", 8, "8"),
            ("{{ x|tal(ord=true, genus='en') }}", 1, "1"),
            ("{{ x|tal(ord=true, siffra=true) }}", 3, "3"),
            ("{{ x|tal(ord=true) }}", 14, "14"),
            ("{{ x|tal(1) }}", Decimal("4.54"), "4,54"),
        ],
        "datum": [(f"{{{{ x|datum('{s}') }}}}", datum, "2020-09-18") for s in _stilar_av("datum")],
        "period": [
            *((f"{{{{ x|period('{s}') }}}}", period, "januari–augusti 2020") for s in _stilar_av("period")),
            ("{{ x|period('manad_ar', versal=true) }}", period, "januari–augusti 2020"),
        ],
        "lista": [
            ("{{ x|lista }}", ("KS", "UBN", "SCN"), "KS, UBN, SCN"),
            ("{{ x|lista('eller') }}", ("tkr", "mnkr"), "tkr, mnkr"),
        ],
        "versal": [("{{ x|versal }}", "åtta av dessa", "åtta av dessa")],
        "resultatmening": [
            ("{{ x|resultatmening }}", _B(-39065), "−39 065 tkr"),
            ("{{ x|resultatmening('Barn och ungdomsvård', suffix='ord') }}", _B(-47725), "−47 725 tkr"),
            ("{{ x|resultatmening(decimaler=0, suffix='ord') }}", _B(1000), "1 000 tkr"),
            ("{{ x|resultatmening }}", _B(-30), "−30 tkr"),
            ("{{ x|resultatmening(decimaler=0, ungefar='knappt_drygt') }}", _B(-26600), "−26 600 tkr"),
        ],
        "avvikelsemening": [
            ("{{ x|avvikelsemening }}", _B(-40664), "−40 664 tkr"),
            ("{{ x|avvikelsemening('Familjerätt', suffix='ord') }}", _B(561), "561 tkr"),
            ("{{ x|avvikelsemening }}", _B(-49), "−49 tkr"),
            ("{{ x|avvikelsemening(enhet='tkr', decimaler=0, ungefar='cirka') }}", _B(-133), "−133 tkr"),
        ],
        "prognosmening": [
            (
                "{{ x.prognos|prognosmening(x.forsamring, x.forbattring, 2024, decimaler=0, suffix='ord') }}",
                _prognososakerhet(-30000, 5000, 5000),
                "prognos −30 000 tkr, försämring och förbättring 5 000 tkr",
            ),
            (
                "{{ x.prognos|prognosmening(x.forsamring, x.forbattring) }}",
                _prognososakerhet(-64860, 20000, 5000),
                "prognos −64 860 tkr, försämring 20 000 och förbättring 5 000 tkr",
            ),
            ("{{ x|prognosmening(ar=2020) }}", _B(-30), "−30 tkr"),
        ],
        "volymmening": [
            ("{{ x|volymmening(3971, 'Antalet vårddygn på HVB', '2019') }}", 4130, "4130"),
            ("{{ x|volymmening(100, 'Antalet vårddygn', '2023') }}", 74, "74"),
            ("{{ x|volymmening(1000) }}", 1002, "1002"),
            ("{{ x|volymmening(1000, ungefar='knappt_drygt') }}", 1046, "1046"),
        ],
        "internkontrollmening": [
            (
                "{{ x|internkontrollmening(period) }}",
                _kontrollmoment(8, 1),
                "nio kontrollmoment, ett med mindre anmärkning",
            ),
            (
                "{{ x|internkontrollmening(ord_en='avvikelse', ord_flera='avvikelser') }}",
                _kontrollmoment(0, 2),
                "två kontrollmoment med mindre anmärkning",
            ),
        ],
        "som_text": [
            (
                "{{ x|som_text }}",
                (Block("stycke", "Arbetet pågår."), Block("punktlista", "", ("Rekrytering", "Utbildning"))),
                "ett stycke och en punktlista med två punkter",
            )
        ],
    }


def _prognososakerhet(prognos: int, forsamring: int, forbattring: int) -> PrognososakerhetVy:
    p, f, b = _B(prognos), _B(forsamring), _B(forbattring)
    return PrognososakerhetVy(
        prognos=p,
        forsamring=f,
        forbattring=b,
        spann_min=p - f,
        spann_max=p + b,
        symmetrisk=f == b,
        decimaler=1,
        text_fore=(),
        text=(),
    )


def _kontrollmoment(utan: int, mindre: int) -> tuple[KontrollmomentVy, ...]:
    def moment(varde: str, ord_: str) -> KontrollmomentVy:
        return KontrollmomentVy(
            kontrollomrade="Finansiell kontroll",
            riskbeskrivning="",
            kontrollmoment="",
            kontrollmetod="",
            resultat=StatusVy(varde=varde, ord=ord_, mening="", farg="auto"),
            kommentar=(),
        )

    return (
        *(moment("utan_anmarkning", "Utan anmärkning") for _ in range(utan)),
        *(moment("mindre_anmarkning", "Mindre anmärkning") for _ in range(mindre)),
    )


def _stilar_av(filter_: str) -> tuple[str, ...]:
    funktion = filterfunktioner()[filter_]
    tp = get_type_hints(funktion)["stil_"]
    return tuple(get_args(tp))


def _styckesutdata(xml: str) -> list[tuple[str, str]]:
    """(style, text) of each paragraph and table row the ``stycken`` filter wrote."""
    rot = etree.fromstring(f'<rot xmlns:w="{wordxml.W}">{xml}</rot>')
    out: list[tuple[str, str]] = []
    for el in rot:
        if el.tag == wordxml.qn("w:tbl"):
            stil = wordxml.table_style(el) or "?"
            for tr in wordxml.rows(el):
                celler = [wordxml.text(tc) for tc in wordxml.cells(tr)]
                out.append((f"tabell i {stil}", " · ".join(celler)))
            continue
        bild = next(
            el.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"), None
        )
        text = wordxml.text(el) if bild is None else f"[bild: {bild.get('descr')}]"
        if text:
            out.append((wordxml.style_id(el) or "?", text))
    return out


def filteravsnitt() -> list[str]:
    """The lines of the chapter on the filters."""
    funktioner = filterfunktioner()
    namn = [*FILTERNAMN, "stycken"]
    saknas = [n for n in namn if n not in FILTER_SV]
    if saknas or set(funktioner) != set(namn):
        raise ValueError(f"mallguiden saknar svensk text för filtren {saknas} (skriv den i FILTER_SV)")
    exempel = _filterexempel()
    lines = [
        "## Filter",
        "",
        "Ett filter formaterar ett värde: `{{ värde|filter }}` eller med argument "
        "`{{ värde|filter('a', namn=värde) }}`. Argument kan ges i ordning eller med namn. Talstilen "
        "(minustecken, mellanslag före %, noll och saknade värden) kommer från layoutens "
        "`installningar.yaml`; exemplen nedan är framräknade med Uppsalas talstil.",
        "",
        "Mallarna som följer med använder också Jinjas inbyggda filter `upper` och `length`. Vilka "
        "andra inbyggda filter som är tillåtna talar `delarsrapport layout check` om.",
        "",
    ]
    for filter_ in namn:
        beskrivning, argtexter = FILTER_SV[filter_]
        funktion = funktioner[filter_]
        parametrar = list(inspect.signature(funktion).parameters.values())[1:]
        hints = get_type_hints(funktion)
        utan_text = [p.name for p in parametrar if p.name not in argtexter]
        overblivna = set(argtexter) - {p.name for p in parametrar}
        if utan_text or overblivna:
            raise ValueError(
                f"filtret {filter_}: argument utan svensk text {utan_text}, text utan argument "
                f"{sorted(overblivna)} (rätta FILTER_SV i delarsrapport/_docgen/filtren.py)"
            )
        signatur = ", ".join(f"{p.name}={_jinjavarde(p.default)}" for p in parametrar)
        lines += [f"### {filter_}", "", f"`{filter_}({signatur})`" if signatur else f"`{filter_}`", ""]
        lines += [beskrivning, ""]
        if parametrar:
            rader = []
            for p in parametrar:
                tillatna = _tillatna(hints.get(p.name))
                text = argtexter[p.name] + (f" Ett av {tillatna}." if tillatna else "")
                rader.append([kod(p.name), kod(_jinjavarde(p.default)), cell(text)])
            lines += tabell(["Argument", "Standard", "Betydelse"], rader)
        if filter_ == "stycken":
            lines += _styckenexempel()
            continue
        rader = []
        for mallkod, varde, ord_ in exempel[filter_]:
            resultat = rendera(mallkod, x=varde, period=Rapportperiod(ar=2024, slutmanad=8))
            utfall = "<br>".join(kod(r) for r in resultat.split("\n")) if resultat else "*(tomt)*"
            rader.append([kod(mallkod), cell(ord_), utfall])
        lines += tabell(["I mallen", "Värdet x", "Blir"], rader)
    return lines


def _styckenexempel() -> list[str]:
    d = Decimal
    text = (
        Block("stycke", "Nämnden redovisar ett underskott."),
        Block("rubrik", "Orsaker", niva=1),
        Block("punktlista", "", ("Fler placeringar", "Högre priser")),
        Block(
            "tabell",
            "uppdragsstatus",
            tabell=(("Uppdrag", "Augusti 2020"), ("Färdiga", "3"), ("Totalt", "3")),
        ),
        Block(
            "diagram",
            "Vårddygn januari–augusti",
            diagram=DiagramVy(
                rubrik="Vårddygn januari–augusti",
                typ="stapel",
                enhet="index (2019 = 100)",
                kategorier=("HVB", "Stödboende"),
                serier=(
                    SerieVy(namn="2019", varden=(d(100), d(100))),
                    SerieVy(namn="2020", varden=(d(104), d(118))),
                ),
                budget=(),
                decimaler=0,
                beskrivning="Stapeldiagram: Vårddygn januari–augusti.",
                tabell=(("Vårdform", "2019", "2020"), ("HVB", "100", "104"), ("Stödboende", "100", "118")),
            ),
        ),
    )
    with media.samla() as samling:
        samling.del_ = "word/document.xml"
        utdata = _styckesutdata(str(filterfunktioner()["stycken"](text, 3)))
    lines = [
        "Exempel: löptext med ett stycke, en underrubrik, en punktlista, en framräknad tabell och ett "
        "diagram, skriven med `{{p x|stycken(3) }}` och standardinställningen för `stilar`, blir "
        "(diagrammets bild står i ett eget stycke före bildtexten, med alternativtexten):",
        "",
    ]
    lines += tabell(["Formatmall", "Text"], [[kod(s), cell(t)] for s, t in utdata])
    return lines
