"""Rules across fields that the types alone cannot say: unique numbers, references that resolve."""

from __future__ import annotations

from collections.abc import Mapping

from delarsrapport._load.errors import Path_, menade_du
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.ekonomi import (
    AVSNITT,
    EkonomiskUppfoljning,
    Sammanfattningsrad,
)
from delarsrapport._model.rapport import Arende, Delarsrapport
from delarsrapport._model.referens import ReferensError, dela, har_referenser
from delarsrapport._model.siffror import arendets_texter, los_upp, omraden_i_text, sifferregister
from delarsrapport._model.text import Block, Diagram, blocktexter, texter
from delarsrapport._model.tjansteskrivelse import presens

__all__ = ["raw_bilaga_numbers", "validate_rapport"]


def validate_rapport(rapport: Delarsrapport) -> list[tuple[Path_, str]]:
    """Rules that span fields: unique bilaga numbers, references that must resolve."""
    problems: list[tuple[Path_, str]] = []
    for index, arende in enumerate(rapport.arenden):
        base: Path_ = () if index == 0 else ("ovriga_arenden", index - 1)
        problems.extend(_validate_arende(arende, base))
        problems.extend(_validate_referenser(rapport, arende, base))
    return problems


def _validate_referenser(rapport: Delarsrapport, arende: Arende, base: Path_) -> list[tuple[Path_, str]]:
    """Every figure reference (``<<resultat>>``) in the ärende's free text names a figure or
    standard sentence that exists where it stands, and its choices are known."""
    problems: list[tuple[Path_, str]] = []
    alla = [arende.tjansteskrivelse, *arende.bilagor]
    if not any(_har_referens(b) for obj in alla for _, text in texter(obj) for b in text):
        return problems
    register = sifferregister(arende.ekonomi, namnd=rapport.namnd.namn)
    for path, text, standard in arendets_texter(arende, register, base):
        omraden = omraden_i_text(text, register, standard)
        diagram: Diagram | None = None
        for k, block in enumerate(text):
            if isinstance(block, Diagram):
                diagram = block
                continue
            for sub, varde in blocktexter(block):
                if not har_referenser(varde):
                    continue
                try:
                    for del_ in dela(varde):
                        if not isinstance(del_, str):
                            los_upp(
                                del_,
                                register,
                                omraden[k],
                                diagram=diagram,
                                internkontroll=arende.internkontroll is not None,
                            )
                except ReferensError as exc:
                    problems.append(((*path, k, *sub), str(exc)))
    return problems


def _har_referens(block: Block) -> bool:
    return any(har_referenser(v) for _, v in blocktexter(block))


def raw_bilaga_numbers(data: object) -> list[tuple[Path_, str]]:
    """Duplicate bilaga numbers, found in the raw data so they are reported with the rest."""
    problems: list[tuple[Path_, str]] = []
    if not isinstance(data, Mapping):
        return problems
    arenden: list[tuple[Path_, object]] = [((), data)]
    ovriga = data.get("ovriga_arenden")
    if isinstance(ovriga, list):
        arenden += [(("ovriga_arenden", i), a) for i, a in enumerate(ovriga)]
    for base, arende in arenden:
        bilagor = arende.get("bilagor") if isinstance(arende, Mapping) else None
        if not isinstance(bilagor, list):
            continue
        seen: dict[object, int] = {}
        for i, bilaga in enumerate(bilagor):
            nummer = bilaga.get("nummer") if isinstance(bilaga, Mapping) else None
            if nummer is None or isinstance(nummer, bool):
                continue
            if nummer in seen:
                problems.append(
                    (
                        (*base, "bilagor", i, "nummer"),
                        f"bilaga nummer {nummer} finns redan (bilagor[{seen[nummer]}]); "
                        "varje bilaga numreras en gång, och alla hänvisningar räknas fram "
                        "ur det numret",
                    )
                )
            else:
                seen[nummer] = i
    return problems


def _validate_arende(arende: Arende, base: Path_) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    seen = {b.nummer for b in arende.bilagor}
    for i, bilaga in enumerate(arende.bilagor):
        if bilaga.nummer < 1:
            problems.append(
                (
                    (*base, "bilagor", i, "nummer"),
                    f"bilagenummer måste vara 1 eller mer, fick {bilaga.nummer}",
                )
            )
        if not bilaga.delar:
            problems.append(((*base, "bilagor", i, "delar"), "en bilaga måste ha minst en del"))
        for j, del_ in enumerate(bilaga.delar):
            if isinstance(del_, EkonomiskUppfoljning):
                problems.extend(_validate_ekonomi(del_, (*base, "bilagor", i, "delar", j, "ekonomi")))
    for k, sats in enumerate(arende.tjansteskrivelse.forslag_till_beslut):
        sats_path = (*base, "tjansteskrivelse", "forslag_till_beslut", k)
        if sats.bilaga is not None and sats.bilaga not in seen:
            problems.append(
                (
                    (*sats_path, "bilaga"),
                    f"beslutssatsen hänvisar till bilaga {sats.bilaga}, som inte finns; "
                    f"bilagorna är {', '.join(map(str, sorted(seen))) or 'inga'}",
                )
            )
        if sats.presens is None and presens(sats.verb) is None:
            problems.append(
                (
                    (*sats_path, "verb"),
                    f"verbet {sats.verb!r} finns inte i listan över beslutsverb; ange dess presens "
                    "(t.ex. presens: godkänner) så att alla mallar kan formulera beslutet",
                )
            )
        if sats.belopp is not None and arende.ekonomi is None:
            problems.append(
                (
                    (*sats_path, "belopp"),
                    "beslutssatsen vill ha ett belopp, men ärendet har ingen ekonomisk uppföljning",
                )
            )
    return problems


