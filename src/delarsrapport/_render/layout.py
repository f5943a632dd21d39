"""Layouts: a folder with one .docx template per document kind and a settings file.

A layout is chosen by name (a folder shipped in ``templates/``) or by path. Its settings
(``installningar.yaml``) hold the choices that are words and numbers rather than
document design: minus sign, name order, the casing of the nämnd's name, the words,
sentences and colours for statuses and assessments, which optional sections to show and
the output file names. They are validated like report data, every problem at once.
"""

from __future__ import annotations

import importlib.resources
import json
import re
import shutil
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Final, Literal

import attrs

from delarsrapport._errors import LayoutError, LoadError
from delarsrapport._load import read_structured
from delarsrapport._model.rapport import DOKUMENTSLAG, VALFRIA_DOKUMENTSLAG
from delarsrapport._model.status import Bedomning, Kontrollresultat, Malniva, Status, Trend, Volymtyp
from delarsrapport._model.text import FaltError
from delarsrapport._render.filters import Talstil
from delarsrapport._render.typografi import Typografi

__all__ = [
    "INSTALLNINGSFIL",
    "Beslutsstil",
    "Filnamn",
    "Installningar",
    "Layout",
    "Ord",
    "Statuskategori",
    "Stilar",
    "Visa",
    "forklara_yamlfel",
    "layout_katalog",
    "layout_mapp",
    "load_layout",
    "new_layout",
    "shipped_layouts",
]

INSTALLNINGSFIL: Final = "installningar.yaml"


@attrs.frozen
class Ord:
    """How a value of a vocabulary is printed: the word, an optional sentence and colour.

    *farg* is a cell background as six hexadecimal digits (``92D050``); a colour is always
    shown together with the word, never alone.
    """

    ord: str
    mening: str | None = None
    farg: str | None = attrs.field(default=None)
    forklaring: str | None = None
    """What the word and colour mean, for a legend (teckenförklaring)."""

    @farg.validator
    def _farg(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not (len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)):
            raise ValueError(f"farg ska vara sex hexadecimala siffror som 92D050, inte {value!r}")


@attrs.frozen
class Beslutsstil:
    """How the proposed decisions are written.

    ``att``: "1. att godkänna …," (Uppsala), with ", samt" before the last when *samt* is
    on. ``mening``: "1. Socialnämnden godkänner …." (Upplands-Bro). *numrera_ensam*
    numbers a single proposal too.
    """

    stil: Literal["att", "mening"] = "att"
    samt: bool = True
    numrera_ensam: bool = True


@attrs.frozen
class Stilar:
    """The styles the ``stycken`` filter gives free text, by style name (English or
    Swedish, as Word shows them)."""

    stycke: str = "Normal"
    rubriker: tuple[str, ...] = tuple(f"Heading {n}" for n in range(1, 7))
    """The heading styles by level (Rubrik 1, Rubrik 2, …), for the sub-headings in free text."""
    punktlista: str = "List Bullet"
    tabell: str = "Table Grid"
    """The table style of tables that free text places ({tabell: uppdragsstatus})."""


