"""Accessible PDF from rendered .docx files, through LibreOffice headless, checked with pikepdf.

LibreOffice converts every file of a call in one process: a render converts all its
documents at once, a batch one group of files per worker. Each call gets a fresh profile
in a temporary folder (a shared one is locked by the first user and stalls the rest), a
time limit, and its own process group, which is killed whole when the limit passes (an
orphaned ``soffice.bin`` would hold the profile). LibreOffice exits 0 even when it fails,
so a conversion is judged by its output file.

The export options ask for a tagged PDF that claims PDF/UA, shows the document's title
rather than its file name, and has bookmarks from the headings; the language comes from
the document (sv-SE). LibreOffice stamps the creation time and a random file identifier;
both are set afterwards from the report (the document's own date, the identifier from the
content), so the same report gives the same PDF. :func:`pdf_problems` reads a PDF back
and lists what keeps it from being accessible.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

import pikepdf
from lxml import etree

from delarsrapport._errors import RenderError

__all__ = [
    "EXPORTVAL",
    "TIDSGRANS",
    "convert",
    "dokumentdatum",
    "konvertera_med_innehall",
    "med_pdf",
    "pdf_problems",
    "soffice",
    "stamp",
]

EXPORTVAL: Final = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "DisplayPDFDocumentTitle": True,
    "ExportBookmarks": True,
    "ExportBookmarksToPDFDestination": True,
    "ExportNotes": False,
}
"""LibreOffice's PDF export options (writer_pdf_Export), given as JSON on the command line."""

TIDSGRANS: Final = 300.0
"""Seconds one LibreOffice call may take before its process group is killed."""

_INSTALLERA: Final = (
    "LibreOffice behövs för att skapa PDF men hittades inte (kommandot soffice). Installera det, "
    "på Debian och Ubuntu med 'apt-get install libreoffice-writer-nogui', eller ange programmet "
    "i miljövariabeln DELARSRAPPORT_SOFFICE"
)
_DC: Final = "http://purl.org/dc/terms/"


def soffice() -> str:
    """The LibreOffice program: ``$DELARSRAPPORT_SOFFICE``, else ``soffice`` on the path."""
    angivet = os.environ.get("DELARSRAPPORT_SOFFICE")
    if angivet:
        if shutil.which(angivet) is None:
            raise RenderError(f"DELARSRAPPORT_SOFFICE pekar på {angivet!r}, som inte finns. {_INSTALLERA}")
        return angivet
    hittat = shutil.which("soffice") or shutil.which("libreoffice")
    if hittat is None:
        raise RenderError(_INSTALLERA)
    return hittat


def _filter() -> str:
    varden = {k: {"type": "boolean", "value": "true" if v else "false"} for k, v in EXPORTVAL.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(varden, separators=(",", ":"))


def convert(dokument: Sequence[tuple[str, bytes]], *, tidsgrans: float = TIDSGRANS) -> list[bytes]:
    """Each .docx of *dokument* (name, bytes) as PDF bytes, in order, from one LibreOffice call.

    Raises :class:`~delarsrapport.RenderError` when LibreOffice is missing, exceeds
    *tidsgrans* seconds, or leaves a document without a PDF.
    """
    if not dokument:
        return []
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="delarsrapport-pdf-") as tmp:
        mapp = Path(tmp)
        (mapp / "in").mkdir()
        filer = []
        for i, (_namn, data) in enumerate(dokument):
            fil = mapp / "in" / f"d{i:04d}.docx"
            fil.write_bytes(_rubrikrader_hela(data))
            filer.append(fil)
        kommando = [
            program,
            f"-env:UserInstallation={(mapp / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _filter(),
            "--outdir",
            str(mapp / "ut"),
            *map(str, filer),
        ]
        env = {**os.environ, "HOME": str(mapp)}
        process = subprocess.Popen(
            kommando,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env=env,
        )
        try:
            _, fel = process.communicate(timeout=tidsgrans)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise RenderError(
                f"LibreOffice blev inte klart med {len(dokument)} dokument på {tidsgrans:.0f} s och avbröts; "
                "försök igen, eller med färre rapporter åt gången"
            ) from None
        finally:
            _kill(process)
        resultat: list[bytes] = []
        for (namn, _data), fil in zip(dokument, filer, strict=True):
            pdf = mapp / "ut" / f"{fil.stem}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            if not data.startswith(b"%PDF"):
                meddelande = fel.decode("utf-8", "replace").strip()[-500:]
                raise RenderError(
                    f"LibreOffice gav ingen PDF för {namn}" + (f": {meddelande}" if meddelande else "")
                )
            resultat.append(data)
    return resultat


