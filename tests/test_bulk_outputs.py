"""The summary files: CSV and XLSX read back, hostile text neutralised and escaped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from rak.bulk.discover import Skipped
from rak.bulk.indexpage import Totals, render_index
from rak.bulk.outputs import OutputDir, merge_columns, write_summary
from rak.bulk.summary import CLEAN, FINDINGS, UNREADABLE, SummaryLine, exit_code, worst_first
from rak.bulk.work import Outcome

EVIL_UNIT = '=HYPERLINK("http://x.test","klik")'
EVIL_FILE = "<script>alert(1)</script>.pdf"


def _lines() -> list[SummaryLine]:
    return [
        SummaryLine("a/rak.pdf", CLEAN, 0, unit_organisasi="SEKRETARIAT KPU KABUPATEN SAMBAS",
                    tahun=2024, rows=24,
                    reports={"html": "berkas/a__rak.pdf.html", "json": "berkas/a__rak.pdf.json"}),
        SummaryLine(EVIL_FILE, FINDINGS, 1, unit_organisasi=EVIL_UNIT, tahun=2024, rows=10,
                    errors=2, warnings=1),
        SummaryLine("rusak.pdf", UNREADABLE, 2, reason="-1+1 berkas rusak"),
    ]


def test_summary_csv_has_a_bom_and_neutralised_cells(tmp_path: Path):
    out = OutputDir(tmp_path / "hasil")
    write_summary(out, _lines(), [Skipped("@catatan.txt", "skip_not_rak", "teks")], "id")
    raw = (tmp_path / "hasil" / "ringkasan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "hasil" / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["bersih", "ada temuan", "gagal dibaca"]
    assert rows[1]["unit_organisasi"] == "'" + EVIL_UNIT
    assert rows[2]["reason"] == "'-1+1 berkas rusak"
    assert rows[2]["rows"] == "" and rows[2]["errors"] == ""
    skipped = (tmp_path / "hasil" / "dilewati.csv").read_text("utf-8-sig")
    assert "'@catatan.txt" in skipped


def test_summary_xlsx_has_frozen_header_filter_widths_and_no_formulas(tmp_path: Path):
    out = OutputDir(tmp_path / "hasil")
    write_summary(out, _lines(), [], "en")
    wb = load_workbook(tmp_path / "hasil" / "ringkasan.xlsx")
    ws = wb.active
    assert ws.freeze_panes == "A2"
    from openpyxl.utils import get_column_letter

    from rak.bulk.summary import COLUMNS

    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(COLUMNS))}4"  # every column
    header = [c.value for c in ws[1]]
    assert header[:8] == ["file", "unit_organisasi", "tahun", "rows", "errors", "warnings",
                          "infos", "status"]
    assert all(c.font.bold for c in ws[1])
    assert ws["B3"].value == "'" + EVIL_UNIT and ws["B3"].data_type == "s"
    assert ws["C2"].value == 2024 and ws["D2"].value == 24  # numbers stay numbers
    assert [ws.cell(row=r, column=8).value for r in (2, 3, 4)] == ["clean", "findings",
                                                                   "unreadable"]
    assert ws["J2"].hyperlink.target == "berkas/a__rak.pdf.html"
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert 8 <= widths["A"] <= 60 and widths["B"] > widths["C"]
    assert not (tmp_path / "hasil" / "ringkasan.xlsx.tmp").exists()


def test_index_is_worst_first_escaped_and_totals_by_rule_and_pelaksana():
    totals = Totals()
    totals.add(Outcome(True, 1, by_rule={"missing-pelaksana": {"error": 2}},
                       by_pelaksana={"": {"rows": 2, "error": 2}, "Subbag Umum": {"rows": 5}}))
    totals.add(Outcome(True, 1, by_rule={"missing-pelaksana": {"error": 1},
                                         "target-without-unit": {"warning": 3}},
                       by_pelaksana={"<b>Hukum</b>": {"rows": 4, "warning": 3}}))
    page = render_index(_lines(), [Skipped("<img src=x onerror=alert(1)>", "skip_not_rak",
                                           "?")], totals, "check", "id")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "<b>Hukum" not in page
    assert page.index("rusak.pdf") < page.index("&lt;script&gt;") < page.index("a/rak.pdf")
    assert 'href="berkas/a__rak.pdf.html"' in page
    rule_row = page[page.index("missing-pelaksana"):].split("</tr>")[0]
    assert '<td class="n">3</td>' in rule_row and '<td class="n">2</td>' in rule_row
    assert "(kosong)" in page  # rows without a pelaksana are counted too
    assert "<link" not in page and "<script" not in page  # offline, no script


def test_exit_code_is_the_worst_and_worst_first_order():
    lines = _lines()
    assert exit_code(lines) == 2
    assert exit_code(lines[:2]) == 1
    assert exit_code(lines[:1]) == 0
    assert [x.status for x in worst_first(lines)] == [UNREADABLE, FINDINGS, CLEAN]


def test_writes_never_leave_the_out_folder(tmp_path: Path):
    out = OutputDir(tmp_path / "hasil")
    with pytest.raises(OSError):
        out.write_text(("..", "lolos.txt"), "x")
    (tmp_path / "hasil" / "berkas").symlink_to(tmp_path)
    with pytest.raises(OSError):
        out.file_reports("a.pdf", {"json": "{}"})
    assert not (tmp_path / "lolos.txt").exists() and not (tmp_path / "a.pdf.json").exists()


def test_row_columns_merge_bulan_and_triwulan_in_place():
    bulan = ["baris", "kegiatan", *(f"B{i}" for i in range(1, 13)), "pelaksana", "no"]
    triwulan = ["baris", "kegiatan", "TW1", "TW2", "TW3", "TW4", "pelaksana", "anggaran"]
    merged = merge_columns([bulan, triwulan])
    assert merged[:5] == ["file", "unit_organisasi", "tahun", "baris", "kegiatan"]
    assert merged.index("TW4") < merged.index("pelaksana")
    assert merged.index("B12") < merged.index("pelaksana")
    assert merged[-3:] == ["pelaksana", "anggaran", "no"] or merged[-3:] == [
        "pelaksana", "no", "anggaran"]
