"""The example Kulturnämnden 2023: every gap of a report the library had never seen, expressed
and checked (the sample ``samples/exempel-kulturnamnden-2023-08.yaml`` is invented).

One test per gap of the model (egen-regi totals, text around tables and the sections'
order, counts, nämndmål prognoses, the styrdokument cover, the second part of a
verksamhetsuppföljning, KS-beslut years and nämndmål numbers, an empty bedömning
sentence) and per check error (one rounding rule, printed against computed, status words,
title severities), each with the exact finding where one is expected; and what the shipped
layouts print of it.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from delarsrapport import Finding, LoadError, Severity, check, load
from delarsrapport._context import (
    Block,
    EkonomiVy,
    TjansteskrivelseVy,
    VerksamhetVy,
    bygg_kontext,
)
from delarsrapport._render.layout import load_layout
from delarsrapport._render.render import render_bytes
from delarsrapport.testing import normalise

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = SAMPLES / "exempel-kulturnamnden-2023-08.yaml"
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")
VERKSAMHET = "bilagor[0].delar[0].verksamhet"
EKONOMI = "bilagor[1].delar[0].ekonomi"


@cache
def _data() -> dict[str, Any]:
    return YAML(typ="safe").load(SAMPLE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _andrad(**ekonomi: Any) -> dict[str, Any]:
    """The sample's data with the ekonomi part's fields replaced."""
    data = copy.deepcopy(_data())
    data["bilagor"][1]["delar"][0]["ekonomi"].update(ekonomi)
    return data


@cache
def _fynd() -> tuple[Finding, ...]:
    return tuple(check(load(SAMPLE)))


def _ett(code: str, path: str) -> Finding:
    (f,) = [f for f in _fynd() if f.code == code and f.path == path]
    return f


def _kontext(bilaga: int | None) -> dict[str, object]:
    rapport = load(SAMPLE)
    arende = rapport.huvudarende
    inst = load_layout("uppsala-2024").installningar
    if bilaga is None:
        return bygg_kontext(rapport, arende, 1, inst)
    b = arende.bilagor[bilaga]
    return bygg_kontext(rapport, arende, 1, inst, bilaga=b, del_=b.delar[0])


def _ekonomi() -> EkonomiVy:
    vy = _kontext(1)["ekonomi"]
    assert isinstance(vy, EkonomiVy)
    return vy


def _verksamhet() -> VerksamhetVy:
    vy = _kontext(0)["verksamhet"]
    assert isinstance(vy, VerksamhetVy)
    return vy


def _texter(lopande: tuple[Block, ...]) -> list[str]:
    return [b.text or " / ".join(b.punkter) for b in lopande]


def test_the_sample_has_exactly_its_findings() -> None:
    """The sample's deliberate errors and rounding differences, and nothing else."""
    assert sorted((f.code, f.severity.value, f.path) for f in _fynd()) == sorted(
        [
            ("ANTAL-AVVIKER", "fel", f"{VERKSAMHET}.rapporterat.uppdrag_per_status[0]"),
            ("ANTAL-AVVIKER", "fel", f"{VERKSAMHET}.rapporterat.atgarder_totalt"),
            ("BILAGA-TITEL-PERIOD", "fel", "bilagor[1].rapporterat.titel"),
            ("BILAGA-TITEL-AVVIKER", "varning", "bilagor[1].rapporterat.titel_i_beslutsunderlag"),
            ("VARAV-AVRUNDNING", "notering", f"{EKONOMI}.sammanfattning.rader[1].varav"),
            ("TOTAL-AVRUNDADE-RADER", "notering", f"{EKONOMI}.sammanfattning.totalt.periodens_utfall"),
            ("AVRUNDNINGSDIFFERENS", "notering", f"{EKONOMI}.sammanfattning"),
            ("RAPP-AVVIKER", "fel", f"{EKONOMI}.egen_regi.rapporterat.totalt.resultat"),
            ("PROSA-BALANS", "fel", f"{EKONOMI}.verksamheter[0].text[0]"),
        ]
    )


def test_a_balance_said_of_two_names_is_said_of_each() -> None:
    """ "Biblioteken och kulturskolan följer budget": the kulturskola does (0 mnkr), the
    bibliotek does not (-1 mnkr); the finding names the one that does not."""
    f = _ett("PROSA-BALANS", f"{EKONOMI}.verksamheter[0].text[0]")
    assert f.message.startswith(
        "Texten säger 'följer budget' om Bibliotek, men periodens resultat är -1 mnkr"
    )
    assert f.computed == Decimal("-1")


