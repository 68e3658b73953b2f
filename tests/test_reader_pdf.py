"""The PDF reader: ruled and borderless tables, merges, marks, shading, rotation, errors.

Most PDFs are drawn here with reportlab so each test states exactly what is on the page.
The seed sample (``samples/rak-kubu-raya-2024.pdf``, LibreOffice output) and the pdfplumber
test corpus are used when present.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen import canvas

from extractor.errors import (
    EmptyDocument,
    EncryptedDocument,
    RakError,
    TooLarge,
    UnreadableDocument,
)
from extractor.grid import Cell, Grid
from extractor.options import ExtractOptions
from extractor.readers.pdf.reader import read_pdf

ROOT = Path(__file__).resolve().parents[1]
SEED_PDF = ROOT / "samples" / "rak-kubu-raya-2024.pdf"
CORPUS = ROOT.parent / "shared" / "external" / "pdfplumber-tests"

PAGE = (842.0, 595.0)  # A4 landscape, points


def norm(text: str) -> str:
    return " ".join(text.split())


def texts(row: list[Cell]) -> list[str]:
    return [norm(c.text) for c in row]


# --- drawing ------------------------------------------------------------------------------


def draw_rak_table(c: object, height: float, *, hidden: bool = True) -> None:
    """A small RAK-like ruled table, coordinates given from the top of the page.

    Header: SASARAN | INDIKATOR | JADWAL (spans B1, B2) | PELAKSANA, then B1 B2 below
    JADWAL with the other header cells merged down. Body: SASARAN merged over two rows,
    a wrapped INDIKATOR, a ZapfDingbats check, a shaded cell, a plain "v".
    """

    def y(top: float) -> float:
        return height - top

    def text(x: float, top: float, s: str, font: str = "Helvetica", size: float = 9) -> None:
        c.setFont(font, size)  # type: ignore[attr-defined]
        c.drawString(x, y(top + size), s)  # type: ignore[attr-defined]

    c.setFont("Helvetica-Bold", 12)  # type: ignore[attr-defined]
    c.drawString(50, y(60), "RENCANA AKSI KINERJA")  # type: ignore[attr-defined]
    text(50, 75, "Tahun : 2024")

    # shading first, lines over it
    c.setFillGray(0.5)  # type: ignore[attr-defined]
    c.rect(330, y(180), 40, 40, stroke=0, fill=1)  # type: ignore[attr-defined]
    c.setFillGray(0)  # type: ignore[attr-defined]

    c.setStrokeGray(0)  # type: ignore[attr-defined]
    c.setLineWidth(0.75)  # type: ignore[attr-defined]
    for top, x0, x1 in [
        (100, 50, 470),
        (120, 290, 370),
        (140, 50, 470),
        (180, 170, 470),
        (210, 50, 470),
    ]:
        c.line(x0, y(top), x1, y(top))  # type: ignore[attr-defined]
    for x, t0, t1 in [
        (50, 100, 210),
        (170, 100, 210),
        (290, 100, 210),
        (330, 120, 210),
        (370, 100, 210),
        (470, 100, 210),
    ]:
        c.line(x, y(t0), x, y(t1))  # type: ignore[attr-defined]

    if hidden:
        # A white line across body row 1 and a white thin filled rect down INDIKATOR:
        # invisible on paper, so not cell borders.
        c.setStrokeGray(1)  # type: ignore[attr-defined]
        c.line(50, y(160), 470, y(160))  # type: ignore[attr-defined]
        c.setFillGray(1)  # type: ignore[attr-defined]
        c.rect(229.5, y(210), 1, 70, stroke=0, fill=1)  # type: ignore[attr-defined]
        c.setFillGray(0)  # type: ignore[attr-defined]
        c.setStrokeGray(0)  # type: ignore[attr-defined]

    text(53, 103, "SASARAN")
    text(173, 103, "INDIKATOR")
    text(293, 103, "JADWAL")
    text(373, 103, "PELAKSANA")
    text(293, 123, "B1")
    text(333, 123, "B2")
    text(53, 143, "Sasaran satu")
    text(173, 143, "Indikator A baris")
    text(173, 155, "dua")
    text(305, 150, "4", font="ZapfDingbats", size=10)
    text(373, 143, "Subbag X")
    text(173, 183, "Indikator B")
    text(305, 185, "v")
    text(373, 183, "Subbag Y")

    text(600, 240, "SUNGAI RAYA, JANUARI 2024")
    text(600, 300, "FITRI")


def make_pdf(path: Path, pages: int = 1, **kw: object) -> Path:
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for _ in range(pages):
        draw_rak_table(c, PAGE[1], **kw)  # type: ignore[arg-type]
        c.showPage()
    c.save()
    return path


@pytest.fixture
def ruled(tmp_path: Path) -> Grid:
    return read_pdf(make_pdf(tmp_path / "ruled.pdf"), ExtractOptions())


# --- ruled tables -------------------------------------------------------------------------


def test_ruled_table_rows_and_spans(ruled: Grid) -> None:
    assert ruled.format == "pdf" and ruled.pages == 1
    assert len(ruled.tables) == 1
    rows = ruled.tables[0].rows
    assert [texts(r) for r in rows] == [
        ["SASARAN", "INDIKATOR", "JADWAL", "PELAKSANA"],
        ["", "", "B1", "B2", ""],
        ["Sasaran satu", "Indikator A baris dua", rows[2][2].text, "", "Subbag X"],
        ["", "Indikator B", "v", "", "Subbag Y"],
    ]
    jadwal = rows[0][2]
    assert (jadwal.x0, jadwal.x1) == pytest.approx((290, 370), abs=1)
    assert all(c.page == 1 for r in rows for c in r)


def test_vertical_merge_is_continued_below(ruled: Grid) -> None:
    rows = ruled.tables[0].rows
    assert [c.continued for c in rows[1]] == [True, True, False, False, True]
    assert rows[3][0].continued and rows[3][0].text == ""
    assert not rows[2][0].continued and rows[2][0].text == "Sasaran satu"
    assert rows[2][0].bottom == pytest.approx(210, abs=1)


def test_wrapped_text_keeps_line_break(ruled: Grid) -> None:
    assert ruled.tables[0].rows[2][1].text == "Indikator A baris\ndua"


def test_hidden_white_rules_are_not_borders(tmp_path: Path) -> None:
    shown = read_pdf(make_pdf(tmp_path / "a.pdf", hidden=True), ExtractOptions())
    plain = read_pdf(make_pdf(tmp_path / "b.pdf", hidden=False), ExtractOptions())
    assert [texts(r) for r in shown.tables[0].rows] == [texts(r) for r in plain.tables[0].rows]
    assert len(shown.tables[0].rows) == 4


def test_symbol_font_mark_and_shading(ruled: Grid) -> None:
    row = ruled.tables[0].rows[2]
    assert row[2].mark and row[2].text.strip()
    assert not row[1].mark
    assert row[3].shaded and row[3].text == ""
    assert not row[2].shaded and not row[4].shaded


def test_text_outside_tables(ruled: Grid) -> None:
    lines = [(ln.text, ln.page, ln.after_tables) for ln in ruled.lines]
    assert lines == [
        ("RENCANA AKSI KINERJA", 1, 0),
        ("Tahun : 2024", 1, 0),
        ("SUNGAI RAYA, JANUARI 2024", 1, 1),
        ("FITRI", 1, 1),
    ]


def test_tables_and_lines_in_document_order(tmp_path: Path) -> None:
    grid = read_pdf(make_pdf(tmp_path / "two.pdf", pages=2), ExtractOptions())
    assert grid.pages == 2
    assert [t.page for t in grid.tables] == [1, 2]
    assert [(ln.page, ln.after_tables) for ln in grid.lines if ln.text == "FITRI"] == [
        (1, 1),
        (2, 2),
    ]


# --- rotation -----------------------------------------------------------------------------


def _rotate(src: Path, dst: Path, degrees: int) -> Path:
    reader = pypdf.PdfReader(str(src))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        page.rotate(degrees)
        writer.add_page(page)
    with dst.open("wb") as fh:
        writer.write(fh)
    return dst


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_page_turned_by_rotate_reads_upright(tmp_path: Path, degrees: int) -> None:
    """A landscape page given /Rotate: shown sideways, still read in reading order."""
    flat = make_pdf(tmp_path / "flat.pdf")
    turned = _rotate(flat, tmp_path / "turned.pdf", degrees)
    expected = read_pdf(flat, ExtractOptions())
    got = read_pdf(turned, ExtractOptions())
    assert [[texts(r) for r in t.rows] for t in got.tables] == [
        [texts(r) for r in t.rows] for t in expected.tables
    ]
    assert [ln.text for ln in got.lines] == [ln.text for ln in expected.lines]
    assert got.tables[0].rows[2][3].shaded and got.tables[0].rows[2][2].mark


@pytest.mark.parametrize("degrees", [90, 270])
def test_page_upright_only_through_rotate(tmp_path: Path, degrees: int) -> None:
    """Content drawn sideways on a portrait page, upright once /Rotate is applied."""
    width, height = PAGE[1], PAGE[0]  # portrait media box
    path = tmp_path / "side.pdf"
    c = canvas.Canvas(str(path), pagesize=(width, height))
    if degrees == 90:
        c.translate(width, 0)
        c.rotate(90)
    else:
        c.translate(0, height)
        c.rotate(-90)
    draw_rak_table(c, PAGE[1])
    c.showPage()
    c.save()
    reader = pypdf.PdfReader(str(path))
    writer = pypdf.PdfWriter()
    page = reader.pages[0]
    page.rotation = degrees
    writer.add_page(page)
    with path.open("wb") as fh:
        writer.write(fh)

    flat = read_pdf(make_pdf(tmp_path / "flat.pdf"), ExtractOptions())
    got = read_pdf(path, ExtractOptions())
    assert [texts(r) for r in got.tables[0].rows] == [texts(r) for r in flat.tables[0].rows]
    assert got.tables[0].rows[2][3].shaded


# --- borderless ---------------------------------------------------------------------------


def test_borderless_table_from_alignment(tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]

    def put(x: float, top: float, s: str) -> None:
        c.setFont("Helvetica", 9)
        c.drawString(x, h - top - 9, s)

    put(50, 40, "RENCANA AKSI KINERJA")
    cols = [50, 200, 330, 370, 410, 450]
    put(cols[0], 80, "SASARAN")
    put(cols[1], 80, "INDIKATOR")
    put(cols[2], 80, "B1")
    put(cols[3], 80, "B2")
    put(cols[4], 80, "B3")
    put(cols[5], 80, "PELAKSANA")
    # row 1 wraps over two lines (11 pt apart); rows are 25 pt apart
    put(cols[0], 105, "Sasaran satu")
    put(cols[1], 105, "Indikator panjang")
    put(cols[2], 105, "v")
    put(cols[4], 105, "v")
    put(cols[5], 105, "Subbag X")
    put(cols[0], 116, "lanjutan")
    put(cols[1], 116, "baris dua")
    put(cols[1], 141, "Indikator B")
    put(cols[3], 141, "v")
    put(cols[5], 141, "Subbag Y")
    put(50, 200, "FITRI")
    c.showPage()
    c.save()

    grid = read_pdf(path, ExtractOptions())
    assert len(grid.tables) == 1
    rows = grid.tables[0].rows
    assert [texts(r) for r in rows] == [
        ["SASARAN", "INDIKATOR", "B1", "B2", "B3", "PELAKSANA"],
        ["Sasaran satu lanjutan", "Indikator panjang baris dua", "v", "", "v", "Subbag X"],
        ["", "Indikator B", "", "v", "", "Subbag Y"],
    ]
    assert rows[1][1].text == "Indikator panjang\nbaris dua"
    assert [(ln.text, ln.after_tables) for ln in grid.lines] == [
        ("RENCANA AKSI KINERJA", 0),
        ("FITRI", 1),
    ]


def _plain_page(path: Path, items: list[tuple[float, float, str, float]]) -> Grid:
    """A page of text only, each item (x, top, text, size) in Helvetica; read back."""
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for x, top, s, size in items:
        c.setFont("Helvetica", size)
        c.drawString(x, PAGE[1] - top - size, s)
    c.showPage()
    c.save()
    return read_pdf(path, ExtractOptions())


def test_borderless_last_row_keeps_its_wrapped_lines(tmp_path: Path) -> None:
    """The last row wraps onto lines with text in only one or two columns; they belong to
    the row. The signature block below, after a paragraph gap, stays text lines."""
    cols = [50, 200, 330, 370, 410, 450]
    items = [(50, 40, "RENCANA AKSI KINERJA", 9)]
    items += [(x, 80, t, 9) for x, t in zip(cols, ["SASARAN", "INDIKATOR", "B1", "B2", "B3",
                                                  "PELAKSANA"])]
    items += [(cols[0], 105, "Sasaran satu", 9), (cols[1], 105, "Indikator A", 9),
              (cols[2], 105, "v", 9), (cols[5], 105, "Subbag X", 9)]
    items += [(cols[0], 130, "Sasaran dua", 9), (cols[1], 130, "Indikator B", 9),
              (cols[3], 130, "v", 9), (cols[5], 130, "Subbagian", 9)]
    # the last row's wrapped tail: two columns, then one, at line pitch (11 pt)
    items += [(cols[1], 141, "baris dua", 9), (cols[5], 141, "Hukum dan", 9),
              (cols[5], 152, "Sumber Daya", 9)]
    items += [(400, 200, "SUNGAI RAYA, JANUARI 2024", 9), (400, 211, "KEPALA,", 9),
              (400, 250, "FITRI", 9)]
    grid = _plain_page(tmp_path / "tail.pdf", items)
    rows = grid.tables[0].rows
    assert texts(rows[-1]) == ["Sasaran dua", "Indikator B baris dua", "", "v", "",
                               "Subbagian Hukum dan Sumber Daya"]
    assert [ln.text for ln in grid.lines] == [
        "RENCANA AKSI KINERJA", "SUNGAI RAYA, JANUARI 2024", "KEPALA,", "FITRI"
    ]


def test_borderless_group_heading_does_not_hide_column_gaps(tmp_path: Path) -> None:
    """A heading centred over four quarter columns runs across the gaps between them; the
    body lines keep those gaps, so each quarter is a column and the heading one cell
    spanning the columns it covers."""
    tw = [430, 470, 510, 550]
    items = [(50, 80, "SASARAN", 8), (200, 80, "INDIKATOR", 8),
             (452, 80, "WAKTU PELAKSANAAN", 8), (600, 80, "PELAKSANA", 8)]
    items += [(x, 95, t, 8) for x, t in zip(tw, ["TW I", "TW II", "TW III", "TW IV"])]
    marks = [[1, 1, 1, 1], [0, 1, 0, 1], [1, 1, 0, 0], [1, 1, 1, 1]]
    for r, row in enumerate(marks):
        top = 115 + 20 * r
        items += [(50, top, f"Sasaran {r + 1}", 8), (200, top, f"Indikator {r + 1}", 8),
                  (600, top, "Subbag X", 8)]
        items += [(x + 5, top, "v", 8) for x, on in zip(tw, row) if on]
    grid = _plain_page(tmp_path / "tw.pdf", items)
    rows = grid.tables[0].rows
    assert texts(rows[1]) == ["", "", "TW I", "TW II", "TW III", "TW IV", ""]
    heading = [c for c in rows[0] if c.text == "WAKTU PELAKSANAAN"]
    assert len(heading) == 1
    quarters = rows[1][2:6]
    assert heading[0].x0 <= quarters[1].x0 and heading[0].x1 >= quarters[2].x1
    assert texts(rows[3]) == ["Sasaran 2", "Indikator 2", "", "v", "", "v", "Subbag X"]


def test_borderless_narrow_month_columns(tmp_path: Path) -> None:
    """Month columns 17 pt wide: the labels B10 B11 B12 stand closer than a column gap,
    but the single check marks below leave 13 pt of white between the columns."""
    first = 330.0
    months = [first + 17 * m for m in range(12)]
    items = [(50, 80, "KEGIATAN", 8), (200, 80, "TARGET", 8), (560, 80, "PELAKSANA", 8)]
    items += [(x + 1, 95, f"B{m + 1}", 8) for m, x in enumerate(months)]
    pattern = [set(range(12)), {0, 5, 9, 10}, {1, 2, 3, 11}, {9, 10, 11}]
    for r, on in enumerate(pattern):
        top = 115 + 20 * r
        items += [(50, top, f"Kegiatan {r + 1}", 8), (200, top, "100%", 8),
                  (560, top, "Subbag X", 8)]
        items += [(months[m] + 6, top, "v", 8) for m in sorted(on)]
    grid = _plain_page(tmp_path / "months.pdf", items)
    rows = grid.tables[0].rows
    assert texts(rows[1])[2:14] == [f"B{m + 1}" for m in range(12)]
    assert texts(rows[3])[2:14] == ["v" if m in pattern[1] else "" for m in range(12)]
    assert texts(rows[5])[2:14] == ["v" if m in pattern[3] else "" for m in range(12)]


def test_text_clipped_away_is_not_read(tmp_path: Path) -> None:
    """An export draws a merged cell continued from the previous page again, clipped to the
    body: its text under the header is painted outside the clip and is not on the page.
    Text inside a clip, and text after the clip is restored, is kept."""
    path = tmp_path / "clip.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    c.setLineWidth(0.75)
    for top in (100, 130, 170):
        c.line(50, h - top, 400, h - top)
    for x in (50, 200, 400):
        c.line(x, h - 100, x, h - 170)
    c.setFont("Helvetica", 9)
    c.drawString(53, h - 115, "SASARAN")
    c.drawString(203, h - 115, "INDIKATOR")
    c.saveState()
    clip = c.beginPath()
    clip.rect(50, h - 170, 150, 40)  # the body cell only
    c.clipPath(clip, stroke=0, fill=0)
    c.drawString(53, h - 112, "tersembunyi di kepala")  # under the header: clipped
    c.drawString(53, h - 145, "terlihat")
    c.restoreState()
    c.drawString(203, h - 145, "Indikator A")
    c.showPage()
    c.save()
    grid = read_pdf(path, ExtractOptions())
    assert [texts(r) for r in grid.tables[0].rows] == [
        ["SASARAN", "INDIKATOR"],
        ["terlihat", "Indikator A"],
    ]


# --- drawn marks: ticks as paths, filled shapes, pictures ---------------------------------

MARK_COLS = [150.0, 180.0, 210.0, 240.0, 270.0, 300.0, 330.0, 360.0]  # B1..B7 edges


def _tick_png() -> object:
    """A 16 px tick as a Pillow image: what Word stores when a mark is pasted as a picture."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (16, 16), 255)
    ImageDraw.Draw(image).line([(2, 8), (6, 13), (14, 2)], fill=0, width=2)
    return image


