"""The findings of a check run, where in the documents each one belongs, and the rule for figures.

Every reported (printed) figure is compared with the model's computed one, with the
tolerance of domain.md §4.3: a difference that the source system's per-cell rounding
explains is a *notering*, a larger one a *fel* (:meth:`Recorder.jamfor`). The area
modules of the check record their findings here, inside ``with c.dokument(...)`` and
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
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.kalla import Indatakalla
from delarsrapport._model.rapporterat import Tom
from delarsrapport.formatting import avrunda, format_belopp

__all__ = [
    "EXAKT",
    "MNKR_HEL",
    "RR",
    "TKR",
    "Finding",
    "Path_",
    "Recorder",
    "beloppstext",
    "kort",
    "tal",
]

Path_ = tuple[str | int, ...]
"""A field path in the input, ``("bilagor", 0, "titel")``; a finding prints it as ``bilagor[0].titel``."""


@attrs.frozen
class Finding:
    """One thing the check found: code, severity, place, message and the numbers involved.

    ``printed`` is what the source printed, ``computed`` what the model computes and
    ``difference`` printed − computed, all in ``unit`` (for amounts); for dates, titles and
    counts they hold the text or number as it is. ``source`` and ``line`` are the input
    file and the line the field path starts on (of the nearest enclosing path for a
    derived value), when the report was loaded from a file.
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


# How far a printed figure may differ from the computed one (domain.md §4.3, docs/kontroller.md),
# in the table's unit: the source system sums exact kronor and rounds each cell for itself.
#: tkr tables.
TKR: Final = Decimal(1)
#: The summary, in whole mnkr.
MNKR_HEL: Final = Decimal(1)
#: Resultaträkningar, in mnkr with one decimal.
RR: Final = Decimal("0.2")
#: Planning tables typed in whole tkr (driftbudget, fördelning, investeringsbudget): no rounding to explain.
EXAKT: Final = Decimal(0)


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
        tolerans: Decimal,
        summa: bool = False,
        visning: int = 0,
        tom_ar_noll: bool = False,
    ) -> None:
        """Compare one printed cell with the computed value (the tolerance rule of §4.3).

        *tolerans* is how far the source system's per-cell rounding can move a derived
        figure; the rounding of the printed cell itself (half its last digit) is added.
        Zero tolerance means the table is typed in whole numbers and must add up exactly.
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
        grans = tolerans + Decimal(5).scaleb(-decimaler - 1) if tolerans > 0 else tolerans
        if abs(d) <= grans and tolerans > 0:
            self.add(
                Kod.RAPP_AVRUNDNING,
                path,
                f"{label}: tryckt {tal(p, decimaler)} {enhet}, beräknat {shown_c} {enhet} "
                f"(skillnad {diff_text} {enhet}). Skillnaden förklaras av att källsystemet "
                f"avrundar varje cell för sig (±{tal(tolerans, decimaler)} {enhet}).",
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
                f"(skillnad {diff_text} {enhet}).",
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
