"""Where a loaded report came from: its file and the line every field path starts on.

The loader attaches an :class:`Indatakalla` to the :class:`~delarsrapport.model.Delarsrapport`
it builds (outside equality, hashing and repr: two reports with the same content are
equal wherever they came from), so that a finding of the check can say which line of
the input it is about. A report built in Python has none.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Indatakalla", "Path_"]

Path_ = tuple[str | int, ...]
"""A field path in the input, ``("bilagor", 0, "titel")``."""


class Indatakalla:
    """The file a report was read from (None for a dict) and the line of each field path."""

    __slots__ = ("_rader", "fil")

    def __init__(self, fil: str | None, rader: Mapping[Path_, int]) -> None:
        self.fil = fil
        self._rader = rader

    def rad(self, path: Path_) -> int | None:
        """The line *path* starts on, or that of the nearest enclosing path the input has.

        A derived row or a value written in list form has no line of its own; the line of
        the table or the list it belongs to is the place to look.

        >>> kalla = Indatakalla("r.yaml", {(): 1, ("bilagor",): 12, ("bilagor", 0): 13})
        >>> kalla.rad(("bilagor", 0, "titel")), kalla.rad(()), Indatakalla(None, {}).rad(("x",))
        (13, 1, None)
        """
        rader = self._rader
        while True:
            rad = rader.get(path)
            if rad is not None:
                return rad
            if not path:
                return None
            path = path[:-1]

    def __repr__(self) -> str:
        return f"Indatakalla({self.fil!r}, {len(self._rader)} rader)"
