"""Every figure a seed prints in its tables can be found in the sample loaded from it.

A figure is a table cell that is a number, perhaps with a unit ("%", "st") or markup.
Numbers inside a cell's running text ("12 fakturor har kontrollerats") are prose, not
table figures, except the few labelled figures listed in ``_TAL_I_CELL``. A figure is
found when the loaded model holds it at the precision it is printed with. The model may
hold it as an input, as a figure it derives (totals, results, diffs, ratios, counts) or as
a reported figure (``rapporterat*``). Figures that the model cannot hold are exempted
below, each with its seed line and the reason. Transcription gaps are listed separately.

The seeds are the plain-text conversions in ``../shared/seeds`` (see domain.md). Without
them these tests are skipped.
"""

from __future__ import annotations

import enum
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest

from delarsrapport import Belopp, Delarsrapport, load
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.kalla import Indatakalla
from delarsrapport._model.status import Indikatorenhet
from delarsrapport._model.verksamhet import Indikator, Verksamhetsuppfoljning
from delarsrapport.formatting import avrunda

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

kraver_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the seed texts are not here ({SEEDS}), so there is nothing to compare with"
)


class Seed(NamedTuple):
    """A seed file, the sample transcribed from it, and where its tables are."""

    fil: str
    sample: str
    antal_tal: int
    """How many figures its tables print (pinned, so that a reader that loses rows fails)."""
    forsta: int = 1
    sista: int | None = None
    """The line range the sample covers; ``None`` is the end of the file."""
    platta: tuple[tuple[int, int, tuple[int, ...], str], ...] = ()
    """Flattened rows: first line, last line, allowed cell counts, the text the first line starts with."""
    resultatrakningar: bool = False
    """The seed has flattened resultaträkningar, each from "RESULTATRÄKNING …" to its "Resultat" row."""


SEED_000 = Seed("000_a022b33896ed94d9.txt", "uppsala-socialnamnden-2020-08.yaml", antal_tal=312)
SEED_001 = Seed(
    "001_2ed63b26c6aacf5d.txt",
    "uppsala-socialnamnden-2024-08.yaml",
    antal_tal=61,
    # The two 5731 nyckeltal print their last row without a tab: "**Nettokostnad per vård dygn** 5,4".
    platta=((480, 480, (1,), "**Nettokostnad per"), (493, 493, (1,), "**Nettokostnad per")),
)
SEED_004 = Seed(
    "004_e16876367e385b8f.txt",
    "uppsala-omsorgsnamnden-2020-08.yaml",
    antal_tal=607,
    # A PDF conversion: every table is flattened into "label value value …" lines.
    platta=(
        (45, 56, (1,), "Uppdrag"),  # the memo's count table "Uppdrag | Augusti 2020"
        (443, 443, (5,), "Fossilbränslefria fordon"),  # Nuvärde Totalt/Kvinnor/Män, Jämförvärde, Målsättning
        (1255, 1283, (4,), "OMSORGSNÄMNDEN"),  # summary table, Investeringar, Prognososäkerhet
    ),
    resultatrakningar=True,
)
# Lines 26–1459 only: the two ärenden the sample holds (verksamhetsberättelse 2022 and
# nämndplan 2023). The rest of the file is other business of the meeting.
SEED_002 = Seed(
    "002_ba1d9c0d9aa7bec1.txt", "upplands-bro-socialnamnden-2022.yaml", antal_tal=632, forsta=26, sista=1459
)
ALLA_SEEDS = (SEED_000, SEED_001, SEED_004, SEED_002)


class Undantag(NamedTuple):
    """A printed figure that is not looked for in the model, and why."""

    fil: str
    rad: int
    text: str
    skal: str


# Figures that the model legitimately does not hold.
EJ_I_MODELLEN: tuple[Undantag, ...] = (
    # The risk matrix legend numbers its scale steps 4–1 ("4 | Sannolik (…) | Allvarlig (…)").
    # The steps are the model's fixed 1–4 scale (Risk validates it) and the legend is
    # layout. It is not a figure of this report, and any small number would "find" it.
    Undantag(SEED_002.fil, 1450, "4", "skalsteg i riskmatrisens förklaring (layout)"),
    Undantag(SEED_002.fil, 1451, "3", "skalsteg i riskmatrisens förklaring (layout)"),
    Undantag(SEED_002.fil, 1452, "2", "skalsteg i riskmatrisens förklaring (layout)"),
    Undantag(SEED_002.fil, 1453, "1", "skalsteg i riskmatrisens förklaring (layout)"),
)

