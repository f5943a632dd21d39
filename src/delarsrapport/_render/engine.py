"""The render engine: a template prepared once, rendered many times into .docx bytes.

Preparing a template reads its zip once and keeps every member as bytes. The parts a
designer writes tags in (the body, headers, footers and footnotes) are patched the way
docxtpl patches them (tags Word split across runs are joined, ``{%tr``/``{%p``/``{%tc``
become row, paragraph and cell tags, ``cellbg`` and ``colspan`` become cell properties)
and compiled in the sandboxed, autoescaping, strict environment. Every other part is
final already: it is checked strictly, put in schema order, given the document language
(the styles part) and compressed, once.

A render runs the compiled templates on a context and applies docxtpl's finishing steps
only where they can change something (decided when preparing): the listing pass that
turns a line break or tab in a value into ``w:br``/``w:tab``, the table grid fix for
``{%tc`` loops, the schema order of cell properties after ``cellbg``. Each rendered part
is parsed strictly and its structure checked; the zip is written around it with the
static parts as they were compressed (:mod:`delarsrapport._render.package`). No
python-docx object model is built, no state is kept between renders, and a prepared
template may be rendered from any number of threads at once.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path, PurePosixPath
from types import CodeType
from typing import Any, Final

import attrs
import jinja2
from jinja2.exceptions import SecurityError
from lxml import etree

from delarsrapport._errors import RenderError, TemplateError
from delarsrapport._render import cache as diskcache
from delarsrapport._render import media
from delarsrapport._render.environment import Stilids, escape, make_environment
from delarsrapport._render.filters import Talstil
from delarsrapport._render.layout import Stilar
from delarsrapport._render.locations import hint, lineno, message, part_label, plats
from delarsrapport._render.package import Member, compress, part_name, write_zip
from delarsrapport._render.sandbox import arbetsbudget
from delarsrapport._render.typografi import Typografi, efter_rendering, i_mallen
from delarsrapport._render.wordxml import W, qn, style_ids

__all__ = ["Karnegenskaper", "PreparedTemplate", "Rendering", "check_part", "prepare"]

_STRICT: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT: Final = f"{_R}/officeDocument"
_CORE_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_CT: Final = "application/vnd.openxmlformats-package.core-properties+xml"
_FOOTNOTES_REL: Final = f"{_R}/footnotes"
_RENDERED_RELS: Final = (f"{_R}/header", f"{_R}/footer", _FOOTNOTES_REL)
_CORE: Final = "docProps/core.xml"
_DECLARATION: Final = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_STATIC_LEVEL: Final = 9


def _patch(xml: str) -> str:
    """docxtpl's patching of a part's XML into Jinja source (joined tags, {%tr, cellbg …)."""
    return str(_docxtpl().patch_xml(None, xml))


def _resolve_listing(xml: str) -> str:
    """docxtpl's listing pass: a line break or tab in a value becomes w:br or w:tab."""
    return str(_docxtpl().resolve_listing(None, xml))


def _fix_tables(xml: bytes) -> etree._Element:
    """docxtpl's table grid fix after ``{%tc`` loops."""
    root: etree._Element = _docxtpl().fix_tables(None, xml)
    return root


@cache
def _docxtpl() -> Any:
    # docxtpl's text passes keep no state on the template object, so they are called as
    # functions. It is imported when first needed: with the disk cache warm and no value
    # holding a line break, a render never needs it (and python-docx behind it).
    from docxtpl import DocxTemplate

    return DocxTemplate


_LISTING_TEXT: Final = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")
_DOCX_ESCAPES: Final = ("{_{", "}_}", "{_%", "%_}")


@attrs.frozen
class Karnegenskaper:
    """The document properties (``docProps/core.xml``), all from the report, never the clock."""

    titel: str
    amne: str
    forfattare: str
    datum: date
    identifierare: str
    nyckelord: str = ""

    def xml(self) -> bytes:
        """The core properties part."""
        stamp = f"{self.datum.isoformat()}T00:00:00Z"
        fields = (
            ("dc:title", self.titel),
            ("dc:subject", self.amne),
            ("dc:creator", self.forfattare),
            ("cp:keywords", self.nyckelord),
            ("dc:description", ""),
            ("cp:lastModifiedBy", self.forfattare),
            ("cp:revision", "1"),
        )
        body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields)
        body += f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        body += f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        tail = (
            ("cp:category", ""),
            ("dc:language", "sv-SE"),
            ("cp:lastPrinted", stamp),
            ("dc:identifier", self.identifierare),
            ("cp:contentStatus", ""),
            ("cp:version", ""),
        )
        body += "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in tail)
        return (
            _DECLARATION.rstrip("\n")
            + '\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/'
            'dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/'
            f'XMLSchema-instance">{body}</cp:coreProperties>'
        ).encode("utf-8")


