"""Excel (.xlsx/.xlsm) into the neutral grid, with openpyxl.

A worksheet has no tables of its own, only a sheet of cells, so this reader finds them the
way a person sees them: a table is a block of consecutive rows that hold text, fills or
borders (a bordered table stays one block across an empty row); everything else is text.
Within a block, leading and trailing rows that hold one text at most (a title over the table,
a signature under it) are text lines, not table rows. Nothing here knows RAK: layout finds
the header in whichever table has one, and meta reads the lines.

Contract with layout (see ``grid.py``): ``x0``/``x1`` are cumulative widths of the visible
columns (Excel's character units, default 8.43), so a merged range is ONE cell spanning its
columns; rows below a merge's first row get ``Cell(text="", continued=True)`` over the same
span; hidden rows and columns do not exist; a non-white fill sets ``shaded``; ``top``/``bottom``
are the sheet's row numbers; there are no pages. Each cell's ``place`` is its sheet and A1
reference (every part of a merge names the merge's top-left cell, where Excel keeps the value
and takes an edit), so a report can say ``'RAK 2024'!D12``. Sheets are read in workbook
order; hidden sheets are skipped.

The workbook is opened with ``read_only=False`` (merged ranges exist only then) and
``data_only=True`` (a formula gives the value Excel cached, as printed), after
``xlsx_scan`` has counted what that will cost. Only the used area is walked: the bounding box
of cells holding text, a fill or a border and of merged ranges whose first cell does, so one
empty cell at ``XFD1048576`` costs nothing; the walk's own cost is checked against what is left
of the memory budget before it starts.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

from lxml.etree import XMLSyntaxError
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import MemoryLimitExceeded, UnreadableDocument
from ..grid import Cell, Grid, Place, Table, TextLine
from ..marks import is_symbol_font
from ..options import ExtractOptions
from . import ZIP_ERRORS, open_package
from .xlsx_scan import check_workbook
from .xlsx_values import is_shaded, render

DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters of the default font
# What the walk holds per sheet position (a _Slot, its Cell, the lookups), an upper estimate.
POSITION_BYTES = 600


def read_xlsx(path: Path, options: ExtractOptions, fmt: str = "xlsx") -> Grid:
    """Read a workbook into a ``Grid``; corrupt or oversized input raises a ``RakError``.

    ``fmt`` names the format the user gave (``xls`` when this file was converted from one).
    """
    loaded = check_unpacked_size(path, options)
    workbook = _open(path)
    grid = Grid(format=fmt, pages=None)
    budget = options.memory_bytes
    walk = _WalkBudget(str(path), options.memory_mb,
                       None if budget is None else max(budget - loaded, 0) // POSITION_BYTES)
    try:
        for sheet in workbook.worksheets:  # chart sheets hold no cells
            if sheet.sheet_state == "visible":
                _read_sheet(sheet, grid, walk)
    finally:
        workbook.close()
    return grid


# --- the package edge ----------------------------------------------------------------------


def check_unpacked_size(path: Path, options: ExtractOptions) -> int:
    """Refuse a zip bomb before openpyxl inflates anything (the sum of member sizes), then
    a DTD or sheets too big for the memory budget; return the bytes the load will take."""
    try:
        with open_package(path, options.max_unpacked_bytes) as zf:
            return check_workbook(path, zf, options)
    except (OSError, ValueError) as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e


def _open(path: Path) -> Workbook:
    try:
        with warnings.catch_warnings():
            # "Data Validation extension is not supported" and friends: noise, not errors.
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=False, data_only=True, keep_links=False)
    except InvalidFileException as e:
        raise UnreadableDocument(str(path), str(e)) from e
    except KeyError as e:  # a part the workbook names is missing from the package
        raise UnreadableDocument(str(path), f"missing part {e}") from e
    except ZIP_ERRORS as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e
    except (ParseError, XMLSyntaxError) as e:
        raise UnreadableDocument(str(path), f"xml: {e}") from e
    except (ValueError, TypeError, AttributeError, IndexError, OSError) as e:
        # openpyxl validates attributes as it builds its objects and raises these on junk.
        raise UnreadableDocument(str(path), f"{type(e).__name__}: {e}") from e


# --- the sheet walk -------------------------------------------------------------------------


@dataclass(slots=True)
class _Slot:
    """One cell of a sheet row as it will be emitted, with its visible column span."""

    first: int  # index into the visible columns
    last: int
    cell: Cell
    content: bool  # text, fill or a merge continuing from above
    bordered: bool


@dataclass(slots=True)
class _Merge:
    rows: tuple[int, int]
    cols: tuple[int, int]
    text: str
    shaded: bool
    mark: bool
    place: Place  # its top-left cell, where the value is kept and an edit goes


class _Columns:
    """The visible columns of a sheet and their cumulative left edges."""

    def __init__(self, sheet: Worksheet, max_col: int) -> None:
        widths: dict[int, float] = {}
        hidden: set[int] = set()
        for dim in sheet.column_dimensions.values():
            # One <col> element may cover a range min..max (grouped or uniform columns).
            lo = dim.min or 0
            hi = dim.max or lo
            if not lo:
                continue
            for c in range(lo, min(hi, max_col) + 1):
                if dim.hidden:
                    hidden.add(c)
                if dim.width:
                    widths[c] = float(dim.width)
        default = sheet.sheet_format.defaultColWidth or DEFAULT_WIDTH
        self.visible = [c for c in range(1, max_col + 1) if c not in hidden]
        self.position = {c: i for i, c in enumerate(self.visible)}
        self.edges = [0.0]
        for c in self.visible:
            self.edges.append(self.edges[-1] + max(widths.get(c, default), 0.1))

    def span(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Visible-column indexes of the first and last visible column in ``lo..hi``."""
        inside = [self.position[c] for c in range(lo, hi + 1) if c in self.position]
        return (inside[0], inside[-1]) if inside else None