# Figures that the seed prints but the sample does not transcribe. Do not fix them here:
# add the figure to the sample and remove the entry. None are known.
TRANSKRIPTIONSLUCKOR: tuple[Undantag, ...] = ()


# -- reading the figures of a seed --------------------------------------------------------


class Tal(NamedTuple):
    """One printed figure: its line, the cell as printed, its value and its number of decimals."""

    rad: int
    text: str
    varde: Decimal
    decimaler: int


_TAL = re.compile(r"(?P<tal>-?(?:\d{1,3}(?: \d{3})+|\d+)?(?:,(?P<dec>\d+))?)(?: ?%| st)?")
_AR_ELLER_PERIOD = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])?")  # "2020", "202008"
_MARKUP = re.compile(r"<[^>]+>|\*\*")


def _celltext(cell: str) -> str:
    return re.sub(r"\s+", " ", _MARKUP.sub("", cell)).strip()


def tal(cell: str) -> tuple[Decimal, int] | None:
    """The value and decimals of a cell that is a Swedish number, else ``None``.

    Reads space-grouped thousands ("-47 725"), a decimal comma ("659,1", also the defective
    ",9" of 002-08) and a unit after the number ("86%", "75 %", "3 st").
    """
    m = _TAL.fullmatch(_celltext(cell))
    if m is None or not re.search(r"\d", m["tal"]):
        return None
    return Decimal(m["tal"].replace(" ", "").replace(",", ".")), len(m["dec"] or "")


def _rad_tal(nr: int, celler: Iterable[str]) -> list[Tal]:
    """The figures of one table row. A header row (only years and period codes) has none."""
    figurer = [Tal(nr, _celltext(c), *v) for c in celler if (v := tal(c)) is not None]
    if all(_AR_ELLER_PERIOD.fullmatch(f.text) for f in figurer):
        return []
    return figurer


_TAL_I_CELL = (
    re.compile(r"(\d+) (?:Kritisk|Medium|Låg)\b"),  # 002 rad 1440: "2 Kritisk 1 Medium | Totalt: 3"
    re.compile(r"^Totalt: (\d+)$"),
    re.compile(r"^<p>(\d+)\s{2}"),  # 002 rad 1457-1459: the risk's number, "<p>2  Att varor …"
    re.compile(r"<p>(?:Sannolikhet|Konsekvens)\s+(\d)\. "),  # "<p>Sannolikhet  3. Möjlig</p>"
)
"""Labelled figures within a cell's text."""


def _tabellrader(rader: list[str], seed: Seed) -> Iterator[tuple[int, list[str]]]:
    """The tab- and pipe-separated rows in the seed's range, except tables of contents."""
    sista = seed.sista or len(rader)
    nr = seed.forsta
    while nr <= sista:
        rad = rader[nr - 1]
        if rad.lstrip().startswith("|"):
            # A pipe table runs over consecutive lines. A table of contents has dot leaders,
            # and its cells are section and page numbers.
            slut = nr
            while slut < sista and rader[slut].lstrip().startswith("|"):
                slut += 1
            if not any("...." in rader[i - 1] for i in range(nr, slut + 1)):
                for i in range(nr, slut + 1):
                    yield i, rader[i - 1].strip().strip("|").split("|")
            nr = slut + 1
            continue
        if "\t" in rad:
            yield nr, rad.split("\t")
        elif " | " in rad:
            yield nr, rad.split("|")
        nr += 1


_SVANSORD = re.compile(r"-?\d+(?:[,.]\d+)?|-?,\d+|%|-")
_GRUPPERAD = re.compile(r"-?\d{1,3}(?: \d{3})*")
_TUSENTALSGRUPP = re.compile(r"\d{3}(?:,\d+)?")


