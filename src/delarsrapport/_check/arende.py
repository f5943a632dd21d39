"""The check of an ärende as a set of documents: dates, identities, bilaga registry and texts.

The tjänsteskrivelse and its beslutsunderlag, the numbering of the bilagor, each bilaga's
header (date, number, title, diarienummer) and what the source printed around the figures
(placeholders, empty fields), then the free texts of the whole ärende (placeholders,
heading levels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Final, cast

import attrs

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Path_, Recorder, kort
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport
from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.text import Punktlista, Rubrik, Stycke
from delarsrapport.formatting import format_datum, manadsnamn

__all__ = ["bilagehuvud", "bilageregister", "platshallare", "rubriknivaer", "tjansteskrivelse"]

#: Text a source leaves for someone to fill in: XX, xxx, X antal, a dashed line, or the prompt
#: of an empty Word content control.
_PLATSHALLARE: Final = re.compile(
    r"(?<![A-Za-zÅÄÖåäö])X{2,}(?![A-Za-zÅÄÖåäö])|(?<![A-Za-zÅÄÖåäö])x{3,}(?![A-Za-zÅÄÖåäö])"
    r"|\bX antal\b|-{4,}|Click or tap here to enter text|Klicka eller tryck här för att ange text"
)


def tjansteskrivelse(c: Recorder, rapport: Delarsrapport, arende: Arende, base: Path_) -> None:
    """The tjänsteskrivelse's dates, its printed beslutsunderlag and what else it printed."""
    ts = arende.tjansteskrivelse
    path = (*base, "tjansteskrivelse")
    if ts.namndbehandlas is not None and ts.namndbehandlas < ts.datum:
        c.add(
            Kod.DATUM_NAMNDBEHANDLAS,
            (*path, "namndbehandlas"),
            f"Nämndbehandlas {ts.namndbehandlas.isoformat()} ligger före tjänsteskrivelsens "
            f"datum {ts.datum.isoformat()}.",
            printed=ts.namndbehandlas.isoformat(),
            computed=ts.datum.isoformat(),
        )
    sammantrade = rapport.sammantrade
    if sammantrade is not None and ts.datum > sammantrade.datum:
        c.add(
            Kod.DATUM_SAMMANTRADE,
            (*path, "datum"),
            f"Tjänsteskrivelsen är daterad {ts.datum.isoformat()}, efter sammanträdet "
            f"{sammantrade.datum.isoformat()}.",
            printed=ts.datum.isoformat(),
            computed=sammantrade.datum.isoformat(),
        )
    _namndbehandlas_mot_sammantrade(
        c, rapport, ts.namndbehandlas, (*path, "namndbehandlas"), "Tjänsteskrivelsen"
    )
    r = ts.rapporterat
    if r is None:
        return
    if r.sjalvreferens_datum is not None and r.sjalvreferens_datum != ts.datum:
        c.add(
            Kod.DATUM_SJALVREFERENS,
            (*path, "rapporterat", "sjalvreferens_datum"),
            f"Beslutsunderlaget hänvisar till tjänsteskrivelsen daterad "
            f"{format_datum(r.sjalvreferens_datum, 'lang')}, men den är daterad "
            f"{format_datum(ts.datum, 'lang')}.",
            printed=r.sjalvreferens_datum.isoformat(),
            computed=ts.datum.isoformat(),
        )
    _beslutsunderlag(c, arende, r.beslutsunderlag, (*path, "rapporterat", "beslutsunderlag"))
    _tryckt_text(c, r.ovrig_text, r.tomma_falt, (*path, "rapporterat"))


def _beslutsunderlag(c: Recorder, arende: Arende, rader: tuple[str, ...], path: Path_) -> None:
    """The bilagor the printed beslutsunderlag names against the ärende's bilagor."""
    if not rader:
        return
    nummer = {b.nummer for b in arende.bilagor}
    namnda: list[int] = []
    for i, rad in enumerate(rader):
        m = re.match(r"\s*Bilaga\s+(\d+)|.*\bbilaga\s+(\d+)\s*$", rad, flags=re.IGNORECASE)
        if m is None:
            continue
        n = int(m.group(1) or m.group(2))
        namnda.append(n)
        if n not in nummer:
            c.add(
                Kod.BESLUTSUNDERLAG_AVVIKER,
                (*path, i),
                f"Beslutsunderlaget nämner bilaga {n}, men ärendet har bilagorna "
                f"{', '.join(map(str, sorted(nummer)))}: {rad!r}.",
                printed=rad,
            )
    saknas = sorted(nummer - set(namnda))
    if saknas and namnda:
        c.add(
            Kod.BESLUTSUNDERLAG_AVVIKER,
            path,
            f"Beslutsunderlaget nämner inte bilaga {', '.join(map(str, saknas))}.",
            computed=", ".join(map(str, saknas)),
        )


