"""The render engine's own pieces: the zip it writes, the disk cache, the listing pass."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from delarsrapport import TemplateError, load, render_bytes
from delarsrapport._render import cache
from delarsrapport._render.engine import PreparedTemplate, _listing_where_needed, _resolve_listing
from delarsrapport._render.layout import load_layout
from delarsrapport._render.package import compress, write_zip

ROOT = Path(__file__).resolve().parents[1]
SCN20 = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"


def test_the_zip_is_read_by_zipfile_with_fixed_times_and_modes() -> None:
    data = write_zip([compress("a.xml", b"<a/>"), compress("b/c.xml", b"x" * 10_000, 9)])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert [i.filename for i in zf.infolist()] == ["a.xml", "b/c.xml"]
        assert zf.read("b/c.xml") == b"x" * 10_000
        for info in zf.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
    assert write_zip([compress("a.xml", b"<a/>")]) == write_zip([compress("a.xml", b"<a/>")])


@pytest.mark.parametrize(
    "xml",
    [
        '<w:p><w:r><w:t xml:space="preserve">a\nb</w:t></w:r></w:p>',
        "<w:p><w:pPr><w:jc/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>x\ty</w:t></w:r></w:p><w:p><w:r><w:t>z</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>ren</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1\n2\n3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>a\fb</w:t></w:r><w:r><w:t>c\ad</w:t></w:r></w:p>",
    ],
)
def test_the_listing_pass_on_the_paragraphs_that_need_it_is_docxtpls(xml: str) -> None:
    """Running docxtpl's listing pass only where a value put a break or tab gives its result."""
    assert _listing_where_needed(xml) == _resolve_listing(xml)


def test_a_prepared_template_comes_back_from_the_disk_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second process (simulated) restores the prepared template and renders the same bytes."""
    monkeypatch.setenv("DELARSRAPPORT_CACHE", str(tmp_path))
    layout = load_layout("uppsala")
    inst = layout.installningar
    mall = layout.mall("ekonomi")
    cold = PreparedTemplate(mall, inst.talstil, inst.stilar, inst.typografi)
    assert len(list(tmp_path.glob("*.mall"))) == 1
    calls: list[str] = []
    monkeypatch.setattr(PreparedTemplate, "_prepare", lambda *a: calls.append("prepared"))
    warm = PreparedTemplate(mall, inst.talstil, inst.stilar, inst.typografi)
    assert calls == []  # it did not prepare again
    assert warm.ordning == cold.ordning and warm.statiska == cold.statiska
    assert warm.sources == cold.sources


def test_a_broken_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DELARSRAPPORT_CACHE", str(tmp_path))
    layout = load_layout("uppsala")
    inst = layout.installningar
    PreparedTemplate(layout.mall("nyckeltal"), inst.talstil, inst.stilar, inst.typografi)
    (entry,) = tmp_path.glob("*.mall")
    entry.write_bytes(b"not marshal data")
    again = PreparedTemplate(layout.mall("nyckeltal"), inst.talstil, inst.stilar, inst.typografi)
    assert again.delar  # prepared from the template instead


def test_renders_are_the_same_from_a_warm_and_a_cold_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from delarsrapport._render import engine

    rapport = load(SCN20)
    monkeypatch.setenv("DELARSRAPPORT_CACHE", "0")
    monkeypatch.setattr(engine, "_CACHE", {})
    assert cache.cache_dir() is None
    off = [d.data for d in render_bytes(rapport)]
    monkeypatch.setenv("DELARSRAPPORT_CACHE", str(tmp_path))
    for _ in range(2):  # cold, then warm
        monkeypatch.setattr(engine, "_CACHE", {})
        assert [d.data for d in render_bytes(rapport)] == off
    assert list(tmp_path.glob("*.mall"))


@pytest.mark.parametrize(
    ("innehall", "fel"),
    [
        (b"not a zip at all", "ingen Word-fil"),
        (b"", "ingen Word-fil"),
    ],
)
def test_a_template_that_is_not_a_docx_is_a_template_error(tmp_path: Path, innehall: bytes, fel: str) -> None:
    mall = tmp_path / "ekonomi.docx"
    mall.write_bytes(innehall)
    layout = load_layout("uppsala")
    with pytest.raises(TemplateError, match=fel) as info:
        PreparedTemplate(
            mall, layout.installningar.talstil, layout.installningar.stilar, layout.installningar.typografi
        )
    assert str(mall) in str(info.value)


def test_a_template_without_its_document_part_is_a_template_error(tmp_path: Path) -> None:
    mall = tmp_path / "ekonomi.docx"
    with (
        zipfile.ZipFile(ROOT / "templates" / "uppsala" / "ekonomi.docx") as src,
        zipfile.ZipFile(mall, "w") as dst,
    ):
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
    layout = load_layout("uppsala")
    with pytest.raises(TemplateError, match="brödtext") as info:
        PreparedTemplate(
            mall, layout.installningar.talstil, layout.installningar.stilar, layout.installningar.typografi
        )
    assert str(mall) in str(info.value)
