"""The Mallguide (docs/mallguide.md) is generated from the code and documents all of it:
every variable and field a template can reach, every filter and every setting."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs
import pytest

from delarsrapport import _context as _kontext
from delarsrapport import load
from delarsrapport._context import GEMENSAMMA, KONTEXTER
from delarsrapport._docgen import exempel as _exempel
from delarsrapport._docgen import mallguide as _mallguide
from delarsrapport._docgen.filtren import FILTER_SV, filteravsnitt, filterfunktioner
from delarsrapport._docgen.installningar import INSTALLNINGAR_SV, installningsrader
from delarsrapport._docgen.klasser import Karta, klasstext
from delarsrapport._docgen.variabler import anvandning, faltrader, saknade_beskrivningar
from delarsrapport._model.belopp import Belopp
from delarsrapport._render.filters import FILTERNAMN
from delarsrapport._render.layout import Installningar
from delarsrapport.formatting import format_belopp, format_datum

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def guide() -> str:
    return _mallguide.markdown()


def _avsnitt(text: str, rubrik: str) -> str:
    """The text under the heading *rubrik* up to the next heading of the same or a higher level."""
    niva = rubrik.split(" ")[0]
    start = text.index(rubrik + "\n")
    slut = re.compile(rf"^#{{1,{len(niva)}}} ", re.M).search(text, start + len(rubrik))
    return text[start : slut.start() if slut else len(text)]


def _klasser(tp: Any) -> list[type]:
    """The attrs classes a type mentions (through X | None, tuple[X, ...] and nesting)."""
    if isinstance(tp, type) and attrs.has(tp):
        return [tp]
    if get_origin(tp) in (UnionType, Union, tuple):
        return [k for a in get_args(tp) if a is not NoneType and a is not Ellipsis for k in _klasser(a)]
    return []


def _namn(cls: type) -> list[str]:
    """Every name a template can read on *cls*: its fields and public properties."""
    egenskaper = [n for n, v in vars(cls).items() if isinstance(v, property) and not n.startswith("_")]
    return [f.name for f in attrs.fields(cls)] + egenskaper


def _nabara_klasser() -> set[type]:
    """Every class a template can reach from the contract, found without the generator: the
    type hints from GEMENSAMMA and KONTEXTER down, plus every view class _kontext defines
    (the rows of a generic table are named in a docstring, not a type)."""
    hittade: set[type] = set()
    att_besoka = [
        k
        for v in [*GEMENSAMMA.values(), *(t for d in KONTEXTER.values() for t in d.values())]
        for k in _klasser(v)
    ]
    att_besoka += [
        v
        for v in vars(_kontext).values()
        if isinstance(v, type) and attrs.has(v) and v.__module__.startswith(_kontext.__name__ + ".")
    ]
    while att_besoka:
        cls = att_besoka.pop()
        if cls in hittade:
            continue
        hittade.add(cls)
        hints = get_type_hints(cls)
        for namn in _namn(cls):
            tp = hints[namn] if namn in hints else get_type_hints(vars(cls)[namn].fget)["return"]
            att_besoka += _klasser(tp)
    return hittade


# -- the committed guide ----------------------------------------------------------------------


def test_committed_guide_is_current(guide: str) -> None:
    """docs/mallguide.md is what the code generates (run python -m delarsrapport._docgen.mallguide docs)."""
    assert (DOCS / "mallguide.md").read_text(encoding="utf-8") == guide


def test_main_writes_the_guide(tmp_path: Path, guide: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _mallguide.main([str(tmp_path)]) == 0
    assert (tmp_path / "mallguide.md").read_text(encoding="utf-8") == guide
    assert str(tmp_path / "mallguide.md") in capsys.readouterr().out


# -- the variables ----------------------------------------------------------------------------


def test_every_top_level_variable_is_in_the_guide(guide: str) -> None:
    gemensamma = _avsnitt(guide, "## Gemensamma variabler")
    for namn in GEMENSAMMA:
        assert f"| `{namn}` |" in gemensamma, namn
    for slag, variabler in KONTEXTER.items():
        kapitel = next(r for r in guide.splitlines() if r.startswith("## ") and f"(`{slag}.docx`)" in r)
        for namn in variabler:
            assert f"| `{namn}` |" in _avsnitt(guide, kapitel), (slag, namn)


def test_every_field_of_every_reachable_class_is_in_the_guide(guide: str) -> None:
    klasser = _nabara_klasser()
    assert {"SammanfattningsradVy", "StatsbidragsradVy", "Rapportperiod", "Visa", "Block"} <= {
        k.__name__ for k in klasser
    }
    for cls in klasser:
        avsnitt = _avsnitt(guide, f"### {cls.__name__}")
        for namn in _namn(cls):
            assert re.search(rf"^\| `[\w.]*\b{namn}` \|", avsnitt, re.M), f"{cls.__name__}.{namn}"


def test_every_class_is_documented_once_and_linked(guide: str) -> None:
    rubriker = re.findall(r"^### (\w+)$", guide, re.M)
    assert len(rubriker) == len(set(rubriker))
    for ankare in set(re.findall(r"\]\(#([a-z]+)\)", guide)):
        assert any(r.lower() == ankare for r in [*rubriker, *FILTERNAMN, "stycken"]), ankare


def test_every_view_field_has_swedish_text() -> None:
    """Each field a template reaches has a Swedish docstring (or text in the generator)."""
    assert saknade_beskrivningar() == []


def test_a_foreign_class_without_swedish_text_is_refused() -> None:
    @attrs.frozen
    class Ny:
        """A class from elsewhere, documented in English only."""

        varde: int

    with pytest.raises(ValueError, match="saknar svensk text för Ny"):
        klasstext(Ny)


def test_lists_of_table_rows_are_looped_with_tr_and_others_with_p(guide: str) -> None:
    assert "`{%tr for rad in ekonomi.sammanfattning.rader %}`" in guide
    assert "`{%tr for rad in ekonomi.statsbidrag.rader %}`" in guide
    assert "`{%p for sats in ts.beslut %}`" in guide
    assert "`{%p for mal in verksamhet.mal %}`" in guide
    assert "`{{p ts.arendet\\|stycken(3) }}`" in guide
    assert "`{%p if ekonomi.sammanfattning %}`" in guide
    assert "`{% cellbg post.status.farg %}{{ post.status.ord }}`" in guide


def test_amounts_show_the_units_the_shipped_templates_use(guide: str) -> None:
    assert "`{{ rad.kommunbidrag\\|belopp('mnkr') }}`" in guide
    assert "`{{ rad.utfall_period\\|belopp('mnkr', 1) }}`" in guide  # the resultaträkning
    assert "`{{ matt.per_enhet\\|belopp('tkr', matt.decimaler) }}`" in guide


def test_examples_are_taken_from_the_samples(guide: str) -> None:
    rapport = load(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml")
    ts = rapport.arenden[0].tjansteskrivelse
    dokument = _avsnitt(guide, "### DokumentVy")
    datum = format_datum(ts.datum, "lang")
    assert "| `dokument.datum` |" in dokument and f"| `{datum}` |" in dokument
    # the first verksamhet row of the 2020 sample: 110 Nämnd- och styrelseverksamhet, -2 114 tkr
    tabellrad = _avsnitt(guide, "### TabellradVy")
    assert f"`-2{NBSP}114`" in tabellrad


def _som_jinja(rader: tuple[str, ...] | list[str]) -> str:
    """A guide snippet as plain Jinja: docxtpl's p/tr/tc prefixes dropped, cellbg printed."""
    text = "\n".join(rader)
    text = re.sub(r"\{%(p|tr|tc) ", "{% ", text)
    text = text.replace("{{p ", "{{ ")
    return re.sub(r"\{% cellbg (.+?) %\}", r"{{ \1 }}", text)


