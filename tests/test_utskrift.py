"""The print gate: what it finds on printed pages, and layout check --utskrift.

The quick tests give the gate a small .docx (python-docx) and a PDF written by hand, word
by word at known places, so each rule is seen to fire and to keep quiet. The slow tests
run the whole gate (render, LibreOffice, pdfplumber) over every sample with every shipped
layout, and over copies of a layout broken on purpose.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml import parse_xml

from delarsrapport._cli import main
from delarsrapport._designer.utskrift import Utskriftsfynd, Utskriftskod, granska_pdf
from delarsrapport._render.layout import new_layout
from wordmall import W, rad, redigera, tabell

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")
#: python-docx's blank document: US Letter, margins of 1.25 inch (left, right) and 1 inch.
BREDD, HOJD = 612.0, 792.0


def _pdf(sidor: Sequence[Sequence[tuple[float, float, str]]]) -> bytes:
    """A PDF whose pages show each text at (x, top) in 10 pt Helvetica."""
    dok = pikepdf.new()
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    )
    for ord_ in sidor:
        flode = b"\n".join(
            b"BT /F1 10 Tf %.1f %.1f Td (" % (x, HOJD - topp - 8) + text.encode("cp1252") + b") Tj ET"
            for x, topp, text in ord_
        )
        sida = pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, BREDD, HOJD],
            Contents=pikepdf.Stream(dok, flode),
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        )
        dok.pages.append(pikepdf.Page(sida))
    ut = io.BytesIO()
    dok.save(ut)
    return ut.getvalue()


def _docx(*delar: str | tuple[str, ...] | list[tuple[str, ...]]) -> bytes:
    """A document of headings ("# text"), paragraphs and tables (a list of rows; the first
    row a repeating header row)."""
    d = docx.Document()
    for del_ in delar:
        if isinstance(del_, list):
            t = d.add_table(rows=len(del_), cols=len(del_[0]))
            for tr, rad_ in zip(t.rows, del_, strict=True):
                for cell, text in zip(tr.cells, rad_, strict=True):
                    cell.text = text
            t.rows[0]._tr.get_or_add_trPr().append(
                parse_xml(f'<w:tblHeader xmlns:w="{W[1:-1]}" w:val="true"/>')
            )
        elif isinstance(del_, str) and del_.startswith("# "):
            d.add_heading(del_[2:], level=1)
        else:
            d.add_paragraph(str(del_))
    ut = io.BytesIO()
    d.save(ut)
    return ut.getvalue()


def _granska(kalla: bytes, sidor: Sequence[Sequence[tuple[float, float, str]]]) -> list[Utskriftsfynd]:
    return granska_pdf(kalla, _pdf(sidor), dokument="prov.docx")


# -- words broken inside a word ------------------------------------------------------------------


def test_a_word_broken_in_a_cell_is_found_with_its_pieces() -> None:
    kalla = _docx([("Belopp", "Kommunbidrag"), ("Vuxen", "204")])
    [fynd] = _granska(
        kalla,
        [
            [
                (100, 100, "Belopp"),
                (300, 100, "Kommunbidr"),
                (300, 112, "ag"),
                (100, 124, "Vuxen"),
                (300, 124, "204"),
            ]
        ],
    )
    assert fynd == Utskriftsfynd(
        kod=Utskriftskod.ORD_BRUTET,
        dokument="prov.docx",
        sida=1,
        text="Kommunbidrag",
        meddelande="ordet 'Kommunbidrag' bryts mitt i ordet ('Kommunbidr|ag'); gör kolumnen bredare eller texten mindre",
    )


def test_a_word_broken_in_three_pieces_is_found() -> None:
    kalla = _docx([("Kontrollområde",), ("Verksamhetskontroller",)])
    [fynd] = _granska(
        kalla,
        [[(100, 100, "Kontrollområde"), (100, 112, "Verksamhet"), (100, 124, "skontrol"), (100, 136, "ler")]],
    )
    assert (fynd.text, fynd.meddelande.split("; ")[0]) == (
        "Verksamhetskontroller",
        "ordet 'Verksamhetskontroller' bryts mitt i ordet ('Verksamhet|skontrol|ler')",
    )


def test_pieces_that_are_words_count_when_the_whole_word_is_missing_from_the_page() -> None:
    kalla = _docx("Budget och avvikelse", [("Rubrik",), ("Budgetavvikelse",)])
    bruten = [(100, 80, "Budget"), (140, 80, "och"), (165, 80, "avvikelse"), (100, 100, "Rubrik")]
    [fynd] = _granska(kalla, [[*bruten, (100, 112, "Budget"), (100, 124, "avvikelse")]])
    assert fynd.text == "Budgetavvikelse"
    # The same two words one above the other, when the source has them as two words and
    # the whole word is printed whole: nothing is broken.
    kalla = _docx("Budget", "avvikelse", [("Rubrik",), ("Budgetavvikelse",)])
    hel = [(100, 80, "Budget"), (100, 92, "avvikelse"), (100, 110, "Rubrik"), (100, 122, "Budgetavvikelse")]
    assert _granska(kalla, [hel]) == []


def test_a_break_after_a_slash_or_beside_the_word_is_no_finding() -> None:
    kalla = _docx([("Diff utfall/budget", "Kommunbidrag"), ("1", "2")])
    sida = [
        (100, 100, "Diff"),
        (100, 112, "utfall/"),
        (100, 124, "budget"),
        (300, 100, "Kommunbidr"),
        (400, 100, "ag"),
        (100, 136, "1"),
        (300, 136, "2"),
    ]
    assert _granska(kalla, [sida]) == []


# -- headings last on a page ---------------------------------------------------------------------


def test_a_heading_last_on_its_page_is_found() -> None:
    kalla = _docx("# Sammanfattning", "Resultatet är bra.")
    [fynd] = _granska(
        kalla, [[(100, 700, "Sammanfattning")], [(100, 72, "Resultatet"), (160, 72, "är"), (175, 72, "bra.")]]
    )
    assert (fynd.kod, fynd.sida, fynd.text) == (Utskriftskod.RUBRIK_SIST, 1, "Sammanfattning")


def test_a_heading_stranded_with_the_line_under_it_while_its_table_moves_on_is_found() -> None:
    kalla = _docx("# Tillkommande uppdrag", "Per augusti 2024", [("Uppdrag", "Kommentar"), ("Ett", "Två")])
    sida1 = [
        (100, 680, "Tillkommande"),
        (180, 680, "uppdrag"),
        (100, 700, "Per"),
        (125, 700, "augusti"),
        (165, 700, "2024"),
    ]
    sida2 = [(100, 72, "Uppdrag"), (300, 72, "Kommentar"), (100, 84, "Ett"), (300, 84, "Två")]
    [fynd] = _granska(kalla, [sida1, sida2])
    assert (fynd.kod, fynd.sida, fynd.text) == (Utskriftskod.RUBRIK_SIST, 1, "Tillkommande uppdrag")
    assert "(med raden 'Per augusti 2024')" in fynd.meddelande
    # With the table's first row on the heading's page, nothing is stranded.
    assert _granska(kalla, [[*sida1, (100, 706, "Uppdrag"), (300, 706, "Kommentar")], sida2[2:]]) == []


def test_a_heading_with_its_text_on_the_same_page_is_no_finding() -> None:
    kalla = _docx("# Sammanfattning", "Resultatet är bra.", "Mer text på nästa sida.")
    sida1 = [(100, 680, "Sammanfattning"), (100, 700, "Resultatet"), (160, 700, "är"), (175, 700, "bra.")]
    sida2 = [(100, 72, w) for w in ("Mer",)] + [
        (100, 72, "text"),
        (125, 72, "på"),
        (140, 72, "nästa"),
        (170, 72, "sida."),
    ]
    assert _granska(kalla, [sida1, sida2]) == []


# -- rows and tables across pages, margins, empty tables ---------------------------------------


def test_a_row_across_two_pages_is_found() -> None:
    kalla = _docx([("Moment", "Kommentar"), ("Kassan", "alfa beta gamma delta")])
    sida1 = [
        (100, 650, "Moment"),
        (300, 650, "Kommentar"),
        (100, 662, "Kassan"),
        (300, 662, "alfa"),
        (330, 662, "beta"),
    ]
    sida2 = [(300, 72, "gamma"), (340, 72, "delta")]
    [fynd] = _granska(kalla, [sida1, sida2])
    assert fynd == Utskriftsfynd(
        kod=Utskriftskod.RAD_DELAD,
        dokument="prov.docx",
        sida=1,
        text="Kassan alfa beta gamma delta",
        meddelande="tabellraden 'Kassan alfa beta gamma delta' delas mellan sida 1 och 2; rader ska inte brytas "
        "över sidor (typografi.hela_rader)",
    )


def test_a_short_table_across_two_pages_is_found() -> None:
    kalla = _docx([("Rad", "Tal"), ("Ett", "1"), ("Två", "2"), ("Tre", "3")])
    sida1 = [
        (100, 680, "Rad"),
        (300, 680, "Tal"),
        (100, 692, "Ett"),
        (300, 692, "1"),
        (100, 704, "Två"),
        (300, 704, "2"),
    ]
    [fynd] = _granska(kalla, [sida1, [(100, 72, "Tre"), (300, 72, "3")]])
    assert (fynd.kod, fynd.sida, fynd.text) == (Utskriftskod.TABELL_DELAD, 1, "Ett 1")
    assert "har 3 rader men delas över sidorna 1, 2" in fynd.meddelande


def test_text_beyond_the_margin_and_an_empty_table_are_found() -> None:
    kalla = _docx("Text", [("Rubrik", "Belopp")])
    fynd = _granska(kalla, [[(100, 72, "Text"), (100, 100, "Rubrik"), (560, 100, "Belopp")]])
    assert [(f.kod, f.text) for f in fynd] == [
        (Utskriftskod.TOM_TABELL, "Rubrik Belopp"),
        (Utskriftskod.UTANFOR_MARGINAL, "Belopp"),
    ]


# -- layout check --utskrift ---------------------------------------------------------------------


def test_a_layout_with_errors_is_not_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    katalog = new_layout("trasig", fran="uppsala", katalog=tmp_path)
    with redigera(katalog / "nyckeltal.docx") as rot:
        t = next(rot.iter(f"{W}t"))
        t.text = "{{ dokument.titel"
    assert main(["layout", "check", str(katalog), "--utskrift"]) == 1
    ut = capsys.readouterr().out
    assert "1 fel" in ut
    assert "Sidorna granskades inte: rätta felen ovan först, mallarna går inte att använda." in ut


def _kraver_libreoffice() -> None:
    if shutil.which("soffice"):
        return
    if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE") == "1":
        pytest.fail("LibreOffice (soffice) krävs men saknas")
    pytest.skip("LibreOffice saknas")


def _utskrift(
    katalog: Path | str, prov: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, object]]:
    status = main(["layout", "check", str(katalog), "--utskrift", "--prov", str(SAMPLES / prov), "--json"])
    resultat = json.loads(capsys.readouterr().out)
    return status, resultat["utskrift"]


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_sample_prints_cleanly_with_every_shipped_layout(
    layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _kraver_libreoffice()
    assert main(["layout", "check", layout, "--utskrift"]) == 0
    ut = capsys.readouterr().out
    # every bundled sample, however many there are
    antal = len(list(SAMPLES.glob("*.yaml")))
    assert antal >= 5
    assert f"Sidorna (PDF från LibreOffice) med {antal} rapporter" in ut
    assert "Inga fynd" in ut


@pytest.mark.slow
def test_a_narrowed_column_breaks_its_header_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _kraver_libreoffice()
    katalog = new_layout("smal", fran="uppsala-2024", katalog=tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        tbl = tabell(rad(rot, "Belopp i miljoner kronor"))
        kol = tbl.find(f"{W}tblGrid").findall(f"{W}gridCol")  # type: ignore[union-attr]
        kol[0].set(f"{W}w", str(int(kol[0].get(f"{W}w", "0")) + int(kol[1].get(f"{W}w", "0")) - 800))
        kol[1].set(f"{W}w", "800")
        for tr in tbl.iter(f"{W}tr"):
            celler = tr.findall(f"{W}tc")
            for tc, gc in zip(celler, kol, strict=False):
                tc.find(f"{W}tcPr/{W}tcW").set(f"{W}w", gc.get(f"{W}w"))  # type: ignore[union-attr]

    status, utskrift = _utskrift(katalog, "uppsala-socialnamnden-2024-08.yaml", capsys)

    assert status == 1
    fynd = utskrift["fynd"]
    assert isinstance(fynd, list)
    assert [
        (f["kod"], f["rapport"], f["dokument"], f["sida"], f["text"])
        for f in fynd
        if f["text"] == "Kommunbidrag"
    ] == [
        (
            "UTSKRIFT-ORD-BRUTET",
            "uppsala-socialnamnden-2024-08.yaml",
            "1-bilaga-3-delarsbokslut-augusti-2024.docx",
            1,
            "Kommunbidrag",
        )
    ]
    [kommunbidrag] = [f for f in fynd if f["text"] == "Kommunbidrag"]
    assert kommunbidrag["meddelande"] == (
        "ordet 'Kommunbidrag' bryts mitt i ordet ('Kommu|nbidrag'); gör kolumnen bredare eller texten mindre"
    )


@pytest.mark.slow
def test_without_keep_with_next_a_label_is_stranded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _kraver_libreoffice()
    katalog = new_layout("utan-hall-ihop", fran="upplands-bro", katalog=tmp_path)
    status, utskrift = _utskrift(katalog, "uppsala-socialnamnden-2024-08.yaml", capsys)
    assert (status, utskrift["fynd"]) == (0, [])  # the shipped rules hold it together

    fil = katalog / "installningar.yaml"
    fil.write_text(
        fil.read_text(encoding="utf-8") + "\ntypografi:\n  hall_ihop_rubriker: false\n", encoding="utf-8"
    )
    status, utskrift = _utskrift(katalog, "uppsala-socialnamnden-2024-08.yaml", capsys)

    assert status == 1
    assert [(f["kod"], f["dokument"], f["sida"], f["text"]) for f in utskrift["fynd"]] == [  # type: ignore[union-attr]
        (
            "UTSKRIFT-RUBRIK-SIST",
            "1-bilaga-1-uppfoljning-av-verksamhetsplan-per-augusti-2024.docx",
            5,
            "Kommentar",
        ),
        (
            "UTSKRIFT-RUBRIK-SIST",
            "1-bilaga-1-uppfoljning-av-verksamhetsplan-per-augusti-2024.docx",
            7,
            "Kommentar",
        ),
    ]
    assert utskrift["fynd"][0]["meddelande"] == (  # type: ignore[index]
        "den fetstilta etiketten 'Kommentar' står sist på sidan och det den hör till börjar på nästa; "
        "ge stilen 'Håll ihop med nästa' (typografi.hall_ihop_rubriker i installningar.yaml)"
    )


@pytest.mark.slow
def test_without_whole_rows_a_row_splits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _kraver_libreoffice()
    katalog = new_layout("delade-rader", fran="uppsala-2024", katalog=tmp_path)
    fil = katalog / "installningar.yaml"
    fil.write_text(fil.read_text(encoding="utf-8") + "\ntypografi:\n  hela_rader: false\n", encoding="utf-8")

    status, utskrift = _utskrift(katalog, "uppsala-socialnamnden-2024-08.yaml", capsys)

    assert status == 1
    kontroll = [f for f in utskrift["fynd"] if f["dokument"].startswith("1-bilaga-2-")]  # type: ignore[union-attr,index]
    forsta = kontroll[0]
    assert (forsta["kod"], forsta["dokument"], forsta["sida"]) == (
        "UTSKRIFT-RAD-DELAD",
        "1-bilaga-2-sammanstallda-kontrollmoment-per-augusti-2024.docx",
        1,
    )
    assert str(forsta["text"]).startswith(
        "Finansiell kontroll Felaktiga hantering av arvode till uppdragstagare"
    )
    assert str(forsta["meddelande"]).endswith(
        "delas mellan sida 1 och 2; rader ska inte brytas över sidor (typografi.hela_rader)"
    )
