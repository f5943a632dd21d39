"""The .docx engine: prepared templates, safe rendering, deterministic and validated output.

docxtpl does the Jinja-in-Word work; around it this module

- prepares each template once per process (docxtpl's XML patching and the Jinja
  compilation are cached) and gives every render a fresh document (no state leaks);
- renders in a sandboxed, autoescaping, strict environment and turns template errors
  into messages that name the template file, the part, the paragraph or table cell
  and its visible text;
- writes deterministic files (fixed zip timestamps and member order, core properties
  from the report, never the clock) that are validated (zip test, strict parse of every
  XML part, expected structure) before they are written atomically.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import tempfile
import traceback
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Final, cast

import attrs
import docx.oxml.ns
import docxcompose.composer
import docxcompose.utils
import jinja2
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from delarsrapport._errors import RenderError, TemplateError
from delarsrapport._render.filters import Talstil, make_filters
from delarsrapport._render.layout import Stilar
from delarsrapport._render.wordxml import W, qn, style_ids

__all__ = [
    "Karnegenskaper",
    "PreparedTemplate",
    "join",
    "prepare",
    "validera",
    "write_atomically",
]

_FOOTNOTES: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_HEADER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_ZIPTID: Final = (1980, 1, 1, 0, 0, 0)

# docxcompose, when imported, rebinds python-docx's global "cp" prefix to the *custom*
# properties namespace, so that python-docx then writes title, creator and dates of the
# core properties into the wrong namespace (Word ignores them, the title is lost). The
# prefix is python-docx's again everywhere except inside join(), where docxcompose needs it.
_CP_KARNA: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_CP_COMPOSE: Final = docxcompose.utils.NS["cp"]
docx.oxml.ns.nsmap["cp"] = _CP_KARNA


@contextmanager
def _docxcompose_namespaces() -> Iterator[None]:
    docx.oxml.ns.nsmap["cp"] = _CP_COMPOSE
    try:
        yield
    finally:
        docx.oxml.ns.nsmap["cp"] = _CP_KARNA


# -- free text as paragraphs -----------------------------------------------------------------


class _Xml(str):
    """Paragraph XML that delarsrapport built from validated text (never from data as such)."""

    def __html__(self) -> str:
        return str(self)


def _run(parent: etree._Element, text: str) -> None:
    run = etree.SubElement(parent, qn("w:r"))
    for i, rad in enumerate(text.split("\n")):
        if i:
            etree.SubElement(run, qn("w:br"))
        for j, bit in enumerate(rad.split("\t")):
            if j:
                etree.SubElement(run, qn("w:tab"))
            if bit:
                t = etree.SubElement(run, qn("w:t"))
                t.text = bit
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _paragraph(style_id: str, text: str) -> str:
    p = etree.Element(qn("w:p"), nsmap={"w": W})
    ppr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style_id)
    _run(p, text)
    xml = etree.tostring(p, encoding="unicode")
    # The paragraph is inserted into a document that declares the namespace already.
    return xml.replace(f' xmlns:w="{W}"', "")


@dataclass(frozen=True)
class _Stilar:
    """Style ids (as the template's styles.xml names them) for what ``stycken`` writes."""

    stycke: str
    rubriker: tuple[str, ...]
    punktlista: str
    tabell: str


def _table(stilar: _Stilar, rader: tuple[tuple[str, ...], ...]) -> str:
    """A small table: the first row is a repeating header, the last a bold total; figures
    (every column after the first) right-aligned."""
    tbl = etree.Element(qn("w:tbl"), nsmap={"w": W})
    tblpr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblStyle")).set(qn("w:val"), stilar.tabell)
    width = etree.SubElement(tblpr, qn("w:tblW"))
    width.set(qn("w:w"), "0")
    width.set(qn("w:type"), "auto")
    look = etree.SubElement(tblpr, qn("w:tblLook"))
    look.set(qn("w:val"), "04A0")
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:lastRow"), "1")
    kolumner = max(len(r) for r in rader)
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    for _ in range(kolumner):
        etree.SubElement(grid, qn("w:gridCol"))
    for i, rad in enumerate(rader):
        tr = etree.SubElement(tbl, qn("w:tr"))
        if i == 0:
            etree.SubElement(etree.SubElement(tr, qn("w:trPr")), qn("w:tblHeader"))
        for j, text in enumerate(rad):
            tc = etree.SubElement(tr, qn("w:tc"))
            p = etree.SubElement(tc, qn("w:p"))
            ppr = etree.SubElement(p, qn("w:pPr"))
            etree.SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), stilar.stycke)
            if j:
                etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "right")
            _run(p, text)
            if i in (0, len(rader) - 1):
                run = p.find(qn("w:r"))
                assert run is not None
                run.insert(0, etree.Element(qn("w:rPr")))
                etree.SubElement(run[0], qn("w:b"))
    xml = etree.tostring(tbl, encoding="unicode").replace(f' xmlns:w="{W}"', "")
    # An empty paragraph after the table keeps it apart from the text that follows.
    return xml + _paragraph(stilar.stycke, "")


