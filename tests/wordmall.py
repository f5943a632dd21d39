"""Editing a template's Word XML in tests, the way a designer edits it in Word.

Each helper does one thing a designer does: move a table row, type a tag into a cell,
make part of a tag bold, press Enter inside a tag, delete a paragraph, add a column.
:func:`redigera` opens one XML part of a .docx for editing and writes it back.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@contextmanager
def redigera(mall: Path, del_: str = "word/document.xml") -> Iterator[etree._Element]:
    """The XML of one part of the template *mall*, written back when the block ends."""
    with zipfile.ZipFile(mall) as z:
        medlemmar = [(info, z.read(info.filename)) for info in z.infolist()]
    data = {info.filename: blob for info, blob in medlemmar}
    rot = etree.fromstring(data[del_])
    yield rot
    ny = etree.tostring(rot, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(mall, "w", zipfile.ZIP_DEFLATED) as z:
        for info, blob in medlemmar:
            z.writestr(info, ny if info.filename == del_ else blob)


def text(el: etree._Element) -> str:
    """The text of every ``w:t`` under *el*, joined."""
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def stycke(rot: etree._Element, innehall: str, nummer: int = 0) -> etree._Element:
    """The paragraph whose text is *innehall* (the *nummer*-th such, from 0)."""
    traffar = [p for p in rot.iter(f"{W}p") if text(p).strip() == innehall]
    assert len(traffar) > nummer, f"inget stycke med texten {innehall!r}"
    return traffar[nummer]


def rad(rot: etree._Element, innehall: str, nummer: int = 0) -> etree._Element:
    """The table row whose first cell's text is *innehall*."""
    traffar = [tr for tr in rot.iter(f"{W}tr") if text(tr.find(f"{W}tc")).strip() == innehall]
    assert len(traffar) > nummer, f"ingen tabellrad som börjar med {innehall!r}"
    return traffar[nummer]


def rader(tabell: etree._Element) -> list[etree._Element]:
    return tabell.findall(f"{W}tr")


def celler(tr: etree._Element) -> list[etree._Element]:
    return tr.findall(f"{W}tc")


def tabell(el: etree._Element) -> etree._Element:
    """The table holding *el*."""
    for a in el.iterancestors(f"{W}tbl"):
        return a
    raise AssertionError("inte i en tabell")


def skriv_sist(p: etree._Element, innehall: str) -> None:
    """Type *innehall* at the end of paragraph *p* (a new run with the last run's formatting)."""
    runs = p.findall(f"{W}r")
    ny = copy.deepcopy(runs[-1]) if runs else etree.SubElement(p, f"{W}r")
    for barn in list(ny):
        if barn.tag != f"{W}rPr":
            ny.remove(barn)
    t = etree.SubElement(ny, f"{W}t")
    t.text = innehall
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if runs:
        runs[-1].addnext(ny)


def nytt_stycke_efter(el: etree._Element, innehall: str) -> etree._Element:
    """A new paragraph with *innehall* after the paragraph or table *el* (Enter, then typing)."""
    p = etree.Element(f"{W}p")
    r = etree.SubElement(p, f"{W}r")
    etree.SubElement(r, f"{W}t").text = innehall
    el.addnext(p)
    return p


def dela_run(p: etree._Element, vid: str, rpr: str | None = None) -> None:
    """Split the run of *p* holding *vid* just before *vid*; the second part gets the run
    properties *rpr* (``"<w:b/>"``) when given, as when part of a tag is formatted."""
    for r in p.findall(f"{W}r"):
        t = r.find(f"{W}t")
        if t is None or vid not in (t.text or ""):
            continue
        fore, efter = (t.text or "").split(vid, 1)
        t.text = fore
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        ny = copy.deepcopy(r)
        ny_t = ny.find(f"{W}t")
        assert ny_t is not None
        ny_t.text = vid + efter
        if rpr is not None:
            gammal = ny.find(f"{W}rPr")
            if gammal is not None:
                ny.remove(gammal)
            ny.insert(
                0,
                etree.fromstring(
                    f'<w:rPr xmlns:w="{W[1:-1]}">{rpr}</w:rPr>',
                ),
            )
        r.addnext(ny)
        return
    raise AssertionError(f"{vid!r} finns inte i stycket")


def dela_stycke(p: etree._Element, vid: str) -> None:
    """Press Enter in paragraph *p* just before *vid*: the rest becomes a new paragraph."""
    dela_run(p, vid)
    ny = copy.deepcopy(p)
    runs, nya = p.findall(f"{W}r"), ny.findall(f"{W}r")
    index = next(i for i, r in enumerate(nya) if text(r).startswith(vid))
    for r in nya[:index]:
        ny.remove(r)
    for r in runs[index:]:
        p.remove(r)
    p.addnext(ny)


def ta_bort(el: etree._Element) -> None:
    parent = el.getparent()
    assert parent is not None
    parent.remove(el)


def ta_bort_kolumn(tbl: etree._Element, kolumn: int) -> None:
    """Delete grid column *kolumn* (from 1) of a table whose header cells may be merged:
    a cell spanning it gets narrower, a cell on it alone goes."""
    grid = tbl.find(f"{W}tblGrid")
    assert grid is not None
    grid.remove(grid.findall(f"{W}gridCol")[kolumn - 1])
    for tr in rader(tbl):
        start = 1
        for tc in celler(tr):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = int(span_el.get(f"{W}val", "1")) if span_el is not None else 1
            if start <= kolumn < start + span:
                if span > 1 and span_el is not None:
                    span_el.set(f"{W}val", str(span - 1))
                else:
                    tr.remove(tc)
                break
            start += span


def lagg_till_kolumn(tbl: etree._Element) -> None:
    """Add an empty column at the right of a table (Word: Infoga kolumn till höger)."""
    grid = tbl.find(f"{W}tblGrid")
    assert grid is not None
    etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", "1000")
    for tr in rader(tbl):
        tc = etree.SubElement(tr, f"{W}tc")
        tcpr = etree.SubElement(tc, f"{W}tcPr")
        w = etree.SubElement(tcpr, f"{W}tcW")
        w.set(f"{W}w", "1000")
        w.set(f"{W}type", "dxa")
        etree.SubElement(tc, f"{W}p")


def texter(data: bytes) -> list[str]:
    """Every string of a rendered document as :func:`delarsrapport.testing.normalise` reads it:
    properties, headers, footers, paragraphs ("Stil: text") and table cells."""
    from delarsrapport.testing import normalise

    ut: list[str] = []

    def samla(x: object) -> None:
        if isinstance(x, str):
            ut.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                samla(v)
        elif isinstance(x, list):
            for v in x:
                samla(v)

    samla(normalise(data))
    return ut
