"""Tables that ``{%tr for x in … %}`` repeats rows of: the mistakes Word users make in them.

docxtpl repeats every row between the row with ``{%tr for x in … %}`` and the row with
``{%tr endfor %}``. Two mistakes follow from moving rows in Word:

- a row that belongs after the loop (a total row, "Nämnden totalt") ends up above
  ``{%tr endfor %}``, and is printed once for every x: a row in the loop that does not use
  x (nor ``loop``) is an error (:data:`~delarsrapport._designer.fynd.Mallkod.MALL_LOOPRAD`);
- columns change under the loop's fields: deleting one column under a merged header cell
  in LibreOffice deletes every column under it, and a column added by hand has no field.
  A repeated row's cell without anything in it, a column that is empty in every row, and
  rows that span another number of columns than the table's grid are warnings
  (:data:`~delarsrapport._designer.fynd.Mallkod.MALL_KOLUMN`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import jinja2
from lxml import etree

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallkod, Protokoll, kort
from delarsrapport._designer.taggar import Stycke, Tagg
from delarsrapport._render.wordxml import cells, qn, rows

__all__ = ["granska_tabeller", "namn_i"]

_F: Final = Severity.FEL
_V: Final = Severity.VARNING
_W_TR: Final = qn("w:tr")
_W_TC: Final = qn("w:tc")
_FOR: Final = re.compile(r"\{%-?\s*for\s+(.+?)\s+in\s+(.+?)\s*-?%\}", re.DOTALL)
_VAL: Final = qn("w:val")
#: What a cell can hold besides text that makes it a cell with content.
_INNEHALL: Final = tuple(qn(t) for t in ("w:drawing", "w:pict", "w:object", "w:sym", "w:fldSimple"))


def namn_i(env: jinja2.Environment, tagg: str) -> set[str]:
    """The variable names a tag reads (not attributes, filters or tests)."""
    namn: set[str] = set()
    fore = ""
    try:
        for _rad, typ, varde in env.lex(tagg):
            if typ == "name" and fore not in ("dot", "pipe") and fore != "name_is":
                namn.add(varde)
            fore = "name_is" if (typ, varde) == ("name", "is") else typ
    except jinja2.TemplateSyntaxError:
        return set()
    return namn


@dataclass
class _Loop:
    """A ``{%tr for %}`` block: its variables, what it goes through, and the rows it repeats."""

    tagg: Tagg
    variabler: set[str]
    lista: str
    rader: list[int] = field(default_factory=list)
    """The global numbers of the repeated rows (between the for row and its else or endfor)."""


def granska_tabeller(
    p: Protokoll,
    rot: etree._Element,
    stycken: list[Stycke],
    taggar: list[Tagg],
    block: list[list[int]],
    env: jinja2.Environment,
) -> None:
    """Report rows a ``{%tr for %}`` repeats without using its variable, and columns of
    such tables without fields or content."""
    alla_rader = list(rot.iter(_W_TR))
    radnummer = {tr: i for i, tr in enumerate(alla_rader, start=1)}
    cellnummer = {tc: i for i, tc in enumerate(rot.iter(_W_TC), start=1)}
    forsta_stycke: dict[int, Stycke] = {}
    radtext: dict[int, str] = {}
    for s in stycken:
        if s.cell is not None:
            forsta_stycke.setdefault(s.cell, s)
        if s.rad is not None:
            radtext[s.rad] = (radtext.get(s.rad, "") + " " + s.text).strip()
    radtaggar: dict[int, list[Tagg]] = {}
    for t in taggar:
        if t.stycke.rad is not None:
            radtaggar.setdefault(t.stycke.rad, []).append(t)

    loopar = _loopar(taggar, block, alla_rader, radnummer)
    tabeller_med_loop: dict[etree._Element, list[_Loop]] = {}
    for loop in loopar:
        tbl = alla_rader[loop.rader[0] - 1].getparent() if loop.rader else None
        if tbl is not None:
            tabeller_med_loop.setdefault(tbl, []).append(loop)

    rapporterade: set[int] = set()
    for loop in sorted(loopar, key=lambda lp: len(lp.rader)):
        for rad in loop.rader:
            if rad in rapporterade:
                continue
            tr = alla_rader[rad - 1]
            i_raden = radtaggar.get(rad, [])
            if any(t.niva == "tr" for t in i_raden):
                continue  # a row of tags ({%tr if %}): it prints nothing itself
            omslutande = [lp for lp in loopar if rad in lp.rader]
            anvanda: set[str] = set()
            for t in i_raden:
                anvanda |= namn_i(env, t.text)
            if anvanda & ({"loop"} | {v for lp in omslutande for v in lp.variabler}):
                _tomma_celler(p, tr, loop, cellnummer, forsta_stycke)
                continue
            if not radtext.get(rad) and not i_raden:
                continue  # an empty row: nothing printed, nothing lost
            rapporterade.add(rad)
            _rad_utan_loopvariabel(p, tr, loop, cellnummer, forsta_stycke)

    for tbl, tabellens_loopar in tabeller_med_loop.items():
        _kolumner(p, tbl, tabellens_loopar[0], cellnummer, forsta_stycke)


def _loopar(
    taggar: list[Tagg],
    block: list[list[int]],
    alla_rader: list[etree._Element],
    radnummer: dict[etree._Element, int],
) -> list[_Loop]:
    ut: list[_Loop] = []
    for b in block:
        oppnare, slut = taggar[b[0]], taggar[b[1]]
        m = _FOR.fullmatch(oppnare.text.strip())
        if oppnare.niva != "tr" or slut.niva != "tr" or m is None:
            continue
        start, stopp = oppnare.stycke.rad, slut.stycke.rad
        if start is None or stopp is None:
            continue
        tbl = alla_rader[start - 1].getparent()
        if tbl is None or alla_rader[stopp - 1].getparent() is not tbl:
            continue  # the syntax pass reports a block across tables
        tabellrader = [radnummer[tr] for tr in rows(tbl)]
        if start not in tabellrader or stopp not in tabellrader:
            continue
        a, z = tabellrader.index(start), tabellrader.index(stopp)
        variabler = {v.strip() for v in m.group(1).split(",")}
        ut.append(_Loop(oppnare, variabler, " ".join(m.group(2).split()), tabellrader[a + 1 : z]))
    return ut


def _stycke(
    tc: etree._Element, cellnummer: dict[etree._Element, int], forsta: dict[int, Stycke]
) -> Stycke | None:
    return forsta.get(cellnummer.get(tc, 0))


def _variabel(loop: _Loop) -> str:
    return ", ".join(sorted(loop.variabler))


def _rad_utan_loopvariabel(
    p: Protokoll,
    tr: etree._Element,
    loop: _Loop,
    cellnummer: dict[etree._Element, int],
    forsta: dict[int, Stycke],
) -> None:
    celler = cells(tr)
    s = _stycke(celler[0], cellnummer, forsta) if celler else None
    x = _variabel(loop)
    text = " ".join(
        st.text for tc in celler if (st := _stycke(tc, cellnummer, forsta)) is not None and st.text
    )
    p.fynd(
        Mallkod.MALL_LOOPRAD,
        _F,
        s.plats if s is not None else loop.tagg.stycke.plats,
        f"raden står mellan {kort(loop.tagg.visning)} och {{%tr endfor %}}, så den skrivs en gång för "
        f"varje {x} i {loop.lista}, men den använder inte {x}: ”{kort(text, 60)}”",
        f"ska raden stå en gång (en summarad), flytta raden med {{%tr endfor %}} upp så att den står direkt "
        f"under raderna som ska upprepas; ska raden upprepas, skriv ut fälten för {x} i den",
        fokus=text,
    )


def _tom(tc: etree._Element) -> bool:
    if any(t.text and t.text.strip() for t in tc.iter(qn("w:t"))):
        return False
    return not any(True for _ in tc.iter(*_INNEHALL))


def _fortsatter(tc: etree._Element) -> bool:
    """Whether a cell continues a vertical merge (its content is the cell above's)."""
    vm = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return vm is not None and vm.get(_VAL, "continue") == "continue"


def _span(tc: etree._Element) -> int:
    gs = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    try:
        return max(1, int(gs.get(_VAL, "1"))) if gs is not None else 1
    except ValueError:
        return 1


def _tomma_celler(
    p: Protokoll,
    tr: etree._Element,
    loop: _Loop,
    cellnummer: dict[etree._Element, int],
    forsta: dict[int, Stycke],
) -> None:
    x = _variabel(loop)
    for tc in cells(tr):
        if not _tom(tc) or _fortsatter(tc):
            continue
        s = _stycke(tc, cellnummer, forsta)
        p.fynd(
            Mallkod.MALL_KOLUMN,
            _V,
            s.plats if s is not None else loop.tagg.stycke.plats,
            f"cellen står i raden som upprepas för varje {x} i {loop.lista}, men har inget fält, så "
            "kolumnen blir tom i varje rad",
            f"skriv fältet som ska stå i kolumnen ({{{{ {x}.… }}}}), eller ta bort kolumnen; under en "
            "sammanfogad rubrikcell: dela först rubrikcellen (se Sammanfogade rubrikceller i "
            "docs/egen-kommunmall.md)",
        )


def _kolumner(
    p: Protokoll,
    tbl: etree._Element,
    loop: _Loop,
    cellnummer: dict[etree._Element, int],
    forsta: dict[int, Stycke],
) -> None:
    """Rows spanning another number of columns than the grid, and columns empty in every row."""
    grid = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    tabellrader = rows(tbl)
    if not grid or not tabellrader:
        return
    tacker: list[list[etree._Element]] = [[] for _ in range(grid)]
    for tr in tabellrader:
        fore = _rad_grid(tr, "gridBefore")
        kolumn = fore
        for tc in cells(tr):
            for k in range(kolumn, min(grid, kolumn + _span(tc))):
                tacker[k].append(tc)
            kolumn += _span(tc)
        bredd = kolumn + _rad_grid(tr, "gridAfter")
        if bredd != grid:
            forsta_cell = cells(tr)[0] if cells(tr) else None
            s = _stycke(forsta_cell, cellnummer, forsta) if forsta_cell is not None else None
            p.fynd(
                Mallkod.MALL_KOLUMN,
                _V,
                s.plats if s is not None else loop.tagg.stycke.plats,
                f"raden går över {bredd} kolumner, men tabellen har {grid}; kolumnerna stämmer inte "
                "längre med varandra (till exempel efter att en kolumn under en sammanfogad rubrikcell "
                "tagits bort)",
                "jämför tabellens rader i Word: varje rad ska ha lika många kolumner; dela sammanfogade "
                "celler, rätta kolumnerna och sammanfoga igen",
            )
            return
    for tcs in tacker:
        if tcs and all(_tom(tc) or _fortsatter(tc) for tc in tcs):
            s = _stycke(tcs[0], cellnummer, forsta)
            p.fynd(
                Mallkod.MALL_KOLUMN,
                _V,
                s.plats if s is not None else loop.tagg.stycke.plats,
                "kolumnen som cellen står i är tom i alla tabellens rader, också i raden som upprepas "
                f"för varje {_variabel(loop)}",
                "skriv rubriken och fältet som ska stå i kolumnen, eller ta bort kolumnen (se "
                "Sammanfogade rubrikceller i docs/egen-kommunmall.md)",
            )


def _rad_grid(tr: etree._Element, namn: str) -> int:
    el = tr.find(f"{qn('w:trPr')}/{qn(f'w:{namn}')}")
    try:
        return int(el.get(_VAL, "0")) if el is not None else 0
    except ValueError:
        return 0
