"""The layout check: broken templates and settings, each reported exactly, and the shipped
layouts clean.

Every test copies a shipped layout into a temporary folder and damages one thing: a
text in a template's XML, a small template built with python-docx, or the settings.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from delarsrapport._designer import MALLKODER, TILLATNA_INBYGGDA_FILTER, Mallfynd, check_layout

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS = ("uppsala", "uppsala-2024", "upplands-bro")


# -- building broken layouts ------------------------------------------------------------------


def _layout(tmp_path: Path, namn: str = "uppsala") -> Path:
    katalog = tmp_path / namn
    shutil.copytree(ROOT / "templates" / namn, katalog)
    return katalog


def _ersatt(katalog: Path, fil: str, gammal: str, ny: str, del_: str = "word/document.xml") -> None:
    """Replace the first occurrence of the text *gammal* in one XML part of a template."""
    path = katalog / fil
    with zipfile.ZipFile(path) as z:
        delar = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in delar:
            if info.filename == del_:
                xml = data.decode("utf-8")
                assert escape(gammal) in xml, f"{gammal!r} finns inte i {fil}:{del_}"
                data = xml.replace(escape(gammal), escape(ny), 1).encode("utf-8")
            z.writestr(info, data)


def _ny_mall(katalog: Path, fil: str, bygg: Callable[[Any], None]) -> None:
    """Replace a template by a small document that *bygg* writes with python-docx."""
    doc = Document()
    bygg(doc)
    doc.save(str(katalog / fil))


def _fynd(katalog: Path, kod: str | None = None) -> list[Mallfynd]:
    fynd = check_layout(katalog)
    return [f for f in fynd if kod is None or f.kod == kod]


# -- the shipped layouts ----------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_shipped_layouts_have_no_findings(layout: str) -> None:
    assert check_layout(ROOT / "templates" / layout) == []


# -- a. syntax errors, each with its place, and the check goes on -----------------------------


def test_every_syntax_error_is_reported_with_its_place(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)
    _ersatt(
        katalog,
        "ekonomi.docx",
        "{{ rad.kommunbidrag|belopp('mnkr') }}",
        "{{ rad.kommunbidrag|belopp('mnkr' }}",
    )
    _ersatt(katalog, "ekonomi.docx", "{{ namnd.versaler }}", "{{ namnd.versaler }}{% iff ekonomi.analys %}")
    # after the errors, the same part is still checked against the contract
    _ersatt(
        katalog,
        "ekonomi.docx",
        "{{ rad.helarsprognos|belopp('mnkr') }}",
        "{{ rad.helarsprognoss|belopp('mnkr') }}",
    )
    _ersatt(
        katalog,
        "tjansteskrivelse.docx",
        "{{ dokument.handlaggare }}",
        "{{ dokument.handlaggare + }}",
        "word/header1.xml",
    )
    _ersatt(katalog, "verksamhet.docx", "{%p endfor %}", "")

    fynd = check_layout(katalog)

    assert [(f.kod, f.fil) for f in fynd] == [
        ("MALL-SYNTAX", "tjansteskrivelse.docx"),
        ("MALL-SYNTAX", "ekonomi.docx"),
        ("MALL-SYNTAX", "ekonomi.docx"),
        ("MALL-OKANT-FALT", "ekonomi.docx"),
        ("MALL-SYNTAX", "verksamhet.docx"),
    ]
    ts, iff, belopp, falt, verksamhet = fynd
    assert ts.plats == "sidhuvudet på första sidan, stycke 8: ”Handläggare: {{ dokument.handlaggare + }}”"
    assert ts.meddelande == (
        "syntaxfel i taggen {{ dokument.handlaggare + }}: taggen tar slut innan uttrycket är färdigt"
    )
    assert iff.plats == (
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 1, kolumn 1: "
        "”{{ namnd.versaler }}{% iff ekonomi.analys %}”"
    )
    assert iff.meddelande == "okänd tagg 'iff' i {% iff ekonomi.analys %}; menade du 'if'?"
    assert belopp.plats == (
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 2: ”{{ rad.kommunbidrag|belopp('mnkr' }}”"
    )
    assert belopp.meddelande == "syntaxfel i taggen {{ rad.kommunbidrag|belopp('mnkr' }}: oväntat '}'"
    assert "menade du 'helarsprognos'?" in falt.meddelande
    assert verksamhet.meddelande.endswith("avslutas aldrig: {%p endfor %} saknas")
    assert all(f.severity == "fel" for f in fynd)


# -- b. unknown variables and fields, with the type of loop variables inferred ----------------


def test_unknown_field_on_a_loop_variable_suggests_the_right_one(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)
    _ersatt(
        katalog,
        "ekonomi.docx",
        "{{ rad.kommunbidrag|belopp('mnkr') }}",
        "{{ rad.kommunbidragg|belopp('mnkr') }}",
    )

    [fynd] = check_layout(katalog)

    assert fynd.kod == "MALL-OKANT-FALT"
    assert fynd.severity == "fel"
    assert fynd.fil == "ekonomi.docx"
    assert fynd.plats == (
        "dokumentets brödtext, tabell 1 (Sammanfattning), rad 4, kolumn 2: ”{{ rad.kommunbidragg|belopp('mnkr') }}”"
    )
    assert fynd.meddelande == (
        "fältet 'kommunbidragg' finns inte i rad (rad är ett element i ekonomi.sammanfattning.rader); "
        "menade du 'kommunbidrag'?"
    )
    assert "kommunbidrag, namn, periodens_utfall" in fynd.atgard


def test_unknown_variables_nested_loops_and_set(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        for text in (
            "{%p for g in nyckeltal.grupper %}",
            "{%p for m in g.matt %}",
            "{{ m.rubrik }} {{ m.nettokostnad|belopp }} {{ m.volymm }}",
            "{%p endfor %}",
            "{% set antal = g.matt|length %}{{ antal }} {{ antl }}",
            "{%p endfor %}",
            "{{ ekonomi.analys }} {{ nyckeltl.grupper }} {{ m.rubrik }}",
            "{% if saknas is defined %}x{% endif %}",
        ):
            doc.add_paragraph(text)

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = [(f.kod, f.severity, f.plats.split(":")[0], f.meddelande) for f in check_layout(katalog)]

    assert fynd == [
        (
            "MALL-OKANT-FALT",
            "fel",
            "dokumentets brödtext, stycke 3",
            "fältet 'volymm' finns inte i m (m är ett element i g.matt); menade du 'volym'?",
        ),
        (
            "MALL-OKAND-VARIABEL",
            "fel",
            "dokumentets brödtext, stycke 5",
            "variabeln 'antl' finns inte i nyckeltal.docx; menade du 'antal'?",
        ),
        (
            "MALL-OKAND-VARIABEL",
            "fel",
            "dokumentets brödtext, stycke 7",
            "variabeln 'ekonomi' finns bara i mallen ekonomi.docx, inte i nyckeltal.docx",
        ),
        (
            "MALL-OKAND-VARIABEL",
            "fel",
            "dokumentets brödtext, stycke 7",
            "variabeln 'nyckeltl' finns inte i nyckeltal.docx; menade du 'nyckeltal'?",
        ),
        (
            "MALL-OKAND-VARIABEL",
            "fel",
            "dokumentets brödtext, stycke 7",
            "variabeln 'm' finns inte i nyckeltal.docx",
        ),
        (
            "MALL-OKAND-VARIABEL",
            "varning",
            "dokumentets brödtext, stycke 8",
            "variabeln 'saknas' finns inte i nyckeltal.docx (villkoret blir alltid falskt)",
        ),
    ]


# -- c. filters -------------------------------------------------------------------------------


def test_unknown_filters_and_filter_arguments(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        for text in (
            "{% for g in nyckeltal.grupper %}{{ g.verksamhet|upper|trim }} {{ g.matt|length }}{% endfor %}",
            "{% for g in nyckeltal.grupper %}{{ g.verksamhet|beloop }}{% endfor %}",
            "{% for g in nyckeltal.grupper %}{{ g.verksamhet|wordcount }}{% endfor %}",
            "{{ period|period('kodd') }} {{ dokument.datum|datum(stil='lang') }}",
            "{{ dokument.titel|belopp('tkr') }}",
        ):
            doc.add_paragraph(text)

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = [(f.kod, f.severity, f.plats.split(":")[0], f.meddelande) for f in check_layout(katalog)]

    assert fynd == [
        (
            "MALL-OKANT-FILTER",
            "fel",
            "dokumentets brödtext, stycke 2",
            "filtret 'beloop' finns inte; menade du 'belopp'?",
        ),
        # Jinja's own filters outside the designer contract are not in the render
        # environment at all, so layout check calls them what render would: missing.
        ("MALL-OKANT-FILTER", "fel", "dokumentets brödtext, stycke 3", "filtret 'wordcount' finns inte"),
        (
            "MALL-FILTERARGUMENT",
            "fel",
            "dokumentets brödtext, stycke 4",
            "filtret period har inget val 'kodd' för stil_; menade du 'kod'?",
        ),
        (
            "MALL-FILTERARGUMENT",
            "fel",
            "dokumentets brödtext, stycke 4",
            "filtret datum får fel argument: argumentet 'stil' finns inte",
        ),
        (
            "MALL-FILTERARGUMENT",
            "fel",
            "dokumentets brödtext, stycke 5",
            "filtret belopp formaterar ett belopp, men dokument.titel är text",
        ),
    ]
    assert {"length", "upper", "default", "join", "e"} <= set(TILLATNA_INBYGGDA_FILTER)


# -- d. escaping bypasses and what the sandbox refuses -----------------------------------------


def test_escaping_bypasses_and_sandbox_refusals(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        for text in (
            "{{ dokument.titel|safe }} {{ dokument.titel|e }}",
            "{% autoescape false %}{{ dokument.titel }}{% endautoescape %}",
            "{{ dokument.__class__ }} {{ Markup('<w:br/>') }}",
            "{% include 'sidfot.xml' %}",
            "{{ period.kod() }} {{ dokument.titel.upper() }} {{ dokument.formatera() }}",
        ):
            doc.add_paragraph(text)

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = [(f.kod, f.severity, f.plats.split(":")[0], f.meddelande) for f in check_layout(katalog)]

    assert fynd == [
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 1",
            "filtret safe stänger av escapingen, så att text kan bryta dokumentets XML",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 2",
            "{% autoescape false %} stänger av escapingen, så att text med tecken som < och & kan bryta "
            "dokumentets XML",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 3",
            "'__class__' börjar med understreck; sådana inre delar av ett värde stoppar sandlådan",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 3",
            "Markup gör text till färdig XML utan escaping, och finns inte i en mall",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 4",
            "{% include %} hämtar andra mallfiler, vilket en Word-mall inte kan",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 5",
            "period.kod är ett fält, inte något som kan anropas med ()",
        ),
        (
            "MALL-OSAKER",
            "fel",
            "dokumentets brödtext, stycke 5",
            "mallen anropar formatera(), som inte finns i dokument",
        ),
    ]


# -- e. tags Word split so that they will not render -------------------------------------------


def _rad(p: Any, text: str) -> None:
    p.add_run(text)


def _spårad_borttagning(p: Any, text: str) -> None:
    borttagning = OxmlElement("w:del")
    borttagning.set(qn("w:id"), "1")
    borttagning.set(qn("w:author"), "Mallmakare")
    run = OxmlElement("w:r")
    del_text = OxmlElement("w:delText")
    del_text.text = text
    run.append(del_text)
    borttagning.append(run)
    p._p.append(borttagning)


def test_split_and_unbalanced_tags(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        p = doc.add_paragraph()
        _rad(p, "Antal grupper: {")
        _spårad_borttagning(p, "x")
        _rad(p, "{ nyckeltal.grupper|length }}")
        # split over runs of the same formatting: docxtpl joins it, so it is only a warning
        p = doc.add_paragraph()
        _rad(p, "{")
        _rad(p, "{ period|period('ar') }")
        _rad(p, "}")
        doc.add_paragraph("Period: {{ period|period('kod') }")
        doc.add_paragraph("{{ nyckeltal.gruper }} och %}")

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = check_layout(katalog)

    assert [(f.kod, f.plats) for f in fynd] == [
        (
            "MALL-DELAD-TAGG",
            "dokumentets brödtext, stycke 1: ”Antal grupper: {{ nyckeltal.grupper|length }}”",
        ),
        ("MALL-HOPFOGAD-TAGG", "dokumentets brödtext, stycke 2: ”{{ period|period('ar') }}”"),
        ("MALL-DELAD-TAGG", "dokumentets brödtext, stycke 3: ”Period: {{ period|period('kod') }”"),
        ("MALL-DELAD-TAGG", "dokumentets brödtext, stycke 4: ”{{ nyckeltal.gruper }} och %}”"),
        ("MALL-OKANT-FALT", "dokumentets brödtext, stycke 4: ”{{ nyckeltal.gruper }} och %}”"),
    ]
    assert fynd[0].meddelande == (
        "taggen {{ nyckeltal.grupper|length }} är delad i Word av en spårad borttagning, så docxtpl kan "
        "inte foga ihop den; den skulle stå kvar som text i dokumentet"
    )
    assert fynd[2].meddelande == (
        "taggen som börjar med {{ saknar sitt }} i samma stycke; en tagg måste börja och sluta i samma stycke"
    )
    assert fynd[1].severity == "varning"
    assert fynd[1].meddelande.startswith("Word har delat taggen {{ period|period('ar') }} i 3 textbitar")
    assert fynd[3].meddelande == "%} står utan en början ({%) före sig i samma stycke"
    assert fynd[4].meddelande == "fältet 'gruper' finns inte i nyckeltal; menade du 'grupper'?"
    # The check's claim holds: docxtpl leaves the first tag as text.
    doc = DocxTemplate(str(katalog / "nyckeltal.docx"))
    doc.init_docx()
    assert "{{ nyckeltal.grupper|length }}" not in doc.patch_xml(doc.get_xml())


# -- f. {%tr %}, {%tc %}, {%p %} and blocks in the wrong place ---------------------------------


def test_row_cell_and_paragraph_tags_in_the_wrong_place(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        d = doc
        d.add_paragraph("{%tr for g in nyckeltal.grupper %}")
        d.add_paragraph("{%tr endfor %}")
        d.add_paragraph("{%tc if nyckeltal.grupper %}{%tc endif %}")
        d.add_paragraph("Grupper {%p if nyckeltal.grupper %}")
        d.add_paragraph("{%p endif %}")
        d.add_paragraph("{{ nyckeltal.grupper[0].kommentar|stycken }}")

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = [(f.kod, f.plats.split(":")[0], f.meddelande) for f in check_layout(katalog)]

    assert fynd == [
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 1",
            "{%tr for g in nyckeltal.grupper %} står utanför en tabellrad; {%tr … %} upprepar eller tar bort "
            "den tabellrad den står i",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 2",
            "{%tr endfor %} står utanför en tabellrad; {%tr … %} upprepar eller tar bort den tabellrad den står i",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 3",
            "{%tc if nyckeltal.grupper %} står utanför en tabellcell; {%tc … %} upprepar eller tar bort den "
            "tabellcell den står i",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 3",
            "{%tc endif %} står utanför en tabellcell; {%tc … %} upprepar eller tar bort den tabellcell den står i",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 4",
            "{%p if nyckeltal.grupper %} ersätter hela stycket, så det andra som står i stycket försvinner: "
            "”Grupper”",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 6",
            "filtret stycken skriver hela stycken och måste stå sist i en egen {{p … }}-tagg",
        ),
    ]


def test_blocks_across_tables_rows_and_cells(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        d = doc
        t1 = d.add_table(rows=2, cols=2)
        t1.cell(0, 0).text = "{%tr for g in nyckeltal.grupper %}"
        t1.cell(1, 0).text = "{{ g.verksamhet }}"
        d.add_paragraph("Mellan tabellerna")
        t2 = d.add_table(rows=2, cols=2)
        t2.cell(0, 0).text = "{%tr endfor %}"
        t2.cell(1, 0).text = "{% for g in nyckeltal.grupper %}{{ g.verksamhet }}"
        t2.cell(1, 1).text = "{% endfor %}"
        d.add_paragraph("{%p if nyckeltal.grupper %}")
        d.add_paragraph("Text {% endif %}")

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = check_layout(katalog)

    assert [(f.kod, f.plats.split(":")[0], f.meddelande) for f in fynd] == [
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, tabell 1, rad 1, kolumn 1",
            "{%tr for g in nyckeltal.grupper %} och {%tr endfor %} (dokumentets brödtext, tabell 2, rad 1, "
            "kolumn 1) står i olika tabeller",
        ),
        (
            "MALL-LOOP-OVER-CELLER",
            "dokumentets brödtext, tabell 2, rad 2, kolumn 1",
            "{% for g in nyckeltal.grupper %} öppnas i tabell 2, rad 2, kolumn 1 men {% endfor %} står i "
            "tabell 2, rad 2, kolumn 2; ett block inne i texten kan inte gå över flera tabellceller",
        ),
        (
            "MALL-FEL-PLATS",
            "dokumentets brödtext, stycke 10",
            "{%p if nyckeltal.grupper %} är en styckestagg ({%p … %}), men {% endif %} (dokumentets "
            "brödtext, stycke 11) är en tagg inne i texten ({% … %}); taggarna i ett block måste vara av "
            "samma slag",
        ),
    ]
    assert fynd[1].atgard.startswith("använd {%tr for … %} … {%tr endfor %} i egna rader")


def test_loops_over_views_raw_output_and_whitespace_control(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)

    def bygg(doc: Any) -> None:
        for text in (
            "{% for g in nyckeltal %}{{ g }}{% endfor %}",
            "{% for g in nyckeltal.grupper %}{{ g.kommentar }} {{ g.matt[0].nettokostnad }}{% endfor %}",
            "Rubrik",
            "Text {%- if nyckeltal.grupper %}ja{% endif %}",
        ):
            doc.add_paragraph(text)

    _ny_mall(katalog, "nyckeltal.docx", bygg)

    fynd = [(f.kod, f.severity, f.plats.split(":")[0], f.meddelande) for f in check_layout(katalog)]

    assert fynd == [
        (
            "MALL-INTE-LISTA",
            "fel",
            "dokumentets brödtext, stycke 1",
            "nyckeltal är en grupp av fält, inte en lista, så {% for %} kan inte gå igenom den; "
            "menade du nyckeltal.grupper?",
        ),
        (
            "MALL-UTSKRIFT",
            "varning",
            "dokumentets brödtext, stycke 2",
            "g.kommentar är en lista och skrivs ut rått, som Python-text",
        ),
        (
            "MALL-UTSKRIFT",
            "varning",
            "dokumentets brödtext, stycke 2",
            "g.matt[0].nettokostnad är ett belopp och skrivs ut rått, som Python-text",
        ),
        (
            "MALL-FEL-PLATS",
            "fel",
            "dokumentets brödtext, stycke 4",
            "{%- if nyckeltal.grupper %} fogar ihop taggen med texten före sig, och texten ”Text” före den "
            "försvinner",
        ),
    ]


# -- g. missing templates and settings ----------------------------------------------------------


def test_missing_template_bad_settings_and_missing_style(tmp_path: Path) -> None:
    katalog = _layout(tmp_path, "upplands-bro")
    (katalog / "internkontroll.docx").rename(katalog / "Internkontrol.docx")
    installningar = katalog / "installningar.yaml"
    text = installningar.read_text(encoding="utf-8")
    text = text.replace("namnordning:", "namnordnig: efternamn_fornamn\nnamnordning:", 1)
    text = text.replace("  minus:", "  gammalt_minus: x\n  minus:", 1)
    installningar.write_text(text, encoding="utf-8")

    fynd = check_layout(katalog)

    assert [(f.kod, f.fil, f.plats) for f in fynd] == [
        ("MALL-INSTALLNING", "installningar.yaml", "rad 7, talstil.gammalt_minus"),
        ("MALL-INSTALLNING", "installningar.yaml", "rad 12, namnordnig"),
        ("MALL-SAKNAS", "internkontroll.docx", "layoutmappen upplands-bro"),
    ]
    assert (
        fynd[0].meddelande
        == "okänt fält 'gammalt_minus'; giltiga fält här: minus, procent_mellanslag, noll, saknas"
    )
    assert fynd[1].meddelande.startswith("okänt fält 'namnordnig' (menade du 'namnordning'?)")
    assert fynd[2].meddelande == "mallen för dokumentslaget internkontroll saknas (filen internkontroll.docx)"
    assert fynd[2].atgard.endswith(
        "byt namn på Internkontrol.docx till internkontroll.docx om det är den mallen"
    )


def test_settings_value_and_style_names(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)
    installningar = katalog / "installningar.yaml"
    text = installningar.read_text(encoding="utf-8")
    text = text.replace('  minus: "-"', '  minus: "x"', 1).replace("  stycke: Normal", "  stycke: Normall", 1)
    installningar.write_text(text, encoding="utf-8")

    [minus] = check_layout(katalog)
    assert (minus.kod, minus.plats) == ("MALL-INSTALLNING", "rad 5, talstil")
    assert minus.meddelande == "ogiltigt värde 'x' för 'minus'; tillåtna värden: '-', '−'"

    text = text.replace('  minus: "x"', '  minus: "-"', 1)
    installningar.write_text(text, encoding="utf-8")
    fynd = check_layout(katalog)
    assert [(f.kod, f.fil) for f in fynd] == [
        ("MALL-STIL", "tjansteskrivelse.docx"),
        ("MALL-STIL", "ekonomi.docx"),
        ("MALL-STIL", "verksamhet.docx"),
        ("MALL-STIL", "nyckeltal.docx"),
        ("MALL-STIL", "internkontroll.docx"),
    ]
    assert fynd[0].plats == "formatmallarna (stilar.stycke i installningar.yaml)"
    assert fynd[0].meddelande == (
        "stilen 'Normall' som installningar.yaml anger i stilar.stycke finns inte i mallen; menade du 'normal'?"
    )


def test_missing_folder_and_unreadable_template(tmp_path: Path) -> None:
    [saknas] = check_layout(tmp_path / "finns-inte")
    assert (saknas.kod, saknas.meddelande) == (
        "MALL-SAKNAS",
        f"layoutmappen {tmp_path / 'finns-inte'} finns inte",
    )

    katalog = _layout(tmp_path)
    (katalog / "nyckeltal.docx").write_bytes(b"inte en zip-fil")
    [olasbar] = check_layout(katalog)
    assert (olasbar.kod, olasbar.fil) == ("MALL-OLASBAR", "nyckeltal.docx")


# -- the findings as JSON and their codes -------------------------------------------------------


def test_findings_as_json_use_documented_codes(tmp_path: Path) -> None:
    katalog = _layout(tmp_path)
    _ersatt(katalog, "ekonomi.docx", "{{ namnd.versaler }}", "{{ namnd.versalerr }}")
    [fynd] = check_layout(katalog)
    data = json.loads(json.dumps(fynd.as_dict()))
    assert data == {
        "kod": "MALL-OKANT-FALT",
        "grad": "fel",
        "fil": "ekonomi.docx",
        "del": "dokumentets brödtext",
        "stycke": 7,
        "tabell": 1,
        "tabellrad": 1,
        "kolumn": 1,
        "text": "{{ namnd.versalerr }}",
        "rad": None,
        "sokvag": None,
        "plats": "dokumentets brödtext, tabell 1 (Sammanfattning), rad 1, kolumn 1: ”{{ namnd.versalerr }}”",
        "meddelande": "fältet 'versalerr' finns inte i namnd; menade du 'versaler'?",
        "atgard": "rätta fältnamnet; se docs/mallguide.md; fält i namnd: forkortning, genitiv, "
        "genitiv_i_lopande_text, i_lopande_text, namn, organisation, versaler",
    }
    assert data["kod"] in MALLKODER