_WNS: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rubrikrader_hela(docx: bytes) -> bytes:
    """The .docx LibreOffice converts: every table header row kept whole and with the row
    after it, so that no header row is left alone at the foot of a page (which LibreOffice
    does when a template lets rows break across pages)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        delar = {n: zf.read(n) for n in zf.namelist()}
    rot = etree.fromstring(delar["word/document.xml"])
    w = f"{{{_WNS}}}"
    andrat = False
    for trpr in rot.iter(f"{w}trPr"):
        if trpr.find(f"{w}tblHeader") is None:
            continue
        andrat = True
        if trpr.find(f"{w}cantSplit") is None:
            trpr.insert(0, etree.Element(f"{w}cantSplit"))
        for p in trpr.getparent().iter(f"{w}p"):  # type: ignore[union-attr]
            ppr = p.find(f"{w}pPr")
            if ppr is None:
                ppr = etree.Element(f"{w}pPr")
                p.insert(0, ppr)
            if ppr.find(f"{w}keepNext") is None:
                forst = ppr.find(f"{w}pStyle")
                keep = etree.Element(f"{w}keepNext")
                if forst is not None:
                    forst.addnext(keep)
                else:
                    ppr.insert(0, keep)
    if not andrat:
        return docx
    delar["word/document.xml"] = etree.tostring(rot, xml_declaration=True, encoding="UTF-8", standalone=True)
    ut = io.BytesIO()
    with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as zf:
        for namn, data in delar.items():
            zf.writestr(namn, data)
    return ut.getvalue()


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the process group LibreOffice runs in (soffice starts soffice.bin under it)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired, ValueError):
        process.communicate(timeout=30)  # reaps it and closes its pipe
    if process.stderr is not None:
        process.stderr.close()
    process.wait()


def dokumentdatum(docx: bytes) -> date:
    """The date a rendered .docx carries in its core properties (``dcterms:created``)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        core = etree.fromstring(zf.read("docProps/core.xml"))
    skapad = core.findtext(f"{{{_DC}}}created") or ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", skapad)
    if m is None:
        raise RenderError("dokumentet saknar datum i sina kärnegenskaper (dcterms:created)")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _rubrikceller(dok: pikepdf.Pdf) -> None:
    """The first row of a table tagged as header cells (TH) where LibreOffice left it TD.

    Every table a layout renders has a marked header row (``accessibility_problems``
    requires it), and LibreOffice 7.4 tags it TH except, observed, in a table it moved
    whole to the next page; there the row's cells are retagged TH, scope column.
    """
    trad = dok.Root.get("/StructTreeRoot")
    if trad is None:
        return
    rollkarta = trad.get("/RoleMap")
    for tabell in [e for e in _struktur(trad) if _roll(e, rollkarta) == "Table"]:
        if any(_roll(x, rollkarta) == "TH" for x in _struktur(tabell)):
            continue
        rad = next((x for x in _struktur(tabell) if _roll(x, rollkarta) == "TR"), None)
        if rad is None:
            continue
        for cell in _struktur(rad):
            if _roll(cell, rollkarta) == "TD":
                cell.S = pikepdf.Name.TH
                cell.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column)


def stamp(pdf: bytes, datum: date) -> bytes:
    """*pdf* with its creation and modification dates set to *datum* and an identifier
    derived from its content, so that the same document gives the same bytes; a table's
    header row LibreOffice left untagged is tagged TH."""
    with pikepdf.open(io.BytesIO(pdf)) as dok:
        pdfdatum = f"D:{datum:%Y%m%d}000000Z"
        dok.docinfo[pikepdf.Name.CreationDate] = pdfdatum
        dok.docinfo[pikepdf.Name.ModDate] = pdfdatum
        with dok.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            iso = f"{datum.isoformat()}T00:00:00Z"
            for nyckel in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                if nyckel in meta:
                    meta[nyckel] = iso
        _rubrikceller(dok)
        # LibreOffice's identifier is random and its checksum covers it; qpdf derives the
        # identifier from the content, which must not include them.
        for nyckel in ("/ID", "/DocChecksum"):
            if nyckel in dok.trailer:
                del dok.trailer[nyckel]
        ut = io.BytesIO()
        dok.save(ut, deterministic_id=True, linearize=False)
    return ut.getvalue()


