"""Charts in free text: drawn into the document with alt text, a numbered caption and the
values as a table, packed as media parts, the same bytes in every process, and checked for
accessibility."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import threading
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from ruamel.yaml import YAML

from delarsrapport import RenderError, load
from delarsrapport._context import DiagramVy, SerieVy
from delarsrapport._render import media
from delarsrapport._render.diagram import rita
from delarsrapport._render.render import render_bytes
from delarsrapport.testing import accessibility_problems, normalise

ROOT = Path(__file__).resolve().parents[1]
SCN20 = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"
SCN24 = ROOT / "samples" / "uppsala-socialnamnden-2024-08.yaml"


def _ekonomibilaga(layout: str = "uppsala") -> bytes:
    return render_bytes(load(SCN20), layout=layout)[1].data


@pytest.fixture(scope="module")
def bilaga() -> bytes:
    return _ekonomibilaga()


def test_charts_are_pictures_with_alt_text_captions_and_tables(bilaga: bytes) -> None:
    """Each chart is a picture with its main message as alt text, "Diagram N." in document order
    and a table of its values after it."""
    innehall = normalise(bilaga)["innehall"]
    assert isinstance(innehall, list)
    bilder = [i for i, b in enumerate(innehall) if isinstance(b, str) and "[bild: " in b]
    assert len(bilder) == 2
    assert (
        "2020 är 4\u00a0% högre än 2019 för HVB och 18\u00a0% högre än 2019 för Stödboende"
        in innehall[bilder[0]]
    )
    assert innehall[bilder[0] + 1] == "Normal: Diagram 1. Vårddygn januari–augusti 2020 jämfört med 2019"
    assert str(innehall[bilder[1] + 1]).startswith("Normal: Diagram 2. Orosanmälningar")
    assert innehall[bilder[0] + 2] == {
        "tabell": {
            "rubrikrader": 1,
            "rader": [["Vårdform", "2019", "2020"], ["HVB", "100", "104"], ["Stödboende", "100", "118"]],
        }
    }


def test_the_pictures_are_packed_with_their_relationships_and_content_type(bilaga: bytes) -> None:
    """word/media holds the PNGs, the body's relationships point at them and [Content_Types] knows png."""
    with zipfile.ZipFile(io.BytesIO(bilaga)) as zf:
        namn = zf.namelist()
        assert [n for n in namn if n.startswith("word/media/delarsrapport")] == [
            "word/media/delarsrapport-diagram1.png",
            "word/media/delarsrapport-diagram2.png",
        ]
        assert zf.read("word/media/delarsrapport-diagram1.png").startswith(b"\x89PNG\r\n\x1a\n")
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        mal = {r.get("Id"): r.get("Target") for r in rels}
        assert mal["rIdDelarsrapportBild1"] == "media/delarsrapport-diagram1.png"
        typer = zf.read("[Content_Types].xml").decode()
        assert '<Default Extension="png" ContentType="image/png"/>' in typer
        dokument = zf.read("word/document.xml").decode()
        assert dokument.count('r:embed="rIdDelarsrapportBild') == 2
        assert namn[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert namn[2:] == sorted(namn[2:])


def test_the_document_with_charts_is_accessible(bilaga: bytes) -> None:
    """No accessibility problem: the pictures have alt text and every table a header row."""
    assert accessibility_problems(bilaga) == []


def _utan_alternativtext(data: bytes, *, bild: bool) -> bytes:
    ut = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(ut, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info)
            if info.filename == "word/document.xml":
                rot = etree.fromstring(blob)
                tag = (
                    "{http://schemas.openxmlformats.org/drawingml/2006/picture}cNvPr"
                    if bild
                    else ("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
                )
                for el in rot.iter(tag):
                    el.set("descr", "")
                blob = etree.tostring(rot)
            zout.writestr(info, blob)
    return ut.getvalue()


def test_accessibility_problems_finds_a_picture_without_alt_text(bilaga: bytes) -> None:
    """The checker reports a drawing without alt text, and a picture whose own alt text is empty."""
    assert accessibility_problems(_utan_alternativtext(bilaga, bild=False)) == [
        "bilden 'Diagram 1' saknar alternativtext",
        "bilden 'Diagram 2' saknar alternativtext",
    ]
    assert accessibility_problems(_utan_alternativtext(bilaga, bild=True)) == [
        "bilden 'Diagram 1' har alternativtext på ritningen men inte på bilden",
        "bilden 'Diagram 2' har alternativtext på ritningen men inte på bilden",
    ]


_SKRIPT = """
import hashlib, io, sys, zipfile
from delarsrapport import load
from delarsrapport._render.render import render_bytes
data = render_bytes(load(sys.argv[1]), layout="uppsala")[1].data
png = zipfile.ZipFile(io.BytesIO(data)).read("word/media/delarsrapport-diagram1.png")
print(hashlib.sha256(data).hexdigest(), hashlib.sha256(png).hexdigest(), "matplotlib" in sys.modules)
"""


def _kor(env: dict[str, str], tmp_path: Path, namn: str) -> str:
    miljo = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MPL", "LC_", "LANG", "TZ", "PYTHONHASHSEED"))
    }
    miljo |= env | {"DELARSRAPPORT_CACHE": str(tmp_path / f"cache-{namn}")}
    ut = subprocess.run(
        [sys.executable, "-c", _SKRIPT, str(SCN20)], env=miljo, capture_output=True, check=True, timeout=300
    )
    return ut.stdout.decode().strip()


def test_the_same_bytes_in_processes_with_different_environments(tmp_path: Path, bilaga: bytes) -> None:
    """Two processes with different time zone, locale, hash seed and a hostile matplotlibrc
    (its own config dir and font cache) write the same document and picture, byte for byte."""
    fientlig = tmp_path / "mpl"
    fientlig.mkdir()
    (fientlig / "matplotlibrc").write_text(
        "font.family: serif\nfont.size: 30\nlines.linewidth: 9\naxes.grid: True\nsavefig.dpi: 30\n"
    )
    a = _kor({"TZ": "Pacific/Kiritimati", "LANG": "sv_SE.UTF-8", "PYTHONHASHSEED": "1"}, tmp_path, "a")
    b = _kor(
        {"TZ": "America/Los_Angeles", "LC_ALL": "C", "PYTHONHASHSEED": "4242", "MPLCONFIGDIR": str(fientlig)},
        tmp_path,
        "b",
    )
    assert a == b
    assert a.split()[0] == hashlib.sha256(bilaga).hexdigest()


def test_a_report_without_charts_never_imports_matplotlib(tmp_path: Path) -> None:
    """matplotlib is imported when the first chart is drawn, not before."""
    skript = (
        "import sys\nfrom delarsrapport import load\nfrom delarsrapport._render.render import render_bytes\n"
        f"render_bytes(load({str(SCN24)!r}), layout='uppsala')\nprint('matplotlib' in sys.modules)"
    )
    miljo = os.environ | {"DELARSRAPPORT_CACHE": str(tmp_path / "cache")}
    ut = subprocess.run(
        [sys.executable, "-c", skript], env=miljo, capture_output=True, check=True, timeout=300
    )
    assert ut.stdout.decode().strip() == "False"


def test_renders_in_threads_give_the_same_bytes(bilaga: bytes) -> None:
    """The media of a render are its own: four threads at once each get the serial bytes."""
    resultat: list[bytes] = []
    fel: list[BaseException] = []

    def rendera() -> None:
        try:
            resultat.append(_ekonomibilaga())
        except BaseException as exc:  # pragma: no cover - the assertion shows it
            fel.append(exc)

    tradar = [threading.Thread(target=rendera) for _ in range(4)]
    for t in tradar:
        t.start()
    for t in tradar:
        t.join()
    assert fel == []
    assert resultat == [bilaga] * 4


def _diagram(**andra: Any) -> DiagramVy:
    d = Decimal
    falt: dict[str, Any] = {
        "rubrik": "Sjukfrånvaro",
        "typ": "linje",
        "enhet": "procent",
        "kategorier": ("jan", "feb", "mar"),
        "serier": (
            SerieVy(namn="2019", varden=(d(3), d(4), None)),
            SerieVy(namn="2020", varden=(d("3.5"), d(7), d(5))),
        ),
        "budget": (d(5), d(5), d(5)),
        "decimaler": 1,
        "beskrivning": "Linjediagram.",
        "tabell": (),
    }
    return DiagramVy(**(falt | andra))


@pytest.mark.parametrize("typ", ["linje", "stapel"])
def test_a_chart_is_a_png_the_same_every_time(typ: str) -> None:
    """Line and bar charts, with gaps and a budget line, draw to the same PNG twice."""
    forsta = rita(_diagram(typ=typ))
    assert forsta.startswith(b"\x89PNG") and forsta == rita(_diagram(typ=typ))
    assert b"tEXt" not in forsta and b"tIME" not in forsta  # no software name, no time
    assert (
        rita(_diagram(typ=typ, serier=(SerieVy(namn="x", varden=(Decimal(1), Decimal(1), Decimal(1))),)))
        != forsta
    )


def test_a_chart_outside_a_render_or_outside_the_body_is_an_error() -> None:
    """The picture needs a render to belong to, and only the body can hold it."""
    with pytest.raises(RenderError, match="medan ett dokument renderas"):
        media.lagg_till(b"png")
    with media.samla() as samling:
        samling.del_ = "word/header1.xml"
        with pytest.raises(RenderError, match="bara stå i dokumentets brödtext"):
            media.lagg_till(b"png")


def test_a_chart_block_is_read_with_every_problem_at_its_place() -> None:
    """A series of the wrong length, an unknown field and an unknown type are load errors with paths."""
    from delarsrapport import LoadError

    data: dict[str, Any] = YAML(typ="safe").load(SCN20.read_text(encoding="utf-8"))
    text = data["bilagor"][0]["delar"][0]["ekonomi"]["verksamheter"][1]["text"]
    text[2] = {
        "diagram": {
            "rubrik": "R",
            "typ": "paj",
            "kategorier": ["a", "b"],
            "serier": [{"namn": "s", "varden": [1]}],
            "farg": "röd",
        }
    }
    with pytest.raises(LoadError) as info:
        load(data)
    meddelanden = {(p.path, p.message.split(";")[0]) for p in info.value.problems}
    bas = "bilagor[0].delar[0].ekonomi.verksamheter[1].text[2].diagram"
    assert (f"{bas}.farg", "okänt fält 'farg'") in meddelanden
    assert any(
        p.path == f"{bas}.typ" and "'paj'" in p.message and "linje, stapel" in p.message
        for p in info.value.problems
    )
    text[2]["diagram"] = {"rubrik": "R", "kategorier": ["a", "b"], "serier": [{"namn": "s", "varden": [1]}]}
    with pytest.raises(LoadError) as info:
        load(data)
    (problem,) = info.value.problems
    assert problem.path == f"{bas}.serier"
    assert "har 1 värden men diagrammet har 2 kategorier" in problem.message


def test_packing_adds_relationships_a_template_lacks() -> None:
    """A template whose body has no relationships part gets one, and the PNG content type once."""
    from delarsrapport._render.package import compress

    typer = (
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="PNG" ContentType="image/png"/></Types>'
    )
    members = [compress("[Content_Types].xml", typer), compress("word/document.xml", b"<x/>")]
    bild = media.Bild(1, b"\x89PNG", "word/document.xml")
    packat = media.packa(members, (bild,))
    assert [m.name for m in packat] == [
        "[Content_Types].xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/media/delarsrapport-diagram1.png",
    ]
    import zlib

    rels = zlib.decompress(packat[1].data, -15).decode()
    assert 'Id="rIdDelarsrapportBild1"' in rels and 'Target="media/delarsrapport-diagram1.png"' in rels
    assert zlib.decompress(packat[0].data, -15).decode().lower().count('extension="png"') == 1
    assert media.packa(members, ()) is members
