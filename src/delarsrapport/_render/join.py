"""Joining rendered documents into one: the parts of a compound bilaga, and a whole handling.

docxcompose does the joining (styles, numbering, relationships and images of every
appended document are carried over), on python-docx documents opened from the rendered
bytes; the result is packed again like any rendered document, with fixed member times
and order and the report's core properties.

Two things make this safe to call from many threads at once. docxcompose is called
without its custom-property pass (``remove_property_fields=False``; our documents have
no custom properties), the only part of it that needs the ``cp`` prefix it binds in
python-docx's global namespace map, so the map is set once, at import, and never
swapped. And the numbering ids docxcompose draws at random are replaced by ids derived
from their position, so equal input gives equal bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from copy import deepcopy
from typing import Any, Final

import docx
import docx.oxml.ns
import docxcompose.composer
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from delarsrapport._render.engine import Karnegenskaper, check_part
from delarsrapport._render.innehall import stilarnas_numrering
from delarsrapport._render.package import Member, compress, write_zip
from delarsrapport._render.typografi import i_styckets_egenskaper

__all__ = ["join", "join_sections"]

# Importing docxcompose rebinds python-docx's global "cp" prefix to the custom-properties
# namespace; python-docx's own core-properties code needs the core namespace there. Set
# it back once; nothing of docxcompose we call reads it.
docx.oxml.ns.nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

_CORE: Final = "docProps/core.xml"


_STILREF: Final = ".//w:tblStyle|.//w:pStyle|.//w:rStyle"


class _Composer(docxcompose.composer.Composer):  # type: ignore[misc]
    """docxcompose's composer, without its cost per paragraph for styles already there.

    For every appended paragraph and table docxcompose lists the ids of all the master's
    styles through python-docx's style objects, a few hundred of them; joining the parts
    of a bilaga spent most of its time there. An element whose styles are all in the
    master already, under the same id and without a numbering of their own, is one that
    step leaves as it is, so it is skipped; any other goes through docxcompose, which may
    add styles, and the ids are read again afterwards.
    """

    _stilar: frozenset[str] | None = None

    def _stil_ids(self) -> frozenset[str]:
        if self._stilar is None:
            element = self.doc.styles.element
            self._stilar = frozenset(element.xpath("w:style/@w:styleId"))
        return self._stilar

    def add_styles(self, doc: Any, element: Any) -> None:
        anvanda = {e.get(qn("w:val")) for e in element.xpath(_STILREF)}
        if all(self._oforandrad(doc, stil) for stil in anvanda):
            return
        super().add_styles(doc, element)
        self._stilar = None

    def _oforandrad(self, doc: Any, stil: str) -> bool:
        if stil not in self._stil_ids() or self.mapped_style_id(stil) != stil:
            return False
        definition = doc.styles.element.get_by_id(stil)
        return definition is None or not definition.xpath(".//w:numId")


def join(documents: list[bytes], egenskaper: Karnegenskaper) -> bytes:
    """One document of *documents* in order, each after a page break, with *egenskaper*."""
    master = docx.Document(io.BytesIO(documents[0]))
    composer = _Composer(master)
    for data in documents[1:]:
        _page_break(composer.doc)
        composer.append(docx.Document(io.BytesIO(data)), remove_property_fields=False)
    return _packa(composer, egenskaper)


def join_sections(documents: list[tuple[str, bytes]], egenskaper: Karnegenskaper) -> bytes:
    """One document of *documents* (bookmark name, bytes), each in its own section.

    Every document starts on a new page with its own headers, footers, page size and
    page numbers from 1, and with a bookmark of the given name at its start.
    """
    namn, data = documents[0]
    master = docx.Document(io.BytesIO(data))
    _bookmark(master.element.body, namn)
    composer = _Composer(master)
    for namn, data in documents[1:]:
        doc = docx.Document(io.BytesIO(data))
        _bookmark(doc.element.body, namn)
        _stilnumrering_i_stycken(doc)
        _close_section(composer.doc.element.body)
        composer.append(doc, remove_property_fields=False)
        _take_section(composer, doc)
    _sidor_per_avsnitt(composer.doc)
    return _packa(composer, egenskaper)


def _stilnumrering_i_stycken(doc: Any) -> None:
    """Write the numbering a paragraph has from its style onto the paragraph itself.

    docxcompose gives an appended paragraph the style of the same id in the first
    document; a cover's or tjänsteskrivelse's Heading1 has no numbering, so a bilaga's
    numbered headings ("1 Inledning", "1.1 Vinjett") would lose their numbers while its
    table of contents keeps them. Written on the paragraph, the numbering comes along
    (docxcompose copies it, and each appended document's lists start again at 1).
    """
    # The numbering the table of contents gives the heading (innehall), so the two agree.
    numrering = stilarnas_numrering(doc.styles.element)
    if not numrering:
        return
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        stil = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if ppr is None or stil is None or ppr.find(qn("w:numPr")) is not None:
            continue
        fran_stil = numrering.get(str(stil.get(qn("w:val"))))
        if fran_stil is None:
            continue
        numpr = etree.Element(qn("w:numPr"))
        etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), str(fran_stil[1]))
        etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), fran_stil[0])
        i_styckets_egenskaper(ppr, numpr)


def _sidor_per_avsnitt(doc: Any) -> None:
    """NUMPAGES (the whole file's pages) becomes SECTIONPAGES (the document's own) in every
    header and footer: "Sida 2 (5)" counts the pages of the bilaga, as its own file does."""
    for rel in doc.part.rels.values():
        if rel.reltype not in (RT.HEADER, RT.FOOTER) or rel.is_external:
            continue
        element = rel.target_part.element
        for fld in element.iter(qn("w:fldSimple")):
            instr = fld.get(qn("w:instr"), "")
            if re.match(r"\s*NUMPAGES\b", instr, re.IGNORECASE):
                fld.set(qn("w:instr"), re.sub(r"(?i)NUMPAGES", "SECTIONPAGES", instr, count=1))
        for text in element.iter(qn("w:instrText")):
            if re.match(r"\s*NUMPAGES\b", text.text or "", re.IGNORECASE):
                text.text = re.sub(r"(?i)NUMPAGES", "SECTIONPAGES", text.text or "", count=1)


def _packa(composer: Any, egenskaper: Karnegenskaper) -> bytes:
    if _has_numbering(composer.doc):
        for abstract in composer.doc.part.numbering_part.element.iter(qn("w:abstractNum")):
            nsid = abstract.find(qn("w:nsid"))
            if nsid is not None:
                nsid.set(qn("w:val"), f"{int(abstract.get(qn('w:abstractNumId'))) + 1:08X}")
    buffer = io.BytesIO()
    composer.doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as zf:
        names = zf.namelist()
        first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
        members: list[Member] = []
        for name in (*first, *sorted(n for n in names if n not in first)):
            raw = egenskaper.xml() if name == _CORE else zf.read(name)
            if name.endswith((".xml", ".rels")):
                check_part(name, raw)
            members.append(compress(name, raw))
    return write_zip(members)


# The children of w:sectPr that come after w:type and after w:pgNumType, in schema order.
_EFTER_TYP: Final = ("pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                     "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
                     "printerSettings", "sectPrChange")  # fmt: skip
_EFTER_SIDNUMMER: Final = _EFTER_TYP[_EFTER_TYP.index("pgNumType") + 1 :]


def _before_first(parent: etree._Element, child: etree._Element, names: tuple[str, ...]) -> None:
    """Put *child* into *parent* before the first child named one of *names* (else last)."""
    tags = {qn(f"w:{n}") for n in names}
    for el in parent:
        if el.tag in tags:
            el.addprevious(child)
            return
    parent.append(child)


def _bookmark(body: etree._Element, namn: str) -> None:
    """A bookmark called *namn* around the start of the body's first paragraph."""
    p = body.find(qn("w:p"))
    if p is None:
        p = etree.Element(qn("w:p"))
        body.insert(0, p)
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), namn)
    end = etree.Element(qn("w:bookmarkEnd"))
    end.set(qn("w:id"), "0")
    ppr = p.find(qn("w:pPr"))
    index = 0 if ppr is None else list(p).index(ppr) + 1
    p.insert(index, start)
    p.insert(index + 1, end)