# -- the model's gaps -----------------------------------------------------------------------


def test_1_egen_regi_printed_total_is_checked_and_the_document_prints_the_computed_one() -> None:
    """The Totalt printed with the wrong sign is a fel; the other printed columns agree."""
    f = _ett("RAPP-AVVIKER", f"{EKONOMI}.egen_regi.rapporterat.totalt.resultat")
    assert (f.printed, f.computed, f.difference, f.unit) == (
        Decimal("1.1"),
        Decimal("-1.1"),
        Decimal("2.2"),
        "mnkr",
    )
    assert f.message == (
        "Totalt, Resultat 202301-202308: tryckt 1,1 mnkr, men raderna ger -1,1 mnkr (skillnad 2,2 mnkr; "
        "avrundning av 3 tal och den tryckta cellen förklarar högst 0,2 mnkr)."
    )
    egen_regi = _ekonomi().egen_regi
    assert egen_regi is not None
    assert egen_regi.totalt.resultat is not None and egen_regi.totalt.resultat.mnkr == Decimal("-1.1")
    assert _texter(egen_regi.text_fore) == ["Tabellen visar resultatet för verksamheten i egen regi."]


def test_1_egen_regi_total_may_be_a_list_in_column_order() -> None:
    """Like every printed row, the Totalt may be written in the columns' order."""
    data = copy.deepcopy(_data())
    data["bilagor"][1]["delar"][0]["ekonomi"]["egen_regi"]["rapporterat"]["totalt"] = ["-1,1", "-1,1", "0,0"]
    assert not [f for f in check(load(data)) if f.path.startswith(f"{EKONOMI}.egen_regi")]


def test_2_text_before_and_after_tables() -> None:
    """Each table carries the text before it and the text after it."""
    e = _ekonomi()
    assert e.sammanfattning is not None and e.prognososakerhet is not None and e.investeringar is not None
    assert _texter(e.sammanfattning.text_fore) == ["I tabellen nedan visas nämndens resultat per verksamhet."]
    assert _texter(e.sammanfattning.text) == [
        "Underskottet finns inom scenkonsten, där publikintäkterna är lägre än budgeterat."
    ]
    assert _texter(e.prognososakerhet.text_fore) == [
        "Prognosen för helåret är ett underskott på 4 miljoner kronor."
    ]
    assert _texter(e.prognososakerhet.text) == ["Osäkerheten gäller främst publikintäkterna under hösten."]
    assert _texter(e.investeringar.text_fore) == [
        "Nämnden investerar i ny scenteknik och biblioteksinventarier."
    ]
    assert _texter(e.investeringar.text) == ["Scentekniken levereras i oktober."]


def test_2_sections_in_the_reports_order() -> None:
    """The sections come in the report's order; a section it does not list comes last."""
    avsnitt = _ekonomi().avsnitt
    assert [(a.typ, a.rubrik) for a in avsnitt] == [
        ("analys", "Nämndens analys"),
        ("sammanfattning", "Sammanfattning"),
        ("verksamheter", "Resultat per verksamhet"),
        ("ovrigt", "Volymutveckling"),
        ("atgarder_ekonomi_i_balans", "Åtgärder för ekonomi i balans"),
        ("prognososakerhet", "Prognososäkerhet"),
        ("investeringar", "Investeringar"),
        ("egen_regi", "Egen regi"),
    ]
    assert _texter(avsnitt[3].text) == [
        "Antalet utlån ökade med 6 procent och antalet elever i kulturskolan med 4 procent."
    ]
    assert avsnitt[1].text == ()  # a table's texts are in its own view


def test_2_without_an_order_the_sections_come_in_the_standard_order() -> None:
    e = load(_andrad(avsnittsordning=[])).bilagor[1].delar[0]
    assert [a if isinstance(a, str) else a.rubrik for a in e.avsnitt()] == [  # type: ignore[union-attr]
        "sammanfattning",
        "prognososakerhet",
        "investeringar",
        "analys",
        "verksamheter",
        "egen_regi",
        "atgarder_ekonomi_i_balans",
        "Volymutveckling",
    ]


