"""The consistency check: what real reports get wrong, found in the model before the nämnd meets.

Every reported (printed) figure is compared with the model's computed one, with the
tolerance of domain.md §4.3: a difference that the source system's per-cell rounding
explains is a *notering*, a larger one a *fel*. Beyond figures the check looks at
totals, counts, statuses, dates, identities, bilaga numbering and placeholders. Each
finding has a stable code (see ``docs/kontroller.md``), the field path, a message in
Swedish and the numbers involved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from delarsrapport._check.koder import KODER, Kod, Severity
from delarsrapport._load import format_path
from delarsrapport._model.avrundning import visade_rader_summerar
from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.brutto import DRIFT_KOLUMNER, RapporteradKapitalrad
from delarsrapport._model.budget import Budgetrad, Budgettabell
from delarsrapport._model.ekonomi import (
    RR_INDATARADER,
    RR_RADORDNING,
    SJU_KOLUMNER,
    EkonomiskUppfoljning,
    Resultatrakning,
    RRKolumner,
    Sammanfattningsvarden,
    Sjukolumner,
)
from delarsrapport._model.etiketter import RR_ETIKETTER, rr_kolumn, sammanfattning_kolumn, sju_kolumn
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport
from delarsrapport._model.rapporterat import Tom
from delarsrapport._model.status import Bedomning, Malniva, Trend
from delarsrapport._model.text import Punktlista, Rubrik, Stycke
from delarsrapport._model.verksamhet import (
    Indikator,
    KfMal,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.vokabular import BEDOMNINGSMENINGAR, bedomning_for_mening
from delarsrapport.formatting import avrunda, format_belopp, format_datum, format_procent

__all__ = ["Finding", "check"]

Path_ = tuple[str | int, ...]


@attrs.frozen
class Finding:
    """One thing the check found: code, severity, place, message and the numbers involved.

    ``printed`` is what the source printed, ``computed`` what the model computes and
    ``difference`` printed − computed, all in ``unit`` (for amounts); for dates, titles and
    counts they hold the text or number as it is.
    """

    code: Kod
    severity: Severity
    path: str
    message: str
    document: str
    section: str
    printed: Decimal | str | None = None
    computed: Decimal | str | None = None
    difference: Decimal | None = None
    unit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (numbers as strings, so nothing is rounded by a JSON reader)."""
        out: dict[str, Any] = {}
        for field in attrs.fields(Finding):
            value = getattr(self, field.name)
            out[field.name] = str(value) if isinstance(value, (Decimal, Kod, Severity)) else value
        return out

    def __str__(self) -> str:
        return f"[{self.severity}] {self.code} {self.path}: {self.message}"


# Tolerances for printed figures (domain.md §4.3), in the table's unit.
_TKR: Final = Decimal(1)
_MNKR_HEL: Final = Decimal(1)
_RR: Final = Decimal("0.2")
_EXAKT: Final = Decimal(0)