def _close_section(body: etree._Element) -> None:
    """End the body's last section at its last paragraph: the body's section properties
    move there, so what is appended next starts a section of its own."""
    sect = body.find(qn("w:sectPr"))
    assert sect is not None
    last = sect.getprevious()
    if last is None or last.tag != qn("w:p") or last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        last = etree.Element(qn("w:p"))
        sect.addprevious(last)
    ppr = last.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        last.insert(0, ppr)
    body.remove(sect)
    _before_first(ppr, sect, ("pPrChange",))


def _copy_part(composer: Any, doc: Any, rel: Any) -> str:
    """A header or footer part of *doc* copied into the composed document (styles mapped,
    its own images along); the new relationship's id."""
    kalla = rel.target_part
    innehall = parse_xml(kalla.blob)
    composer.add_styles(doc, innehall)
    package = composer.doc.part.package
    stam, _, andelse = str(kalla.partname).rpartition(".")
    stam = stam.rstrip("0123456789")
    tagna = {str(p.partname) for p in package.iter_parts()}
    nummer = next(n for n in range(1, len(tagna) + 2) if f"{stam}{n}.{andelse}" not in tagna)
    blob = etree.tostring(innehall, xml_declaration=True, encoding="UTF-8", standalone=True)
    ny = PartFactory(PackURI(f"{stam}{nummer}.{andelse}"), kalla.content_type, rel.reltype, blob, package)
    for egen in sorted(kalla.rels.values(), key=lambda r: int(r.rId.removeprefix("rId") or 0)):
        composer.add_relationship(kalla, ny, egen)
    return str(composer.doc.part.relate_to(ny, rel.reltype))


