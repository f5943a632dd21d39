"""Stage 4 of the pipeline, context: the views a template sees, built from the model and a layout.

These classes are the template designers' contract. Every variable a template sees is a
field of one of them, and the Mallguide (``docs/mallguide.md``) and ``layout check`` are
generated from their fields, types and the Swedish text under each field. Amounts are
``Belopp`` (format them with the ``belopp`` filter), dates ``date`` (``datum`` filter),
free text :data:`Lopande` (the ``stycken`` filter); every string was checked when the
model was built.

One module per document kind holds that kind's views and their builder
(``tjansteskrivelse``, ``ekonomi`` with ``brutto``, ``verksamhet``, ``nyckeltal``,
``internkontroll``, and ``handlingar`` for the combined handling's cover); ``gemensam``
has what they share, ``prose`` the sentences the context writes itself, ``referenser``
the figure references and charts of free text, and ``build`` puts one document's context
together. Every view class is importable from here.
"""

from delarsrapport._context.brutto import (
    BudgetradVy,
    BudgettabellVy,
    DriftradVy,
    DriftredovisningVy,
    InvesteringsbudgetradVy,
    InvesteringsprojektVy,
    KapitalradVy,
    PrognoserUnderAretVy,
    SatsningVy,
    SifradVy,
    StatsbidragsradVy,
    TabellVy,
)
from delarsrapport._context.build import GEMENSAMMA, KONTEXTER, bygg_handlingar, bygg_kontext, filnamnsdel
from delarsrapport._context.ekonomi import (
    AVSNITTSRUBRIKER,
    EgenRegiRadVy,
    EgenRegiVy,
    EkonomiavsnittVy,
    EkonomiVy,
    InsatskostnadVy,
    InvesteringVy,
    PrognososakerhetVy,
    SammanfattningsradVy,
    SammanfattningVy,
    TabellradVy,
    TidigarePrognosVy,
    VerksamhetsavsnittVy,
    VerksamhetstabellVy,
)
from delarsrapport._context.gemensam import (
    ArendeVy,
    Block,
    DelavsnittVy,
    DokumentVy,
    ForvaltningVy,
    InstallningarVy,
    KommunVy,
    Lopande,
    NamndVy,
    PersonVy,
    StatusradVy,
    StatusVy,
)
from delarsrapport._context.handlingar import DagordningsgruppVy, DagordningspunktVy, HandlingarVy
from delarsrapport._context.internkontroll import (
    InternkontrollVy,
    KontrollmomentVy,
    KontrollprocessVy,
    ProcessatgardVy,
    ProcesskontrollVy,
    RiskVy,
)
from delarsrapport._context.nyckeltal import NyckeltalsgruppVy, NyckeltalsVy, NyckeltalVy
from delarsrapport._context.referenser import DiagramVy, SerieVy
from delarsrapport._context.resultatrakning import ResultatrakningVy, RRradVy
from delarsrapport._context.tjansteskrivelse import (
    BeslutssatsVy,
    BilagereferensVy,
    TjansteskrivelseVy,
    UndertecknareVy,
)
from delarsrapport._context.verksamhet import (
    AtgardsdelVy,
    AtgardVy,
    BedomningVy,
    IndikatorVy,
    KolumnerVy,
    MalVy,
    MatningVy,
    PostVy,
    RapporteringVy,
    VerksamhetVy,
)

__all__ = [
    "AVSNITTSRUBRIKER",
    "GEMENSAMMA",
    "KONTEXTER",
    "ArendeVy",
    "AtgardVy",
    "AtgardsdelVy",
    "BedomningVy",
    "BeslutssatsVy",
    "BilagereferensVy",
    "Block",
    "BudgetradVy",
    "BudgettabellVy",
    "DagordningsgruppVy",
    "DagordningspunktVy",
    "DelavsnittVy",
    "DiagramVy",
    "DokumentVy",
    "DriftradVy",
    "DriftredovisningVy",
    "EgenRegiRadVy",
    "EgenRegiVy",
    "EkonomiVy",
    "EkonomiavsnittVy",
    "ForvaltningVy",
    "HandlingarVy",
    "IndikatorVy",
    "InsatskostnadVy",
    "InstallningarVy",
    "InternkontrollVy",
    "InvesteringVy",
    "InvesteringsbudgetradVy",
    "InvesteringsprojektVy",
    "KapitalradVy",
    "KolumnerVy",
    "KommunVy",
    "KontrollmomentVy",
    "KontrollprocessVy",
    "Lopande",
    "MalVy",
    "MatningVy",
    "NamndVy",
    "NyckeltalVy",
    "NyckeltalsVy",
    "NyckeltalsgruppVy",
    "PersonVy",
    "PostVy",
    "ProcessatgardVy",
    "ProcesskontrollVy",
    "PrognoserUnderAretVy",
    "PrognososakerhetVy",
    "RRradVy",
    "RapporteringVy",
    "ResultatrakningVy",
    "RiskVy",
    "SammanfattningVy",
    "SammanfattningsradVy",
    "SatsningVy",
    "SerieVy",
    "SifradVy",
    "StatsbidragsradVy",
    "StatusVy",
    "StatusradVy",
    "TabellVy",
    "TabellradVy",
    "TidigarePrognosVy",
    "TjansteskrivelseVy",
    "UndertecknareVy",
    "VerksamhetVy",
    "VerksamhetsavsnittVy",
    "VerksamhetstabellVy",
    "bygg_handlingar",
    "bygg_kontext",
    "filnamnsdel",
]
