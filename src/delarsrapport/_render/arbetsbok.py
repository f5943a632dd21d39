"""Writing a report's economic tables as an Excel workbook for the economist to fill in.

The sheets come from :func:`~delarsrapport._load.arbetsbokblad.arbetsbokens_blad`, which
the reader uses too, so what is written is exactly what is read back. Each sheet has the
table's rows as the report has them, the unit in ``B2``, input cells yellow and derived
cells grey with the formula that gives them (the economist sees the totals while typing),
and a first sheet with instructions in Swedish.

Writing lives here, beside the .docx output, because it is an output of a loaded report:
deterministic bytes packed like the documents (fixed member times and order, core
properties from the report). Reading lives in ``_load`` because it makes a model.

openpyxl writes a number through ``"%.16g"`` of a float, which is not always the decimal
it was given; every amount's ``<v>`` is therefore rewritten with its exact decimal text
after openpyxl has written the sheets.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Final

from lxml import etree
from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from delarsrapport._errors import RenderError, WriteError
from delarsrapport._load.arbetsbokblad import Blad, arbetsbokens_blad
from delarsrapport._load.arbetsbokformel import ENHETSCELL, FORSTA_RAD, RUBRIKRAD, excel_formel, kolumnbokstav
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport._render.output import replace_atomically
from delarsrapport._render.package import Member, compress, write_zip

__all__ = ["INDATAFARG", "arbetsbok_bytes", "write_arbetsbok"]

INDATAFARG: Final = "FFF2CC"
"""The fill of an input cell (light yellow)."""
_HARLEDD_FARG: Final = "E7E6E6"
_RUBRIK_FARG: Final = "D9E1F2"
_MAX_SIFFROR: Final = 15
_SHEET_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRICT: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)

_TUNN: Final = Side(style="thin", color="BFBFBF")
_RAM: Final = Border(left=_TUNN, right=_TUNN, top=_TUNN, bottom=_TUNN)


def _exakt_text(belopp: Decimal, var: str) -> str:
    """The decimal as the text of a cell value: no exponent, no trailing zeros."""
    normal = belopp.normalize()
    if len(normal.as_tuple().digits) > _MAX_SIFFROR:
        raise RenderError(
            f"{var}: beloppet {belopp} har fler än {_MAX_SIFFROR} siffror, och Excel håller bara "
            f"{_MAX_SIFFROR}; ange det i en större enhet eller avrunda det i rapportfilen"
        )
    text = format(normal, "f")
    return "0" if text in ("-0", "0") else text


def _instruktioner(ws: Worksheet, rapport: Delarsrapport, blad: tuple[Blad, ...]) -> None:
    ws.title = "Instruktioner"
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 52
    ws.column_dimensions["C"].width = 10
    ws.column_dimensions["D"].width = 60
    ws["A1"] = f"Ekonomiska tabeller: {rapport.namnd.namn}, {rapport.kommun.namn}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"{rapport.tjansteskrivelse.rubrik} ({rapport.period.kod})"
    steg = (
        "Så här fyller du i arbetsboken",
        "1. Varje blad är en tabell i rapporten. Fyll i de gula cellerna med belopp i den enhet "
        "som står i cell B2 på bladet (tkr eller mnkr).",
        "2. Grå celler räknas fram med formler: summor, avvikelser och resultat. Skriv inte i dem; "
        "ett överskrivet värde stoppar inläsningen och pekar ut cellen.",
        "3. Skriv belopp som tal, med decimalkomma (1234,5). Text som 'ca 12' är inget belopp. "
        "Lämna cellen tom om värdet saknas.",
        "4. Klistra in värden (Klistra in special → Värden) när du kopierar från ekonomisystemet. "
        "Avrunda inte: beloppen läses exakt som de står.",
        "5. Ändra inte bladens namn, radnamnen i kolumn A eller enheten i B2. Rader och tabeller "
        "läggs till i rapportfilen (YAML); skriv sedan en ny arbetsbok.",
        "6. Läs in arbetsboken med texterna i rapportfilen: "
        "delarsrapport check RAPPORT.yaml --arbetsbok ARBETSBOK.xlsx",
        "7. Skapa handlingarna: delarsrapport render RAPPORT.yaml --arbetsbok ARBETSBOK.xlsx -o ut/",
    )
    for i, text in enumerate(steg, start=4):
        cell = ws.cell(row=i, column=1, value=text)
        cell.font = Font(bold=i == 4)
    rad = 4 + len(steg) + 1
    for kol, text in enumerate(("Blad", "Tabell", "Enhet", "Plats i rapportfilen"), start=1):
        cell = ws.cell(row=rad, column=kol, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_RUBRIK_FARG)
    for b in blad:
        rad += 1
        for kol, text in enumerate((b.namn, b.rubrik, b.enhet, b.sokvag), start=1):
            ws.cell(row=rad, column=kol, value=text)
    rad += 2
    ws.cell(row=rad, column=1, value="Färger").font = Font(bold=True)
    ws.cell(row=rad + 1, column=1, value="Indata (fylls i)").fill = PatternFill("solid", fgColor=INDATAFARG)
    ws.cell(row=rad + 2, column=1, value="Räknas fram (formel)").fill = PatternFill(
        "solid", fgColor=_HARLEDD_FARG
    )


def _platser(blad: tuple[Blad, ...]) -> dict[str, tuple[Mapping[str, int], Mapping[str, str]]]:
    return {
        b.namn: (
            {r.nyckel: FORSTA_RAD + i for i, r in enumerate(b.rader)},
            {falt: kolumnbokstav(i) for i, (falt, _e, _h) in enumerate(b.kolumner)},
        )
        for b in blad
    }


def _blad(
    ws: Worksheet,
    b: Blad,
    platser: Mapping[str, tuple[Mapping[str, int], Mapping[str, str]]],
    exakta: dict[str, str],
) -> None:
    ws.column_dimensions["A"].width = 48
    ws["A1"] = b.rubrik
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Belopp i"
    ws[ENHETSCELL] = b.enhet
    ws[ENHETSCELL].font = Font(bold=True)
    ws["A3"] = "Gula celler är indata. Grå celler räknas fram med formler: skriv inte i dem."
    ws.cell(row=RUBRIKRAD, column=1, value="Rad")
    for i, (_falt, etikett, harledd) in enumerate(b.kolumner):
        ws.cell(row=RUBRIKRAD, column=i + 2, value=f"{etikett} (räknas fram)" if harledd else etikett)
        ws.column_dimensions[kolumnbokstav(i)].width = 18
    for cell in ws[RUBRIKRAD]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_RUBRIK_FARG)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = _RAM
    validering = DataValidation(
        type="decimal",
        operator="between",
        formula1="-100000000000000",
        formula2="100000000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Inget belopp",
        error=f"Skriv ett tal i {b.enhet}, med decimalkomma, eller lämna cellen tom.",
    )
    _rader, kolumner = platser[b.namn]
    for i, rad in enumerate(b.rader):
        nummer = FORSTA_RAD + i
        namncell = ws.cell(row=nummer, column=1, value=rad.nyckel)
        namncell.font = Font(bold=rad.summarad)
        namncell.alignment = Alignment(indent=2 if rad.indrag else 0)
        namncell.border = _RAM
        for falt, _e, _h in b.kolumner:
            kol = kolumner[falt]
            cell = ws[f"{kol}{nummer}"]
            cell.border = _RAM
            cell.font = Font(bold=rad.summarad)
            formel = rad.formler.get(falt)
            if formel is not None:
                cell.value = excel_formel(formel, nummer, kol, platser, b.namn)
                cell.fill = PatternFill("solid", fgColor=_HARLEDD_FARG)
                continue
            cell.fill = PatternFill("solid", fgColor=INDATAFARG)
            validering.add(cell.coordinate)
            varde = rad.varden.get(falt)
            if varde is not None:
                exakt = varde.i_enhet(b.enhet)
                text = _exakt_text(exakt, f"bladet {b.namn!r}, {rad.nyckel}, {falt}")
                cell.value = Decimal(text)
                exakta[cell.coordinate] = text
    if validering.sqref:
        ws.add_data_validation(validering)
    ws.freeze_panes = f"B{FORSTA_RAD}"


def arbetsbok_bytes(rapport: Delarsrapport) -> bytes:
    """The workbook of *rapport*'s economic tables as .xlsx bytes (the same report, the same bytes)."""
    blad = arbetsbokens_blad(rapport)
    if not blad:
        raise RenderError(
            "rapporten har inga ekonomiska tabeller att skriva i en arbetsbok; tabellerna "
            "(t.ex. sammanfattning, driftredovisning) läggs först in i rapportfilen"
        )
    wb = Workbook()
    _instruktioner(wb.active, rapport, blad)  # type: ignore[arg-type]
    platser = _platser(blad)
    exakta: list[dict[str, str]] = []
    for b in blad:
        ws = wb.create_sheet(b.namn)
        exakt: dict[str, str] = {}
        _blad(ws, b, platser, exakt)
        exakta.append(exakt)
    datum = datetime.combine(rapport.tjansteskrivelse.datum, datetime.min.time())
    wb.properties = DocumentProperties(
        title=f"Ekonomiska tabeller: {rapport.namnd.namn}, {rapport.period.kod}",
        subject=rapport.tjansteskrivelse.rubrik,
        creator=rapport.forvaltning.namn,
        lastModifiedBy=rapport.forvaltning.namn,
        created=datum,
        modified=datum,
        language="sv-SE",
    )
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    # Saving stamps the modification time with the clock; the part is written again
    # with the report's date.
    wb.properties.modified = datum
    karna = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + tostring(wb.properties.to_tree())
    return _pack(buffer.getvalue(), exakta, karna)


