"""Hostile input and templates: every failure a library error, every text exactly as given,
every bound a clear message (one test per defect the hostile-input campaign found)."""

from __future__ import annotations

import io
import json
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from delarsrapport import LayoutError, LoadError, TemplateError, load, render_bytes
from delarsrapport._render import sandbox
from delarsrapport._render.layout import load_layout
from delarsrapport.testing import normalise
from wordmall import texter

ROOT = Path(__file__).resolve().parents[1]
SCN20 = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"
SCN24 = ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml"


def _data(sample: Path = SCN20) -> Any:
    return YAML(typ="safe").load(sample.read_text(encoding="utf-8"))


def _all_text(data: bytes) -> str:
    """Every text of a document: properties, headers, footers, paragraphs and table cells."""
    return json.dumps(normalise(data), ensure_ascii=False)


def _in_document(text: str, documents: list[bytes]) -> bool:
    return any(text in t for d in documents for t in texter(d))


# -- 2. text that looks like a template tag -------------------------------------------------

TAGGLIK = ["{{ rapport }}", "{% if x %}", "%}", "}}", "{#", "{{", "{%- raw -%}", "a }} b {{ c"]


@pytest.mark.parametrize("text", TAGGLIK)
def test_text_that_looks_like_a_template_tag_renders_exactly(text: str) -> None:
    """In the header (the nämnd), a heading and title (the memo), a paragraph and a table cell."""
    data = _data()
    data["namnd"]["namn"] = f"Social {text} nämnden"
    data["tjansteskrivelse"]["rubrik"] = f"Rubrik {text}"
    data["tjansteskrivelse"]["arendet"] = [f"Stycke {text} slut"]
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    ekonomi["sammanfattning"]["rader"][0]["namn"] = f"Rad {text}"
    documents = [d.data for d in render_bytes(load(data))]
    for expected in (f"Social {text} nämnden", f"Rubrik {text}", f"Stycke {text} slut", f"Rad {text}"):
        assert _in_document(expected, documents), expected


# -- 3. valid JSON with escaped astral characters ----------------------------------------------


def test_escaped_surrogate_pairs_in_json_are_one_character(tmp_path: Path) -> None:
    """json.dump writes 😀 as \\ud83d\\ude00 by default; it loads and renders as the emoji."""
    data = _data()
    data["namnd"]["namn"] = "Socialnämnden 😀 𝔘"
    fil = tmp_path / "rapport.json"
    fil.write_text(json.dumps(data, default=str), encoding="utf-8")  # ensure_ascii: \u escapes
    assert "\\ud83d\\ude00" in fil.read_text(encoding="utf-8")
    rapport = load(fil)
    assert rapport.namnd.namn == "Socialnämnden 😀 𝔘"
    assert _in_document("Socialnämnden 😀 𝔘", [d.data for d in render_bytes(rapport)])


def test_a_truly_lone_surrogate_in_json_is_refused_with_its_path(tmp_path: Path) -> None:
    fil = tmp_path / "rapport.json"
    raw = json.dumps(_data(), default=str)
    assert '"Uppsala kommun"' in raw
    fil.write_text(raw.replace('"Uppsala kommun"', '"Uppsala \\ud800"', 1))
    with pytest.raises(LoadError) as info:
        load(fil)
    assert any(p.path.endswith(".namn") and "U+D800" in p.message for p in info.value.problems)


# -- 4. document titles ---------------------------------------------------------------------


def test_a_long_title_renders_and_is_the_documents_title() -> None:
    data = _data()
    data["tjansteskrivelse"]["rubrik"] = "Delårsbokslut " * 80  # over 1 000 characters
    (ts, *_) = render_bytes(load(data))
    assert normalise(ts.data)["egenskaper"]["title"] == ("Delårsbokslut " * 80)  # type: ignore[index]


@pytest.mark.parametrize(
    ("where", "path"), [("ts", "tjansteskrivelse.rubrik"), ("bilaga", "bilagor[0].titel")]
)
def test_an_empty_title_is_refused_at_load_with_its_path(where: str, path: str) -> None:
    data = _data()
    if where == "ts":
        data["tjansteskrivelse"]["rubrik"] = "   "
    else:
        data["bilagor"][0]["titel"] = ""
    with pytest.raises(LoadError) as info:
        load(data)
    assert [p.path for p in info.value.problems] == [path]
    assert "får inte vara tom" in info.value.problems[0].message


