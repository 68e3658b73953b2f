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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
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
    margin_cm: float = 1.27
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
    cell: _Cell, text: str, options: WriterOptions, *, bold: bool = False, center: bool = False
) -> None:
    """Cell text; ``\\n`` becomes a line break inside one paragraph, as Word users type it."""
    para = cell.paragraphs[0]
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(text.split("\n")):
        run = para.add_run()
        run.bold = bold or None
        run.font.size = Pt(options.font_size)
        if i:
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
    size = options.font_size
    minimum = [
        max(
            widths.longest_word_cm(c.heading.split("\n"), size, bold=True),
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


def _setup_document(options: WriterOptions) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    width, height = PAGE_SIZES_CM[options.page]
    section.orientation = WD_ORIENT.LANDSCAPE
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


def _usable_width_cm(options: WriterOptions) -> float:
    return PAGE_SIZES_CM[options.page][0] - 2 * options.margin_cm - 0.1


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
    _paragraph(doc, sample.judul, size=12, bold=True, center=True, page_break_before=options.cover)
    _paragraph(doc, "", size=8)
    _paragraph(doc, f"Nama/Unit Organisasi : {sample.unit_organisasi}", size=10)
    _paragraph(doc, f"Tahun : {sample.tahun}", size=10)
    _paragraph(doc, "", size=6)


def _write_signature(doc: DocxDocument, sample: SampleDoc, options: WriterOptions) -> None:
    indent = _usable_width_cm(options) * 0.68
    _paragraph(doc, "", size=10)
    lines = [
        f"{sample.tempat}, {sample.tanggal}",
        "KOMISI PEMILIHAN UMUM",
        wilayah_of(sample, options),
        f"{sample.jabatan},",
        "",
        "",
        "",
    ]
    for line in lines:
        _paragraph(doc, line, size=10, indent_cm=indent)
    _paragraph(doc, sample.nama, size=10, bold=True, underline=bool(sample.nip), indent_cm=indent)
    if sample.nip:
        _paragraph(doc, f"NIP. {sample.nip}", size=10, indent_cm=indent)


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
            _write(cells2[i], col.heading, options, bold=True, center=True)
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


def _body_rows(
    table: Table,
    cols: list[_Column],
    rows: list[SampleRow],
    options: WriterOptions,
    previous_sasaran: str,
    extra_column: bool,
) -> None:
    """Data rows; SASARAN is merged down over rows sharing it. A sasaran continuing from the
    previous table is left empty at the top, as the originals print it."""
    s_idx = next(i for i, c in enumerate(cols) if c.role == "sasaran")
    groups: list[list[_Cell]] = []
    prev = previous_sasaran
    for row in rows:
        if row.pelaksana_shifted and not extra_column:
            raise ValueError("a shifted PELAKSANA needs a page with extra_column=True")
        cells = list(table.add_row().cells)
        for cell, col in zip(cells, cols):
            if col.role == "period":
                if col.period in row.jadwal:
                    _write_mark(cell, options)
                continue
            if col.role == "sasaran":
                continue
            text = _cell_text(row, col, extra_column)
            if text:
                _write(cell, text, options, center=col.role in ("lead", "target"))
        sasaran_cell = cells[s_idx]
        if groups and row.sasaran == prev:
            groups[-1].append(sasaran_cell)
        else:
            groups.append([sasaran_cell])
            if row.sasaran != prev:
                _write(sasaran_cell, row.sasaran, options)
        prev = row.sasaran
    for group in groups:
        if len(group) > 1:
            vmerge(group[0], "restart")
            for cell in group[1:]:
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
    set_table_props(table, [c.width_cm for c in cols])
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