def draw_tick(c: object, style: str, x: float, y: float) -> None:
    """A tick about 10 pt wide whose lower-left corner is ``(x, y)`` in PDF space."""
    from reportlab.lib.utils import ImageReader

    if style == "lines":
        c.lines([(x, y + 5, x + 3, y + 1), (x + 3, y + 1, x + 10, y + 11)])  # type: ignore[attr-defined]
        return
    if style == "image":
        c.drawImage(ImageReader(_tick_png()), x, y, 10, 10)  # type: ignore[attr-defined]
        return
    p = c.beginPath()  # type: ignore[attr-defined]
    p.moveTo(x, y + 5)
    if style == "curve":
        p.curveTo(x + 1, y + 3, x + 2, y + 2, x + 3, y + 1)
        p.lineTo(x + 10, y + 11)
        c.drawPath(p, stroke=1, fill=0)  # type: ignore[attr-defined]
    else:  # "polygon": a filled tick outline
        for px, py in [(3, 0), (11, 11), (9, 12), (3, 4), (1, 6)]:
            p.lineTo(x + px, y + py)
        p.close()
        c.drawPath(p, stroke=0, fill=1)  # type: ignore[attr-defined]


def draw_mark_table(path: Path, *, borders: str = "lines", ticks: bool = True) -> Path:
    """KEGIATAN | B1..B7, one body row: B1..B4 ticks drawn four ways (lines, curve, filled
    polygon, picture), B5 a hidden white square and a white tick, B6 an empty checkbox
    (a stroked square), B7 nothing. ``borders="rects"`` draws the ruling as thin filled
    rectangles, as Excel exports do."""
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    xs = [50.0, *MARK_COLS]
    tops = [100.0, 120.0, 150.0]
    if borders == "lines":
        c.setLineWidth(0.75)
        for t in tops:
            c.line(xs[0], h - t, xs[-1], h - t)
        for x in xs:
            c.line(x, h - tops[0], x, h - tops[-1])
    else:
        for t in tops:
            c.rect(xs[0], h - t - 0.4, xs[-1] - xs[0], 0.8, stroke=0, fill=1)
        for x in xs:
            c.rect(x - 0.4, h - tops[-1], 0.8, tops[-1] - tops[0], stroke=0, fill=1)
    c.setFont("Helvetica", 9)
    c.drawString(53, h - 113, "KEGIATAN")
    for n, x in enumerate(MARK_COLS[:-1], start=1):
        c.drawString(x + 8, h - 113, f"B{n}")
    c.drawString(53, h - 140, "Kegiatan A")
    base = h - 141  # ticks 10 pt high, centred in the 30 pt row
    if ticks:
        for style, x in zip(("lines", "curve", "polygon", "image"), MARK_COLS):
            draw_tick(c, style, x + 10, base)
    c.saveState()
    c.setFillGray(1)
    c.setStrokeGray(1)
    c.rect(MARK_COLS[4] + 8, base, 12, 12, stroke=0, fill=1)
    draw_tick(c, "lines", MARK_COLS[4] + 10, base)
    draw_tick(c, "polygon", MARK_COLS[4] + 10, base)
    c.restoreState()
    c.rect(MARK_COLS[5] + 10, base, 9, 9, stroke=1, fill=0)
    c.showPage()
    c.save()
    return path