@pytest.mark.parametrize(
    ("ordning", "meddelande"),
    [
        (["analys", "analyss"], "okänt avsnitt 'analyss' (menade du 'analys'?)"),
        (["analys", "analys"], "avsnittet 'analys' står redan tidigare i avsnittsordning"),
        (["risker_och_osakerhet"], "avsnittet 'risker_och_osakerhet' har inget innehåll i ekonomin"),
    ],
)
def test_2_the_order_must_name_sections_that_exist(ordning: list[str], meddelande: str) -> None:
    with pytest.raises(LoadError) as exc:
        load(_andrad(avsnittsordning=ordning))
    assert any(meddelande in p.message and "avsnittsordning[" in p.path for p in exc.value.problems)


def test_3_counts_are_stated_checked_and_offered_to_the_memo() -> None:
    """The memo's counts of uppdrag, nämndmål (with the kommungemensamma) and åtgärder."""
    f = _ett("ANTAL-AVVIKER", f"{VERKSAMHET}.rapporterat.atgarder_totalt")
    assert (f.printed, f.computed) == ("7", "6")
    assert f.message == "Rapporten anger 7 åtgärder totalt, men bilagan har 6."
    ts = _kontext(None)["ts"]
    assert isinstance(ts, TjansteskrivelseVy)
    assert (
        ts.uppdrag_totalt,
        ts.namndmal_totalt,
        ts.namndmal_namndspecifika,
        ts.namndmal_kommungemensamma,
        ts.atgarder_totalt,
    ) == (2, 3, 2, 1, 6)
    assert (
        ts.omfattning
        == "två uppdrag, tre nämndmål (två nämndspecifika och ett kommungemensamt) samt sex åtgärder"
    )


@pytest.mark.parametrize(
    ("falt", "varde", "meddelande"),
    [
        ("namndmal_totalt", 4, "Rapporten anger 4 nämndmål totalt, men bilagan har 3."),
        ("namndmal_namndspecifika", 1, "Rapporten anger 1 nämndspecifika nämndmål, men bilagan har 2."),
        ("namndmal_kommungemensamma", 2, "Rapporten anger 2 kommungemensamma nämndmål, men bilagan har 1."),
        ("uppdrag_totalt", 3, "Rapporten anger 3 uppdrag totalt, men bilagan har 2."),
    ],
)
def test_3_every_stated_count_is_checked(falt: str, varde: int, meddelande: str) -> None:
    data = copy.deepcopy(_data())
    data["bilagor"][0]["delar"][0]["verksamhet"]["rapporterat"][falt] = varde
    (f,) = [f for f in check(load(data)) if f.path == f"{VERKSAMHET}.rapporterat.{falt}"]
    assert (f.code, f.severity, f.message) == ("ANTAL-AVVIKER", Severity.FEL, meddelande)


def test_4_namndmal_have_a_prognosis_sentence_and_an_expected_year() -> None:
    post = _verksamhet().mal[0].poster[1]
    assert (post.typ, post.statusmening, post.forvantat_klart_ar) == (
        "namndmal",
        "Nämndmålet bedöms vara uppnått under 2024.",
        2024,
    )


def test_5_the_cover_of_a_styrdokument() -> None:
    """Title and subtitle, beslutsfattare, dokumentansvarig and the adoption date."""
    dokument = _kontext(0)["dokument"]
    assert (
        dokument.titel,  # type: ignore[attr-defined]
        dokument.undertitel,  # type: ignore[attr-defined]
        dokument.hela_titeln,  # type: ignore[attr-defined]
        dokument.beslutsfattare,  # type: ignore[attr-defined]
        dokument.dokumentansvarig,  # type: ignore[attr-defined]
        str(dokument.datum),  # type: ignore[attr-defined]
        str(dokument.namndbehandlas),  # type: ignore[attr-defined]
    ) == (
        "Verksamhetsplan och budget 2023–2025",
        "Delårsuppföljning per augusti 2023",
        "Verksamhetsplan och budget 2023–2025 – Delårsuppföljning per augusti 2023",
        "Kulturnämnden",
        "Kulturdirektör",
        "2023-09-14",
        "2023-09-27",
    )


def test_5_a_subtitle_or_the_adoption_date_raise_no_false_fel() -> None:
    """The Beslutsunderlag names bilaga 1 by its subtitle, and it is adopted on the meeting day."""
    assert not [f for f in _fynd() if f.path.startswith("bilagor[0]") and "verksamhet" not in f.path]


