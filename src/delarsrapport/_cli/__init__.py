"""The ``delarsrapport`` command: check report data, render documents, work with layouts.

Everything it prints is Swedish, argparse's own words included
(:mod:`delarsrapport._cli.argparse_sv`). Results go to stdout, errors to stderr; diagnostics
go through the ``logging`` module (logger ``delarsrapport``) and show with ``--verbose``.
The exit statuses are :data:`SLUTSTATUS`, listed in ``--help``.

Each command is a sub-parser made by :func:`_kommando`, which gives it ``-q``/``-v`` and
its ``_cmd_…`` function (which returns the exit status); a new command or flag is added in
:func:`_parser` the same way.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from delarsrapport._check import Finding, check
from delarsrapport._check.koder import Severity
from delarsrapport._cli.argparse_sv import SvenskArgumentParser
from delarsrapport._errors import DelarsrapportError, LoadError
from delarsrapport._load import load
from delarsrapport._render.layout import INSTALLNINGSFIL, layout_mapp, new_layout, shipped_layouts
from delarsrapport._render.render import render

if TYPE_CHECKING:  # the print gate is imported when --utskrift asks for it
    from delarsrapport._designer.utskrift import Utskriftsfynd

__all__ = ["SLUTSTATUS", "main"]

LOG: Final = logging.getLogger("delarsrapport")

SLUTSTATUS: Final[dict[int, str]] = {
    0: "klart: kontrollen hittade inga fel, eller dokumenten skrevs",
    1: "kontrollen hittade fel (med --strict även varningar), och render --strict skrev därför "
    "inget; eller en rapport i en mapp misslyckades",
    2: "kommandot kunde inte utföras: fel i kommandoraden, indata eller en layout som inte går att "
    "läsa, en mall som fallerar, dokument som inte kunde skrivas",
    3: "internt fel i delarsrapport (en bugg); med --verbose skrivs spårutskriften",
}
"""The exit statuses of every command, as ``--help`` lists them."""

_FORKLARING = {
    Severity.FEL: "fel",
    Severity.VARNING: "varning",
    Severity.NOTERING: "notering",
}


def _summary(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)

    def n(sev: Severity, singular: str, plural: str) -> str:
        c = counts[sev]
        return f"{c} {singular if c == 1 else plural}"

    return ", ".join(
        [
            n(Severity.FEL, "fel", "fel"),
            n(Severity.VARNING, "varning", "varningar"),
            n(Severity.NOTERING, "notering", "noteringar"),
        ]
    )


class _Skrivbar(Protocol):
    def write(self, text: str, /) -> int: ...


def print_findings(findings: Sequence[Finding], out: _Skrivbar, *, only: set[Severity] | None = None) -> None:
    """Print findings grouped by document and section, in document order."""
    document = section = None
    for f in findings:
        if only is not None and f.severity not in only:
            continue
        if f.document != document:
            document, section = f.document, None
            out.write(f"\n{document}\n")
        if f.section != section:
            section = f.section
            out.write(f"  {section}\n")
        rad = f" (rad {f.line})" if f.line is not None else ""
        out.write(f"    {_FORKLARING[f.severity]:<9}{f.code}  {f.path}{rad}\n")
        out.write(f"             {f.message}\n")


class _Utskrift:
    """stdout, or nothing with ``--quiet``: where a command writes its results (not its errors)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.tyst: bool = args.quiet

    def write(self, text: str) -> int:
        return 0 if self.tyst else sys.stdout.write(text)


def _json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cmd_check(args: argparse.Namespace) -> int:
    from delarsrapport._cli.json_output import check_document, load_error_document

    LOG.info("läser %s", args.fil)
    try:
        rapport = load(args.fil, excel_radbrytningar=args.excel_radbrytningar, arbetsbok=args.arbetsbok)
    except LoadError as exc:
        if args.json:  # the problems as JSON too, with their codes and lines
            _json(load_error_document(str(args.fil), exc))
        raise
    findings = check(rapport)
    LOG.info("%s: %s", args.fil, _summary(findings))
    if args.json:
        _json(check_document(str(args.fil), findings))
    else:
        out = _Utskrift(args)
        out.write(f"{args.fil}: {_summary(findings)}\n")
        print_findings(findings, out)
    return _exit_status(findings, strict=args.strict)