def bilageregister(c: Recorder, arende: Arende, base: Path_) -> None:
    """The bilagor are numbered 1, 2, 3 … without gaps."""
    nummer = sorted(b.nummer for b in arende.bilagor)
    if nummer and nummer != list(range(1, len(nummer) + 1)):
        c.add(
            Kod.BILAGA_NUMRERING,
            (*base, "bilagor"),
            f"Bilagorna har numren {', '.join(map(str, nummer))}; de ska vara 1–{len(nummer)} utan luckor.",
            printed=", ".join(map(str, nummer)),
            computed=", ".join(map(str, range(1, len(nummer) + 1))),
        )


def bilagehuvud(c: Recorder, rapport: Delarsrapport, arende: Arende, bilaga: Bilaga, path: Path_) -> None:
    """A bilaga's dates, and the number, titles and diarienummer its own document printed."""
    ts = arende.tjansteskrivelse
    datum = bilaga.datum
    datum_path = (*path, "datum")
    if bilaga.rapporterat is not None and bilaga.rapporterat.datum is not None:
        datum, datum_path = bilaga.rapporterat.datum, (*path, "rapporterat", "datum")
    if datum is not None and datum > ts.datum:
        c.add(
            Kod.DATUM_BILAGA_EFTER,
            datum_path,
            f"Bilaga {bilaga.nummer} är daterad {datum.isoformat()}, efter tjänsteskrivelsen "
            f"({ts.datum.isoformat()}) som hänvisar till den.",
            printed=datum.isoformat(),
            computed=ts.datum.isoformat(),
        )
    egen_datum = bilaga.datum or ts.datum
    _namndbehandlas_mot_sammantrade(
        c, rapport, bilaga.namndbehandlas, (*path, "namndbehandlas"), f"Bilaga {bilaga.nummer}"
    )
    if bilaga.namndbehandlas is not None and bilaga.namndbehandlas < egen_datum:
        c.add(
            Kod.DATUM_NAMNDBEHANDLAS,
            (*path, "namndbehandlas"),
            f"Nämndbehandlas {bilaga.namndbehandlas.isoformat()} ligger före bilagans datum "
            f"{egen_datum.isoformat()}.",
            printed=bilaga.namndbehandlas.isoformat(),
            computed=egen_datum.isoformat(),
        )
    r = bilaga.rapporterat
    if r is None:
        return
    rp = (*path, "rapporterat")
    if isinstance(r.nummer, Tom):
        c.add(
            Kod.BILAGA_NUMMER_AVVIKER,
            (*rp, "nummer"),
            f"Bilaga {bilaga.nummer} bär inget bilagenummer i sitt eget dokument.",
            printed="",
            computed=str(bilaga.nummer),
        )
    elif r.nummer is not None and r.nummer != bilaga.nummer:
        c.add(
            Kod.BILAGA_NUMMER_AVVIKER,
            (*rp, "nummer"),
            f"Bilagan rubriceras 'Bilaga {r.nummer}' i sitt dokument men är bilaga "
            f"{bilaga.nummer} i beslutsunderlaget.",
            printed=str(r.nummer),
            computed=str(bilaga.nummer),
        )
    for falt, var in (
        ("titel", "i bilagans sidhuvud"),
        ("rubrik", "som dokumentets rubrik"),
        ("titel_i_beslutsunderlag", "i beslutsunderlaget"),
    ):
        tryckt = getattr(r, falt)
        if tryckt is None or _samma_titel(tryckt, bilaga, rapport, rubrik=falt == "rubrik"):
            continue
        andra = _annan_period(tryckt, bilaga, arende.period)
        if andra:
            c.add(
                Kod.BILAGA_TITEL_PERIOD,
                (*rp, falt),
                f"Bilaga {bilaga.nummer} heter {tryckt!r} {var}, men {bilaga.hela_titeln!r} i "
                f"registret; {', '.join(andra)} är inte rapportens period ({_period_ord(arende.period)}).",
                printed=tryckt,
                computed=bilaga.hela_titeln,
            )
        else:
            c.add(
                Kod.BILAGA_TITEL_AVVIKER,
                (*rp, falt),
                f"Bilaga {bilaga.nummer} heter {tryckt!r} {var}, men {bilaga.hela_titeln!r} i registret.",
                printed=tryckt,
                computed=bilaga.hela_titeln,
            )
    diarienummer = arende.diarienummer
    if isinstance(r.diarienummer, Tom):
        c.add(
            Kod.DIARIENUMMER_SAKNAS,
            (*rp, "diarienummer"),
            f"Bilaga {bilaga.nummer} tryckte fältet Diarienummer utan värde"
            + (f"; ärendets nummer är {diarienummer.text}." if diarienummer else "."),
            printed="",
            computed=diarienummer.text if diarienummer else None,
        )
    elif r.diarienummer is not None and diarienummer is not None:
        tillatna = {diarienummer.text, diarienummer.for_bilaga(bilaga.nummer).text}
        if r.diarienummer not in tillatna:
            c.add(
                Kod.DIARIENUMMER_AVVIKER,
                (*rp, "diarienummer"),
                f"Bilaga {bilaga.nummer} bär diarienumret {r.diarienummer}, men ärendets är "
                f"{diarienummer.text}.",
                printed=r.diarienummer,
                computed=diarienummer.text,
            )
    _tryckt_text(c, r.ovrig_text, r.tomma_falt, rp)


