"""Data a layout never shows: ``layout check`` warns (MALL-VISAS-INTE) about each input field
a layout never prints, ``visas_inte`` in installningar.yaml silences it with a reason, and a
stale or misspelt entry is a warning at its line (MALL-VISAS-INTE-POST)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest

from delarsrapport import load, render
from delarsrapport._cli import main
from delarsrapport._designer import check_layout
from delarsrapport._designer.check import Severity
from delarsrapport._designer.visas import matbara_falt, visade, vyplats
from wordmall import redigera, stycke, ta_bort

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"

#: The paragraphs of Uppsala's verksamhet.docx that print the åtgärdsdel's heading and introduction.
ATGARDSDELENS_BORJAN = (
    "{{ verksamhet.atgardsdel.rubrik }}",
    "{{p verksamhet.atgardsdel.inledning|stycken(3) }}",
)


@pytest.fixture
def exempelby(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A layout made with ``layout new`` from uppsala, whose verksamhet.docx no longer prints
    the åtgärdsdel's heading and introduction."""
    assert main(["layout", "new", "exempelby", "--from", "uppsala", str(tmp_path / "mallar")]) == 0
    capsys.readouterr()
    katalog = tmp_path / "mallar" / "exempelby"
    with redigera(katalog / "verksamhet.docx") as rot:
        for innehall in ATGARDSDELENS_BORJAN:
            ta_bort(stycke(rot, innehall))
    return katalog


def _lagg_till(katalog: Path, *rader: str) -> list[int]:
    """Append *rader* to the layout's visas_inte block (the settings file's last block); their
    line numbers."""
    fil = katalog / "installningar.yaml"
    text = fil.read_text(encoding="utf-8")
    assert text.rstrip("\n").splitlines()[-1].startswith("  "), "visas_inte är inte sista blocket"
    fore = len(text.rstrip("\n").splitlines())
    fil.write_text(text.rstrip("\n") + "\n" + "".join(f"  {r}\n" for r in rader), encoding="utf-8")
    return [fore + 1 + i for i in range(len(rader))]


def test_a_removed_section_warns_about_exactly_its_fields(exempelby: Path) -> None:
    fynd = check_layout(exempelby)

    assert [(f.kod, f.severity, f.fil, f.plats) for f in fynd] == [
        ("MALL-VISAS-INTE", Severity.VARNING, "verksamhet.docx", "indatafältet Atgardsdel.rubrik"),
        ("MALL-VISAS-INTE", Severity.VARNING, "verksamhet.docx", "indatafältet Atgardsdel.inledning"),
    ]
    rubrik = fynd[0]
    # The field in the input reference's words, and the document kind it belongs to.
    assert rubrik.meddelande.startswith(
        "layouten skriver aldrig ut Atgardsdel.rubrik (Uppföljningens andra del"
    )
    assert "Delens rubrik" in rubrik.meddelande
    assert rubrik.meddelande.endswith("fältet hör till verksamhetsuppföljningen (verksamhet.docx)")
    # Show it with the Mallguide's variable, or say why under visas_inte.
    assert "visa det i verksamhet.docx med verksamhet.atgardsdel.rubrik (se AtgardsdelVy" in rubrik.atgard
    assert (
        "skriv raden 'Atgardsdel.rubrik: ' och skälet under visas_inte i installningar.yaml" in rubrik.atgard
    )


def test_listing_the_fields_with_a_reason_silences_them(exempelby: Path) -> None:
    _lagg_till(
        exempelby,
        "Atgardsdel.rubrik: Formen har ingen egen rubrik för åtgärderna.",
        "Atgardsdel.inledning: Formen har ingen inledning till åtgärderna.",
    )

    assert check_layout(exempelby) == []


def test_a_stale_a_misspelt_and_an_unexplained_entry_are_warned_at_their_line(exempelby: Path) -> None:
    rad_fel, rad_stale, rad_tom, rad_styr = _lagg_till(
        exempelby,
        "Atgardsdel.rubrik: Formen har ingen egen rubrik för åtgärderna.",
        "Atgardsdel.inledningg: Formen har ingen inledning till åtgärderna.",
        "Namnd.namn: Formen skriver aldrig nämndens namn.",
        'Atgardsdel.inledning: ""',
        "Rapportering.ks_beslut: Etiketten räcker.",
    )[1:]  # the first entry is right; Namnd.namn is printed by every shipped layout

    fynd = {f.sokvag: f for f in check_layout(exempelby)}

    assert set(fynd) == {
        "visas_inte.Atgardsdel.inledningg",
        "visas_inte.Namnd.namn",
        "visas_inte.Atgardsdel.inledning",
        "visas_inte.Rapportering.ks_beslut",
    }
    assert {f.kod for f in fynd.values()} == {"MALL-VISAS-INTE-POST"}
    assert {f.fil for f in fynd.values()} == {"installningar.yaml"}
    assert {f.severity for f in fynd.values()} == {Severity.VARNING}

    fel = fynd["visas_inte.Atgardsdel.inledningg"]
    assert fel.rad == rad_fel
    assert "som inte är något fält i indata; menade du 'Atgardsdel.inledning'?" in fel.meddelande

    stale = fynd["visas_inte.Namnd.namn"]
    assert stale.rad == rad_stale
    assert stale.meddelande == "visas_inte listar Namnd.namn, men layouten skriver ut fältet"
    assert stale.atgard == "ta bort raden ur installningar.yaml"

    tom = fynd["visas_inte.Atgardsdel.inledning"]
    assert tom.rad == rad_tom
    assert tom.meddelande == "visas_inte listar Atgardsdel.inledning utan skäl"

    styr = fynd["visas_inte.Rapportering.ks_beslut"]
    assert styr.rad == rad_styr
    assert "det styr hur något skrivs" in styr.meddelande


