"""Every derived figure of domain.md §3.9 (F1–F30) is computed by the model, from exact inputs.

The numbers are the seeds' own: where a formula reproduces a printed figure the test says
which seed printed it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from delarsrapport import Belopp
from delarsrapport._model.brutto import (
    Driftrad,
    Driftredovisning,
    Investeringsprojekt,
    Investeringsredovisning,
    Kapitalkostnadsrad,
    PrognoserUnderAret,
    SIFProjekt,
    Statsbidrag,
    Statsbidragstabell,
)
from delarsrapport._model.budget import (
    Budgetrad,
    Budgettabell,
    Investeringsbudgetrad,
    Satsning,
    Satsningstabell,
)
from delarsrapport._model.ekonomi import (
    EgenRegiRad,
    EgenRegiTabell,
    EkonomiskUppfoljning,
    Prognososakerhet,
    Sammanfattningsrad,
    Sammanfattningstabell,
    Sammanfattningsvarden,
    TidigarePrognos,
    Verksamhetsavsnitt,
)
from delarsrapport._model.internkontroll import (
    Internkontroll,
    Kontrollmoment,
    ProcessAtgard,
    Risk,
    Riskniva,
)
from delarsrapport._model.nyckeltal import Nyckeltal
from delarsrapport._model.organisation import Diarienummer, Namnd, Person
from delarsrapport._model.resultatrakning import Resultatrakning, RRKolumner, RRRader
from delarsrapport._model.status import (
    Bedomning,
    Indikatorenhet,
    Kontrollresultat,
    Status,
    Trend,
    Volymtyp,
)
from delarsrapport._model.tjansteskrivelse import Beslutssats
from delarsrapport._model.verksamhet import (
    Indikator,
    KfMal,
    Matning,
    Matvarde,
    RapporteradIndikator,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.verksamhetstabell import (
    Insatskostnadstabell,
    Kontorad,
    Sjukolumner,
    Verksamhetstabell,
)
from delarsrapport.formatting import format_belopp

tkr = Belopp.from_tkr
mnkr = Belopp.from_mnkr


def sju(*values: int | None) -> Sjukolumner:
    return Sjukolumner(*(None if v is None else tkr(v) for v in values))


def politisk() -> Verksamhetstabell:
    """000's Politisk verksamhet table."""
    return Verksamhetstabell(
        konton=(
            Kontorad(
                "Nämnd- och styrelseverksamhet",
                sju(-2114, -2489, -2193, -3359, -3251, -3734, -3786),
                "110",
            ),
            Kontorad(
                "Övrig politisk verksamhet",
                sju(-1274, -692, -1411, -2122, -1985, -1042, -2170),
                "140",
            ),
        ),
        kommunbidrag=sju(3184, 3184, 3184, 4776, 4747, 4776, 4747),
    )


def barn() -> Verksamhetstabell:
    """000's Barn och ungdomsvård table."""
    return Verksamhetstabell(
        konton=(
            Kontorad(
                "HVB-vård barn och ungdom",
                sju(-162977, -129725, -153314, -222265, -252212, -196484, -202500),
                "5731",
            ),
            Kontorad(
                "Familjehemsvård barn och ungdom",
                sju(-121887, -111466, -120658, -180192, -184193, -168485, -165830),
                "5732",
            ),
            Kontorad(
                "Individuell behovsprövd öppenvård",
                sju(-103555, -93641, -102235, -155317, -157569, -143684, -131894),
                "5733",
            ),
            Kontorad(
                "Råd och stöd barn och ungdom",
                sju(-16106, -23362, -14990, -23671, -24357, -36447, -34107),
                "5739",
            ),
        ),
        kommunbidrag=sju(356800, 356800, 356800, 545100, 545100, 545100, 513667),
    )


def test_F1_F2_nettokostnad_and_resultat() -> None:
    """F1 Nettokostnad = Σ accounts; F2 Resultat = Nettokostnad + Kommunbidrag (000)."""
    t = politisk()
    assert t.nettokostnad == sju(-3388, -3181, -3604, -5481, -5236, -4776, -5956)
    assert t.resultat == sju(-204, 3, -420, -705, -489, 0, -1209)
    b = barn()
    assert b.resultat == sju(-47725, -1394, -34397, -36345, -73231, 0, -20664)


