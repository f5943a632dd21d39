"""The economic tables of a report as the sheets of a workbook: rows, columns, inputs, formulas.

One :class:`Blad` per table: its name, the unit its amounts are in, the columns of its
:class:`~delarsrapport._model.kolumner.Kolumner` in printed order and its rows. A row is
either a row of the nämnd's own (an account, a verksamhetsområde, a project) or a row the
model derives (Summa, Nettokostnad, Resultat, a resultaträkning's subtotals); every cell of
a row is an input or derived, and a derived cell carries the :data:`Formel` that gives it
in Excel. Writing (``_render/arbetsbok.py``) lays the sheets out from this; reading
(``_load/arbetsbok.py``) finds the same rows again by their label, reads the inputs and
rebuilds the tables with :attr:`Blad.med_indata`, then compares the derived cells with the
rebuilt model. Nothing here knows cell addresses: rows are named, columns are fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final, TypeAlias

import attrs

from delarsrapport._load.arbetsbokformel import Formel, Lank, Summa, Uttryck
from delarsrapport._load.errors import Path_
from delarsrapport._model import kolumner as k
from delarsrapport._model.belopp import Belopp, Enhet, faktor
from delarsrapport._model.ekonomi import (
    EkonomiskUppfoljning,
    Sammanfattningsrad,
    Sammanfattningstabell,
    Sammanfattningsvarden,
)
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Delarsrapport
from delarsrapport._model.resultatrakning import RR_DELSUMMOR, RR_INDATARADER, Resultatrakning, RRRader
from delarsrapport._model.verksamhetstabell import (
    Insatskostnadstabell,
    Kontorad,
    Sjukolumner,
    Verksamhetstabell,
)

__all__ = ["Blad", "Indata", "Rad", "arbetsbokens_blad", "evolve_at"]

Indata: TypeAlias = Mapping[str, Mapping[str, Belopp | None]]
"""The inputs read from a sheet: row label → column field → amount (``None`` for an empty cell)."""


@attrs.frozen
class Rad:
    """One row of a sheet: its label, every cell's value in the model, and its formulas."""

    nyckel: str
    """The label in the first column; it identifies the row, so it is unique on the sheet."""
    varden: Mapping[str, Belopp | None]
    """The model's value of every column (inputs and derived)."""
    formler: Mapping[str, Formel] = attrs.field(factory=dict)
    """The derived cells by column field; every other cell is an input."""
    summarad: bool = False
    """A row the model derives (Summa, Resultat): printed bold."""
    indrag: bool = False
    """A sub-row (a summary table's "varav" row): printed indented."""


@attrs.frozen
class Blad:
    """One economic table as a sheet."""

    namn: str
    """The sheet's name: at most 31 characters, unique in the workbook."""
    rubrik: str
    """What the sheet's first line says: the table, and where in the report it is."""
    enhet: Enhet
    kolumner: tuple[tuple[str, str, bool], ...]
    """(field, label, derived) per column, in printed order."""
    rader: tuple[Rad, ...]
    del_: Path_
    """The field path of the ekonomisk uppföljning the table belongs to."""
    med_indata: Callable[[EkonomiskUppfoljning, Indata], EkonomiskUppfoljning] = attrs.field(eq=False)
    """The ekonomisk uppföljning with this table's inputs replaced by the given ones."""
    sokvag: str = ""
    """The table's field path in the report (for the instruction sheet)."""


# -- building blocks ------------------------------------------------------------------------

_FORBJUDNA: Final = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def _unik(rader: Sequence[Rad]) -> tuple[Rad, ...]:
    """The rows with every label unique: a repeated label gets " (2)", " (3)" …"""
    seen: dict[str, int] = {}
    out: list[Rad] = []
    for rad in rader:
        n = seen.get(rad.nyckel, 0) + 1
        seen[rad.nyckel] = n
        out.append(rad if n == 1 else attrs.evolve(rad, nyckel=f"{rad.nyckel} ({n})"))
    return tuple(out)


