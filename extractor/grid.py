"""The neutral grid every reader produces and the layout step consumes.

A reader knows its file format and nothing of RAK; it turns the file into pages of tables of
cells. Layout then reads this grid once for every format. Keeping the model this small is what
lets a new format be a new reader and nothing else.

Horizontal positions (``x0``/``x1``) are in whatever unit the reader has (PDF points, Word
grid columns or twips, spreadsheet columns), consistent within one table: layout assigns a
cell to a column by overlap with the header cells, never by the reader's column index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .seen import PageView


@dataclass(frozen=True, slots=True)
class Place:
    """Where the file keeps a cell, in the terms the program a person edits it with shows:
    a workbook's sheet and cell (``sheet="RAK 2024", ref="D12"``: the top-left cell of a
    merged range, which is where Excel takes an edit), or a Word document's table and row
    (``table=1, row=7``, both 1-based, header rows counted as Word counts them). ``row`` is
    the sheet's row for a workbook. A PDF's page is ``Cell.page``; formats without such
    places leave ``Cell.place`` None.
    """

    sheet: str | None = None
    ref: str | None = None
    table: int | None = None
    row: int | None = None

    def through(self, last: Place) -> Place:
        """The run of cells from this one to ``last`` (a row's schedule: ``F12:Q12``)."""
        if self.ref is None or last.ref is None or last.ref == self.ref:
            return self
        return Place(self.sheet, f"{self.ref}:{last.ref}", self.table, self.row)


@dataclass(slots=True)
class Cell:
    """One cell as the reader saw it.

    ``text`` keeps the reader's line breaks as ``\\n``; layout joins them. ``mark`` is set when
    the reader saw a check glyph that text alone cannot carry (a Word ``w:sym``, a symbol-font
    glyph); ``shaded`` when the cell is filled with a non-white colour. ``continued`` marks the
    lower part of a vertical merge (Word ``vMerge`` continue, an Excel merged range): the cell
    belongs to the one above and carries no text of its own.
    """

    text: str
    x0: float
    x1: float
    top: float = 0.0
    bottom: float = 0.0
    page: int | None = None
    mark: bool = False
    shaded: bool = False
    continued: bool = False
    confidence: float | None = None
    # Why the reader doubts this cell (codes of ``extractor.doubts``); layout turns them,
    # with its own evidence, into the row's ``keyakinan`` and ``alasan``.
    doubts: list[str] = field(default_factory=list)
    # The words of ``text`` the OCR read unsurely (``ScanSettings.unsure_word``); the
    # evidence tells a slip among them from a name by the dictionary and the document.
    unsure_words: list[str] = field(default_factory=list)
    # Where the file keeps the cell (sheet and cell, table and row), when it says.
    place: Place | None = None
    # Where its text stands inside the row, top and foot, when the reader knows (a
    # borderless table's cell is its row's band; its text may sit at the top, middle or
    # foot of it). None: not known.
    text_span: tuple[float, float] | None = None


@dataclass(slots=True)
class Table:
    """Rows of cells, top to bottom, each row left to right.

    A table lies on one page for paged formats (a PDF table split by a page break is two
    tables); layout joins them.
    """

    rows: list[list[Cell]]
    page: int | None = None
    # Doubts about the table as a whole (codes of ``extractor.doubts``): columns or rows
    # placed by a guess, a ruling that disagrees with pdfplumber's, a noisy scan.
    doubts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TextLine:
    """Text outside the tables, in reading order: titles, unit, signature block."""

    text: str
    page: int | None = None
    after_tables: int = 0  # how many tables precede this line in the document
    # Left and right edges (PDF points) where the reader knows them: two blocks side by
    # side (a signature under "Mengetahui," beside the dated one) come out interleaved.
    x0: float | None = None
    x1: float | None = None


@dataclass(slots=True)
class Grid:
    """A whole document as readers see it."""

    format: str  # "pdf", "docx", "xlsx", ...
    tables: list[Table] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    pages: int | None = None
    ocr: bool = False
    # What the reader saw on each page it read (``rak debug`` draws it); empty for formats
    # without pages.
    seen: list[PageView] = field(default_factory=list)
