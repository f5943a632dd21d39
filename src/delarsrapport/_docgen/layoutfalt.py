"""Which input fields each shipped layout prints: the table in ``docs/indata.md``.

The table is measured, not written, by the same measurement as the layout check's
warnings about data a layout never shows (:mod:`delarsrapport._designer.visas`): a probe
report gives every input field a value of its own, it is rendered with each shipped layout
(with the cover of the combined handling, where the layout has one), and a field is
printed by a layout when its value is found in the documents. Fields that steer how
something is written (a unit, a goal level, a yes/no) or that link parts of the input are
listed apart. ``python -m delarsrapport._docgen.layoutfalt docs`` writes the section into
``docs/indata.md`` between its two markers.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Final

import attrs

from delarsrapport._designer.visas import STYR, matbara_falt, visade
from delarsrapport._docgen.mallbruk import layoutordning

__all__ = ["BORJAN", "SLUT", "Falt", "main", "markdown", "med_tabell", "utskrivna"]

BORJAN: Final = "<!-- layoutfält: början (genererad av python -m delarsrapport._docgen.layoutfalt docs) -->"
SLUT: Final = "<!-- layoutfält: slut -->"


@attrs.frozen
class Falt:
    """One input field and the layouts that print it."""

    klass: str
    falt: str
    layouter: tuple[bool, ...]
    """Per shipped layout (in :func:`layoutordning`), whether it prints the field."""


@cache
def utskrivna() -> tuple[tuple[str, ...], tuple[Falt, ...]]:
    """The shipped layouts' names, and every measured input field with the layouts that
    print it (measured by :func:`~delarsrapport._designer.visas.visade`)."""
    mappar = layoutordning()
    matningar = [visade(m) for m in mappar]
    falt = tuple(Falt(k, f, tuple(m[(k, f)] for m in matningar)) for k, f in matbara_falt())
    return tuple(m.name for m in mappar), falt


def markdown() -> str:
    """The section of ``docs/indata.md`` between :data:`BORJAN` and :data:`SLUT`."""
    layouter, falt = utskrivna()
    lines = [
        BORJAN,
        "",
        "Tabellen är uppmätt: en provrapport där varje fält har ett eget värde skrivs ut med",
        "varje layout, och ett fält räknas som utskrivet när dess värde syns i dokumenten.",
        "Fält under `rapporterat` skrivs aldrig ut. Klasser där alla tre layouterna skriver",
        "ut alla fält står efter tabellen.",
        "",
        "| Fält | " + " | ".join(layouter) + " |",
        "|---|" + "---|" * len(layouter),
    ]
    alla: list[str] = []
    klasser: dict[str, list[Falt]] = {}
    for f in falt:
        klasser.setdefault(f.klass, []).append(f)
    for klass, rader in klasser.items():
        if all(all(f.layouter) for f in rader):
            alla.append(klass)
            continue
        for f in rader:
            celler = " | ".join("ja" if x else "**nej**" for x in f.layouter)
            lines.append(f"| `{klass}.{f.falt}` | {celler} |")
    lines += [
        "",
        "Alla fält skrivs ut av alla tre layouterna i: " + ", ".join(f"`{k}`" for k in alla) + ".",
        "",
        "Fält som styr hur något skrivs, eller kopplar ihop delar av indata, och därför inte",
        "syns som ett eget värde: "
        + "; ".join(f"`{k}.{f}` ({vad})" for (k, f), vad in STYR.items())
        + "; och `enhet` i varje tabell (beloppens enhet).",
        "",
        SLUT,
    ]
    return "\n".join(lines)


def med_tabell(text: str) -> str:
    """*text* (``docs/indata.md``) with its generated section replaced by :func:`markdown`."""
    start, slut = text.index(BORJAN), text.index(SLUT) + len(SLUT)
    return text[:start] + markdown() + text[slut:]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the generated section of ``indata.md`` in the folder given (default ``docs``)."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0] if args else "docs") / "indata.md"
    path.write_text(med_tabell(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
