"""The table of contents: a Word TOC field whose entries a rendered document carries.

A template asks for a table of contents with Word's own field (Referenser >
Innehållsförteckning, or a paragraph holding ``{ TOC \\o "1-2" \\h \\z \\u }``). Word fills
such a field when it is updated, LibreOffice only when a user asks; a freshly rendered
document would show an empty one. So :func:`fyll_innehall` writes the entries itself,
once the whole document is known (the parts of a compound bilaga joined): one paragraph
per heading of the field's levels (``TOC 1``, ``TOC 2`` … styles), with the heading's
number as Word's list numbering gives it, its text, and its page number as a ``PAGEREF``
field to a bookmark placed on the heading. The field stays a real TOC field, and the
settings ask Word to update fields when the document opens. The field is not marked
dirty: LibreOffice then rebuilds the index itself, at times, and loses the entries' text.

Page numbers exist only on pages. :func:`med_sidnummer` writes them in from a PDF that
LibreOffice made of the document (:func:`sidor_i_pdf` reads each bookmark's page from
the PDF's named destinations), so a PDF made a second time shows them; until then, and
in a .docx nobody has opened, the numbers are empty.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from typing import Final

from lxml import etree

from delarsrapport._render.package import compress, write_zip
from delarsrapport._render.wordxml import qn, visible_text

__all__ = ["fyll_innehall", "har_innehall", "med_sidnummer", "sidor_i_pdf", "stilarnas_numrering"]

_PARSER: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
_DOKUMENT: Final = "word/document.xml"
_TOC: Final = re.compile(r"^\s*TOC\b", re.IGNORECASE)
_NIVAER: Final = re.compile(r"\\o\s+\"(\d)-(\d)\"")
_PAGEREF: Final = re.compile(r"^\s*PAGEREF\s+(\S+)", re.IGNORECASE)
#: How LibreOffice names a bookmark "_Toc…" among a PDF's named destinations.
_PDFNAMN: Final = re.compile(r"^/?(?:_|5F)(Toc\d+)$")


def _delar(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _packa(delar: Mapping[str, bytes]) -> bytes:
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in delar]
    ordning = (*first, *sorted(n for n in delar if n not in first))
    return write_zip(compress(n, delar[n]) for n in ordning)


def _xml(el: etree._Element) -> bytes:
    return etree.tostring(el, xml_declaration=True, encoding="UTF-8", standalone=True)


def _faltinstruktion(p: etree._Element) -> str:
    """The instruction of the first complex field that begins in paragraph *p*."""
    instr: list[str] = []
    inne = False
    for el in p.iter(qn("w:fldChar"), qn("w:instrText")):
        if el.tag == qn("w:fldChar"):
            typ = el.get(qn("w:fldCharType"))
            if typ == "begin" and not inne:
                inne = True
            elif typ in ("separate", "end") and inne:
                break
        elif inne:
            instr.append(el.text or "")
    return "".join(instr)


def _innehallsstycken(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Each paragraph a TOC field begins in, with the field's instruction."""
    for p in root.iter(qn("w:p")):
        instr = _faltinstruktion(p)
        if _TOC.match(instr):
            yield p, instr


def _faltets_stycken(p: etree._Element) -> list[etree._Element]:
    """Paragraph *p*, where a field begins, and the paragraphs after it up to the one its
    end is in (a field Word or LibreOffice has filled spans them)."""
    stycken: list[etree._Element] = []
    djup = 0
    el: etree._Element | None = p
    while el is not None and el.tag == qn("w:p"):
        stycken.append(el)
        for f in el.iter(qn("w:fldChar")):
            typ = f.get(qn("w:fldCharType"))
            djup += 1 if typ == "begin" else -1 if typ == "end" else 0
            if djup == 0:
                return stycken
        el = el.getnext()
    return [p]


def har_innehall(docx: bytes) -> bool:
    """Whether the document's body has a table of contents (a TOC field)."""
    xml = _delar(docx)[_DOKUMENT]
    if b"TOC" not in xml:
        return False
    return any(True for _ in _innehallsstycken(etree.fromstring(xml, parser=_PARSER)))