def test_F3_avvikelse_mot_budget() -> None:
    """F3: Resultat(utfall) − Resultat(budget): Barn −47 725 − (−1 394) = −46 331 ("46,3")."""
    assert barn().avvikelse_mot_budget == tkr(-46331)
    assert format_belopp(abs(barn().avvikelse_mot_budget), enhet="mnkr", decimaler=1) == "46,3"


def test_F4_konto_avvikelse() -> None:
    """F4: 571 Missbrukarvård −84 942 − (−82 204) = −2 738 ("2,7 miljoner kronor")."""
    rad = Kontorad("Missbrukarvård", sju(-84942, -82204, None, None, None, None, None), "571")
    assert rad.avvikelse == tkr(-2738)
    assert Kontorad("x", sju(None, 1, None, None, None, None, None)).avvikelse is None


def test_F5_insatskostnad_total_and_avvikelse() -> None:
    """F5: "Alla verksamheter" = Σ rows; its avvikelse −294 765 − (−247 025) = −47 740."""
    t = Insatskostnadstabell(
        rader=(
            Kontorad("HVB", sju(-141049, -106323, None, None, None, None, None)),
            Kontorad("Familjehem", sju(-78468, -67071, None, None, None, None, None)),
            Kontorad("Öppenvård", sju(-63334, -61381, None, None, None, None, None)),
            Kontorad("Råd och stöd", sju(-11914, -12251, None, None, None, None, None)),
        )
    )
    assert t.totalt.utfall_period == tkr(-294765)
    assert t.totalt.budget_period == tkr(-247026)  # printed -247 025 (000-04, ROUND)
    assert t.totalt.prognos_ar is None
    assert t.avvikelse == tkr(-47739)


def _ekonomi_000() -> EkonomiskUppfoljning:
    return EkonomiskUppfoljning(
        sammanfattning=Sammanfattningstabell(
            rader=(
                Sammanfattningsrad("Politisk verksamhet", "1", "Politisk", periodens_utfall_fg=mnkr(-1)),
                Sammanfattningsrad("Barn- och ungdomsvård", "573", "Barn", periodens_utfall_fg=mnkr(-7)),
                Sammanfattningsrad(
                    "Övriga",
                    kommunbidrag=mnkr(0),
                    periodens_utfall=mnkr(0),
                    periodens_utfall_fg=mnkr(0),
                    helarsprognos=mnkr(0),
                    varav=(Sammanfattningsrad("varav x", kommunbidrag=mnkr(0)),),
                ),
            ),
            avrundade_indata=True,
            totalt=Sammanfattningsvarden(periodens_utfall_fg=mnkr(-9), kommunbidrag=mnkr(999)),
        ),
        verksamheter=(
            Verksamhetsavsnitt("Politisk", tabell=politisk()),
            Verksamhetsavsnitt("Barn", tabell=barn()),
        ),
        prognososakerhet=Prognososakerhet(forsamring=mnkr(5), forbattring=mnkr(5)),
    )


def test_summary_rows_derive_from_detail_tables() -> None:
    """Linked summary rows take KB (Budget year), the period's Resultat and the new forecast."""
    b = _ekonomi_000().sammanfattning_berakning()
    assert b is not None
    politisk_rad = b.rader[0]
    assert politisk_rad.varden.kommunbidrag == tkr(4776)
    assert politisk_rad.varden.periodens_utfall == tkr(-204)
    assert politisk_rad.varden.helarsprognos == tkr(-489)
    assert politisk_rad.harledda == {"kommunbidrag", "periodens_utfall", "helarsprognos"}


def test_F7_total_from_exact_rows_and_varav_excluded() -> None:
    """F7: the total is the exact sum of top-level rows (varav excluded), rounded only at display."""
    b = _ekonomi_000().sammanfattning_berakning()
    assert b is not None
    assert b.totalt.periodens_utfall == tkr(-204 - 47725)
    assert format_belopp(b.totalt.helarsprognos, enhet="mnkr") == "-74"  # −73 720 tkr
    # derived columns ignore the given totals; rounded input columns take them
    assert b.totalt.kommunbidrag == tkr(4776 + 545100)
    assert b.totalt.periodens_utfall_fg == mnkr(-9)
    assert b.radsumma.periodens_utfall_fg == mnkr(-8)
    assert b.totalt_fran_kalla == {"periodens_utfall_fg"}


