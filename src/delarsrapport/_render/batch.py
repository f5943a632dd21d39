"""Rendering many reports at once, over a pool of processes.

Each report is loaded, checked and rendered in a worker process and written as one set
into its own folder, ``OUT/<file name without suffix>/``, so reports never share or mix
files. A failing report (bad data, a template error, a full disk) is recorded with its
file and message; the others go on. The layout's templates are prepared before the pool
starts, so forked workers begin with them ready.

With PDF, the workers render the documents and hand them back; the PDFs are then made by
one LibreOffice per worker, each converting its share of all the reports' documents in
one call (:func:`~delarsrapport._render.pdf.med_pdf`), and each report's set is written
with its PDFs.
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
from delarsrapport._model.rapport import DOKUMENTSLAG, VALFRIA_DOKUMENTSLAG
from delarsrapport._render.engine import prepare
from delarsrapport._render.layout import Layout, load_layout
from delarsrapport._render.output import write_set
from delarsrapport._render.render import beskrivning, fingeravtryck, render, render_bytes

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


_Dokument = tuple[dict[str, object], list[tuple[str, bytes]]]
"""A rendered report handed back for its PDFs: its manifest description and its documents."""


@attrs.frozen
class _Satt:
    """How every report of a batch is rendered."""

    layout: str | Path | Layout
    strict: bool
    excel: bool
    samlad: bool = False
    pdf: bool = False


def _one(fil: Path, mapp: Path, satt: _Satt) -> tuple[Resultat, _Dokument | None]:
    """Load, check and render one report; with PDF, its documents instead of writing them."""
    try:
        rapport = load(fil, excel_radbrytningar=satt.excel)
        antal_fel = sum(f.severity is Severity.FEL for f in check(rapport))
        if satt.strict and antal_fel:
            problem = f"{antal_fel} fel i kontrollen (--strict)"
            return Resultat(fil=fil, mapp=mapp, antal_fel=antal_fel, problem=problem), None
        if satt.pdf:
            lay = load_layout(satt.layout) if not isinstance(satt.layout, Layout) else satt.layout
            dokument = render_bytes(rapport, layout=lay, samlad=satt.samlad)
            rendered = (beskrivning(rapport, lay, []), [(d.filnamn, d.data) for d in dokument])
            return Resultat(fil=fil, mapp=mapp, antal_fel=antal_fel), rendered
        paths = render(rapport, layout=satt.layout, out_dir=mapp, samlad=satt.samlad)
    except DelarsrapportError as exc:
        return Resultat(fil=fil, mapp=mapp, problem=str(exc)), None
    return Resultat(fil=fil, mapp=mapp, dokument=tuple(paths), antal_fel=antal_fel), None


def _warm(layout: Layout) -> None:
    inst = layout.installningar
    for slag in (*DOKUMENTSLAG, *VALFRIA_DOKUMENTSLAG):
        if layout.har_mall(slag):
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
    samlad: bool = False,
    pdf: bool = False,
) -> list[Resultat]:
    """Render every report of *files* (files or folders) into ``out_dir/<name>/``; one result each.

    *jobs* worker processes share the work (default: one per core; 1 renders in this
    process). *progress* is called with each result as it is done. Results come back in
    the order of *files*. A failing report does not stop the others; see
    :attr:`Resultat.problem`. *samlad* and *pdf* are those of :func:`~delarsrapport.render`;
    with *pdf*, *jobs* LibreOffice processes make the PDFs once every report is rendered,
    and *progress* is called when a report's set is written.
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
    rendered: dict[Path, _Dokument] = {}
    meddela = None if pdf else progress

    def klar(fil: Path, utfall: tuple[Resultat, _Dokument | None]) -> None:
        results[fil], dokument = utfall
        if dokument is not None:
            rendered[fil] = dokument
        if meddela is not None:
            meddela(results[fil])

    if workers == 1:
        satt = _Satt(lay, strict, excel_radbrytningar, samlad, pdf)
        for fil in reports:
            klar(fil, _one(fil, out / fil.stem, satt))
    else:
        satt = _Satt(lay.katalog, strict, excel_radbrytningar, samlad, pdf)
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures: dict[Future[tuple[Resultat, _Dokument | None]], Path] = {
                pool.submit(_one, fil, out / fil.stem, satt): fil for fil in reports
            }
            for future in as_completed(futures):
                fil = futures[future]
                try:
                    klar(fil, future.result())
                except Exception as exc:  # a worker that died: report it with its file
                    problem = f"{type(exc).__name__}: {exc}"
                    klar(fil, (Resultat(fil=fil, mapp=out / fil.stem, problem=problem), None))
    if pdf and rendered:
        _write_with_pdf(rendered, results, samlad=samlad, workers=workers, progress=progress)
    return [results[fil] for fil in reports]


def _write_with_pdf(
    rendered: dict[Path, _Dokument],
    results: dict[Path, Resultat],
    *,
    samlad: bool,
    workers: int,
    progress: Callable[[Resultat], None] | None,
) -> None:
    """Make the PDFs of every rendered report with *workers* LibreOffice processes, then write each set."""
    from delarsrapport._render.pdf import med_pdf

    filer = list(rendered)
    try:
        grupper = med_pdf([rendered[f][1] for f in filer], samlad=samlad, arbetare=workers)
    except DelarsrapportError as exc:
        for fil in filer:
            results[fil] = attrs.evolve(results[fil], problem=str(exc))
            if progress is not None:
                progress(results[fil])
        return
    for fil, dokument in zip(filer, grupper, strict=True):
        resultat = results[fil]
        try:
            description = {**rendered[fil][0], "uppsattning": fingeravtryck(dokument)}
            paths = write_set(resultat.mapp, dokument, description=description)
            results[fil] = attrs.evolve(resultat, dokument=tuple(paths))
        except DelarsrapportError as exc:
            results[fil] = attrs.evolve(resultat, problem=str(exc))
        if progress is not None:
            progress(results[fil])
