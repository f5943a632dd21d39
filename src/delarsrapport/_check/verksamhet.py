"""The check of a verksamhetsuppföljning: statuses, bedömningar, indicators and printed counts.

Each mål is its own section; the counts the report prints about the whole bilaga
(uppdrag per status, mål per bedömning) are the section Sammanställning.
"""

from __future__ import annotations

from typing import Final

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Path_, Recorder, kort
from delarsrapport._model.status import Bedomning, Malniva, Trend
from delarsrapport._model.verksamhet import (
    Indikator,
    KfMal,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR, BEDOMNINGSORD, STATUSORD, bedomning_for_mening
from delarsrapport.formatting import avrunda, format_lista, format_procent

__all__ = ["verksamhetsuppfoljning"]

#: The trend arrows a source prints, read back as a trend.
_PILAR: Final = {"↗": Trend.UPP, "↘": Trend.NED, "→": Trend.OFORANDRAD}
#: The arrow for a trend, to write in a message.
_PIL: Final = {Trend.UPP: "↗", Trend.NED: "↘", Trend.OFORANDRAD: "→"}


def verksamhetsuppfoljning(c: Recorder, v: Verksamhetsuppfoljning, path: Path_) -> None:
    """Every mål with its poster, then the printed counts against the poster."""
    har_bedomning = any(m.bedomning is not None for m in v.mal)
    for i, mal in enumerate(v.mal):
        mp = (*path, "mal", i)
        with c.avsnitt(f"Mål {mal.nummer}: {mal.titel}" if mal.nummer else mal.titel):
            if har_bedomning and mal.bedomning is None and (mal.poster or mal.text):
                c.add(Kod.BEDOMNING_SAKNAS, (*mp, "bedomning"), f"Målet {mal.titel!r} saknar bedömning.")
            _bedomningstext(c, mal, mp, v.malniva)
            poster = list(mal.poster)
            uppdrag = [p for p in poster if isinstance(p, Uppdrag)]
            med_status = any(u.status is not None for u in uppdrag)
            for j, post in enumerate(poster):
                pp = (*mp, "poster", j, post.typ)
                if isinstance(post, Uppdrag) and med_status and post.status is None:
                    nummer = f" {post.nummer}" if post.nummer else ""
                    c.add(
                        Kod.STATUS_SAKNAS,
                        (*pp, "status"),
                        f"Uppdrag{nummer} {kort(post.titel)!r} saknar status, men övriga uppdrag "
                        "under målet har en.",
                    )
                _bedomningstext(c, post, pp, v.malniva)
                _indikatorer(c, post.indikatorer, pp)
                _atgarder(c, post, pp)
                if isinstance(post, Uppdrag):
                    for k, nm in enumerate(post.namndmal):
                        nmp = (*pp, "namndmal", k)
                        _bedomningstext(c, nm, nmp, v.malniva)
                        _indikatorer(c, nm.indikatorer, nmp)
            _indikatorer(c, mal.indikatorer, mp)
    with c.avsnitt("Sammanställning"):
        _sammanstallning(c, v, path)


def _sammanstallning(c: Recorder, v: Verksamhetsuppfoljning, path: Path_) -> None:
    """The counts the report printed (uppdrag per status and in total, nämndmål, åtgärder,
    mål per bedömning) against the poster."""
    r = v.rapporterat
    if r is None:
        return
    rp = (*path, "rapporterat")
    beraknat = v.uppdrag_per_status()
    for k, grupp in enumerate(r.uppdrag_per_status):
        antal = sum(beraknat.get(status, 0) for status in grupp.statusar)
        if antal != grupp.antal:
            namn = format_lista([STATUSORD[s] for s in grupp.statusar], sista="eller")
            c.add(
                Kod.ANTAL_AVVIKER,
                (*rp, "uppdrag_per_status", k),
                f"Rapporten anger {grupp.antal} uppdrag med status {namn}, men bilagan har {antal}.",
                printed=str(grupp.antal),
                computed=str(antal),
            )
    namndmal = list(v.alla_namndmal())
    kommungemensamma = sum(1 for n in namndmal if n.kommungemensamt)
    for falt, angivet, antal, vad in (
        ("uppdrag_totalt", r.uppdrag_totalt, sum(1 for _ in v.alla_uppdrag()), "uppdrag totalt"),
        ("namndmal_totalt", r.namndmal_totalt, len(namndmal), "nämndmål totalt"),
        (
            "namndmal_namndspecifika",
            r.namndmal_namndspecifika,
            len(namndmal) - kommungemensamma,
            "nämndspecifika nämndmål",
        ),
        (
            "namndmal_kommungemensamma",
            r.namndmal_kommungemensamma,
            kommungemensamma,
            "kommungemensamma nämndmål",
        ),
        ("atgarder_totalt", r.atgarder_totalt, sum(1 for _ in v.alla_atgarder()), "åtgärder totalt"),
    ):
        if angivet is not None and angivet != antal:
            c.add(
                Kod.ANTAL_AVVIKER,
                (*rp, falt),
                f"Rapporten anger {angivet} {vad}, men bilagan har {antal}.",
                printed=str(angivet),
                computed=str(antal),
            )
    if r.mal_per_bedomning is not None:
        beraknat_b = v.mal_per_bedomning()
        for bedomning, antal in r.mal_per_bedomning.items():
            if beraknat_b.get(bedomning, 0) != antal:
                c.add(
                    Kod.ANTAL_AVVIKER,
                    (*rp, "mal_per_bedomning", bedomning.value),
                    f"Rapporten anger {antal} mål med bedömningen {BEDOMNINGSORD[bedomning]!r}, men "
                    f"bilagan har {beraknat_b.get(bedomning, 0)}.",
                    printed=str(antal),
                    computed=str(beraknat_b.get(bedomning, 0)),
                )


def _atgarder(c: Recorder, post: Namndmal | Uppdrag, path: Path_) -> None:
    med_status = any(a.status is not None for a in post.atgarder)
    for k, atgard in enumerate(post.atgarder):
        if med_status and atgard.status is None:
            c.add(
                Kod.STATUS_SAKNAS,
                (*path, "atgarder", k, "status"),
                f"Åtgärden {kort(atgard.text)!r} saknar status, men övriga åtgärder har en.",
            )


def _bedomningstext(c: Recorder, post: KfMal | Namndmal | Uppdrag, path: Path_, niva: Malniva) -> None:
    """The bedömning's sentence, printed or written, against the bedömning it belongs to."""
    if post.bedomning is None:
        return
    egen = BEDOMNINGSMENINGAR[niva][post.bedomning]
    r = post.rapporterat
    if r is not None and r.bedomningstext is not None:
        andra = bedomning_for_mening(r.bedomningstext) - {post.bedomning}
        if andra and post.bedomning not in bedomning_for_mening(r.bedomningstext):
            c.add(
                Kod.BEDOMNINGSTEXT_MOTSAGER,
                (*path, "rapporterat", "bedomningstext"),
                f"Bedömningen är {_bedomningsord(post.bedomning)!r}, men den tryckta meningen "
                f"{kort(r.bedomningstext)!r} hör till "
                f"{', '.join(sorted(repr(_bedomningsord(a)) for a in andra))}. "
                f"Meningen för {_bedomningsord(post.bedomning)!r} är {egen!r}.",
                printed=r.bedomningstext,
                computed=egen,
            )
    if post.bedomningstext is not None:
        andra = bedomning_for_mening(post.bedomningstext) - {post.bedomning}
        if andra:
            c.add(
                Kod.BEDOMNINGSTEXT_ANNAN,
                (*path, "bedomningstext"),
                f"Bedömningen är {_bedomningsord(post.bedomning)!r}, men bedömningstexten "
                f"{kort(post.bedomningstext)!r} är standardmeningen för "
                f"{', '.join(sorted(repr(_bedomningsord(a)) for a in andra))}.",
                printed=post.bedomningstext,
                computed=egen,
            )


def _indikatorer(c: Recorder, indikatorer: tuple[Indikator, ...], path: Path_) -> None:
    """Each indicator's printed ratio and trend arrow against its values."""
    for k, ind in enumerate(indikatorer):
        ip = (*path, "indikatorer", k)
        r = ind.rapporterat
        if r is None:
            continue
        kvot = ind.kvot
        senaste = ind.senaste
        if kvot is not None and senaste is not None and avrunda(kvot * 100, 0) != avrunda(senaste * 100, 0):
            c.add(
                Kod.INDIKATOR_KVOT,
                (*ip, "rapporterat"),
                f"{kort(ind.namn)!r}: utfallet är {format_procent(senaste, mellanslag=False)}, "
                f"men kommentaren anger {r.taljare} av {r.namnare}, vilket är "
                f"{format_procent(kvot, decimaler=1, mellanslag=False)}.",
                printed=format_procent(senaste, mellanslag=False),
                computed=format_procent(kvot, decimaler=1, mellanslag=False),
                difference=(senaste - kvot) * 100,
                unit="procentenheter",
            )
        if r.trend is not None:
            tryckt = _PILAR.get(r.trend.strip())
            beraknad = ind.trend
            if r.trend.strip() and tryckt != beraknad:
                varden = " → ".join(
                    format_procent(v, mellanslag=False) if ind.enhet.value == "andel" else str(v)
                    for v in ind.varden
                )
                c.add(
                    Kod.TREND_PIL,
                    (*ip, "rapporterat", "trend"),
                    f"{kort(ind.namn)!r}: trendpilen är {r.trend.strip()} men utfallen "
                    f"{varden} ger {_PIL[beraknad] if beraknad else 'ingen pil'}.",
                    printed=r.trend.strip(),
                    computed=_PIL[beraknad] if beraknad else "",
                )


def _bedomningsord(b: Bedomning) -> str:
    """The assessment as an economist says it: "Delvis uppfyllt" (data value ``delvis_uppfyllt``)."""
    return BEDOMNINGSORD[b]
