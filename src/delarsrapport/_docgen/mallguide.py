"""The Mallguide (``docs/mallguide.md``): the template designers' reference, in Swedish.

Everything a template may use is defined once in the code, and the guide is written from
it, so it cannot drift from the code. This module assembles the page; each chapter has
its own module:

- the variables (:mod:`~delarsrapport._docgen.variabler`), with every class a template
  reaches (:mod:`~delarsrapport._docgen.klasser`), each documented once, where it is
  first reached; a field's meaning is the Swedish docstring under it;
- the filters (:mod:`~delarsrapport._docgen.filtren`), with their arguments read from the
  functions' signatures and examples computed by calling them;
- the settings (:mod:`~delarsrapport._docgen.installningar`): every field of
  :class:`~delarsrapport._render.layout.Installningar`, recursively.

Example values are real (:mod:`~delarsrapport._docgen.exempel`): each is the output of the
very snippet the guide shows, rendered from the samples with the layout's filters. The
shipped templates decide which lists the guide loops as table rows (``{%tr for … %}``) and
which ``belopp`` arguments it shows for a field (:mod:`~delarsrapport._docgen.mallbruk`).

Where the code holds a text in English only (the settings, the reporting period) or none
(the filters), its Swedish text is written in the chapter's module, once, keyed by name or
path. A setting, filter, filter argument or class without Swedish text makes the generator
raise, so nothing new can be left out of the guide.

``python -m delarsrapport._docgen.mallguide [DIR]`` writes ``DIR/mallguide.md`` (``docs`` by default).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from delarsrapport._context import GEMENSAMMA, KONTEXTER
from delarsrapport._designer.fynd import MALLKODER
from delarsrapport._docgen.filtren import filteravsnitt
from delarsrapport._docgen.installningar import installningsavsnitt
from delarsrapport._docgen.klasser import Karta
from delarsrapport._docgen.markdown import kod, tabell
from delarsrapport._docgen.variabler import klassavsnitt, variabelrader
from delarsrapport._render.layout import INSTALLNINGSFIL

__all__ = ["FILNAMN", "main", "markdown", "write"]

FILNAMN: Final = "mallguide.md"
"""The guide's file name in the docs folder."""

_SLAG_SV: Final[dict[str, str]] = {
    "tjansteskrivelse": "Tjänsteskrivelsen",
    "ekonomi": "Ekonomisk uppföljning",
    "verksamhet": "Verksamhetsuppföljning",
    "nyckeltal": "Nyckeltal",
    "internkontroll": "Internkontroll",
    "handlingar": "Försättsblad i den samlade handlingen",
}
"""Chapter titles of the document kinds (a new kind falls back to its file name)."""

_SLAG_INLEDNING: Final[dict[str, str]] = {
    "handlingar": "Mallen är valfri. Har layouten den börjar den samlade handlingen (`render "
    "--samlad`) med ett försättsblad: sammanträdet och dess dagordning, på egna sidor med eget "
    "sidhuvud och egen sidfot och med bokmärket Dagordning. Utan mallen börjar handlingen med "
    "den första tjänsteskrivelsen. Här är `dokument` den samlade handlingen (titeln är "
    "`handlingar.titel`) och `arende` huvudärendet.",
}
"""What a chapter says before its table, for the kinds that need it."""


_TAGGAR: Final = (
    ("{{ … }}", "skriver ut ett värde mitt i texten", "{{ namnd.namn }}"),
    (
        "{% if … %} … {% endif %}",
        "visar text bara om villkoret gäller, inom ett stycke",
        "{% if rad.varav %}varav {% endif %}",
    ),
    (
        "{%p if … %} … {%p endif %}",
        "visar eller tar bort hela stycken; taggarna står ensamma i var sitt stycke, som försvinner",
        "{%p if ts.beredning %}",
    ),
    (
        "{%p for x in … %} … {%p endfor %}",
        "upprepar styckena emellan, en gång per post i en lista",
        "{%p for sats in ts.beslut %}",
    ),
    (
        "{%tr for x in … %} … {%tr endfor %}",
        "upprepar tabellraden emellan; taggarna står ensamma i var sin tabellrad, som försvinner",
        "{%tr for rad in ekonomi.sammanfattning.rader %}",
    ),
    (
        "{%tc for x in … %} … {%tc endfor %}",
        "upprepar en tabellkolumn; taggarna står i var sin cell",
        "{%tc for matning in indikator.utfall %}",
    ),
    (
        "{{p … }}",
        "skriver löptext som egna stycken; taggen står ensam i ett stycke",
        "{{p ts.arendet|stycken(3) }}",
    ),
    (
        "{% cellbg … %}",
        "ger tabellcellen en bakgrundsfärg; skriv den först i cellen och ordet efter",
        "{% cellbg atgard.status.farg %}{{ atgard.status.ord }}",
    ),
    (
        "{%p macro namn(x) %} … {%p endmacro %}",
        "definierar ett byggblock: styckena och tabellerna emellan skrivs inte ut där de står, "
        "utan där blocket anropas, med x som det anropet ger",
        "{%p macro atgardstabell(x) %}",
    ),
    (
        "{{p namn(…) }}",
        "skriver ut ett byggblock där taggen står; taggen står ensam i ett stycke, och blocket "
        "måste stå tidigare i mallen",
        "{{p uppfoljning(m, 3) }}",
    ),
    (
        "{#p … #}",
        "en kommentar till den som redigerar mallen; stycket försvinner",
        "{#p Byggblock: … #}",
    ),
)
"""The docxtpl tags, what they do and an example (the introduction's table)."""

