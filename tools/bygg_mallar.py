"""Build the first version of the shipped layouts' .docx templates.

The committed templates in ``templates/`` are the source of truth: designers edit them
in Word or LibreOffice. This script only saves typing when a layout is first made or
rebuilt from scratch: ``python tools/bygg_mallar.py [uppsala|upplands-bro]``. It writes
real Word documents with built-in heading styles, table header rows marked to repeat,
Swedish as the document language, and docxtpl tags (see docs/mallguide.md).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from delarsrapport._render.docx import deterministic_zip

ROOT = Path(__file__).resolve().parents[1]
Run = str | tuple[str, str]  # text, or (text, "b" bold / "i" italic / "bi")
Cell = str | Sequence[Run]


@dataclass(frozen=True)
class Stil:
    """What differs between the municipalities' looks."""

    namn: str
    font: str
    rubrikfarg: RGBColor
    tabellhuvud: str  # header row fill
    numrerade_rubriker: bool
    ar2024: bool = False  # Uppsala's house style from 2023 (the 2024 report), see domain.md §2.2


UPPSALA = Stil("uppsala", "Arial", RGBColor(0x00, 0x3D, 0x6E), "D9E2F3", False)
UPPSALA_2024 = Stil("uppsala-2024", "Arial", RGBColor(0x00, 0x3D, 0x6E), "D9E2F3", False, ar2024=True)
UPPLANDS_BRO = Stil("upplands-bro", "Calibri", RGBColor(0x00, 0x5A, 0x32), "E2EFD9", True)


# -- document basics ------------------------------------------------------------------------


def nytt(stil: Stil, titel: str, *, rapport: bool = True) -> Document:
    """A new template document with the layout's styles; *rapport* documents (the bilagor)
    get numbered headings where the layout numbers them, memos never do."""
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = stil.font
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), stil.font)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 18), (2, 14), (3, 12), (4, 11), (5, 11), (6, 11)):
        h = styles[f"Heading {level}"]
        h.font.name = stil.font
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.italic = False
        h.font.color.rgb = stil.rubrikfarg
        _clear_theme_fonts(h)
        h.paragraph_format.space_before = Pt(12 if level > 1 else 0)
        h.paragraph_format.space_after = Pt(6)
    lb = styles["List Bullet"]
    lb.font.name = stil.font
    # Figures in tables: smaller, tight, so that "-162 977" fits a column of 1,8 cm.
    tt = styles.add_style("Tabelltext", WD_STYLE_TYPE.PARAGRAPH)
    tt.base_style = normal
    tt.font.size = Pt(9)
    tt.paragraph_format.space_after = Pt(0)
    tt.paragraph_format.space_before = Pt(0)
    for name in ("Header", "Footer"):
        styles[name].font.name = stil.font
        styles[name].font.size = Pt(9)
    # Default language for the whole document: Swedish.
    rpr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = Cm(2.0)
    sec.bottom_margin = Cm(2.0)
    cp = doc.core_properties
    cp.title = titel
    cp.author = "delarsrapport"
    cp.language = "sv-SE"
    fixed = datetime(2020, 1, 1, tzinfo=UTC)
    cp.created = cp.modified = fixed
    cp.last_modified_by = "delarsrapport"
    cp.revision = 1
    if stil.numrerade_rubriker and rapport:
        _numrera_rubriker(doc)
    if stil.numrerade_rubriker:
        # Sub-headings in free text sit at level 3 but carry no chapter number, as in the
        # verksamhetsberättelse ("Inledning" under "1.3 Viktiga händelser under året").
        h3 = styles["Heading 3"]
        onumrerad = styles.add_style("Rubrik 3 onumrerad", WD_STYLE_TYPE.PARAGRAPH)
        onumrerad.base_style = h3
        onumrerad.next_paragraph_style = normal
        ppr = onumrerad.element.get_or_add_pPr()
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_numId().val = 0  # numId 0: no numbering, whatever the base style says
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), "2")
        ppr.insert_element_before(outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    return doc


def _clear_theme_fonts(style) -> None:  # type: ignore[no-untyped-def]
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    if rfonts is None:
        return
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)


