"""Testing helpers for rendered reports: normalised snapshots and accessibility checks.

A .docx file is a zip of XML whose bytes say little to a reviewer. :func:`normalise`
turns one into plain data (core properties, language, header and footer text, and the
body as paragraphs with their style and tables with their rows), which is what a golden
file should hold: a diff of it reads like a diff of the document. :func:`accessibility_problems`
lists what keeps a document from the accessibility points Swedish public documents need
(DOS-lagen, WCAG 2.1 AA): a title, Swedish as the language, headings in order, repeating
table header rows, alt text on images, and colour never alone.

With pytest-regressions installed, the pytest plugin that comes with delarsrapport adds
the fixture ``docx_regression``::

    def test_report(docx_regression, tmp_path):
        paths = delarsrapport.render(rapport, out_dir=tmp_path)
        for path in paths:
            docx_regression.check(path, basename=path.stem)

The first run writes the snapshots (and fails, so that they are read before they are
committed); later runs compare against them. ``pytest --force-regen`` rewrites them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from lxml import etree

from delarsrapport._render.wordxml import (
    cells,
    is_header_row,
    paragraphs,
    qn,
    rows,
    shading,
    style_id,
    styles,
    visible_text,
)

__all__ = ["Dokumentdata", "accessibility_problems", "normalise", "pdf_accessibility_problems"]

Dokumentdata = dict[str, object]
"""A normalised document: plain dicts, lists and strings (see :func:`normalise`)."""

_SPRAK: Final = "sv-SE"


# huge_tree: a document may hold a paragraph of many megabytes (lxml refuses a text node
# over 10 MB without it); entities are never resolved and nothing is fetched.
_PARSER: Final = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


class _Paket:
    """The parts of a .docx that the helpers read, parsed once."""

    def __init__(self, document: bytes | str | Path) -> None:
        data = document if isinstance(document, bytes) else Path(document).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.namn = sorted(zf.namelist())
            self.delar = {
                n: etree.fromstring(zf.read(n), parser=_PARSER)
                for n in self.namn
                if n.endswith(".xml") and n.startswith(("word/", "docProps/"))
            }
            self.rels = {
                n: etree.fromstring(zf.read(n), parser=_PARSER) for n in self.namn if n.endswith(".rels")
            }
        self.body = self.delar["word/document.xml"].find(qn("w:body"))
        self.stilar = self._stilnamn()

    def _stilnamn(self) -> dict[str, tuple[str, int | None]]:
        """Style id → (name, heading level or None)."""
        stildel = self.delar.get("word/styles.xml")
        found: dict[str, tuple[str, int | None]] = {}
        if stildel is None:
            return found
        for sid, name, style in styles(stildel):
            name = sid if name is None else name
            level: int | None = None
            outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            m = re.fullmatch(r"(?i)heading (\d)", name)
            if m:
                level = int(m.group(1))
            elif outline is not None and name.lower() != "title":
                # Outline level 9 is body text (Word's "TOC Heading" has it), not a heading.
                lvl = int(outline.get(qn("w:val"), "9"))
                level = lvl + 1 if lvl < 9 else None
            found[sid] = (name, level)
        return found

    def stil(self, p: etree._Element) -> tuple[str, int | None]:
        sid = style_id(p) or ""
        if not sid:
            return ("Normal", None)
        return self.stilar.get(sid, (sid, None))


def _cell_text(tc: etree._Element) -> str:
    return "\n".join(visible_text(p) for p in paragraphs(tc))


def _fill(tc: etree._Element) -> str | None:
    fill = shading(tc)
    return None if fill in (None, "auto", "FFFFFF", "ffffff") else fill


def _tabell(tbl: etree._Element) -> dict[str, object]:
    rader: list[list[str]] = []
    rubrikrader = 0
    for i, tr in enumerate(rows(tbl)):
        rubrik = is_header_row(tr) and i == rubrikrader
        if rubrik:
            rubrikrader += 1
        celler = []
        for tc in cells(tr):
            text = _cell_text(tc)
            # The colour of a data cell carries meaning (a status); a header's is design.
            fill = None if rubrik else _fill(tc)
            celler.append(f"{text} [{fill}]" if fill else text)
        rader.append(celler)
    return {"rubrikrader": rubrikrader, "rader": rader}


def _block(paket: _Paket, el: etree._Element) -> object | None:
    if el.tag == qn("w:p"):
        text = visible_text(el)
        name, _level = paket.stil(el)
        if not text and el.find(f".//{qn('w:drawing')}") is None:
            return None
        bilder = [f"[bild: {d.get('descr') or ''}]" for d in el.iter(qn("wp:docPr"))]
        if el.find(f".//{qn('w:drawing')}") is not None and not bilder:
            bilder = ["[bild]"]
        text = " ".join([text, *bilder]) if text else " ".join(bilder)
        return f"{name}: {text}"
    if el.tag == qn("w:tbl"):
        return {"tabell": _tabell(el)}
    if el.tag == qn("w:sdt"):
        content = el.find(qn("w:sdtContent"))
        return [b for c in (content if content is not None else []) if (b := _block(paket, c)) is not None]
    return None


def _egenskaper(paket: _Paket) -> dict[str, str]:
    core = paket.delar.get("docProps/core.xml")
    if core is None:
        return {}
    out: dict[str, str] = {}
    for child in core:
        q = etree.QName(child)
        out[q.localname] = child.text or ""
    return dict(sorted(out.items()))


def _dokumentsprak(paket: _Paket) -> str:
    stildel = paket.delar.get("word/styles.xml")
    if stildel is None:
        return ""
    lang = stildel.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return lang.get(qn("w:val"), "") if lang is not None else ""


def _del_text(root: etree._Element) -> list[str]:
    return [t for p in root.iter(qn("w:p")) if (t := visible_text(p))]


def normalise(document: bytes | str | Path) -> Dokumentdata:
    """A .docx (bytes or a path) as plain data for a golden file.

    The result holds ``egenskaper`` (core properties), ``sprak`` (the document's default
    language), ``sidhuvuden`` and ``sidfotter`` (the text of each header and footer part),
    and ``innehall``: the body in order, each paragraph as ``"Style name: text"`` (empty
    paragraphs left out, tabs and line breaks kept as ``\\t`` and ``\\n``) and each table as
    ``{"tabell": {"rubrikrader": n, "rader": [[cell, …], …]}}``, where a shaded cell
    outside the header rows ends in its colour, ``"Påbörjad [92D050]"``; a picture is
    ``[bild: alt text]`` in its paragraph. The same document always gives the same data,
    whatever the machine.
    """
    paket = _Paket(document)
    innehall = [
        b for el in (paket.body if paket.body is not None else []) if (b := _block(paket, el)) is not None
    ]
    return {
        "egenskaper": _egenskaper(paket),
        "sprak": _dokumentsprak(paket),
        "sidhuvuden": {
            n.removeprefix("word/"): _del_text(root)
            for n, root in paket.delar.items()
            if re.fullmatch(r"word/header\d*\.xml", n)
        },
        "sidfotter": {
            n.removeprefix("word/"): _del_text(root)
            for n, root in paket.delar.items()
            if re.fullmatch(r"word/footer\d*\.xml", n)
        },
        "innehall": innehall,
    }


def _paragraphs_and_tables(paket: _Paket) -> Iterator[etree._Element]:
    if paket.body is None:
        return
    yield from paket.body.iter(qn("w:p"), qn("w:tbl"))


def accessibility_problems(document: bytes | str | Path) -> list[str]:
    """What keeps a .docx from the accessibility points; an empty list when there is nothing.

    Checked: a title and the language sv-SE in the core properties; sv-SE as the default
    language of the text; real heading styles, none empty, the first of level 1 and none
    more than one level below the one before; a repeating header row (``w:tblHeader``)
    on every table of more than one row (a table of one row, a label beside its value such
    as a goal's Bedömning, has no rows to head); alt text on every image, in the body,
    headers and footers, on the drawing and on the picture inside it (unless the drawing
    is marked decorative), and an image part behind every picture; and every coloured
    table cell carrying text too, since colour alone is lost in print and to a screen
    reader.
    """
    paket = _Paket(document)
    problems: list[str] = []
    props = _egenskaper(paket)
    if not props.get("title", "").strip():
        problems.append("dokumentet saknar titel (kärnegenskapen title)")
    if props.get("language") != _SPRAK:
        problems.append(f"kärnegenskapen language är {props.get('language')!r}, inte {_SPRAK!r}")
    if _dokumentsprak(paket) != _SPRAK:
        problems.append(f"textens standardspråk är {_dokumentsprak(paket)!r}, inte {_SPRAK!r}")
    previous: int | None = None
    for el in _paragraphs_and_tables(paket):
        if el.tag == qn("w:p"):
            name, level = paket.stil(el)
            if level is None:
                continue
            text = visible_text(el).strip()
            if not text:
                problems.append(f"en tom rubrik ({name})")
                continue
            if previous is None and level != 1:
                problems.append(f"den första rubriken {text!r} har nivå {level}, inte 1")
            elif previous is not None and level > previous + 1:
                problems.append(f"rubriken {text!r} hoppar från nivå {previous} till {level}")
            previous = level
        else:
            rader = rows(el)
            first_cell = rader[0].find(qn("w:tc")) if rader else None
            first_text = _cell_text(first_cell) if first_cell is not None else ""
            if not rader or (len(rader) > 1 and not is_header_row(rader[0])):
                problems.append(f"tabellen som börjar med {first_text!r} saknar en upprepad rubrikrad")
            for tr in rader:
                for tc in cells(tr):
                    if _fill(tc) and not _cell_text(tc).strip() and not is_header_row(tr):
                        problems.append(
                            f"en färgad cell utan text i tabellen som börjar med {first_text!r} "
                            "(färgen måste följas av ord)"
                        )
    problems += _bildproblem(paket)
    return problems


def pdf_accessibility_problems(pdf: bytes | str | Path) -> list[str]:
    """What keeps a PDF (bytes or a path) from the accessibility points; empty when nothing.

    The check every PDF from ``render(..., pdf=True)`` passes: a structure tree and
    ``/MarkInfo /Marked true``, ``/Lang (sv-SE)``, a title shown as the window title,
    headings tagged H1–H6 with bookmarks, tables with header cells (TH) and images with
    alternative text.
    """
    from delarsrapport._render.pdf import pdf_problems  # pikepdf only when a PDF is checked

    return pdf_problems(pdf)


_PIC: Final = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_A: Final = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_DEKORATIV: Final = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def _bildproblem(paket: _Paket) -> list[str]:
    """Every picture in the body, headers and footers: alt text on the drawing and on the
    picture (or marked decorative), and its image in the package."""
    problems: list[str] = []
    for namn, rot in paket.delar.items():
        if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", namn):
            continue
        for ritning in rot.iter(qn("w:drawing")):
            doc_pr = next(ritning.iter(qn("wp:docPr")), None)
            if doc_pr is None:
                problems.append(f"en bild i {namn} saknar wp:docPr (och därmed alternativtext)")
                continue
            if any(el.get("val") in ("1", "true") for el in doc_pr.iter(_DEKORATIV)):
                continue
            bildnamn = doc_pr.get("name")
            if not (doc_pr.get("descr") or "").strip():
                problems.append(f"bilden {bildnamn!r} saknar alternativtext")
            for cnv in ritning.iter(f"{_PIC}cNvPr"):
                if not (cnv.get("descr") or "").strip() and (doc_pr.get("descr") or "").strip():
                    problems.append(f"bilden {bildnamn!r} har alternativtext på ritningen men inte på bilden")
            for blip in ritning.iter(f"{_A}blip"):
                rid = blip.get(f"{_R}embed")
                if rid and not _har_bilddel(paket, namn, rid):
                    problems.append(f"bilden {bildnamn!r} hänvisar till {rid}, som inte finns i dokumentet")
    return problems


def _har_bilddel(paket: _Paket, del_: str, rid: str) -> bool:
    mapp, _, fil = del_.rpartition("/")
    rels = f"{mapp}/_rels/{fil}.rels"
    if rels not in paket.rels:
        return False
    for rel in paket.rels[rels]:
        if rel.get("Id") == rid:
            mal = rel.get("Target", "")
            return (mal.lstrip("/") if mal.startswith("/") else f"{mapp}/{mal}") in paket.namn
    return False
