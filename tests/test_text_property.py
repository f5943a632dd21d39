"""Any text, in any text position of a report: a load error at that field, or exactly that text.

Hypothesis generates text from all of Unicode (every plane, C0 and C1 controls, lone
surrogates, bidi controls, private use, markup, braces, template-like text) and puts it
into a page header, a document title and heading, a paragraph, a table cell and a
footnote line. Either ``load`` refuses it with a problem at one of those paths, or every
position comes out in the rendered documents exactly (as Word shows it: ``\\r\\n`` is a
line break). With ``--slow`` the run is long, and printable text is also read back from
the PDF LibreOffice makes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from delarsrapport import LoadError, load, render_bytes
from wordmall import texter

ROOT = Path(__file__).resolve().parents[1]
SCN20 = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"
SLOW = os.environ.get("DELARSRAPPORT_SLOW_HYPOTHESIS") == "1"

_BASE = YAML(typ="safe").load(SCN20.read_text(encoding="utf-8"))


def _ekonomi(d: Any) -> Any:
    return d["bilagor"][0]["delar"][0]["ekonomi"]


def _nyckeltal(d: Any) -> Any:
    return next(del_["nyckeltal"] for b in d["bilagor"] for del_ in b["delar"] if "nyckeltal" in del_)


# (field path as load reports it, how to put a text there, what it must look like around it)
POSITIONS: list[tuple[str, Callable[[Any, str], None]]] = [
    ("namnd.namn", lambda d, t: d["namnd"].__setitem__("namn", t)),  # page header, text
    (
        "tjansteskrivelse.rubrik",
        lambda d, t: d["tjansteskrivelse"].__setitem__("rubrik", t),
    ),  # title, heading
    (
        "tjansteskrivelse.arendet[0]",
        lambda d, t: d["tjansteskrivelse"].__setitem__("arendet", [t]),
    ),  # paragraph
    (
        "bilagor[0].delar[0].ekonomi.sammanfattning.rader[0].namn",
        lambda d, t: _ekonomi(d)["sammanfattning"]["rader"][0].__setitem__("namn", t),
    ),  # table cell
    (
        "fotnoter",
        lambda d, t: _nyckeltal(d)["grupper"][0].__setitem__("fotnoter", [t]),
    ),  # footnote line under a table
]


def _as_word_shows(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _render_with(text: str) -> tuple[list[str], list[bytes]] | None:
    data = json.loads(json.dumps(_BASE, default=str))
    for _, put in POSITIONS:
        put(data, text)
    try:
        rapport = load(data)
    except LoadError as exc:
        for p in exc.problems:
            assert any(
                p.path.startswith(path) or (path == "fotnoter" and "fotnoter" in p.path)
                for path, _ in POSITIONS
            ), p
        return None
    documents = [d.data for d in render_bytes(rapport, layout="uppsala")]
    return [t for d in documents for t in texter(d)], documents


_ANY_TEXT = st.text(st.characters(codec=None, categories=None), min_size=1, max_size=24)
_TAGS = st.sampled_from(
    ["{{", "}}", "{%", "%}", "{#", "<w:p>", "&amp;", "\u202e", "\U000f0041", "\ud800", "\x0b"]
)
_MIXED = st.lists(st.one_of(_ANY_TEXT, _TAGS), min_size=1, max_size=4).map("".join)


def _storable(c: str) -> bool:
    code = ord(c)
    return not ((code < 0x20 and c not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))


_STORABLE = st.text(st.characters(codec=None, categories=None).filter(_storable), min_size=1, max_size=24)
_STORABLE_TAGS = _TAGS.filter(lambda s: all(_storable(c) for c in s))
# Text a .docx can hold, with template-like and markup pieces mixed in; not only white space.
_RENDERABLE = (
    st.lists(st.one_of(_STORABLE, _STORABLE_TAGS), min_size=1, max_size=4)
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


@settings(
    max_examples=400 if SLOW else 30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not SLOW,
)
@given(text=_MIXED)
def test_any_text_is_refused_at_its_field_or_comes_out_exactly(text: str) -> None:
    result = _render_with(text)
    if result is not None:
        _assert_everywhere(text, result[0])


@settings(
    max_examples=300 if SLOW else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=not SLOW,
)
@given(text=_RENDERABLE)
def test_text_a_docx_can_hold_always_renders_exactly(text: str) -> None:
    """Every character a .docx can hold (all planes, bidi, private use, braces) is kept."""
    result = _render_with(text)
    assert result is not None, text
    _assert_everywhere(text, result[0])


def _assert_everywhere(text: str, texts: list[str]) -> None:
    wanted = _as_word_shows(text)
    # Every position shows the text (the header, title, paragraph, cell and footnote are
    # separate strings of the normalised documents); count the places it stands in full.
    places = sum(wanted in t for t in texts)
    assert places >= len(POSITIONS), (text, [t for t in texts if wanted[:3] in t][:5])


_PRINTABLE = st.text(
    st.characters(categories=("L", "N", "P", "S"), max_codepoint=0x04FF, exclude_characters="\u00ad"),
    min_size=3,
    max_size=20,
)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_PRINTABLE)
def test_printable_text_comes_out_of_the_pdf_too(text: str) -> None:
    """LibreOffice's PDF of the memo holds the text of the paragraph (spaces aside)."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE"):
            pytest.fail("LibreOffice och pdftotext behövs för det här testet")
        pytest.skip("LibreOffice or pdftotext is missing")
    result = _render_with(text)
    assert result is not None
    _, documents = result
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "ts.docx"
        docx.write_bytes(documents[0])
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profil",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=False,
            capture_output=True,
            timeout=180,
            start_new_session=True,
        )
        pdf = Path(tmp) / "ts.pdf"
        assert pdf.exists()
        plain = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    squash = "".join(plain.split())
    assert "".join(text.split()) in squash