def _numrera_rubriker(doc: Document) -> None:
    """Outline numbering 1 / 1.1 / 1.1.1 on Heading 1–3, as Upplands-Bro numbers its chapters."""
    numbering = doc.part.numbering_part.element
    abstract_id, num_id = "90", "90"
    wns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="Heading{i + 1}"/>'
        f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(i + 1))}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{680 + 170 * i}" w:hanging="{680 + 170 * i}"/></w:pPr></w:lvl>'
        for i in range(3)
    )
    abstract = etree.fromstring(
        f'<w:abstractNum xmlns:w="{wns}" w:abstractNumId="{abstract_id}"><w:nsid w:val="5E7A0001"/>'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = etree.fromstring(
        f'<w:num xmlns:w="{wns}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    numbering.append(num)
    for level in (1, 2, 3):
        # python-docx places numPr where the schema's element order wants it (Word is strict).
        numpr = doc.styles[f"Heading {level}"].element.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level - 1
        numpr.get_or_add_numId().val = int(num_id)


def para(container, runs: Cell = "", style: str | None = None, align: str | None = None):  # type: ignore[no-untyped-def]
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    for run in [runs] if isinstance(runs, str) else runs:
        text, fmt = (run, "") if isinstance(run, str) else run
        r = p.add_run(text)
        r.bold = "b" in fmt or None
        r.italic = "i" in fmt or None
    if align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def tag(container, text: str) -> None:  # type: ignore[no-untyped-def]
    """A paragraph holding one docxtpl paragraph tag ({%p … %}, {{p … }})."""
    container.add_paragraph(text)


def rubrik(doc, text: str, level: int) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(text, level=level)


def sidbrytning_om(doc, villkor: str) -> None:  # type: ignore[no-untyped-def]
    tag(doc, "{%p if " + villkor + " %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    tag(doc, "{%p endif %}")


def sidnummer(paragraph, prefix: str = "Sida ") -> None:  # type: ignore[no-untyped-def]
    paragraph.add_run(prefix)
    _field(paragraph, "PAGE")
    paragraph.add_run(" (")
    _field(paragraph, "NUMPAGES")
    paragraph.add_run(")")


def _field(paragraph, instr: str) -> None:  # type: ignore[no-untyped-def]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


# -- tables ---------------------------------------------------------------------------------


def _header_row(row, fill: str) -> None:  # type: ignore[no-untyped-def]
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
    for cell in row.cells:
        tcpr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tcpr.append(shd)
        for p in cell.paragraphs:
            for r in p.runs:
                r.bold = True


def _set(cell, content: Cell, align: str | None = None) -> None:  # type: ignore[no-untyped-def]
    p = cell.paragraphs[0]
    p.style = "Tabelltext"
    for run in [content] if isinstance(content, str) else content:
        text, fmt = (run, "") if isinstance(run, str) else run
        r = p.add_run(text)
        r.bold = "b" in fmt or None
        r.italic = "i" in fmt or None
    if align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p.paragraph_format.space_after = Pt(0)


def tabell(
    doc,  # type: ignore[no-untyped-def]
    stil: Stil,
    huvud: Sequence[Sequence[Cell]],
    loop: str | None,
    rad: Sequence[Cell],
    *,
    hoger_fran: int = 1,
    slutrader: Sequence[Sequence[Cell]] = (),
    bredder: Sequence[float] | None = None,
    spann: Sequence[tuple[int, int, int]] = (),
    cellbg: dict[int, str] | None = None,
) -> None:
    """A table: header rows (repeating), a looped data row, and fixed rows after it.

    *loop* is the docxtpl loop ("rad in ekonomi.sammanfattning.rader"); *rad* the data
    row's cells. Cells from column *hoger_fran* on are right-aligned (figures).
    *spann* merges header cells (row, first column, last column). *cellbg* puts a
    ``{% cellbg … %}`` tag in a data cell, for status colours.
    """
    cols = len(rad)
    n_rows = len(huvud) + (3 if loop else 1) + len(slutrader)
    t = doc.add_table(rows=n_rows, cols=cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    r = 0
    for rad_h in huvud:
        for c, content in enumerate(rad_h):
            _set(t.cell(r, c), content, "r" if c >= hoger_fran else None)
        _header_row(t.rows[r], stil.tabellhuvud)
        r += 1
    for row_i, first, last in spann:
        merged = t.cell(row_i, first).merge(t.cell(row_i, last))
        # Merging keeps the paragraphs of every cell; the empty ones would be blank lines.
        for extra in merged.paragraphs[1:]:
            if not extra.text:
                extra._p.getparent().remove(extra._p)
    if loop:
        _set(t.cell(r, 0), "{%tr for " + loop + " %}")
        r += 1
    for c, content in enumerate(rad):
        cell = t.cell(r, c)
        if cellbg and c in cellbg:
            _set(cell, "{% cellbg " + cellbg[c] + " %}")
            cell.paragraphs[0].add_run(content if isinstance(content, str) else "")
        else:
            _set(cell, content, "r" if c >= hoger_fran else None)
    r += 1
    if loop:
        _set(t.cell(r, 0), "{%tr endfor %}")
        r += 1
    for slut in slutrader:
        for c, content in enumerate(slut):
            _set(t.cell(r, c), content, "r" if c >= hoger_fran else None)
        r += 1
    if not bredder:
        # The first column holds the labels; the figures share the rest of the line.
        rest = min(2.2, 10.6 / max(cols - 1, 1))
        bredder = [16.6 - rest * (cols - 1)] + [rest] * (cols - 1)
    # Word reads the cell widths, LibreOffice the table grid: set both, and the total.
    t.autofit = False
    for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), bredder, strict=True):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    tblw = t._tbl.tblPr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        t._tbl.tblPr.insert_element_before(
            tblw, "w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblLook"
        )
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(int(Cm(sum(bredder)).twips)))
    # Narrow cell margins (1 mm) leave room for seven-digit figures in 1,7 cm columns.
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    t._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    for row in t.rows:
        # A merged cell appears once per grid column it spans: give it the sum of their widths.
        widths: dict[int, tuple[object, float]] = {}
        for c, w in enumerate(bredder):
            cell = row.cells[c]
            key = id(cell._tc)
            widths[key] = (cell, widths.get(key, (cell, 0.0))[1] + w)
        for cell, w in widths.values():
            cell.width = Cm(w)  # type: ignore[attr-defined]
    doc.add_paragraph()


def b(text: str) -> list[Run]:
    return [(text, "b")]


# -- common parts ---------------------------------------------------------------------------


def uppsala_sidhuvud(doc, rader: Sequence[tuple[str, str]], over: Sequence[Cell]) -> None:  # type: ignore[no-untyped-def]
    """Uppsala's first-page header: the issuer on the left, labelled fields under it."""
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    head = sec.first_page_header
    head.paragraphs[0].text = ""
    for i, content in enumerate(over):
        p = head.paragraphs[0] if i == 0 else head.add_paragraph()
        for run in [content] if isinstance(content, str) else content:
            text, fmt = (run, "") if isinstance(run, str) else run
            rr = p.add_run(text)
            rr.bold = "b" in fmt or None
    for label, value in rader:
        if value.startswith("{%p"):
            head.add_paragraph(value)
            continue
        p = head.add_paragraph()
        p.add_run(label).bold = True
        p.add_run(" " + value)
    others = sec.header
    others.paragraphs[0].text = "{{ namnd.namn }}"
    for footer in (sec.first_page_footer, sec.footer):
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        sidnummer(p)


def uppsala_bilagehuvud(doc, over: str, behandlas: str = "Nämndbehandlas:") -> None:  # type: ignore[no-untyped-def]
    uppsala_sidhuvud(
        doc,
        [
            ("Datum:", "{{ dokument.datum|datum }}"),
            ("", "{%p if dokument.diarienummer %}"),
            ("Diarienummer:", "{{ dokument.diarienummer }}"),
            ("", "{%p endif %}"),
            ("", "{%p if dokument.handlaggare %}"),
            ("Handläggare:", "{{ dokument.handlaggare }}"),
            ("", "{%p endif %}"),
            ("", "{%p if dokument.namndbehandlas %}"),
            (behandlas, "{{ dokument.namndbehandlas|datum }}"),
            ("", "{%p endif %}"),
            ("", "{%p if dokument.version %}"),
            ("Version:", "{{ dokument.version }}"),
            ("", "{%p endif %}"),
        ],
        [b("{{ namnd.namn }}"), over],
    )


def bro_huvud(doc, stil: Stil) -> None:  # type: ignore[no-untyped-def]
    """Upplands-Bro's header table: Datum | Vår beteckning | Er beteckning."""
    tabell(
        doc,
        stil,
        [["Datum", "Vår beteckning", "Er beteckning"]],
        None,
        ["{{ dokument.datum|datum }}", "{{ dokument.diarienummer }}", ""],
        hoger_fran=9,
        bredder=[3.4, 3.4, 3.4],
    )
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "{{ kommun.namn|upper }}"
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sidnummer(p, "Sida ")


def fritext(doc, rubriktext: str, falt: str, level: int, rubrikniva: int | None = None) -> None:  # type: ignore[no-untyped-def]
    tag(doc, "{%p if " + falt + " %}")
    rubrik(doc, rubriktext, level)
    tag(doc, "{{p " + falt + "|stycken(" + str(rubrikniva or level + 1) + ") }}")
    tag(doc, "{%p endif %}")


# -- tjänsteskrivelse ---------------------------------------------------------------------


def tjansteskrivelse_uppsala(stil: Stil) -> Document:
    doc = nytt(stil, "Tjänsteskrivelse", rapport=False)
    uppsala_sidhuvud(
        doc,
        [
            ("Datum:", "{{ dokument.datum|datum }}"),
            ("", "{%p if dokument.diarienummer %}"),
            ("Diarienummer:", "{{ dokument.diarienummer }}"),
            ("", "{%p endif %}"),
            ("Handläggare:", "{{ dokument.handlaggare }}"),
            ("", "{%p if dokument.namndbehandlas %}"),
            ("Nämndbehandlas:", "{{ dokument.namndbehandlas|datum }}"),
            ("", "{%p endif %}"),
            ("", "{%p if dokument.version %}"),
            ("Version:", "{{ dokument.version }}"),
            ("", "{%p endif %}"),
        ],
        [b("{{ namnd.namn }}"), "{{ ts.adressat }}"],
    )
    tag(doc, "{%p if installningar.visa.brevhuvud %}")
    para(
        doc,
        "{{ kommun.namn }}{% if kommun.postadress %}, {{ kommun.postadress }}{% endif %}"
        "{% if kommun.besoksadress %} · {{ kommun.besoksadress }}{% endif %}"
        "{% if kommun.telefon %} · {{ kommun.telefon }}{% endif %}"
        "{% if kommun.webb %} · {{ kommun.webb }}{% endif %}",
        style="Footer",
    )
    tag(doc, "{%p endif %}")
    rubrik(doc, "{{ ts.rubrik }}", 1)
    rubrik(doc, "Förslag till beslut", 2)
    para(doc, "{{ ts.beslutar }}")
    tag(doc, "{%p for sats in ts.beslut %}")
    para(
        doc,
        [
            "{% if sats.numrerad %}{{ sats.nummer }}. {% endif %}",
            ("att", "b"),
            " {{ sats.text }}{{ sats.slut }}",
        ],
    )
    tag(doc, "{%p endfor %}")
    fritext(doc, "Sammanfattning", "ts.sammanfattning", 2)
    fritext(doc, "Ärendet", "ts.arendet", 2)
    fritext(doc, "Beredning", "ts.beredning", 2)
    tag(doc, "{%p if ts.foredragning %}")
    rubrik(doc, "Föredragning", 2)
    tag(doc, "{%p for avsnitt in ts.foredragning %}")
    rubrik(doc, "{{ avsnitt.rubrik }}", 3)
    tag(doc, "{{p avsnitt.text|stycken(4) }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    fritext(doc, "Barnkonsekvensanalys", "ts.barnperspektiv", 2)
    fritext(doc, "Ekonomiska konsekvenser", "ts.ekonomiska_konsekvenser", 2)
    rubrik(doc, "Beslutsunderlag", 2)
    tag(doc, "{%p for rad in ts.beslutsunderlag %}")
    para(doc, "{{ rad }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for u in ts.undertecknare %}")
    para(doc, "")
    tag(doc, "{%p if u.enhet_rad %}")
    para(doc, "{{ u.enhet_rad }}")
    tag(doc, "{%p endif %}")
    para(doc, "")
    para(doc, "{{ u.namn }}")
    para(doc, "{{ u.titel }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if ts.beslut_sands_till %}")
    rubrik(doc, "Beslut sänds till", 2)
    tag(doc, "{%p for mottagare in ts.beslut_sands_till %}")
    para(doc, "{{ mottagare }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def tjansteskrivelse_bro(stil: Stil) -> Document:
    doc = nytt(stil, "Tjänsteskrivelse", rapport=False)
    bro_huvud(doc, stil)
    para(doc, b("{{ namnd.namn }}"))
    rubrik(doc, "{{ ts.rubrik }}", 1)
    rubrik(doc, "Förslag till beslut", 2)
    tag(doc, "{%p for sats in ts.beslut %}")
    para(doc, "{% if sats.numrerad %}{{ sats.nummer }}. {% endif %}{{ sats.mening }}")
    tag(doc, "{%p endfor %}")
    fritext(doc, "Sammanfattning", "ts.sammanfattning", 2)
    rubrik(doc, "Beslutsunderlag", 2)
    tag(doc, "{%p for rad in ts.beslutsunderlag %}")
    para(doc, "{{ rad }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    fritext(doc, "Ärendet", "ts.arendet", 2)
    fritext(doc, "Beredning", "ts.beredning", 2)
    tag(doc, "{%p for avsnitt in ts.foredragning %}")
    rubrik(doc, "{{ avsnitt.rubrik }}", 2)
    tag(doc, "{{p avsnitt.text|stycken(3) }}")
    tag(doc, "{%p endfor %}")
    fritext(doc, "Barnperspektiv", "ts.barnperspektiv", 2)
    fritext(doc, "Ekonomiska konsekvenser", "ts.ekonomiska_konsekvenser", 2)
    tag(doc, "{%p for u in ts.undertecknare %}")
    para(doc, "")
    tag(doc, "{%p if u.enhet_rad %}")
    para(doc, "{{ u.enhet_rad }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ u.namn }}")
    para(doc, "{{ u.titel }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if ts.bilagor %}")
    rubrik(doc, "Bilagor", 2)
    tag(doc, "{%p for bilaga in ts.bilagor %}")
    para(doc, "{{ bilaga.nummer }}. {{ bilaga.titel }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ts.beslut_sands_till %}")
    rubrik(doc, "Beslut sänds till", 2)
    tag(doc, "{%p for mottagare in ts.beslut_sands_till %}")
    para(doc, "{{ mottagare }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


# -- ekonomi --------------------------------------------------------------------------------

B = "belopp('tkr')"
M = "belopp('mnkr')"
M1 = "belopp('mnkr', 1)"
MS = "belopp('mnkr', ekonomi.sammanfattning.decimaler)"  # summary rows at the precision they are known


def sju_tabell(doc, stil: Stil, rubrikfalt: str, rader: str) -> None:  # type: ignore[no-untyped-def]
    """A seven-column tkr table (verksamhet or insatskostnad)."""
    kort = "{{ period|period('kort') }}"
    ar = "{{ period|period('ar') }}"
    tabell(
        doc,
        stil,
        [
            [
                "{{ " + rubrikfalt + " }}",
                f"Utfall {kort}",
                f"Budget {kort}",
                f"Prognos {kort}",
                f"Prognos {ar}",
                f"Ny prognos {ar}",
                f"Budget {ar}",
                "Utfall {{ period|period('fg_ar') }}",
            ]
        ],
        "r in " + rader,
        [
            "{{ r.etikett }}",
            *(
                "{{ r." + k + "|" + B + " }}"
                for k in (
                    "utfall_period",
                    "budget_period",
                    "prognos_period",
                    "prognos_ar",
                    "ny_prognos_ar",
                    "budget_ar",
                    "utfall_fg_ar",
                )
            ),
        ],
        bredder=[3.6] + [1.85] * 7,
    )


def rr_tabell(doc, stil: Stil, falt: str) -> None:  # type: ignore[no-untyped-def]
    manad = "{{ period|period('manad_ar') }}"
    tabell(
        doc,
        stil,
        [
            [
                "{{ " + falt + ".namn }}, belopp i mnkr",
                f"Utfall {manad}",
                f"Budget {manad}",
                "Diff utfall/budget",
                "Budget helår",
                "Prognos helår",
                "Diff prognos/budget helår",
            ]
        ],
        "r in " + falt + ".rader",
        [
            "{{ r.etikett }}",
            *(
                "{{ r." + k + "|" + M1 + " }}"
                for k in (
                    "utfall_period",
                    "budget_period",
                    "diff_period",
                    "budget_ar",
                    "prognos_ar",
                    "diff_ar",
                )
            ),
        ],
        bredder=[5.6] + [1.9] * 6,
    )
    tag(doc, "{%p if " + falt + ".anmarkning %}")
    para(doc, [("{{ " + falt + ".anmarkning }}", "i")])
    tag(doc, "{%p endif %}")


def _rubrik_eller_bildtext(doc, text: str, niva: int, bro: bool) -> None:  # type: ignore[no-untyped-def]
    """Upplands-Bro captions its tables under "Årets resultat" in bold; Uppsala uses headings."""
    if bro:
        para(doc, b(text))
    else:
        rubrik(doc, text, niva)


def ekonomi_resultat_bro(doc, stil: Stil, niva: int, bro: bool) -> None:  # type: ignore[no-untyped-def]
    """The gross result tables (Upplands-Bro): driftredovisning, kapitalkostnader,
    ekonomiskt bistånd and the forecasts of the year; both layouts carry them."""
    ar = "{{ period|period('ar') }}"
    tag(doc, "{%p if ekonomi.driftredovisning %}")
    _rubrik_eller_bildtext(doc, "Driftredovisning", niva, bro)
    drift_tabell(doc, stil, "ekonomi.driftredovisning", niva + 1)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.kapitalkostnader %}")
    _rubrik_eller_bildtext(doc, "Varav kapitalkostnader", niva + 1, bro)
    tabell(
        doc,
        stil,
        [
            [
                "(tkr)",
                f"Budget {ar} avskrivningar",
                f"Budget {ar} internränta",
                f"Redovisat {ar} avskrivningar",
                f"Redovisat {ar} internränta",
                "Avvikelse avskrivningar",
                "Avvikelse internränta",
                "Avvikelse netto",
            ]
        ],
        "r in ekonomi.kapitalkostnader",
        [
            "{{ r.namn }}",
            *(
                "{{ r." + k + "|" + B + " }}"
                for k in (
                    "budget_avskrivningar",
                    "budget_internranta",
                    "redovisat_avskrivningar",
                    "redovisat_internranta",
                    "avvikelse_avskrivningar",
                    "avvikelse_internranta",
                    "avvikelse_netto",
                )
            ),
        ],
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.ekonomiskt_bistand %}")
    _rubrik_eller_bildtext(doc, "Ekonomiskt bistånd", niva + 1, bro)
    drift_tabell(doc, stil, "ekonomi.ekonomiskt_bistand", niva + (1 if bro else 2))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.prognoser_under_aret %}")
    rubrik(doc, "Prognoser under året", niva + 1)
    tabell(
        doc,
        stil,
        [["Budgetavvikelse vårprognos", "Budgetavvikelse höstprognos", "Budgetavvikelse bokslut"]],
        None,
        [
            "{{ ekonomi.prognoser_under_aret.varprognos|" + M1 + " }}",
            "{{ ekonomi.prognoser_under_aret.hostprognos|" + M1 + " }}",
            "{{ ekonomi.prognoser_under_aret.bokslut|" + M1 + " }}",
        ],
        hoger_fran=0,
    )
    tag(doc, "{%p endif %}")


def ekonomi_ovrigt_bro(doc, stil: Stil, niva: int, bro: bool) -> None:  # type: ignore[no-untyped-def]
    """Statsbidrag, the social investment fund, investments and the plan tables
    (Upplands-Bro); both layouts carry them. Upplands-Bro comments each table under a
    heading of its own ("Kommentarer statsbidrag")."""
    ar = "{{ period|period('ar') }}"

    def kommentarer(falt: str, amne: str) -> None:
        if bro:
            tag(doc, "{%p if " + falt + " %}")
            rubrik(doc, "Kommentarer " + amne, niva)
            tag(doc, "{%p endif %}")
        tag(doc, "{{p " + falt + "|stycken(" + str(niva + 1) + ") }}")

    tag(doc, "{%p if ekonomi.statsbidrag %}")
    rubrik(doc, "Statsbidrag", niva)
    tabell(
        doc,
        stil,
        [["(tkr)", f"Beviljat {ar}", f"Förbrukat {ar}"]],
        "r in ekonomi.statsbidrag.rader",
        [
            "{% if r.summa %}Totalt{% else %}{{ r.namn }}{% endif %}",
            "{{ r.beviljat|" + B + " }}",
            "{{ r.forbrukat|" + B + " }}",
        ],
    )
    kommentarer("ekonomi.statsbidrag.text", "statsbidrag")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.sociala_investeringsfonden %}")
    rubrik(doc, "Sociala investeringsfonden", niva)
    tabell(
        doc,
        stil,
        [
            [
                "Projekt (tkr)",
                "Start",
                "Slut",
                "Budget hela projektet",
                f"Redovisat tom {ar}",
                f"Prognos kostnader {ar}",
                "Prognos för projektet",
                "Prognosavvikelse hela projektet",
            ]
        ],
        "r in ekonomi.sociala_investeringsfonden.rader",
        [
            "{{ r.projekt }}",
            "{{ r.start_ar or '' }}",
            "{{ r.slut_ar or '' }}",
            *(
                "{{ r." + k + "|" + B + " }}"
                for k in (
                    "budget_hela_projektet",
                    "redovisat_tom",
                    "prognos_kostnader_ar",
                    "prognos_projektet",
                    "prognosavvikelse",
                )
            ),
        ],
        bredder=[4.0, 1.2, 1.2, 2.05, 2.05, 2.05, 2.0, 2.05],
    )
    tag(doc, "{%p if ekonomi.sociala_investeringsfonden.fotnot %}")
    para(doc, [("{{ ekonomi.sociala_investeringsfonden.fotnot }}", "i")])
    tag(doc, "{%p endif %}")
    kommentarer("ekonomi.sociala_investeringsfonden.text", "sociala investeringsfonden")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.investeringsredovisning %}")
    rubrik(doc, "Investeringsredovisning", niva)
    tabell(
        doc,
        stil,
        [
            [
                "Projekt (tkr)",
                "Total budget",
                "Redovisat {{ period|period('fg_ar') }}",
                f"Budget {ar}",
                f"Redovisat {ar}",
                f"Kvar av budget {ar}",
                "Ombudgeteras",
            ]
        ],
        "r in ekonomi.investeringsredovisning.rader",
        [
            "{{ r.projekt }}",
            *(
                "{{ r." + k + "|" + B + " }}"
                for k in (
                    "total_budget",
                    "redovisat_fg_ar",
                    "budget_ar",
                    "redovisat_ar",
                    "kvar",
                    "ombudgeteras",
                )
            ),
        ],
        bredder=[4.6, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0],
    )
    kommentarer("ekonomi.investeringsredovisning.text", "investeringsredovisning")
    tag(doc, "{%p for r in ekonomi.investeringsredovisning.rader %}")
    tag(doc, "{%p if r.text %}")
    para(doc, b("{{ r.projekt }}"))
    tag(doc, "{{p r.text|stycken(" + str(niva + 1) + ") }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    # the plan
    tag(doc, "{%p if ekonomi.driftbudget %}")
    rubrik(doc, "Driftbudget " + ar, niva)
    budget_tabell(doc, stil, "ekonomi.driftbudget", kapital=True, textniva=niva + 1)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.sarskilda_satsningar %}")
    tabell(
        doc,
        stil,
        [["Särskilda satsningar (tkr)", "Belopp"]],
        "s in ekonomi.sarskilda_satsningar",
        ["{{ s.namn }}", "{{ s.belopp|" + B + " }}"],
    )
    tag(doc, "{{p ekonomi.sarskilda_satsningar_text|stycken(" + str(niva + 1) + ") }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.investeringsbudget %}")
    rubrik(doc, "Investeringsbudget " + ar, niva)
    tabell(
        doc,
        stil,
        [
            [
                "Tkr",
                f"År {ar}",
                "År {{ period.ar + 1 }}",
                "År {{ period.ar + 2 }}",
                "Avskrivningstid antal år",
                f"Avskrivning {ar}",
                f"Internränta {ar}",
                f"Övrig drift {ar}",
            ]
        ],
        "r in ekonomi.investeringsbudget.rader",
        [
            "{{ r.namn }}",
            "{{ r.ar1|" + B + " }}",
            "{{ r.ar2|" + B + " }}",
            "{{ r.ar3|" + B + " }}",
            "{{ r.avskrivningstid or '' }}",
            "{{ r.avskrivning_ar1|belopp('tkr', 0) }}",
            "{{ r.internranta_ar1|belopp('tkr', 1) }}",
            "{{ r.ovrig_drift|" + B + " }}",
        ],
    )
    tag(doc, "{{p ekonomi.investeringsbudget.text|stycken(" + str(niva + 1) + ") }}")
    tag(doc, "{%p for r in ekonomi.investeringsbudget.rader %}")
    tag(doc, "{%p if r.text %}")
    para(doc, b("{{ r.namn }}"))
    tag(doc, "{{p r.text|stycken(" + str(niva + 1) + ") }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.ekonomiskt_bistand_budget %}")
    rubrik(doc, "Ekonomiskt bistånd", niva)
    budget_tabell(doc, stil, "ekonomi.ekonomiskt_bistand_budget", kapital=False, textniva=niva + 1)
    tag(doc, "{%p endif %}")
    fritext(doc, "Förändringar i taxor och avgifter", "ekonomi.taxor_och_avgifter", niva)
    tag(doc, "{%p if ekonomi.budgetfordelning %}")
    rubrik(doc, "Fördelning av driftbudget i verksamheterna", niva)
    tag(doc, "{%p for f in ekonomi.budgetfordelning %}")
    rubrik(doc, "{{ f.rubrik }}", niva + 1)
    budget_tabell(doc, stil, "f", kapital=False, textniva=niva + 2)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def drift_tabell(doc, stil: Stil, falt: str, textniva: int) -> None:  # type: ignore[no-untyped-def]
    ar = "{{ period|period('ar') }}"
    tabell(
        doc,
        stil,
        [
            [
                "(tkr)",
                f"Budget {ar}",
                "",
                f"Redovisat {ar}",
                "",
                f"Avvikelse {ar}",
                "",
                "",
                "Avvikelse {{ period|period('fg_ar') }}",
            ],
            ["", "Kostnad", "Intäkt", "Kostnad", "Intäkt", "Kostnad", "Intäkt", "Netto", "Netto"],
        ],
        "r in " + falt + ".rader",
        [
            "{{ r.namn }}",
            *(
                "{{ r." + k + "|belopp('tkr', noll='') }}"
                for k in (
                    "budget_kostnad",
                    "budget_intakt",
                    "redovisat_kostnad",
                    "redovisat_intakt",
                    "avvikelse_kostnad",
                    "avvikelse_intakt",
                    "avvikelse_netto",
                    "avvikelse_fg_netto",
                )
            ),
        ],
        spann=[(0, 1, 2), (0, 3, 4), (0, 5, 7)],
        bredder=[3.4] + [1.65] * 8,
    )
    tag(doc, "{{p " + falt + ".text|stycken(" + str(textniva) + ") }}")


def budget_tabell(doc, stil: Stil, falt: str, *, kapital: bool, textniva: int) -> None:  # type: ignore[no-untyped-def]
    ar = "{{ period|period('ar') }}"
    fg = "{{ period|period('fg_ar') }}"
    if kapital:
        huvud = [
            "Tkr",
            f"Kostnader {ar}",
            f"Avskrivningar {ar}",
            f"Internränta {ar}",
            f"Intäkter {ar}",
            f"Budget netto {ar}",
            f"Budget netto {fg}",
            "Förändring",
        ]
        celler = (
            "kostnad",
            "avskrivningar",
            "internranta",
            "intakt",
            "budget_netto",
            "budget_netto_fg",
            "forandring",
        )
    else:
        huvud = ["Tkr", f"Kostnad {ar}", f"Intäkt {ar}", f"Netto {ar}", f"Budget netto {fg}", "Förändring"]
        celler = ("kostnad", "intakt", "budget_netto", "budget_netto_fg", "forandring")
    tabell(
        doc,
        stil,
        [huvud],
        "r in " + falt + ".rader",
        ["{{ r.namn }}", *("{{ r." + k + "|belopp('tkr', noll='') }}" for k in celler)],
    )
    tag(doc, "{{p " + falt + ".text|stycken(" + str(textniva) + ") }}")


def _investeringar(doc, stil: Stil) -> None:  # type: ignore[no-untyped-def]
    tag(doc, "{%p if ekonomi.investeringar %}")
    tabell(
        doc,
        stil,
        [
            [
                "Belopp i miljoner kronor",
                "KF-budget {{ period|period('ar') }}",
                "Periodens utfall {{ period|period('kod') }}",
                "Periodens utfall {{ period|period('fg_kod') }}",
                "Helårsprognos {{ period|period('prognos_kod') }}",
            ]
        ],
        None,
        [
            "Investeringar",
            *(
                "{{ ekonomi.investeringar." + k + "|" + M + " }}"
                for k in ("kf_budget", "periodens_utfall", "periodens_utfall_fg", "helarsprognos")
            ),
        ],
        bredder=[6.6, 2.3, 2.6, 2.6, 2.5],
    )
    tag(doc, "{%p endif %}")


def _prognososakerhet(doc, stil: Stil) -> None:  # type: ignore[no-untyped-def]
    tag(doc, "{%p if ekonomi.prognososakerhet %}")
    tabell(
        doc,
        stil,
        [
            [
                "Belopp i miljoner kronor",
                "Prognos- försämring",
                "Prognos- förbättring",
                "Prognosspann min",
                "Prognosspann max",
            ]
        ]
        if stil.ar2024
        else [
            ["Belopp i miljoner kronor", "Prognos- försämring", "Prognos- förbättring", "Prognosspann", ""],
            ["", "", "", "Min", "Max"],
        ],
        None,
        [
            "Prognososäkerhet",
            *(
                "{{ ekonomi.prognososakerhet." + k + "|" + M + " }}"
                for k in ("forsamring", "forbattring", "spann_min", "spann_max")
            ),
        ],
        spann=[] if stil.ar2024 else [(0, 3, 4)],
        bredder=[6.6, 2.3, 2.6, 2.6, 2.5],
    )
    tag(doc, "{%p endif %}")


def verksamhetsavsnitt(doc, stil: Stil) -> None:  # type: ignore[no-untyped-def]
    """One section per verksamhet or avdelning: its tkr table, text, insatskostnad and RR."""
    tag(doc, "{%p for v in ekonomi.verksamheter %}")
    rubrik(doc, "{{ v.namn }}", 3)
    tag(doc, "{%p if v.tabell %}")
    sju_tabell(doc, stil, "v.tabell.rubrik", "v.tabell.rader")
    tag(doc, "{%p endif %}")
    tag(doc, "{{p v.text|stycken(4) }}")
    tag(doc, "{%p if v.insatskostnad %}")
    sju_tabell(doc, stil, "v.insatskostnad.rubrik", "v.insatskostnad.rader")
    tag(doc, "{%p endif %}")
    tag(doc, "{{p v.insatskostnad_text|stycken(4) }}")
    tag(doc, "{%p if v.resultatrakning %}")
    rr_tabell(doc, stil, "v.resultatrakning")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def ekonomi_uppsala(stil: Stil) -> Document:
    doc = nytt(stil, "Ekonomisk uppföljning")
    if stil.ar2024:
        uppsala_bilagehuvud(
            doc, "{{ dokument.bilaga_etikett }}, {{ dokument.titel }}", "Nämndbehandlad/nämndbehandlas:"
        )
        rubrik(doc, "{{ dokument.titel }}", 1)
        huvud = [
            [
                "Belopp i miljoner kronor",
                "Kommunbidrag {{ period|period('ar') }}",
                "Periodens utfall {{ period|period('kod') }}",
                "Periodens utfall {{ period|period('fg_kod') }}",
                "Helårsprognos {{ period|period('prognos_kod') }}",
            ]
        ]
        spann: list[tuple[int, int, int]] = []
    else:
        uppsala_bilagehuvud(doc, "{{ dokument.bilaga_etikett }}, {{ dokument.titel }}")
        rubrik(doc, "{{ dokument.titel }}", 1)
        tag(doc, "{%p if ekonomi.sammanfattning or ekonomi.analys %}")
        rubrik(doc, "Sammanfattning", 2)
        tag(doc, "{%p endif %}")
        huvud = [
            [
                "{{ namnd.versaler }}",
                "Kommunbidrag",
                "Resultat {{ period|period('per_manad') }}",
                "",
                "Helårsprognos",
            ],
            [
                "Belopp i miljoner kronor",
                "{{ period|period('ar') }}",
                "Periodens utfall {{ period|period('kod') }}",
                "Periodens utfall {{ period|period('fg_kod') }}",
                "{{ period|period('prognos_kod') }}",
            ],
        ]
        spann = [(0, 2, 3)]
    tag(doc, "{%p if ekonomi.sammanfattning %}")
    tabell(
        doc,
        stil,
        huvud,
        "rad in ekonomi.sammanfattning.rader",
        [
            "{% if rad.varav %}   varav {% endif %}{{ rad.etikett }}",
            "{{ rad.kommunbidrag|" + M + " }}",
            "{{ rad.periodens_utfall|" + M + " }}",
            "{{ rad.periodens_utfall_fg|" + M + " }}",
            "{{ rad.helarsprognos|" + M + " }}",
        ],
        spann=spann,
        slutrader=[
            [
                b("Nämnden totalt"),
                *(
                    b("{{ ekonomi.sammanfattning.totalt." + k + "|" + M + " }}")
                    for k in ("kommunbidrag", "periodens_utfall", "periodens_utfall_fg", "helarsprognos")
                ),
            ]
        ],
        bredder=[6.6, 2.3, 2.6, 2.6, 2.5],
    )
    tag(doc, "{%p if ekonomi.sammanfattning.avrundningsdifferens and installningar.visa.avrundningsnot %}")
    para(doc, [("Avrundningsdifferenser kan förekomma.", "i")])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    if stil.ar2024:  # 2024: Prognososäkerhet before Investeringar (domain.md §2.2 d)
        _prognososakerhet(doc, stil)
        _investeringar(doc, stil)
    else:
        _investeringar(doc, stil)
        _prognososakerhet(doc, stil)
    if stil.ar2024:
        fritext(doc, "Nämndens analys – sammanfattning", "ekonomi.analys", 2)
    else:
        tag(doc, "{{p ekonomi.analys|stycken(3) }}")
    tag(doc, "{%p if ekonomi.resultatrakning %}")
    rubrik(doc, "Nämndens totala resultat", 2)
    rr_tabell(doc, stil, "ekonomi.resultatrakning")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.verksamheter %}")
    rubrik(
        doc,
        "{% if ekonomi.resultatrakning %}Nämndens resultat per avdelning{% else %}"
        + ("Resultat per verksamhet" if stil.ar2024 else "Verksamhet")
        + "{% endif %}",
        2,
    )
    verksamhetsavsnitt(doc, stil)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.egen_regi %}")
    rubrik(doc, "Egen regi", 2)
    tabell(
        doc,
        stil,
        [
            [
                "Belopp i miljoner kronor",
                "Resultat {{ period|period('kod') }}",
                "Avvikelse mot budget",
                "Resultat {{ period|period('fg_kod') }}",
            ]
        ],
        "r in ekonomi.egen_regi.rader",
        [
            "{{ r.namn }}",
            "{{ r.resultat|" + M1 + " }}",
            "{{ r.avvikelse|" + M1 + " }}",
            "{{ r.resultat_fg|" + M1 + " }}",
        ],
        slutrader=[
            [
                b("Totalt"),
                *(
                    b("{{ ekonomi.egen_regi.totalt." + k + "|" + M1 + " }}")
                    for k in ("resultat", "avvikelse", "resultat_fg")
                ),
            ]
        ],
    )
    tag(doc, "{{p ekonomi.egen_regi.text|stycken(3) }}")
    tag(doc, "{%p endif %}")
    ekonomi_resultat_bro(doc, stil, 2, False)
    ekonomi_ovrigt_bro(doc, stil, 2, False)
    fritext(doc, "Åtgärder för ekonomi i balans", "ekonomi.atgarder_ekonomi_i_balans", 2)
    fritext(doc, "Investeringar", "ekonomi.investeringar_text", 2)
    fritext(doc, "Risker och osäkerhet", "ekonomi.risker_och_osakerhet", 2)
    tag(doc, "{%p for avsnitt in ekonomi.ovriga_avsnitt %}")
    rubrik(doc, "{{ avsnitt.rubrik }}", 2)
    tag(doc, "{{p avsnitt.text|stycken(3) }}")
    tag(doc, "{%p endfor %}")
    return doc


