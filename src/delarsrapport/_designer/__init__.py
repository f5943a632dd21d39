"""Tools for template designers: checking a layout against the designer contract without data.

The stages of the check, in the order a template goes through them: :mod:`.taggar` (tags
in the Word XML), :mod:`.syntax` (each tag, then the blocks), :mod:`.kontrakt` (the
syntax tree against the contract, with the types of :mod:`.typer` and the filter rules
of :mod:`.filterregler`); :mod:`.installningar` reads the settings file, :mod:`.fynd`
holds what is reported and :mod:`.check` runs it all.
"""

from delarsrapport._designer.check import check_layout
from delarsrapport._designer.filterregler import TILLATNA_INBYGGDA_FILTER
from delarsrapport._designer.fynd import MALLKODER, Mallfynd, Mallkod

__all__ = ["MALLKODER", "TILLATNA_INBYGGDA_FILTER", "Mallfynd", "Mallkod", "check_layout"]