def test_F6_summary_cells_round_half_up_to_whole_mnkr() -> None:
    """F6: a summary cell is round_half_up(tkr / 1000): 2 500 tkr → 3, −64 860 → −65."""
    assert format_belopp(tkr(2500), enhet="mnkr") == "3"
    assert format_belopp(tkr(-64860), enhet="mnkr") == "-65"


def test_F9_prognosspann() -> None:
    """F9: min = prognos − försämring, max = prognos + förbättring (000: −64 860 → −70/−60)."""
    e = EkonomiskUppfoljning(
        sammanfattning=Sammanfattningstabell(
            rader=(Sammanfattningsrad("Alla", kommunbidrag=tkr(1), helarsprognos=tkr(-64860)),)
        ),
        prognososakerhet=Prognososakerhet(forsamring=mnkr(5), forbattring=mnkr(5)),
    )
    spann = e.prognosspann
    assert spann is not None
    assert [format_belopp(x, enhet="mnkr") for x in spann] == ["-70", "-60"]
    assert e.prognososakerhet is not None
    assert e.prognososakerhet.symmetrisk
    assert not Prognososakerhet(forsamring=mnkr(20), forbattring=mnkr(5)).symmetrisk


def test_F10_F11_nyckeltal() -> None:
    """F10 nettokostnad = kostnader − intäkter; F11 per unit: 124 764 − 4 788 = 119 976 / 26 415."""
    n = Nyckeltal(
        rubrik="Kostnad per vård dygn på institution",
        volymtyp=Volymtyp.VARDDYGN,
        totala_kostnader=tkr(124764),
        ovriga_intakter=tkr(4788),
        volym=26415,
        volymetikett="Antal vård dygn",
        kvotetikett="Nettokostnad per vård dygn",
    )
    assert n.nettokostnad == tkr(119976)
    assert n.per_enhet is not None
    assert format_belopp(n.per_enhet, enhet="tkr", decimaler=3) == "4,542"


def test_F10_zero_volume_has_no_ratio() -> None:
    """A zero volume gives no ratio rather than a division error."""
    n = Nyckeltal("r", Volymtyp.VARDTAGARE, tkr(1), tkr(0), 0, "v", "k")
    assert n.per_enhet is None


def _rr_nämnd() -> Resultatrakning:
    d = Decimal

    def k(*v: str) -> RRKolumner:
        return RRKolumner(*(mnkr(d(x)) for x in v))

    return Resultatrakning(
        namn="Omsorgsnämnden",
        rader=RRRader(
            verksamhetens_intakter=k("659.1", "649.1", "973.8", "989.0"),
            lamnade_bidrag=k("-1015.7", "-1031.3", "-1549.1", "-1535.2"),
            personalkostnader=k("-581.2", "-590.2", "-898.7", "-891.3"),
            ovriga_kostnader=k("-126.1", "-92.9", "-138.4", "-192.1"),
            avskrivningar=k("-0.6", "-0.6", "-0.9", "-1.0"),
            finansnetto=k("0.0", "0.0", "0.0", "0.0"),
            indirekta_kostnader=k("-14.0", "-15.0", "-22.5", "-21.2"),
            gemensamma_kostnader=k("-47.4", "-47.4", "-71.0", "-71.1"),
            kommunbidrag=k("1128.2", "1128.2", "1706.9", "1706.9"),
        ),
    )


def test_F12_F13_F14_resultatrakning() -> None:
    """F12 cumulative subtotals; F13 diff = utfall − budget; F14 diff = prognos − budget."""
    rr = _rr_nämnd()
    sub = rr.delsummor()
    assert sub["resultat_fore_indirekta_kostnader"].utfall_period == mnkr(Decimal("-1064.5"))
    assert sub["resultat_fore_gemensamma_kostnader"].utfall_period == mnkr(Decimal("-1078.5"))
    assert rr.resultat.utfall_period == mnkr(Decimal("2.3"))
    # From the printed (rounded) rows the forecast sums to −16,0; 004 printed −15,9 from
    # its exact data (a ROUND case of domain.md §9, 004-10).
    assert rr.resultat.prognos_ar == mnkr(Decimal("-16.0"))
    assert rr.resultat.budget_ar == mnkr(Decimal("0.1"))  # printed 0,0: also ROUND
    assert rr.resultat.diff_ar == mnkr(Decimal("-16.1"))  # prognos − budget, by meaning
    assert rr.rad("verksamhetens_intakter").diff_period == mnkr(Decimal("10.0"))  # printed 10,1
    assert rr.radnycklar()[6] == "resultat_fore_indirekta_kostnader"
    assert len(rr.radnycklar()) == 13


