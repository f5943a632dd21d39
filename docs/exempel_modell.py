"""A delårsrapport built in Python from delarsrapport.model, checked and rendered.

The same report as docs/indata.md's YAML example, without YAML: every object is built with
its constructor. Run it with the folder to write into::

    python docs/exempel_modell.py ut/

tests/test_exempel_modell.py runs it and checks it with ``mypy --strict``.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import delarsrapport
from delarsrapport.model import (
    Belopp,
    Beslutssats,
    Bilaga,
    Delarsrapport,
    Diarienummer,
    EkonomiskUppfoljning,
    Forvaltning,
    Kommun,
    Kontorad,
    Namnd,
    Person,
    Punktlista,
    Rapportperiod,
    Rubrik,
    Sammanfattningsrad,
    Sammanfattningstabell,
    Sjukolumner,
    Stycke,
    Tjansteskrivelse,
    Undertecknare,
    Verksamhetsavsnitt,
    Verksamhetstabell,
)


def tkr(*varden: int) -> Sjukolumner:
    """The seven columns of a detail row, in tkr, in column order."""
    return Sjukolumner(*(Belopp.from_tkr(v) for v in varden))


def bygg_rapport() -> Delarsrapport:
    """The report: a tjänsteskrivelse and one ekonomi bilaga with a detail table."""
    politisk = Verksamhetstabell(
        konton=(
            Kontorad(
                kod="110",
                namn="Nämnd- och styrelseverksamhet",
                belopp=tkr(-2114, -2489, -2193, -3359, -3251, -3734, -3786),
            ),
            Kontorad(
                kod="140",
                namn="Övrig politisk verksamhet",
                belopp=tkr(-1274, -692, -1411, -2122, -1985, -1042, -2170),
            ),
        ),
        kommunbidrag=tkr(3184, 3184, 3184, 4776, 4747, 4776, 4747),
    )
    ekonomi = EkonomiskUppfoljning(
        sammanfattning=Sammanfattningstabell(
            rader=(
                Sammanfattningsrad(
                    namn="Politisk verksamhet",
                    verksamhet="Politisk verksamhet",
                    periodens_utfall_fg=Belopp.from_mnkr(-1),
                ),
            )
        ),
        verksamheter=(Verksamhetsavsnitt(namn="Politisk verksamhet", tabell=politisk),),
    )
    tjansteskrivelse = Tjansteskrivelse(
        rubrik="Delårsbokslut per augusti samt helårsprognos 2025",
        datum=date(2025, 9, 18),
        handlaggare=(Person(fornamn="Anna", efternamn="Ek"),),
        forslag_till_beslut=(
            Beslutssats(verb="godkänna", objekt="ekonomiskt delårsbokslut per augusti 2025", bilaga=1),
            Beslutssats(verb="överlämna", objekt="bokslutshandlingarna till kommunstyrelsen"),
        ),
        undertecknare=(
            Undertecknare(
                person=Person(fornamn="Per", efternamn="Berg"),
                titel="Förvaltningsdirektör",
                enhet_rad="Socialförvaltningen",
            ),
        ),
        arendet=(
            Stycke("Nämnden redovisar två gånger per år hur ekonomin och verksamheten utvecklas."),
            Rubrik("Ekonomi"),
            Stycke("Prognosen för helåret visar ett underskott."),
            Punktlista(("Placeringskostnaderna ökar", "Intäkterna från staten minskar")),
        ),
    )
    return Delarsrapport(
        kommun=Kommun(namn="Exempels kommun"),
        namnd=Namnd(namn="Socialnämnden", forkortning="SCN"),
        forvaltning=Forvaltning(namn="Socialförvaltningen"),
        period=Rapportperiod(ar=2025, slutmanad=8),
        diarienummer=Diarienummer.parse("SCN-2025-00123"),
        tjansteskrivelse=tjansteskrivelse,
        bilagor=(Bilaga(nummer=1, titel="Ekonomisk uppföljning per augusti 2025", delar=(ekonomi,)),),
    )


def main(argv: list[str]) -> int:
    """Build, check and render the report into the folder *argv[0]*; print what was written."""
    rapport = bygg_rapport()
    fynd = delarsrapport.check(rapport)
    fel = [f for f in fynd if f.severity is delarsrapport.Severity.FEL]
    paths = delarsrapport.render(rapport, layout="uppsala", out_dir=Path(argv[0]))
    resultat = ekonomi_resultat(rapport)
    print(f"{len(fynd)} fynd, {len(fel)} fel; periodens resultat {resultat} tkr")
    for path in paths:
        print(path.name)
    return 1 if fel else 0


def ekonomi_resultat(rapport: Delarsrapport) -> Decimal | None:
    """The period's result of the first ekonomi bilaga in tkr (derived, never typed in)."""
    ekonomi = rapport.huvudarende.ekonomi
    resultat = ekonomi.periodens_resultat if ekonomi is not None else None
    return resultat.tkr if resultat is not None else None


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