def _filnamnsmall(platser: Mapping[str, object]) -> Callable[[object, attrs.Attribute[str], str], None]:
    """An attrs validator: a file name pattern that names only *platser* and ends in .docx."""

    def validera(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        try:
            prov = value.format(**platser)
        except (KeyError, IndexError) as exc:
            namn = ", ".join("{" + p + "}" for p in platser)
            raise FaltError(
                attribute.name, f"platshållaren {{{exc.args[0]}}} finns inte; det finns {namn}"
            ) from None
        except ValueError as exc:
            raise FaltError(attribute.name, f"mönstret {value!r} går inte att fylla i: {exc}") from None
        if "/" in prov or "\\" in prov or not prov.endswith(".docx"):
            raise FaltError(attribute.name, f"filnamnet {value!r} ska sluta på .docx och sakna '/' och '\\'")

    return validera


@attrs.frozen
class Filnamn:
    """Output file names; ``{nummer}`` is the bilaga number, ``{slag}`` its document kind,
    ``{titel}`` its title made safe for a file name, ``{arende}`` the ärende number."""

    tjansteskrivelse: str = attrs.field(
        default="{arende}-tjansteskrivelse.docx", validator=_filnamnsmall({"arende": 1})
    )
    bilaga: str = attrs.field(
        default="{arende}-bilaga-{nummer}-{titel}.docx",
        validator=_filnamnsmall({"arende": 1, "nummer": 1, "slag": "ekonomi", "titel": "titel"}),
    )
    samlad: str = attrs.field(default="handlingar.docx", validator=_filnamnsmall({}))
    """The combined handling (``render --samlad``): every ärende's documents in one file."""


@attrs.frozen
class Statuskategori:
    """A row of the tjänsteskrivelse's count table: its text and the statuses it counts."""

    text: str
    statusar: tuple[Status, ...]


@attrs.frozen
class Visa:
    """Optional parts of the documents that a layout shows or leaves out.

    Templates read them as ``installningar.visa.<namn>``.
    """

    diarienummer_med_bilagesuffix: bool = attrs.field(default=False, metadata={"las_av_koden": True})
    """A bilaga's header shows the ärende's number with the bilaga's suffix ("SCN-2024-00493-1").
    The view builder reads it (``dokument.diarienummer`` has the suffix), not a template."""
    metarad: bool = True
    """The verksamhetsuppföljning shows the line "Fas: … Rapportperiod: … Organisation: …"."""
    avrundningsnot: bool = True
    """Tables whose rounded rows do not add up print "Avrundningsdifferenser kan förekomma"."""
    malposter_som_tabell: bool = False
    """Goal items in one table per goal (Uppsala 2024) instead of one block per item (2020)."""
    teckenforklaring: bool = False
    """The verksamhetsuppföljning ends with a legend of the status words and colours."""
    brevhuvud: bool = False
    """The tjänsteskrivelse prints the kommun's letterhead (address, telephone, web)."""
    standardmeningar: bool = True
    """Where the input has no text of its own, the ekonomi's analysis gets the nämnd's result,
    deviation and forecast sentences, and a verksamhet's section its result and deviation."""


def _default_status() -> dict[Status, Ord]:
    return {
        Status.EJ_PABORJAD: Ord("Ej påbörjad", farg="FFD966"),
        Status.ENLIGT_PLAN: Ord("Påbörjad", farg="92D050"),
        Status.FORSENAD: Ord("Försenad", farg="FFD966"),
        Status.VANTAR: Ord("Väntar", farg="FFD966"),
        Status.KLAR: Ord("Färdig", farg="9DC3E6"),
        Status.GENOMFORS_INTE: Ord("Genomförs inte", farg="FF7C80"),
        Status.SAMMANSLAGEN: Ord("Ingår i likalydande uppdrag", farg="D9D9D9"),
    }


@attrs.frozen
class Installningar:
    """A layout's settings (``installningar.yaml``)."""

    namn: str
    """The layout's name as designers see it ("Uppsala kommun")."""
    talstil: Talstil = attrs.field(factory=Talstil)
    namnordning: Literal["fornamn_efternamn", "efternamn_fornamn"] = "fornamn_efternamn"
    handlaggare_skiljetecken: str = ", "
    """What joins several handläggare: ", " or " och "."""
    namnd_i_lopande_text: Literal["gemen", "versal"] = "gemen"
    """"Tjänsteskrivelse till socialnämnden" (gemen) or "… till Socialnämnden" (versal)."""
    beslut: Beslutsstil = attrs.field(factory=Beslutsstil)
    sjalvreferens: str = "Tjänsteskrivelse, daterad den {datum}"
    """The first Beslutsunderlag line; {datum} is the memo's date in *sjalvreferens_datumstil*."""
    sjalvreferens_datumstil: Literal["iso", "lang", "den", "den_ar"] = "lang"
    bilagereferens: str = "Bilaga {nummer}, {titel}"
    """A Beslutsunderlag line per bilaga; {nummer} and {titel} from the registry."""
    status: dict[Status, Ord] = attrs.field(factory=_default_status)
    bedomning: dict[Malniva, dict[Bedomning, Ord]] = attrs.field(factory=dict)
    """Word, standard sentence and colour per goal level and assessment."""
    kontrollresultat: dict[Kontrollresultat, Ord] = attrs.field(factory=dict)
    avvikelseord: tuple[str, str] = ("anmärkning", "anmärkningar")
    """The noun, singular and plural, of the internkontroll summary sentence ("utan anmärkning")."""
    trendpilar: dict[Trend, str] = attrs.field(
        factory=lambda: {Trend.UPP: "↗", Trend.NED: "↘", Trend.OFORANDRAD: "→"}
    )
    trend_saknas: str = "–"
    """What an indicator without a computable trend shows."""
    nyckeltal_decimaler: dict[Volymtyp, int] = attrs.field(
        factory=lambda: {Volymtyp.VARDDYGN: 3, Volymtyp.VARDTAGARE: 1}
    )
    statuskategorier: tuple[Statuskategori, ...] = ()
    """Rows of the uppdrag count table in the tjänsteskrivelse (empty: no table)."""
    stilar: Stilar = attrs.field(factory=Stilar)
    filnamn: Filnamn = attrs.field(factory=Filnamn)
    visa: Visa = attrs.field(factory=Visa)
    typografi: Typografi = attrs.field(factory=Typografi)
    """Optional parts the templates show or leave out."""
    visas_inte: dict[str, str] = attrs.field(factory=dict)
    """Input fields (``Klass.falt``) the layout does not print, each with the reason (the
    municipality's form has no place for it). Only ``layout check`` reads it: a field listed
    here is not warned about as never shown."""


@attrs.frozen
class Layout:
    """A loaded layout: its folder, settings and template files."""

    namn: str
    katalog: Path
    installningar: Installningar

    def mall(self, slag: str) -> Path:
        """The template file for document kind *slag*."""
        return self.katalog / f"{slag}.docx"

    def har_mall(self, slag: str) -> bool:
        """Whether the layout has a template for *slag* (an optional kind may be left out)."""
        return self.mall(slag).is_file()


def layout_katalog() -> Path:
    """The folder holding the shipped layouts (inside the installed package)."""
    packaged = Path(str(importlib.resources.files("delarsrapport"))) / "templates"
    if packaged.is_dir():
        return packaged
    # An editable install of the source tree: the layouts live at the repository's top.
    return Path(__file__).resolve().parents[3] / "templates"


def shipped_layouts() -> tuple[str, ...]:
    """The names of the layouts that ship with the library."""
    katalog = layout_katalog()
    return tuple(sorted(p.name for p in katalog.iterdir() if (p / INSTALLNINGSFIL).is_file()))


def load_layout(layout: str | Path) -> Layout:
    """A layout by name (``"uppsala"``) or by path to its folder.

    Raises :class:`LayoutError` when the folder, a template or the settings file is
    missing, or the settings are invalid (every problem, with line and path).
    """
    katalog = layout_mapp(layout)
    return _load_layout(katalog.resolve(), _mtimes(katalog))


def layout_mapp(layout: str | Path) -> Path:
    """The folder of a layout given by name (``"uppsala"``) or by path.

    A name must be one of the shipped layouts (:class:`LayoutError` lists them); a path is
    returned as it is, whatever it holds.
    """
    if isinstance(layout, Path) or "/" in str(layout):
        return Path(layout)
    katalog = layout_katalog() / str(layout)
    if not (katalog / INSTALLNINGSFIL).is_file():
        namn = ", ".join(shipped_layouts())
        raise LayoutError(
            f"det finns ingen layout som heter {layout!r}; de som följer med är {namn}, "
            "eller ange sökvägen till en layoutmapp"
        )
    return katalog


def _mtimes(katalog: Path) -> tuple[tuple[str, int], ...]:
    if not katalog.is_dir():
        raise LayoutError(f"layoutmappen {katalog} finns inte")
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in katalog.iterdir() if p.is_file()))


