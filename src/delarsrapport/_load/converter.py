"""The cattrs converter that builds the model from plain data, collecting every error with its path."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import UnionType
from typing import Any, Final, Literal, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from delarsrapport._errors import Problemkod
from delarsrapport._load.errors import IndataError, menade_du, unknown_key
from delarsrapport._load.indatatyper import (
    ENHET,
    INDATATYPER,
    describe,
    structure_enum,
    structure_literal,
    structure_matvarde,
    structure_str,
)
from delarsrapport._model.belopp import ENHETER
from delarsrapport._model.brutto import RapporteradDriftrad
from delarsrapport._model.dagordning import Dagordningspunkt
from delarsrapport._model.ekonomi import EkonomiskUppfoljning, RapporteradEgenRegiRad
from delarsrapport._model.internkontroll import Internkontroll
from delarsrapport._model.kolumner import DETALJ, DRIFT, EGEN_REGI, RESULTATRAKNING
from delarsrapport._model.nyckeltal import Nyckeltalsbilaga
from delarsrapport._model.rapport import Dokumentdel
from delarsrapport._model.rapporterat import TOM, Tom
from delarsrapport._model.resultatrakning import RRKolumner, RRRapporterad
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
from delarsrapport._model.verksamhet import (
    Indikator,
    Malpost,
    Matning,
    Matvarde,
    Namndmal,
    Uppdrag,
    Verksamhetsuppfoljning,
)
from delarsrapport._model.verksamhetstabell import Sjukolumner

__all__ = ["CONVERTER", "DELAR", "LISTFORMER", "POSTER", "TEXTFORMER", "make_converter"]

DELAR: Final[dict[str, type]] = {
    "ekonomi": EkonomiskUppfoljning,
    "verksamhet": Verksamhetsuppfoljning,
    "nyckeltal": Nyckeltalsbilaga,
    "internkontroll": Internkontroll,
}

POSTER: Final[dict[str, type]] = {"namndmal": Namndmal, "uppdrag": Uppdrag}


def _tagged(
    kinds: Mapping[str, type], what: str, converter: cattrs.Converter
) -> Callable[[object, object], object]:
    def structure(value: object, _: object) -> object:
        if isinstance(value, tuple(kinds.values())):
            return value
        if not isinstance(value, Mapping) or len(value) != 1:
            raise IndataError(
                f"förväntade {what} skriven som en nyckel ({', '.join(kinds)}) med innehållet "
                f"under, fick {describe(value)}"
                + (f" med nycklarna {', '.join(map(str, value))}" if isinstance(value, Mapping) else "")
            )
        ((key, inner),) = value.items()
        cls = kinds.get(key)
        if cls is None:
            raise IndataError(
                f"okänd sorts {what} {key!r}{menade_du(key, list(kinds))}; använd en av {', '.join(kinds)}",
                Problemkod.OKANT_FALT,
            )
        try:
            return converter.structure(inner, cls)
        except Exception as exc:
            exc.add_note(AttributeValidationNote(f"@ {key}", key, cls))
            raise ClassValidationError(what, [exc], cls) from None

    return structure


LISTFORMER: Final[dict[type, tuple[str, ...]]] = {
    Sjukolumner: DETALJ.falt,
    RRKolumner: RESULTATRAKNING.indata,
    RRRapporterad: RESULTATRAKNING.falt,
    RapporteradDriftrad: DRIFT.falt,
    RapporteradEgenRegiRad: EGEN_REGI.falt,
}


TEXTFORMER: Final[dict[type, str]] = {Dagordningspunkt: "titel"}
"""Classes that may be written as a plain text, and the field the text fills: a point of
the agenda that is only a title is its title (``- Vårdnadsöverflytt``)."""


def _class_hook(cls: type, converter: cattrs.Converter) -> Callable[[object, object], object]:
    inner: Callable[[Mapping[str, object], Any], object] = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )
    fields = attrs.fields_dict(cls)
    listform = LISTFORMER.get(cls)
    textform = TEXTFORMER.get(cls)
    default_enhet = fields["enhet"].default if "enhet" in fields else None

    def structure(value: object, _: object) -> object:
        if isinstance(value, cls):
            return value
        if listform is not None and isinstance(value, list):
            if len(value) != len(listform):
                raise IndataError(
                    f"förväntade {len(listform)} värden i ordningen {', '.join(listform)}, fick {len(value)}"
                )
            value = dict(zip(listform, value, strict=True))
        if textform is not None and isinstance(value, str):
            value = {textform: value}
        if not isinstance(value, Mapping):
            eller = f" eller en text (fältet {textform})" if textform else ""
            raise IndataError(
                f"förväntade en mappning med fälten {', '.join(fields)}{eller}, fick {describe(value)}"
            )
        extra = sorted(str(k) for k in value if k not in fields)
        if extra:
            # Reported with a suggestion each; the known fields are still structured so
            # that every other error in the same object is found in the same run.
            errors: list[Exception] = [unknown_key(key, list(fields), cls) for key in extra]
            known = {k: v for k, v in value.items() if k in fields}
            try:
                _with_unit(known, default_enhet, lambda: inner(known, cls))
            except BaseValidationError as exc:
                errors.extend(exc.exceptions)
            except Exception as exc:
                errors.append(exc)
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
        return _with_unit(value, default_enhet, lambda: inner(value, cls))

    return structure


def _with_unit(value: Mapping[str, object], default: object, fn: Callable[[], object]) -> object:
    if default is None and "enhet" not in value:
        return fn()
    enhet = value.get("enhet", default)
    token = ENHET.set(str(enhet) if enhet in ENHETER else str(default))
    try:
        return fn()
    finally:
        ENHET.reset(token)


def _tuple_hook(tp: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    (item_type, _ellipsis) = get_args(tp)

    def structure(value: object, _: object) -> tuple[object, ...]:
        if value is None:
            return ()
        if isinstance(value, tuple) and all(not isinstance(v, Mapping) for v in value):
            value = list(value)
        if not isinstance(value, list):
            raise IndataError(f"förväntade en lista, fick {describe(value)}")
        result: list[object] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                result.append(converter.structure(item, item_type))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(exc)
        if errors:
            raise ClassValidationError("list", errors, tuple)
        return tuple(result)

    return structure


def _matningar(value: object, converter: cattrs.Converter) -> tuple[Matning, ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        result: list[Matning] = []
        errors: list[Exception] = []
        for key, v in value.items():
            try:
                varde = None if v is None else structure_matvarde(v, Matvarde)
                result.append(Matning(etikett=structure_str(key, str), varde=varde))
            except Exception as exc:
                exc.add_note(AttributeValidationNote(f"@ {key}", str(key), Matning))
                errors.append(exc)
        if errors:
            raise ClassValidationError("utfall", errors, tuple)
        return tuple(result)
    return _tuple_hook(tuple[Matning, ...], converter)(value, None)  # type: ignore[return-value]


_PROCENTFALT: Final = ("kvinnor", "man", "jamforvarde", "ingangsvarde", "malvarde")


def _indikator_hook(converter: cattrs.Converter) -> Callable[[object, object], object]:
    base = _class_hook(Indikator, converter)

    def structure(value: object, _: object) -> object:
        obj = base(value, Indikator)
        assert isinstance(obj, Indikator)
        assert isinstance(value, Mapping)
        raw: list[tuple[str, object]] = [(f, value.get(f)) for f in _PROCENTFALT]
        utfall = value.get("utfall")
        if isinstance(utfall, Mapping):
            raw += [(f"utfall.{k}", v) for k, v in utfall.items()]
        for name, v in raw:
            if v is None:
                continue
            har_procent = isinstance(v, str) and v.strip().endswith("%")
            if obj.enhet is Indikatorenhet.ANDEL and not har_procent:
                raise IndataError(
                    f"indikatorn är en andel, så {name} ska skrivas med procenttecken "
                    f"(t.ex. '86%'), fick {describe(v)}",
                    Problemkod.VARDE,
                )
            if obj.enhet is Indikatorenhet.ANTAL and har_procent:
                raise IndataError(
                    f"indikatorn räknar antal, men {name} är en procentsats ({v!r}); "
                    "sätt enhet: andel eller ta bort procenttecknet",
                    Problemkod.VARDE,
                )
        return obj

    return structure


def _same_as(typ: object) -> Callable[[object], bool]:
    def matches(tp: object) -> bool:
        return bool(tp == typ)

    return matches


def make_converter() -> cattrs.Converter:
    """The converter from plain data to the model: every leaf type of :data:`INDATATYPER`,
    attrs classes with unknown keys refused (with a suggestion), lists, optional values,
    tagged choices (``ekonomi: …``) and the vocabularies."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # cattrs consults the most recently registered hook first: generic factories go in
    # first, the specific hooks after them.
    converter.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(t, converter))
    converter.register_structure_hook_factory(attrs.has, lambda t: _class_hook(t, converter))
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(t, converter))
    converter.register_structure_hook_func(_is_literal, structure_literal)
    converter.register_structure_hook_factory(_is_tom_union, lambda t: _tom_union_hook(t, converter))
    for rad in INDATATYPER:
        if isinstance(rad.typ, type):
            converter.register_structure_hook(rad.typ, rad.structure)
        else:  # an alias such as Text: matched by equality, not by class
            converter.register_structure_hook_func(_same_as(rad.typ), rad.structure)
    converter.register_structure_hook_func(
        lambda t: t == tuple[Matning, ...], lambda v, _: _matningar(v, converter)
    )
    converter.register_structure_hook_func(
        lambda t: t == Dokumentdel, _tagged(DELAR, "dokumentdel", converter)
    )
    converter.register_structure_hook_func(
        lambda t: t == Malpost, _tagged(POSTER, "post under målet", converter)
    )
    # The vocabularies are str subclasses: register each one directly, or the str hook
    # (found by class dispatch) would accept any text as a status.
    for enum_cls in (
        Status,
        Bedomning,
        Kontrollresultat,
        Indikatorenhet,
        Malniva,
        Rapporteringstyp,
        Trend,
        Volymtyp,
    ):
        converter.register_structure_hook(enum_cls, structure_enum)
    # Last: this builds its structuring function now, from the hooks registered above.
    converter.register_structure_hook(Indikator, _indikator_hook(converter))
    return converter


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_literal(tp: Any) -> bool:
    return get_origin(tp) is Literal


def _is_optional(tp: object) -> bool:
    args = get_args(tp)
    return get_origin(tp) in (UnionType, Union) and len(args) == 2 and type(None) in args


def _optional_hook(tp: object, converter: cattrs.Converter) -> Callable[[object, object], object]:
    (inner,) = [a for a in get_args(tp) if a is not type(None)]

    def structure(value: object, _: object) -> object:
        return None if value is None else converter.structure(value, inner)

    return structure


def _is_tom_union(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) in (UnionType, Union) and Tom in args and type(None) in args and len(args) == 3


def _tom_union_hook(tp: Any, converter: cattrs.Converter) -> Callable[[object, object], object]:
    """``X | Tom | None``: a reported value, ``tom`` for a cell printed empty, or nothing."""
    (inner,) = [a for a in get_args(tp) if a not in (Tom, type(None))]

    def structure(value: object, _: object) -> object:
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() == "tom":
            return TOM
        return converter.structure(value, inner)

    return structure


CONVERTER: Final = make_converter()