def ekonomi_bro(stil: Stil) -> Document:
    doc = nytt(stil, "Ekonomi")
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "{{ dokument.titel }}"
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sidnummer(p)
    rubrik(doc, "Ekonomi", 1)
    tag(doc, "{%p if ekonomi.driftredovisning or ekonomi.sammanfattning %}")
    rubrik(doc, "Årets resultat", 2)
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.sammanfattning %}")
    tabell(
        doc,
        stil,
        [
            [
                "Verksamhet (mnkr)",
                "Kommunbidrag {{ period|period('ar') }}",
                "Utfall {{ period|period('kort') }}",
                "Utfall {{ period|period('kort') }} {{ period|period('fg_ar') }}",
                "Prognos helår",
            ]
        ],
        "rad in ekonomi.sammanfattning.rader",
        [
            "{% if rad.varav %}   varav {% endif %}{{ rad.namn }}",
            "{{ rad.kommunbidrag|" + MS + " }}",
            "{{ rad.periodens_utfall|" + MS + " }}",
            "{{ rad.periodens_utfall_fg|" + MS + " }}",
            "{{ rad.helarsprognos|" + MS + " }}",
        ],
        slutrader=[
            [
                b("Summa"),
                *(
                    b("{{ ekonomi.sammanfattning.totalt." + k + "|" + MS + " }}")
                    for k in ("kommunbidrag", "periodens_utfall", "periodens_utfall_fg", "helarsprognos")
                ),
            ]
        ],
    )
    tag(doc, "{%p if ekonomi.sammanfattning.avrundningsdifferens and installningar.visa.avrundningsnot %}")
    para(doc, [("Avrundningsdifferenser kan förekomma.", "i")])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if ekonomi.prognososakerhet %}")
    d = "ekonomi.prognososakerhet.decimaler"
    para(
        doc,
        "Prognosen för helåret är {{ ekonomi.prognososakerhet.prognos|belopp('mnkr', "
        + d
        + ", suffix='kort') }}, "
        "inom spannet {{ ekonomi.prognososakerhet.spann_min|belopp('mnkr', " + d + ") }} till "
        "{{ ekonomi.prognososakerhet.spann_max|belopp('mnkr', " + d + ", suffix='kort') }}.",
    )
    tag(doc, "{%p endif %}")
    ekonomi_resultat_bro(doc, stil, 2, True)
    fritext(doc, "Ekonomisk analys", "ekonomi.analys", 2, 3)
    ekonomi_ovrigt_bro(doc, stil, 2, True)
    tag(doc, "{%p if ekonomi.resultatrakning %}")
    rubrik(doc, "Resultaträkning", 2)
    rr_tabell(doc, stil, "ekonomi.resultatrakning")
    tag(doc, "{%p endif %}")
    verksamhetsavsnitt(doc, stil)
    fritext(doc, "Åtgärder för ekonomi i balans", "ekonomi.atgarder_ekonomi_i_balans", 2)
    fritext(doc, "Kommentarer investeringar", "ekonomi.investeringar_text", 2)
    fritext(doc, "Risker och osäkerhet", "ekonomi.risker_och_osakerhet", 2)
    tag(doc, "{%p for avsnitt in ekonomi.ovriga_avsnitt %}")
    rubrik(doc, "{{ avsnitt.rubrik }}", 2)
    tag(doc, "{{p avsnitt.text|stycken(3) }}")
    tag(doc, "{%p endfor %}")
    return doc


