"""The syntax pass: each tag of a part on its own, then the nesting and placement of blocks.

Jinja stops at the first syntax error of a template; a designer wants them all. So each
tag is parsed alone (:meth:`Syntaxgranskare.granska`), blocks are matched by hand, and a
repaired source is built (a broken tag left out, a broken ``{% for %}`` replaced by a loop
over nothing) whose syntax tree the contract check can still walk (:meth:`~Syntaxgranskare.parse`).
The tags of one block must stand on one level and in one table, row or cell
(:meth:`~Syntaxgranskare.placering`), as docxtpl needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

import jinja2
from jinja2 import nodes

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallkod, Protokoll, kort, menade
from delarsrapport._designer.taggar import Stycke, Tagg

__all__ = ["Syntax", "Syntaxgranskare", "oversatt"]

_F: Final = Severity.FEL

# -- Jinja messages in Swedish ----------------------------------------------------------------

_TOKENNAMN: Final = {
    "end of print statement": "slutet på taggen (}})",
    "end of statement block": "slutet på taggen (%})",
    "end of template": "slutet på mallen",
    "name": "ett namn",
    "string": "en text",
    "integer": "ett tal",
}


def _token(text: str) -> str:
    return _TOKENNAMN.get(text, repr(text))


def oversatt(meddelande: str) -> str:
    """Jinja's syntax error in Swedish (the common ones; the rest as Jinja says them)."""
    m = re.match(r"expected token '([^']+)', got '([^']*)'", meddelande)
    if m:
        return f"väntade {_token(m.group(1))} men hittade {_token(m.group(2))}"
    m = re.match(r"unexpected '([^']*)'", meddelande)
    if m:
        if m.group(1).startswith("end of"):
            return "taggen tar slut innan uttrycket är färdigt"
        return f"oväntat {m.group(1)!r}"
    m = re.match(r"unexpected char '(.+)' at \d+", meddelande)
    if m:
        return f"otillåtet tecken {m.group(1)}"
    m = re.match(r"Expected an expression, got '([^']+)'", meddelande)
    if m:
        return f"ett uttryck saknas (hittade {_token(m.group(1))})"
    m = re.match(r"Encountered unknown tag '(\w+)'", meddelande)
    if m:
        return f"okänd tagg {m.group(1)!r}"
    if meddelande.startswith("tag name expected"):
        return "taggens namn saknas efter {%"
    m = re.match(r"unexpected end of (template|print statement|statement block)", meddelande, re.IGNORECASE)
    if m:
        return "taggen tar slut innan uttrycket är färdigt"
    return meddelande


# -- blocks -------------------------------------------------------------------------------------

_SLUT: Final = {
    "endif": "if",
    "endfor": "for",
    "endmacro": "macro",
    "endcall": "call",
    "endfilter": "filter",
    "endset": "set",
    "endwith": "with",
    "endautoescape": "autoescape",
    "endblock": "block",
    "endraw": "raw",
}
_BLOCK: Final = {"if", "for", "macro", "call", "filter", "with", "autoescape", "block", "raw", "set"}
_ENSAMMA: Final = {"set", "include", "import", "from", "extends", "print"}
_MELLAN: Final = {"elif": ("if",), "else": ("if", "for")}
_NIVANAMN: Final = {
    "tr": "en radtagg ({%tr … %})",
    "tc": "en celltagg ({%tc … %})",
    "p": "en styckestagg ({%p … %})",
    "": "en tagg inne i texten ({% … %})",
}


@dataclass
class _Oppet:
    namn: str
    tagg: int
    ersatt: str | None
    """The block name the repaired source uses when the opening tag had to be replaced."""
    mellan: list[int] = field(default_factory=list)
    else_sett: bool = False


@dataclass
class Syntax:
    """The result of the syntax pass over one part."""

    rader: list[str] = field(default_factory=list)
    """The repaired source, one tag per line."""
    rad_tagg: list[int] = field(default_factory=list)
    """Per line of the repaired source: the index of the tag it came from."""
    block: list[list[int]] = field(default_factory=list)
    """Per block: the indices of its opening, middle (elif, else) and closing tags."""


def _taggnamn(text: str) -> str | None:
    m = re.match(r"\{%[-+]?\s*(\w+)", text)
    return m.group(1) if m else None


def _var(s: Stycke) -> str:
    if s.tabell is not None:
        return f"tabell {s.plats.tabell}, rad {s.plats.rad}, kolumn {s.plats.kolumn}"
    if s.behallare:
        return f"en textruta (stycke {s.nummer})"
    return f"stycke {s.nummer} utanför tabeller"