def _platt_rad(rad: str, antal: tuple[int, ...]) -> list[str] | None:
    """The cells of a flattened row ("Nämnden totalt 1  707 2 -23 -16"), ``None`` if it ends in no number.

    The numbers at the end of the line are split into cells. A group of three digits may
    belong to the number before it. The split must give one of the allowed cell counts, and
    it must be the only way to do so. A header line (only a year or a period code) gives ``[]``.
    """
    # The PDF's trend arrows are symbol-font glyphs in the Private Use Area, not figures.
    ord_ = re.sub("[\ue000-\uf8ff]", " ", rad).split()
    i = len(ord_)
    while i > 0 and _SVANSORD.fullmatch(ord_[i - 1]):
        i -= 1
    atomer: list[str] = []
    for o in ord_[i:]:
        if o == "%" and atomer:
            atomer[-1] += " %"
        else:
            atomer.append(o)
    if not atomer:
        return None
    if all(_AR_ELLER_PERIOD.fullmatch(a) for a in atomer):
        return []

    def delningar(rest: list[str]) -> Iterator[list[str]]:
        if not rest:
            yield []
            return
        cell = rest[0]
        for j in range(1, len(rest) + 1):
            if j > 1:
                if not (_GRUPPERAD.fullmatch(cell) and _TUSENTALSGRUPP.fullmatch(rest[j - 1])):
                    return
                cell = f"{cell} {rest[j - 1]}"
            for fortsattning in delningar(rest[j:]):
                yield [cell, *fortsattning]

    for n in antal:
        losningar = [d for d in delningar(atomer) if len(d) == n]
        if losningar:
            assert len(losningar) == 1, f"raden {rad!r} kan delas på flera sätt: {losningar}"
            return losningar[0]
    raise AssertionError(f"raden {rad!r} ger inte {antal} celler: {atomer}")


def _platta_omraden(rader: list[str], seed: Seed) -> Iterator[tuple[int, int, tuple[int, ...]]]:
    for forsta, sista, antal, borjan in seed.platta:
        assert rader[forsta - 1].strip().startswith(borjan), (seed.fil, forsta, borjan)
        yield forsta, sista, antal
    if seed.resultatrakningar:
        starter = [i for i, r in enumerate(rader, 1) if r.startswith("RESULTATRÄKNING")]
        assert len(starter) == 9, starter  # the nämnd and its eight avdelningar
        for start in starter:
            slut = next(i for i in range(start, len(rader) + 1) if re.match(r"Resultat -?\d", rader[i - 1]))
            yield start, slut, (6, 5)  # two rows print five cells, not six (004-16)


def seed_figurer(seed: Seed) -> list[Tal]:
    """Every figure in the tables of *seed*, in line order."""
    rader = (SEEDS / seed.fil).read_text(encoding="utf-8").splitlines()
    figurer: list[Tal] = []
    for nr, celler in _tabellrader(rader, seed):
        figurer += _rad_tal(nr, celler)
        for cell in celler:
            for monster in _TAL_I_CELL:
                figurer += [Tal(nr, m[1], Decimal(m[1]), 0) for m in monster.finditer(cell.strip())]
    for forsta, sista, antal in _platta_omraden(rader, seed):
        hittade = 0
        for nr in range(forsta, sista + 1):
            celler = _platt_rad(rader[nr - 1], antal) or []
            # "-" is an empty cell. "82.9" (004-24) is printed with a decimal point.
            celler = [re.sub(r"^(-?\d+)\.(\d+)$", r"\1,\2", c) for c in celler if c != "-"]
            rad_tal = _rad_tal(nr, celler)
            figurer += rad_tal
            hittade += len(rad_tal)
        assert hittade, f"{seed.fil} rad {forsta}-{sista}: no figures read"
    return sorted(figurer, key=lambda f: f.rad)


# -- every figure the model holds -----------------------------------------------------------

_PRECISIONER = (("tkr", 0), ("tkr", 1), ("tkr", 3), ("mnkr", 0), ("mnkr", 1))
"""The units and decimals that tables print amounts in (nyckeltal use tkr with 1 or 3 decimals)."""

_HARLEDANDE_METODER = (
    "sammanfattning_berakning",
    "delsummor",
    "driftbudget_rader",
    "driftbudget_summa",
    "uppdrag_per_status",
    "mal_per_bedomning",
    "antal_per_resultat",
)
"""Methods without arguments that derive figures. Every property is evaluated as well."""

_MODELLMODULER = (
    "delarsrapport._model.rapport",
    "delarsrapport._model.ekonomi",
    "delarsrapport._model.verksamhetstabell",
    "delarsrapport._model.resultatrakning",
    "delarsrapport._model.brutto",
    "delarsrapport._model.budget",
    "delarsrapport._model.nyckeltal",
    "delarsrapport._model.verksamhet",
    "delarsrapport._model.internkontroll",
)
"""The modules of the document model. Names, dates, periods and text live in other modules
and hold no table figures. A period's year or a heading's level would only match by chance."""