def _stycken_filter(stilar: _Stilar) -> Callable[..., _Xml]:
    def stycken(text: Iterable[Any], rubrikniva: int = 3) -> _Xml:
        """Free text as Word paragraphs: {{p ts.arendet|stycken(3) }}.

        *rubrikniva* is the heading level of the text's own sub-headings: one below the
        heading the text stands under, so that headings stay in order.
        """
        parts: list[str] = []
        for block in text:
            if block.typ == "stycke":
                parts.append(_paragraph(stilar.stycke, block.text))
            elif block.typ == "rubrik":
                index = min(max(rubrikniva - 1 + block.niva - 1, 0), len(stilar.rubriker) - 1)
                parts.append(_paragraph(stilar.rubriker[index], block.text))
            elif block.typ == "tabell":
                parts.append(_table(stilar, block.tabell))
            else:
                parts.extend(_paragraph(stilar.punktlista, punkt) for punkt in block.punkter)
        return _Xml("".join(parts))

    return stycken


def make_environment(talstil: Talstil, stilar: _Stilar | None) -> ImmutableSandboxedEnvironment:
    """The one environment templates render in: sandboxed, autoescaping, strict."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(make_filters(talstil))
    if stilar is not None:
        env.filters["stycken"] = _stycken_filter(stilar)
    else:
        env.filters["stycken"] = lambda text, rubrikniva=3: _Xml("")
    return env


# -- preparing and rendering ------------------------------------------------------------------


def _prepared_source(xml: str) -> str:
    # As docxtpl's render_xml_part: one paragraph per line, so an error's line names it.
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _part_label(key: str) -> str:
    if key == "body":
        return "dokumentets brödtext"
    m = re.search(r"(header|footer)(\d*)\.xml$", key)
    if m:
        return ("sidhuvud " if m.group(1) == "header" else "sidfot ") + (m.group(2) or "1")
    if key.endswith("footnotes.xml"):
        return "fotnoterna"
    return key


@dataclass(frozen=True)
class Plats:
    """Where in a template part something is: paragraph, or table cell, and its text."""

    del_: str
    stycke: int
    tabell: int | None
    rad: int | None
    kolumn: int | None
    text: str

    def __str__(self) -> str:
        if self.tabell is not None:
            return (
                f"{self.del_}, tabell {self.tabell}, rad {self.rad}, kolumn {self.kolumn}"
                f" (stycke {self.stycke})"
            )
        return f"{self.del_}, stycke {self.stycke}"


def plats(source: str, lineno: int, key: str) -> Plats:
    """The paragraph (and table cell) that starts on *lineno* of a prepared part."""
    lines = source.split("\n")
    lineno = max(1, min(lineno, len(lines)))
    before = "\n".join(lines[: lineno - 1])
    stycke = before.count("<w:p>") + before.count("<w:p ") + 1
    tabell = rad = kolumn = None
    depth = before.count("<w:tbl>") + before.count("<w:tbl ") - before.count("</w:tbl>")
    if depth > 0:
        start = max(before.rfind("<w:tbl>"), before.rfind("<w:tbl "))
        tabell = before.count("<w:tbl>") + before.count("<w:tbl ")
        inside = before[start:]
        rad = inside.count("<w:tr>") + inside.count("<w:tr ")
        row_start = max(inside.rfind("<w:tr>"), inside.rfind("<w:tr "))
        kolumn = inside[row_start:].count("<w:tc>") + inside[row_start:].count("<w:tc ")
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    return Plats(_part_label(key), stycke, tabell, rad, kolumn, " ".join(text.split())[:160])


def _hint(exc: BaseException, names: Iterable[str]) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        wanted = m.group(2) or m.group(1) if m else ""
        forslag = difflib.get_close_matches(wanted, list(names), n=1)
        menade = f" Menade du {forslag[0]!r}?" if forslag else ""
        return (
            "variabeln eller fältet finns inte i mallkontraktet." + menade + " Se docs/mallguide.md "
            "för allt en mall kan använda, eller kör 'delarsrapport layout check' på layouten."
        )
    if isinstance(exc, SecurityError):
        return "mallen försöker göra något som sandlådan inte tillåter; använd bara variabler och filter."
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return (
            "kontrollera att taggarna är hela ({{ … }}, {% … %}) och att varje {% if %} "
            "och {% for %} avslutas."
        )
    return "kontrollera taggen på det stället i mallen."


def _felmeddelande(exc: BaseException) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        text = str(exc)
        m = re.fullmatch(r"'([^']+)' is undefined", text)
        if m:
            return f"variabeln {m.group(1)!r} finns inte"
        m = re.fullmatch(r"'(.+)' has no attribute '([^']+)'", text)
        if m:
            return f"fältet {m.group(2)!r} finns inte (i {m.group(1)[:60]})"
        return text
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"syntaxfel i malltaggen: {exc.message}"
    if isinstance(exc, SecurityError):
        return f"otillåten operation: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _lineno(exc: BaseException) -> int | None:
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.lineno:
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == "<template>" and frame.lineno:
            return frame.lineno
    return None


class PreparedTemplate:
    """A template read and compiled once: its bytes and a compiled Jinja template per part."""

    def __init__(self, path: Path, talstil: Talstil, stilar: Stilar) -> None:
        self.path = path
        self.data = path.read_bytes()
        doc = DocxTemplate(io.BytesIO(self.data))
        doc.init_docx()
        ids = style_ids(doc.docx.styles.element.xml.encode("utf-8"))
        self.stilar = self._stilar(ids, stilar)
        self.env = make_environment(talstil, self.stilar)
        self.sources: dict[str, str] = {}
        self.templates: dict[str, jinja2.Template] = {}
        self._add("body", doc.patch_xml(doc.get_xml()))
        for uri in (_HEADER, _FOOTER):
            for _rel, part in doc.get_headers_footers(uri):
                self._add(str(part.partname), doc.patch_xml(doc.get_part_xml(part)))
        for part in doc.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                self._add(str(part.partname), doc.patch_xml(blob))

    def _stilar(self, ids: dict[str, str], stilar: Stilar) -> _Stilar:
        def find(name: str) -> str:
            found = ids.get(name.lower())
            if found is None:
                forslag = difflib.get_close_matches(name.lower(), list(ids), n=1)
                menade = f" (menade du {forslag[0]!r}?)" if forslag else ""
                raise TemplateError(
                    f"stilen {name!r} som inställningarna anger finns inte i mallen{menade}",
                    template=self.path.name,
                    hint="skapa stilen i Word eller ändra stilar i installningar.yaml",
                )
            return found

        return _Stilar(
            find(stilar.stycke),
            tuple(find(r) for r in stilar.rubriker),
            find(stilar.punktlista),
            find(stilar.tabell),
        )

    def _add(self, key: str, patched: str) -> None:
        source = _prepared_source(patched)
        self.sources[key] = source
        try:
            self.templates[key] = self.env.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            raise self.error(exc, key) from None

    def error(self, exc: BaseException, key: str, names: Iterable[str] = ()) -> TemplateError:
        """A TemplateError naming this template, the part and the paragraph of *exc*."""
        lineno = _lineno(exc)
        where = plats(self.sources[key], lineno, key) if lineno else None
        return TemplateError(
            _felmeddelande(exc),
            template=str(self.path),
            part=where.del_ if where else _part_label(key),
            location=str(where).split(", ", 1)[1] if where and ", " in str(where) else None,
            text=where.text if where else None,
            hint=_hint(exc, names),
        )

    def render(self, context: dict[str, object]) -> Any:
        """Render into a fresh python-docx Document."""
        engine = _Engine(io.BytesIO(self.data), self, context)
        engine.render(context)
        return engine.docx


class _Engine(DocxTemplate):  # type: ignore[misc]
    """docxtpl with the prepared templates in place of its per-render parsing and compiling."""

    def __init__(self, data: io.BytesIO, prepared: PreparedTemplate, context: dict[str, object]) -> None:
        super().__init__(data)
        self._prepared = prepared
        self._names = _names(context)

    def _render_part(self, key: str, context: dict[str, Any]) -> str:
        try:
            dst = self._prepared.templates[key].render(context)
        except (jinja2.TemplateError, SecurityError, TypeError, ValueError) as exc:
            raise self._prepared.error(exc, key, self._names) from None
        dst = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst)
        dst = dst.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        # docxtpl's listing pass turns a line break or tab in a value into w:br / w:tab, so
        # data keeps its line breaks and tabs exactly.
        return str(self.resolve_listing(dst))

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        return self._render_part("body", context)

    def build_headers_footers_xml(self, context: dict[str, Any], uri: str, jinja_env: Any = None) -> Any:
        for rel_key, part in self.get_headers_footers(uri):
            yield rel_key, self._render_part(str(part.partname), context).encode("utf-8")

    def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        for part in self.docx.part.package.parts:
            if part.content_type == _FOOTNOTES and str(part.partname) in self._prepared.templates:
                part._blob = self._render_part(str(part.partname), context).encode("utf-8")

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        # Core properties come from the report (Karnegenskaper), never from template text.
        return


def _names(context: dict[str, object]) -> list[str]:
    names = list(context)
    for value in context.values():
        if attrs.has(type(value)):
            names.extend(a.name for a in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))))
    return names


# -- finishing: properties, language, joining, bytes -----------------------------------------


@dataclass(frozen=True)
class Karnegenskaper:
    """The document properties, from the report."""

    titel: str
    amne: str
    forfattare: str
    datum: date
    identifierare: str
    nyckelord: str = ""


def _set_language(doc: Any) -> None:
    """Swedish (sv-SE) as the document's default language, for screen readers and spelling."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.SubElement(styles, qn("w:docDefaults"))
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), "sv-SE")
    lang.set(qn("w:eastAsia"), "sv-SE")
    lang.set(qn("w:bidi"), "ar-SA")


