"""The ruled PDF reader on rules drawn as other writers draw them.

Each PDF is drawn here with reportlab so the test says exactly what is on the page: borders
as thick filled bars or double lines, banded rows under the text, white cells on a tinted
table, a table whose rules stop at a page break, a frame with no rules inside. Sizes are
given at one font size and the tolerances must follow the page's own measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extractor.doubts import RULING_INCOMPLETE, STRADDLES_COLUMN
from extractor.grid import Grid, Table
from extractor.options import ExtractOptions
from extractor.readers.pdf.crosscheck import plumber_tables
from extractor.readers.pdf.page import page_content
from extractor.readers.pdf.reader import read_pdf
from extractor.readers.pdf.ruled import ruling
from extractor.ruled_settings import RuledSettings

PAGE = (842.0, 595.0)
FONT = 8.0


@dataclass
class Drawn:
    """A grid table: column edges, row edges (from the top), text per (row, column)."""

    xs: Sequence[float]
    tops: Sequence[float]
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    rule: str = "lines"  # "lines", "bars" (filled rects ``width`` thick), "double"
    width: float = 0.75
    fills: dict[tuple[int, int], float] = field(default_factory=dict)  # cell -> grey level
    row_fill: dict[int, float] = field(default_factory=dict)  # row -> grey under every cell
    inner_rules: bool = True  # False: only the frame and the rule under row 0
    extra: list[str] = field(default_factory=list)  # lines of text under the table


def draw(path: Path, table: Drawn, extend_down: float = 0.0) -> Path:
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    xs, tops = list(table.xs), list(table.tops)
    for r, grey in table.row_fill.items():
        c.setFillGray(grey)
        for i in range(len(xs) - 1):
            c.rect(xs[i], h - tops[r + 1], xs[i + 1] - xs[i], tops[r + 1] - tops[r], 0, 1)
    for (r, i), grey in table.fills.items():
        c.setFillGray(grey)
        c.rect(xs[i], h - tops[r + 1], xs[i + 1] - xs[i], tops[r + 1] - tops[r], 0, 1)
    c.setFillGray(0)
    c.setStrokeGray(0)
    bottom = tops[-1] + extend_down

    def hline(y: float) -> None:
        if table.rule == "bars":
            c.rect(xs[0], h - y - table.width / 2, xs[-1] - xs[0], table.width, 0, 1)
        else:
            c.setLineWidth(table.width)
            for dy in (-1.0, 1.0) if table.rule == "double" else (0.0,):
                c.line(xs[0], h - y - dy, xs[-1], h - y - dy)

    def vline(x: float) -> None:
        if table.rule == "bars":
            c.rect(x - table.width / 2, h - bottom, table.width, bottom - tops[0], 0, 1)
        else:
            c.setLineWidth(table.width)
            for dx in (-1.0, 1.0) if table.rule == "double" else (0.0,):
                c.line(x + dx, h - tops[0], x + dx, h - bottom)

    for n, y in enumerate(tops):
        if table.inner_rules or n in (0, 1, len(tops) - 1):
            if not (extend_down and n == len(tops) - 1):
                hline(y)
    for n, x in enumerate(xs):
        if table.inner_rules or n in (0, len(xs) - 1):
            vline(x)
    c.setFont("Helvetica", FONT)
    for (r, i), text in table.texts.items():
        for k, line in enumerate(text.split("\n")):
            c.drawString(xs[i] + 3, h - tops[r] - 10 - k * 9.6, line)
    for k, line in enumerate(table.extra):
        c.drawString(xs[0] + 3, h - bottom - 10 - k * 9.6, line)
    c.showPage()
    c.save()
    return path


def rows_text(table: Table) -> list[list[str]]:
    return [[" ".join(cell.text.split()) for cell in row] for row in table.rows]


XS = [40.0, 200.0, 260.0, 280.0, 300.0, 420.0]  # KEGIATAN, TARGET, B1, B2, PELAKSANA
TOPS = [100.0, 120.0, 150.0, 180.0]
HEAD = {(0, 0): "KEGIATAN", (0, 1): "TARGET", (0, 2): "B1", (0, 3): "B2", (0, 4): "PELAKSANA"}
BODY = {
    (1, 0): "Kegiatan satu",
    (1, 1): "100%",
    (1, 4): "Subbagian A",
    (2, 0): "Kegiatan dua",
    (2, 1): "2 Laporan",
    (2, 4): "Subbagian B",
}


def read(path: Path, **settings: object) -> Grid:
    return read_pdf(path, ExtractOptions(ruled=RuledSettings(**settings)))  # type: ignore[arg-type]


def test_thick_bars_are_rules_and_shading_stays_a_mark(tmp_path: Path) -> None:
    """3 pt borders drawn as filled bars (a 4 px browser border at 8 pt text): rules, not
    shaded areas; the month cells filled grey are the only shaded ones."""
    drawn = Drawn(
        XS, TOPS, {**HEAD, **BODY}, rule="bars", width=3.0, fills={(1, 2): 0.5, (2, 3): 0.5}
    )
    grid = read(draw(tmp_path / "bars.pdf", drawn))
    table = grid.tables[0]
    assert rows_text(table)[1:] == [
        ["Kegiatan satu", "100%", "", "", "Subbagian A"],
        ["Kegiatan dua", "2 Laporan", "", "", "Subbagian B"],
    ]
    assert [[c.shaded for c in row] for row in table.rows[1:]] == [
        [False, False, True, False, False],
        [False, False, False, True, False],
    ]


def test_double_rules_are_one_rule(tmp_path: Path) -> None:
    grid = read(draw(tmp_path / "double.pdf", Drawn(XS, TOPS, {**HEAD, **BODY}, rule="double")))
    assert [len(row) for row in grid.tables[0].rows] == [5, 5, 5]


def test_snap_follows_the_setting(tmp_path: Path) -> None:
    """The same double rules with a snap too small to join them: slivers between them."""
    path = draw(tmp_path / "double.pdf", Drawn(XS, TOPS, {**HEAD, **BODY}, rule="double"))
    grid = read(path, snap=0.1, snap_rules=0.0)
    assert max(len(row) for row in grid.tables[0].rows) > 5


def test_banded_rows_are_background_not_marks(tmp_path: Path) -> None:
    """Row 1 on a light grey band under every cell, B2 of row 1 and B1 of row 2 darker."""
    drawn = Drawn(XS, TOPS, {**HEAD, **BODY}, row_fill={1: 0.85}, fills={(1, 3): 0.4, (2, 2): 0.4})
    table = read(draw(tmp_path / "banded.pdf", drawn)).tables[0]
    assert [[c.shaded for c in row] for row in table.rows[1:]] == [
        [False, False, False, True, False],
        [False, False, True, False, False],
    ]


def test_rules_ending_at_a_page_break_close_the_table(tmp_path: Path) -> None:
    """The column rules run 30 pt past the last horizontal rule (a row the page break cut):
    the text there is the table's last row, not loose text under it."""
    tops = [*TOPS, 210.0]
    body = {**BODY, (3, 0): "Kegiatan tiga", (3, 1): "75%", (3, 4): "Subbagian C"}
    grid = read(draw(tmp_path / "cut.pdf", Drawn(XS, tops, {**HEAD, **body})))
    table = grid.tables[0]
    assert rows_text(table)[-1] == ["Kegiatan tiga", "75%", "", "", "Subbagian C"]
    assert not any("tiga" in line.text for line in grid.lines)


