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

import struct
import zlib
from collections.abc import Iterable
from typing import Final

import attrs

__all__ = ["DEFLATE_LEVEL", "Member", "compress", "write_zip"]

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
