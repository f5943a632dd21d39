"""The print gate run over sample reports: what ``layout check --utskrift`` does.

Each sample report is rendered with the layout, every document of every sample is
converted to PDF in one LibreOffice call (:func:`~delarsrapport._render.pdf.convert`,
with the tables of contents given their page numbers), and each PDF is checked against
its .docx by :func:`~delarsrapport._designer.utskrift.granska_pdf`. Without samples of
their own the bundled ones are used: the four real reports the library is built on, so a
designer's layout meets the same pages the shipped layouts do.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Sequence
from pathlib import Path

from delarsrapport._designer.utskrift import Utskriftsfynd, granska_pdf
from delarsrapport._load import load
from delarsrapport._render.layout import Layout, load_layout
from delarsrapport._render.pdf import TIDSGRANS, konvertera_med_innehall
from delarsrapport._render.render import render_bytes
from delarsrapport._render.typografi import Typografi

__all__ = ["exempelrapporter", "granska_utskrift"]


def _exempelkatalog() -> Path:
    packaged = Path(str(importlib.resources.files("delarsrapport"))) / "samples"
    if packaged.is_dir():
        return packaged
    # An editable install of the source tree: the samples live at the repository's top.
    return Path(__file__).resolve().parents[3] / "samples"


def exempelrapporter() -> list[Path]:
    """The sample reports that ship with the library, in name order."""
    katalog = _exempelkatalog()
    return sorted(p for p in katalog.glob("*.yaml") if p.is_file())


def granska_utskrift(
    layout: str | Path | Layout,
    prov: Sequence[Path] | None = None,
    *,
    tidsgrans: float = TIDSGRANS,
) -> list[Utskriftsfynd]:
    """The print gate's findings for *layout* over the reports *prov* (default: the bundled
    samples), in report and document order.

    Every table is held to the layout's ``typografi.hall_ihop_tabeller`` rows (the
    default when the layout turns it off), whatever else the layout turns off: the gate
    checks the pages, not the settings. Raises
    :class:`~delarsrapport.RenderError` when LibreOffice is missing or fails.
    """
    lay = layout if isinstance(layout, Layout) else load_layout(layout)
    rader = lay.installningar.typografi.hall_ihop_tabeller or Typografi().hall_ihop_tabeller
    filer = list(prov) if prov is not None else exempelrapporter()
    dokument: list[tuple[str, str, bytes]] = []
    for fil in filer:
        for d in render_bytes(load(fil), layout=lay):
            dokument.append((fil.name, d.filnamn, d.data))
    pdfer = konvertera_med_innehall([(namn, data) for _r, namn, data in dokument], tidsgrans=tidsgrans)
    fynd: list[Utskriftsfynd] = []
    for (rapport, namn, data), pdf in zip(dokument, pdfer, strict=True):
        fynd += granska_pdf(data, pdf, dokument=namn, rapport=rapport, hall_ihop_tabeller=rader)
    return fynd