def _kolumner(kol: k.Kolumner, period: Rapportperiod) -> tuple[tuple[str, str, bool], ...]:
    return tuple((c.falt, kol.etikett(c.falt, period), c.harledd) for c in kol.kolumner)


def _varden(obj: object, falt: Sequence[str]) -> dict[str, Belopp | None]:
    return {f: getattr(obj, f) for f in falt}


def _ersatt(obj: Any, falt: Sequence[str], indata: Mapping[str, Belopp | None] | None) -> Any:
    """*obj* with the input fields *falt* taken from *indata* (unchanged without it)."""
    if indata is None:
        return obj
    return attrs.evolve(obj, **{f: indata.get(f) for f in falt})


# -- tables of rows with a Summa row ----------------------------------------------------------


@attrs.frozen
class _Radtabell:
    """A table of named rows with a derived total row: how to read and rebuild it."""

    kolumner: k.Kolumner
    namnfalt: str
    """The row's label attribute (``namn`` or ``projekt``)."""
    summanamn: str
    formler: Mapping[str, Uttryck]
    """Derived columns, the same formula in every row."""
    summa: Callable[[Any, Sequence[str]], Mapping[str, Belopp | None]]
    radformler: Callable[[Any], Mapping[str, Uttryck]] = lambda _rad: {}
    """Per-row formulas that depend on the row (the investeringsbudget's avskrivningstid)."""

    def rader(self, tabell: Any) -> tuple[Rad, ...]:
        falt = self.kolumner.falt
        rader = _unik(
            [
                Rad(
                    getattr(r, self.namnfalt),
                    _varden(r, falt),
                    {**self.formler, **self.radformler(r)},
                )
                for r in tabell.rader
            ]
        )
        total = {f: Summa(tuple(r.nyckel for r in rader)) for f in self.kolumner.indata}
        summa: dict[str, Formel] = {**total, **self.formler}
        return (*rader, Rad(self.summanamn, self.summa(tabell, falt), summa, summarad=True))

    def med_indata(self, tabell: Any, indata: Indata) -> Any:
        nycklar = self.rader(tabell)
        ny = tuple(
            _ersatt(r, self.kolumner.indata, indata.get(rad.nyckel))
            for rad, r in zip(nycklar, tabell.rader, strict=False)
        )
        return attrs.evolve(tabell, rader=ny)


def _summarad(attr: str, **andra: str) -> Callable[[Any, Sequence[str]], dict[str, Belopp | None]]:
    """The values of the table's total row *attr*; *andra* takes a column from another attribute."""

    def get(tabell: Any, falt: Sequence[str]) -> dict[str, Belopp | None]:
        values = _varden(getattr(tabell, attr), falt)
        values.update({f: getattr(tabell, other) for f, other in andra.items()})
        return values

    return get


def _avskrivning(rad: Any) -> Mapping[str, Uttryck]:
    tid = rad.avskrivningstid
    if not tid:
        return {"avskrivning_ar1": Uttryck('""')}
    return {"avskrivning_ar1": Uttryck(f"{{ar1}}/{tid}", tom_om=("ar1",))}


