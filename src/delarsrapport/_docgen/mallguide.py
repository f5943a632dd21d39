"""The Mallguide (``docs/mallguide.md``): the template designers' reference, in Swedish.

Everything a template may use is defined once in the code; this module writes it out for
designers, so the guide cannot drift from the code:

- the variables: :data:`~delarsrapport._kontext.GEMENSAMMA` and
  :data:`~delarsrapport._kontext.KONTEXTER`, followed recursively through the view classes
  (each class documented once, where it is first reached); a field's meaning is the
  Swedish docstring under it;
- the filters: :data:`~delarsrapport._filters.FILTERNAMN` and ``stycken``, with their
  arguments read from the functions' signatures and examples computed by calling them;
- the settings: every field of :class:`~delarsrapport._layout.Installningar`, recursively.

Example values are real: the samples in ``samples/`` are turned into template contexts with
:func:`~delarsrapport._kontext.bygg_kontext`, and each example is the output of the very
snippet the guide shows, rendered with the layout's filters. The shipped templates decide
which lists the guide loops as table rows (``{%tr for … %}``) and which ``belopp``
arguments it shows for a field.

The code holds some texts in English only (the settings, the reporting period) and the
filters have none; their Swedish text is written here, once, keyed by name or path. A
setting, filter, filter argument or class without Swedish text makes the generator raise,
so nothing new can be left out of the guide.

``python -m delarsrapport._docgen.mallguide [DIR]`` writes ``DIR/mallguide.md`` (``docs`` by default).
"""

from __future__ import annotations

import html
import inspect
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Final, Literal, TypeGuard, Union, cast, get_args, get_origin, get_type_hints

import attrs
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from ruamel.yaml import YAML

from delarsrapport import _context as _kontext
from delarsrapport._context import GEMENSAMMA, KONTEXTER, Block, Lopande, bygg_kontext
from delarsrapport._load.load import load
from delarsrapport._load.schema import _field_docs
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod
from delarsrapport._render.docx import W, _Stilar, _stycken_filter
from delarsrapport._render.filters import FILTERNAMN, Talstil, make_filters
from delarsrapport._render.layout import INSTALLNINGSFIL, Installningar, Stilar, layout_katalog, load_layout

__all__ = ["main", "markdown", "write"]

FILNAMN: Final = "mallguide.md"


def _samples() -> Path:
    """The samples the examples are taken from: the source tree's ``samples`` next to
    ``src`` or, for an installed package, ``samples`` in the working directory (the
    repository, where the guide is generated and tested)."""
    kalltrad = Path(__file__).resolve().parents[3] / "samples"
    return kalltrad if kalltrad.is_dir() else Path.cwd() / "samples"


SAMPLES: Final = _samples()

_FORSTA_EXEMPEL: Final = "uppsala-socialnamnden-2020-08.yaml"
"""The sample examples come from first (the one the tutorial renders); then the others."""
_FORSTA_LAYOUT: Final = "uppsala"
"""The layout whose templates and settings the guide quotes first."""
_EXEMPEL_LANGD: Final = 48
"""Example texts longer than this are cut with an ellipsis."""

# -- the Swedish texts the code does not hold -------------------------------------------------

_SLAG_SV: Final[dict[str, str]] = {
    "tjansteskrivelse": "Tjänsteskrivelsen",
    "ekonomi": "Ekonomisk uppföljning",
    "verksamhet": "Verksamhetsuppföljning",
    "nyckeltal": "Nyckeltal",
    "internkontroll": "Internkontroll",
}
"""Chapter titles of the document kinds (a new kind falls back to its file name)."""

_VARIABLER_SV: Final[dict[str, str]] = {
    "sammantradesdatum": "Datum för nämndens sammanträde, eller inget om rapporten inte anger det.",
}
"""Top-level variables whose type is not a class with a Swedish docstring."""

_KLASSER_SV: Final[dict[str, dict[str, str]]] = {
    "Rapportperiod": {
        "": "Rapportperioden: de ackumulerade månaderna rapporten gäller, till exempel januari–augusti "
        "2020. Skriv ut den med filtret period.",
        "ar": "Året.",
        "slutmanad": "Periodens sista månad, 1–12 (8 för augusti).",
        "startmanad": "Periodens första månad, 1–12 (oftast 1).",
        "kod": 'Perioden som i kolumnrubriker: "202001-202008".',
        "prognos_kod": 'Månaden prognosen gäller: "202008".',
        "fg": "Samma period föregående år (en period, skriv ut den med filtret period).",
        "tertial": "Tertialet perioden slutar i: 1, 2 eller 3.",
        "slutdatum": "Periodens sista dag.",
        "startdatum": "Periodens första dag.",
        "helar": "Sant om perioden är hela året.",
        "antal_manader": "Antal månader i perioden.",
    },
}
"""Classes outside ``_kontext`` that templates see (their docstrings are in English):
``""`` is the class, the other keys its fields and properties."""

_KLASSNOTER: Final[dict[str, str]] = {
    "Block": "Oftast skriver du ut löptext med filtret [stycken](#stycken), som gör stycken, rubriker, "
    "punktlistor och tabeller i layoutens formatmallar. Gå igenom blocken ett och ett bara om du vill "
    "bygga styckena själv.",
}
"""A note for designers under a class's heading, where its docstring is not enough."""

