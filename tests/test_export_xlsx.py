"""``rak extract -f xlsx`` and ``rak check -f xlsx``: the workbook a person would make of the
RAK, read back with openpyxl and printed by LibreOffice.

What the sheet must hold is taken from the samples' specs (``.expected.json``): every row's
text in its column, a ✓ under each planned period and nothing under the others, the merges
where the spec's rows share a sasaran, the signature under the table.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from checks import CheckConfig, run_checks
from checks.report import Report
from extractor import extract
from extractor.headings import heading_role
from extractor.readers import legacy
from rak.cli import app
from rak.workbook import rak_workbook
from rak.workbook_findings import check_workbook

from .conftest import SAMPLES, load_expected

SEED = "rak-kubu-raya-2024"


def _sheet(data: bytes, name: str | None = None) -> Worksheet:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[name] if name else wb.worksheets[0]
    assert isinstance(ws, Worksheet)
    return ws


def _header_row(ws: Worksheet) -> int:
    return next(
        r
        for r in range(1, 20)
        if any(
            ws.cell(r, c).value == "KEGIATAN" or ws.cell(r, c).value == "RENCANA AKSI"
            for c in range(1, ws.max_column + 1)
        )
    )


def _columns(ws: Worksheet, top: int) -> dict[str, int]:
    """Heading -> column, the period labels from the row under the headings."""
    out: dict[str, int] = {}
    for c in range(1, ws.max_column + 1):
        for r in (top, top + 1):
            value = ws.cell(r, c).value
            if isinstance(value, str) and value and value not in out:
                out[value] = c
    return out


@pytest.fixture(scope="module")
def seed_sheet() -> Worksheet:
    return _sheet(rak_workbook(extract(SAMPLES / f"{SEED}.docx")))


def test_the_sheet_is_the_rak_with_its_rows_marks_and_merges(seed_sheet: Worksheet) -> None:
    ws, want = seed_sheet, load_expected(SEED)
    top = _header_row(ws)
    cols = _columns(ws, top)
    months = [f"B{i}" for i in range(1, 13)]  # as the seed prints them
    assert [h for h in cols if h in months] == months
    assert {
        "SASARAN KEGIATAN",
        "INDIKATOR KINERJA",
        "TARGET",
        "KEGIATAN",
        "PELAKSANA",
        "RENCANA PELAKSANAAN",
    } <= set(cols)
    first = top + 2
    merged = {str(m): m for m in ws.merged_cells.ranges}
    sasaran_col = cols["SASARAN KEGIATAN"]
    for n, row in enumerate(want["rows"]):
        r = first + n
        assert ws.cell(r, cols["KEGIATAN"]).value == row["kegiatan"]
        assert ws.cell(r, cols["PELAKSANA"]).value == (row["pelaksana"] or None)
        marks = [m for m, label in enumerate(months, 1) if ws.cell(r, cols[label]).value == "✓"]
        assert marks == row["jadwal"]
        # SASARAN: written where its run starts, merged down over the rows that share it
        if n == 0 or want["rows"][n - 1]["sasaran_kegiatan"] != row["sasaran_kegiatan"]:
            assert ws.cell(r, sasaran_col).value == row["sasaran_kegiatan"]
    runs = [
        m for m in merged.values() if m.min_col == m.max_col == sasaran_col and m.min_row >= first
    ]
    shared = sum(
        1
        for a, b in zip(want["rows"], want["rows"][1:])
        if a["sasaran_kegiatan"] == b["sasaran_kegiatan"]
    )
    assert sum(m.max_row - m.min_row for m in runs) == shared


def test_the_title_lines_and_the_signature_are_laid_out_around_the_table(
    seed_sheet: Worksheet,
) -> None:
    ws, meta = seed_sheet, load_expected(SEED)["document"]
    texts = [
        str(ws.cell(r, c).value)
        for r in range(1, ws.max_row + 1)
        for c in range(1, ws.max_column + 1)
        if ws.cell(r, c).value is not None
    ]
    assert texts[0] == meta["judul"]
    assert f"Unit Organisasi : {meta['unit_organisasi']}" in texts[:4]
    assert f"Tahun : {meta['tahun']}" in texts[:4]
    tail = texts[-3:]
    assert tail == [
        f"{meta['tempat']}, {meta['tanggal']}",
        f"{meta['penandatangan']['jabatan']},",
        meta["penandatangan"]["nama"],
    ]


def test_print_and_screen_setup(seed_sheet: Worksheet) -> None:
    ws = seed_sheet
    top = _header_row(ws)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr is not None
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${top}:${top + 1}"
    assert ws.freeze_panes == f"A{top + 2}"
    cols = _columns(ws, top)
    widths = {h: ws.column_dimensions[get_column_letter(c)].width for h, c in cols.items()}
    assert widths["KEGIATAN"] > widths["TARGET"] > widths["B1"]
    body = ws.cell(top + 2, cols["KEGIATAN"])
    assert body.alignment.wrap_text and body.border.left.style == "thin"


def test_the_documents_own_headings_and_columns() -> None:
    tw = _sheet(rak_workbook(extract(SAMPLES / "rak-triwulan.docx")))
    cols = _columns(tw, _header_row(tw))
    assert {
        "RENCANA AKSI",
        "PENANGGUNG JAWAB",
        "JADWAL",
        "TW I",
        "TW II",
        "TW III",
        "TW IV",
    } <= set(cols)
    assert "Jan" not in cols
    extra = _sheet(rak_workbook(extract(SAMPLES / "rak-no-anggaran.docx")))
    top = _header_row(extra)
    cols = _columns(extra, top)
    assert cols["NO"] == 1 and cols["ANGGARAN"] > cols["PELAKSANA"]
    want = load_expected("rak-no-anggaran")["rows"][0]["lainnya"]
    assert str(extra.cell(top + 2, cols["NO"]).value) == want["no"]
    assert extra.cell(top + 2, cols["ANGGARAN"]).value == want["anggaran"]
    # Labels the document did not give (a JSON written before): the months by name.
    doc = extract(SAMPLES / "rak-kubu-raya-2024.xlsx")
    doc.label_periode = []
    plain = _sheet(rak_workbook(doc))
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    assert [h for h in _columns(plain, _header_row(plain)) if h in months] == months


def test_group_headings_are_rows_across_the_table() -> None:
    ws = _sheet(rak_workbook(extract(SAMPLES / "rak-kelompok.docx")))
    groups = {r["lainnya"]["kelompok"] for r in load_expected("rak-kelompok")["rows"]}
    across = {
        str(ws.cell(m.min_row, m.min_col).value)
        for m in ws.merged_cells.ranges
        if m.min_row == m.max_row and m.min_col == 1 and m.max_col == ws.max_column
    }
    assert groups <= across


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    doc = extract(SAMPLES / f"{SEED}.docx")
    doc.rows[0].kegiatan = '=HYPERLINK("http://x.test","klik")'
    doc.rows[1].pelaksana = "@SUM(A1)"
    doc.rows[2].kegiatan = "Rapat\x07 koordinasi"  # a control character no workbook holds
    path = tmp_path / "rak.xlsx"
    path.write_bytes(rak_workbook(doc))
    ws = _sheet(path.read_bytes())
    cell = next(c for row in ws.iter_rows() for c in row if c.value == doc.rows[0].kegiatan)
    assert cell.data_type == "s"
    back = extract(path)
    assert back.rows[0].kegiatan == doc.rows[0].kegiatan
    assert back.rows[1].pelaksana == "@SUM(A1)"
    assert back.rows[2].kegiatan == "Rapat koordinasi"


def test_libreoffice_opens_and_prints_every_row(tmp_path: Path) -> None:
    """LibreOffice headless converts it (a workbook it had to repair would fail or come out
    empty) to landscape pages holding every row."""
    soffice = legacy.find_soffice()
    assert soffice is not None, "LibreOffice (soffice) is not installed"
    doc = extract(SAMPLES / f"{SEED}.docx")
    source = tmp_path / "rak.xlsx"
    source.write_bytes(rak_workbook(doc))
    with tempfile.TemporaryDirectory() as work:
        pdf = legacy.convert(source, "pdf", Path(work), soffice, 120)
        with pdfplumber.open(pdf) as printed:
            pages = printed.pages
            assert len(pages) > 1 and all(p.width > p.height for p in pages)
            texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    for page in texts:  # the header on every page
        assert "INDIKATOR KINERJA" in page and "B12" in page
    text = " ".join(texts)
    for row in load_expected(SEED)["rows"]:
        # In reading order a wrapped cell's lines interleave with its neighbours' (how it
        # wraps depends on the fonts the machine has): its words stand in order, a few
        # words of the next column between them at most.
        words = [re.escape(w) for w in row["kegiatan"].split()[:4]]
        assert re.search(r" (?:\S+ ){0,8}".join(words), text), row["kegiatan"]


def _report(name: str) -> Report:
    doc = extract(SAMPLES / name)
    return Report(name, doc.to_dict(), doc, run_checks(doc, CheckConfig()))


def test_check_workbook_lists_and_marks_the_findings() -> None:
    report = _report(f"{SEED}.pdf")
    data = check_workbook(report, "id")
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["RAK 2024", "Temuan"]
    found = wb["Temuan"]
    assert [c.value for c in found[1]] == [
        "Baris",
        "Sel",
        "Lokasi di dokumen",
        "Aturan",
        "Tingkat",
        "Pesan",
    ]
    lines = list(found.iter_rows(min_row=2, values_only=True))
    assert len(lines) == len(report.findings)
    missing = next(line for line in lines if line[3] == "missing-pelaksana")
    assert missing[0] == 34 and missing[2] == "hal. 14" and missing[4] == "kesalahan"
    rak = wb["RAK 2024"]
    cell = rak[missing[1]]
    assert cell.fill.fgColor.rgb == "FFFFC7CE" and "PELAKSANA" in cell.comment.text
    link = next(c for c in found["B"] if c.value == missing[1])
    assert link.hyperlink is not None and link.hyperlink.location == f"'RAK 2024'!{missing[1]}"
    # A schedule's finding frames the periods: a fill there would read as a planned month.
    schedule = next(line for line in lines if line[3] == "schedule-count-mismatch")
    start = rak[schedule[1].split(":")[0]]
    assert start.fill.fill_type is None and start.border.left.style == "medium"
    assert start.comment is not None


def test_check_workbook_speaks_the_runs_language() -> None:
    wb = load_workbook(io.BytesIO(check_workbook(_report("rak-triwulan.docx"), "en")))
    assert wb.sheetnames[1] == "Findings"
    assert wb["Findings"]["A1"].value == "Row"
    severities = {c.value for c in wb["Findings"]["E"][1:]}
    assert severities <= {"error", "warning", "info"} and severities


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_cli_writes_the_workbooks(tmp_path: Path) -> None:
    out = tmp_path / "rak.xlsx"
    code, said = run("extract", str(SAMPLES / "rak-arsir.docx"), "-f", "xlsx", "-o", str(out))
    assert code == 0, said
    assert _sheet(out.read_bytes()).title == "RAK 2024"
    checked = tmp_path / "temuan.xlsx"
    code, said = run("check", str(out), "-f", "xlsx", "-o", str(checked))
    assert code in (0, 1), said
    assert load_workbook(checked).sheetnames == ["RAK 2024", "Temuan"]


def test_a_workbook_is_not_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rak.output.stdout_is_terminal", lambda: True)
    for command in ("extract", "check"):
        code, said = run(command, str(SAMPLES / "rak-arsir.docx"), "-f", "xlsx")
        assert code == 2 and "-o NAMA.xlsx" in said


def test_xlsx_is_for_one_file_and_for_a_rak(tmp_path: Path) -> None:
    files = [str(SAMPLES / "rak-arsir.docx"), str(SAMPLES / "rak-triwulan.docx")]
    code, said = run("extract", *files, "-f", "xlsx", "--lang", "en")
    assert code == 2 and "for one file" in said
    code, said = run(
        "extract",
        str(SAMPLES / "pk-kubu-raya-2024.docx"),
        "-f",
        "xlsx",
        "-o",
        str(tmp_path / "pk.xlsx"),
    )
    assert code == 2 and "Perjanjian Kinerja" in said
    assert not (tmp_path / "pk.xlsx").exists()


def test_a_hand_edited_json_that_breaks_the_contract_still_makes_a_workbook(
    tmp_path: Path,
) -> None:
    data = extract(SAMPLES / "rak-no-anggaran.docx").to_dict()
    data["rows"][0]["lainnya"]["no"] = 5  # a number where the contract wants text
    data["rows"][1]["kegiatan"] = None
    source = tmp_path / "rak.json"
    source.write_text(json.dumps(data), "utf-8")
    out = tmp_path / "temuan.xlsx"
    code, said = run("check", str(source), "-f", "xlsx", "-o", str(out))
    assert code == 1, said
    wb = load_workbook(out)
    rules = [c.value for c in wb["Temuan"]["D"][1:]]
    assert "schema" in rules
    ws = wb.worksheets[0]
    assert ws.cell(_header_row(ws) + 2, 1).value == 5  # NO of the first row, as it was given
    data["rows"] = "not rows"
    source.write_text(json.dumps(data), "utf-8")
    code, said = run("check", str(source), "-f", "xlsx", "-o", str(out))
    assert code == 1, said
    assert load_workbook(out).sheetnames == ["Temuan"]  # no document: the findings alone


def test_words_under_the_schedule_that_name_no_period_get_a_column(tmp_path: Path) -> None:
    doc = extract(SAMPLES / "rak-arsir.docx")
    doc.rows[0].lainnya["jadwal"] = "Sepanjang tahun"
    path = tmp_path / "rak.xlsx"
    path.write_bytes(rak_workbook(doc))
    ws = _sheet(path.read_bytes())
    cols = _columns(ws, _header_row(ws))
    assert cols["KETERANGAN JADWAL"] > cols["PELAKSANA"]
    assert [h for h in cols if heading_role(h) == "jadwal"] == ["BULAN"]  # the document's
    back = extract(path)
    assert back.rows[0].lainnya == {"keterangan jadwal": "Sepanjang tahun"}
    assert [r.jadwal for r in back.rows] == [r.jadwal for r in doc.rows]