# -- verksamhet -----------------------------------------------------------------------------


def indikator_tabeller(doc, stil: Stil, falt: str, bro: bool, niva: int) -> None:  # type: ignore[no-untyped-def]
    ar = "{{ period|period('ar') }}"
    if bro:
        tag(doc, "{%p if " + falt + ".indikatorer_med_trend %}")
        tabell(
            doc,
            stil,
            [
                [
                    "Indikatorer",
                    f"Utfall T1 {ar}",
                    f"Utfall T2 {ar}",
                    f"Utfall T3 {ar}",
                    f"Målvärde {ar}",
                    "Trend",
                ]
            ],
            "i in " + falt + ".indikatorer_med_trend",
            ["{{ i.namn }}", "{{ i.t1 }}", "{{ i.t2 }}", "{{ i.t3 }}", "{{ i.malvarde }}", "{{ i.trend }}"],
            bredder=[6.4, 1.75, 1.75, 1.75, 2.0, 1.6],
        )
        tag(doc, "{%p endif %}")
        # Without a trend column: the plan's "Ingångsvärde | Målvärde", the report's outcomes,
        # or both, by which columns have values.
        k = falt + ".kolumner"
        utan = "i in " + falt + ".indikatorer_utan_trend"
        tag(
            doc,
            "{%p if " + falt + ".indikatorer_utan_trend and " + k + ".ingangsvarde and " + k + ".utfall %}",
        )
        tabell(
            doc,
            stil,
            [
                [
                    "Indikatorer",
                    "Ingångsvärde",
                    f"Utfall T1 {ar}",
                    f"Utfall T2 {ar}",
                    f"Utfall T3 {ar}",
                    f"Målvärde {ar}",
                ]
            ],
            utan,
            [
                "{{ i.namn }}",
                "{{ i.ingangsvarde }}",
                "{{ i.t1 }}",
                "{{ i.t2 }}",
                "{{ i.t3 }}",
                "{{ i.malvarde }}",
            ],
            bredder=[6.0, 2.4, 1.7, 1.7, 1.7, 2.0],
        )
        tag(doc, "{%p elif " + falt + ".indikatorer_utan_trend and " + k + ".utfall %}")
        tabell(
            doc,
            stil,
            [["Indikatorer", f"Utfall T1 {ar}", f"Utfall T2 {ar}", f"Utfall T3 {ar}", f"Målvärde {ar}"]],
            utan,
            ["{{ i.namn }}", "{{ i.t1 }}", "{{ i.t2 }}", "{{ i.t3 }}", "{{ i.malvarde }}"],
            bredder=[8.4, 1.9, 1.9, 1.9, 2.5],
        )
        tag(doc, "{%p elif " + falt + ".indikatorer_utan_trend %}")
        tabell(
            doc,
            stil,
            [["Indikatorer", "Ingångsvärde", f"Målvärde {ar}"]],
            utan,
            ["{{ i.namn }}", "{{ i.ingangsvarde }}", "{{ i.malvarde }}"],
            bredder=[11.6, 2.5, 2.5],
        )
        tag(doc, "{%p endif %}")
        tag(doc, "{%p for i in " + falt + ".indikatorer %}")
        tag(doc, "{%p if i.kommentar %}")
        para(doc, b("{{ i.namn }}"))
        tag(doc, "{{p i.kommentar|stycken(" + str(niva + 1) + ") }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p endfor %}")
        return
    tag(doc, "{%p if " + falt + ".indikatorer %}")
    tabell(
        doc,
        stil,
        [["Indikatorer", "Utfall", "Kvinnor", "Män", "Jämförvärde", "Målvärde", "Trend"]],
        "i in " + falt + ".indikatorer",
        [
            "{{ i.namn }}",
            "{{ i.senaste }}",
            "{{ i.kvinnor }}",
            "{{ i.man }}",
            "{{ i.jamforvarde }}",
            "{{ i.malvarde }}",
            "{{ i.trend }}",
        ],
        bredder=[6.6, 1.6, 1.6, 1.4, 1.9, 1.7, 1.2],
    )
    tag(doc, "{%p for i in " + falt + ".indikatorer %}")
    tag(doc, "{%p if i.kommentar %}")
    para(doc, b("{{ i.namn }}"))
    tag(doc, "{{p i.kommentar|stycken(" + str(niva + 1) + ") }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")


