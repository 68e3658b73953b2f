"""Text painted outside the clipping path is not on the page: drop it where it is drawn.

Spreadsheet and word-processor exports draw a cell's whole text and clip it to the cell. A
merged cell that crosses a page break is drawn again on the next page, clipped away under
the repeated header; its glyphs are in the content stream and pdfminer, which ignores
clipping (``W``/``W*`` are no-ops there), reports them as if visible, on top of the
header text. A reader sees none of it, so neither may we.

The interpreter below keeps the bounding box of the current clip (device space, the one
pdfminer's glyph boxes use), saved and restored with ``q``/``Q``, and removes each glyph a
text operator just added whose centre falls outside it. A box is all it keeps: for the
rectangles that exports clip to it is exact, for any other path it is the path's bounds, so
a glyph is only ever dropped when it is certainly invisible.
"""

from __future__ import annotations

from typing import Any

from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFStackT
from pdfminer.utils import apply_matrix_pt

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space


class ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, plus the clip box and glyph removal described above."""

    clip: Rect | None = None
    clip_stack: list[Rect | None]

    def init_state(self, ctm: Any) -> None:
        super().init_state(ctm)
        self.clip_stack = []

    def subinterp(self) -> PDFPageInterpreter:
        """A form XObject is painted under the clip in force where it is invoked."""
        sub = super().subinterp()
        if isinstance(sub, ClippingInterpreter):
            sub.clip = self.clip
        return sub

    def do_q(self) -> None:
        super().do_q()
        self.clip_stack.append(self.clip)

    def do_Q(self) -> None:
        super().do_Q()
        if self.clip_stack:
            self.clip = self.clip_stack.pop()

    def _clip_to_path(self) -> None:
        points: list[tuple[float, float]] = []
        for seg in self.curpath:
            coords = seg[1:]
            for i in range(0, len(coords) - 1, 2):
                try:
                    x, y = float(coords[i]), float(coords[i + 1])
                except (TypeError, ValueError):
                    continue
                points.append(apply_matrix_pt(self.ctm, (x, y)))
        if not points:
            return
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if self.clip is not None:
            a = self.clip
            box = (max(a[0], box[0]), max(a[1], box[1]), min(a[2], box[2]), min(a[3], box[3]))
        self.clip = box

    def do_W(self) -> None:
        self._clip_to_path()

    def do_W_a(self) -> None:
        self._clip_to_path()

    def do_TJ(self, seq: PDFStackT) -> None:
        clip = self.clip
        if clip is None:
            super().do_TJ(seq)
            return
        objs = getattr(self.device, "cur_item", None)
        objs = getattr(objs, "_objs", None)
        before = len(objs) if isinstance(objs, list) else None
        super().do_TJ(seq)
        if before is None or objs is None or len(objs) == before:
            return
        x0, y0, x1, y1 = clip
        kept = [
            o
            for o in objs[before:]
            if not isinstance(o, LTChar)
            or (x0 <= (o.x0 + o.x1) / 2 <= x1 and y0 <= (o.y0 + o.y1) / 2 <= y1)
        ]
        del objs[before:]
        objs.extend(kept)