def _pack(data: bytes, exakta: list[dict[str, str]], karna: bytes) -> bytes:
    """openpyxl's package with exact amounts and the report's core properties, repacked
    with fixed member times and order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
        members: list[Member] = []
        for name in (*first, *sorted(n for n in names if n not in first)):
            raw = karna if name == "docProps/core.xml" else zf.read(name)
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                index = int(name.removeprefix("xl/worksheets/sheet").removesuffix(".xml")) - 2
                if 0 <= index < len(exakta) and exakta[index]:
                    raw = _exakta_varden(raw, exakta[index])
            members.append(compress(name, raw))
    return write_zip(members)


def _exakta_varden(xml: bytes, exakta: Mapping[str, str]) -> bytes:
    root = etree.fromstring(xml, parser=_STRICT)
    for c in root.iter(f"{{{_SHEET_NS}}}c"):
        text = exakta.get(c.get("r", ""))
        if text is not None:
            v = c.find(f"{{{_SHEET_NS}}}v")
            assert v is not None
            v.text = text
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def write_arbetsbok(rapport: Delarsrapport, path: str | os.PathLike[str]) -> Path:
    """Write the workbook of *rapport* to *path* atomically (a temporary file, then a rename)."""
    target = Path(path)
    data = arbetsbok_bytes(rapport)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_atomically(folder, target.name, data)
    except OSError as exc:
        raise WriteError(
            f"kunde inte skriva arbetsboken {target}: {exc.strerror or exc}", folder=folder
        ) from None
    return target
