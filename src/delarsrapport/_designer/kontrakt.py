"""The syntax tree of a template part against the designer contract.

:class:`Kontraktsgranskare` walks the tree with the names in scope and the type of every
value (:mod:`delarsrapport._designer.typer`): the variables of the document kind, the
fields of each view, the element type of every loop variable inferred from what it
iterates, the filters and their arguments (:mod:`delarsrapport._designer.filterregler`),
and the constructs the sandbox refuses or that would bypass escaping. Each finding is
reported at the tag the node came from.

A macro (a building block, ``{%p macro atgarder(x) %} … {%p endmacro %}``, used where it
is needed as ``{{p atgarder(m) }}``) is checked where it is called, with the types of the
call's arguments, once per distinct set of them; a macro never called is checked with
arguments of unknown type. A macro defined with ``{%p macro`` writes paragraphs and
tables, so it is called from a paragraph of its own (``{{p … }}``), and one defined
inside the text is called inside the text.
"""

# Jinja's NodeVisitor dispatches on visit_<NodeClass>, so those method names follow the node classes.
# ruff: noqa: N802

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final

import jinja2
from jinja2 import nodes
from jinja2.visitor import NodeVisitor

from delarsrapport._check.koder import Severity
from delarsrapport._context import GEMENSAMMA, KONTEXTER, Block
from delarsrapport._designer.filterregler import (
    EGNA_FILTER,
    OSAKRA_FILTER,
    TILLATNA_INBYGGDA_FILTER,
    filterargument,
    inbyggd_typ,
    nyckelord,
)
from delarsrapport._designer.fynd import Mallkod, Protokoll, kort, menade
from delarsrapport._designer.makron import Bunden, Makro, anropa, granska_kropp
from delarsrapport._designer.makron import utskrift as makroutskrift
from delarsrapport._designer.taggar import Tagg
from delarsrapport._designer.typer import (
    FUNKTION,
    HELTAL,
    JANEJ,
    OKAND,
    TEXT,
    Typ,
    medlemstyper,
    typ_av,
    typnamn,
)
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.period import Rapportperiod

__all__ = ["Kontraktsgranskare"]

_F: Final = Severity.FEL
_V: Final = Severity.VARNING


