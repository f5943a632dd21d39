"""The check of one ekonomisk uppföljning, and of Uppsala's net model in it.

The net model is the summary in mnkr with its prognososäkerhet (:mod:`.sammanfattning`),
the detail table and insatskostnad of each verksamhet in tkr (seven columns), the
resultaträkningar of the nämnd and its avdelningar in mnkr, and the egen-regi table.
Upplands-Bro's gross tables and the nämndplan's budget tables live in the same model type
and are checked after it (:mod:`.brutto`, :mod:`.budget`). Every comparison of parts with
a whole follows the rule of :class:`~delarsrapport._check.recorder.Delar`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from delarsrapport._check.brutto import bruttotabeller
from delarsrapport._check.budget import budgettabeller
from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Delar, Path_, Recorder, beloppstext
from delarsrapport._check.sammanfattning import Sammanfattningskontroll
from delarsrapport._check.tabell import rad_mot
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.kolumner import (
    DETALJ,
    EGEN_REGI,
    RESULTATRAKNING,
    RESULTATRAKNING_RADER,
    SAMMANFATTNING,
)
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.resultatrakning import (
    RR_FORE_INDIREKTA,
    RR_INDATARADER,
    RR_RADORDNING,
    Resultatrakning,
    RRKolumner,
)
from delarsrapport._model.verksamhetstabell import Sjukolumner, Verksamhetstabell

__all__ = ["ekonomisk_uppfoljning"]

#: The decimals of the given cells of a detail or insatskostnad table: whole tkr.
_TKR_DELAR: Final = 0
#: The decimals of a resultaträkning's and the egen-regi table's cells: mnkr with one decimal.
_EN_DECIMAL: Final = 1
#: The input rows each row of a resultaträkning adds up (an input row is itself).
_RR_UNDERLAG: Final[dict[str, tuple[str, ...]]] = {
    **{r: (r,) for r in RR_INDATARADER},
    "resultat_fore_indirekta_kostnader": RR_FORE_INDIREKTA,
    "resultat_fore_gemensamma_kostnader": RR_INDATARADER[: RR_INDATARADER.index("gemensamma_kostnader")],
    "resultat_fore_kommunbidrag": RR_INDATARADER[: RR_INDATARADER.index("kommunbidrag")],
    "resultat": RR_INDATARADER,
}


def ekonomisk_uppfoljning(c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
    """Every check of *e*: the net model first, then the gross tables, then the budget tables."""
    _Nettomodell(c, e, period, path).run()
    bruttotabeller(c, e, path)
    budgettabeller(c, e, period, path)


def _rr_delar(rr: Resultatrakning, rad: str, k: str) -> Delar:
    """The rounded cells behind row *rad*, column *k* of a resultaträkning."""
    rader = [x for x in (rr.rad(r) for r in _RR_UNDERLAG[rad]) if x is not None]
    return Delar.avrundade(RESULTATRAKNING.delar(rader, k), _EN_DECIMAL)


def _sju_delar(rader: Iterable[Sjukolumner], k: str) -> Delar:
    """The rounded cells (whole tkr) of column *k* over *rader*."""
    return Delar.avrundade(DETALJ.delar(rader, k), _TKR_DELAR)


class _Nettomodell:
    """The checks of Uppsala's net model in one ekonomisk uppföljning."""

    def __init__(self, c: Recorder, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
        self.c, self.e, self.period, self.path = c, e, period, path
        tabell, berakning = e.sammanfattning, e.sammanfattning_berakning()
        self.sammanfattning = (
            Sammanfattningskontroll(c, e, tabell, berakning, period, path)
            if tabell is not None and berakning is not None
            else None
        )

    def run(self) -> None:
        c, e = self.c, self.e
        with c.avsnitt("Sammanfattning"):
            if self.sammanfattning is not None:
                self.sammanfattning.run()
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
                        rader = [x.belopp for x in ins.rader]
                        self.sju(
                            (*vp, "insatskostnad", "rapporterat", "totalt"),
                            "Insatskostnad, Alla verksamheter",
                            r.totalt,
                            ins.totalt,
                            ins.enhet,
                            rader,
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
        if e.egen_regi is not None and e.egen_regi.rapporterat is not None:
            totalt = e.egen_regi.rapporterat.totalt
            if totalt is not None:
                with c.avsnitt("Egen regi"):
                    rad_mot(
                        c,
                        totalt,
                        e.egen_regi.totalt,
                        EGEN_REGI,
                        (*self.path, "egen_regi", "rapporterat", "totalt"),
                        "Totalt",
                        e.egen_regi.enhet,
                        _EN_DECIMAL,
                        underlag=e.egen_regi.rader,
                        period=self.period,
                        summa=True,
                    )

    # the forecast

    def prognos_delar(self) -> Delar:
        """The rounded figures behind the helårsprognos the span is computed from."""
        e = self.e
        rr = e.resultatrakning
        if rr is not None and rr.resultat.prognos_ar is not None:
            enhet = e.prognososakerhet.enhet if e.prognososakerhet else rr.enhet
            return _rr_delar(rr, "resultat", "prognos_ar").i_enhet(rr.enhet, enhet)
        if self.sammanfattning is not None:
            return self.sammanfattning.total_delar("helarsprognos")
        return Delar()

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
        delar = self.prognos_delar()
        for falt, label, varde in (
            ("spann_min", "Prognosspann min", spann[0]),
            ("spann_max", "Prognosspann max", spann[1]),
        ):
            c.jamfor((*pp, "rapporterat", falt), label, getattr(r, falt), varde, enhet=enhet, delar=delar)

    # detail tables

    def sju(
        self,
        path: Path_,
        label: str,
        printed: Sjukolumner,
        computed: Sjukolumner,
        enhet: Enhet,
        underlag: list[Sjukolumner],
    ) -> None:
        """A printed row of seven columns against the row computed from *underlag*."""
        for k in DETALJ.falt:
            self.c.jamfor(
                (*path, k),
                f"{label}, {DETALJ.etikett(k, self.period)}",
                getattr(printed, k),
                getattr(computed, k),
                enhet=enhet,
                delar=_sju_delar(underlag, k),
            )

    def verksamhetstabell(self, t: Verksamhetstabell, namn: str, path: Path_) -> None:
        r = t.rapporterat
        konton = [k.belopp for k in t.konton]
        if r is not None:
            if r.nettokostnad is not None:
                self.sju(
                    (*path, "rapporterat", "nettokostnad"),
                    f"{namn}, Nettokostnad",
                    r.nettokostnad,
                    t.nettokostnad,
                    t.enhet,
                    konton,
                )
            if r.resultat is not None:
                self.sju(
                    (*path, "rapporterat", "resultat"),
                    f"{namn}, Resultat",
                    r.resultat,
                    t.resultat,
                    t.enhet,
                    [*konton, t.kommunbidrag],
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
                    delar=_rr_delar(rr, rad, k),
                    visning=_EN_DECIMAL,
                )

    def avdelningar(self) -> None:
        """The nämnd's resultaträkning (the whole) against the sum of its avdelningars (the parts)."""
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
                d = (n - s).i_enhet(nämnd.enhet)
                if d == 0:
                    continue
                delar = Delar()
                for a in avd:
                    delar += _rr_delar(a, rad, k)
                grans = delar + _rr_delar(nämnd, rad, k)
                c.add(
                    Kod.RR_AVDELNINGAR if abs(d) <= grans.marginal else Kod.RR_AVDELNINGAR_AVVIKER,
                    (*self.path, "verksamheter"),
                    f"{RESULTATRAKNING_RADER[rad]}, {RESULTATRAKNING.etikett(k, self.period)}: "
                    f"nämnden har {beloppstext(n, nämnd.enhet, 1)} men avdelningarna summerar till "
                    f"{beloppstext(s, nämnd.enhet, 1)} ("
                    + delar.forklaring(grans.marginal, nämnd.enhet, delar="tal", helhet="nämndens tal")
                    + ").",
                    printed=n.i_enhet(nämnd.enhet),
                    computed=s.i_enhet(nämnd.enhet),
                    difference=d,
                    unit=nämnd.enhet,
                )

    def avdelningar_tryckta(self) -> None:
        """The printed avdelning results against the printed nämnd result (each printed cell rounded)."""
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
            d = (tryckt_n - summa).i_enhet(nämnd.enhet)
            if d == 0:
                continue
            underlag = Delar.avrundade(len(avd), _EN_DECIMAL)
            grans = underlag.med_helhet(_EN_DECIMAL)
            c.add(
                Kod.RR_AVDELNINGAR if abs(d) <= grans else Kod.RR_AVDELNINGAR_AVVIKER,
                (*self.path, "resultatrakning", "rapporterat", "resultat", k),
                f"Resultat, {RESULTATRAKNING.etikett(k, self.period)}: nämndens tryckta resultat är "
                f"{beloppstext(tryckt_n, nämnd.enhet, 1)} men avdelningarnas tryckta resultat summerar "
                f"till {beloppstext(summa, nämnd.enhet, 1)} ("
                + underlag.forklaring(grans, nämnd.enhet, delar="avdelningar", helhet="nämnden")
                + ").",
                printed=tryckt_n.i_enhet(nämnd.enhet),
                computed=summa.i_enhet(nämnd.enhet),
                difference=d,
                unit=nämnd.enhet,
            )

    def sammanfattning_mot_rr(self) -> None:
        """The summary's total (printed in whole mnkr) against the nämnd's resultaträkning."""
        e, c = self.e, self.c
        rr = e.resultatrakning
        berakning = e.sammanfattning_berakning()
        if rr is None or berakning is None or e.sammanfattning is None or self.sammanfattning is None:
            return
        enhet = e.sammanfattning.enhet
        par = (
            ("kommunbidrag", "kommunbidrag", "budget_ar"),
            ("periodens_utfall", "resultat", "utfall_period"),
            ("helarsprognos", "resultat", "prognos_ar"),
        )
        for k, rad, kolumn in par:
            total = getattr(berakning.totalt, k)
            rr_rad = rr.rad(rad)
            rr_varde = getattr(rr_rad, kolumn) if rr_rad is not None else None
            if total is None or rr_varde is None:
                continue
            delar = self.sammanfattning.total_delar(k) + _rr_delar(rr, rad, kolumn).i_enhet(rr.enhet, enhet)
            grans = delar.med_helhet(0)  # the summary prints whole mnkr
            d = (total - rr_varde).i_enhet(enhet)
            if abs(d) <= grans:
                continue
            c.add(
                Kod.SAMMANFATTNING_RR,
                (*self.path, "sammanfattning", "totalt", k),
                f"Nämnden totalt, {SAMMANFATTNING.etikett(k, self.period)}: sammanfattningen visar "
                f"{beloppstext(total, enhet)} men resultaträkningen {beloppstext(rr_varde, enhet, 1)} "
                f"({delar.forklaring(grans, enhet, helhet='sammanfattningens avrundning')}).",
                printed=total.i_enhet(enhet),
                computed=rr_varde.i_enhet(enhet),
                difference=d,
                unit=enhet,
            )
