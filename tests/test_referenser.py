"""Figure references and standard sentences in free text: a paragraph written with
references prints what the typed one printed and follows its figures; a wrong reference is
a load error with its place and a suggestion; the standard sentences fill an empty section."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from ruamel.yaml import YAML

from delarsrapport import LoadError, load
from delarsrapport._context import bygg_kontext
from delarsrapport._model.belopp import Belopp
from delarsrapport._render.filters import Talstil, make_filters
from delarsrapport._render.layout import installningar_fran, load_layout

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCN20 = SAMPLES / "uppsala-socialnamnden-2020-08.yaml"

TYPAD = (
    "Verksamheten har ett underskott på 47,7 miljoner kronor, det är en negativ avvikelse jämfört med "
    "budget på 46,3 miljoner kronor. Nettokostnaden för Barn och ungdomsvården är 404,5 miljoner kronor."
)
MED_REFERENSER = (
    "Verksamheten har <<resultat | underskott, miljoner kronor>>, det är <<avvikelse | negativ, "
    "'jämfört med budget på', miljoner kronor>>. Nettokostnaden för Barn och ungdomsvården är "
    "<<nettokostnad | belopp, miljoner kronor>>."
)


def _data() -> dict[str, Any]:
    return YAML(typ="safe").load(SCN20.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _barn(data: dict[str, Any]) -> dict[str, Any]:
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    return next(v for v in ekonomi["verksamheter"] if v["namn"] == "Barn och ungdomsvård")  # type: ignore[no-any-return]


def _ekonomivy(data: dict[str, Any], layout: str = "uppsala") -> Any:
    rapport = load(data)
    arende = rapport.arenden[0]
    bilaga = arende.bilagor[0]
    ctx = bygg_kontext(
        rapport, arende, 1, load_layout(layout).installningar, bilaga=bilaga, del_=bilaga.delar[0]
    )
    return ctx["ekonomi"]


def _barntext(data: dict[str, Any]) -> str:
    vy = _ekonomivy(data)
    return str(next(v for v in vy.verksamheter if v.namn == "Barn och ungdomsvård").text[0].text)


def _med_stycke(text: str) -> dict[str, Any]:
    data = _data()
    barn = _barn(data)
    barn["text"] = [text + " Resten.", *barn["text"][1:]]
    return data


def test_a_paragraph_with_references_prints_what_the_typed_one_did() -> None:
    """The typed sentence and the one with references print the same words."""
    assert _barntext(_med_stycke(TYPAD)) == _barntext(_med_stycke(MED_REFERENSER)) == TYPAD + " Resten."


def test_a_reference_follows_its_figure() -> None:
    """When an account row changes, the referenced sentence changes with the table; the typed one does not."""
    typad, ref = _med_stycke(TYPAD), _med_stycke(MED_REFERENSER)
    for data in (typad, ref):
        konto = _barn(data)["tabell"]["konton"][0]
        konto["belopp"][0] = "-163 977"  # 1 000 tkr more spent in the period
    assert _barntext(typad) == TYPAD + " Resten."
    assert _barntext(ref) == (
        "Verksamheten har ett underskott på 48,7 miljoner kronor, det är en negativ avvikelse jämfört med "
        "budget på 47,3 miljoner kronor. Nettokostnaden för Barn och ungdomsvården är 405,5 miljoner kronor."
        " Resten."
    )


def test_references_use_the_layouts_minus_sign() -> None:
    """A signed reference writes the layout's minus: U+2212 in the Upplands-Bro layout? No: both
    layouts print ASCII, and a layout set to U+2212 gets U+2212."""
    data = _med_stycke("<<resultat>>")
    assert _barntext(data) == "-47,7 mnkr Resten."
    rapport = load(data)
    arende = rapport.arenden[0]
    bilaga = arende.bilagor[0]
    inst = installningar_fran({"namn": "x", "talstil": {"minus": "\u2212"}})
    vy = bygg_kontext(rapport, arende, 1, inst, bilaga=bilaga, del_=bilaga.delar[0])["ekonomi"]
    barn = next(v for v in vy.verksamheter if v.namn == "Barn och ungdomsvård")
    assert barn.text[0].text == "\u221247,7 mnkr Resten."


@pytest.mark.parametrize(
    ("referens", "text"),
    [
        ("<<resultat för nämnden | överskott>>", "ett underskott på 39,1 mnkr"),
        ("<<avvikelse för 5731 | positiv, miljoner kronor>>", "en negativ avvikelse på 33,3 miljoner kronor"),
        ("<<helårsprognos för Socialnämnden | belopp, heltal, knappt/drygt>>", "knappt 65 mnkr"),
        ("<<prognos för nämnden | versal, underskott>>", "Ett underskott på 64,9 mnkr"),
        ("<<investeringsbudget för nämnden | tkr>>", "3\u00a0500 tkr"),
        ("<<marsprognos för nämnden | mnkr, heltal>>", "-25 mnkr"),
        ("<<förändring mot marsprognos för nämnden | ökning, med>>", "en minskning med 39,9 mnkr"),
        ("<<resultatmening>>", "Barn och ungdomsvård har ett underskott på 47,7 mnkr."),
        ("<<resultatmening för nämnden>>", "Socialnämnden har ett underskott på 39,1 mnkr."),
        (
            "<<prognosmening för nämnden | miljoner kronor, heltal>>",
            "Årets resultat för 2020 bedöms till ett underskott på 65 miljoner kronor, med en "
            "prognososäkerhet på +/- 5 miljoner kronor.",
        ),
        ("tecknen <<<< står kvar", "tecknen << står kvar"),
    ],
)
def test_reference_forms(referens: str, text: str) -> None:
    """Each form of the syntax (area, unit, decimals, sign words, hedges, sentences, literal <<)."""
    assert _barntext(_med_stycke(referens)) == text + " Resten."


def test_a_sub_heading_names_the_area_of_the_references_under_it() -> None:
    """In the nämnd's analysis, <<resultat>> under {rubrik: Barn och ungdomsvård} is the verksamhet's."""
    data = _data()
    data["bilagor"][0]["delar"][0]["ekonomi"]["analys"] = [
        "<<resultat>>",
        {"rubrik": "Barn och ungdomsvård"},
        "<<resultat>>",
    ]
    analys = _ekonomivy(data).analys
    assert [b.text for b in analys] == ["-39,1 mnkr", "Barn och ungdomsvård", "-47,7 mnkr"]


@pytest.mark.parametrize(
    ("referens", "fel"),
    [
        ("<<reslutat>>", "'Barn och ungdomsvård' har ingen siffra 'reslutat' (menade du 'resultat'?)"),
        ("<<resultat för Barn>>", "det finns inget område 'Barn' (menade du 'Barn och ungdomsvård'?)"),
        ("<<resultat | miljoner kronr>>", "okänt val 'miljoner kronr' (menade du 'miljoner kronor'?)"),
        ("<<resultat", "slutar aldrig med >>"),
        ("<<volymmening>>", "volymmening jämför värdena i ett diagram"),
        ("<<internkontrollmening>>", "internkontrollmening kräver en internkontroll"),
    ],
)
def test_a_wrong_reference_is_a_load_error_with_place_and_suggestion(referens: str, fel: str) -> None:
    """Every problem names the file line and field path, what is wrong and, where it can, the fix."""
    with pytest.raises(LoadError) as info:
        load(_med_stycke(referens))
    (problem,) = info.value.problems
    assert problem.path == "bilagor[0].delar[0].ekonomi.verksamheter[2].text[0]"
    assert fel in problem.message


def test_every_reference_problem_is_reported_at_once() -> None:
    """Two wrong references in two texts are two problems of one LoadError."""
    data = _med_stycke("<<reslutat>>")
    data["tjansteskrivelse"]["arendet"].append("<<avvikelse | negatv>>")
    with pytest.raises(LoadError) as info:
        load(data)
    assert len(info.value.problems) == 2


# -- standard sentences where the input has none ---------------------------------------------


def test_an_empty_analysis_and_section_get_the_standard_sentences() -> None:
    """No analysis text: the nämnd's result, deviation and forecast; no section text: its result and deviation."""
    data = _data()
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    ekonomi["analys"] = []
    _barn(data)["text"] = []
    vy = _ekonomivy(data)
    assert [b.text for b in vy.analys] == [
        "Socialnämnden har ett underskott på 39,1 mnkr. Socialnämnden har en negativ avvikelse jämfört med "
        "budget på 40,7 mnkr.",
        "Årets resultat för 2020 bedöms till ett underskott på 64,9 mnkr, med en prognososäkerhet på +/- 5,0 mnkr.",
    ]
    barn = next(v for v in vy.verksamheter if v.namn == "Barn och ungdomsvård")
    assert [b.text for b in barn.text] == [
        "Barn och ungdomsvård har ett underskott på 47,7 mnkr. Barn och ungdomsvård har en negativ avvikelse "
        "jämfört med budget på 46,3 mnkr."
    ]