def _marks(grid: Grid) -> list[list[bool]]:
    return [[cell.mark for cell in row] for row in grid.tables[0].rows]


@pytest.mark.parametrize("borders", ["lines", "rects"])
def test_ticks_drawn_as_paths_and_pictures_are_marks(tmp_path: Path, borders: str) -> None:
    grid = read_pdf(draw_mark_table(tmp_path / "ticks.pdf", borders=borders), ExtractOptions())
    assert len(grid.tables) == 1
    rows = grid.tables[0].rows
    assert texts(rows[1]) == ["Kegiatan A"] + [""] * 7
    assert _marks(grid) == [
        [False] * 8,
        [False, True, True, True, True, False, False, False],
    ]
    assert not any(cell.shaded for row in rows for cell in row)


@pytest.mark.parametrize("borders", ["lines", "rects"])
def test_ruling_white_shapes_and_empty_boxes_are_not_marks(
    tmp_path: Path, borders: str
) -> None:
    """Borders (lines or Excel's thin filled bars), a white square, a white tick and an
    empty checkbox: nothing here is ink a reader takes for a check."""
    path = draw_mark_table(tmp_path / "none.pdf", borders=borders, ticks=False)
    assert _marks(read_pdf(path, ExtractOptions())) == [[False] * 8, [False] * 8]