_TYPER: Final = (
    ("text", "text, redan kontrollerad", ("{{ x }}",)),
    ("heltal", "ett antal, ett år eller ett nummer", ("{{ x }}", "{{ x|tal }}")),
    (
        "belopp",
        "ett exakt belopp, i vilken enhet som helst (filtret [belopp](#belopp))",
        ("{{ x|belopp('tkr') }}",),
    ),
    ("datum", "ett datum (filtret [datum](#datum))", ("{{ x|datum('lang') }}",)),
    ("ja/nej", "ett villkor", ("{%p if x %}", "{% if x %}…{% endif %}")),
    ("lista av …", "poster i ordning", ("{%p for … %}", "{%tr for … %}")),
    (
        "löptext",
        "stycken, rubriker och punktlistor ur rapporten (se [Block](#block))",
        ("{{p x|stycken(3) }}", "{{ x|som_text }}"),
    ),
    ("… eller inget", "värdet kan saknas", ("{%p if x %}",)),
)
"""The designer types: name, meaning, how a template writes them (the types table)."""

_INLEDNING: Final = """\
# Mallguide – variabler, filter och inställningar för layoutens mallar

<!-- Genererad av `python -m delarsrapport._docgen.mallguide docs`; redigera inte för hand. -->

Den här guiden är för dig som formger en kommuns mallar i Word eller LibreOffice. Den räknar
upp allt en mall kan använda: variablerna för varje dokumentslag, filtren som formaterar tal
och datum, och inställningarna i `installningar.yaml`. Guiden genereras ur koden, så den
stämmer alltid med den version av delarsrapport den följer med. Vill du göra en egen layout
steg för steg, läs [Gör en egen kommunmall](egen-kommunmall.md).

## Layouter och taggar

En **layout** är en mapp med fem mallar och en inställningsfil. En sjätte mall,
`handlingar.docx`, är valfri: försättsbladet som den samlade handlingen börjar med.

{filer}
En mall är ett vanligt Word-dokument där taggar står i texten. När rapporten skapas byts
taggarna mot rapportens uppgifter; allt annat (formatmallar, sidhuvud, logotyp, tabeller)
blir kvar som du har gjort det.

{taggar}
Några regler gäller alla mallar:

- **Allt skyddas.** Text ur rapporten skrivs alltid som text: ett `<` eller `&` i en nämnds
  text kan inte ändra dokumentet. Löptext blir stycken bara genom filtret `stycken`.
- **Okända namn är fel.** Ett felstavat variabelnamn eller fält stoppar dokumentet med ett
  meddelande om vilken mall, vilket stycke och vilken text det gäller, och vilket namn som
  troligen menades. Ingenting blir tomt i tysthet.
- **Kontrollera layouten** innan du använder den: `delarsrapport layout check MAPP` läser alla
  mallar och inställningar utan rapportdata och listar varje problem på en gång.
- **Det kontrollen kallar fel skapas inte.** `render` läser varje mall med samma regler som
  `layout check` innan den skapar något, och stoppar med samma meddelande och plats vid ett
  fel. Varningar (till exempel en tagg som Word har delat i flera textbitar) stoppar inte.
- Hur tal skrivs (minustecken, noll, tecknet för ett värde som saknas) styrs av
  inställningen `talstil`, inte av mallen.

### Byggblock

Ett block som behövs på flera ställen (samma tabell för varje mål, uppdrag och nämndmål)
skrivs en gång som ett **byggblock** och anropas där det behövs. `verksamhet.docx` i de
medföljande layouterna börjar med tre byggblock:

- `{{%p macro atgardstabell(x) %}}` … `{{%p endmacro %}}`: tabellen över åtgärderna för `x`
  (ett mål, ett uppdrag eller ett nämndmål), i fyra former efter vilka kolumner som har värden;
- `{{%p macro indikatorer(x, rubrikniva) %}}` … `{{%p endmacro %}}`: indikatortabellen och
  indikatorernas kommentarer, med underrubriker på nivån `rubrikniva`;
- `{{%p macro uppfoljning(x, rubrikniva) %}}` … `{{%p endmacro %}}`: de två blocken i den
  ordning de ska stå.

Längre ned står `{{{{p uppfoljning(m, 3) }}}}` under varje mål, `{{{{p uppfoljning(p, 4) }}}}` under
varje uppdrag och `{{{{p uppfoljning(n, 5) }}}}` under varje nämndmål. Ändrar du en kolumn i
åtgärdstabellen ändrar du den en gång, i byggblocket; vill du ha indikatorerna före
åtgärderna flyttar du ett stycke i `uppfoljning`. Ett byggblock måste stå före det första
stället där det anropas, och taggarna `{{%p macro %}}`, `{{%p endmacro %}}` och `{{{{p … }}}}` står
ensamma i var sitt stycke. `layout check` kontrollerar blockets fält med det varje anrop ger
(en åtgärdstabell för ett mål och för ett uppdrag), och säger till om ett anrop har fel antal
värden.

## Typer

{typer}
Ett belopp som är noll räknas som *falskt* i ett villkor. Fråga därför efter ett belopp som
kan saknas med `{{%p if x is not none %}}`, inte `{{%p if x %}}`. Filtret `belopp` skriver
själv `talstil.saknas` när beloppet saknas.

**Så läser du tabellerna nedan.** *Variabel* är det du skriver i mallen. För en lista visar
*I mallen* en loop; inne i loopen heter varje post som loopens variabel (till exempel `rad`),
och postens fält står under en egen rubrik. Namnet på loopens variabel väljer du själv.
Listor som de medföljande mallarna loopar som tabellrader visas med `{{%tr for … %}}`, andra
med `{{%p for … %}}`. *Exempel* är vad taggen i *I mallen* skriver ut med de exempelrapporter
som följer med delarsrapport; ett streck betyder att inget exempel har värdet.
"""


