"""The check of Uppsala's summary table per verksamhet: printed cells, varav rows, totals.

Every comparison is one of parts with a whole and follows the rule of :class:`Delar`: a
summary transcribed with ``avrundade_indata`` has rows rounded to whole mnkr, a row
linked to a detail table is made of that table's cells (whole tkr), and rows given
without ``avrundade_indata`` are exact.
"""

from __future__ import annotations

from delarsrapport._check.koder import Kod
from delarsrapport._check.recorder import Delar, Path_, Recorder, beloppstext, decimaler_i, tal
from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.ekonomi import (
    SAMMANFATTNING_UR_DETALJ,
    BeraknadSammanfattning,
    BeraknadSammanfattningsrad,
    EkonomiskUppfoljning,
    Sammanfattningstabell,
)
from delarsrapport._model.kolumner import DETALJ, SAMMANFATTNING
from delarsrapport._model.period import Rapportperiod
from delarsrapport.formatting import avrunda

__all__ = ["Sammanfattningskontroll"]

#: The decimals of a summary transcribed from print (``avrundade_indata``): whole mnkr.
_HELA = 0


class Sammanfattningskontroll:
    """The checks of one summary table, and the rounding parts of each of its figures."""

    def __init__(
        self,
        c: Recorder,
        e: EkonomiskUppfoljning,
        tabell: Sammanfattningstabell,
        berakning: BeraknadSammanfattning,
        period: Rapportperiod,
        path: Path_,
    ) -> None:
        self.c, self.e, self.tabell, self.berakning = c, e, tabell, berakning
        self.period, self.path = period, path
        self.enhet: Enhet = tabell.enhet

    # the parts of each figure

    def rad_delar(self, rad: BeraknadSammanfattningsrad, k: str) -> Delar:
        """The rounded figures behind one cell of a row: its detail table's cells or itself."""
        if k in rad.harledda and rad.rad.verksamhet is not None:
            avsnitt = self.e.verksamhet(rad.rad.verksamhet)
            t = avsnitt.tabell if avsnitt is not None else None
            if t is not None:
                radnamn, kolumn = SAMMANFATTNING_UR_DETALJ[k]
                rader = (
                    [*(x.belopp for x in t.konton), t.kommunbidrag]
                    if radnamn == "resultat"
                    else [t.kommunbidrag]
                )
                antal = DETALJ.delar(rader, kolumn)
                return Delar.avrundade(antal, decimaler_i(0, t.enhet, self.enhet))
        given = getattr(rad.varden, k) is not None
        return Delar.avrundade(int(given), _HELA if self.tabell.avrundade_indata else None)

    def total_delar(self, k: str) -> Delar:
        """The rounded figures behind the total of column *k*: the source's total, or the rows."""
        if k in self.berakning.totalt_fran_kalla:
            return Delar.avrundade(1, _HELA)
        delar = Delar()
        for rad in self.berakning.rader:
            delar += self.rad_delar(rad, k)
        return delar

    # the checks

    def run(self) -> None:
        sp = (*self.path, "sammanfattning")
        for i, rad in enumerate(self.berakning.rader):
            rp = (*sp, "rader", i)
            self.rad(rad, rp)
            for j, sub in enumerate(rad.varav):
                self.rad(sub, (*rp, "varav", j))
            if rad.varav:
                self.varav(rad, rp)
        self.totaler(sp)
        self.avrundningsdifferens(sp)

    def rad(self, rad: BeraknadSammanfattningsrad, path: Path_) -> None:
        """A row's printed cells, and a forecast whose sign differs from the period's result."""
        c, enhet = self.c, self.enhet
        if rad.rad.rapporterat is not None:
            for k in SAMMANFATTNING.falt:
                c.jamfor(
                    (*path, "rapporterat", k),
                    f"{rad.rad.namn}, {SAMMANFATTNING.etikett(k, self.period)}",
                    getattr(rad.rad.rapporterat, k),
                    getattr(rad.varden, k),
                    enhet=enhet,
                    delar=self.rad_delar(rad, k),
                )
        utfall, prognos = rad.varden.periodens_utfall, rad.varden.helarsprognos
        if utfall is not None and prognos is not None:
            u = avrunda(utfall.i_enhet(enhet), 0)
            p = avrunda(prognos.i_enhet(enhet), 0)
            if u * p < 0:
                c.add(
                    Kod.PROGNOS_TECKENBYTE,
                    path,
                    f"{rad.rad.namn}: periodens utfall är {tal(u, 0)} {enhet} men helårsprognosen "
                    f"{tal(p, 0)} {enhet}. Kontrollera att texten förklarar vändningen.",
                    printed=p,
                    unit=enhet,
                )

    def varav(self, rad: BeraknadSammanfattningsrad, path: Path_) -> None:
        """The varav rows (the parts) against their row (the whole), column by column."""
        enhet = self.enhet
        for k in SAMMANFATTNING.falt:
            helhet = getattr(rad.varden, k)
            delar = [getattr(s.varden, k) for s in rad.varav]
            if helhet is None or all(d is None for d in delar):
                continue
            summa = sum((d for d in delar if d is not None), Belopp.noll())
            if summa == helhet:
                continue
            underlag = Delar()
            for s in rad.varav:
                underlag += self.rad_delar(s, k)
            grans = underlag + self.rad_delar(rad, k)
            p, s_ = helhet.i_enhet(enhet), summa.i_enhet(enhet)
            d = p - s_
            forklarad = grans.antal > 0 and abs(d) <= grans.marginal
            decimaler = 0 if self.tabell.avrundade_indata else 1
            radord = "raden" if self.rad_delar(rad, k).antal else None
            forklaring = underlag.forklaring(grans.marginal, enhet, delar="varav-rader", helhet=radord)
            self.c.add(
                Kod.VARAV_AVRUNDNING if forklarad else Kod.VARAV_SUMMA,
                (*path, "varav"),
                f"{rad.rad.namn}, {SAMMANFATTNING.etikett(k, self.period)}: raden är "
                f"{beloppstext(helhet, enhet, decimaler)} men varav-raderna summerar till "
                f"{beloppstext(summa, enhet, decimaler)} (skillnad {tal(abs(d), decimaler)} {enhet}; "
                f"{forklaring}).",
                printed=p,
                computed=s_,
                difference=d,
                unit=enhet,
            )

    def totaler(self, sp: Path_) -> None:
        """The total of each column against its rows: the source's total, or a printed one."""
        tabell, berakning, enhet = self.tabell, self.berakning, self.enhet
        antal = len(berakning.rader)
        for k in SAMMANFATTNING.falt:
            label = f"Nämnden totalt, {SAMMANFATTNING.etikett(k, self.period)}"
            given = getattr(tabell.totalt, k) if tabell.totalt is not None else None
            radsumma = getattr(berakning.radsumma, k)
            if k in berakning.totalt_fran_kalla and given is not None and radsumma is not None:
                p = given.i_enhet(enhet)
                s = radsumma.i_enhet(enhet)
                if avrunda(s, 0) == avrunda(p, 0):
                    continue
                rader = Delar()
                for r in berakning.rader:
                    rader += self.rad_delar(r, k)
                grans = rader.med_helhet(_HELA)
                d = p - s
                self.c.add(
                    Kod.TOTAL_AVRUNDADE_RADER if abs(d) <= grans else Kod.TOTAL_AVVIKER,
                    (*sp, "totalt", k),
                    f"{label}: källans total är {tal(p, 0)} {enhet}, men de {antal} avrundade "
                    f"raderna summerar till {tal(s, 0)} {enhet} (skillnad {tal(abs(d), 0)} {enhet}; "
                    f"{rader.forklaring(grans, enhet, delar='rader', helhet='totalen')}).",
                    printed=p,
                    computed=s,
                    difference=d,
                    unit=enhet,
                )
            elif given is not None:
                self.c.jamfor(
                    (*sp, "totalt", k),
                    label,
                    given,
                    getattr(berakning.totalt, k),
                    enhet=enhet,
                    delar=self.total_delar(k),
                )

    def avrundningsdifferens(self, sp: Path_) -> None:
        """Displayed rows that do not add up to the displayed total (correct, but worth a note)."""
        berakning = self.berakning
        kolumner = [
            SAMMANFATTNING.etikett(k, self.period)
            for k in SAMMANFATTNING.falt
            if not visade_rader_summerar(
                (getattr(r.varden, k) for r in berakning.rader),
                getattr(berakning.totalt, k),
                enhet=self.enhet,
                decimaler=0,
            )
        ]
        if kolumner:
            self.c.add(
                Kod.AVRUNDNINGSDIFFERENS,
                sp,
                "De avrundade raderna summerar inte till den avrundade totalen i "
                f"{', '.join(kolumner)}; totalen räknas från exakta belopp.",
            )