def _namndbehandlas_mot_sammantrade(
    c: Recorder, rapport: Delarsrapport, namndbehandlas: date | None, path: Path_, vem: str
) -> None:
    """A document that names another meeting day than the meeting's (a varning)."""
    sammantrade = rapport.sammantrade
    if sammantrade is None or namndbehandlas is None or namndbehandlas == sammantrade.datum:
        return
    c.add(
        Kod.DATUM_SAMMANTRADE,
        path,
        f"{vem} nämndbehandlas {namndbehandlas.isoformat()}, men sammanträdet är "
        f"{sammantrade.datum.isoformat()}.",
        printed=namndbehandlas.isoformat(),
        computed=sammantrade.datum.isoformat(),
    )


def _tryckt_text(c: Recorder, ovrig: tuple[str, ...], tomma: tuple[str, ...], path: Path_) -> None:
    """Placeholders and empty fields the source printed around its figures."""
    for i, text in enumerate(ovrig):
        if _PLATSHALLARE.search(text):
            c.add(
                Kod.PLATSHALLARE_TRYCKT,
                (*path, "ovrig_text", i),
                f"Källan tryckte platshållaren {text.strip()!r}.",
                printed=text,
            )
    for i, falt in enumerate(tomma):
        c.add(
            Kod.TOMT_FALT,
            (*path, "tomma_falt", i),
            f"Källan tryckte fältet {falt.strip()!r} utan värde.",
            printed=falt,
        )


def platshallare(c: Recorder, arende: Arende, base: Path_) -> None:
    """Every string of the ärende's own input (not what a source printed) that looks like a placeholder."""
    for path, text in _strings(arende.tjansteskrivelse, (*base, "tjansteskrivelse")):
        _platshallare(c, path, text)
    for i, bilaga in enumerate(arende.bilagor):
        for path, text in _strings(bilaga, (*base, "bilagor", i)):
            _platshallare(c, path, text)


def _platshallare(c: Recorder, path: Path_, text: str) -> None:
    if "rapporterat" in path:
        return
    m = _PLATSHALLARE.search(text)
    if m:
        c.add(
            Kod.PLATSHALLARE,
            path,
            f"Texten innehåller {m.group(0).strip()!r}, som ser ut som en platshållare: {kort(text, 80)!r}.",
            printed=m.group(0).strip(),
        )