def _cmd_render(args: argparse.Namespace) -> int:
    if len(args.fil) > 1 or args.fil[0].is_dir():
        if args.arbetsbok is not None:
            sys.stderr.write(
                "fel: --arbetsbok hör till en rapport; ange en rapportfil, inte flera eller en mapp\n"
            )
            return 2
        return _cmd_render_many(args)
    args.fil = args.fil[0]
    LOG.info("läser %s", args.fil)
    rapport = load(args.fil, excel_radbrytningar=args.excel_radbrytningar, arbetsbok=args.arbetsbok)
    findings = check(rapport)
    fel = [f for f in findings if f.severity is Severity.FEL]
    out = _Utskrift(args)
    out.write(f"{args.fil}: {_summary(findings)}\n")
    if fel:
        print_findings(fel, out)
        out.write("\n")
        if args.strict:
            sys.stderr.write(
                "inga dokument skapades (--strict): rätta felen ovan, "
                "eller kör utan --strict för att skapa dokumenten med de framräknade siffrorna\n"
            )
            return 1
    layout = _layout_arg(args.layout or "uppsala")
    LOG.info("skapar dokumenten med layouten %s i %s", layout, args.o)
    # Rendered before the note is printed: a layout whose templates are refused creates
    # nothing, and then the note would say the opposite of what happened.
    paths = render(rapport, layout=layout, out_dir=args.o, samlad=args.samlad, pdf=args.pdf)
    if fel:
        out.write(
            "Dokumenten skapades ändå och visar de framräknade siffrorna. "
            f"Kör 'delarsrapport check {args.fil}' för alla fynd.\n"
        )
    for path in paths:
        out.write(f"skrev {path}\n")
    return 0


def _cmd_render_many(args: argparse.Namespace) -> int:
    # A batch needs the process pool and the progress bar; one report does not, so they
    # are imported here rather than when the command line starts.
    from tqdm import tqdm

    from delarsrapport._render.batch import Resultat, render_many, report_files

    filer = report_files(args.fil)
    if not filer:
        sys.stderr.write(
            f"fel: hittade inga rapportfiler (.yaml, .yml, .json) i {' '.join(map(str, args.fil))}\n"
        )
        return 2
    LOG.info("skapar %d rapporter i %s", len(filer), args.o)
    bar = tqdm(total=len(filer), unit="rapport", disable=not sys.stderr.isatty(), file=sys.stderr)

    def klar(_: Resultat) -> None:
        bar.update(1)

    with bar:
        resultat = render_many(
            filer,
            layout=_layout_arg(args.layout or "uppsala"),
            out_dir=args.o,
            jobs=args.jobs,
            strict=args.strict,
            excel_radbrytningar=args.excel_radbrytningar,
            samlad=args.samlad,
            pdf=args.pdf,
            progress=klar,
        )
    misslyckade = [r for r in resultat if not r.ok]
    med_fel = [r for r in resultat if r.ok and r.antal_fel]
    dokument = sum(len(r.dokument) for r in resultat)
    out = _Utskrift(args)
    for r in misslyckade:  # an error: on stderr when the results are not wanted
        problem = str(r.problem).replace("\n", "\n    ")
        (sys.stderr if args.quiet else sys.stdout).write(f"misslyckades: {r.fil}\n    {problem}\n")
    for r in med_fel:
        out.write(
            f"{r.fil}: {r.antal_fel} fel i kontrollen; dokumenten visar de framräknade siffrorna "
            f"(kör 'delarsrapport check {r.fil}')\n"
        )
    out.write(
        f"{len(resultat)} rapporter: {len(resultat) - len(misslyckade)} skapade med {dokument} dokument "
        f"i {args.o}, {len(misslyckade)} misslyckades\n"
    )
    return 1 if misslyckade else 0