class _Stilar:
    """What the styles part says about headings: each style's outline level and numbering."""

    def __init__(self, styles: etree._Element | None) -> None:
        self.niva: dict[str, int] = {}
        self.numrering: dict[str, tuple[str, int]] = {}
        self.namn: dict[str, str] = {}
        if styles is None:
            return
        bas: dict[str, str] = {}
        egen_niva: dict[str, int] = {}
        egen_num: dict[str, tuple[str, int]] = {}
        for style in styles.iter(qn("w:style")):
            sid = style.get(qn("w:styleId"))
            if sid is None:
                continue
            namn = style.find(qn("w:name"))
            self.namn[(namn.get(qn("w:val"), "") if namn is not None else sid).lower()] = sid
            b = style.find(qn("w:basedOn"))
            if b is not None:
                bas[sid] = b.get(qn("w:val"), "")
            ppr = style.find(qn("w:pPr"))
            if ppr is None:
                continue
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is not None:
                egen_niva[sid] = int(lvl.get(qn("w:val"), "9"))
            num = ppr.find(qn("w:numPr"))
            if num is not None:
                num_id = num.find(qn("w:numId"))
                ilvl = num.find(qn("w:ilvl"))
                egen_num[sid] = (
                    num_id.get(qn("w:val"), "0") if num_id is not None else "0",
                    int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0,
                )
        for sid in {*bas, *egen_niva, *egen_num}:
            kedja, s = [], sid
            while s and s not in kedja:
                kedja.append(s)
                s = bas.get(s, "")
            niva = next((egen_niva[s] for s in kedja if s in egen_niva), 9)
            if niva < 9:
                self.niva[sid] = niva
            numpr = next((egen_num[s] for s in kedja if s in egen_num), None)
            if numpr is not None and numpr[0] != "0":
                self.numrering[sid] = numpr

    def innehallsstil(self, niva: int) -> str:
        """The style id of a level's entries: Word's "toc 1" (LibreOffice saves it as
        "Contents 1"), or TOC1 when the template has neither."""
        for namn in (f"toc {niva}", f"contents {niva}"):
            if namn in self.namn:
                return self.namn[namn]
        return f"TOC{niva}"


def stilarnas_numrering(styles: etree._Element | None) -> dict[str, tuple[str, int]]:
    """Each style's list numbering (numId, level), its own or from the style it is based on."""
    return _Stilar(styles).numrering


class _Numrering:
    """Word's list numbering for the heading lists: each list's level texts and start values."""

    def __init__(self, numbering: etree._Element | None) -> None:
        self.nivaer: dict[str, dict[int, tuple[str, int]]] = {}
        self.abstrakt: dict[str, str] = {}
        if numbering is None:
            return
        abstrakta: dict[str, dict[int, tuple[str, int]]] = {}
        for a in numbering.iter(qn("w:abstractNum")):
            nivaer: dict[int, tuple[str, int]] = {}
            for lvl in a.iter(qn("w:lvl")):
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                nivaer[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    text.get(qn("w:val"), "") if text is not None else "",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstrakta[a.get(qn("w:abstractNumId"), "")] = nivaer
        for num in numbering.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                aid = ref.get(qn("w:val"), "")
                self.abstrakt[num.get(qn("w:numId"), "")] = aid
                self.nivaer[num.get(qn("w:numId"), "")] = abstrakta.get(aid, {})


def _stil(p: etree._Element) -> str:
    s = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return s.get(qn("w:val"), "") if s is not None else ""


def _rubriker(
    root: etree._Element, stilar: _Stilar, numrering: _Numrering, nivaer: range
) -> list[tuple[etree._Element, int, str, str]]:
    """The headings of levels *nivaer* (1-based): paragraph, level, number, text."""
    raknare: dict[str, list[int]] = {}
    ut: list[tuple[etree._Element, int, str, str]] = []
    body = root.find(qn("w:body"))
    if body is None:
        return ut
    for p in body.iter(qn("w:p")):
        stil = _stil(p)
        ppr = p.find(qn("w:pPr"))
        egen = ppr.find(qn("w:numPr")) if ppr is not None else None
        num: tuple[str, int] | None = stilar.numrering.get(stil)
        if egen is not None:
            nid, ilvl = egen.find(qn("w:numId")), egen.find(qn("w:ilvl"))
            num = (
                nid.get(qn("w:val"), "0") if nid is not None else (num[0] if num else "0"),
                int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else (num[1] if num else 0),
            )
        nummer = ""
        if num is not None and num[0] != "0" and num[0] in numrering.nivaer:
            nivaer_ = numrering.nivaer[num[0]]
            rakna = raknare.setdefault(numrering.abstrakt[num[0]], [0] * 9)
            i = min(num[1], 8)
            rakna[i] += 1
            rakna[i + 1 :] = [0] * (8 - i)
            nummer = _nummertext(nivaer_.get(i, ("", 1))[0], rakna, nivaer_)
        niva = stilar.niva.get(stil)
        if niva is None or (niva + 1) not in nivaer:
            continue
        text = " ".join(visible_text(p).split())
        if text:
            ut.append((p, niva + 1, nummer, text))
    return ut


def _nummertext(monster: str, rakna: list[int], nivaer: Mapping[int, tuple[str, int]]) -> str:
    """A level's number text ("%1.%2" → "2.4") from the list's counters and start values."""

    def siffra(m: re.Match[str]) -> str:
        k = int(m.group(1)) - 1
        return str(max(rakna[k], 1) + nivaer.get(k, ("", 1))[1] - 1)

    return re.sub(r"%(\d)", siffra, monster)


def _r(*barn: etree._Element) -> etree._Element:
    r = etree.Element(qn("w:r"))
    r.extend(barn)
    return r


def _falttecken(typ: str) -> etree._Element:
    el = etree.Element(qn("w:fldChar"))
    el.set(qn("w:fldCharType"), typ)
    return _r(el)


def _instr(text: str) -> etree._Element:
    el = etree.Element(qn("w:instrText"))
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    el.text = f" {text} "
    return _r(el)


def _t(text: str) -> etree._Element:
    el = etree.Element(qn("w:t"))
    el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    el.text = text
    return _r(el)


def _tab() -> etree._Element:
    return _r(etree.Element(qn("w:tab")))


def _textbredd(root: etree._Element) -> int:
    """The body's text width in twentieths of a point (A4 with 2.2 cm margins if unknown)."""
    sect = root.find(f"{qn('w:body')}/{qn('w:sectPr')}")
    if sect is None:
        return 9412
    storlek, marg = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    bredd = int(storlek.get(qn("w:w"), "11906")) if storlek is not None else 11906
    if marg is None:
        return bredd - 2 * 1247
    return bredd - int(marg.get(qn("w:left"), "1247")) - int(marg.get(qn("w:right"), "1247"))


def _bokmarke(p: etree._Element, namn: str, nummer: int) -> None:
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), str(nummer))
    start.set(qn("w:name"), namn)
    slut = etree.Element(qn("w:bookmarkEnd"))
    slut.set(qn("w:id"), str(nummer))
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else list(p).index(ppr) + 1, start)
    p.append(slut)