def _los(uttryck: str, kontext: dict[str, object]) -> object:
    forst, *resten = uttryck.split(".")
    varde = kontext.get(forst)
    for del_ in resten:
        varde = getattr(varde, del_, None)
    return varde


def test_every_usage_example_renders_with_sample_data() -> None:
    """Each snippet in the "I mallen" column is valid template code with the real names: it
    renders in the sandbox, with undefined names as errors and the layout's filters, against
    a context from the samples (or, for a loop variable, a real instance of its class)."""
    env = _exempel.jinja().overlay()
    env.filters["stycken"] = filterfunktioner()["stycken"]
    kontexter = list(_exempel.kontexter())
    instanser: dict[type, list[object]] = {}

    def samla(obj: object) -> None:
        if isinstance(obj, tuple):
            for x in obj:
                samla(x)
        elif attrs.has(type(obj)):
            instanser.setdefault(type(obj), []).append(obj)
            for f in attrs.fields(type(obj)):
                samla(getattr(obj, f.name))

    for _slag, kx in kontexter:
        for v in kx.values():
            samla(v)
    karta = Karta()
    provade, utan_data = 0, set()
    for kapitel, variabler in [("", GEMENSAMMA), *KONTEXTER.items()]:
        kontext = next(k for slag, k in kontexter if not kapitel or slag == kapitel)
        for namn, tp in variabler.items():
            snutt = anvandning(namn, None, namn, tp, tabellrad=False, omfang=karta.rotter, doc="")
            env.from_string(_som_jinja(snutt)).render(**kontext)
            provade += 1
    loopklasser: dict[str, list[type]] = {}
    for k in karta.klasser.values():
        for plats in k.platser:
            if plats.loop is not None:
                loopklasser.setdefault(plats.uttryck, []).append(k.cls)
    for k in karta.klasser.values():
        plats = k.platser[0]
        forst = plats.uttryck.split(".")[0]
        kandidater: list[dict[str, object]]
        if plats.loop is not None:
            kandidater = [{forst: x} for x in instanser.get(k.cls, [])]
        elif forst in karta.rotter:
            kandidater = [kx for _, kx in kontexter]
        else:
            kandidater = [{forst: x} for c in loopklasser[forst] for x in instanser.get(c, [])]
        varden = next((kx for kx in kandidater if _los(plats.uttryck, kx) is not None), None)
        if varden is None:
            utan_data.add(k.cls.__name__)
            continue
        for f in faltrader(k):
            try:
                env.from_string(_som_jinja(f.anvandning)).render(**varden)
            except Exception as exc:  # pragma: no cover - the message is the point
                raise AssertionError(f"{f.uttryck}: {f.anvandning} ger {exc!r}") from exc
            provade += 1
    assert provade > 300
    assert not utan_data  # every view has data in some sample


