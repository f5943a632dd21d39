"""The classes a template reaches, each once, with its Swedish text and where it is reached.

Everything a template may use is defined once in the code: the variables of
:data:`~delarsrapport._context.GEMENSAMMA` and
:data:`~delarsrapport._context.KONTEXTER`, followed recursively through the view
classes (:class:`Karta`). A view's Swedish text is its docstring and the docstring under
each field; a settings group reached from the context uses the settings texts; any other
class needs its entry in :data:`KLASSER_SV`.
"""

from __future__ import annotations

import inspect
from typing import Any, Final

import attrs

from delarsrapport._context import GEMENSAMMA, KONTEXTER, Block, Lopande
from delarsrapport._designer import typer
from delarsrapport._docgen.installningar import INSTALLNINGAR_SV, installningsprefix
from delarsrapport._docgen.mallbruk import mallbruk
from delarsrapport._docgen.markdown import kod
from delarsrapport._model.docstrings import field_docs

__all__ = [
    "KLASSER_SV",
    "KLASSNOTER",
    "Karta",
    "Klass",
    "Plats",
    "klasstext",
    "loopform",
    "loopvariabel",
    "objektlista",
]

KLASSER_SV: Final[dict[str, dict[str, str]]] = {
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

KLASSNOTER: Final[dict[str, str]] = {
    "Block": "Oftast skriver du ut löptext med filtret [stycken](#stycken), som gör stycken, rubriker, "
    "punktlistor och tabeller i layoutens formatmallar. Gå igenom blocken ett och ett bara om du vill "
    "bygga styckena själv.",
}
"""A note for designers under a class's heading, where its docstring is not enough."""

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


def _forsta_stycket(doc: str) -> str:
    return " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())


def klasstext(cls: type) -> tuple[str, dict[str, str]]:
    """The Swedish description of *cls* and of each name a template can read on it.

    View classes carry their own Swedish docstrings; a settings class reached from the
    context (``installningar.visa``) uses the settings texts; any other class needs its
    entry in :data:`KLASSER_SV`. Raises ``ValueError`` when a class outside ``_kontext``
    lacks Swedish text for a name.
    """
    namn = [n for n, _ in typer.falt(cls)]
    if typer.ar_vy(cls):
        docs = dict(field_docs(cls))
        for n in namn:
            egenskap = vars(cls).get(n)
            if isinstance(egenskap, property):
                docs[n] = _forsta_stycket(inspect.getdoc(egenskap) or "")
        return _forsta_stycket(cls.__doc__ or ""), docs
    prefix = installningsprefix().get(cls)
    if prefix is not None:
        return INSTALLNINGAR_SV[prefix], {n: INSTALLNINGAR_SV[f"{prefix}.{n}"] for n in namn}
    texter = KLASSER_SV.get(cls.__name__)
    saknas = [n for n in ["", *namn] if not (texter or {}).get(n)]
    if texter is None or saknas:
        raise ValueError(
            f"mallguiden saknar svensk text för {cls.__name__}: "
            + ", ".join(repr(n) if n else "klassen" for n in saknas)
            + " (skriv den i KLASSER_SV i delarsrapport/_docgen/klasser.py)"
        )
    return texter[""], {n: texter[n] for n in namn}


def objektlista(cls: type) -> str | None:
    """The name of *cls*'s field typed ``tuple[object, ...]`` (rows named by the referring field)."""
    return next((n for n, tp in typer.falt(cls) if typer.element(tp) is object), None)


@attrs.frozen
class Plats:
    """Where a class is reached: as a path, or as a loop variable over a list."""

    uttryck: str
    """What a template writes before a field name: ``ekonomi.sammanfattning`` or ``rad``."""
    loop: str | None = None
    """The loop that binds it: ``{%tr for rad in ekonomi.sammanfattning.rader %}``."""

    def text(self) -> str:
        """The place as the guide writes it."""
        if self.loop is None:
            return kod(self.uttryck)
        return f"{kod(self.uttryck)} i {kod(self.loop)}"


@attrs.define
class Klass:
    """A class of the map: the chapter and places it is reached from, and whether as a table row."""

    cls: type
    kapitel: str
    platser: list[Plats]
    tabellrad: bool
    omfang: frozenset[str]
    """The names in scope where the class is first reached (to keep loop names apart)."""


def loopform(elem: Any) -> str:
    """``tr`` if the shipped templates loop over *elem* as table rows at least as often as
    over paragraphs, else ``p`` (a class no template loops over: ``tr`` for a "rad" class)."""
    if elem is object:
        return "tr"
    if not typer.ar_klass(elem):
        return "p"
    former = mallbruk().loopar.get(elem)
    if not former or not (former["tr"] or former["p"]):
        return "tr" if "rad" in elem.__name__.lower() else "p"
    return "tr" if former["tr"] >= former["p"] else "p"


def loopvariabel(falt: str, omfang: frozenset[str], *, namn: str | None = None) -> str:
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


class Karta:
    """Every class reachable from the contract, each once, with the places it is reached."""

    def __init__(self) -> None:
        self.klasser: dict[type, Klass] = {}
        self.objektrader: dict[type, list[tuple[str, type]]] = {}
        """A class with a ``tuple[object, ...]`` field → (that list's path, its row class)."""
        alla_rotter = set(GEMENSAMMA) | {n for v in KONTEXTER.values() for n in v}
        self.rotter: frozenset[str] = frozenset(alla_rotter)
        for kapitel, variabler in [("", GEMENSAMMA), *KONTEXTER.items()]:
            for namn, tp in variabler.items():
                self._nadd(kapitel, tp, Plats(namn), self.rotter, tabellrad=False)

    def _nadd(self, kapitel: str, tp: Any, plats: Plats, omfang: frozenset[str], *, tabellrad: bool) -> None:
        tp = typer.valfri(tp)[1]
        if tp == Lopande:
            tp = Block
        if not typer.ar_klass(tp):
            return
        if tp in self.klasser:
            if plats not in self.klasser[tp].platser:
                self.klasser[tp].platser.append(plats)
            return
        self.klasser[tp] = Klass(tp, kapitel, [plats], tabellrad, omfang)
        for namn, ftp in typer.falt(tp):
            uttryck = f"{plats.uttryck}.{namn}"
            inre = typer.valfri(ftp)[1]
            elem = Block if inre == Lopande else typer.element(inre)
            if elem is not None and elem is not object:
                var = loopvariabel(namn, omfang, namn="block" if inre == Lopande else None)
                form = "p" if inre == Lopande else loopform(elem)
                loop = f"{{%{form} for {var} in {uttryck} %}}"
                self._nadd(kapitel, elem, Plats(var, loop), omfang | {var}, tabellrad=form == "tr")
            elif typer.ar_klass(inre):
                self._nadd(kapitel, inre, Plats(uttryck), omfang, tabellrad=tabellrad)
                lista = objektlista(inre)
                if lista is not None:
                    doc = klasstext(tp)[1].get(namn, "")
                    for rad in typer.namngivna_klasser(doc):
                        self.objektrader.setdefault(inre, []).append((f"{uttryck}.{lista}", rad))
                        var = loopvariabel(lista, omfang)
                        loop = f"{{%{loopform(rad)} for {var} in {uttryck}.{lista} %}}"
                        self._nadd(kapitel, rad, Plats(var, loop), omfang | {var}, tabellrad=True)

    def i_kapitel(self, kapitel: str) -> list[Klass]:
        """The classes first reached in the chapter of document kind *kapitel* ("" the common one)."""
        return [k for k in self.klasser.values() if k.kapitel == kapitel]