Inventarium = dict[int, set[Decimal]]
"""The values the model holds, keyed by the number of decimals they are shown with."""


def _harledda_antal(obj: object) -> tuple[int, ...]:
    """Counts that need an argument to derive: risks per level (F26), all uppdrag (F25)."""
    if isinstance(obj, Internkontroll):
        return (*Counter(obj.riskniva(r) for r in obj.risker).values(), len(obj.risker))
    if isinstance(obj, Verksamhetsuppfoljning):
        return (len(list(obj.alla_uppdrag())),)
    return ()


def _samla(obj: object, inv: Inventarium, sedda: dict[int, object], skala: int = 1) -> None:
    """Add *obj*'s figures to *inv*: its fields, its properties and the figures derived from it.

    *skala* is 100 inside an indicator that is a share, because 0,86 is printed "86%".
    """
    if obj is None or isinstance(obj, str | bool | enum.Enum | date):
        return
    if isinstance(obj, Belopp):
        for enhet, decimaler in _PRECISIONER:
            inv[decimaler].add(avrunda(obj.i_enhet(enhet), decimaler))
        return
    if isinstance(obj, int):
        inv[0].add(Decimal(obj))
        return
    if isinstance(obj, Decimal):
        for decimaler in range(4):
            inv[decimaler].add(avrunda(obj * skala, decimaler))
        return
    if isinstance(obj, Indatakalla):  # where the input came from: lines, not figures
        return
    if id(obj) in sedda:
        return
    sedda[id(obj)] = obj  # kept alive, so that its id is not reused
    if isinstance(obj, tuple | list | set | frozenset):
        for x in obj:
            _samla(x, inv, sedda, skala)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _samla(k, inv, sedda, skala)
            _samla(v, inv, sedda, skala)
    elif attrs.has(type(obj)):
        if type(obj).__module__ not in _MODELLMODULER:
            return
        if isinstance(obj, Indikator) and obj.enhet is Indikatorenhet.ANDEL:
            skala = 100
        for f in attrs.fields(type(obj)):
            _samla(getattr(obj, f.name), inv, sedda, skala)
        egenskaper = {n for k in type(obj).__mro__ for n, v in vars(k).items() if isinstance(v, property)}
        for namn in sorted(egenskaper):
            _samla(getattr(obj, namn), inv, sedda, skala)
        for namn in _HARLEDANDE_METODER:
            if callable(metod := getattr(obj, namn, None)):
                _samla(metod(), inv, sedda, skala)
        _samla(_harledda_antal(obj), inv, sedda, skala)
    else:
        raise TypeError(f"okänd typ i modellen: {type(obj).__name__}")


@cache
def _rapport(sample: str) -> Delarsrapport:
    return load(SAMPLES / sample)


@cache
def inventarium(sample: str) -> Inventarium:
    """Every figure the loaded *sample* holds (input, derived or reported) at each precision."""
    inv: Inventarium = defaultdict(set)
    _samla(_rapport(sample), inv, {})
    return inv


def saknas(figurer: Iterable[Tal], inv: Inventarium, seed: Seed) -> list[Tal]:
    """The figures that are neither in *inv* nor exempted for *seed*."""
    undantagna = {(u.rad, u.text) for u in (*EJ_I_MODELLEN, *TRANSKRIPTIONSLUCKOR) if u.fil == seed.fil}
    return [
        f for f in figurer if (f.rad, f.text) not in undantagna and f.varde not in inv.get(f.decimaler, ())
    ]


# -- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "varde", "decimaler"),
    [
        ("-47 725", "-47725", 0),
        ("659,1", "659.1", 1),
        ("-0,0", "0", 1),
        ("4,542", "4.542", 3),
        ("86%", "86", 0),
        ("75 %", "75", 0),
        ("3,25 %", "3.25", 2),
        ("3 st", "3", 0),
        (",9", "0.9", 1),
        ("<b>-27</b>", "-27", 0),
        ("<b>11,0</b>", "11.0", 1),
        (" 1 050 ", "1050", 0),
    ],
)
def test_a_cell_is_read_as_a_swedish_number(cell: str, varde: str, decimaler: int) -> None:
    """Grouped thousands, the decimal comma, percent, "st" and markup are read exactly."""
    assert tal(cell) == (Decimal(varde), decimaler)


