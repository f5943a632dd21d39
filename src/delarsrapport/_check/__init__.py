"""Stage 3 of the pipeline, check: what real reports get wrong, found in the model as findings.

Every printed figure is compared with the computed one, by one rule for parts and whole
(:class:`~delarsrapport._check.recorder.Delar`); beyond figures the check looks at
totals, counts, statuses, dates, identities, bilaga numbering and placeholders. Each
finding has a stable code (``docs/kontroller.md``), the field path, a message in Swedish
and the numbers involved.

- ``rapport``: the walk, documents in order and each bilaga part to its check;
- ``recorder``: :class:`Finding`, the recorder with its document and section, the figure rule;
- ``arende``, ``verksamhet``, ``nyckeltal``, ``internkontroll``, ``ekonomi`` (with
  ``sammanfattning``), ``brutto``, ``budget``: one area each, named after the model
  module whose types it checks;
- ``dagordning``: the meeting's agenda against the report's ärenden;
- ``tabell`` and ``etiketter``: the column-by-column comparison and the check's column labels;
- ``koder``: every finding code with its documentation.
"""

from delarsrapport._check.rapport import check
from delarsrapport._check.recorder import Finding

__all__ = ["Finding", "check"]
