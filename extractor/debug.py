"""What the reader saw, for ``rak debug``: the grid, the column models and the rows, per page.

A row that comes out wrong is explained by one of three things: the reader's cells (wrong
boundaries, a mark missed), the column model layout built from the header (a column given the
wrong role), or the joins layout made (rows cut by a page, merged cells). This module gathers
all three per page, as plain data for JSON; ``debug_draw`` draws them over the page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .columns import ColumnModel
from .grid import Cell, Grid
from .layout import build_rows
from .model import Row
from .options import ExtractOptions
from .readers import read_grid, sniff_format
from .seen import PageView


@dataclass(slots=True)
class TableSeen:
    index: int  # into grid.tables
    page: int | None
    cells: list[Cell]
    model: ColumnModel | None  # None: layout did not use this table
    doubts: list[str]


@dataclass(slots=True)
class PageSeen:
    page: int | None  # None for formats without pages (Word, Excel)
    view: PageView | None
    tables: list[TableSeen] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # RAK rows that start on this page


@dataclass(slots=True)
class Inspection:
    file: str
    format: str
    pages: list[PageSeen]


def inspect(path: Path, options: ExtractOptions | None = None) -> Inspection:
    """Read ``path`` as ``extract`` does and keep every intermediate result."""
    options = options or ExtractOptions()
    fmt = sniff_format(path)
    grid = read_grid(path, fmt, options)
    layout = build_rows(grid)
    return Inspection(file=path.name, format=fmt, pages=_by_page(grid, layout.models, layout.rows))


def _by_page(grid: Grid, models: dict[int, ColumnModel], rows: list[Row]) -> list[PageSeen]:
    views = {v.page: v for v in grid.seen}
    numbers: list[int | None]
    if grid.pages:
        numbers = list(range(1, grid.pages + 1))
    else:
        numbers = [None]
    pages = {n: PageSeen(page=n, view=views.get(n) if n else None) for n in numbers}
    for i, table in enumerate(grid.tables):
        page = pages.get(table.page) or pages[numbers[0]]
        cells = [c for r in table.rows for c in r]
        page.tables.append(TableSeen(i, table.page, cells, models.get(i), list(table.doubts)))
    for row in rows:
        (pages.get(row.lokasi.halaman) or pages[numbers[0]]).rows.append(row)
    return [pages[n] for n in numbers]


def _model_json(model: ColumnModel | None) -> dict[str, Any] | None:
    if model is None:
        return None
    return {
        "periode": model.periode,
        "columns": [
            {"role": c.role, "x0": c.x0, "x1": c.x1, "heading": c.heading, "period": c.period}
            for c in model.columns
        ],
    }


def page_json(page: PageSeen) -> dict[str, Any]:
    """One page of the inspection as JSON-ready data."""
    return {
        "page": page.page,
        "seen": asdict(page.view) if page.view else None,
        "tables": [
            {
                "index": t.index,
                "used": t.model is not None,
                "doubts": t.doubts,
                "model": _model_json(t.model),
                "cells": [
                    {
                        "text": c.text,
                        "box": [c.x0, c.top, c.x1, c.bottom],
                        **({"mark": True} if c.mark else {}),
                        **({"shaded": True} if c.shaded else {}),
                        **({"continued": True} if c.continued else {}),
                        **({"confidence": c.confidence} if c.confidence is not None else {}),
                        **({"doubts": c.doubts} if c.doubts else {}),
                    }
                    for c in t.cells
                ],
            }
            for t in page.tables
        ],
        "rows": [
            {
                "baris": r.lokasi.baris,
                "sasaran_kegiatan": r.sasaran_kegiatan,
                "indikator_kinerja": r.indikator_kinerja,
                "target": r.target.teks,
                "kegiatan": r.kegiatan,
                "jadwal": r.jadwal,
                "pelaksana": r.pelaksana,
            }
            for r in page.rows
        ],
    }
