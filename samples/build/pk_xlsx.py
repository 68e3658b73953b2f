"""Write a sample Perjanjian Kinerja as an Excel workbook, the way offices keep it in a sheet.

One sheet: the title and the unit merged across the table, the bordered table NO | SASARAN |
INDIKATOR KINERJA | TARGET with each sasaran (and its number) merged down over its
indicators, targets typed as numbers where Excel users type them so (``87,5%`` is 0.875
shown as ``0.0%``: a reader must render what the sheet shows), and the two signature blocks
side by side under it. The cell helpers are the RAK workbook's (``xlsx_writer``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .pk_spec import PkSample
from .xlsx_writer import (
    BOX,
    CENTER,
    FIXED_TIME,
    LINE_PT,
    WRAP,
    _close_run,
    _lines,
    _normalize_zip,
    _put,
    target_cell,
)

HEADS = ("NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET")
WIDTHS = (5, 34, 44, 10)  # characters
TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)


def _signatures(ws: Any, pk: PkSample, top: int) -> None:
    """Pihak Kedua under SASARAN, the dated Pihak Pertama under INDIKATOR; the room to sign
    is one tall row, as a sheet makes it."""
    for col, lines in (
        (2, ["", "Pihak Kedua,", f"{pk.kedua.jabatan},", pk.kedua.nama]),
        (3, [f"{pk.tempat}, {pk.tanggal}", "Pihak Pertama,", f"{pk.pertama.jabatan},",
             pk.pertama.nama] + ([f"NIP. {pk.pertama.nip}"] if pk.pertama.nip else [])),
    ):
        for i, line in enumerate(lines):
            if line:
                _put(ws, top + i, col, line, font=Font(size=10), alignment=TOP)
    ws.row_dimensions[top + 2].height = 5 * LINE_PT  # the title on top, room to sign under


def build_pk_xlsx(pk: PkSample) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = f"PK {pk.tahun}"
    wb.properties.creator = wb.properties.lastModifiedBy = "Sekretariat KPU"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    for row, text in ((1, f"{pk.judul} TAHUN {pk.tahun}"), (2, pk.unit_organisasi)):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADS))
        _put(ws, row, 1, text, font=Font(bold=True, size=12), alignment=CENTER)
    for col, (head, width) in enumerate(zip(HEADS, WIDTHS), start=1):
        _put(ws, 4, col, head, font=Font(bold=True, size=9), alignment=CENTER, border=BOX)
        ws.column_dimensions[chr(64 + col)].width = width
    r = 5
    for n, group in enumerate(pk.groups, start=1):
        start = r
        for ind in group.indicators:
            value, fmt = target_cell(ind.target)
            _put(ws, r, 3, ind.indikator, alignment=WRAP)
            _put(ws, r, 4, value, alignment=CENTER, number_format=fmt)
            height = max(_lines(ind.indikator, WIDTHS[2]), 1)
            ws.row_dimensions[r].height = LINE_PT * height + 4
            r += 1
        _close_run(ws, 1, start, r - 1, str(n))
        _close_run(ws, 2, start, r - 1, group.sasaran)
        ws.cell(start, 2).alignment = WRAP
        ws.cell(start, 1).alignment = CENTER
    for row in ws.iter_rows(min_row=5, max_row=r - 1, max_col=len(HEADS)):
        for cell in row:
            cell.border = BOX
            cell.font = Font(size=9)
    _signatures(ws, pk, r + 1)
    return wb


def write_pk_xlsx(pk: PkSample, path: Path) -> Path:
    build_pk_xlsx(pk).save(str(path))
    _normalize_zip(path)
    return path
