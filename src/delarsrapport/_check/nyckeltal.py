"""The check of a nyckeltalsbilaga: printed nettokostnad and ratio per measure, and its footnotes.

Each group of measures (a verksamhet's nyckeltal) is its own section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Delar, Path_, Recorder
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga

__all__ = ["nyckeltalsbilaga"]

#: A nettokostnad is two given cells, whole tkr: the total costs and the other income.
_KOSTNAD_OCH_INTAKT: Final = Delar.avrundade(2, 0)
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
                    delar=_KOSTNAD_OCH_INTAKT,
                )
                # The ratio is checked against the printed nettokostnad when there is one:
                # a rounding difference in the nettokostnad is reported above, once.
                # Divided by the volume, the nettokostnad's rounding margin shrinks with it.
                tryckt_netto = r.nettokostnad if isinstance(r.nettokostnad, Belopp) else None
                bas: Belopp | None = matt.per_enhet
                delar = _KOSTNAD_OCH_INTAKT
                if tryckt_netto and matt.volym:
                    bas, delar = tryckt_netto / matt.volym, Delar.avrundade(1, 0)
                volym = Decimal(matt.volym or 1)
                c.jamfor(
                    (*mp, "rapporterat", "per_enhet"),
                    f"{matt.rubrik}, {matt.kvotetikett.lower()}",
                    r.per_enhet,
                    bas,
                    enhet=matt.enhet,
                    delar=Delar(delar.antal, delar.marginal / volym),
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
