"""Data a layout never shows: the layout check's warnings, and the settings that explain it.

A layout may leave data out, but it should say so. :func:`granska_visas` measures which
input fields the layout prints (:func:`~delarsrapport._designer.visas.visade`) and warns
(``MALL-VISAS-INTE``) about each field that a template could show (a view of the contract
holds it) but that the layout never prints, unless ``visas_inte`` in the settings file
lists it with the reason. Fields no template can show are never warned about: what a
source printed (``rapporterat``, which only the consistency check compares), the fields
that steer how something is written (:data:`~delarsrapport._designer.visas.STYR`), and
those no view holds (the check uses them, or the context computes from them).

An entry of ``visas_inte`` that names a field the layout prints, a field that does not
exist or one no template can show, or that has no reason, is a warning too
(``MALL-VISAS-INTE-POST``), at its line. These are warnings: ``render`` refuses nothing
because of them. :func:`visas_inte_block` writes the block for a layout's settings file.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Final

import attrs

from delarsrapport._check.koder import Severity
from delarsrapport._designer.fynd import Mallfynd, Mallkod, Samlare, menade
from delarsrapport._designer.provrapport import Nyckel, rapporterat
from delarsrapport._designer.visas import STYR, dokumentslag, matbara_falt, visade, vyplats
from delarsrapport._errors import DelarsrapportError
from delarsrapport._load.converter import DELAR
from delarsrapport._load.reader import ReadError, read_yaml
from delarsrapport._model.docstrings import class_doc, field_docs
from delarsrapport._model.rapport import DOKUMENTSLAG, VALFRIA_DOKUMENTSLAG
from delarsrapport._render.layout import INSTALLNINGSFIL

__all__ = ["granska_visas", "visas_inte_block"]

_V: Final = Severity.VARNING

_SLAG_SV: Final[dict[str, str]] = {
    "tjansteskrivelse": "tjänsteskrivelsen",
    "ekonomi": "den ekonomiska uppföljningen",
    "verksamhet": "verksamhetsuppföljningen",
    "nyckeltal": "nyckeltalsbilagan",
    "internkontroll": "internkontrollen",
    "handlingar": "försättsbladet i den samlade handlingen",
}
"""The document kinds as a sentence names them."""

_RECEPT: Final = "docs/egen-kommunmall.md, Data som layouten inte visar"


def _namn(nyckel: Nyckel) -> str:
    return f"{nyckel[0]}.{nyckel[1]}"


@cache
def _indataklasser() -> dict[str, type]:
    """Every class of the input reference, by name."""
    from delarsrapport._docgen.indata import _classes

    return {c.__name__: c for c in _classes()}


def _slagtext(slag: tuple[str, ...]) -> str:
    """Where a field belongs, in words: "alla dokumenten", "varje bilaga", or the kinds."""
    if set(slag) == set(DOKUMENTSLAG):
        return "alla dokumenten"
    if set(slag) == set(DELAR):
        return "varje bilaga"
    delar = [f"{_SLAG_SV.get(s, s)} ({s}.docx)" for s in slag]
    return " och ".join(delar) if len(delar) <= 2 else ", ".join(delar[:-1]) + " och " + delar[-1]


@cache
def _faltdocs(cls: type) -> dict[str, str]:
    return field_docs(cls)


def _beskrivning(nyckel: Nyckel) -> str:
    """The field in the input reference's words: its class's, then its own description."""
    cls = _indataklasser().get(nyckel[0])
    if cls is None:
        return ""
    klass = re.split(r"[:(.]", class_doc(cls).replace("``", ""), maxsplit=1)[0].strip()
    falt = " ".join(_faltdocs(cls).get(nyckel[1], "").replace("``", "").split()).rstrip(".")
    return f"{klass}: {falt}" if klass and falt else klass or falt


def _saknat(nyckel: Nyckel, ordning: int, nummer: int) -> tuple[tuple[int, ...], Mallfynd]:
    """The warning that the layout never prints the field."""
    plats = vyplats(nyckel)
    assert plats is not None
    fil = f"{plats.slag}.docx"
    namn = _namn(nyckel)
    agare = plats.agare.__name__ if plats.agare is not None else "Gemensamma variabler"
    fynd = Mallfynd(
        _V,
        Mallkod.MALL_VISAS_INTE,
        fil,
        f"indatafältet {namn}",
        f"layouten skriver aldrig ut {namn} ({_beskrivning(nyckel)}); fältet hör till "
        f"{_slagtext(dokumentslag(nyckel[0]))}",
        f"visa det i {fil} med {plats.variabel()} (se {agare} i docs/mallguide.md); har kommunens "
        f"form ingen plats för det, skriv raden '{namn}: ' och skälet under visas_inte i "
        f"{INSTALLNINGSFIL} ({_RECEPT})",
        stalle=f"indatafältet {namn}",
    )
    return (ordning, 0, nummer, 0), fynd


def _post(rad: int, namn: str, meddelande: str, atgard: str) -> tuple[tuple[int, ...], Mallfynd]:
    """A warning about the line of ``visas_inte`` that names *namn*."""
    plats = f"rad {rad}, visas_inte.{namn}" if rad else f"visas_inte.{namn}"
    fynd = Mallfynd(
        _V,
        Mallkod.MALL_VISAS_INTE_POST,
        INSTALLNINGSFIL,
        plats,
        meddelande,
        atgard,
        stalle=plats,
        rad=rad or None,
        sokvag=f"visas_inte.{namn}",
    )
    return (0, 0, rad, 0), fynd


def _varfor_inte(nyckel: Nyckel) -> str | None:
    """Why no template can show the input field *nyckel*, or None when one can (or it does
    not exist)."""
    cls = _indataklasser().get(nyckel[0])
    if cls is None or nyckel[1] not in attrs.fields_dict(cls):
        return None
    if rapporterat(nyckel[1]):
        return "det är det källan tryckte, som bara kontrollen jämför med"
    if nyckel in STYR:
        return f"det styr hur något skrivs ({STYR[nyckel]}) och skrivs aldrig ut som ett eget värde"
    if nyckel not in set(matbara_falt()) or vyplats(nyckel) is None:
        return (
            "ingen mall kan skriva ut det: mallkontraktet har det inte (kontrollen använder det, "
            "eller något räknas fram ur det)"
        )
    return None


def _posterna(katalog: Path) -> tuple[dict[str, object], dict[str, int]]:
    """The entries of ``visas_inte`` in the settings file as written, and their lines."""
    try:
        data, rader, _problem = read_yaml((katalog / INSTALLNINGSFIL).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ReadError):
        return {}, {}
    poster = data.get("visas_inte") if isinstance(data, dict) else None
    if not isinstance(poster, dict):
        return {}, {}
    return {str(k): v for k, v in poster.items()}, {str(k): rader.get(("visas_inte", k), 0) for k in poster}


def granska_visas(katalog: Path, samlare: Samlare) -> None:
    """Warn about each input field the layout in *katalog* never prints and its settings do
    not list under ``visas_inte``, and about each entry there that is not needed or has no
    reason. The layout must render: call this only when the check found no error."""
    poster, rader = _posterna(katalog)
    kanda = (*DOKUMENTSLAG, *VALFRIA_DOKUMENTSLAG)
    efter_mallarna = len(kanda) + 1
    try:
        visas = visade(katalog)
    except DelarsrapportError as exc:
        samlare.lagg_till(
            (efter_mallarna, 0, 0, 0),
            Mallfynd(
                _V,
                Mallkod.MALL_VISAS_INTE,
                f"layoutmappen {katalog.name}",
                "hela layouten",
                f"vilka fält layouten skriver ut gick inte att mäta: provrapporten kunde inte skapas "
                f"med layouten ({exc})",
                "rätta det som meddelandet säger och kör kontrollen igen",
                stalle="hela layouten",
            ),
        )
        return
    for nummer, nyckel in enumerate(matbara_falt()):
        plats = vyplats(nyckel)
        if visas[nyckel] or plats is None or _namn(nyckel) in poster:
            continue
        samlare.lagg_till(*_saknat(nyckel, efter_mallarna + kanda.index(plats.slag), nummer))
    alla = [_namn(n) for n in matbara_falt() if vyplats(n) is not None]
    for namn, skal in poster.items():
        rad = rader[namn]
        klass, _, falt = namn.partition(".")
        nyckel = (klass, falt)
        varfor = _varfor_inte(nyckel)
        if nyckel in visas and vyplats(nyckel) is not None and visas[nyckel]:
            samlare.lagg_till(
                *_post(
                    rad,
                    namn,
                    f"visas_inte listar {namn}, men layouten skriver ut fältet",
                    f"ta bort raden ur {INSTALLNINGSFIL}",
                )
            )
        elif varfor is not None:
            samlare.lagg_till(
                *_post(
                    rad,
                    namn,
                    f"visas_inte listar {namn}, men {varfor}",
                    f"ta bort raden ur {INSTALLNINGSFIL}",
                )
            )
        elif namn not in alla:
            samlare.lagg_till(
                *_post(
                    rad,
                    namn,
                    f"visas_inte listar {namn!r}, som inte är något fält i indata{menade(namn, alla)}",
                    "skriv fältet som i indatareferensen (docs/indata-referens.md): klassen, en punkt och "
                    "fältet, till exempel Namnd.forkortning",
                )
            )
        elif not isinstance(skal, str) or not skal.strip():
            samlare.lagg_till(
                *_post(
                    rad,
                    namn,
                    f"visas_inte listar {namn} utan skäl",
                    f"skriv efter kolonet varför kommunens form inte visar fältet, till exempel "
                    f"'{namn}: Kommunens form har ingen plats för det.'",
                )
            )


def visas_inte_block(katalog: Path) -> str:
    """The ``visas_inte`` block for the settings file of the layout in *katalog*: every field
    a template could show that the layout does not print, with the reason the file already
    gives; a new field gets an empty reason (which the layout check warns about) and its
    description as a comment."""
    poster, _rader = _posterna(katalog)
    visas = visade(katalog)
    rader = [
        "# Fält i indata som layouten inte skriver ut, och varför; layout check varnar för",
        "# andra fält som aldrig syns. Blocket skrivs av: python tools/mallverktyg.py visas-inte LAYOUT",
        "visas_inte:",
    ]
    for nyckel in matbara_falt():
        if visas[nyckel] or vyplats(nyckel) is None:
            continue
        namn = _namn(nyckel)
        skal = poster.get(namn)
        if isinstance(skal, str) and skal.strip():
            rader.append(f"  {namn}: {_yamltext(skal)}")
        else:
            rader.append(f'  {namn}: ""   # {_beskrivning(nyckel)}; skriv skälet')
    if len(rader) == 3:
        return "visas_inte: {}\n"
    return "\n".join(rader) + "\n"


def _yamltext(text: str) -> str:
    """*text* as a YAML value on one line: plain when it can be, else in double quotes."""
    vanlig = re.fullmatch(r"[\wÅÄÖåäö][^:#\"'\n]*", text) and text == text.strip()
    if vanlig and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off"):
        return text
    return json.dumps(text, ensure_ascii=False)