_INSTALLNINGAR_SV: Final[dict[str, str]] = {
    "namn": 'Layoutens namn: "Uppsala kommun". `layout new` sätter det till den nya layoutens namn.',
    "talstil": "Hur tal skrivs: minustecken, procenttecken, noll och saknade värden. Gäller alla filter.",
    "talstil.minus": 'Minustecknet: "-" (bindestreck, som rapporterna brukar skriva) eller "−" '
    "(U+2212, det minustecken Språkrådet rekommenderar).",
    "talstil.procent_mellanslag": 'Fast mellanslag före procenttecknet: `true` ger "9 %", `false` ger "9%".',
    "talstil.noll": "Det som skrivs för ett belopp som avrundas till noll. Utelämnat skrivs 0; "
    '`""` lämnar cellen tom.',
    "talstil.saknas": 'Det som skrivs där ett värde saknas helt, till exempel `""` eller `"-"`.',
    "namnordning": '`fornamn_efternamn` ger "Thomas Fäldt", `efternamn_fornamn` ger "Fäldt Thomas".',
    "handlaggare_skiljetecken": 'Det som står mellan flera handläggare: `", "` eller `" och "`.',
    "namnd_i_lopande_text": 'Nämndens namn mitt i en mening: `gemen` ger "Tjänsteskrivelse till '
    'socialnämnden", `versal` ger "… till Socialnämnden".',
    "beslut": "Hur förslagen till beslut numreras och binds ihop.",
    "beslut.stil": 'Layoutens form för förslagen: `att` ("1. att godkänna …,") eller `mening` '
    '("1. Socialnämnden godkänner …."). Mallen väljer själv vad den skriver: `sats.text` '
    "för att-form, `sats.mening` för hel mening.",
    "beslut.samt": 'Skriv ", samt" efter den näst sista att-satsen i stället för ",".',
    "beslut.numrera_ensam": "Numrera också ett ensamt förslag (`sats.numrerad`).",
    "sjalvreferens": "Första raden i beslutsunderlaget. `{datum}` blir tjänsteskrivelsens datum i "
    "stilen `sjalvreferens_datumstil`, `{forvaltning}` förvaltningens namn i genitiv.",
    "sjalvreferens_datumstil": "Datumstilen för `{datum}` i `sjalvreferens` (se filtret datum).",
    "bilagereferens": "Raden för varje bilaga i beslutsunderlaget; `{nummer}` och `{titel}` kommer "
    "från bilageregistret.",
    "status": "Ord, mening och färg för varje status hos uppdrag, nämndmål och åtgärder. En status "
    "som saknas här skrivs med sitt namn i indata (till exempel `ej_paborjad`).",
    "status.*.ord": 'Ordet som skrivs ut: "Påbörjad".',
    "status.*.mening": "Statusmeningen. `{ar}` blir året uppdraget väntas vara klart; saknas året "
    "blir meningen tom.",
    "status.*.farg": "Cellens bakgrundsfärg, sex hexadecimala siffror (`92D050`). Färgen står alltid "
    "tillsammans med ordet, aldrig ensam.",
    "status.*.forklaring": "Vad ordet och färgen betyder, i teckenförklaringen "
    '(`installningar.visa.teckenforklaring`): "Uppdraget är påbörjat och går enligt plan."',
    "bedomning": "Ord, standardmening och färg för varje bedömning, per målnivå. En bedömning som "
    "saknas här skrivs med sitt namn i indata, med stor bokstav och utan understreck.",
    "bedomning.*.*.ord": 'Ordet som skrivs ut: "Delvis uppfyllt".',
    "bedomning.*.*.mening": "Meningen som skrivs när nämnden inte har skrivit en egen; utan mening "
    "här används delarsrapports standardmening för målnivån.",
    "bedomning.*.*.farg": "Bakgrundsfärg, sex hexadecimala siffror.",
    "bedomning.*.*.forklaring": "Vad bedömningen betyder, för en teckenförklaring.",
    "kontrollresultat": "Ord, mening och färg för resultatet av ett kontrollmoment i internkontrollen. "
    "Ett resultat som saknas här skrivs med sitt namn i indata, med stor bokstav och utan understreck.",
    "kontrollresultat.*.ord": 'Ordet som skrivs ut: "Utan anmärkning".',
    "kontrollresultat.*.mening": "En mening om resultatet, om layouten vill ha en.",
    "kontrollresultat.*.farg": "Bakgrundsfärg, sex hexadecimala siffror.",
    "kontrollresultat.*.forklaring": "Vad resultatet betyder, för en teckenförklaring.",
    "avvikelseord": "Substantivet i internkontrollens sammanfattande mening, i singular och plural: "
    '`[anmärkning, anmärkningar]` ger "utan anmärkning" och "mindre anmärkningar".',
    "trendpilar": "Tecknet som visar en indikators trend.",
    "trend_saknas": "Det som skrivs när en indikator saknar trend, och när ett utfall saknas om "
    "`talstil.saknas` är tom.",
    "nyckeltal_decimaler": "Antal decimaler i nyckeltalens kvot (`matt.decimaler`), per volymtyp.",
    "statuskategorier": "Raderna i tjänsteskrivelsens tabell över uppdragen per status "
    "(`ts.uppdragsstatus`). En tom lista ger ingen tabell.",
    "statuskategorier[].text": "Radens text.",
    "statuskategorier[].statusar": "Statusarna som räknas på raden.",
    "stilar": "Formatmallarna som filtret stycken ger löptexten. Skriv namnen som Word visar dem, "
    'på engelska eller svenska ("Heading 2" eller "Rubrik 2").',
    "stilar.stycke": "Formatmallen för vanliga stycken.",
    "stilar.rubriker": "Formatmallarna för rubriker i löptext, en per nivå (Rubrik 1, Rubrik 2 …).",
    "stilar.punktlista": "Formatmallen för punktlistor.",
    "stilar.tabell": "Tabellformatet för tabeller som löptexten placerar (`{tabell: uppdragsstatus}`).",
    "filnamn": "Filnamnen på dokumenten som skapas.",
    "filnamn.tjansteskrivelse": "Tjänsteskrivelsens filnamn; `{arende}` är ärendets nummer.",
    "filnamn.bilaga": "En bilagas filnamn: `{arende}` ärendets nummer, `{nummer}` bilagans nummer, "
    "`{slag}` dokumentslaget och `{titel}` titeln med små bokstäver, utan å, ä, ö och mellanslag.",
    "visa": "Valfria delar som layouten visar eller utelämnar. Mallarna frågar efter dem med "
    "`{%p if installningar.visa.… %}`; ett val gör bara skillnad om mallen frågar.",
    "visa.diarienummer_med_bilagesuffix": "En bilagas diarienummer får bilagans nummer sist "
    '("SCN-2024-00493-1"). Det här valet följer delarsrapport själv (`dokument.diarienummer`).',
    "visa.metarad": 'Verksamhetsuppföljningen visar raden "Fas: … Rapportperiod: … Organisation: …".',
    "visa.avrundningsnot": 'Tabeller vars avrundade rader inte summerar får raden "Avrundningsdifferenser '
    'kan förekomma".',
    "visa.malposter_som_tabell": "Nämndmål och uppdrag står i en tabell per mål (Uppsala 2024) i stället "
    "för ett avsnitt per post (2020).",
    "visa.teckenforklaring": "Verksamhetsuppföljningen slutar med en teckenförklaring över statusarnas "
    "ord och färger.",
    "visa.brevhuvud": "Tjänsteskrivelsen skriver ut kommunens brevhuvud (adress, telefon, webb).",
}
"""The settings in Swedish, by path: ``a.b`` for a field of a group, ``a.*.b`` for a field of
every value of a mapping, ``a[].b`` for a field of every item of a list."""

