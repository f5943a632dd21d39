"""The cover of the combined handling: the meeting's agenda in the input, derived or given,
its template in a layout, and the combined handling that starts with it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pikepdf
import pytest
from lxml import etree

from delarsrapport import LoadError, RenderError, check, load, render
from delarsrapport._designer import check_layout
from delarsrapport._load.reader import read_yaml
from delarsrapport._render.layout import load_layout, new_layout
from delarsrapport._render.render import render_bytes, render_forsattsblad
from delarsrapport._render.samlad import FORSATTSBLAD, handlingens_titel
from delarsrapport.model import Dagordningsgrupp, Dagordningspunkt, Sammantrade
from delarsrapport.testing import accessibility_problems, normalise, pdf_accessibility_problems

ROOT = Path(__file__).resolve().parents[1]
UPPLANDS_BRO = ROOT / "samples" / "upplands-bro-socialnamnden-2022.yaml"
UPPSALA = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PUNKTER = [
    "1 Verksamhetsberättelse år 2022 - Socialnämnden",
    "2 Nämndplan år 2023 - Socialnämnden",
    "3 Revisionsrapport -Granskning av arbetet mot hedersrelaterat våld och förtryck",
    "4 Svar på medborgarförslag om att öppna hunddagis i samarbete med daglig verksamhet",
    "5 Fastställande av antal ersättare i socialnämndens arbetsutskott för mandatperioden 2023–2026",
    "6 Val av ersättare till socialnämndens arbetsutskott för mandatperioden 2023-2026",
    "7 Vårdnadsöverflytt",
]
"""The agenda of Upplands-Bro's socialnämnd on 23 February 2023, as its cover prints it."""


def _text(stycke: object) -> str:
    """A normalised paragraph's text without its style, every run of white space one space."""
    assert isinstance(stycke, str)
    return " ".join(stycke.split(": ", 1)[1].split())


