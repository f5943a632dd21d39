"""The report model: every class a delårsrapport is built from, for building one in Python.

:func:`delarsrapport.load` builds these objects from YAML or JSON; a program that has the
figures already (an economy system, a report generator) builds them directly and passes
the :class:`Delarsrapport` to :func:`delarsrapport.check` and :func:`delarsrapport.render`.

Constructors. Every class is a frozen attrs class whose constructor takes its fields as
keyword arguments, with the names, types and defaults of the input reference
(``docs/indata-referens.md``, one section per class, each field described in Swedish)
and of ``docs/model.md``, which builds a whole report this way. The conventions:

- amounts are :class:`Belopp` (``Belopp.from_tkr(Decimal("-2114"))``), never a bare number;
  a table's ``enhet`` says the unit it prints in;
- lists are tuples (``konton=(rad1, rad2)``), free text is a tuple of :class:`Stycke`,
  :class:`Rubrik`, :class:`Punktlista` and :class:`Tabellplats` (a :data:`Text`);
- statuses and other vocabularies are enum members (``Status.KLAR``);
- figures the model derives (totals, results, avvikelser) are properties, not arguments;
  what a transcribed report printed goes under ``rapporterat`` and is only checked.

Validation happens when an object is built: a value of the wrong type raises
:class:`~delarsrapport.ModelTypeError` naming the class, the field, the type expected and
the value given; text a .docx cannot hold raises :class:`TextError`; a ``str`` subclass
(``markupsafe.Markup``) is stored as a plain ``str``.

>>> from decimal import Decimal
>>> rad = Kontorad(namn="Missbrukarvård", kod="571", belopp=Sjukolumner(
...     utfall_period=Belopp.from_tkr(Decimal("-2114")), budget_period=Belopp.from_tkr(-2489)))
>>> rad.avvikelse.tkr
Decimal('375')
>>> Kontorad(namn="Missbrukarvård", belopp=Sjukolumner(utfall_period=-2114))  # doctest: +ELLIPSIS
Traceback (most recent call last):
delarsrapport._errors.ModelTypeError: Sjukolumner.utfall_period: förväntade Belopp eller None, fick int ...
"""

