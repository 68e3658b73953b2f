"""A page's paths and pictures read by pdfium, as pdfminer lays them out and pdfplumber
keeps them: each path split into subpaths, each subpath a line, a rectangle or a curve by
pdfminer's rules (``paint_path``), in pdfplumber's top-left coordinates; a picture as the
box its matrix maps the unit square to.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as raw

from .pdfium_reading import Matrix, Point, Reading, apply, mul, own_matrix

_LINETO, _BEZIERTO, _MOVETO = (
    raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_BEZIERTO, raw.FPDF_SEGMENT_MOVETO
)


def _colour(getter: Any, obj: Any) -> tuple[float, ...] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(obj, r, g, b, a):
        return None
    if r.value == g.value == b.value:
        return (r.value / 255,)
    return (r.value / 255, g.value / 255, b.value / 255)




def _segments(obj: Any, matrix: Matrix) -> list[tuple[str, Point]]:
    """The path as pdfminer's operators with each one's end point in device space; a
    closed subpath ends with ``h`` at its start."""
    out: list[tuple[str, Point]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    start: Point | None = None
    pending_curve = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        pt = apply(matrix, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == _MOVETO:
            out.append(("m", pt))
            start = pt
        elif kind == _LINETO:
            out.append(("l", pt))
        elif kind == _BEZIERTO:
            pending_curve += 1
            if pending_curve < 3:
                continue  # the control points: pdfminer keeps the end point only
            pending_curve = 0
            out.append(("c", pt))
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            out.append(("h", start))
    return out


def read_path(obj: Any, matrix: Matrix, reading: Reading) -> None:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
        return
    fill, stroked = fill_mode.value != raw.FPDF_FILLMODE_NONE, bool(stroke.value)
    if not fill and not stroked:
        return  # a path only for clipping: pdfminer paints nothing
    path = _segments(obj, matrix)
    reading.spend(elements=len(path))
    paint = {
        "stroke": stroked,
        "fill": fill,
        "stroking_color": _colour(raw.FPDFPageObj_GetStrokeColor, obj),
        "non_stroking_color": _colour(raw.FPDFPageObj_GetFillColor, obj),
        "linewidth": _stroke_width(obj),
    }
    starts = [i for i, (op, _) in enumerate(path) if op == "m"] + [len(path)]
    if not starts or starts[0] != 0:
        return  # a path must begin with a move (pdfminer drops it otherwise)
    for a, b in zip(starts, starts[1:]):
        if b - a > 1:
            _add_subpath(path[a:b], paint, reading)


def _stroke_width(obj: Any) -> float:
    width = ctypes.c_float()
    return float(width.value) if raw.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


def _add_subpath(path: list[tuple[str, Point]], paint: dict[str, Any],
                 reading: Reading) -> None:
    """One subpath as pdfminer's ``paint_path`` classifies it."""
    shape = "".join(op for op, _ in path)
    pts = [pt for _, pt in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in {"mlh", "ml"}:
        kind, pts = "line", pts[:2]
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            kind, pts = "rect", [pts[0], pts[2]]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    obj = dict(paint)
    obj.update(_box(min(xs), min(ys), max(xs), max(ys), reading.height))
    if kind == "curve":
        obj["pts"] = [(x, reading.height - y) for x, y in pts]
    reading.objects[kind].append(obj)


def _box(x0: float, y0: float, x1: float, y1: float, height: float) -> dict[str, float]:
    return {"x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0}



def read_image(obj: Any, matrix: Matrix, reading: Reading) -> None:
    """A picture fills its matrix's unit square."""
    corners = [apply(mul(own_matrix(obj), matrix), x, y) for x in (0, 1) for y in (0, 1)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    reading.objects["image"].append(_box(min(xs), min(ys), max(xs), max(ys), reading.height))