def atgard_tabell(doc, stil: Stil, falt: str) -> None:  # type: ignore[no-untyped-def]
    """The nämnd's åtgärder, with a Status and an Uppföljning column only where some
    åtgärd has a value in it (four variants, chosen by ``kolumner``)."""
    k = falt + ".kolumner"
    text = "{{ a.text }}{% for akt in a.aktiviteter %}\n• {{ akt }}{% endfor %}"
    status = "{{ a.status.ord if a.status else '' }}"
    kommentar = "{{ a.kommentar|som_text }}"
    uppfoljning = "Uppföljning {{ period|period('manad_ar') }}"
    loop = "a in " + falt + ".atgarder"
    bg = {1: "a.status.farg if a.status else 'auto'"}
    tag(doc, "{%p if " + falt + ".atgarder and " + k + ".atgardsstatus and " + k + ".atgardskommentar %}")
    tabell(
        doc,
        stil,
        [["Nämndens åtgärder", "Status", uppfoljning]],
        loop,
        [text, status, kommentar],
        hoger_fran=9,
        cellbg=bg,
        bredder=[7.0, 2.6, 7.0],
    )
    tag(doc, "{%p elif " + falt + ".atgarder and " + k + ".atgardsstatus %}")
    tabell(
        doc,
        stil,
        [["Nämndens åtgärder", "Status"]],
        loop,
        [text, status],
        hoger_fran=9,
        cellbg=bg,
        bredder=[13.0, 3.6],
    )
    tag(doc, "{%p elif " + falt + ".atgarder and " + k + ".atgardskommentar %}")
    tabell(
        doc,
        stil,
        [["Nämndens åtgärd", uppfoljning]],
        loop,
        [text, kommentar],
        hoger_fran=9,
        bredder=[7.6, 9.0],
    )
    tag(doc, "{%p elif " + falt + ".atgarder %}")
    tabell(doc, stil, [["Nämndens åtgärder"]], loop, [text], hoger_fran=9, bredder=[16.6])
    tag(doc, "{%p endif %}")


