"""A layout's settings file in the layout check: read it, check the styles it names, and
the ``visa`` choices no template reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import attrs

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallfynd, Mallkod, Protokoll, Samlare, menade
from delarsrapport._errors import LoadError, Problem
from delarsrapport._load import read_structured
from delarsrapport._load.reader import ReadError, read_yaml
from delarsrapport._render.layout import INSTALLNINGSFIL, Installningar, Stilar, Visa, forklara_yamlfel

__all__ = ["granska_olasta", "granska_stilar", "las_installningar"]

_F: Final = Severity.FEL


_ATGARD: Final = (
    f"rätta inställningen i {INSTALLNINGSFIL}; se docs/mallguide.md för de inställningar som finns och "
    "deras värden"
)


def _installningsproblem(problem: object) -> tuple[int, str, str, str]:
    """A problem of the settings file as (line, place, message, action) for a finding."""
    if isinstance(problem, Problem):
        meddelande, atgard = forklara_yamlfel(problem.message)
        m = re.search(r"'(\w+)' must be in \((.*?)\) \(got (.*?)\)", meddelande)
        if m and meddelande.startswith("ogiltigt värde"):
            meddelande = f"ogiltigt värde {m.group(3)} för {m.group(1)!r}; tillåtna värden: {m.group(2)}"
        if problem.line is None:
            plats = problem.path or "(hela filen)"
        else:
            plats = f"rad {problem.line}" + (f", {problem.path}" if problem.path else "")
        return problem.line or 0, plats, meddelande, atgard or _ATGARD
    return 0, "(hela filen)", str(problem), _ATGARD


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
            rad, plats, meddelande, atgard = _installningsproblem(problem)
            samlare.lagg_till(
                (0, 0, rad, 0),
                Mallfynd(
                    _F,
                    Mallkod.MALL_INSTALLNING,
                    INSTALLNINGSFIL,
                    plats,
                    meddelande,
                    atgard,
                    stalle=plats,
                    rad=problem.line if isinstance(problem, Problem) else None,
                    sokvag=(problem.path or None) if isinstance(problem, Problem) else None,
                ),
            )
        return None


def granska_olasta(katalog: Path, samlare: Samlare) -> None:
    """A ``visa`` choice that *katalog*'s settings file turns on (``true``) while no template
    reads it (``installningar.visa.<namn>``) does nothing: a warning at its line.

    *samlare* holds what the templates read (:attr:`Samlare.lasta`). Choices the view
    builder reads itself (``las_av_koden`` in the field's metadata) are not the templates'.
    """
    try:
        data, rader, _problem = read_yaml((katalog / INSTALLNINGSFIL).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ReadError):
        return
    visa = data.get("visa") if isinstance(data, dict) else None
    if not isinstance(visa, dict):
        return
    falt = {f.name: f for f in attrs.fields(Visa)}
    for namn, varde in visa.items():
        f = falt.get(str(namn))
        if varde is not True or f is None or f.metadata.get("las_av_koden"):
            continue
        sokvag = f"installningar.visa.{namn}"
        if sokvag in samlare.lasta:
            continue
        rad = rader.get(("visa", namn), 0)
        plats = f"rad {rad}, visa.{namn}" if rad else f"visa.{namn}"
        samlare.lagg_till(
            (0, 0, rad, 0),
            Mallfynd(
                Severity.VARNING,
                Mallkod.MALL_OLAST_INSTALLNING,
                INSTALLNINGSFIL,
                plats,
                f"visa.{namn} är sant, men ingen av layoutens mallar läser {sokvag}, så inställningen "
                "gör ingenting",
                f"lägg till blocket som inställningen styr ({{%p if {sokvag} %}} … {{%p endif %}}) i "
                f"den mall det hör till, eller ta bort raden ur {INSTALLNINGSFIL}; se docs/mallguide.md",
                stalle=plats,
            ),
        )


def granska_stilar(p: Protokoll, ids: dict[str, str], s: Stilar) -> None:
    """Every style the settings name must be in the template (*ids*: its style names → ids)."""
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
