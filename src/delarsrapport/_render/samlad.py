"""The combined handling: every ärende's tjänsteskrivelse and bilagor as one document.

A nämnd publishes its meeting papers as one file ("Handlingar till Socialnämndens
sammanträde den 23 februari 2023"): the cover with the agenda, when the layout has a
template for it (``handlingar.docx``), then for each ärende its tjänsteskrivelse, then its
bilagor in number order. Each document keeps its own headers, footers and page
numbering in a section of its own (:func:`~delarsrapport._render.join.join_sections`)
and starts with a bookmark; the result is validated like every rendered document.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Final

from lxml import etree

from delarsrapport._context.handlingar import handlingens_titel
from delarsrapport._errors import RenderError
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport._render.engine import Karnegenskaper
from delarsrapport._render.join import join_sections
from delarsrapport._render.layout import Layout
from delarsrapport._render.package import compress, validate_package, write_zip

__all__ = [
    "FORSATTSBLAD",
    "bokmarken",
    "handlingens_egenskaper",
    "handlingens_titel",
    "med_sidantal",
    "samla",
]


FORSATTSBLAD: Final = "Dagordning"
"""The bookmark of the cover (the layout's ``handlingar.docx``) in the combined handling."""


def bokmarken(rapport: Delarsrapport) -> list[str]:
    """The bookmark of each document, in the order render_bytes gives them."""
    namn: list[str] = []
    for nummer, arende in enumerate(rapport.arenden, start=1):
        namn.append(f"Arende{nummer}Tjansteskrivelse")
        namn.extend(f"Arende{nummer}Bilaga{b.nummer}" for b in sorted(arende.bilagor, key=lambda b: b.nummer))
    return namn


def handlingens_egenskaper(rapport: Delarsrapport) -> Karnegenskaper:
    """The core properties of the combined handling (and of its cover)."""
    return Karnegenskaper(
        titel=handlingens_titel(rapport)[:255],
        amne=f"{rapport.namnd.namn} – {rapport.tjansteskrivelse.rubrik}",
        forfattare=rapport.forvaltning.namn,
        datum=rapport.sammantrade.datum if rapport.sammantrade else rapport.tjansteskrivelse.datum,
        identifierare="; ".join(str(a.diarienummer) for a in rapport.arenden if a.diarienummer),
        nyckelord=f"{rapport.namnd.namn}; {rapport.kommun.namn}",
    )


def samla(
    rapport: Delarsrapport,
    layout: Layout,
    dokument: Sequence[tuple[str, bytes]],
    forsattsblad: bytes | None = None,
) -> tuple[str, bytes]:
    """The combined handling of *dokument* (file name, bytes, in render order): its file name and bytes.

    With *forsattsblad* (the rendered cover), the handling starts with it, in a section of
    its own with its own headers and footers, bookmarked :data:`FORSATTSBLAD`.
    """
    namn = bokmarken(rapport)
    if len(namn) != len(dokument):  # pragma: no cover - render_bytes gives one document per bookmark
        raise RenderError("den samlade handlingen fick inte ett dokument per tjänsteskrivelse och bilaga")
    filnamn = layout.installningar.filnamn.samlad
    if "/" in filnamn or "\\" in filnamn or not filnamn.endswith(".docx"):
        raise RenderError(
            f"filnamnet {filnamn!r} från layoutens inställningar ska sluta på .docx och sakna '/'"
        )
    delar = [(b, d) for b, (_f, d) in zip(namn, dokument, strict=True)]
    if forsattsblad is not None:
        delar.insert(0, (FORSATTSBLAD, forsattsblad))
    data = join_sections(delar, handlingens_egenskaper(rapport))
    validate_package(data)
    return filnamn, data


_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PAKET: Final = "http://schemas.openxmlformats.org/package/2006/relationships"


def med_sidantal(docx: bytes, antal: Sequence[int]) -> bytes:
    """The combined handling with each section's page count (*antal*, in section order) as
    the shown result of its SECTIONPAGES fields.

    Word counts a section's pages itself; LibreOffice shows a SECTIONPAGES field's stored
    result, so the PDF export gets the counts a first conversion found.
    """
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        delar = {n: zf.read(n) for n in zf.namelist()}
    dokument = etree.fromstring(delar["word/document.xml"])
    rels = {r.get("Id"): r.get("Target", "") for r in etree.fromstring(delar["word/_rels/document.xml.rels"])}
    avsnitt = list(dokument.iter(f"{{{_W}}}sectPr"))
    if len(avsnitt) != len(antal):
        raise RenderError(f"handlingen har {len(avsnitt)} avsnitt men {len(antal)} sidantal")
    for sect, n in zip(avsnitt, antal, strict=True):
        for ref in sect:
            if etree.QName(ref).localname not in ("headerReference", "footerReference"):
                continue
            namn = "word/" + rels[ref.get(f"{{{_REL}}}id")].lstrip("/").removeprefix("word/")
            del_ = etree.fromstring(delar[namn])
            for fld in del_.iter(f"{{{_W}}}fldSimple"):
                if "SECTIONPAGES" in fld.get(f"{{{_W}}}instr", "").upper():
                    _resultat(list(fld.iter(f"{{{_W}}}t")), n)
            for p in del_.iter(f"{{{_W}}}p"):
                _komplexa_falt(p, n)
            delar[namn] = etree.tostring(del_, xml_declaration=True, encoding="UTF-8", standalone=True)
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in delar]
    ordning = (*first, *sorted(n for n in delar if n not in first))
    return write_zip(compress(n, delar[n]) for n in ordning)


def _resultat(texter: list[etree._Element], n: int) -> None:
    for i, t in enumerate(texter):
        t.text = str(n) if i == 0 else ""


def _komplexa_falt(p: etree._Element, n: int) -> None:
    """The shown result of every complex SECTIONPAGES field (fldChar begin … separate … end) in *p*."""
    tillstand, instr = "", ""
    resultat: list[etree._Element] = []
    for el in p.iter(f"{{{_W}}}fldChar", f"{{{_W}}}instrText", f"{{{_W}}}t"):
        namn = etree.QName(el).localname
        if namn == "fldChar":
            typ = el.get(f"{{{_W}}}fldCharType")
            if typ == "begin":
                tillstand, instr, resultat = "instr", "", []
            elif typ == "separate" and tillstand == "instr":
                tillstand = "resultat"
            elif typ == "end":
                if "SECTIONPAGES" in instr.upper():
                    _resultat(resultat, n)
                tillstand = ""
        elif namn == "instrText" and tillstand == "instr":
            instr += el.text or ""
        elif namn == "t" and tillstand == "resultat":
            resultat.append(el)
