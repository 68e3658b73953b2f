"""A RAK as the workbook a person would make of it: ``rak extract -f xlsx``.

The sheet is laid out the way offices keep a RAK in Excel, so that it prints as the document
and a person can correct it and check it again (``rak check rak.xlsx`` reads it back to the
same rows): the title and the labelled lines (``Unit Organisasi : ...``, ``Tahun : ...``)
above the table; the header in two rows, RENCANA PELAKSANAAN over the months (or quarters)
and the other headings merged down; the document's columns (NO, ANGGARAN and the others it had
from ``lainnya``); planned periods marked ``✓``; SASARAN merged over the rows that share it,
INDIKATOR and TARGET over the rows that repeat them; group headings (``lainnya.kelompok``)
as rows across the table; the place, date and signer under it, to the right. For print:
landscape, fit to the page width, the header repeated on every page, page numbers; on screen
the header frozen.

Document text is written as text, never as a formula (a cell opening with ``=`` stays what it
says), with the control characters a workbook cannot hold left out.

The ``SheetPlan`` it returns (``rak.workbook_plan``) says where each row and field went, so
the findings sheet (``rak.workbook_findings``) can point at and mark those cells.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.headings import (
    INDIKATOR,
    JADWAL,
    NO,
    SASARAN,
    TARGET,
)
from extractor.model import RakDocument

from .workbook_plan import (
    BODY_FONT,
    BOLD,
    BOX,
    CENTRE,
    FONT_PT,
    GROUP,
    HEAD_FILL,
    LINE_PT,
    PERIOD,
    TEXT,
    Column,
    SheetPlan,
    as_text,
    clean,
    font,
    heading,
    plan_columns,
    print_setup,
    put_text,
    sheet_title,
    text_of,
    value_of,
    wrapped_lines,
)


def _merge(ws: Worksheet, top: int, left: int, bottom: int, right: int) -> None:
    if bottom > top or right > left:
        ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)


def _heading_lines(ws: Worksheet, doc: RakDocument, width: int) -> int:
    """The title and the labelled lines; returns the header's first row."""
    meta = doc.document
    r = 1
    if meta.judul:
        put_text(ws, r, 1, meta.judul)
        ws.cell(r, 1).font = font(12, bold=True)
        ws.cell(r, 1).alignment = Alignment(horizontal="center", vertical="center")
        _merge(ws, r, 1, r, width)
        ws.row_dimensions[r].height = 20
        r += 2  # a blank line under the title
    for label, value in (("Unit Organisasi", meta.unit_organisasi), ("Tahun", meta.tahun)):
        if value:
            put_text(ws, r, 1, f"{label} : {value}")
            ws.cell(r, 1).font = font(10)
            r += 1
    return r + 1  # a blank row between the lines and the table


def _header(ws: Worksheet, columns: list[Column], top: int, schedule: str) -> None:
    periods = [c for c in columns if c.key == PERIOD]
    for col in columns:
        if col.key == PERIOD:
            put_text(ws, top + 1, col.index, col.heading)
        else:
            if col.heading:
                put_text(ws, top, col.index, col.heading)
            _merge(ws, top, col.index, top + 1, col.index)
    put_text(ws, top, periods[0].index, schedule)
    _merge(ws, top, periods[0].index, top, periods[-1].index)
    for r in (top, top + 1):
        for col in columns:
            cell = ws.cell(r, col.index)
            cell.font, cell.alignment, cell.border, cell.fill = BOLD, CENTRE, BOX, HEAD_FILL
    ws.row_dimensions[top].height = 2 * LINE_PT
    # Labels wider than their column (Januari .. Desember) stand on end, as offices set them.
    longest = max(len(c.heading) for c in periods)
    if longest > periods[0].width:
        for col in periods:
            ws.cell(top + 1, col.index).alignment = Alignment(
                horizontal="center", vertical="center", text_rotation=90)
        ws.row_dimensions[top + 1].height = longest * FONT_PT * 0.62 + 6
    else:
        ws.row_dimensions[top + 1].height = LINE_PT + 4


@dataclass(slots=True)
class _Run:
    """Rows that share a merged cell in one column."""

    key: str
    start: int  # RAK row index
    end: int


def _runs(doc: RakDocument, breaks: set[int]) -> list[_Run]:
    """Merges: SASARAN over the rows that share it, INDIKATOR over the rows of one sasaran
    that repeat it, TARGET over those of one indicator that repeat it. A run never crosses a
    group heading (``breaks``: the RAK row indexes a heading stands above) nor an empty cell."""
    runs: list[_Run] = []
    owner: list[int] | None = None  # which run of the enclosing column each row is in
    n = len(doc.rows)
    for key in (SASARAN, INDIKATOR, TARGET):
        found: list[tuple[int, int]] = []
        start = 0
        for i in range(1, n + 1):
            text = text_of(doc.rows[start], key)
            joined = (
                i < n
                and i not in breaks
                and bool(text.strip())
                and text_of(doc.rows[i], key) == text
                and (owner is None or owner[i] == owner[start])
            )
            if not joined:
                found.append((start, i - 1))
                start = i
        runs += [_Run(key, s, e) for s, e in found if e > s]
        owner = [k for k, (s, e) in enumerate(found) for _ in range(s, e + 1)]
    return runs


