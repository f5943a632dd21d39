"""A layout's settings file in the layout check: read it, and check the styles it names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallfynd, Mallkod, Protokoll, Samlare, menade
from delarsrapport._errors import LoadError, Problem
from delarsrapport._load import read_structured
from delarsrapport._render.layout import INSTALLNINGSFIL, Installningar

__all__ = ["granska_stilar", "las_installningar"]

_F: Final = Severity.FEL


def _installningsproblem(problem: object) -> tuple[int, str, str]:
    """A problem of the settings file as (line or 0, place, message) for a finding."""
    if isinstance(problem, Problem):
        meddelande = problem.message
        m = re.search(r"'(\w+)' must be in \((.*?)\) \(got (.*?)\)", meddelande)
        if m and meddelande.startswith("ogiltigt värde"):
            meddelande = f"ogiltigt värde {m.group(3)} för {m.group(1)!r}; tillåtna värden: {m.group(2)}"
        sokvag = problem.path or "(hela filen)"
        plats = f"rad {problem.line}, {sokvag}" if problem.line is not None else sokvag
        return problem.line or 0, plats, meddelande
    return 0, "(hela filen)", str(problem)


def las_installningar(katalog: Path, samlare: Samlare) -> Installningar | None:
    """The settings of the layout in *katalog*, or None when they are missing or invalid
    (each problem is a finding, sorted before the templates')."""
    fil = katalog / INSTALLNINGSFIL
    if not fil.is_file():
        samlare.lagg_till(
            (0, 0, 0, 0),
            Mallfynd(
                _F,
                Mallkod.MALL_SAKNAS,
                INSTALLNINGSFIL,
                f"layoutmappen {katalog.name}",
                f"layouten saknar inställningsfilen {INSTALLNINGSFIL}",
                f"kopiera {INSTALLNINGSFIL} från en av layouterna som följer med (templates/uppsala) "
                "och anpassa den",
            ),
        )
        return None
    try:
        return read_structured(fil, Installningar)
    except LoadError as exc:
        for problem in exc.problems:
            rad, plats, meddelande = _installningsproblem(problem)
            samlare.lagg_till(
                (0, 0, rad, 0),
                Mallfynd(
                    _F,
                    Mallkod.MALL_INSTALLNING,
                    INSTALLNINGSFIL,
                    plats,
                    meddelande,
                    f"rätta inställningen i {INSTALLNINGSFIL}; se docs/mallguide.md för de inställningar "
                    "som finns och deras värden",
                    rad=problem.line,
                    sokvag=problem.path or None,
                ),
            )
        return None


def granska_stilar(p: Protokoll, ids: dict[str, str], installningar: Installningar) -> None:
    """Every style the settings name must be in the template (*ids*: its style names → ids)."""
    s = installningar.stilar
    namn = [
        ("stycke", s.stycke),
        *((f"rubriker[{i}]", r) for i, r in enumerate(s.rubriker)),
        ("punktlista", s.punktlista),
        ("tabell", s.tabell),
    ]
    for falt, stil in namn:
        if stil.lower() not in ids:
            p.filfynd(
                Mallkod.MALL_STIL,
                f"formatmallarna (stilar.{falt} i {INSTALLNINGSFIL})",
                f"stilen {stil!r} som {INSTALLNINGSFIL} anger i stilar.{falt} finns inte i mallen"
                + menade(stil.lower(), ids),
                "skapa stilen i mallen i Word (Start > Formatmallar) eller ändra namnet under "
                f"stilar i {INSTALLNINGSFIL} till en stil som finns",
            )