_FILTER_SV: Final[dict[str, tuple[str, dict[str, str]]]] = {
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

# -- names for loop variables ----------------------------------------------------------------

_LOOPNAMN: Final[dict[str, str]] = {
    "handlaggare_lista": "person",
    "beslut": "sats",
    "foredragning": "avsnitt",
    "beslutsunderlag": "rad",
    "bilagor": "bilaga",
    "beslut_sands_till": "mottagare",
    "undertecknare": "person",
    "uppdragsstatus": "statusrad",
    "rader": "rad",
    "tidigare_prognoser": "prognos",
    "verksamheter": "omrade",
    "ovriga_avsnitt": "avsnitt",
    "kapitalkostnader": "rad",
    "sarskilda_satsningar": "satsning",
    "budgetfordelning": "fordelning",
    "mal": "mal",
    "poster": "post",
    "atgarder": "atgard",
    "aktiviteter": "aktivitet",
    "indikatorer": "indikator",
    "indikatorer_med_trend": "indikator",
    "indikatorer_utan_trend": "indikator",
    "utfall": "matning",
    "namndmal": "nmal",
    "rapportering": "rad",
    "statusar": "status",
    "grupper": "grupp",
    "matt": "matt",
    "fotnoter": "fotnot",
    "moment": "moment",
    "processer": "process",
    "processer_med_kontrollmoment": "process",
    "processer_med_atgarder": "process",
    "kontrollmoment": "kontroll",
    "risker": "risk",
    "punkter": "punkt",
    "tabell": "rad",
}
"""The loop variable the guide uses for a list field (readable Swedish; unknown fields fall
back to a singular guessed from the name)."""

# -- types ------------------------------------------------------------------------------------


def _valfri(tp: Any) -> tuple[bool, Any]:
    """``(True, X)`` for ``X | None``, else ``(False, tp)``."""
    args = get_args(tp)
    if get_origin(tp) in (UnionType, Union) and NoneType in args and len(args) == 2:
        return True, next(a for a in args if a is not NoneType)
    return False, tp


def _element(tp: Any) -> Any | None:
    """``X`` for ``tuple[X, ...]``, else None."""
    if get_origin(tp) is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _ar_klass(tp: object) -> TypeGuard[type]:
    return isinstance(tp, type) and attrs.has(tp)


def _falt_doc(cls: type) -> dict[str, str]:
    """The docstring written under each field in the class body (read as ``_schema`` reads them)."""
    return _field_docs(cls)


def _forsta_stycket(doc: str) -> str:
    return " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


def _egenskaper(cls: type) -> list[str]:
    """The public properties a template can read, in the order the class defines them."""
    return [n for n, v in vars(cls).items() if isinstance(v, property) and not n.startswith("_")]


@cache
def _falt(cls: type) -> tuple[tuple[str, Any], ...]:
    """Every name a template can read on *cls*: its fields, then its public properties."""
    hints = get_type_hints(cls)
    out: list[tuple[str, Any]] = [(f.name, hints[f.name]) for f in attrs.fields(cls)]
    for name in _egenskaper(cls):
        prop = vars(cls)[name]
        out.append((name, get_type_hints(prop.fget)["return"]))
    return tuple(out)


def _fran_kontext(cls: type) -> bool:
    return cls.__module__.startswith(_kontext.__name__)


def _installningsprefix() -> dict[type, str]:
    """Each settings class → its path in ``installningar.yaml`` (first where it occurs)."""
    out: dict[type, str] = {}
    for rad in _installningsrader(Installningar, _INSTALLNINGAR_SV):
        if rad.klass is not None:
            out.setdefault(rad.klass, rad.sokvag)
    return out


def _klasstext(cls: type) -> tuple[str, dict[str, str]]:
    """The Swedish description of *cls* and of each name a template can read on it.

    View classes carry their own Swedish docstrings; a settings class reached from the
    context (``installningar.visa``) uses the settings texts; any other class needs its
    entry in :data:`_KLASSER_SV`. Raises ``ValueError`` when a class outside ``_kontext``
    lacks Swedish text for a name.
    """
    namn = [n for n, _ in _falt(cls)]
    if _fran_kontext(cls):
        docs = dict(_falt_doc(cls))
        for n in _egenskaper(cls):
            docs[n] = _forsta_stycket(inspect.getdoc(vars(cls)[n]) or "")
        return _forsta_stycket(cls.__doc__ or ""), docs
    prefix = _installningsprefix().get(cls)
    if prefix is not None:
        return _INSTALLNINGAR_SV[prefix], {n: _INSTALLNINGAR_SV[f"{prefix}.{n}"] for n in namn}
    texter = _KLASSER_SV.get(cls.__name__)
    saknas = [n for n in ["", *namn] if not (texter or {}).get(n)]
    if texter is None or saknas:
        raise ValueError(
            f"mallguiden saknar svensk text för {cls.__name__}: "
            + ", ".join(repr(n) if n else "klassen" for n in saknas)
            + " (skriv den i _KLASSER_SV i delarsrapport/_mallguide.py)"
        )
    return texter[""], {n: texter[n] for n in namn}


_KLASSNAMN_RE: Final = re.compile(r"\b([A-Z]\w*Vy)\b")


def _namngivna_klasser(doc: str) -> list[type]:
    """View classes a docstring names (``"raderna är StatsbidragsradVy"``)."""
    out: list[type] = []
    for m in _KLASSNAMN_RE.finditer(doc):
        cls = getattr(_kontext, m.group(1), None)
        if _ar_klass(cls) and cls not in out:
            out.append(cls)
    return out


def _objektlista(cls: type) -> str | None:
    """The name of *cls*'s field typed ``tuple[object, ...]`` (rows named by the referring field)."""
    return next((n for n, tp in _falt(cls) if _element(tp) is object), None)


# -- what the shipped templates do ------------------------------------------------------------

_TAGG_RE: Final = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_FOR_RE: Final = re.compile(r"\{%-?\s*(tr|tc|p)?\s*for\s+(\w+)\s+in\s+([\w.]+)\s*-?%\}")
_BELOPP_RE: Final = re.compile(r"\{\{-?\s*([\w.]+)\s*\|\s*belopp\s*\(([^)]*)\)")
_WT_RE: Final = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _layoutordning() -> list[Path]:
    katalog = layout_katalog()
    mappar = sorted(p for p in katalog.iterdir() if (p / INSTALLNINGSFIL).is_file())
    return sorted(mappar, key=lambda p: p.name != _FORSTA_LAYOUT)


def _malltexter(mall: Path) -> Iterator[str]:
    """The text of each part of a template (body, headers, footers) with tags joined up."""
    with zipfile.ZipFile(mall) as zf:
        for namn in sorted(zf.namelist()):
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", namn):
                yield html.unescape("".join(_WT_RE.findall(zf.read(namn).decode("utf-8"))))


def _los_typ(uttryck: str, omfang: Mapping[str, tuple[type, ...]]) -> tuple[Any, tuple[type, ...]]:
    """The type of a dotted expression and the classes the last field's docstring names.

    *omfang* gives the candidate classes of each name in scope. Returns ``(None, ())`` when
    the expression does not resolve.
    """
    forst, *resten = uttryck.split(".")
    kandidater: tuple[Any, ...] = omfang.get(forst, ())
    namngivna: tuple[type, ...] = ()
    tp: Any = kandidater[0] if len(kandidater) == 1 else None
    for del_ in resten:
        tp = None
        for k in kandidater:
            if _ar_klass(k):
                typer = dict(_falt(k))
                if del_ in typer:
                    tp = _valfri(typer[del_])[1]
                    doc = _falt_doc(k).get(del_, "")
                    namngivna = tuple(_namngivna_klasser(doc)) or namngivna
                    break
        if tp is None:
            return None, ()
        kandidater = (tp,)
    return tp, namngivna


@attrs.frozen
class _Mallbruk:
    """How the shipped templates use the contract."""

    loopar: dict[type, Counter[str]]
    """Element class → how often each loop kind (``tr``, ``p``, ``tc``, ``""``) iterates over it."""
    belopp: dict[tuple[type, str], str]
    """(class, field) → the ``belopp`` arguments, with ``{o}`` where the owner is named."""
    belopp_klass: dict[type, str]
    """Class → the first ``belopp`` arguments used on any of its fields (for the others)."""


@cache
def _mallbruk() -> _Mallbruk:
    loopar: dict[type, Counter[str]] = {}
    belopp: dict[tuple[type, str], str] = {}
    belopp_klass: dict[type, str] = {}
    for mapp in _layoutordning():
        for slag, variabler in KONTEXTER.items():
            mall = mapp / f"{slag}.docx"
            if not mall.is_file():
                continue
            rotter = {**GEMENSAMMA, **variabler}
            for text in _malltexter(mall):
                omfang: dict[str, tuple[type, ...]] = {
                    n: (_valfri(t)[1],) for n, t in rotter.items() if isinstance(_valfri(t)[1], type)
                }
                for tagg in _TAGG_RE.findall(text):
                    if m := _FOR_RE.fullmatch(tagg):
                        typ, var, uttryck = m.groups()
                        tp, namngivna = _los_typ(uttryck, omfang)
                        elem = _element(tp) if tp is not None else None
                        klasser = namngivna if elem is object else ((elem,) if _ar_klass(elem) else ())
                        for k in klasser:
                            loopar.setdefault(k, Counter())[typ or ""] += 1
                        omfang[var] = klasser
                    elif m := _BELOPP_RE.match(tagg):
                        uttryck, argument = m.groups()
                        agare, _, falt = uttryck.rpartition(".")
                        if "." in agare:
                            tp, _ = _los_typ(agare, omfang)
                            agarklasser: tuple[Any, ...] = (tp,)
                        else:
                            agarklasser = omfang.get(agare, ())
                        for k in agarklasser:
                            if _ar_klass(k) and falt in dict(_falt(k)):
                                belopp.setdefault((k, falt), _agare_ut(argument, agare))
                                belopp_klass.setdefault(k, _agare_ut(argument, agare))
    return _Mallbruk(loopar, belopp, belopp_klass)


def _agare_ut(argument: str, agare: str) -> str:
    """*argument* with the owner's name replaced by ``{o}`` (``m.decimaler`` → ``{o}.decimaler``)."""
    return re.sub(rf"(?<![\w.]){re.escape(agare)}\.", "{o}.", argument.strip())


# -- example values from the samples ----------------------------------------------------------


@attrs.frozen
class _Exempel:
    varde: object
    agare: object
    """The object the value was read from (None for a top-level variable)."""


def _kontexter() -> Iterator[tuple[str, dict[str, object]]]:
    """Every context of every sample: (document kind, context), the main sample first."""
    filer = sorted(SAMPLES.glob("*.yaml"), key=lambda p: (p.name != _FORSTA_EXEMPEL, p.name))
    if not filer:
        raise FileNotFoundError(f"mallguiden tar sina exempel ur {SAMPLES}, men där finns inga exempel")
    layouter = {load_layout(p).installningar.namn: load_layout(p).installningar for p in _layoutordning()}
    standard = load_layout(_layoutordning()[0]).installningar
    for fil in filer:
        rapport = load(fil)
        inst = layouter.get(rapport.kommun.namn, standard)
        for nummer, arende in enumerate(rapport.arenden, start=1):
            yield "tjansteskrivelse", bygg_kontext(rapport, arende, nummer, inst)
            for bilaga in arende.bilagor:
                for del_ in bilaga.delar:
                    yield del_.kind, bygg_kontext(rapport, arende, nummer, inst, bilaga=bilaga, del_=del_)


@cache
def _exempel() -> dict[tuple[type | None, str], _Exempel]:
    """(class, name) → the first value found in the samples: the first true one (a non-empty
    text or list, a non-zero amount, ``True``), else the first that is not None."""
    hittat: dict[tuple[type | None, str], _Exempel] = {}

    def spara(nyckel: tuple[type | None, str], varde: object, agare: object) -> None:
        tidigare = hittat.get(nyckel)
        if varde is None or (tidigare is not None and (bool(tidigare.varde) or not varde)):
            return
        hittat[nyckel] = _Exempel(varde, agare)

    def besok(obj: object) -> None:
        if isinstance(obj, tuple):
            for x in obj:
                besok(x)
            return
        cls = type(obj)
        if not attrs.has(cls):
            return
        faltnamn = {f.name for f in attrs.fields(cls)}
        for namn, _ in _falt(cls):
            varde = getattr(obj, namn)
            spara((cls, namn), varde, obj)
            if namn in faltnamn:
                besok(varde)

    for _slag, kontext in _kontexter():
        for namn, varde in kontext.items():
            spara((None, namn), varde, None)
            besok(varde)
    return hittat


@cache
def _jinja() -> ImmutableSandboxedEnvironment:
    """A plain environment with the layout's filters, to compute examples as text."""
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    env.filters.update(make_filters(load_layout(_layoutordning()[0]).installningar.talstil))
    return env


def _rendera(mallkod: str, **varden: object) -> str:
    return _jinja().from_string(mallkod).render(**varden)


# -- markdown helpers ---------------------------------------------------------------------------


def _kod(text: str) -> str:
    """*text* as inline code in a table cell (pipes escaped, backticks fenced)."""
    text = text.replace("|", "\\|")
    if "`" in text:
        return f"`` {text} ``"
    return f"`{text}`"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _kort(text: str) -> str:
    """*text* on one line (no-break spaces kept, as the documents print them), cut if long."""
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    return text if len(text) <= _EXEMPEL_LANGD else text[: _EXEMPEL_LANGD - 1].rstrip() + "…"


def _ankare(cls: type) -> str:
    return cls.__name__.lower()


def _lank(cls: type) -> str:
    return f"[{cls.__name__}](#{_ankare(cls)})"


def _tabell(rubriker: Sequence[str], rader: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(rubriker) + " |", "|" + "---|" * len(rubriker)]
    out += ["| " + " | ".join(r) + " |" for r in rader]
    return [*out, ""]


# -- the variables -------------------------------------------------------------------------------


def _typtext(tp: Any) -> str:
    """A type in designer words, with links to the classes."""
    if tp == Lopande:
        return f"[löptext](#{_ankare(Block)})"
    valfri, inre = _valfri(tp)
    if valfri:
        return f"{_typtext(inre)} eller inget"
    elem = _element(tp)
    if elem is object:
        return "lista av tabellrader (radtypen står under tabellen)"
    if elem is not None:
        return f"lista av {_typtext(elem)}"
    enkla: dict[Any, str] = {
        str: "text",
        int: "heltal",
        bool: "ja/nej",
        Belopp: "belopp",
        date: "datum",
        Decimal: "tal",
    }
    if tp in enkla:
        return enkla[tp]
    if _ar_klass(tp):
        return _lank(tp)
    raise TypeError(f"mallguiden har inget ord för typen {tp!r}")


@attrs.frozen
class _Plats:
    """Where a class is reached: as a path, or as a loop variable over a list."""

    uttryck: str
    """What a template writes before a field name: ``ekonomi.sammanfattning`` or ``rad``."""
    loop: str | None = None
    """The loop that binds it: ``{%tr for rad in ekonomi.sammanfattning.rader %}``."""

    def text(self) -> str:
        if self.loop is None:
            return _kod(self.uttryck)
        return f"{_kod(self.uttryck)} i {_kod(self.loop)}"


@attrs.define
class _Klass:
    cls: type
    kapitel: str
    platser: list[_Plats]
    tabellrad: bool
    omfang: frozenset[str]
    """The names in scope where the class is first reached (to keep loop names apart)."""


def _loopform(elem: Any) -> str:
    """``tr`` if the shipped templates loop over *elem* as table rows at least as often as
    over paragraphs, else ``p`` (a class no template loops over: ``tr`` for a "rad" class)."""
    if elem is object:
        return "tr"
    if not _ar_klass(elem):
        return "p"
    former = _mallbruk().loopar.get(elem)
    if not former or not (former["tr"] or former["p"]):
        return "tr" if "rad" in elem.__name__.lower() else "p"
    return "tr" if former["tr"] >= former["p"] else "p"


def _loopvariabel(falt: str, omfang: frozenset[str], *, namn: str | None = None) -> str:
    """The loop variable for list field *falt* (or *namn*), not shadowing a name in *omfang*."""
    if namn is None:
        if falt in _LOOPNAMN:
            namn = _LOOPNAMN[falt]
        elif falt.endswith(("er", "ar", "or")) and len(falt) > 4:
            namn = falt[:-2]
        else:
            namn = "post"
    kandidat, n = namn, 2
    while kandidat in omfang:
        kandidat, n = f"{namn}{n}", n + 1
    return kandidat


class _Karta:
    """Every class reachable from the contract, each once, with the places it is reached."""

    def __init__(self) -> None:
        self.klasser: dict[type, _Klass] = {}
        self.objektrader: dict[type, list[tuple[str, type]]] = {}
        """A class with a ``tuple[object, ...]`` field → (that list's path, its row class)."""
        alla_rotter = set(GEMENSAMMA) | {n for v in KONTEXTER.values() for n in v}
        self.rotter: frozenset[str] = frozenset(alla_rotter)
        for kapitel, variabler in [("", GEMENSAMMA), *KONTEXTER.items()]:
            for namn, tp in variabler.items():
                self._nadd(kapitel, tp, _Plats(namn), self.rotter, tabellrad=False)

    def _nadd(self, kapitel: str, tp: Any, plats: _Plats, omfang: frozenset[str], *, tabellrad: bool) -> None:
        tp = _valfri(tp)[1]
        if tp == Lopande:
            tp = Block
        if not _ar_klass(tp):
            return
        if tp in self.klasser:
            if plats not in self.klasser[tp].platser:
                self.klasser[tp].platser.append(plats)
            return
        self.klasser[tp] = _Klass(tp, kapitel, [plats], tabellrad, omfang)
        for namn, ftp in _falt(tp):
            uttryck = f"{plats.uttryck}.{namn}"
            inre = _valfri(ftp)[1]
            elem = Block if inre == Lopande else _element(inre)
            if elem is not None and elem is not object:
                var = _loopvariabel(namn, omfang, namn="block" if inre == Lopande else None)
                form = "p" if inre == Lopande else _loopform(elem)
                loop = f"{{%{form} for {var} in {uttryck} %}}"
                self._nadd(kapitel, elem, _Plats(var, loop), omfang | {var}, tabellrad=form == "tr")
            elif _ar_klass(inre):
                self._nadd(kapitel, inre, _Plats(uttryck), omfang, tabellrad=tabellrad)
                lista = _objektlista(inre)
                if lista is not None:
                    doc = _klasstext(tp)[1].get(namn, "")
                    for rad in _namngivna_klasser(doc):
                        self.objektrader.setdefault(inre, []).append((f"{uttryck}.{lista}", rad))
                        var = _loopvariabel(lista, omfang)
                        loop = f"{{%{_loopform(rad)} for {var} in {uttryck}.{lista} %}}"
                        self._nadd(kapitel, rad, _Plats(var, loop), omfang | {var}, tabellrad=True)

    def i_kapitel(self, kapitel: str) -> list[_Klass]:
        return [k for k in self.klasser.values() if k.kapitel == kapitel]


def _enkel_utskrift(uttryck: str, agare: type | None, namn: str, tp: Any) -> str | None:
    """The tag that prints a simple value (text, number, amount, date, period), else None."""
    if tp is str or tp is int:
        return f"{{{{ {uttryck} }}}}"
    if tp is Belopp:
        argument = "'tkr'"
        if agare is not None:
            bruk = _mallbruk()
            argument = bruk.belopp.get((agare, namn), bruk.belopp_klass.get(agare, argument))
            if "{o}" in argument and (agare, namn) not in bruk.belopp:
                argument = "'tkr'"
        agarnamn = uttryck.rpartition(".")[0]
        return f"{{{{ {uttryck}|belopp({argument.replace('{o}', agarnamn)}) }}}}"
    if tp is date:
        return f"{{{{ {uttryck}|datum('lang') }}}}"
    if tp is Rapportperiod:
        return f"{{{{ {uttryck}|period('lang') }}}}"
    return None


_NAMNFALT: Final = ("ord", "namn", "rubrik", "titel", "etikett", "text")
"""Fields that name what a view is; the guide prints one of them to show a view in use."""


def _forsta_enkla(cls: type, prefix: str) -> str | None:
    """A tag printing a simple field of *cls*: a naming field, else the first text, amount,
    number or date; None if *cls* has no simple field."""
    falt = [(n, _valfri(t)) for n, t in _falt(cls)]
    ordning = sorted(
        (i for i, (n, (_, tp)) in enumerate(falt) if n != "farg"),
        key=lambda i: (
            falt[i][0] not in _NAMNFALT or falt[i][1][1] is not str,
            _NAMNFALT.index(falt[i][0]) if falt[i][0] in _NAMNFALT else 0,
            i,
        ),
    )
    for onskad in (str, Belopp, int, date, Rapportperiod):
        for i in ordning:
            n, (valfri, tp) = falt[i]
            if tp is onskad:
                tagg = _enkel_utskrift(f"{prefix}.{n}", cls, n, tp)
                assert tagg is not None
                if valfri and onskad is not Belopp:
                    return f"{{{{ {prefix}.{n} or '' }}}}"
                return tagg
    return None


def _anvandning(
    uttryck: str, agare: type | None, namn: str, tp: Any, *, tabellrad: bool, omfang: frozenset[str], doc: str
) -> list[str]:
    """How a template uses the value: the lines of a snippet."""
    valfri, inre = _valfri(tp)
    if inre == Lopande:
        return [f"{{{{p {uttryck}|stycken(3) }}}}"]
    if namn == "farg" and agare is not None and "ord" in dict(_falt(agare)):
        agarnamn = uttryck.rpartition(".")[0]
        return [f"{{% cellbg {uttryck} %}}{{{{ {agarnamn}.ord }}}}"]
    if inre is bool:
        if tabellrad:
            return [f"{{% if {uttryck} %}}…{{% endif %}}"]
        return [f"{{%p if {uttryck} %}}", "…", "{%p endif %}"]
    elem = _element(inre)
    if elem is not None:
        form = _loopform(elem)
        if elem is object:
            var = _loopvariabel(namn, omfang)
            return [f"{{%tr for {var} in {uttryck} %}}", "…", "{%tr endfor %}"]
        var = _loopvariabel(namn, omfang)
        if _ar_klass(elem):
            inne = _forsta_enkla(elem, var) or "…"
        elif _element(elem) is not None:
            inne = f"{{{{ {var}[0] }}}}"
        else:
            inne = _enkel_utskrift(var, None, "", elem) or "…"
        return [f"{{%{form} for {var} in {uttryck} %}}", inne, f"{{%{form} endfor %}}"]
    if _ar_klass(inre) and inre is not Rapportperiod:
        visning = _forsta_enkla(inre, uttryck)
        if visning is None and not valfri:
            forsta, ftp = _falt(inre)[0]
            return _anvandning(
                f"{uttryck}.{forsta}", inre, forsta, ftp, tabellrad=tabellrad, omfang=omfang, doc=""
            )
        visning = visning or "…"
        if not valfri:
            return [visning]
        if tabellrad:
            return [visning.replace(" }}", f" if {uttryck} else '' }}}}", 1)]
        return [f"{{%p if {uttryck} %}}", visning, "{%p endif %}"]
    tagg = _enkel_utskrift(uttryck, agare, namn, inre)
    if tagg is None:
        raise TypeError(f"mallguiden vet inte hur {uttryck} ({tp!r}) skrivs ut")
    kan_vara_tom = inre is str and re.search(r"\btomt?\b", doc) is not None
    if valfri and tabellrad and inre is not Belopp:
        return [tagg.replace(" }}", " or '' }}", 1)]
    if (valfri or kan_vara_tom) and not tabellrad:
        villkor = f"{uttryck} is not none" if inre is Belopp else uttryck
        return [f"{{%p if {villkor} %}}", tagg, "{%p endif %}"]
    return [tagg]


def _exempeltext(agare: type | None, namn: str, tp: Any) -> str:
    """The example for one name, formatted as the guide's snippet prints it."""
    ex = _exempel().get((agare, namn))
    if ex is None:
        return "–"
    varde = ex.varde
    inre = _valfri(tp)[1]
    if varde == () or varde == "":
        return "*(tom i exemplen)*"
    if inre == Lopande:
        assert isinstance(varde, tuple)
        block = varde[0]
        text = block.text or (block.punkter[0] if block.punkter else "")
        return _kod(_kort(text))
    if isinstance(varde, bool):
        return "ja" if varde else "nej"
    elem = _element(inre)
    if elem is not None:
        assert isinstance(varde, tuple)
        if elem is str:
            return _kod(_kort(str(varde[0]))) + (f" (och {len(varde) - 1} till)" if len(varde) > 1 else "")
        if _element(elem) is not None:
            return _kod(_kort(" · ".join(varde[0]))) + " …"
        return f"{len(varde)} st"
    if _ar_klass(inre) and inre is not Rapportperiod:
        return "se " + _lank(inre)
    if ex.agare is None:
        tagg = _enkel_utskrift(namn, None, namn, inre)
        varden = {namn: varde}
    else:
        tagg = _enkel_utskrift(f"agare__.{namn}", agare, namn, inre)
        varden = {"agare__": ex.agare}
    if tagg is None:
        return _kod(_kort(str(varde)))
    return _kod(_kort(_rendera(tagg, **varden)))


def _variabelrader(variabler: Mapping[str, object], karta: _Karta) -> list[list[str]]:
    rader = []
    for namn, tp in variabler.items():
        inre = _valfri(tp)[1]
        if namn in _VARIABLER_SV:
            betydelse = _VARIABLER_SV[namn]
        elif _ar_klass(inre):
            betydelse = _klasstext(inre)[0]
        else:
            raise ValueError(
                f"mallguiden saknar svensk text för variabeln {namn!r} (skriv den i _VARIABLER_SV)"
            )
        snutt = _anvandning(namn, None, namn, tp, tabellrad=False, omfang=karta.rotter, doc=betydelse)
        rader.append(
            [
                _kod(namn),
                _cell(betydelse),
                _typtext(tp),
                _exempeltext(None, namn, tp),
                _snuttcell(snutt),
            ]
        )
    return rader


def _snuttcell(snutt: Sequence[str]) -> str:
    return "<br>".join(s if s == "…" else _kod(s) for s in snutt)


@attrs.frozen
class _Faltrad:
    """One name of a class as the guide shows it."""

    namn: str
    tp: Any
    uttryck: str
    """The full expression: ``rad.kommunbidrag``."""
    betydelse: str
    anvandning: tuple[str, ...]
    """The lines of the usage snippet."""


def _faltrader(k: _Klass) -> list[_Faltrad]:
    docs = _klasstext(k.cls)[1]
    forsta = k.platser[0]
    out = []
    for namn, tp in _falt(k.cls):
        doc = docs.get(namn, "")
        uttryck = f"{forsta.uttryck}.{namn}"
        snutt = _anvandning(
            uttryck, k.cls, namn, tp, tabellrad=k.tabellrad, omfang=k.omfang | {forsta.uttryck}, doc=doc
        )
        out.append(_Faltrad(namn, tp, uttryck, doc, tuple(snutt)))
    return out


def _klassavsnitt(k: _Klass, karta: _Karta) -> list[str]:
    lines = [f"### {k.cls.__name__}", "", _klasstext(k.cls)[0], ""]
    if k.cls.__name__ in _KLASSNOTER:
        lines += [_KLASSNOTER[k.cls.__name__], ""]
    visade = k.platser if len(k.platser) <= 5 else k.platser[:3]
    platser = "; ".join(p.text() for p in visade)
    if len(visade) < len(k.platser):
        platser += f" och {len(k.platser) - len(visade)} ställen till"
    lines += [f"Nås som {platser}.", ""]
    rader = [
        [
            _kod(f.uttryck),
            _cell(f.betydelse) if f.betydelse else "*(beskrivning saknas)*",
            _typtext(f.tp),
            _exempeltext(k.cls, f.namn, f.tp),
            _snuttcell(f.anvandning),
        ]
        for f in _faltrader(k)
    ]
    lines += _tabell(["Variabel", "Betydelse", "Typ", "Exempel", "I mallen"], rader)
    lista = _objektlista(k.cls)
    if lista is not None:
        lines += [f"Raderna i `{lista}` är olika för varje tabell:", ""]
        lines += [f"- {_kod(stig)}: {_lank(rad)}" for stig, rad in karta.objektrader.get(k.cls, [])]
        lines.append("")
    return lines


def saknade_beskrivningar() -> list[str]:
    """``Klass.falt`` for every field a template can reach that has no Swedish text."""
    karta = _Karta()
    out = []
    for k in karta.klasser.values():
        docs = _klasstext(k.cls)[1]
        out += [f"{k.cls.__name__}.{n}" for n, _ in _falt(k.cls) if not docs.get(n)]
    return out


# -- the filters -------------------------------------------------------------------------------


def _stilar_for_exempel() -> _Stilar:
    """The ``stycken`` filter's styles, by the names a designer sees (for the examples)."""
    s = Stilar()
    return _Stilar(s.stycke, s.rubriker, s.punktlista, s.tabell)


def _filterfunktioner() -> dict[str, Callable[..., Any]]:
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
    inre = _valfri(tp)[1]
    if get_origin(inre) is Literal:
        return ", ".join(_kod(repr(a)) for a in get_args(inre))
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
    funktion = _filterfunktioner()[filter_]
    tp = get_type_hints(funktion)["stil_"]
    return tuple(get_args(tp))


def _styckesutdata(xml: str) -> list[tuple[str, str]]:
    """(style, text) of each paragraph and table row the ``stycken`` filter wrote."""
    rot = etree.fromstring(f'<rot xmlns:w="{W}">{xml}</rot>')
    out: list[tuple[str, str]] = []
    w = f"{{{W}}}"
    for el in rot:
        if el.tag == f"{w}tbl":
            stil = el.find(f"{w}tblPr/{w}tblStyle")
            for tr in el.findall(f"{w}tr"):
                celler = ["".join(t.text or "" for t in tc.iter(f"{w}t")) for tc in tr.findall(f"{w}tc")]
                out.append(
                    (f"tabell i {stil.get(f'{w}val') if stil is not None else '?'}", " · ".join(celler))
                )
            continue
        stil = el.find(f"{w}pPr/{w}pStyle")
        text = "".join(t.text or "" for t in el.iter(f"{w}t"))
        if text:
            out.append(((stil.get(f"{w}val") if stil is not None else None) or "?", text))
    return out


def _filteravsnitt() -> list[str]:
    funktioner = _filterfunktioner()
    namn = [*FILTERNAMN, "stycken"]
    saknas = [n for n in namn if n not in _FILTER_SV]
    if saknas or set(funktioner) != set(namn):
        raise ValueError(f"mallguiden saknar svensk text för filtren {saknas} (skriv den i _FILTER_SV)")
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
        beskrivning, argtexter = _FILTER_SV[filter_]
        funktion = funktioner[filter_]
        parametrar = list(inspect.signature(funktion).parameters.values())[1:]
        hints = get_type_hints(funktion)
        utan_text = [p.name for p in parametrar if p.name not in argtexter]
        overblivna = set(argtexter) - {p.name for p in parametrar}
        if utan_text or overblivna:
            raise ValueError(
                f"filtret {filter_}: argument utan svensk text {utan_text}, text utan argument "
                f"{sorted(overblivna)} (rätta _FILTER_SV i delarsrapport/_mallguide.py)"
            )
        signatur = ", ".join(f"{p.name}={_jinjavarde(p.default)}" for p in parametrar)
        lines += [f"### {filter_}", "", f"`{filter_}({signatur})`" if signatur else f"`{filter_}`", ""]
        lines += [beskrivning, ""]
        if parametrar:
            rader = []
            for p in parametrar:
                tillatna = _tillatna(hints.get(p.name))
                text = argtexter[p.name] + (f" Ett av {tillatna}." if tillatna else "")
                rader.append([_kod(p.name), _kod(_jinjavarde(p.default)), _cell(text)])
            lines += _tabell(["Argument", "Standard", "Betydelse"], rader)
        if filter_ == "stycken":
            lines += _styckenexempel()
            continue
        rader = []
        for mallkod, varde, ord_ in exempel[filter_]:
            resultat = _rendera(mallkod, x=varde)
            utfall = "<br>".join(_kod(r) for r in resultat.split("\n")) if resultat else "*(tomt)*"
            rader.append([_kod(mallkod), _cell(ord_), utfall])
        lines += _tabell(["I mallen", "Värdet x", "Blir"], rader)
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
    utdata = _styckesutdata(str(_filterfunktioner()["stycken"](text, 3)))
    lines = [
        "Exempel: löptext med ett stycke, en underrubrik, en punktlista och en framräknad tabell, "
        "skriven med `{{p x|stycken(3) }}` och standardinställningen för `stilar`, blir:",
        "",
    ]
    lines += _tabell(["Formatmall", "Text"], [[_kod(s), _cell(t)] for s, t in utdata])
    return lines


# -- the settings -------------------------------------------------------------------------------


@attrs.frozen
class _Installningsrad:
    sokvag: str
    tp: Any
    field: attrs.Attribute[Any] | None
    """The attrs field (None for the fields of a mapping's values and list items: same thing)."""
    klass: type | None
    """The settings class this path holds, if it is a group."""


def _installningsrader(cls: type, texter: Mapping[str, str], prefix: str = "") -> list[_Installningsrad]:
    """Every settings path under *cls*, in order; raises ``ValueError`` when a path has no
    Swedish text in *texter* (or *texter* has text for a path that no longer exists)."""
    rader: list[_Installningsrad] = []

    def besok(klass: type, prefix: str) -> None:
        hints = get_type_hints(klass)
        for f in attrs.fields(klass):
            sokvag = f"{prefix}{f.name}"
            tp = hints[f.name]
            inre = _valfri(tp)[1]
            if _ar_klass(inre):
                rader.append(_Installningsrad(sokvag, tp, f, inre))
                besok(inre, sokvag + ".")
                continue
            rader.append(_Installningsrad(sokvag, tp, f, None))
            varde, stjarnor = inre, ""
            while get_origin(varde) is dict:
                varde, stjarnor = get_args(varde)[1], stjarnor + ".*"
            if stjarnor and _ar_klass(varde):
                besok(varde, f"{sokvag}{stjarnor}.")
            elem = _element(inre)
            if elem is not None and _ar_klass(elem):
                besok(elem, f"{sokvag}[].")

    besok(cls, prefix)
    saknas = [r.sokvag for r in rader if not texter.get(r.sokvag)]
    if saknas:
        raise ValueError(
            "mallguiden saknar svensk beskrivning av inställningarna "
            + ", ".join(saknas)
            + " (skriv den i _INSTALLNINGAR_SV i delarsrapport/_mallguide.py)"
        )
    overblivna = sorted(set(texter) - {r.sokvag for r in rader})
    if overblivna:
        raise ValueError("mallguiden beskriver inställningar som inte finns: " + ", ".join(overblivna))
    return rader


def _yaml(varde: object) -> str:
    """A value as it is written in ``installningar.yaml`` (flow style)."""
    if isinstance(varde, bool):
        return "true" if varde else "false"
    if varde is None:
        return "null"
    if isinstance(varde, Enum):
        return str(varde.value)
    if isinstance(varde, str):
        if re.fullmatch(r"[A-Za-zÅÄÖåäöé0-9_][\wÅÄÖåäöé .]*", varde) and varde not in (
            "true",
            "false",
            "null",
        ):
            return varde.strip() if varde == varde.strip() else f'"{varde}"'
        return '"' + varde.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(varde, (list, tuple)):
        return "[" + ", ".join(_yaml(v) for v in varde) + "]"
    if isinstance(varde, dict):
        return "{" + ", ".join(f"{_yaml(k)}: {_yaml(v)}" for k, v in varde.items()) + "}"
    if attrs.has(type(varde)):
        return _yaml(
            {
                f.name: getattr(varde, f.name)
                for f in attrs.fields(cast(Any, type(varde)))
                if getattr(varde, f.name) is not None
            }
        )
    return str(varde)


_ENUMORD: Final[dict[str, tuple[str, str]]] = {
    "Status": ("status", "statusar"),
    "Malniva": ("målnivå", "målnivåer"),
    "Bedomning": ("bedömning", "bedömningar"),
    "Kontrollresultat": ("kontrollresultat", "kontrollresultat"),
    "Trend": ("trend", "trender"),
    "Volymtyp": ("volymtyp", "volymtyper"),
}
"""Vocabularies in Swedish words, singular and plural (others: the class name in lower case)."""


def _enumord(cls: type, plural: bool = False) -> str:
    ord_ = _ENUMORD.get(cls.__name__, (cls.__name__.lower(), cls.__name__.lower()))
    return ord_[1] if plural else ord_[0]


def _installningstyp(tp: Any) -> str:
    valfri, inre = _valfri(tp)
    if valfri:
        return _installningstyp(inre) + " eller inget"
    if _ar_klass(inre):
        return "grupp"
    if get_origin(inre) is Literal:
        return "ett av orden"
    if isinstance(inre, type) and issubclass(inre, Enum):
        return _enumord(inre)
    if get_origin(inre) is dict:
        nycklar: list[str] = []
        varde: Any = inre
        while get_origin(varde) is dict:
            nyckel, varde = get_args(varde)
            nycklar.append(_installningstyp(nyckel))
        vardetyp = "grupp" if _ar_klass(varde) else _installningstyp(varde)
        return f"{vardetyp} per {' och '.join(nycklar)}"
    elem = _element(inre)
    if elem is not None and _ar_klass(elem):
        return "lista av grupper"
    if isinstance(elem, type) and issubclass(elem, Enum):
        return f"lista av {_enumord(elem, plural=True)}"
    if elem is not None:
        return f"lista av {_installningstyp(elem)}"
    if get_origin(inre) is tuple:
        args = get_args(inre)
        if all(a is str for a in args):
            return f"lista av {len(args)} texter"
    enkla: dict[Any, str] = {str: "text", int: "heltal", bool: "ja/nej (`true`/`false`)"}
    if inre in enkla:
        return enkla[inre]
    raise TypeError(f"mallguiden har inget ord för inställningstypen {tp!r}")


def _installningsval(rad: _Installningsrad) -> str:
    """The allowed values (words, keys) of a setting."""
    inre = _valfri(rad.tp)[1]
    if get_origin(inre) is Literal:
        return ", ".join(_kod(str(a)) for a in get_args(inre))
    if isinstance(inre, type) and issubclass(inre, Enum):
        return ", ".join(_kod(m.value) for m in inre)
    elem = _element(inre)
    if elem is not None and isinstance(elem, type) and issubclass(elem, Enum):
        return ", ".join(_kod(m.value) for m in elem)
    if get_origin(inre) is dict:
        delar = []
        tp = inre
        while get_origin(tp) is dict:
            nyckel, tp = get_args(tp)
            if isinstance(nyckel, type) and issubclass(nyckel, Enum):
                delar.append(f"{_enumord(nyckel, plural=True)}: " + ", ".join(_kod(m.value) for m in nyckel))
        return "; ".join(delar)
    alternativ = getattr(rad.field.validator if rad.field else None, "options", None)
    if isinstance(alternativ, (tuple, list)):
        return ", ".join(_kod(_yaml(a)) for a in alternativ)
    if rad.sokvag.endswith("farg"):
        return "sex hexadecimala siffror"
    return ""


def _standard(rad: _Installningsrad) -> str:
    if rad.klass is not None or rad.field is None:
        return ""
    default = rad.field.default
    if default is attrs.NOTHING:
        return "**krävs**"
    if isinstance(default, cast(type, attrs.Factory)):
        default = cast(Any, default).factory()
    if default is None:
        return "inget"
    return _kod(_kort(_yaml(default)))


def _rad_ur_yaml(data: object, sokvag: str) -> object:
    """The value at *sokvag* in the loaded YAML (``*`` the first key, ``[]`` the first item)."""
    varde: object = data
    for del_ in re.findall(r"[^.\[\]]+|\[\]", sokvag):
        if del_ == "[]":
            if not isinstance(varde, list) or not varde:
                return None
            varde = varde[0]
        elif del_ == "*":
            if not isinstance(varde, dict) or not varde:
                return None
            varde = next(iter(varde.values()))
        else:
            if not isinstance(varde, dict) or del_ not in varde:
                return None
            varde = varde[del_]
    return varde


def _installningsavsnitt() -> list[str]:
    fil = _layoutordning()[0] / INSTALLNINGSFIL
    data = YAML(typ="safe", pure=True).load(fil.read_text(encoding="utf-8"))
    lines = [
        "## Inställningar (`installningar.yaml`)",
        "",
        "Varje layout har en fil `installningar.yaml` bredvid mallarna. Där står det som är ord, tal "
        "och val snarare än utseende: minustecken, namnordning, orden, meningarna och färgerna för "
        "statusar och bedömningar, vilka valfria delar som visas och filnamnen. Allt som inte står i "
        "filen får sitt standardvärde. Filen kontrolleras när layouten läses, och ett okänt namn eller "
        "ett otillåtet värde är ett fel som pekar ut raden.",
        "",
        f"Sökvägen skrivs med punkter: `talstil.minus` är `minus` under `talstil`. `*` står för varje "
        f"nyckel i en grupp med nycklar (`status.*.farg` är `farg` under varje status) och `[]` för "
        f"varje post i en lista. Exemplen kommer ur `templates/{fil.parent.name}/{INSTALLNINGSFIL}`; "
        "ett streck betyder att filen inte anger värdet.",
        "",
    ]
    rader = []
    for rad in _installningsrader(Installningar, _INSTALLNINGAR_SV):
        exempel = _rad_ur_yaml(data, rad.sokvag)
        rader.append(
            [
                _kod(rad.sokvag),
                _cell(_INSTALLNINGAR_SV[rad.sokvag]),
                _installningstyp(rad.tp),
                _installningsval(rad),
                _standard(rad),
                "" if rad.klass is not None else "–" if exempel is None else _kod(_kort(_yaml(exempel))),
            ]
        )
    lines += _tabell(["Inställning", "Betydelse", "Typ", "Tillåtna värden", "Standard", "Exempel"], rader)
    return lines


# -- the guide -----------------------------------------------------------------------------------

_TAGGAR: Final = (
    ("{{ … }}", "skriver ut ett värde mitt i texten", "{{ namnd.namn }}"),
    (
        "{% if … %} … {% endif %}",
        "visar text bara om villkoret gäller, inom ett stycke",
        "{% if rad.varav %}varav {% endif %}",
    ),
    (
        "{%p if … %} … {%p endif %}",
        "visar eller tar bort hela stycken; taggarna står ensamma i var sitt stycke, som försvinner",
        "{%p if ts.beredning %}",
    ),
    (
        "{%p for x in … %} … {%p endfor %}",
        "upprepar styckena emellan, en gång per post i en lista",
        "{%p for sats in ts.beslut %}",
    ),
    (
        "{%tr for x in … %} … {%tr endfor %}",
        "upprepar tabellraden emellan; taggarna står ensamma i var sin tabellrad, som försvinner",
        "{%tr for rad in ekonomi.sammanfattning.rader %}",
    ),
    (
        "{%tc for x in … %} … {%tc endfor %}",
        "upprepar en tabellkolumn; taggarna står i var sin cell",
        "{%tc for matning in indikator.utfall %}",
    ),
    (
        "{{p … }}",
        "skriver löptext som egna stycken; taggen står ensam i ett stycke",
        "{{p ts.arendet|stycken(3) }}",
    ),
    (
        "{% cellbg … %}",
        "ger tabellcellen en bakgrundsfärg; skriv den först i cellen och ordet efter",
        "{% cellbg atgard.status.farg %}{{ atgard.status.ord }}",
    ),
)
"""The docxtpl tags, what they do and an example (the introduction's table)."""

_TYPER: Final = (
    ("text", "text, redan kontrollerad", ("{{ x }}",)),
    ("heltal", "ett antal, ett år eller ett nummer", ("{{ x }}", "{{ x|tal }}")),
    (
        "belopp",
        "ett exakt belopp, i vilken enhet som helst (filtret [belopp](#belopp))",
        ("{{ x|belopp('tkr') }}",),
    ),
    ("datum", "ett datum (filtret [datum](#datum))", ("{{ x|datum('lang') }}",)),
    ("ja/nej", "ett villkor", ("{%p if x %}", "{% if x %}…{% endif %}")),
    ("lista av …", "poster i ordning", ("{%p for … %}", "{%tr for … %}")),
    (
        "löptext",
        "stycken, rubriker och punktlistor ur rapporten (se [Block](#block))",
        ("{{p x|stycken(3) }}", "{{ x|som_text }}"),
    ),
    ("… eller inget", "värdet kan saknas", ("{%p if x %}",)),
)
"""The designer types: name, meaning, how a template writes them (the types table)."""

_INLEDNING: Final = """\
# Mallguide – variabler, filter och inställningar för layoutens mallar

<!-- Genererad av `python -m delarsrapport._docgen.mallguide docs`; redigera inte för hand. -->

Den här guiden är för dig som formger en kommuns mallar i Word eller LibreOffice. Den räknar
upp allt en mall kan använda: variablerna för varje dokumentslag, filtren som formaterar tal
och datum, och inställningarna i `installningar.yaml`. Guiden genereras ur koden, så den
stämmer alltid med den version av delarsrapport den följer med. Vill du göra en egen layout
steg för steg, läs [Gör en egen kommunmall](egen-kommunmall.md).

## Layouter och taggar

En **layout** är en mapp med fem mallar och en inställningsfil:

{filer}
En mall är ett vanligt Word-dokument där taggar står i texten. När rapporten skapas byts
taggarna mot rapportens uppgifter; allt annat (formatmallar, sidhuvud, logotyp, tabeller)
blir kvar som du har gjort det.

{taggar}
Några regler gäller alla mallar:

- **Allt skyddas.** Text ur rapporten skrivs alltid som text: ett `<` eller `&` i en nämnds
  text kan inte ändra dokumentet. Löptext blir stycken bara genom filtret `stycken`.
- **Okända namn är fel.** Ett felstavat variabelnamn eller fält stoppar dokumentet med ett
  meddelande om vilken mall, vilket stycke och vilken text det gäller, och vilket namn som
  troligen menades. Ingenting blir tomt i tysthet.
- **Kontrollera layouten** innan du använder den: `delarsrapport layout check MAPP` läser alla
  mallar och inställningar utan rapportdata och listar varje problem på en gång.
- Hur tal skrivs (minustecken, noll, tecknet för ett värde som saknas) styrs av
  inställningen `talstil`, inte av mallen.

## Typer

{typer}
Ett belopp som är noll räknas som *falskt* i ett villkor. Fråga därför efter ett belopp som
kan saknas med `{{%p if x is not none %}}`, inte `{{%p if x %}}`. Filtret `belopp` skriver
själv `talstil.saknas` när beloppet saknas.

**Så läser du tabellerna nedan.** *Variabel* är det du skriver i mallen. För en lista visar
*I mallen* en loop; inne i loopen heter varje post som loopens variabel (till exempel `rad`),
och postens fält står under en egen rubrik. Namnet på loopens variabel väljer du själv.
Listor som de medföljande mallarna loopar som tabellrader visas med `{{%tr for … %}}`, andra
med `{{%p for … %}}`. *Exempel* är vad taggen i *I mallen* skriver ut med de exempelrapporter
som följer med delarsrapport; ett streck betyder att inget exempel har värdet.
"""


def _inledning() -> list[str]:
    filer = [[_kod(f"{slag}.docx"), _SLAG_SV.get(slag, slag)] for slag in KONTEXTER]
    filer.append(
        [_kod(INSTALLNINGSFIL), "ord, färger och val (se [Inställningar](#inställningar-installningaryaml))"]
    )
    taggar = [[_kod(t), g, _kod(e)] for t, g, e in _TAGGAR]
    typer = [[t, v, " eller ".join(_kod(x) for x in m)] for t, v, m in _TYPER]
    text = _INLEDNING.format(
        filer="\n".join(_tabell(["Fil", "Dokument"], filer)),
        taggar="\n".join(_tabell(["Tagg", "Gör", "Exempel"], taggar)),
        typer="\n".join(_tabell(["Typ", "Vad det är", "Skrivs ut med"], typer)),
    )
    return text.split("\n")


def markdown() -> str:
    """The whole Mallguide as Markdown, generated from the contract, filters and settings."""
    karta = _Karta()
    lines = _inledning()
    rubriker = ["Variabel", "Betydelse", "Typ", "Exempel", "I mallen"]
    lines += [
        "## Gemensamma variabler",
        "",
        "Alla fem mallarna ser de här variablerna.",
        "",
        *_tabell(rubriker, _variabelrader(GEMENSAMMA, karta)),
    ]
    for k in karta.i_kapitel(""):
        lines += _klassavsnitt(k, karta)
    for slag, variabler in KONTEXTER.items():
        lines += [
            f"## {_SLAG_SV.get(slag, slag)} (`{slag}.docx`)",
            "",
            "Utöver de gemensamma variablerna ser mallen:",
            "",
            *_tabell(rubriker, _variabelrader(variabler, karta)),
        ]
        for k in karta.i_kapitel(slag):
            lines += _klassavsnitt(k, karta)
    lines += _filteravsnitt()
    lines += _installningsavsnitt()
    text = "\n".join(lines)
    return text.rstrip("\n") + "\n"


def write(directory: Path) -> Path:
    """Write ``mallguide.md`` into *directory*; return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / FILNAMN
    path.write_text(markdown(), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m delarsrapport._docgen.mallguide [DIR]``: write DIR/mallguide.md (``docs``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    print(write(Path(args[0] if args else "docs")))
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
