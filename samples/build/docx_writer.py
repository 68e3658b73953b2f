"""Write a ``SampleDoc`` as a Word file that looks like the RAKs offices actually produce.

The point is realism for the readers: a landscape section, a cover page, the title block, the
table with a two-row merged header (``RENCANA PELAKSANAAN`` spanning the periods, the other
headings merged down over the period row), a row of column numbers, SASARAN merged down over
the rows that share it, and the signature block under the table. Every variant the corpus
needs (period labels, mark style, extra columns, heading wording, one long table or one table
per page) is a field of ``WriterOptions``, so there is one writer and no copies per variant.

The spec, not this module, says what a correct extraction is; the writer only has to put
the spec's text where a person would see it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from . import widths
from .docx_ooxml import (
    el,
    mark_repeating_header,
    normalize_zip,
    set_shading,
    set_table_props,
    vmerge,
)
from .spec import SampleDoc, SamplePage, SampleRow

MONTHS_B = tuple(f"B{i}" for i in range(1, 13))
MONTHS_SHORT = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGT", "SEP", "OKT", "NOV", "DES")
QUARTERS = ("TW I", "TW II", "TW III", "TW IV")

# Fixed so that regenerating a sample does not change its bytes.
FIXED_TIME = dt.datetime(2024, 1, 2, 8, 0, 0)

PAGE_SIZES_CM = {"A4": (29.7, 21.0), "F4": (33.0, 21.5)}
DEFAULT_CELL_MARGIN_PT = 2.85  # widths.CELL_PADDING_CM allows for this much
# How much wider than Arial a font sets the same word (widths.py measures Arial).
FONT_WIDTH = {"Arial": 1.0, "Times New Roman": 0.95, "Calibri": 0.95, "Courier New": 1.25,
              "DejaVu Sans": 1.15, "Verdana": 1.2, "Tahoma": 1.05}

# Relative column widths by role; scaled to the printable width of the page.
_WIDTHS = {
    "lead": 0.8,
    "sasaran": 3.8,
    "indikator": 4.4,
    "target": 1.5,
    "kegiatan": 4.8,
    "period_month": 0.8,
    "period_quarter": 1.25,
    "before": 2.4,
    "pelaksana": 2.9,
    "extra": 2.6,
}
_STRETCH = frozenset({"sasaran", "indikator", "kegiatan", "pelaksana"})

MarkStyle = Literal["text", "sym", "shade"]


@dataclass(frozen=True)
class Headings:
    """Heading texts as the office typed them; ``\\n`` is a line break inside the cell."""

    sasaran: str = "SASARAN KEGIATAN"
    indikator: str = "INDIKATOR KINERJA"
    target: str = "TARGET"
    kegiatan: str = "KEGIATAN"
    jadwal: str = "RENCANA PELAKSANAAN"
    pelaksana: str = "PELAKSANA"


@dataclass(frozen=True)
class WriterOptions:
    """How one sample is laid out; the defaults reproduce the seed (Kubu Raya 2024)."""

    headings: Headings = field(default_factory=Headings)
    periods: tuple[str, ...] = MONTHS_B
    period_heading_size: float | None = None  # a smaller font for long month names
    mark_style: MarkStyle = "text"
    mark_text: str = "√"
    sym_font: str = "Wingdings"
    sym_char: str = "F0FC"  # Wingdings ü, drawn as a check mark
    shade_fill: str = "BFBFBF"
    # Extra columns, by heading; a row's value is row.lainnya[heading.lower()].
    leading_columns: tuple[str, ...] = ()  # before SASARAN, e.g. ("NO",)
    before_pelaksana: tuple[str, ...] = ()  # between the periods and PELAKSANA, e.g. ("ANGGARAN",)
    one_table: bool = False  # one long table with repeating header rows instead of one per page
    number_row: bool = True  # the "1 2 3 ... 17" row under the header
    font: str = "Arial"
    font_size: float = 8.0
    page: Literal["A4", "F4"] = "A4"
    orientation: Literal["landscape", "portrait"] = "landscape"
    margin_cm: float = 1.27
    # A built-in table style ("Table Grid", "Light Grid Accent 1"): borders and fills come
    # from the style, none are set on the table or its cells.
    table_style: str | None = None
    cell_margin_pt: float = DEFAULT_CELL_MARGIN_PT  # left and right cell margins
    row_height_cm: float | None = None  # a minimum height for every body row
    center_merges: bool = False  # SASARAN's merged cells centred vertically (vAlign center)
    # A "\n" in a body cell's text starts a new paragraph instead of a line break.
    paragraphs: bool = False
    # Group heading rows (a row's lainnya["kelompok"] changing): one cell across the whole
    # table ("table") or one cell merged over the text columns, the schedule left empty.
    group_rows: Literal["table", "text"] = "table"
    # The title line: "title" alone, or "title_unit_year" ("RENCANA AKSI KINERJA SEKRETARIAT
    # KPU KABUPATEN X TAHUN 2025", no labelled lines under it).
    title_style: Literal["title", "title_unit_year"] = "title"
    letterhead: bool = False  # KOMISI PEMILIHAN UMUM / region / address above the title
    # The signature as indented paragraphs, or a borderless two-column table whose left
    # column is the acknowledging official (``acknowledged_by``: jabatan, nama, nip).
    signature: Literal["paragraphs", "table"] = "paragraphs"
    acknowledged_by: tuple[str, str, str | None] | None = None
    cover: bool = True
    wilayah: str | None = None  # "KABUPATEN KUBU RAYA"; derived from the unit when None
    address: tuple[str, ...] = (
        "Sekretariat : Jl. Adisucipto KM 15,2 Sungai Raya",
        "Telp. (0561) 6726899 / Fax. (0561) 6726899",
    )
    author: str = "Sekretariat KPU"
    borders: bool = True  # False: the table's ruling is switched off (a borderless table)

    def __post_init__(self) -> None:
        if len(self.periods) not in (4, 12):
            raise ValueError("periods must be 12 months or 4 quarters")
        if self.mark_style not in ("text", "sym", "shade"):
            raise ValueError(f"unknown mark_style {self.mark_style!r}")
        if self.page not in PAGE_SIZES_CM:
            raise ValueError(f"unknown page size {self.page!r}")
        if self.orientation not in ("landscape", "portrait"):
            raise ValueError(f"unknown orientation {self.orientation!r}")
        if self.cell_margin_pt < 0 or (self.row_height_cm is not None and self.row_height_cm <= 0):
            raise ValueError("cell margins and row heights must be positive")


@dataclass(frozen=True)
class _Column:
    role: str  # lead, sasaran, indikator, target, kegiatan, period, before, pelaksana, extra
    heading: str
    width_cm: float
    period: int = 0  # 1-based, for role == "period"


def wilayah_of(doc: SampleDoc, options: WriterOptions) -> str:
    """The region named under "KOMISI PEMILIHAN UMUM" (cover and signature)."""
    if options.wilayah:
        return options.wilayah
    unit = doc.unit_organisasi
    return unit.split("KPU ", 1)[1] if "KPU " in unit else unit


# --------------------------------------------------------------------------- text helpers


def _write(
    cell: _Cell,
    text: str,
    options: WriterOptions,
    *,
    bold: bool = False,
    center: bool = False,
    paragraphs: bool = False,
) -> None:
    """Cell text; ``\\n`` becomes a line break inside one paragraph, as Word users type it,
    or with ``paragraphs`` a new paragraph (Enter)."""
    para = cell.paragraphs[0]
    for i, line in enumerate(text.split("\n")):
        if i and paragraphs:
            para = cell.add_paragraph()
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run()
        run.bold = bold or None
        run.font.size = Pt(options.font_size)
        if i and not paragraphs:
            run.add_break()
        run.add_text(line)


def _write_mark(cell: _Cell, options: WriterOptions) -> None:
    para = cell.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if options.mark_style == "text":
        run = para.add_run(options.mark_text)
        run.font.size = Pt(options.font_size)
    elif options.mark_style == "sym":
        run = para.add_run()
        run.font.size = Pt(options.font_size)
        run._r.append(el("w:sym", font=options.sym_font, char=options.sym_char))
    else:
        set_shading(cell, options.shade_fill)


def _paragraph(
    doc: DocxDocument,
    text: str,
    *,
    size: float,
    bold: bool = False,
    center: bool = False,
    indent_cm: float = 0.0,
    underline: bool = False,
    page_break_before: bool = False,
) -> None:
    para = doc.add_paragraph()
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent_cm:
        para.paragraph_format.left_indent = Cm(indent_cm)
    if page_break_before:
        para.paragraph_format.page_break_before = True
    lines = text.split("\n")
    for i, line in enumerate(lines):
        run = para.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.underline = underline or None
        if i < len(lines) - 1:
            run.add_break()


def _page_separator(doc: DocxDocument, options: WriterOptions) -> None:
    """A tiny paragraph that starts the next page (Word needs a paragraph between tables)."""
    para = doc.add_paragraph()
    para.paragraph_format.page_break_before = True
    run = para.add_run("")
    run.font.size = Pt(1)
    para.paragraph_format.line_spacing = Pt(1)


# --------------------------------------------------------------------------- layout


def _column_texts(col: _Column, rows: list[SampleRow], extra_column: bool) -> list[str]:
    if col.role == "sasaran":
        return [r.sasaran for r in rows]
    return [_cell_text(r, col, extra_column) for r in rows]


def _columns(
    options: WriterOptions, rows: list[SampleRow], extra_column: bool, usable_cm: float
) -> list[_Column]:
    h = options.headings
    monthly = len(options.periods) == 12
    cols: list[_Column] = [
        _Column("lead", name, _WIDTHS["lead"]) for name in options.leading_columns
    ]
    cols += [
        _Column("sasaran", h.sasaran, _WIDTHS["sasaran"]),
        _Column("indikator", h.indikator, _WIDTHS["indikator"]),
        _Column("target", h.target, _WIDTHS["target"]),
        _Column("kegiatan", h.kegiatan, _WIDTHS["kegiatan"]),
    ]
    pw = _WIDTHS["period_month" if monthly else "period_quarter"]
    cols += [_Column("period", label, pw, period=i + 1) for i, label in enumerate(options.periods)]
    cols += [_Column("before", name, _WIDTHS["before"]) for name in options.before_pelaksana]
    cols.append(_Column("pelaksana", h.pelaksana, _WIDTHS["pelaksana"]))
    if extra_column:
        cols.append(_Column("extra", "", _WIDTHS["extra"]))
    # No column narrower than its longest word (see widths.py); the free text columns share
    # what the narrow ones leave.
    size = options.font_size * FONT_WIDTH.get(options.font, 1.2)
    padding = max(0.0, 2 * (options.cell_margin_pt - DEFAULT_CELL_MARGIN_PT) / widths.PT_PER_CM)
    minimum = [
        padding
        + max(
            widths.longest_word_cm(
                c.heading.split("\n"), _heading_size(c, options) * size / options.font_size,
                bold=True,
            ),
            widths.longest_word_cm(
                [] if c.role == "period" else _column_texts(c, rows, extra_column), size
            ),
        )
        for c in cols
    ]
    stretch = [c.role in _STRETCH for c in cols]
    preferred = [c.width_cm if s else max(c.width_cm, m) for c, s, m in zip(cols, stretch, minimum)]
    fitted = widths.fit(preferred, minimum, stretch, usable_cm)
    return [_Column(c.role, c.heading, w, c.period) for c, w in zip(cols, fitted)]


def _heading_size(col: _Column, options: WriterOptions) -> float:
    if col.role == "period" and options.period_heading_size:
        return options.period_heading_size
    return options.font_size


def _setup_document(options: WriterOptions) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    width, height = _page_cm(options)
    portrait = options.orientation == "portrait"
    section.orientation = WD_ORIENT.PORTRAIT if portrait else WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(options.margin_cm))
    normal = doc.styles["Normal"]
    normal.font.name = options.font
    normal.font.size = Pt(options.font_size)
    r_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        r_fonts.set(qn(attr), options.font)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    props = doc.core_properties
    props.author = props.last_modified_by = options.author
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.title = "RENCANA AKSI KINERJA"
    return doc


def _page_cm(options: WriterOptions) -> tuple[float, float]:
    long, short = PAGE_SIZES_CM[options.page]
    return (short, long) if options.orientation == "portrait" else (long, short)


def _usable_width_cm(options: WriterOptions) -> float:
    return _page_cm(options)[0] - 2 * options.margin_cm - 0.1


def _write_cover(doc: DocxDocument, sample: SampleDoc, options: WriterOptions) -> None:
    wilayah = wilayah_of(sample, options)
    for _ in range(3):
        _paragraph(doc, "", size=12)
    _paragraph(doc, "KOMISI\nPEMILIHAN\nUMUM", size=20, bold=True, center=True)
    _paragraph(doc, wilayah, size=16, center=True)
    _paragraph(doc, "", size=12)
    _paragraph(doc, sample.judul, size=18, bold=True, center=True)
    _paragraph(doc, "", size=12)
    _paragraph(
        doc, f"SEKRETARIAT\nKOMISI PEMILIHAN UMUM\n{wilayah}", size=16, bold=True, center=True
    )
    _paragraph(doc, "", size=12)
    _paragraph(doc, f"TAHUN {sample.tahun}", size=16, bold=True, center=True)
    _paragraph(doc, "", size=12)
    _paragraph(doc, "\n".join(options.address), size=11, bold=True, center=True)


def _write_title(doc: DocxDocument, sample: SampleDoc, options: WriterOptions) -> None:
    first = True
    if options.letterhead:
        lines = ["KOMISI PEMILIHAN UMUM", wilayah_of(sample, options), *options.address]
        _paragraph(doc, "\n".join(lines), size=11, bold=True, center=True,
                   page_break_before=options.cover)
        _paragraph(doc, "", size=8)
        first = False
    if options.title_style == "title_unit_year":
        title = f"{sample.judul} {sample.unit_organisasi} TAHUN {sample.tahun}"
        _paragraph(doc, title, size=12, bold=True, center=True,
                   page_break_before=options.cover and first)
        _paragraph(doc, "", size=6)
        return
    _paragraph(doc, sample.judul, size=12, bold=True, center=True,
               page_break_before=options.cover and first)
    _paragraph(doc, "", size=8)
    _paragraph(doc, f"Nama/Unit Organisasi : {sample.unit_organisasi}", size=10)
    _paragraph(doc, f"Tahun : {sample.tahun}", size=10)
    _paragraph(doc, "", size=6)


def _signature_lines(sample: SampleDoc, options: WriterOptions) -> list[str]:
    """The dated block: place and date, the office, the title, room to sign, the name."""
    lines = [
        f"{sample.tempat}, {sample.tanggal}",
        "KOMISI PEMILIHAN UMUM",
        wilayah_of(sample, options),
        f"{sample.jabatan},",
        "",
        "",
        "",
        sample.nama,
    ]
    return lines + ([f"NIP. {sample.nip}"] if sample.nip else [])


def _write_signature(doc: DocxDocument, sample: SampleDoc, options: WriterOptions) -> None:
    _paragraph(doc, "", size=10)
    lines = _signature_lines(sample, options)
    if options.signature == "table":
        _write_signature_table(doc, sample, lines, options)
        return
    indent = _usable_width_cm(options) * 0.68
    for line in lines[:-2 if sample.nip else -1]:
        _paragraph(doc, line, size=10, indent_cm=indent)
    _paragraph(doc, sample.nama, size=10, bold=True, underline=bool(sample.nip), indent_cm=indent)
    if sample.nip:
        _paragraph(doc, f"NIP. {sample.nip}", size=10, indent_cm=indent)


def _write_signature_table(
    doc: DocxDocument, sample: SampleDoc, right: list[str], options: WriterOptions
) -> None:
    """A borderless table, one line a row: the acknowledging official on the left (from
    "Mengetahui,"), the dated signer on the right, names on the same row."""
    left: list[str] = []
    if options.acknowledged_by:
        jabatan, nama, nip = options.acknowledged_by
        left = ["Mengetahui,", "KOMISI PEMILIHAN UMUM", wilayah_of(sample, options),
                f"{jabatan},", "", "", "", nama] + ([f"NIP. {nip}"] if nip else [])
    n = max(len(left), len(right))
    left += [""] * (n - len(left))
    right = right + [""] * (n - len(right))
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    half = _usable_width_cm(options) / 2
    for a, b in zip(left, right):
        cells = table.add_row().cells
        for cell, text in zip(cells, (a, b)):
            cell.width = Cm(half)
            if text:
                _write(cell, text, replace(options, font_size=10), center=True)


# --------------------------------------------------------------------------- table


def _header_rows(table: Table, cols: list[_Column], options: WriterOptions) -> None:
    """Row 1 headings (periods grouped under one spanning cell), row 2 period labels, row 3
    column numbers; all marked as repeating header rows."""
    first_period = next(i for i, c in enumerate(cols) if c.role == "period")
    n_periods = len(options.periods)
    row1, row2 = table.add_row(), table.add_row()
    cells1, cells2 = list(row1.cells), list(row2.cells)
    group = cells1[first_period].merge(cells1[first_period + n_periods - 1])
    _write(group, options.headings.jadwal, options, bold=True, center=True)
    group.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for i, col in enumerate(cols):
        if col.role == "period":
            small = replace(options, font_size=options.period_heading_size or options.font_size)
            _write(cells2[i], col.heading, small, bold=True, center=True)
            continue
        _write(cells1[i], col.heading, options, bold=True, center=True)
        cells1[i].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        vmerge(cells1[i], "restart")
        vmerge(cells2[i], "continue")
    rows = [row1, row2]
    if options.number_row:
        row3 = table.add_row()
        for i, (cell, col) in enumerate(zip(row3.cells, cols)):
            if col.role != "extra":
                _write(cell, str(i + 1), options, center=True)
        rows.append(row3)
    for row in rows:
        mark_repeating_header(row._tr)


def _cell_text(row: SampleRow, col: _Column, extra_column: bool) -> str:
    if col.role == "lead" or col.role == "before":
        return row.lainnya.get(col.heading.lower(), "")
    if col.role == "pelaksana":
        return row.pelaksana_column_text if row.pelaksana_shifted else row.pelaksana
    if col.role == "extra":
        return row.pelaksana if row.pelaksana_shifted else ""
    return {"indikator": row.indikator, "target": row.target, "kegiatan": row.kegiatan}.get(
        col.role, ""
    )


def _group_row(table: Table, cols: list[_Column], text: str, options: WriterOptions) -> None:
    """A group heading: one cell across the table, or over the text columns only."""
    cells = list(table.add_row().cells)
    if options.group_rows == "table":
        first, last = 0, len(cells) - 1
    else:
        texts = [i for i, c in enumerate(cols) if c.role in ("sasaran", "indikator", "target",
                                                             "kegiatan", "lead")]
        first, last = texts[0], texts[-1]
    merged = cells[first].merge(cells[last])
    _write(merged, text, options, bold=True)


def _body_rows(
    table: Table,
    cols: list[_Column],
    rows: list[SampleRow],
    options: WriterOptions,
    previous_sasaran: str,
    extra_column: bool,
) -> None:
    """Data rows; SASARAN is merged down over rows sharing it. A sasaran continuing from the
    previous table is left empty at the top, as the originals print it. A row whose
    ``lainnya["kelompok"]`` differs from the row before opens with a group heading row."""
    s_idx = next(i for i, c in enumerate(cols) if c.role == "sasaran")
    groups: list[list[_Cell]] = []
    prev: str | None = previous_sasaran
    group: str | None = None
    for row in rows:
        if row.pelaksana_shifted and not extra_column:
            raise ValueError("a shifted PELAKSANA needs a page with extra_column=True")
        kelompok = row.lainnya.get("kelompok")
        if kelompok and kelompok != group:
            _group_row(table, cols, kelompok, options)
            prev = None  # a merge never crosses a group heading
        group = kelompok
        added = table.add_row()
        if options.row_height_cm:
            added.height = Cm(options.row_height_cm)
            added.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        cells = list(added.cells)
        for cell, col in zip(cells, cols):
            if col.role == "period":
                if col.period in row.jadwal:
                    _write_mark(cell, options)
                continue
            if col.role == "sasaran":
                continue
            text = _cell_text(row, col, extra_column)
            if text:
                _write(cell, text, options, center=col.role in ("lead", "target"),
                       paragraphs=options.paragraphs)
        sasaran_cell = cells[s_idx]
        if groups and row.sasaran == prev:
            groups[-1].append(sasaran_cell)
        else:
            groups.append([sasaran_cell])
            if row.sasaran != prev:
                _write(sasaran_cell, row.sasaran, options, paragraphs=options.paragraphs)
        prev = row.sasaran
    for group_cells in groups:
        if options.center_merges:
            group_cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if len(group_cells) > 1:
            vmerge(group_cells[0], "restart")
            for cell in group_cells[1:]:
                vmerge(cell, "continue")


def _write_table(
    doc: DocxDocument,
    pages: list[SamplePage],
    options: WriterOptions,
    previous_sasaran: str,
    all_rows: list[SampleRow],
) -> None:
    """One table. Widths come from the whole document's rows, so that every page's table
    has the same columns, as when an office repeats one header on each page."""
    extra = any(p.extra_column for p in pages)
    rows = [r for p in pages for r in p.rows]
    cols = _columns(options, all_rows, extra, _usable_width_cm(options))
    table = doc.add_table(rows=0, cols=len(cols))
    if options.table_style:
        table.style = options.table_style
    set_table_props(
        table,
        [c.width_cm for c in cols],
        borders=options.table_style is None,
        cell_margin_twips=round(options.cell_margin_pt * 20),
    )
    if not options.borders:
        for side in table._tbl.tblPr.find(qn("w:tblBorders")):
            side.set(qn("w:val"), "nil")
    _header_rows(table, cols, options)
    _body_rows(table, cols, rows, options, previous_sasaran, extra)
    for row in table.rows:
        for cell, col in zip(row.cells, cols):
            cell.width = Cm(col.width_cm)


# --------------------------------------------------------------------------- entry point


def build_docx(sample: SampleDoc, options: WriterOptions | None = None) -> DocxDocument:
    options = options or WriterOptions()
    doc = _setup_document(options)
    if options.cover:
        _write_cover(doc, sample, options)
    _write_title(doc, sample, options)
    if options.one_table:
        if any(p.extra_column for p in sample.pages):
            raise ValueError("one_table cannot hold a page with an extra column")
        _write_table(doc, sample.pages, options, "", sample.rows)
    else:
        previous = ""
        for i, page in enumerate(sample.pages):
            if i:
                _page_separator(doc, options)
            _write_table(doc, [page], options, previous, sample.rows)
            if page.rows:
                previous = page.rows[-1].sasaran
    _write_signature(doc, sample, options)
    return doc


def write_docx(sample: SampleDoc, path: Path, options: WriterOptions | None = None) -> Path:
    """Write ``sample`` to ``path`` with stable bytes (fixed dates in properties and zip)."""
    build_docx(sample, options).save(str(path))
    normalize_zip(path)
    return path
