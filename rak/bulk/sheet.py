"""ringkasan.xlsx: the summary as a spreadsheet a secretariat filters and sorts.

A frozen, bold header row, an autofilter over the whole table, widths fitted to the text
(within limits), numbers stored as numbers, and a link from each line to the file's HTML
report. Text that Excel would take as a formula is neutralised: openpyxl writes any string
that starts with "=" as a formula, so ``safe_cell`` is not optional here.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..export import safe_cell
from .summary import COLUMNS, SummaryLine

MIN_WIDTH, MAX_WIDTH = 8, 60
STATUS_FILL = {"clean": "E3F1E8", "read": "E3F1E8", "findings": "FFF3DC", "uncertain": "F3EDFA",
               "unreadable": "FDECEA"}


def _cell(value: object) -> object:
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("?", value))
    return value


def summary_xlsx(lines: list[SummaryLine], lang: str, path: Path | IO[bytes]) -> None:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = "Ringkasan" if lang == "id" else "Summary"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in COLUMNS]
    html_col = COLUMNS.index("report_html") + 1
    status_col = COLUMNS.index("status") + 1
    for line in lines:
        record = line.record(lang)
        values = [_cell(record[c]) for c in COLUMNS]
        ws.append(values)
        row = ws.max_row
        for i, v in enumerate(values):
            widths[i] = max(widths[i], len(str(v)))
        link = line.reports.get("html")
        if link:
            ws.cell(row=row, column=html_col).hyperlink = link
            ws.cell(row=row, column=html_col).style = "Hyperlink"
        fill = STATUS_FILL.get(line.status)
        if fill:
            ws.cell(row=row, column=status_col).fill = PatternFill("solid", fgColor=fill)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(ws.max_row, 1)}"
    wb.save(path)