def test_5_a_meeting_day_that_is_not_the_meetings_is_a_varning() -> None:
    data = copy.deepcopy(_data())
    data["bilagor"][0]["namndbehandlas"] = "2023-09-28"
    (f,) = [f for f in check(load(data)) if f.path == "bilagor[0].namndbehandlas"]
    assert (f.code, f.severity, f.printed, f.computed) == (
        "DATUM-SAMMANTRADE",
        Severity.VARNING,
        "2023-09-28",
        "2023-09-27",
    )


def test_6_the_second_part_and_activities_as_free_text() -> None:
    """ "Uppföljning av nämndens åtgärder" with its own introduction; activities with a list."""
    v = _verksamhet()
    assert v.atgardsdel is not None
    assert v.atgardsdel.rubrik == "Uppföljning av nämndens åtgärder"
    assert _texter(v.atgardsdel.inledning) == [
        "I denna del följs nämndens åtgärder upp en och en, under sitt uppdrag eller nämndmål."
    ]
    assert [m.nummer for m in v.atgardsdel.mal] == [1, 2]
    atgard = v.mal[0].poster[0].atgarder[0]
    assert [(b.typ, b.text, b.punkter) for b in atgard.aktiviteter_text] == [
        ("stycke", "Under våren har kulturskolan kartlagt efterfrågan i ytterområdena.", ()),
        ("punktlista", "", ("Undervisning i bild och form på Norrskolan.", "Körverksamhet på Sjöskolan.")),
    ]
    assert atgard.aktiviteter == (
        "Under våren har kulturskolan kartlagt efterfrågan i ytterområdena.",
        "Undervisning i bild och form på Norrskolan.",
        "Körverksamhet på Sjöskolan.",
    )


def test_7_ks_beslut_years_and_namndmal_numbers_reach_the_views() -> None:
    v = _verksamhet()
    (r,) = v.rapportering
    assert (r.typ, r.ks_beslut, r.forvantat_klart_ar) == ("KS-beslut", True, 2024)
    post = v.mal[0].poster[1]
    assert (post.nummer, post.rubrik) == (
        "KTN1.1",
        "Nämndmål KTN1.1: Fler barn och unga ska delta i kulturskolans verksamhet.",
    )


def test_8_an_empty_bedomningstext_prints_no_sentence() -> None:
    """ "" means no sentence under the value; without bedomningstext the standard sentence stays."""
    mal = _verksamhet().mal
    assert mal[0].bedomning is not None and mal[0].bedomning.mening == ""
    assert mal[1].bedomning is not None
    assert (
        mal[1].bedomning.mening
        == "Nämndens verksamhet bedöms delvis leda till de resultat den vill se inom målet."
    )


# -- the check's errors ---------------------------------------------------------------------


def test_9_varav_rows_follow_the_rule_every_parts_and_whole_comparison_follows() -> None:
    """Rounded input: 1 mnkr over three varav rows is a notering, as between a total and its rows."""
    f = _ett("VARAV-AVRUNDNING", f"{EKONOMI}.sammanfattning.rader[1].varav")
    assert (f.severity, f.printed, f.computed, f.difference) == (
        Severity.NOTERING,
        Decimal(140),
        Decimal(139),
        Decimal(1),
    )
    assert f.message == (
        "Kulturverksamhet, Kommunbidrag 2023: raden är 140 mnkr men varav-raderna summerar till 139 mnkr "
        "(skillnad 1 mnkr; avrundning av 3 varav-rader och raden förklarar högst 2 mnkr)."
    )
    t = _ett("TOTAL-AVRUNDADE-RADER", f"{EKONOMI}.sammanfattning.totalt.periodens_utfall")
    assert "avrundning av 3 rader och totalen förklarar högst 2 mnkr" in t.message


def test_9_the_same_gap_with_exact_input_is_a_fel_and_beyond_the_rule_too() -> None:
    data = copy.deepcopy(_data())
    data["bilagor"][1]["delar"][0]["ekonomi"]["sammanfattning"]["avrundade_indata"] = False
    (f,) = [f for f in check(load(data)) if f.path == f"{EKONOMI}.sammanfattning.rader[1].varav"]
    assert (f.code, f.severity) == ("VARAV-SUMMA", Severity.FEL)
    assert "exakta belopp ska gå jämnt ut" in f.message
    data = copy.deepcopy(_data())
    data["bilagor"][1]["delar"][0]["ekonomi"]["sammanfattning"]["rader"][1]["kommunbidrag"] = 142
    (f,) = [f for f in check(load(data)) if f.path == f"{EKONOMI}.sammanfattning.rader[1].varav"]
    assert (f.code, f.printed, f.computed) == ("VARAV-SUMMA", Decimal(142), Decimal(139))


