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
        if el.find(f".//{qn('w:drawing')}") is not None:
            text += " [bild]"
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
    outside the header rows ends in its colour, ``"Påbörjad [92D050]"``. The same document
    always gives the same data, whatever the machine.
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
    on every table; alt text on every image; and every coloured table cell carrying
    text too, since colour alone is lost in print and to a screen reader.
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
            if not rader or not is_header_row(rader[0]):
                problems.append(f"tabellen som börjar med {first_text!r} saknar en upprepad rubrikrad")
            for tr in rader:
                for tc in cells(tr):
                    if _fill(tc) and not _cell_text(tc).strip() and not is_header_row(tr):
                        problems.append(
                            f"en färgad cell utan text i tabellen som börjar med {first_text!r} "
                            "(färgen måste följas av ord)"
                        )
    for doc_pr in paket.delar["word/document.xml"].iter(qn("wp:docPr")):
        if not (doc_pr.get("descr") or "").strip():
            problems.append(f"bilden {doc_pr.get('name')!r} saknar alternativtext")
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
