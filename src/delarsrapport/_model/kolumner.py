"""The columns of every economic table, in one place: field, label, and whether it is derived.

A table's rows are model classes with one attribute per column. Which attributes are
columns, in which order they are printed, what a finding calls them and which of them
are computed rather than typed is said here once, and read by the model (its sums), the
loader (a printed row may be written as a list in column order), the check (the labels
in its messages) and the template context. Labels may name the period:
``{ar}``, ``{ar2}``, ``{ar3}``, ``{fg_ar}`` (years), ``{kort}`` ("jan-aug"), ``{manad_ar}``
("augusti 2020"), ``{kod}``/``{fg_kod}``/``{prognos_kod}`` ("202001-202008", "202008").
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeVar

import attrs

from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapporterat import summa
from delarsrapport._model.text import check_text_fields
from delarsrapport.formatting import format_period

__all__ = [
    "DETALJ",
    "DRIFT",
    "EGEN_REGI",
    "INVESTERINGSBUDGET",
    "INVESTERINGSREDOVISNING",
    "KAPITAL",
    "NAMNDPLAN_BUDGET",
    "RESULTATRAKNING",
    "RESULTATRAKNING_RADER",
    "SAMMANFATTNING",
    "SIF",
    "STATSBIDRAG",
    "Kolumn",
    "Kolumner",
]


_R = TypeVar("_R", bound=attrs.AttrsInstance)


@attrs.frozen(field_transformer=check_text_fields)
class Kolumn:
    """One column: the row attribute it shows and the label findings give it."""

    falt: str
    """The attribute of the row class (``budget_kostnad``)."""
    etikett: str
    """The column's name in a finding ("Budget kostnad", "Utfall {kort}")."""
    av: tuple[str, ...] = ()
    """For a derived column, the input columns of the same row it is computed from."""

    @property
    def harledd(self) -> bool:
        """Computed from the other columns; never an input of its own."""
        return bool(self.av)


@attrs.frozen(field_transformer=check_text_fields)
class Kolumner:
    """The columns of one kind of table, in printed order."""

    kolumner: tuple[Kolumn, ...]

    @functools.cached_property
    def falt(self) -> tuple[str, ...]:
        """Every column's attribute, in order."""
        return tuple(k.falt for k in self.kolumner)

    @functools.cached_property
    def indata(self) -> tuple[str, ...]:
        """The attributes of the columns that are inputs (not derived), in order."""
        return tuple(k.falt for k in self.kolumner if not k.harledd)

    def summarad(self, mall: _R, rader: Iterable[object]) -> _R:
        """*mall* (a row named "Summa") with every input column the exact sum over *rader*."""
        rows = list(rader)
        values: dict[str, Any] = attrs.asdict(mall, recurse=False)
        values.update({k: summa(getattr(r, k) for r in rows) for k in self.indata})
        return type(mall)(**values)

    def kolumn(self, falt: str) -> Kolumn:
        """The column *falt*."""
        for k in self.kolumner:
            if k.falt == falt:
                return k
        raise KeyError(falt)

    def etikett(self, falt: str, period: Rapportperiod | None = None) -> str:
        """The label of column *falt*, with the period's words filled in."""
        k = self.kolumn(falt)
        return k.etikett.format_map(_periodord(period)) if "{" in k.etikett else k.etikett

    def delar(self, rader: Iterable[object], falt: str) -> int:
        """How many given cells of *rader* column *falt* is made of, summed over the rows.

        A given cell is one; a derived cell is the given cells of the columns it is
        computed from; an empty cell (``None``) is none. The check uses the count for
        the rounding rule: each given cell of a table transcribed from print is rounded.
        """
        namn = self.kolumn(falt).av or (falt,)
        return sum(1 for r in rader for n in namn if getattr(r, n) is not None)

    def etiketter(self, period: Rapportperiod | None = None) -> dict[str, str]:
        """Every column's label by attribute."""
        return {k.falt: self.etikett(k.falt, period) for k in self.kolumner}


