"""The check of one ekonomisk uppföljning, and of Uppsala's net model in it.

The net model is the summary in mnkr with its prognososäkerhet, the detail table and
insatskostnad of each verksamhet in tkr (seven columns), and the resultaträkningar of the
nämnd and its avdelningar in mnkr. Upplands-Bro's gross tables and the nämndplan's budget
tables live in the same model type and are checked after it (:mod:`.brutto`, :mod:`.budget`).
"""

from __future__ import annotations

from decimal import Decimal

from delarsrapport._check.brutto import bruttotabeller
from delarsrapport._check.budget import budgettabeller
from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import MNKR_HEL, RR, TKR, Path_, Recorder, beloppstext, tal
from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.ekonomi import (
    EkonomiskUppfoljning,
    Sammanfattningsrad,
    Sammanfattningsvarden,
    Sjukolumner,
    Verksamhetstabell,
)
from delarsrapport._model.kolumner import DETALJ, RESULTATRAKNING, RESULTATRAKNING_RADER, SAMMANFATTNING
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.resultatrakning import RR_INDATARADER, RR_RADORDNING, Resultatrakning, RRKolumner
from delarsrapport.formatting import avrunda

__all__ = ["ekonomisk_uppfoljning"]

#: The columns a resultaträkning prints.
#: The columns of a resultaträkning that are given; the differences follow from them.