class Kontraktsgranskare(NodeVisitor):
    """Walks a part's syntax tree with the names in scope and the type of every value.

    A statement's ``visit_`` method checks it and binds the names it sets; an expression's
    returns its type and its dotted path (empty when it is no plain path). *mild* is set
    when a missing value cannot fail there (the subject of ``is defined`` or of the
    ``default`` filter): it says what happens instead, and findings become warnings.
    """

    def __init__(
        self,
        protokoll: Protokoll,
        env: jinja2.Environment,
        slag: str,
        taggar: list[Tagg],
        rad_tagg: list[int],
    ) -> None:
        self.protokoll = protokoll
        self.env = env
        self.slag = slag
        self.taggar = taggar
        self.rad_tagg = rad_tagg
        kontext = {**GEMENSAMMA, **KONTEXTER[slag]}
        globala: dict[str, Bunden] = {namn: Bunden(FUNKTION) for namn in env.globals}
        globala["range"] = Bunden(Typ("funktion", element=HELTAL))
        self.ramar: list[dict[str, Bunden]] = [
            globala,
            {namn: Bunden(typ_av(t)) for namn, t in kontext.items()},
        ]
        self.makron: dict[str, Makro] = {}
        self.granskade: set[tuple[str, tuple[Typ, ...]]] = set()
        """Each macro and the argument types its body was checked with."""
        self.aktiva: list[str] = []

    # recording

    def fynd(self, kod: Mallkod, severity: Severity, nod: nodes.Node, meddelande: str, atgard: str) -> None:
        nr = max(1, min(nod.lineno, len(self.rad_tagg))) - 1
        i = self.rad_tagg[nr] if self.rad_tagg else 0
        t = self.taggar[i] if self.taggar else None
        plats = t.stycke.plats if t else None
        self.protokoll.fynd(kod, severity, plats, meddelande, atgard, fokus=t.visning if t else "", tagg=i)

    def tagg(self, nod: nodes.Node) -> Tagg | None:
        nr = max(1, min(nod.lineno, len(self.rad_tagg))) - 1
        return self.taggar[self.rad_tagg[nr]] if self.rad_tagg else None

    # scope

    def slaupp(self, namn: str) -> Bunden | None:
        for ram in reversed(self.ramar):
            if namn in ram:
                return ram[namn]
        return None

    def bind(self, mal: nodes.Node, typ: Typ, ursprung: str | None = None) -> None:
        if isinstance(mal, nodes.Name):
            self.ramar[-1][mal.name] = Bunden(typ, ursprung)
        elif isinstance(mal, nodes.Tuple | nodes.List):
            for del_ in mal.items:
                self.bind(del_, OKAND)
        elif isinstance(mal, nodes.NSRef) and self.slaupp(mal.name) is None:
            self.okand_variabel(mal, mal.name, mild="")

    def beskriv(self, sokvag: str) -> str:
        rot = sokvag.split(".", 1)[0].split("[", 1)[0]
        bunden = self.slaupp(rot)
        if bunden is not None and bunden.ursprung:
            return f"{sokvag} ({rot} är {bunden.ursprung})"
        return sokvag

    # walking

    def granska(self, mall: nodes.Template) -> None:
        """Check a part's syntax tree; then the macros no call has checked."""
        self.satser(mall.body)
        for namn, makro in self.makron.items():
            if not any(g[0] == namn for g in self.granskade):
                granska_kropp(self, namn, makro, [OKAND] * len(makro.nod.args), [None] * len(makro.nod.args))

    def satser(self, body: Iterable[nodes.Node]) -> None:
        for nod in body:
            self.visit(nod)

    def uttryck(self, nod: nodes.Node, *, mild: str = "") -> tuple[Typ, str]:
        """The type of *nod* and its dotted path (empty when it is no plain path)."""
        typ_och_sokvag: tuple[Typ, str] = self.visit(nod, mild=mild)
        return typ_och_sokvag

    def generic_visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> tuple[Typ, str]:
        """A node the contract says nothing about: its children are checked."""
        for barn in node.iter_child_nodes():
            self.visit(barn)
        return OKAND, ""

    # statements

    def visit_Output(self, nod: nodes.Output) -> None:
        for n in nod.nodes:
            if not isinstance(n, nodes.TemplateData):
                self.utskrift(n)

    def visit_For(self, nod: nodes.For) -> None:
        typ, sokvag = self.uttryck(nod.iter)
        element = self.element(nod, typ, sokvag)
        self.ramar.append({})
        self.bind(nod.target, element, f"ett element i {sokvag}" if sokvag else None)
        if nod.test is not None:
            self.uttryck(nod.test)
        self.ramar[-1]["loop"] = Bunden(Typ("loop", element=element))
        self.satser(nod.body)
        self.ramar.pop()
        self.satser(nod.else_)

    def visit_If(self, nod: nodes.If) -> None:
        self.uttryck(nod.test)
        self.satser(nod.body)
        self.satser(nod.elif_)
        self.satser(nod.else_)

    def visit_Assign(self, nod: nodes.Assign) -> None:
        typ, _ = self.uttryck(nod.node)
        self.bind(nod.target, typ)

    def visit_AssignBlock(self, nod: nodes.AssignBlock) -> None:
        self.satser(nod.body)
        if nod.filter is not None:
            self.filter(nod.filter, None)
        self.bind(nod.target, TEXT)

    def visit_With(self, nod: nodes.With) -> None:
        varden = [self.uttryck(v)[0] for v in nod.values]
        self.ramar.append({})
        for mal, typ in zip(nod.targets, varden, strict=False):
            self.bind(mal, typ)
        self.satser(nod.body)
        self.ramar.pop()

    def visit_Macro(self, nod: nodes.Macro) -> None:
        self.ramar[-1][nod.name] = Bunden(FUNKTION)
        tagg = self.tagg(nod)
        self.makron[nod.name] = Makro(nod, tagg.niva if tagg else "", list(self.ramar))
        for d in nod.defaults:
            self.uttryck(d)

    def visit_CallBlock(self, nod: nodes.CallBlock) -> None:
        self.uttryck(nod.call)
        self.makro(nod)

    def visit_FilterBlock(self, nod: nodes.FilterBlock) -> None:
        self.filter(nod.filter, None)
        self.satser(nod.body)

    def visit_ScopedEvalContextModifier(self, nod: nodes.ScopedEvalContextModifier) -> None:
        self.autoescape(nod)
        self.satser(nod.body)

    def visit_EvalContextModifier(self, nod: nodes.EvalContextModifier) -> None:
        self.autoescape(nod)

    def visit_Include(self, nod: nodes.Include) -> None:
        self.inkludering(nod, "include")

    def visit_Import(self, nod: nodes.Import) -> None:
        self.inkludering(nod, "import")
        self.bind(nodes.Name(nod.target, "store"), OKAND)

    def visit_FromImport(self, nod: nodes.FromImport) -> None:
        self.inkludering(nod, "from … import")
        for n in nod.names:
            self.bind(nodes.Name(n if isinstance(n, str) else n[1], "store"), OKAND)

    def visit_Extends(self, nod: nodes.Extends) -> None:
        self.inkludering(nod, "extends")

    def element(self, nod: nodes.Node, typ: Typ, sokvag: str) -> Typ:
        """The element type of a loop over *typ*; reports a loop over something that is no list."""
        if typ.slag in ("lista", "funktion"):
            return typ.element or OKAND
        if typ.slag == "klass" and typ.klass is str:
            self.fynd(
                Mallkod.MALL_INTE_LISTA,
                _V,
                nod,
                f"{sokvag or 'uttrycket'} är text, så {{% for %}} går igenom den tecken för tecken",
                "gå igenom en lista i stället; se docs/mallguide.md",
            )
            return TEXT
        if typ.slag in ("klass", "inget"):
            medlemmar = medlemstyper(typ) or {}
            listor = sorted(n for n, m in medlemmar.items() if not m.metod and m.typ.slag == "lista")
            forslag = f"; menade du {sokvag}.{listor[0]}?" if len(listor) == 1 else ""
            if len(listor) > 1:
                forslag = "; listor i den: " + ", ".join(f"{sokvag}.{n}" for n in listor)
            self.fynd(
                Mallkod.MALL_INTE_LISTA,
                _F,
                nod,
                f"{self.beskriv(sokvag) if sokvag else 'uttrycket'} är {typnamn(typ)}, inte en lista, "
                f"så {{% for %}} kan inte gå igenom den{forslag}",
                "låt {% for … in … %} gå igenom en lista; se docs/mallguide.md för vilka fält som är listor",
            )
        return OKAND

    def makro(self, nod: nodes.Macro | nodes.CallBlock) -> None:
        for d in nod.defaults:
            self.uttryck(d)
        self.ramar.append({namn: Bunden(FUNKTION) for namn in ("caller", "varargs", "kwargs")})
        for arg in nod.args:
            self.bind(arg, OKAND)
        self.satser(nod.body)
        self.ramar.pop()

    def autoescape(self, nod: nodes.ScopedEvalContextModifier | nodes.EvalContextModifier) -> None:
        for kw in nod.options:
            if kw.key == "autoescape" and not (isinstance(kw.value, nodes.Const) and kw.value.value is True):
                self.fynd(
                    Mallkod.MALL_OSAKER,
                    _F,
                    nod,
                    "{% autoescape false %} stänger av escapingen, så att text med tecken som < och & "
                    "kan bryta dokumentets XML",
                    "ta bort {% autoescape … %} och dess {% endautoescape %}",
                )
            self.uttryck(kw.value)

    def inkludering(self, nod: nodes.Node, namn: str) -> None:
        self.fynd(
            Mallkod.MALL_OSAKER,
            _F,
            nod,
            f"{{% {namn} %}} hämtar andra mallfiler, vilket en Word-mall inte kan",
            f"ta bort {{% {namn} … %}} och skriv innehållet direkt i mallen",
        )

    def utskrift(self, uttryck: nodes.Expr) -> None:
        typ, sokvag = self.uttryck(uttryck)
        tagg = self.tagg(uttryck)
        if (
            isinstance(uttryck, nodes.Call)
            and isinstance(uttryck.node, nodes.Name)
            and uttryck.node.name in self.makron
        ):
            makroutskrift(self, uttryck, uttryck.node.name, tagg)
            return
        ar_stycken = isinstance(uttryck, nodes.Filter) and uttryck.name == "stycken"
        if tagg is not None and tagg.niva == "p" and not ar_stycken:
            self.fynd(
                Mallkod.MALL_FEL_PLATS,
                _F,
                uttryck,
                f"{kort(tagg.visning)}: {{{{p … }}}} ersätter hela stycket och fungerar bara med filtret "
                "stycken (löptext)",
                "skriv {{p x | stycken }} för löptext, eller {{ … }} (utan p) inne i ett stycke",
            )
            return
        if tagg is not None and tagg.niva != "p" and _har_filter(uttryck, "stycken"):
            self.fynd(
                Mallkod.MALL_FEL_PLATS,
                _F,
                uttryck,
                "filtret stycken skriver hela stycken och måste stå sist i en egen {{p … }}-tagg",
                "skriv taggen som {{p x | stycken }} i ett eget stycke; i en tabellcell kan filtret "
                "som_text användas",
            )
            return
        if typ.slag in ("lista", "vilken", "loop") or (
            typ.slag == "klass"
            and typ.klass is not None
            and typ.klass not in (str, int, bool, Decimal, date, float)
        ):
            self.fynd(
                Mallkod.MALL_UTSKRIFT,
                _V,
                uttryck,
                f"{sokvag or 'uttrycket'} är {typnamn(typ)} och skrivs ut rått, som Python-text",
                _utskriftsatgard(typ),
            )

    # expressions

    def visit_Name(self, nod: nodes.Name, *, mild: str = "") -> tuple[Typ, str]:
        bunden = self.slaupp(nod.name)
        if bunden is None:
            self.okand_variabel(nod, nod.name, mild=mild)
            return OKAND, nod.name
        return bunden.typ, nod.name

    def visit_Const(self, nod: nodes.Const, *, mild: str = "") -> tuple[Typ, str]:
        return (typ_av(type(nod.value)) if nod.value is not None else Typ("inget")), ""

    def visit_Getattr(self, nod: nodes.Getattr, *, mild: str = "") -> tuple[Typ, str]:
        typ, sokvag = self.uttryck(nod.node)
        return self.attribut(nod, typ, sokvag, nod.attr, mild=mild)

    def visit_Getitem(self, nod: nodes.Getitem, *, mild: str = "") -> tuple[Typ, str]:
        typ, sokvag = self.uttryck(nod.node)
        if isinstance(nod.arg, nodes.Const) and isinstance(nod.arg.value, str):
            return self.attribut(nod, typ, sokvag, nod.arg.value, mild=mild)
        self.uttryck(nod.arg)
        if isinstance(nod.arg, nodes.Slice):
            return typ, ""
        index = f"{sokvag}[{nod.arg.value!r}]" if sokvag and isinstance(nod.arg, nodes.Const) else ""
        return (typ.element or OKAND) if typ.slag == "lista" else OKAND, index

    def visit_Filter(self, nod: nodes.Filter, *, mild: str = "") -> tuple[Typ, str]:
        return self.filter(nod, nod.node), ""

    def visit_Test(self, nod: nodes.Test, *, mild: str = "") -> tuple[Typ, str]:
        self.uttryck(
            nod.node,
            mild="villkoret blir alltid falskt"
            if nod.name == "defined"
            else ("villkoret blir alltid sant" if nod.name == "undefined" else ""),
        )
        for a in nod.args:
            self.uttryck(a)
        for kw in nod.kwargs:
            self.uttryck(kw.value)
        if nod.name not in self.env.tests:
            self.fynd(
                Mallkod.MALL_OKANT_FILTER,
                _F,
                nod,
                f"testet {nod.name!r} finns inte" + menade(nod.name, self.env.tests),
                "använd ett av Jinjas tester, till exempel defined, none, number eller string",
            )
        return JANEJ, ""

    def visit_Call(self, nod: nodes.Call, *, mild: str = "") -> tuple[Typ, str]:
        return self.anrop(nod), ""

    def visit_CondExpr(self, nod: nodes.CondExpr, *, mild: str = "") -> tuple[Typ, str]:
        self.uttryck(nod.test)
        a, _ = self.uttryck(nod.expr1)
        b = self.uttryck(nod.expr2)[0] if nod.expr2 is not None else a
        return (a if a == b else OKAND), ""

    def visit_Compare(self, nod: nodes.Compare, *, mild: str = "") -> tuple[Typ, str]:
        return self.sammansatt(nod, JANEJ)

    def visit_Not(self, nod: nodes.Not, *, mild: str = "") -> tuple[Typ, str]:
        return self.sammansatt(nod, JANEJ)

    def visit_Concat(self, nod: nodes.Concat, *, mild: str = "") -> tuple[Typ, str]:
        return self.sammansatt(nod, TEXT)

    def visit_Tuple(self, nod: nodes.Tuple, *, mild: str = "") -> tuple[Typ, str]:
        return self.sammansatt(nod, Typ("lista", element=OKAND))

    def visit_List(self, nod: nodes.List, *, mild: str = "") -> tuple[Typ, str]:
        return self.sammansatt(nod, Typ("lista", element=OKAND))

    def sammansatt(self, nod: nodes.Expr, typ: Typ) -> tuple[Typ, str]:
        """An expression of type *typ* made of others, which are checked."""
        self.generic_visit(nod)
        return typ, ""

    def okand_variabel(self, nod: nodes.Node, namn: str, *, mild: str) -> None:
        if namn == "Markup":
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                "Markup gör text till färdig XML utan escaping, och finns inte i en mall",
                "ta bort Markup; skriv ut värdet med {{ … }} så escapas det",
            )
            return
        synliga = {n for ram in self.ramar[1:] for n in ram}
        annat = [s for s, k in KONTEXTER.items() if namn in k and s != self.slag]
        if namn == "loop":
            meddelande = "variabeln 'loop' finns bara inne i en {% for %}"
        elif annat:
            meddelande = (
                f"variabeln {namn!r} finns bara i mallen {annat[0]}.docx, inte i {self.protokoll.fil}"
            )
        else:
            meddelande = f"variabeln {namn!r} finns inte i {self.protokoll.fil}" + menade(namn, synliga)
        if mild:
            meddelande += f" ({mild})"
        self.fynd(
            Mallkod.MALL_OKAND_VARIABEL,
            _V if mild else _F,
            nod,
            meddelande,
            "rätta namnet; variabler som finns här: " + ", ".join(sorted(synliga - {"loop"})),
        )

    def attribut(self, nod: nodes.Node, typ: Typ, sokvag: str, attr: str, *, mild: str) -> tuple[Typ, str]:
        ny = f"{sokvag}.{attr}" if sokvag else ""
        if ny.startswith("installningar."):
            self.protokoll.samlare.lasta.add(ny)
        if attr.startswith("_"):
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                f"{attr!r} börjar med understreck; sådana inre delar av ett värde stoppar sandlådan",
                "använd bara fälten i mallkontraktet; se docs/mallguide.md",
            )
            return OKAND, ny
        medlemmar = medlemstyper(typ)
        if medlemmar is None:
            return OKAND, ny
        medlem = medlemmar.get(attr)
        if medlem is not None:
            return (FUNKTION if medlem.metod else medlem.typ), ny
        vem = self.beskriv(sokvag) if sokvag else "uttrycket"
        if typ.slag == "klass" and hasattr(typ.klass, attr):
            self.fynd(
                Mallkod.MALL_OKANT_FALT,
                _V,
                nod,
                f"{attr!r} i {vem} är en Python-egenskap hos {typnamn(typ)}, inte ett fält i "
                "mallkontraktet; det fungerar, men stöds inte",
                "använd mallkontraktets fält och filter; se docs/mallguide.md",
            )
            return OKAND, ny
        if typ.slag == "lista":
            meddelande = (
                f"{vem} är en lista och har inget fält {attr!r}; gå igenom den med "
                f"{{% for x in {sokvag or '…'} %}} och skriv x.{attr}"
            )
        elif typ.slag == "inget":
            meddelande = f"{vem} är alltid tomt (inget värde) och har inget fält {attr!r}"
        else:
            meddelande = f"fältet {attr!r} finns inte i {vem}" + menade(
                attr, [n for n, m in medlemmar.items() if not m.metod]
            )
        falt = sorted(n for n, m in medlemmar.items() if not m.metod)
        atgard = "rätta fältnamnet; se docs/mallguide.md"
        if falt and typ.slag != "vilken":
            atgard += f"; fält i {sokvag or 'värdet'}: " + ", ".join(falt)
        if mild:
            meddelande += f" ({mild})"
        self.fynd(Mallkod.MALL_OKANT_FALT, _V if mild else _F, nod, meddelande, atgard)
        return OKAND, ny

    def anrop(self, nod: nodes.Call) -> Typ:
        argument = [self.uttryck(a) for a in nod.args]
        for kw in nod.kwargs:
            self.uttryck(kw.value)
        for d in (nod.dyn_args, nod.dyn_kwargs):
            if d is not None:
                self.uttryck(d)
        f = nod.node
        if isinstance(f, nodes.Getattr):
            return self.metodanrop(nod, f)
        if isinstance(f, nodes.Name) and f.name in self.makron and self.slaupp(f.name) is not None:
            anropa(self, nod, f.name, argument)
            return TEXT
        typ, sokvag = self.uttryck(f)
        if typ.slag not in ("funktion", "okand", "loop"):
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                f"{sokvag or 'uttrycket'} är {typnamn(typ)} och kan inte anropas med ()",
                f"skriv {sokvag or 'uttrycket'} utan ()",
            )
        if isinstance(f, nodes.Name) and f.name == "range":
            return Typ("lista", element=HELTAL)
        return OKAND

    def metodanrop(self, nod: nodes.Call, f: nodes.Getattr) -> Typ:
        """A call of a member, ``x.namn()``: only the contract's methods can be called."""
        typ, sokvag = self.uttryck(f.node)
        if f.attr.startswith("_"):
            return self.attribut(f, typ, sokvag, f.attr, mild="")[0]
        medlemmar = medlemstyper(typ)
        if medlemmar is None:
            return OKAND
        medlem = medlemmar.get(f.attr)
        vem = self.beskriv(sokvag) if sokvag else "värdet"
        if medlem is None and typ.slag == "klass" and hasattr(typ.klass, f.attr):
            self.fynd(
                Mallkod.MALL_OSAKER,
                _V,
                nod,
                f"{f.attr}() i {vem} är en Python-metod som inte hör till mallspråket; den fungerar, "
                "men stöds inte",
                "formatera värden med mallens filter; se docs/mallguide.md",
            )
            return OKAND
        if medlem is None:
            metoder = [n for n, m in medlemmar.items() if m.metod]
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                f"mallen anropar {f.attr}(), som inte finns i {vem}" + menade(f.attr, metoder),
                "ta bort anropet; formatera värden med mallens filter (se docs/mallguide.md)",
            )
            return OKAND
        if not medlem.metod:
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                f"{sokvag or f.attr}.{f.attr} är ett fält, inte något som kan anropas med ()"
                if sokvag
                else f"{f.attr} är ett fält, inte något som kan anropas med ()",
                f"skriv {sokvag + '.' if sokvag else ''}{f.attr} utan ()",
            )
        return medlem.typ

    def filter(self, nod: nodes.Filter, amne: nodes.Expr | None) -> Typ:
        """The type a filter gives; checks the filter, its arguments and its subject *amne*."""
        namn = nod.name
        mild = "filtret default skriver då alltid sitt standardvärde" if namn in ("default", "d") else ""
        typ, sokvag = self.uttryck(amne, mild=mild) if amne is not None else (OKAND, "")
        for a in nod.args:
            self.uttryck(a)
        for kw in nyckelord(nod):
            self.uttryck(kw.value)
        for d in (nod.dyn_args, nod.dyn_kwargs):
            if d is not None:
                self.uttryck(d)
        if namn in EGNA_FILTER:
            for brist in filterargument(nod, self.env.filters[namn], typ, sokvag):
                self.fynd(brist.kod, brist.severity, nod, brist.meddelande, brist.atgard)
            return TEXT
        if namn in TILLATNA_INBYGGDA_FILTER:
            return inbyggd_typ(namn, typ)
        if namn in OSAKRA_FILTER:
            self.fynd(
                Mallkod.MALL_OSAKER,
                _F,
                nod,
                OSAKRA_FILTER[namn],
                f"ta bort | {namn}; värden escapas av sig själva och filtret stycken skriver löptext",
            )
            return OKAND
        if namn == "attr" and nod.args and isinstance(nod.args[0], nodes.Const):
            varde = nod.args[0].value
            if isinstance(varde, str):
                return self.attribut(nod, typ, sokvag, varde, mild="")[0]
        tillatna = sorted({*EGNA_FILTER, *TILLATNA_INBYGGDA_FILTER})
        if namn in self.env.filters:
            self.fynd(
                Mallkod.MALL_OKANT_FILTER,
                _V,
                nod,
                f"filtret {namn!r} är ett inbyggt Jinja-filter som inte hör till mallspråket; det fungerar, "
                "men stöds inte",
                "använd mallens egna filter eller de tillåtna inbyggda: " + ", ".join(tillatna),
            )
        else:
            self.fynd(
                Mallkod.MALL_OKANT_FILTER,
                _F,
                nod,
                f"filtret {namn!r} finns inte" + menade(namn, tillatna),
                "använd ett av filtren: " + ", ".join(tillatna),
            )
        return OKAND


def _har_filter(nod: nodes.Node, namn: str) -> bool:
    if isinstance(nod, nodes.Filter) and nod.name == namn:
        return True
    return any(_har_filter(b, namn) for b in nod.iter_child_nodes())


def _utskriftsatgard(typ: Typ) -> str:
    if typ.slag == "lista":
        if typ.element is not None and typ.element.klass is Block:
            return (
                "skriv löptext med {{p x | stycken }} i ett eget stycke, eller {{ x | som_text }} "
                "i en tabellcell"
            )
        return "skriv listan med filtret lista ({{ x | lista }}) eller gå igenom den med {% for %}"
    if typ.slag == "klass" and typ.klass is not None:
        if typ.klass is Belopp:
            return "formatera beloppet med filtret belopp, till exempel {{ x | belopp('tkr') }}"
        if typ.klass is Rapportperiod:
            return "formatera perioden med filtret period, till exempel {{ period | period('kod') }}"
    return "skriv ut ett av fälten (x.namn); se docs/mallguide.md"
