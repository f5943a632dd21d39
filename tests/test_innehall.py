"""The table of contents: a TOC field filled at render, its page numbers from a first PDF."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree

from delarsrapport import load
from delarsrapport._render.innehall import fyll_innehall, har_innehall, med_sidnummer
from delarsrapport._render.pdf import konvertera_med_innehall
from delarsrapport._render.render import render_bytes
from wordmall import W

ROOT = Path(__file__).resolve().parents[1]
UPPLANDS_BRO = ROOT / "samples" / "upplands-bro-socialnamnden-2022.yaml"


def _del(docx: bytes, namn: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read(namn))


def _poster(docx: bytes) -> list[tuple[str, str]]:
    """Each entry of the table of contents: its style and its visible text (tabs as |)."""
    ut = []
    for p in _del(docx, "word/document.xml").iter(f"{W}p"):
        stil = p.find(f"{W}pPr/{W}pStyle")
        if (
            stil is not None
            and stil.get(f"{W}val", "").startswith("TOC")
            and stil.get(f"{W}val") != "TOCHeading"
        ):
            delar = [
                (el.text or "") if el.tag == f"{W}t" else "|"
                for el in p.iter(f"{W}t", f"{W}tab")
                if el.getparent() is not None and el.getparent().tag != f"{W}tabs"  # type: ignore[union-attr]
            ]
            ut.append((stil.get(f"{W}val", ""), "".join(delar)))
    return ut


@pytest.fixture(scope="module")
def verksamhetsberattelse() -> bytes:
    dokument = render_bytes(load(UPPLANDS_BRO), layout="upplands-bro")
    return next(d.data for d in dokument if "verksamhetsberattelse" in d.filnamn)


def test_the_toc_lists_every_chapter_and_section_with_words_numbering(verksamhetsberattelse: bytes) -> None:
    poster = _poster(verksamhetsberattelse)
    assert poster[:5] == [
        ("TOC1", "1|Inledning|"),
        ("TOC2", "1.1|Vinjett|"),
        ("TOC2", "1.2|Ansvarsområde och organisation|"),
        ("TOC2", "1.3|Viktiga händelser under året|"),
        ("TOC1", "2|Mål och resultat|"),
    ]
    # The parts joined after the verksamhet part (ekonomi, internkontroll) are in it too.
    assert ("TOC1", "3|Ekonomi|") in poster
    assert ("TOC2", "3.8|Kommentarer investeringsredovisning|") in poster
    assert poster[-1] == ("TOC2", "4.2|Uppföljning av åtgärder|")
    # Level 3 (2.1.1 Nämndmål: …) is left out, as the original's table of contents does.
    assert not any(text.count(".") >= 2 and text[0].isdigit() for _stil, text in poster)
    assert len(poster) == 23  # as in the original's table of contents


def test_the_toc_is_a_real_field_word_updates(verksamhetsberattelse: bytes) -> None:
    rot = _del(verksamhetsberattelse, "word/document.xml")
    instr = [t.text or "" for t in rot.iter(f"{W}instrText")]
    assert instr[0].strip() == 'TOC \\o "1-2" \\h \\z \\u'
    assert sum(1 for i in instr if i.strip().startswith("PAGEREF _Toc")) == 23
    borjan = next(rot.iter(f"{W}fldChar"))
    # Not dirty: LibreOffice would rebuild the index on load, and lose the entries' text.
    assert borjan.get(f"{W}fldCharType") == "begin" and borjan.get(f"{W}dirty") is None
    bokmarken = {b.get(f"{W}name") for b in rot.iter(f"{W}bookmarkStart")}
    lankar = {h.get(f"{W}anchor") for h in rot.iter(f"{W}hyperlink")}
    assert len(lankar) == 23 and lankar <= bokmarken
    settings = _del(verksamhetsberattelse, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"  # type: ignore[union-attr]


def test_a_document_without_a_toc_field_is_left_as_it_is() -> None:
    dokument = render_bytes(load(UPPLANDS_BRO), layout="upplands-bro")
    ts = dokument[0].data
    assert not har_innehall(ts)
    assert fyll_innehall(ts) == ts
    assert med_sidnummer(ts, {"_Toc1": 3}) == ts


def test_page_numbers_are_written_into_the_entries(verksamhetsberattelse: bytes) -> None:
    rot = _del(verksamhetsberattelse, "word/document.xml")
    forsta = next(h.get(f"{W}anchor") for h in rot.iter(f"{W}hyperlink"))
    assert forsta is not None
    med = med_sidnummer(verksamhetsberattelse, {forsta: 3})
    assert _poster(med)[0] == ("TOC1", "1|Inledning|3")
    assert _poster(med)[1] == ("TOC2", "1.1|Vinjett|")


@pytest.mark.slow
def test_the_pdf_shows_the_page_each_heading_is_on(verksamhetsberattelse: bytes) -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice saknas")
    [pdf] = konvertera_med_innehall([("vb.docx", verksamhetsberattelse)])
    with pdfplumber.open(io.BytesIO(pdf)) as dok:
        sidor = [p.extract_text() or "" for p in dok.pages]
    innehall = sidor[1]
    assert innehall.split("\n")[1] == "Innehållsförteckning"
    assert re.fullmatch(r"1 Inledning\.+3", innehall.split("\n")[2])
    for rubrik in ("Inledning", "Mål och resultat", "Ekonomi", "Intern styrning och kontroll"):
        rad = next(line for line in innehall.split("\n") if re.search(rf"^\d+ {rubrik}\b", line))
        sida = int(rad.rsplit(".", 1)[-1].strip().split()[-1])
        # The heading is at the top of the page the table of contents says.
        assert re.search(rf"^\d+ {rubrik}$", sidor[sida - 1], re.MULTILINE), (rubrik, sida)