def _cmd_arbetsbok(args: argparse.Namespace) -> int:
    from delarsrapport._render.arbetsbok import write_arbetsbok

    LOG.info("läser %s", args.fil)
    rapport = load(args.fil, excel_radbrytningar=args.excel_radbrytningar, arbetsbok=args.arbetsbok)
    fil = write_arbetsbok(rapport, args.o)
    _Utskrift(args).write(
        f"skrev {fil}\n"
        f"  fyll i de gula cellerna i Excel; läs in med:  delarsrapport check {args.fil} --arbetsbok {fil}\n"
    )
    return 0


def _cmd_layout_new(args: argparse.Namespace) -> int:
    mapp = new_layout(args.namn, fran=_layout_arg(args.fran), katalog=args.mapp)
    _Utskrift(args).write(
        f"skapade layouten {mapp}\n"
        f"  ändra mallarna (*.docx) i Word eller LibreOffice och orden i {mapp / INSTALLNINGSFIL}\n"
        f"  kontrollera:  delarsrapport layout check {mapp}\n"
        f"  prova:        delarsrapport render RAPPORT.yaml --layout {mapp} -o ut/\n"
    )
    return 0


def _cmd_layout_check(args: argparse.Namespace) -> int:
    from delarsrapport._cli.json_output import layout_document
    from delarsrapport._designer import check_layout

    katalog = layout_mapp(_layout_arg(args.mapp))
    LOG.info("kontrollerar layouten %s", katalog)
    fynd = check_layout(katalog)
    antal = Counter(f.severity for f in fynd)
    utskrift = _utskrift(katalog, args) if (args.utskrift or args.prov) and not antal[Severity.FEL] else None
    if args.json:
        _json(layout_document(str(katalog), fynd, utskrift))
    elif not args.quiet:
        fel, varningar = antal[Severity.FEL], antal[Severity.VARNING]
        sys.stdout.write(
            f"{katalog}: {fel} fel, {varningar} {'varning' if varningar == 1 else 'varningar'}\n"
        )
        fil = None
        for f in fynd:
            if f.fil != fil:
                fil = f.fil
                sys.stdout.write(f"\n{fil}\n")
            sys.stdout.write(f"  {_FORKLARING[f.severity]:<9}{f.kod}  {f.plats}\n")
            sys.stdout.write(f"           {f.meddelande}\n")
            sys.stdout.write(f"           åtgärd: {f.atgard}\n")
        if not fynd:
            sys.stdout.write("Layouten följer mallkontraktet.\n")
        if (args.utskrift or args.prov) and antal[Severity.FEL]:
            sys.stdout.write(
                "\nSidorna granskades inte: rätta felen ovan först, mallarna går inte att använda.\n"
            )
        if utskrift is not None:
            _skriv_utskrift(*utskrift)
    return 1 if antal[Severity.FEL] or (utskrift is not None and utskrift[1]) else 0


def _utskrift(katalog: Path, args: argparse.Namespace) -> tuple[list[Path], list[Utskriftsfynd]]:
    """The print gate over the reports of --prov, or the bundled samples."""
    from delarsrapport._designer.utskriftsprov import exempelrapporter, granska_utskrift

    prov = list(args.prov) if args.prov else exempelrapporter()
    return prov, granska_utskrift(katalog, prov)


def _skriv_utskrift(prov: Sequence[Path], fynd: Sequence[Utskriftsfynd]) -> None:
    sys.stdout.write(
        f"\nSidorna (PDF från LibreOffice) med {len(prov)} "
        f"{'rapport' if len(prov) == 1 else 'rapporter'}: {', '.join(p.name for p in prov)}\n"
    )
    plats = None
    for f in fynd:
        if (f.rapport, f.dokument) != plats:
            plats = (f.rapport, f.dokument)
            sys.stdout.write(f"\n{f.rapport}: {f.dokument}\n")
        sys.stdout.write(f"  sida {f.sida:<4}{f.kod}  {f.meddelande}\n")
    if fynd:
        sys.stdout.write(f"\n{len(fynd)} fynd i utskriften.\n")
    else:
        sys.stdout.write(
            "Inga fynd: inga avstavade ord, rubriker sist på sidan, delade rader, "
            "tomma tabeller eller text utanför marginalen.\n"
        )


