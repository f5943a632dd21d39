"""Each table's column spec agrees with the model classes of its rows."""

from __future__ import annotations

import attrs
import pytest

from delarsrapport._model import brutto, budget, ekonomi, resultatrakning, verksamhetstabell
from delarsrapport._model import kolumner as K  # noqa: N812 - the specs read as K.DRIFT
from delarsrapport._model.period import Rapportperiod

# spec, the class that computes (inputs as fields, derived as properties), the printed row class
TABELLER = [
    (K.SAMMANFATTNING, ekonomi.Sammanfattningsvarden, None),
    (K.DETALJ, verksamhetstabell.Sjukolumner, None),
    (K.RESULTATRAKNING, resultatrakning.RRKolumner, resultatrakning.RRRapporterad),
    (K.DRIFT, brutto.Driftrad, brutto.RapporteradDriftrad),
    (K.KAPITAL, brutto.Kapitalkostnadsrad, brutto.RapporteradKapitalrad),
    (K.STATSBIDRAG, brutto.Statsbidrag, brutto.RapporteradStatsbidragsrad),
    (K.SIF, brutto.SIFProjekt, brutto.RapporteradSIFRad),
    (K.INVESTERINGSREDOVISNING, brutto.Investeringsprojekt, brutto.RapporteradInvesteringsrad),
    (K.NAMNDPLAN_BUDGET, budget.Budgetrad, None),
    (K.INVESTERINGSBUDGET, budget.Investeringsbudgetrad, None),
]


@pytest.mark.parametrize(("spec", "rad", "tryckt"), TABELLER)
def test_inputs_are_fields_and_derived_columns_are_properties(
    spec: K.Kolumner, rad: type, tryckt: type | None
) -> None:
    falt = [f.name for f in attrs.fields(rad)]  # type: ignore[arg-type]
    assert [f for f in falt if f in spec.falt] == list(spec.indata)
    for k in spec.kolumner:
        if k.harledd:
            assert isinstance(vars(rad).get(k.falt), property), k.falt
    if tryckt is not None:
        assert [f.name for f in attrs.fields(tryckt)] == list(spec.falt)  # type: ignore[arg-type]


def test_labels_name_the_period() -> None:
    period = Rapportperiod(2020, 8)
    assert K.DETALJ.etikett("utfall_fg_ar", period) == "Utfall 2019"
    assert K.SAMMANFATTNING.etikett("periodens_utfall_fg", period) == "Periodens utfall 201901-201908"
    assert K.INVESTERINGSBUDGET.etiketter(period)["ar3"] == "År 2022"
    assert K.DRIFT.etikett("avvikelse_netto") == "Avvikelse netto"
    with pytest.raises(KeyError):
        K.DRIFT.etikett("finns_inte")