def test_text_running_out_of_a_cut_rowspan_returns_to_it(tmp_path: Path) -> None:
    """A first cell whose text fills it and runs on below the table's last rule."""
    body = {**BODY, (2, 0): "Kegiatan dua yang\npanjang sekali dan\nberlanjut"}
    drawn = Drawn(XS, TOPS, {**HEAD, **body}, extra=["di bawah garis"])
    # the extra line starts right under the cell's third line: draw() puts it one pitch on
    grid = read(draw(tmp_path / "overflow.pdf", drawn))
    last = rows_text(grid.tables[0])[-1]
    assert last[0] == "Kegiatan dua yang panjang sekali dan berlanjut di bawah garis"


def test_frame_without_inner_rules_is_cut_by_its_text(tmp_path: Path) -> None:
    """Only the frame and the rule under the header; the header and the first body row on
    bands (cells closed by their fills, as styled Word draws them), the last row on none."""
    drawn = Drawn(XS, TOPS, {**HEAD, **BODY}, inner_rules=False, row_fill={0: 0.6, 1: 0.9})
    table = read(draw(tmp_path / "frame.pdf", drawn)).tables[0]
    assert rows_text(table)[1:] == [
        ["Kegiatan satu", "100%", "", "", "Subbagian A"],
        ["Kegiatan dua", "2 Laporan", "", "", "Subbagian B"],
    ]


