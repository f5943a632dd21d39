"""Swedish labels for the model's semantic columns and rows, derived from the period.

Both the consistency check (in its messages) and the template context (as defaults a
layout may override) use these, so a column is called the same thing everywhere.
"""

from __future__ import annotations

from typing import Final

from delarsrapport._model.period import Rapportperiod
from delarsrapport.formatting import format_period

__all__ = [
    "RR_ETIKETTER",
    "rr_kolumn",
    "sammanfattning_kolumn",
    "sju_kolumn",
]


def sju_kolumn(kolumn: str, period: Rapportperiod) -> str:
    """The label of a detail-table column: ``Utfall jan-aug``, ``Ny prognos 2020`` …"""
    kort = format_period(period, "kort")
    ar = period.ar
    labels = {
        "utfall_period": f"Utfall {kort}",
        "budget_period": f"Budget {kort}",
        "prognos_period": f"Prognos {kort}",
        "prognos_ar": f"Prognos {ar}",
        "ny_prognos_ar": f"Ny prognos {ar}",
        "budget_ar": f"Budget {ar}",
        "utfall_fg_ar": f"Utfall {ar - 1}",
    }
    return labels[kolumn]


def sammanfattning_kolumn(kolumn: str, period: Rapportperiod) -> str:
    """The label of a summary column: ``Kommunbidrag 2020``, ``Periodens utfall 202001-202008`` …"""
    labels = {
        "kommunbidrag": f"Kommunbidrag {period.ar}",
        "periodens_utfall": f"Periodens utfall {period.kod}",
        "periodens_utfall_fg": f"Periodens utfall {period.fg.kod}",
        "helarsprognos": f"Helårsprognos {period.prognos_kod}",
    }
    return labels[kolumn]


def rr_kolumn(kolumn: str, period: Rapportperiod) -> str:
    """The label of a resultaträkning column: ``Utfall augusti 2020`` …"""
    manad = format_period(period, "manad_ar")
    labels = {
        "utfall_period": f"Utfall {manad}",
        "budget_period": f"Budget {manad}",
        "diff_period": f"Diff utfall/budget {period.ar}",
        "budget_ar": "Budget helår",
        "prognos_ar": "Prognos helår",
        "diff_ar": "Diff prognos/budget helår",
    }
    return labels[kolumn]


RR_ETIKETTER: Final = {
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
"""The rows of a resultaträkning as Uppsala prints them."""