def test_resultatrakning_without_some_rows() -> None:
    """A table may leave rows out; a "Resultat före X" row is shown only with its row X."""
    rr = Resultatrakning("x", RRRader(personalkostnader=RRKolumner(utfall_period=mnkr(-1))))
    assert rr.radnycklar() == ("personalkostnader", "resultat")
    med_kb = Resultatrakning("x", RRRader(kommunbidrag=RRKolumner(utfall_period=mnkr(1))))
    assert med_kb.radnycklar() == ("resultat_fore_kommunbidrag", "kommunbidrag", "resultat")
    assert rr.resultat.utfall_period == mnkr(-1)
    assert rr.resultat.budget_period is None


def test_F16_F17_forecast_share_and_change() -> None:
    """F16 |prognos| / kommunbidrag (15,9 / 1 706,9 → 0,9 %); F17 ny − tidigare = 35,7."""
    kb = RRKolumner(mnkr(1128), mnkr(1128), mnkr(Decimal("1706.9")), mnkr(Decimal("1706.9")))
    kostnad = RRKolumner(
        mnkr(Decimal("-1125.7")), mnkr(-1128), mnkr(Decimal("-1706.9")), mnkr(Decimal("-1722.8"))
    )
    rr = Resultatrakning("x", RRRader(ovriga_kostnader=kostnad, kommunbidrag=kb))
    e = EkonomiskUppfoljning(resultatrakning=rr)
    assert e.helarsprognos == mnkr(Decimal("-15.9"))
    andel = e.prognos_andel_av_kommunbidrag
    assert andel is not None
    assert round(andel, 4) == Decimal("0.0093")
    assert e.periodens_resultat == mnkr(Decimal("2.3"))
    assert e.kommunbidrag == mnkr(Decimal("1706.9"))
    mars = TidigarePrognos(manad=3, belopp=mnkr(Decimal("-51.6")))
    assert e.forandring_mot(mars) == mnkr(Decimal("35.7"))


def test_F18_F19_F30_upplands_bro_drift() -> None:
    """F18 avvikelser (Vuxen −6 775 / 437 / −6 338), F19 budget netto, F30 bokslut − höst."""
    vuxen = Driftrad("Vuxen", tkr(18579), tkr(3268), tkr(25354), tkr(3705), tkr(-4192))
    assert (vuxen.avvikelse_kostnad, vuxen.avvikelse_intakt, vuxen.avvikelse_netto) == (
        tkr(-6775),
        tkr(437),
        tkr(-6338),
    )
    assert vuxen.budget_netto == tkr(15311)
    overgripande = Driftrad("Övergripande", tkr(19710), None, tkr(20713), tkr(277), tkr(7818))
    assert overgripande.avvikelse_netto == tkr(-726)
    drift = Driftredovisning((vuxen, overgripande))
    assert drift.summa.avvikelse_netto == tkr(-7064)
    e = EkonomiskUppfoljning(
        driftredovisning=drift, prognoser_under_aret=PrognoserUnderAret(hostprognos=mnkr(-6))
    )
    assert e.budgetavvikelse_bokslut == tkr(-7064)
    assert e.avvikelse_mot_hostprognos == tkr(-1064)


def test_kapitalkostnader() -> None:
    """Kapitalkostnader: avvikelse = budget − redovisat, netto = sum (Vuxen 5 + 6 = 11)."""
    r = Kapitalkostnadsrad("Vuxen", tkr(110), tkr(15), tkr(105), tkr(9))
    assert (r.avvikelse_avskrivningar, r.avvikelse_internranta, r.avvikelse_netto) == (
        tkr(5),
        tkr(6),
        tkr(11),
    )


