"""Every finding code: a minimal report that triggers it, and the same report fixed, which must not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from delarsrapport import check, load
from delarsrapport._check.koder import KODER, Kod
from delarsrapport._check.recorder import Recorder

BAS: dict[str, Any] = {
    "kommun": {"namn": "Uppsala kommun"},
    "namnd": {"namn": "Socialnämnden", "forkortning": "SCN"},
    "forvaltning": {"namn": "Socialförvaltningen"},
    "period": {"ar": 2020, "slutmanad": 8},
    "diarienummer": "SCN-2020-00459",
    "tjansteskrivelse": {
        "rubrik": "Delårsbokslut per augusti 2020",
        "datum": "2020-09-18",
        "handlaggare": [{"fornamn": "A", "efternamn": "B"}],
        "forslag_till_beslut": [{"verb": "godkänna", "objekt": "bokslutet", "bilaga": 1}],
        "undertecknare": [{"person": {"fornamn": "C", "efternamn": "D"}, "titel": "Direktör"}],
    },
    "bilagor": [{"nummer": 1, "titel": "Ekonomisk uppföljning", "delar": [{"ekonomi": {}}]}],
}


def _rapport(andra: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(BAS)
    andra(data)
    return data


def _ekonomi(data: dict[str, Any]) -> dict[str, Any]:
    return data["bilagor"][0]["delar"][0]["ekonomi"]  # type: ignore[no-any-return]


def _verksamhet(data: dict[str, Any], mal: list[dict[str, Any]], **extra: Any) -> None:
    data["bilagor"].append(
        {"nummer": 2, "titel": "Verksamhet", "delar": [{"verksamhet": {"mal": mal, **extra}}]}
    )


def _tabell(rapporterat_netto: int) -> dict[str, Any]:
    return {
        "konton": [
            {"namn": "a", "belopp": [-2193, None, None, None, None, None, None]},
            {"namn": "b", "belopp": [-1411, None, None, None, None, None, None]},
        ],
        "kommunbidrag": [3184, None, None, None, None, None, None],
        "rapporterat": {"nettokostnad": [rapporterat_netto, None, None, None, None, None, None]},
    }


def _rr(namn: str, intakter: str, kb: str = "0") -> dict[str, Any]:
    return {
        "namn": namn,
        "rader": {
            "verksamhetens_intakter": [intakter, intakter, intakter, intakter],
            "kommunbidrag": [kb, kb, kb, kb],
        },
    }


def _summary(rows: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    return {"rader": rows, **kw}


def _rad(namn: str, **v: Any) -> dict[str, Any]:
    return {"namn": namn, **v}


# code: (change that triggers it, change that is fine)
FALL: dict[str, tuple[Callable[[dict[str, Any]], None], Callable[[dict[str, Any]], None]]] = {
    "RAPP-AVRUNDNING": (
        lambda d: _ekonomi(d).update(verksamheter=[{"namn": "P", "tabell": _tabell(-3603)}]),
        lambda d: _ekonomi(d).update(verksamheter=[{"namn": "P", "tabell": _tabell(-3604)}]),
    ),
    "RAPP-AVVIKER": (
        lambda d: _ekonomi(d).update(verksamheter=[{"namn": "P", "tabell": _tabell(-3610)}]),
        lambda d: _ekonomi(d).update(verksamheter=[{"namn": "P", "tabell": _tabell(-3604)}]),
    ),
    "RAPP-TOM": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", kommunbidrag=1, helarsprognos=-10)]),
            prognososakerhet={"forsamring": 5, "forbattring": 5, "rapporterat": {"spann_min": "tom"}},
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", kommunbidrag=1, helarsprognos=-10)]),
            prognososakerhet={"forsamring": 5, "forbattring": 5, "rapporterat": {"spann_min": -15}},
        ),
    ),
    "RAPP-SUMMA-TOM": (
        lambda d: _ekonomi(d).update(
            driftredovisning={
                "rader": [{"namn": "a", "budget_kostnad": 10}],
                "rapporterat_summa": {"budget_kostnad": "tom"},
            }
        ),
        lambda d: _ekonomi(d).update(
            driftredovisning={
                "rader": [{"namn": "a", "budget_intakt": 10}],
                "rapporterat_summa": {"budget_kostnad": "tom"},
            }
        ),
    ),
    "TOTAL-AVRUNDADE-RADER": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=1), _rad("b", kommunbidrag=1), _rad("c", kommunbidrag=1)],
                avrundade_indata=True,
                totalt={"kommunbidrag": 4},
            )
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=1), _rad("b", kommunbidrag=1), _rad("c", kommunbidrag=1)],
                avrundade_indata=True,
                totalt={"kommunbidrag": 3},
            )
        ),
    ),
    "TOTAL-AVVIKER": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=1), _rad("b", kommunbidrag=1)],
                avrundade_indata=True,
                totalt={"kommunbidrag": 9},
            )
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=1), _rad("b", kommunbidrag=1)],
                avrundade_indata=True,
                totalt={"kommunbidrag": 2},
            )
        ),
    ),
    "AVRUNDNINGSDIFFERENS": (
        lambda d: _ekonomi(d).update(sammanfattning=_summary([_rad(n, kommunbidrag="0,4") for n in "abc"])),
        lambda d: _ekonomi(d).update(sammanfattning=_summary([_rad(n, kommunbidrag="0,1") for n in "abc"])),
    ),
    "VARAV-SUMMA": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=10, varav=[_rad("x", kommunbidrag=4), _rad("y", kommunbidrag=5)])]
            )
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=10, varav=[_rad("x", kommunbidrag=4), _rad("y", kommunbidrag=6)])]
            )
        ),
    ),
    "VARAV-AVRUNDNING": (
        # Rounded rows: 3 varav rows and their row are four rounded figures, ±2 mnkr in all.
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [_rad("a", kommunbidrag=10, varav=[_rad(x, kommunbidrag=3) for x in "xyz"])],
                avrundade_indata=True,
            )
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary(
                [
                    _rad(
                        "a",
                        kommunbidrag=10,
                        varav=[_rad(x, kommunbidrag=v) for x, v in zip("xyz", (3, 3, 4), strict=True)],
                    )
                ],
                avrundade_indata=True,
            )
        ),
    ),
    "PROGNOSOSAKERHET-SAKNAS": (
        lambda d: _ekonomi(d).update(sammanfattning=_summary([_rad("a", helarsprognos=-1)])),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", helarsprognos=-1)]),
            prognososakerhet={"forsamring": 1, "forbattring": 1},
        ),
    ),
    "PROGNOS-SAKNAS": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", kommunbidrag=1)]),
            prognososakerhet={"forsamring": 1, "forbattring": 1},
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", helarsprognos=1)]),
            prognososakerhet={"forsamring": 1, "forbattring": 1},
        ),
    ),
    "SAMMANFATTNING-RR": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", kommunbidrag=100)]), resultatrakning=_rr("N", "0", "90")
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", kommunbidrag=100)]), resultatrakning=_rr("N", "0", "100,2")
        ),
    ),
    "RR-AVDELNINGAR": (
        lambda d: _ekonomi(d).update(
            resultatrakning=_rr("N", "10,1"),
            verksamheter=[
                {"namn": "A", "resultatrakning": _rr("A", "5,0")},
                {"namn": "B", "resultatrakning": _rr("B", "5,0")},
            ],
        ),
        lambda d: _ekonomi(d).update(
            resultatrakning=_rr("N", "10,0"),
            verksamheter=[
                {"namn": "A", "resultatrakning": _rr("A", "5,0")},
                {"namn": "B", "resultatrakning": _rr("B", "5,0")},
            ],
        ),
    ),
    "RR-AVDELNINGAR-AVVIKER": (
        lambda d: _ekonomi(d).update(
            resultatrakning=_rr("N", "12,0"),
            verksamheter=[
                {"namn": "A", "resultatrakning": _rr("A", "5,0")},
                {"namn": "B", "resultatrakning": _rr("B", "5,0")},
            ],
        ),
        lambda d: _ekonomi(d).update(
            resultatrakning=_rr("N", "10,0"),
            verksamheter=[
                {"namn": "A", "resultatrakning": _rr("A", "5,0")},
                {"namn": "B", "resultatrakning": _rr("B", "5,0")},
            ],
        ),
    ),
    "BUDGET-BRUTTO": (
        # Same net (20), different gross split: a varning only.
        lambda d: _ekonomi(d).update(
            driftbudget={"rader": [{"namn": "Vuxen", "kostnad": 120, "intakt": 100}]},
            budgetfordelning=[{"omrade": "Vuxen", "tabell": {"rader": [{"namn": "x", "kostnad": 20}]}}],
        ),
        lambda d: _ekonomi(d).update(
            driftbudget={"rader": [{"namn": "Vuxen", "kostnad": 20}]},
            budgetfordelning=[{"omrade": "Vuxen", "tabell": {"rader": [{"namn": "x", "kostnad": 20}]}}],
        ),
    ),
    "FORDELNING-AVVIKER": (
        lambda d: _ekonomi(d).update(
            driftbudget={"rader": [{"namn": "Vuxen", "kostnad": 101, "budget_netto_fg": 90}]},
            budgetfordelning=[
                {
                    "omrade": "Vuxen",
                    "tabell": {"rader": [{"namn": "x", "kostnad": 100, "budget_netto_fg": 90}]},
                }
            ],
        ),
        lambda d: _ekonomi(d).update(
            driftbudget={"rader": [{"namn": "Vuxen", "kostnad": 100, "budget_netto_fg": 90}]},
            budgetfordelning=[
                {
                    "omrade": "Vuxen",
                    "tabell": {"rader": [{"namn": "x", "kostnad": 100, "budget_netto_fg": 90}]},
                }
            ],
        ),
    ),
    "INDIKATOR-KVOT": (
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "indikatorer": [
                        {
                            "namn": "i",
                            "enhet": "andel",
                            "utfall": {"T3": "80%"},
                            "rapporterat": {"taljare": 39, "namnare": 42},
                        }
                    ],
                }
            ],
        ),
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "indikatorer": [
                        {
                            "namn": "i",
                            "enhet": "andel",
                            "utfall": {"T3": "93%"},
                            "rapporterat": {"taljare": 39, "namnare": 42},
                        }
                    ],
                }
            ],
        ),
    ),
    "TREND-PIL": (
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "indikatorer": [
                        {
                            "namn": "i",
                            "enhet": "andel",
                            "utfall": {"T1": "70%", "T2": "69%", "T3": "69%"},
                            "rapporterat": {"trend": "↗"},
                        }
                    ],
                }
            ],
        ),
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "indikatorer": [
                        {
                            "namn": "i",
                            "enhet": "andel",
                            "utfall": {"T1": "70%", "T2": "69%", "T3": "69%"},
                            "rapporterat": {"trend": "→"},
                        }
                    ],
                }
            ],
        ),
    ),
    "STATUS-SAKNAS": (
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "poster": [
                        {"uppdrag": {"titel": "a", "status": "enligt_plan"}},
                        {"uppdrag": {"titel": "b"}},
                    ],
                }
            ],
        ),
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "poster": [
                        {"uppdrag": {"titel": "a", "status": "enligt_plan"}},
                        {"uppdrag": {"titel": "b", "status": "klar"}},
                    ],
                }
            ],
        ),
    ),
    "BEDOMNING-SAKNAS": (
        lambda d: _verksamhet(
            d, [{"titel": "M1", "bedomning": "delvis_uppfyllt"}, {"titel": "M2", "text": ["t"]}]
        ),
        lambda d: _verksamhet(
            d,
            [
                {"titel": "M1", "bedomning": "delvis_uppfyllt"},
                {"titel": "M2", "text": ["t"], "bedomning": "helt_uppfyllt"},
            ],
        ),
    ),
    "BEDOMNINGSTEXT-MOTSAGER": (
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "bedomning": "delvis_uppfyllt",
                    "rapporterat": {
                        "bedomningstext": "Nämndens verksamhet tycks till övervägande del leda till de resultat den vill se inom målet."
                    },
                }
            ],
        ),
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "bedomning": "i_hog_grad_uppfyllt",
                    "rapporterat": {
                        "bedomningstext": "Nämndens verksamhet tycks till övervägande del leda till de resultat den vill se inom målet."
                    },
                }
            ],
        ),
    ),
    "BEDOMNINGSTEXT-ANNAN": (
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "bedomning": "helt_uppfyllt",
                    "bedomningstext": "Målet bedöms vara delvis uppfyllt.",
                }
            ],
        ),
        lambda d: _verksamhet(
            d,
            [
                {
                    "titel": "M",
                    "bedomning": "helt_uppfyllt",
                    "bedomningstext": "Målet bedöms vara uppfyllt trots pandemin.",
                }
            ],
        ),
    ),
    "ANTAL-AVVIKER": (
        lambda d: _verksamhet(
            d,
            [{"titel": "M", "poster": [{"uppdrag": {"titel": "a", "status": "forsenad"}}]}],
            rapporterat={"uppdrag_totalt": 2},
        ),
        lambda d: _verksamhet(
            d,
            [{"titel": "M", "poster": [{"uppdrag": {"titel": "a", "status": "forsenad"}}]}],
            rapporterat={
                "uppdrag_totalt": 1,
                "uppdrag_per_status": [{"statusar": ["forsenad", "vantar"], "antal": 1}],
            },
        ),
    ),
    "DATUM-BILAGA-EFTER": (
        lambda d: d["bilagor"][0].update(datum="2020-09-19"),
        lambda d: d["bilagor"][0].update(datum="2020-09-18"),
    ),
    "DATUM-SJALVREFERENS": (
        lambda d: d["tjansteskrivelse"].update(rapporterat={"sjalvreferens_datum": "2020-09-17"}),
        lambda d: d["tjansteskrivelse"].update(rapporterat={"sjalvreferens_datum": "2020-09-18"}),
    ),
    "DATUM-NAMNDBEHANDLAS": (
        lambda d: d["tjansteskrivelse"].update(namndbehandlas="2020-09-01"),
        lambda d: d["tjansteskrivelse"].update(namndbehandlas="2020-09-25"),
    ),
    "DATUM-SAMMANTRADE": (
        lambda d: d.update(sammantrade={"datum": "2020-09-10"}),
        lambda d: d.update(sammantrade={"datum": "2020-09-25"}),
    ),
    "DIARIENUMMER-AVVIKER": (
        lambda d: d["bilagor"][0].update(rapporterat={"diarienummer": "SCN-2019-00001"}),
        lambda d: d["bilagor"][0].update(rapporterat={"diarienummer": "SCN-2020-00459-1"}),
    ),
    "DIARIENUMMER-SAKNAS": (
        lambda d: d["bilagor"][0].update(rapporterat={"diarienummer": "tom"}),
        lambda d: d["bilagor"][0].update(rapporterat={"diarienummer": "SCN-2020-00459"}),
    ),
    "BILAGA-NUMMER-AVVIKER": (
        lambda d: d["bilagor"][0].update(rapporterat={"nummer": 2}),
        lambda d: d["bilagor"][0].update(rapporterat={"nummer": 1}),
    ),
    "BILAGA-TITEL-AVVIKER": (
        lambda d: d["bilagor"][0].update(rapporterat={"titel_i_beslutsunderlag": "Ekonomisk analys"}),
        lambda d: d["bilagor"][0].update(rapporterat={"titel_i_beslutsunderlag": "Ekonomisk uppföljning."}),
    ),
    "BILAGA-TITEL-PERIOD": (
        lambda d: d["bilagor"][0].update(rapporterat={"titel": "Ekonomisk uppföljning augusti 2019"}),
        lambda d: d["bilagor"][0].update(rapporterat={"titel": "Ekonomisk uppföljning augusti 2020"}),
    ),
    "BESLUTSUNDERLAG-AVVIKER": (
        lambda d: d["tjansteskrivelse"].update(
            rapporterat={"beslutsunderlag": ["Tjänsteskrivelse", "Bilaga 1, Ekonomi", "Bilaga 2, Nyckeltal"]}
        ),
        lambda d: d["tjansteskrivelse"].update(
            rapporterat={"beslutsunderlag": ["Tjänsteskrivelse", "Bilaga 1, Ekonomi"]}
        ),
    ),
    "BILAGA-NUMRERING": (
        lambda d: (
            d["bilagor"][0].update(nummer=2)
            or d["tjansteskrivelse"]["forslag_till_beslut"][0].update(bilaga=2)
        ),
        lambda d: None,
    ),
    "PLATSHALLARE": (
        lambda d: d["tjansteskrivelse"].update(arendet=["Till ersättare utses: XX"]),
        lambda d: d["tjansteskrivelse"].update(arendet=["Till ersättare utses: Anna Andersson"]),
    ),
    "RUBRIKNIVA-HOPPAR": (
        lambda d: d["tjansteskrivelse"].update(
            arendet=[{"rubrik": "Ekonomi"}, {"rubrik": "Vuxen", "niva": 3}]
        ),
        lambda d: d["tjansteskrivelse"].update(
            arendet=[{"rubrik": "Ekonomi"}, {"rubrik": "Vuxen", "niva": 2}]
        ),
    ),
    "PLATSHALLARE-TRYCKT": (
        lambda d: d["tjansteskrivelse"].update(
            rapporterat={"ovrig_text": ["Click or tap here to enter text."]}
        ),
        lambda d: d["tjansteskrivelse"].update(rapporterat={"ovrig_text": ["www.uppsala.se"]}),
    ),
    "TOMT-FALT": (
        lambda d: d["bilagor"][0].update(rapporterat={"tomma_falt": ["Version:"]}),
        lambda d: d["bilagor"][0].update(rapporterat={"tomma_falt": []}),
    ),
    "KOMMUNBIDRAG-ANDRAS": (
        lambda d: _ekonomi(d).update(
            verksamheter=[
                {
                    "namn": "P",
                    "tabell": {"konton": [], "kommunbidrag": [None, None, None, None, 4747, 4776, 4747]},
                }
            ]
        ),
        lambda d: _ekonomi(d).update(
            verksamheter=[
                {
                    "namn": "P",
                    "tabell": {"konton": [], "kommunbidrag": [None, None, None, None, 4776, 4776, 4747]},
                }
            ]
        ),
    ),
    "PROGNOS-TECKENBYTE": (
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", periodens_utfall=-4, helarsprognos=14)]),
            prognososakerhet={"forsamring": 1, "forbattring": 1},
        ),
        lambda d: _ekonomi(d).update(
            sammanfattning=_summary([_rad("a", periodens_utfall=-4, helarsprognos=-6)]),
            prognososakerhet={"forsamring": 1, "forbattring": 1},
        ),
    ),
    "STICKPROV": (
        lambda d: d["bilagor"].append(
            {
                "nummer": 2,
                "titel": "IK",
                "delar": [
                    {
                        "internkontroll": {
                            "moment": [
                                {
                                    "kontrollomrade": "a",
                                    "riskbeskrivning": "b",
                                    "kontrollmoment": "c",
                                    "kontrollmetod": "minst tio",
                                    "minsta_volym": 10,
                                    "kontrollerat_antal": 8,
                                }
                            ]
                        }
                    }
                ],
            }
        ),
        lambda d: d["bilagor"].append(
            {
                "nummer": 2,
                "titel": "IK",
                "delar": [
                    {
                        "internkontroll": {
                            "moment": [
                                {
                                    "kontrollomrade": "a",
                                    "riskbeskrivning": "b",
                                    "kontrollmoment": "c",
                                    "kontrollmetod": "minst tio",
                                    "minsta_volym": 10,
                                    "kontrollerat_antal": 12,
                                }
                            ]
                        }
                    }
                ],
            }
        ),
    ),
    "FOTNOT": (
        lambda d: d["bilagor"].append(
            {
                "nummer": 2,
                "titel": "N",
                "delar": [
                    {
                        "nyckeltal": {
                            "grupper": [
                                {
                                    "verksamhet": "v",
                                    "matt": [
                                        {
                                            "rubrik": "r",
                                            "volymtyp": "varddygn",
                                            "totala_kostnader": 10,
                                            "ovriga_intakter": 1,
                                            "volym": 3,
                                            "volymetikett": "Antal**)",
                                            "kvotetikett": "k",
                                            "fotnoter": ["*) a", "***) b"],
                                        }
                                    ],
                                }
                            ]
                        }
                    }
                ],
            }
        ),
        lambda d: d["bilagor"].append(
            {
                "nummer": 2,
                "titel": "N",
                "delar": [
                    {
                        "nyckeltal": {
                            "grupper": [
                                {
                                    "verksamhet": "v",
                                    "matt": [
                                        {
                                            "rubrik": "r",
                                            "volymtyp": "varddygn",
                                            "totala_kostnader": 10,
                                            "ovriga_intakter": 1,
                                            "volym": 3,
                                            "volymetikett": "Antal**)",
                                            "kvotetikett": "k",
                                            "fotnoter": ["*) a", "**) b"],
                                        }
                                    ],
                                }
                            ]
                        }
                    }
                ],
            }
        ),
    ),
}


def _text(text: str) -> Callable[[dict[str, Any]], None]:
    """Verksamhet P (periodens resultat -420 tkr) with *text* in its section."""
    return lambda d: _ekonomi(d).update(
        verksamheter=[{"namn": "P", "tabell": _tabell(-3604), "text": [text]}]
    )


FALL |= {
    "PROSA-BELOPP": (_text("P har ett underskott på 0,5 mnkr."), _text("P har ett underskott på 0,4 mnkr.")),
    "PROSA-TECKEN": (
        _text("P har ett överskott på 0,4 mnkr."),
        _text("Verksamheten har ett underskott på 0,4 mnkr."),
    ),
    "PROSA-BALANS": (_text("P följer budget."), _text("P följer inte budget.")),
    "PROSA-ENHETSORD": (
        _text("Investeringsbudget är 1 miljoner kronor för 2024."),
        _text("Investeringsbudget är 1 miljon kronor för 2024."),
    ),
}


def _dagordning(*punkter: Any, andra_arende: bool = False) -> Callable[[dict[str, Any]], None]:
    """The meeting of 24 September 2020 with *punkter* as its one group of the agenda; with
    *andra_arende*, the report has a second ärende (a nämndplan) for them to link to."""

    def andra(data: dict[str, Any]) -> None:
        data["sammantrade"] = {
            "datum": "2020-09-24",
            "dagordning": [{"rubrik": "Beslutsärenden", "punkter": list(punkter)}],
        }
        if andra_arende:
            ts = {**copy.deepcopy(data["tjansteskrivelse"]), "rubrik": "Nämndplan 2021"}
            ts["forslag_till_beslut"] = [{"verb": "godkänna", "objekt": "nämndplanen"}]
            data["ovriga_arenden"] = [{"period": {"ar": 2021, "slutmanad": 12}, "tjansteskrivelse": ts}]

    return andra


FALL |= {
    "DAGORDNING-NUMMER": (
        _dagordning({"arende": 1, "nummer": 3}, {"titel": "Vårdnadsöverflytt", "nummer": 3}),
        _dagordning({"arende": 1, "nummer": 3}, {"titel": "Vårdnadsöverflytt"}),
    ),
    "DAGORDNING-ARENDE-OKANT": (
        _dagordning({"arende": 1}, {"arende": 2}),
        _dagordning({"arende": 1}, {"arende": 2}, andra_arende=True),
    ),
    "DAGORDNING-ARENDE-DUBBLETT": (
        _dagordning({"arende": 1}, {"arende": 1}),
        _dagordning({"arende": 1}, "Vårdnadsöverflytt"),
    ),
    "DAGORDNING-ORDNING": (
        _dagordning({"arende": 2}, {"arende": 1}, andra_arende=True),
        _dagordning({"arende": 1}, {"arende": 2}, andra_arende=True),
    ),
    "DAGORDNING-ARENDE-SAKNAS": (
        _dagordning("Vårdnadsöverflytt", {"arende": 1}, andra_arende=True),
        _dagordning({"arende": 1}, "Vårdnadsöverflytt", {"arende": 2}, andra_arende=True),
    ),
}


def test_every_code_is_documented() -> None:
    """Each Kod member has its documentation in KODER, under itself, and KODER documents nothing else."""
    assert set(KODER) == set(Kod)
    assert all(doc.kod is kod for kod, doc in KODER.items())


def test_every_code_has_a_case() -> None:
    """No finding code is left without a test that triggers it."""
    assert set(FALL) == set(KODER)


@pytest.mark.parametrize("code", sorted(FALL))
def test_code_fires(code: str) -> None:
    """The minimal report triggers the code, with the code's documented severity."""
    findings = check(load(_rapport(FALL[code][0])))
    found = [f for f in findings if f.code == code]
    assert found, [str(f) for f in findings]
    assert all(f.severity is KODER[code].severity for f in found)
    assert all(f.message and f.path and f.document for f in found)