def test_the_warnings_as_json_follow_the_schema(exempelby: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _lagg_till(exempelby, "Namnd.namn: Formen skriver aldrig nämndens namn.")

    assert main(["layout", "check", str(exempelby), "--json"]) == 0  # varningar only
    data = json.loads(capsys.readouterr().out)

    schema = json.loads((ROOT / "docs" / "layoutkontroll.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert [(f["kod"], f["grad"], f["sokvag"]) for f in data["fynd"]] == [
        ("MALL-VISAS-INTE-POST", "varning", "visas_inte.Namnd.namn"),
        ("MALL-VISAS-INTE", "varning", None),
        ("MALL-VISAS-INTE", "varning", None),
    ]


def test_render_refuses_nothing_because_of_them(exempelby: Path, tmp_path: Path) -> None:
    assert {f.kod for f in check_layout(exempelby)} == {"MALL-VISAS-INTE"}

    filer = render(load(SAMPLE), layout=exempelby, out_dir=tmp_path / "ut")

    assert [f.name for f in filer] and all(f.is_file() for f in filer)


def test_fields_that_only_the_check_compares_or_that_steer_are_never_measured() -> None:
    """The rule, not a list: what a source printed (``rapporterat``), a unit, and the fields
    that steer how something is written are not measured, so never warned about."""
    falt = set(matbara_falt())

    assert not {f for f in falt if f[1].startswith("rapporterat") or f[1].endswith("_rapporterat")}
    assert ("Rapportering", "ks_beslut") not in falt and ("Indikator", "enhet") not in falt
    assert ("Atgardsdel", "rubrik") in falt and vyplats(("Atgardsdel", "rubrik")) is not None


def test_the_measurement_sees_the_removed_paragraphs(exempelby: Path) -> None:
    visas = visade(exempelby)
    uppsala = visade(ROOT / "templates" / "uppsala")

    andrat = {f for f in matbara_falt() if visas[f] != uppsala[f]}

    assert andrat == {("Atgardsdel", "rubrik"), ("Atgardsdel", "inledning")}


# -- the maintainer's command -----------------------------------------------------------------


def _mallverktyg() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mallverktyg", ROOT / "tools" / "mallverktyg.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_block_the_tool_writes_keeps_the_reasons_and_asks_for_new_ones(exempelby: Path) -> None:
    _lagg_till(exempelby, "Namnd.namn: Formen skriver aldrig nämndens namn.")
    mv = _mallverktyg()

    block = mv.visas_inte(str(exempelby))

    rader = block.splitlines()
    assert rader[2] == "visas_inte:"
    assert (
        "  Kommun.namn: Formen skriver inte kommunens namn för sig; det står i postadressen i brevhuvudet."
        in rader
    )
    assert [r for r in rader if r.startswith("  Atgardsdel.")] == [
        '  Atgardsdel.rubrik: ""   # Uppföljningens andra del, som redovisar åtgärderna under varje mål '
        'för sig: Delens rubrik: "Uppföljning av nämndens åtgärder"; skriv skälet',
        '  Atgardsdel.inledning: ""   # Uppföljningens andra del, som redovisar åtgärderna under varje mål '
        "för sig: Delens egen inledning; skriv skälet",
    ]
    assert not any(r.startswith("  Namnd.namn:") for r in rader)  # printed: the stale entry goes


@pytest.mark.parametrize("layout", ["uppsala", "uppsala-2024", "upplands-bro"])
def test_the_shipped_blocks_are_what_the_tool_writes(layout: str) -> None:
    """Each shipped layout's visas_inte block is exactly what ``mallverktyg visas-inte`` writes:
    no stale entry, no field without its reason."""
    text = (ROOT / "templates" / layout / "installningar.yaml").read_text(encoding="utf-8")

    assert text.endswith("\n" + _mallverktyg().visas_inte(layout))