def test_F19_F28_budget_netto_and_forandring() -> None:
    """F19 netto = kostnad (+ kapital) − intäkt; förändring = netto − fg (Socialpsykiatri 359)."""
    r = Budgetrad("Socialpsykiatri", kostnad=tkr(20587), intakt=tkr(1300), budget_netto_fg=tkr(18928))
    assert r.budget_netto == tkr(19287)
    assert r.forandring == tkr(359)
    t = Budgettabell((r, Budgetrad("Övergripande", kostnad=tkr(20084), budget_netto_fg=tkr(19710))))
    assert t.summa.budget_netto == tkr(39371)
    assert t.rad("Övergripande") is not None
    s = Satsningstabell((Satsning("a", tkr(5300)), Satsning("b", tkr(1400)), Satsning("c", tkr(200))))
    assert s.totalt == tkr(6900)


def test_F20_F21_F22_investments_and_fund() -> None:
    """F20 kvar = budget − redovisat; F21 SIF; F22 avskrivning = investering / tid."""
    vuxen = Investeringsprojekt("Vuxen", tkr(550), tkr(0), tkr(550), None, tkr(550))
    assert vuxen.kvar == tkr(550)
    inv = Investeringsredovisning(
        (vuxen, Investeringsprojekt("Socialpsykiatri", tkr(50), tkr(0), tkr(50), tkr(32), tkr(0)))
    )
    assert inv.summa.kvar == tkr(568)
    sif = SIFProjekt("Barnskyddsteamet", 2020, 2023, tkr(6100), tkr(5697), None, tkr(6100))
    assert sif.prognosavvikelse == tkr(0)
    assert sif.kvar == tkr(403)
    assert Investeringsbudgetrad("Vuxen", ar1=tkr(300), avskrivningstid=10).avskrivning_ar1 == tkr(30)
    assert Investeringsbudgetrad("x", ar1=tkr(300)).avskrivning_ar1 is None


def test_statsbidrag_total() -> None:
    """Statsbidrag: Totalt = Σ rows; kvar = beviljat − förbrukat."""
    t = Statsbidragstabell((Statsbidrag("a", tkr(760), tkr(701)), Statsbidrag("b", tkr(60), tkr(60))))
    assert t.totalt.beviljat == tkr(820)
    assert t.rader[0].kvar == tkr(59)


def test_F23_F24_indicator_trend_and_fraction() -> None:
    """F23 trend from the last two outcomes (direction only); F24 täljare / nämnare."""

    def ind(*values: str | None, **kw: object) -> Indikator:
        return Indikator(
            "i",
            Indikatorenhet.ANDEL,
            utfall=tuple(
                Matning(f"T{i + 1}", None if v is None else Matvarde(Decimal(v)))
                for i, v in enumerate(values)
            ),
            **kw,  # type: ignore[arg-type]
        )

    assert ind("0.86", "0.84", "0.81").trend is Trend.NED
    assert ind("0.92", "0.80", "0.86").trend is Trend.UPP
    assert ind("0.70", "0.69", "0.69").trend is Trend.OFORANDRAD
    assert ind("0.5", None).trend is None
    assert ind("0.4", "0.5", None).trend is Trend.UPP  # the last two with values
    r = RapporteradIndikator
    assert ind("0.8", rapporterat=r(taljare=39, namnare=42)).kvot == Decimal(39) / Decimal(42)
    assert ind("0.8", rapporterat=r(taljare=1, namnare=0)).kvot is None
    assert ind("0.8").kvot is None


def test_F25_counts() -> None:
    """F25: counts per status and per result come from the items."""
    v = Verksamhetsuppfoljning(
        mal=(
            KfMal(
                "m1",
                bedomning=Bedomning.DELVIS_UPPFYLLT,
                poster=(
                    Uppdrag("a", status=Status.ENLIGT_PLAN),
                    Uppdrag("b", status=Status.FORSENAD),
                    Uppdrag("c"),
                ),
            ),
            KfMal("m2", bedomning=Bedomning.I_HOG_GRAD_UPPFYLLT),
        )
    )
    assert v.uppdrag_per_status()[Status.ENLIGT_PLAN] == 1
    assert sum(v.uppdrag_per_status().values()) == 2
    assert v.mal_per_bedomning()[Bedomning.I_HOG_GRAD_UPPFYLLT] == 1
    ik = Internkontroll(
        moment=tuple(
            Kontrollmoment("o", "r", "k", "m", resultat=r)
            for r in [Kontrollresultat.UTAN_ANMARKNING] * 8 + [Kontrollresultat.MINDRE_ANMARKNING]
        )
    )
    assert ik.antal_per_resultat()[Kontrollresultat.UTAN_ANMARKNING] == 8


