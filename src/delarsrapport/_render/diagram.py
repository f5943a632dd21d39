"""Charts drawn from data: a PNG made with matplotlib, and the Word XML that shows it.

The picture is the same bytes on every machine and every run: matplotlib's own defaults
(never a user's ``matplotlibrc``), the DejaVu Sans font file that ships with matplotlib
(never a system font looked up by name), a fixed size and resolution, our own Swedish
tick labels, and no metadata in the file (no software version, no time). matplotlib is
imported when the first chart is drawn, so a report without charts never pays for it
(about half a second), and drawing holds a lock: matplotlib's settings are global.

In the document a chart is a paragraph holding the picture, with alt text stating what
it shows, a caption "Diagram N. …" numbered in document order, and a table with the
values (the ``stycken`` filter puts them together; :func:`ritning` is the picture's run).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final, Protocol

from delarsrapport._render import media
from delarsrapport.formatting import format_tal

__all__ = ["BREDD_EMU", "HOJD_EMU", "Diagramdata", "rita", "ritning"]

#: The picture's size: the text width of an A4 page with 2.5 cm margins (9 070 twentieths
#: of a point, 16 cm) and half that high, in EMU (914 400 to the inch).
BREDD_EMU: Final = 9070 * 635
HOJD_EMU: Final = BREDD_EMU // 2
_DPI: Final = 200
_FARGER: Final = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
"""Okabe and Ito's colours, told apart also by those who do not see red and green."""
_MARKORER: Final = ("o", "s", "^", "D", "v", "P")
_MONSTER: Final = ("", "//", "..", "xx", "\\\\", "--")
"""Bar fill patterns, so that series are told apart in black and white too."""

_LAS: Final = threading.Lock()


class Seriedata(Protocol):
    """What a chart's series has (the view ``SerieVy``)."""

    @property
    def namn(self) -> str: ...
    @property
    def varden(self) -> tuple[Decimal | None, ...]: ...


class Diagramdata(Protocol):
    """What drawing a chart needs (the view ``DiagramVy``)."""

    @property
    def rubrik(self) -> str: ...
    @property
    def typ(self) -> str: ...
    @property
    def enhet(self) -> str: ...
    @property
    def kategorier(self) -> tuple[str, ...]: ...
    @property
    def serier(self) -> Sequence[Seriedata]: ...
    @property
    def budget(self) -> tuple[Decimal | None, ...]: ...
    @property
    def decimaler(self) -> int: ...
    @property
    def beskrivning(self) -> str: ...
    @property
    def tabell(self) -> tuple[tuple[str, ...], ...]: ...


def rita(d: Diagramdata, *, minus: str = "-") -> bytes:
    """Chart *d* as PNG bytes, the same on every machine and run."""
    with _LAS:
        return _rita(d, minus)


def _rita(d: Diagramdata, minus: str) -> bytes:
    import matplotlib
    import matplotlib.style
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import MaxNLocator

    typsnitt = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    fp = FontProperties(fname=typsnitt, size=9)
    with matplotlib.style.context("default"):
        fig = Figure(figsize=(BREDD_EMU / 914_400, HOJD_EMU / 914_400), dpi=_DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        n = len(d.kategorier)
        x = list(range(n))
        alla: list[float] = []
        # Series come in time order: the last, the one the chart is about, gets the first colour.
        farg = [_FARGER[(len(d.serier) - 1 - i) % len(_FARGER)] for i in range(len(d.serier))]
        if d.typ == "stapel":
            bredd = 0.8 / len(d.serier)
            for i, s in enumerate(d.serier):
                pos = [k - 0.4 + bredd * (i + 0.5) for k in x]
                hojd = [float(v) if v is not None else 0.0 for v in s.varden]
                ax.bar(
                    pos,
                    hojd,
                    width=bredd,
                    label=s.namn,
                    color=farg[i],
                    hatch=_MONSTER[(len(d.serier) - 1 - i) % len(_MONSTER)],
                    edgecolor="#333333",
                    linewidth=0.5,
                )
                alla += hojd
            alla.append(0.0)
        else:
            for i, s in enumerate(d.serier):
                varden = [float(v) if v is not None else float("nan") for v in s.varden]
                ax.plot(
                    x,
                    varden,
                    label=s.namn,
                    color=farg[i],
                    marker=_MARKORER[(len(d.serier) - 1 - i) % len(_MARKORER)],
                    linewidth=2,
                    markersize=4,
                )
                alla += [float(v) for v in s.varden if v is not None]
        if d.budget:
            budget = [float(v) if v is not None else float("nan") for v in d.budget]
            ax.plot(x, budget, label="Budget", color="#000000", linestyle="--", linewidth=1.5)
            alla += [float(v) for v in d.budget if v is not None]
        lag, hog = min(alla), max(alla)
        if lag == hog:
            lag, hog = lag - 1, hog + 1
        steg = MaxNLocator(nbins=6).tick_values(lag, hog)
        ax.set_ylim(float(steg[0]), float(steg[-1]))
        ax.set_yticks(
            [float(t) for t in steg], labels=[_etikett(float(t), minus) for t in steg], fontproperties=fp
        )
        # Labels are turned only when they would not fit side by side.
        trangt = sum(len(k) + 2 for k in d.kategorier) > 90
        ax.set_xticks(x, labels=list(d.kategorier), fontproperties=fp, rotation=45 if trangt else 0)
        ax.set_xlim(-0.6, n - 0.4)
        if d.enhet:
            ax.set_ylabel(d.enhet, fontproperties=fp)
        ax.grid(axis="y", color="#D9D9D9", linewidth=0.6)
        ax.set_axisbelow(True)
        for sida in ("top", "right"):
            ax.spines[sida].set_visible(False)
        if len(d.serier) > 1 or d.budget:
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.24 if trangt else -0.12),
                ncol=min(len(d.serier) + (1 if d.budget else 0), 6),
                frameon=False,
                prop=fp,
            )
        fig.subplots_adjust(left=0.1, right=0.98, top=0.95, bottom=0.32 if trangt else 0.22)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None})
    return buffer.getvalue()


def _etikett(varde: float, minus: str) -> str:
    """A tick label in Swedish: grouped, decimal comma, the layout's minus sign."""
    tal = Decimal(repr(round(varde, 6))).normalize()
    decimaler = max(0, -int(tal.as_tuple().exponent)) if isinstance(tal.as_tuple().exponent, int) else 0
    return format_tal(tal, decimaler=min(decimaler, 3), minus=minus)


_A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC: Final = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_WP: Final = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def ritning(d: Diagramdata, bild: media.Bild, escape: Callable[..., str]) -> str:
    """The run that shows *bild* (chart *d*, already drawn and added) inline, at the text
    width, with *d*'s alt text; *escape* escapes text for an XML attribute."""
    alt = escape(d.beskrivning, {'"': "&quot;"})
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{BREDD_EMU}" cy="{HOJD_EMU}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{bild.docpr}" name="Diagram {bild.nummer}" descr="{alt}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
        "</wp:cNvGraphicFramePr>"
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="0" name="{bild.filnamn}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{_R}" r:embed="{bild.rid}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{BREDD_EMU}" cy="{HOJD_EMU}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        f"</a:graphic></wp:inline></w:drawing></w:r>"
    )