@cache
def _load_layout(katalog: Path, _stamp: tuple[tuple[str, int], ...]) -> Layout:
    fil = katalog / INSTALLNINGSFIL
    if not fil.is_file():
        raise LayoutError(f"{katalog} saknar {INSTALLNINGSFIL}; en layout behöver en inställningsfil")
    try:
        installningar = read_structured(fil, Installningar)
    except LoadError as exc:
        rader = []
        for p in exc.problems:
            meddelande, atgard = forklara_yamlfel(p.message)
            plats = f"{INSTALLNINGSFIL}, rad {p.line}" if p.line is not None else INSTALLNINGSFIL
            if p.path:
                plats += f", {p.path}"
            rader.append(f"  {plats}: {meddelande}" + (f"\n    åtgärd: {atgard}" if atgard else ""))
        raise LayoutError(f"inställningarna i {fil} är ogiltiga:\n" + "\n".join(rader)) from None
    saknas = [s for s in DOKUMENTSLAG if not (katalog / f"{s}.docx").is_file()]
    if saknas:
        raise LayoutError(
            f"layouten {katalog} saknar mallar för {', '.join(saknas)} "
            f"(filerna {', '.join(s + '.docx' for s in saknas)})"
        )
    return Layout(namn=katalog.name, katalog=katalog, installningar=installningar)