def _post(stil: str, nummer: str, text: str, bokmarke: str, sida: str, bredd: int) -> etree._Element:
    p = etree.Element(qn("w:p"))
    ppr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), stil)
    tabs = etree.SubElement(ppr, qn("w:tabs"))
    tab = etree.SubElement(tabs, qn("w:tab"))
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:leader"), "dot")
    tab.set(qn("w:pos"), str(bredd))
    lank = etree.SubElement(p, qn("w:hyperlink"))
    lank.set(qn("w:anchor"), bokmarke)
    lank.set(qn("w:history"), "1")
    if nummer:
        lank.extend([_t(nummer), _tab()])
    lank.extend(
        [
            _t(text),
            _tab(),
            _falttecken("begin"),
            _instr(f"PAGEREF {bokmarke} \\h"),
            _falttecken("separate"),
            _t(sida),
            _falttecken("end"),
        ]
    )
    return p


def fyll_innehall(docx: bytes) -> bytes:
    """*docx* with the entries of its table of contents written into the TOC field, each
    heading bookmarked, and Word asked to update the fields on opening; unchanged when it
    has no TOC field. The page numbers are empty (see :func:`med_sidnummer`)."""
    delar = _delar(docx)
    if b"TOC" not in delar[_DOKUMENT]:
        return docx
    root = etree.fromstring(delar[_DOKUMENT], parser=_PARSER)
    falt = list(_innehallsstycken(root))
    if not falt:
        return docx
    styles = (
        etree.fromstring(delar["word/styles.xml"], parser=_PARSER) if "word/styles.xml" in delar else None
    )
    numbering = (
        etree.fromstring(delar["word/numbering.xml"], parser=_PARSER)
        if "word/numbering.xml" in delar
        else None
    )
    stilar, numrering = _Stilar(styles), _Numrering(numbering)
    bredd = _textbredd(root)
    ids = [
        int(b.get(qn("w:id"), "0"))
        for b in root.iter(qn("w:bookmarkStart"))
        if b.get(qn("w:id"), "").isdigit()
    ]
    nasta_id = max(ids, default=0) + 1
    for p, instr in falt:
        m = _NIVAER.search(instr)
        nivaer = range(int(m.group(1)), int(m.group(2)) + 1) if m else range(1, 4)
        rubriker = [r for r in _rubriker(root, stilar, numrering, nivaer) if r[0] is not p]
        salt = hashlib.sha256("\n".join(f"{n} {t}" for _p, _n, n, t in rubriker).encode()).hexdigest()
        poster: list[etree._Element] = []
        for i, (rubrik, niva, nummer, text) in enumerate(rubriker):
            namn = f"_Toc{int(salt[:6], 16) % 10**6:06d}{i:04d}"
            _bokmarke(rubrik, namn, nasta_id)
            nasta_id += 1
            poster.append(_post(stilar.innehallsstil(niva), nummer, text, namn, "", bredd))
        if not poster:
            poster.append(etree.Element(qn("w:p")))
        forsta, sista = poster[0], poster[-1]
        ppr = forsta.find(qn("w:pPr"))
        plats = 0 if ppr is None else 1
        for j, el in enumerate([_falttecken("begin"), _instr(instr.strip()), _falttecken("separate")]):
            forsta.insert(plats + j, el)
        sista.append(_falttecken("end"))
        # The field's paragraphs (the template's, with any text it shows) give their place
        # to the entries.
        forelder = p.getparent()
        assert forelder is not None
        index = list(forelder).index(p)
        for gammal in _faltets_stycken(p):
            forelder.remove(gammal)
        for k, post in enumerate(poster):
            forelder.insert(index + k, post)
    delar[_DOKUMENT] = _xml(root)
    if "word/settings.xml" in delar:
        settings = etree.fromstring(delar["word/settings.xml"], parser=_PARSER)
        if settings.find(qn("w:updateFields")) is None:
            uppdatera = etree.Element(qn("w:updateFields"))
            uppdatera.set(qn("w:val"), "true")
            _i_ordning(settings, uppdatera)
        delar["word/settings.xml"] = _xml(settings)
    return _packa(delar)