def _cmd_docs(args: argparse.Namespace) -> int:
    from delarsrapport._docgen.alla import DOKUMENTATION

    mapp = args.mapp
    for namn in DOKUMENTATION if args.vad == "alla" else [args.vad]:
        LOG.info("skriver %s till %s", namn, mapp)
        for path in DOKUMENTATION[namn](mapp):
            _Utskrift(args).write(f"skrev {path}\n")
    return 0


def _layout_arg(value: str) -> str | Path:
    """A layout given on the command line: a folder if one exists there, otherwise a name."""
    return Path(value) if Path(value).is_dir() else value


def _exit_status(findings: Sequence[Finding], *, strict: bool) -> int:
    severities = {f.severity for f in findings}
    if Severity.FEL in severities or (strict and Severity.VARNING in severities):
        return 1
    return 0


def _heltal(text: str) -> int:
    """An argument that must be a whole number ≥ 1 (``--jobs``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"förväntade ett heltal, fick {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"förväntade ett heltal 1 eller mer, fick {value}")
    return value


def _indata_argument(p: argparse.ArgumentParser, *, flera: bool = False) -> None:
    """The report file (or files) and how to read it, shared by check and render."""
    if flera:
        p.add_argument(
            "fil",
            type=Path,
            nargs="+",
            help="rapportdata i YAML eller JSON; flera filer eller en mapp skapar varje rapport i "
            "en egen undermapp av -o",
        )
    else:
        p.add_argument("fil", type=Path, help="rapportdata i YAML eller JSON")
    p.add_argument(
        "--excel-radbrytningar",
        action="store_true",
        help="läs Excels vertikala tabb (radbrytning i en cell) som radbrytning",
    )
    p.add_argument(
        "--arbetsbok",
        type=Path,
        metavar="FIL",
        help="Excel-arbetsbok (från 'delarsrapport arbetsbok') vars belopp ersätter rapportfilens",
    )


def _utskriftsflaggor(p: argparse.ArgumentParser, *, standard: Any) -> None:
    """``-q`` and ``-v``: on the main parser (defaults) and on every command (suppressed
    defaults, so that a flag before the command is not undone by the command's parser)."""
    grupp = p.add_mutually_exclusive_group()
    grupp.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=standard if standard is argparse.SUPPRESS else False,
        help="skriv bara fel (på stderr) och JSON som begärs; slutstatusen säger resultatet",
    )
    grupp.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=standard if standard is argparse.SUPPRESS else 0,
        help="skriv också vad kommandot gör (-vv: med detaljer för felsökning)",
    )


def _kommando(
    sub: Any, namn: str, func: Callable[[argparse.Namespace], int], *, help: str, description: str
) -> argparse.ArgumentParser:
    """A command: its parser with -q/-v, its help, and the function that runs it."""
    p: argparse.ArgumentParser = sub.add_parser(namn, help=help, description=description)
    _utskriftsflaggor(p, standard=argparse.SUPPRESS)
    p.set_defaults(func=func)
    return p


def _epilog() -> str:
    rader = "\n".join(f"  {kod}  {text}" for kod, text in SLUTSTATUS.items())
    return f"slutstatus:\n{rader}\n\nMer hjälp om ett kommando: delarsrapport KOMMANDO --help"


