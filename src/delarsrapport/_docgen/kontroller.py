"""``docs/kontroller.md``: every finding code of the check, documented in Swedish.

Written from :data:`~delarsrapport._check.koder.KODER`, so a new code cannot go
undocumented. ``python -m delarsrapport._docgen.kontroller docs`` writes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from delarsrapport._check.koder import KODER
from delarsrapport._errors import PROBLEMKODER

__all__ = ["main", "markdown", "write"]


def markdown() -> str:
    """``docs/kontroller.md``: every finding code documented in Swedish, from :data:`KODER`."""
    lines = [
        "# Kontroller – alla fyndkoder",
        "",
        "<!-- Genererad av `python -m delarsrapport._docgen.kontroller docs`; redigera inte för hand. -->",
        "",
        "`delarsrapport check FIL` läser rapportdata och letar efter det som verkliga",
        "delårsrapporter gör fel: summor som inte stämmer, tomma celler, bilagor med olika",
        "nummer eller titlar, datum i fel ordning, trendpilar åt fel håll, platshållare kvar i",
        "texten. Varje fynd har en allvarlighetsgrad, en kod som inte ändras, fältets sökväg i",
        "indata, ett meddelande och de siffror det gäller (tryckt värde, beräknat värde,",
        "skillnad).",
        "",
        "## Allvarlighetsgrader",
        "",
        "| Grad | Betyder | Kommandot avslutas med |",
        "|---|---|---|",
        "| **fel** | Rapporten motsäger sig själv eller trycker något fel. Rätta före nämndmötet. | 1 |",
        "| **varning** | Troligen fel eller ofullständigt; en människa behöver titta. "
        "| 0 (1 med `--strict`) |",
        "| **notering** | Förklarat och godtagbart, till exempel en avrundningsskillnad. | 0 |",
        "",
        "## Toleransregeln för tryckta värden",
        "",
        "Värden under `rapporterat` är vad källan tryckte där modellen räknar fram värdet.",
        "Källsystem summerar exakta kronor och avrundar varje cell för sig, så en tryckt summa kan",
        "skilja sig från summan av de tryckta raderna. En skillnad som den avrundningen kan",
        "förklara blir en **notering** (`RAPP-AVRUNDNING`); en större blir ett **fel**",
        "(`RAPP-AVVIKER`). Gränserna (domain.md §4.3): ±1 tkr i tkr-tabeller, ±1 mnkr i",
        "sammanfattningen, ±0,2 mnkr i resultaträkningar, plus en halv enhet för avrundningen av",
        "den tryckta cellen. Planeringstabeller i hela tkr (driftbudget, fördelning,",
        "investeringsbudget, särskilda satsningar) har ingen tolerans: de ska gå jämnt ut.",
        "",
        "Kontrollen jämför aldrig mot dokumenten som delarsrapport skapar: de räknar alltid fram",
        "värdena ur indata.",
        "",
        "## Koderna",
        "",
    ]
    for kod in sorted(KODER.values(), key=lambda k: k.kod):
        lines += [
            f"### `{kod.kod}`: {kod.rubrik}",
            "",
            f"**Grad:** {kod.severity.value}",
            "",
            f"**Vad det betyder.** {kod.betydelse}",
            "",
            f"**Varför det spelar roll.** {kod.varfor}",
            "",
            f"**Vad du gör.** {kod.atgard}",
            "",
        ]
    lines += [
        "## Problem i indata",
        "",
        "Innan kontrollen kan börja läses filen in. Det som gör att den inte går att läsa är",
        "inga fynd utan problem: `delarsrapport check` och `render` skriver alla på en gång, med",
        "fil, rad och fältets sökväg, och avslutas med status 2. Varje problem har en kod som inte",
        "ändras (`Problem.code` i Python, `kod` i JSON):",
        "",
        "| Kod | Betyder |",
        "|---|---|",
        *(f"| `{kod}` | {text} |" for kod, text in PROBLEMKODER.items()),
        "",
    ]
    return "\n".join(lines)


def write(directory: Path) -> Path:
    """Write ``kontroller.md`` into *directory*."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "kontroller.md"
    path.write_text(markdown(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Write ``kontroller.md`` into the folder given (default ``docs``)."""
    args = sys.argv[1:] if argv is None else argv
    print(write(Path(args[0] if args else "docs")))
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
