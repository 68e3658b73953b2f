"""Pictures of where flagged rows are printed, for the HTML report to show beside them.

A person checking a row the extractor may have misread compares the row as read with the
row as printed; a crop of the page region (``lokasi.kotak``) saves opening the PDF and
finding the page. ``checks`` never opens a file, so the crops are made here, at the edge,
and handed to the renderer as data URIs: the report stays one self-contained file.

Size: every crop of a report shares one byte budget. The resolution is chosen from the total
area to crop (greyscale JPEG of printed text costs about ``BYTES_PER_PIXEL``), within
``MIN_SCALE``..``MAX_SCALE`` pixels per point (never so small that 7 pt text is unreadable);
rows are pictured in the order given (the caller puts the rows to verify by eye first) until
the budget is spent, so a 50-page RAK whose every row is flagged still makes a file of a few
MB, and a report with three flagged rows gets sharp pictures.

Turned pages: a row's box is in the frame the PDF reader read the page in, the one where its
text runs left to right (``extractor.readers.pdf.page``: a landscape page stored sideways
with /Rotate 270 is read turned back). pdfium renders the page as a viewer shows it, so the
picture is turned the same way, by the reader's own rule, before it is cropped: the crop
shows the row upright, as the person reads it.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extractor.model import RakDocument

if TYPE_CHECKING:
    from checks.finding import Finding

BUDGET_BYTES = 3_000_000
BYTES_PER_PIXEL = 0.4  # measured: base64 of a greyscale JPEG q70 of a RAK table row
MIN_SCALE, MAX_SCALE = 1.2, 2.0  # pixels per PDF point (86 dpi .. 144 dpi)
MARGIN = 3.0  # points around the row's cells
QUALITY = 70


def _scale(areas: float, budget: int) -> float:
    if areas <= 0:
        return MAX_SCALE
    return max(MIN_SCALE, min(MAX_SCALE, math.sqrt(budget / (areas * BYTES_PER_PIXEL))))


def _jpeg(image: Any, bbox: list[float], scale: float) -> str | None:
    """The box (points) of a page rendered at ``scale`` as a greyscale JPEG data URI."""
    x0, top, x1, bottom = bbox
    crop = image.crop(
        (
            max(0, int((x0 - MARGIN) * scale)),
            max(0, int((top - MARGIN) * scale)),
            min(image.width, math.ceil((x1 + MARGIN) * scale)),
            min(image.height, math.ceil((bottom + MARGIN) * scale)),
        )
    )
    if crop.width < 2 or crop.height < 2:
        return None
    buf = io.BytesIO()
    crop.convert("L").save(buf, format="JPEG", quality=QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


# PIL's turn (degrees counter-clockwise) that brings text running this way to upright.
_TURNS = {"down": 90, "up": -90, "left": 180}


def _reading_turns(path: Path, numbers: Iterable[int], password: str | None) -> dict[int, int]:
    """Page number -> the quarter turns (PIL degrees) the reader gave that page's text.

    The same rule as the reader's (``dominant_direction`` over the page's glyphs), so the
    crop's frame is the boxes' frame. A page without text (a scan) is read as shown.
    """
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    from extractor.readers.pdf.page import dominant_direction

    turns: dict[int, int] = {}
    try:
        with pdfplumber.open(path, password=password or "") as pdf:
            for number in numbers:
                if 0 < number <= len(pdf.pages):
                    direction = dominant_direction(pdf.pages[number - 1].chars)
                    turns[number] = _TURNS.get(direction, 0)
    except (PDFSyntaxError, OSError, ValueError, KeyError, TypeError):
        return {}  # best effort, as the crops are
    return turns


def _rendered(page: Any, scale: float, turn: int) -> Any:
    image = page.render(scale=scale, grayscale=True).to_pil()
    return image.rotate(turn, expand=True) if turn else image


def row_crops(
    path: Path,
    doc: RakDocument,
    rows: Iterable[int],
    password: str | None = None,
    budget: int = BUDGET_BYTES,
) -> dict[int, list[tuple[int, str]]]:
    """Row number (1-based) -> (page, JPEG data URI) of its region on each page it sits on.

    Best effort: a file pdfium cannot open or a page it cannot render gives no crop, and the
    report is written without it.
    """
    wanted = [r for r in dict.fromkeys(rows) if 0 < r <= len(doc.rows)]
    boxes = [(r, k) for r in wanted for k in doc.rows[r - 1].lokasi.kotak]
    if not boxes or doc.source.format != "pdf":
        return {}
    import pypdfium2 as pdfium  # comes with pdfplumber

    area = sum(
        (k.bbox[2] - k.bbox[0] + 2 * MARGIN) * (k.bbox[3] - k.bbox[1] + 2 * MARGIN)
        for _, k in boxes
    )
    scale = _scale(area, budget)
    out: dict[int, list[tuple[int, str]]] = {}
    spent = 0
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except (pdfium.PdfiumError, OSError):
        return {}
    pages: dict[int, Any] = {}  # rendered pages, each once
    turns = _reading_turns(path, {k.halaman for _, k in boxes}, password)
    try:
        for r, k in boxes:
            if spent >= budget:
                break
            number = k.halaman
            if number not in pages:
                if not 0 < number <= len(pdf):
                    continue
                try:
                    pages[number] = _rendered(pdf[number - 1], scale, turns.get(number, 0))
                except pdfium.PdfiumError:
                    pages[number] = None
            image = pages[number]
            if image is None:
                continue
            data = _jpeg(image, k.bbox, scale)
            if data is not None:
                spent += len(data)
                out.setdefault(r, []).append((number, data))
    finally:
        pdf.close()
    return out


def flagged_crops(
    path: Path, doc: RakDocument, findings: list[Finding], password: str | None = None
) -> dict[int, list[tuple[int, str]]]:
    """Crops of every row a finding points at, the rows to verify by eye first."""
    from checks.folding import needs_eye

    eye = [f.row for f in needs_eye(findings) if f.row is not None]
    rest = [f.row for f in findings if f.row is not None]
    return row_crops(path, doc, [*eye, *sorted(set(rest))], password)