def _parser() -> argparse.ArgumentParser:
    parser = SvenskArgumentParser(
        prog="delarsrapport",
        description="Delårsrapporter för svenska nämnder: kontrollera data och skapa .docx-handlingar.",
        epilog=_epilog(),
    )
    parser.add_version()
    _utskriftsflaggor(parser, standard=None)
    sub = parser.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO", title="kommandon")

    p = _kommando(
        sub,
        "check",
        _cmd_check,
        help="kontrollera en rapports siffror, datum, bilagor och texter",
        description="Kontrollerar rapportdata och skriver varje fynd med kod, plats (fältets sökväg "
        "och raden i filen) och siffror. Avslutas med status 1 om något fel hittas (med --strict även "
        "vid varningar), med status 2 om filen inte går att läsa.",
    )
    _indata_argument(p)
    p.add_argument(
        "--json",
        action="store_true",
        help="skriv fynden (eller problemen i indata) som JSON, i formen docs/kontroll.schema.json",
    )
    p.add_argument("--strict", action="store_true", help="avsluta med status 1 även vid varningar")

    p = _kommando(
        sub,
        "render",
        _cmd_render,
        help="skapa rapportens .docx-handlingar (tjänsteskrivelse och bilagor)",
        description="Läser och kontrollerar rapportdata och skapar tjänsteskrivelsen och varje bilaga "
        "som .docx med en layout. Fel som kontrollen hittar skrivs ut; dokumenten skapas ändå och "
        "visar alltid de framräknade siffrorna (med --strict skapas inget om något fel hittas).",
    )
    _indata_argument(p, flera=True)
    p.add_argument(
        "--jobs",
        "-j",
        type=_heltal,
        metavar="N",
        help="antal processer när flera rapporter skapas (standard: en per processorkärna)",
    )
    p.add_argument(
        "--layout",
        metavar="NAMN|MAPP",
        help=f"layoutens namn ({', '.join(shipped_layouts())}) eller en layoutmapp; standard uppsala",
    )
    p.add_argument(
        "-o", metavar="MAPP", type=Path, default=Path("out"), help="mappen dokumenten skrivs till (out)"
    )
    p.add_argument("--strict", action="store_true", help="skapa inga dokument om kontrollen hittar fel")
    p.add_argument(
        "--samlad",
        action="store_true",
        help="en samlad handling i ett dokument: försättsblad med dagordning (när layouten har ett), "
        "sedan varje ärendes tjänsteskrivelse och bilagor",
    )
    p.add_argument(
        "--pdf",
        action="store_true",
        help="en tillgänglig PDF bredvid varje .docx (kräver LibreOffice)",
    )

    p = _kommando(
        sub,
        "arbetsbok",
        _cmd_arbetsbok,
        help="skriv rapportens ekonomiska tabeller som en Excel-arbetsbok att fylla i",
        description="Skriver en Excel-arbetsbok med ett blad per ekonomisk tabell: gula celler fylls i, "
        "grå räknas fram med formler. Läs in den med --arbetsbok på check och render.",
    )
    _indata_argument(p)
    p.add_argument(
        "-o",
        metavar="FIL",
        type=Path,
        default=Path("ekonomi.xlsx"),
        help="arbetsboken som skrivs (ekonomi.xlsx)",
    )

    layout = sub.add_parser(
        "layout",
        help="arbeta med layouter (mallar och inställningar)",
        description="Skapa och kontrollera layouter: en mapp med en .docx-mall per dokumentslag "
        "och inställningsfilen installningar.yaml.",
    )
    _utskriftsflaggor(layout, standard=argparse.SUPPRESS)
    lsub = layout.add_subparsers(dest="layoutkommando", required=True, metavar="KOMMANDO", title="kommandon")
    p = _kommando(
        lsub,
        "new",
        _cmd_layout_new,
        help="kopiera en layout till en ny mapp att ändra i",
        description="Kopierar en layout (mallar och inställningar) till MAPP/NAMN. Kopian går att "
        "skapa dokument med direkt; ändra sedan mallarna i Word och orden i installningar.yaml.",
    )
    p.add_argument("namn", help="den nya layoutens namn, t.ex. mitt-kommun")
    p.add_argument("mapp", nargs="?", type=Path, default=Path("."), help="mappen den skapas i (.)")
    p.add_argument(
        "--from",
        dest="fran",
        default="uppsala",
        metavar="NAMN|MAPP",
        help=f"layouten att kopiera ({', '.join(shipped_layouts())} eller en mapp); standard uppsala",
    )

    p = _kommando(
        lsub,
        "check",
        _cmd_layout_check,
        help="kontrollera en layouts mallar och inställningar utan rapportdata",
        description="Kontrollerar varje mall i layouten mot mallkontraktet (docs/mallguide.md) och "
        "inställningsfilen, och skriver alla problem på en gång med fil, del, stycke eller "
        "tabellcell och dess text. Avslutas med status 1 om något fel hittas.",
    )
    p.add_argument("mapp", help="layoutmappen (eller namnet på en layout som följer med)")
    p.add_argument(
        "--json",
        action="store_true",
        help="skriv fynden som JSON, i formen docs/layoutkontroll.schema.json",
    )
    p.add_argument(
        "--utskrift",
        action="store_true",
        help="granska också sidorna: skapa dokument med exempelrapporter, gör PDF med LibreOffice "
        "och leta efter avstavade ord, rubriker sist på sidan, delade rader och text utanför marginalen",
    )
    p.add_argument(
        "--prov",
        type=Path,
        nargs="+",
        metavar="RAPPORT",
        help="rapportfiler att granska sidorna med (standard: exempelrapporterna som följer med)",
    )

    p = _kommando(
        sub,
        "docs",
        _cmd_docs,
        help="skriv den genererade dokumentationen (Mallguiden, JSON Schema, indatareferensen)",
        description="Skriver dokumentationen som genereras ur koden till MAPP, så att den stämmer med "
        "den installerade versionen: mallguide (mallguide.md), schema (indata.schema.json, "
        "kontroll.schema.json, layoutkontroll.schema.json), indata (indata-referens.md), "
        "kontroller (kontroller.md) eller alla.",
    )
    p.add_argument(
        "vad",
        choices=["mallguide", "schema", "indata", "kontroller", "alla"],
        metavar="VAD",
        help="mallguide, schema, indata, kontroller eller alla",
    )
    p.add_argument(
        "mapp", nargs="?", type=Path, default=Path("."), metavar="MAPP", help="mappen filerna skrivs till (.)"
    )
    return parser