def post_block(doc, stil: Stil, falt: str, niva: int, bro: bool) -> None:  # type: ignore[no-untyped-def]
    if bro:
        # The heading's number comes from Word's outline numbering: "2.4.1 Uppdrag: …".
        rubrik(doc, "{{ " + falt + ".etikett }}: {{ " + falt + ".titel }}", niva)
    else:
        rubrik(
            doc,
            "{{ " + falt + ".rubrik }}{% if " + falt + ".riktade_namnder %} ("
            "{{ " + falt + ".riktade_namnder }}){% endif %}",
            niva,
        )
    tag(doc, "{%p if " + falt + ".status %}")
    para(doc, [("Status: ", "b"), "{{ " + falt + ".status.ord }}"])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if " + falt + ".statusmening %}")
    para(doc, "{{ " + falt + ".statusmening }}")
    tag(doc, "{%p endif %}")
    if bro:
        tag(doc, "{%p if " + falt + ".beskrivning %}")
        para(doc, b("Beskrivning"))
        tag(doc, "{{p " + falt + ".beskrivning|stycken(" + str(niva + 1) + ") }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if " + falt + ".kommentar %}")
        para(doc, b("Kommentar"))
        tag(doc, "{{p " + falt + ".kommentar|stycken(" + str(niva + 1) + ") }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{%p if " + falt + ".bedomning %}")
        para(doc, "{{ " + falt + ".bedomning.mening }}")
        tag(doc, "{%p endif %}")
    else:
        tag(doc, "{%p if " + falt + ".bedomning %}")
        para(doc, [("Bedömning: ", "b"), "{{ " + falt + ".bedomning.ord }}"])
        para(doc, "{{ " + falt + ".bedomning.mening }}")
        tag(doc, "{%p endif %}")
        tag(doc, "{{p " + falt + ".beskrivning|stycken(" + str(niva + 1) + ") }}")
        tag(doc, "{{p " + falt + ".kommentar|stycken(" + str(niva + 1) + ") }}")
    atgard_tabell(doc, stil, falt)
    indikator_tabeller(doc, stil, falt, bro, niva)


