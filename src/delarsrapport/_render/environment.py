"""The Jinja environment templates render in, and the ``stycken`` filter that writes free text.

The environment is sandboxed (templates come from designers, not programmers),
autoescaping (data such as "Vård & omsorg" stays text, never markup) and strict (a
misspelt variable is an error, not an empty cell). ``stycken`` is the one filter that
writes Word XML itself: free text becomes paragraphs in the template's own styles,
sub-headings in its heading styles and a derived table (``{tabell: …}``) a small table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from delarsrapport._render.filters import Talstil, make_filters
from delarsrapport._render.wordxml import W, qn

__all__ = ["Stilids", "Xml", "make_environment", "stycken_filter"]


class Xml(str):
    """Paragraph XML that delarsrapport built from validated text (never from data as such)."""

    def __html__(self) -> str:
        return str(self)


def _run(parent: etree._Element, text: str) -> None:
    run = etree.SubElement(parent, qn("w:r"))
    for i, rad in enumerate(text.split("\n")):
        if i:
            etree.SubElement(run, qn("w:br"))
        for j, bit in enumerate(rad.split("\t")):
            if j:
                etree.SubElement(run, qn("w:tab"))
            if bit:
                t = etree.SubElement(run, qn("w:t"))
                t.text = bit
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def paragraph_xml(style_id: str, text: str) -> str:
    p = etree.Element(qn("w:p"), nsmap={"w": W})
    ppr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style_id)
    _run(p, text)
    xml = etree.tostring(p, encoding="unicode")
    # The paragraph is inserted into a document that declares the namespace already.
    return xml.replace(f' xmlns:w="{W}"', "")


@dataclass(frozen=True)
class Stilids:
    """Style ids (as the template's styles.xml names them) for what ``stycken`` writes."""

    stycke: str
    rubriker: tuple[str, ...]
    punktlista: str
    tabell: str


def table_xml(stilar: Stilids, rader: tuple[tuple[str, ...], ...]) -> str:
    """A small table: the first row is a repeating header, the last a bold total; figures
    (every column after the first) right-aligned."""
    tbl = etree.Element(qn("w:tbl"), nsmap={"w": W})
    tblpr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblStyle")).set(qn("w:val"), stilar.tabell)
    width = etree.SubElement(tblpr, qn("w:tblW"))
    width.set(qn("w:w"), "0")
    width.set(qn("w:type"), "auto")
    look = etree.SubElement(tblpr, qn("w:tblLook"))
    look.set(qn("w:val"), "04A0")
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:lastRow"), "1")
    kolumner = max(len(r) for r in rader)
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for _ in range(kolumner):
        etree.SubElement(grid, qn("w:gridCol"))
    for i, rad in enumerate(rader):
        tr = etree.SubElement(tbl, qn("w:tr"))
        if i == 0:
            etree.SubElement(etree.SubElement(tr, qn("w:trPr")), qn("w:tblHeader"))
        for j, text in enumerate(rad):
            tc = etree.SubElement(tr, qn("w:tc"))
            p = etree.SubElement(tc, qn("w:p"))
            ppr = etree.SubElement(p, qn("w:pPr"))
            etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), stilar.stycke)
            if j:
                etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "right")
            _run(p, text)
            if i in (0, len(rader) - 1):
                run = p.find(qn("w:r"))
                assert run is not None
                run.insert(0, etree.Element(qn("w:rPr")))
                etree.SubElement(run[0], qn("w:b"))
    xml = etree.tostring(tbl, encoding="unicode").replace(f' xmlns:w="{W}"', "")
    # An empty paragraph after the table keeps it apart from the text that follows.
    return xml + paragraph_xml(stilar.stycke, "")


def stycken_filter(stilar: Stilids) -> Callable[..., Xml]:
    def stycken(text: Iterable[Any], rubrikniva: int = 3) -> Xml:
        """Free text as Word paragraphs: {{p ts.arendet|stycken(3) }}.

        *rubrikniva* is the heading level of the text's own sub-headings: one below the
        heading the text stands under, so that headings stay in order.
        """
        parts: list[str] = []
        for block in text:
            if block.typ == "stycke":
                parts.append(paragraph_xml(stilar.stycke, block.text))
            elif block.typ == "rubrik":
                index = min(max(rubrikniva - 1 + block.niva - 1, 0), len(stilar.rubriker) - 1)
                parts.append(paragraph_xml(stilar.rubriker[index], block.text))
            elif block.typ == "tabell":
                parts.append(table_xml(stilar, block.tabell))
            else:
                parts.extend(paragraph_xml(stilar.punktlista, punkt) for punkt in block.punkter)
        return Xml("".join(parts))

    return stycken


def make_environment(talstil: Talstil, stilar: Stilids | None) -> ImmutableSandboxedEnvironment:
    """The one environment templates render in: sandboxed, autoescaping, strict."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters(talstil))
    if stilar is not None:
        env.filters["stycken"] = stycken_filter(stilar)
    else:
        env.filters["stycken"] = lambda text, rubrikniva=3: Xml("")
    return env
