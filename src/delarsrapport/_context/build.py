"""The context of one document: which variables each template sees, and building them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Final

from delarsrapport._context.ekonomi import EkonomiVy, build_ekonomi
from delarsrapport._context.gemensam import (
    ArendeVy,
    Builder,
    DokumentVy,
    ForvaltningVy,
    InstallningarVy,
    KommunVy,
    NamndVy,
)
from delarsrapport._context.handlingar import HandlingarVy, build_handlingar, dokument_handlingar
from delarsrapport._context.internkontroll import InternkontrollVy, build_internkontroll
from delarsrapport._context.nyckeltal import NyckeltalsVy, build_nyckeltal
from delarsrapport._context.tjansteskrivelse import TjansteskrivelseVy, build_tjansteskrivelse
from delarsrapport._context.verksamhet import VerksamhetVy, build_verksamhet
from delarsrapport._model.ekonomi import EkonomiskUppfoljning
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport, Dokumentdel
from delarsrapport._model.verksamhet import Verksamhetsuppfoljning
from delarsrapport._render.layout import Installningar

__all__ = ["GEMENSAMMA", "KONTEXTER", "bygg_handlingar", "bygg_kontext", "filnamnsdel"]


KONTEXTER: Final[dict[str, dict[str, object]]] = {
    "tjansteskrivelse": {"ts": TjansteskrivelseVy},
    "ekonomi": {"ekonomi": EkonomiVy},
    "verksamhet": {"verksamhet": VerksamhetVy},
    "nyckeltal": {"nyckeltal": NyckeltalsVy},
    "internkontroll": {"internkontroll": InternkontrollVy},
    "handlingar": {"handlingar": HandlingarVy},
}
"""The variables each document kind adds to the common ones (see :data:`GEMENSAMMA`);
``handlingar`` is the cover of the combined handling, a template a layout may leave out."""

GEMENSAMMA: Final[dict[str, object]] = {
    "kommun": KommunVy,
    "namnd": NamndVy,
    "forvaltning": ForvaltningVy,
    "period": Rapportperiod,
    "dokument": DokumentVy,
    "arende": ArendeVy,
    "sammantradesdatum": date | None,
    "installningar": InstallningarVy,
}
"""The variables every template sees."""


def bygg_kontext(
    rapport: Delarsrapport,
    arende: Arende,
    arendenummer: int,
    installningar: Installningar,
    *,
    bilaga: Bilaga | None = None,
    del_: Dokumentdel | None = None,
) -> dict[str, object]:
    """The context for the tjänsteskrivelse (*bilaga* None) or one part of a bilaga."""
    b = Builder(rapport=rapport, arende=arende, nummer=arendenummer, inst=installningar)
    if bilaga is None:
        return {**b.gemensamt(b.dokument_ts()), "ts": build_tjansteskrivelse(b)}
    assert del_ is not None
    dokument = b.dokument_bilaga(bilaga)
    common = b.gemensamt(dokument)
    if isinstance(del_, EkonomiskUppfoljning):
        return {**common, "ekonomi": build_ekonomi(b, del_)}
    if isinstance(del_, Verksamhetsuppfoljning):
        return {**common, "verksamhet": build_verksamhet(b, del_)}
    if isinstance(del_, Nyckeltalsbilaga):
        return {**common, "nyckeltal": build_nyckeltal(b, del_)}
    if isinstance(del_, Internkontroll):
        return {**common, "internkontroll": build_internkontroll(b, del_, dokument.datum)}
    raise TypeError(f"okänd dokumentdel {type(del_).__name__}")


def bygg_handlingar(rapport: Delarsrapport, installningar: Installningar) -> dict[str, object]:
    """The context of the combined handling's cover: the common variables (``dokument`` is the
    handling itself, ``arende`` the main ärende) and ``handlingar``, the meeting and its agenda."""
    b = Builder(rapport=rapport, arende=rapport.huvudarende, nummer=1, inst=installningar)
    return {**b.gemensamt(dokument_handlingar(b)), "handlingar": build_handlingar(b)}


def filnamnsdel(text: str) -> str:
    """*text* made safe for a file name: ``Ekonomisk uppföljning`` → ``ekonomisk-uppfoljning``.

    At most 60 characters, cut between words.

    >>> filnamnsdel("Ekonomisk uppföljning per augusti 2020")
    'ekonomisk-uppfoljning-per-augusti-2020'
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if len(slug) > 60:
        cut = slug[:61]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:60]
    return slug or "bilaga"