# -- the filters --------------------------------------------------------------------------------


@pytest.mark.parametrize("filter_", [*FILTERNAMN, "stycken"])
def test_every_filter_and_argument_is_in_the_guide(guide: str, filter_: str) -> None:
    import inspect

    avsnitt = _avsnitt(guide, f"### {filter_}")
    funktioner = filterfunktioner()
    for parameter in list(inspect.signature(funktioner[filter_]).parameters)[1:]:
        assert f"| `{parameter}` |" in avsnitt, parameter


def test_filter_examples_are_computed(guide: str) -> None:
    belopp = _avsnitt(guide, "### belopp")
    b = Belopp.from_tkr(Decimal(-47725))
    for mallkod, kwargs in (
        ("{{ x\\|belopp }}", {"enhet": "tkr"}),
        ("{{ x\\|belopp('mnkr', 1) }}", {"enhet": "mnkr", "decimaler": 1}),
        ("{{ x\\|belopp('mnkr', 1, suffix='ord') }}", {"enhet": "mnkr", "decimaler": 1, "suffix": "ord"}),
    ):
        assert f"| `{mallkod}` | −47 725 tkr | `{format_belopp(b, **kwargs)}` |" in belopp  # type: ignore[arg-type]
    datum = _avsnitt(guide, "### datum")
    assert f"`{format_datum(date(2020, 9, 18), 'den_ar')}`" in datum
    stycken = _avsnitt(guide, "### stycken")
    assert "| `Heading 3` | Orsaker |" in stycken
    assert "| `List Bullet` | Fler placeringar |" in stycken


def test_a_filter_without_swedish_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    text, argument = FILTER_SV["belopp"]
    monkeypatch.setitem(FILTER_SV, "belopp", (text, {k: v for k, v in argument.items() if k != "noll"}))
    with pytest.raises(ValueError, match=r"belopp.*noll"):
        filteravsnitt()


# -- the settings -------------------------------------------------------------------------------


def _installningssokvagar(cls: type, prefix: str = "") -> list[str]:
    """Every settings path: ``a.b`` in a group, ``a.*.b`` under a mapping, ``a[].b`` under a list."""
    hints = get_type_hints(cls)
    out: list[str] = []
    for f in attrs.fields(cls):
        sokvag, tp = prefix + f.name, hints[f.name]
        out.append(sokvag)
        args = [a for a in get_args(tp) if a is not NoneType]
        if isinstance(tp, type) and attrs.has(tp):
            out += _installningssokvagar(tp, sokvag + ".")
        elif get_origin(tp) in (UnionType, Union) and len(args) == 1 and attrs.has(args[0]):
            out += _installningssokvagar(args[0], sokvag + ".")
        elif get_origin(tp) is tuple and args[-1] is Ellipsis and attrs.has(args[0]):
            out += _installningssokvagar(args[0], sokvag + "[].")
        varde, stjarnor = tp, ""
        while get_origin(varde) is dict:
            varde, stjarnor = get_args(varde)[1], stjarnor + ".*"
        if stjarnor and isinstance(varde, type) and attrs.has(varde):
            out += _installningssokvagar(varde, f"{sokvag}{stjarnor}.")
    return out


