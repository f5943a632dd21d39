"""The check of the nämndplan's budget tables: typed in whole tkr, so they must add up exactly.

Driftbudget, each område's fördelning of it, ekonomiskt bistånd, särskilda satsningar and
investeringsbudget (:mod:`delarsrapport._model.budget`).
"""

from __future__ import annotations

from typing import Final

import attrs

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Delar, Path_, Recorder, beloppstext
from delarsrapport._check.tabell import rad_mot, tabell_mot
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.budget import Budgetrad, Budgettabell
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.kolumner import INVESTERINGSBUDGET, NAMNDPLAN_BUDGET
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapporterat import Tom

__all__ = ["budgettabeller"]

#: A plan is typed in whole tkr: its cells are exact, so its sums must add up to the krona.
_EXAKT = None

# Gross amounts may be split differently between a driftbudget row and its fördelning
# while the net is the same, so a difference in them is only a varning.
_BRUTTO: Final = frozenset({"kostnad", "avskrivningar", "internranta", "intakt"})


def budgettabeller(c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
    """Every budget table of *e* that has printed figures, each in its own section."""
    if e.driftbudget is not None:
        _driftbudget(c, e, path)
    for namn, tabell, falt in (
        ("Ekonomiskt bistånd (budget)", e.ekonomiskt_bistand_budget, ("ekonomiskt_bistand_budget",)),
        *(
            (f"Fördelning: {f.omrade}", f.tabell, ("budgetfordelning", i, "tabell"))
            for i, f in enumerate(e.budgetfordelning)
        ),
    ):
        if tabell is None:
            continue
        with c.avsnitt(namn):
            tabell_mot(c, tabell, (*path, *falt), NAMNDPLAN_BUDGET, _EXAKT)
    if e.sarskilda_satsningar is not None:
        with c.avsnitt("Särskilda satsningar"):
            c.jamfor(
                (*path, "sarskilda_satsningar", "rapporterat_totalt"),
                "Särskilda satsningar",
                e.sarskilda_satsningar.rapporterat_totalt,
                e.sarskilda_satsningar.totalt,
                enhet=e.sarskilda_satsningar.enhet,
                delar=Delar(),
            )
    if e.investeringsbudget is not None:
        with c.avsnitt("Investeringsbudget"):
            _investeringsbudget(c, e, period, path)


def _driftbudget(c: Recorder, e: EkonomiskUppfoljning, path: Path_) -> None:
    db = e.driftbudget
    assert db is not None
    dp = (*path, "driftbudget")
    with c.avsnitt("Driftbudget"):
        for i, rad in enumerate(db.rader):
            if rad.rapporterat is not None:
                for k in NAMNDPLAN_BUDGET.falt:
                    c.jamfor(
                        (*dp, "rader", i, "rapporterat", k),
                        f"{rad.namn}, {NAMNDPLAN_BUDGET.etikett(k)}",
                        getattr(rad.rapporterat, k),
                        getattr(rad, k),
                        enhet=db.enhet,
                        delar=Delar(),
                    )
        if db.rapporterat_summa is not None:
            # The printed Summa is checked against the printed rows it adds up (a row
            # that differs from its inputs is already reported at the row).
            grund = [_tryckt_eller(rad) for rad in db.rader]
            summa = Budgettabell(tuple(grund)).summa
            rad_mot(
                c,
                db.rapporterat_summa,
                summa,
                NAMNDPLAN_BUDGET,
                (*dp, "rapporterat_summa"),
                "Summa",
                db.enhet,
                _EXAKT,
                underlag=grund,
                summa=True,
            )
    # Each område's distribution (4.5.x) must add up to its driftbudget row: the net
    # amounts exactly, the gross ones may be split differently (a varning).
    for i, f in enumerate(e.budgetfordelning):
        omradesrad = db.rad(f.omrade)
        if omradesrad is None:
            continue
        with c.avsnitt(f"Fördelning: {f.omrade}"):
            fordelad = f.tabell.summa
            for k in NAMNDPLAN_BUDGET.falt:
                fp = (*path, "budgetfordelning", i, "tabell", k)
                if k in _BRUTTO:
                    _brutto_varning(
                        c,
                        fp,
                        f"{f.omrade}, {NAMNDPLAN_BUDGET.etikett(k)}",
                        getattr(omradesrad, k),
                        getattr(fordelad, k),
                        db.enhet,
                    )
                else:
                    _fordelning_mot(
                        c,
                        fp,
                        f.omrade,
                        NAMNDPLAN_BUDGET.etikett(k),
                        getattr(fordelad, k),
                        getattr(omradesrad, k),
                        db.enhet,
                    )


def _investeringsbudget(c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
    ib = e.investeringsbudget
    assert ib is not None
    etiketter = INVESTERINGSBUDGET.etiketter(period)
    for i, ibrad in enumerate(ib.rader):
        if ibrad.rapporterat is not None:
            rad_mot(
                c,
                ibrad.rapporterat,
                ibrad,
                INVESTERINGSBUDGET,
                (*path, "investeringsbudget", "rader", i, "rapporterat"),
                ibrad.namn,
                ib.enhet,
                _EXAKT,
                underlag=(ibrad,),
                period=period,
            )
    if ib.rapporterat_summa is not None:
        ibsumma = ib.summa
        beraknat = {k: getattr(ibsumma, k) for k in INVESTERINGSBUDGET.falt}
        beraknat["avskrivning_ar1"] = ib.summa_avskrivning_ar1
        for k in INVESTERINGSBUDGET.falt:
            c.jamfor(
                (*path, "investeringsbudget", "rapporterat_summa", k),
                f"Summa, {etiketter[k]}",
                getattr(ib.rapporterat_summa, k),
                beraknat[k],
                enhet=ib.enhet,
                delar=Delar(),
                summa=True,
            )


def _brutto_varning(
    c: Recorder, path: Path_, label: str, printed: object, computed: Belopp | None, enhet: Enhet
) -> None:
    if printed is None or isinstance(printed, Tom):
        printed_b = Belopp.noll() if isinstance(printed, Tom) else None
    else:
        printed_b = printed if isinstance(printed, Belopp) else None
    if printed_b is None:
        return
    b = computed or Belopp.noll()
    if printed_b == b:
        return
    c.add(
        Kod.BUDGET_BRUTTO,
        path,
        f"{label}: driftbudgeten har {beloppstext(printed_b, enhet)} men fördelningen summerar till "
        f"{beloppstext(b, enhet)}; nettot kan stämma ändå, men kontrollera att bruttobeloppen är rätt "
        "fördelade.",
        printed=printed_b.i_enhet(enhet),
        computed=b.i_enhet(enhet),
        difference=(printed_b - b).i_enhet(enhet),
        unit=enhet,
    )


def _fordelning_mot(
    c: Recorder,
    path: Path_,
    omrade: str,
    kolumn: str,
    fordelad: Belopp | None,
    budget: Belopp | None,
    enhet: Enhet,
) -> None:
    f = fordelad or Belopp.noll()
    b = budget or Belopp.noll()
    if f == b:
        return
    # The driftbudget's row is the whole the source prints; the model sums the fördelning's rows.
    c.add(
        Kod.FORDELNING_AVVIKER,
        path,
        f"{omrade}, {kolumn}: fördelningen summerar till {beloppstext(f, enhet)}, men driftbudgeten "
        f"har {beloppstext(b, enhet)} för området (skillnad {beloppstext(f - b, enhet)}).",
        printed=b.i_enhet(enhet),
        computed=f.i_enhet(enhet),
        difference=(b - f).i_enhet(enhet),
        unit=enhet,
    )


def _tryckt_eller(rad: Budgetrad) -> Budgetrad:
    """A budget row with its printed values where it has them, computed values elsewhere."""
    r = rad.rapporterat
    if r is None:
        return rad
    tryckt = {
        k: getattr(r, k)
        for k in ("kostnad", "avskrivningar", "internranta", "intakt", "budget_netto_fg")
        if isinstance(getattr(r, k), Belopp)
    }
    return attrs.evolve(rad, **tryckt)
