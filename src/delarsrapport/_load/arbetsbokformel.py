"""Where a workbook sheet's cells are and the Excel formula of each derived cell.

A sheet has its title in ``A1``, the unit of its amounts in ``B2`` and the column labels
in row 5; the table's rows follow, one per row, labelled in column A, with the table's
columns from column B on. A derived cell is a :data:`Formel`, kept symbolic (rows by
label, columns by field) until :func:`excel_formel` gives its text for the cell it is in,
which the writer does with the rows it lays out and the reader with the rows it finds.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final, TypeAlias

import attrs
from openpyxl.utils import get_column_letter

__all__ = [
    "ENHETSCELL",
    "FORSTA_RAD",
    "RUBRIKRAD",
    "Formel",
    "Lank",
    "Summa",
    "Uttryck",
    "excel_formel",
    "kolumnbokstav",
]

RUBRIKRAD: Final = 5
"""The row of a sheet with the column labels; the table's rows follow it."""
FORSTA_RAD: Final = RUBRIKRAD + 1
ENHETSCELL: Final = "B2"
"""The cell that states the unit of a sheet's amounts."""


@attrs.frozen
class Summa:
    """The sum of the same column over the named rows of the sheet."""

    rader: tuple[str, ...]


@attrs.frozen
class Uttryck:
    """Arithmetic over cells of the same row: ``{falt}`` stands for that column's cell.

    With *tom_om*, the cell is left empty when any of those cells is empty (the model's
    ``None``: a difference of a missing value is missing, not the other value).
    """

    text: str
    tom_om: tuple[str, ...] = ()


@attrs.frozen
class Lank:
    """A cell of another sheet (a detail table feeding the summary), divided by *delare*."""

    blad: str
    rad: str
    falt: str
    delare: Decimal = Decimal(1)


Formel: TypeAlias = Summa | Uttryck | Lank
"""How a derived cell is computed in the workbook."""


def kolumnbokstav(index: int) -> str:
    """The letter of the sheet column holding the table's column *index* (0 → ``B``)."""
    return get_column_letter(index + 2)


def _cell(blad: str | None, kolumn: str, rad: int) -> str:
    if blad is None:
        return f"{kolumn}{rad}"
    return "'" + blad.replace("'", "''") + f"'!{kolumn}{rad}"


def excel_formel(
    formel: Formel,
    rad: int,
    kolumn: str,
    platser: Mapping[str, tuple[Mapping[str, int], Mapping[str, str]]],
    blad: str,
) -> str:
    """The Excel formula (with ``=``) of *formel* in cell *kolumn* *rad* of sheet *blad*.

    *platser* gives each sheet's row numbers by row label and column letters by field.
    """
    rader, kolumner = platser[blad]
    if isinstance(formel, Summa):
        nummer = sorted(rader[r] for r in formel.rader)
        if not nummer:
            return "=0"
        if nummer == list(range(nummer[0], nummer[-1] + 1)):
            return f"=SUM({kolumn}{nummer[0]}:{kolumn}{nummer[-1]})"
        return "=SUM(" + ",".join(f"{kolumn}{n}" for n in nummer) + ")"
    if isinstance(formel, Uttryck):
        uttryck = formel.text.format_map({f: f"{c}{rad}" for f, c in kolumner.items()})
        if not formel.tom_om:
            return f"={uttryck}"
        villkor = ",".join(f'{kolumner[f]}{rad}=""' for f in formel.tom_om)
        return f'=IF(OR({villkor}),"",{uttryck})'
    andra_rader, andra_kolumner = platser[formel.blad]
    ref = _cell(formel.blad, andra_kolumner[formel.falt], andra_rader[formel.rad])
    return f"={ref}" if formel.delare == 1 else f"={ref}/{formel.delare}"