# The children of w:settings before w:updateFields, in the schema's order.
_FORE_UPPDATERA: Final = frozenset(
    qn(f"w:{t}")
    for t in (
        "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
        "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
        "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
        "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
        "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
        "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
        "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
        "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
        "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
        "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope",
        "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
        "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
        "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
        "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
        "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
        "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
        "alwaysMergeEmptyNamespace",
    )
)  # fmt: skip


def _i_ordning(settings: etree._Element, el: etree._Element) -> None:
    for i, barn in enumerate(settings):
        if barn.tag not in _FORE_UPPDATERA:
            settings.insert(i, el)
            return
    settings.append(el)


def sidor_i_pdf(pdf: bytes) -> dict[str, int]:
    """Each heading bookmark of a table of contents (``_Toc…``) and the page (1-based) it
    is on, from the named destinations LibreOffice exports; counted from the start of the
    document the bookmark is in when the PDF is a combined handling."""
    import pikepdf  # only a PDF pass needs it

    with pikepdf.open(io.BytesIO(pdf)) as dok:
        sidor = {dok.pages[i].obj.objgen: i for i in range(len(dok.pages))}
        mal = dok.Root.get("/Dests")
        ut: dict[str, int] = {}
        starter: list[int] = []
        for k, v in mal.items() if mal is not None else []:
            if not isinstance(v, pikepdf.Array) or v[0].objgen not in sidor:
                continue
            namn = str(k).lstrip("/")
            if re.fullmatch(r"Arende\d+(?:Tjansteskrivelse|Bilaga\d+)", namn):
                starter.append(sidor[v[0].objgen])
            elif m := _PDFNAMN.match(namn):
                ut["_" + m.group(1)] = sidor[v[0].objgen]
    starter.sort()
    for namn, sida in ut.items():
        start = max((s for s in starter if s <= sida), default=0)
        ut[namn] = sida - start + 1
    return ut


def med_sidnummer(docx: bytes, sidor: Mapping[str, int]) -> bytes:
    """*docx* with the shown result of each ``PAGEREF`` to a bookmark of *sidor* set to its
    page; unchanged when there is none."""
    delar = _delar(docx)
    root = etree.fromstring(delar[_DOKUMENT], parser=_PARSER)
    andrat = False
    for p in root.iter(qn("w:p")):
        tillstand, instr = "", ""
        resultat: list[etree._Element] = []
        for el in p.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
            if el.tag == qn("w:fldChar"):
                typ = el.get(qn("w:fldCharType"))
                if typ == "begin":
                    tillstand, instr, resultat = "instr", "", []
                elif typ == "separate" and tillstand == "instr":
                    tillstand = "resultat"
                elif typ == "end" and tillstand:
                    m = _PAGEREF.match(instr)
                    if m and m.group(1) in sidor and resultat:
                        for i, t in enumerate(resultat):
                            t.text = str(sidor[m.group(1)]) if i == 0 else ""
                        andrat = True
                    tillstand = ""
            elif el.tag == qn("w:instrText") and tillstand == "instr":
                instr += el.text or ""
            elif el.tag == qn("w:t") and tillstand == "resultat":
                resultat.append(el)
    if not andrat:
        return docx
    delar[_DOKUMENT] = _xml(root)
    return _packa(delar)
