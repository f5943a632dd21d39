"""Reading the economist's workbook back into a report: exact amounts, every problem at once.

The report file (YAML or JSON) holds the texts, the rows and everything else; the workbook
holds the figures of the tables it has a sheet for, and they replace the report file's.
Sheets and rows are found by name (a row by its label in column A), so rows may be moved
but not renamed. Every problem is collected and named by sheet and cell.

Amounts are read from the cell's stored text (the ``<v>`` of the sheet's XML), never
through a float: ``12.3`` is ``Decimal("12.3")``. A stored number with more than 15
significant digits is not something a person typed (Excel keeps 15): it is binary noise
from a float computation (``0.30000000000000004``) and is refused, as is an amount finer
than an öre. A derived cell must hold its formula: a typed value is refused (a total typed
over is never used, and would go stale at the next change), and a formula whose stored
result disagrees with the rows is reported. The workbook's XML is read with lxml rather
than openpyxl, whose reader turns every number into a float.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Mapping
from decimal import Context, Decimal, InvalidOperation
from pathlib import Path
from typing import Final

import attrs
from lxml import etree

from delarsrapport._errors import LoadError, ParseError, Problem, Problemkod
from delarsrapport._load.arbetsbokblad import Blad, Indata, arbetsbokens_blad, evolve_at
from delarsrapport._load.arbetsbokformel import (
    ENHETSCELL,
    FORSTA_RAD,
    RUBRIKRAD,
    Formel,
    excel_formel,
    kolumnbokstav,
)
from delarsrapport._model.belopp import Belopp, Enhet, faktor
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport.formatting import parse_belopp

__all__ = ["read_arbetsbok"]

_S: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT_S: Final = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_PARSER: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
_MAX_SIFFROR: Final = 15
_ORE: Final = Decimal("0.01")
_TOLERANS: Final = Decimal("1e-9")
_REF: Final = re.compile(r"([A-Z]+)(\d+)")


@attrs.frozen
class _Cell:
    """A cell as stored: its type, its value's text and its formula."""

    typ: str
    """``n`` (number), ``s`` (text), ``b`` (boolean), ``e`` (error), ``d`` (date)."""
    varde: str | None
    formel: str | None = None
    """The formula without ``=``; ``""`` for a cell that shares a formula written elsewhere."""


class _CellError(Exception):
    """A cell that cannot be read; the message is what the economist reads."""


class _Arbetsbok:
    """The cells of every sheet of an .xlsx file, by sheet name and cell reference."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self._zf = zf
            bok = self._huvuddel()
            rot = self._xml(bok)
            if rot.tag.startswith(f"{{{_STRICT_S}}}"):
                raise _CellError(
                    "arbetsboken är sparad som 'Strikt Open XML'; spara den i Excel som "
                    "Excel-arbetsbok (.xlsx)"
                )
            texter = self._delade_texter(posixpath.join(posixpath.dirname(bok), "sharedStrings.xml"))
            rels = self._rels(bok)
            self.blad: dict[str, dict[str, _Cell]] = {}
            for sheet in rot.iter(f"{{{_S}}}sheet"):
                namn = sheet.get("name", "")
                del_ = rels.get(sheet.get(f"{{{_R}}}id", ""))
                if del_ is not None and del_ in zf.namelist():
                    self.blad[namn] = _celler(self._xml(del_), texter)

    def _xml(self, namn: str) -> etree._Element:
        return etree.fromstring(self._zf.read(namn), parser=_PARSER)

    def _huvuddel(self) -> str:
        for rel in self._xml("_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        raise _CellError("arbetsboken saknar sin huvuddel (xl/workbook.xml)")

    def _rels(self, del_: str) -> dict[str, str]:
        mapp = posixpath.dirname(del_)
        namn = posixpath.join(mapp, "_rels", posixpath.basename(del_) + ".rels")
        if namn not in self._zf.namelist():
            return {}
        out: dict[str, str] = {}
        for rel in self._xml(namn).iter(f"{{{_PR}}}Relationship"):
            mal = rel.get("Target", "")
            out[rel.get("Id", "")] = (
                mal.lstrip("/") if mal.startswith("/") else posixpath.normpath(posixpath.join(mapp, mal))
            )
        return out

    def _delade_texter(self, namn: str) -> list[str]:
        if namn not in self._zf.namelist():
            return []
        return [_strangtext(si) for si in self._xml(namn).iter(f"{{{_S}}}si")]


def _strangtext(si: etree._Element) -> str:
    """The text of a string item: its own ``t`` or its runs' (phonetic hints left out)."""
    t, r = f"{{{_S}}}t", f"{{{_S}}}r"
    return "".join(
        el.text or ""
        for el in si.iter(t)
        if el.getparent() is si or el.getparent().tag == r  # type: ignore[union-attr]
    )


