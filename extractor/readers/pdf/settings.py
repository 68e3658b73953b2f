"""The knobs of reading PDF text and tables without ruling lines, each relative to the page.

Nothing here is a length in points: every value is a share of a measure the reader takes on
the page it reads (the font size of the glyphs concerned, the page's own line pitch, the
font's space advance as drawn, the number of body lines). A writer that draws 7 pt text with
2 pt padding and one that draws 11 pt text with 6 pt padding are then read by the same rule.
The defaults are set well inside the range real writers produce (see
``benchmarks/sweep_borderless.py``), not just past one sample's drawing.

``PdfTextSettings`` is the one field ``ExtractOptions`` carries for this family, as
pdfplumber carries its ``TableSettings``: ``ExtractOptions(pdf_text=PdfTextSettings(
borderless=BorderlessSettings(straddle_share=0.25)))``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _check_ranges(obj: object, ranges: dict[str, tuple[float, float]]) -> None:
    """Raise ``ValueError`` naming the first field outside its range."""
    for name, (low, high) in ranges.items():
        value = getattr(obj, name)
        if not low <= value <= high:
            raise ValueError(
                f"{type(obj).__name__}.{name} must lie in [{low}, {high}], not {value}"
            )


@dataclass(frozen=True, slots=True)
class TextSettings:
    """How glyphs become lines and words (``pdf.text``)."""

    # A glyph joins a line when its vertical middle is within this share of the font size
    # of the line's middle.
    line_overlap: float = 0.5
    # A gap is a space when it exceeds the line's letter spacing by this share of the font's
    # space advance. The advance is read from the space glyphs the writer drew (same size);
    # a writer that positions words without space glyphs leaves gaps of one advance, which
    # the line's own gaps then show.
    space_share: float = 0.5
    # The space advance assumed, in font sizes, when the page gives no measure of it: the
    # narrowest common fonts (Calibri, Arial Narrow) have about 0.23, Times 0.25.
    space_em: float = 0.23
    # Gaps narrower than this (font sizes) are letter spacing, never word spaces: kerning
    # and tracking stay well under it, the narrowest space advance well over it.
    letter_gap_em: float = 0.12
    # Gaps wider than this (font sizes) are not word spaces either: column gaps, tabs.
    word_gap_em: float = 0.8
    # Two glyphs with the same text this close (font sizes) are one glyph printed twice.
    overprint_em: float = 0.07
    # Outside tables, a gap this many font sizes wide cuts a visual line into separate text
    # lines (a signature block beside a "Mengetahui" block, a page number far right).
    text_line_gap: float = 3.0
    # A cell line holding one word this share of the cell's width wide, the next line going
    # on in lower case, is a word the writer broke because it did not fit.
    forced_break_fill: float = 0.8

    def __post_init__(self) -> None:
        _check_ranges(
            self,
            {
                "line_overlap": (0.1, 1.0),
                "space_share": (0.1, 0.95),
                "space_em": (0.1, 0.6),
                "letter_gap_em": (0.0, 0.3),
                "word_gap_em": (0.3, 3.0),
                "overprint_em": (0.0, 0.5),
                "text_line_gap": (1.0, 20.0),
                "forced_break_fill": (0.3, 1.0),
            },
        )
        if self.letter_gap_em >= self.space_em:
            raise ValueError("TextSettings.letter_gap_em must be below space_em")


@dataclass(frozen=True, slots=True)
class BorderlessSettings:
    """How a table without ruling lines is found and cut (``pdf.aligned`` and friends)."""

    # The header band: at most this many consecutive lines, naming at least this many of
    # the table's core columns, each line no further below the previous than
    # ``header_step`` font sizes.
    header_lines: int = 8
    header_roles: int = 3
    header_step: float = 6.0
    # Words of one heading stand at most this many space advances apart; a wider gap
    # between header words may be a column boundary even where the body below is empty.
    phrase_gap: float = 1.6
    # Text edges of one column line up to within this share of the font size (writers place
    # a column's lines at one x; a browser to its pixel grid).
    edge_tolerance: float = 0.1
    # A heading is at most this many words ("RENCANA WAKTU PELAKSANAAN KEGIATAN"); a run
    # of more than ``phrase_words`` words is body text, not headings.
    heading_words: int = 4
    phrase_words: int = 10
    # A run of short words set too close to part, most of them period labels ("B10 Bll1
    # B12": a scan's misread label between two read ones), is a label each; at most this
    # share of them may be unreadable.
    label_run_unread: float = 0.34
    label_chars: int = 4  # ... each word no longer than a label ("B10", "Mei", "Agst")
    number_row_lines: int = 2  # the column-number row is among the body's first lines
    # A whitespace valley of the body crossed by at most this share of the lines that have
    # text beside it is still a column gap; the lines crossing it straddle the boundary.
    straddle_share: float = 0.34
    # A line whose own blank at a boundary is under this share of the blank every other
    # line leaves there runs across it (a group row), even through a word space.
    narrow_share: float = 0.5
    # In such a line, words set closer than this many space advances touch: text of two
    # columns run together (a cell set with too little padding). Where they stand at the
    # boundary, which column each word belongs to is a guess, and both cells say so.
    touch_gap: float = 0.7
    # Vertical pitches (baseline to baseline) below this many font sizes are lines of
    # cells set at other heights (a vertically centred cell), never a line step.
    min_pitch: float = 0.85
    # In such a table, text of two columns on one line whose baselines lie further apart
    # than this share of the font size are two lines (cells of two rows side by side, half
    # a line off); programs place text to a hundredth of a point.
    part_gap: float = 0.05
    # Lines whose font size is within this share of the body's measure the leading.
    size_spread: float = 0.1
    # A pitch above this many font sizes is never the next line of the same cell.
    max_leading: float = 1.9
    # A pitch is the next row when it exceeds the line pitch by this share of the font size
    # (and by ``row_jump_ratio`` of the pitch): programs place lines to a hundredth of a
    # point, so the smallest real padding between rows already clears it.
    row_jump: float = 0.12
    row_jump_ratio: float = 0.06
    # A split of the pitches whose jump is under this share of the font size is weak: the
    # rows are recorded as guessed.
    weak_jump: float = 0.35
    # The table ends at a line further below the previous one than this many of the
    # table's largest row steps (a paragraph gap before the signature or a note).
    end_step: float = 1.6
    # A text spanning columns also covers a further column its ink fills this share of.
    span_share: float = 0.5
    # Words may overhang a column boundary by this share of the font size and still fit.
    fit_slack: float = 0.25
    # Without a header: a line is table-like when it breaks into this many pieces at gaps
    # wider than ``piece_gap`` font sizes; columns are the strips the body leaves empty at
    # least ``column_gap`` font sizes wide (see ``pdf.gaps``).
    piece_gap: float = 1.0
    min_pieces: int = 3
    column_gap: float = 0.6
    # Lines below the last table-like line stay in the table while no further below the
    # previous than this many typical pitches (the wrapped tail of the last row).
    wrap_step: float = 1.6

    def __post_init__(self) -> None:
        _check_ranges(
            self,
            {
                "header_lines": (2, 20),
                "header_roles": (2, 6),
                "header_step": (1.0, 10.0),
                "phrase_gap": (1.0, 5.0),
                "edge_tolerance": (0.0, 0.5),
                "heading_words": (1, 8),
                "phrase_words": (2, 30),
                "label_run_unread": (0.0, 0.5),
                "label_chars": (2, 8),
                "number_row_lines": (1, 5),
                "straddle_share": (0.0, 0.5),
                "narrow_share": (0.1, 0.9),
                "touch_gap": (0.0, 1.0),
                "min_pitch": (0.3, 1.0),
                "part_gap": (0.0, 0.5),
                "size_spread": (0.0, 0.5),
                "max_leading": (1.2, 4.0),
                "row_jump": (0.01, 1.0),
                "row_jump_ratio": (0.0, 0.5),
                "weak_jump": (0.0, 2.0),
                "end_step": (1.0, 5.0),
                "span_share": (0.1, 1.0),
                "fit_slack": (0.0, 2.0),
                "piece_gap": (0.2, 5.0),
                "min_pieces": (2, 10),
                "column_gap": (0.1, 5.0),
                "wrap_step": (1.0, 5.0),
            },
        )
        if self.min_pitch * 1.2 > self.max_leading:
            raise ValueError("BorderlessSettings.max_leading must clearly exceed min_pitch")


PDF_ENGINES = ("pdfium", "pdfplumber")


@dataclass(frozen=True, slots=True)
class PdfTextSettings:
    """Everything the PDF reader measures text by: words and lines, borderless tables."""

    text: TextSettings = field(default_factory=TextSettings)
    borderless: BorderlessSettings = field(default_factory=BorderlessSettings)
    # Which library parses the pages: pdfium (``pdf.pdfium``, several times faster over
    # all) or pdfplumber (pdfminer, the reference, which also reads every page pdfium
    # cannot); the same rows and findings either way (``tests/test_pdf_engines.py``).
    engine: str = "pdfium"

    def __post_init__(self) -> None:
        if self.engine not in PDF_ENGINES:
            raise ValueError(f"PdfTextSettings.engine must be one of {', '.join(PDF_ENGINES)}")
        for name, kind in (("text", TextSettings), ("borderless", BorderlessSettings)):
            if not isinstance(getattr(self, name), kind):
                raise TypeError(f"PdfTextSettings.{name} must be a {kind.__name__}")


DEFAULT_TEXT = TextSettings()
DEFAULT_PDF_TEXT = PdfTextSettings()