class _Checker:
    def __init__(self, rapport: Delarsrapport) -> None:
        self.rapport = rapport
        self.findings: list[Finding] = []
        self.document = ""
        self.section = ""

    # -- recording ------------------------------------------------------------------------

    def add(
        self,
        code: Kod,
        path: Path_,
        message: str,
        *,
        printed: Decimal | str | None = None,
        computed: Decimal | str | None = None,
        difference: Decimal | None = None,
        unit: str | None = None,
        section: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=KODER[code].severity,
                path=format_path(path),
                message=message,
                document=self.document,
                section=section if section is not None else self.section,
                printed=printed,
                computed=computed,
                difference=difference,
                unit=unit,
            )
        )

    def jamfor(
        self,
        path: Path_,
        label: str,
        printed: object,
        computed: Belopp | None,
        *,
        enhet: Enhet,
        tolerans: Decimal,
        summa: bool = False,
        visning: int = 0,
        tom_ar_noll: bool = False,
    ) -> None:
        """Compare one printed cell with the computed value (the tolerance rule of §4.3).

        *tolerans* is how far the source system's per-cell rounding can move a derived
        figure; the rounding of the printed cell itself (half its last digit) is added.
        Zero tolerance means the table is typed in whole numbers and must add up exactly.
        *visning* is the number of decimals used to show a value for an empty cell;
        *tom_ar_noll* says the table leaves zero cells empty (Upplands-Bro), so an empty cell
        for a zero value is no finding.
        """
        if printed is None:
            return
        if isinstance(printed, Tom):
            if computed is None or (tom_ar_noll and not computed):
                return
            shown = format_belopp(computed, enhet=enhet, decimaler=visning).replace("\xa0", " ")
            self.add(
                Kod.RAPP_SUMMA_TOM if summa else Kod.RAPP_TOM,
                path,
                f"{label}: cellen är tom i källan, men värdet är {shown} {enhet}.",
                printed="",
                computed=computed.i_enhet(enhet),
                unit=enhet,
            )
            return
        assert isinstance(printed, Belopp)
        p = printed.i_enhet(enhet)
        decimaler = max(0, -int(p.as_tuple().exponent))
        if computed is None:
            if p == 0:
                return
            self.add(
                Kod.RAPP_AVVIKER,
                path,
                f"{label}: källan trycker {_tal(p, decimaler)} {enhet}, men indata räcker inte "
                "för att räkna fram värdet.",
                printed=p,
                unit=enhet,
            )
            return
        c = computed.i_enhet(enhet)
        if avrunda(c, decimaler) == p:
            return
        d = p - c
        exakt = min(max(decimaler, -int(c.normalize().as_tuple().exponent)), decimaler + 2)
        shown_c = _tal(avrunda(c, exakt), exakt)
        diff_text = _tal(avrunda(abs(d), exakt), exakt)
        grans = tolerans + Decimal(5).scaleb(-decimaler - 1) if tolerans > 0 else tolerans
        if abs(d) <= grans and tolerans > 0:
            self.add(
                Kod.RAPP_AVRUNDNING,
                path,
                f"{label}: tryckt {_tal(p, decimaler)} {enhet}, beräknat {shown_c} {enhet} "
                f"(skillnad {diff_text} {enhet}). Skillnaden förklaras av att källsystemet "
                f"avrundar varje cell för sig (±{_tal(tolerans, decimaler)} {enhet}).",
                printed=p,
                computed=c,
                difference=d,
                unit=enhet,
            )
        else:
            self.add(
                Kod.RAPP_AVVIKER,
                path,
                f"{label}: tryckt {_tal(p, decimaler)} {enhet}, men raderna ger {shown_c} {enhet} "
                f"(skillnad {diff_text} {enhet}).",
                printed=p,
                computed=c,
                difference=d,
                unit=enhet,
            )

    # -- the report -----------------------------------------------------------------------

    def run(self) -> list[Finding]:
        for index, arende in enumerate(self.rapport.arenden):
            base: Path_ = () if index == 0 else ("ovriga_arenden", index - 1)
            prefix = "" if index == 0 else f"Ärende {index + 1} ({arende.tjansteskrivelse.rubrik}): "
            self.arende(arende, base, prefix)
        return self.findings

    def arende(self, arende: Arende, base: Path_, prefix: str) -> None:
        self.document = prefix + "Tjänsteskrivelse"
        self.section = "Tjänsteskrivelse"
        self.tjansteskrivelse(arende, base)
        self.registry(arende, base)
        for i, bilaga in enumerate(arende.bilagor):
            self.document = prefix + f"Bilaga {bilaga.nummer} – {bilaga.titel}"
            self.section = "Sidhuvud"
            self.bilaga(arende, bilaga, (*base, "bilagor", i))
            for j, del_ in enumerate(bilaga.delar):
                path = (*base, "bilagor", i, "delar", j, del_.kind)
                if isinstance(del_, EkonomiskUppfoljning):
                    Ekonomi(self, del_, arende.period, path).run()
                elif isinstance(del_, Verksamhetsuppfoljning):
                    self.verksamhet(del_, path)
                elif isinstance(del_, Nyckeltalsbilaga):
                    self.nyckeltal(del_, path)
                elif isinstance(del_, Internkontroll):
                    self.internkontroll(del_, path)
        self.document = prefix + "Hela ärendet"
        self.section = "Texter"
        self.platshallare(arende, base)
        self.rubriknivaer(arende, base)

    def tjansteskrivelse(self, arende: Arende, base: Path_) -> None:
        ts = arende.tjansteskrivelse
        path = (*base, "tjansteskrivelse")
        if ts.namndbehandlas is not None and ts.namndbehandlas < ts.datum:
            self.add(
                Kod.DATUM_NAMNDBEHANDLAS,
                (*path, "namndbehandlas"),
                f"Nämndbehandlas {ts.namndbehandlas.isoformat()} ligger före tjänsteskrivelsens "
                f"datum {ts.datum.isoformat()}.",
                printed=ts.namndbehandlas.isoformat(),
                computed=ts.datum.isoformat(),
            )
        sammantrade = self.rapport.sammantrade
        if sammantrade is not None and ts.datum > sammantrade.datum:
            self.add(
                Kod.DATUM_SAMMANTRADE,
                (*path, "datum"),
                f"Tjänsteskrivelsen är daterad {ts.datum.isoformat()}, efter sammanträdet "
                f"{sammantrade.datum.isoformat()}.",
                printed=ts.datum.isoformat(),
                computed=sammantrade.datum.isoformat(),
            )
        r = ts.rapporterat
        if r is None:
            return
        if r.sjalvreferens_datum is not None and r.sjalvreferens_datum != ts.datum:
            self.add(
                Kod.DATUM_SJALVREFERENS,
                (*path, "rapporterat", "sjalvreferens_datum"),
                f"Beslutsunderlaget hänvisar till tjänsteskrivelsen daterad "
                f"{format_datum(r.sjalvreferens_datum, 'lang')}, men den är daterad "
                f"{format_datum(ts.datum, 'lang')}.",
                printed=r.sjalvreferens_datum.isoformat(),
                computed=ts.datum.isoformat(),
            )
        self.beslutsunderlag(arende, r.beslutsunderlag, (*path, "rapporterat", "beslutsunderlag"))
        self.tryckt_text(r.ovrig_text, r.tomma_falt, (*path, "rapporterat"))

    def beslutsunderlag(self, arende: Arende, rader: tuple[str, ...], path: Path_) -> None:
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
                self.add(
                    Kod.BESLUTSUNDERLAG_AVVIKER,
                    (*path, i),
                    f"Beslutsunderlaget nämner bilaga {n}, men ärendet har bilagorna "
                    f"{', '.join(map(str, sorted(nummer)))}: {rad!r}.",
                    printed=rad,
                )
        saknas = sorted(nummer - set(namnda))
        if saknas and namnda:
            self.add(
                Kod.BESLUTSUNDERLAG_AVVIKER,
                path,
                f"Beslutsunderlaget nämner inte bilaga {', '.join(map(str, saknas))}.",
                computed=", ".join(map(str, saknas)),
            )

    def registry(self, arende: Arende, base: Path_) -> None:
        nummer = sorted(b.nummer for b in arende.bilagor)
        if nummer and nummer != list(range(1, len(nummer) + 1)):
            self.add(
                Kod.BILAGA_NUMRERING,
                (*base, "bilagor"),
                f"Bilagorna har numren {', '.join(map(str, nummer))}; de ska vara 1–{len(nummer)} "
                "utan luckor.",
                printed=", ".join(map(str, nummer)),
            )

    def bilaga(self, arende: Arende, bilaga: Bilaga, path: Path_) -> None:
        ts = arende.tjansteskrivelse
        datum = bilaga.datum
        datum_path = (*path, "datum")
        if bilaga.rapporterat is not None and bilaga.rapporterat.datum is not None:
            datum, datum_path = bilaga.rapporterat.datum, (*path, "rapporterat", "datum")
        if datum is not None and datum > ts.datum:
            self.add(
                Kod.DATUM_BILAGA_EFTER,
                datum_path,
                f"Bilaga {bilaga.nummer} är daterad {datum.isoformat()}, efter tjänsteskrivelsen "
                f"({ts.datum.isoformat()}) som hänvisar till den.",
                printed=datum.isoformat(),
                computed=ts.datum.isoformat(),
            )
        egen_datum = bilaga.datum or ts.datum
        if bilaga.namndbehandlas is not None and bilaga.namndbehandlas < egen_datum:
            self.add(
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
            self.add(
                Kod.BILAGA_NUMMER_AVVIKER,
                (*rp, "nummer"),
                f"Bilaga {bilaga.nummer} bär inget bilagenummer i sitt eget dokument.",
                printed="",
                computed=str(bilaga.nummer),
            )
        elif r.nummer is not None and r.nummer != bilaga.nummer:
            self.add(
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
            if tryckt is not None and not _samma_titel(tryckt, bilaga.titel, self.rapport, falt == "rubrik"):
                self.add(
                    Kod.BILAGA_TITEL_AVVIKER,
                    (*rp, falt),
                    f"Bilaga {bilaga.nummer} heter {tryckt!r} {var}, men {bilaga.titel!r} i registret.",
                    printed=tryckt,
                    computed=bilaga.titel,
                )
        diarienummer = arende.diarienummer
        if isinstance(r.diarienummer, Tom):
            self.add(
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
                self.add(
                    Kod.DIARIENUMMER_AVVIKER,
                    (*rp, "diarienummer"),
                    f"Bilaga {bilaga.nummer} bär diarienumret {r.diarienummer}, men ärendets är "
                    f"{diarienummer.text}.",
                    printed=r.diarienummer,
                    computed=diarienummer.text,
                )
        self.tryckt_text(r.ovrig_text, r.tomma_falt, rp)

    def tryckt_text(self, ovrig: tuple[str, ...], tomma: tuple[str, ...], path: Path_) -> None:
        for i, text in enumerate(ovrig):
            if _PLATSHALLARE.search(text):
                self.add(
                    Kod.PLATSHALLARE_TRYCKT,
                    (*path, "ovrig_text", i),
                    f"Källan tryckte platshållaren {text.strip()!r}.",
                    printed=text,
                )
        for i, falt in enumerate(tomma):
            self.add(
                Kod.TOMT_FALT,
                (*path, "tomma_falt", i),
                f"Källan tryckte fältet {falt.strip()!r} utan värde.",
                printed=falt,
            )

    # -- verksamhet ---------------------------------------------------------------------

    def verksamhet(self, v: Verksamhetsuppfoljning, path: Path_) -> None:
        self.section = "Mål"
        har_bedomning = any(m.bedomning is not None for m in v.mal)
        for i, mal in enumerate(v.mal):
            mp = (*path, "mal", i)
            self.section = f"Mål {mal.nummer}: {mal.titel}" if mal.nummer else mal.titel
            if har_bedomning and mal.bedomning is None and (mal.poster or mal.text):
                self.add(Kod.BEDOMNING_SAKNAS, (*mp, "bedomning"), f"Målet {mal.titel!r} saknar bedömning.")
            self.bedomningstext(mal, mp, v.malniva)
            poster = list(mal.poster)
            uppdrag = [p for p in poster if isinstance(p, Uppdrag)]
            med_status = any(u.status is not None for u in uppdrag)
            for j, post in enumerate(poster):
                pp = (*mp, "poster", j, post.typ)
                if isinstance(post, Uppdrag) and med_status and post.status is None:
                    nummer = f" {post.nummer}" if post.nummer else ""
                    self.add(
                        Kod.STATUS_SAKNAS,
                        (*pp, "status"),
                        f"Uppdrag{nummer} {_kort(post.titel)!r} saknar status, men övriga uppdrag "
                        "under målet har en.",
                    )
                self.bedomningstext(post, pp, v.malniva)
                self.indikatorer(post.indikatorer, pp)
                self.atgarder(post, pp)
                if isinstance(post, Uppdrag):
                    for k, nm in enumerate(post.namndmal):
                        nmp = (*pp, "namndmal", k)
                        self.bedomningstext(nm, nmp, v.malniva)
                        self.indikatorer(nm.indikatorer, nmp)
            self.indikatorer(mal.indikatorer, mp)
        self.section = "Sammanställning"
        r = v.rapporterat
        if r is None:
            return
        beraknat = v.uppdrag_per_status()
        for k, grupp in enumerate(r.uppdrag_per_status):
            antal = sum(beraknat.get(status, 0) for status in grupp.statusar)
            if antal != grupp.antal:
                namn = ", ".join(s.value for s in grupp.statusar)
                self.add(
                    Kod.ANTAL_AVVIKER,
                    (*path, "rapporterat", "uppdrag_per_status", k),
                    f"Rapporten anger {grupp.antal} uppdrag med status {namn}, men bilagan har {antal}.",
                    printed=str(grupp.antal),
                    computed=str(antal),
                )
        if r.uppdrag_totalt is not None:
            totalt = sum(1 for _ in v.alla_uppdrag())
            if totalt != r.uppdrag_totalt:
                self.add(
                    Kod.ANTAL_AVVIKER,
                    (*path, "rapporterat", "uppdrag_totalt"),
                    f"Rapporten anger {r.uppdrag_totalt} uppdrag totalt, men bilagan har {totalt}.",
                    printed=str(r.uppdrag_totalt),
                    computed=str(totalt),
                )
        if r.mal_per_bedomning is not None:
            beraknat_b = v.mal_per_bedomning()
            for bedomning, antal in r.mal_per_bedomning.items():
                if beraknat_b.get(bedomning, 0) != antal:
                    self.add(
                        Kod.ANTAL_AVVIKER,
                        (*path, "rapporterat", "mal_per_bedomning", bedomning.value),
                        f"Rapporten anger {antal} mål med bedömningen {bedomning.value}, men "
                        f"bilagan har {beraknat_b.get(bedomning, 0)}.",
                        printed=str(antal),
                        computed=str(beraknat_b.get(bedomning, 0)),
                    )

    def atgarder(self, post: Namndmal | Uppdrag, path: Path_) -> None:
        med_status = any(a.status is not None for a in post.atgarder)
        for k, atgard in enumerate(post.atgarder):
            if med_status and atgard.status is None:
                self.add(
                    Kod.STATUS_SAKNAS,
                    (*path, "atgarder", k, "status"),
                    f"Åtgärden {_kort(atgard.text)!r} saknar status, men övriga åtgärder har en.",
                )

    def bedomningstext(self, post: KfMal | Namndmal | Uppdrag, path: Path_, niva: Malniva) -> None:
        if post.bedomning is None:
            return
        egen = BEDOMNINGSMENINGAR[niva][post.bedomning]
        r = post.rapporterat
        if r is not None and r.bedomningstext is not None:
            andra = bedomning_for_mening(r.bedomningstext) - {post.bedomning}
            if andra and post.bedomning not in bedomning_for_mening(r.bedomningstext):
                self.add(
                    Kod.BEDOMNINGSTEXT_MOTSAGER,
                    (*path, "rapporterat", "bedomningstext"),
                    f"Bedömningen är {_bedomningsord(post.bedomning)!r}, men den tryckta meningen "
                    f"{_kort(r.bedomningstext)!r} hör till "
                    f"{', '.join(sorted(repr(_bedomningsord(a)) for a in andra))}. "
                    f"Meningen för {_bedomningsord(post.bedomning)!r} är {egen!r}.",
                    printed=r.bedomningstext,
                    computed=egen,
                )
        if post.bedomningstext is not None:
            andra = bedomning_for_mening(post.bedomningstext) - {post.bedomning}
            if andra:
                self.add(
                    Kod.BEDOMNINGSTEXT_ANNAN,
                    (*path, "bedomningstext"),
                    f"Bedömningen är {_bedomningsord(post.bedomning)!r}, men bedömningstexten "
                    f"{_kort(post.bedomningstext)!r} är standardmeningen för "
                    f"{', '.join(sorted(repr(_bedomningsord(a)) for a in andra))}.",
                    printed=post.bedomningstext,
                    computed=egen,
                )

    def indikatorer(self, indikatorer: tuple[Indikator, ...], path: Path_) -> None:
        for k, ind in enumerate(indikatorer):
            ip = (*path, "indikatorer", k)
            r = ind.rapporterat
            if r is None:
                continue
            kvot = ind.kvot
            senaste = ind.senaste
            if (
                kvot is not None
                and senaste is not None
                and avrunda(kvot * 100, 0) != avrunda(senaste * 100, 0)
            ):
                self.add(
                    Kod.INDIKATOR_KVOT,
                    (*ip, "rapporterat"),
                    f"{_kort(ind.namn)!r}: utfallet är {format_procent(senaste, mellanslag=False)}, "
                    f"men kommentaren anger {r.taljare} av {r.namnare}, vilket är "
                    f"{format_procent(kvot, decimaler=1, mellanslag=False)}.",
                    printed=format_procent(senaste, mellanslag=False),
                    computed=format_procent(kvot, decimaler=1, mellanslag=False),
                    difference=(senaste - kvot) * 100,
                    unit="procentenheter",
                )
            if r.trend is not None:
                tryckt = _PILAR.get(r.trend.strip())
                beraknad = ind.trend
                if r.trend.strip() and tryckt != beraknad:
                    varden = " → ".join(
                        format_procent(v, mellanslag=False) if ind.enhet.value == "andel" else str(v)
                        for v in ind.varden
                    )
                    self.add(
                        Kod.TREND_PIL,
                        (*ip, "rapporterat", "trend"),
                        f"{_kort(ind.namn)!r}: trendpilen är {r.trend.strip()} men utfallen "
                        f"{varden} ger {_PIL[beraknad] if beraknad else 'ingen pil'}.",
                        printed=r.trend.strip(),
                        computed=_PIL[beraknad] if beraknad else "",
                    )

    # -- nyckeltal and internkontroll ---------------------------------------------------

    def nyckeltal(self, n: Nyckeltalsbilaga, path: Path_) -> None:
        for i, grupp in enumerate(n.grupper):
            gp = (*path, "grupper", i)
            self.section = f"Nyckeltal: {grupp.kod or grupp.verksamhet}"
            for j, matt in enumerate(grupp.matt):
                mp = (*gp, "matt", j)
                self.fotnoter(
                    (matt.intaktsetikett, matt.volymetikett, matt.kvotetikett),
                    (*grupp.fotnoter, *matt.fotnoter),
                    mp,
                )
                r = matt.rapporterat
                if r is None:
                    continue
                self.jamfor(
                    (*mp, "rapporterat", "nettokostnad"),
                    f"{matt.rubrik}, nettokostnad",
                    r.nettokostnad,
                    matt.nettokostnad,
                    enhet=matt.enhet,
                    tolerans=_TKR,
                )
                # The ratio is checked against the printed nettokostnad when there is one:
                # a rounding difference in the nettokostnad is reported above, once.
                tryckt_netto = r.nettokostnad if isinstance(r.nettokostnad, Belopp) else None
                bas = (tryckt_netto / matt.volym) if tryckt_netto and matt.volym else matt.per_enhet
                self.jamfor(
                    (*mp, "rapporterat", "per_enhet"),
                    f"{matt.rubrik}, {matt.kvotetikett.lower()}",
                    r.per_enhet,
                    bas,
                    enhet=matt.enhet,
                    tolerans=_EXAKT,
                )

    def fotnoter(self, etiketter: Iterable[str], fotnoter: Iterable[str], path: Path_) -> None:
        """Footnote markers in labels and footnotes must match (``**)`` against ``**)``)."""
        definierade = {m.group(0) for f in fotnoter for m in [_FOTNOT.match(f)] if m}
        anvanda = {m.group(0) for e in etiketter for m in _FOTNOT.finditer(e)}
        for markering in sorted(anvanda - definierade):
            self.add(
                Kod.FOTNOT,
                path,
                f"En etikett hänvisar till fotnot {markering}, men fotnoterna är "
                f"{', '.join(sorted(definierade)) or 'inga'}.",
                printed=markering,
            )
        for markering in sorted(definierade - anvanda):
            self.add(
                Kod.FOTNOT,
                path,
                f"Fotnoten {markering} används inte av någon etikett.",
                printed=markering,
            )

    def internkontroll(self, ik: Internkontroll, path: Path_) -> None:
        self.section = "Kontrollmoment"
        for i, moment in enumerate(ik.moment):
            if (
                moment.minsta_volym is not None
                and moment.kontrollerat_antal is not None
                and moment.kontrollerat_antal < moment.minsta_volym
            ):
                self.add(
                    Kod.STICKPROV,
                    (*path, "moment", i, "kontrollerat_antal"),
                    f"{_kort(moment.kontrollmoment)!r}: {moment.kontrollerat_antal} kontrollerade, "
                    f"men minsta volym är {moment.minsta_volym}.",
                    printed=str(moment.kontrollerat_antal),
                    computed=str(moment.minsta_volym),
                )

    # -- placeholders -------------------------------------------------------------------

    def platshallare(self, arende: Arende, base: Path_) -> None:
        for path, text in _strings(arende.tjansteskrivelse, (*base, "tjansteskrivelse")):
            self._platshallare(path, text)
        for i, bilaga in enumerate(arende.bilagor):
            for path, text in _strings(bilaga, (*base, "bilagor", i)):
                self._platshallare(path, text)

    def rubriknivaer(self, arende: Arende, base: Path_) -> None:
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
                        self.add(
                            Kod.RUBRIKNIVA_HOPPAR,
                            (*text_path, k),
                            f"Rubriken {_kort(block.text)!r} har niva {block.niva} efter {foregaende}; "
                            f"ge den niva {forra + 1}.",
                            printed=str(block.niva),
                            computed=str(forra + 1),
                        )
                    forra = block.niva

    def _platshallare(self, path: Path_, text: str) -> None:
        if "rapporterat" in path:
            return
        m = _PLATSHALLARE.search(text)
        if m:
            self.add(
                Kod.PLATSHALLARE,
                path,
                f"Texten innehåller {m.group(0).strip()!r}, som ser ut som en platshållare: "
                f"{_kort(text, 80)!r}.",
                printed=m.group(0).strip(),
            )


class Ekonomi:
    """The checks of one ekonomisk uppföljning."""

    def __init__(self, c: _Checker, e: EkonomiskUppfoljning, period: Rapportperiod, path: Path_) -> None:
        self.c, self.e, self.period, self.path = c, e, period, path

    def run(self) -> None:
        self.sammanfattning()
        self.prognos()
        for i, avsnitt in enumerate(self.e.verksamheter):
            vp = (*self.path, "verksamheter", i)
            self.c.section = f"Verksamhet: {avsnitt.namn}"
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
        if self.e.resultatrakning is not None:
            self.c.section = f"Resultaträkning: {self.e.resultatrakning.namn}"
            self.resultatrakning(self.e.resultatrakning, (*self.path, "resultatrakning"))
            self.avdelningar()
            self.avdelningar_tryckta()
            self.sammanfattning_mot_rr()
        self.brutto()
        self.plan()

    # summary

    def sammanfattning(self) -> None:
        e, c = self.e, self.c
        tabell = e.sammanfattning
        berakning = e.sammanfattning_berakning()
        if tabell is None or berakning is None:
            return
        c.section = "Sammanfattning"
        sp = (*self.path, "sammanfattning")
        enhet = tabell.enhet
        for i, rad in enumerate(berakning.rader):
            rp = (*sp, "rader", i)
            self.sammanfattningsrad(rad.rad, rad.varden, rp)
            for j, sub in enumerate(rad.varav):
                self.sammanfattningsrad(sub.rad, sub.varden, (*rp, "varav", j))
            if rad.varav:
                for k in Sammanfattningsvarden.KOLUMNER:
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
                            f"{rad.rad.namn}, {sammanfattning_kolumn(k, self.period)}: varav-raderna "
                            f"summerar till {_b(summa, enhet)} men raden är {_b(parent, enhet)}.",
                            printed=summa.i_enhet(enhet),
                            computed=parent.i_enhet(enhet),
                            difference=d,
                            unit=enhet,
                        )
        # totals
        antal = len(berakning.rader)
        for k in Sammanfattningsvarden.KOLUMNER:
            label = f"Nämnden totalt, {sammanfattning_kolumn(k, self.period)}"
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
                        f"{label}: källans total är {_tal(p, 0)} {enhet}, men de {antal} avrundade "
                        f"raderna summerar till {_tal(s, 0)} {enhet} (skillnad {_tal(abs(d), 0)} "
                        f"{enhet}; avrundning av {antal} rader förklarar högst "
                        f"{_tal(tolerans, 1)} {enhet}).",
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
                    tolerans=_MNKR_HEL,
                )
        # displayed rows against the displayed total
        kolumner = [
            sammanfattning_kolumn(k, self.period)
            for k in Sammanfattningsvarden.KOLUMNER
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

    def sammanfattningsrad(self, rad: Any, varden: Sammanfattningsvarden, path: Path_) -> None:
        c, enhet = self.c, self.e.sammanfattning.enhet  # type: ignore[union-attr]
        if rad.rapporterat is not None:
            for k in Sammanfattningsvarden.KOLUMNER:
                c.jamfor(
                    (*path, "rapporterat", k),
                    f"{rad.namn}, {sammanfattning_kolumn(k, self.period)}",
                    getattr(rad.rapporterat, k),
                    getattr(varden, k),
                    enhet=enhet,
                    tolerans=_MNKR_HEL,
                )
        utfall, prognos = varden.periodens_utfall, varden.helarsprognos
        if utfall is not None and prognos is not None:
            u = avrunda(utfall.i_enhet(enhet), 0)
            p = avrunda(prognos.i_enhet(enhet), 0)
            if u * p < 0:
                c.add(
                    Kod.PROGNOS_TECKENBYTE,
                    path,
                    f"{rad.namn}: periodens utfall är {_tal(u, 0)} {enhet} men helårsprognosen "
                    f"{_tal(p, 0)} {enhet}. Kontrollera att texten förklarar vändningen.",
                    printed=p,
                    computed=u,
                    unit=enhet,
                )

    def prognos(self) -> None:
        e, c = self.e, self.c
        c.section = "Prognososäkerhet"
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
            tolerans=_MNKR_HEL,
        )
        c.jamfor(
            (*pp, "rapporterat", "spann_max"),
            "Prognosspann max",
            r.spann_max,
            spann[1],
            enhet=enhet,
            tolerans=_MNKR_HEL,
        )

    # detail tables

    def sju(self, path: Path_, label: str, printed: Sjukolumner, computed: Sjukolumner, enhet: Enhet) -> None:
        for k in SJU_KOLUMNER:
            self.c.jamfor(
                (*path, k),
                f"{label}, {sju_kolumn(k, self.period)}",
                getattr(printed, k),
                getattr(computed, k),
                enhet=enhet,
                tolerans=_TKR,
            )

    def verksamhetstabell(self, t: Any, namn: str, path: Path_) -> None:
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
                    f"{namn}: kommunbidraget är {_b(varde, t.enhet)} i {sju_kolumn(k, self.period)} "
                    f"men {_b(kb.budget_ar, t.enhet)} i {sju_kolumn('budget_ar', self.period)}"
                    + (
                        f" (samma som {sju_kolumn('utfall_fg_ar', self.period)})"
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
            for k in ("utfall_period", "budget_period", "diff_period", "budget_ar", "prognos_ar", "diff_ar"):
                beraknat = getattr(kolumner, k) if kolumner is not None else None
                if rad in RR_INDATARADER and k in (
                    "utfall_period",
                    "budget_period",
                    "budget_ar",
                    "prognos_ar",
                ):
                    continue  # inputs: what is printed is what was given
                self.c.jamfor(
                    (*path, "rapporterat", rad, k),
                    f"{rr.namn}, {RR_ETIKETTER[rad]}, {rr_kolumn(k, self.period)}",
                    getattr(tryckt, k),
                    beraknat,
                    enhet=rr.enhet,
                    tolerans=_RR,
                    visning=1,
                )

    def avdelningar(self) -> None:
        e, c = self.e, self.c
        nämnd = e.resultatrakning
        avd = [v.resultatrakning for v in e.verksamheter if v.resultatrakning is not None]
        if nämnd is None or len(avd) < 2:
            return
        c.section = "Resultaträkning per avdelning"
        # The input rows and the result; the subtotals between follow from the input rows.
        for rad in (*RR_INDATARADER, "resultat"):
            n_rad = nämnd.rad(rad)
            if n_rad is None:
                continue
            rader = [a.rad(rad) for a in avd]
            summa = RRKolumner.summa(r for r in rader if r is not None)
            for k in ("utfall_period", "budget_period", "budget_ar", "prognos_ar"):
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
                    f"{RR_ETIKETTER[rad]}, {rr_kolumn(k, self.period)}: avdelningarna summerar "
                    f"till {_b(s, nämnd.enhet, 1)} men nämnden har {_b(n, nämnd.enhet, 1)}.",
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
        for k in ("utfall_period", "budget_period", "diff_period", "budget_ar", "prognos_ar", "diff_ar"):
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
                f"Resultat, {rr_kolumn(k, self.period)}: avdelningarnas tryckta resultat summerar "
                f"till {_b(summa, nämnd.enhet, 1)} men nämndens tryckta resultat är "
                f"{_b(tryckt_n, nämnd.enhet, 1)}.",
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
        c.section = "Sammanfattning"
        for k, rr_varde in par:
            total = getattr(berakning.totalt, k)
            if total is None or rr_varde is None:
                continue
            if avrunda(total.i_enhet(enhet), 0) == avrunda(rr_varde.i_enhet(enhet), 0):
                continue
            d = (total - rr_varde).i_enhet(enhet)
            if abs(d) <= _MNKR_HEL:
                continue  # both are rounded figures; their rounding explains it
            c.add(
                Kod.SAMMANFATTNING_RR,
                (*self.path, "sammanfattning", "totalt", k),
                f"Nämnden totalt, {sammanfattning_kolumn(k, self.period)}: sammanfattningen visar "
                f"{_b(total, enhet)} men resultaträkningen {_b(rr_varde, enhet, 1)}.",
                printed=total.i_enhet(enhet),
                computed=rr_varde.i_enhet(enhet),
                difference=d,
                unit=enhet,
            )

    # Upplands-Bro

    def brutto(self) -> None:
        e, c = self.e, self.c
        for namn, tabell, falt in (
            ("Driftredovisning", e.driftredovisning, "driftredovisning"),
            ("Ekonomiskt bistånd", e.ekonomiskt_bistand, "ekonomiskt_bistand"),
        ):
            if tabell is None:
                continue
            c.section = namn
            self.tabell_mot(tabell, (*self.path, falt), DRIFT_KOLUMNER, _TKR)
        if e.kapitalkostnader is not None:
            c.section = "Kapitalkostnader"
            kolumner = tuple(f.name for f in attrs.fields(RapporteradKapitalrad))
            self.tabell_mot(e.kapitalkostnader, (*self.path, "kapitalkostnader"), kolumner, _TKR)
        if e.prognoser_under_aret is not None and e.prognoser_under_aret.bokslut_rapporterat is not None:
            c.section = "Prognoser under året"
            c.jamfor(
                (*self.path, "prognoser_under_aret", "bokslut_rapporterat"),
                "Budgetavvikelse bokslut",
                e.prognoser_under_aret.bokslut_rapporterat,
                e.budgetavvikelse_bokslut,
                enhet=e.prognoser_under_aret.enhet,
                tolerans=Decimal("0.1"),
            )
        if e.statsbidrag is not None and e.statsbidrag.rapporterat_totalt is not None:
            c.section = "Statsbidrag"
            self.rad_mot(
                e.statsbidrag.rapporterat_totalt,
                e.statsbidrag.totalt,
                ("beviljat", "forbrukat"),
                (*self.path, "statsbidrag", "rapporterat_totalt"),
                "Totalt",
                e.statsbidrag.enhet,
                _TKR,
                summa=True,
            )
        if e.sociala_investeringsfonden is not None:
            c.section = "Sociala investeringsfonden"
            kolumner = (
                "budget_hela_projektet",
                "redovisat_tom",
                "prognos_kostnader_ar",
                "prognos_projektet",
                "prognosavvikelse",
            )
            self.tabell_mot(
                e.sociala_investeringsfonden,
                (*self.path, "sociala_investeringsfonden"),
                kolumner,
                _TKR,
                namn=lambda rad: str(rad.projekt),
            )
        if e.investeringsredovisning is not None:
            c.section = "Investeringsredovisning"
            kolumner = (
                "total_budget",
                "redovisat_fg_ar",
                "budget_ar",
                "redovisat_ar",
                "kvar",
                "ombudgeteras",
            )
            self.tabell_mot(
                e.investeringsredovisning,
                (*self.path, "investeringsredovisning"),
                kolumner,
                _TKR,
                namn=lambda rad: str(rad.projekt),
            )

    def plan(self) -> None:
        e, c = self.e, self.c
        kolumner = (
            "kostnad",
            "avskrivningar",
            "internranta",
            "intakt",
            "budget_netto",
            "budget_netto_fg",
            "forandring",
        )
        brutto = {"kostnad", "avskrivningar", "internranta", "intakt"}
        if e.driftbudget is not None:
            c.section = "Driftbudget"
            dp = (*self.path, "driftbudget")
            for i, rad in enumerate(e.driftbudget.rader):
                if rad.rapporterat is not None:
                    for k in kolumner:
                        c.jamfor(
                            (*dp, "rader", i, "rapporterat", k),
                            f"{rad.namn}, {_BUDGETKOLUMN[k]}",
                            getattr(rad.rapporterat, k),
                            getattr(rad, k),
                            enhet=e.driftbudget.enhet,
                            tolerans=_EXAKT,
                        )
            if e.driftbudget.rapporterat_summa is not None:
                # The printed Summa is checked against the printed rows it adds up (a row
                # that differs from its inputs is already reported at the row).
                grund = [_tryckt_eller(rad) for rad in e.driftbudget.rader]
                summa = Budgettabell(tuple(grund)).summa
                self.rad_mot(
                    e.driftbudget.rapporterat_summa,
                    summa,
                    kolumner,
                    (*dp, "rapporterat_summa"),
                    "Summa",
                    e.driftbudget.enhet,
                    _EXAKT,
                    summa=True,
                    etiketter=_BUDGETKOLUMN,
                )
            # Each område's distribution (4.5.x) must add up to its driftbudget row: the net
            # amounts exactly, the gross ones may be split differently (a varning).
            for i, f in enumerate(e.budgetfordelning):
                omradesrad = e.driftbudget.rad(f.omrade)
                if omradesrad is None:
                    continue
                c.section = f"Fördelning: {f.omrade}"
                fordelad = f.tabell.summa
                for k in kolumner:
                    path = (*self.path, "budgetfordelning", i, "tabell", k)
                    if k in brutto:
                        self.brutto_varning(
                            path,
                            f"{f.omrade}, {_BUDGETKOLUMN[k]}",
                            getattr(omradesrad, k),
                            getattr(fordelad, k),
                            e.driftbudget.enhet,
                        )
                    else:
                        self.fordelning_mot(
                            path,
                            f.omrade,
                            _BUDGETKOLUMN[k],
                            getattr(fordelad, k),
                            getattr(omradesrad, k),
                            e.driftbudget.enhet,
                        )
        for namn, tabell, falt in (
            ("Ekonomiskt bistånd (budget)", e.ekonomiskt_bistand_budget, ("ekonomiskt_bistand_budget",)),
            *(
                (f"Fördelning: {f.omrade}", f.tabell, ("budgetfordelning", i, "tabell"))
                for i, f in enumerate(e.budgetfordelning)
            ),
        ):
            if tabell is None:
                continue
            c.section = namn
            self.tabell_mot(tabell, (*self.path, *falt), kolumner, _EXAKT, etiketter=_BUDGETKOLUMN)
        if e.sarskilda_satsningar is not None:
            c.section = "Särskilda satsningar"
            c.jamfor(
                (*self.path, "sarskilda_satsningar", "rapporterat_totalt"),
                "Särskilda satsningar",
                e.sarskilda_satsningar.rapporterat_totalt,
                e.sarskilda_satsningar.totalt,
                enhet=e.sarskilda_satsningar.enhet,
                tolerans=_EXAKT,
            )
        if e.investeringsbudget is not None:
            ib = e.investeringsbudget
            c.section = "Investeringsbudget"
            ikol = ("ar1", "ar2", "ar3", "avskrivning_ar1", "internranta_ar1", "ovrig_drift")
            for i, ibrad in enumerate(ib.rader):
                if ibrad.rapporterat is not None:
                    self.rad_mot(
                        ibrad.rapporterat,
                        ibrad,
                        ikol,
                        (*self.path, "investeringsbudget", "rader", i, "rapporterat"),
                        ibrad.namn,
                        ib.enhet,
                        _EXAKT,
                        etiketter=self.investeringsetiketter(),
                    )
            if ib.rapporterat_summa is not None:
                ibsumma = ib.summa
                beraknat = {k: getattr(ibsumma, k) for k in ikol}
                beraknat["avskrivning_ar1"] = ib.summa_avskrivning_ar1
                for k in ikol:
                    c.jamfor(
                        (*self.path, "investeringsbudget", "rapporterat_summa", k),
                        f"Summa, {self.investeringsetiketter()[k]}",
                        getattr(ib.rapporterat_summa, k),
                        beraknat[k],
                        enhet=ib.enhet,
                        tolerans=_EXAKT,
                        summa=True,
                    )

    def investeringsetiketter(self) -> dict[str, str]:
        ar = self.period.ar
        return {
            "ar1": f"År {ar}",
            "ar2": f"År {ar + 1}",
            "ar3": f"År {ar + 2}",
            "avskrivning_ar1": f"Avskrivning {ar}",
            "internranta_ar1": f"Internränta {ar}",
            "ovrig_drift": f"Övrig drift {ar}",
        }

    def brutto_varning(
        self, path: Path_, label: str, printed: object, computed: Belopp | None, enhet: Enhet
    ) -> None:
        if printed is None or isinstance(printed, Tom):
            printed_b = Belopp.noll() if isinstance(printed, Tom) else None
        else:
            printed_b = printed if isinstance(printed, Belopp) else None
        if printed_b is None:
            return
        c = computed or Belopp.noll()
        if printed_b == c:
            return
        self.c.add(
            Kod.BUDGET_BRUTTO,
            path,
            f"{label}: driftbudgeten har {_b(printed_b, enhet)} men fördelningen summerar till "
            f"{_b(c, enhet)}; nettot kan stämma ändå, men kontrollera att bruttobeloppen är rätt fördelade.",
            printed=printed_b.i_enhet(enhet),
            computed=c.i_enhet(enhet),
            difference=(printed_b - c).i_enhet(enhet),
            unit=enhet,
        )

    def fordelning_mot(
        self,
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
        self.c.add(
            Kod.FORDELNING_AVVIKER,
            path,
            f"{omrade}, {kolumn}: fördelningen summerar till {_b(f, enhet)}, men driftbudgeten har "
            f"{_b(b, enhet)} för området (skillnad {_b(f - b, enhet)}).",
            printed=f.i_enhet(enhet),
            computed=b.i_enhet(enhet),
            difference=(f - b).i_enhet(enhet),
            unit=enhet,
        )

    def tabell_mot(
        self,
        tabell: Any,
        path: Path_,
        kolumner: Iterable[str],
        tolerans: Decimal,
        *,
        namn: Callable[[Any], str] = lambda rad: str(rad.namn),
        etiketter: dict[str, str] | None = None,
    ) -> None:
        """Every row of a table with a printed version against it, then the printed Summa
        against the table's Summa (both compared column by column)."""
        kolumner = tuple(kolumner)
        for i, rad in enumerate(tabell.rader):
            if rad.rapporterat is not None:
                self.rad_mot(
                    rad.rapporterat,
                    rad,
                    kolumner,
                    (*path, "rader", i, "rapporterat"),
                    namn(rad),
                    tabell.enhet,
                    tolerans,
                    etiketter=etiketter,
                )
        if tabell.rapporterat_summa is not None:
            self.rad_mot(
                tabell.rapporterat_summa,
                tabell.summa,
                kolumner,
                (*path, "rapporterat_summa"),
                "Summa",
                tabell.enhet,
                tolerans,
                summa=True,
                etiketter=etiketter,
            )

    def rad_mot(
        self,
        printed: Any,
        computed: Any,
        kolumner: Iterable[str],
        path: Path_,
        namn: str,
        enhet: Enhet,
        tolerans: Decimal,
        *,
        summa: bool = False,
        etiketter: dict[str, str] | None = None,
    ) -> None:
        for k in kolumner:
            label = f"{namn}, {(etiketter or _BRUTTOKOLUMN).get(k, k)}"
            self.c.jamfor(
                (*path, k),
                label,
                getattr(printed, k),
                getattr(computed, k),
                enhet=enhet,
                tolerans=tolerans,
                summa=summa,
                tom_ar_noll=True,
            )


_BRUTTOKOLUMN: Final = {
    "budget_kostnad": "Budget kostnad",
    "budget_intakt": "Budget intäkt",
    "redovisat_kostnad": "Redovisat kostnad",
    "redovisat_intakt": "Redovisat intäkt",
    "avvikelse_kostnad": "Avvikelse kostnad",
    "avvikelse_intakt": "Avvikelse intäkt",
    "avvikelse_netto": "Avvikelse netto",
    "avvikelse_fg_netto": "Avvikelse föregående år netto",
    "budget_avskrivningar": "Budget avskrivningar",
    "budget_internranta": "Budget internränta",
    "redovisat_avskrivningar": "Redovisat avskrivningar",
    "redovisat_internranta": "Redovisat internränta",
    "avvikelse_avskrivningar": "Avvikelse avskrivningar",
    "avvikelse_internranta": "Avvikelse internränta",
    "beviljat": "Beviljat",
    "forbrukat": "Förbrukat",
    "budget_hela_projektet": "Budget hela projektet",
    "redovisat_tom": "Redovisat t.o.m.",
    "prognos_kostnader_ar": "Prognos kostnader",
    "prognos_projektet": "Prognos för projektet",
    "prognosavvikelse": "Prognosavvikelse hela projektet",
    "total_budget": "Total budget",
    "redovisat_fg_ar": "Redovisat föregående år",
    "budget_ar": "Budget",
    "redovisat_ar": "Redovisat",
    "kvar": "Kvar av budget",
    "ombudgeteras": "Ombudgeteras",
}
_BUDGETKOLUMN: Final = {
    "kostnad": "Kostnader",
    "avskrivningar": "Avskrivningar",
    "internranta": "Internränta",
    "intakt": "Intäkter",
    "budget_netto": "Budget netto",
    "budget_netto_fg": "Budget netto föregående år",
    "forandring": "Förändring",
}
_PILAR: Final = {"↗": Trend.UPP, "↘": Trend.NED, "→": Trend.OFORANDRAD}
_PIL: Final = {Trend.UPP: "↗", Trend.NED: "↘", Trend.OFORANDRAD: "→"}
_FOTNOT: Final = re.compile(r"\*+\)")
_PLATSHALLARE: Final = re.compile(
    r"(?<![A-Za-zÅÄÖåäö])X{2,}(?![A-Za-zÅÄÖåäö])|(?<![A-Za-zÅÄÖåäö])x{3,}(?![A-Za-zÅÄÖåäö])"
    r"|\bX antal\b|-{4,}|Click or tap here to enter text|Klicka eller tryck här för att ange text"
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


def _norm_titel(text: str, rapport: Delarsrapport) -> str:
    text = " ".join(text.split()).rstrip(".").casefold()
    namn = re.escape(rapport.namnd.namn.casefold())
    text = re.sub(rf"\b{namn}s\s+|\s*\bför\s+{namn}\b", " ", text)
    return " ".join(text.split()).strip(" ,-–")


def _samma_titel(tryckt: str, titel: str, rapport: Delarsrapport, rubrik: bool) -> bool:
    """Whether a printed title names the registry's bilaga.

    The header title and the Beslutsunderlag title must be the registry's title (the
    nämnd's name may be added: "Socialnämndens …", "… för Socialnämnden"); the document's
    own heading may be a short form of it ("Nämndplan 2023" for "Nämndplan för
    Socialnämnden år 2023").
    """
    a, b = _norm_titel(tryckt, rapport), _norm_titel(titel, rapport)
    if a == b:
        return True
    if not rubrik:
        return False
    return set(a.split()) - {"år"} <= set(b.split())


def _tal(value: Decimal, decimaler: int) -> str:
    return format_belopp(Belopp(value), enhet="kr", decimaler=decimaler).replace("\xa0", " ")


def _b(value: Belopp, enhet: Enhet, decimaler: int = 0) -> str:
    return format_belopp(value, enhet=enhet, decimaler=decimaler, suffix="kort").replace("\xa0", " ")


def _kort(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bedomningsord(b: Bedomning) -> str:
    """The assessment as an economist says it: "Delvis uppfyllt" (data value ``delvis_uppfyllt``)."""
    return b.value.replace("_", " ").replace("hog", "hög").capitalize()


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


def check(rapport: Delarsrapport) -> list[Finding]:
    """Check *rapport* for everything real reports get wrong; return every finding.

    Findings come in document order (tjänsteskrivelse, then each bilaga). The documents
    delarsrapport renders always use the computed figures, whatever the findings say.
    """
    return _Checker(rapport).run()