def test_white_cells_on_a_tinted_table_are_cells(tmp_path: Path) -> None:
    """A tinted rect under the whole table, white cells painted over it in the first
    column, and no rules at all in that column: the white cells' sides are its edges."""
    path = tmp_path / "white.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    h = PAGE[1]
    c.setFillGray(0.8)
    c.rect(XS[0], h - TOPS[-1], XS[-1] - XS[0], TOPS[-1] - TOPS[0], 0, 1)
    c.setFillGray(1)
    for r in range(3):
        c.rect(XS[0], h - TOPS[r + 1], XS[1] - XS[0], TOPS[r + 1] - TOPS[r], 0, 1)
    c.setStrokeGray(0)
    c.setLineWidth(0.75)
    for y in TOPS:
        c.line(XS[1], h - y, XS[-1], h - y)
    for x in XS[1:]:
        c.line(x, h - TOPS[0], x, h - TOPS[-1])
    c.setFillGray(0)
    c.setFont("Helvetica", FONT)
    for (r, i), text in {**HEAD, **BODY}.items():
        c.drawString(XS[i] + 3, h - TOPS[r] - 10, text)
    c.showPage()
    c.save()
    table = read(path).tables[0]
    assert rows_text(table)[1][0] == "Kegiatan satu"
    assert rows_text(table)[2][0] == "Kegiatan dua"


def test_a_broken_word_is_rejoined_only_where_the_page_agrees(tmp_path: Path) -> None:
    """Column 1 fits "pertanggungjawab" and not one letter more: the writer broke the word
    there ("an" below), and it is one word. Column 2 fits "pertanggungjawaban" exactly, as a
    browser sizes a column to its longest word: the next line "penggunaan" is a word of its
    own (it stands alone in column 1 below), so that line break is a space."""

    def fit(word: str) -> float:  # 3 pt padding each side, and less than a letter to spare
        return 3 + stringWidth(word, "Helvetica", FONT) + 2 + 3

    x1 = 40.0 + fit("pertanggungjawab")
    xs = [40.0, x1, x1 + fit("pertanggungjawaban"), x1 + 200]
    texts = {
        (0, 0): "pertanggungjawab\nan",
        (0, 1): "pertanggungjawaban\npenggunaan",
        (0, 2): "lain",
        (1, 0): "penggunaan",
        (1, 1): "lain",
    }
    table = read(draw(tmp_path / "break.pdf", Drawn(xs, [100.0, 130.0, 160.0], texts))).tables[0]
    assert rows_text(table)[0][:2] == ["pertanggungjawaban", "pertanggungjawaban penggunaan"]


def test_plain_grid_needs_no_second_opinion(tmp_path: Path) -> None:
    """On plain rules both lattices agree and the cross-check is skipped as not needed."""
    import pdfplumber

    path = draw(tmp_path / "plain.pdf", Drawn(XS, TOPS, {**HEAD, **BODY}))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        o = page.objects
        content = page_content(
            page.width,
            page.height,
            (0, 0),
            o["char"],
            o.get("line", []),
            o.get("rect", []),
            o.get("curve", []),
        )
    assert not ruling(content, content.measures).departs
    [theirs] = plumber_tables(content)
    assert len(theirs) == 15
    assert read(path).tables[0].doubts == []


def test_cut_cells_are_recorded(tmp_path: Path) -> None:
    drawn = Drawn(XS, TOPS, {**HEAD, **BODY}, inner_rules=False, row_fill={0: 0.6, 1: 0.9})
    assert RULING_INCOMPLETE in read(draw(tmp_path / "frame.pdf", drawn)).tables[0].doubts


@pytest.mark.parametrize(
    "bad",
    [
        {"snap": 0},
        {"rule_max": 3},
        {"rule_aspect": 0.5},
        {"cover": 1.5},
        {"word_join": 1},
        {"ink_min": 1, "ink_max": 0.5},
        {"fallback_font": 0},
    ],
)
def test_settings_are_validated(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RuledSettings(**bad)  # type: ignore[arg-type]


def test_options_carry_the_ruled_settings() -> None:
    assert ExtractOptions().ruled == RuledSettings()
    assert ExtractOptions(ruled=RuledSettings(snap=0.4)).ruled.snap == 0.4


def test_a_word_overflowing_its_cell_stays_in_it(tmp_path: Path) -> None:
    """A fixed-width column too narrow for "pertanggungjawaban": the word runs over the
    rule into the next cell, and is still the first cell's (which records the straddle)."""
    xs = [40.0, 90.0, 200.0]
    texts = {(0, 0): "pertanggungjawaban", (0, 1): "     Subbagian", (1, 0): "ada", (1, 1): "lain"}
    table = read(draw(tmp_path / "over.pdf", Drawn(xs, [100.0, 130.0, 160.0], texts))).tables[0]
    assert rows_text(table)[0] == ["pertanggungjawaban", "Subbagian"]
    assert table.rows[0][0].doubts == [STRADDLES_COLUMN]
    assert table.rows[1][0].doubts == []