# -- checking a PDF ---------------------------------------------------------------------------


def _struktur(element: Any) -> Iterator[Any]:
    """Every structure element under *element* (dictionaries with /S), depth first."""
    barn = element.get("/K")
    if barn is None:
        return
    for k in barn if isinstance(barn, pikepdf.Array) else [barn]:
        if isinstance(k, pikepdf.Dictionary) and "/S" in k:
            yield k
            yield from _struktur(k)


def _roll(element: Any, rollkarta: Any) -> str:
    namn = str(element.S)
    seen = set()
    while rollkarta is not None and namn in rollkarta and namn not in seen:
        seen.add(namn)
        namn = str(rollkarta[namn])
    return namn.lstrip("/")


def pdf_problems(pdf: bytes | str | os.PathLike[str], *, rubriker: bool = True) -> list[str]:
    """What keeps a PDF from the accessibility points; an empty list when there is nothing.

    Checked: a structure tree and ``/MarkInfo /Marked true`` (a tagged PDF), ``/Lang
    (sv-SE)``, a title shown as the window title (``/DisplayDocTitle true``), headings
    tagged H1…H6 (with *rubriker*) and bookmarks, every table with header cells (TH),
    and every figure with alternative text (``/Alt``).
    """
    data = pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()
    problem: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as dok:
        rot = dok.Root
        mark = rot.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            problem.append("PDF:en är inte märkt som taggad (/MarkInfo /Marked true saknas)")
        if str(rot.get("/Lang", "")) != "sv-SE":
            problem.append(f"PDF:ens språk är {str(rot.get('/Lang', ''))!r}, inte 'sv-SE'")
        titel = str(dok.docinfo.get("/Title", "")).strip()
        if not titel:
            problem.append("PDF:en saknar titel (/Title)")
        visning = rot.get("/ViewerPreferences")
        if visning is None or not bool(visning.get("/DisplayDocTitle", False)):
            problem.append("PDF:en visar filnamnet i stället för titeln (/DisplayDocTitle true saknas)")
        trad = rot.get("/StructTreeRoot")
        if trad is None:
            problem.append("PDF:en saknar strukturträd (inga taggar)")
            return problem
        rollkarta = trad.get("/RoleMap")
        element = list(_struktur(trad))
        roller = [_roll(e, rollkarta) for e in element]
        if rubriker:
            if not any(re.fullmatch(r"H[1-6]?", r) for r in roller):
                problem.append("PDF:en har inga taggade rubriker (H1–H6)")
            if rot.get("/Outlines") is None or int(rot.Outlines.get("/Count", 0)) == 0:
                problem.append("PDF:en saknar bokmärken")
        for e, roll in zip(element, roller, strict=True):
            if roll == "Table" and not any(_roll(x, rollkarta) == "TH" for x in _struktur(e)):
                problem.append("en tabell i PDF:en saknar rubrikceller (TH)")
            if roll == "Figure" and not str(e.get("/Alt", "")).strip():
                problem.append("en bild i PDF:en saknar alternativtext (/Alt)")
    return problem


# -- a set of documents ---------------------------------------------------------------------

#: The bookmark at the start of each section of a combined handling: the cover's
#: (``samlad.FORSATTSBLAD``) and each tjänsteskrivelse's and bilaga's.
_BOKMARKE: Final = re.compile(r"/?(?:Dagordning|Arende\d+(?:Tjansteskrivelse|Bilaga\d+))")


def _i_grupper(antal: int, arbetare: int) -> list[range]:
    """*antal* items split into at most *arbetare* consecutive ranges of nearly equal size."""
    arbetare = max(1, min(arbetare, antal))
    storlek, rest = divmod(antal, arbetare)
    grupper, start = [], 0
    for i in range(arbetare):
        slut = start + storlek + (1 if i < rest else 0)
        grupper.append(range(start, slut))
        start = slut
    return [g for g in grupper if len(g)]


def _konvertera(dokument: Sequence[tuple[str, bytes]], arbetare: int, tidsgrans: float) -> list[bytes]:
    """Every document converted, *arbetare* LibreOffice processes at once, one call each."""
    grupper = _i_grupper(len(dokument), arbetare)
    if len(grupper) <= 1:
        return convert(dokument, tidsgrans=tidsgrans)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(grupper)) as pool:
        delar = list(pool.map(lambda g: convert([dokument[i] for i in g], tidsgrans=tidsgrans), grupper))
    return [pdf for del_ in delar for pdf in del_]