def _inledning() -> list[str]:
    filer = [[kod(f"{slag}.docx"), _SLAG_SV.get(slag, slag)] for slag in KONTEXTER]
    filer.append(
        [kod(INSTALLNINGSFIL), "ord, färger och val (se [Inställningar](#inställningar-installningaryaml))"]
    )
    taggar = [[kod(t), g, kod(e)] for t, g, e in _TAGGAR]
    typer = [[t, v, " eller ".join(kod(x) for x in m)] for t, v, m in _TYPER]
    text = _INLEDNING.format(
        filer="\n".join(tabell(["Fil", "Dokument"], filer)),
        taggar="\n".join(tabell(["Tagg", "Gör", "Exempel"], taggar)),
        typer="\n".join(tabell(["Typ", "Vad det är", "Skrivs ut med"], typer)),
    )
    return text.split("\n")


def _koder() -> list[str]:
    """The codes of ``layout check`` and what each means."""
    rader = [[kod(str(k)), text] for k, text in MALLKODER.items()]
    return [
        "## Kontrollens koder",
        "",
        "`delarsrapport layout check` märker varje fynd med en kod och säger om det är ett *fel* "
        "eller en *varning*. Ett fel stoppar `render` med samma meddelande innan något dokument "
        "skapas; en varning gör det inte.",
        "",
        *tabell(["Kod", "Betydelse"], rader),
        "",
    ]


def markdown() -> str:
    """The whole Mallguide as Markdown, generated from the contract, filters and settings."""
    karta = Karta()
    lines = _inledning()
    rubriker = ["Variabel", "Betydelse", "Typ", "Exempel", "I mallen"]
    lines += [
        "## Gemensamma variabler",
        "",
        "Alla mallarna ser de här variablerna.",
        "",
        *tabell(rubriker, variabelrader(GEMENSAMMA, karta)),
    ]
    for k in karta.i_kapitel(""):
        lines += klassavsnitt(k, karta)
    for slag, variabler in KONTEXTER.items():
        lines += [
            f"## {_SLAG_SV.get(slag, slag)} (`{slag}.docx`)",
            "",
            *([_SLAG_INLEDNING[slag], ""] if slag in _SLAG_INLEDNING else []),
            "Utöver de gemensamma variablerna ser mallen:",
            "",
            *tabell(rubriker, variabelrader(variabler, karta)),
        ]
        for k in karta.i_kapitel(slag):
            lines += klassavsnitt(k, karta)
    lines += filteravsnitt()
    lines += installningsavsnitt()
    lines += _koder()
    text = "\n".join(lines)
    return text.rstrip("\n") + "\n"


def write(directory: Path) -> Path:
    """Write ``mallguide.md`` into *directory*; return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / FILNAMN
    path.write_text(markdown(), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m delarsrapport._docgen.mallguide [DIR]``: write DIR/mallguide.md (``docs``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    print(write(Path(args[0] if args else "docs")))
    return 0


if __name__ == "__main__":  # pragma: no cover - a maintainer's command
    raise SystemExit(main())
