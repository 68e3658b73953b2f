"""Locations in the user's terms: a workbook's sheet and cell, a Word table and row, a PDF's
page, in the JSON (additively) and in every report of ``rak check``.

Each location is checked against the file itself: the cell a row names holds that row's text
(read with openpyxl), the Word table row it names holds it (read with python-docx).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import docx
import jsonschema
import pytest
from openpyxl import load_workbook
from rak_schemas import load_schema
from typer.testing import CliRunner

from extractor import extract
from extractor.readers.xlsx_values import render
from rak.cli import app

from .conftest import SAMPLES


def _check(name: str, fmt: str, *more: str) -> str:
    result = CliRunner().invoke(app, ["check", str(SAMPLES / name), "-f", fmt, *more])
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def workbook_json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_check("rak-excel-multisheet.xlsx", "json"))
    return data


def test_every_cell_a_workbook_row_names_holds_its_text(workbook_json: dict[str, Any]) -> None:
    wb = load_workbook(SAMPLES / "rak-excel-multisheet.xlsx")
    for row in workbook_json["rows"]:
        loc = row["lokasi"]
        assert loc["halaman"] is None and "tabel" not in loc
        ws = wb[loc["lembar"]]
        cells = loc["sel_kolom"]
        assert render(ws[cells["kegiatan"]]) == row["kegiatan"]
        assert render(ws[cells["target"]]) == row["target"]["teks"]
        assert render(ws[cells["indikator_kinerja"]]) == row["indikator_kinerja"]
        # SASARAN merged over its rows: every row names the merge's top-left cell
        assert " ".join(render(ws[cells["sasaran_kegiatan"]]).split()) == row["sasaran_kegiatan"]
        assert cells["kegiatan"].endswith(str(loc["baris_lembar"]))
        first, last = cells["jadwal"].split(":")
        assert first.endswith(str(loc["baris_lembar"])) and last.endswith(str(loc["baris_lembar"]))


def test_a_hidden_row_does_not_count_and_the_sheet_is_the_rak_one(
    workbook_json: dict[str, Any],
) -> None:
    wb = load_workbook(SAMPLES / "rak-excel-multisheet.xlsx")
    sheet_rows = [r["lokasi"]["baris_lembar"] for r in workbook_json["rows"]]
    hidden = {r for r, dim in wb["RAK 2025"].row_dimensions.items() if dim.hidden}
    assert hidden and not hidden & set(sheet_rows)
    assert {r["lokasi"]["lembar"] for r in workbook_json["rows"]} == {"RAK 2025"}


def test_a_findings_cell_is_its_fields_cell() -> None:
    data = json.loads(_check("rak-kubu-raya-2024.xlsx", "json"))
    assert not list(jsonschema.Draft202012Validator(load_schema()).iter_errors(data))
    by_rule = {f["rule"]: f for f in data["findings"]}
    invalid = by_rule["invalid-pelaksana"]
    row = data["rows"][invalid["row"] - 1]
    assert invalid["lokasi"]["sel"] == row["lokasi"]["sel_kolom"]["pelaksana"]
    assert invalid["lokasi"]["lembar"] == "RAK 2024"
    wb = load_workbook(SAMPLES / "rak-kubu-raya-2024.xlsx")
    assert wb["RAK 2024"][invalid["lokasi"]["sel"]].value == "√"
    target = by_rule["target-without-unit"]
    assert render(wb["RAK 2024"][target["lokasi"]["sel"]]) == "3,5"
    assert "sel_kolom" not in target["lokasi"]


def test_a_word_row_names_its_table_and_row() -> None:
    doc = extract(SAMPLES / "rak-kubu-raya-2024.docx")
    tables = docx.Document(str(SAMPLES / "rak-kubu-raya-2024.docx")).tables
    for row in doc.rows:
        loc = row.lokasi
        assert loc.tabel is not None and loc.baris_tabel is not None and loc.lembar is None
        cells = tables[loc.tabel - 1].rows[loc.baris_tabel - 1].cells
        assert row.kegiatan in {" ".join(c.text.split()) for c in cells}
    data = doc.to_dict()
    assert not list(jsonschema.Draft202012Validator(load_schema()).iter_errors(data))
    assert set(data["rows"][0]["lokasi"]) == {"halaman", "baris", "kotak", "tabel", "baris_tabel"}


def test_a_pdf_row_has_its_page_and_no_other_place() -> None:
    data = extract(SAMPLES / "rak-kubu-raya-2024.pdf").to_dict()
    assert all(set(r["lokasi"]) == {"halaman", "baris", "kotak"} for r in data["rows"])
    assert data["rows"][33]["lokasi"]["halaman"] == 14


def test_the_text_report_says_where_to_edit() -> None:
    text = _check("rak-kubu-raya-2024.xlsx", "text")
    assert "lembar RAK 2024, baris 15" in text and "'RAK 2024'!Q15" in text
    word = _check("rak-kubu-raya-2024.docx", "text", "--lang", "en")
    assert "Row 7 · table 3, row 5" in word
    pdf = _check("rak-kubu-raya-2024.pdf", "text")
    assert "Baris 34 · hal. 14" in pdf


def test_the_html_report_says_where_to_edit() -> None:
    page = _check("rak-kubu-raya-2024.xlsx", "html")
    assert "lembar RAK 2024, baris 15" in page and "&#x27;RAK 2024&#x27;!Q15" in page
    assert "tabel 3, baris 5" in _check("rak-kubu-raya-2024.docx", "html")


def test_the_csv_report_has_the_places_after_its_first_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(_check("rak-kubu-raya-2024.xlsx", "csv"))))
    invalid = next(r for r in rows if r["rule"] == "invalid-pelaksana")
    assert (invalid["sheet"], invalid["sheet_row"], invalid["cell"]) == ("RAK 2024", "15", "Q15")
    assert invalid["page"] == "" and invalid["table"] == ""
    word = list(csv.DictReader(io.StringIO(_check("rak-kubu-raya-2024.docx", "csv"))))
    invalid = next(r for r in word if r["rule"] == "invalid-pelaksana")
    assert (invalid["table"], invalid["table_row"], invalid["cell"]) == ("3", "5", "")


def test_csv_for_indonesian_excel_with_sep() -> None:
    text = _check("rak-kubu-raya-2024.xlsx", "csv", "--sep", ";")
    assert text.splitlines()[0].startswith("\ufefffile;row;page;rule")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert {r["rule"] for r in rows} >= {"invalid-pelaksana"}
    result = CliRunner().invoke(
        app, ["extract", str(SAMPLES / "rak-kubu-raya-2024.docx"), "-f", "csv", "--sep", ";"]
    )
    lines = list(csv.DictReader(io.StringIO(result.stdout), delimiter=";"))
    assert len(lines) == 53
    persen = next(r for r in lines if r["target"] == "87,5%")
    assert persen["target_nilai"] == "87,5"  # a decimal comma, as that Excel reads numbers
    plain = CliRunner().invoke(
        app, ["extract", str(SAMPLES / "rak-kubu-raya-2024.docx"), "-f", "csv"]
    )
    assert next(r for r in csv.DictReader(io.StringIO(plain.stdout))
                if r["target"] == "87,5%")["target_nilai"] == "87.5"


def test_a_separator_rak_does_not_write_is_refused() -> None:
    result = CliRunner().invoke(
        app, ["extract", str(SAMPLES / "rak-arsir.docx"), "-f", "csv", "--sep", "::"]
    )
    assert result.exit_code == 2 and "--sep" in result.output
