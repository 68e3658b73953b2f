"""``--format csv``: one line per finding, for a spreadsheet or a mail merge.

Columns file, row, page, rule, severity, field, message, then where the format says it:
sheet, sheet_row and cell of a workbook (``D12``), table and table_row of a Word document
(added at the end, so the first seven stay where they were). The caller writes it as UTF-8 with a
BOM so Excel shows the Indonesian text right; a cell that a spreadsheet would run as a formula
(=, +, -, @) is neutralised with a leading apostrophe, since messages quote document text.
"""

from __future__ import annotations

import csv
import io

from ..finding import Finding
from . import RenderOptions, Report

HEADER = ("file", "row", "page", "rule", "severity", "field", "message",
          "sheet", "sheet_row", "cell", "table", "table_row")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_cell(value: object, sep: str = ",") -> object:
    """A value as a CSV cell: text a spreadsheet would run as a formula neutralised; with
    ``;`` (what Excel in Indonesian settings splits on) a fraction keeps a decimal comma,
    the way that Excel reads numbers (``87,5``)."""
    if sep == ";" and isinstance(value, float):
        return str(value).replace(".", ",")
    return neutralise(value)


def _place(f: Finding) -> tuple[object, ...]:
    loc = f.lokasi
    if loc is None:
        return ("",) * 5
    return tuple("" if v is None else v
                 for v in (loc.lembar, loc.baris_lembar, f.sel, loc.tabel, loc.baris_tabel))


def render(report: Report, options: RenderOptions) -> str:
    buf = io.StringIO()
    sep = options.sep
    writer = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    writer.writerow(HEADER)
    for f in report.findings:
        line = (
            report.file,
            f.row if f.row is not None else "",
            f.halaman if f.halaman is not None else "",
            f.rule,
            f.severity.value,
            f.field or "",
            f.message,
            *_place(f),
        )
        writer.writerow([csv_cell(v, sep) for v in line])
    return buf.getvalue()
