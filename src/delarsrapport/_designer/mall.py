"""One template checked against every rule: what ``layout check`` reports and ``render`` refuses.

The rules for a template are implemented once, here, and used twice: the layout check
(:func:`~delarsrapport._designer.check.check_layout`) reports every finding of every
template, and the render engine calls :func:`check_template` when it prepares a template
(before anything is written, and only when the template is not already prepared and
cached): the first error (``fel``) becomes a :class:`~delarsrapport.TemplateError` with
the same message, place and action. What the engine repairs on its own (docxtpl joins a
tag Word split over runs) the check reports as a warning, and a render goes on.

A template is read from its bytes as the engine reads it: the zip's members, the main
part named by the package's relationships, and the parts a designer writes tags in (the
body, the headers and footers the main part relates to, the footnotes), each named as
Word names it (:func:`~delarsrapport._render.locations.part_labels`). Each part is then
checked on four levels (:meth:`_Mall.granska_del`): the Word XML (:mod:`.taggar`), the tags
and blocks (:mod:`.syntax`), the tables that loops repeat rows of (:mod:`.tabeller`) and the
syntax tree against the designer contract (:mod:`.kontrakt`).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Final

from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallkod, Protokoll, Samlare, kort
from delarsrapport._designer.installningar import granska_stilar
from delarsrapport._designer.kontrakt import Kontraktsgranskare
from delarsrapport._designer.syntax import Syntaxgranskare
from delarsrapport._designer.tabeller import granska_tabeller
from delarsrapport._designer.taggar import granska_xml, markera, spara, stycken
from delarsrapport._model.rapport import DOKUMENTSLAG, VALFRIA_DOKUMENTSLAG
from delarsrapport._render.environment import make_environment
from delarsrapport._render.filters import Talstil
from delarsrapport._render.layout import Stilar
from delarsrapport._render.locations import BODY, part_label, part_labels
from delarsrapport._render.package import part_name
from delarsrapport._render.wordxml import style_ids

__all__ = ["Mallfil", "check_template", "granska_mall"]

_PARSER: Final = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT: Final = f"{_R}/officeDocument"
_SLAG: Final = {f"{_R}/header": 1, f"{_R}/footer": 2, f"{_R}/footnotes": 3}


@cache
def _miljo() -> ImmutableSandboxedEnvironment:
    """The environment the checks parse tags in: the engine's, with its filters."""
    return make_environment(Talstil(), None)


def _patch(xml: str) -> str:
    """docxtpl's patching of a part's XML into Jinja source, as the engine runs it."""
    from docxtpl import DocxTemplate

    return str(DocxTemplate.patch_xml(None, xml))


class OlasbarError(Exception):
    """A template that cannot be read: what is wrong, in Swedish."""


@dataclass
class _Del:
    """A part a designer writes tags in: its member name, what Word calls it, its XML."""

    namn: str
    etikett: str
    rot: etree._Element
    ordning: tuple[int, int]