def _celler(rot: etree._Element, texter: list[str]) -> dict[str, _Cell]:
    out: dict[str, _Cell] = {}
    for c in rot.iter(f"{{{_S}}}c"):
        ref = c.get("r", "")
        typ = c.get("t", "n")
        f = c.find(f"{{{_S}}}f")
        v = c.find(f"{{{_S}}}v")
        formel = None if f is None else (f.text or "")
        varde = None if v is None else (v.text or "")
        if typ == "n" and not varde:  # openpyxl writes a formula with an empty <v/>: no result yet
            varde = None
        if typ == "s" and varde is not None:
            varde = texter[int(varde)] if varde.isdigit() and int(varde) < len(texter) else ""
        elif typ == "inlineStr":
            is_ = c.find(f"{{{_S}}}is")
            varde = _strangtext(is_) if is_ is not None else ""
        typ = "s" if typ in ("s", "inlineStr", "str") else typ
        if varde is None and formel is None:
            continue
        out[ref] = _Cell(typ, varde, formel)
    return out


# -- one cell -------------------------------------------------------------------------------


def _svensk(tal: Decimal) -> str:
    return format(tal, "f").replace(".", ",")


def _exakt(text: str, enhet: Enhet) -> Decimal:
    """The exact decimal of a stored number, or _CellError when it is not an exact amount."""
    try:
        tal = Decimal(text)
    except InvalidOperation:
        raise _CellError(f"{text!r} är inget belopp") from None
    if not tal.is_finite():
        raise _CellError(f"{text!r} är inget belopp")
    siffror = len(tal.normalize().as_tuple().digits)
    if siffror > _MAX_SIFFROR:
        forslag = Context(prec=_MAX_SIFFROR).plus(tal).normalize()
        raise _CellError(
            f"{text} är inget exakt belopp: talet har {siffror} siffror, Excel håller {_MAX_SIFFROR}, och "
            "resten är brus från en flyttalsberäkning (som 0,1 + 0,2 = 0,30000000000000004). "
            f"Skriv in beloppet som {_svensk(forslag)} eller avrunda formeln med AVRUNDA()"
        )
    kronor = tal * faktor(enhet)
    if kronor != kronor.quantize(_ORE):
        raise _CellError(
            f"{_svensk(tal)} {enhet} är {_svensk(kronor.normalize())} kr, en bråkdel av ett öre; "
            f"avrunda beloppet (tabellens enhet är {enhet})"
        )
    return tal


def _belopp(cell: _Cell | None, enhet: Enhet) -> Belopp | None:
    """An input cell as an exact amount in *enhet* (``None`` when empty); _CellError says why not."""
    if cell is None:
        return None
    if cell.formel is not None and cell.varde is None:
        raise _CellError(
            f"cellen har formeln ={cell.formel} men inget sparat värde; öppna arbetsboken i Excel "
            "och spara den, eller skriv in beloppet"
        )
    varde = cell.varde or ""
    if cell.typ == "e":
        raise _CellError(f"cellen visar felet {varde}; rätta formeln eller skriv in beloppet")
    if cell.typ == "b":
        raise _CellError("ett sanningsvärde (SANT/FALSKT) är inget belopp")
    if cell.typ == "d":
        raise _CellError(f"ett datum ({varde}) är inget belopp")
    if cell.typ == "s":
        text = varde.strip()
        if not text:
            return None
        try:
            return parse_belopp(text, enhet=enhet)
        except ParseError:
            raise _CellError(
                f"{text!r} är inget belopp; skriv ett tal i {enhet} (som 1234,5) eller lämna cellen tom"
            ) from None
    if not varde:
        return None
    return Belopp.from_enhet(_exakt(varde, enhet), enhet)


# -- one sheet ------------------------------------------------------------------------------


@attrs.frozen
class _Harledd:
    """A derived cell as found, to compare once the tables are rebuilt."""

    ref: str
    rad: str
    falt: str
    cell: _Cell | None


@attrs.frozen
class _Lasning:
    """What reading one sheet gave: its inputs, its derived cells, its rows' positions."""

    indata: dict[str, dict[str, Belopp | None]]
    harledda: list[_Harledd]
    rader: dict[str, int]
    fel: bool


def _text(cell: _Cell | None) -> str:
    return "" if cell is None or cell.typ != "s" else (cell.varde or "").strip()