def test_F26_risk_level() -> None:
    """F26: riskvärde = sannolikhet × konsekvens; levels from configured thresholds."""
    ik = Internkontroll(risknivaer=(Riskniva("Kritisk", 12), Riskniva("Medium", 6), Riskniva("Låg", 1)))
    assert ik.riskniva(Risk(1, "k", "p", "r", 3, 4)) == "Kritisk"
    assert ik.riskniva(Risk(2, "k", "p", "r", 3, 3)) == "Medium"
    assert ik.riskniva(Risk(3, "k", "p", "r", 1, 1)) == "Låg"
    with pytest.raises(ValueError, match="1–4"):
        Risk(4, "k", "p", "r", 5, 1)


def test_F29_egen_regi_total() -> None:
    """F29: the egen-regi total is Σ rows per column, resultat and avvikelse kept apart."""
    t = EgenRegiTabell((EgenRegiRad("A", mnkr(1), mnkr(2), None), EgenRegiRad("B", mnkr(-3), None, mnkr(1))))
    assert t.totalt.resultat == mnkr(-2)
    assert t.totalt.avvikelse == mnkr(2)
    assert t.totalt.resultat_fg == mnkr(1)


def test_atgard_status_from_dates() -> None:
    """An Upplands-Bro åtgärd is done, on track or delayed by its end date against the report date."""
    a = ProcessAtgard("x", slutdatum=date(2022, 6, 30))
    assert a.status(date(2022, 12, 31)) is Status.FORSENAD
    assert a.status(date(2022, 6, 30)) is Status.ENLIGT_PLAN
    assert ProcessAtgard("x", date(2022, 6, 30), avslutad=True).status(date(2023, 1, 1)) is Status.KLAR


def test_identity_and_names() -> None:
    """Names, possessives, diarienummer forms and decision verbs derive from their parts."""
    n = Namnd("Omsorgsnämnden", "OSN")
    assert (n.namn_gemen, n.genitiv_gemen, n.organisation_label) == (
        "omsorgsnämnden",
        "omsorgsnämndens",
        "Omsorgsnämnden (OSN)",
    )
    p = Person("Thomas", "Fäldt")
    assert p.namn() == "Thomas Fäldt"
    assert p.namn("efternamn_fornamn") == "Fäldt Thomas"
    assert Person("██████████").namn("efternamn_fornamn") == "██████████"
    d = Diarienummer.parse("OSN-2019-0778")
    assert d.lopnummer == "0778"
    assert d.for_bilaga(2).text == "OSN-2019-0778-2"
    assert Diarienummer.parse("SCN-2024-00493-1").arende.text == "SCN-2024-00493"
    assert Diarienummer.parse("SN 22/0004").for_bilaga(1).text == "SN 22/0004"
    with pytest.raises(ValueError, match="inget diarienummer"):
        Diarienummer.parse("2020/459")
    assert Beslutssats("godkänna", "x").verb_presens == "godkänner"
    assert Beslutssats("tillstyrka", "x").verb_presens == "tillstyrker"
    assert Beslutssats("ajournera", "x", presens="ajournerar").verb_presens == "ajournerar"
    with pytest.raises(ValueError, match="presens"):
        _ = Beslutssats("ajournera", "x").verb_presens


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False)


@given(st.lists(st.tuples(amounts, amounts), min_size=1, max_size=12))
def test_total_is_the_sum_of_exact_rows(rows: list[tuple[Decimal, Decimal]]) -> None:
    """Property: a table's total equals the exact sum of its rows, column by column."""
    t = Verksamhetstabell(
        konton=tuple(Kontorad(str(i), Sjukolumner(tkr(a), tkr(b))) for i, (a, b) in enumerate(rows)),
        kommunbidrag=Sjukolumner(),
    )
    assert t.nettokostnad.utfall_period == tkr(sum(a for a, _ in rows))
    assert t.nettokostnad.budget_period == tkr(sum(b for _, b in rows))


@given(amounts, st.integers(0, 2))
def test_display_rounding_never_changes_a_sign(value: Decimal, decimaler: int) -> None:
    """Property: a displayed amount has the value's sign, or none when it rounds to zero."""
    text = format_belopp(tkr(value), enhet="mnkr", decimaler=decimaler)
    if text.startswith("-"):
        assert value < 0
    elif value < 0:
        assert set(text) <= set("0,")