def test_10_printed_is_the_parent_row_and_computed_the_sum_in_json() -> None:
    """check --json: the printed parent is printed, the varav rows' sum computed."""
    d = _ett("VARAV-AVRUNDNING", f"{EKONOMI}.sammanfattning.rader[1].varav").as_dict()
    assert (d["printed"], d["computed"], d["difference"]) == ("140", "139", "1")


def test_11_status_words_not_values_in_the_count_message() -> None:
    f = _ett("ANTAL-AVVIKER", f"{VERKSAMHET}.rapporterat.uppdrag_per_status[0]")
    assert f.message == "Rapporten anger 2 uppdrag med status försenad eller väntar, men bilagan har 1."


def test_12_title_severities_by_what_a_reader_is_misled_by() -> None:
    """Another period is a fel, other words a varning, a title/subtitle split nothing."""
    f = _ett("BILAGA-TITEL-PERIOD", "bilagor[1].rapporterat.titel")
    assert f.severity is Severity.FEL
    assert f.message == (
        "Bilaga 2 heter 'Delårsbokslut per augusti 2022' i bilagans sidhuvud, men 'Delårsbokslut per "
        "augusti 2023' i registret; 2022 är inte rapportens period (augusti 2023)."
    )
    assert _ett("BILAGA-TITEL-AVVIKER", "bilagor[1].rapporterat.titel_i_beslutsunderlag").severity is (
        Severity.VARNING
    )
    data = copy.deepcopy(_data())
    data["bilagor"][0]["rapporterat"] = {
        "titel": "Verksamhetsplan och budget 2023–2025",
        "rubrik": "Delårsuppföljning per augusti 2023",
        "titel_i_beslutsunderlag": "Verksamhetsplan och budget 2023-2025, delårsuppföljning per augusti 2023",
    }
    assert not [f for f in check(load(data)) if f.path.startswith("bilagor[0].rapporterat")]


# -- what the shipped layouts print -----------------------------------------------------------


@cache
def _utskrivet(layout: str, sample: Path = SAMPLE) -> tuple[dict[str, Any], ...]:
    """The documents rendered with a shipped layout and normalised: tjänsteskrivelse, bilaga 1, …"""
    return tuple(normalise(d.data) for d in render_bytes(load(sample), layout=layout))


def _innehall(layout: str, dokument: int) -> list[Any]:
    return list(_utskrivet(layout)[dokument]["innehall"])


def _tabeller(innehall: list[Any]) -> list[list[list[str]]]:
    return [x["tabell"]["rader"] for x in innehall if isinstance(x, dict)]


def _celler(innehall: list[Any]) -> list[str]:
    return [c for rader in _tabeller(innehall) for rad in rader for c in rad]


def test_the_2023_form_prints_the_styrdokument_cover_under_the_title() -> None:
    """Subtitle, beslutsfattare, beslutsdatum and dokumentansvarig; the header has the whole title."""
    bilaga = _utskrivet("uppsala-2024")[1]
    assert bilaga["innehall"][:5] == [
        "heading 1: Bilaga 1 - Verksamhetsplan och budget 2023–2025",
        "Subtitle: Delårsuppföljning per augusti 2023",
        "Normal: Beslutsfattare: Kulturnämnden",
        "Normal: Beslutsdatum: 2023-09-27",
        "Normal: Dokumentansvarig: Kulturdirektör",
    ]
    assert bilaga["sidhuvuden"]["header1.xml"][1] == (
        "Bilaga 1, Verksamhetsplan och budget 2023–2025 – Delårsuppföljning per augusti 2023"
    )
    # A report without a styrdokument's cover gets no cover lines, though its bilagor have a meeting day.
    transkriberad = _utskrivet("uppsala-2024", SAMPLES / "uppsala-socialnamnden-2024-08.yaml")
    assert not [
        s
        for d in transkriberad
        for s in d["innehall"]
        if isinstance(s, str) and s.startswith(("Normal: Beslutsdatum", "Subtitle:"))
    ]