def test_shading_fill_is_shaded_not_marked(tmp_path: Path) -> None:
    path = tmp_path / "shade.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    c.setFillGray(0.5)
    c.rect(150.5, h - 149.5, 29, 29, stroke=0, fill=1)  # inside the borders by half a point
    c.setFillGray(0)
    for t in (100, 120, 150):
        c.line(50, h - t, 210, h - t)
    for x in (50, 150, 180, 210):
        c.line(x, h - 100, x, h - 150)
    c.setFont("Helvetica", 9)
    c.drawString(53, h - 113, "KEGIATAN")
    c.drawString(158, h - 113, "B1")
    c.drawString(188, h - 113, "B2")
    c.drawString(53, h - 140, "Kegiatan A")
    c.showPage()
    c.save()
    row = read_pdf(path, ExtractOptions()).tables[0].rows[1]
    assert [(cell.mark, cell.shaded) for cell in row] == [(False, False), (False, True),
                                                           (False, False)]


def test_ink_in_a_text_cell_is_not_a_mark(tmp_path: Path) -> None:
    """An underline or a crossed-out word is ink beside text, not a check."""
    path = tmp_path / "under.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    for t in (100, 120, 150):
        c.line(50, h - t, 210, h - t)
    for x in (50, 150, 180, 210):
        c.line(x, h - 100, x, h - 150)
    c.setFont("Helvetica", 9)
    c.drawString(53, h - 113, "KEGIATAN")
    c.drawString(53, h - 140, "Kegiatan A")
    draw_tick(c, "lines", 60, h - 146)  # over the text
    c.drawString(158, h - 140, "ok")
    draw_tick(c, "polygon", 160, h - 146)
    c.showPage()
    c.save()
    assert _marks(read_pdf(path, ExtractOptions()))[1] == [False, False, False]


