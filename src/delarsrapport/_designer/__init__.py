"""Tools for template designers: the rules a template must follow, checked without data.

The rules are one implementation with two users: ``delarsrapport layout check``
(:func:`check_layout`, every finding of a layout) and the render engine, which refuses a
template with an error before it renders (:func:`.mall.check_template`).

The stages, in the order a template goes through them (:mod:`.mall` reads it and runs
them): :mod:`.taggar` (tags in the Word XML), :mod:`.syntax` (each tag, then the blocks),
:mod:`.tabeller` (rows a ``{%tr for %}`` repeats, and their columns), :mod:`.kontrakt`
(the syntax tree against the contract, with the types of :mod:`.typer`, the filter rules
of :mod:`.filterregler` and the macros of :mod:`.makron`); :mod:`.installningar` reads the
settings file, :mod:`.fynd` holds what is reported and :mod:`.check` runs it all.
"""

from delarsrapport._designer.check import check_layout
from delarsrapport._designer.filterregler import TILLATNA_INBYGGDA_FILTER
from delarsrapport._designer.fynd import MALLKODER, Mallfynd, Mallkod

__all__ = ["MALLKODER", "TILLATNA_INBYGGDA_FILTER", "Mallfynd", "Mallkod", "check_layout"]
