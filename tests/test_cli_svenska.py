"""The command line speaks Swedish throughout: every help, every usage error (argparse's own
words included), --version, -q/-v and the documented exit statuses."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from delarsrapport import _cli
from delarsrapport._cli import SLUTSTATUS, main
from delarsrapport._cli.argparse_sv import MEDDELANDEN

ROOT = Path(__file__).resolve().parents[1]
SCN20 = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"

# Words argparse writes in English; none may reach a user.
ENGELSKA = re.compile(
    r"\busage\b|\boptions\b|positional arguments|show this help|\berror\b|\brequired\b|\binvalid\b"
    r"|choose from|\bexpected\b|unrecognized|\bignored\b|not allowed|\bambiguous\b|could match"
    r"|program's version|\bunknown parser\b",
    re.IGNORECASE,
)

KOMMANDON = [[], ["check"], ["render"], ["layout"], ["layout", "new"], ["layout", "check"], ["docs"]]


def _kor(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        status = main(argv)
    except SystemExit as exc:
        status = int(exc.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("kommando", KOMMANDON, ids=lambda k: " ".join(k) or "delarsrapport")
def test_every_help_is_swedish(kommando: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _kor([*kommando, "--help"], capsys)
    assert (status, err) == (0, "")
    assert out.startswith("användning: delarsrapport")
    assert "flaggor:" in out and "-h, --help" in out and "visa den här hjälpen och avsluta" in out
    assert ENGELSKA.search(out) is None, ENGELSKA.search(out)


def test_the_main_help_documents_the_exit_statuses_and_the_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _kor(["--help"], capsys)
    assert status == 0
    assert "slutstatus:\n" in out
    for kod in SLUTSTATUS:
        assert re.search(rf"^  {kod}  \S", out, flags=re.M), kod
    for kommando in ("check", "render", "layout", "docs"):
        assert re.search(rf"^    {kommando}\s", out, flags=re.M), kommando
    assert "--version" in out and "--quiet" in out and "--verbose" in out


# Every usage error argparse can give on this command line, and what the user reads.
FEL = [
    ([], "de här argumenten saknas: KOMMANDO"),
    (
        ["chek"],
        "argumentet KOMMANDO: ogiltigt val: 'chek' (välj bland 'check', 'render', 'arbetsbok', 'layout', 'docs')",
    ),
    (["check"], "de här argumenten saknas: fil"),
    (["check", "r.yaml", "--jsn"], "okända argument: --jsn"),
    (["render", "r.yaml", "--jobs"], "argumentet --jobs/-j: ett värde saknas"),
    (["render", "r.yaml", "--jobs", "tre"], "argumentet --jobs/-j: förväntade ett heltal, fick 'tre'"),
    (["render", "r.yaml", "--jobs", "0"], "argumentet --jobs/-j: förväntade ett heltal 1 eller mer, fick 0"),
    (["layout"], "de här argumenten saknas: KOMMANDO"),
    (["layout", "check"], "de här argumenten saknas: mapp"),
    (
        ["docs", "allt"],
        "argumentet VAD: ogiltigt val: 'allt' (välj bland 'mallguide', 'schema', 'indata', "
        "'kontroller', 'alla')",
    ),
    (["-q", "-v", "check", "r.yaml"], "argumentet -v/--verbose: kan inte kombineras med -q/--quiet"),
    (["check", "r.yaml", "--strict=ja"], "argumentet --strict: flaggan tar inget värde (fick 'ja')"),
    (["--ver"], "flaggan --ver kan vara flera: --version, --verbose"),
]


@pytest.mark.parametrize(("argv", "meddelande"), FEL, ids=[" ".join(a) or "(inget)" for a, _ in FEL])
def test_every_usage_error_is_swedish(
    argv: list[str], meddelande: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _kor(argv, capsys)
    assert (status, out) == (2, "")
    usage, fel = err.rstrip("\n").rsplit("\n", 1) if err.count("\n") > 1 else ("", err.rstrip("\n"))
    assert usage.startswith("användning: delarsrapport")
    assert re.fullmatch(r"delarsrapport( \w+)*: fel: " + re.escape(meddelande), fel), fel
    assert ENGELSKA.search(err) is None, err


def test_every_translated_message_id_is_argparse_s() -> None:
    """The table translates argparse's own message ids: each is in this Python's argparse."""
    import argparse

    kalla = Path(argparse.__file__).read_text(encoding="utf-8")
    okanda = [msgid for msgid in MEDDELANDEN if repr(msgid)[1:-1] not in kalla and msgid not in kalla]
    assert okanda == []


def test_version_is_the_installed_distribution_s(capsys: pytest.CaptureFixture[str]) -> None:
    """--version and delarsrapport.__version__ both read the package metadata (pyproject's version)."""
    import delarsrapport

    status, out, _ = _kor(["--version"], capsys)
    assert (status, out) == (0, f"delarsrapport {version('delarsrapport')}\n")
    assert delarsrapport.__version__ == version("delarsrapport")


def test_quiet_writes_only_errors_and_verbose_says_what_happens(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _kor(["check", str(SCN20), "--quiet"], capsys)
    assert (status, out, err) == (1, "", "")
    status, out, err = _kor(["-v", "check", str(SCN20)], capsys)
    assert status == 1 and out.startswith(str(SCN20))
    assert f"info: läser {SCN20}\n" in err
    status, out, err = _kor(["-q", "check", str(ROOT / "finns-inte.yaml")], capsys)
    assert (status, out) == (2, "") and "filen finns inte" in err


def test_findings_in_text_name_their_input_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _kor(["check", str(SCN20)], capsys)
    assert re.search(r"RAPP-AVRUNDNING  bilagor\[0\]\.\S+ \(rad \d+\)\n", out)


def test_an_internal_error_is_status_3_with_the_traceback_on_request(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def trasig(_: object) -> list[object]:
        raise RuntimeError("något gick sönder")

    monkeypatch.setattr(_cli, "check", trasig)
    status, _, err = _kor(["check", str(SCN20)], capsys)
    assert status == 3
    assert "internt fel i delarsrapport (RuntimeError: något gick sönder); det är en bugg" in err
    assert "Traceback" not in err
    status, _, err = _kor(["check", str(SCN20), "--verbose"], capsys)
    assert status == 3 and "fel: spårutskrift\nTraceback" in err


def test_docs_writes_what_docs_holds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """delarsrapport docs alla MAPP writes every generated page, identical to the committed ones."""
    status, out, _ = _kor(["docs", "alla", str(tmp_path)], capsys)
    assert status == 0
    skrivna = sorted(p.name for p in tmp_path.iterdir())
    assert skrivna == [
        "indata-referens.md",
        "indata.schema.json",
        "kontroll.schema.json",
        "kontroller.md",
        "layoutkontroll.schema.json",
        "mallguide.md",
    ]
    for namn in skrivna:
        assert (tmp_path / namn).read_bytes() == (ROOT / "docs" / namn).read_bytes(), namn
        assert f"skrev {tmp_path / namn}\n" in out


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``delarsrapport check … --json | head``: the reader went away; no bug report, status 2."""

    class Stangd:
        def write(self, _: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("sys.stdout", Stangd())
    assert main(["check", str(SCN20), "--json"]) == 2
    assert "internt fel" not in capsys.readouterr().err