def test_borderless_table_with_drawn_ticks(tmp_path: Path) -> None:
    path = tmp_path / "plain-ticks.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]

    def put(x: float, top: float, s: str) -> None:
        c.setFont("Helvetica", 9)
        c.drawString(x, h - top - 9, s)

    cols = [50, 200, 330, 370, 410, 450]
    put(50, 40, "RENCANA AKSI KINERJA")
    for x, s in zip(cols, ["SASARAN", "INDIKATOR", "B1", "B2", "B3", "PELAKSANA"]):
        put(x, 80, s)
    for top, marks, who in [(105, (0, 2), "Subbag X"), (130, (1,), "Subbag Y")]:
        put(cols[0], top, "Sasaran")
        put(cols[1], top, "Indikator")
        put(cols[5], top, who)
        for m in marks:
            draw_tick(c, ("lines", "image")[m % 2], cols[2 + m], h - top - 10)
    put(50, 200, "FITRI")
    c.showPage()
    c.save()
    grid = read_pdf(path, ExtractOptions())
    rows = grid.tables[0].rows
    assert [texts(r) for r in rows[1:]] == [["Sasaran", "Indikator", "", "", "", "Subbag X"]] + [
        ["Sasaran", "Indikator", "", "", "", "Subbag Y"]
    ]
    assert [[c.mark for c in r] for r in rows] == [
        [False] * 6,
        [False, False, True, False, True, False],
        [False, False, False, True, False, False],
    ]


