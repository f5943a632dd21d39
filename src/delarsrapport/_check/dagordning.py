"""The meeting's agenda against the report: numbers in order, and every ärende on it once, in order.

Only an agenda the input gives is checked; one derived from the ärenden is right by
construction. The combined handling places the documents in the report's order, so the
agenda's links should follow that order and name each ärende once.
"""

from __future__ import annotations

import itertools

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Path_, Recorder
from delarsrapport._model.dagordning import punktnummer
from delarsrapport._model.rapport import Delarsrapport

__all__ = ["dagordning"]


def dagordning(c: Recorder, rapport: Delarsrapport) -> None:
    """The agenda of *rapport*'s meeting, when the input gives one."""
    sammantrade = rapport.sammantrade
    if sammantrade is None or not sammantrade.dagordning:
        return
    bas: Path_ = ("sammantrade", "dagordning")
    antal = len(rapport.arenden)
    foregaende: int | None = None
    lankar: list[tuple[int, Path_]] = []
    grupper = sammantrade.dagordning
    for g, (grupp, nummer) in enumerate(zip(grupper, punktnummer(grupper), strict=True)):
        for p, (punkt, n) in enumerate(zip(grupp.punkter, nummer, strict=True)):
            path: Path_ = (*bas, g, "punkter", p)
            if foregaende is not None and n <= foregaende:
                c.add(
                    Kod.DAGORDNING_NUMMER,
                    (*path, "nummer"),
                    f"Punkten har nummer {n}, men punkten före har {foregaende}; numren ska öka "
                    "från punkt till punkt.",
                    printed=str(n),
                    computed=str(foregaende + 1),
                )
            foregaende = n
            if punkt.arende is None:
                continue
            if punkt.arende > antal:
                c.add(
                    Kod.DAGORDNING_ARENDE_OKANT,
                    (*path, "arende"),
                    f"Punkten hänvisar till ärende {punkt.arende}, men rapporten har {antal} "
                    f"{'ärende' if antal == 1 else 'ärenden'}.",
                    printed=str(punkt.arende),
                )
                continue
            lankar.append((punkt.arende, (*path, "arende")))
    sedda: dict[int, Path_] = {}
    for arende, path in lankar:
        if arende in sedda:
            c.add(
                Kod.DAGORDNING_ARENDE_DUBBLETT,
                path,
                f"Ärende {arende} ({_rubrik(rapport, arende)}) står redan på dagordningen "
                f"({_plats(sedda[arende])}).",
                printed=str(arende),
            )
        else:
            sedda[arende] = path
    ordning = list(sedda)
    if ordning != sorted(ordning):
        forsta = next(a for a, b in itertools.pairwise(ordning) if a > b)
        c.add(
            Kod.DAGORDNING_ORDNING,
            bas,
            f"Dagordningen tar upp rapportens ärenden i ordningen {', '.join(map(str, ordning))}, men "
            f"den samlade handlingen har dem i rapportens ordning; ärende {forsta} står före ett "
            "ärende som kommer före det i rapporten.",
            printed=", ".join(map(str, ordning)),
            computed=", ".join(map(str, sorted(ordning))),
        )
    for arende in range(1, antal + 1):
        if arende not in sedda:
            c.add(
                Kod.DAGORDNING_ARENDE_SAKNAS,
                bas,
                f"Ärende {arende} ({_rubrik(rapport, arende)}) finns i rapporten och i den samlade "
                "handlingen men inte på dagordningen.",
                computed=str(arende),
            )


def _rubrik(rapport: Delarsrapport, arende: int) -> str:
    return rapport.arenden[arende - 1].tjansteskrivelse.rubrik


def _plats(path: Path_) -> str:
    """``dagordning[0].punkter[1]`` for a point's path."""
    g, p = path[2], path[4]
    return f"dagordning[{g}].punkter[{p}]"
