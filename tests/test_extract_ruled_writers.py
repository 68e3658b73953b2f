"""Ruled RAKs from other writers (samples/build/ruled_variants.py): guards and the baseline.

Chromium prints of HTML tables and LibreOffice PDFs of styled Word tables draw their rules
in ways our own LibreOffice samples never do; test_extract_pdf_variants.py checks that every
row comes out right. Here each sample is guarded (the file really shows what its name says,
so that a passing row test means something), and on each one rak reads at least as many
rows right as bare pdfplumber does.
"""

from __future__ import annotations

from collections import Counter

import pdfplumber
import pytest

from benchmarks.baseline_tables import compare
from extractor.options import ExtractOptions
from extractor.readers.pdf.reader import read_pdf

from .conftest import SAMPLES

WRITERS = (
    "rak-peramban-satu-tabel",
    "rak-peramban-terpisah",
    "rak-peramban-arsir",
    "rak-word-gaya-tabel",
    "rak-word-gaya-garis",
)


@pytest.mark.parametrize("name", WRITERS)
def test_never_below_the_library(name: str) -> None:
    """Where a table has ruling lines rak must not do worse than pdfplumber's own tables
    (``extract_tables()`` and the header words); here it reads every row right."""
    ours, theirs = compare(SAMPLES / f"{name}.pdf")
    assert ours.rate >= theirs.rate
    assert ours.rate == 1.0


def _rules(page: pdfplumber.page.Page) -> tuple[list[dict], list[dict]]:
    """Horizontal and vertical thin painted rules (lines and thin filled rects)."""
    h, v = [], []
    for obj in [*page.rects, *page.lines]:
        w, ht = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
        if ht <= 3 and w > 3 * max(ht, 0.1):
            h.append(obj)
        elif w <= 3 and ht > 3 * max(w, 0.1):
            v.append(obj)
    return h, v


def test_rowspan_is_cut_by_the_page_break() -> None:
    """Guards ``rak-peramban-satu-tabel``: at the foot of page 1 the first column (a SASARAN
    rowspan) has no rule under it where the other columns close, and its text runs on below
    that rule; the next page repeats the header."""
    with pdfplumber.open(SAMPLES / "rak-peramban-satu-tabel.pdf") as pdf:
        page = pdf.pages[0]
        h, _ = _rules(page)
        foot = max(r["top"] for r in h)
        left = min(r["x0"] for r in h)
        foot_left = min(r["x0"] for r in h if abs(r["top"] - foot) < 1)
        assert foot_left > left + 20  # the first column is open at the foot
        assert any(c["top"] > foot and c["x1"] < foot_left for c in page.chars)
        assert "SASARAN" in (pdf.pages[1].extract_text() or "")


def test_separate_borders_frame_each_cell() -> None:
    """Guards ``rak-peramban-terpisah``: each cell is framed on its own (a stroked box), so
    neighbouring cells' frames stand a few points apart; rows are banded with fills."""
    with pdfplumber.open(SAMPLES / "rak-peramban-terpisah.pdf") as pdf:
        page = pdf.pages[0]
        frames = [r for r in page.rects if r["stroke"] and not r["fill"]]
        apart = [
            b["x0"] - a["x1"]
            for a in frames
            for b in frames
            if abs(a["top"] - b["top"]) < 1 and 0 < b["x0"] - a["x1"] < 4
        ]
        assert len(apart) >= 15
        filled_rows = {round(r["top"]) for r in page.rects if r["fill"]}
        framed_rows = {round(r["top"]) for r in frames}
        assert 3 <= len(filled_rows) < len(framed_rows)  # the header and every other row


def test_shaded_sample_has_no_mark_glyph_and_tinted_cells() -> None:
    """Guards ``rak-peramban-arsir``: planned months are only a background colour, every
    body cell is tinted, the page is portrait."""
    with pdfplumber.open(SAMPLES / "rak-peramban-arsir.pdf") as pdf:
        page = pdf.pages[0]
        assert page.width < page.height
        chars = {c["text"] for p in pdf.pages for c in p.chars}
        assert not chars & set("√✓✔")
        colours = Counter(r["non_stroking_color"] for r in page.rects if r["height"] > 5)
        assert len(colours) >= 3  # header, tint, shaded month


def test_styled_word_rules_only_header_and_frame() -> None:
    """Guards ``rak-word-gaya-tabel``: below the header no vertical rule runs between the
    columns right of the first; those cells are closed only by the banded rows' fills."""
    with pdfplumber.open(SAMPLES / "rak-word-gaya-tabel.pdf") as pdf:
        page = pdf.pages[0]
        _, v = _rules(page)
        header_bottom = max(r["bottom"] for r in page.rects if r["top"] < 100) + 12
        frame = (min(r["x0"] for r in page.rects), max(r["x1"] for r in page.rects))
        inner = {
            round(r["x0"])
            for r in v
            if r["bottom"] > header_bottom and frame[0] + 5 < r["x0"] < frame[1] - 5
        }
        assert len(inner) <= 1  # at most the first column's rule


def test_styled_word_borders_of_several_widths() -> None:
    """Guards ``rak-word-gaya-garis``: a heavy frame, thin inner rules, a double rule."""
    with pdfplumber.open(SAMPLES / "rak-word-gaya-garis.pdf") as pdf:
        page = pdf.pages[0]
        widths = {
            round(min(r["width"], r["height"]), 1)
            for r in page.rects
            if min(r["width"], r["height"]) < 3
        }
        widths |= {round(r["linewidth"], 1) for r in page.lines}
        assert len(widths) >= 2
        assert max(widths) >= 2 * min(w for w in widths if w > 0)


def test_ruled_pages_say_what_the_reader_saw() -> None:
    grid = read_pdf(SAMPLES / "rak-peramban-terpisah.pdf", ExtractOptions())
    assert [v.page for v in grid.seen] == list(range(1, (grid.pages or 0) + 1))
    view = grid.seen[0]
    assert view.method == "ruled"
    assert view.measures["font_size"] == pytest.approx(7.0, abs=0.1)
    assert view.measures["snap"] > 0
    assert len(view.tables) == 1
    assert len(set(view.columns)) >= 18  # 17 columns: 18 boundaries
    assert view.row_breaks and view.cells
    assert view.marks  # the ✓ cells


def test_sample_pdfs_are_small() -> None:
    for name in WRITERS:
        assert (SAMPLES / f"{name}.pdf").stat().st_size < 200_000, name