def verksamhet(stil: Stil, bro: bool) -> Document:
    doc = nytt(stil, "Verksamhetsuppföljning")
    if bro:
        sec = doc.sections[0]
        sec.header.paragraphs[0].text = "{{ dokument.titel }}"
        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        sidnummer(p)
        para(doc, b("{{ kommun.namn|upper }}"))
        para(doc, [("{{ dokument.titel }}", "b")])
        para(doc, "{{ namnd.namn }}")
        # The nämndplan's introduction is its own chapters ("1 Ansvarsområde och
        # organisation"); the verksamhetsberättelse gathers them under "1 Inledning".
        tag(doc, "{%p if verksamhet.ar_plan %}")
        tag(doc, "{{p verksamhet.inledning|stycken(1) }}")
        rubrik(doc, "Prioriterade områden med mål och indikatorer", 1)
        tag(doc, "{%p else %}")
        fritext(doc, "Inledning", "verksamhet.inledning", 1, 2)
        rubrik(doc, "Mål och resultat", 1)
        tag(doc, "{%p endif %}")
        tag(doc, "{%p for m in verksamhet.mal %}")
        rubrik(doc, "{% if verksamhet.ar_plan %}{{ m.rubrik }}{% else %}{{ m.titel }}{% endif %}", 2)
        mal_niva = 3
    else:
        uppsala_bilagehuvud(doc, "{{ dokument.bilaga_etikett }}, {{ dokument.titel }}")
        if stil.ar2024:
            rubrik(doc, "{{ dokument.bilaga_etikett }} - {{ dokument.titel }}", 1)
        else:
            rubrik(doc, "{{ dokument.titel }}", 1)
        tag(doc, "{%p if installningar.visa.metarad and not verksamhet.ar_plan %}")
        para(doc, [("{{ verksamhet.metarad }}", "i")])
        tag(doc, "{%p endif %}")
        tag(doc, "{{p verksamhet.inledning|stycken(2) }}")
        tag(doc, "{%p for m in verksamhet.mal %}")
        rubrik(doc, "{{ m.rubrik }}", 2)
        tag(doc, "{%p if m.undertitel %}")
        para(doc, b("{{ m.undertitel }}"))
        tag(doc, "{%p endif %}")
        mal_niva = 3
    if not bro:
        # The word with the standard sentence under it; a scale without words (fokusmål)
        # prints the sentence alone.
        tag(doc, "{%p if m.bedomning and m.bedomning.ord %}")
        tabell(
            doc,
            stil,
            [["Bedömning", "{{ m.bedomning.ord }}"]],
            None,
            ["{{ m.bedomning.mening }}", ""],
            hoger_fran=9,
            spann=[(1, 0, 1)],
        )
        tag(doc, "{%p elif m.bedomning %}")
        para(doc, "{{ m.bedomning.mening }}")
        tag(doc, "{%p endif %}")
    tag(doc, "{{p m.text|stycken(" + str(mal_niva + 1) + ") }}")
    if bro:
        tag(doc, "{%p if m.bedomning %}")
        para(doc, "{{ m.bedomning.mening }}")
        tag(doc, "{%p endif %}")
    # The goal's own åtgärder and indicators come before its nämndmål and uppdrag.
    atgard_tabell(doc, stil, "m")
    indikator_tabeller(doc, stil, "m", bro, mal_niva - 1)
    if not bro:
        tag(doc, "{%p if installningar.visa.malposter_som_tabell and m.poster %}")
        tabell(
            doc,
            stil,
            [["Uppdrag / nämndmål", "Status", "Åtgärder", "Kommentar"]],
            "p in m.poster",
            [
                "{% if p.typ == 'namndmal' %}Nämndmål: {{ p.titel }}{% else %}"
                "{% if p.nummer %}{{ p.nummer }}. "
                "{% endif %}{{ p.titel }}{% endif %}",
                "{{ p.status.ord if p.status else '' }}",
                "{% for a in p.atgarder %}› {{ a.text }}{% if not loop.last %}\n{% endif %}{% endfor %}",
                "{{ p.kommentar|som_text }}",
            ],
            hoger_fran=9,
            cellbg={1: "p.status.farg if p.status else 'auto'"},
            bredder=[5.2, 2.2, 4.6, 5.0],
        )
        tag(doc, "{%p else %}")
    tag(doc, "{%p for p in m.poster %}")
    post_block(doc, stil, "p", mal_niva, bro)
    tag(doc, "{%p for n in p.namndmal %}")
    rubrik(doc, "{{ n.rubrik }}", mal_niva + 1)
    tag(doc, "{{p n.beskrivning|stycken(" + str(mal_niva + 2) + ") }}")
    tag(doc, "{{p n.kommentar|stycken(" + str(mal_niva + 2) + ") }}")
    tag(doc, "{%p if n.bedomning %}")
    para(doc, "{{ n.bedomning.mening }}")
    tag(doc, "{%p endif %}")
    atgard_tabell(doc, stil, "n")
    indikator_tabeller(doc, stil, "n", bro, mal_niva + 1)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    if not bro:
        tag(doc, "{%p endif %}")
    tag(doc, "{%p if m.uppfoljning_utover %}")
    para(doc, b("Uppföljning utöver del- och helårsbokslut"))
    tag(doc, "{{p m.uppfoljning_utover|stycken(" + str(mal_niva) + ") }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if verksamhet.rapportering %}")
    rubrik(doc, "Tillkommande uppdrag samt särskild rapportering", 1 if bro else 2)
    if stil.ar2024:
        para(doc, "{{ period|period('per', versal=true) }}")
    tabell(
        doc,
        stil,
        [["Uppdrag", "Kommentar"]],
        "r in verksamhet.rapportering",
        [
            "{{ r.typ }}: {% if r.ks_beslut and r.typ != 'KS-beslut' %}KS-BESLUT: {% endif %}{{ r.text }}",
            "{{ r.kommentar|som_text }}",
        ],
        hoger_fran=9,
        bredder=[8.0, 9.0],
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if installningar.visa.teckenforklaring %}")
    rubrik(doc, "Teckenförklaring", 1 if bro else 2)
    tabell(
        doc,
        stil,
        [["Status", "Betydelse"]],
        "s in verksamhet.statusar",
        ["{{ s.ord }}", "{{ s.forklaring }}"],
        hoger_fran=9,
        cellbg={0: "s.farg"},
    )
    tag(doc, "{%p endif %}")
    return doc


# -- nyckeltal and internkontroll -----------------------------------------------------------


