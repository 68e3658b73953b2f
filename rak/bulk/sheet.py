"""ringkasan.xlsx: the run as a workbook a KPU Provinsi filters, sorts and prints.

Four sheets, in the run's language: Ringkasan (a line per file, errors first), Temuan (a line
per finding, with where to look), Per aturan and Per pelaksana (the totals, the pelaksana by
their one canonical name with the spellings beside it). Every sheet is a table a person can
use as it is: a bold header that stays in view (frozen) and repeats on every printed page,
an autofilter, widths fitted to the text within limits (long text wraps), numbers stored as
numbers; printed landscape on A4, as wide as one page, as many pages long as it takes.

Text that Excel would take as a formula is neutralised: openpyxl writes any string that
starts with "=" as a formula, so ``safe_cell`` is not optional here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from checks.finding import SEVERITY_LABELS
from extractor.language import in_language

from ..export import safe_cell
from .grouping import SEVERITIES, Totals, pelaksana_label, rule_title, written_as
from .summary import SummaryLine, worst_first
from .words import bulk_word

MIN_WIDTH, MAX_WIDTH = 6, 60
LINE_HEIGHT = 15.0  # points: one line of the default 11-point font
CHARS_PER_WIDTH = 1.1  # text characters per unit of column width (the width of a "0")
HEAD_FILL = "DCE6F0"
STATUS_FILL = {"errors": "FDECEA", "unreadable": "F4D6D2", "uncertain": "F3EDFA",
               "notes": "FFF3DC", "clean": "E3F1E8", "read": "E3F1E8", "pk": "E4F2F7"}
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)


@dataclass(frozen=True, slots=True)
class _Col:
    key: str  # the column's word (``words.bulk_word``: col_...)
    width: int = MAX_WIDTH  # the most it may take; a wrapping column wraps past it
    wrap: bool = False
    number: str | None = None  # an Excel number format


def _lines(value: object, width: float) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` characters wide."""
    text = "" if value is None else str(value)
    per_line = max(1, int(width * CHARS_PER_WIDTH) - 1)
    return sum(len(textwrap.wrap(part, per_line)) or 1 for part in text.splitlines() or [""])


def _cell(value: object) -> object:
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("?", value))
    return value


def _table(ws: Worksheet, cols: Sequence[_Col], rows: Iterable[Sequence[Any]],
           lang: str) -> None:
    """Header, rows and the print setup every sheet shares."""
    heads = [bulk_word(c.key, lang) for c in cols]
    ws.append(heads)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEAD_FILL)
        cell.alignment = WRAP
    widths = [len(h) for h in heads]
    for values in rows:
        ws.append([_cell(v) for v in values])
        for i, v in enumerate(values):
            longest = max((len(part) for part in str(v).splitlines()), default=0)
            widths[i] = max(widths[i], longest)
    final = [min(col.width, max(MIN_WIDTH, w + 2)) for col, w in zip(cols, widths, strict=True)]
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = final[i - 1]
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            cell.alignment = WRAP if col.wrap else TOP
            if col.number:
                cell.number_format = col.number
    # Neither Excel nor LibreOffice grows a row to its wrapped text on opening: set it.
    for number, row in enumerate(ws.iter_rows(min_row=1, max_col=len(cols)), start=1):
        lines = max(_lines(cell.value, final[i]) if cols[i].wrap or number == 1 else 1
                    for i, cell in enumerate(row))
        if lines > 1:
            ws.row_dimensions[number].height = LINE_HEIGHT * lines
    last = f"{get_column_letter(len(cols))}{max(ws.max_row, 1)}"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}"
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages long as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    footer = ws.oddFooter
    if footer is not None:
        footer.center.text = "&A — &P / &N"  # the sheet's name, page of pages


SUMMARY_COLS = (
    _Col("col_file", 30, wrap=True), _Col("col_unit", 30, wrap=True),
    _Col("col_unit_written", 24, wrap=True), _Col("col_year", 7), _Col("col_rows", 7),
    _Col("col_errors", 11), _Col("col_warnings", 11), _Col("col_infos", 6),
    _Col("col_status", 21), _Col("col_keyakinan", 11, number="0%"),
    _Col("col_reason", 34, wrap=True), _Col("col_report", 16),
)