def test_a_layout_can_turn_the_standard_sentences_off() -> None:
    """With visa.standardmeningar false an empty text stays empty."""
    data = _data()
    data["bilagor"][0]["delar"][0]["ekonomi"]["analys"] = []
    rapport = load(data)
    arende = rapport.arenden[0]
    bilaga = arende.bilagor[0]
    inst = installningar_fran({"namn": "x", "visa": {"standardmeningar": False}})
    assert bygg_kontext(rapport, arende, 1, inst, bilaga=bilaga, del_=bilaga.delar[0])["ekonomi"].analys == ()


# -- the filters -------------------------------------------------------------------------------


def _filter(source: str, stil: Talstil | None = None, **context: object) -> str:
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters(stil or Talstil()))
    return env.from_string(source).render(**context)


def test_sentence_filters_render_in_a_template() -> None:
    """The sentences are filters too, with the layout's number style; a missing amount prints talstil.saknas."""
    x = Belopp.from_tkr(Decimal(-64860))
    assert (
        _filter("{{ x | resultatmening(suffix='ord') }}", x=x)
        == "Nämnden har ett underskott på 64,9 miljoner kronor."
    )
    assert _filter(
        "{{ x | prognosmening(f, b) }}",
        Talstil(minus="\u2212"),
        x=x,
        f=Belopp.from_mnkr(20),
        b=Belopp.from_mnkr(5),
    ) == (
        "Årets resultat bedöms till ett underskott på 64,9 mnkr, med ett prognosspann från \u221284,9 till \u221259,9 mnkr."
    )
    assert _filter(
        "{{ x | volymmening(100, 'Antalet vårddygn', '2019') }}", Talstil(procent_mellanslag=False), x=104
    ) == ("Antalet vårddygn är 4% högre jämfört med 2019.")
    assert _filter("[{{ x | avvikelsemening }}]", Talstil(saknas="–"), x=None) == "[–]"


def test_load_of_a_copy_keeps_the_typed_text_exactly() -> None:
    """A text without references is printed as it was typed, ``<`` and ``>`` included."""
    text = "a < b och c > d, <b>inte markup</b>"
    assert _barntext(_med_stycke(text)) == text + " Resten."


def test_references_do_not_leak_between_texts() -> None:
    """A reference in one verksamhet's text names that verksamhet, in another that one."""
    data = copy.deepcopy(_data())
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    for v in ekonomi["verksamheter"]:
        v["text"] = ["<<resultat | belopp>>"]
    vy = _ekonomivy(data)
    assert [v.text[0].text for v in vy.verksamheter] == [
        "0,2 mnkr",
        "2,9 mnkr",
        "47,7 mnkr",
        "0,6 mnkr",
        "11,2 mnkr",
    ]