@attrs.frozen
class _Del:
    """A part a designer writes tags in, prepared: compiled, and what finishing it needs."""

    namn: str
    """The zip member, e.g. ``word/document.xml``."""
    nyckel: str
    """How error messages name it: ``body``, or what Word calls a header or footer
    ("sidhuvudet på första sidan"; ``/word/header3.xml`` for one no section uses)."""
    mall: jinja2.Template
    kod: CodeType
    """The compiled template as Python code, as the disk cache keeps it."""
    source: str
    """The patched source, one paragraph per line, for error locations."""
    fore: str
    """What precedes the rendered XML in the part (the declaration; for the body the
    document element's start)."""
    efter: str
    listing: bool
    """The template's own text holds line breaks or tabs, so the listing pass always runs."""
    kontrolltecken: bool
    """The template's XML holds a line break, tab, bell or form feed anywhere; if not, a
    rendered part without one needs no listing pass at all (a quick test)."""
    escapes: bool
    """The template writes docxtpl's escaped braces (``{_{``)."""
    tabellrutnat: bool
    """The part makes table cells in loops (``{%tc``, ``colspan``): the grid may need fixing."""
    schemaordning: bool
    """The part sets cell shading (``cellbg``), whose properties must be put in schema order."""
    typografi: bool
    """The part has tables of loops, whose page-break rules are applied after a render."""


@attrs.frozen
class Rendering:
    """A rendered template: its parts by member name, before the zip is written, and the
    images (charts) the render added."""

    mall: PreparedTemplate
    delar: Mapping[str, bytes]
    bilder: tuple[media.Bild, ...] = ()

    def package(self, egenskaper: Karnegenskaper) -> bytes:
        """The finished .docx: the static members as prepared, the rendered ones, the properties
        and any images with their relationships."""
        members: list[Member] = []
        for name in self.mall.ordning:
            if name == _CORE:
                members.append(compress(name, egenskaper.xml()))
            elif name in self.delar:
                members.append(compress(name, self.delar[name]))
            else:
                members.append(self.mall.statiska[name])
        return write_zip(media.packa(members, self.bilder))