def _place(sheet: Worksheet, row: int, col: int) -> Place:
    """The cell as Excel names it: its sheet and its A1 reference."""
    return Place(sheet=sheet.title, ref=f"{get_column_letter(col)}{row}", row=row)


def _hidden_rows(sheet: Worksheet) -> set[int]:
    return {r for r, dim in sheet.row_dimensions.items() if dim.hidden}


def _merges(
    sheet: Worksheet, looks: _Looks, max_row: int, max_col: int
) -> tuple[dict[tuple[int, int], _Merge], set[tuple[int, int]]]:
    """Merged ranges by their top-left cell, and the set of cells they cover, cut to the
    used area (``max_row`` x ``max_col``, already within the walk's budget)."""
    anchors: dict[tuple[int, int], _Merge] = {}
    covered: set[tuple[int, int]] = set()
    for rng in sheet.merged_cells.ranges:
        if rng.min_row > max_row or rng.min_col > max_col:
            continue
        top_left = sheet.cell(rng.min_row, rng.min_col)
        text, look = render(top_left), looks(top_left)
        rows = (rng.min_row, min(rng.max_row, max_row))
        cols = (rng.min_col, min(rng.max_col, max_col))
        anchors[(rng.min_row, rng.min_col)] = _Merge(
            rows=rows,
            cols=cols,
            text=text,
            shaded=look.shaded,
            mark=look.symbol_font and bool(text.strip()),
            place=_place(sheet, rng.min_row, rng.min_col),
        )
        for r in range(rows[0], rows[1] + 1):
            for c in range(cols[0], cols[1] + 1):
                covered.add((r, c))
    return anchors, covered


@dataclass(frozen=True, slots=True)
class _Look:
    """What a cell's style says that matters here; cells share styles, so it is cached."""

    shaded: bool
    bordered: bool
    symbol_font: bool