def _summary(ws: Worksheet, lines: list[SummaryLine], lang: str) -> None:
    ordered = worst_first(lines)
    pairs = any(x.pasangan for x in lines)
    cols = SUMMARY_COLS + ((_Col("col_pair", 40, wrap=True),) if pairs else ())
    rows = []
    for x in ordered:
        r = x.record(lang)
        rows.append([r["file"], r["unit_baku"], r["unit_organisasi"], r["tahun"], r["rows"],
                     r["errors"], r["warnings"], r["infos"], r["status"], r["keyakinan"],
                     r["reason"], bulk_word("open_report", lang) if r["report_html"] else "",
                     *([r["pasangan"]] if pairs else [])])
    _table(ws, cols, rows, lang)
    status_col = [c.key for c in cols].index("col_status") + 1
    link_col = [c.key for c in cols].index("col_report") + 1
    for row, x in enumerate(ordered, start=2):
        ws.cell(row=row, column=status_col).fill = PatternFill(
            "solid", fgColor=STATUS_FILL[x.status])
        link = x.reports.get("html")
        if link:
            ws.cell(row=row, column=link_col).hyperlink = link
            ws.cell(row=row, column=link_col).style = "Hyperlink"
            ws.cell(row=row, column=link_col).alignment = TOP


FINDING_COLS = (
    _Col("col_file", 30, wrap=True), _Col("col_unit", 30, wrap=True), _Col("col_row", 7),
    _Col("col_place", 18, wrap=True), _Col("col_rule", 26), _Col("col_severity", 12),
    _Col("col_message", 70, wrap=True),
)


def _findings(ws: Worksheet, lines: list[SummaryLine], lang: str) -> None:
    rows = []
    for x in worst_first(lines):
        for f in x.findings:
            rows.append([x.file, x.unit_baku, f.row if f.row is not None else "",
                         f.place(lang), f.rule, in_language(SEVERITY_LABELS[f.severity], lang),
                         f.message])
    _table(ws, FINDING_COLS, rows, lang)


RULE_COLS = (
    _Col("col_rule", 26), _Col("col_rule_title", 45, wrap=True), _Col("col_errors", 11),
    _Col("col_warnings", 11), _Col("col_infos", 7), _Col("col_total", 9),
    _Col("col_files", 11, wrap=True),
)


def _by_rule(ws: Worksheet, totals: Totals, lang: str) -> None:
    rows = [[rule, rule_title(rule, lang), *(counts.get(s, 0) for s in SEVERITIES),
             sum(counts.get(s, 0) for s in SEVERITIES), counts.get("files", 0)]
            for rule, counts in totals.rules_worst_first()]
    _table(ws, RULE_COLS, rows, lang)


PELAKSANA_COLS = (
    _Col("col_pelaksana", 45, wrap=True), _Col("col_written", 60, wrap=True),
    _Col("col_rows", 8), _Col("col_errors", 11), _Col("col_warnings", 11),
    _Col("col_infos", 7), _Col("col_files", 11, wrap=True),
)


def _by_pelaksana(ws: Worksheet, totals: Totals, lang: str) -> None:
    rows = [[pelaksana_label(key, tally, lang), written_as(tally),
             tally.counts.get("rows", 0), *(tally.counts.get(s, 0) for s in SEVERITIES),
             tally.counts.get("files", 0)]
            for key, tally in totals.pelaksana_worst_first()]
    _table(ws, PELAKSANA_COLS, rows, lang)


def summary_xlsx(lines: list[SummaryLine], totals: Totals, lang: str,
                 path: Path | IO[bytes]) -> None:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = bulk_word("sheet_summary", lang)
    _summary(ws, lines, lang)
    if any(x.checked for x in lines):  # an extract run has no findings to list
        _findings(wb.create_sheet(bulk_word("sheet_findings", lang)), lines,
                  lang)
        _by_rule(wb.create_sheet(bulk_word("sheet_by_rule", lang)), totals,
                 lang)
        _by_pelaksana(wb.create_sheet(bulk_word("sheet_by_pelaksana", lang)),
                      totals, lang)
    wb.save(path)
