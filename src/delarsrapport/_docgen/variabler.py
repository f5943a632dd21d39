"""The Mallguide's chapters on the variables: each variable and each field of each class a
template reaches, with its meaning, type, an example from the samples and a snippet that
uses it (:func:`anvandning`), written as the shipped templates write it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

import attrs

from delarsrapport._context import Block, Lopande
from delarsrapport._designer import typer
from delarsrapport._docgen.exempel import exempel, rendera
from delarsrapport._docgen.klasser import (
    KLASSNOTER,
    Karta,
    Klass,
    klasstext,
    loopform,
    loopvariabel,
    objektlista,
)
from delarsrapport._docgen.mallbruk import mallbruk
from delarsrapport._docgen.markdown import ankare, cell, kod, kort, lank, tabell
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod

__all__ = [
    "Faltrad",
    "anvandning",
    "faltrader",
    "klassavsnitt",
    "saknade_beskrivningar",
    "typtext",
    "variabelrader",
]

_VARIABLER_SV: Final[dict[str, str]] = {
    "sammantradesdatum": "Datum för nämndens sammanträde, eller inget om rapporten inte anger det.",
}
"""Top-level variables whose type is not a class with a Swedish docstring."""


def typtext(tp: Any) -> str:
    """A type in designer words, with links to the classes."""
    if tp == Lopande:
        return f"[löptext](#{ankare(Block)})"
    valfri, inre = typer.valfri(tp)
    if valfri:
        return f"{typtext(inre)} eller inget"
    elem = typer.element(tp)
    if elem is object:
        return "lista av tabellrader (radtypen står under tabellen)"
    if elem is not None:
        return f"lista av {typtext(elem)}"
    if tp in typer.ORD:
        return typer.ORD[tp][0]
    if typer.ar_klass(tp):
        return lank(tp)
    raise TypeError(f"mallguiden har inget ord för typen {tp!r}")


def _enkel_utskrift(uttryck: str, agare: type | None, namn: str, tp: Any) -> str | None:
    """The tag that prints a simple value (text, number, amount, date, period), else None."""
    if tp is str or tp is int:
        return f"{{{{ {uttryck} }}}}"
    if tp is Belopp:
        argument = "'tkr'"
        if agare is not None:
            bruk = mallbruk()
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
    falt = [(n, typer.valfri(t)) for n, t in typer.falt(cls)]
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


def anvandning(
    uttryck: str, agare: type | None, namn: str, tp: Any, *, tabellrad: bool, omfang: frozenset[str], doc: str
) -> list[str]:
    """How a template uses the value: the lines of a snippet."""
    valfri, inre = typer.valfri(tp)
    if inre == Lopande:
        return [f"{{{{p {uttryck}|stycken(3) }}}}"]
    if namn == "farg" and agare is not None and "ord" in dict(typer.falt(agare)):
        agarnamn = uttryck.rpartition(".")[0]
        return [f"{{% cellbg {uttryck} %}}{{{{ {agarnamn}.ord }}}}"]
    if inre is bool:
        if tabellrad:
            return [f"{{% if {uttryck} %}}…{{% endif %}}"]
        return [f"{{%p if {uttryck} %}}", "…", "{%p endif %}"]
    elem = typer.element(inre)
    if elem is not None:
        form = loopform(elem)
        if elem is object:
            var = loopvariabel(namn, omfang)
            return [f"{{%tr for {var} in {uttryck} %}}", "…", "{%tr endfor %}"]
        var = loopvariabel(namn, omfang)
        if typer.ar_klass(elem):
            inne = _forsta_enkla(elem, var) or "…"
        elif typer.element(elem) is not None:
            inne = f"{{{{ {var}[0] }}}}"
        else:
            inne = _enkel_utskrift(var, None, "", elem) or "…"
        return [f"{{%{form} for {var} in {uttryck} %}}", inne, f"{{%{form} endfor %}}"]
    if typer.ar_klass(inre) and inre is not Rapportperiod:
        visning = _forsta_enkla(inre, uttryck)
        if visning is None and not valfri:
            forsta, ftp = typer.falt(inre)[0]
            return anvandning(
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
    ex = exempel().get((agare, namn))
    if ex is None:
        return "–"
    varde = ex.varde
    inre = typer.valfri(tp)[1]
    if varde == () or varde == "":
        return "*(tom i exemplen)*"
    if inre == Lopande:
        assert isinstance(varde, tuple)
        block = varde[0]
        text = block.text or (block.punkter[0] if block.punkter else "")
        return kod(kort(text))
    if isinstance(varde, bool):
        return "ja" if varde else "nej"
    elem = typer.element(inre)
    if elem is not None:
        assert isinstance(varde, tuple)
        if elem is str:
            return kod(kort(str(varde[0]))) + (f" (och {len(varde) - 1} till)" if len(varde) > 1 else "")
        if typer.element(elem) is not None:
            return kod(kort(" · ".join(varde[0]))) + " …"
        return f"{len(varde)} st"
    if typer.ar_klass(inre) and inre is not Rapportperiod:
        return "se " + lank(inre)
    if ex.agare is None:
        tagg = _enkel_utskrift(namn, None, namn, inre)
        varden = {namn: varde}
    else:
        tagg = _enkel_utskrift(f"agare__.{namn}", agare, namn, inre)
        varden = {"agare__": ex.agare}
    if tagg is None:
        return kod(kort(str(varde)))
    return kod(kort(rendera(tagg, **varden)))


def variabelrader(variabler: Mapping[str, object], karta: Karta) -> list[list[str]]:
    """The table rows of the top-level *variabler*."""
    rader = []
    for namn, tp in variabler.items():
        inre = typer.valfri(tp)[1]
        if namn in _VARIABLER_SV:
            betydelse = _VARIABLER_SV[namn]
        elif typer.ar_klass(inre):
            betydelse = klasstext(inre)[0]
        else:
            raise ValueError(
                f"mallguiden saknar svensk text för variabeln {namn!r} "
                "(skriv den i _VARIABLER_SV i delarsrapport/_docgen/variabler.py)"
            )
        snutt = anvandning(namn, None, namn, tp, tabellrad=False, omfang=karta.rotter, doc=betydelse)
        rader.append(
            [
                kod(namn),
                cell(betydelse),
                typtext(tp),
                _exempeltext(None, namn, tp),
                _snuttcell(snutt),
            ]
        )
    return rader


def _snuttcell(snutt: Sequence[str]) -> str:
    return "<br>".join(s if s == "…" else kod(s) for s in snutt)


@attrs.frozen
class Faltrad:
    """One name of a class as the guide shows it."""

    namn: str
    tp: Any
    uttryck: str
    """The full expression: ``rad.kommunbidrag``."""
    betydelse: str
    anvandning: tuple[str, ...]
    """The lines of the usage snippet."""


def faltrader(k: Klass) -> list[Faltrad]:
    """Every name a template can read on the class, as the guide shows it."""
    docs = klasstext(k.cls)[1]
    forsta = k.platser[0]
    out = []
    for namn, tp in typer.falt(k.cls):
        doc = docs.get(namn, "")
        uttryck = f"{forsta.uttryck}.{namn}"
        snutt = anvandning(
            uttryck, k.cls, namn, tp, tabellrad=k.tabellrad, omfang=k.omfang | {forsta.uttryck}, doc=doc
        )
        out.append(Faltrad(namn, tp, uttryck, doc, tuple(snutt)))
    return out


def klassavsnitt(k: Klass, karta: Karta) -> list[str]:
    """The lines of a class's section: its text, where it is reached and its fields."""
    lines = [f"### {k.cls.__name__}", "", klasstext(k.cls)[0], ""]
    if k.cls.__name__ in KLASSNOTER:
        lines += [KLASSNOTER[k.cls.__name__], ""]
    visade = k.platser if len(k.platser) <= 5 else k.platser[:3]
    platser = "; ".join(p.text() for p in visade)
    if len(visade) < len(k.platser):
        platser += f" och {len(k.platser) - len(visade)} ställen till"
    lines += [f"Nås som {platser}.", ""]
    rader = [
        [
            kod(f.uttryck),
            cell(f.betydelse) if f.betydelse else "*(beskrivning saknas)*",
            typtext(f.tp),
            _exempeltext(k.cls, f.namn, f.tp),
            _snuttcell(f.anvandning),
        ]
        for f in faltrader(k)
    ]
    lines += tabell(["Variabel", "Betydelse", "Typ", "Exempel", "I mallen"], rader)
    lista = objektlista(k.cls)
    if lista is not None:
        lines += [f"Raderna i `{lista}` är olika för varje tabell:", ""]
        lines += [f"- {kod(stig)}: {lank(rad)}" for stig, rad in karta.objektrader.get(k.cls, [])]
        lines.append("")
    return lines


def saknade_beskrivningar() -> list[str]:
    """``Klass.falt`` for every field a template can reach that has no Swedish text."""
    karta = Karta()
    out = []
    for k in karta.klasser.values():
        docs = klasstext(k.cls)[1]
        out += [f"{k.cls.__name__}.{n}" for n, _ in typer.falt(k.cls) if not docs.get(n)]
    return out
