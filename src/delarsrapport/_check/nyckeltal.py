"""The check of a nyckeltalsbilaga: printed nettokostnad and ratio per measure, and its footnotes.

Each group of measures (a verksamhet's nyckeltal) is its own section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import EXAKT, TKR, Path_, Recorder
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga

__all__ = ["nyckeltalsbilaga"]

#: A footnote marker: ``*)``, ``**)`` …
_FOTNOT: Final = re.compile(r"\*+\)")


def nyckeltalsbilaga(c: Recorder, n: Nyckeltalsbilaga, path: Path_) -> None:
    """Every measure of every group: its footnote markers, then its printed figures."""
    for i, grupp in enumerate(n.grupper):
        gp = (*path, "grupper", i)
        with c.avsnitt(f"Nyckeltal: {grupp.kod or grupp.verksamhet}"):
            for j, matt in enumerate(grupp.matt):
                mp = (*gp, "matt", j)
                _fotnoter(
                    c,
                    (matt.intaktsetikett, matt.volymetikett, matt.kvotetikett),
                    (*grupp.fotnoter, *matt.fotnoter),
                    mp,
                )
                r = matt.rapporterat
                if r is None:
                    continue
                c.jamfor(
                    (*mp, "rapporterat", "nettokostnad"),
                    f"{matt.rubrik}, nettokostnad",
                    r.nettokostnad,
                    matt.nettokostnad,
                    enhet=matt.enhet,
                    tolerans=TKR,
                )
                # The ratio is checked against the printed nettokostnad when there is one:
                # a rounding difference in the nettokostnad is reported above, once.
                tryckt_netto = r.nettokostnad if isinstance(r.nettokostnad, Belopp) else None
                bas = (tryckt_netto / matt.volym) if tryckt_netto and matt.volym else matt.per_enhet
                c.jamfor(
                    (*mp, "rapporterat", "per_enhet"),
                    f"{matt.rubrik}, {matt.kvotetikett.lower()}",
                    r.per_enhet,
                    bas,
                    enhet=matt.enhet,
                    tolerans=EXAKT,
                )


def _fotnoter(c: Recorder, etiketter: Iterable[str], fotnoter: Iterable[str], path: Path_) -> None:
    """Footnote markers in labels and footnotes must match (``**)`` against ``**)``)."""
    definierade = {m.group(0) for f in fotnoter for m in [_FOTNOT.match(f)] if m}
    anvanda = {m.group(0) for e in etiketter for m in _FOTNOT.finditer(e)}
    for markering in sorted(anvanda - definierade):
        c.add(
            Kod.FOTNOT,
            path,
            f"En etikett hänvisar till fotnot {markering}, men fotnoterna är "
            f"{', '.join(sorted(definierade)) or 'inga'}.",
            printed=markering,
        )
    for markering in sorted(definierade - anvanda):
        c.add(
            Kod.FOTNOT,
            path,
            f"Fotnoten {markering} används inte av någon etikett.",
            printed=markering,
        )
