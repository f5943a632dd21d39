"""render(): a report's documents as .docx files, through a layout."""

from __future__ import annotations

from pathlib import Path

import attrs

from delarsrapport._check.check import check
from delarsrapport._check.koder import Severity
from delarsrapport._context import DokumentVy, bygg_kontext, filnamnsdel
from delarsrapport._errors import CheckError, RenderError
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport
from delarsrapport._render.docx import (
    Karnegenskaper,
    PreparedTemplate,
    finish,
    join,
    prepare,
    write_atomically,
)
from delarsrapport._render.layout import Layout, load_layout

__all__ = ["Dokument", "render", "render_bytes"]


@attrs.frozen
class Dokument:
    """One rendered document: its file name and bytes."""

    filnamn: str
    data: bytes


def _prepared(layout: Layout, slag: str) -> PreparedTemplate:
    inst = layout.installningar
    return prepare(layout.mall(slag), inst.talstil, inst.stilar)


def _egenskaper(rapport: Delarsrapport, arende: Arende, dokument: DokumentVy) -> Karnegenskaper:
    namnd = rapport.namnd.namn
    titel = dokument.titel if not dokument.bilaga_etikett else f"{dokument.bilaga_etikett}: {dokument.titel}"
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


def render_bytes(rapport: Delarsrapport, *, layout: str | Path | Layout = "uppsala") -> list[Dokument]:
    """Render every document of *rapport* in memory, in order (tjänsteskrivelse, bilaga 1, …)."""
    lay = layout if isinstance(layout, Layout) else load_layout(layout)
    inst = lay.installningar
    dokument: list[Dokument] = []
    for nummer, arende in enumerate(rapport.arenden, start=1):
        ctx = bygg_kontext(rapport, arende, nummer, inst)
        doc = _prepared(lay, "tjansteskrivelse").render(ctx)
        vy = ctx["dokument"]
        assert isinstance(vy, DokumentVy)
        dokument.append(Dokument(_filnamn(lay, nummer, None), finish(doc, _egenskaper(rapport, arende, vy))))
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
            doc = delar[0] if len(delar) == 1 else join(delar)
            dokument.append(
                Dokument(_filnamn(lay, nummer, bilaga), finish(doc, _egenskaper(rapport, arende, vy_bilaga)))
            )
    namn = [d.filnamn for d in dokument]
    if len(set(namn)) != len(namn):
        raise RenderError(f"layoutens filnamn ger samma namn åt flera dokument: {namn}")
    return dokument


def render(
    rapport: Delarsrapport,
    *,
    layout: str | Path | Layout = "uppsala",
    out_dir: str | Path,
    strict: bool = False,
) -> list[Path]:
    """Render *rapport* with *layout* into *out_dir*; return the written paths in order.

    The tjänsteskrivelse comes first, then each bilaga in number order (and the same for
    any further ärende). File names follow the layout's settings; by default
    ``1-tjansteskrivelse.docx`` and ``1-bilaga-1-ekonomisk-uppfoljning….docx``. Every
    document is validated before anything is written, and each file is written
    atomically. With *strict*, a report whose check finds any fel is refused
    (:class:`~delarsrapport.CheckError`); otherwise the documents always show the
    computed figures.
    """
    if strict:
        fel = [f for f in check(rapport) if f.severity is Severity.FEL]
        if fel:
            raise CheckError(list(fel))
    dokument = render_bytes(rapport, layout=layout)
    katalog = Path(out_dir)
    paths = []
    for d in dokument:
        path = katalog / d.filnamn
        write_atomically(path, d.data)
        paths.append(path)
    return paths