# --- errors -------------------------------------------------------------------------------


def test_encrypted(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "plain.pdf")
    writer = pypdf.PdfWriter(clone_from=str(plain))
    writer.encrypt("geheim", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(EncryptedDocument):
        read_pdf(locked, ExtractOptions())
    with pytest.raises(EncryptedDocument):
        read_pdf(locked, ExtractOptions(password="salah"))
    grid = read_pdf(locked, ExtractOptions(password="geheim"))
    assert len(grid.tables) == 1


def test_damaged(tmp_path: Path) -> None:
    data = make_pdf(tmp_path / "ok.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 3])
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    for path in (cut, junk):  # no cross-reference table, no /Root: nothing to repair
        with pytest.raises(UnreadableDocument) as raised:
            read_pdf(path, ExtractOptions())
        assert raised.value.__cause__ is not None  # raised from the library's own error
        message = raised.value.message("id")
        assert message.startswith(f"{path}: berkas rusak") and "\n" not in message


def test_no_pages(tmp_path: Path) -> None:
    path = tmp_path / "none.pdf"
    buf = io.BytesIO()
    pypdf.PdfWriter().write(buf)
    path.write_bytes(buf.getvalue())
    with pytest.raises(EmptyDocument):
        read_pdf(path, ExtractOptions())


def test_too_many_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "two.pdf", pages=2)
    with pytest.raises(TooLarge):
        read_pdf(path, ExtractOptions(max_pages=1))


@pytest.mark.parametrize(
    "name, error",
    [
        ("password-example.pdf", EncryptedDocument),
        ("issue-948.zip", UnreadableDocument),
        ("empty.pdf", UnreadableDocument),
        ("issue-297-example.pdf", EmptyDocument),
    ],
)
def test_corpus_errors(name: str, error: type[RakError]) -> None:
    with pytest.raises(error):
        read_pdf(CORPUS / name, ExtractOptions())


def test_corpus_rotated_matches_unrotated() -> None:
    flat = read_pdf(CORPUS / "nics-background-checks-2015-11.pdf", ExtractOptions())
    turned = read_pdf(CORPUS / "nics-background-checks-2015-11-rotated.pdf", ExtractOptions())
    assert [[texts(r) for r in t.rows] for t in turned.tables] == [
        [texts(r) for r in t.rows] for t in flat.tables
    ]


_SWEEP = """
import sys
from pathlib import Path
from extractor.errors import RakError
from extractor.options import ExtractOptions
from extractor.readers.pdf.reader import read_pdf
try:
    read_pdf(Path(sys.argv[1]), ExtractOptions())
except RakError:
    pass
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.*")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_corpus_never_crashes_or_hangs(path: Path) -> None:
    """Every real-world file ends in a grid or a RakError, in bounded time."""
    done = subprocess.run(
        [sys.executable, "-c", _SWEEP, str(path)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]


# --- the seed sample (LibreOffice PDF of the Kubu Raya RAK) -------------------------------

@pytest.fixture(scope="module")
def seed_grid() -> Grid:
    return read_pdf(SEED_PDF, ExtractOptions())


def test_seed_one_table_per_page(seed_grid: Grid) -> None:
    assert seed_grid.pages == 20
    assert [t.page for t in seed_grid.tables] == list(range(2, 21))


def test_seed_column_counts(seed_grid: Grid) -> None:
    widths = {t.page: {len(r) for r in t.rows[1:]} for t in seed_grid.tables}
    assert widths[10] == {18}
    assert all(w == {17} for p, w in widths.items() if p != 10)


def test_seed_header(seed_grid: Grid) -> None:
    for table in seed_grid.tables:
        head = texts(table.rows[0])
        assert head[:6] == [
            "SASARAN KEGIATAN",
            "INDIKATOR KINERJA",
            "TARGET",
            "KEGIATAN",
            "RENCANA PELAKSANAAN",
            "PELAKSANA",
        ]
        assert texts(table.rows[1])[4:16] == [f"B{i}" for i in range(1, 13)]
        assert texts(table.rows[2])[:17] == [str(i) for i in range(1, 18)]


def test_seed_cells(seed_grid: Grid) -> None:
    first = seed_grid.tables[0].rows
    row = first[3]
    assert norm(row[0].text) == (
        "Terwujudnya rencana kerja dan anggaran KPU Kab.Kubu Raya yang tertib,efektif dan efisien"
    )
    assert "\n" in row[0].text  # wrapped in the PDF, the lines are kept apart
    assert norm(row[2].text) == "12 Kali"
    assert [c.text for c in row[4:16]] == ["", "√", "", "√", "", "√", "", "√", "√", "√", "√", "√"]
    assert norm(row[16].text) == "Subbag. Perencanaan, data dan informasi"
    # SASARAN merged over the next row
    assert first[5][0].continued and first[5][0].text == ""
    marks = sum(c.text == "√" for t in seed_grid.tables for r in t.rows for c in r)
    assert marks > 300


def test_seed_text_lines(seed_grid: Grid) -> None:
    lines = {ln.text: ln for ln in seed_grid.lines}
    assert lines["Tahun : 2024"].page == 2 and lines["Tahun : 2024"].after_tables == 0
    assert "Nama/Unit Organisasi : SEKRETARIAT KPU KABUPATEN KUBU RAYA" in lines
    for text in ("SUNGAI RAYA, JANUARI 2024", "SEKRETARIS,", "FITRI"):
        assert lines[text].page == 20 and lines[text].after_tables == 19
