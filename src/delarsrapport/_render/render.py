"""render(): a report's documents as .docx files, through a layout."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from delarsrapport._check import check
from delarsrapport._check.koder import Severity
from delarsrapport._context import DokumentVy, bygg_handlingar, bygg_kontext, filnamnsdel
from delarsrapport._errors import CheckError, RenderError
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport
from delarsrapport._render.engine import Karnegenskaper, PreparedTemplate, prepare
from delarsrapport._render.innehall import fyll_innehall
from delarsrapport._render.join import join
from delarsrapport._render.layout import Layout, load_layout
from delarsrapport._render.output import write_set
from delarsrapport._render.samlad import handlingens_egenskaper, samla

__all__ = ["Dokument", "beskrivning", "fingeravtryck", "render", "render_bytes", "render_forsattsblad"]


@attrs.frozen
class Dokument:
    """One rendered document: its file name and bytes."""

    filnamn: str
    data: bytes


def _prepared(layout: Layout, slag: str) -> PreparedTemplate:
    inst = layout.installningar
    return prepare(layout.mall(slag), inst.talstil, inst.stilar, inst.typografi)


def _egenskaper(rapport: Delarsrapport, arende: Arende, dokument: DokumentVy) -> Karnegenskaper:
    namnd = rapport.namnd.namn
    # The full title (with a styrdokument's subtitle) is what a screen reader and the PDF show.
    hel = dokument.hela_titeln
    titel = hel if not dokument.bilaga_etikett else f"{dokument.bilaga_etikett}: {hel}"
    return Karnegenskaper(
        titel=titel,
        amne=f"{namnd} – {arende.tjansteskrivelse.rubrik}",
        forfattare=rapport.forvaltning.namn,
        datum=dokument.datum,
        identifierare=dokument.diarienummer,
        nyckelord=f"{namnd}; {rapport.kommun.namn}",
    )


def _filnamn(layout: Layout, arendenummer: int, bilaga: Bilaga | None) -> str:
    mall = layout.installningar.filnamn
    if bilaga is None:
        namn = mall.tjansteskrivelse.format(arende=arendenummer)
    else:
        namn = mall.bilaga.format(
            arende=arendenummer, nummer=bilaga.nummer, slag=bilaga.kind, titel=filnamnsdel(bilaga.titel)
        )
    if "/" in namn or "\\" in namn or not namn.endswith(".docx"):
        raise RenderError(f"filnamnet {namn!r} från layoutens inställningar ska sluta på .docx och sakna '/'")
    return namn


def render_bytes(
    rapport: Delarsrapport, *, layout: str | Path | Layout = "uppsala", samlad: bool = False
) -> list[Dokument]:
    """Every document of *rapport* rendered in memory, in order (tjänsteskrivelse, bilaga 1, …).

    Each :class:`Dokument` has the file name the layout gives it and the validated .docx
    bytes, so a web service can stream them without a folder. Any number of threads may
    call this at once; each gets the same bytes as a serial call. With *samlad*, the one
    document is the combined handling: every ärende's tjänsteskrivelse and bilagor in one
    file, each starting on a new page with its own headers, footers and page numbers,
    after a cover with the meeting's agenda when the layout has a template for it
    (``handlingar.docx``).
    """
    lay = layout if isinstance(layout, Layout) else load_layout(layout)
    inst = lay.installningar
    dokument: list[Dokument] = []
    for nummer, arende in enumerate(rapport.arenden, start=1):
        ctx = bygg_kontext(rapport, arende, nummer, inst)
        rendering = _prepared(lay, "tjansteskrivelse").render(ctx)
        vy = ctx["dokument"]
        assert isinstance(vy, DokumentVy)
        dokument.append(
            Dokument(
                _filnamn(lay, nummer, None),
                fyll_innehall(rendering.package(_egenskaper(rapport, arende, vy))),
            )
        )
        for bilaga in sorted(arende.bilagor, key=lambda b: b.nummer):
            delar = []
            vy_bilaga: DokumentVy | None = None
            for del_ in bilaga.delar:
                ctx = bygg_kontext(rapport, arende, nummer, inst, bilaga=bilaga, del_=del_)
                delar.append(_prepared(lay, del_.kind).render(ctx))
                vy_b = ctx["dokument"]
                assert isinstance(vy_b, DokumentVy)
                vy_bilaga = vy_bilaga or vy_b
            assert vy_bilaga is not None
            egenskaper = _egenskaper(rapport, arende, vy_bilaga)
            paket = [d.package(egenskaper) for d in delar]
            data = paket[0] if len(paket) == 1 else join(paket, egenskaper)
            data = fyll_innehall(data)
            dokument.append(Dokument(_filnamn(lay, nummer, bilaga), data))
    namn = [d.filnamn for d in dokument]
    if len(set(namn)) != len(namn):
        raise RenderError(f"layoutens filnamn ger samma namn åt flera dokument: {namn}")
    if samlad:
        forsattsblad = render_forsattsblad(rapport, lay)
        return [Dokument(*samla(rapport, lay, [(d.filnamn, d.data) for d in dokument], forsattsblad))]
    return dokument


def render_forsattsblad(rapport: Delarsrapport, layout: Layout) -> bytes | None:
    """The cover of *rapport*'s combined handling (the meeting and its agenda) rendered with
    *layout*'s ``handlingar.docx``; None when the layout has no such template."""
    if not layout.har_mall("handlingar"):
        return None
    rendering = _prepared(layout, "handlingar").render(bygg_handlingar(rapport, layout.installningar))
    return rendering.package(handlingens_egenskaper(rapport))


