"""Nyckeltal: unit costs per vårddygn or vårdtagare, the form the central ekonomistab compares."""

from __future__ import annotations

from typing import ClassVar

import attrs

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.rapporterat import RapporteratBelopp
from delarsrapport._model.status import Volymtyp
from delarsrapport._model.text import Text, check_text_fields

__all__ = ["Nyckeltal", "Nyckeltalsbilaga", "Nyckeltalsgrupp", "RapporteratNyckeltal"]


@attrs.frozen(field_transformer=check_text_fields)
class RapporteratNyckeltal:
    """Ett nyckeltals framräknade celler som de trycktes (bara för kontrollen)."""

    nettokostnad: RapporteratBelopp = None
    """Nettokostnaden som den trycktes."""
    per_enhet: RapporteratBelopp = None
    """Nettokostnaden per vårddygn eller vårdtagare som den trycktes."""


@attrs.frozen(field_transformer=check_text_fields)
class Nyckeltal:
    """Ett nyckeltal: totala kostnader minus övriga intäkter, delat med en volym.

    Kostnader och intäkter anges som positiva belopp; nettokostnaden och kvoten räknas fram,
    i enheten per vårddygn eller vårdtagare (``4,542`` tkr = 4 542 kr per vårddygn).
    """

    rubrik: str
    """Nyckeltalets rubrik ("Kostnad per vård dygn på institution")."""
    volymtyp: Volymtyp
    """Vad volymen räknar: ``varddygn`` eller ``vardtagare``; layouten väljer decimaler efter den."""
    totala_kostnader: Belopp
    """De totala kostnaderna."""
    ovriga_intakter: Belopp
    """De övriga intäkterna som dras av."""
    volym: int
    """Antalet vårddygn eller vårdtagare; med mellanrum som i tabellen går bra ('26 415')."""
    volymetikett: str
    """Volymradens etikett som blanketten trycker den ("Antal vård dygn**)")."""
    kvotetikett: str
    """Resultatradens etikett ("Nettokostnad per vård dygn")."""
    intaktsetikett: str = "Avgår: övriga intäkter*)"
    """Intäktsradens etikett."""
    fotnoter: tuple[str, ...] = ()
    """Fotnoterna under nyckeltalet ("*) Samtliga intäkter …")."""
    enhet: Enhet = "tkr"
    """Enheten som beloppen anges och trycks i."""
    rapporterat: RapporteratNyckeltal | None = None
    """De framräknade cellerna som källan tryckte dem; bara för kontrollen."""

    @property
    def nettokostnad(self) -> Belopp:
        """Totala kostnader − övriga intäkter."""
        return self.totala_kostnader - self.ovriga_intakter

    @property
    def per_enhet(self) -> Belopp | None:
        """Nettokostnad per vårddygn or vårdtagare; ``None`` for a zero volume."""
        if self.volym == 0:
            return None
        return self.nettokostnad / self.volym


@attrs.frozen(field_transformer=check_text_fields)
class Nyckeltalsgrupp:
    """Sidan för en verksamhetskod: dess nyckeltal, fotnoter och kommentar."""

    verksamhet: str
    """Verksamheten ("Barn och ungdomsvård enl SoL o LVU: Institutionsvård för barn och ungdom (5731)")."""
    matt: tuple[Nyckeltal, ...]
    """Nyckeltalen i tryckt ordning."""
    kod: str | None = None
    """Verksamhetskoden ("5731")."""
    fotnoter: tuple[str, ...] = ()
    """Fotnoter som trycks en gång för hela gruppen (nyckeltalen kan ha egna)."""
    kommentar: Text = ()
    """Kommentaren till nyckeltalen."""


@attrs.frozen(field_transformer=check_text_fields)
class Nyckeltalsbilaga:
    """Nyckeltalsblanketten (en dokumentdel ``nyckeltal``): en grupp per verksamhet, i den
    ordning layouten trycker dem."""

    kind: ClassVar[str] = "nyckeltal"

    grupper: tuple[Nyckeltalsgrupp, ...]
    """Grupperna, en per verksamhetskod."""
