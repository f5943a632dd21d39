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
    """The derived cells of a nyckeltal as printed."""

    nettokostnad: RapporteratBelopp = None
    per_enhet: RapporteratBelopp = None


@attrs.frozen(field_transformer=check_text_fields)
class Nyckeltal:
    """One measure: total costs minus other income, divided by a volume.

    Costs and income are positive magnitudes in tkr; the result is tkr per unit (``4,542``
    tkr = 4 542 kr per vårddygn).
    """

    rubrik: str
    """"Kostnad per vård dygn på institution", "Varav kostnad per vårdtagare hos externa utförare"."""
    volymtyp: Volymtyp
    totala_kostnader: Belopp
    ovriga_intakter: Belopp
    volym: int
    volymetikett: str
    """The volume row's label as the form prints it ("Antal vård dygn**)")."""
    kvotetikett: str
    """The result row's label ("Nettokostnad per vård dygn")."""
    intaktsetikett: str = "Avgår: övriga intäkter*)"
    fotnoter: tuple[str, ...] = ()
    """The footnotes printed under this measure ("*) Samtliga intäkter …")."""
    enhet: Enhet = "tkr"
    rapporterat: RapporteratNyckeltal | None = None

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
    """The page for one verksamhet code: its measures, footnotes and comment."""

    verksamhet: str
    """"Barn och ungdomsvård enl SoL o LVU: Institutionsvård för barn och ungdom (5731)"."""
    matt: tuple[Nyckeltal, ...]
    kod: str | None = None
    fotnoter: tuple[str, ...] = ()
    """Footnotes printed once for the whole group (measures may have their own)."""
    kommentar: Text = ()


@attrs.frozen(field_transformer=check_text_fields)
class Nyckeltalsbilaga:
    """The nyckeltal form: one group per verksamhet, in the order the layout prints them."""

    kind: ClassVar[str] = "nyckeltal"

    grupper: tuple[Nyckeltalsgrupp, ...]
