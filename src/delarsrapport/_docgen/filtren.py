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

from delarsrapport._context import Block
from delarsrapport._designer import typer
from delarsrapport._docgen.exempel import rendera
from delarsrapport._docgen.markdown import cell, kod, tabell
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod
from delarsrapport._render import wordxml
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
    "stycken": (
        "Skriver löptext som riktiga Word-stycken: stycken, rubriker, punktlistor och tabeller, i "
        "formatmallarna som inställningen `stilar` anger. Använd den alltid med `{{p … }}` ensamt i "
        "ett eget stycke.",
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
        "som_text": [
            (
                "{{ x|som_text }}",
                (Block("stycke", "Arbetet pågår."), Block("punktlista", "", ("Rekrytering", "Utbildning"))),
                "ett stycke och en punktlista med två punkter",
            )
        ],
    }


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
        text = wordxml.text(el)
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
            resultat = rendera(mallkod, x=varde)
            utfall = "<br>".join(kod(r) for r in resultat.split("\n")) if resultat else "*(tomt)*"
            rader.append([kod(mallkod), cell(ord_), utfall])
        lines += tabell(["I mallen", "Värdet x", "Blir"], rader)
    return lines


def _styckenexempel() -> list[str]:
    text = (
        Block("stycke", "Nämnden redovisar ett underskott."),
        Block("rubrik", "Orsaker", niva=1),
        Block("punktlista", "", ("Fler placeringar", "Högre priser")),
        Block(
            "tabell",
            "uppdragsstatus",
            tabell=(("Uppdrag", "Augusti 2020"), ("Färdiga", "3"), ("Totalt", "3")),
        ),
    )
    utdata = _styckesutdata(str(filterfunktioner()["stycken"](text, 3)))
    lines = [
        "Exempel: löptext med ett stycke, en underrubrik, en punktlista och en framräknad tabell, "
        "skriven med `{{p x|stycken(3) }}` och standardinställningen för `stilar`, blir:",
        "",
    ]
    lines += tabell(["Formatmall", "Text"], [[kod(s), cell(t)] for s, t in utdata])
    return lines