_DRIFT: Final = _Radtabell(
    k.DRIFT,
    "namn",
    "Summa",
    {
        "avvikelse_kostnad": Uttryck("{budget_kostnad}-{redovisat_kostnad}"),
        "avvikelse_intakt": Uttryck("{redovisat_intakt}-{budget_intakt}"),
        "avvikelse_netto": Uttryck("{avvikelse_kostnad}+{avvikelse_intakt}"),
    },
    _summarad("summa"),
)
_KAPITAL: Final = _Radtabell(
    k.KAPITAL,
    "namn",
    "Summa",
    {
        "avvikelse_avskrivningar": Uttryck("{budget_avskrivningar}-{redovisat_avskrivningar}"),
        "avvikelse_internranta": Uttryck("{budget_internranta}-{redovisat_internranta}"),
        "avvikelse_netto": Uttryck("{avvikelse_avskrivningar}+{avvikelse_internranta}"),
    },
    _summarad("summa"),
)
_STATSBIDRAG: Final = _Radtabell(k.STATSBIDRAG, "namn", "Totalt", {}, _summarad("totalt"))
_SIF: Final = _Radtabell(
    k.SIF,
    "projekt",
    "Summa",
    {
        "prognosavvikelse": Uttryck(
            "{budget_hela_projektet}-{prognos_projektet}",
            tom_om=("budget_hela_projektet", "prognos_projektet"),
        )
    },
    _summarad("summa"),
)
_INVESTERINGAR: Final = _Radtabell(
    k.INVESTERINGSREDOVISNING,
    "projekt",
    "Summa",
    {"kvar": Uttryck("{budget_ar}-{redovisat_ar}", tom_om=("budget_ar",))},
    _summarad("summa"),
)
_BUDGET: Final = _Radtabell(
    k.NAMNDPLAN_BUDGET,
    "namn",
    "Summa",
    {
        "budget_netto": Uttryck("{kostnad}+{avskrivningar}+{internranta}-{intakt}"),
        "forandring": Uttryck("{budget_netto}-{budget_netto_fg}", tom_om=("budget_netto_fg",)),
    },
    _summarad("summa"),
)
_INVESTERINGSBUDGET: Final = _Radtabell(
    k.INVESTERINGSBUDGET,
    "namn",
    "Summa",
    {},
    _summarad("summa", avskrivning_ar1="summa_avskrivning_ar1"),
    _avskrivning,
)


# -- detail tables (seven columns) -----------------------------------------------------------


def _kontonyckel(rad: Kontorad) -> str:
    return f"{rad.kod} {rad.namn}" if rad.kod else rad.namn


def _detaljrader(tabell: Verksamhetstabell) -> tuple[Rad, ...]:
    falt = k.DETALJ.falt
    konton = _unik([Rad(_kontonyckel(r), _varden(r.belopp, falt)) for r in tabell.konton])
    netto: dict[str, Formel] = {f: Summa(tuple(r.nyckel for r in konton)) for f in falt}
    resultat: dict[str, Formel] = {f: Summa(("Nettokostnad", "Kommunbidrag")) for f in falt}
    return (
        *konton,
        Rad("Nettokostnad", _varden(tabell.nettokostnad, falt), netto, summarad=True),
        Rad("Kommunbidrag", _varden(tabell.kommunbidrag, falt)),
        Rad("Resultat", _varden(tabell.resultat, falt), resultat, summarad=True),
    )


def _sjukolumner(indata: Mapping[str, Belopp | None] | None, gammal: Sjukolumner) -> Sjukolumner:
    return _ersatt(gammal, k.DETALJ.falt, indata)  # type: ignore[no-any-return]


def _detalj_med_indata(tabell: Verksamhetstabell, indata: Indata) -> Verksamhetstabell:
    rader = _detaljrader(tabell)
    konton = tuple(
        attrs.evolve(r, belopp=_sjukolumner(indata.get(rad.nyckel), r.belopp))
        for rad, r in zip(rader, tabell.konton, strict=False)
    )
    return attrs.evolve(
        tabell, konton=konton, kommunbidrag=_sjukolumner(indata.get("Kommunbidrag"), tabell.kommunbidrag)
    )


def _insatsrader(tabell: Insatskostnadstabell) -> tuple[Rad, ...]:
    falt = k.DETALJ.falt
    rader = _unik([Rad(_kontonyckel(r), _varden(r.belopp, falt)) for r in tabell.rader])
    summa: dict[str, Formel] = {f: Summa(tuple(r.nyckel for r in rader)) for f in falt}
    return (*rader, Rad("Alla verksamheter", _varden(tabell.totalt, falt), summa, summarad=True))


def _insats_med_indata(tabell: Insatskostnadstabell, indata: Indata) -> Insatskostnadstabell:
    rader = _insatsrader(tabell)
    ny = tuple(
        attrs.evolve(r, belopp=_sjukolumner(indata.get(rad.nyckel), r.belopp))
        for rad, r in zip(rader, tabell.rader, strict=False)
    )
    return attrs.evolve(tabell, rader=ny)