class _Looks:
    """``_Look`` per style id: reading fills, borders and fonts through openpyxl's style
    proxies is the slow part of a sheet walk, and a sheet has a handful of distinct styles."""

    def __init__(self) -> None:
        self._cache: dict[int, _Look] = {}

    def __call__(self, cell: XlCell | MergedCell) -> _Look:
        key = cell.style_id
        look = self._cache.get(key)
        if look is None:
            font = cell.font
            look = _Look(
                shaded=is_shaded(cell),
                bordered=_has_border(cell),
                symbol_font=font is not None and is_symbol_font(font.name),
            )
            self._cache[key] = look
        return look


def _has_border(cell: XlCell | MergedCell) -> bool:
    border = cell.border
    return any(
        side is not None and side.style not in (None, "none")
        for side in (border.left, border.right, border.top, border.bottom)
    )


@dataclass(slots=True)
class _WalkBudget:
    """How many sheet positions (rows x columns walked) the budget still allows."""

    file: str
    limit_mb: int
    positions: int | None  # None: no limit

    def take(self, sheet: Worksheet, rows: int, cols: int) -> None:
        if self.positions is None:
            return
        wanted = rows * cols
        if wanted > self.positions:
            what = f"{sheet.title}: {rows} x {cols} cells in use"
            raise MemoryLimitExceeded(self.file, self.limit_mb, what)
        self.positions -= wanted


def _used_area(sheet: Worksheet, looks: _Looks) -> tuple[int, int]:
    """The last row and column holding text, a fill or a border, or a merged range whose
    first cell does: what a person sees. Cells openpyxl holds but nobody could see (an empty
    cell at XFD1048576 stretches ``max_row``/``max_column``) are left out."""
    last_row = last_col = 0
    for (r, c), cell in sheet._cells.items():  # openpyxl keeps only the cells the file has
        if r <= last_row and c <= last_col:
            continue
        if cell.value is None or not render(cell).strip():
            look = looks(cell)
            if not (look.shaded or look.bordered):
                continue
        last_row, last_col = max(last_row, r), max(last_col, c)
    for rng in sheet.merged_cells.ranges:
        if (rng.min_row, rng.min_col) in sheet._cells and _visible(
            sheet._cells[(rng.min_row, rng.min_col)], looks
        ):
            last_row, last_col = max(last_row, rng.max_row), max(last_col, rng.max_col)
    return last_row, last_col


def _visible(cell: XlCell | MergedCell, looks: _Looks) -> bool:
    look = looks(cell)
    return bool(render(cell).strip()) or look.shaded or look.bordered


def _read_sheet(sheet: Worksheet, grid: Grid, walk: _WalkBudget) -> None:
    looks = _Looks()
    max_row, max_col = _used_area(sheet, looks)
    if max_row < 1 or max_col < 1:
        return
    columns = _Columns(sheet, max_col)
    if not columns.visible:
        return
    hidden_rows = _hidden_rows(sheet)
    walk.take(sheet, max_row - len([r for r in hidden_rows if r <= max_row]),
              len(columns.visible))
    anchors, covered = _merges(sheet, looks, max_row, max_col)
    # Where each merge shows: its first visible row and visible columns.
    placed = _place_merges(anchors, columns, hidden_rows)
    block: list[tuple[int, list[_Slot]]] = []
    for r in range(1, max_row + 1):
        if r in hidden_rows:
            continue
        slots = _row_slots(sheet, r, columns, covered, placed, looks)
        if any(s.content or s.bordered for s in slots):
            block.append((r, slots))
        elif block:
            _emit_block(block, columns, grid)
            block = []
    if block:
        _emit_block(block, columns, grid)


@dataclass(slots=True)
class _Placed:
    merge: _Merge
    first_row: int  # first visible row of the range
    span: tuple[int, int]  # visible column indexes