def _validate_ekonomi(ekonomi: EkonomiskUppfoljning, base: Path_) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    tabell = ekonomi.sammanfattning
    if tabell is not None:
        for i, rad in enumerate(tabell.rader):
            problems.extend(_validate_rad(ekonomi, rad, (*base, "sammanfattning", "rader", i)))
    if ekonomi.prognososakerhet is not None:
        for name in ("forsamring", "forbattring"):
            if getattr(ekonomi.prognososakerhet, name) < Belopp.noll():
                problems.append(
                    (
                        (*base, "prognososakerhet", name),
                        "anges som ett belopp ≥ 0 (storleken på försämringen/förbättringen)",
                    )
                )
    namn = [r.namn for r in ekonomi.driftbudget.rader] if ekonomi.driftbudget else []
    for i, fordelning in enumerate(ekonomi.budgetfordelning):
        if fordelning.omrade not in namn:
            problems.append(
                (
                    (*base, "budgetfordelning", i, "omrade"),
                    f"området {fordelning.omrade!r} finns inte i driftbudgeten"
                    f"{menade_du(fordelning.omrade, namn)}",
                )
            )
    problems.extend(_validate_avsnittsordning(ekonomi, base))
    for i, v in enumerate(ekonomi.verksamheter):
        if [x.namn for x in ekonomi.verksamheter].count(v.namn) > 1:
            problems.append(
                (
                    (*base, "verksamheter", i, "namn"),
                    f"verksamheten {v.namn!r} förekommer flera gånger",
                )
            )
    return problems


def _validate_avsnittsordning(ekonomi: EkonomiskUppfoljning, base: Path_) -> list[tuple[Path_, str]]:
    """Every entry of the section order names one section that has content, once."""
    problems: list[tuple[Path_, str]] = []
    rubriker = [d.rubrik for d in ekonomi.ovriga_avsnitt]
    sett: set[str] = set()
    for i, namn in enumerate(ekonomi.avsnittsordning):
        path = (*base, "avsnittsordning", i)
        if namn in sett:
            problems.append((path, f"avsnittet {namn!r} står redan tidigare i avsnittsordning"))
        sett.add(namn)
        if namn in AVSNITT:
            if not getattr(ekonomi, namn):
                problems.append(
                    (
                        path,
                        f"avsnittet {namn!r} har inget innehåll i ekonomin; ta bort det ur avsnittsordning",
                    )
                )
        elif rubriker.count(namn) > 1:
            problems.append((path, f"flera av ovriga_avsnitt har rubriken {namn!r}; ge dem olika rubriker"))
        elif namn not in rubriker:
            problems.append(
                (
                    path,
                    f"okänt avsnitt {namn!r}{menade_du(namn, [*AVSNITT, *rubriker])}; ange ett fältnamn "
                    "(analys, verksamheter, atgarder_ekonomi_i_balans, prognososakerhet, "
                    "investeringar …) eller rubriken på ett av ovriga_avsnitt",
                )
            )
    return problems


def _validate_rad(
    ekonomi: EkonomiskUppfoljning, rad: Sammanfattningsrad, path: Path_
) -> list[tuple[Path_, str]]:
    problems: list[tuple[Path_, str]] = []
    if rad.verksamhet is not None:
        avsnitt = ekonomi.verksamhet(rad.verksamhet)
        namn = [v.namn for v in ekonomi.verksamheter]
        if avsnitt is None:
            problems.append(
                (
                    (*path, "verksamhet"),
                    f"verksamheten {rad.verksamhet!r} finns inte bland ekonomins verksamheter"
                    + menade_du(rad.verksamhet, namn),
                )
            )
        elif avsnitt.tabell is None:
            problems.append(
                (
                    (*path, "verksamhet"),
                    f"verksamheten {rad.verksamhet!r} har ingen verksamhetstabell att räkna raden ur",
                )
            )
        else:
            for falt in ("kommunbidrag", "periodens_utfall", "helarsprognos"):
                if getattr(rad, falt) is not None:
                    problems.append(
                        (
                            (*path, falt),
                            f"{falt} räknas fram ur verksamhetstabellen för {rad.verksamhet!r} och ska "
                            "inte anges; lägg det tryckta värdet under rapporterat om du vill jämföra",
                        )
                    )
    for i, sub in enumerate(rad.varav):
        problems.extend(_validate_rad(ekonomi, sub, (*path, "varav", i)))
    return problems