@pytest.mark.parametrize("code", sorted(FALL))
def test_code_does_not_fire_when_fixed(code: str) -> None:
    """The same report, fixed, does not trigger the code."""
    findings = check(load(_rapport(FALL[code][1])))
    assert not [f for f in findings if f.code == code], [str(f) for f in findings]


# code: the section its case is recorded under (the document is the bilaga or tjänsteskrivelse it is in)
AVSNITT: dict[str, str] = {
    "ANTAL-AVVIKER": "Sammanställning",
    "AVRUNDNINGSDIFFERENS": "Sammanfattning",
    "BEDOMNING-SAKNAS": "M2",
    "BEDOMNINGSTEXT-ANNAN": "M",
    "BEDOMNINGSTEXT-MOTSAGER": "M",
    "BESLUTSUNDERLAG-AVVIKER": "Tjänsteskrivelse",
    "BILAGA-NUMMER-AVVIKER": "Sidhuvud",
    "BILAGA-NUMRERING": "Tjänsteskrivelse",
    "BILAGA-TITEL-AVVIKER": "Sidhuvud",
    "BILAGA-TITEL-PERIOD": "Sidhuvud",
    "BUDGET-BRUTTO": "Fördelning: Vuxen",
    "DAGORDNING-ARENDE-DUBBLETT": "Dagordning",
    "DAGORDNING-ARENDE-OKANT": "Dagordning",
    "DAGORDNING-ARENDE-SAKNAS": "Dagordning",
    "DAGORDNING-NUMMER": "Dagordning",
    "DAGORDNING-ORDNING": "Dagordning",
    "DATUM-BILAGA-EFTER": "Sidhuvud",
    "DATUM-NAMNDBEHANDLAS": "Tjänsteskrivelse",
    "DATUM-SAMMANTRADE": "Tjänsteskrivelse",
    "DATUM-SJALVREFERENS": "Tjänsteskrivelse",
    "DIARIENUMMER-AVVIKER": "Sidhuvud",
    "DIARIENUMMER-SAKNAS": "Sidhuvud",
    "FORDELNING-AVVIKER": "Fördelning: Vuxen",
    "FOTNOT": "Nyckeltal: v",
    "INDIKATOR-KVOT": "M",
    "KOMMUNBIDRAG-ANDRAS": "Verksamhet: P",
    "PLATSHALLARE": "Texter",
    "PLATSHALLARE-TRYCKT": "Tjänsteskrivelse",
    "PROGNOS-SAKNAS": "Prognososäkerhet",
    "PROGNOS-TECKENBYTE": "Sammanfattning",
    "PROGNOSOSAKERHET-SAKNAS": "Prognososäkerhet",
    "PROSA-BALANS": "Texter",
    "PROSA-BELOPP": "Texter",
    "PROSA-ENHETSORD": "Texter",
    "PROSA-TECKEN": "Texter",
    "RAPP-AVRUNDNING": "Verksamhet: P",
    "RAPP-AVVIKER": "Verksamhet: P",
    "RAPP-SUMMA-TOM": "Driftredovisning",
    "RAPP-TOM": "Prognososäkerhet",
    "RR-AVDELNINGAR": "Resultaträkning per avdelning",
    "RR-AVDELNINGAR-AVVIKER": "Resultaträkning per avdelning",
    "RUBRIKNIVA-HOPPAR": "Texter",
    "SAMMANFATTNING-RR": "Sammanfattning",
    "STATUS-SAKNAS": "M",
    "STICKPROV": "Kontrollmoment",
    "TOMT-FALT": "Sidhuvud",
    "TOTAL-AVRUNDADE-RADER": "Sammanfattning",
    "TOTAL-AVVIKER": "Sammanfattning",
    "TREND-PIL": "M",
    "VARAV-AVRUNDNING": "Sammanfattning",
    "VARAV-SUMMA": "Sammanfattning",
}


