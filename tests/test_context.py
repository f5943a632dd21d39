"""The context package: every view of the designer contract is importable from it, and every
view is built with keywords."""

from __future__ import annotations

import importlib
import pkgutil
import types

import attrs

from delarsrapport import _context


def _vyer_i_modulerna() -> set[type]:
    """Every view class a module of the package defines."""
    vyer: set[type] = set()
    for info in pkgutil.iter_modules(_context.__path__, f"{_context.__name__}."):
        modul = importlib.import_module(info.name)
        vyer |= {
            v
            for v in vars(modul).values()
            if isinstance(v, type) and v.__module__ == modul.__name__ and v.__name__.endswith("Vy")
        }
    return vyer


def test_every_view_is_exported_from_the_package() -> None:
    """The Mallguide and layout check find the views through the package, so none may be missing."""
    vyer = _vyer_i_modulerna()
    assert len(vyer) > 50  # the walk found the views
    assert {v.__name__ for v in vyer} <= set(_context.__all__)
    assert all(getattr(_context, v.__name__) is v for v in vyer)


def test_all_is_the_public_surface() -> None:
    publika = {
        n for n, v in vars(_context).items() if not n.startswith("_") and not isinstance(v, types.ModuleType)
    }
    assert sorted(_context.__all__) == sorted(publika)


def test_views_are_keyword_only() -> None:
    """A view with twenty fields is built by name, never by position."""
    for vy in _vyer_i_modulerna():
        assert all(f.kw_only for f in attrs.fields(vy)), vy.__name__