def nyckeltal(stil: Stil, bro: bool) -> Document:
    doc = nytt(stil, "Nyckeltal")
    if bro:
        rubrik(doc, "Nyckeltal", 1)
    else:
        uppsala_bilagehuvud(doc, "{{ dokument.bilaga_etikett }}. {{ dokument.titel }}")
        rubrik(doc, "{{ dokument.bilaga_etikett }}. {{ dokument.titel }}", 1)
    tag(doc, "{%p for g in nyckeltal.grupper %}")
    rubrik(doc, "{{ g.verksamhet }}", 2)
    para(doc, "Uppföljning {{ period|period('per') }}")
    para(doc, "Nämnd: {{ namnd.namn }}")
    para(doc, [("Skuggade celler = registrera uppgift", "i")])
    para(doc, "Belopp i tkr")
    tag(doc, "{%p for m in g.matt %}")
    tabell(
        doc,
        stil,
        [
            [
                "{{ m.nummer }} {{ m.rubrik }}",
                "{{ period|period('manad_ar_kort', versal=true) }}"
                if stil.ar2024
                else "{{ period|period('manad_ar', versal=true) }}",
            ]
        ],
        None,
        ["Totala kostnader", "{{ m.totala_kostnader|belopp('tkr') }}"],
        slutrader=[
            ["{{ m.intaktsetikett }}", "{{ m.ovriga_intakter|belopp('tkr') }}"],
            ["Nettokostnad", "{{ m.nettokostnad|belopp('tkr') }}"],
            ["{{ m.volymetikett }}", "{{ m.volym|tal }}"],
            [b("{{ m.kvotetikett }}"), b("{{ m.per_enhet|belopp('tkr', m.decimaler) }}")],
        ],
        bredder=[11.0, 4.0],
    )
    tag(doc, "{%p for f in m.fotnoter %}")
    para(doc, [("{{ f }}", "i")])
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for f in g.fotnoter %}")
    para(doc, [("{{ f }}", "i")])
    tag(doc, "{%p endfor %}")
    para(doc, b("Ev kommentarer"))
    tag(doc, "{{p g.kommentar|stycken(3) }}")
    sidbrytning_om(doc, "not loop.last")
    tag(doc, "{%p endfor %}")
    return doc


def internkontroll(stil: Stil, bro: bool) -> Document:
    doc = nytt(stil, "Internkontroll")
    if bro:
        rubrik(doc, "Intern styrning och kontroll", 1)
    else:
        uppsala_sidhuvud(
            doc,
            [("Handläggare:", "{{ dokument.handlaggare }}")],
            [b("{{ forvaltning.namn }}"), "Bilaga till tjänsteskrivelse"],
        )
        rubrik(doc, "{{ dokument.bilaga_etikett }}, {{ dokument.titel }}", 1)
    tag(doc, "{{p internkontroll.inledning|stycken(2) }}")
    tag(doc, "{%p if internkontroll.moment %}")
    tag(doc, "{%p if internkontroll.sammanfattning %}")
    para(doc, "{{ internkontroll.sammanfattning }}")
    tag(doc, "{%p endif %}")
    if bro:
        rubrik(doc, "Uppföljning av kontrollmoment", 2)
    tabell(
        doc,
        stil,
        [
            [
                "Kontrollområde",
                "Riskbeskrivning",
                "Kontrollmoment",
                "Kontrollmetod och minsta volym",
                "Resultat",
                "Kommentar",
            ]
        ],
        "m in internkontroll.moment",
        [
            "{{ m.kontrollomrade }}",
            "{{ m.riskbeskrivning }}",
            "{{ m.kontrollmoment }}",
            "{{ m.kontrollmetod }}",
            "{{ m.resultat.ord if m.resultat else '' }}",
            "{{ m.kommentar|som_text }}",
        ],
        hoger_fran=9,
        cellbg={4: "m.resultat.farg if m.resultat else 'auto'"},
        bredder=[2.6, 3.2, 3.2, 2.6, 2.2, 4.0],
    )
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if internkontroll.processer_med_kontrollmoment %}")
    rubrik(doc, "Uppföljning av kontrollmoment", 2)
    tag(doc, "{%p for p in internkontroll.processer_med_kontrollmoment %}")
    tag(
        doc,
        "{%p if loop.first or p.kategori != "
        "internkontroll.processer_med_kontrollmoment[loop.index0 - 1].kategori %}",
    )
    rubrik(doc, "{{ p.kategori }}", 3)
    tag(doc, "{%p endif %}")
    para(doc, [("Process: ", "b"), "{{ p.process }}"])
    tag(doc, "{%p if p.fortydligande %}")
    para(doc, b("Förtydligande av process"))
    tag(doc, "{{p p.fortydligande|stycken(4) }}")
    tag(doc, "{%p endif %}")
    para(doc, [("Risker: ", "b"), "{{ p.risker }}"])
    tabell(
        doc,
        stil,
        [["Kontrollmoment", "Resultat", "Kommentar"]],
        "k in p.kontrollmoment",
        ["{{ k.text }}", "{{ k.resultat.ord if k.resultat else '' }}", "{{ k.kommentar|som_text }}"],
        hoger_fran=9,
        cellbg={1: "k.resultat.farg if k.resultat else 'auto'"},
        bredder=[6.0, 2.6, 8.4],
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if internkontroll.processer_med_atgarder %}")
    rubrik(doc, "Uppföljning av åtgärder", 2)
    tag(doc, "{%p for p in internkontroll.processer_med_atgarder %}")
    tag(
        doc,
        "{%p if loop.first or p.kategori != "
        "internkontroll.processer_med_atgarder[loop.index0 - 1].kategori %}",
    )
    rubrik(doc, "{{ p.kategori }}", 3)
    tag(doc, "{%p endif %}")
    para(doc, [("Process: ", "b"), "{{ p.process }}"])
    para(doc, [("Risker: ", "b"), "{{ p.risker }}"])
    tabell(
        doc,
        stil,
        [["Åtgärder", "Status", "Slutdatum", "Kommentar"]],
        "a in p.atgarder",
        ["{{ a.text }}", "{{ a.status.ord }}", "{{ a.slutdatum|datum }}", "{{ a.kommentar|som_text }}"],
        hoger_fran=9,
        cellbg={1: "a.status.farg"},
        bredder=[5.4, 2.6, 2.4, 6.6],
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if internkontroll.risker %}")
    rubrik(doc, "Riskanalys", 2)
    tag(doc, "{%p if internkontroll.risksammanfattning %}")
    para(doc, "{{ internkontroll.risksammanfattning }} | Totalt: {{ internkontroll.risker|length }}")
    tag(doc, "{%p endif %}")
    tabell(
        doc,
        stil,
        [["Nr", "Kategori", "Process", "Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Nivå"]],
        "r in internkontroll.risker",
        [
            "{{ r.nummer }}",
            "{{ r.kategori }}",
            "{{ r.process }}",
            "{{ r.risk }}{% if r.beskrivning %}\n{{ r.beskrivning }}{% endif %}",
            "{{ r.sannolikhet }}",
            "{{ r.konsekvens }}",
            "{{ r.riskvarde }}",
            "{{ r.niva }}",
        ],
        hoger_fran=9,
        bredder=[0.9, 2.6, 2.6, 5.4, 1.6, 1.6, 1.4, 1.4],
    )
    tag(doc, "{%p endif %}")
    return doc


# -- the layouts ----------------------------------------------------------------------------


def bygg(namn: str) -> list[Path]:
    katalog = ROOT / "templates" / namn
    katalog.mkdir(parents=True, exist_ok=True)
    bro = namn == "upplands-bro"
    stil = {"uppsala": UPPSALA, "uppsala-2024": UPPSALA_2024, "upplands-bro": UPPLANDS_BRO}[namn]
    byggare: dict[str, Callable[[], Document]] = {
        "tjansteskrivelse": lambda: tjansteskrivelse_bro(stil) if bro else tjansteskrivelse_uppsala(stil),
        "ekonomi": lambda: ekonomi_bro(stil) if bro else ekonomi_uppsala(stil),
        "verksamhet": lambda: verksamhet(stil, bro),
        "nyckeltal": lambda: nyckeltal(stil, bro),
        "internkontroll": lambda: internkontroll(stil, bro),
    }
    paths = []
    for slag, fn in byggare.items():
        doc = fn()
        path = katalog / f"{slag}.docx"
        # Fixed zip times and order: regenerating an unchanged template changes no byte.
        buffer = io.BytesIO()
        doc.save(buffer)
        path.write_bytes(deterministic_zip(buffer.getvalue()))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for layout in sys.argv[1:] or ["uppsala", "uppsala-2024", "upplands-bro"]:
        for path in bygg(layout):
            print(path)
