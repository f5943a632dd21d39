"""tools/mallverktyg.py: contract renames inside the committed templates, and the tag listing.

The tool changes designers' files, so besides the renames themselves these tests pin
what it must leave alone: every other byte of the archive, every other template, and
everything on a dry run. Every test works on a copy of a shipped layout or on a small
package built here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import shutil
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from delarsrapport._designer import check_layout

ROOT = Path(__file__).resolve().parents[1]
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _load_tool() -> ModuleType:
    """tools/ is not a package; the tool is loaded from its file, as the command line runs it."""
    spec = importlib.util.spec_from_file_location("mallverktyg", ROOT / "tools" / "mallverktyg.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


mv = _load_tool()


def _layout(tmp_path: Path, namn: str = "uppsala") -> Path:
    katalog = tmp_path / namn
    shutil.copytree(ROOT / "templates" / namn, katalog)
    return katalog


def _hashes(katalog: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(katalog.iterdir())}


def _paragraph_texts(path: Path) -> list[str]:
    """The text of every paragraph in every XML part under word/, runs joined."""
    texts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(archive.read(name))
                texts += ["".join(str(t) for t in p.itertext()) for p in root.iter(f"{{{_W}}}p")]
    return texts


def _raw_members(path: Path) -> list[tuple[str, int, tuple[int, ...], bytes]]:
    """Each member's name, method, time and its compressed bytes as stored, in order."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        infos = sorted(archive.infolist(), key=lambda i: i.header_offset)
    out: list[tuple[str, int, tuple[int, ...], bytes]] = []
    for info in infos:
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        out.append(
            (info.filename, info.compress_type, info.date_time, data[start : start + info.compress_size])
        )
    return out


def _renamed(text: str, gammalt: str, nytt: str, *, filter: bool = False) -> str:
    for start, end, new in sorted(mv.Rename(gammalt, nytt, filter=filter).edits(text), reverse=True):
        text = text[:start] + new + text[end:]
    return text


# -- which names a rename matches -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gammalt", "nytt", "filter", "expected"),
    [
        # whole names and paths from the first name only
        ("{{ ekonomi.sammanfattningstext }}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{{ ekonomi.sammanfattning.rader }}", "ekonomi.sammanfattning", "e.s", False, "{{ e.s.rader }}"),
        ("{{ r.ekonomi.sammanfattning }}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{{ ekonomi.sammanfattning }}", "ekonomi", "ek", False, "{{ ek.sammanfattning }}"),
        ("{{ ekonomi . sammanfattning }}", "ekonomi.sammanfattning", "e.s", False, "{{ e.s }}"),
        # a variable and a filter of the same name are told apart
        ("{{ period|period('ar') }}", "period", "rapportperiod", False, "{{ rapportperiod|period('ar') }}"),
        ("{{ period|period('ar') }}", "period", "tidsperiod", True, "{{ period|tidsperiod('ar') }}"),
        ("{{ s.belopp|belopp('tkr') }}", "belopp", "summa", True, "{{ s.belopp|summa('tkr') }}"),
        ("{{ rad.belopp_x|belopp }}", "belopp", "summa", True, "{{ rad.belopp_x|summa }}"),
        ("{{ rad.belopp_x }}", "belopp", "summa", True, None),
        ("{% filter belopp %}x{% endfilter %}", "belopp", "bel", True, "{% filter bel %}x{% endfilter %}"),
        # docxtpl's level prefixes and statements
        ("{%p if ekonomi.sammanfattning %}", "ekonomi.sammanfattning", "e.s", False, "{%p if e.s %}"),
        ("{%tr for r in ekonomi.rader %}", "ekonomi.rader", "e.r", False, "{%tr for r in e.r %}"),
        ("{%tc for c in r.celler %}", "r", "rad", False, "{%tc for c in rad.celler %}"),
        ("{%r if p.x %}", "p", "post", False, "{%r if post.x %}"),
        ("{{p p.text|stycken(4) }}", "p", "post", False, "{{p post.text|stycken(4) }}"),
        ("{% cellbg p.status.farg %}", "p.status", "p.tillstand", False, "{% cellbg p.tillstand.farg %}"),
        ("{% set p = q %}{{ p.x }}", "p", "post", False, "{% set post = q %}{{ post.x }}"),
        # not names: text outside tags, strings, comments, keyword arguments, tests
        ("ekonomi.sammanfattning {{ x }}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{{ x or 'ekonomi.sammanfattning' }}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{{ x or ’ekonomi.sammanfattning’ }}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{# ekonomi.sammanfattning #}", "ekonomi.sammanfattning", "e.s", False, None),
        ("{{ r.x|belopp('tkr', noll='') }}", "noll", "inget", False, None),
        ("{% if x is defined %}", "defined", "satt", False, None),
        ("{{ ekonomi.sammanfattning", "ekonomi.sammanfattning", "e.s", False, None),
    ],
)
def test_a_rename_matches_whole_names_in_tags(
    text: str, gammalt: str, nytt: str, filter: bool, expected: str | None
) -> None:
    """A rename changes a name only where a tag uses it as that variable path or filter."""
    assert _renamed(text, gammalt, nytt, filter=filter) == (expected or text)


