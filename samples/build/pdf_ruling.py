"""The ruled decorations of a drawn sample table: its cell borders, and the hidden white
paint that Word and Excel exports leave under a ruled table (``pdf_writer``'s
``ruled`` and ``hidden_white``). Apart from the writer because neither says where a RAK's
text goes, only what is painted around it.
"""

from __future__ import annotations

from .pdf_canvas import Col, Page

Row = tuple[float, float, bool]  # top, height, last row of its SASARAN run


def _period_span(cols: list[Col]) -> tuple[float, float]:
    ps = [c for c in cols if c.role == "period"]
    return ps[0].x0, ps[-1].x1


def rule(
    page: Page, cols: list[Col], top: float, header: tuple[float, float, float], rows: list[Row]
) -> None:
    """Cell borders: periods split only below the JADWAL heading, SASARAN merged down
    over the rows of one run."""
    c = page.c
    c.setStrokeGray(0)
    c.setLineWidth(0.6)
    row1, row2, row3 = header
    x0, x1 = cols[0].x0, cols[-1].x1
    p0, p1 = _period_span(cols)
    head_bottom = top + row1 + row2 + row3
    bottom = rows[-1][0] + rows[-1][1]
    page.hline(top, x0, x1)
    page.hline(top + row1, p0, p1)
    if row3:
        page.hline(top + row1 + row2, x0, x1)
    page.hline(head_bottom, x0, x1)
    s = next(col for col in cols if col.role == "sasaran")
    for y, height, group_end in rows:
        page.hline(y + height, x0 if group_end else s.x1, x1)
    edges = sorted({col.x0 for col in cols} | {x1})
    for x in edges:
        inner_period = p0 < x < p1
        page.vline(x, top + row1 if inner_period else top, bottom)


def white_traps(
    page: Page, cols: list[Col], top: float, head: float, row1: float, heights: list[float]
) -> None:
    """What Word and Excel exports leave behind, all invisible on paper: a white page-size
    backdrop, a white filled and white-stroked box behind every text cell, white lines
    across each row at mid-height, a thin white bar down the middle of KEGIATAN and
    INDIKATOR, and a CMYK-white line through the JADWAL heading (``row1`` high)."""
    c = page.c
    x0, x1 = cols[0].x0, cols[-1].x1
    c.saveState()
    c.setFillGray(1)
    c.setStrokeGray(1)
    c.setLineWidth(0.5)
    y = top + head
    total = sum(heights)
    c.rect(x0 - 6, page.y(y + total + 6), x1 - x0 + 12, total + head + 12, stroke=0, fill=1)
    for height in heights:
        for col in cols:
            if col.role == "period":
                continue
            c.rect(
                col.x0 + 0.8,
                page.y(y + height - 0.8),
                col.inner - 1.6,
                height - 1.6,
                stroke=1,
                fill=1,
            )
        page.hline(y + height / 2, x0, x1)
        y += height
    for col in cols:
        if col.role in ("indikator", "kegiatan"):
            mid = (col.x0 + col.x1) / 2
            c.rect(mid - 0.4, page.y(top + head + total), 0.8, total, stroke=0, fill=1)
    p0, p1 = _period_span(cols)
    c.setStrokeColorCMYK(0, 0, 0, 0)
    page.hline(top + row1 / 2, p0, p1)
    c.restoreState()
