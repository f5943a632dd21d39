"""How the loader says what is wrong: messages, field paths and suggestions."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Final

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from delarsrapport._errors import ModelTypeError, Problemkod
from delarsrapport._model.text import FaltError, TextError

__all__ = ["IndataError", "Path_", "explain", "flatten", "format_path", "kort", "menade_du", "unknown_key"]

Path_ = tuple[str | int, ...]


class IndataError(ValueError):
    """A structuring error whose message is already what the user should read, and its kind.

    Most are a value of the wrong kind (:attr:`Problemkod.TYP`); the others say so.
    """

    def __init__(self, message: str, kod: Problemkod = Problemkod.TYP) -> None:
        super().__init__(message)
        self.kod = kod


def kort(value: object, limit: int = 60) -> str:
    """*value* as ``repr``, cut in the middle when longer than *limit*."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "…" + text[-3:]


# Words people type for a status, mapped to the value to suggest (never accepted silently).
_ORDFORSLAG: Final[dict[str, str]] = {
    "paborjad": "enligt_plan",
    "pagar": "enligt_plan",
    "pagaende": "enligt_plan",
    "gron": "enligt_plan",
    "gront": "enligt_plan",
    "fardig": "klar",
    "genomford": "klar",
    "avslutad": "klar",
    "blatt": "klar",
    "vantar": "vantar",
    "forsenad": "forsenad",
    "gult": "forsenad",
    "rott": "genomfors_inte",
    "utan anmarkning": "utan_anmarkning",
    "ingen avvikelse": "utan_anmarkning",
    "mindre anmarkning": "mindre_anmarkning",
    "mindre avvikelse": "mindre_anmarkning",
    "storre avvikelse": "storre_anmarkning",
    "i hog grad uppfyllt": "i_hog_grad_uppfyllt",
    "delvis uppfyllt": "delvis_uppfyllt",
    "helt uppfyllt": "helt_uppfyllt",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def menade_du(value: str, choices: Sequence[str]) -> str:
    """`` (menade du 'x'?)`` for the choice closest to *value*, or an empty string."""
    folded = _fold(value)
    guess = _ORDFORSLAG.get(folded)
    if guess is None or guess not in choices:
        close = difflib.get_close_matches(folded.replace(" ", "_"), choices, n=1, cutoff=0.6)
        guess = close[0] if close else None
    return f" (menade du {guess!r}?)" if guess else ""


def format_path(path: Path_) -> str:
    """``('bilagor', 0, 'titel')`` → ``bilagor[0].titel``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def flatten(exc: BaseException, path: Path_) -> Iterator[tuple[Path_, BaseException]]:
    """Every single error inside cattrs' exception groups, with the field path it belongs to."""
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = (*path, note.name)
                elif isinstance(note, IterableValidationNote):
                    sub_path = (*path, note.index)
            yield from flatten(sub, sub_path)
    elif isinstance(exc, FaltError):
        yield (*path, exc.falt), exc
    elif isinstance(exc, ForbiddenExtraKeysError):
        fields = list(attrs.fields_dict(exc.cl)) if attrs.has(exc.cl) else []
        for key in sorted(exc.extra_fields):
            yield (*path, key), unknown_key(key, fields, exc.cl)
    else:
        yield path, exc


def explain(exc: BaseException) -> tuple[Problemkod, str]:
    """The kind of problem and the message a user reads for one structuring error."""
    if isinstance(exc, IndataError):
        return exc.kod, str(exc)
    if isinstance(exc, TextError):
        return Problemkod.TECKEN, str(exc)
    if isinstance(exc, FaltError):
        return Problemkod.VARDE, str(exc)
    if isinstance(exc, KeyError):
        return Problemkod.SAKNAS, "obligatoriskt fält saknas"
    if isinstance(exc, ModelTypeError):
        return Problemkod.TYP, f"ogiltigt värde: {exc}"
    if isinstance(exc, (ValueError, TypeError)):
        return Problemkod.VARDE, f"ogiltigt värde: {exc}"
    return Problemkod.VARDE, f"{type(exc).__name__}: {exc}"


def unknown_key(key: str, fields: list[str], cls: type) -> Exception:
    """The error for a key *cls* does not have, with a suggestion and the valid keys."""
    exc = IndataError(
        f"okänt fält {key!r}{menade_du(key, fields)}; giltiga fält här: {', '.join(fields)}",
        Problemkod.OKANT_FALT,
    )
    exc.add_note(AttributeValidationNote(f"@ {key}", key, cls))
    return exc
