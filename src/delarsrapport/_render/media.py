"""Images a render adds to its document: collected while the template renders, packed after.

The ``stycken`` filter draws a chart while the body renders; the picture cannot go into
the XML, so the filter hands its bytes to the render's :class:`Mediasamling` and writes
a reference to it. When the document is packed, :func:`packa` adds each image as a
``word/media/…`` member, its relationship to the part that shows it, and the content
type for PNG. Names, relationship ids and drawing ids come from the images' order in the
document, so the same report always gives the same bytes.

The collection of the render in progress lives in a context variable, not in a module
global: renders in other threads (or tasks) each see their own.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import PurePosixPath
from typing import Final

import attrs
from lxml import etree

from delarsrapport._errors import RenderError
from delarsrapport._render.package import Member, compress

__all__ = ["Bild", "Mediasamling", "lagg_till", "packa", "samla"]

_PR: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_BILD_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_STRICT: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)

#: Drawing ids (``wp:docPr/@id``) of the images delarsrapport adds start here, far above
#: what a template's own pictures (a logo in the header) use, so they never collide.
DOCPR_START: Final = 900_000


@attrs.frozen
class Bild:
    """One image of a rendered document: its place in document order, its bytes and the part
    (``word/document.xml``) that shows it."""

    nummer: int
    data: bytes
    del_: str

    @property
    def filnamn(self) -> str:
        """The member's file name: ``delarsrapport-diagram1.png``."""
        return f"delarsrapport-diagram{self.nummer}.png"

    @property
    def namn(self) -> str:
        """The zip member: ``word/media/delarsrapport-diagram1.png``."""
        return str(PurePosixPath(self.del_).parent / "media" / self.filnamn)

    @property
    def rid(self) -> str:
        """The relationship id the part refers to it by."""
        return f"rIdDelarsrapportBild{self.nummer}"

    @property
    def docpr(self) -> int:
        """The drawing's id, unique in the document."""
        return DOCPR_START + self.nummer


class Mediasamling:
    """The images one render adds, in the order the template wrote them."""

    __slots__ = ("bilder", "del_")

    def __init__(self) -> None:
        self.bilder: list[Bild] = []
        self.del_: str | None = None
        """The part being rendered."""

    def lagg_till(self, data: bytes) -> Bild:
        """Add an image shown by the part being rendered; its number is its place in the document."""
        if self.del_ is None or not self.del_.endswith("document.xml"):
            raise RenderError(
                f"ett diagram kan bara stå i dokumentets brödtext, inte i {self.del_ or 'den här delen'}; "
                "flytta texten med diagrammet till brödtexten"
            )
        bild = Bild(len(self.bilder) + 1, data, self.del_)
        self.bilder.append(bild)
        return bild


_SAMLING: ContextVar[Mediasamling | None] = ContextVar("delarsrapport_media", default=None)


@contextmanager
def samla() -> Iterator[Mediasamling]:
    """Collect the images of the render inside the ``with`` block."""
    samling = Mediasamling()
    token = _SAMLING.set(samling)
    try:
        yield samling
    finally:
        _SAMLING.reset(token)


def lagg_till(data: bytes) -> Bild:
    """Add *data* (a PNG) to the render in progress; RenderError outside a render."""
    samling = _SAMLING.get()
    if samling is None:
        raise RenderError("ett diagram kan bara ritas medan ett dokument renderas")
    return samling.lagg_till(data)


def packa(members: list[Member], bilder: tuple[Bild, ...]) -> list[Member]:
    """*members* with *bilder* added: the media members, each part's relationships and the PNG
    content type; the order stays ``[Content_Types].xml``, ``_rels/.rels``, then by name."""
    if not bilder:
        return members
    by_name = {m.name: m for m in members}
    for del_ in dict.fromkeys(b.del_ for b in bilder):
        p = PurePosixPath(del_)
        rels_namn = str(p.parent / "_rels" / f"{p.name}.rels")
        rels = (
            _xml(by_name[rels_namn])
            if rels_namn in by_name
            else etree.fromstring(f'<Relationships xmlns="{_PR}"/>'.encode())
        )
        for b in bilder:
            if b.del_ == del_:
                rel = etree.SubElement(rels, f"{{{_PR}}}Relationship")
                rel.set("Id", b.rid)
                rel.set("Type", _BILD_REL)
                rel.set("Target", f"media/{b.filnamn}")
        by_name[rels_namn] = compress(rels_namn, _bytes(rels))
    typer = _xml(by_name["[Content_Types].xml"])
    if not any((d.get("Extension") or "").lower() == "png" for d in typer.iter(f"{{{_CT}}}Default")):
        default = etree.Element(f"{{{_CT}}}Default")
        default.set("Extension", "png")
        default.set("ContentType", "image/png")
        typer.insert(0, default)
    by_name["[Content_Types].xml"] = compress("[Content_Types].xml", _bytes(typer))
    for b in bilder:
        by_name[b.namn] = compress(b.namn, b.data)
    forst = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in by_name]
    return [by_name[n] for n in (*forst, *sorted(n for n in by_name if n not in forst))]


def _xml(m: Member) -> etree._Element:
    return etree.fromstring(zlib.decompress(m.data, -15), parser=_STRICT)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