def _las_blad(b: Blad, celler: Mapping[str, _Cell], problem: list[tuple[str, str]]) -> _Lasning:
    start = len(problem)
    enhet = _text(celler.get(ENHETSCELL))
    if enhet != b.enhet:
        problem.append(
            (
                ENHETSCELL,
                f"enheten är {enhet or 'tom'!r}, men tabellen är i {b.enhet}: räkna om beloppen till "
                f"{b.enhet} och skriv {b.enhet} i cellen (tabellens enhet ändras i rapportfilen)",
            )
        )
    kolumner = {falt: kolumnbokstav(i) for i, (falt, _e, _h) in enumerate(b.kolumner)}
    for i, (falt, etikett, _h) in enumerate(b.kolumner):
        ref = f"{kolumner[falt]}{RUBRIKRAD}"
        rubrik = _text(celler.get(ref)).removesuffix(" (räknas fram)")
        if rubrik != etikett:
            problem.append(
                (ref, f"kolumn {i + 1} ska vara {etikett!r}, inte {rubrik!r}; kolumner får inte flyttas")
            )
    forvantade = {r.nyckel for r in b.rader}
    rader: dict[str, int] = {}
    sista = max((int(m.group(2)) for ref in celler if (m := _REF.fullmatch(ref))), default=0)
    for nummer in range(FORSTA_RAD, sista + 1):
        namn = _text(celler.get(f"A{nummer}"))
        if not namn:
            for kol in kolumner.values():
                cell = celler.get(f"{kol}{nummer}")
                if cell is not None and (cell.formel is not None or (cell.varde or "").strip()):
                    problem.append(
                        (
                            f"{kol}{nummer}",
                            "ett värde på en rad utan namn i kolumn A; raden finns inte i rapporten",
                        )
                    )
                    break
            continue
        if namn in rader:
            problem.append((f"A{nummer}", f"raden {namn!r} finns redan på rad {rader[namn]}"))
        elif namn not in forvantade:
            problem.append(
                (
                    f"A{nummer}",
                    f"raden {namn!r} finns inte i rapporten; rader läggs till i rapportfilen "
                    "(och radnamnen i kolumn A ska stå kvar som de skrevs)",
                )
            )
        else:
            rader[namn] = nummer
    indata: dict[str, dict[str, Belopp | None]] = {}
    harledda: list[_Harledd] = []
    for i, rad in enumerate(b.rader):
        nummer_ = rader.get(rad.nyckel)
        if nummer_ is None:
            problem.append(
                (
                    f"A{FORSTA_RAD + i}",
                    f"raden {rad.nyckel!r} saknas; skriv tillbaka radnamnet i kolumn A (raden finns i "
                    "rapportfilen, och rader tas bort där)",
                )
            )
            continue
        varden: dict[str, Belopp | None] = {}
        for falt, _e, _h in b.kolumner:
            ref = f"{kolumner[falt]}{nummer_}"
            if falt in rad.formler:
                harledda.append(_Harledd(ref, rad.nyckel, falt, celler.get(ref)))
                continue
            try:
                varden[falt] = _belopp(celler.get(ref), b.enhet)
            except _CellError as exc:
                problem.append((ref, str(exc)))
        indata[rad.nyckel] = varden
    return _Lasning(indata, harledda, rader, len(problem) > start)


# -- derived cells ----------------------------------------------------------------------------


def _lika(cell: _Cell, vantat: Belopp | None, enhet: Enhet) -> bool:
    """Whether a derived cell's stored result is the model's value (within float noise)."""
    text = (cell.varde or "").strip()
    if cell.typ == "s" or not text:
        return vantat is None or (not text and not vantat)
    try:
        tal = Decimal(text)
    except InvalidOperation:
        return False
    mal = Decimal(0) if vantat is None else vantat.i_enhet(enhet)
    return abs(tal - mal) <= _TOLERANS * max(Decimal(1), abs(mal))


def _normal(formel: str) -> str:
    return formel.upper().replace("$", "").replace(" ", "").lstrip("=")


def _jamfor(
    b: Blad,
    h: _Harledd,
    vantat: Belopp | None,
    ratt: str | None,
    sakert: bool,
) -> str | None:
    """What is wrong with derived cell *h*, or None; *ratt* is its formula (None when a row
    it needs is missing, which is reported already)."""
    formel = ratt or "formeln"
    visat = "tom" if vantat is None else _svensk(vantat.i_enhet(b.enhet).normalize())
    cell = h.cell
    if cell is None or (cell.formel is None and not (cell.varde or "").strip()):
        if vantat is None:
            return None
        return f"formeln saknas; cellen räknas fram ({visat}): skriv tillbaka {formel}"
    if cell.formel is None:
        beraknat = f" (raderna ger {visat})" if sakert else ""
        skrivet = _svensk(Decimal(cell.varde or "0")) if _tal(cell) else repr(cell.varde)
        return (
            f"cellen räknas fram men är överskriven med {skrivet}{beraknat}; ett inskrivet värde "
            f"används inte. Skriv tillbaka formeln {formel}"
        )
    if cell.varde is not None:
        if sakert and not _lika(cell, vantat, b.enhet):
            return (
                f"formeln ={cell.formel} ger {cell.varde}, men raderna ger {visat}; formeln är ändrad "
                f"eller pekar på fel celler: skriv tillbaka {formel}"
            )
        return None
    if cell.formel and ratt is not None and _normal(cell.formel) != _normal(ratt):
        return f"formeln ={cell.formel} är ändrad; skriv tillbaka {formel}"
    return None


