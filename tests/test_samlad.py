"""The combined handling: every document of a report in one .docx, each in its own section."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from delarsrapport import load, render
from delarsrapport._render.layout import load_layout
from delarsrapport._render.package import validate_package
from delarsrapport._render.render import render_bytes, render_forsattsblad
from delarsrapport._render.samlad import handlingens_titel, med_sidantal
from delarsrapport.testing import accessibility_problems, normalise

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
SNABBA = ("uppsala-socialnamnden-2020-08", "uppsala-socialnamnden-2024-08")
"""The samples the quick suite combines; ``--slow`` combines every sample with every layout."""


def _fall(layouter: tuple[str, ...]) -> list[object]:
    return [
        pytest.param(s, lay, marks=() if s in SNABBA and lay == "uppsala" else pytest.mark.slow)
        for s in SAMPLES
        for lay in layouter
    ]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _sample(namn: str) -> Path:
    return ROOT / "samples" / f"{namn}.yaml"


def _delar(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


class _Samlade(dict[tuple[str, str], tuple[bytes, list[bytes]]]):
    """(sample, layout) → the combined handling and the separate documents (after the cover,
    for a layout that has one), rendered when first asked for."""

    def __missing__(self, key: tuple[str, str]) -> tuple[bytes, list[bytes]]:
        sample, layout = key
        rapport = load(_sample(sample))
        separata = [d.data for d in render_bytes(rapport, layout=layout)]
        forsattsblad = render_forsattsblad(rapport, load_layout(layout))
        (samlad,) = render_bytes(rapport, layout=layout, samlad=True)
        self[key] = (samlad.data, ([forsattsblad] if forsattsblad else []) + separata)
        return self[key]


@pytest.fixture(scope="module")
def samlade() -> _Samlade:
    return _Samlade()


@pytest.mark.parametrize(("sample", "layout"), _fall(("uppsala", "upplands-bro", "uppsala-2024")))
def test_every_sample_is_one_valid_accessible_document(
    samlade: dict[tuple[str, str], tuple[bytes, list[bytes]]], sample: str, layout: str
) -> None:
    samlad, separata = samlade[(sample, layout)]
    validate_package(samlad)
    assert accessibility_problems(samlad) == []
    # Every document's text is there, in order.
    innehall = normalise(samlad)["innehall"]
    forvantat = [b for d in separata for b in normalise(d)["innehall"]]  # type: ignore[union-attr]
    assert innehall == forvantat


@pytest.mark.parametrize(("sample", "layout"), _fall(("uppsala",)))
def test_each_document_keeps_its_own_section_headers_and_page_numbers(
    samlade: dict[tuple[str, str], tuple[bytes, list[bytes]]], sample: str, layout: str
) -> None:
    samlad, separata = samlade[(sample, layout)]
    delar = _delar(samlad)
    dokument = etree.fromstring(delar["word/document.xml"])
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(delar["word/_rels/document.xml.rels"])}
    avsnitt = list(dokument.iter(f"{{{W}}}sectPr"))
    assert len(avsnitt) == len(separata)
    sidhuvuden = []
    for i, (sect, separat) in enumerate(zip(avsnitt, separata, strict=True)):
        egna = [r for r in sect if etree.QName(r).localname in ("headerReference", "footerReference")]
        assert egna, f"avsnitt {i + 1} saknar sidhuvud och sidfot"
        text = sorted(
            "".join(etree.fromstring(delar["word/" + rels[r.get(f"{{{R}}}id")]]).itertext()) for r in egna
        )
        sidhuvuden.append(text)
        if i:
            assert sect.find(f"{{{W}}}type").get(f"{{{W}}}val") == "nextPage"
            assert sect.find(f"{{{W}}}pgNumType").get(f"{{{W}}}start") == "1"
        # The section's headers and footers say what the separate document's do.
        egen = _delar(separat)
        separat_text = sorted(
            "".join(etree.fromstring(egen[n]).itertext())
            for n in egen
            if n.startswith(("word/header", "word/footer")) and n.endswith(".xml")
        )
        assert text == separat_text
    assert len({tuple(t) for t in sidhuvuden}) > 1, "alla avsnitt har samma sidhuvuden"
    footers = b"".join(v for n, v in delar.items() if n.startswith("word/footer"))
    assert b"NUMPAGES" not in footers and b"SECTIONPAGES" in footers


@pytest.mark.parametrize(
    ("sample", "bokmarken"),
    [
        (
            "uppsala-socialnamnden-2020-08",
            ["Arende1Tjansteskrivelse", *(f"Arende1Bilaga{n}" for n in (1, 2, 3))],
        ),
        pytest.param(
            "upplands-bro-socialnamnden-2022",
            ["Arende1Tjansteskrivelse", "Arende1Bilaga1", "Arende2Tjansteskrivelse", "Arende2Bilaga1"],
            marks=pytest.mark.slow,
        ),
    ],
)
def test_bookmarks_mark_where_each_document_starts(
    samlade: dict[tuple[str, str], tuple[bytes, list[bytes]]], sample: str, bokmarken: list[str]
) -> None:
    samlad, _ = samlade[(sample, "uppsala")]
    dokument = etree.fromstring(_delar(samlad)["word/document.xml"])
    namn = [b.get(f"{{{W}}}name") for b in dokument.iter(f"{{{W}}}bookmarkStart")]
    assert [n for n in namn if n and n.startswith("Arende")] == bokmarken
    ids = [b.get(f"{{{W}}}id") for b in dokument.iter(f"{{{W}}}bookmarkStart")]
    assert len(set(ids)) == len(ids)


def test_the_same_report_gives_the_same_bytes(
    samlade: dict[tuple[str, str], tuple[bytes, list[bytes]]],
) -> None:
    rapport = load(_sample("uppsala-socialnamnden-2024-08"))
    assert (
        render_bytes(rapport, samlad=True)[0].data == samlade[("uppsala-socialnamnden-2024-08", "uppsala")][0]
    )


def test_the_title_names_the_meeting() -> None:
    assert (
        handlingens_titel(load(_sample("upplands-bro-socialnamnden-2022")))
        == "Handlingar till Socialnämndens sammanträde den 23 februari 2023"
    )
    rapport = load(_sample("uppsala-socialnamnden-2024-08"))
    assert handlingens_titel(rapport).startswith("Handlingar: Socialnämnden, ")
    (samlad,) = render_bytes(rapport, samlad=True)
    assert samlad.filnamn == load_layout("uppsala").installningar.filnamn.samlad == "handlingar.docx"
    assert normalise(samlad.data)["egenskaper"]["title"] == handlingens_titel(rapport)  # type: ignore[index]


def test_the_page_count_of_each_section_is_shown_as_given() -> None:
    """LibreOffice shows a SECTIONPAGES field's stored result; med_sidantal stores each section's count."""
    rapport = load(_sample("uppsala-socialnamnden-2020-08"))
    (samlad,) = render_bytes(rapport, samlad=True)
    med = med_sidantal(samlad.data, [1, 5, 23, 3])
    delar = _delar(med)
    dokument = etree.fromstring(delar["word/document.xml"])
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(delar["word/_rels/document.xml.rels"])}
    for sect, antal in zip(dokument.iter(f"{{{W}}}sectPr"), [1, 5, 23, 3], strict=True):
        for ref in sect.findall(f"{{{W}}}footerReference"):
            fot = etree.fromstring(delar["word/" + rels[ref.get(f"{{{R}}}id")]])
            falt = [f for f in fot.iter(f"{{{W}}}fldSimple") if f.get(f"{{{W}}}instr") == "SECTIONPAGES"]
            assert falt and all("".join(f.itertext()) == str(antal) for f in falt)
    validate_package(med)
    with pytest.raises(Exception, match="4 avsnitt men 2 sidantal"):
        med_sidantal(samlad.data, [1, 2])


def test_render_writes_the_combined_handling_as_the_set(tmp_path: Path) -> None:
    paths = render(
        load(_sample("uppsala-socialnamnden-2024-08")), layout="uppsala-2024", out_dir=tmp_path, samlad=True
    )
    assert [p.name for p in paths] == ["handlingar.docx"]


def _rubriknummer(data: bytes) -> list[tuple[str, str | None]]:
    """Each Heading1 of the body: its text and the abstract list its number comes from."""
    delar = _delar(data)
    body = etree.fromstring(delar["word/document.xml"])
    numrering = etree.fromstring(delar["word/numbering.xml"])
    w = f"{{{W}}}"
    abstrakt = {
        n.get(f"{w}numId"): n.find(f"{w}abstractNumId").get(f"{w}val")  # type: ignore[union-attr]
        for n in numrering.iter(f"{w}num")
    }
    ut: list[tuple[str, str | None]] = []
    for p in body.iter(f"{w}p"):
        stil = p.find(f"{w}pPr/{w}pStyle")
        if stil is None or stil.get(f"{w}val") != "Heading1":
            continue
        num = p.find(f"{w}pPr/{w}numPr/{w}numId")
        text = "".join(t.text or "" for t in p.iter(f"{w}t"))
        ut.append((text, abstrakt.get(num.get(f"{w}val")) if num is not None else None))
    return ut


def test_a_bilagas_numbered_headings_keep_their_numbers_and_start_at_1(samlade: _Samlade) -> None:
    """Upplands-Bro's bilagor number their headings (1 Inledning, 2 Mål och resultat) through
    their heading styles; the cover that opens the handling has a Heading1 without numbers.
    Each bilaga keeps its numbers, in a list of its own, so each starts again at 1."""
    samlad, _ = samlade["upplands-bro-socialnamnden-2022", "upplands-bro"]
    rubriker = _rubriknummer(samlad)
    texter = [t for t, _ in rubriker]
    forsta, andra = texter.index("Inledning"), texter.index("Ansvarsområde och organisation")
    berattelse, plan = rubriker[forsta:andra], rubriker[andra:]
    # every chapter of each bilaga numbered (the next tjänsteskrivelse's title is not)
    assert [lista is not None for _, lista in berattelse] == [True] * 4 + [False]
    assert all(lista is not None for _, lista in plan)
    # in one list per bilaga: the nämndplan's first chapter is 1 again
    assert len({lista for _, lista in berattelse[:4]}) == 1
    assert {lista for _, lista in plan}.isdisjoint({lista for _, lista in berattelse})
