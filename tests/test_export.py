"""Extract CSV: one line per row, schedule as 0/1 columns, BOM, formulas neutralised."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from extractor import extract
from rak.cli import app
from rak.export import to_csv

from .conftest import SAMPLES


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_a_line_per_row_and_a_column_per_month():
    doc = extract(SAMPLES / "rak-kubu-raya-2024.docx")
    rows = _rows(to_csv(doc))
    assert len(rows) == 53
    first = rows[0]
    assert [first[f"B{i}"] for i in range(1, 13)] == list("010101011111")
    assert first["target_nilai"] == "12" and first["target_satuan"] == "kali"


def test_quarter_csv_has_four_period_columns():
    rows = _rows(to_csv(extract(SAMPLES / "rak-triwulan.docx")))
    assert {"TW1", "TW2", "TW3", "TW4"} <= set(rows[0]) and "B1" not in rows[0]


def test_document_text_that_looks_like_a_formula_is_neutralised():
    doc = extract(SAMPLES / "rak-kubu-raya-2024.docx")
    doc.rows[0].kegiatan = '=HYPERLINK("http://x.test","klik")'
    doc.rows[1].pelaksana = "@SUM(A1)"
    rows = _rows(to_csv(doc))
    assert rows[0]["kegiatan"].startswith("'=")
    assert rows[1]["pelaksana"] == "'@SUM(A1)"


def test_csv_file_is_written_with_a_bom(tmp_path):
    out = tmp_path / "rak.csv"

    result = CliRunner().invoke(
        app, ["extract", str(SAMPLES / "rak-kubu-raya-2024.pdf"), "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
