"""The economist's workbook: written from a report, read back exactly, every mistake named by sheet and cell."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from lxml import etree

from delarsrapport import LoadError, load
from delarsrapport._load.arbetsbok import read_arbetsbok
from delarsrapport._load.arbetsbokblad import arbetsbokens_blad
from delarsrapport._model.belopp import Belopp
from delarsrapport._render.arbetsbok import arbetsbok_bytes, write_arbetsbok

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p.stem for p in (ROOT / "samples").glob("*.yaml"))
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sample(namn: str) -> Path:
    return ROOT / "samples" / f"{namn}.yaml"


def _blad_xml(data: bytes, blad: str) -> str:
    """The zip member of sheet *blad* (openpyxl numbers them in order, Instruktioner first)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        bok = etree.fromstring(zf.read("xl/workbook.xml"))
    namn = [s.get("name") for s in bok.iter(f"{{{S}}}sheet")]
    return f"xl/worksheets/sheet{namn.index(blad) + 1}.xml"


def _andra(data: bytes, blad: str, andring: Callable[[etree._Element], None]) -> bytes:
    """*data* with the XML of sheet *blad* changed by *andring* (what Excel would store)."""
    del_ = _blad_xml(data, blad)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == del_:
                root = etree.fromstring(raw)
                andring(root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, raw)
    return out.getvalue()


def _cell(root: etree._Element, ref: str) -> etree._Element:
    for c in root.iter(f"{{{S}}}c"):
        if c.get("r") == ref:
            return c
    raise AssertionError(f"cellen {ref} finns inte")


def _varde(ref: str, varde: str | None = None, *, text: str | None = None, formel: str | None = None):  # type: ignore[no-untyped-def]
    """A change that stores *varde* (a number's text), *text* or *formel* (with *varde* as its result) in *ref*."""

    def andra(root: etree._Element) -> None:
        c = _cell(root, ref)
        for child in list(c):
            c.remove(child)
        c.attrib.pop("t", None)
        if text is not None:
            c.set("t", "inlineStr")
            etree.SubElement(etree.SubElement(c, f"{{{S}}}is"), f"{{{S}}}t").text = text
            return
        if formel is not None:
            etree.SubElement(c, f"{{{S}}}f").text = formel
        if varde is not None:
            etree.SubElement(c, f"{{{S}}}v").text = varde

    return andra


def _problem(exc: pytest.ExceptionInfo[LoadError]) -> dict[str, str]:
    return {p.path: p.message for p in exc.value.problems}


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_comes_back_as_the_same_model(sample: str, tmp_path: Path) -> None:
    """Sample → workbook → load gives the model the sample gives."""
    rapport = load(_sample(sample))
    fil = write_arbetsbok(rapport, tmp_path / "ekonomi.xlsx")
    assert load(_sample(sample), arbetsbok=fil) == rapport


def _utan_belopp(rapport: object) -> object:
    """*rapport* with every amount of every workbook table emptied (what a report file without figures gives)."""
    tom = rapport
    for b in arbetsbokens_blad(rapport):  # type: ignore[arg-type]
        indata = {r.nyckel: dict.fromkeys(r.varden) for r in b.rader if r.nyckel}
        from delarsrapport._load.arbetsbokblad import evolve_at

        tom = evolve_at(tom, b.del_, lambda e, b=b, indata=indata: b.med_indata(e, indata))
    return tom


@pytest.mark.parametrize("sample", SAMPLES)
def test_the_workbook_figures_replace_the_report_files(sample: str) -> None:
    """The figures come from the workbook: a report emptied of them gets every one back."""
    rapport = load(_sample(sample))
    tom = _utan_belopp(rapport)
    assert tom != rapport
    assert read_arbetsbok(tom, arbetsbok_bytes(rapport)) == rapport  # type: ignore[arg-type]


