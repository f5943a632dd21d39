"""Rendering: the seed's figures in the documents, determinism, accessibility, escaping,
template errors that say where, validation and atomic writing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from ruamel.yaml import YAML

import delarsrapport
from delarsrapport import CheckError, RenderError, TemplateError, load, render
from delarsrapport._render.layout import new_layout
from delarsrapport._render.package import validate_package as validera
from delarsrapport._render.render import render_bytes
from delarsrapport.testing import accessibility_problems, normalise

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")
NBSP = "\u00a0"


def _rows(data: bytes) -> list[list[str]]:
    """Every table row of a rendered document, as cell texts."""
    rows: list[list[str]] = []
    for block in normalise(data)["innehall"]:  # type: ignore[union-attr]
        if isinstance(block, dict):
            rows.extend(block["tabell"]["rader"])
    return rows


def _dokument(renders: Any, sample: str, layout: str, slag: str) -> bytes:
    for d in renders(sample, layout):
        if slag in d.filnamn:
            return bytes(d.data)
    raise AssertionError(f"inget dokument {slag} i {[d.filnamn for d in renders(sample, layout)]}")


# -- the seed's figures --------------------------------------------------------------------


def test_scn_2020_per_verksamhet_row_carries_the_seed_figures(renders: Any) -> None:
    """Resultat Barn och ungdomsvård: -47 725, -1 394, -34 397, -36 345, -73 231, 0, -20 664."""
    rows = _rows(_dokument(renders, "uppsala-socialnamnden-2020-08", "uppsala", "bilaga-1"))
    row = next(r for r in rows if r[0] == "Resultat Barn och ungdomsvård")
    expected = ["-47 725", "-1 394", "-34 397", "-36 345", "-73 231", "0", "-20 664"]
    assert row[1:] == [x.replace(" ", NBSP) for x in expected]


def test_scn_2020_summary_total_row(renders: Any) -> None:
    """Nämnden totalt: 788, -39, -15, -65 (mnkr, whole numbers)."""
    rows = _rows(_dokument(renders, "uppsala-socialnamnden-2020-08", "uppsala", "bilaga-1"))
    assert ["Nämnden totalt", "788", "-39", "-15", "-65"] in rows


def test_scn_2020_nyckeltal_ratio(renders: Any) -> None:
    """The kostnad per vårddygn on institution: 4,542 (three decimals in the Uppsala layout)."""
    rows = _rows(_dokument(renders, "uppsala-socialnamnden-2020-08", "uppsala", "nyckeltal"))
    assert ["Nettokostnad per vård dygn", "4,542"] in rows


def test_grouping_is_a_no_break_space_throughout(renders: Any) -> None:
    """No figure in any table is grouped with an ordinary space."""
    import re

    for sample in SAMPLES:
        for d in renders(sample, "uppsala"):
            for row in _rows(d.data):
                for cell in row[1:]:
                    assert not re.fullmatch(r"-?\d{1,3}( \d{3})+(,\d+)?", cell), (d.filnamn, row)


def test_file_names_and_order(renders: Any) -> None:
    """The tjänsteskrivelse first, then each bilaga in number order, as documented."""
    names = [d.filnamn for d in renders("uppsala-socialnamnden-2020-08", "uppsala")]
    assert names == [
        "1-tjansteskrivelse.docx",
        "1-bilaga-1-ekonomisk-uppfoljning-scn-augusti-2020.docx",
        "1-bilaga-2-verksamhetsuppfoljning-per-augusti-2020-uppfoljning-av.docx",
        "1-bilaga-3-nyckeltal.docx",
    ]


def test_beslutsunderlag_lists_every_bilaga_from_the_registry(renders: Any) -> None:
    data = normalise(_dokument(renders, "uppsala-socialnamnden-2020-08", "uppsala", "tjansteskrivelse"))
    text = "\n".join(b for b in data["innehall"] if isinstance(b, str))  # type: ignore[union-attr]
    assert "List Bullet: Tjänsteskrivelse, daterad den 18 september 2020" in text
    assert "List Bullet: Bilaga 1, Ekonomisk uppföljning SCN augusti 2020" in text
    assert "List Bullet: Bilaga 3, Nyckeltal" in text
    assert "Normal: 3. att överlämna bokslutshandlingar till kommunstyrelsen." in text
    assert "…, samt" not in text and "2020, samt" in text


def test_upplands_bro_layout_writes_full_sentences_and_its_header(renders: Any) -> None:
    data = normalise(
        _dokument(renders, "upplands-bro-socialnamnden-2022", "upplands-bro", "1-tjansteskrivelse")
    )
    innehall = data["innehall"]
    assert {
        "tabell": {
            "rubrikrader": 1,
            "rader": [["Datum", "Vår beteckning", "Er beteckning"], ["2023-01-24", "SN 23/0007", ""]],
        }
    } in innehall  # type: ignore[operator]
    assert "Normal: 1. Socialnämnden godkänner verksamhetsberättelse för år 2022." in innehall  # type: ignore[operator]
    assert "List Bullet: Socialkontorets tjänsteskrivelse daterad den 24 januari år 2023" in innehall  # type: ignore[operator]
    assert "Normal: 1. Socialnämndens verksamhetsberättelse år 2022" in innehall  # type: ignore[operator]


def test_omsorgsnamnden_status_table_stands_where_the_text_puts_it(renders: Any) -> None:
    innehall = normalise(_dokument(renders, "uppsala-omsorgsnamnden-2020-08", "uppsala", "tjansteskrivelse"))[
        "innehall"
    ]
    index = next(i for i, b in enumerate(innehall) if isinstance(b, dict))  # type: ignore[arg-type]
    assert innehall[index - 1].endswith("Se tabell.")  # type: ignore[index]
    assert innehall[index]["tabell"]["rader"] == [  # type: ignore[index]
        ["Uppdrag", "Augusti 2020"],
        ["Nämndens åtgärder är påbörjade och går enligt plan.", "17"],
        ["Nämndens åtgärder pågår inte enligt plan/är försenade.", "3"],
        ["Nämndens åtgärder ingår i ett likalydande uppdrag.", "1"],
        ["Totalt", "21"],
    ]


def test_status_cells_carry_word_and_colour(renders: Any) -> None:
    rows = _rows(_dokument(renders, "uppsala-socialnamnden-2020-08", "uppsala", "bilaga-2"))
    assert any("Påbörjad [92D050]" in row for row in rows)


def test_internkontroll_sentence_uses_the_layout_words(renders: Any) -> None:
    def text(layout: str) -> str:
        data = normalise(_dokument(renders, "uppsala-socialnamnden-2024-08", layout, "bilaga-2"))
        return "\n".join(b for b in data["innehall"] if isinstance(b, str))  # type: ignore[union-attr]

    assert (
        "omfattar nio kontrollmoment. Åtta av dessa har genomförts utan anmärkning och ett kontrollmoment "
        "har en mindre anmärkning." in text("uppsala")
    )
    assert "har genomförts utan avvikelse och ett kontrollmoment har en mindre avvikelse." in text(
        "upplands-bro"
    )


# -- every sample with every layout --------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_every_document_is_accessible(renders: Any, sample: str, layout: str) -> None:
    """Title, sv-SE, headings in order, repeating header rows, words with every colour."""
    for d in renders(sample, layout):
        assert accessibility_problems(d.data) == [], d.filnamn


def _utan_rubrikrad(docx: bytes, rader: int) -> bytes:
    """*docx* with the first table of *rader* rows stripped of its repeating header row."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(docx)) as zin:
        rot = etree.fromstring(zin.read("word/document.xml"))
        tbl = next(t for t in rot.iter(f"{w}tbl") if len(t.findall(f"{w}tr")) == rader)
        for h in tbl.iter(f"{w}tblHeader"):
            h.getparent().remove(h)
        ut = io.BytesIO()
        with zipfile.ZipFile(ut, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename == "word/document.xml":
                    data = etree.tostring(rot, xml_declaration=True, encoding="UTF-8", standalone=True)
                zout.writestr(info, data)
    return ut.getvalue()


def test_a_table_of_rows_needs_a_header_row_a_table_of_one_row_does_not() -> None:
    """A goal's Bedömning without a sentence is one row, a label beside its value: nothing to head."""
    rapport = load(ROOT / "samples" / "exempel-kulturnamnden-2023-08.yaml")
    verksamhet = next(d.data for d in render_bytes(rapport, layout="uppsala") if "bilaga-1" in d.filnamn)
    assert accessibility_problems(verksamhet) == []
    assert accessibility_problems(_utan_rubrikrad(verksamhet, rader=1)) == []
    [problem] = accessibility_problems(_utan_rubrikrad(verksamhet, rader=3))
    assert problem.endswith("saknar en upprepad rubrikrad")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_core_properties_come_from_the_report(renders: Any, sample: str, layout: str) -> None:
    rapport = load(ROOT / "samples" / f"{sample}.yaml")
    for d in renders(sample, layout):
        props = normalise(d.data)["egenskaper"]
        assert props["language"] == "sv-SE"  # type: ignore[index]
        assert props["creator"] == rapport.forvaltning.namn  # type: ignore[index]
        assert props["created"] == props["modified"]  # type: ignore[index]
        assert props["created"].endswith("T00:00:00Z")  # type: ignore[index]
        assert props["title"]  # type: ignore[index]


# -- determinism ---------------------------------------------------------------------------


def test_two_renders_are_byte_identical() -> None:
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml")
    first = [d.data for d in render_bytes(rapport)]
    second = [d.data for d in render_bytes(rapport)]
    assert first == second


_HASH_SCRIPT = """
import hashlib, json, sys
from delarsrapport import load
from delarsrapport._render.render import render_bytes
out = {}
for sample in sys.argv[1:]:
    for layout in ("uppsala", "uppsala-2024", "upplands-bro"):
        for d in render_bytes(load(sample), layout=layout):
            out[f"{sample}:{layout}:{d.filnamn}"] = hashlib.sha256(d.data).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def test_renders_in_other_processes_time_zones_and_locales_are_byte_identical() -> None:
    """Separate interpreters with different TZ, LANG and hash seeds give the same bytes."""
    samples = [
        str(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"),
        str(ROOT / "samples" / "upplands-bro-socialnamnden-2022.yaml"),
    ]
    results = []
    for tz, lang, seed in (("Pacific/Kiritimati", "C", "1"), ("America/Los_Angeles", "sv_SE.UTF-8", "4711")):
        env = {**os.environ, "TZ": tz, "LANG": lang, "LC_ALL": lang, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", _HASH_SCRIPT, *samples], capture_output=True, env=env, check=True, cwd=ROOT
        )
        results.append(json.loads(proc.stdout))
    assert results[0] == results[1]
    here = {
        f"{s}:{lay}:{d.filnamn}": hashlib.sha256(d.data).hexdigest()
        for s in samples
        for lay in LAYOUTS
        for d in render_bytes(load(s), layout=lay)
    }
    assert results[0] == here


def test_rendering_another_report_in_between_leaks_nothing() -> None:
    """Prepared templates are reused; every render starts from fresh state."""
    a = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    b = load(ROOT / "samples" / "uppsala-omsorgsnamnden-2020-08.yaml")
    first = [d.data for d in render_bytes(a)]
    render_bytes(b)
    render_bytes(b, layout="upplands-bro")
    assert [d.data for d in render_bytes(a)] == first


# -- escaping -------------------------------------------------------------------------------

TRICKY = "A & B < C > D \"citat\" 'apostrof' — Ünïcödé ✓ 𝄞"
MULTILINE = "rad ett\nrad två\tmed tabb & <tagg>"


def _tricky_report(tmp_path: Path) -> Path:
    yaml = YAML()
    data = yaml.load((ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml").read_text(encoding="utf-8"))
    ts = data["tjansteskrivelse"]
    ts["rubrik"] = TRICKY
    ts["arendet"] = [MULTILINE, {"rubrik": TRICKY}, {"punkter": [TRICKY, MULTILINE]}]
    ts["handlaggare"] = [{"fornamn": "Åsa & <Ö>", "efternamn": 'O\'Brien "Jr"'}]
    data["tjansteskrivelse"]["beslut_sands_till"] = [MULTILINE]
    path = tmp_path / "tricky.yaml"
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return path


@pytest.mark.parametrize("layout", LAYOUTS)
def test_special_characters_newlines_and_tabs_come_out_exactly(tmp_path: Path, layout: str) -> None:
    rapport = load(_tricky_report(tmp_path))
    ts = render_bytes(rapport, layout=layout)[0]
    data = normalise(ts.data)
    innehall = [b for b in data["innehall"] if isinstance(b, str)]  # type: ignore[union-attr]
    texts = [b.split(": ", 1)[1] for b in innehall]
    assert TRICKY in texts  # the heading (rubrik) and the sub-heading and the bullet
    assert texts.count(TRICKY) >= 3
    assert MULTILINE in texts  # paragraph, bullet and "beslut sänds till" keep \n and \t
    assert texts.count(MULTILINE) >= 3
    assert data["egenskaper"]["title"] == TRICKY  # type: ignore[index]
    if layout == "uppsala":  # Upplands-Bro's memo prints no handläggare
        header = "\n".join(line for part in data["sidhuvuden"].values() for line in part)  # type: ignore[union-attr]
        assert 'Handläggare: Åsa & <Ö> O\'Brien "Jr"' in header


# -- errors ---------------------------------------------------------------------------------


def _broken_layout(tmp_path: Path, text: str) -> Path:
    mapp = new_layout("trasig", fran="uppsala", katalog=tmp_path)
    mall = mapp / "nyckeltal.docx"
    doc = Document(str(mall))
    doc.add_paragraph(text)
    doc.save(str(mall))
    return mapp


def test_template_error_names_file_part_paragraph_and_suggests(tmp_path: Path) -> None:
    mapp = _broken_layout(tmp_path, "Summa: {{ nyckeltal.grupperr }}")
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    with pytest.raises(TemplateError) as info:
        render(rapport, layout=mapp, out_dir=tmp_path / "ut")
    message = str(info.value)
    assert "nyckeltal.docx" in message
    assert "dokumentets brödtext" in message
    assert "Summa: {{ nyckeltal.grupperr }}" in message
    assert "grupper" in message  # the suggestion
    assert not (tmp_path / "ut").exists() or not any((tmp_path / "ut").iterdir())


def test_template_syntax_error_is_reported_with_its_place(tmp_path: Path) -> None:
    mapp = _broken_layout(tmp_path, "{% if nyckeltal.grupper %} ingen slut-tagg")
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    with pytest.raises(TemplateError) as info:
        render(rapport, layout=mapp, out_dir=tmp_path / "ut")
    assert "nyckeltal.docx" in str(info.value)


def test_a_failed_render_leaves_existing_files_untouched(tmp_path: Path) -> None:
    ut = tmp_path / "ut"
    ut.mkdir()
    gammal = ut / "1-tjansteskrivelse.docx"
    gammal.write_bytes(b"gammalt innehall")
    mapp = _broken_layout(tmp_path, "{{ finns_inte }}")
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    with pytest.raises(TemplateError):
        render(rapport, layout=mapp, out_dir=ut)
    assert gammal.read_bytes() == b"gammalt innehall"
    assert sorted(p.name for p in ut.iterdir()) == ["1-tjansteskrivelse.docx"]


def test_render_returns_the_written_paths_in_order(tmp_path: Path) -> None:
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml")
    paths = render(rapport, out_dir=tmp_path)
    assert [p.name for p in paths] == [d.filnamn for d in render_bytes(rapport)]
    assert sorted(p for p in tmp_path.iterdir() if not p.name.startswith(".")) == sorted(paths)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".delarsrapport.json"]
    for path in paths:
        validera(path.read_bytes())


def test_strict_refuses_a_report_with_fel(tmp_path: Path) -> None:
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    with pytest.raises(CheckError):
        delarsrapport.render(rapport, out_dir=tmp_path, strict=True)
    assert list(tmp_path.iterdir()) == []


def test_unknown_layout_name_lists_the_shipped_ones(tmp_path: Path) -> None:
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml")
    with pytest.raises(delarsrapport.LayoutError, match="upplands-bro, uppsala, uppsala-2024"):
        render(rapport, layout="stockholm", out_dir=tmp_path)


def _rezip(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, content if item.filename == name else src.read(item.filename))
    return out.getvalue()


def test_validation_rejects_broken_packages(renders: Any) -> None:
    good = bytes(renders("uppsala-socialnamnden-2024-08", "uppsala")[0].data)
    validera(good)
    with pytest.raises(RenderError, match="zip"):
        validera(b"PK not really")
    with pytest.raises(RenderError, match="giltig XML"):
        validera(_rezip(good, "word/document.xml", b"<w:document><unclosed>"))
    leftover = (
        zipfile.ZipFile(io.BytesIO(good))
        .read("word/document.xml")
        .replace(b"</w:body>", b"<w:p><w:r><w:t>{{ kvar }}</w:t></w:r></w:p></w:body>")
    )
    with pytest.raises(RenderError, match="malltagg"):
        validera(_rezip(good, "word/document.xml", leftover))
    core = zipfile.ZipFile(io.BytesIO(good)).read("docProps/core.xml")
    wrong = core.replace(
        b"<dc:title>",
        b'<cp:x xmlns:cp="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/><dc:title>',
    )
    with pytest.raises(RenderError, match="namnrymd"):
        validera(_rezip(good, "docProps/core.xml", wrong))


def test_uppsala_2024_layout_follows_the_2024_report(renders: Any) -> None:
    """domain.md §2.2: no ", samt", Socialnämnden capitalised, ISO self-reference, Prognososäkerhet
    before Investeringar, one header row, 1 decimal and "Aug 2024" in the nyckeltal."""
    ts = normalise(_dokument(renders, "uppsala-socialnamnden-2024-08", "uppsala-2024", "tjansteskrivelse"))
    text = [b for b in ts["innehall"] if isinstance(b, str)]  # type: ignore[union-attr]
    assert "Normal: 3. att godkänna nämndens uppföljning av internkontrollplan per augusti 2024," in text
    assert "List Bullet: Tjänsteskrivelse, daterad 2024-09-20" in text
    assert "Tjänsteskrivelse till Socialnämnden" in ts["sidhuvuden"]["header1.xml"]  # type: ignore[index]
    ek = normalise(_dokument(renders, "uppsala-socialnamnden-2024-08", "uppsala-2024", "bilaga-3"))
    tabeller = [b["tabell"] for b in ek["innehall"] if isinstance(b, dict)]  # type: ignore[union-attr]
    assert tabeller[0]["rubrikrader"] == 1
    assert tabeller[0]["rader"][0][1] == "Kommunbidrag 2024"
    assert [t["rader"][1][0] for t in tabeller[1:3]] == ["Prognososäkerhet", "Investeringar"]
    assert "Diarienummer: SCN-2024-00493-3" in ek["sidhuvuden"]["header1.xml"]  # type: ignore[index]
    rows = _rows(_dokument(renders, "uppsala-socialnamnden-2024-08", "uppsala-2024", "nyckeltal"))
    assert ["1) Kostnad per vård dygn på institution", "Aug 2024"] in rows
    assert any(r[-1] == "5,5" for r in rows)


_TCPR_ORDNING = ("tcW", "gridSpan", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "vAlign")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_cell_properties_are_in_schema_order(renders: Any, layout: str) -> None:
    """Word refuses a w:tcPr whose children are out of order; docxtpl's {% cellbg %} writes
    w:shd first, so the coloured status cells are the case that matters."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    fargade = 0
    for d in renders("uppsala-socialnamnden-2020-08", layout):
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(d.data)).read("word/document.xml"))
        for tcpr in root.iter(f"{w}tcPr"):
            namn = [etree.QName(c).localname for c in tcpr]
            kanda = [n for n in namn if n in _TCPR_ORDNING]
            assert kanda == sorted(kanda, key=_TCPR_ORDNING.index), (d.filnamn, namn)
            fargade += "shd" in namn and "tcW" in namn
    assert fargade  # the check saw shaded cells with a width


def test_zip_members_have_fixed_times_and_order(renders: Any) -> None:
    for d in renders("uppsala-socialnamnden-2024-08", "uppsala"):
        infos = zipfile.ZipFile(io.BytesIO(d.data)).infolist()
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        names = [i.filename for i in infos]
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