@pytest.mark.parametrize(
    "cell", ["", "-", "---", "↗", "2023-01-24", "202001-202008", "1.1", "SN 23/0007", "Kommunbidrag"]
)
def test_a_cell_that_is_no_number_is_not_read(cell: str) -> None:
    """Dashes, arrows, dates, period ranges, section numbers, references and words are not figures."""
    assert tal(cell) is None


@pytest.mark.parametrize(
    ("rad", "antal", "celler"),
    [
        ("Nämnden totalt 1  707 2 -23 -16", (4,), ["1 707", "2", "-23", "-16"]),
        ("assistansersättning enligt SFB och 1 242 21 -11 15", (4,), ["1 242", "21", "-11", "15"]),
        (
            "Resultat 1 080,4 1 095,8 -15,4 1 631,2 1 657,9 -26,7",
            (6, 5),
            ["1 080,4", "1 095,8", "-15,4", "1 631,2", "1 657,9", "-26,7"],
        ),
        ("Gemensamma kostnader 0,0 0,0 0,0 0,0 0,0", (6, 5), ["0,0"] * 5),
        (
            "Fossilbränslefria fordon (andel) 87 - - 82.9 100 % \uf0ec ",
            (5,),
            ["87", "-", "-", "82.9", "100 %"],
        ),
        ("funktionsnedsättning (53) 33 -5 -3 -5", (4,), ["33", "-5", "-3", "-5"]),
        ("augusti 2020", (6, 5), []),
        ("Belopp i miljoner kronor", (4,), None),
    ],
)
def test_a_flattened_row_is_split_into_its_cells(
    rad: str, antal: tuple[int, ...], celler: list[str] | None
) -> None:
    """A PDF row gets its grouped thousands back and keeps its codes, "-" cells and "%" apart."""
    assert _platt_rad(rad, antal) == celler


def test_a_flattened_row_with_the_wrong_cell_count_fails() -> None:
    """A row that cannot give the table's cell count is an error, not a row without figures."""
    with pytest.raises(AssertionError, match="ger inte"):
        _platt_rad("Verksamhetens intäkter 659,1 649,1 10,1", (6, 5))


@kraver_seeds
@pytest.mark.parametrize("seed", ALLA_SEEDS, ids=lambda s: s.fil[:3])
def test_the_seed_tables_print_the_pinned_number_of_figures(seed: Seed) -> None:
    """The reader finds every row: 312 figures in 000, 61 in 001, 607 in 004, 632 in 002 (lines 26–1459)."""
    assert len(seed_figurer(seed)) == seed.antal_tal


@kraver_seeds
@pytest.mark.parametrize("seed", ALLA_SEEDS, ids=lambda s: s.fil[:3])
def test_every_figure_in_the_seed_tables_is_in_the_sample(seed: Seed) -> None:
    """Each figure in a seed's tables is an input, a derived figure or a reported figure of its sample."""
    missing = saknas(seed_figurer(seed), inventarium(seed.sample), seed)
    assert not missing, "\n".join(
        f"{seed.fil} rad {f.rad}: {f.text!r} saknas i {seed.sample}" for f in missing
    )


@kraver_seeds
def test_each_exemption_names_a_printed_figure() -> None:
    """Every exempted figure is printed on its line, and a transcription gap is still missing."""
    seeds = {s.fil: s for s in ALLA_SEEDS}
    for u in (*EJ_I_MODELLEN, *TRANSKRIPTIONSLUCKOR):
        assert u.skal, u
        assert any((f.rad, f.text) == (u.rad, u.text) for f in seed_figurer(seeds[u.fil])), u
    for u in TRANSKRIPTIONSLUCKOR:
        f = next(f for f in seed_figurer(seeds[u.fil]) if (f.rad, f.text) == (u.rad, u.text))
        assert f.varde not in inventarium(seeds[u.fil].sample)[f.decimaler], f"{u} is transcribed now"


@kraver_seeds
def test_a_figure_missing_from_the_sample_is_reported() -> None:
    """Take one value out of the model's figures and the check names the seed line that prints it."""
    inv = {d: set(v) for d, v in inventarium(SEED_000.sample).items()}
    inv[0].remove(Decimal(-47725))  # Barn och ungdomsvård, Resultat "Utfall jan-aug"
    missing = saknas(seed_figurer(SEED_000), inv, SEED_000)
    assert [(f.rad, f.text) for f in missing] == [(158, "-47 725")]
