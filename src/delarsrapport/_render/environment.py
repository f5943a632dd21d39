"""The Jinja environment templates render in, and the ``stycken`` filter that writes free text.

The environment is sandboxed (templates come from designers, not programmers),
autoescaping (data such as "Vård & omsorg" stays text, never markup) and strict (a
misspelt variable is an error, not an empty cell). ``stycken`` is the one filter that
writes Word XML itself: free text becomes paragraphs in the template's own styles,
sub-headings in its heading styles, a derived table (``{tabell: …}``) a small table and a
chart (``{diagram: …}``) a picture with alt text, a numbered caption and its values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from delarsrapport._render import media
from delarsrapport._render.diagram import rita, ritning
from delarsrapport._render.filters import Talstil, make_filters
from delarsrapport._render.sandbox import Sandbox

__all__ = ["Stilids", "Xml", "escape", "make_environment", "stycken_filter"]


class Xml(str):
    """Paragraph XML that delarsrapport built from validated text (never from data as such)."""

    def __html__(self) -> str:
        return str(self)


def _run(text: str, *, fet: bool = False) -> str:
    """One run of *text*: line breaks become ``w:br``, tabs ``w:tab``, as Word stores them.

    Built as text rather than through lxml, which is several times slower and gives the
    same characters: the text has passed check_text, so escaping ``& < >`` is all it needs.
    """
    inner: list[str] = ["<w:rPr><w:b/></w:rPr>"] if fet else []
    for i, rad in enumerate(text.split("\n")):
        if i:
            inner.append("<w:br/>")
        for j, bit in enumerate(rad.split("\t")):
            if j:
                inner.append("<w:tab/>")
            if bit:
                inner.append(f'<w:t xml:space="preserve">{escape(bit)}</w:t>')
    return f"<w:r>{''.join(inner)}</w:r>" if inner else "<w:r/>"


def paragraph_xml(style_id: str, text: str, *, jc: str | None = None, fet: bool = False) -> str:
    """A paragraph in style *style_id* holding *text* (for a document that declares ``w:``)."""
    ppr = f'<w:pStyle w:val="{escape(style_id, _CITAT)}"/>'
    if jc is not None:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{_run(text, fet=fet)}</w:p>"


_CITAT: Final = {'"': "&quot;"}


def escape(text: str, entities: dict[str, str] | None = None) -> str:
    """*text* with ``& < >`` (and the characters of *entities*) written as XML entities.

    The standard library's ``xml.sax.saxutils.escape`` does the same, but importing it
    pulls in ``urllib`` and ``ssl``, a tenth of the command line's start-up.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


@dataclass(frozen=True)
class Stilids:
    """Style ids (as the template's styles.xml names them) for what ``stycken`` writes."""

    stycke: str
    rubriker: tuple[str, ...]
    punktlista: str
    tabell: str


def table_xml(stilar: Stilids, rader: tuple[tuple[str, ...], ...], *, summarad: bool = True) -> str:
    """A small table: the first row is a repeating header, the last a bold total (unless
    *summarad* is false); figures (every column after the first) right-aligned.

    The table spans the text width, and its grid has a width for every column (each
    figure column at most a fifth of it, the labels the rest, at least two fifths): readers
    that go by the grid alone, such as pandoc and LibreOffice, otherwise see a table with
    no width.
    """
    stil = escape(stilar.tabell, _CITAT)
    kolumner = max(len(r) for r in rader)
    bredder = _kolumnbredder(kolumner)
    xml = [
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{stil}"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="1"/></w:tblPr>',
        "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{b}"/>' for b in bredder) + "</w:tblGrid>",
    ]
    for i, rad in enumerate(rader):
        xml.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>" if i == 0 else "<w:tr>")
        fet = i == 0 or (summarad and i == len(rader) - 1)
        for j, text in enumerate(rad):
            cell = paragraph_xml(stilar.stycke, text, jc="right" if j else None, fet=fet)
            xml.append(f'<w:tc><w:tcPr><w:tcW w:w="{bredder[j]}" w:type="dxa"/></w:tcPr>{cell}</w:tc>')
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    # An empty paragraph after the table keeps it apart from the text that follows.
    return "".join(xml) + paragraph_xml(stilar.stycke, "")


#: The text width of an A4 page with 2.5 cm margins, in twentieths of a point: what a
#: generated table's grid adds up to (the table itself is set to the full text width).
TEXTBREDD: Final = 9070


def _kolumnbredder(kolumner: int) -> tuple[int, ...]:
    if kolumner == 1:
        return (TEXTBREDD,)
    # A figure needs little room and a label a line of its own: two short columns of
    # figures do not leave the labels a narrow strip that wraps every row.
    ovriga = min((TEXTBREDD - TEXTBREDD * 2 // 5) // (kolumner - 1), TEXTBREDD // 5)
    return (TEXTBREDD - ovriga * (kolumner - 1), *([ovriga] * (kolumner - 1)))


def diagram_xml(stilar: Stilids, d: Any, *, minus: str = "-") -> str:
    """A chart of free text: the picture with its alt text (drawn now and added to the render in
    progress), the caption "Diagram N. …" numbered in document order, and the table of values."""
    bild = media.lagg_till(rita(d, minus=minus))
    stil = escape(stilar.stycke, _CITAT)
    bildstycke = (
        f'<w:p><w:pPr><w:pStyle w:val="{stil}"/><w:keepNext/><w:jc w:val="center"/></w:pPr>'
        f"{ritning(d, bild, escape)}</w:p>"
    )
    bildtext = (
        f'<w:p><w:pPr><w:pStyle w:val="{stil}"/><w:keepNext/></w:pPr>'
        f"{_run(f'Diagram {bild.nummer}.', fet=True)}{_run(' ' + d.rubrik)}</w:p>"
    )
    return bildstycke + bildtext + table_xml(stilar, d.tabell, summarad=False)


def stycken_filter(stilar: Stilids, minus: str = "-") -> Callable[..., Xml]:
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
            elif block.typ == "diagram":
                parts.append(diagram_xml(stilar, block.diagram, minus=minus))
            else:
                parts.extend(paragraph_xml(stilar.punktlista, punkt) for punkt in block.punkter)
        return Xml("".join(parts))

    return stycken


def make_environment(talstil: Talstil, stilar: Stilids | None) -> ImmutableSandboxedEnvironment:
    """The one environment templates render in: sandboxed, autoescaping, strict."""
    env = Sandbox(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters(talstil))
    if stilar is not None:
        env.filters["stycken"] = stycken_filter(stilar, talstil.minus)
    else:
        env.filters["stycken"] = lambda text, rubrikniva=3: Xml("")
    return env
