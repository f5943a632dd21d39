"""The pytest plugin delarsrapport installs: the ``docx_regression`` fixture.

Registered through the ``pytest11`` entry point, so any project that has delarsrapport
and pytest-regressions installed can golden-test its reports. The fixture only needs
pytest-regressions when a test asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from delarsrapport.testing import normalise

__all__ = ["DocxRegression", "docx_regression"]


class DocxRegression:
    """Compares a rendered .docx, normalised, with its golden file (a YAML file)."""

    def __init__(self, data_regression: Any) -> None:
        self._data_regression = data_regression

    def check(self, document: bytes | str | Path, basename: str | None = None) -> None:
        """Compare *document* with the golden file *basename*.yml next to the test.

        The golden file holds :func:`delarsrapport.testing.normalise` of the document.
        A missing golden file is written and the test fails, so that it is read before
        it is committed.
        """
        self._data_regression.check(normalise(document), basename=basename)

    def check_all(self, documents: Iterable[bytes | str | Path], basename: str | None = None) -> None:
        """Compare a whole report (the paths :func:`delarsrapport.render` returns) with one
        golden file, each document under its file name, in order."""
        data: dict[str, object] = {}
        for i, document in enumerate(documents, start=1):
            name = Path(document).name if not isinstance(document, bytes) else f"dokument {i}"
            data[name] = normalise(document)
        self._data_regression.check(data, basename=basename)


@pytest.fixture
def docx_regression(request: pytest.FixtureRequest) -> DocxRegression:
    """Golden-file comparison of rendered .docx files (needs pytest-regressions)."""
    try:
        data_regression = request.getfixturevalue("data_regression")
    except pytest.FixtureLookupError:
        pytest.fail("docx_regression behöver pytest-regressions: pip install pytest-regressions")
    return DocxRegression(data_regression)
