"""README's two commands are the ones CI runs, and its Python example works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README, flags=re.S)


def test_readme_has_two_commands() -> None:
    """One command sets up and runs the main job, one sets up and runs the tests."""
    commands = _commands()
    assert len(commands) == 2
    for command in commands:
        assert "\n" not in command.strip(), "each command must be one copy-pastable line"
        assert command.startswith("python3 -m venv .venv && ")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """.ci/run contains README's test command verbatim."""
    test_command = _commands()[1].strip()
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_python_example_runs_and_prints_what_the_comments_say(tmp_path: Path) -> None:
    """The README's Python block runs, and each '# expected' comment is what it prints.

    It runs in a scratch folder with the samples beside it, so its out/ lands there."""
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    block = re.search(r"```python\n(.+?)\n```", README, flags=re.S)
    assert block is not None
    code = block.group(1)
    expected = [m.group(1).strip() for m in re.finditer(r"#\s*(.+)$", code, flags=re.M)]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, check=True, cwd=tmp_path
    ).stdout.decode("utf-8")
    printed = [line.replace("\xa0", " ") for line in out.splitlines()]
    assert printed[: len(expected)] == expected