# -- resultaträkning ------------------------------------------------------------------------

_RR_DIFF: Final = {
    "diff_period": Uttryck("{utfall_period}-{budget_period}", tom_om=("utfall_period", "budget_period")),
    "diff_ar": Uttryck("{prognos_ar}-{budget_ar}", tom_om=("prognos_ar", "budget_ar")),
}


def _rr_rader(tabell: Resultatrakning) -> tuple[Rad, ...]:
    falt = k.RESULTATRAKNING.falt
    rader: list[Rad] = []
    ovan: list[str] = []
    for nyckel in tabell.radnycklar():
        etikett = k.RESULTATRAKNING_RADER[nyckel]
        rad = tabell.rad(nyckel)
        varden = _varden(rad, falt) if rad is not None else dict.fromkeys(falt)
        if nyckel in RR_DELSUMMOR:
            summa: dict[str, Formel] = {f: Summa(tuple(ovan)) for f in k.RESULTATRAKNING.indata}
            rader.append(Rad(etikett, varden, {**summa, **_RR_DIFF}, summarad=True))
        else:
            rader.append(Rad(etikett, varden, dict(_RR_DIFF)))
            ovan.append(etikett)
    return tuple(rader)


def _rr_med_indata(tabell: Resultatrakning, indata: Indata) -> Resultatrakning:
    ny: dict[str, object] = {}
    for nyckel in RR_INDATARADER:
        gammal = getattr(tabell.rader, nyckel)
        if gammal is not None:
            etikett = k.RESULTATRAKNING_RADER[nyckel]
            ny[nyckel] = _ersatt(gammal, k.RESULTATRAKNING.indata, indata.get(etikett))
    return attrs.evolve(tabell, rader=RRRader(**ny))  # type: ignore[arg-type]


# -- the summary table ------------------------------------------------------------------------

_LANKAR: Final = {
    "kommunbidrag": ("Kommunbidrag", "budget_ar"),
    "periodens_utfall": ("Resultat", "utfall_period"),
    "helarsprognos": ("Resultat", "ny_prognos_ar"),
}
"""What a summary row linked to a detail table takes from it: (detail row, detail column)."""


def _sammanfattning_rader(
    ekonomi: EkonomiskUppfoljning, tabell: Sammanfattningstabell, detaljblad: Mapping[str, str]
) -> tuple[Rad, ...]:
    berakning = ekonomi.sammanfattning_berakning()
    assert berakning is not None
    falt = k.SAMMANFATTNING.falt
    rader: list[Rad] = []

    def add(
        rad: Sammanfattningsrad, varden: Sammanfattningsvarden, indrag: bool, harledda: frozenset[str]
    ) -> None:
        formler: dict[str, Formel] = {}
        avsnitt = ekonomi.verksamhet(rad.verksamhet) if rad.verksamhet else None
        detalj = detaljblad.get(rad.verksamhet or "")
        if avsnitt is not None and avsnitt.tabell is not None and detalj is not None:
            delare = faktor(tabell.enhet) / faktor(avsnitt.tabell.enhet)
            for f in harledda:
                detaljrad, detaljfalt = _LANKAR[f]
                formler[f] = Lank(detalj, detaljrad, detaljfalt, delare)
        rader.append(Rad(rad.namn, _varden(varden, falt), formler, indrag=indrag))

    def walk(beraknade: Sequence[Any], indrag: bool) -> None:
        for b in beraknade:
            add(b.rad, b.varden, indrag, b.harledda)
            walk(b.varav, True)

    walk(berakning.rader, False)
    unika = _unik(rader)
    namn = {id(r): u.nyckel for r, u in zip(rader, unika, strict=True)}
    topp_nycklar = tuple(namn[id(r)] for r in rader if not r.indrag)
    # With rounded inputs the source's total is an input wherever no row is derived (an
    # empty cell there means the sum of the rows, as in the model).
    harledda = {f for b in berakning.rader for f in b.harledda}
    fran_kalla = {f for f in falt if tabell.avrundade_indata and f not in harledda}
    total: dict[str, Formel] = {f: Summa(topp_nycklar) for f in falt if f not in fran_kalla}
    varden = _varden(berakning.totalt, falt)
    varden.update({f: getattr(tabell.totalt, f, None) for f in fran_kalla})
    return (*unika, Rad("Nämnden totalt", varden, total, summarad=True))


