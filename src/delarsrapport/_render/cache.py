"""A cache of prepared templates on disk, so that a new process need not prepare them again.

Preparing a template (patching its XML, compiling Jinja, compressing its static parts)
takes about a tenth of a second, most of a short command's time. What preparing makes is
kept in ``$XDG_CACHE_HOME/delarsrapport`` (or ``~/.cache/delarsrapport``), one file per
template, under a key made of everything that can change it: the template's bytes, the
layout's number style and styles, and the versions of this package, its engine source,
the template rules (:mod:`delarsrapport._designer`), Jinja, docxtpl, Python and zlib. A
changed template, rule or upgrade simply misses. A template that breaks a rule is
refused before it is prepared, so it is never cached.

The cache changes nothing a render produces: the same prepared state, from disk or not,
gives the same bytes. Set ``DELARSRAPPORT_CACHE`` to a folder to move it, or to ``0`` to
turn it off. Entries are written atomically and anything unreadable is ignored; they are
:mod:`marshal` data (the compiled templates are code objects, as in Python's own
``__pycache__``), so the folder is created private to the user.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import secrets
import sys
import zlib
from functools import cache
from pathlib import Path
from typing import Final

__all__ = ["cache_dir", "key", "read", "write"]

_FORMAT: Final = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    setting = os.environ.get("DELARSRAPPORT_CACHE")
    if setting is not None:
        return None if setting in ("", "0") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "delarsrapport"


@cache
def _versions() -> bytes:
    here = Path(__file__).parent
    parts = [
        str(_FORMAT),
        sys.version,
        zlib.ZLIB_RUNTIME_VERSION,
        *(_version(p) for p in ("delarsrapport", "Jinja2", "docxtpl")),
        # Every module of the render stage: preparing runs more than the engine (the
        # typography rules, the Word-XML helpers, the sandbox, the filters).
        *(hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(here.glob("*.py"))),
        # The rules a template must pass before it is prepared (and cached): a changed
        # rule checks every template again.
        *(
            hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted((here.parent / "_designer").glob("*.py"))
        ),
    ]
    return "\0".join(parts).encode("utf-8")


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a source tree without metadata
        return "?"


def key(template: bytes, settings: str) -> str:
    """The cache key of a template's bytes prepared with *settings* (their repr)."""
    h = hashlib.sha256(_versions())
    h.update(b"\0" + settings.encode("utf-8") + b"\0" + template)
    return h.hexdigest()


def read(nyckel: str) -> dict[str, object] | None:
    """The entry stored under *nyckel*, or None (missing, turned off, unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        entry = marshal.loads((folder / f"{nyckel}.mall").read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return entry if isinstance(entry, dict) and entry.get("format") == _FORMAT else None


def write(nyckel: str, entry: dict[str, object]) -> None:
    """Store *entry* under *nyckel*; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    if folder is None:
        return
    tmp = folder / f".{nyckel}.{secrets.token_hex(4)}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp.write_bytes(marshal.dumps({**entry, "format": _FORMAT}))
        os.replace(tmp, folder / f"{nyckel}.mall")
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)