def _periodord(period: Rapportperiod | None) -> Mapping[str, object]:
    if period is None:
        raise ValueError("etiketten behöver rapportperioden")
    return {
        "ar": period.ar,
        "ar2": period.ar + 1,
        "ar3": period.ar + 2,
        "fg_ar": period.ar - 1,
        "kort": format_period(period, "kort"),
        "manad_ar": format_period(period, "manad_ar"),
        "kod": period.kod,
        "fg_kod": period.fg.kod,
        "prognos_kod": period.prognos_kod,
    }


SAMMANFATTNING: Final = Kolumner(
    (
        Kolumn("kommunbidrag", "Kommunbidrag {ar}"),
        Kolumn("periodens_utfall", "Periodens utfall {kod}"),
        Kolumn("periodens_utfall_fg", "Periodens utfall {fg_kod}"),
        Kolumn("helarsprognos", "Helårsprognos {prognos_kod}"),
    )
)
"""Uppsala's summary table per verksamhet (mnkr): ``Sammanfattningsvarden``."""

EGEN_REGI: Final = Kolumner(
    (
        Kolumn("resultat", "Resultat {kod}"),
        Kolumn("avvikelse", "Avvikelse mot budget"),
        Kolumn("resultat_fg", "Resultat {fg_kod}"),
    )
)
"""The egen-regi table per avdelning (mnkr, one decimal): ``EgenRegiRad``, ``RapporteradEgenRegiRad``."""

DETALJ: Final = Kolumner(
    (
        Kolumn("utfall_period", "Utfall {kort}"),
        Kolumn("budget_period", "Budget {kort}"),
        Kolumn("prognos_period", "Prognos {kort}"),
        Kolumn("prognos_ar", "Prognos {ar}"),
        Kolumn("ny_prognos_ar", "Ny prognos {ar}"),
        Kolumn("budget_ar", "Budget {ar}"),
        Kolumn("utfall_fg_ar", "Utfall {fg_ar}"),
    )
)
"""The seven columns of a detail table per verksamhet (tkr): ``Sjukolumner``."""

RESULTATRAKNING: Final = Kolumner(
    (
        Kolumn("utfall_period", "Utfall {manad_ar}"),
        Kolumn("budget_period", "Budget {manad_ar}"),
        Kolumn("diff_period", "Diff utfall/budget {ar}", av=("utfall_period", "budget_period")),
        Kolumn("budget_ar", "Budget helår"),
        Kolumn("prognos_ar", "Prognos helår"),
        Kolumn("diff_ar", "Diff prognos/budget helår", av=("prognos_ar", "budget_ar")),
    )
)
"""A resultaträkning's columns (mnkr, one decimal): ``RRKolumner`` has the inputs, ``RRRapporterad`` all."""

RESULTATRAKNING_RADER: Final = {
    "verksamhetens_intakter": "Verksamhetens intäkter",
    "lamnade_bidrag": "Lämnade bidrag och köp av huvudverksamhet mm",
    "personalkostnader": "Personalkostnader",
    "ovriga_kostnader": "Övriga kostnader",
    "avskrivningar": "Avskrivningar",
    "finansnetto": "Finansnetto",
    "resultat_fore_indirekta_kostnader": "Resultat före indirekta kostnader",
    "indirekta_kostnader": "Indirekta kostnader",
    "resultat_fore_gemensamma_kostnader": "Resultat före gemensamma kostnader",
    "gemensamma_kostnader": "Gemensamma kostnader",
    "resultat_fore_kommunbidrag": "Resultat före kommunbidrag",
    "kommunbidrag": "Kommunbidrag, skatt mm",
    "resultat": "Resultat",
}
"""The rows of a resultaträkning as Uppsala prints them, in order."""

DRIFT: Final = Kolumner(
    (
        Kolumn("budget_kostnad", "Budget kostnad"),
        Kolumn("budget_intakt", "Budget intäkt"),
        Kolumn("redovisat_kostnad", "Redovisat kostnad"),
        Kolumn("redovisat_intakt", "Redovisat intäkt"),
        Kolumn("avvikelse_kostnad", "Avvikelse kostnad", av=("budget_kostnad", "redovisat_kostnad")),
        Kolumn("avvikelse_intakt", "Avvikelse intäkt", av=("redovisat_intakt", "budget_intakt")),
        Kolumn(
            "avvikelse_netto",
            "Avvikelse netto",
            av=("budget_kostnad", "redovisat_kostnad", "redovisat_intakt", "budget_intakt"),
        ),
        Kolumn("avvikelse_fg_netto", "Avvikelse föregående år netto"),
    )
)
"""Upplands-Bro's driftredovisning and ekonomiskt bistånd (tkr): ``Driftrad``, ``RapporteradDriftrad``."""