def _tyst_stdout() -> None:
    """Point stdout at the null device, so that Python's own flush at exit cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


@contextmanager
def _loggning(verbose: int, quiet: bool) -> Iterator[None]:
    """Diagnostics of the logger ``delarsrapport`` on stderr for one run, at the level the flags ask."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    niva = (
        logging.ERROR
        if quiet
        else logging.DEBUG
        if verbose > 1
        else logging.INFO
        if verbose
        else logging.WARNING
    )
    tidigare = LOG.level
    LOG.addHandler(handler)
    LOG.setLevel(niva)
    try:
        yield
    finally:
        LOG.removeHandler(handler)
        LOG.setLevel(tidigare)


class _Formatter(logging.Formatter):
    """``info: läser rapport.yaml``: the level in Swedish, then the message."""

    NIVAER: Final = {
        logging.DEBUG: "felsökning",
        logging.INFO: "info",
        logging.WARNING: "varning",
        logging.ERROR: "fel",
        logging.CRITICAL: "fel",
    }

    def format(self, record: logging.LogRecord) -> str:
        text = f"{self.NIVAER.get(record.levelno, record.levelname.lower())}: {record.getMessage()}"
        if record.exc_info:
            text += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
        return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (:data:`SLUTSTATUS`)."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    # argparse cannot take an optional positional after an option, but the natural order is
    # "layout new NAMN --from uppsala MAPP": a single leftover word is the folder.
    if (
        rest
        and getattr(args, "layoutkommando", None) == "new"
        and args.mapp == Path(".")
        and len(rest) == 1
        and not rest[0].startswith("-")
    ):
        args.mapp, rest = Path(rest[0]), []
    if rest:
        parser.error(f"okända argument: {' '.join(rest)}")
    with _loggning(args.verbose, args.quiet):
        try:
            status: int = args.func(args)
        except LoadError as exc:
            sys.stderr.write(f"{exc}\n")
            return 2
        except DelarsrapportError as exc:
            sys.stderr.write(f"fel: {exc}\n")
            return 2
        except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly
            _tyst_stdout()
            return 2
        except Exception as exc:  # a bug: say so in Swedish, the traceback with --verbose
            if args.verbose:
                LOG.error("spårutskrift", exc_info=True)
            sys.stderr.write(
                f"internt fel i delarsrapport ({type(exc).__name__}: {exc}); det är en bugg. "
                "Kör igen med --verbose för spårutskriften och rapportera den.\n"
            )
            return 3
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
