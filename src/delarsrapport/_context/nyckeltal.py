"""The nyckeltal form's views (``nyckeltal`` in ``nyckeltal.docx``) and how they are built."""

from __future__ import annotations

import attrs

from delarsrapport._context.gemensam import Builder, Lopande
from delarsrapport._model.belopp import Belopp
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga, Nyckeltalsgrupp

__all__ = ["NyckeltalVy", "NyckeltalsVy", "NyckeltalsgruppVy", "build_nyckeltal"]


@attrs.frozen(kw_only=True)
class NyckeltalVy:
    """Ett nyckeltal."""

    nummer: str
    """"1)", "2)"."""
    rubrik: str
    """"Kostnad per vård dygn på institution"."""
    totala_kostnader: Belopp
    """Totala kostnader (tkr)."""
    ovriga_intakter: Belopp
    """Övriga intäkter (tkr)."""
    nettokostnad: Belopp
    """Totala kostnader − övriga intäkter."""
    volym: int
    """Antal vårddygn eller vårdtagare."""
    per_enhet: Belopp | None
    """Nettokostnad per vårddygn eller vårdtagare (tkr)."""
    decimaler: int
    """Decimaler för per_enhet enligt layouten (3 per vårddygn, 1 per vårdtagare)."""
    intaktsetikett: str
    """"Avgår: övriga intäkter*)"."""
    volymetikett: str
    """"Antal vård dygn**)"."""
    kvotetikett: str
    """"Nettokostnad per vård dygn"."""
    fotnoter: tuple[str, ...]
    """Fotnoterna under nyckeltalet."""


@attrs.frozen(kw_only=True)
class NyckeltalsgruppVy:
    """Nyckeltalen för en verksamhet."""

    verksamhet: str
    """Verksamheten: "Barn och ungdomsvård enl SoL o LVU: Institutionsvård … (5731)"."""
    kod: str
    """Verksamhetskoden, eller tomt."""
    matt: tuple[NyckeltalVy, ...]
    """Nyckeltalen."""
    fotnoter: tuple[str, ...]
    """Fotnoter för hela gruppen."""
    kommentar: Lopande
    """Kommentar ("Ev kommentarer")."""


@attrs.frozen(kw_only=True)
class NyckeltalsVy:
    """Nyckeltalsblanketten."""

    grupper: tuple[NyckeltalsgruppVy, ...]
    """Grupperna i ordning."""


def build_nyckeltal(b: Builder, n: Nyckeltalsbilaga) -> NyckeltalsVy:
    """The nyckeltal form *n*."""
    return NyckeltalsVy(grupper=tuple(_grupp(b, g) for g in n.grupper))


def _grupp(b: Builder, g: Nyckeltalsgrupp) -> NyckeltalsgruppVy:
    return NyckeltalsgruppVy(
        verksamhet=g.verksamhet,
        kod=g.kod or "",
        matt=tuple(
            NyckeltalVy(
                nummer=f"{j})",
                rubrik=m.rubrik,
                totala_kostnader=m.totala_kostnader,
                ovriga_intakter=m.ovriga_intakter,
                nettokostnad=m.nettokostnad,
                volym=m.volym,
                per_enhet=m.per_enhet,
                decimaler=b.inst.nyckeltal_decimaler.get(m.volymtyp, 1),
                intaktsetikett=m.intaktsetikett,
                volymetikett=m.volymetikett,
                kvotetikett=m.kvotetikett,
                fotnoter=m.fotnoter,
            )
            for j, m in enumerate(g.matt, start=1)
        ),
        fotnoter=g.fotnoter,
        kommentar=b.text(g.kommentar),
    )