def _tal(cell: _Cell) -> bool:
    try:
        Decimal(cell.varde or "")
    except InvalidOperation:
        return False
    return cell.typ == "n"


# -- the whole workbook ---------------------------------------------------------------------


def _las_data(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<arbetsbok>"
    namn = str(source)
    try:
        return Path(source).read_bytes(), namn
    except FileNotFoundError:
        raise LoadError([Problem("", "filen finns inte", namn, code=Problemkod.FIL)], namn) from None
    except OSError as exc:
        raise LoadError(
            [Problem("", f"filen kan inte läsas: {exc.strerror}", namn, code=Problemkod.FIL)], namn
        ) from None


def read_arbetsbok(rapport: Delarsrapport, source: str | os.PathLike[str] | bytes) -> Delarsrapport:
    """*rapport* with the figures of every table the workbook *source* holds a sheet for.

    Raises :class:`~delarsrapport.LoadError` listing every problem, each named by sheet
    and cell ("Blad 'Sammanfattning', cell D7: 'ca 12' är inget belopp; …").
    """
    data, namn = _las_data(source)
    try:
        bok = _Arbetsbok(data)
    except _CellError as exc:
        raise LoadError([Problem("", str(exc), namn, code=Problemkod.FIL)], namn) from None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise LoadError(
            [
                Problem(
                    "",
                    "filen är ingen Excel-arbetsbok (.xlsx); spara den i Excel som Excel-arbetsbok",
                    namn,
                    code=Problemkod.FIL,
                )
            ],
            namn,
        ) from None
    alla = arbetsbokens_blad(rapport)
    problem: list[Problem] = []
    lasningar: dict[str, _Lasning] = {}
    for b in alla:
        celler = bok.blad.get(b.namn)
        if celler is None:
            problem.append(
                Problem(
                    f"Blad {b.namn!r}",
                    f"bladet saknas i arbetsboken (tabellen {b.rubrik}); bladens namn får inte ändras",
                    namn,
                    code=Problemkod.SAKNAS,
                )
            )
            continue
        fynd: list[tuple[str, str]] = []
        lasningar[b.namn] = _las_blad(b, celler, fynd)
        problem.extend(
            Problem(f"Blad {b.namn!r}, cell {ref}", text, namn, code=Problemkod.VARDE) for ref, text in fynd
        )
    ny: Delarsrapport = rapport
    for b in alla:
        if b.namn in lasningar:
            ny = evolve_at(ny, b.del_, _ersatt_med(b, lasningar[b.namn].indata))
    problem.extend(_harledda_problem(alla, arbetsbokens_blad(ny), lasningar, namn))
    if problem:
        raise LoadError(problem, namn)
    return ny


def _ersatt_med(b: Blad, indata: Indata) -> Callable[[EkonomiskUppfoljning], EkonomiskUppfoljning]:
    return lambda e: b.med_indata(e, indata)


def _harledda_problem(
    alla: tuple[Blad, ...], nya: tuple[Blad, ...], lasningar: Mapping[str, _Lasning], namn: str
) -> list[Problem]:
    platser: dict[str, tuple[Mapping[str, int], Mapping[str, str]]] = {
        b.namn: (
            lasningar[b.namn].rader if b.namn in lasningar else {},
            {falt: kolumnbokstav(i) for i, (falt, _e, _h) in enumerate(b.kolumner)},
        )
        for b in alla
    }
    alla_sakra = not any(las.fel for las in lasningar.values())
    problem: list[Problem] = []
    for b in nya:
        las = lasningar.get(b.namn)
        if las is None:
            continue
        rader = {r.nyckel: r for r in b.rader}
        for h in las.harledda:
            rad = rader[h.rad]
            formel = _formel(rad.formler[h.falt], h, platser, b.namn)
            text = _jamfor(b, h, rad.varden.get(h.falt), formel, alla_sakra)
            if text is not None:
                problem.append(Problem(f"Blad {b.namn!r}, cell {h.ref}", text, namn, code=Problemkod.SAMBAND))
    return problem


def _formel(
    formel: Formel, h: _Harledd, platser: Mapping[str, tuple[Mapping[str, int], Mapping[str, str]]], blad: str
) -> str | None:
    m = _REF.fullmatch(h.ref)
    assert m is not None
    try:
        return excel_formel(formel, int(m.group(2)), m.group(1), platser, blad)
    except KeyError:  # a row the formula needs is missing (reported already)
        return None
