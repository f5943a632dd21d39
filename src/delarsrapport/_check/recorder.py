"""The findings of a check run, where in the documents each one belongs, and the rule for figures.

Every comparison of parts with a whole follows one rule (:class:`Delar`, written out in
``docs/kontroller.md``): a rounded figure may be up to half a unit of its last digit from
the exact value, so a difference is explained by rounding when it is no larger than the
sum of those half units over every rounded figure involved, the parts and the whole. An
explained difference is a *notering*, a larger one a *fel* (:meth:`Recorder.jamfor`). The
area modules of the check record their findings here, inside ``with c.dokument(...)`` and
``with c.avsnitt(...)``, so each finding carries the document and section it is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, Final

import attrs

from delarsrapport._check.koder import KODER, Kod, Severity
from delarsrapport._load import format_path
from delarsrapport._model.belopp import Belopp, Enhet, faktor
from delarsrapport._model.kalla import Indatakalla
from delarsrapport._model.rapporterat import Tom
from delarsrapport.formatting import avrunda, format_belopp

__all__ = [
    "Delar",
    "Finding",
    "Path_",
    "Recorder",
    "beloppstext",
    "decimaler_i",
    "halv_enhet",
    "kort",
    "tal",
]

Path_ = tuple[str | int, ...]
"""A field path in the input, ``("bilagor", 0, "titel")``; a finding prints it as ``bilagor[0].titel``."""


@attrs.frozen
class Finding:
    """One thing the check found: code, severity, place, message and the numbers involved.

    ``printed`` is always the figure as the source gives it at ``path`` (a printed cell, a
    stated count, a whole such as a parent row or a table's row in a plan), ``computed``
    what the model computes or expects in its place (the sum of the parts, the count of
    the items, the registry's title), and ``difference`` printed − computed, all in
    ``unit`` (for amounts); for dates, titles and counts they hold the text or number as
    it is. A finding that compares no figure with a computed one has no ``computed``.
    ``source`` and ``line`` are the input file and the line the field path starts on (of
    the nearest enclosing path for a derived value), when the report was loaded from a file.
    """

    code: Kod
    severity: Severity
    path: str
    message: str
    document: str
    section: str
    printed: Decimal | str | None = None
    computed: Decimal | str | None = None
    difference: Decimal | None = None
    unit: str | None = None
    source: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (numbers as strings, so nothing is rounded by a JSON reader)."""
        out: dict[str, Any] = {}
        for field in attrs.fields(Finding):
            value = getattr(self, field.name)
            out[field.name] = str(value) if isinstance(value, (Decimal, Kod, Severity)) else value
        return out

    def __str__(self) -> str:
        return f"[{self.severity}] {self.code} {self.path}: {self.message}"


#: The singular of the words a rounding message counts parts in.
_ETT: Final = {
    "tal": "ett tal",
    "rader": "en rad",
    "varav-rader": "en varav-rad",
    "avdelningar": "en avdelning",
}


def halv_enhet(decimaler: int | None) -> Decimal:
    """Half a unit of the last digit of a figure with *decimaler* decimals; zero for an exact
    figure (``None``).

    >>> halv_enhet(0), halv_enhet(1), halv_enhet(3), halv_enhet(None)
    (Decimal('0.5'), Decimal('0.05'), Decimal('0.0005'), Decimal('0'))
    """
    return Decimal(0) if decimaler is None else Decimal(5).scaleb(-decimaler - 1)


def decimaler_i(decimaler: int, fran: Enhet, till: Enhet) -> int:
    """The decimals, in *till*, of a figure with *decimaler* decimals in *fran* (whole tkr are
    three decimals of mnkr).

    >>> decimaler_i(0, "tkr", "mnkr"), decimaler_i(1, "mnkr", "mnkr")
    (3, 1)
    """
    return decimaler + int((faktor(till) / faktor(fran)).log10())


@attrs.frozen
class Delar:
    """The rounded figures a compared value is made of, and how far their rounding can move it.

    This is the one rule for every comparison of parts with a whole: each rounded figure
    may be off by half a unit of its last digit, so *marginal* is the sum of those half
    units, and a difference no larger than the parts' margin plus the whole's own half
    unit is explained by rounding. Exact figures (a plan typed in whole tkr, amounts the
    model computes from exact inputs) count for nothing.
    """

    antal: int = 0
    """How many rounded figures."""
    marginal: Decimal = Decimal(0)
    """The sum of their half units, in the unit of the comparison."""

    @classmethod
    def avrundade(cls, antal: int, decimaler: int | None) -> Delar:
        """*antal* figures rounded to *decimaler* decimals (``None``: exact, no margin).

        >>> Delar.avrundade(3, 0)
        Delar(antal=3, marginal=Decimal('1.5'))
        >>> Delar.avrundade(3, None)
        Delar(antal=0, marginal=Decimal('0'))
        """
        if decimaler is None or antal == 0:
            return cls()
        return cls(antal, antal * halv_enhet(decimaler))

    def __add__(self, other: Delar) -> Delar:
        return Delar(self.antal + other.antal, self.marginal + other.marginal)

    def i_enhet(self, fran: Enhet, till: Enhet) -> Delar:
        """The same parts with their margin measured in *till* instead of *fran*."""
        return Delar(self.antal, self.marginal * faktor(fran) / faktor(till))

    def med_helhet(self, decimaler: int | None) -> Decimal:
        """The largest difference rounding explains when the whole is rounded to *decimaler*."""
        return self.marginal + halv_enhet(decimaler)

    def forklaring(self, grans: Decimal, enhet: str, *, delar: str = "tal", helhet: str | None) -> str:
        """The rule as a message states it: ``avrundning av 4 tal och den tryckta cellen förklarar
        högst 2,5 tkr``; *delar* names the parts, *helhet* the rounded whole (``None``: exact).

        >>> Delar.avrundade(3, 0).forklaring(Decimal(2), "mnkr", delar="rader", helhet="totalen")
        'avrundning av 3 rader och totalen förklarar högst 2 mnkr'
        >>> Delar().forklaring(Decimal(0), "tkr", helhet=None)
        'exakta belopp ska gå jämnt ut'
        """
        namn = (
            [_ETT.get(delar, f"1 {delar}") if self.antal == 1 else f"{self.antal} {delar}"]
            if self.antal
            else []
        )
        if helhet:
            namn.append(helhet)
        if not namn or not grans:
            return "exakta belopp ska gå jämnt ut"
        decimaler = max(0, -int(grans.normalize().as_tuple().exponent))
        return f"avrundning av {' och '.join(namn)} förklarar högst {tal(grans, decimaler)} {enhet}"


class Recorder:
    """The findings of one check run, and the document and section the check is in."""

    __slots__ = ("_document", "_kalla", "_section", "findings")

    def __init__(self, kalla: Indatakalla | None = None) -> None:
        self.findings: list[Finding] = []
        self._document = ""
        self._section = ""
        self._kalla = kalla

    @contextmanager
    def dokument(self, namn: str) -> Iterator[None]:
        """Record the findings inside the ``with`` block under the document *namn*."""
        tidigare, self._document = self._document, namn
        try:
            yield
        finally:
            self._document = tidigare

    @contextmanager
    def avsnitt(self, namn: str) -> Iterator[None]:
        """Record the findings inside the ``with`` block under the section *namn*.

        The section before the block is restored after it, also when the block raises.
        """
        tidigare, self._section = self._section, namn
        try:
            yield
        finally:
            self._section = tidigare

    def add(
        self,
        code: Kod,
        path: Path_,
        message: str,
        *,
        printed: Decimal | str | None = None,
        computed: Decimal | str | None = None,
        difference: Decimal | None = None,
        unit: str | None = None,
    ) -> None:
        """Record one finding, with the severity its code is documented with, and its input line."""
        kalla = self._kalla
        self.findings.append(
            Finding(
                code=code,
                severity=KODER[code].severity,
                path=format_path(path),
                message=message,
                document=self._document,
                section=self._section,
                printed=printed,
                computed=computed,
                difference=difference,
                unit=unit,
                source=kalla.fil if kalla is not None else None,
                line=kalla.rad(path) if kalla is not None else None,
            )
        )

    def jamfor(
        self,
        path: Path_,
        label: str,
        printed: object,
        computed: Belopp | None,
        *,
        enhet: Enhet,
        delar: Delar,
        summa: bool = False,
        visning: int = 0,
        tom_ar_noll: bool = False,
    ) -> None:
        """Compare one printed cell (the whole) with the value computed from its parts.

        *delar* are the rounded figures the computed value is made of (:class:`Delar`); the
        rounding of the printed cell itself (half its last digit) is added to their margin.
        A difference within it is explained by rounding (a notering), a larger one is a fel.
        *visning* is the number of decimals used to show a value for an empty cell;
        *tom_ar_noll* says the table leaves zero cells empty (Upplands-Bro), so an empty cell
        for a zero value is no finding.
        """
        if printed is None:
            return
        if isinstance(printed, Tom):
            if computed is None or (tom_ar_noll and not computed):
                return
            shown = format_belopp(computed, enhet=enhet, decimaler=visning).replace("\xa0", " ")
            self.add(
                Kod.RAPP_SUMMA_TOM if summa else Kod.RAPP_TOM,
                path,
                f"{label}: cellen är tom i källan, men värdet är {shown} {enhet}.",
                printed="",
                computed=computed.i_enhet(enhet),
                unit=enhet,
            )
            return
        assert isinstance(printed, Belopp)
        p = printed.i_enhet(enhet)
        decimaler = max(0, -int(p.as_tuple().exponent))
        if computed is None:
            if p == 0:
                return
            self.add(
                Kod.RAPP_AVVIKER,
                path,
                f"{label}: källan trycker {tal(p, decimaler)} {enhet}, men indata räcker inte "
                "för att räkna fram värdet.",
                printed=p,
                unit=enhet,
            )
            return
        c = computed.i_enhet(enhet)
        if avrunda(c, decimaler) == p:
            return
        d = p - c
        exakt = min(max(decimaler, -int(c.normalize().as_tuple().exponent)), decimaler + 2)
        shown_c = tal(avrunda(c, exakt), exakt)
        diff_text = tal(avrunda(abs(d), exakt), exakt)
        grans = delar.med_helhet(decimaler)
        forklaring = delar.forklaring(grans, enhet, helhet="den tryckta cellen")
        if abs(d) <= grans:
            self.add(
                Kod.RAPP_AVRUNDNING,
                path,
                f"{label}: tryckt {tal(p, decimaler)} {enhet}, beräknat {shown_c} {enhet} "
                f"(skillnad {diff_text} {enhet}; {forklaring}).",
                printed=p,
                computed=c,
                difference=d,
                unit=enhet,
            )
        else:
            self.add(
                Kod.RAPP_AVVIKER,
                path,
                f"{label}: tryckt {tal(p, decimaler)} {enhet}, men raderna ger {shown_c} {enhet} "
                f"(skillnad {diff_text} {enhet}; {forklaring}).",
                printed=p,
                computed=c,
                difference=d,
                unit=enhet,
            )


def tal(value: Decimal, decimaler: int) -> str:
    """A number as a message writes it: ``-3 603`` (plain spaces, so a terminal shows it)."""
    return format_belopp(Belopp(value), enhet="kr", decimaler=decimaler).replace("\xa0", " ")


def beloppstext(value: Belopp, enhet: Enhet, decimaler: int = 0) -> str:
    """An amount with its short unit as a message writes it: ``2,4 mnkr``."""
    return format_belopp(value, enhet=enhet, decimaler=decimaler, suffix="kort").replace("\xa0", " ")


def kort(text: str, limit: int = 60) -> str:
    """*text* on one line, cut with an ellipsis at *limit* characters, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
