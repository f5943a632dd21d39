"""Word XML (WordprocessingML) as delarsrapport reads it: one vocabulary for every reader.

Elements are named as the spec names them: ``w:p`` a paragraph, ``w:r`` a run, ``w:t`` the
text of a run, ``w:tbl``/``w:tr``/``w:tc`` a table with its rows and cells, ``w:style`` a
style. The .docx engine, the layout check, the Mallguide and the snapshot normaliser of
:mod:`delarsrapport.testing` read Word XML through these functions, and each translates
what it finds into its own words where it calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Final

from lxml import etree

__all__ = [
    "NAMESPACES",
    "W",
    "cells",
    "is_header_row",
    "nearest",
    "paragraphs",
    "qn",
    "rows",
    "shading",
    "style_id",
    "style_ids",
    "styles",
    "table_style",
    "text",
    "text_nodes",
    "visible_text",
]

W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
"""The main namespace of WordprocessingML, prefix ``w``."""

NAMESPACES: Final[Mapping[str, str]] = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
"""The prefixes :func:`qn` knows, as Word writes them."""


def qn(tag: str) -> str:
    """A prefixed name as lxml names the element: ``qn("w:p")`` is ``"{…/main}p"``."""
    prefix, name = tag.split(":")
    return f"{{{NAMESPACES[prefix]}}}{name}"


_P: Final = qn("w:p")
_T: Final = qn("w:t")
_TR: Final = qn("w:tr")
_TC: Final = qn("w:tc")
_VAL: Final = qn("w:val")

# Word's Swedish names for built-in styles, as a designer sees them, to the stored names.
_SVENSKA_STILAR: Final = {
    **{f"rubrik {n}": f"heading {n}" for n in range(1, 10)},
    "punktlista": "list bullet",
    "numrerad lista": "list number",
    "brödtext": "body text",
    "rubrik": "title",
    "tabellrutnät": "table grid",
    "underrubrik": "subtitle",
}


# -- text ----------------------------------------------------------------------------------------


def text(el: etree._Element) -> str:
    """The text of every ``w:t`` under *el*, joined: the text docxtpl reads tags from."""
    return "".join(t.text or "" for t in el.iter(_T))


def visible_text(el: etree._Element) -> str:
    """The text of a paragraph as a reader sees it: ``w:tab`` and ``w:br`` as \\t and \\n
    (a raw tab or line break inside ``w:t`` is a space, as Word shows it)."""
    out: list[str] = []
    for node in el.iter(_T, qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")):
        if node.tag == _T:
            # Only w:br and w:tab break a line or jump to a tab stop.
            out.append(re.sub(r"[\n\r\t]", " ", node.text or ""))
        elif node.tag == qn("w:tab"):
            # A tab stop definition in pPr is not text.
            parent = node.getparent()
            if parent is not None and parent.tag != qn("w:tabs"):
                out.append("\t")
        elif node.tag == qn("w:noBreakHyphen"):
            out.append("\u2011")
        elif node.tag == qn("w:br") and node.get(qn("w:type"), "textWrapping") != "page":
            out.append("\n")
    return "".join(out)


def text_nodes(p: etree._Element) -> tuple[list[etree._Element], list[tuple[int, str]]]:
    """A paragraph's own ``w:t`` nodes in order (not those of a text box inside it), and
    the other text between them: ``(index of the node before it, what holds it)``.

    What holds it is the element's tag in Clark notation: ``w:delText`` (a tracked
    deletion), ``w:instrText`` or ``w:delInstrText`` (a field code), ``w:p`` (a text box's
    paragraph inside the paragraph), any other element with text of its own, or ``""``
    for text outside elements (a tail, a comment).
    """
    noder: list[etree._Element] = []
    mellan: list[tuple[int, str]] = []
    _samla(p, noder, mellan)
    return noder, mellan


def _samla(el: etree._Element, noder: list[etree._Element], mellan: list[tuple[int, str]]) -> None:
    for barn in el:
        if isinstance(barn, etree._Comment | etree._ProcessingInstruction | etree._Entity):
            if barn.tail:
                mellan.append((len(noder) - 1, ""))
            continue
        if barn.tag == _T:
            if barn.text:
                noder.append(barn)
        elif barn.tag == _P:
            if "".join(str(x) for x in barn.itertext()):
                mellan.append((len(noder) - 1, _P))
        else:
            if barn.text:
                mellan.append((len(noder) - 1, str(barn.tag)))
            _samla(barn, noder, mellan)
        if barn.tail:
            mellan.append((len(noder) - 1, ""))


# -- where things are: paragraphs, tables, rows, cells -------------------------------------------


def nearest(el: etree._Element, *tags: str) -> etree._Element | None:
    """The nearest ancestor of *el* with one of *tags*."""
    for a in el.iterancestors():
        if a.tag in tags:
            return a
    return None


def paragraphs(el: etree._Element) -> list[etree._Element]:
    """The paragraphs directly under *el* (a body or a table cell)."""
    return el.findall(_P)


def rows(tbl: etree._Element) -> list[etree._Element]:
    """The rows of a table, in order."""
    return tbl.findall(_TR)


def cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of a table row, in order."""
    return tr.findall(_TC)


def is_header_row(tr: etree._Element) -> bool:
    """Whether a row repeats as the table's header row on each page (``w:tblHeader``)."""
    el = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    return el is not None and el.get(_VAL, "true") not in ("false", "0", "off")


def shading(tc: etree._Element) -> str | None:
    """A cell's background fill as written (``92D050``, ``auto``), or None."""
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    return None if shd is None else shd.get(qn("w:fill"))


# -- styles --------------------------------------------------------------------------------------


def style_id(p: etree._Element) -> str | None:
    """The id of a paragraph's style (``w:pStyle``), or None."""
    ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if ps is None else ps.get(_VAL)


def table_style(tbl: etree._Element) -> str | None:
    """The id of a table's style (``w:tblStyle``), or None."""
    ts = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return None if ts is None else ts.get(_VAL)


def styles(root: etree._Element) -> Iterator[tuple[str, str | None, etree._Element]]:
    """Each style with an id in a styles part: (id, name or None, the ``w:style``)."""
    for style in root.iter(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if sid is None:
            continue
        name_el = style.find(qn("w:name"))
        yield sid, (None if name_el is None else name_el.get(_VAL)), style


def style_ids(styles_xml: bytes) -> dict[str, str]:
    """Style name (lower case, also Swedish UI names) → style id, from a styles.xml part."""
    ids: dict[str, str] = {}
    for sid, name, _style in styles(etree.fromstring(styles_xml)):
        ids[sid.lower()] = sid
        if name:
            ids[name.lower()] = sid
    for svenska, engelska in _SVENSKA_STILAR.items():
        if engelska in ids:
            ids.setdefault(svenska, ids[engelska])
    return ids
