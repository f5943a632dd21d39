"""The public surface is what ``__all__`` says, no more and no less."""

from __future__ import annotations

import importlib
import types

import pytest

import delarsrapport


def test_all_is_the_front_doors_public_surface() -> None:
    """Every public name of the front door is in ``__all__``, and ``__all__`` names only those."""
    public = {
        n
        for n, v in vars(delarsrapport).items()
        if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    public |= {"Resultat", "render_many", "write_arbetsbok"}  # imported on first use (module __getattr__)
    assert {n for n in delarsrapport.__all__ if not n.startswith("_")} == public


@pytest.mark.parametrize("name", ["delarsrapport.formatting", "delarsrapport.model", "delarsrapport.testing"])
def test_all_of_a_public_module(name: str) -> None:
    """A public module exports every public class and function it defines, and only names it has."""
    module = importlib.import_module(name)
    defined = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_") and getattr(v, "__module__", None) == name and callable(v)
    }
    assert defined <= set(module.__all__)  # ruff (RUF022) keeps __all__ sorted
    assert all(hasattr(module, n) for n in module.__all__)


def test_every_exported_name_can_be_imported() -> None:
    """``from delarsrapport import *`` gives every name of ``__all__``."""
    namespace: dict[str, object] = {}
    exec("from delarsrapport import *", namespace)
    assert set(delarsrapport.__all__) <= set(namespace)


def test_dir_lists_the_public_names() -> None:
    """``dir(delarsrapport)`` shows what a user may use, as attrs' front door does."""
    assert set(dir(delarsrapport)) >= set(delarsrapport.__all__)
    assert not [n for n in dir(delarsrapport) if n.startswith("_") and not n.startswith("__")]


def test_the_lazy_exports_are_the_real_ones() -> None:
    """render_many and Resultat come from the batch module when first asked for."""
    from delarsrapport._render import batch

    assert delarsrapport.render_many is batch.render_many
    assert delarsrapport.Resultat is batch.Resultat
    from delarsrapport._render import arbetsbok

    assert delarsrapport.write_arbetsbok is arbetsbok.write_arbetsbok
    with pytest.raises(AttributeError):
        delarsrapport.finns_inte  # noqa: B018 - the attribute access is the test
