"""``rak check -f xlsx``: the RAK's workbook (``rak.workbook``) with what the audit found.

On the RAK sheet each cell a finding is about is tinted by its worst finding and carries a
comment with the messages, so a person fixes the document where it is wrong; a sheet of
findings ("Temuan") lists one finding a line: the row, the cell (a link to it), where it is
in the document that was checked (page, Word table and row, or the workbook's own cell), the
rule, the severity and the message, in the run's language.

The tint never goes on a period cell: a filled month cell reads as a planned month, so a
schedule's finding is a coloured frame around the row's periods instead. The workbook reads
back to the same rows either way (``rak check`` on it sees the document, not the marks).
"""

from __future__ import annotations

from collections import defaultdict

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from checks.finding import Finding, Severity, field_heading
from checks.report import Report
from checks.report.words import WORDS as REPORT_WORDS
from checks.report.words import finding_place, sheet_ref
from extractor.language import in_language

from .workbook import new_workbook
from .workbook import to_bytes as workbook_bytes
from .workbook_plan import (
    BODY_FONT,
    BOLD,
    BOX,
    HEAD_FILL,
    LINE_PT,
    PERIOD,
    SheetPlan,
    font,
    print_setup,
    put_text,
    wrapped_lines,
)

FILLS = {Severity.ERROR: "FFFFC7CE", Severity.WARNING: "FFFFEB9C", Severity.INFO: "FFDDEBF7"}
FRAMES = {Severity.ERROR: "FFC00000", Severity.WARNING: "FFBF8F00", Severity.INFO: "FF2F75B5"}

WORDS: dict[str, dict[str, str]] = {
    "sheet": REPORT_WORDS["findings"],
    "row": REPORT_WORDS["row"],
    "cell": {"id": "Sel", "en": "Cell"},
    "place": {"id": "Lokasi di dokumen", "en": "In the document"},
    "rule": REPORT_WORDS["rule"],
    "severity": {"id": "Tingkat", "en": "Severity"},
    "message": {"id": "Pesan", "en": "Message"},
    "document": {"id": "dokumen", "en": "document"},
    "none": REPORT_WORDS["no_findings"],
}
COLUMNS = (("row", 7.0), ("cell", 16.0), ("place", 22.0), ("rule", 24.0), ("severity", 12.0),
           ("message", 90.0))  # fmt: skip


def _worst(found: list[Finding]) -> Severity:
    return max(found, key=lambda f: f.severity.rank).severity


def _message(f: Finding, lang: str) -> str:
    """The message, headed by its column's heading unless it names it already."""
    heading = field_heading(f.field)
    if heading and heading not in f.message:
        return f"{heading}: {f.message}"
    return f.message


def _by_cell(
    plan: SheetPlan, findings: list[Finding]
) -> dict[tuple[int, int], list[Finding]]:
    cells: dict[tuple[int, int], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.row is None or not 0 < f.row <= len(plan.rows):
            continue
        for at in plan.cells(f.row - 1, f.field):
            cells[at].append(f)
    return cells


def mark_findings(ws: Worksheet, plan: SheetPlan, findings: list[Finding], lang: str) -> None:
    """Tint (or, on periods, frame) each cell a finding is about; a comment holds the
    messages."""
    periods = {c.index for c in plan.columns if c.key == PERIOD}
    for (r, c), found in _by_cell(plan, findings).items():
        cell = ws.cell(r, c)
        worst = _worst(found)
        if c in periods:
            side = Side(style="medium", color=FRAMES[worst])
            cell.border = Border(left=side, right=side, top=side, bottom=side)
        else:
            cell.fill = PatternFill("solid", fgColor=FILLS[worst])
        first = min(periods) if periods else None
        if c in periods and c != first:
            continue  # one comment for the schedule, on its first period
        text = "\n".join(
            f"[{f.severity.label(lang)}] {_message(f, lang)} ({f.rule})" for f in found
        )
        comment = Comment(text, "rak")
        comment.width = 320
        comment.height = min(40 + 16 * (len(text) // 45 + len(found)), 400)
        cell.comment = comment


def _cell_text(plan: SheetPlan, f: Finding) -> tuple[str, str]:
    """(the cell as text, the link's target) in this workbook, or empty for the document."""
    if f.row is None or not 0 < f.row <= len(plan.rows):
        return "", ""
    cells = plan.cells(f.row - 1, f.field)
    if not cells:
        return "", ""
    (r0, c0), (r1, c1) = cells[0], cells[-1]
    ref = f"{get_column_letter(c0)}{r0}"
    if (r1, c1) != (r0, c0):
        ref += f":{get_column_letter(c1)}{r1}"
    return ref, sheet_ref(plan.title, ref)


def findings_sheet(wb: Workbook, plan: SheetPlan | None, report: Report, lang: str) -> None:
    """One line per finding, in the order the report gives them."""
    ws = wb.create_sheet(in_language(WORDS["sheet"], lang))
    for i, (key, width) in enumerate(COLUMNS, start=1):
        put_text(ws, 1, i, in_language(WORDS[key], lang))
        head = ws.cell(1, i)
        head.font, head.fill, head.border = BOLD, HEAD_FILL, BOX
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, f in enumerate(report.findings, start=2):
        ref, target = _cell_text(plan, f) if plan is not None else ("", "")
        place = finding_place(f, lang) if f.row is not None else ""
        values = (
            "",  # the row, as a number below
            ref,
            place or in_language(WORDS["document"], lang),
            f.rule,
            f.severity.label(lang),
            _message(f, lang),
        )
        for c, value in enumerate(values, start=1):
            if value:
                put_text(ws, r, c, value)
            cell = ws.cell(r, c)
            cell.font, cell.alignment, cell.border = BODY_FONT, wrap, BOX
        if f.row is not None:
            ws.cell(r, 1).value = f.row
        if target:
            link = ws.cell(r, 2)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=target)
            link.font = font(color="FF0563C1", underline=True)
        severity = ws.cell(r, 5)
        severity.fill = PatternFill("solid", fgColor=FILLS[f.severity])
        ws.row_dimensions[r].height = LINE_PT * wrapped_lines(values[5], COLUMNS[-1][1]) + 3
    if not report.findings:
        put_text(ws, 2, 1, in_language(WORDS["none"], lang))
    else:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(report.findings) + 1}"
    print_setup(ws, (1, 1))


def check_workbook(report: Report, lang: str) -> bytes:
    """The RAK's workbook with its findings marked and listed; only the findings sheet when
    the input could not be read as a document (a JSON that breaks the contract)."""
    from openpyxl import Workbook

    if report.doc is None:
        wb = Workbook()
        findings_sheet(wb, None, report, lang)
        del wb[wb.sheetnames[0]]
        return workbook_bytes(wb)
    wb, plan = new_workbook(report.doc)
    mark_findings(wb[plan.title], plan, report.findings, lang)
    findings_sheet(wb, plan, report, lang)
    return workbook_bytes(wb)