#: YAML's messages (libyaml's and ruamel's) for the mistakes made in a settings file, in
#: Swedish with what to do. The reader names the line where it noticed the problem, which
#: can be the line after the mistake.
_YAMLFEL: Final = (
    (
        r"tab character|found character '\\t'",
        "raden är indragen med tabb, och YAML kräver mellanslag",
        "byt tabben mot mellanslag, lika många som på raderna ovanför i samma grupp",
    ),
    (
        r"did not find expected key|expected <block end>|while parsing a block mapping",
        "indragningen stämmer inte: raden (eller raden före) är indragen mer eller mindre än raderna "
        "ovanför i samma grupp",
        "dra in raden med lika många mellanslag som de andra raderna i gruppen (till exempel två "
        "mellanslag under visa:), aldrig med tabb",
    ),
    (
        r"mapping values are not allowed",
        "ett kolon står där det inte får stå: antingen är raden indragen mer än raden ovanför, eller så "
        "har ett värde ett kolon följt av mellanslag utan citattecken",
        "dra in raden lika mycket som raderna runt den, och sätt citattecken runt text med kolon "
        '(mening: "Så här: …")',
    ),
    (
        r"expected ':'|could not find expected ':'",
        "ett kolon saknas mellan namnet och värdet på raden (eller raden före)",
        "skriv inställningen som namn: värde, med kolon och mellanslag",
    ),
    (
        r"expected ',' or '}'|expected ',' or ']'|flow mapping|flow sequence",
        "en { … } eller [ … ] på raden är inte rätt avslutad, eller så har ett värde i den ett "
        "kommatecken eller citattecken utan citattecken runt sig",
        "kontrollera att raden slutar med } och sätt citattecken runt text med komma eller kolon: "
        '{ord: Klar, mening: "Klart, enligt plan."}',
    ),
    (
        r"quoted scalar|unexpected end of stream",
        "ett citattecken saknar sitt slut",
        "avsluta texten med samma citattecken som den började med",
    ),
)


def forklara_yamlfel(meddelande: str) -> tuple[str, str]:
    """A problem in a settings file as (what is wrong, what to do), in Swedish: YAML's own
    messages are translated; any other problem keeps its message and gets no action."""
    if not meddelande.startswith("ogiltig YAML"):
        return meddelande, ""
    for monster, svenska, atgard in _YAMLFEL:
        if re.search(monster, meddelande):
            return svenska, atgard
    return (
        "filen kan inte läsas som YAML",
        "jämför raden med raderna runt den: indragning med mellanslag, kolon efter namnet och "
        "citattecken runt text med kolon eller komma",
    )


def new_layout(namn: str, *, fran: str | Path = "uppsala", katalog: str | Path = ".") -> Path:
    """Copy a layout into ``katalog/namn`` as a starting point for a new municipality.

    The copy holds the five templates (and the cover of the combined handling, when the
    source has one) and the settings file, whose ``namn`` becomes *namn*; it renders at
    once. Nothing is overwritten: an existing folder is an error. Returns the new folder.
    """
    if not namn or not re.fullmatch(r"[\w.-]+", namn) or namn in {".", ".."}:
        raise LayoutError(
            f"layoutnamnet {namn!r} duger inte som mappnamn; använd bokstäver, siffror, '-', '_' eller '.'"
        )
    kalla = load_layout(fran)
    mal = Path(katalog) / namn
    if mal.exists():
        raise LayoutError(f"{mal} finns redan; välj ett annat namn eller en annan mapp")
    mal.parent.mkdir(parents=True, exist_ok=True)
    try:
        mal.mkdir()  # never into an existing folder; the umask decides who may read it
    except FileExistsError:
        raise LayoutError(f"{mal} finns redan; välj ett annat namn eller en annan mapp") from None
    try:
        for slag in (*DOKUMENTSLAG, *VALFRIA_DOKUMENTSLAG):
            if kalla.har_mall(slag):
                shutil.copyfile(kalla.mall(slag), mal / f"{slag}.docx")
        text = (kalla.katalog / INSTALLNINGSFIL).read_text(encoding="utf-8")
        rubrik = (
            f"# Inställningar för layouten {namn}, kopierad från {kalla.namn} ({kalla.installningar.namn}).\n"
            "# Ändra ord, färger och val här; mallarnas utseende ändras i .docx-filerna.\n"
        )
        # The source's own heading comment describes the source; the copy gets its own.
        text = re.sub(r"\A(?:#.*\n)+", "", text)
        ny_rad = f"namn: {json.dumps(namn, ensure_ascii=False)}"
        text = re.sub(r"(?m)^namn:.*$", lambda _m: ny_rad, text, count=1)
        (mal / INSTALLNINGSFIL).write_text(rubrik + text, encoding="utf-8")
    except BaseException:
        shutil.rmtree(mal, ignore_errors=True)
        raise
    return mal


def installningar_fran(data: Mapping[str, object]) -> Installningar:
    """Settings from a dict (for tests and programs); raises :class:`LoadError`."""
    return read_structured(data, Installningar)