# -- 5. bounds on work -------------------------------------------------------------------------


def test_a_billion_laughs_yaml_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    lines.append("kommun: *l")
    fil = tmp_path / "lol.yaml"
    fil.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(LoadError) as info:
        load(fil)
    assert time.monotonic() - start < 5
    assert any("alias (*namn)" in p.message for p in info.value.problems)


def _layout_with(tmp_path: Path, tagg: str, slag: str = "tjansteskrivelse") -> Path:
    """A copy of the uppsala layout whose *slag* template ends with a paragraph holding *tagg*."""
    mapp = tmp_path / "layout"
    shutil.copytree(ROOT / "templates" / "uppsala", mapp)
    mall = mapp / f"{slag}.docx"
    with zipfile.ZipFile(mall) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    at = xml.rindex("<w:sectPr")
    tagg_xml = tagg.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    xml = xml[:at] + f"<w:p><w:r><w:t>{tagg_xml}</w:t></w:r></w:p>" + xml[at:]
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(mall, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return mapp


@pytest.mark.parametrize(
    ("tagg", "meddelande"),
    [
        ("{{ 9**(9**9) }}", "exponenten"),
        ("{{ 'x' * 10**9 }}", "längre än"),
        ("{{ 'x'.ljust(10**8) }}", "större än"),
        ("{{ lipsum(1000000) }}", "lipsum"),
        ("{{ range(10**9)|length }}", "range"),
        ("{{ ''|center(10**9) }}", "center"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "anropar sig själv"),
    ],
)
def test_a_template_asking_for_unbounded_work_is_a_template_error(
    tmp_path: Path, tagg: str, meddelande: str
) -> None:
    layout = load_layout(_layout_with(tmp_path, tagg))
    start = time.monotonic()
    with pytest.raises(TemplateError, match=meddelande) as info:
        render_bytes(load(SCN20), layout=layout)
    assert time.monotonic() - start < 20
    assert "tjansteskrivelse.docx" in str(info.value) and "dokumentets brödtext" in str(info.value)


def test_loops_inside_loops_are_stopped_by_the_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loops that write nothing still end: every item counts against the render's budget."""
    monkeypatch.setattr(sandbox, "MAX_STEG", 200_000)
    tagg = "{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}{% endfor %}{% endfor %}"
    layout = load_layout(_layout_with(tmp_path, tagg))
    with pytest.raises(TemplateError, match="loopar har gått igenom fler än 200 000"):
        render_bytes(load(SCN20), layout=layout)


def test_a_template_member_claiming_gigabytes_is_not_read_whole(tmp_path: Path) -> None:
    mapp = tmp_path / "layout"
    shutil.copytree(ROOT / "templates" / "uppsala", mapp)
    mall = mapp / "nyckeltal.docx"
    with zipfile.ZipFile(mall, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/stor.bin", b"\0" * (65 * 2**20))  # 65 MB of zeros, 64 kB packed
    assert mall.stat().st_size < 2**20
    with pytest.raises(TemplateError, match="större än en Word-mall kan vara"):
        render_bytes(load(SCN20), layout=load_layout(mapp))


def test_a_tag_in_a_part_that_is_not_rendered_is_a_template_error(tmp_path: Path) -> None:
    mapp = tmp_path / "layout"
    shutil.copytree(ROOT / "templates" / "uppsala", mapp)
    mall = mapp / "nyckeltal.docx"
    endnotes = (
        '<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:endnote><w:p><w:r><w:t>{{ namnd.namn }}</w:t></w:r></w:p></w:endnote></w:endnotes>"
    )
    with zipfile.ZipFile(mall, "a") as zf:
        zf.writestr("word/endnotes.xml", endnotes)
    with pytest.raises(TemplateError, match=r"word/endnotes\.xml har malltaggar"):
        render_bytes(load(SCN20), layout=load_layout(mapp))


# -- 6. every failure a library error ------------------------------------------------------------


def test_an_amount_with_too_many_digits_is_a_load_error() -> None:
    data = _data()
    ekonomi = data["bilagor"][0]["delar"][0]["ekonomi"]
    ekonomi["sammanfattning"]["rader"][0]["rapporterat"]["kommunbidrag"] = "1" * 29
    ekonomi["sammanfattning"]["rader"][1]["rapporterat"]["kommunbidrag"] = int("2" * 29)
    with pytest.raises(LoadError) as info:
        load(data)
    found = [p.path for p in info.value.problems if "siffror" in p.message]
    assert found == [
        f"bilagor[0].delar[0].ekonomi.sammanfattning.rader[{i}].rapporterat.kommunbidrag" for i in (0, 1)
    ]


def test_a_yaml_integer_of_5000_digits_is_a_load_error(tmp_path: Path) -> None:
    fil = tmp_path / "r.yaml"
    fil.write_text(
        SCN20.read_text(encoding="utf-8").replace("ar: 2020", "ar: " + "9" * 5000, 1), encoding="utf-8"
    )
    with pytest.raises(LoadError) as info:
        load(fil)
    assert any(p.path == "period.ar" for p in info.value.problems)


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_nesting_a_thousand_deep_is_a_load_error(tmp_path: Path, suffix: str) -> None:
    fil = tmp_path / f"r.{suffix}"
    fil.write_text('{"a": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8")
    with pytest.raises(LoadError, match="för djup"):
        load(fil)


def test_an_unknown_placeholder_in_the_file_names_is_a_layout_error(tmp_path: Path) -> None:
    mapp = tmp_path / "layout"
    shutil.copytree(ROOT / "templates" / "uppsala", mapp)
    fil = mapp / "installningar.yaml"
    fil.write_text(
        fil.read_text(encoding="utf-8").replace(
            "{arende}-bilaga-{nummer}-{titel}.docx", "{arende}-{nr}.docx"
        ),
        encoding="utf-8",
    )
    with pytest.raises(LayoutError, match=r"filnamn\.bilaga: platshållaren \{nr\} finns inte"):
        load_layout(mapp)


def test_a_ten_megabyte_text_renders_exactly() -> None:
    data = _data()
    text = ("Ett långt stycke. " * 600_000)[:11_000_000]
    data["tjansteskrivelse"]["arendet"] = [text]
    (ts, *_) = render_bytes(load(data))
    assert any(t.endswith(": " + text) for t in texter(ts.data))


# -- 8. private-use characters -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_private_use_characters_come_out_exactly(tmp_path: Path, suffix: str) -> None:
    namn = "Nämnd \U000f0041\U000f0000\U000f009f\ue000 slut"
    data = _data()
    data["namnd"]["namn"] = namn
    fil = tmp_path / f"r.{suffix}"
    if suffix == "json":
        fil.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    else:
        buffer = io.StringIO()
        YAML().dump(json.loads(json.dumps(data, default=str)), buffer)
        fil.write_text(buffer.getvalue(), encoding="utf-8")
    rapport = load(fil)
    assert rapport.namnd.namn == namn
    assert _in_document(namn, [d.data for d in render_bytes(rapport)])


# -- 9. a mål titled with a word of its heading ------------------------------------------------


def test_a_mal_whose_title_is_part_of_its_heading_is_printed() -> None:
    data = _data()
    for bilaga in data["bilagor"]:
        for del_ in bilaga["delar"]:
            if "verksamhet" in del_:
                del_["verksamhet"]["mal"][0]["titel"] = "mål"
    documents = [d.data for d in render_bytes(load(data), layout="uppsala")]
    assert any(t.endswith(": mål") for d in documents for t in texter(d))  # "Normal: mål"


# -- 10. tables the library builds have a complete grid --------------------------------------


def test_a_table_placed_in_free_text_has_widths_for_every_column() -> None:
    from lxml import etree

    rapport = load(ROOT / "samples" / "uppsala-omsorgsnamnden-2020-08.yaml")
    (ts, *_) = render_bytes(rapport, layout="uppsala")
    with zipfile.ZipFile(io.BytesIO(ts.data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    generated = [t for t in root.iter(f"{w}tbl") if t.find(f"{w}tblPr/{w}tblW").get(f"{w}type") == "pct"]
    assert generated, "the omsorgsnämnden memo places its status table in free text"
    for tbl in generated:
        widths = [int(c.get(f"{w}w")) for c in tbl.iter(f"{w}gridCol")]
        assert widths and all(x > 0 for x in widths)
        for row in tbl.iter(f"{w}tr"):
            assert all(tc.find(f"{w}tcPr/{w}tcW") is not None for tc in row.iter(f"{w}tc"))