def test_the_bytes_are_the_same_every_time_and_in_every_time_zone() -> None:
    """No clock, no time zone: the core properties carry the report's date."""
    rapport = load(_sample("uppsala-socialnamnden-2020-08"))
    data = arbetsbok_bytes(rapport)
    assert arbetsbok_bytes(rapport) == data
    kod = (
        "import hashlib, sys; from delarsrapport import load; "
        "from delarsrapport._render.arbetsbok import arbetsbok_bytes; "
        "print(hashlib.sha256(arbetsbok_bytes(load(sys.argv[1]))).hexdigest())"
    )
    env = {**os.environ, "TZ": "America/Los_Angeles", "LC_ALL": "sv_SE.UTF-8"}
    annan = subprocess.run(
        [sys.executable, "-c", kod, str(_sample("uppsala-socialnamnden-2020-08"))],
        capture_output=True, text=True, check=True, env=env, timeout=120,
    ).stdout.strip()  # fmt: skip
    assert annan == hashlib.sha256(data).hexdigest()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        core = zf.read("docProps/core.xml").decode()
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2020-09-18T00:00:00Z</dcterms:created>" in core
    assert "2020-09-18T00:00:00Z</dcterms:modified>" in core


def test_amounts_are_written_as_their_exact_decimal_text() -> None:
    """openpyxl's "%.16g" is not trusted: the stored text is the amount's own."""
    rapport = load(_sample("uppsala-omsorgsnamnden-2020-08"))
    data = arbetsbok_bytes(rapport)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read(_blad_xml(data, "RR Omsorgsnämnden"))
    root = etree.fromstring(xml)
    assert _cell(root, "B6").findtext(f"{{{S}}}v") == "659.1"
    assert _cell(root, "C7").findtext(f"{{{S}}}v") == "-1031.3"
    assert _cell(root, "D6").findtext(f"{{{S}}}f") == 'IF(OR(B6="",C6=""),"",B6-C6)'


def test_five_planted_mistakes_are_reported_at_once_with_sheet_and_cell() -> None:
    """Text in an amount cell, binary noise, a typed-over total, a missing row, a wrong unit."""
    rapport = load(_sample("uppsala-socialnamnden-2020-08"))
    data = arbetsbok_bytes(rapport)
    data = _andra(data, "Sammanfattning", _varde("D7", text="ca 12"))
    data = _andra(data, "Politisk verksamhet", _varde("B6", "0.30000000000000004"))
    data = _andra(data, "Politisk verksamhet", _varde("C8", "-3000"))

    def utan_rad_7(root: etree._Element) -> None:
        for row in root.iter(f"{{{S}}}row"):
            if row.get("r") == "7":
                row.getparent().remove(row)  # type: ignore[union-attr]

    data = _andra(data, "Barn och ungdomsvård", utan_rad_7)
    data = _andra(data, "Familjerätt och familjerådgivni", _varde("B2", text="mnkr"))
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, data)
    problem = _problem(exc)
    assert sorted(problem) == sorted(
        [
            "Blad 'Sammanfattning', cell D7",
            "Blad 'Politisk verksamhet', cell B6",
            "Blad 'Politisk verksamhet', cell C8",
            "Blad 'Barn och ungdomsvård', cell A7",
            "Blad 'Familjerätt och familjerådgivni', cell B2",
        ]
    ), problem
    assert problem["Blad 'Sammanfattning', cell D7"].startswith("'ca 12' är inget belopp")
    assert "0.30000000000000004 är inget exakt belopp" in problem["Blad 'Politisk verksamhet', cell B6"]
    assert "0,3" in problem["Blad 'Politisk verksamhet', cell B6"]
    assert problem["Blad 'Politisk verksamhet', cell C8"].startswith(
        "cellen räknas fram men är överskriven med -3000"
    )
    assert "=SUM(C6:C7)" in problem["Blad 'Politisk verksamhet', cell C8"]
    assert problem["Blad 'Barn och ungdomsvård', cell A7"].startswith("raden '")
    assert "saknas" in problem["Blad 'Barn och ungdomsvård', cell A7"]
    assert problem["Blad 'Familjerätt och familjerådgivni', cell B2"].startswith(
        "enheten är 'mnkr', men tabellen är i tkr"
    )
    assert str(exc.value).splitlines()[1].startswith("  <arbetsbok>: Blad '")