def rubriknivaer(c: Recorder, arende: Arende, base: Path_) -> None:
    """In every free text, each heading is at most one level below the heading before it."""
    objs: list[tuple[object, Path_]] = [(arende.tjansteskrivelse, (*base, "tjansteskrivelse"))]
    objs += [(b, (*base, "bilagor", i)) for i, b in enumerate(arende.bilagor)]
    for obj, path in objs:
        for text_path, text in _texter(obj, path):
            forra = 0
            for k, block in enumerate(text):
                if not isinstance(block, Rubrik):
                    continue
                if block.niva > forra + 1:
                    foregaende = f"niva {forra}" if forra else "ingen rubrik"
                    c.add(
                        Kod.RUBRIKNIVA_HOPPAR,
                        (*text_path, k),
                        f"Rubriken {kort(block.text)!r} har niva {block.niva} efter {foregaende}; "
                        f"ge den niva {forra + 1}.",
                        printed=str(block.niva),
                        computed=str(forra + 1),
                    )
                forra = block.niva


def _norm_titel(text: str, rapport: Delarsrapport) -> str:
    text = " ".join(text.split()).casefold()
    namn = re.escape(rapport.namnd.namn.casefold())
    text = re.sub(rf"\b{namn}s\s+|\s*\bför\s+{namn}\b", " ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _samma_titel(tryckt: str, bilaga: Bilaga, rapport: Delarsrapport, *, rubrik: bool) -> bool:
    """Whether a printed title names the registry's bilaga in the same words.

    The printed title may be the registry's title, its subtitle, or both in either order
    (a styrdokument's cover splits them); case, punctuation and the nämnd's name
    ("Socialnämndens …", "… för Socialnämnden") do not count. The document's own heading
    may be a short form of the title ("Nämndplan 2023" for "Nämndplan för Socialnämnden
    år 2023").
    """
    a = _norm_titel(tryckt, rapport)
    delar = [bilaga.titel, *([bilaga.undertitel] if bilaga.undertitel else [])]
    former = {_norm_titel(" ".join(f), rapport) for f in (*([d] for d in delar), delar, delar[::-1])}
    if a in former:
        return True
    if not rubrik:
        return False
    return set(a.split()) - {"år"} <= set(_norm_titel(" ".join(delar), rapport).split())


_MANADER: Final = tuple(manadsnamn(m) for m in range(1, 13))
_AR: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _period_ord(period: Rapportperiod) -> str:
    return f"{manadsnamn(period.slutmanad)} {period.ar}"


def _annan_period(tryckt: str, bilaga: Bilaga, period: Rapportperiod) -> list[str]:
    """The years and months a printed title names that neither the report's period nor the
    registry's title and subtitle have: what would make a reader take it for another document."""
    registret = f"{bilaga.titel} {bilaga.undertitel or ''}".casefold()
    kanda_ar = {str(period.ar), *_AR.findall(registret)}
    kanda_manader = {manadsnamn(period.slutmanad), *(m for m in _MANADER if m in registret)}
    ord_ = re.findall(r"\w+", tryckt.casefold())
    andra = [a for a in _AR.findall(tryckt) if a not in kanda_ar]
    andra += [m for m in ord_ if m in _MANADER and m not in kanda_manader]
    return list(dict.fromkeys(andra))


def _texter(obj: object, path: Path_) -> Iterator[tuple[Path_, tuple[object, ...]]]:
    """Every free text (a tuple of blocks) in a model object, with its field path."""
    if isinstance(obj, tuple):
        if any(isinstance(x, (Stycke, Rubrik, Punktlista)) for x in obj):
            yield path, obj
        else:
            for i, item in enumerate(obj):
                yield from _texter(item, (*path, i))
    elif attrs.has(type(obj)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            if field.name != "rapporterat":
                yield from _texter(getattr(obj, field.name), (*path, field.name))


def _strings(obj: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every string in a model object, with its field path (for the placeholder check)."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            if isinstance(item, Punktlista):
                for j, punkt in enumerate(item.punkter):
                    yield (*path, i, "punkter", j), punkt
            elif isinstance(item, (Stycke, Rubrik)):
                yield (*path, i), item.text
            else:
                yield from _strings(item, (*path, i))
    elif attrs.has(type(obj)):
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            yield from _strings(getattr(obj, field.name), (*path, field.name))