def test_every_setting_is_in_the_guide(guide: str) -> None:
    avsnitt = _avsnitt(guide, "## Inställningar (`installningar.yaml`)")
    sokvagar = _installningssokvagar(Installningar)
    assert {
        "talstil.minus",
        "status.*.farg",
        "bedomning.*.*.ord",
        "statuskategorier[].text",
        "visa.brevhuvud",
    } <= set(sokvagar)
    for sokvag in sokvagar:
        assert f"| `{sokvag}` |" in avsnitt, sokvag


def test_settings_examples_come_from_the_uppsala_file(guide: str) -> None:
    avsnitt = _avsnitt(guide, "## Inställningar (`installningar.yaml`)")
    assert re.search(r"^\| `status\.\*\.farg` \|.*\| `FFD966` \|$", avsnitt, re.M)
    assert re.search(r"^\| `visa\.teckenforklaring` \|.*\| `false` \| `false` \|$", avsnitt, re.M)


@attrs.frozen
class _Grupp:
    farg: str = "92D050"


@attrs.frozen
class _NyaInstallningar:
    """Settings with a group and a mapping of groups, as a new setting could add them."""

    namn: str
    grupp: _Grupp = attrs.field(factory=_Grupp)
    per_status: dict[str, _Grupp] = attrs.field(factory=dict)


def test_a_setting_without_swedish_text_makes_the_generator_raise() -> None:
    texter = {"namn": "Namnet.", "grupp": "En grupp.", "grupp.farg": "Färgen.", "per_status": "Per status."}
    with pytest.raises(ValueError, match=r"per_status\.\*\.farg"):
        installningsrader(_NyaInstallningar, texter)
    rader = installningsrader(_NyaInstallningar, {**texter, "per_status.*.farg": "Färgen."})
    assert [r.sokvag for r in rader] == ["namn", "grupp", "grupp.farg", "per_status", "per_status.*.farg"]
    with pytest.raises(ValueError, match="inte finns: borttagen"):
        installningsrader(_NyaInstallningar, {**texter, "per_status.*.farg": "F.", "borttagen": "X."})


def test_a_new_setting_of_installningar_cannot_be_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(INSTALLNINGAR_SV, "visa.brevhuvud")
    with pytest.raises(ValueError, match=r"visa\.brevhuvud"):
        _mallguide.markdown()


# -- the tutorial -------------------------------------------------------------------------------


def _kodblock(text: str, sprak: str = "") -> list[str]:
    return re.findall(rf"^```{sprak}\n(.*?)^```$", text, re.S | re.M)


def test_tutorial_layout_new_prints_what_the_tutorial_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from delarsrapport._cli import main

    text = (DOCS / "egen-kommunmall.md").read_text(encoding="utf-8")
    kommando, utskrift = _kodblock(text)[:2]
    assert kommando.strip() == "delarsrapport layout new exempelby --from uppsala mallar"
    monkeypatch.chdir(tmp_path)
    assert main(kommando.split()[1:]) == 0
    assert capsys.readouterr().out == utskrift
    assert sorted(p.name for p in (tmp_path / "mallar" / "exempelby").iterdir()) == [
        "ekonomi.docx",
        "installningar.yaml",
        "internkontroll.docx",
        "nyckeltal.docx",
        "tjansteskrivelse.docx",
        "verksamhet.docx",
    ]


def test_tutorial_golden_test_example_works(tmp_path: Path) -> None:
    """The tutorial's test file, in a project laid out as the tutorial says, first writes its
    golden file and fails, then passes."""
    import shutil
    import subprocess
    import sys

    from delarsrapport._render.layout import new_layout

    text = (DOCS / "egen-kommunmall.md").read_text(encoding="utf-8")
    (testfil,) = _kodblock(text, "python")
    new_layout("exempelby", fran="uppsala", katalog=tmp_path / "mallar")
    (tmp_path / "samples").mkdir()
    shutil.copy(ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml", tmp_path / "samples")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_exempelby.py").write_text(testfil, encoding="utf-8")

    def pytest_() -> int:
        kommando = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
        return subprocess.run(kommando, cwd=tmp_path, capture_output=True, check=False).returncode

    assert pytest_() == 1
    assert (tmp_path / "tests" / "test_exempelby" / "exempelby-socialnamnden-2020.yml").is_file()
    assert pytest_() == 0
