"""Page-break rules the engine gives every template: what a nämndsekreterare would set by hand.

Word and LibreOffice break pages where the text runs out unless a paragraph or row says
otherwise. These rules say it for every layout, the designers' own included, each
switchable in ``installningar.yaml`` under ``typografi``:

- a heading, or a short paragraph in bold (a label such as "Kommentar"), keeps with the
  paragraph after it (``w:keepNext``);
- a table row does not break across pages (``w:cantSplit``), unless it holds more text
  than fits on a page, which would then be cut;
- a table of at most ``hall_ihop_tabeller`` rows stays on one page (every row keeps with
  the next);
- the signature block (the paragraphs of the ``ts.undertecknare`` loop) stays together.

Rules that the template alone decides are applied once, when a template is prepared; a
table whose rows come from a loop is measured after rendering.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs
from lxml import etree

from delarsrapport._render.wordxml import qn

__all__ = ["KORT_TABELL", "LANG_RAD", "Typografi", "efter_rendering", "i_mallen", "i_styckets_egenskaper"]


@attrs.frozen
class Typografi:
    """Page-break rules for every template of a layout (``typografi`` in installningar.yaml)."""

    hall_ihop_rubriker: bool = True
    """Headings and short bold labels stay with what follows them."""
    hela_rader: bool = True
    """Table rows do not break across pages (a row longer than a page still breaks)."""
    hall_ihop_tabeller: int = attrs.field(default=15, validator=attrs.validators.ge(0))
    """Tables of at most this many rows stay on one page; 0 turns it off."""
    hall_ihop_underskrift: bool = True
    """The signature block (namn and titel of each undertecknare) stays together."""


#: A row with more text than this may not fit on one page, so it is allowed to break (the
#: print gate allows it too).
LANG_RAD: Final = 1500
#: A table with more text than this may not fit on one page however few its rows, so it is
#: not held together.
KORT_TABELL: Final = 2500
#: A paragraph whose runs are all bold and whose text is at most this long is a label.
_ETIKETT: Final = 80

# The order the schema gives the children of w:pPr and w:trPr, for inserting in place.
_PPR: Final = tuple(
    qn(f"w:{t}")
    for t in (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
        "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
        "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    )
)  # fmt: skip
_TRPR: Final = tuple(
    qn(f"w:{t}")
    for t in (
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
        "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange",
    )
)  # fmt: skip
_UNDERTECKNARE: Final = re.compile(r"\{%-?\s*p\s+for\s+\w+\s+in\s+ts\.undertecknare\b")
_ENDFOR: Final = re.compile(r"\{%-?\s*p\s+endfor\b")


@functools.cache
def _rang(order: tuple[str, ...]) -> dict[str, int]:
    """Each tag of *order* with its place: looked up for every paragraph of every table."""
    return {tag: i for i, tag in enumerate(order)}


def _infoga(parent: etree._Element, barn: etree._Element, order: tuple[str, ...]) -> None:
    """Put *barn* into *parent* at its place in the schema order *order*."""
    rang = _rang(order)
    plats = rang[barn.tag]
    for i, child in enumerate(parent):
        if rang.get(child.tag, -1) > plats:
            parent.insert(i, barn)
            return
    parent.append(barn)


def i_styckets_egenskaper(ppr: etree._Element, barn: etree._Element) -> None:
    """Put *barn* into a paragraph's properties (``w:pPr``) at its place in the schema."""
    _infoga(ppr, barn, _PPR)


def _satt(parent: etree._Element, tag: str, order: tuple[str, ...]) -> bool:
    """Give *parent* the empty child *tag* in schema order; whether it was added."""
    if parent.find(tag) is not None:
        return False
    _infoga(parent, etree.Element(tag), order)
    return True


def _egenskaper(el: etree._Element, tag: str) -> etree._Element:
    props = el.find(tag)
    if props is None:
        props = etree.Element(tag)
        el.insert(0, props)
    return props


def _hall_med_nasta(p: etree._Element) -> bool:
    return _satt(_egenskaper(p, qn("w:pPr")), qn("w:keepNext"), _PPR)


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _ar_etikett(p: etree._Element) -> bool:
    text = _text(p).strip()
    if not text or len(text) > _ETIKETT or text.startswith("{%"):
        return False
    korningar = [r for r in p.iter(qn("w:r")) if (r.findtext(qn("w:t")) or "").strip()]
    return bool(korningar) and all(
        (rpr := r.find(qn("w:rPr"))) is not None
        and (b := rpr.find(qn("w:b"))) is not None
        and b.get(qn("w:val"), "true") not in ("0", "false")
        for r in korningar
    )


def i_mallen(root: etree._Element, regler: Typografi) -> bool:
    """Apply the rules a template alone decides to a part of it; whether any loop table
    needs :func:`efter_rendering` (its number of rows is known only after rendering)."""
    if regler.hall_ihop_rubriker:
        for p in root.iter(qn("w:p")):
            # In a table, keepNext would tie rows together; labels stand in the text.
            if _ar_etikett(p) and not any(a.tag == qn("w:tc") for a in p.iterancestors()):
                _hall_med_nasta(p)
    if regler.hela_rader:
        for tr in root.iter(qn("w:tr")):
            _satt(_egenskaper(tr, qn("w:trPr")), qn("w:cantSplit"), _TRPR)
    if regler.hall_ihop_underskrift:
        _underskrift(root)
    loopar = False
    for tbl in root.iter(qn("w:tbl")):
        rader = tbl.findall(qn("w:tr"))
        if any("{%" in _text(tr) for tr in rader):
            loopar = True
        elif _kort(rader, regler):
            _hall_ihop(rader)
    return loopar and (regler.hall_ihop_tabeller > 0 or regler.hela_rader)


def _kort(rader: list[etree._Element], regler: Typografi) -> bool:
    """A table to keep on one page: few rows, and little enough text to fit."""
    if not regler.hall_ihop_tabeller or len(rader) > regler.hall_ihop_tabeller:
        return False
    return sum(len(_text(tr)) for tr in rader) <= KORT_TABELL


def _hall_ihop(rader: list[etree._Element]) -> bool:
    andrat = False
    for tr in rader[:-1]:
        for p in tr.iter(qn("w:p")):
            andrat |= _hall_med_nasta(p)
    return andrat


def _underskrift(root: etree._Element) -> None:
    """keepNext on the paragraphs of the undertecknare loop, the last one excepted."""
    inne = False
    block: list[etree._Element] = []
    for p in root.iter(qn("w:p")):
        text = _text(p)
        if _UNDERTECKNARE.search(text):
            inne, block = True, []
        elif inne and _ENDFOR.search(text):
            for q in block[:-1]:
                _hall_med_nasta(q)
                _satt(_egenskaper(q, qn("w:pPr")), qn("w:keepLines"), _PPR)
            inne = False
        elif inne:
            block.append(p)


def efter_rendering(root: etree._Element, regler: Typografi) -> bool:
    """The rules for tables whose rows came from loops; whether anything changed."""
    andrat = False
    for tbl in root.iter(qn("w:tbl")):
        rader = tbl.findall(qn("w:tr"))
        if len(rader) > 1 and _kort(rader, regler):
            andrat |= _hall_ihop(rader)
        if regler.hela_rader:
            for tr in rader:
                trpr = tr.find(qn("w:trPr"))
                split = trpr.find(qn("w:cantSplit")) if trpr is not None else None
                if split is not None and trpr is not None and len(_text(tr)) > LANG_RAD:
                    trpr.remove(split)  # longer than a page: it must break, or it is cut
                    andrat = True
    return andrat