# The order the schema gives the children of cell and table properties. Word refuses a
# part whose children are out of order; docxtpl's {% cellbg %} puts w:shd first in w:tcPr.
_TCPR: Final = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge",
    "tcPrChange",
)  # fmt: skip
_TBLPR: Final = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
    "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription", "tblPrChange",
)  # fmt: skip
_ORDNING: Final = {
    qn("w:tcPr"): tuple(qn(f"w:{t}") for t in _TCPR),
    qn("w:tblPr"): tuple(qn(f"w:{t}") for t in _TBLPR),
}


def _schemaordning(root: etree._Element) -> None:
    """Put the children of every w:tcPr and w:tblPr under *root* in the schema's order."""
    for tag, ordning in _ORDNING.items():
        rank = {t: i for i, t in enumerate(ordning)}
        for el in root.iter(tag):
            children = list(el)
            ordered = sorted(children, key=lambda c: rank.get(c.tag, len(rank)))
            if ordered != children:
                for child in children:
                    el.remove(child)
                el.extend(ordered)


def finish(doc: Any, egenskaper: Karnegenskaper) -> bytes:
    """Set properties and language, serialise deterministically and validate."""
    tid = datetime(egenskaper.datum.year, egenskaper.datum.month, egenskaper.datum.day, tzinfo=UTC)
    cp = doc.core_properties
    cp.title = egenskaper.titel
    cp.subject = egenskaper.amne
    cp.author = egenskaper.forfattare
    cp.last_modified_by = egenskaper.forfattare
    cp.created = tid
    cp.modified = tid
    cp.last_printed = tid
    cp.language = "sv-SE"
    cp.identifier = egenskaper.identifierare
    cp.keywords = egenskaper.nyckelord
    cp.comments = ""
    cp.category = ""
    cp.content_status = ""
    cp.revision = 1
    cp.version = ""
    _set_language(doc)
    for part in doc.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None and str(part.partname).startswith("/word/"):
            _schemaordning(element)
    buffer = io.BytesIO()
    doc.save(buffer)
    data = deterministic_zip(buffer.getvalue())
    validera(data)
    return data