class Syntaxgranskare:
    """The syntax pass over the tags of one part, reporting to the template's findings."""

    def __init__(self, protokoll: Protokoll, env: jinja2.Environment) -> None:
        self.protokoll = protokoll
        self.env = env

    def fynd(self, kod: Mallkod, t: Tagg, meddelande: str, atgard: str, *, tagg: int) -> None:
        self.protokoll.fynd(kod, _F, t.stycke.plats, meddelande, atgard, fokus=t.visning, tagg=tagg)

    def granska(self, taggar: list[Tagg]) -> Syntax:
        """Each tag on its own, then the nesting of blocks; the repaired source for the AST."""
        ut = Syntax()
        stack: list[_Oppet] = []

        def rad(text: str, tagg: int) -> None:
            ut.rader.append(text)
            ut.rad_tagg.append(tagg)

        def stang(o: _Oppet, tagg: int) -> None:
            rad(f"{{% end{o.ersatt or o.namn} %}}", tagg)

        for i, t in enumerate(taggar):
            text = t.text
            if text.startswith("{{"):
                fel = self.prova(text)
                if fel is None:
                    rad(text, i)
                else:
                    self.syntaxfel(i, t, fel)
                continue
            namn = _taggnamn(text)
            if namn is None:
                self.syntaxfel(i, t, "taggens namn saknas efter {%")
                continue
            if namn in _SLUT:
                oppnare = _SLUT[namn]
                namnat = r"(\w+\s*)?" if namn == "endblock" else ""
                if not re.fullmatch(rf"\{{%[-+]?\s*\w+\s*{namnat}[-+]?%\}}", text):
                    self.syntaxfel(i, t, f"efter {namn} får inget mer stå i taggen")
                djup = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].namn == oppnare), None)
                if djup is None:
                    self.fynd(
                        Mallkod.MALL_SYNTAX,
                        t,
                        f"{kort(t.visning)} avslutar inget block: det finns inget öppet "
                        f"{{% {oppnare} %}} före",
                        f"ta bort {kort(t.visning)}, eller lägg till den {{% {oppnare} … %}} som saknas",
                        tagg=i,
                    )
                    continue
                while len(stack) - 1 > djup:
                    o = stack.pop()
                    self.oavslutat(o, taggar)
                    stang(o, o.tagg)
                o = stack.pop()
                stang(o, i)
                ut.block.append([o.tagg, *o.mellan, i])
                continue
            if namn in _MELLAN:
                topp = stack[-1] if stack else None
                if topp is None or topp.namn not in _MELLAN[namn] or topp.else_sett:
                    if topp is not None and topp.else_sett:
                        meddelande = f"{kort(t.visning)} står efter {{% else %}} i samma block"
                    else:
                        meddelande = f"{kort(t.visning)} står utanför ett {{% if %}}" + (
                            " eller {% for %}" if namn == "else" else ""
                        )
                    self.fynd(
                        Mallkod.MALL_SYNTAX,
                        t,
                        meddelande,
                        f"flytta {kort(t.visning)} in i det block det hör till, eller ta bort det",
                        tagg=i,
                    )
                    continue
                if namn == "else":
                    if not re.fullmatch(r"\{%[-+]?\s*else\s*[-+]?%\}", text):
                        self.syntaxfel(i, t, "efter else får inget mer stå i taggen")
                    topp.else_sett = True
                    topp.mellan.append(i)
                    rad("{% else %}", i)
                    continue
                villkor = re.sub(r"^(\{%[-+]?\s*)elif\b", r"\1if", text)
                fel = self.prova(villkor + "{% endif %}")
                topp.mellan.append(i)
                if topp.ersatt is None and fel is None:
                    rad(text, i)
                else:
                    if fel is not None:
                        self.syntaxfel(i, t, fel)
                    rad("{% elif true %}" if topp.ersatt in (None, "if") else "{% else %}", i)
                continue
            if namn in _ENSAMMA:
                fel = self.prova(text)
                if fel is None:
                    rad(text, i)
                else:
                    self.syntaxfel(i, t, fel)
                continue
            if namn in _BLOCK:
                fel = self.prova(text + f"{{% end{namn} %}}") if namn != "raw" else "raw avslutas aldrig"
                ersatt: str | None = None
                if fel is None:
                    rad(text, i)
                else:
                    if namn != "raw":
                        self.syntaxfel(i, t, fel)
                    mal = re.match(r"\{%[-+]?\s*for\s+(\w+(?:\s*,\s*\w+)*)\s+in\b", text)
                    if namn == "for" and mal is not None:
                        rad(f"{{% for {mal.group(1)} in [] %}}", i)
                        ersatt = "for"
                    else:
                        rad("{% if true %}", i)
                        ersatt = "if"
                stack.append(_Oppet(namn, i, ersatt))
                continue
            self.okand_tagg(i, t, namn)
        while stack:
            o = stack.pop()
            self.oavslutat(o, taggar)
            stang(o, o.tagg)
        return ut

    def prova(self, text: str) -> str | None:
        """Jinja's syntax error for a small template, in Swedish, or None."""
        try:
            self.env.parse(text)
        except jinja2.TemplateSyntaxError as exc:
            return oversatt(exc.message or str(exc))
        return None

    def syntaxfel(self, i: int, t: Tagg, fel: str) -> None:
        self.fynd(
            Mallkod.MALL_SYNTAX,
            t,
            f"syntaxfel i taggen {kort(t.visning)}: {fel}",
            "rätta taggen i Word: kontrollera stavningen, parenteser och citattecken, och att "
            "taggen är skriven som {{ … }} eller {% … %}",
            tagg=i,
        )

    def okand_tagg(self, i: int, t: Tagg, namn: str) -> None:
        if namn in ("tr", "tc", "p", "r"):
            meddelande = (
                f"{kort(t.visning)} kunde inte tolkas som en {{%{namn} %}}-tagg; innehållet får inte "
                "innehålla tecknen } eller %"
            )
        elif namn in ("cellbg", "colspan", "vm", "hm"):
            meddelande = f"{kort(t.visning)} kunde inte användas här; den fungerar bara i en tabellcell"
        else:
            kanda = [*_SLUT, *_BLOCK, *_ENSAMMA, *_MELLAN]
            meddelande = f"okänd tagg {namn!r} i {kort(t.visning)}" + menade(namn, kanda)
        self.fynd(
            Mallkod.MALL_SYNTAX,
            t,
            meddelande,
            "rätta taggen; se docs/mallguide.md för de taggar en mall kan använda",
            tagg=i,
        )

    def oavslutat(self, o: _Oppet, taggar: list[Tagg]) -> None:
        t = taggar[o.tagg]
        prefix = {"tr": "%tr", "tc": "%tc", "p": "%p"}.get(t.niva, "%")
        slut = f"{{{prefix} end{o.namn} %}}"
        self.fynd(
            Mallkod.MALL_SYNTAX,
            t,
            f"{kort(t.visning)} avslutas aldrig: {slut} saknas",
            f"lägg till {slut} där blocket ska sluta",
            tagg=o.tagg,
        )

    def placering(self, taggar: list[Tagg], block: list[list[int]]) -> None:
        """The tags of a block (if/for/… with its else and end) must be on one level and in one
        table (for {%tr %}), row (for {%tc %}) or cell (for {%p %} and tags inside the text)."""
        for b in block:
            oppnare = taggar[b[0]]
            if oppnare.niva == "gen":
                continue
            for j in b[1:]:
                t = taggar[j]
                if t.niva != "gen" and self.ur_led(oppnare, t, b[0]):
                    break

    def ur_led(self, oppnare: Tagg, t: Tagg, i: int) -> bool:
        """Report the tag *t* of the block opened by *oppnare* (tag *i*) when it stands on
        another level or in another table, row or cell; whether it did."""
        a, s = oppnare.stycke, t.stycke
        ov, tv = kort(oppnare.visning), kort(t.visning)
        kod = Mallkod.MALL_FEL_PLATS
        if t.niva != oppnare.niva:
            meddelande = (
                f"{ov} är {_NIVANAMN[oppnare.niva]}, men {tv} "
                f"({s.plats}) är {_NIVANAMN[t.niva]}; taggarna i ett block måste vara av samma slag"
            )
            atgard = (
                "skriv alla taggar i blocket på samma sätt: {%tr … %} i egna tabellrader, "
                "{%tc … %} i egna celler, {%p … %} i egna stycken, eller {% … %} inne i texten"
            )
        elif oppnare.niva == "tr" and s.tabell != a.tabell:
            meddelande = f"{ov} och {tv} ({s.plats}) står i olika tabeller"
            atgard = "lägg {%tr … %} och dess {%tr end… %} i samma tabell"
        elif oppnare.niva == "tc" and s.rad != a.rad:
            meddelande = f"{ov} och {tv} ({s.plats}) står i olika tabellrader"
            atgard = "lägg {%tc … %} och dess {%tc end… %} i samma tabellrad"
        elif oppnare.niva in ("p", "") and s.behallare != a.behallare:
            if oppnare.niva == "" and (a.cell is not None or s.cell is not None):
                kod = Mallkod.MALL_LOOP_OVER_CELLER
                meddelande = (
                    f"{ov} öppnas i {_var(a)} men {tv} står i {_var(s)}; "
                    "ett block inne i texten kan inte gå över flera tabellceller"
                )
                atgard = (
                    "använd {%tr for … %} … {%tr endfor %} i egna rader för att upprepa rader, "
                    "{%tc … %} för kolumner, eller lägg hela blocket i en och samma cell"
                )
            else:
                meddelande = f"{ov} öppnas i {_var(a)} men {tv} står i {_var(s)}"
                atgard = (
                    "lägg blockets taggar i samma tabellcell (eller alla utanför tabeller); "
                    "använd {%tr … %} för att upprepa eller ta bort hela tabellrader"
                )
        else:
            return False
        self.fynd(kod, oppnare, meddelande, atgard, tagg=i)
        return True

    def parse(self, syntax: Syntax, taggar: list[Tagg]) -> nodes.Template | None:
        """The syntax tree of the repaired source; errors the passes missed are reported too."""
        rader = list(syntax.rader)
        for _ in range(len(rader) + 1):
            try:
                return self.env.parse("\n".join(rader))
            except jinja2.TemplateSyntaxError as exc:
                nr = (exc.lineno or 1) - 1
                if not 0 <= nr < len(rader) or not rader[nr]:
                    return None
                i = syntax.rad_tagg[nr]
                self.syntaxfel(i, taggar[i], oversatt(exc.message or str(exc)))
                rader[nr] = ""
        return None
