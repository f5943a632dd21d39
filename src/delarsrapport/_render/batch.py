"""Rendering many reports at once, over a pool of processes.

Each report is loaded, checked and rendered in a worker process and written as one set
into its own folder, ``OUT/<file name without suffix>/``, so reports never share or mix
files. A failing report (bad data, a template error, a full disk) is recorded with its
file and message; the others go on. The layout's templates are prepared before the pool
starts, so forked workers begin with them ready.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

import attrs

from delarsrapport._check import check
from delarsrapport._check.koder import Severity
from delarsrapport._errors import DelarsrapportError, WriteError
from delarsrapport._load import load
from delarsrapport._model.rapport import DOKUMENTSLAG
from delarsrapport._render.engine import prepare
from delarsrapport._render.layout import Layout, load_layout
from delarsrapport._render.render import render

__all__ = ["Resultat", "render_many", "report_files"]

_SUFFIX = (".yaml", ".yml", ".json")


@attrs.frozen(kw_only=True)
class Resultat:
    """What became of one report in a batch."""

    fil: Path
    """The report file."""
    mapp: Path
    """The folder its documents were written to."""
    dokument: tuple[Path, ...] = ()
    """The documents written, in order; empty when it failed or was refused."""
    antal_fel: int = 0
    """How many fel the check found (the documents show the computed figures anyway)."""
    problem: str | None = None
    """Why nothing was written: the error's message, or that ``strict`` refused it."""

    @property
    def ok(self) -> bool:
        """Whether the documents were written."""
        return self.problem is None


def report_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The report files named by *paths*: files as given, folders as their YAML and JSON files."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in _SUFFIX and f.is_file()))
        else:
            files.append(p)
    return files


def _one(fil: Path, layout: str | Path | Layout, mapp: Path, strict: bool, excel: bool) -> Resultat:
    try:
        rapport = load(fil, excel_radbrytningar=excel)
        antal_fel = sum(f.severity is Severity.FEL for f in check(rapport))
        if strict and antal_fel:
            return Resultat(
                fil=fil, mapp=mapp, antal_fel=antal_fel, problem=f"{antal_fel} fel i kontrollen (--strict)"
            )
        paths = render(rapport, layout=layout, out_dir=mapp)
    except DelarsrapportError as exc:
        return Resultat(fil=fil, mapp=mapp, problem=str(exc))
    return Resultat(fil=fil, mapp=mapp, dokument=tuple(paths), antal_fel=antal_fel)


def _warm(layout: Layout) -> None:
    inst = layout.installningar
    for slag in DOKUMENTSLAG:
        prepare(layout.mall(slag), inst.talstil, inst.stilar, inst.typografi)


def render_many(
    files: Sequence[str | os.PathLike[str]],
    *,
    layout: str | Path = "uppsala",
    out_dir: str | os.PathLike[str],
    jobs: int | None = None,
    strict: bool = False,
    excel_radbrytningar: bool = False,
    progress: Callable[[Resultat], None] | None = None,
) -> list[Resultat]:
    """Render every report of *files* (files or folders) into ``out_dir/<name>/``; one result each.

    *jobs* worker processes share the work (default: one per core; 1 renders in this
    process). *progress* is called with each result as it is done. Results come back in
    the order of *files*. A failing report does not stop the others; see
    :attr:`Resultat.problem`.
    """
    reports = report_files(files)
    out = Path(out_dir)
    stems: dict[str, Path] = {}
    for fil in reports:
        if fil.stem in stems:
            raise WriteError(
                f"{stems[fil.stem]} och {fil} skulle skrivas till samma mapp {out / fil.stem}; "
                "byt namn på den ena filen",
                folder=out / fil.stem,
            )
        stems[fil.stem] = fil
    lay = load_layout(layout)
    _warm(lay)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(reports) or 1))
    results: dict[Path, Resultat] = {}
    if workers == 1:
        for fil in reports:
            results[fil] = _one(fil, lay, out / fil.stem, strict, excel_radbrytningar)
            if progress is not None:
                progress(results[fil])
    else:
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: dict[Future[Resultat], Path] = {
                pool.submit(_one, fil, lay.katalog, out / fil.stem, strict, excel_radbrytningar): fil
                for fil in reports
            }
            for future in as_completed(futures):
                fil = futures[future]
                try:
                    results[fil] = future.result()
                except Exception as exc:  # a worker that died: report it with its file
                    results[fil] = Resultat(
                        fil=fil, mapp=out / fil.stem, problem=f"{type(exc).__name__}: {exc}"
                    )
                if progress is not None:
                    progress(results[fil])
    return [results[fil] for fil in reports]
