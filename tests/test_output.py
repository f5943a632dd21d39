"""A report's documents are written as one set: a kill, a full disk or a second writer
never leaves a tjänsteskrivelse of one version beside bilagor of another."""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from delarsrapport import WriteError
from delarsrapport._render import output
from delarsrapport._render.output import JOURNAL, MANIFEST, TMP_PREFIX, read_manifest, recover, write_set

GAMMAL = [
    ("1-tjansteskrivelse.docx", b"gammal ts"),
    ("1-bilaga-1.docx", b"gammal b1"),
    ("1-bilaga-2.docx", b"gammal b2"),
]
NY = [("1-tjansteskrivelse.docx", b"ny ts"), ("1-bilaga-1.docx", b"ny b1"), ("1-bilaga-3.docx", b"ny b3")]


def _set(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def _is_complete(folder: Path, documents: list[tuple[str, bytes]]) -> bool:
    manifest = read_manifest(folder)
    return (
        manifest is not None
        and _set(folder) == {**dict(documents), "främmande.txt": b"mitt"}
        and [d["fil"] for d in manifest["dokument"]] == [n for n, _ in documents]  # type: ignore[index]
        and all(
            d["sha256"] == hashlib.sha256(data).hexdigest()  # type: ignore[index]
            for d, (_, data) in zip(manifest["dokument"], documents, strict=True)  # type: ignore[arg-type]
        )
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    ut = tmp_path / "ut"
    write_set(ut, GAMMAL, description={"rapport": "gammal"})
    (ut / "främmande.txt").write_bytes(b"mitt")  # not ours: never touched
    return ut


_OPERATIONS = ("open", "write", "fsync", "replace", "unlink", "close")


def _counting(fail: Callable[[], None], at: int) -> Iterator[None]:
    """Wrap the output module's file operations so that the at-th one calls *fail* instead."""
    count = 0
    originals = {name: getattr(os, name) for name in _OPERATIONS}

    def wrap(name: str) -> Callable[..., object]:
        def op(*args: object, **kwargs: object) -> object:
            nonlocal count
            count += 1
            if count == at:
                fail()
            return originals[name](*args, **kwargs)

        return op

    for name in _OPERATIONS:
        setattr(output.os, name, wrap(name))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, fn in originals.items():
            setattr(output.os, name, fn)


def _killed_at(folder: Path, at: int) -> bool:
    """Write the new set in a forked child that dies (os._exit) at operation *at*; True if it finished."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        gen = _counting(lambda: os._exit(9), at)
        next(gen)
        try:
            write_set(folder, NY, description={"rapport": "ny"})
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def test_a_kill_at_every_point_leaves_one_whole_set(folder: Path) -> None:
    """Killed at each file operation from the first temporary file to the last rename:
    after recover() (which every later write does first) the folder holds the whole old set or
    the whole new one, and no temporary files; before the commit point it holds the old set."""
    seen_old = seen_new = 0
    at = 1
    while True:
        before = {p.name: p.read_bytes() for p in folder.iterdir()}
        finished = _killed_at(folder, at)
        if not (folder / JOURNAL).exists():
            # Not yet committed (or all done): the documents are one whole set as they stand.
            assert _is_complete(folder, GAMMAL) or _is_complete(folder, NY), at
        recover(folder)
        assert not list(folder.glob(f"{TMP_PREFIX}*")) and not (folder / JOURNAL).exists()
        if _is_complete(folder, GAMMAL):
            seen_old += 1
        else:
            assert _is_complete(folder, NY), at
            seen_new += 1
            # back to the old set for the next kill point
            write_set(folder, GAMMAL, description={"rapport": "gammal"})
        assert {p.name for p in folder.iterdir()} == set(before)
        if finished:
            break
        at += 1
    assert seen_old > 5 and seen_new > 3  # both sides of the commit point were hit


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_full_or_read_only_disk_is_a_write_error_naming_the_folder(folder: Path, code: int) -> None:
    """A disk error at any point before the commit leaves the old set and no temporary files."""
    for at in range(1, 12):

        def fail(code: int = code) -> None:
            raise OSError(code, os.strerror(code))

        gen = _counting(fail, at)
        next(gen)
        try:
            with pytest.raises(WriteError) as info:
                write_set(folder, NY, description={"rapport": "ny"})
        finally:
            gen.close()
        assert info.value.folder == folder and str(folder) in str(info.value)
        assert _is_complete(folder, GAMMAL)
        assert not list(folder.glob(f"{TMP_PREFIX}*"))


def test_the_message_says_what_a_full_disk_means(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "write", full)
    with pytest.raises(WriteError, match=r"disken är full\. Inga dokument har bytts ut"):
        write_set(folder, NY, description={})


def test_files_of_an_older_set_go_and_other_files_stay(folder: Path) -> None:
    write_set(folder, NY, description={"rapport": "ny"})
    assert _is_complete(folder, NY)
    assert not (folder / "1-bilaga-2.docx").exists()
    assert json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["rapport"] == "ny"


def _write_many(folder: str, tag: str, n: int) -> None:
    docs = [(name, f"{tag} {name}".encode()) for name, _ in NY]
    for _ in range(n):
        write_set(folder, docs, description={"rapport": tag})


def test_two_writers_into_one_folder_never_mix(tmp_path: Path) -> None:
    """Two processes rewriting one folder 30 times each: every state seen is one whole set."""
    ut = tmp_path / "ut"
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_write_many, args=(str(ut), tag, 30)) for tag in ("A", "B")]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    final = _set(ut)
    tags = {data.split()[0] for data in final.values()}
    assert len(tags) == 1 and set(final) == {n for n, _ in NY}


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_files_get_the_mode_the_umask_gives(tmp_path: Path, umask: int) -> None:
    """Not the private 0600 of a temporary file: 0666 less the umask, also on a second write."""
    old = os.umask(umask)
    try:
        write_set(tmp_path, GAMMAL, description={})
        write_set(tmp_path, NY, description={})
    finally:
        os.umask(old)
    for name, _ in NY:
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / MANIFEST).stat().st_mode) == 0o666 & ~umask