def join(docs: list[Any]) -> Any:
    """Join documents into one (a compound bilaga), with a page break between them.

    docxcompose gives appended numbering definitions a random identifier; they are
    replaced by ones derived from their position, so the result is deterministic.
    """
    master = docs[0]
    with _docxcompose_namespaces():
        composer = docxcompose.composer.Composer(master)
        for doc in docs[1:]:
            _page_break(composer.doc)
            composer.append(doc)
    numbering = composer.doc.part.numbering_part.element if _has_numbering(composer.doc) else None
    if numbering is not None:
        for abstract in numbering.iter(qn("w:abstractNum")):
            nsid = abstract.find(qn("w:nsid"))
            if nsid is not None:
                nsid.set(qn("w:val"), f"{int(abstract.get(qn('w:abstractNumId'))) + 1:08X}")
    return composer.doc


def _has_numbering(doc: Any) -> bool:
    try:
        doc.part.numbering_part  # noqa: B018 - raises when the part is missing
    except NotImplementedError:
        return False
    return True


def _page_break(doc: Any) -> None:
    body = doc.element.body
    p = etree.Element(qn("w:p"))
    r = etree.SubElement(p, qn("w:r"))
    etree.SubElement(r, qn("w:br")).set(qn("w:type"), "page")
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(p)
    else:
        body.append(p)


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed member times and order, so equal input gives equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        names = zin.namelist()
        first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
        order = first + sorted(n for n in names if n not in first)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=_ZIPTID)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 3
                zout.writestr(info, zin.read(name), compresslevel=9)
    return out.getvalue()


