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
        "## Regeln för delar och helhet",
        "",
        "Varje kontroll som jämför delar med en helhet följer samma regel: varav-rader mot",
        "raden de hör till, rader mot en total eller summarad, en tryckt delsumma eller",
        "avvikelse mot de celler den räknas fram ur, avdelningarna mot nämnden, fördelningen",
        "mot driftbudgeten.",
        "",
        "Ett avrundat tal kan ligga upp till **en halv enhet i sin sista siffra** från det",
        "exakta värdet (0,5 tkr för hela tkr, 0,05 mnkr för en decimal). En skillnad mellan",
        "helheten och summan av delarna förklaras av avrundning när den inte är större än",
        "summan av de halva enheterna för alla avrundade tal som ingår: varje del och",
        "helheten. Då blir fyndet en **notering**; en större skillnad är ett **fel**. Meddelandet",
        "säger hur många avrundade tal som ingår och hur stor skillnad de förklarar.",
        "",
        "Vilka tal som är avrundade:",
        "",
        "- Ett tal som källan tryckte (allt under `rapporterat`, och en tryckt total under",
        "  `totalt`) är avrundat till de decimaler det trycktes med.",
        "- Tabeller som är avskrivna ur ett källsystem har avrundade celler: detaljtabeller,",
        "  insatskostnader, nyckeltal och Upplands-Bros redovisningstabeller i hela tkr,",
        "  resultaträkningar och egen regi i mnkr med en decimal, och sammanfattningen i hela mnkr",
        "  när `avrundade_indata: true`.",
        "- Exakta är en sammanfattning utan `avrundade_indata` och planeringstabellerna i hela tkr",
        "  (driftbudget, fördelning, investeringsbudget, särskilda satsningar): där ska delarna",
        "  gå jämnt ut, och bara den tryckta cellens egen avrundning får skilja.",
        "",
        "Exempel: tre varav-rader i hela mnkr och raden de hör till är fyra avrundade tal, som",
        "tillsammans förklarar högst 2 mnkr. En skillnad på 1 mnkr blir en notering",
        "(`VARAV-AVRUNDNING`), en skillnad på 3 mnkr ett fel (`VARAV-SUMMA`). Samma sak gäller",
        "mellan en total och dess avrundade rader (`TOTAL-AVRUNDADE-RADER`, `TOTAL-AVVIKER`).",
        "",
        "## Tryckt och beräknat värde",
        "",
        "I varje fynd (också i `check --json`) är `printed` alltid talet som källan anger på",
        "platsen fyndet gäller: den tryckta cellen, det angivna antalet, helheten i en jämförelse",
        "mellan delar och helhet (raden för varav-raderna, källans total, driftbudgetens rad).",
        "`computed` är det modellen räknar fram eller väntar sig där (summan av delarna, antalet",
        "poster, registrets titel), och `difference` är `printed` − `computed`.",
        "",
        "## Titlar: vad en läsare kan vilseledas av",
        "",
        "En bilagas titel kan tryckas i beslutsunderlaget, i bilagans sidhuvud och som dess",
        "rubrik. Allvarligheten följer vad den som läser handlingarna kan missförstå:",
        "",
        "- Ingen avvikelse: samma ord bortsett från stora och små bokstäver, skiljetecken och",
        "  nämndens namn; titeln uppdelad på titel och undertitel (ett styrdokuments",
        "  försättsblad), åt vilket håll som helst; en rubrik som är en kortform av titeln.",
        "- **Varning** (`BILAGA-TITEL-AVVIKER`): andra ord, men samma period. Läsaren hittar rätt",
        "  handling genom numret.",
        "- **Fel** (`BILAGA-TITEL-PERIOD`): titeln nämner ett år eller en månad som varken",
        "  rapportens period eller registrets titel har. Läsaren tar den för en annan periods",
        "  handling. Ett fel nummer är också ett fel (`BILAGA-NUMMER-AVVIKER`).",
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