from delarsrapport._model.belopp import Belopp, Enhet
from delarsrapport._model.brutto import (
    Driftrad,
    Driftredovisning,
    Investeringsprojekt,
    Investeringsredovisning,
    Kapitalkostnader,
    Kapitalkostnadsrad,
    PrognoserUnderAret,
    RapporteradDriftrad,
    RapporteradInvesteringsrad,
    RapporteradKapitalrad,
    RapporteradSIFRad,
    RapporteradStatsbidragsrad,
    SIFProjekt,
    SIFTabell,
    Statsbidrag,
    Statsbidragstabell,
)
from delarsrapport._model.budget import (
    Budgetfordelning,
    Budgetrad,
    Budgettabell,
    Investeringsbudget,
    Investeringsbudgetrad,
    RapporteradBudgetrad,
    RapporteradInvesteringsbudgetrad,
    Satsning,
    Satsningstabell,
)
from delarsrapport._model.dagordning import Dagordningsgrupp, Dagordningspunkt
from delarsrapport._model.ekonomi import (
    BeraknadSammanfattning,
    BeraknadSammanfattningsrad,
    EgenRegiRad,
    EgenRegiTabell,
    EkonomiskUppfoljning,
    Investeringsrad,
    Prognososakerhet,
    RapporteradEgenRegi,
    RapporteradEgenRegiRad,
    RapporteratSpann,
    Sammanfattningsrad,
    Sammanfattningstabell,
    Sammanfattningsvarden,
    TidigarePrognos,
    Verksamhetsavsnitt,
)
from delarsrapport._model.internkontroll import (
    Internkontroll,
    Kontrollmoment,
    Kontrollprocess,
    ProcessAtgard,
    ProcessKontroll,
    Risk,
    Riskniva,
)
from delarsrapport._model.nyckeltal import Nyckeltal, Nyckeltalsbilaga, Nyckeltalsgrupp, RapporteratNyckeltal
from delarsrapport._model.organisation import (
    Diarienummer,
    Forvaltning,
    Kommun,
    Namnd,
    Person,
    Sammantrade,
    Undertecknare,
)
from delarsrapport._model.period import Rapportperiod
from delarsrapport._model.rapport import Arende, Bilaga, Delarsrapport, Dokumentdel, RapporteradBilaga
from delarsrapport._model.rapporterat import TOM, RapporteratBelopp, Tom
from delarsrapport._model.resultatrakning import (
    RapporteradResultatrakning,
    Resultatrakning,
    RRKolumner,
    RRRader,
    RRRapporterad,
)
from delarsrapport._model.status import (
    Bedomning,
    Indikatorenhet,
    Kontrollresultat,
    Malniva,
    Rapporteringstyp,
    Status,
    Trend,
    Volymtyp,
)
from delarsrapport._model.text import (
    Block,
    Diagram,
    Punktlista,
    Rubrik,
    Serie,
    Stycke,
    Tabellplats,
    Text,
    TextError,
)
from delarsrapport._model.tjansteskrivelse import (
    Beloppsreferens,
    Beslutssats,
    Delavsnitt,
    RapporteradTjansteskrivelse,
    Tjansteskrivelse,
)
from delarsrapport._model.verksamhet import (
    Atgard,
    Atgardsdel,
    Indikator,
    KfMal,
    Malpost,
    Matning,
    Matvarde,
    Namndmal,
    RapporteradIndikator,
    RapporteradPost,
    RapporteratAntal,
    RapporteratVerksamhet,
    Rapportering,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.verksamhetstabell import (
    Insatskostnadstabell,
    Kontorad,
    RapporteradInsatskostnad,
    RapporteradVerksamhetstabell,
    Sjukolumner,
    Verksamhetstabell,
)

__all__ = [
    "TOM",
    "Arende",
    "Atgard",
    "Atgardsdel",
    "Bedomning",
    "Belopp",
    "Beloppsreferens",
    "BeraknadSammanfattning",
    "BeraknadSammanfattningsrad",
    "Beslutssats",
    "Bilaga",
    "Block",
    "Budgetfordelning",
    "Budgetrad",
    "Budgettabell",
    "Dagordningsgrupp",
    "Dagordningspunkt",
    "Delarsrapport",
    "Delavsnitt",
    "Diagram",
    "Diarienummer",
    "Dokumentdel",
    "Driftrad",
    "Driftredovisning",
    "EgenRegiRad",
    "EgenRegiTabell",
    "EkonomiskUppfoljning",
    "Enhet",
    "Forvaltning",
    "Indikator",
    "Indikatorenhet",
    "Insatskostnadstabell",
    "Internkontroll",
    "Investeringsbudget",
    "Investeringsbudgetrad",
    "Investeringsprojekt",
    "Investeringsrad",
    "Investeringsredovisning",
    "Kapitalkostnader",
    "Kapitalkostnadsrad",
    "KfMal",
    "Kommun",
    "Kontorad",
    "Kontrollmoment",
    "Kontrollprocess",
    "Kontrollresultat",
    "Malniva",
    "Malpost",
    "Matning",
    "Matvarde",
    "Namnd",
    "Namndmal",
    "Nyckeltal",
    "Nyckeltalsbilaga",
    "Nyckeltalsgrupp",
    "Person",
    "ProcessAtgard",
    "ProcessKontroll",
    "PrognoserUnderAret",
    "Prognososakerhet",
    "Punktlista",
    "RRKolumner",
    "RRRader",
    "RRRapporterad",
    "RapporteradBilaga",
    "RapporteradBudgetrad",
    "RapporteradDriftrad",
    "RapporteradEgenRegi",
    "RapporteradEgenRegiRad",
    "RapporteradIndikator",
    "RapporteradInsatskostnad",
    "RapporteradInvesteringsbudgetrad",
    "RapporteradInvesteringsrad",
    "RapporteradKapitalrad",
    "RapporteradPost",
    "RapporteradResultatrakning",
    "RapporteradSIFRad",
    "RapporteradStatsbidragsrad",
    "RapporteradTjansteskrivelse",
    "RapporteradVerksamhetstabell",
    "RapporteratAntal",
    "RapporteratBelopp",
    "RapporteratNyckeltal",
    "RapporteratSpann",
    "RapporteratVerksamhet",
    "Rapportering",
    "Rapporteringstyp",
    "Rapportperiod",
    "Resultatrakning",
    "Risk",
    "Riskniva",
    "Rubrik",
    "SIFProjekt",
    "SIFTabell",
    "Sammanfattningsrad",
    "Sammanfattningstabell",
    "Sammanfattningsvarden",
    "Sammantrade",
    "Satsning",
    "Satsningstabell",
    "Serie",
    "Sjukolumner",
    "Statsbidrag",
    "Statsbidragstabell",
    "Status",
    "Stycke",
    "Tabellplats",
    "Text",
    "TextError",
    "TidigarePrognos",
    "Tjansteskrivelse",
    "Tom",
    "Trend",
    "Undertecknare",
    "Uppdrag",
    "Verksamhetsavsnitt",
    "Verksamhetstabell",
    "Verksamhetsuppfoljning",
    "Volymtyp",
]