@dataclass
class Mallfil:
    """A template's zip members, read once."""

    medlemmar: dict[str, bytes]

    @classmethod
    def fran_bytes(cls, data: bytes) -> Mallfil:
        """The members of a .docx; raises :class:`OlasbarError` when it is no zip file."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return cls({n: zf.read(n) for n in zf.namelist() if not n.endswith("/")})
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
            raise OlasbarError(
                f"filen är ingen Word-fil (en .docx är en zip-fil, den här går inte att öppna som en: "
                f"{kort(str(exc))})"
            ) from None

    def xml(self, namn: str) -> etree._Element:
        try:
            return etree.fromstring(self.medlemmar[namn], parser=_PARSER)
        except KeyError:
            raise OlasbarError(f"filen saknar delen {namn}, som varje Word-dokument har") from None
        except etree.XMLSyntaxError as exc:
            raise OlasbarError(f"delen {namn} är inte giltig XML ({kort(str(exc))})") from None

    def huvuddel(self) -> str:
        for rel in self.xml("_rels/.rels"):
            if rel.get("Type") == _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                namn = rel.get("Target", "").lstrip("/")
                if namn in self.medlemmar:
                    return namn
        raise OlasbarError("filen saknar dokumentets brödtext (word/document.xml)")

    def delar(self) -> list[_Del]:
        """The parts with tags: the body, then headers, footers and footnotes."""
        dokument = self.huvuddel()
        rot = self.xml(dokument)
        mapp = PurePosixPath(dokument).parent
        rels = str(mapp / "_rels" / f"{PurePosixPath(dokument).name}.rels")
        mal: dict[str, str] = {}
        slag: dict[str, int] = {}
        if rels in self.medlemmar:
            for rel in self.xml(rels):
                if rel.get("TargetMode") == "External":
                    continue
                target = rel.get("Target", "")
                namn = target.lstrip("/") if target.startswith("/") else part_name(mapp / target)
                mal[rel.get("Id", "")] = namn
                if rel.get("Type") in _SLAG and namn in self.medlemmar:
                    slag.setdefault(namn, _SLAG[rel.get("Type", "")])
        etiketter = part_labels(rot, mal)
        ut = [_Del(dokument, BODY, rot, (0, 0))]
        for namn, s in slag.items():
            nummer = re.search(r"(\d*)\.xml$", namn)
            ordning = (s, int(nummer.group(1) or 1) if nummer else 0)
            ut.append(_Del(namn, etiketter.get(namn, part_label(namn)), self.xml(namn), ordning))
        return sorted(ut, key=lambda d: d.ordning)

    def stil_ids(self) -> dict[str, str]:
        namn = str(PurePosixPath(self.huvuddel()).parent / "styles.xml")
        if namn not in self.medlemmar:
            return {}
        self.xml(namn)  # strictly well-formed, as the engine wants it
        return style_ids(self.medlemmar[namn])


class _Mall:
    """Checks one template file; findings go to the collector with their sort keys."""

    def __init__(self, slag: str | None, p: Protokoll) -> None:
        self.slag = slag
        self.env = _miljo()
        self.protokoll = p

    def granska(self, fil: Mallfil, stilar: Stilar | None) -> dict[str, str]:
        try:
            delar = fil.delar()
            ids = fil.stil_ids()
        except OlasbarError as exc:
            self.protokoll.filfynd(
                Mallkod.MALL_OLASBAR,
                "hela filen",
                str(exc),
                "öppna mallen i Word eller LibreOffice, spara den som Word-dokument (.docx) och kör "
                "kontrollen igen",
            )
            return {}
        if stilar is not None:
            granska_stilar(self.protokoll, ids, stilar)
        rubrikstilar = {ids[r.lower()] for r in (stilar or Stilar()).rubriker if r.lower() in ids}
        for d in delar:
            self.protokoll.delordning = d.ordning[0] * 1000 + d.ordning[1]
            self.protokoll.del_ = d.etikett
            self.granska_del(d.rot, rubrikstilar)
        return {d.namn: d.etikett for d in delar}

    def granska_del(self, rot: etree._Element, rubrikstilar: set[str]) -> None:
        """One part: its Word XML, its tags and blocks, its tables, its syntax tree."""
        delens_stycken = stycken(rot, self.protokoll.del_, rubrikstilar)
        granska_xml(self.protokoll, delens_stycken)
        markera(rot)
        source = _patch(etree.tostring(rot, encoding="unicode"))
        taggar = spara(source, delens_stycken)
        syntaxgranskare = Syntaxgranskare(self.protokoll, self.env)
        syntax = syntaxgranskare.granska(taggar)
        syntaxgranskare.placering(taggar, syntax.block)
        granska_tabeller(self.protokoll, rot, delens_stycken, taggar, syntax.block, self.env)
        mall = syntaxgranskare.parse(syntax, taggar)
        if mall is not None and self.slag is not None:
            Kontraktsgranskare(self.protokoll, self.env, self.slag, taggar, syntax.rad_tagg).granska(mall)


def granska_mall(
    fil: str, data: bytes, slag: str | None, stilar: Stilar | None, p: Protokoll
) -> dict[str, str]:
    """Check the template *data* (file name *fil*, document kind *slag*, or None for a
    template of no known kind: the contract is then not checked) against every rule;
    *stilar* are the settings' styles, None when the settings could not be read.
    Returns what Word calls each part, by member name."""
    try:
        mallfil = Mallfil.fran_bytes(data)
    except OlasbarError as exc:
        p.filfynd(
            Mallkod.MALL_OLASBAR,
            "hela filen",
            str(exc),
            f"spara {fil} i Word eller LibreOffice som Word-dokument (.docx) och kör kontrollen igen",
        )
        return {}
    return _Mall(slag, p).granska(mallfil, stilar)


def check_template(path: Path, data: bytes, stilar: Stilar) -> dict[str, str]:
    """Raise :class:`~delarsrapport.TemplateError` for the first error (``fel``) that
    ``layout check`` finds in the template *data* read from *path*, with the same message,
    place and action; warnings do not stop it. The document kind is the file's name
    (``ekonomi.docx``); a file of another name is checked without the contract.

    Returns what Word calls each header and footer part, by member name, for the
    engine's own messages.
    """
    samlare = Samlare()
    slag = path.stem if path.stem in (*DOKUMENTSLAG, *VALFRIA_DOKUMENTSLAG) else None
    etiketter = granska_mall(path.name, data, slag, stilar, Protokoll(path.name, samlare, 1))
    fel = [f for f in samlare.sorterade() if f.severity is Severity.FEL]
    if fel:
        raise fel[0].template_error(str(path), len(fel) - 1)
    return etiketter