def _data_rows(ws: Worksheet, doc: RakDocument, plan: SheetPlan, first: int) -> int:
    """The rows, group headings and merges; returns the row after the table."""
    columns = plan.columns
    r = first
    group: str | None = None
    breaks: set[int] = set()
    for i, row in enumerate(doc.rows):
        group_text = as_text(row.lainnya.get(GROUP))
        if group_text and group_text != group:
            put_text(ws, r, 1, group_text)
            for col in columns:
                ws.cell(r, col.index).border = BOX
            ws.cell(r, 1).font, ws.cell(r, 1).alignment = BOLD, TEXT
            _merge(ws, r, 1, r, columns[-1].index)
            ws.row_dimensions[r].height = LINE_PT * wrapped_lines(group_text, 120) + 4
            breaks.add(i)
            r += 1
        group = group_text or group
        plan.rows.append(r)
        for col in columns:
            cell = ws.cell(r, col.index)
            cell.border, cell.font = BOX, BODY_FONT
            value = value_of(row, col)
            if col.key == PERIOD:
                cell.alignment = CENTRE
            else:
                cell.alignment = TEXT
                plan.anchors[(i, col.key)] = (r, col.index)
            if col.key == TARGET:
                cell.number_format = "@"  # a target typed over stays text ("100%", "3,5")
            if value:
                if col.key == NO and value.isdigit():
                    cell.value = int(value)
                else:
                    put_text(ws, r, col.index, value)
        r += 1
    for run in _runs(doc, breaks):
        merged = plan.column(run.key)
        if merged is None:
            continue
        top = plan.rows[run.start]
        for i in range(run.start + 1, run.end + 1):
            ws.cell(plan.rows[i], merged.index).value = None
            plan.anchors[(i, run.key)] = (top, merged.index)
        _merge(ws, top, merged.index, plan.rows[run.end], merged.index)
    _fit_heights(ws, doc, plan)
    return r


def _fit_heights(ws: Worksheet, doc: RakDocument, plan: SheetPlan) -> None:
    """Each row as tall as its longest cell; a merged cell's lines spread over its rows."""
    heights = []
    for i, row in enumerate(doc.rows):
        most = 1
        for col in plan.columns:
            if col.key in (PERIOD, SASARAN) or plan.anchors.get((i, col.key)) != (
                plan.rows[i], col.index
            ):
                continue
            most = max(most, wrapped_lines(value_of(row, col), col.width))
        heights.append(most * LINE_PT + 3)
    sasaran = plan.column(SASARAN)
    if sasaran is not None:
        starts: dict[tuple[int, int], list[int]] = {}
        for i in range(len(doc.rows)):
            starts.setdefault(plan.anchors[(i, SASARAN)], []).append(i)
        for rows in starts.values():
            need = wrapped_lines(text_of(doc.rows[rows[0]], SASARAN), sasaran.width) * LINE_PT + 3
            short = need - sum(heights[i] for i in rows)
            if short > 0:
                for i in rows:
                    heights[i] += math.ceil(short / len(rows))
    for i, h in enumerate(heights):
        ws.row_dimensions[plan.rows[i]].height = h


def _signature(ws: Worksheet, doc: RakDocument, plan: SheetPlan, top: int) -> None:
    """Place and date, the signer's title, room to sign, the name and NIP: under the table,
    towards its right, as a RAK is signed."""
    meta = doc.document
    signer = meta.penandatangan
    dated = ", ".join(as_text(x) for x in (meta.tempat, meta.tanggal) if x)
    plain = font(10)
    lines: list[tuple[str, Font]] = []
    if dated:
        lines.append((dated, plain))
    if signer.jabatan:
        lines += [(f"{signer.jabatan},", plain), ("", plain), ("", plain), ("", plain)]
    if signer.nama:
        lines.append((signer.nama, font(10, bold=True, underline=True)))
    if signer.nip:
        lines.append((f"NIP. {signer.nip}", plain))
    periods = plan.periods()
    column = periods[len(periods) * 2 // 3].index if periods else plan.columns[-1].index
    for n, (text, style) in enumerate(lines):
        if text:
            put_text(ws, top + n, column, text)
            ws.cell(top + n, column).font = style


def write_rak_sheet(ws: Worksheet, doc: RakDocument) -> SheetPlan:
    """The RAK on ``ws``; returns where its rows and cells went."""
    columns = plan_columns(doc)
    ws.title = sheet_title(doc)
    top = _heading_lines(ws, doc, columns[-1].index)
    plan = SheetPlan(title=ws.title, columns=columns, header_rows=(top, top + 1))
    _header(ws, columns, top, heading(doc, JADWAL))
    after = _data_rows(ws, doc, plan, top + 2)
    _signature(ws, doc, plan, after + 1)
    for col in columns:
        ws.column_dimensions[get_column_letter(col.index)].width = col.width
    print_setup(ws, plan.header_rows)
    return plan


def new_workbook(doc: RakDocument) -> tuple[Workbook, SheetPlan]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has its sheet
    plan = write_rak_sheet(ws, doc)
    wb.properties.title = clean(as_text(doc.document.judul or "RENCANA AKSI KINERJA"))
    wb.properties.creator = "rak"
    return wb, plan


def to_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rak_workbook(doc: RakDocument) -> bytes:
    """``rak extract -f xlsx``: the RAK as a workbook, as bytes of an .xlsx file."""
    wb, _ = new_workbook(doc)
    return to_bytes(wb)
