"""The walk through a report: each ärende's documents in order, and each part of a bilaga to its check.

Findings come in document order: the tjänsteskrivelse, each bilaga (its header, then its
parts), then the free texts of the whole ärende. The walk names the documents; the area
modules name the sections inside them.
"""

from __future__ import annotations

from typing import assert_never

from delarsrapport._check.arende import (
    bilagehuvud,
    bilageregister,
    platshallare,
    rubriknivaer,
    tjansteskrivelse,
)
from delarsrapport._check.dagordning import dagordning
from delarsrapport._check.ekonomi import ekonomisk_uppfoljning
from delarsrapport._check.internkontroll import internkontroll
from delarsrapport._check.nyckeltal import nyckeltalsbilaga
from delarsrapport._check.prosa import prosa
from delarsrapport._check.recorder import Finding, Path_, Recorder
from delarsrapport._check.verksamhet import verksamhetsuppfoljning
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Delarsrapport, Dokumentdel, get_kalla
from delarsrapport._model.verksamhet import Verksamhetsuppfoljning

__all__ = ["check"]


def check(rapport: Delarsrapport) -> list[Finding]:
    """Check *rapport* for everything real reports get wrong; return every finding.

    Findings come in document order (the meeting's agenda, then each ärende's
    tjänsteskrivelse and bilagor). The documents
    delarsrapport renders always use the computed figures, whatever the findings say.
    """
    c = Recorder(get_kalla(rapport))
    with c.dokument("Dagordning"), c.avsnitt("Dagordning"):
        dagordning(c, rapport)
    for index, arende in enumerate(rapport.arenden):
        base: Path_ = () if index == 0 else ("ovriga_arenden", index - 1)
        prefix = "" if index == 0 else f"Ärende {index + 1} ({arende.tjansteskrivelse.rubrik}): "
        _arende(c, rapport, arende, base, prefix)
    return c.findings


def _arende(c: Recorder, rapport: Delarsrapport, arende: Arende, base: Path_, prefix: str) -> None:
    with c.dokument(prefix + "Tjänsteskrivelse"), c.avsnitt("Tjänsteskrivelse"):
        tjansteskrivelse(c, rapport, arende, base)
        bilageregister(c, arende, base)
    for i, bilaga in enumerate(arende.bilagor):
        path = (*base, "bilagor", i)
        with c.dokument(prefix + f"Bilaga {bilaga.nummer} – {bilaga.titel}"):
            with c.avsnitt("Sidhuvud"):
                bilagehuvud(c, rapport, arende, bilaga, path)
            for j, del_ in enumerate(bilaga.delar):
                _del(c, del_, arende.period, (*path, "delar", j, del_.kind))
    with c.dokument(prefix + "Hela ärendet"), c.avsnitt("Texter"):
        platshallare(c, arende, base)
        rubriknivaer(c, arende, base)
        prosa(c, rapport, arende, base)


def _del(c: Recorder, del_: Dokumentdel, period: Rapportperiod, path: Path_) -> None:
    """One part of a bilaga, to the check of its kind (a new kind is a mypy error here until it has one)."""
    match del_:
        case EkonomiskUppfoljning():
            ekonomisk_uppfoljning(c, del_, period, path)
        case Verksamhetsuppfoljning():
            verksamhetsuppfoljning(c, del_, path)
        case Nyckeltalsbilaga():
            nyckeltalsbilaga(c, del_, path)
        case Internkontroll():
            internkontroll(c, del_, path)
        case _:
            assert_never(del_)