@pytest.mark.parametrize(
    ("gammalt", "nytt", "filter"),
    [
        ("ekonomi.", "x", False),
        ("x", "x", False),
        ("x", "1x", False),
        ("x", "in", False),
        ("belopp", "a.b", True),
        ("{{ x }}", "y", False),
    ],
)
def test_a_rename_refuses_what_is_not_a_name(gammalt: str, nytt: str, filter: bool) -> None:
    """Names, paths and filter names are checked before any file is read."""
    with pytest.raises(ValueError, match=r"namn|samma"):
        mv.Rename(gammalt, nytt, filter=filter)


# -- renames in a copy of a shipped layout ---------------------------------------------------------


def test_a_renamed_field_is_in_the_templates_and_layout_check_reports_it(tmp_path: Path) -> None:
    """After a rename to a field the contract lacks, layout check points at every use."""
    katalog = _layout(tmp_path)
    changes = mv.rename_in_layouts([katalog], mv.Rename("ekonomi.sammanfattning", "ekonomi.sammandrag"))
    assert {c.file.name for c in changes} == {"ekonomi.docx"}
    texts = "\n".join(_paragraph_texts(katalog / "ekonomi.docx"))
    assert "ekonomi.sammandrag.totalt.kommunbidrag" in texts
    assert "ekonomi.sammanfattning" not in texts
    fynd = check_layout(katalog)
    assert fynd
    assert {f.kod for f in fynd} == {"MALL-OKANT-FALT"}
    assert all("'sammandrag'" in f.meddelande for f in fynd)


def test_a_rename_to_a_field_that_exists_leaves_the_layout_clean(tmp_path: Path) -> None:
    """Renaming to a name of the contract gives templates layout check has nothing against,
    but that the web address is now printed nowhere."""
    katalog = _layout(tmp_path)
    changes = mv.rename_in_layouts([katalog], mv.Rename("kommun.webb", "kommun.telefon"))
    assert changes
    assert all("kommun.telefon" in c.after and "kommun.webb" not in c.after for c in changes)
    assert [(f.kod, f.plats) for f in check_layout(katalog)] == [
        ("MALL-VISAS-INTE", "indatafältet Kommun.webb")
    ]


def test_a_dry_run_changes_no_byte(tmp_path: Path) -> None:
    """--torrkorning reports the changes and writes nothing."""
    katalog = _layout(tmp_path)
    before = _hashes(katalog)
    changes = mv.rename_in_layouts([katalog], mv.Rename("belopp", "summa", filter=True), dry_run=True)
    assert len({c.file.name for c in changes}) == 2
    assert changes[0].before != changes[0].after
    assert _hashes(katalog) == before


def test_only_the_changed_part_of_the_changed_template_changes(tmp_path: Path) -> None:
    """Untouched templates keep their bytes; in a changed one, every other member keeps its
    stored bytes, time, method and place; a rename and its reverse give the file back."""
    katalog = _layout(tmp_path)
    before = _hashes(katalog)
    members = _raw_members(katalog / "ekonomi.docx")
    mv.rename_in_layouts([katalog], mv.Rename("ekonomi.sarskilda_satsningar", "ekonomi.satsningar"))
    after = _hashes(katalog)
    assert {n for n in before if before[n] != after[n]} == {"ekonomi.docx"}
    changed = _raw_members(katalog / "ekonomi.docx")
    assert [m[:3] for m in changed] == [m[:3] for m in members]
    assert [m[0] for m, n in zip(members, changed, strict=True) if m != n] == ["word/document.xml"]
    # the field with a longer name that begins the same stays
    assert any("ekonomi.sarskilda_satsningar_text" in t for t in _paragraph_texts(katalog / "ekonomi.docx"))
    mv.rename_in_layouts([katalog], mv.Rename("ekonomi.satsningar", "ekonomi.sarskilda_satsningar"))
    assert _hashes(katalog) == before


def test_headers_are_renamed_too(tmp_path: Path) -> None:
    """The bilagor's headers print the document title; a rename reaches every one."""
    katalog = _layout(tmp_path)
    changes = mv.rename_in_layouts([katalog], mv.Rename("dokument.titel", "dokument.rubrik"))
    assert {(c.file.name, c.part.name) for c in changes if c.part.label == "sidhuvud"} == {
        ("ekonomi.docx", "word/header1.xml"),
        ("nyckeltal.docx", "word/header1.xml"),
        ("verksamhet.docx", "word/header1.xml"),
    }
    assert not any("dokument.titel" in t for p in katalog.glob("*.docx") for t in _paragraph_texts(p))


# -- a tag that Word split over runs ----------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)


def _part(body: str, root: str = "w:document") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<{root} xmlns:w="{_W}">{body}</{root}>'
    )