KAPITAL: Final = Kolumner(
    (
        Kolumn("budget_avskrivningar", "Budget avskrivningar"),
        Kolumn("budget_internranta", "Budget internränta"),
        Kolumn("redovisat_avskrivningar", "Redovisat avskrivningar"),
        Kolumn("redovisat_internranta", "Redovisat internränta"),
        Kolumn(
            "avvikelse_avskrivningar",
            "Avvikelse avskrivningar",
            av=("budget_avskrivningar", "redovisat_avskrivningar"),
        ),
        Kolumn(
            "avvikelse_internranta",
            "Avvikelse internränta",
            av=("budget_internranta", "redovisat_internranta"),
        ),
        Kolumn(
            "avvikelse_netto",
            "Avvikelse netto",
            av=(
                "budget_avskrivningar",
                "redovisat_avskrivningar",
                "budget_internranta",
                "redovisat_internranta",
            ),
        ),
    )
)
"""Kapitalkostnader (tkr): ``Kapitalkostnadsrad``, ``RapporteradKapitalrad``."""

STATSBIDRAG: Final = Kolumner((Kolumn("beviljat", "Beviljat"), Kolumn("forbrukat", "Förbrukat")))
"""Statsbidrag (tkr): ``Statsbidrag``, ``RapporteradStatsbidragsrad``."""

SIF: Final = Kolumner(
    (
        Kolumn("budget_hela_projektet", "Budget hela projektet"),
        Kolumn("redovisat_tom", "Redovisat t.o.m."),
        Kolumn("prognos_kostnader_ar", "Prognos kostnader"),
        Kolumn("prognos_projektet", "Prognos för projektet"),
        Kolumn(
            "prognosavvikelse",
            "Prognosavvikelse hela projektet",
            av=("budget_hela_projektet", "prognos_projektet"),
        ),
    )
)
"""Sociala investeringsfonden (tkr): ``SIFProjekt``, ``RapporteradSIFRad``."""

INVESTERINGSREDOVISNING: Final = Kolumner(
    (
        Kolumn("total_budget", "Total budget"),
        Kolumn("redovisat_fg_ar", "Redovisat föregående år"),
        Kolumn("budget_ar", "Budget"),
        Kolumn("redovisat_ar", "Redovisat"),
        Kolumn("kvar", "Kvar av budget", av=("budget_ar", "redovisat_ar")),
        Kolumn("ombudgeteras", "Ombudgeteras"),
    )
)
"""Investeringsredovisning per projekt (tkr): ``Investeringsprojekt``, ``RapporteradInvesteringsrad``."""

_NETTO: Final = ("kostnad", "avskrivningar", "internranta", "intakt")

NAMNDPLAN_BUDGET: Final = Kolumner(
    (
        Kolumn("kostnad", "Kostnader"),
        Kolumn("avskrivningar", "Avskrivningar"),
        Kolumn("internranta", "Internränta"),
        Kolumn("intakt", "Intäkter"),
        Kolumn("budget_netto", "Budget netto", av=_NETTO),
        Kolumn("budget_netto_fg", "Budget netto föregående år"),
        Kolumn("forandring", "Förändring", av=(*_NETTO, "budget_netto_fg")),
    )
)
"""The nämndplan's driftbudget, fördelning and budget tables (tkr): ``Budgetrad``."""

INVESTERINGSBUDGET: Final = Kolumner(
    (
        Kolumn("ar1", "År {ar}"),
        Kolumn("ar2", "År {ar2}"),
        Kolumn("ar3", "År {ar3}"),
        Kolumn("avskrivning_ar1", "Avskrivning {ar}", av=("ar1",)),
        Kolumn("internranta_ar1", "Internränta {ar}"),
        Kolumn("ovrig_drift", "Övrig drift {ar}"),
    )
)
"""The nämndplan's investeringsbudget over three years (tkr): ``Investeringsbudgetrad``."""
