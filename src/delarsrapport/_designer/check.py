"""Checking a layout without report data: what ``delarsrapport layout check`` reports.

A template designer edits the .docx templates of a layout in Word. Most mistakes only
show when a report is rendered, one at a time. :func:`check_layout` finds them all at
once, without data, and says for each the template file, the part, the paragraph or
table cell with its visible text, what is wrong and what to do, in Swedish.

Each template is checked by the same rules the render engine applies before it renders
(:mod:`~delarsrapport._designer.mall`): what this check calls an error (``fel``), a render
refuses with the same message. Before patching, every paragraph of the Word XML gets a
marker attribute, so that each Jinja tag in the patched source can be traced back to the
paragraph the designer wrote it in, also for ``{%p``/``{%tr``/``{%tc`` tags whose
paragraph or row docxtpl replaces. The checks then run on four levels:

- the Word XML (:mod:`~delarsrapport._designer.taggar`: tags split across runs, and
  formatting that changes inside a tag, unbalanced delimiters, ``{%tr``/``{%tc``/``{%p``
  in the wrong place or with text that would be lost);
- each tag on its own and the nesting of blocks (:mod:`~delarsrapport._designer.syntax`:
  syntax, every error with its place, and blocks that open in one table, row or cell and
  close in another);
- the tables (:mod:`~delarsrapport._designer.tabeller`): rows a ``{%tr for %}`` repeats
  that do not use its variable, and columns without a field or content;
- the Jinja syntax tree against the designer contract
  (:mod:`~delarsrapport._designer.kontrakt`): variables, fields (with the type of every
  loop variable inferred from what it iterates, and of every macro argument from its
  calls), filters and their arguments, and constructs the sandbox refuses or that would
  bypass escaping.

The settings file is read first (:mod:`~delarsrapport._designer.installningar`), and last
its ``visa`` choices are compared with what the templates read. A layout without errors is
then rendered with a probe report, and every input field it never prints is a warning
unless its settings say why (:mod:`~delarsrapport._designer.visas_inte`).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Final

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallfynd, Mallkod, Protokoll, Samlare
from delarsrapport._designer.installningar import granska_olasta, las_installningar
from delarsrapport._designer.mall import granska_mall
from delarsrapport._designer.visas_inte import granska_visas
from delarsrapport._model.rapport import DOKUMENTSLAG, VALFRIA_DOKUMENTSLAG

__all__ = ["check_layout"]

_F: Final = Severity.FEL


def check_layout(katalog: Path) -> list[Mallfynd]:
    """Check the layout in folder *katalog* without report data; return every finding.

    Findings come in a stable order: the settings file first, then the templates in the
    order of the document kinds (the optional cover of the combined handling, checked when
    the layout has it, last), and within a template by part (body, headers, footers,
    footnotes) and position. An empty list means the layout is fine to render with.
    """
    katalog = Path(katalog)
    samlare = Samlare()
    if not katalog.is_dir():
        samlare.lagg_till(
            (0, 0, 0, 0),
            Mallfynd(
                _F,
                Mallkod.MALL_SAKNAS,
                katalog.name or str(katalog),
                "layoutmappen",
                f"layoutmappen {katalog} finns inte",
                "ange sökvägen till en mapp med de fem mallarna och installningar.yaml",
                stalle="layoutmappen",
            ),
        )
        return samlare.sorterade()
    installningar = las_installningar(katalog, samlare)
    kanda = (*DOKUMENTSLAG, *VALFRIA_DOKUMENTSLAG)
    ovriga = sorted(
        p.name for p in katalog.glob("*.docx") if not p.name.startswith("~$") and p.stem not in kanda
    )
    alla = True
    for ordning, slag in enumerate(kanda, start=1):
        path = katalog / f"{slag}.docx"
        if slag in VALFRIA_DOKUMENTSLAG and not path.is_file():
            continue
        if not path.is_file():
            alla = False
            liknande = difflib.get_close_matches(
                path.name.lower(), [o.lower() for o in ovriga], n=1, cutoff=0.6
            )
            tips = ""
            if liknande:
                namn = next(o for o in ovriga if o.lower() == liknande[0])
                tips = f"; byt namn på {namn} till {path.name} om det är den mallen"
            samlare.lagg_till(
                (ordning, 0, 0, 0),
                Mallfynd(
                    _F,
                    Mallkod.MALL_SAKNAS,
                    path.name,
                    f"layoutmappen {katalog.name}",
                    f"mallen för dokumentslaget {slag} saknas (filen {path.name})",
                    f"lägg mallen {path.name} i layoutmappen, till exempel en kopia från "
                    f"templates/uppsala{tips}",
                    stalle=f"layoutmappen {katalog.name}",
                ),
            )
            continue
        stilar = installningar.stilar if installningar is not None else None
        protokoll = Protokoll(path.name, samlare, ordning)
        try:
            data = path.read_bytes()
        except OSError as exc:
            protokoll.filfynd(
                Mallkod.MALL_OLASBAR,
                "hela filen",
                f"filen går inte att läsa ({exc.strerror})",
                "kontrollera att filen finns och att du har rätt att läsa den, och kör kontrollen igen",
            )
            continue
        granska_mall(path.name, data, slag, stilar, protokoll)
    if alla:
        granska_olasta(katalog, samlare)
    # What the layout prints is measured by rendering, so only a layout that renders.
    if alla and installningar is not None and not any(f.severity is _F for _n, _i, f in samlare.fynd):
        granska_visas(katalog, samlare)
    return samlare.sorterade()