def _sammanfattning_med_indata(
    ekonomi: EkonomiskUppfoljning, indata: Indata, detaljblad: Mapping[str, str]
) -> Sammanfattningstabell:
    tabell = ekonomi.sammanfattning
    assert tabell is not None
    rader = iter(_sammanfattning_rader(ekonomi, tabell, detaljblad))

    def rebuild(rad: Sammanfattningsrad) -> Sammanfattningsrad:
        spec = next(rader)
        given = indata.get(spec.nyckel)
        inputs = [f for f in k.SAMMANFATTNING.falt if f not in spec.formler]
        ny = _ersatt(rad, inputs, given)
        return attrs.evolve(ny, varav=tuple(rebuild(v) for v in rad.varav))  # type: ignore[no-any-return]

    ny_rader = tuple(rebuild(r) for r in tabell.rader)
    total = next(rader)
    inputs = [f for f in k.SAMMANFATTNING.falt if f not in total.formler]
    totalt = tabell.totalt
    given = indata.get(total.nyckel)
    if inputs and given is not None:
        totalt = _ersatt(totalt or Sammanfattningsvarden(), inputs, given)
    return attrs.evolve(tabell, rader=ny_rader, totalt=totalt)


# -- every table of a report ------------------------------------------------------------------


def evolve_at(obj: Any, sokvag: Path_, andra: Callable[[Any], Any]) -> Any:
    """*obj* with the value at *sokvag* (attribute names and tuple indices) replaced by ``andra(value)``."""
    if not sokvag:
        return andra(obj)
    steg, rest = sokvag[0], sokvag[1:]
    if isinstance(steg, int):
        items = list(obj)
        items[steg] = evolve_at(items[steg], rest, andra)
        return tuple(items)
    return attrs.evolve(obj, **{steg: evolve_at(getattr(obj, steg), rest, andra)})


def _ekonomidelar(rapport: Delarsrapport) -> Iterator[tuple[Path_, str, Rapportperiod, EkonomiskUppfoljning]]:
    for a, arende in enumerate(rapport.arenden):
        bas: Path_ = () if a == 0 else ("ovriga_arenden", a - 1)
        for b, bilaga in enumerate(arende.bilagor):
            for d, del_ in enumerate(bilaga.delar):
                if isinstance(del_, EkonomiskUppfoljning):
                    plats = (
                        f"ärende {a + 1}, bilaga {bilaga.nummer}"
                        if len(rapport.arenden) > 1
                        else (f"bilaga {bilaga.nummer}")
                    )
                    yield (*bas, "bilagor", b, "delar", d), plats, arende.period, del_


@attrs.frozen
class _Tabell:
    """One table found in an ekonomisk uppföljning, before its sheet has a name."""

    namn: str
    rubrik: str
    falt: Path_
    """Its path inside the ekonomisk uppföljning."""
    enhet: Enhet
    kolumner: k.Kolumner
    rader: Callable[[EkonomiskUppfoljning, Mapping[str, str]], tuple[Rad, ...]]
    med_indata: Callable[[EkonomiskUppfoljning, Indata, Mapping[str, str]], EkonomiskUppfoljning]
    verksamhet: str | None = None
    """The verksamhet whose detail table this is (the summary links to it)."""


