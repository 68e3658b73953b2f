"""The Excel reader: small workbooks built here, one per thing a sheet hides from its values
(merges, hidden rows and columns, fills, number formats), and the spreadsheet samples read
whole through ``extract``: every row and the metadata equal to their specs."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Border, Font, PatternFill, Side
from openpyxl.styles.colors import Color

from extractor import extract
from extractor.errors import EncryptedDocument, TooLarge, UnreadableDocument
from extractor.grid import Grid
from extractor.options import ExtractOptions
from extractor.readers.ole import is_encrypted_package
from extractor.readers.xlsx import read_xlsx
from extractor.readers.xlsx_values import render_date, render_number

from .conftest import SAMPLES, load_expected
from .sample_compare import meta_differences, row_differences

OPTIONS = ExtractOptions()
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _save(wb: Workbook, tmp_path: Path, name: str = "t.xlsx") -> Path:
    path = tmp_path / name
    wb.save(str(path))
    return path


def _texts(grid: Grid, table: int = 0) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.tables[table].rows]


def _grid(wb: Workbook, tmp_path: Path) -> Grid:
    return read_xlsx(_save(wb, tmp_path), OPTIONS)


# --- the samples, whole --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "spec"),
    [
        ("rak-kubu-raya-2024.xlsx", "rak-kubu-raya-2024"),
        ("rak-excel-multisheet.xlsx", "rak-excel-multisheet"),
    ],
)
def test_spreadsheet_samples_extract_every_row_and_the_metadata(file: str, spec: str) -> None:
    doc = extract(SAMPLES / file)
    expected = load_expected(spec)
    assert row_differences(doc, expected) == []
    assert meta_differences(doc, expected) == []
    assert doc.source.format == "xlsx"
    assert doc.source.pages is None
    assert all(r.lokasi.halaman is None for r in doc.rows)


def test_seed_xlsx_keeps_the_seeds_defects() -> None:
    doc = extract(SAMPLES / "rak-kubu-raya-2024.xlsx")
    assert [r.lokasi.baris for r in doc.rows if r.kolom_bergeser] == [22, 23, 24]
    by_text = {r.target.teks: r.target.nilai for r in doc.rows}
    # Stored as numbers with a number format; read as Excel shows them in Indonesia.
    assert by_text["87,5%"] == 87.5
    assert by_text["3,5"] == 3.5
    assert by_text["100%"] == 100


def test_multisheet_ignores_hidden_rows_columns_and_sheets() -> None:
    doc = extract(SAMPLES / "rak-excel-multisheet.xlsx")
    assert len(doc.rows) == 53  # the hidden draft row and the hidden sheet's copy are gone
    assert all(r.lainnya == {} for r in doc.rows)  # hidden KODE AKUN / PAGU columns too
    assert not any("dibatalkan" in r.kegiatan for r in doc.rows)
    assert doc.rows[0].jadwal == [2, 4, 6, 8, 9, 10, 11, 12]  # fills, RGB and theme


def test_pdf_printed_from_the_spreadsheet_has_the_metadata() -> None:
    doc = extract(SAMPLES / "rak-dari-excel.pdf")
    assert meta_differences(doc, load_expected("rak-dari-excel")) == []
    assert doc.source.format == "pdf"


def test_pdf_printed_from_the_spreadsheet_has_every_row() -> None:
    doc = extract(SAMPLES / "rak-dari-excel.pdf")
    assert row_differences(doc, load_expected("rak-dari-excel")) == []


# --- merges, hidden rows and columns --------------------------------------------------------


def test_merged_range_is_one_cell_and_continues_below(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r in range(1, 4):
        for c in range(1, 5):
            ws.cell(r, c).border = BOX
    ws["A1"], ws["B1"], ws["D1"] = "Sasaran", "Jadwal", "Pelaksana"
    ws.merge_cells("B1:C1")
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "S1", "x", "", "Unit"
    ws.merge_cells("A2:A3")
    ws["B3"], ws["D3"] = "x", "Unit"
    grid = _grid(wb, tmp_path)
    rows = grid.tables[0].rows
    assert [c.text for c in rows[0]] == ["Sasaran", "Jadwal", "Pelaksana"]
    jadwal = rows[0][1]
    assert (jadwal.x0, jadwal.x1) == (rows[1][1].x0, rows[1][2].x1)
    assert rows[2][0].continued and rows[2][0].text == ""
    assert rows[1][0].text == "S1" and not rows[1][0].continued


def test_hidden_rows_and_grouped_hidden_columns_do_not_exist(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r, row in enumerate([["a", "h1", "h2", "b"], ["1", "x", "y", "2"], ["3", "x", "y", "4"]]):
        for c, text in enumerate(row, start=1):
            ws.cell(r + 1, c, text).border = BOX
    ws.column_dimensions.group("B", "C", hidden=True)  # one <col min=2 max=3 hidden=1>
    ws.row_dimensions[2].hidden = True
    grid = _grid(wb, tmp_path)
    assert _texts(grid) == [["a", "b"], ["3", "4"]]
    a, b = grid.tables[0].rows[0]
    assert a.x1 == b.x0  # the hidden columns take no width


def test_positions_are_cumulative_column_widths(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.column_dimensions["A"].width = 30
    for r in (1, 2):
        for c in (1, 2, 3):
            ws.cell(r, c, f"{r}{c}").border = BOX
    cells = _grid(wb, tmp_path).tables[0].rows[0]
    assert [(c.x0, c.x1) for c in cells] == [(0, 30), (30, 38.43), (38.43, 46.86)]
    assert cells[0].page is None


# --- text around the table -----------------------------------------------------------------


def test_title_and_signature_are_lines_around_the_table(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "RENCANA AKSI KINERJA"
    ws.merge_cells("A1:D1")
    ws["A2"] = "Tahun : 2024"
    for r in (4, 5):
        for c in range(1, 5):
            ws.cell(r, c, f"{r}.{c}").border = BOX
    ws["C8"] = "SUNGAI RAYA, JANUARI 2024"
    ws["C9"] = "SEKRETARIS,"
    ws["C12"] = "FITRI"
    grid = _grid(wb, tmp_path)
    assert len(grid.tables) == 1
    lines = [(ln.text, ln.after_tables) for ln in grid.lines]
    assert lines == [
        ("RENCANA AKSI KINERJA", 0),
        ("Tahun : 2024", 0),
        ("SUNGAI RAYA, JANUARI 2024", 1),
        ("SEKRETARIS,", 1),
        ("FITRI", 1),
    ]


def test_a_bordered_table_stays_one_across_an_empty_row(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r in (1, 2, 3):
        for c in (1, 2):
            ws.cell(r, c).border = BOX
            if r != 2:
                ws.cell(r, c).value = f"{r}{c}"
    assert len(_grid(wb, tmp_path).tables) == 1


def test_a_signature_beside_nothing_is_cut_to_its_own_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for r in (1, 2):
        for c in range(1, 7):
            ws.cell(r, c, "t").border = BOX
    ws["B5"], ws["E5"] = "Mengetahui,", "PONTIANAK, 2 JANUARI 2024"
    ws["B6"], ws["E6"] = "KETUA,", "SEKRETARIS,"
    grid = _grid(wb, tmp_path)
    sig = grid.tables[1].rows
    assert sig[0][0].x0 > grid.tables[0].rows[0][0].x0  # starts at B, not A
    assert [c.text for c in sig[0]] == ["Mengetahui,", "", "", "PONTIANAK, 2 JANUARI 2024"]


def test_hidden_sheets_are_skipped(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "visible"
    hidden = wb.create_sheet("h")
    hidden["A1"] = "hidden"
    hidden.sheet_state = "hidden"
    assert [ln.text for ln in _grid(wb, tmp_path).lines] == ["visible"]


# --- fills and marks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fill", "shaded"),
    [
        (PatternFill("solid", fgColor="FF808080"), True),
        (PatternFill("solid", fgColor="FF00B050"), True),
        (PatternFill("solid", fgColor="FFFFFFFF"), False),
        (PatternFill("solid", fgColor="FFF8F8F8"), False),  # near-white reads as white
        (PatternFill("solid", fgColor=Color(theme=0)), False),  # Background 1
        (PatternFill("solid", fgColor=Color(theme=0, tint=-0.25)), True),  # ... darker 25%
        (PatternFill("solid", fgColor=Color(theme=4, tint=0.4)), True),
        (PatternFill("solid", fgColor=Color(indexed=22)), True),  # silver
        (PatternFill("solid", fgColor=Color(indexed=9)), False),  # white
        (PatternFill("darkGray", fgColor="FF000000"), True),
        (PatternFill(fill_type=None), False),
    ],
)
def test_fills_as_marks(tmp_path: Path, fill: PatternFill, shaded: bool) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["C1"], ws["C2"] = "a", "b", "c", "d"
    ws["B2"].fill = fill
    for r in (1, 2):
        for c in (1, 2, 3):
            ws.cell(r, c).border = BOX
    assert _grid(wb, tmp_path).tables[0].rows[1][1].shaded is shaded


def test_symbol_font_glyph_is_a_mark(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "a", "b", "c", "ü"
    ws["B2"].font = Font(name="Wingdings")
    row = _grid(wb, tmp_path).tables[0].rows[1]
    assert row[1].mark and row[1].text == "ü" and not row[0].mark


# --- values as displayed -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (0.75, "0%", "75%"),
        (1, "0%", "100%"),
        (0.875, "0.0%", "87,5%"),
        (12.0, "General", "12"),
        (3.5, "General", "3,5"),
        (2498, "#,##0", "2.498"),
        (12500000, '"Rp "#,##0', "12.500.000"),
        (1234.5, "#,##0.00", "1.234,50"),
        (-1.5, "0.0", "-1,5"),
        (-0.001, "0.00", "0,00"),
        (0.1 + 0.2, "General", "0,3"),
    ],
)
def test_numbers_render_as_an_indonesian_excel_shows_them(
    value: float, fmt: str, shown: str
) -> None:
    assert render_number(float(value), fmt) == shown


def test_dates_render_as_displayed() -> None:
    day = dt.datetime(2024, 1, 2)
    assert render_date(day, "mmmm yyyy") == "Januari 2024"
    assert render_date(day, "dd/mm/yyyy") == "02/01/2024"
    assert render_date(day, "d mmm yy") == "2 Jan 24"
    assert render_date(day, "General") == "2024-01-02"


def test_cells_render_numbers_dates_and_booleans(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"], ws["D1"] = 0.75, 12.0, dt.datetime(2024, 1, 2), True
    ws["A1"].number_format = "0%"
    ws["C1"].number_format = "mmmm yyyy"
    ws["A2"] = "x"
    ws["B2"] = "y"
    assert _texts(_grid(wb, tmp_path))[0] == ["75%", "12", "Januari 2024", "TRUE"]


# --- errors at the edge --------------------------------------------------------------------


def test_corrupt_zip_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(UnreadableDocument):
        extract(path)


def test_garbage_workbook_part_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<not really xml")
    with pytest.raises(UnreadableDocument) as err:
        extract(path)
    assert err.value.file == str(path)
    assert isinstance(err.value.__cause__, Exception)


def test_truncated_workbook_is_unreadable(tmp_path: Path) -> None:
    data = (SAMPLES / "rak-kubu-raya-2024.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableDocument):
        extract(path)


def test_zip_bomb_is_refused_before_opening(tmp_path: Path) -> None:
    with pytest.raises(TooLarge):
        extract(SAMPLES / "rak-kubu-raya-2024.xlsx", ExtractOptions(max_unpacked_bytes=10_000))


def compound_file(names: list[str]) -> bytes:
    """A minimal OLE2 compound file: a FAT sector and a directory sector with ``names``."""
    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sect, end, *([free] * 126))
    directory = bytearray(512)
    for i, (name, kind) in enumerate([("Root Entry", 5)] + [(n, 2) for n in names]):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(raw)] = raw
        struct.pack_into("<HB", entry, 64, len(raw), kind)
        directory[i * 128 : (i + 1) * 128] = entry
    return bytes(header) + fat + bytes(directory)


@pytest.mark.parametrize("name", ["locked.xlsx", "locked.xls", "locked.docx"])
def test_password_protected_office_file_is_encrypted(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(compound_file(["EncryptionInfo", "EncryptedPackage"]))
    assert is_encrypted_package(path)
    with pytest.raises(EncryptedDocument):
        extract(path)


def test_real_doc_is_not_mistaken_for_encrypted() -> None:
    assert not is_encrypted_package(SAMPLES / "rak-kubu-raya-2024.doc")
    assert not is_encrypted_package(SAMPLES / "rak-kubu-raya-2024.xls")


@pytest.mark.parametrize("fmt", ["mmm-yy", "mmmm yyyy", "yyyy-mm", "dd/mm/yyyy"])
def test_months_written_as_date_cells_are_the_schedule(tmp_path: Path, fmt: str) -> None:
    """A sheet whose month headings are dates (the first of each month, shown as "Jan-24",
    "Januari 2024", "2024-01" or "01/01/2024") plans by those months."""
    wb = Workbook()
    ws = wb.active
    ws.append(["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN",
               *[dt.datetime(2024, m, 1) for m in range(1, 13)], "PELAKSANA"])
    for col in range(5, 17):
        ws.cell(row=1, column=col).number_format = fmt
    ws.append(["Terwujudnya tata kelola arsip", "Persentase arsip yang dikelola", "100%",
               "Membuat jadwal retensi arsip", *["√" if m in (3, 12) else "" for m in
                                                 range(1, 13)], "Subbag. Umum"])
    doc = extract(_save(wb, tmp_path))
    assert [(r.kegiatan, r.jadwal, r.pelaksana) for r in doc.rows] == [
        ("Membuat jadwal retensi arsip", [3, 12], "Subbag. Umum")]
    assert doc.periode == "bulan"