def test_a_total_typed_over_with_its_own_value_is_still_refused() -> None:
    """A derived cell holds its formula; a typed value, even the right one, goes stale at the next change."""
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = _andra(arbetsbok_bytes(rapport), "Driftredovisning", _varde("B13", "335813"))
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, data)
    assert _problem(exc) == {
        "Blad 'Driftredovisning', cell B13": "cellen räknas fram men är överskriven med 335813 (raderna ger "
        "335813); ett inskrivet värde används inte. Skriv tillbaka formeln =SUM(B6:B12)"
    }


def test_an_input_cell_may_hold_a_formula_with_its_stored_result() -> None:
    """=120+30 in an input cell is read as the 150 Excel stored; without a stored result it is refused."""
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = arbetsbok_bytes(rapport)
    med = read_arbetsbok(rapport, _andra(data, "Statsbidrag", _varde("B6", "150", formel="120+30")))
    statsbidrag = med.bilagor[0].delar[1].statsbidrag  # type: ignore[union-attr]
    assert statsbidrag.rader[0].beviljat == Belopp.from_tkr(150)
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, _andra(data, "Statsbidrag", _varde("B6", formel="120+30")))
    assert _problem(exc)["Blad 'Statsbidrag', cell B6"].startswith(
        "cellen har formeln =120+30 men inget sparat värde"
    )


def test_a_formula_whose_stored_result_disagrees_with_the_rows_is_reported() -> None:
    """A changed formula is caught by the result Excel stored with it."""
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = _andra(arbetsbok_bytes(rapport), "Statsbidrag", _varde("B11", "3000", formel="SUM(B6:B9)"))
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, data)
    assert _problem(exc) == {
        "Blad 'Statsbidrag', cell B11": "formeln =SUM(B6:B9) ger 3000, men raderna ger 3094; formeln är ändrad "
        "eller pekar på fel celler: skriv tillbaka =SUM(B6:B10)"
    }


def test_a_changed_formula_without_a_stored_result_is_reported() -> None:
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = _andra(arbetsbok_bytes(rapport), "Statsbidrag", _varde("B11", formel="SUM(B6:B9)"))
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, data)
    assert _problem(exc) == {
        "Blad 'Statsbidrag', cell B11": "formeln =SUM(B6:B9) är ändrad; skriv tillbaka =SUM(B6:B10)"
    }


@pytest.mark.parametrize(
    ("cell", "andring", "borjan"),
    [
        ("B6", _varde("B6", "12.345678"), "12,345678 tkr är 12345,678 kr, en bråkdel av ett öre"),
        ("B6", _varde("B6", "12.34567"), None),
        ("B6", _varde("B6", "1"), None),
        ("B6", _varde("B6", text="1 234,5"), None),
        ("B6", _varde("B6", "#REF!"), "'#REF!' är inget belopp"),
    ],
)
def test_what_an_input_cell_may_hold(
    cell: str, andring: Callable[[etree._Element], None], borjan: str | None
) -> None:
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = _andra(arbetsbok_bytes(rapport), "Statsbidrag", andring)
    if borjan is None:
        read_arbetsbok(rapport, data)
        return
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, data)
    assert _problem(exc)[f"Blad 'Statsbidrag', cell {cell}"].startswith(borjan)


