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

__all__ = ["Dokumentdata", "accessibility_problems", "normalise"]

Dokumentdata = dict[str, object]
"""A normalised document: plain dicts, lists and strings (see :func:`normalise`)."""

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS: Final = {
    "w": _W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_SPRAK: Final = "sv-SE"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


class _Paket:
    """The parts of a .docx that the helpers read, parsed once."""

    def __init__(self, document: bytes | str | Path) -> None:
        data = document if isinstance(document, bytes) else Path(document).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            self.namn = sorted(zf.namelist())
            self.delar = {
                n: etree.fromstring(zf.read(n))
                for n in self.namn
                if n.endswith(".xml") and n.startswith(("word/", "docProps/"))
            }
        self.body = self.delar["word/document.xml"].find(_w("body"))
        self.stilar = self._stilnamn()

    def _stilnamn(self) -> dict[str, tuple[str, int | None]]:
        """Style id → (name, heading level or None)."""
        styles = self.delar.get("word/styles.xml")
        found: dict[str, tuple[str, int | None]] = {}
        if styles is None:
            return found
        for style in styles.iter(_w("style")):
            sid = style.get(_w("styleId")) or ""
            name_el = style.find(_w("name"))
            name = name_el.get(_w("val"), sid) if name_el is not None else sid
            level: int | None = None
            outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
            m = re.fullmatch(r"(?i)heading (\d)", name)
            if m:
                level = int(m.group(1))
            elif outline is not None and name.lower() != "title":
                level = int(outline.get(_w("val"), "9")) + 1
            found[sid] = (name, level)
        return found

    def stil(self, p: etree._Element) -> tuple[str, int | None]:
        ps = p.find(f"{_w('pPr')}/{_w('pStyle')}")
        sid = ps.get(_w("val"), "") if ps is not None else ""
        if not sid:
            return ("Normal", None)
        return self.stilar.get(sid, (sid, None))


def _text(el: etree._Element) -> str:
    """The visible text of a paragraph: w:tab and w:br as \\t and \\n (a raw tab or line
    break inside the text is a space, as Word shows it)."""
    out: list[str] = []
    for node in el.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")):
        if node.tag == _w("t"):
            # A raw line break or tab inside w:t is shown as a space; only w:br and w:tab
            # break a line or jump to a tab stop. Show what the reader sees.
            out.append(re.sub(r"[\n\r\t]", " ", node.text or ""))
        elif node.tag == _w("tab"):
            # A tab stop definition in pPr is not text.
            if node.getparent() is not None and node.getparent().tag != _w("tabs"):  # type: ignore[union-attr]
                out.append("\t")
        elif node.tag == _w("noBreakHyphen"):
            out.append("\u2011")
        elif node.tag == _w("br") and node.get(_w("type"), "textWrapping") != "page":
            out.append("\n")
    return "".join(out)


def _cell_text(tc: etree._Element) -> str:
    return "\n".join(_text(p) for p in tc.findall(_w("p")))


def _fill(tc: etree._Element) -> str | None:
    shd = tc.find(f"{_w('tcPr')}/{_w('shd')}")
    if shd is None:
        return None
    fill = shd.get(_w("fill"))
    return None if fill in (None, "auto", "FFFFFF", "ffffff") else fill


def _is_header_row(tr: etree._Element) -> bool:
    el = tr.find(f"{_w('trPr')}/{_w('tblHeader')}")
    return el is not None and el.get(_w("val"), "true") not in ("false", "0", "off")


def _tabell(tbl: etree._Element) -> dict[str, object]:
    rader: list[list[str]] = []
    rubrikrader = 0
    for i, tr in enumerate(tbl.findall(_w("tr"))):
        rubrik = _is_header_row(tr) and i == rubrikrader
        if rubrik:
            rubrikrader += 1
        cells = []
        for tc in tr.findall(_w("tc")):
            text = _cell_text(tc)
            # The colour of a data cell carries meaning (a status); a header's is design.
            fill = None if rubrik else _fill(tc)
            cells.append(f"{text} [{fill}]" if fill else text)
        rader.append(cells)
    return {"rubrikrader": rubrikrader, "rader": rader}


def _block(paket: _Paket, el: etree._Element) -> object | None:
    if el.tag == _w("p"):
        text = _text(el)
        name, _level = paket.stil(el)
        if not text and el.find(f".//{_w('drawing')}") is None:
            return None
        if el.find(f".//{_w('drawing')}") is not None:
            text += " [bild]"
        return f"{name}: {text}"
    if el.tag == _w("tbl"):
        return {"tabell": _tabell(el)}
    if el.tag == _w("sdt"):
        content = el.find(_w("sdtContent"))
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
    styles = paket.delar.get("word/styles.xml")
    if styles is None:
        return ""
    lang = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
    return lang.get(_w("val"), "") if lang is not None else ""


def _del_text(root: etree._Element) -> list[str]:
    return [t for p in root.iter(_w("p")) if (t := _text(p))]


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
    yield from paket.body.iter(_w("p"), _w("tbl"))


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
        if el.tag == _w("p"):
            name, level = paket.stil(el)
            if level is None:
                continue
            text = _text(el).strip()
            if not text:
                problems.append(f"en tom rubrik ({name})")
                continue
            if previous is None and level != 1:
                problems.append(f"den första rubriken {text!r} har nivå {level}, inte 1")
            elif previous is not None and level > previous + 1:
                problems.append(f"rubriken {text!r} hoppar från nivå {previous} till {level}")
            previous = level
        else:
            rows = el.findall(_w("tr"))
            first_cell = rows[0].find(_w("tc")) if rows else None
            first_text = _cell_text(first_cell) if first_cell is not None else ""
            if not rows or not _is_header_row(rows[0]):
                problems.append(f"tabellen som börjar med {first_text!r} saknar en upprepad rubrikrad")
            for tr in rows:
                for tc in tr.findall(_w("tc")):
                    if _fill(tc) and not _cell_text(tc).strip() and not _is_header_row(tr):
                        problems.append(
                            f"en färgad cell utan text i tabellen som börjar med {first_text!r} "
                            "(färgen måste följas av ord)"
                        )
    for doc_pr in paket.delar["word/document.xml"].iter(f"{{{_NS['wp']}}}docPr"):
        if not (doc_pr.get("descr") or "").strip():
            problems.append(f"bilden {doc_pr.get('name')!r} saknar alternativtext")
    return problems