_STRICT: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)


_KARNA_NS: Final = frozenset(
    {
        _CP_KARNA,
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
)


def _validera_karnegenskaper(root: etree._Element) -> None:
    """The core properties hold a title and language, each property once, in its own namespace."""
    seen: set[str] = set()
    for child in root:
        tag = etree.QName(child)
        if tag.namespace not in _KARNA_NS:
            raise RenderError(f"kärnegenskapen {tag.localname} står i fel namnrymd ({tag.namespace})")
        if tag.localname in seen:
            raise RenderError(f"kärnegenskapen {tag.localname} förekommer två gånger")
        seen.add(tag.localname)
    for krav in ("title", "language"):
        el = root.find(f"{{http://purl.org/dc/elements/1.1/}}{krav}")
        if el is None or not (el.text or "").strip():
            raise RenderError(f"dokumentet saknar kärnegenskapen {krav}")


def validera(data: bytes) -> None:
    """Check a produced package before it is written: zip, every XML part, structure.

    Raises :class:`RenderError` saying what is wrong.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RenderError(f"dokumentet är ingen giltig zip-fil: {exc}") from None
    with zf:
        bad = zf.testzip()
        if bad is not None:
            raise RenderError(f"delen {bad} i dokumentet är skadad")
        names = set(zf.namelist())
        for required in (
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "docProps/core.xml",
        ):
            if required not in names:
                raise RenderError(f"dokumentet saknar delen {required}")
        for name in sorted(names):
            if not name.endswith((".xml", ".rels")):
                continue
            try:
                etree.fromstring(zf.read(name), parser=_STRICT)
            except etree.XMLSyntaxError as exc:
                raise RenderError(f"delen {name} är inte giltig XML: {exc}") from None
        body = etree.fromstring(zf.read("word/document.xml"), parser=_STRICT).find(qn("w:body"))
        if body is None or body.find(qn("w:sectPr")) is None:
            raise RenderError("dokumentets brödtext eller sektionsinställningar saknas")
        if body.find(f".//{qn('w:p')}") is None:
            raise RenderError("dokumentet har inga stycken")
        _validera_karnegenskaper(etree.fromstring(zf.read("docProps/core.xml"), parser=_STRICT))
        for name in sorted(names):
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                text = "".join(str(t) for t in etree.fromstring(zf.read(name), parser=_STRICT).itertext())
                m = re.search(r"\{\{|\{%|%\}|\}\}", text)
                if m:
                    raise RenderError(
                        f"{name} innehåller en malltagg som inte renderades: "
                        f"…{text[max(0, m.start() - 40) : m.end() + 40]}…"
                    )
        for rels in sorted(n for n in names if n.endswith(".rels")):
            base = rels.replace("_rels/", "").removesuffix(".rels")
            folder = base.rsplit("/", 1)[0] if "/" in base else ""
            for rel in etree.fromstring(zf.read(rels), parser=_STRICT):
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target", "")
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else os.path.normpath(f"{folder}/{target}" if folder else target)
                )
                if path not in names:
                    raise RenderError(f"{rels} pekar på {target}, som saknas i dokumentet")


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_CACHE: dict[tuple[str, int, int, str], PreparedTemplate] = {}


def prepare(path: Path, talstil: Talstil, stilar: Stilar) -> PreparedTemplate:
    """The prepared template for *path*, prepared once per process while the file is unchanged."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, repr((talstil, stilar)))
    prepared = _CACHE.get(key)
    if prepared is None:
        prepared = PreparedTemplate(path, talstil, stilar)
        _CACHE[key] = prepared
    return prepared