def ekonomisk_uppfoljning(c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
    """Every check of *e*: the net model first, then the gross tables, then the budget tables."""
    _Nettomodell(c, e, period, path).run()
    bruttotabeller(c, e, path)
    budgettabeller(c, e, period, path)


class _Nettomodell:
    """The checks of Uppsala's net model in one ekonomisk uppföljning."""

    def __init__(self, c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
        self.c, self.e, self.period, self.path = c, e, period, path

    def run(self) -> None:
        c, e = self.c, self.e
        with c.avsnitt("Sammanfattning"):
            self.sammanfattning()
        with c.avsnitt("Prognososäkerhet"):
            self.prognos()
        for i, avsnitt in enumerate(e.verksamheter):
            vp = (*self.path, "verksamheter", i)
            with c.avsnitt(f"Verksamhet: {avsnitt.namn}"):
                if avsnitt.tabell is not None:
                    self.verksamhetstabell(avsnitt.tabell, avsnitt.namn, (*vp, "tabell"))
                if avsnitt.insatskostnad is not None:
                    ins = avsnitt.insatskostnad
                    r = ins.rapporterat
                    if r is not None and r.totalt is not None:
                        self.sju(
                            (*vp, "insatskostnad", "rapporterat", "totalt"),
                            "Insatskostnad, Alla verksamheter",
                            r.totalt,
                            ins.totalt,
                            ins.enhet,
                        )
                if avsnitt.resultatrakning is not None:
                    self.resultatrakning(avsnitt.resultatrakning, (*vp, "resultatrakning"))
        if e.resultatrakning is not None:
            with c.avsnitt(f"Resultaträkning: {e.resultatrakning.namn}"):
                self.resultatrakning(e.resultatrakning, (*self.path, "resultatrakning"))
            with c.avsnitt("Resultaträkning per avdelning"):
                self.avdelningar()
                self.avdelningar_tryckta()
            with c.avsnitt("Sammanfattning"):
                self.sammanfattning_mot_rr()

    # summary

    def sammanfattning(self) -> None:
        e, c = self.e, self.c
        tabell = e.sammanfattning
        berakning = e.sammanfattning_berakning()
        if tabell is None or berakning is None:
            return
        sp = (*self.path, "sammanfattning")
        enhet = tabell.enhet
        for i, rad in enumerate(berakning.rader):
            rp = (*sp, "rader", i)
            self.sammanfattningsrad(rad.rad, rad.varden, rp, enhet)
            for j, sub in enumerate(rad.varav):
                self.sammanfattningsrad(sub.rad, sub.varden, (*rp, "varav", j), enhet)
            if rad.varav:
                for k in SAMMANFATTNING.falt:
                    parent = getattr(rad.varden, k)
                    delar = [getattr(s.varden, k) for s in rad.varav]
                    if parent is None or all(d is None for d in delar):
                        continue
                    summa = sum((d for d in delar if d is not None), Belopp.noll())
                    if summa != parent:
                        d = (summa - parent).i_enhet(enhet)
                        c.add(
                            Kod.VARAV_SUMMA,
                            (*rp, "varav"),
                            f"{rad.rad.namn}, {SAMMANFATTNING.etikett(k, self.period)}: varav-raderna "
                            f"summerar till {beloppstext(summa, enhet)} men raden är "
                            f"{beloppstext(parent, enhet)}.",
                            printed=summa.i_enhet(enhet),
                            computed=parent.i_enhet(enhet),
                            difference=d,
                            unit=enhet,
                        )
        # totals
        antal = len(berakning.rader)
        for k in SAMMANFATTNING.falt:
            label = f"Nämnden totalt, {SAMMANFATTNING.etikett(k, self.period)}"
            given = getattr(tabell.totalt, k) if tabell.totalt is not None else None
            radsumma = getattr(berakning.radsumma, k)
            if k in berakning.totalt_fran_kalla and given is not None and radsumma is not None:
                p = given.i_enhet(enhet)
                s = radsumma.i_enhet(enhet)
                if avrunda(s, 0) != avrunda(p, 0):
                    tolerans = Decimal(antal) / 2
                    d = p - s
                    code = Kod.TOTAL_AVRUNDADE_RADER if abs(d) <= tolerans else Kod.TOTAL_AVVIKER
                    c.add(
                        code,
                        (*sp, "totalt", k),
                        f"{label}: källans total är {tal(p, 0)} {enhet}, men de {antal} avrundade "
                        f"raderna summerar till {tal(s, 0)} {enhet} (skillnad {tal(abs(d), 0)} "
                        f"{enhet}; avrundning av {antal} rader förklarar högst "
                        f"{tal(tolerans, 1)} {enhet}).",
                        printed=p,
                        computed=s,
                        difference=d,
                        unit=enhet,
                    )
            elif given is not None:
                c.jamfor(
                    (*sp, "totalt", k),
                    label,
                    given,
                    getattr(berakning.totalt, k),
                    enhet=enhet,
                    tolerans=MNKR_HEL,
                )
        # displayed rows against the displayed total
        kolumner = [
            SAMMANFATTNING.etikett(k, self.period)
            for k in SAMMANFATTNING.falt
            if not visade_rader_summerar(
                (getattr(r.varden, k) for r in berakning.rader),
                getattr(berakning.totalt, k),
                enhet=enhet,
                decimaler=0,
            )
        ]
        if kolumner:
            c.add(
                Kod.AVRUNDNINGSDIFFERENS,
                sp,
                "De avrundade raderna summerar inte till den avrundade totalen i "
                f"{', '.join(kolumner)}; totalen räknas från exakta belopp.",
            )

    def sammanfattningsrad(
        self, rad: Sammanfattningsrad, varden: Sammanfattningsvarden, path: Path_, enhet: Enhet
    ) -> None:
        c = self.c
        if rad.rapporterat is not None:
            for k in SAMMANFATTNING.falt:
                c.jamfor(
                    (*path, "rapporterat", k),
                    f"{rad.namn}, {SAMMANFATTNING.etikett(k, self.period)}",
                    getattr(rad.rapporterat, k),
                    getattr(varden, k),
                    enhet=enhet,
                    tolerans=MNKR_HEL,
                )
        utfall, prognos = varden.periodens_utfall, varden.helarsprognos
        if utfall is not None and prognos is not None:
            u = avrunda(utfall.i_enhet(enhet), 0)
            p = avrunda(prognos.i_enhet(enhet), 0)
            if u * p < 0:
                c.add(
                    Kod.PROGNOS_TECKENBYTE,
                    path,
                    f"{rad.namn}: periodens utfall är {tal(u, 0)} {enhet} men helårsprognosen "
                    f"{tal(p, 0)} {enhet}. Kontrollera att texten förklarar vändningen.",
                    printed=p,
                    computed=u,
                    unit=enhet,
                )

    def prognos(self) -> None:
        e, c = self.e, self.c
        pp = (*self.path, "prognososakerhet")
        berakning = e.sammanfattning_berakning()
        if e.prognososakerhet is None:
            if berakning is not None and berakning.totalt.helarsprognos is not None:
                c.add(
                    Kod.PROGNOSOSAKERHET_SAKNAS,
                    (*self.path, "sammanfattning"),
                    "Sammanfattningen har en helårsprognos men ingen prognososäkerhet.",
                )
            return
        spann = e.prognosspann
        if spann is None:
            c.add(Kod.PROGNOS_SAKNAS, pp, "Prognososäkerheten saknar en helårsprognos att utgå från.")
            return
        r = e.prognososakerhet.rapporterat
        if r is None:
            return
        enhet = e.prognososakerhet.enhet
        c.jamfor(
            (*pp, "rapporterat", "spann_min"),
            "Prognosspann min",
            r.spann_min,
            spann[0],
            enhet=enhet,
            tolerans=MNKR_HEL,
        )
        c.jamfor(
            (*pp, "rapporterat", "spann_max"),
            "Prognosspann max",
            r.spann_max,
            spann[1],
            enhet=enhet,
            tolerans=MNKR_HEL,
        )

    # detail tables

    def sju(self, path: Path_, label: str, printed: Sjukolumner, computed: Sjukolumner, enhet: Enhet) -> None:
        for k in DETALJ.falt:
            self.c.jamfor(
                (*path, k),
                f"{label}, {DETALJ.etikett(k, self.period)}",
                getattr(printed, k),
                getattr(computed, k),
                enhet=enhet,
                tolerans=TKR,
            )

    def verksamhetstabell(self, t: Verksamhetstabell, namn: str, path: Path_) -> None:
        r = t.rapporterat
        if r is not None:
            if r.nettokostnad is not None:
                self.sju(
                    (*path, "rapporterat", "nettokostnad"),
                    f"{namn}, Nettokostnad",
                    r.nettokostnad,
                    t.nettokostnad,
                    t.enhet,
                )
            if r.resultat is not None:
                self.sju(
                    (*path, "rapporterat", "resultat"), f"{namn}, Resultat", r.resultat, t.resultat, t.enhet
                )
        kb = t.kommunbidrag
        for k in ("prognos_ar", "ny_prognos_ar"):
            varde = getattr(kb, k)
            if varde is not None and kb.budget_ar is not None and varde != kb.budget_ar:
                self.c.add(
                    Kod.KOMMUNBIDRAG_ANDRAS,
                    (*path, "kommunbidrag", k),
                    f"{namn}: kommunbidraget är {beloppstext(varde, t.enhet)} i "
                    f"{DETALJ.etikett(k, self.period)} men {beloppstext(kb.budget_ar, t.enhet)} i "
                    f"{DETALJ.etikett('budget_ar', self.period)}"
                    + (
                        f" (samma som {DETALJ.etikett('utfall_fg_ar', self.period)})"
                        if kb.utfall_fg_ar == varde
                        else ""
                    )
                    + ".",
                    printed=varde.i_enhet(t.enhet),
                    computed=kb.budget_ar.i_enhet(t.enhet),
                    difference=(varde - kb.budget_ar).i_enhet(t.enhet),
                    unit=t.enhet,
                )

    def resultatrakning(self, rr: Resultatrakning, path: Path_) -> None:
        r = rr.rapporterat
        if r is None:
            return
        for rad in RR_RADORDNING:
            tryckt = getattr(r, rad)
            kolumner = rr.rad(rad)
            if tryckt is None:
                continue
            for k in RESULTATRAKNING.falt:
                beraknat = getattr(kolumner, k) if kolumner is not None else None
                if rad in RR_INDATARADER and k in RESULTATRAKNING.indata:
                    continue  # inputs: what is printed is what was given
                self.c.jamfor(
                    (*path, "rapporterat", rad, k),
                    f"{rr.namn}, {RESULTATRAKNING_RADER[rad]}, {RESULTATRAKNING.etikett(k, self.period)}",
                    getattr(tryckt, k),
                    beraknat,
                    enhet=rr.enhet,
                    tolerans=RR,
                    visning=1,
                )

    def avdelningar(self) -> None:
        e, c = self.e, self.c
        nämnd = e.resultatrakning
        avd = [v.resultatrakning for v in e.verksamheter if v.resultatrakning is not None]
        if nämnd is None or len(avd) < 2:
            return
        # The input rows and the result; the subtotals between follow from the input rows.
        for rad in (*RR_INDATARADER, "resultat"):
            n_rad = nämnd.rad(rad)
            if n_rad is None:
                continue
            rader = [a.rad(rad) for a in avd]
            summa = RRKolumner.summa(r for r in rader if r is not None)
            for k in RESULTATRAKNING.indata:
                n, s = getattr(n_rad, k), getattr(summa, k)
                if n is None or s is None:
                    continue
                d = (s - n).i_enhet(nämnd.enhet)
                if d == 0:
                    continue
                # n + 1 rounded one-decimal figures, each up to 0,05 off.
                tolerans = Decimal("0.05") * (len(avd) + 1)
                code = Kod.RR_AVDELNINGAR if abs(d) <= tolerans else Kod.RR_AVDELNINGAR_AVVIKER
                c.add(
                    code,
                    (*self.path, "verksamheter"),
                    f"{RESULTATRAKNING_RADER[rad]}, {RESULTATRAKNING.etikett(k, self.period)}: "
                    "avdelningarna summerar "
                    f"till {beloppstext(s, nämnd.enhet, 1)} men nämnden har "
                    f"{beloppstext(n, nämnd.enhet, 1)}.",
                    printed=n.i_enhet(nämnd.enhet),
                    computed=s.i_enhet(nämnd.enhet),
                    difference=-d,
                    unit=nämnd.enhet,
                )

    def avdelningar_tryckta(self) -> None:
        """The printed avdelning results against the printed nämnd result (004: 2,4 vs 2,3)."""
        e, c = self.e, self.c
        nämnd = e.resultatrakning
        avd = [v.resultatrakning for v in e.verksamheter if v.resultatrakning is not None]
        if nämnd is None or nämnd.rapporterat is None or nämnd.rapporterat.resultat is None or len(avd) < 2:
            return
        for k in RESULTATRAKNING.falt:
            tryckt_n = getattr(nämnd.rapporterat.resultat, k)
            delar = [
                getattr(a.rapporterat.resultat, k)
                for a in avd
                if a.rapporterat is not None and a.rapporterat.resultat is not None
            ]
            if not isinstance(tryckt_n, Belopp) or len(delar) != len(avd):
                continue
            if not all(isinstance(x, Belopp) for x in delar):
                continue
            summa = sum((x for x in delar if isinstance(x, Belopp)), Belopp.noll())
            d = (summa - tryckt_n).i_enhet(nämnd.enhet)
            if d == 0:
                continue
            tolerans = Decimal("0.05") * (len(avd) + 1)
            c.add(
                Kod.RR_AVDELNINGAR if abs(d) <= tolerans else Kod.RR_AVDELNINGAR_AVVIKER,
                (*self.path, "resultatrakning", "rapporterat", "resultat", k),
                f"Resultat, {RESULTATRAKNING.etikett(k, self.period)}: "
                "avdelningarnas tryckta resultat summerar "
                f"till {beloppstext(summa, nämnd.enhet, 1)} men nämndens tryckta resultat är "
                f"{beloppstext(tryckt_n, nämnd.enhet, 1)}.",
                printed=tryckt_n.i_enhet(nämnd.enhet),
                computed=summa.i_enhet(nämnd.enhet),
                difference=-d,
                unit=nämnd.enhet,
            )

    def sammanfattning_mot_rr(self) -> None:
        e, c = self.e, self.c
        rr = e.resultatrakning
        berakning = e.sammanfattning_berakning()
        if rr is None or berakning is None or e.sammanfattning is None:
            return
        enhet = e.sammanfattning.enhet
        par = (
            ("kommunbidrag", rr.rader.kommunbidrag.budget_ar if rr.rader.kommunbidrag else None),
            ("periodens_utfall", rr.resultat.utfall_period),
            ("helarsprognos", rr.resultat.prognos_ar),
        )
        for k, rr_varde in par:
            total = getattr(berakning.totalt, k)
            if total is None or rr_varde is None:
                continue
            if avrunda(total.i_enhet(enhet), 0) == avrunda(rr_varde.i_enhet(enhet), 0):
                continue
            d = (total - rr_varde).i_enhet(enhet)
            if abs(d) <= MNKR_HEL:
                continue  # both are rounded figures; their rounding explains it
            c.add(
                Kod.SAMMANFATTNING_RR,
                (*self.path, "sammanfattning", "totalt", k),
                f"Nämnden totalt, {SAMMANFATTNING.etikett(k, self.period)}: sammanfattningen visar "
                f"{beloppstext(total, enhet)} men resultaträkningen {beloppstext(rr_varde, enhet, 1)}.",
                printed=total.i_enhet(enhet),
                computed=rr_varde.i_enhet(enhet),
                difference=d,
                unit=enhet,
            )
