"""Golden files: every sample rendered with every shipped layout, normalised.

The snapshots under ``tests/test_golden/`` are the reviewed text of each report (all its
documents, under their file names): a change in the templates, the context or the
formatting shows up as a readable diff. After a deliberate change, regenerate with
``pytest tests/test_golden.py --force-regen`` and read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from delarsrapport import load, render

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_report_matches_its_golden_file(
    tmp_path: Path, docx_regression: Any, sample: str, layout: str
) -> None:
    paths = render(load(ROOT / "samples" / f"{sample}.yaml"), layout=layout, out_dir=tmp_path)
    docx_regression.check_all(paths, basename=f"{sample}--{layout}")
