"""The examples in the docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import delarsrapport


def _modules() -> list[str]:
    names = ["delarsrapport"]
    for info in pkgutil.walk_packages(delarsrapport.__path__, "delarsrapport."):
        if not info.name.endswith("__main__"):  # importing it runs the command line
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    """Every >>> example in the package's docstrings runs and prints what it says."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0
