"""Joining documents: our composer shortcut leaves exactly what docxcompose itself would."""

from __future__ import annotations

import io

import docx
import docxcompose.composer
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from delarsrapport._render.join import _Composer


def _dokument(*, egen_stil: bool) -> bytes:
    doc = docx.Document()
    doc.add_heading("Rubrik", level=1)
    doc.add_paragraph("Brödtext")
    punkt = doc.add_paragraph("En punkt", style="List Bullet")  # a style with a numbering of its own
    # ... and the numbering written on the paragraph too, as Word does
    numpr = punkt._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = 1
    if egen_stil:
        doc.styles.add_style("Egen stil", WD_STYLE_TYPE.PARAGRAPH)
        doc.add_paragraph("Med egen stil", style="Egen stil")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _sammanfogat(composer_klass: type[docxcompose.composer.Composer]) -> tuple[bytes, bytes, bytes]:
    master = docx.Document(io.BytesIO(_dokument(egen_stil=False)))
    composer = composer_klass(master)
    composer.append(docx.Document(io.BytesIO(_dokument(egen_stil=False))), remove_property_fields=False)
    composer.append(docx.Document(io.BytesIO(_dokument(egen_stil=True))), remove_property_fields=False)
    numbering = composer.doc.part.numbering_part.element
    return (
        etree.tostring(composer.doc.element),
        etree.tostring(composer.doc.styles.element),
        etree.tostring(numbering),
    )


def test_the_shortcut_joins_as_docxcompose_does() -> None:
    ours, theirs = _sammanfogat(_Composer), _sammanfogat(docxcompose.composer.Composer)
    assert ours == theirs
    # and a style only the appended document has is carried over
    assert b'w:styleId="Egenstil"' in ours[1]
    assert ours[0].count(b'w:val="Egenstil"') == 1
