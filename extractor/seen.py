"""What a reader saw on one page: the measures it took and the structure it found.

Readers fill one ``PageView`` per page they read; ``rak debug`` draws it over the page and
writes it as JSON, so anyone can see why a row came out as it did. Coordinates are PDF
points from the page's top-left corner (a scan reader converts its pixels), the same frame
as ``Cell.x0``/``top``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(slots=True)
class PageView:
    page: int  # 1-based
    width: float
    height: float
    method: str  # "ruled", "aligned" (no ruling lines), "ocr", "none"
    # The page's own measures the thresholds came from: font size, line pitch, gap
    # thresholds, dpi, paper and ink levels, skew ...; names are the reader's, values numbers.
    measures: dict[str, float] = field(default_factory=dict)
    tables: list[Box] = field(default_factory=list)
    cells: list[Box] = field(default_factory=list)
    columns: list[float] = field(default_factory=list)  # x of column boundaries
    row_breaks: list[float] = field(default_factory=list)  # y of row boundaries
    marks: list[Box] = field(default_factory=list)  # where a mark was decided
    header: Box | None = None  # the header band the reader took for the table's heading
    notes: list[str] = field(default_factory=list)  # free text: why a choice was made
