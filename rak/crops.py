"""Pictures of where flagged rows are printed, for the HTML report to show beside them.

A person checking a row the extractor may have misread compares the row as read with the
row as printed; a crop of the page region (``lokasi.kotak``) saves opening the PDF and
finding the page. ``checks`` never opens a file, so the crops are made here, at the edge,
and handed to the renderer as data URIs: the report stays one self-contained file.

Size: every crop of a report shares one byte budget. The resolution is chosen from the total
area to crop (greyscale JPEG of printed text costs about ``BYTES_PER_PIXEL``), within
``MIN_SCALE``..``MAX_SCALE`` pixels per point, so a 50-page RAK whose every row is flagged
still makes a file of a few MB, and a report with three flagged rows gets sharp pictures.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.model import RakDocument

if TYPE_CHECKING:
    from checks.finding import Finding

BUDGET_BYTES = 3_000_000
BYTES_PER_PIXEL = 0.1  # measured: greyscale JPEG q70 of a RAK table row
MIN_SCALE, MAX_SCALE = 0.8, 2.0  # pixels per PDF point (72 dpi .. 144 dpi)
MARGIN = 3.0  # points around the row's cells
QUALITY = 70


def _scale(areas: float, budget: int) -> float:
    if areas <= 0:
        return MAX_SCALE
    return max(MIN_SCALE, min(MAX_SCALE, math.sqrt(budget / (areas * BYTES_PER_PIXEL))))


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
    wanted = sorted({r for r in rows if 0 < r <= len(doc.rows)})
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
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except (pdfium.PdfiumError, OSError):
        return {}
    try:
        by_page: dict[int, list[tuple[int, list[float]]]] = {}
        for r, k in boxes:
            by_page.setdefault(k.halaman, []).append((r, k.bbox))
        for number, items in sorted(by_page.items()):
            if not 0 < number <= len(pdf):
                continue
            try:
                image = pdf[number - 1].render(scale=scale, grayscale=True).to_pil()
            except pdfium.PdfiumError:
                continue
            for r, (x0, top, x1, bottom) in items:
                crop = image.crop(
                    (
                        max(0, int((x0 - MARGIN) * scale)),
                        max(0, int((top - MARGIN) * scale)),
                        min(image.width, math.ceil((x1 + MARGIN) * scale)),
                        min(image.height, math.ceil((bottom + MARGIN) * scale)),
                    )
                )
                if crop.width < 2 or crop.height < 2:
                    continue
                buf = io.BytesIO()
                crop.convert("L").save(buf, format="JPEG", quality=QUALITY, optimize=True)
                data = base64.b64encode(buf.getvalue()).decode("ascii")
                out.setdefault(r, []).append((number, f"data:image/jpeg;base64,{data}"))
    finally:
        pdf.close()
    return out


def flagged_crops(
    path: Path, doc: RakDocument, findings: list[Finding], password: str | None = None
) -> dict[int, list[tuple[int, str]]]:
    """Crops of every row a finding points at (``row_crops`` over the flagged rows)."""
    return row_crops(path, doc, (f.row for f in findings if f.row is not None), password)
