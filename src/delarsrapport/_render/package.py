"""The .docx package as bytes: a deterministic zip of parts, some compressed long before.

A rendered document is mostly its template's static parts (styles, theme, fonts: about
800 kB that never change) and a few rendered ones (the body, headers, footers). The
static parts are compressed once, when a template is prepared; a render compresses only
what it rendered and writes the zip around them.

Python's :mod:`zipfile` cannot take data that is already compressed, so the zip
container is written here by hand: a local header and the deflated data per member,
then the central directory. Every member gets the same fixed time (1980-01-01, the
earliest a zip can say) and Unix mode 0644, and members are written in the order given,
so the same parts always give the same bytes.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Final

import attrs
from lxml import etree

from delarsrapport._errors import RenderError
from delarsrapport._render.wordxml import qn

__all__ = ["DEFLATE_LEVEL", "Member", "compress", "part_name", "validate_package", "write_zip"]

DEFLATE_LEVEL: Final = 6
"""The deflate level of parts compressed at render time (see docs/prestanda.md).

Level 6 (zlib's default) takes about a third of level 9's time on a large body part and
gives 1–7 % larger output; level 1 halves the time again but the part grows by a quarter.
Static parts are compressed once, at level 9, when a template is prepared."""

_DOS_TIME: Final = 0
_DOS_DATE: Final = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_VERSION: Final = 20  # 2.0: deflate
_MADE_BY: Final = (3 << 8) | _VERSION  # Unix, so that the mode below is read
_MODE: Final = 0o100644 << 16  # a regular file, rw-r--r--
_UTF8: Final = 0x0800


@attrs.frozen
class Member:
    """One zip member, compressed: its name, the raw deflate stream, CRC-32 and size."""

    name: str
    data: bytes
    crc: int
    size: int


def compress(name: str, raw: bytes, level: int = DEFLATE_LEVEL) -> Member:
    """*raw* as a zip member called *name*, deflated at *level*."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Member(name, packer.compress(raw) + packer.flush(), zlib.crc32(raw), len(raw))


def write_zip(members: Iterable[Member]) -> bytes:
    """The zip archive of *members*, in the order given, with fixed times and modes."""
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for m in members:
        name = m.name.encode("utf-8")
        flags = 0 if name.isascii() else _UTF8
        local = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            _VERSION,
            flags,
            zlib.DEFLATED,
            _DOS_TIME,
            _DOS_DATE,
            m.crc,
            len(m.data),
            m.size,
            len(name),
            0,
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                _MADE_BY,
                _VERSION,
                flags,
                zlib.DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                m.crc,
                len(m.data),
                m.size,
                len(name),
                0,
                0,
                0,
                0,
                _MODE,
                offset,
            )
            + name
        )
        chunks += (local, name, m.data)
        offset += len(local) + len(name) + len(m.data)
        count += 1
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(chunks) + directory + end


# -- the whole package, as a reader would see it ------------------------------------------

_STRICT: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)

_KARNA_NS: Final = frozenset(
    {
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
)


def _check_core(root: etree._Element) -> None:
    """The core properties hold a title and language, each property once, in its own namespace."""
    seen: set[str] = set()
    for child in root:
        tag = etree.QName(child)
        if tag.namespace not in _KARNA_NS:
            raise RenderError(f"kärnegenskapen {tag.localname} står i fel namnrymd ({tag.namespace})")
        if tag.localname in seen:
            raise RenderError(f"kärnegenskapen {tag.localname} förekommer två gånger")
        seen.add(tag.localname)
    for krav in ("title", "language"):
        el = root.find(f"{{http://purl.org/dc/elements/1.1/}}{krav}")
        if el is None or not (el.text or "").strip():
            raise RenderError(f"dokumentet saknar kärnegenskapen {krav}")


def validate_package(data: bytes) -> None:
    """Check a produced package before it is written: zip, every XML part, structure.

    Raises :class:`RenderError` saying what is wrong.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"dokumentet är ingen giltig zip-fil: {exc}") from None
    with zf:
        bad = zf.testzip()
        if bad is not None:
            raise RenderError(f"delen {bad} i dokumentet är skadad")
        names = set(zf.namelist())
        for required in (
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "docProps/core.xml",
        ):
            if required not in names:
                raise RenderError(f"dokumentet saknar delen {required}")
        for name in sorted(names):
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                etree.fromstring(zf.read(name), parser=_STRICT)
            except etree.XMLSyntaxError as exc:
                raise RenderError(f"delen {name} är inte giltig XML: {exc}") from None
        body = etree.fromstring(zf.read("word/document.xml"), parser=_STRICT).find(qn("w:body"))
        if body is None or body.find(qn("w:sectPr")) is None:
            raise RenderError("dokumentets brödtext eller sektionsinställningar saknas")
        if body.find(f".//{qn('w:p')}") is None:
            raise RenderError("dokumentet har inga stycken")
        _check_core(etree.fromstring(zf.read("docProps/core.xml"), parser=_STRICT))
        for name in sorted(names):
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                text = "".join(str(t) for t in etree.fromstring(zf.read(name), parser=_STRICT).itertext())
                m = re.search(r"\{\{|\{%|%\}|\}\}", text)
                if m:
                    raise RenderError(
                        f"{name} innehåller en malltagg som inte renderades: "
                        f"…{text[max(0, m.start() - 40) : m.end() + 40]}…"
                    )
        for rels in sorted(n for n in names if n.endswith(".rels")):
            base = rels.replace("_rels/", "").removesuffix(".rels")
            folder = base.rsplit("/", 1)[0] if "/" in base else ""
            for rel in etree.fromstring(zf.read(rels), parser=_STRICT):
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target", "")
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else os.path.normpath(f"{folder}/{target}" if folder else target)
                )
                if path not in names:
                    raise RenderError(f"{rels} pekar på {target}, som saknas i dokumentet")


def part_name(path: PurePosixPath) -> str:
    """The package part a relationship's target *path* names (``word/../docProps/x`` →
    ``docProps/x``): ``..`` and ``.`` resolved, never above the package's root."""
    parts: list[str] = []
    for bit in path.parts:
        if bit == "..":
            if parts:
                parts.pop()
        elif bit not in (".", ""):
            parts.append(bit)
    return "/".join(parts)