class PreparedTemplate:
    """A template read, checked and compiled once; render it with :meth:`render`."""

    def __init__(self, path: Path, talstil: Talstil, stilar: Stilar, typografi: Typografi) -> None:
        self.path = path
        self.typografi = typografi
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise TemplateError(f"mallen kan inte läsas: {exc.strerror}", template=str(path)) from None
        nyckel = diskcache.key(data, repr((talstil, stilar, typografi)))
        entry = diskcache.read(nyckel)
        if entry is not None and self._restore(entry, talstil):
            return
        self._prepare(data, talstil, stilar)
        diskcache.write(nyckel, self._entry())

    def _prepare(self, data: bytes, talstil: Talstil, stilar: Stilar) -> None:
        # The rules 'layout check' applies: an error there is a refusal here, with its message.
        from delarsrapport._designer.mall import check_template

        etiketter = check_template(self.path, data, stilar)
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise TemplateError(
                "mallen är ingen Word-fil (.docx är en zip-fil, den här är det inte)",
                template=str(self.path),
                hint="spara mallen i Word eller LibreOffice som Word-dokument (.docx)",
            ) from None
        with zf:
            raw = self._members(zf)
        document = self._main_part(raw)
        ids = style_ids(
            raw.get(_sibling(document, "styles.xml"), b"<w:styles xmlns:w='" + W.encode() + b"'/>")
        )
        self.stilar = self._stilar(ids, stilar)
        self.env = make_environment(talstil, self.stilar)
        self.delar: dict[str, _Del] = {}
        self.sources: dict[str, str] = {}
        self._add(document, "body", raw[document])
        for name in self._rendered_parts(raw, document):
            self._add(name, etiketter.get(name, "/" + name), raw[name])
        raw = self._with_core_properties(raw)
        self.statiska: dict[str, Member] = {}
        for name, blob in raw.items():
            if name in self.delar or name == _CORE:
                continue
            self.statiska[name] = compress(name, self._finish_static(name, blob, document), _STATIC_LEVEL)
        first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in raw]
        self.ordning: tuple[str, ...] = (*first, *sorted(n for n in raw if n not in first))

    # -- the disk cache --------------------------------------------------------------------

    def _entry(self) -> dict[str, object]:
        """Everything preparing made, as plain data (the templates as code objects)."""
        s = self.stilar
        return {
            "stilar": (s.stycke, s.rubriker, s.punktlista, s.tabell),
            "ordning": self.ordning,
            "statiska": [(m.name, m.data, m.crc, m.size) for m in self.statiska.values()],
            "delar": [
                {f.name: getattr(d, f.name) for f in attrs.fields(_Del) if f.name != "mall"}
                for d in self.delar.values()
            ],
        }

    def _restore(self, entry: Mapping[str, Any], talstil: Talstil) -> bool:
        """Take the prepared state from a cache entry; False if the entry does not fit."""
        try:
            stycke, rubriker, punktlista, tabell = entry["stilar"]
            self.stilar = Stilids(stycke, tuple(rubriker), punktlista, tabell)
            self.env = make_environment(talstil, self.stilar)
            self.ordning = tuple(entry["ordning"])
            self.statiska = {m[0]: Member(*m) for m in entry["statiska"]}
            self.delar = {}
            self.sources = {}
            for fields in entry["delar"]:
                d = _Del(**fields, mall=self._template(fields["kod"]))
                self.delar[d.namn] = d
                self.sources[d.nyckel] = d.source
        except (KeyError, TypeError, ValueError):
            return False
        return True

    def _template(self, kod: CodeType) -> jinja2.Template:
        return self.env.template_class.from_code(self.env, kod, self.env.make_globals(None), None)

    # -- reading the package ---------------------------------------------------------------

    def _error(self, message: str, hint: str | None = None) -> TemplateError:
        return TemplateError(message, template=str(self.path), hint=hint)

    def _xml(self, raw: Mapping[str, bytes], name: str) -> etree._Element:
        try:
            return etree.fromstring(raw[name], parser=_STRICT)
        except KeyError:
            raise self._error(
                f"mallen saknar delen {name}", "spara om mallen i Word eller LibreOffice som .docx"
            ) from None
        except etree.XMLSyntaxError as exc:
            raise self._error(f"delen {name} i mallen är inte giltig XML: {exc}") from None

    def _main_part(self, raw: Mapping[str, bytes]) -> str:
        for rel in self._xml(raw, "_rels/.rels"):
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                name = rel.get("Target", "").lstrip("/")
                if name in raw:
                    return name
        raise self._error(
            "mallen saknar dokumentets brödtext (word/document.xml)",
            "spara om mallen i Word eller LibreOffice som .docx",
        )

    def _rendered_parts(self, raw: Mapping[str, bytes], document: str) -> list[str]:
        rels = _rels_name(document)
        if rels not in raw:
            return []
        folder = PurePosixPath(document).parent
        names: list[str] = []
        for rel in self._xml(raw, rels):
            if rel.get("Type") in _RENDERED_RELS and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else part_name(folder / target)
                if name in raw and name not in names:
                    names.append(name)
        return names

    def _with_core_properties(self, raw: dict[str, bytes]) -> dict[str, bytes]:
        """The package with a core properties part, declared and related, whatever the template had."""
        if _CORE in raw:
            return raw
        types = self._xml(raw, "[Content_Types].xml")
        override = etree.SubElement(types, f"{{{_CT}}}Override")
        override.set("PartName", "/" + _CORE)
        override.set("ContentType", _CORE_CT)
        rels = self._xml(raw, "_rels/.rels")
        rel = etree.SubElement(rels, f"{{{_PR}}}Relationship")
        rel.set("Id", "rIdDelarsrapportCore")
        rel.set("Type", _CORE_REL)
        rel.set("Target", _CORE)
        return {
            **raw,
            "[Content_Types].xml": etree.tostring(
                types, xml_declaration=True, encoding="UTF-8", standalone=True
            ),
            "_rels/.rels": etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True),
            _CORE: b"",
        }

    def _members(self, zf: zipfile.ZipFile) -> dict[str, bytes]:
        """Every member of the template, each and all together within bounds.

        A zip says how large a member is before it is read, and may lie: a member is read
        only up to the bound, so a small file claiming (or unpacking to) gigabytes is an
        error, not a machine out of memory.
        """
        raw: dict[str, bytes] = {}
        total = 0
        for info in zf.infolist():
            if info.is_dir():
                continue
            with zf.open(info) as fh:
                data = fh.read(MAX_DEL + 1)
            total += len(data)
            if len(data) > MAX_DEL or total > MAX_MALL:
                raise self._error(
                    f"delen {info.filename} gör mallen större än en Word-mall kan vara "
                    f"({MAX_DEL // 2**20} MB per del, {MAX_MALL // 2**20} MB i allt)",
                    "spara om mallen i Word; bilder i mallen kan göras mindre",
                )
            raw[info.filename] = data
        return raw

    def _finish_static(self, name: str, blob: bytes, document: str) -> bytes:
        """A static part checked strictly; the styles part gets the language, cell
        properties go in schema order. A tag in a part that is not rendered (endnotes,
        comments) would be printed as it stands, so it is an error."""
        if not name.endswith((".xml", ".rels")):
            return blob
        root = self._xml({name: blob}, name)
        if name.startswith("word/"):
            text = "".join(t.text or "" for t in root.iter(f"{{{W}}}t", f"{{{W}}}instrText"))
            if _TAGG.search(text):
                raise self._error(
                    f"delen {name} har malltaggar, men den delen fylls inte i (bara brödtexten, "
                    "sidhuvuden, sidfötter och fotnoter gör det)",
                    "flytta taggen till brödtexten, ett sidhuvud, en sidfot eller en fotnot",
                )
        changed = False
        if name == _sibling(document, "styles.xml"):
            _set_language(root)
            changed = True
        if name.startswith("word/") and _schemaordning(root):
            changed = True
        if not changed:
            return blob
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _stilar(self, ids: dict[str, str], stilar: Stilar) -> Stilids:
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

        return Stilids(
            find(stilar.stycke),
            tuple(find(r) for r in stilar.rubriker),
            find(stilar.punktlista),
            find(stilar.tabell),
        )

    def _add(self, name: str, nyckel: str, blob: bytes) -> None:
        root = self._xml({name: blob}, name)
        # The template's own cell and table properties in schema order, once; a render
        # only needs the pass again where cellbg adds shading. The page-break rules the
        # template decides are set now; tables of loops are measured after a render.
        efter_rendering_behovs = i_mallen(root, self.typografi)
        _schemaordning(root)
        if nyckel == "body":
            body = root.find(f"{{{W}}}body")
            if body is None:
                raise self._error("mallens brödtext saknar w:body", "spara om mallen i Word som .docx")
            xml = etree.tostring(body, encoding="unicode")
            marker = etree.Comment("delarsrapport-body")
            root.replace(body, marker)
            whole = etree.tostring(root, encoding="unicode")
            fore, efter = whole.split("<!--delarsrapport-body-->")
            fore = _DECLARATION + fore
        else:
            xml = etree.tostring(root, encoding="unicode")
            fore, efter = _DECLARATION, ""
        patched = _patch(xml)
        source = patched.replace("<w:p ", "\n<w:p ").replace("<w:p>", "\n<w:p>")
        self.sources[nyckel] = source
        try:
            kod = self.env.compile(source)
        except jinja2.TemplateSyntaxError as exc:
            raise self.error(exc, nyckel) from None
        static_text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", patched))
        self.delar[name] = _Del(
            namn=name,
            nyckel=nyckel,
            mall=self._template(kod),
            kod=kod,
            source=source,
            fore=fore,
            efter=efter,
            listing=any(c in static_text for c in "\t\n\a\f"),
            kontrolltecken=any(c in patched for c in "\t\n\a\f"),
            escapes=any(s in patched for s in _DOCX_ESCAPES),
            tabellrutnat=bool(re.search(r"\{%-?\s*tc\b|gridSpan w:val=\"\{\{", patched)),
            schemaordning='<w:shd w:val="clear" w:color="auto" w:fill="{{' in patched,
            typografi=efter_rendering_behovs,
        )

    # -- rendering -------------------------------------------------------------------------

    def error(self, exc: BaseException, nyckel: str, names: Iterable[str] = ()) -> TemplateError:
        """A TemplateError naming this template, the part and the paragraph of *exc*."""
        line = lineno(exc)
        where = plats(self.sources[nyckel], line, nyckel, self.stilar.rubriker) if line else None
        return TemplateError(
            message(exc),
            template=str(self.path),
            part=where.del_ if where else part_label(nyckel),
            location=str(where).split(", ", 1)[1] if where and ", " in str(where) else None,
            text=where.text if where else None,
            hint=hint(exc, names),
        )

    def render(self, context: Mapping[str, object]) -> Rendering:
        """Every tagged part rendered with *context*, checked; raises TemplateError or RenderError."""
        with media.samla() as samling:
            delar = self._render(context, samling)
        return Rendering(self, delar, tuple(samling.bilder))

    def _render(self, context: Mapping[str, object], samling: media.Mediasamling) -> dict[str, bytes]:
        delar: dict[str, bytes] = {}
        for name, d in self.delar.items():
            samling.del_ = name
            try:
                with arbetsbudget():
                    dst = _begransad_utdata(d.mall.generate(context))
            except Exception as exc:  # anything a template can cause, named with its place
                raise self.error(exc, d.nyckel, _names(context)) from None
            # Undo the line per paragraph that was only there for error locations.
            dst = dst.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
            if d.escapes:
                dst = dst.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
            if d.listing:
                dst = _resolve_listing(dst)
            elif (d.kontrolltecken or any(c in dst for c in "\t\n\a\f")) and _LISTING_TEXT.search(dst):
                dst = _listing_where_needed(dst)
            data = (d.fore + dst + d.efter).encode("utf-8")
            try:
                root = etree.fromstring(data, parser=_STRICT)
            except etree.XMLSyntaxError as exc:
                raise RenderError(
                    f"{self.path.name}, {part_label(d.nyckel)}: det renderade dokumentet är inte giltig XML "
                    f"({exc}); kör 'delarsrapport layout check' på layouten"
                ) from None
            andrat = False
            if d.tabellrutnat:  # docxtpl's grid fix, on XML that has passed the strict parse
                root = _fix_tables(etree.tostring(root))
                andrat = True
            if d.schemaordning:
                andrat |= _schemaordning(root)
            if d.typografi:
                andrat |= efter_rendering(root, self.typografi)
            if andrat:
                delar[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            else:
                delar[name] = data
            _check_structure(root, d, self.path)
        return delar


#: The largest part of a template, and the largest template, as read from its zip. Word's
#: own templates are well under a megabyte; the styles part of ours is 350 kB.
MAX_DEL: Final = 64 * 2**20
MAX_MALL: Final = 256 * 2**20
_TAGG: Final = re.compile(r"\{\{|\{%|%\}|\}\}")

#: The most text one part of a template may render (a part of 100 000 table rows is a few
#: hundred megabytes); more is a template that writes without end.
MAX_UTDATA: Final = 1_000_000_000


def _begransad_utdata(chunks: Iterable[str]) -> str:
    parts: list[str] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > MAX_UTDATA:
            raise SecurityError(f"mallen skriver mer än {MAX_UTDATA // 1_000_000} miljoner tecken")
        parts.append(chunk)
    return "".join(parts)


def _listing_where_needed(xml: str) -> str:
    """docxtpl's listing pass, run only on the paragraphs where a value put a line break or tab.

    The pass goes paragraph by paragraph anyway; running it on those few paragraphs alone
    gives the same text as running it on the whole part, at a fraction of the cost.
    """
    parts: list[str] = []
    done = 0
    while (m := _LISTING_TEXT.search(xml, done)) is not None:
        start = max(xml.rfind("<w:p>", done, m.start()), xml.rfind("<w:p ", done, m.start()))
        end = xml.find("</w:p>", m.end())
        if start < 0 or end < 0:  # not inside a paragraph: nothing for the pass to do
            break
        end += len("</w:p>")
        parts += (xml[done:start], str(_resolve_listing(xml[start:end])))
        done = end
    parts.append(xml[done:])
    return "".join(parts)


def check_part(name: str, data: bytes) -> None:
    """Raise RenderError unless *data* is well-formed XML (a strict parse, no entities)."""
    try:
        etree.fromstring(data, parser=_STRICT)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"delen {name} i dokumentet är inte giltig XML: {exc}") from None