def test_rows_are_found_by_name_not_position() -> None:
    """Rows swapped in Excel are still the same rows; an unknown row name is reported."""
    rapport = load(_sample("upplands-bro-socialnamnden-2022"))
    data = arbetsbok_bytes(rapport)
    namn = [r.nyckel for r in arbetsbokens_blad(rapport)[3].rader]
    assert arbetsbokens_blad(rapport)[3].namn == "Statsbidrag"

    def byt(root: etree._Element) -> None:
        a, b = _cell(root, "A6"), _cell(root, "A7")
        a[0][0].text, b[0][0].text = namn[1], namn[0]
        for kol in "BC":
            va, vb = _cell(root, f"{kol}6"), _cell(root, f"{kol}7")
            va[0].text, vb[0].text = vb[0].text, va[0].text

    assert read_arbetsbok(rapport, _andra(data, "Statsbidrag", byt)) == rapport
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(rapport, _andra(data, "Statsbidrag", _varde("A8", text="Nytt bidrag")))
    assert [(p.path, p.message.split(";")[0]) for p in exc.value.problems] == [
        ("Blad 'Statsbidrag', cell A8", "raden 'Nytt bidrag' finns inte i rapporten"),
        ("Blad 'Statsbidrag', cell A8", f"raden {namn[2]!r} saknas"),
    ]


def test_a_file_that_is_no_workbook_is_one_clear_problem(tmp_path: Path) -> None:
    fil = tmp_path / "ekonomi.xlsx"
    fil.write_text("inte en arbetsbok")
    with pytest.raises(LoadError) as exc:
        load(_sample("uppsala-socialnamnden-2024-08"), arbetsbok=fil)
    assert [p.message for p in exc.value.problems] == [
        "filen är ingen Excel-arbetsbok (.xlsx); spara den i Excel som Excel-arbetsbok"
    ]
    with pytest.raises(LoadError, match="filen finns inte"):
        load(_sample("uppsala-socialnamnden-2024-08"), arbetsbok=tmp_path / "saknas.xlsx")


def test_a_report_without_economic_tables_gets_no_workbook() -> None:
    from delarsrapport import RenderError

    rapport = attrs.evolve(load(_sample("uppsala-socialnamnden-2024-08")), bilagor=())
    with pytest.raises(RenderError, match="rapporten har inga ekonomiska tabeller att skriva i en arbetsbok"):
        arbetsbok_bytes(rapport)


def test_a_missing_sheet_is_named() -> None:
    rapport = load(_sample("uppsala-socialnamnden-2024-08"))
    annan = attrs.evolve(rapport)
    data = arbetsbok_bytes(load(_sample("upplands-bro-socialnamnden-2022")))
    with pytest.raises(LoadError) as exc:
        read_arbetsbok(annan, data)
    assert list(_problem(exc)) == ["Blad 'Sammanfattning'"]


@pytest.mark.slow
def test_libreoffice_computes_every_formula_to_the_models_value(tmp_path: Path) -> None:
    """LibreOffice Calc opens each workbook, computes its formulas and saves it; the stored
    results agree with the model (read back with every derived cell compared)."""
    import shutil

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("DELARSRAPPORT_KRAV_LIBREOFFICE") == "1":
            pytest.fail("LibreOffice (soffice) krävs men saknas")
        pytest.skip("LibreOffice saknas")
    filer = []
    for sample in SAMPLES:
        filer.append(write_arbetsbok(load(_sample(sample)), tmp_path / "in" / f"{sample}.xlsx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profil'}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "ut"), *map(str, filer)],
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    for sample in SAMPLES:
        sparad = tmp_path / "ut" / f"{sample}.xlsx"
        assert sparad.is_file(), (
            f"LibreOffice Calc sparade inte {sample}.xlsx (libreoffice-calc-nogui saknas?)"
        )
        with zipfile.ZipFile(sparad) as zf:
            assert any(
                b"<f" in zf.read(n) and b"</v>" in zf.read(n) for n in zf.namelist() if "worksheets" in n
            )
        assert load(_sample(sample), arbetsbok=sparad) == load(_sample(sample))
