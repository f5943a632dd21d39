"""One set of template rules for ``layout check`` and ``render``.

The mistakes Word users make, each made in a copy of a shipped layout: the check reports
it exactly, and a render refuses with the same code, message, place and action before
writing anything, or, where docxtpl repairs the template itself, renders while the check
warns.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from delarsrapport import LayoutError, TemplateError, load, render
from delarsrapport._cli import main
from delarsrapport._designer import Mallfynd, check_layout
from delarsrapport._render import cache as diskcache
from delarsrapport._render.layout import load_layout, new_layout
from delarsrapport._render.locations import part_labels, plats
from wordmall import (
    W,
    celler,
    dela_run,
    dela_stycke,
    lagg_till_kolumn,
    rad,
    redigera,
    skriv_sist,
    stycke,
    ta_bort,
    tabell,
    text,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "uppsala-socialnamnden-2020-08.yaml"


def _kopia(tmp_path: Path, fran: str = "uppsala") -> Path:
    return new_layout("exempelby", fran=fran, katalog=tmp_path / "mallar")


def _vagras(katalog: Path, fynd: Mallfynd, tmp_path: Path) -> TemplateError:
    """Render the sample with the layout: it must be refused as the finding says, with nothing written."""
    ut = tmp_path / "ut"
    with pytest.raises(TemplateError) as info:
        render(load(SAMPLE), layout=katalog, out_dir=ut)
    fel = info.value
    assert fel.code == fynd.kod
    assert fel.message == fynd.meddelande
    assert f"{fel.part}, {fel.location}: ”{fel.text}”" == fynd.plats
    assert fel.hint is not None and fel.hint.startswith(fynd.atgard)
    assert fel.template == str(katalog / fynd.fil)
    assert not ut.exists()
    return fel


# -- 1. {%tr endfor %} one row too far down: the total row repeats ---------------------------------


def test_endfor_below_the_total_row_is_an_error_and_refused(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        # The designer moves the row with {%tr endfor %} below "Nämnden totalt".
        rad(rot, "Nämnden totalt").addnext(rad(rot, "{%tr endfor %}"))

    [fynd] = check_layout(katalog)

    assert (fynd.severity, fynd.kod, fynd.fil) == ("fel", "MALL-LOOPRAD", "ekonomi.docx")
    assert fynd.plats == "dokumentets brödtext, tabell 1 (Sammanfattning), rad 5, kolumn 1: ”Nämnden totalt”"
    assert fynd.meddelande == (
        "raden står mellan {%tr for rad in ekonomi.sammanfattning.rader %} och {%tr endfor %}, så den "
        "skrivs en gång för varje rad i ekonomi.sammanfattning.rader, men den använder inte rad: "
        "”Nämnden totalt {{ ekonomi.sammanfattning.totalt.kommunbidra…”"
    )
    assert fynd.atgard.startswith("ska raden stå en gång (en summarad), flytta raden med {%tr endfor %} upp")
    _vagras(katalog, fynd, tmp_path)


def test_a_row_of_the_loop_that_uses_loop_is_fine(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        total = rad(rot, "Nämnden totalt")
        rad(rot, "{%tr endfor %}").addprevious(total)
        cell = total.find(f"{W}tc/{W}p")
        assert cell is not None
        skriv_sist(cell, " {{ loop.index }}")
    assert check_layout(katalog) == []


# -- 2. {%tr endfor %} typed into the data row: every data row disappears --------------------------


def test_endfor_typed_into_the_data_row_is_refused_as_the_check_says(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        slut = rad(rot, "{%tr endfor %}")
        data = slut.getprevious()
        ta_bort(slut)
        forsta = data.find(f"{W}tc/{W}p")
        assert forsta is not None
        skriv_sist(forsta, "{%tr endfor %}")

    [fynd] = check_layout(katalog)

    assert (fynd.severity, fynd.kod) == ("fel", "MALL-FEL-PLATS")
    assert fynd.plats == (
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 1: "
        "”{% if rad.varav %} varav {% endif %}{{ rad.etikett }}{%tr endfor %}”"
    )
    assert fynd.meddelande.startswith(
        "{%tr endfor %} ersätter hela raden, så det andra som står i raden försvinner: "
        "”{% if rad.varav %} varav {% endif %}{{ rad.etikett }}"
    )
    assert fynd.atgard.startswith("ge taggen en egen tabellrad")
    _vagras(katalog, fynd, tmp_path)


def test_the_command_line_does_not_promise_documents_it_then_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        rad(rot, "Nämnden totalt").addnext(rad(rot, "{%tr endfor %}"))

    status = main(["render", str(SAMPLE), "--layout", str(katalog), "-o", str(tmp_path / "ut")])

    ut = capsys.readouterr()
    assert status == 2
    assert "fel  " in ut.out  # the sample's own errors are printed …
    assert "Dokumenten skapades ändå" not in ut.out  # … but no promise of documents
    assert "raden står mellan {%tr for rad in ekonomi.sammanfattning.rader %}" in ut.err
    assert not (tmp_path / "ut").exists()


def test_the_command_line_still_says_documents_are_created_despite_report_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["render", str(SAMPLE), "-o", str(tmp_path / "ut")])
    ut = capsys.readouterr().out
    assert status == 0
    assert ut.index("Dokumenten skapades ändå") < ut.index("skrev ")


# -- 3. formatting on part of a tag: docxtpl joins it, the formatting goes --------------------------


def test_bold_on_half_a_tag_renders_and_the_check_warns(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        dela_run(stycke(rot, "{{ rad.kommunbidrag|belopp('mnkr') }}"), "belopp('mnkr') }}", "<w:b/>")

    [fynd] = check_layout(katalog)

    assert (fynd.severity, fynd.kod) == ("varning", "MALL-FORMAT-I-TAGG")
    assert fynd.plats == (
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 2: ”{{ rad.kommunbidrag|belopp('mnkr') }}”"
    )
    assert fynd.meddelande == (
        "formateringen ändras inne i taggen {{ rad.kommunbidrag|belopp('mnkr') }} (fetstil på en del av den); "
        "taggen fungerar, men det den skriver ut får formateringen från taggens första tecken, så den andra "
        "formateringen försvinner"
    )
    # The warning's claim holds: the document is made, and the figure is not bold.
    [_ts, ekonomi, *_] = render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")
    assert "<w:b/>" not in _cell_xml(ekonomi, "204")


def _cell_xml(docx: Path, innehall: str) -> str:
    import zipfile

    with zipfile.ZipFile(docx) as z:
        rot = etree.fromstring(z.read("word/document.xml"))
    tc = next(tc for tc in rot.iter(f"{W}tc") if text(tc).strip() == innehall)
    return etree.tostring(tc, encoding="unicode")


def test_a_tag_split_over_runs_of_one_formatting_renders_and_the_check_warns(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        dela_run(stycke(rot, "{{ rad.kommunbidrag|belopp('mnkr') }}"), "kommunbidrag")

    [fynd] = check_layout(katalog)

    assert (fynd.severity, fynd.kod) == ("varning", "MALL-HOPFOGAD-TAGG")
    assert fynd.meddelande.startswith(
        "Word har delat taggen {{ rad.kommunbidrag|belopp('mnkr') }} i 2 textbitar"
    )
    assert "den fogas ihop och fungerar, men" in fynd.meddelande
    assert len(render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")) == 4


# -- 4. Enter inside a tag, a deleted {%p endif %} ---------------------------------------------------


def test_a_paragraph_break_inside_a_tag_is_refused(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        dela_stycke(stycke(rot, "{{p ekonomi.analys|stycken(3) }}"), "stycken(3) }}")

    forsta, andra = check_layout(katalog)

    assert (forsta.kod, forsta.plats) == (
        "MALL-DELAD-TAGG",
        "dokumentets brödtext, stycke 76: ”{{p ekonomi.analys|”",
    )
    assert forsta.meddelande == (
        "taggen som börjar med {{ saknar sitt }} i samma stycke; en tagg måste börja och sluta i samma stycke"
    )
    assert (andra.kod, andra.plats) == ("MALL-DELAD-TAGG", "dokumentets brödtext, stycke 77: ”stycken(3) }}”")
    fel = _vagras(katalog, forsta, tmp_path)
    assert fel.hint is not None and "mallen har 1 fel till" in fel.hint


def test_a_deleted_endif_is_refused_with_the_checks_message(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "tjansteskrivelse.docx") as rot:
        ta_bort(stycke(rot, "{%p endif %}", 1))

    [fynd] = check_layout(katalog)

    assert (fynd.kod, fynd.plats) == (
        "MALL-SYNTAX",
        "dokumentets brödtext, stycke 11: ”{%p if ts.arendet %}”",
    )
    assert fynd.meddelande == "{%p if ts.arendet %} avslutas aldrig: {%p endif %} saknas"
    fel = _vagras(katalog, fynd, tmp_path)
    assert "end of template" not in str(fel)


# -- the cache: a refused template is never kept ------------------------------------------------


def test_a_refused_template_is_not_cached_and_a_repaired_one_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DELARSRAPPORT_CACHE", str(tmp_path / "cache"))
    katalog = _kopia(tmp_path)
    mall = katalog / "ekonomi.docx"
    orginal = mall.read_bytes()
    with redigera(mall) as rot:
        ta_bort(stycke(rot, "{%p endif %}"))
    inst = load_layout(katalog).installningar

    def nyckel() -> Path:
        folder = diskcache.cache_dir()
        assert folder is not None
        return (
            folder
            / f"{diskcache.key(mall.read_bytes(), repr((inst.talstil, inst.stilar, inst.typografi)))}.mall"
        )

    with pytest.raises(TemplateError):
        render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")
    assert not nyckel().exists()
    mall.write_bytes(orginal)
    render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")
    assert nyckel().exists()


# -- places in Word's words ---------------------------------------------------------------------


def test_headers_and_footers_are_named_as_word_names_them(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "tjansteskrivelse.docx", "word/header2.xml") as rot:
        p = rot.find(f".//{W}p")
        assert p is not None
        skriv_sist(p, " {{ namnd.namm }}")
    with redigera(katalog / "tjansteskrivelse.docx", "word/footer1.xml") as rot:
        p = next(p for p in rot.iter(f"{W}p") if text(p).startswith("Sida"))
        skriv_sist(p, " {{ kommun.nam }}")

    sidhuvud, sidfot = check_layout(katalog)

    assert sidhuvud.plats == "sidhuvudet på övriga sidor, stycke 1: ”{{ namnd.namn }} {{ namnd.namm }}”"
    assert sidfot.plats.startswith("sidfoten på första sidan, stycke 5: ”Sida 1 (1) {{ kommun.nam }}”")
    fel = _vagras(katalog, sidhuvud, tmp_path)
    assert fel.part == "sidhuvudet på övriga sidor"


def _sektion(*referenser: str) -> str:
    refs = "".join(
        f'<w:{slag}Reference w:type="{typ}" r:id="{rid}"/>'
        for slag, typ, rid in (r.split(":") for r in referenser)
    )
    return f"<w:sectPr>{refs}</w:sectPr>"


def test_part_labels_follow_the_kind_of_reference() -> None:
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )
    dokument = etree.fromstring(
        f"<w:document {ns}><w:body><w:p><w:pPr>"
        + _sektion("header:first:h1", "header:default:h2", "footer:default:f1")
        + "</w:pPr></w:p>"
        + _sektion("header:first:h3", "header:even:h4", "header:default:h5")
        + "</w:body></w:document>"
    )
    mal = {r: f"word/{r}.xml" for r in ("h1", "h2", "h3", "h4", "h5", "f1")}

    assert part_labels(dokument, mal) == {
        "word/h1.xml": "sidhuvudet på första sidan",
        "word/h2.xml": "sidhuvudet på övriga sidor",
        "word/f1.xml": "sidfoten",
        "word/h3.xml": "sidhuvudet på första sidan i avsnitt 2",
        "word/h4.xml": "sidhuvudet på jämna sidor",
        "word/h5.xml": "sidhuvudet på udda sidor",
    }
    assert part_labels(dokument, {}) == {}


def test_a_render_time_error_names_the_table_by_its_heading() -> None:
    source = (
        '<w:body>\n<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Egen regi</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc>\n<w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc>\n<w:p><w:r>"
        "<w:t>{{ x }}</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body>"
    )
    where = plats(source, 4, "body", ("Heading2",))
    assert str(where) == "dokumentets brödtext, tabell 1 (Egen regi), rad 2, kolumn 1"
    assert str(plats(source, 4, "body")) == "dokumentets brödtext, tabell 1, rad 2, kolumn 1"


# -- the settings file ------------------------------------------------------------------------------


def test_an_indentation_error_in_the_settings_is_explained_in_swedish(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    fil = katalog / "installningar.yaml"
    rader = fil.read_text(encoding="utf-8").split("\n")
    nr = next(i for i, r in enumerate(rader) if r.startswith("  metarad:"))
    rader[nr] = "   metarad: true"  # one space too many
    fil.write_text("\n".join(rader), encoding="utf-8")

    [fynd] = check_layout(katalog)

    assert (fynd.kod, fynd.plats) == ("MALL-INSTALLNING", f"rad {nr + 1}")
    assert fynd.meddelande.startswith("ett kolon står där det inte får stå: antingen är raden indragen mer")
    assert fynd.atgard.startswith("dra in raden lika mycket som raderna runt den")
    assert "mapping values" not in fynd.meddelande
    with pytest.raises(LayoutError) as info:
        render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")
    assert f"installningar.yaml, rad {nr + 1}: {fynd.meddelande}" in str(info.value)
    assert f"åtgärd: {fynd.atgard}" in str(info.value)


@pytest.mark.parametrize(
    ("fel", "borjan"),
    [
        ("  - metarad: true", "indragningen stämmer inte"),
        ("\tmetarad: true", "raden är indragen med tabb"),
        ("  metarad true", "ett kolon saknas mellan namnet och värdet"),
    ],
)
def test_other_yaml_mistakes_in_the_settings(tmp_path: Path, fel: str, borjan: str) -> None:
    katalog = _kopia(tmp_path)
    fil = katalog / "installningar.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("  metarad: true", fel), encoding="utf-8")
    [fynd] = check_layout(katalog)
    assert fynd.meddelande.startswith(borjan)
    assert fynd.plats.startswith("rad ")


def test_a_visa_setting_no_template_reads_is_a_warning(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path, "upplands-bro")
    fil = katalog / "installningar.yaml"
    text_ = fil.read_text(encoding="utf-8")
    fil.write_text(text_.replace("  brevhuvud: false", "  brevhuvud: true"), encoding="utf-8")
    nr = text_.split("\n").index("  brevhuvud: false") + 1

    [fynd] = check_layout(katalog)

    assert (fynd.severity, fynd.kod, fynd.fil) == ("varning", "MALL-OLAST-INSTALLNING", "installningar.yaml")
    assert fynd.plats == f"rad {nr}, visa.brevhuvud"
    assert fynd.meddelande == (
        "visa.brevhuvud är sant, men ingen av layoutens mallar läser installningar.visa.brevhuvud, så "
        "inställningen gör ingenting"
    )
    # A choice the view builder reads itself is not the templates' to read.
    fil.write_text(
        text_.replace("  diarienummer_med_bilagesuffix: false", "  diarienummer_med_bilagesuffix: true"),
        encoding="utf-8",
    )
    assert check_layout(katalog) == []


# -- columns under a loop ---------------------------------------------------------------------------


def test_a_column_without_fields_in_a_loop_table_is_a_warning(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        lagg_till_kolumn(tabell(rad(rot, "Nämnden totalt")))

    fynd = check_layout(katalog)

    assert [(f.severity, f.kod, f.plats.split(":")[0]) for f in fynd] == [
        ("varning", "MALL-KOLUMN", "dokumentets brödtext, tabell 1 (Sammanfattning), rad 1, kolumn 5"),
        ("varning", "MALL-KOLUMN", "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 6"),
    ]
    assert fynd[0].meddelande == (
        "kolumnen som cellen står i är tom i alla tabellens rader, också i raden som upprepas för varje rad"
    )
    assert fynd[1].meddelande == (
        "cellen står i raden som upprepas för varje rad i ekonomi.sammanfattning.rader, men har inget fält, "
        "så kolumnen blir tom i varje rad"
    )
    assert len(render(load(SAMPLE), layout=katalog, out_dir=tmp_path / "ut")) == 4


def test_rows_that_no_longer_match_the_grid_are_a_warning(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "ekonomi.docx") as rot:
        data = rad(rot, "{%tr endfor %}").getprevious()
        ta_bort(celler(data)[-1])

    fynd, *visas_inte = check_layout(katalog)

    # The removed cell's field is printed nowhere else now.
    assert [f.kod for f in visas_inte] == ["MALL-VISAS-INTE"]
    assert (fynd.kod, fynd.plats.split(":")[0]) == (
        "MALL-KOLUMN",
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 1",
    )
    assert fynd.meddelande.startswith("raden går över 4 kolumner, men tabellen har 5")


# -- byggblock (macros) -----------------------------------------------------------------------------


def test_a_typo_inside_a_macro_is_found_with_the_type_of_each_call(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "verksamhet.docx") as rot:
        t = next(t for t in rot.iter(f"{W}t") if t.text == "{{ i.kvinnor }}")
        t.text = "{{ i.kvinor }}"

    [fynd] = check_layout(katalog)

    assert (fynd.kod, fynd.plats) == (
        "MALL-OKANT-FALT",
        "dokumentets brödtext, tabell 7, rad 3, kolumn 3: ”{{ i.kvinor }}”",
    )
    assert fynd.meddelande == (
        "fältet 'kvinor' finns inte i i (i är ett element i x.indikatorer); menade du 'kvinnor'?"
    )
    _vagras(katalog, fynd, tmp_path)


def test_a_macro_called_wrongly(tmp_path: Path) -> None:
    katalog = _kopia(tmp_path)
    with redigera(katalog / "verksamhet.docx") as rot:
        stycke(rot, "{{p indikatorer(x, rubrikniva) }}")[0][0].text = "{{p indikatorer(x) }}"
        p = stycke(rot, "{{p uppfoljning(n, 5) }}")
        p[0][0].text = "Uppföljning: {{ uppfoljning(n, 5) }}"

    antal, inne_i_texten = check_layout(katalog)

    assert antal.kod == inne_i_texten.kod == "MALL-MAKRO"
    assert antal.meddelande == (
        "byggblocket indikatorer(x, rubrikniva) tar 2 argument, men anropet ger 1 argument"
    )
    assert inne_i_texten.meddelande == (
        "byggblocket uppfoljning skriver hela stycken och tabeller ({%p macro %}), men "
        "{{ uppfoljning(n, 5) }} står inne i texten"
    )
    assert inne_i_texten.atgard == "skriv anropet som {{p uppfoljning(…) }}, ensamt i ett eget stycke"
    _vagras(katalog, antal, tmp_path)


def test_a_changed_rule_misses_the_disk_cache() -> None:
    """The cache key holds the source of every template rule: a template cached under old
    rules is checked again under new ones."""
    import hashlib

    regler = sorted((ROOT / "src" / "delarsrapport" / "_designer").glob("*.py"))
    assert len(regler) > 5
    for fil in regler:
        assert hashlib.sha256(fil.read_bytes()).hexdigest().encode() in diskcache._versions()


def test_a_changed_render_module_misses_the_disk_cache() -> None:
    """Preparing a template runs the typography rules and Word-XML helpers as well as the
    engine: the key holds the source of every module of the render stage."""
    import hashlib

    moduler = sorted((ROOT / "src" / "delarsrapport" / "_render").glob("*.py"))
    assert {"engine.py", "typografi.py", "wordxml.py"} <= {f.name for f in moduler}
    for fil in moduler:
        assert hashlib.sha256(fil.read_bytes()).hexdigest().encode() in diskcache._versions()