def _runs(*texts: str) -> str:
    """A paragraph of runs, every second one bold, as Word leaves a tag retyped in parts."""
    runs = "".join(
        f'<w:r>{"<w:rPr><w:b/></w:rPr>" if i % 2 else ""}<w:t xml:space="preserve">{t}</w:t></w:r>'
        for i, t in enumerate(texts)
    )
    return f"<w:p>{runs}</w:p>"


def _docx(path: Path, document: str, footnotes: str) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/media/bild.bin", b"\x00" * 100, compress_type=zipfile.ZIP_STORED)


def _run_texts(path: Path, part: str) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read(part))
    return [[t.text or "" for t in p.iter(f"{{{_W}}}t")] for p in root.iter(f"{{{_W}}}p")]


def test_a_tag_split_over_runs_is_renamed_in_the_runs(tmp_path: Path) -> None:
    """The new name goes into the run where the old one began; the runs keep their formatting."""
    mapp = tmp_path / "liten"
    mapp.mkdir()
    path = mapp / "ekonomi.docx"
    document = _part(
        "<w:body>"
        + _runs("Summa: {{ eko", "nomi.samman", "fattning.rader|length }} st")
        + _runs("{{ ekonomi.sammanfattningstext }}")
        + "</w:body>"
    )
    _docx(path, document, _part(_runs("{{ ekonomi.", "sammanfattning }}"), "w:footnotes"))
    changes = mv.rename_in_layouts([mapp], mv.Rename("ekonomi.sammanfattning", "ekonomi.sammandrag"))
    assert [(c.part.label, c.paragraph, c.after) for c in changes] == [
        ("brödtext", 1, "Summa: {{ ekonomi.sammandrag.rader|length }} st"),
        ("fotnoter", 1, "{{ ekonomi.sammandrag }}"),
    ]
    assert _run_texts(path, "word/document.xml") == [
        ["Summa: {{ ekonomi.sammandrag", "", ".rader|length }} st"],
        ["{{ ekonomi.sammanfattningstext }}"],
    ]
    assert _run_texts(path, "word/footnotes.xml") == [["{{ ekonomi.sammandrag", " }}"]]
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml")
        assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document')
        assert xml.count(b"<w:b/>") == 1
        assert archive.getinfo("word/media/bild.bin").compress_type == zipfile.ZIP_STORED


# -- the archive ---------------------------------------------------------------------------------


class _Unseekable(io.RawIOBase):
    """A write-only stream, so that zipfile writes data descriptors after each member."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def test_replace_members_keeps_data_descriptors_and_stored_members() -> None:
    """Archives whose sizes follow the data (as streamed zips have them) are patched too."""
    stream = _Unseekable()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", "<a>första</a>" * 50)
        archive.writestr("b.bin", b"b" * 300, compress_type=zipfile.ZIP_STORED)
        archive.writestr("c.xml", "<c/>")
    data = bytes(stream.data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(info.flag_bits & 0x08 for info in archive.infolist())
    patched = mv.replace_members(data, {"b.bin": b"nytt", "c.xml": b"<c>ny</c>"})
    with zipfile.ZipFile(io.BytesIO(patched)) as archive:
        assert archive.namelist() == ["a.xml", "b.bin", "c.xml"]
        assert archive.read("b.bin") == b"nytt"
        assert archive.read("c.xml") == b"<c>ny</c>"
        assert archive.getinfo("b.bin").compress_type == zipfile.ZIP_STORED
    assert patched.startswith(data[: data.index(b"PK\x03\x04", 4)])
    with pytest.raises(KeyError, match=r"saknas\.xml"):
        mv.replace_members(data, {"saknas.xml": b""})


# -- the command line ------------------------------------------------------------------------------


def test_command_line_rename_list_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """byt-namn prints each change and what to check; nothing found is exit status 1."""
    katalog = _layout(tmp_path)
    before = _hashes(katalog)
    assert mv.main(["byt-namn", "kommun.webb", "kommun.hemsida", str(katalog), "--torrkorning"]) == 0
    out = capsys.readouterr().out
    assert "tjansteskrivelse.docx, sidfot (word/footer1.xml), stycke 3:\n" in out
    assert "{% if kommun.webb %}{{ kommun.webb }}{% endif %}\n  efter: " in out
    assert "{% if kommun.hemsida %}{{ kommun.hemsida }}{% endif %}\n" in out
    assert "2 stycken i 1 mall skulle ändras (torrkörning: inget skrevs)" in out
    assert _hashes(katalog) == before
    assert mv.main(["byt-namn", "finns_inte", "ny", str(katalog)]) == 1
    assert mv.main(["byt-namn", "a", "b", str(tmp_path / "saknas")]) == 2
    assert mv.main(["lista", str(katalog)]) == 0
    out = capsys.readouterr().out
    assert "  ekonomi.docx\n    brödtext (word/document.xml)\n" in out
    assert "      {%tr for rad in ekonomi.sammanfattning.rader %}\n" in out
    assert _hashes(katalog) == before
