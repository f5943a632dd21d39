"""argparse in Swedish: the parser the command line is built with.

argparse writes its own words ("usage:", "options", "the following arguments are
required") through gettext's process-wide default domain, which a library cannot set
without changing every other program in the process and without reading ``LANG``. So the
command line uses this subclass instead, which needs neither:

- the words of the help (the usage prefix, the section titles, ``-h`` and ``--version``)
  are given in Swedish where argparse takes them as arguments;
- the messages of a usage error, which argparse formats from its own English message ids
  before it calls :meth:`SvenskArgumentParser.error`, are translated back from those ids
  (:data:`MEDDELANDEN`), the same ids a gettext catalogue for argparse translates.

A message id this table does not know (from a Python that changed one) is printed as it
is; ``tests/test_cli_svenska.py`` runs every usage error the command line can give.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from typing import Any, Final, NoReturn

__all__ = ["MEDDELANDEN", "SvenskArgumentParser", "SvenskHelpFormatter", "oversatt"]

MEDDELANDEN: Final[dict[str, str]] = {
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "de här argumenten saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde för %(type)s: %(value)r",
    "expected one argument": "ett värde saknas",
    "expected at most one argument": "högst ett värde får anges",
    "expected at least one argument": "minst ett värde saknas",
    "expected %s argument": "väntade %s värde",
    "expected %s arguments": "väntade %s värden",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s kan vara flera: %(matches)s",
    "not allowed with argument %s": "kan inte kombineras med %s",
    "ignored explicit argument %r": "flaggan tar inget värde (fick %r)",
    "one of the arguments %s is required": "ett av argumenten %s måste anges",
    "unexpected option string: %s": "oväntad flagga: %s",
}
"""argparse's message ids (Python 3.11–3.13) and their Swedish text, in gettext's format."""


def _monster(msgid: str) -> re.Pattern[str]:
    """A pattern that matches what *msgid* gives when argparse fills in its placeholders."""
    delar = re.split(r"(%\((\w+)\)[sr]|%[sr])", msgid)
    # re.split with two groups gives: text, placeholder, name-or-None, text, …
    monster = ""
    namnlosa = 0
    for i in range(0, len(delar), 3):
        monster += re.escape(delar[i])
        if i + 1 < len(delar):
            namn = delar[i + 2]
            if namn is None:
                namn = f"_{namnlosa}"
                namnlosa += 1
            monster += f"(?P<{namn}>.+?)"
    return re.compile(monster, re.DOTALL)


_MONSTER: Final = [(_monster(msgid), sv) for msgid, sv in MEDDELANDEN.items()]


def oversatt(meddelande: str) -> str:
    """argparse's English *meddelande* in Swedish (an inner message translated too).

    >>> oversatt("argument --jobs/-j: expected one argument")
    'argumentet --jobs/-j: ett värde saknas'
    >>> oversatt("argument KOMMANDO: invalid choice: 'chek' (choose from 'check', 'render')")
    "argumentet KOMMANDO: ogiltigt val: 'chek' (välj bland 'check', 'render')"
    """
    for monster, sv in _MONSTER:
        m = monster.fullmatch(meddelande)
        if m is not None:
            return _fyll(sv, m.groupdict())
    return meddelande


def _fyll(mall: str, varden: dict[str, str]) -> str:
    """*mall* with each placeholder replaced by the text argparse put in its place."""
    if "message" in varden:
        varden["message"] = oversatt(varden["message"])
    if "type" in varden:
        varden["type"] = _TYPNAMN.get(varden["type"], varden["type"])
    namnlosa = iter([v for k, v in sorted(varden.items()) if k.startswith("_")])

    def ersatt(platshallare: re.Match[str]) -> str:
        namn = platshallare.group(1)
        return varden[namn] if namn else next(namnlosa)

    return re.sub(r"%(?:\((\w+)\))?[sr]", ersatt, mall)


_TYPNAMN: Final = {"int": "heltal", "float": "tal", "Path": "sökväg"}


class SvenskHelpFormatter(argparse.HelpFormatter):
    """The help with a Swedish usage prefix. A description or epilog is wrapped line by line,
    so a table such as the exit statuses (``  0  klart``) keeps its rows, each wrapped under
    its text."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        rader: list[str] = []
        for rad in text.splitlines():
            if not rad.strip():
                rader.append("")
                continue
            inledning = rad[: len(rad) - len(rad.lstrip())]
            resten = rad.lstrip()
            etikett = re.match(r"\S+ {2,}", resten)
            hang = inledning + " " * (etikett.end() if etikett else 0)
            rader.append(
                textwrap.fill(
                    resten,
                    width,
                    initial_indent=indent + inledning,
                    subsequent_indent=indent + hang,
                    break_on_hyphens=False,  # ".docx-handlingar" stays whole
                )
            )
        return "\n".join(rader)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Version(argparse.Action):
    """Prints ``delarsrapport 0.1.0`` and exits; the version is read from the package's
    metadata only then, so it costs a normal start nothing."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from delarsrapport import __version__

        sys.stdout.write(f"{parser.prog} {__version__}\n")
        parser.exit()


class SvenskArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and usage errors are Swedish (its sub-parsers too)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", SvenskHelpFormatter)
        kwargs["add_help"] = False  # our own -h, with Swedish help
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="visa den här hjälpen och avsluta",
            )

    def add_version(self) -> None:
        """``--version``: print the program's name and the installed version, and exit."""
        self.add_argument("--version", action=_Version, help="visa programmets version och avsluta")

    def error(self, message: str) -> NoReturn:
        """Print the usage and the message in Swedish on stderr, and exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fel: {oversatt(message)}\n")