def _radtabell(namn: str, rubrik: str, falt: Path_, tabell: Any, slag: _Radtabell) -> _Tabell:
    def rader(e: EkonomiskUppfoljning, _: Mapping[str, str]) -> tuple[Rad, ...]:
        return slag.rader(_hamta(e, falt))

    def med(e: EkonomiskUppfoljning, indata: Indata, _: Mapping[str, str]) -> EkonomiskUppfoljning:
        return evolve_at(e, falt, lambda t: slag.med_indata(t, indata))  # type: ignore[no-any-return]

    return _Tabell(namn, rubrik, falt, tabell.enhet, slag.kolumner, rader, med)


def _hamta(obj: Any, sokvag: Path_) -> Any:
    for steg in sokvag:
        obj = obj[steg] if isinstance(steg, int) else getattr(obj, steg)
    return obj


def _tabeller(ekonomi: EkonomiskUppfoljning) -> Iterator[_Tabell]:
    e = ekonomi
    if e.sammanfattning is not None:

        def sam_rader(x: EkonomiskUppfoljning, detalj: Mapping[str, str]) -> tuple[Rad, ...]:
            assert x.sammanfattning is not None
            return _sammanfattning_rader(x, x.sammanfattning, detalj)

        def sam_med(
            x: EkonomiskUppfoljning, indata: Indata, detalj: Mapping[str, str]
        ) -> EkonomiskUppfoljning:
            return attrs.evolve(x, sammanfattning=_sammanfattning_med_indata(x, indata, detalj))

        yield _Tabell(
            "Sammanfattning",
            "Sammanfattning per verksamhet",
            ("sammanfattning",),
            e.sammanfattning.enhet,
            k.SAMMANFATTNING,
            sam_rader,
            sam_med,
        )
    if e.resultatrakning is not None:
        yield _rr_tabell(f"RR {e.resultatrakning.namn}", ("resultatrakning",), e.resultatrakning)
    for i, avsnitt in enumerate(e.verksamheter):
        if avsnitt.tabell is not None:
            falt: Path_ = ("verksamheter", i, "tabell")
            yield _Tabell(
                avsnitt.namn,
                avsnitt.tabell.rubrik or f"{avsnitt.namn}, {avsnitt.tabell.enhet}",
                falt,
                avsnitt.tabell.enhet,
                k.DETALJ,
                _fast(_hamtad(falt, _detaljrader)),
                _fast_med(falt, _detalj_med_indata),
                verksamhet=avsnitt.namn,
            )
        if avsnitt.insatskostnad is not None:
            falt = ("verksamheter", i, "insatskostnad")
            yield _Tabell(
                f"Insats {avsnitt.namn}",
                avsnitt.insatskostnad.rubrik or f"Insatskostnad: {avsnitt.namn}",
                falt,
                avsnitt.insatskostnad.enhet,
                k.DETALJ,
                _fast(_hamtad(falt, _insatsrader)),
                _fast_med(falt, _insats_med_indata),
            )
        if avsnitt.resultatrakning is not None:
            yield _rr_tabell(
                f"RR {avsnitt.resultatrakning.namn}",
                ("verksamheter", i, "resultatrakning"),
                avsnitt.resultatrakning,
            )
    radtabeller: tuple[tuple[str, str, str, Any, _Radtabell], ...] = (
        ("driftredovisning", "Driftredovisning", "Driftredovisning", e.driftredovisning, _DRIFT),
        ("kapitalkostnader", "Kapitalkostnader", "Varav kapitalkostnader", e.kapitalkostnader, _KAPITAL),
        ("ekonomiskt_bistand", "Ekonomiskt bistånd", "Ekonomiskt bistånd", e.ekonomiskt_bistand, _DRIFT),
        ("statsbidrag", "Statsbidrag", "Statsbidrag", e.statsbidrag, _STATSBIDRAG),
        ("sociala_investeringsfonden", "SIF", "Sociala investeringsfonden", e.sociala_investeringsfonden,
         _SIF),
        ("investeringsredovisning", "Investeringar", "Investeringsredovisning", e.investeringsredovisning,
         _INVESTERINGAR),
        ("driftbudget", "Driftbudget", "Driftbudget", e.driftbudget, _BUDGET),
        ("investeringsbudget", "Investeringsbudget", "Investeringsbudget", e.investeringsbudget,
         _INVESTERINGSBUDGET),
        ("ekonomiskt_bistand_budget", "Ek. bistånd budget", "Ekonomiskt bistånd, budget",
         e.ekonomiskt_bistand_budget, _BUDGET),
    )  # fmt: skip
    for attr, namn, rubrik, tabell, slag in radtabeller:
        if tabell is not None:
            yield _radtabell(namn, rubrik, (attr,), tabell, slag)
    for i, fordelning in enumerate(e.budgetfordelning):
        yield _radtabell(
            f"Fördelning {fordelning.omrade}",
            f"Fördelning av budgeten: {fordelning.omrade}",
            ("budgetfordelning", i, "tabell"),
            fordelning.tabell,
            _BUDGET,
        )


