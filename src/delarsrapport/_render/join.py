"""Joining rendered documents into one: the parts of a compound bilaga.

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
import zipfile
from typing import Any, Final

import docx
import docx.oxml.ns
import docxcompose.composer
from docx.oxml.ns import qn
from lxml import etree

from delarsrapport._render.engine import Karnegenskaper, check_part
from delarsrapport._render.package import Member, compress, write_zip

__all__ = ["join"]

# Importing docxcompose rebinds python-docx's global "cp" prefix to the custom-properties
# namespace; python-docx's own core-properties code needs the core namespace there. Set
# it back once; nothing of docxcompose we call reads it.
docx.oxml.ns.nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

_CORE: Final = "docProps/core.xml"


def join(documents: list[bytes], egenskaper: Karnegenskaper) -> bytes:
    """One document of *documents* in order, each after a page break, with *egenskaper*."""
    master = docx.Document(io.BytesIO(documents[0]))
    composer = docxcompose.composer.Composer(master)
    for data in documents[1:]:
        _page_break(composer.doc)
        composer.append(docx.Document(io.BytesIO(data)), remove_property_fields=False)
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