def _check_structure(root: etree._Element, d: _Del, path: Path) -> None:
    if d.nyckel != "body":
        return
    body = root.find(f"{{{W}}}body")
    if body is None or body.find(f"{{{W}}}sectPr") is None:
        raise RenderError(f"{path.name}: dokumentets brödtext eller sektionsinställningar saknas")
    if body.find(f".//{{{W}}}p") is None:
        raise RenderError(f"{path.name}: dokumentet har inga stycken")


def _names(context: Mapping[str, object]) -> list[str]:
    names = list(context)
    for value in context.values():
        if attrs.has(type(value)):
            names.extend(a.name for a in attrs.fields(type(value)))  # type: ignore[arg-type]
    return names


def _sibling(part: str, name: str) -> str:
    return str(PurePosixPath(part).parent / name)


def _rels_name(part: str) -> str:
    p = PurePosixPath(part)
    return str(p.parent / "_rels" / f"{p.name}.rels")


def _set_language(styles: etree._Element) -> None:
    """Swedish (sv-SE) as the default language of the styles part, for screen readers and spelling."""
    w = f"{{{W}}}"
    defaults = styles.find(f"{w}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{w}docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(f"{w}rPrDefault")
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, f"{w}rPrDefault")
    rpr = rpr_default.find(f"{w}rPr")
    if rpr is None:
        rpr = etree.SubElement(rpr_default, f"{w}rPr")
    lang = rpr.find(f"{w}lang")
    if lang is None:
        lang = etree.SubElement(rpr, f"{w}lang")
    lang.set(f"{w}val", "sv-SE")
    lang.set(f"{w}eastAsia", "sv-SE")
    lang.set(f"{w}bidi", "ar-SA")


_CACHE: dict[tuple[str, int, int, str], PreparedTemplate] = {}


def prepare(path: Path, talstil: Talstil, stilar: Stilar, typografi: Typografi) -> PreparedTemplate:
    """The prepared template for *path*, prepared once per process while the file is unchanged."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, repr((talstil, stilar, typografi)))
    prepared = _CACHE.get(key)
    if prepared is None:
        prepared = PreparedTemplate(path, talstil, stilar, typografi)
        _CACHE[key] = prepared
    return prepared


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


def _schemaordning(root: etree._Element) -> bool:
    """Put the children of every w:tcPr and w:tblPr under *root* in the schema's order;
    whether anything moved."""
    moved = False
    for tag, ordning in _ORDNING.items():
        rank = {t: i for i, t in enumerate(ordning)}
        for el in root.iter(tag):
            children = list(el)
            ordered = sorted(children, key=lambda c: rank.get(c.tag, len(rank)))
            if ordered != children:
                for child in children:
                    el.remove(child)
                el.extend(ordered)
                moved = True
    return moved