def _fast(
    rader: Callable[[EkonomiskUppfoljning], tuple[Rad, ...]],
) -> Callable[[EkonomiskUppfoljning, Mapping[str, str]], tuple[Rad, ...]]:
    return lambda e, _detalj: rader(e)


def _fast_med(
    falt: Path_, med: Callable[[Any, Indata], Any]
) -> Callable[[EkonomiskUppfoljning, Indata, Mapping[str, str]], EkonomiskUppfoljning]:
    def andra(e: EkonomiskUppfoljning, indata: Indata, _detalj: Mapping[str, str]) -> EkonomiskUppfoljning:
        return evolve_at(e, falt, lambda t: med(t, indata))  # type: ignore[no-any-return]

    return andra


def _hamtad(
    falt: Path_, rader: Callable[[Any], tuple[Rad, ...]]
) -> Callable[[EkonomiskUppfoljning], tuple[Rad, ...]]:
    return lambda e: rader(_hamta(e, falt))


def _rr_tabell(namn: str, falt: Path_, tabell: Resultatrakning) -> _Tabell:
    return _Tabell(
        namn,
        f"Resultaträkning {tabell.namn}",
        falt,
        tabell.enhet,
        k.RESULTATRAKNING,
        _fast(lambda x: _rr_rader(_hamta(x, falt))),
        _fast_med(falt, _rr_med_indata),
    )


def _bladnamn(namn: str, tagna: set[str]) -> str:
    """*namn* as a sheet name Excel accepts (31 characters, none of ``[]:*?/\\``), unique."""
    bas = " ".join(namn.translate(_FORBJUDNA).split())[:31].strip() or "Tabell"
    kandidat, n = bas, 1
    while kandidat.casefold() in tagna:
        n += 1
        tillagg = f" ({n})"
        kandidat = bas[: 31 - len(tillagg)].rstrip() + tillagg
    tagna.add(kandidat.casefold())
    return kandidat


def arbetsbokens_blad(rapport: Delarsrapport) -> tuple[Blad, ...]:
    """Every economic table of *rapport* as a sheet, in report order."""
    tagna = {"instruktioner"}
    blad: list[Blad] = []
    for del_, plats, period, ekonomi in _ekonomidelar(rapport):
        tabeller = list(_tabeller(ekonomi))
        namn = [_bladnamn(t.namn, tagna) for t in tabeller]
        detalj = {t.verksamhet: n for t, n in zip(tabeller, namn, strict=True) if t.verksamhet is not None}
        for t, bladnamn in zip(tabeller, namn, strict=True):
            blad.append(
                Blad(
                    namn=bladnamn,
                    rubrik=f"{t.rubrik} ({plats})",
                    enhet=t.enhet,
                    kolumner=_kolumner(t.kolumner, period),
                    rader=t.rader(ekonomi, detalj),
                    del_=del_,
                    med_indata=_bind(t, detalj),
                    sokvag=".".join(str(s) for s in (*del_, "ekonomi", *t.falt)),
                )
            )
    return tuple(blad)


def _bind(
    t: _Tabell, detalj: Mapping[str, str]
) -> Callable[[EkonomiskUppfoljning, Indata], EkonomiskUppfoljning]:
    return lambda e, indata: t.med_indata(e, indata, detalj)