def _place_merges(
    anchors: dict[tuple[int, int], _Merge], columns: _Columns, hidden_rows: set[int]
) -> dict[tuple[int, int], _Placed]:
    """Each merge keyed by (row, first visible column) for every visible row it covers."""
    placed: dict[tuple[int, int], _Placed] = {}
    for merge in anchors.values():
        span = columns.span(*merge.cols)
        rows = [r for r in range(merge.rows[0], merge.rows[1] + 1) if r not in hidden_rows]
        if span is None or not rows:
            continue
        entry = _Placed(merge=merge, first_row=rows[0], span=span)
        for r in rows:
            placed[(r, columns.visible[span[0]])] = entry
    return placed


def _row_slots(
    sheet: Worksheet,
    r: int,
    columns: _Columns,
    covered: set[tuple[int, int]],
    placed: dict[tuple[int, int], _Placed],
    looks: _Looks,
) -> list[_Slot]:
    edges = columns.edges
    slots: list[_Slot] = []
    for i, c in enumerate(columns.visible):
        if (r, c) in covered:
            entry = placed.get((r, c))
            if entry is None:
                continue  # inside a merge, drawn by the slot at its first visible column
            lo, hi = entry.span
            cell = Cell(text="", x0=edges[lo], x1=edges[hi + 1], top=r, bottom=r + 1,
                        place=entry.merge.place)
            bordered = looks(sheet.cell(r, c)).bordered
            if entry.first_row == r:
                m = entry.merge
                cell.text, cell.shaded, cell.mark = m.text, m.shaded, m.mark
                content = bool(m.text.strip()) or m.shaded
            else:
                cell.continued = True
                content = True
            slots.append(_Slot(lo, hi, cell, content, bordered))
            continue
        xl = sheet.cell(r, c)
        text, look = render(xl), looks(xl)
        has_text = bool(text.strip())
        cell = Cell(
            text=text,
            x0=edges[i],
            x1=edges[i + 1],
            top=r,
            bottom=r + 1,
            shaded=look.shaded,
            mark=look.symbol_font and has_text,
            place=_place(sheet, r, c),
        )
        slots.append(_Slot(i, i, cell, has_text or look.shaded, look.bordered))
    return slots


def _texts(slots: list[_Slot]) -> list[str]:
    return [s.cell.text for s in slots if s.cell.text.strip()]


def _is_text_row(slots: list[_Slot]) -> bool:
    """A row holding one text at most and no fill: a caption or a signature line."""
    return len(_texts(slots)) <= 1 and not any(s.cell.shaded for s in slots)


def _emit_block(block: list[tuple[int, list[_Slot]]], columns: _Columns, grid: Grid) -> None:
    """A block of rows: leading/trailing one-text rows as lines, the rest as one table."""
    start, end = 0, len(block)
    while start < end and _is_text_row(block[start][1]):
        start += 1
    while end > start and _is_text_row(block[end - 1][1]):
        end -= 1
    for _, slots in block[:start]:
        _add_lines(grid, slots)
    body = block[start:end]
    if len(body) >= 2:
        grid.tables.append(_table(body))
    else:
        for _, slots in body:
            _add_lines(grid, slots)
    for _, slots in block[end:]:
        _add_lines(grid, slots)


def _table(body: list[tuple[int, list[_Slot]]]) -> Table:
    """The block's rows cut to the columns the block uses (content or borders).

    Cutting to the block's own extent matters: layout continues a RAK into a headerless
    table only when its rows span the RAK's columns, which a signature at the right does not.
    """
    used = [s for _, slots in body for s in slots if s.content or s.bordered]
    lo = min(s.first for s in used)
    hi = max(s.last for s in used)
    rows = [[s.cell for s in slots if s.last >= lo and s.first <= hi] for _, slots in body]
    return Table(rows=rows, page=None)


def _add_lines(grid: Grid, slots: list[_Slot]) -> None:
    """A row outside tables as text: one cell's lines, or its cells joined left to right."""
    texts = _texts(slots)
    after = len(grid.tables)
    if len(texts) == 1:
        lines = [ln.strip() for ln in texts[0].split("\n")]
    else:
        lines = [" ".join(" ".join(t.split()) for t in texts)]
    for line in lines:
        if line:
            grid.lines.append(TextLine(text=line, page=None, after_tables=after))