def _sidantal(pdf: bytes) -> list[int]:
    """The pages of each document of a combined handling, from its bookmarks' destinations."""
    with pikepdf.open(io.BytesIO(pdf)) as dok:
        sidor: dict[tuple[int, int], int] = {dok.pages[i].obj.objgen: i for i in range(len(dok.pages))}
        mal = dok.Root.get("/Dests")
        starter = sorted(
            sidor[v[0].objgen]
            for k, v in (mal.items() if mal is not None else [])
            if _BOKMARKE.fullmatch(str(k)) and isinstance(v, pikepdf.Array) and v[0].objgen in sidor
        )
        totalt = len(dok.pages)
    return [b - a for a, b in zip(starter, [*starter[1:], totalt], strict=True)]


def _innehall_igen(
    dokument: list[tuple[str, bytes]],
    pdfer: list[bytes],
    igen: set[int],
    arbetare: int,
    tidsgrans: float,
) -> tuple[list[tuple[str, bytes]], list[bytes]]:
    """The documents with the page numbers of their tables of contents from their first
    PDF, and the PDFs again for those and the documents of *igen*."""
    from delarsrapport._render.innehall import har_innehall, med_sidnummer, sidor_i_pdf

    dokument = list(dokument)
    for i, ((namn, data), pdf) in enumerate(zip(dokument, pdfer, strict=True)):
        if har_innehall(data):
            dokument[i] = (namn, med_sidnummer(data, sidor_i_pdf(pdf)))
            igen.add(i)
    if not igen:
        return dokument, pdfer
    ordning = sorted(igen)
    nya = _konvertera([dokument[i] for i in ordning], arbetare, tidsgrans)
    pdfer = list(pdfer)
    for i, pdf in zip(ordning, nya, strict=True):
        pdfer[i] = pdf
    return dokument, pdfer


def konvertera_med_innehall(
    dokument: Sequence[tuple[str, bytes]], *, tidsgrans: float = TIDSGRANS
) -> list[bytes]:
    """Each .docx of *dokument* (name, bytes) as PDF bytes, in order, as :func:`convert`
    makes them, with the page numbers of each table of contents filled in (the documents
    that have one are converted a second time, together)."""
    pdfer = convert(dokument, tidsgrans=tidsgrans)
    return _innehall_igen(list(dokument), pdfer, set(), 1, tidsgrans)[1]


def med_pdf(
    grupper: Sequence[Sequence[tuple[str, bytes]]],
    *,
    samlad: bool = False,
    arbetare: int = 1,
    tidsgrans: float = TIDSGRANS,
) -> list[list[tuple[str, bytes]]]:
    """Each group of .docx documents (name, bytes) with a checked PDF after each document.

    All documents of all groups are converted by *arbetare* LibreOffice processes, one
    call each. A combined handling (*samlad*) is converted twice: the first PDF says how
    many pages each of its documents has, which its page footers then show; so is a
    document with a table of contents, whose first PDF gives its headings' page numbers
    (the .docx returned carries them too). Every PDF is stamped with its document's date
    and checked with :func:`pdf_problems`.
    """
    from delarsrapport._render.samlad import med_sidantal

    platta = [d for g in grupper for d in g]
    pdfer = _konvertera(platta, arbetare, tidsgrans)
    if samlad:
        platta = [
            (namn, med_sidantal(data, _sidantal(pdf)))
            for (namn, data), pdf in zip(platta, pdfer, strict=True)
        ]
    igen = set(range(len(platta))) if samlad else set()
    platta, pdfer = _innehall_igen(platta, pdfer, igen, arbetare, tidsgrans)
    ut: list[list[tuple[str, bytes]]] = []
    i = 0
    for grupp in grupper:
        rad: list[tuple[str, bytes]] = []
        for _ in grupp:
            namn, data = platta[i]
            pdf = stamp(pdfer[i], dokumentdatum(data))
            problem = pdf_problems(pdf)
            if problem:
                raise RenderError(f"PDF:en av {namn} är inte tillgänglig: {'; '.join(problem)}")
            rad += [(namn, data), (namn.removesuffix(".docx") + ".pdf", pdf)]
            i += 1
        ut.append(rad)
    return ut