@pytest.mark.parametrize("code", sorted(FALL))
def test_code_is_recorded_under_its_section(code: str) -> None:
    """Each case's findings carry the section the check was in, as `delarsrapport check` groups them."""
    findings = check(load(_rapport(FALL[code][0])))
    assert {f.section for f in findings if f.code == code} == {AVSNITT[code]}


def test_avsnitt_restores_the_section_before_it() -> None:
    """A finding after a nested section, or after one that raised, is recorded under the outer section."""
    c = Recorder()
    with c.dokument("D"), c.avsnitt("Yttre"):
        with c.avsnitt("Inre"):
            c.add(Kod.FOTNOT, ("a",), "inre")
        c.add(Kod.FOTNOT, ("b",), "yttre")
        with pytest.raises(ZeroDivisionError), c.avsnitt("Fel"):
            _ = 1 / 0
        c.add(Kod.FOTNOT, ("c",), "efter")
    c.add(Kod.FOTNOT, ("d",), "utanför")
    assert [(f.document, f.section) for f in c.findings] == [
        ("D", "Inre"),
        ("D", "Yttre"),
        ("D", "Yttre"),
        ("", ""),
    ]


def test_finding_carries_the_numbers() -> None:
    """A figure finding has printed, computed and difference in its unit, and serialises."""
    (f,) = [x for x in check(load(_rapport(FALL["RAPP-AVRUNDNING"][0]))) if x.code == "RAPP-AVRUNDNING"]
    assert (f.printed, f.computed, f.difference, f.unit) == (-3603, -3604, 1, "tkr")
    assert f.as_dict()["printed"] == "-3603"
    assert (
        f.path == "bilagor[0].delar[0].ekonomi.verksamheter[0].tabell.rapporterat.nettokostnad.utfall_period"
    )
    assert "tryckt -3 603 tkr, beräknat -3 604 tkr" in f.message


