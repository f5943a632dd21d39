"""The column labels the check writes in its messages for Upplands-Bro's tables and the nämndplan.

The Uppsala tables take theirs from :mod:`delarsrapport._model.etiketter`, shared with the
documents. These are the check's own: a finding names a cell as "rad, kolumn".
"""

from __future__ import annotations

from typing import Final

from delarsrapport._model.period import Rapportperiod

__all__ = ["BRUTTOKOLUMN", "BUDGETKOLUMN", "investeringsetiketter"]

BRUTTOKOLUMN: Final = {
    "budget_kostnad": "Budget kostnad",
    "budget_intakt": "Budget intäkt",
    "redovisat_kostnad": "Redovisat kostnad",
    "redovisat_intakt": "Redovisat intäkt",
    "avvikelse_kostnad": "Avvikelse kostnad",
    "avvikelse_intakt": "Avvikelse intäkt",
    "avvikelse_netto": "Avvikelse netto",
    "avvikelse_fg_netto": "Avvikelse föregående år netto",
    "budget_avskrivningar": "Budget avskrivningar",
    "budget_internranta": "Budget internränta",
    "redovisat_avskrivningar": "Redovisat avskrivningar",
    "redovisat_internranta": "Redovisat internränta",
    "avvikelse_avskrivningar": "Avvikelse avskrivningar",
    "avvikelse_internranta": "Avvikelse internränta",
    "beviljat": "Beviljat",
    "forbrukat": "Förbrukat",
    "budget_hela_projektet": "Budget hela projektet",
    "redovisat_tom": "Redovisat t.o.m.",
    "prognos_kostnader_ar": "Prognos kostnader",
    "prognos_projektet": "Prognos för projektet",
    "prognosavvikelse": "Prognosavvikelse hela projektet",
    "total_budget": "Total budget",
    "redovisat_fg_ar": "Redovisat föregående år",
    "budget_ar": "Budget",
    "redovisat_ar": "Redovisat",
    "kvar": "Kvar av budget",
    "ombudgeteras": "Ombudgeteras",
}
"""The columns of the gross tables (driftredovisning, kapitalkostnader, statsbidrag, sociala
investeringsfonden, investeringsredovisning), by field name."""

BUDGETKOLUMN: Final = {
    "kostnad": "Kostnader",
    "avskrivningar": "Avskrivningar",
    "internranta": "Internränta",
    "intakt": "Intäkter",
    "budget_netto": "Budget netto",
    "budget_netto_fg": "Budget netto föregående år",
    "forandring": "Förändring",
}
"""The columns of the nämndplan's budget tables (driftbudget, fördelning, ekonomiskt bistånd), by field
name."""


def investeringsetiketter(period: Rapportperiod) -> dict[str, str]:
    """The columns of the nämndplan's investeringsbudget, by field name: the plan's three years."""
    ar = period.ar
    return {
        "ar1": f"År {ar}",
        "ar2": f"År {ar + 1}",
        "ar3": f"År {ar + 2}",
        "avskrivning_ar1": f"Avskrivning {ar}",
        "internranta_ar1": f"Internränta {ar}",
        "ovrig_drift": f"Övrig drift {ar}",
    }
