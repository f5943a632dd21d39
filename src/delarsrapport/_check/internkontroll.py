"""The check of an internkontroll: each kontrollmoment's sample against its minimum volume."""

from __future__ import annotations

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Path_, Recorder, kort
from delarsrapport._model.internkontroll import Internkontroll

__all__ = ["internkontroll"]


def internkontroll(c: Recorder, ik: Internkontroll, path: Path_) -> None:
    """Every kontrollmoment, in the section Kontrollmoment."""
    with c.avsnitt("Kontrollmoment"):
        for i, moment in enumerate(ik.moment):
            if (
                moment.minsta_volym is not None
                and moment.kontrollerat_antal is not None
                and moment.kontrollerat_antal < moment.minsta_volym
            ):
                c.add(
                    Kod.STICKPROV,
                    (*path, "moment", i, "kontrollerat_antal"),
                    f"{kort(moment.kontrollmoment)!r}: {moment.kontrollerat_antal} kontrollerade, "
                    f"men minsta volym är {moment.minsta_volym}.",
                    printed=str(moment.kontrollerat_antal),
                    computed=str(moment.minsta_volym),
                )