def _data(namn: Path = UPPLANDS_BRO) -> dict[str, Any]:
    data, _rader, _problem = read_yaml(namn.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _med_dagordning(dagordning: object) -> dict[str, Any]:
    data = _data()
    data["sammantrade"] = {"datum": "2023-02-23", "dagordning": dagordning}
    return data


@pytest.fixture(scope="module")
def samlad() -> bytes:
    """The Upplands-Bro meeting's combined handling, with its layout."""
    (dokument,) = render_bytes(load(UPPLANDS_BRO), layout="upplands-bro", samlad=True)
    return dokument.data


# -- the agenda in the input -------------------------------------------------------------------


def test_the_sample_gives_the_agenda_once_and_links_its_two_arenden() -> None:
    """A linked point is arende: N, a point that is only a title is the text itself."""
    rapport = load(UPPLANDS_BRO)
    assert rapport.sammantrade is not None
    (grupp,) = rapport.sammantrade.dagordning
    assert grupp.rubrik == "Beslutsärenden"
    assert [p.arende for p in grupp.punkter] == [1, 2, None, None, None, None, None]
    assert grupp.punkter[6] == Dagordningspunkt(titel="Vårdnadsöverflytt")
    assert rapport.dagordning == rapport.sammantrade.dagordning
    assert not [f for f in check(rapport) if f.code.startswith("DAGORDNING")]


def test_numbers_are_as_printed_or_one_more_than_the_point_before() -> None:
    data = _med_dagordning(
        [
            {
                "rubrik": "Beslutsärenden",
                "punkter": [{"arende": 1}, {"titel": "Val", "nummer": 5}, "Avsägelse"],
            },
            {"rubrik": "Informationsärenden", "punkter": [{"arende": 2}]},
        ]
    )
    rapport = load(data)
    (forsattsblad,) = [render_forsattsblad(rapport, load_layout("upplands-bro"))]
    assert forsattsblad is not None
    innehall = [_text(s) for s in normalise(forsattsblad)["innehall"]]
    assert innehall[1:] == [
        "Dagordning",
        "Beslutsärenden",
        "1 Verksamhetsberättelse år 2022 - Socialnämnden",
        "5 Val",
        "6 Avsägelse",
        "Informationsärenden",
        "7 Nämndplan år 2023 - Socialnämnden",
    ]


@pytest.mark.parametrize(
    ("punkt", "sokvag", "meddelande"),
    [
        ("{nummer: 3}", r"dagordning\[0\]\.punkter\[1\]$", "behöver en titel eller ett ärende"),
        ("{titel: Val, nummer: 0}", r"punkter\[1\]\.nummer$", "ska vara 1 eller mer, fick 0"),
        ("{arende: 0}", r"punkter\[1\]\.arende$", "ska vara 1 eller mer"),
        ("{titel: '  '}", r"punkter\[1\]\.titel$", "titel är tom"),
        ("17", r"punkter\[1\]$", r"eller en text \(fältet titel\), fick talet 17"),
        ("{rubrik: Val}", r"punkter\[1\]\.rubrik$", "okänt fält 'rubrik'; giltiga fält här: titel, arende"),
    ],
)
def test_a_bad_point_is_reported_with_its_path_and_line(
    tmp_path: Path, punkt: str, sokvag: str, meddelande: str
) -> None:
    text = UPPLANDS_BRO.read_text(encoding="utf-8")
    assert text.count("        - arende: 2\n") == 1
    ny = text.replace("        - arende: 2\n", f"        - {punkt}\n", 1)
    fil = tmp_path / "rapport.yaml"
    fil.write_text(ny, encoding="utf-8")
    rad = ny.splitlines().index(f"        - {punkt}") + 1
    with pytest.raises(LoadError) as info:
        load(fil)
    problem = next(p for p in info.value.problems if re.search(sokvag, p.path))
    assert re.search(meddelande, problem.message), problem
    assert problem.line == rad


def test_a_group_needs_a_point() -> None:
    with pytest.raises(
        LoadError, match=r"dagordning\[0\]\.punkter: en grupp på dagordningen behöver minst en punkt"
    ):
        load(_med_dagordning([{"rubrik": "Beslutsärenden", "punkter": []}]))


def test_without_an_agenda_one_is_derived_from_the_arenden_in_order() -> None:
    """Beslutsärenden while the tjänsteskrivelser propose decisions, Informationsärenden for one without."""
    rapport = load(UPPSALA)
    assert rapport.dagordning == (
        Dagordningsgrupp(punkter=(Dagordningspunkt(arende=1),), rubrik="Beslutsärenden"),
    )
    bro = load(UPPLANDS_BRO)
    andra = bro.ovriga_arenden[0]
    information = attrs.evolve(
        andra, tjansteskrivelse=attrs.evolve(andra.tjansteskrivelse, forslag_till_beslut=())
    )
    rapport = attrs.evolve(
        bro,
        sammantrade=Sammantrade(datum=bro.sammantrade.datum),
        ovriga_arenden=(information, andra),  # type: ignore[union-attr]
    )
    assert [(g.rubrik, [p.arende for p in g.punkter]) for g in rapport.dagordning] == [
        ("Beslutsärenden", [1]),
        ("Informationsärenden", [2]),
        ("Beslutsärenden", [3]),
    ]


def test_the_model_exports_the_agenda_classes() -> None:
    import delarsrapport.model as model

    assert {"Dagordningsgrupp", "Dagordningspunkt"} <= set(model.__all__)
    punkt = model.Dagordningspunkt(arende=2)
    with pytest.raises(ValueError, match="behöver en titel eller ett ärende"):
        model.Dagordningspunkt()
    assert model.Dagordningsgrupp(punkter=(punkt,)).rubrik is None


# -- the template in a layout ------------------------------------------------------------------


def test_the_layout_check_checks_the_cover_template(tmp_path: Path) -> None:
    katalog = tmp_path / "bro"
    shutil.copytree(ROOT / "templates" / "upplands-bro", katalog)
    assert check_layout(katalog) == []
    mall = katalog / "handlingar.docx"
    with zipfile.ZipFile(mall) as z:
        delar = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(mall, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in delar:
            if info.filename == "word/document.xml":
                assert b"{{ punkt.titel }}" in data
                data = data.replace(b"{{ punkt.titel }}", b"{{ punkt.rubrik }}")
            z.writestr(info, data)
    (fynd,) = check_layout(katalog)
    assert (fynd.fil, fynd.kod) == ("handlingar.docx", "MALL-OKANT-FALT")
    assert fynd.meddelande.startswith("fältet 'rubrik' finns inte i punkt")
    assert fynd.atgard.endswith("fält i punkt: arende, diarienummer, i_handlingen, nummer, titel")
    with pytest.raises(Exception, match=r"fältet 'rubrik' finns inte i punkt"):
        render_bytes(load(UPPLANDS_BRO), layout=katalog, samlad=True)


def test_a_layout_without_the_cover_is_complete(tmp_path: Path) -> None:
    """The cover is optional: without it the check only warns that the meeting and its agenda
    are never shown (MALL-VISAS-INTE), and the combined handling starts with the first
    tjänsteskrivelse, as before."""
    katalog = tmp_path / "bro"
    shutil.copytree(ROOT / "templates" / "upplands-bro", katalog)
    (katalog / "handlingar.docx").unlink()
    fynd = check_layout(katalog)
    assert {(f.kod, f.severity.value, f.fil) for f in fynd} == {
        ("MALL-VISAS-INTE", "varning", "handlingar.docx")
    }
    assert {f.plats.removeprefix("indatafältet ").split(".")[0] for f in fynd} == {
        "Sammantrade",
        "Dagordningsgrupp",
        "Dagordningspunkt",
    }
    rapport = load(UPPLANDS_BRO)
    (dokument,) = render_bytes(rapport, layout=katalog, samlad=True)
    innehall = normalise(dokument.data)["innehall"]
    assert innehall == [
        b for d in render_bytes(rapport, layout=katalog) for b in normalise(d.data)["innehall"]
    ]
    namn = [b.get(f"{{{W}}}name") for b in _dokument(dokument.data).iter(f"{{{W}}}bookmarkStart")]
    assert FORSATTSBLAD not in namn and namn[0] == "Arende1Tjansteskrivelse"
    assert render_forsattsblad(rapport, load_layout(katalog)) is None


def test_layout_new_copies_the_cover(tmp_path: Path) -> None:
    ny = new_layout("min-kommun", fran="upplands-bro", katalog=tmp_path)
    assert (ny / "handlingar.docx").read_bytes() == (
        ROOT / "templates" / "upplands-bro" / "handlingar.docx"
    ).read_bytes()
    assert not (new_layout("annan", fran="uppsala", katalog=tmp_path) / "handlingar.docx").exists()


# -- the combined handling -----------------------------------------------------------------------


def _dokument(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_the_combined_handling_starts_with_the_cover(samlad: bytes) -> None:
    data = normalise(samlad)
    innehall = data["innehall"]
    assert isinstance(innehall, list)
    assert innehall[0] == "Title: Handlingar till\nSocialnämndens sammanträde\nden 23 februari 2023"
    assert _text(innehall[0]) == "Handlingar till Socialnämndens sammanträde den 23 februari 2023"
    assert innehall[1:3] == ["heading 1: Dagordning", "heading 2: Beslutsärenden"]
    assert [_text(s) for s in innehall[3:10]] == PUNKTER
    # Then the first tjänsteskrivelse, as its own file has it.
    rapport = load(UPPLANDS_BRO)
    separata = [
        b for d in render_bytes(rapport, layout="upplands-bro") for b in normalise(d.data)["innehall"]
    ]
    assert innehall[10:] == separata
    assert data["egenskaper"]["title"] == handlingens_titel(rapport)  # type: ignore[index]
    assert accessibility_problems(samlad) == []


def test_the_cover_is_a_section_of_its_own_with_its_bookmark_and_no_page_number(samlad: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(samlad)) as z:
        delar = {n: z.read(n) for n in z.namelist()}
    dokument = etree.fromstring(delar["word/document.xml"])
    namn = [b.get(f"{{{W}}}name") for b in dokument.iter(f"{{{W}}}bookmarkStart")]
    assert namn[:3] == [FORSATTSBLAD, "Arende1Tjansteskrivelse", "Arende1Bilaga1"]
    rapport = load(UPPLANDS_BRO)
    avsnitt = list(dokument.iter(f"{{{W}}}sectPr"))
    assert len(avsnitt) == 1 + len(render_bytes(rapport, layout="upplands-bro"))
    # The cover's section ends after the agenda's last point, before the tjänsteskrivelse.
    forsta = avsnitt[0].getparent().getparent()  # type: ignore[union-attr]
    assert "Vårdnadsöverflytt" in "".join(forsta.itertext())  # type: ignore[union-attr]
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(delar["word/_rels/document.xml.rels"])}
    egna = {
        etree.QName(ref).localname: delar["word/" + rels[ref.get(f"{{{R}}}id")]]
        for ref in avsnitt[0]
        if etree.QName(ref).localname in ("headerReference", "footerReference")
    }
    assert set(egna) == {"headerReference", "footerReference"}
    assert b"UPPLANDS-BRO KOMMUN" in egna["headerReference"]
    assert b"PAGE" not in egna["footerReference"]
    # The tjänsteskrivelse's section starts on a new page, numbered from 1.
    assert avsnitt[1].find(f"{{{W}}}type").get(f"{{{W}}}val") == "nextPage"  # type: ignore[union-attr]
    assert avsnitt[1].find(f"{{{W}}}pgNumType").get(f"{{{W}}}start") == "1"  # type: ignore[union-attr]


def test_the_combined_handling_is_deterministic(samlad: bytes) -> None:
    (igen,) = render_bytes(load(UPPLANDS_BRO), layout="upplands-bro", samlad=True)
    assert igen.data == samlad


def test_a_point_that_links_an_arende_the_report_lacks_stops_only_the_cover(tmp_path: Path) -> None:
    """The check says so; the separate documents render, the combined handling names the point."""
    data = _med_dagordning(
        [{"rubrik": "Beslutsärenden", "punkter": [{"arende": 1}, {"arende": 2}, {"arende": 3}]}]
    )
    rapport = load(data)
    (fynd,) = [f for f in check(rapport) if f.code.startswith("DAGORDNING")]
    assert (fynd.code, fynd.path, fynd.line) == (
        "DAGORDNING-ARENDE-OKANT",
        "sammantrade.dagordning[0].punkter[2].arende",
        None,
    )
    assert len(render(rapport, layout="upplands-bro", out_dir=tmp_path)) == 4
    with pytest.raises(
        RenderError, match=r"dagordning\[0\]\.punkter\[2\] hänvisar till ärende 3, men rapporten har 2"
    ):
        render_bytes(rapport, layout="upplands-bro", samlad=True)


def test_the_check_gives_the_line_of_an_agenda_finding(tmp_path: Path) -> None:
    """Ärende 1 twice and ärende 2 not at all: each finding at its line of the file."""
    fil = tmp_path / "rapport.yaml"
    text = UPPLANDS_BRO.read_text(encoding="utf-8")
    text = text.replace("        - arende: 2\n", "        - arende: 1\n", 1)
    fil.write_text(text, encoding="utf-8")
    rader = text.splitlines()
    fynd = [f for f in check(load(fil)) if f.code.startswith("DAGORDNING")]
    assert [(f.code, f.path) for f in fynd] == [
        ("DAGORDNING-ARENDE-DUBBLETT", "sammantrade.dagordning[0].punkter[1].arende"),
        ("DAGORDNING-ARENDE-SAKNAS", "sammantrade.dagordning"),
    ]
    assert rader[fynd[0].line - 1] == "        - arende: 1"  # type: ignore[operator]
    assert rader[fynd[1].line - 1] == "  dagordning:"  # type: ignore[operator]
    assert "Ärende 2 (Nämndplan år 2023 - Socialnämnden)" in fynd[1].message


# -- LibreOffice --------------------------------------------------------------------------------


def _kraver_libreoffice() -> None:
    if shutil.which("soffice") and shutil.which("pdftotext"):
        return
    if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) och pdftotext krävs men saknas")
    pytest.skip("LibreOffice eller pdftotext saknas")


def _sida(pdf: Path, nummer: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-f", str(nummer), "-l", str(nummer), "-layout", str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout.decode("utf-8")
    return " ".join(text.split())


@pytest.mark.slow
def test_the_pdf_has_the_cover_as_its_first_page(tmp_path: Path) -> None:
    """Page 1 is the cover (and only it), page 2 the first tjänsteskrivelse; the PDF stays
    accessible, and its outline and destinations start with Dagordning."""
    _kraver_libreoffice()
    paths = render(load(UPPLANDS_BRO), layout="upplands-bro", out_dir=tmp_path, samlad=True, pdf=True)
    pdf = paths[1]
    assert pdf_accessibility_problems(pdf) == []
    forsta = _sida(pdf, 1)
    assert forsta.startswith(
        "UPPLANDS-BRO KOMMUN Handlingar till Socialnämndens sammanträde den 23 februari 2023"
    )
    assert "Dagordning Beslutsärenden " + " ".join(PUNKTER) in forsta
    assert "Sida" not in forsta and "Förslag till beslut" not in forsta
    assert _sida(pdf, 2).startswith(
        "UPPLANDS-BRO KOMMUN Datum Vår beteckning Er beteckning 2023-01-24 SN 23/0007"
    )
    with pikepdf.open(pdf) as dok:
        with dok.open_outline() as utkast:
            assert utkast.root[0].title == "Dagordning"
            assert [c.title for c in utkast.root[0].children] == ["Beslutsärenden"]
        mal = {str(k): v for k, v in dok.Root.Dests.items()}
        assert mal["/Dagordning"][0].objgen == dok.pages[0].obj.objgen
        assert mal["/Arende1Tjansteskrivelse"][0].objgen == dok.pages[1].obj.objgen


@pytest.mark.slow
def test_the_cover_passes_the_print_gate(tmp_path: Path) -> None:
    """LibreOffice prints the cover without a broken word, a heading last on its page or text
    outside the margins."""
    from delarsrapport._designer.utskrift import granska_pdf
    from delarsrapport._render.pdf import convert

    _kraver_libreoffice()
    forsattsblad = render_forsattsblad(load(UPPLANDS_BRO), load_layout("upplands-bro"))
    assert forsattsblad is not None
    (pdf,) = convert([("handlingar.docx", forsattsblad)])
    assert granska_pdf(forsattsblad, pdf, dokument="handlingar.docx") == []
    with pikepdf.open(io.BytesIO(pdf)) as dok:
        assert len(dok.pages) == 1


def test_the_example_in_the_economists_guide_loads_and_prints_as_it_says() -> None:
    """docs/fran-excel-till-handlingar.md: the agenda it shows, in the Upplands-Bro sample."""
    guide = (ROOT / "docs" / "fran-excel-till-handlingar.md").read_text(encoding="utf-8")
    avsnitt = guide[guide.index("### Dagordningen på försättsbladet") :]
    (exempel,) = re.findall(r"```yaml\n(.*?)```", avsnitt, re.S)[:1]
    sammantrade, _rader, _problem = read_yaml(exempel)
    data = _data()
    data["sammantrade"] = sammantrade["sammantrade"]  # type: ignore[index]
    rapport = load(data)
    assert not [f for f in check(rapport) if f.code.startswith("DAGORDNING")]
    forsattsblad = render_forsattsblad(rapport, load_layout("upplands-bro"))
    assert forsattsblad is not None
    assert [_text(s) for s in normalise(forsattsblad)["innehall"]][1:] == [
        "Dagordning",
        "Beslutsärenden",
        "1 Verksamhetsberättelse år 2022 - Socialnämnden",
        "2 Nämndplan år 2023 - Socialnämnden",
        "3 Revisionsrapport - Granskning av arbetet mot hedersrelaterat våld och förtryck",
        "4 Vårdnadsöverflytt",
        "Informationsärenden",
        "5 Delegationsbeslut",
    ]
    # The forms the guide names for a title of its own and a number of its own.
    for punkt in (
        '{arende: 1, titel: "Verksamhetsberättelse 2022"}',
        '{titel: "Val av ersättare", nummer: 12}',
    ):
        assert f"`{punkt}`" in avsnitt
        (varde,) = read_yaml(f"- {punkt}")[0]  # type: ignore[misc]
        assert Dagordningspunkt(**varde).titel  # type: ignore[arg-type]
