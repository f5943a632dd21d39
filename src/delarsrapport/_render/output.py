"""Writing a report's documents into a folder as one set: all of them, or none.

A nämnd must never get a tjänsteskrivelse citing one set of figures with bilagor
showing another. Each file could be replaced atomically by itself, but a set of files
cannot, so the set is written in three steps while the folder is locked against other
writers:

1. every document is written and flushed to disk as a hidden temporary file;
2. a journal naming each temporary file, the name it gets and the files of the old set
   that go is written atomically: this is the commit point;
3. the journal is carried out (renames and removals), the manifest of the new set is
   written, and the journal is removed.

A failure before the commit point leaves the old set as it was (the temporary files are
removed, or, after a kill, by the next write into the folder). A failure after it is
finished by the next write into the folder, or by :func:`recover`, which carries the
journal out again: every step can be repeated. The manifest (``.delarsrapport.json``)
says which report, layout and files the set holds, with a checksum of each file, so a
program can verify a folder before sending it on.

Files in the folder that no manifest names are never touched. Files get the mode any
file a program creates gets (``0666`` less the umask), not the private mode of a
temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import secrets
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

from delarsrapport._errors import WriteError

__all__ = ["JOURNAL", "MANIFEST", "TMP_PREFIX", "read_manifest", "recover", "replace_atomically", "write_set"]

MANIFEST: Final = ".delarsrapport.json"
"""The manifest of the set in a folder: what it holds and each file's checksum."""
JOURNAL: Final = ".delarsrapport-journal.json"
"""The journal of a set being swapped in; present only between the commit point and the end."""
TMP_PREFIX: Final = ".delarsrapport-tmp-"
"""How temporary files start; any such file without a journal is left over from a kill."""

_LOCK_TIMEOUT: Final = 120.0
_FORMAT: Final = 1


def _problem(folder: Path, exc: OSError, doing: str, *, committed: bool = False) -> WriteError:
    reasons = {
        errno.ENOSPC: "disken är full",
        errno.EDQUOT: "diskkvoten är slut",
        errno.EROFS: "mappen ligger på en skrivskyddad disk",
        errno.EACCES: "du saknar skrivrättighet i mappen",
        errno.EPERM: "du saknar skrivrättighet i mappen",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    if committed:
        then = (
            "De nya dokumenten finns kvar på disken; nästa rendering till mappen (eller "
            "delarsrapport.recover) gör klart bytet, så att mappen får hela den nya uppsättningen"
        )
    else:
        then = "Inga dokument har bytts ut; frigör utrymme eller välj en annan mapp med -o och försök igen"
    return WriteError(f"kunde inte {doing} i {folder}: {reason}. {then}", folder=folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new(path: Path, data: bytes) -> None:
    # O_EXCL with mode 0666: the kernel applies the umask, as for any new file.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_atomically(folder: Path, name: str, data: bytes) -> None:
    """Write *data* as *folder*/*name* through a temporary file and a rename: all of it or nothing."""
    tmp = folder / f"{TMP_PREFIX}{secrets.token_hex(8)}"
    try:
        _write_new(tmp, data)
        os.replace(tmp, folder / name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    # The folder itself is locked (flock works on a directory on Linux and the BSDs), so
    # no lock file is left behind.
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + _LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteError(
                        f"en annan körning skriver fortfarande dokument i {folder}; vänta tills den är "
                        "klar eller välj en annan mapp med -o",
                        folder=folder,
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, object] | None:
    """The manifest of the set in *folder*, or None when it holds no set written by delarsrapport."""
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _manifest_files(manifest: Mapping[str, object] | None) -> list[str]:
    if manifest is None:
        return []
    files = manifest.get("dokument")
    if not isinstance(files, list):
        return []
    return [str(f["fil"]) for f in files if isinstance(f, dict) and "fil" in f]


def _carry_out(folder: Path, journal: Mapping[str, object]) -> None:
    """Do what the journal says; every step may already be done (after a kill) and is skipped then."""
    moves = journal.get("flytta", [])
    assert isinstance(moves, list)
    for tmp, final in moves:
        source = folder / str(tmp)
        if source.exists():
            os.replace(source, folder / str(final))
    removals = journal.get("ta_bort", [])
    assert isinstance(removals, list)
    for name in removals:
        (folder / str(name)).unlink(missing_ok=True)
    manifest = journal.get("manifest")
    assert isinstance(manifest, dict)
    replace_atomically(folder, MANIFEST, _json(manifest))
    _fsync_dir(folder)
    (folder / JOURNAL).unlink(missing_ok=True)
    _fsync_dir(folder)


def _recover(folder: Path) -> None:
    journal_path = folder / JOURNAL
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text(encoding="utf-8"))
        except ValueError:  # pragma: no cover - the journal is written atomically
            journal = None
        if isinstance(journal, dict):
            _carry_out(folder, journal)
        else:  # pragma: no cover
            journal_path.unlink()
    for stray in folder.glob(f"{TMP_PREFIX}*"):
        stray.unlink(missing_ok=True)


def recover(folder: str | os.PathLike[str]) -> None:
    """Finish or undo a write into *folder* that a kill or a crash interrupted.

    Every write into a folder does this first, so calling it is only needed to tidy a
    folder no further render will write into.
    """
    path = Path(folder)
    if not path.is_dir():
        return
    try:
        with _locked(path):
            _recover(path)
    except OSError as exc:
        raise _problem(path, exc, "städa upp") from None


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def write_set(
    folder: str | os.PathLike[str],
    documents: Sequence[tuple[str, bytes]],
    *,
    description: Mapping[str, object],
) -> list[Path]:
    """Write *documents* (file name, bytes) into *folder* as one set, replacing the set there.

    *description* goes into the manifest (which report and layout the set comes from).
    Raises :class:`~delarsrapport.WriteError` naming the folder when the disk is full,
    read-only or not writable; the folder then still holds its old set.
    """
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _problem(path, exc, "skapa mappen") from None
    temps: list[Path] = []
    committed = False
    try:
        with _locked(path):
            _recover(path)
            old = _manifest_files(read_manifest(path))
            moves: list[tuple[str, str]] = []
            for name, data in documents:
                tmp = path / f"{TMP_PREFIX}{secrets.token_hex(8)}"
                temps.append(tmp)
                _write_new(tmp, data)
                moves.append((tmp.name, name))
            names = [name for name, _ in documents]
            manifest = {
                "format": _FORMAT,
                **description,
                "dokument": [
                    {"fil": name, "sha256": hashlib.sha256(data).hexdigest()} for name, data in documents
                ],
            }
            journal = {
                "flytta": moves,
                "ta_bort": [n for n in old if n not in names],
                "manifest": manifest,
            }
            _fsync_dir(path)
            replace_atomically(path, JOURNAL, _json(journal))  # the commit point
            committed = True
            _carry_out(path, journal)
    except OSError as exc:
        if not committed:
            for tmp in temps:
                tmp.unlink(missing_ok=True)
        raise _problem(path, exc, "skriva dokumenten", committed=committed) from None
    return [path / name for name, _ in documents]
