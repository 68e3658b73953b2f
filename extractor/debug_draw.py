"""Draw what the reader saw over the page, as a PNG: the picture ``rak debug`` writes.

The page is rendered by pdfium (pypdfium2, already installed with pdfplumber) and drawn on
with OpenCV, both of which the project has anyway. Colours, each meaning one thing:

- grey: a cell of the grid; red outline: a cell the reader doubts; green fill: a mark;
  yellow fill: a shaded cell;
- blue: the column model layout read the table with (its boundaries, role labels on top);
- magenta: column boundaries the reader found (borderless and scans), orange: its row breaks;
- red box: the header band the reader took; black text at the foot: the page's measures.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .columns import PERIOD
from .debug import PageSeen
from .marks import is_mark_text

if TYPE_CHECKING:
    import numpy as np

GREY = (170, 170, 170)
RED = (40, 40, 220)
GREEN = (60, 170, 60)
YELLOW = (80, 220, 240)
BLUE = (200, 90, 20)
MAGENTA = (200, 40, 200)
ORANGE = (0, 140, 255)
BLACK = (0, 0, 0)


def render_page(pdf: Path, number: int, scale: float) -> np.ndarray:
    """The page as a BGR image, as a viewer shows it (its /Rotate applied)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[number - 1]
        image: np.ndarray = page.render(scale=scale).to_numpy().copy()
        page.close()
    finally:
        doc.close()
    return image


def _turned(image: np.ndarray, seen: PageSeen) -> np.ndarray:
    """Turn the picture into the reader's frame when the reader turned sideways text."""
    import cv2

    view = seen.view
    if view is None:
        return image
    turn = int(view.measures.get("turn", 0)) % 360
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[turn]) if turn in codes else image


def draw(image: np.ndarray, seen: PageSeen, scale: float) -> np.ndarray:
    """``image`` (the rendered page) with the page's inspection drawn over it."""
    import cv2

    out = _turned(image, seen)
    tint = out.copy()

    def px(v: float) -> int:
        return int(round(v * scale))

    def box(b: tuple[float, float, float, float], colour: tuple[int, int, int], w: int) -> None:
        cv2.rectangle(out, (px(b[0]), px(b[1])), (px(b[2]), px(b[3])), colour, w)

    for table in seen.tables:
        for c in table.cells:
            marked = c.mark or is_mark_text(c.text.strip())
            if marked or c.shaded:
                colour = GREEN if marked else YELLOW
                cv2.rectangle(tint, (px(c.x0), px(c.top)), (px(c.x1), px(c.bottom)), colour, -1)
    cv2.addWeighted(tint, 0.35, out, 0.65, 0, dst=out)
    # The reader's own boundaries first: the column model drawn over them shows both.
    view = seen.view
    if view is not None:
        height = out.shape[0]
        for x in view.columns:
            cv2.line(out, (px(x), 0), (px(x), height), MAGENTA, 1)
        for y in view.row_breaks:
            cv2.line(out, (0, px(y)), (out.shape[1], px(y)), ORANGE, 1)
        for m in view.marks:
            box(m, GREEN, 2)
        if view.header is not None:
            box(view.header, RED, 2)
    for table in seen.tables:
        for c in table.cells:
            box((c.x0, c.top, c.x1, c.bottom), RED if c.doubts else GREY, 2 if c.doubts else 1)
        if table.model is None or not table.cells:
            continue
        top = min(c.top for c in table.cells)
        bottom = max(c.bottom for c in table.cells)
        for col in table.model.columns:
            for x in (col.x0, col.x1):
                cv2.line(out, (px(x), px(top)), (px(x), px(bottom)), BLUE, 1)
            label = f"P{col.period}" if col.role == PERIOD else col.role.split("_")[0]
            cv2.putText(
                out, label, (px(col.x0) + 2, max(10, px(top) - 4)),
                cv2.FONT_HERSHEY_SIMPLEX, 0.33, BLUE, 1, cv2.LINE_AA,
            )
    if view is not None:
        height = out.shape[0]
        legend = [f"{view.method}"] + [f"{k}={v:.4g}" for k, v in sorted(view.measures.items())]
        legend += view.notes
        y = height - 8 - 12 * (len(legend) - 1)
        for line in legend:
            cv2.putText(out, line[:120], (6, y), cv2.FONT_HERSHEY_SIMPLEX, 0.35, BLACK, 1,
                        cv2.LINE_AA)
            y += 12
    return out


def png_bytes(image: np.ndarray) -> bytes:
    """``image`` as a PNG file's bytes (the caller writes them where it was asked to)."""
    import cv2

    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise ValueError("PNG encoding failed")
    return bytes(data.tobytes())