def test_the_2023_form_prints_the_economic_sections_in_the_reports_order() -> None:
    """Each section once, in avsnittsordning; a table section after a section with a heading gets its own."""
    rubriker = [s for s in _innehall("uppsala-2024", 2) if isinstance(s, str) and s.startswith("heading")]
    assert rubriker == [
        "heading 1: Delårsbokslut per augusti 2023",
        "heading 2: Nämndens analys – sammanfattning",
        "heading 2: Sammanfattning",
        "heading 2: Resultat per verksamhet",
        "heading 3: Kulturverksamhet",
        "heading 3: Fritid",
        "heading 2: Volymutveckling",
        "heading 2: Åtgärder för ekonomi i balans",
        "heading 2: Prognososäkerhet",
        "heading 2: Investeringar",
        "heading 2: Egen regi",
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_texts_before_and_after_a_table_stand_around_it(layout: str) -> None:
    innehall = _innehall(layout, 2)
    forsta = next(i for i, x in enumerate(innehall) if isinstance(x, dict))
    assert innehall[forsta - 1] == "Normal: I tabellen nedan visas nämndens resultat per verksamhet."
    assert innehall[forsta + 1 : forsta + 3] == [
        "Normal: Avrundningsdifferenser kan förekomma.",
        "Normal: Underskottet finns inom scenkonsten, där publikintäkterna är lägre än budgeterat.",
    ]
    text_fore = "Normal: Prognosen för helåret är ett underskott på 4 miljoner kronor."
    text = "Normal: Osäkerheten gäller främst publikintäkterna under hösten."
    assert innehall.index(text_fore) < innehall.index(text)


@pytest.mark.parametrize(
    ("layout", "rubrik", "mal"),
    [
        ("uppsala", "heading 2", "heading 3: Fokusmål 1"),
        ("uppsala-2024", "heading 2", "heading 3: Fokusmål 1"),
        ("upplands-bro", "heading 1", "heading 2: Åsby ska vara en attraktiv kommun med ett rikt kulturliv"),
    ],
)
def test_the_second_part_prints_the_atgarder_once_with_their_activities(
    layout: str, rubrik: str, mal: str
) -> None:
    innehall = _innehall(layout, 1)
    start = innehall.index(f"{rubrik}: Uppföljning av nämndens åtgärder")
    assert innehall[start + 1 : start + 3] == [
        "Normal: I denna del följs nämndens åtgärder upp en och en, under sitt uppdrag eller nämndmål.",
        mal,
    ]
    # The åtgärder are in the second part only, each once.
    assert "Erbjuda kulturskola på fler skolor." not in _celler(innehall[:start])
    assert _celler(innehall).count("Korta väntetiden till kulturskolan.") == 1
    (tabell,) = [t for t in _tabeller(innehall) if t[0][2:3] == ["Aktiviteter på förvaltningen"]]
    assert tabell[0] == [
        "Nämndens åtgärd",
        "Status",
        "Aktiviteter på förvaltningen",
        "Uppföljning augusti 2023",
    ]
    assert tabell[1][0] == "Erbjuda kulturskola på fler skolor."
    assert tabell[1][2] == (
        "Under våren har kulturskolan kartlagt efterfrågan i ytterområdena.\n"
        "• Undervisning i bild och form på Norrskolan.\n• Körverksamhet på Sjöskolan."
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_ks_beslut_names_the_year_it_is_expected_done(layout: str) -> None:
    assert (
        "KS-beslut: Redovisa hur nämnden bidrar till kommunens arbete med fritidsbanken. Beräknas klart 2024."
        in _celler(_innehall(layout, 1))
    )


def test_the_2023_forms_item_table_names_a_namndmal_by_its_number() -> None:
    celler = _celler(_innehall("uppsala-2024", 1))
    assert "Nämndmål KTN1.1: Fler barn och unga ska delta i kulturskolans verksamhet." in celler


def test_an_empty_bedomningstext_prints_the_value_without_an_empty_row() -> None:
    """The 2020 form's Bedömning box: the value alone, one row; with a sentence, the sentence under it."""
    bedomningar = [t for t in _tabeller(_innehall("uppsala", 1)) if t[0][0].startswith("Bedömning")]
    assert bedomningar == [
        [["Bedömning [D9E2F3]", "I hög grad uppfyllt [92D050]"]],
        [
            ["Bedömning", "Delvis uppfyllt"],
            ["Nämndens verksamhet bedöms delvis leda till de resultat den vill se inom målet."],
        ],
    ]
