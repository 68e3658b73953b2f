"""The summary files: CSV and XLSX read back, hostile text neutralised and escaped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from rak.bulk.discover import Skipped
from rak.bulk.findings import FindingLine
from rak.bulk.grouping import UnitTally, merged
from rak.bulk.indexpage import render_index
from rak.bulk.outputs import OutputDir, merge_columns, write_summary
from rak.bulk.summary import CLEAN, ERRORS, UNREADABLE, SummaryLine, exit_code, worst_first

EVIL_UNIT = '=HYPERLINK("http://x.test","klik")'
EVIL_FILE = "<script>alert(1)</script>.pdf"


def _lines() -> list[SummaryLine]:
    return [
        SummaryLine("a/rak.pdf", CLEAN, 0, unit_organisasi="SEKRETARIAT KPU KABUPATEN SAMBAS",
                    tahun=2024, rows=24,
                    reports={"html": "berkas/a__rak.pdf.html", "json": "berkas/a__rak.pdf.json"}),
        SummaryLine(EVIL_FILE, ERRORS, 1, unit_organisasi=EVIL_UNIT, tahun=2024, rows=10,
                    errors=2, warnings=1, sure_errors=2),
        SummaryLine("rusak.pdf", UNREADABLE, 2, reason="-1+1 berkas rusak"),
    ]


def test_summary_csv_has_a_bom_and_neutralised_cells(tmp_path: Path):
    out = OutputDir(tmp_path / "hasil")
    lines = _lines()
    write_summary(out, lines, [Skipped("@catatan.txt", "skip_not_rak", "teks")], "id",
                  merged(lines))
    raw = (tmp_path / "hasil" / "ringkasan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "hasil" / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["status"] for r in rows] == ["bersih", "perlu perbaikan", "gagal dibaca"]
    assert [r["status_code"] for r in rows] == ["clean", "errors", "unreadable"]
    assert rows[1]["unit_organisasi"] == "'" + EVIL_UNIT
    assert rows[2]["reason"] == "'-1+1 berkas rusak"
    assert rows[2]["rows"] == "" and rows[2]["errors"] == ""
    skipped = (tmp_path / "hasil" / "dilewati.csv").read_text("utf-8-sig")
    assert "'@catatan.txt" in skipped


def test_summary_xlsx_has_frozen_header_filter_widths_and_no_formulas(tmp_path: Path):
    out = OutputDir(tmp_path / "hasil")
    lines = _lines()
    write_summary(out, lines, [], "en", merged(lines))
    wb = load_workbook(tmp_path / "hasil" / "ringkasan.xlsx")
    assert wb.sheetnames == ["Summary", "Findings", "By rule", "By pelaksana"]
    ws = wb["Summary"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:10] == ["File", "Organisation unit", "Unit (as written)", "Year", "Rows",
                           "Errors", "Warnings", "Info", "Status", "Confidence"]
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(header))}4"  # every column
    assert all(c.font.bold for c in ws[1])
    # Errors first: the evil line, then the unreadable file, then the clean one.
    assert [ws.cell(row=r, column=9).value for r in (2, 3, 4)] == [
        "needs fixing", "unreadable", "clean"]
    assert ws["C2"].value == "'" + EVIL_UNIT and ws["C2"].data_type == "s"
    assert ws["D4"].value == 2024 and ws["E4"].value == 24  # numbers stay numbers
    assert ws["L4"].hyperlink.target == "berkas/a__rak.pdf.html"
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert 6 <= widths["A"] <= 60 and widths["C"] > widths["D"]
    assert not (tmp_path / "hasil" / "ringkasan.xlsx.tmp").exists()


def _finding(rule: str, severity: str, row: int, units: tuple[str, ...]) -> FindingLine:
    return FindingLine(rule, severity, row, "pesan", (("halaman", 1),), units)


def test_index_is_errors_first_escaped_and_totals_by_rule_and_pelaksana():
    lines = _lines()
    umum = "Subbagian Keuangan, Umum dan Logistik"
    lines[1].findings = [_finding("missing-pelaksana", "error", 1, ("",)),
                         _finding("missing-pelaksana", "error", 2, ("",)),
                         _finding("target-without-unit", "warning", 3, ("?<b>hukum</b>",))]
    lines[1].pelaksana = {
        "": UnitTally("", counts={"rows": 2, "error": 2}, written={"": 2}),
        umum: UnitTally(umum, True, counts={"rows": 5}, written={"Subbag Umum": 5}),
        "?<b>hukum</b>": UnitTally("<b>Hukum</b>", counts={"rows": 4, "warning": 1},
                                   written={"<b>Hukum</b>": 4}),
    }
    page = render_index(lines, [Skipped("<img src=x onerror=alert(1)>", "skip_not_rak", "?")],
                        merged(lines), "check", "id")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "<b>Hukum" not in page
    assert page.index("&lt;script&gt;") < page.index("rusak.pdf") < page.index("a/rak.pdf")
    assert 'href="berkas/a__rak.pdf.html"' in page
    rule_row = page[page.index('data-rule="missing-pelaksana"'):].split("</tr>")[0]
    assert '<td class="n">2</td>' in rule_row and '<td class="n">1</td>' in rule_row
    assert "(kosong)" in page  # rows without a pelaksana are counted too
    assert "Subbag Umum (5)" in page  # the spelling beside the canonical name
    assert "<link" not in page and "src=" not in page.replace("src=x", "")  # nothing fetched


def test_exit_code_is_the_worst_and_errors_first_order():
    lines = _lines()
    assert exit_code(lines) == 2
    assert exit_code(lines[:2]) == 1
    assert exit_code(lines[:1]) == 0
    assert [x.status for x in worst_first(lines)] == [ERRORS, UNREADABLE, CLEAN]


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