def fingeravtryck(dokument: Sequence[tuple[str, bytes]]) -> str:
    """The fingerprint of a set of documents (file name, bytes) for its manifest."""
    fingerprint = hashlib.sha256()
    for namn, data in dokument:
        fingerprint.update(namn.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return fingerprint.hexdigest()


def beskrivning(rapport: Delarsrapport, layout: Layout, dokument: Sequence[Dokument]) -> dict[str, object]:
    """What the manifest says of a set: which report, which layout, and a fingerprint of it all."""
    return {
        "rapport": {
            "kommun": rapport.kommun.namn,
            "namnd": rapport.namnd.namn,
            "period": rapport.period.kod,
            "diarienummer": [str(a.diarienummer) if a.diarienummer else None for a in rapport.arenden],
        },
        "layout": layout.katalog.name,
        "uppsattning": fingeravtryck([(d.filnamn, d.data) for d in dokument]),
    }


def render(
    rapport: Delarsrapport,
    *,
    layout: str | Path | Layout = "uppsala",
    out_dir: str | os.PathLike[str],
    strict: bool = False,
    samlad: bool = False,
    pdf: bool = False,
) -> list[Path]:
    """Render *rapport* with *layout* into *out_dir*; return the written paths in order.

    The tjänsteskrivelse comes first, then each bilaga in number order (and the same for
    any further ärende). File names follow the layout's settings; by default
    ``1-tjansteskrivelse.docx`` and ``1-bilaga-1-ekonomisk-uppfoljning….docx``. Every
    document is rendered and validated before anything is written, and the documents are
    written as one set: the folder holds either the whole new set or its old one, never a
    mix (see :func:`delarsrapport.recover`). Files of an earlier set that the new one does
    not have are removed; other files in the folder are left alone. With *strict*, a
    report whose check finds any fel is refused (:class:`~delarsrapport.CheckError`);
    otherwise the documents always show the computed figures.

    With *samlad*, the set is one document, the combined handling (see
    :func:`render_bytes`). With *pdf*, each .docx gets an accessible PDF beside it
    (tagged, PDF/UA, language sv-SE, its title shown, bookmarks from the headings), made
    by LibreOffice and checked; a missing LibreOffice is a :class:`~delarsrapport.RenderError`
    that says how to install it.
    """
    if strict:
        fel = [f for f in check(rapport) if f.severity is Severity.FEL]
        if fel:
            raise CheckError(list(fel))
    lay = layout if isinstance(layout, Layout) else load_layout(layout)
    dokument = render_bytes(rapport, layout=lay, samlad=samlad)
    if pdf:
        from delarsrapport._render.pdf import med_pdf  # pikepdf and LibreOffice only when asked for

        (med,) = med_pdf([[(d.filnamn, d.data) for d in dokument]], samlad=samlad)
        dokument = [Dokument(namn, data) for namn, data in med]
    return write_set(
        out_dir, [(d.filnamn, d.data) for d in dokument], description=beskrivning(rapport, lay, dokument)
    )