# code: (printed, computed) of its case's first finding. ``printed`` is always the figure as
# the source gives it at the finding's path (a printed cell, a stated count, the whole of a
# parts-and-whole comparison), ``computed`` what the model computes or expects there (the
# sum of the parts, the count of the items, the registry's title); None where there is none.
SIFFROR: dict[str, tuple[str | None, str | None]] = {
    "ANTAL-AVVIKER": ("2", "1"),
    "AVRUNDNINGSDIFFERENS": (None, None),
    "BEDOMNING-SAKNAS": (None, None),
    "BEDOMNINGSTEXT-ANNAN": (
        "Målet bedöms vara delvis uppfyllt.",
        "Nämnden bidrar i hög grad till inriktningsmålet och har uppnått det den planerat (eller mer).",
    ),
    "BEDOMNINGSTEXT-MOTSAGER": (
        "Nämndens verksamhet tycks till övervägande del leda till de resultat den vill se inom målet.",
        "Nämnden har enbart uppnått delar av det den planerat för att bidra till inriktningsmålet.",
    ),
    "BESLUTSUNDERLAG-AVVIKER": ("Bilaga 2, Nyckeltal", None),
    "BILAGA-NUMMER-AVVIKER": ("2", "1"),
    "BILAGA-NUMRERING": ("2", "1"),
    "BILAGA-TITEL-AVVIKER": ("Ekonomisk analys", "Ekonomisk uppföljning"),
    "BILAGA-TITEL-PERIOD": ("Ekonomisk uppföljning augusti 2019", "Ekonomisk uppföljning"),
    "BUDGET-BRUTTO": ("120", "20"),  # the driftbudget's row, the fördelning's sum
    # agenda: the number, link or order the input gives, and the one the report expects
    "DAGORDNING-ARENDE-DUBBLETT": ("1", None),
    "DAGORDNING-ARENDE-OKANT": ("2", None),
    "DAGORDNING-ARENDE-SAKNAS": (None, "2"),
    "DAGORDNING-NUMMER": ("3", "4"),
    "DAGORDNING-ORDNING": ("2, 1", "1, 2"),
    "DATUM-BILAGA-EFTER": ("2020-09-19", "2020-09-18"),
    "DATUM-NAMNDBEHANDLAS": ("2020-09-01", "2020-09-18"),
    "DATUM-SAMMANTRADE": ("2020-09-18", "2020-09-10"),
    "DATUM-SJALVREFERENS": ("2020-09-17", "2020-09-18"),
    "DIARIENUMMER-AVVIKER": ("SCN-2019-00001", "SCN-2020-00459"),
    "DIARIENUMMER-SAKNAS": ("", "SCN-2020-00459"),
    "FORDELNING-AVVIKER": ("101", "100"),  # the driftbudget's row, the fördelning's sum
    "FOTNOT": ("**)", None),
    "INDIKATOR-KVOT": ("80%", "92,9%"),
    "KOMMUNBIDRAG-ANDRAS": ("4747", "4776"),
    "PLATSHALLARE": ("XX", None),
    "PLATSHALLARE-TRYCKT": ("Click or tap here to enter text.", None),
    "PROGNOS-SAKNAS": (None, None),
    "PROGNOS-TECKENBYTE": ("14", None),
    "PROGNOSOSAKERHET-SAKNAS": (None, None),
    "RAPP-AVRUNDNING": ("-3603", "-3604"),
    "RAPP-AVVIKER": ("-3610", "-3604"),
    "RAPP-SUMMA-TOM": ("", "10"),
    "RAPP-TOM": ("", "-15"),
    "RR-AVDELNINGAR": ("10.1", "10.0"),  # the nämnd's figure, the avdelningars' sum
    "RR-AVDELNINGAR-AVVIKER": ("12.0", "10.0"),
    "RUBRIKNIVA-HOPPAR": ("3", "2"),
    "SAMMANFATTNING-RR": ("100", "90"),
    "STATUS-SAKNAS": (None, None),
    "STICKPROV": ("8", "10"),
    "TOMT-FALT": ("Version:", None),
    "TOTAL-AVRUNDADE-RADER": ("4", "3"),  # the source's total, the rows' sum
    "TOTAL-AVVIKER": ("9", "2"),
    "TREND-PIL": ("↗", "→"),
    # prose: printed is the words of the text, computed the figure they are about (mnkr)
    "PROSA-BALANS": ("följer budget", "-0.42"),
    "PROSA-BELOPP": ("0,5 mnkr", "-0.42"),
    "PROSA-ENHETSORD": ("1 miljoner kronor", "1 miljon kronor"),
    "PROSA-TECKEN": ("0,4 mnkr", "-0.42"),
    "VARAV-AVRUNDNING": ("10", "9"),  # the row, its varav rows' sum
    "VARAV-SUMMA": ("10", "9"),
}


def test_every_code_has_its_figures() -> None:
    """The table of printed and computed figures covers every code."""
    assert set(SIFFROR) == set(KODER)


@pytest.mark.parametrize("code", sorted(FALL))
def test_printed_is_the_source_and_computed_the_model(code: str) -> None:
    """Each code's finding puts the source's figure in printed and the model's in computed,
    and the difference is printed − computed."""
    f = next(x for x in check(load(_rapport(FALL[code][0]))) if x.code == code)
    assert (f.printed, f.computed) == tuple(
        None if v is None else (Decimal(v) if isinstance(f.printed if i == 0 else f.computed, Decimal) else v)
        for i, v in enumerate(SIFFROR[code])
    )
    if isinstance(f.printed, Decimal) and isinstance(f.computed, Decimal) and f.difference is not None:
        assert f.difference == f.printed - f.computed