def _take_section(composer: Any, doc: Any) -> None:
    """The composed body's section properties become *doc*'s, with its headers and footers."""
    body = composer.doc.element.body
    egen = deepcopy(doc.element.body.find(qn("w:sectPr")))
    for ref in egen.findall(qn("w:headerReference")) + egen.findall(qn("w:footerReference")):
        ref.set(qn("r:id"), _copy_part(composer, doc, doc.part.rels[ref.get(qn("r:id"))]))
    typ = egen.find(qn("w:type"))
    if typ is None:
        typ = etree.Element(qn("w:type"))
        _before_first(egen, typ, _EFTER_TYP)
    typ.set(qn("w:val"), "nextPage")
    sidnummer = egen.find(qn("w:pgNumType"))
    if sidnummer is None:
        sidnummer = etree.Element(qn("w:pgNumType"))
        _before_first(egen, sidnummer, _EFTER_SIDNUMMER)
    if sidnummer.get(qn("w:start")) is None:
        sidnummer.set(qn("w:start"), "1")
    gammal = body.find(qn("w:sectPr"))
    if gammal is not None:  # docxcompose appends before the body's section properties, if any
        body.remove(gammal)
    body.append(egen)


def _has_numbering(doc: Any) -> bool:
    try:
        doc.part.numbering_part  # noqa: B018 - raises when the part is missing
    except NotImplementedError:
        return False
    return True


def _page_break(doc: Any) -> None:
    body = doc.element.body
    p = etree.Element(qn("w:p"))
    r = etree.SubElement(p, qn("w:r"))
    etree.SubElement(r, qn("w:br")).set(qn("w:type"), "page")
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(p)
    else:
        body.append(p)
