"""Checking a layout without report data: what ``delarsrapport layout check`` reports.

A template designer edits the .docx templates of a layout in Word. Most mistakes only
show when a report is rendered, one at a time. :func:`check_layout` finds them all at
once, without data, and says for each the template file, the part, the paragraph or
table cell with its visible text, what is wrong and what to do, in Swedish.

How a template is read follows the engine (:mod:`delarsrapport._render.docx`): each part
(body, headers, footers, footnotes) is patched by docxtpl and compiled in the same
sandboxed environment. Before patching, every paragraph of the Word XML gets a marker
attribute, so that each Jinja tag in the patched source can be traced back to the
paragraph the designer wrote it in, also for ``{%p``/``{%tr``/``{%tc`` tags whose
paragraph or row docxtpl replaces. The checks then run on three levels:

- the Word XML (:mod:`~delarsrapport._designer.taggar`: tags split across runs in a way
  docxtpl cannot join, unbalanced delimiters, ``{%tr``/``{%tc``/``{%p`` in the wrong place
  or with text that would be lost);
- each tag on its own and the nesting of blocks (:mod:`~delarsrapport._designer.syntax`:
  syntax, every error with its place, and blocks that open in one table, row or cell and
  close in another);
- the Jinja syntax tree against the designer contract
  (:mod:`~delarsrapport._designer.kontrakt`): variables, fields (with the type of every
  loop variable inferred from what it iterates), filters and their arguments, and
  constructs the sandbox refuses or that would bypass escaping.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Final

from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallfynd, Mallkod, Protokoll, Samlare, kort
from delarsrapport._designer.installningar import granska_stilar, las_installningar
from delarsrapport._designer.kontrakt import Kontraktsgranskare
from delarsrapport._designer.syntax import Syntaxgranskare
from delarsrapport._designer.taggar import granska_xml, markera, spara, stycken
from delarsrapport._model.rapport import DOKUMENTSLAG
from delarsrapport._render.environment import make_environment
from delarsrapport._render.filters import Talstil
from delarsrapport._render.layout import Installningar
from delarsrapport._render.locations import FOOTER as _FOOTER
from delarsrapport._render.locations import FOOTNOTES as _FOOTNOTES
from delarsrapport._render.locations import HEADER as _HEADER
from delarsrapport._render.locations import part_label as _part_label
from delarsrapport._render.wordxml import style_ids

__all__ = ["check_layout"]

_F: Final = Severity.FEL


class _Mall:
    """Checks one template file; findings go to the collector with their sort keys."""

    def __init__(self, path: Path, slag: str, env: ImmutableSandboxedEnvironment, p: Protokoll) -> None:
        self.path = path
        self.slag = slag
        self.env = env
        self.protokoll = p

    def granska(self, installningar: Installningar | None) -> None:
        try:
            doc = DocxTemplate(str(self.path))
            doc.init_docx()
        except Exception as exc:  # a damaged or foreign file: say so, check the others
            self.protokoll.filfynd(
                Mallkod.MALL_OLASBAR,
                "hela filen",
                f"filen går inte att öppna som ett Word-dokument ({type(exc).__name__}: {kort(str(exc))})",
                "spara mallen i Word som Word-dokument (.docx) och kör kontrollen igen",
            )
            return
        if installningar is not None:
            ids = style_ids(doc.docx.styles.element.xml.encode("utf-8"))
            granska_stilar(self.protokoll, ids, installningar)
        # Plain lxml elements (python-docx's element classes redefine .text on runs and paragraphs).
        delar: list[tuple[str, etree._Element]] = [("body", etree.fromstring(doc.get_xml()))]
        for uri in (_HEADER, _FOOTER):
            for _rel, part in doc.get_headers_footers(uri):
                delar.append((str(part.partname), etree.fromstring(part.blob)))
        for part in doc.docx.part.package.parts:
            if part.content_type == _FOOTNOTES:
                delar.append((str(part.partname), etree.fromstring(part.blob)))
        for key, rot in sorted(delar, key=lambda d: _delordning(d[0])):
            self.protokoll.delordning = _delordning(key)[0] * 1000 + _delordning(key)[1]
            self.protokoll.del_ = _part_label(key)
            self.granska_del(doc, rot)

    def granska_del(self, doc: Any, rot: etree._Element) -> None:
        """One part: its Word XML, then its tags, then its syntax tree against the contract."""
        delens_stycken = stycken(rot, self.protokoll.del_)
        granska_xml(self.protokoll, delens_stycken)
        markera(rot)
        source = doc.patch_xml(etree.tostring(rot, encoding="unicode"))
        taggar = spara(source, delens_stycken)
        syntaxgranskare = Syntaxgranskare(self.protokoll, self.env)
        syntax = syntaxgranskare.granska(taggar)
        syntaxgranskare.placering(taggar, syntax.block)
        mall = syntaxgranskare.parse(syntax, taggar)
        if mall is not None:
            Kontraktsgranskare(self.protokoll, self.env, self.slag, taggar, syntax.rad_tagg).granska(mall)


def _delordning(key: str) -> tuple[int, int]:
    if key == "body":
        return (0, 0)
    m = re.search(r"(header|footer)(\d*)\.xml$", key)
    if m:
        return (1 if m.group(1) == "header" else 2, int(m.group(2) or 1))
    return (3, 0)


def check_layout(katalog: Path) -> list[Mallfynd]:
    """Check the layout in folder *katalog* without report data; return every finding.

    Findings come in a stable order: the settings file first, then the templates in the
    order of the document kinds, and within a template by part (body, headers, footers,
    footnotes) and position. An empty list means the layout is fine to render with.
    """
    katalog = Path(katalog)
    samlare = Samlare()
    if not katalog.is_dir():
        samlare.lagg_till(
            (0, 0, 0, 0),
            Mallfynd(
                _F,
                Mallkod.MALL_SAKNAS,
                katalog.name or str(katalog),
                "layoutmappen",
                f"layoutmappen {katalog} finns inte",
                "ange sökvägen till en mapp med de fem mallarna och installningar.yaml",
            ),
        )
        return samlare.sorterade()
    installningar = las_installningar(katalog, samlare)
    env = make_environment(Talstil(), None)
    ovriga = sorted(
        p.name for p in katalog.glob("*.docx") if not p.name.startswith("~$") and p.stem not in DOKUMENTSLAG
    )
    for ordning, slag in enumerate(DOKUMENTSLAG, start=1):
        path = katalog / f"{slag}.docx"
        if not path.is_file():
            liknande = difflib.get_close_matches(
                path.name.lower(), [o.lower() for o in ovriga], n=1, cutoff=0.6
            )
            tips = ""
            if liknande:
                namn = next(o for o in ovriga if o.lower() == liknande[0])
                tips = f"; byt namn på {namn} till {path.name} om det är den mallen"
            samlare.lagg_till(
                (ordning, 0, 0, 0),
                Mallfynd(
                    _F,
                    Mallkod.MALL_SAKNAS,
                    path.name,
                    f"layoutmappen {katalog.name}",
                    f"mallen för dokumentslaget {slag} saknas (filen {path.name})",
                    f"lägg mallen {path.name} i layoutmappen, till exempel en kopia från "
                    f"templates/uppsala{tips}",
                ),
            )
            continue
        _Mall(path, slag, env, Protokoll(path.name, samlare, ordning)).granska(installningar)
    return samlare.sorterade()
