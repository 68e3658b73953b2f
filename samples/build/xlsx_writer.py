"""Write a ``SampleDoc`` as an Excel workbook the way offices keep RAKs in spreadsheets.

One sheet holds the whole RAK as one bordered table: the title rows above it (``RENCANA AKSI
KINERJA`` merged across the table, ``Nama/Unit Organisasi : ...``, ``Tahun : ...``), the
two-row header with ``RENCANA PELAKSANAAN`` merged over the periods and the other headings
merged down, the column-number row, SASARAN merged down over the rows that share it, and the
signature block under the table to the right. A page of the spec with an extra column makes
the unlabeled column exist for the whole sheet (a sheet has one set of columns); only the
shifted rows use it. Targets that Excel users type as numbers (``100%``, ``87,5%``, ``3,5``)
are stored as numbers with a number format, so a reader must render them as displayed.

``XlsxOptions`` adds what spreadsheets have and Word files do not: fills instead of glyphs,
a notes sheet before the RAK, hidden helper columns, a hidden row, a hidden sheet. The spec,
not this module, says what a correct extraction is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.colors import Color
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from . import widths
from .convert import ConversionError, pin_pdf
from .docx_writer import MONTHS_B, WriterOptions, wilayah_of
from .seed import load_seed
from .spec import SampleDoc, SamplePage, SampleRow, write_expected

SAMPLES_DIR = Path(__file__).resolve().parents[1]

FIXED_TIME = dt.datetime(2024, 1, 2, 8, 0, 0)
FONT_PT = 9.0
LINE_PT = 12.0  # one line of 9 pt text, with leading
THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
# Excel character widths by role.
WIDTHS = {"sasaran": 28, "indikator": 32, "target": 10, "kegiatan": 34, "period": 4.6,
          "pelaksana": 22, "extra": 20, "helper": 12}  # fmt: skip
# Fills a person picks from Excel's palette: an RGB green, and theme accent 6 darkened.
FILL_RGB = PatternFill("solid", fgColor="FF00B050")
FILL_THEME = PatternFill("solid", fgColor=Color(theme=9, tint=-0.25))

_PERCENT = re.compile(r"^(\d+)(?:,(\d+))?%$")
_NUMBER = re.compile(r"^(\d+)(?:,(\d+))?$")


@dataclass(frozen=True)
class HelperColumn:
    """A column the office uses for itself and hides before printing (codes, budget lines)."""

    heading: str
    values: tuple[str, ...]  # cycled over the rows


@dataclass(frozen=True)
class XlsxOptions:
    """How one workbook is laid out; the defaults reproduce the seed as a spreadsheet."""

    sheet_name: str = "RAK 2024"
    periods: tuple[str, ...] = MONTHS_B
    mark_style: Literal["text", "fill"] = "text"
    mark_text: str = "√"
    numeric_targets: bool = True
    notes: tuple[str, ...] = ()  # a first sheet "Petunjuk" with these lines, when given
    helper_columns: tuple[HelperColumn, ...] = ()  # hidden, between KEGIATAN and the periods
    hidden_row_after: int | None = None  # 0-based index of the row a hidden draft row follows
    hidden_row: SampleRow | None = None
    hidden_sheet: bool = False  # a hidden copy of the header with one row: must be skipped
    print_setup: bool = True  # landscape, fit to width, header rows repeated on each page

    def __post_init__(self) -> None:
        if len(self.periods) not in (4, 12):
            raise ValueError("periods must be 12 months or 4 quarters")
        if (self.hidden_row is None) != (self.hidden_row_after is None):
            raise ValueError("hidden_row and hidden_row_after go together")


@dataclass
class _Col:
    role: str  # sasaran indikator target kegiatan helper period pelaksana extra
    heading: str
    period: int = 0
    helper: HelperColumn | None = None
    index: int = field(default=0)  # 1-based sheet column


def _columns(doc: SampleDoc, options: XlsxOptions) -> list[_Col]:
    cols = [
        _Col("sasaran", "SASARAN KEGIATAN"),
        _Col("indikator", "INDIKATOR KINERJA"),
        _Col("target", "TARGET"),
        _Col("kegiatan", "KEGIATAN"),
    ]
    cols += [_Col("helper", h.heading, helper=h) for h in options.helper_columns]
    cols += [_Col("period", p, period=i + 1) for i, p in enumerate(options.periods)]
    cols.append(_Col("pelaksana", "PELAKSANA"))
    if any(p.extra_column for p in doc.pages):
        cols.append(_Col("extra", ""))
    for i, col in enumerate(cols, start=1):
        col.index = i
    return cols


def target_cell(text: str) -> tuple[object, str]:
    """A target as Excel users type it: ``87,5%`` is 0.875 shown as ``0.0%``; text stays."""
    if m := _PERCENT.match(text):
        decimals = m.group(2) or ""
        value = float(f"{m.group(1)}.{decimals or 0}") / 100
        return value, ("0." + "0" * len(decimals) + "%") if decimals else "0%"
    if m := _NUMBER.match(text):
        decimals = m.group(2)
        return (float(f"{m.group(1)}.{decimals}") if decimals else int(m.group(1))), "General"
    return text, "@"


def _put(ws: Worksheet, row: int, col: int, value: object, **style: object) -> None:
    cell = ws.cell(row, col, value)
    for name, val in style.items():
        setattr(cell, name, val)


def _title(ws: Worksheet, doc: SampleDoc, width: int) -> int:
    """Title rows; returns the first row of the table."""
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    _put(ws, 1, 1, doc.judul, font=Font(bold=True, size=12), alignment=CENTER)
    _put(ws, 3, 1, f"Nama/Unit Organisasi : {doc.unit_organisasi}", font=Font(size=10))
    _put(ws, 4, 1, f"Tahun : {doc.tahun}", font=Font(size=10))
    return 6


def _header(ws: Worksheet, cols: list[_Col], top: int) -> int:
    """Two heading rows and the column-number row; returns the first data row."""
    periods = [c for c in cols if c.role == "period"]
    bold = Font(bold=True, size=9)
    ws.merge_cells(
        start_row=top, start_column=periods[0].index, end_row=top, end_column=periods[-1].index
    )
    _put(ws, top, periods[0].index, "RENCANA PELAKSANAAN", font=bold, alignment=CENTER)
    for col in cols:
        if col.role == "period":
            _put(ws, top + 1, col.index, col.heading, font=bold, alignment=CENTER)
            continue
        ws.merge_cells(start_row=top, start_column=col.index, end_row=top + 1, end_column=col.index)
        if col.heading:
            _put(ws, top, col.index, col.heading, font=bold, alignment=CENTER)
    number = 0
    for col in cols:
        if col.role in ("extra", "helper"):
            continue
        number += 1
        _put(ws, top + 2, col.index, number, font=Font(size=8), alignment=CENTER)
    return top + 3


def _cell_value(row: SampleRow, col: _Col, n: int) -> object:
    if col.role == "indikator":
        return row.indikator
    if col.role == "kegiatan":
        return row.kegiatan
    if col.role == "pelaksana":
        return row.pelaksana_column_text if row.pelaksana_shifted else row.pelaksana
    if col.role == "extra":
        return row.pelaksana if row.pelaksana_shifted else ""
    if col.role == "helper" and col.helper is not None:
        return col.helper.values[n % len(col.helper.values)]
    return ""


def _data_row(
    ws: Worksheet, r: int, row: SampleRow, cols: list[_Col], options: XlsxOptions, n: int
) -> None:
    marks = 0
    for col in cols:
        cell = ws.cell(r, col.index)
        cell.border = BOX
        cell.font = Font(size=9)
        if col.role == "period":
            cell.alignment = CENTER
            if col.period in row.jadwal:
                if options.mark_style == "text":
                    cell.value = options.mark_text
                else:
                    cell.fill = FILL_THEME if marks % 4 == 3 else FILL_RGB
                marks += 1
            continue
        if col.role == "sasaran":
            cell.alignment = WRAP
            continue
        if col.role == "target":
            value, fmt = target_cell(row.target) if options.numeric_targets else (row.target, "@")
            cell.value, cell.number_format, cell.alignment = value, fmt, CENTER
            continue
        value = _cell_value(row, col, n)
        cell.value = value if value != "" else None
        cell.alignment = WRAP


def _body(
    ws: Worksheet, doc: SampleDoc, cols: list[_Col], options: XlsxOptions, first: int
) -> tuple[int, list[int]]:
    """Data rows, SASARAN merged over runs; returns the row after the table and hidden rows."""
    rows: list[tuple[SampleRow, bool]] = []
    for i, row in enumerate(doc.rows):
        rows.append((row, False))
        if options.hidden_row is not None and i == options.hidden_row_after:
            rows.append((options.hidden_row, True))
    s_col = cols[0].index
    run_start, run_text, hidden = first, None, []
    r = first
    for n, (row, is_hidden) in enumerate(rows):
        _data_row(ws, r, row, cols, options, n)
        if is_hidden:
            hidden.append(r)
        sasaran = run_text if is_hidden else row.sasaran  # a hidden row sits inside a run
        if sasaran != run_text:
            _close_run(ws, s_col, run_start, r - 1, run_text)
            run_start, run_text = r, sasaran
        r += 1
    _close_run(ws, s_col, run_start, r - 1, run_text)
    return r, hidden


def _close_run(ws: Worksheet, col: int, start: int, end: int, text: str | None) -> None:
    if text is None or end < start:
        return
    ws.cell(start, col).value = text
    if end > start:
        ws.merge_cells(start_row=start, start_column=col, end_row=end, end_column=col)


def _signature(ws: Worksheet, doc: SampleDoc, col: int, top: int) -> None:
    lines = [
        f"{doc.tempat}, {doc.tanggal}",
        "KOMISI PEMILIHAN UMUM",
        wilayah_of(doc, WriterOptions()),
        f"{doc.jabatan},",
        "",
        "",
        "",
        doc.nama,
    ]
    if doc.nip:
        lines.append(f"NIP. {doc.nip}")
    for i, line in enumerate(lines):
        if line:
            bold = line == doc.nama
            _put(
                ws,
                top + i,
                col,
                line,
                font=Font(size=10, bold=bold, underline="single" if bold and doc.nip else None),
            )


def _lines(text: str, width_chars: float) -> int:
    """How many lines ``text`` wraps to in a column ``width_chars`` wide (greedy by words).

    Excel stores row heights in the file and LibreOffice does not grow a row on opening it,
    so the writer sets heights itself, as Excel would have; err towards taller rows.
    """
    usable_cm = (width_chars * 7 + 5) / 96 * 2.54 - widths.CELL_PADDING_CM
    space = widths.word_width_cm(" ", FONT_PT)
    lines = 0
    for para in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in para.split():
            w = widths.word_width_cm(word, FONT_PT)
            if used and used + space + w > usable_cm:
                lines += 1
                used = w
            else:
                used += (space if used else 0.0) + w
    return lines


def _fit_heights(ws: Worksheet, cols: list[_Col], rows: range) -> None:
    """Row heights from the wrapped text of each row (merged SASARAN cells are spread over
    their rows by LibreOffice, so they are left out)."""
    for r in rows:
        most = 1
        for col in cols:
            value = ws.cell(r, col.index).value
            if value is None or col.role in ("sasaran", "period", "helper"):
                continue
            most = max(most, _lines(str(value), WIDTHS[col.role]))
        ws.row_dimensions[r].height = most * LINE_PT + 3


def _widths(ws: Worksheet, cols: list[_Col]) -> None:
    for col in cols:
        ws.column_dimensions[get_column_letter(col.index)].width = WIDTHS[col.role]


def _hide_helpers(ws: Worksheet, cols: list[_Col]) -> None:
    """Hide helper columns as one grouped ``<col min max hidden>`` range, as Excel's
    Group + collapse writes it."""
    helpers = [c.index for c in cols if c.role == "helper"]
    if helpers:
        ws.column_dimensions.group(
            get_column_letter(helpers[0]), get_column_letter(helpers[-1]), hidden=True
        )
        dim = ws.column_dimensions[get_column_letter(helpers[0])]
        dim.width = WIDTHS["helper"]


def _print_setup(ws: Worksheet, header_top: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_top}:{header_top + 2}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def _rak_sheet(ws: Worksheet, doc: SampleDoc, options: XlsxOptions) -> None:
    cols = _columns(doc, options)
    top = _title(ws, doc, len(cols))
    first = _header(ws, cols, top)
    for r in range(top, first):
        for col in cols:
            ws.cell(r, col.index).border = BOX
    after, hidden = _body(ws, doc, cols, options, first)
    _fit_heights(ws, cols, range(top, after))
    for r in hidden:
        ws.row_dimensions[r].hidden = True
    sign_col = next(
        c.index for c in cols if c.role == "period" and c.period == len(options.periods) - 3
    )
    _signature(ws, doc, sign_col, after + 2)
    _widths(ws, cols)
    _hide_helpers(ws, cols)
    if options.print_setup:
        _print_setup(ws, top)


def _notes_sheet(wb: Workbook, notes: tuple[str, ...]) -> None:
    ws = wb.create_sheet("Petunjuk", 0)
    ws.column_dimensions["A"].width = 100
    for i, line in enumerate(notes, start=1):
        _put(ws, i, 1, line, font=Font(bold=i == 1, size=10), alignment=Alignment(wrap_text=True))


def _hidden_copy(wb: Workbook, doc: SampleDoc, options: XlsxOptions) -> None:
    """A hidden sheet with the RAK's header and its first row: a reader must skip it."""
    ws = wb.create_sheet("Draft (lama)")
    cols = _columns(doc, options)
    first = _header(ws, cols, 1)
    _data_row(ws, first, doc.rows[0], cols, options, 0)
    ws.cell(first, 1).value = doc.rows[0].sasaran
    ws.sheet_state = "hidden"


def build_xlsx(doc: SampleDoc, options: XlsxOptions | None = None) -> Workbook:
    options = options or XlsxOptions()
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = options.sheet_name
    _rak_sheet(ws, doc, options)
    if options.notes:
        _notes_sheet(wb, options.notes)
        wb.active = 1
    if options.hidden_sheet:
        _hidden_copy(wb, doc, options)
    props = wb.properties
    props.creator = props.lastModifiedBy = "Sekretariat KPU"
    props.created = props.modified = FIXED_TIME
    props.title = "RENCANA AKSI KINERJA"
    return wb


def write_xlsx(doc: SampleDoc, path: Path, options: XlsxOptions | None = None) -> Path:
    """Write ``doc`` to ``path`` with stable bytes (fixed properties and zip timestamps)."""
    build_xlsx(doc, options).save(str(path))
    _normalize_zip(path)
    return path


def _normalize_zip(path: Path) -> None:
    """Rewrite the zip with fixed member dates and the modified date pinned in docProps."""
    with zipfile.ZipFile(path) as zf:
        members = [(info.filename, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-02T08:00:00Z", data
                )
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)


# --------------------------------------------------------------------------- the samples

NOTES = (
    "PETUNJUK PENGISIAN RENCANA AKSI KINERJA",
    "1. Isi satu baris untuk setiap kegiatan pada lembar RAK 2025.",
    "2. Tandai bulan pelaksanaan dengan memberi warna sel pada kolom B1 sampai B12.",
    "3. Kolom kode akun dan pagu disembunyikan sebelum dicetak.",
    "4. Baris kegiatan yang dibatalkan disembunyikan, jangan dihapus.",
)
DRAFT_ROW = SampleRow(
    sasaran="",
    indikator="Persentase kegiatan yang dibatalkan",
    target="0%",
    kegiatan="Kegiatan yang dibatalkan (draft, disembunyikan)",
    jadwal=[1, 2, 3],
    pelaksana="Subbagian Keuangan, Umum dan Logistik",
)


def multisheet_sample() -> tuple[SampleDoc, XlsxOptions]:
    """The seed's clean rows for KPU Kab. Bengkayang 2025 in a workbook with a notes sheet,
    fill marks, hidden helper columns (one grouped range), a hidden row and a hidden sheet."""
    from .variants import UNITS_KAB, clean_seed_rows, relocate

    rows = relocate(clean_seed_rows(), "Kabupaten Bengkayang", "Bengkayang", UNITS_KAB)
    doc = SampleDoc(
        name="rak-excel-multisheet",
        pages=[SamplePage(rows=rows)],
        unit_organisasi="SEKRETARIAT KPU KABUPATEN BENGKAYANG",
        tahun=2025,
        tempat="BENGKAYANG",
        tanggal="2 JANUARI 2025",
        nama="YOHANES ASUN",
    )
    options = XlsxOptions(
        sheet_name="RAK 2025",
        mark_style="fill",
        notes=NOTES,
        helper_columns=(
            HelperColumn("KODE AKUN", ("521211", "522151", "524111")),
            HelperColumn("PAGU", ("Rp 12.500.000", "Rp 4.750.000")),
        ),
        hidden_row_after=4,
        hidden_row=DRAFT_ROW,
        hidden_sheet=True,
    )
    return doc, options


def _soffice(
    source: Path, target: str, out_dir: Path, locale: str | None = None, timeout: float = 300
) -> Path:
    """Convert with LibreOffice under a throw-away profile (see convert.py for why).

    ``locale`` sets the UI locale LibreOffice renders numbers in (``id_ID.UTF-8`` prints
    0.875 as ``87,5%``, as an Indonesian office PC does); it needs no system locale.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError("soffice not found; install LibreOffice to build this sample")
    with tempfile.TemporaryDirectory(prefix="rak-lo-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", target, "--outdir", str(out_dir), str(source)]  # fmt: skip
        try:
            env = {**os.environ, "TZ": "UTC"}
            if locale:
                env.update(LANG=locale, LC_ALL=locale)
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            raise ConversionError(f"LibreOffice failed on {source}: {e}") from e
    out = out_dir / f"{source.stem}.{target.split(':')[0]}"
    if not out.exists():
        raise ConversionError(f"LibreOffice wrote nothing for {source}")
    return out


def make_all(out_dir: Path = SAMPLES_DIR, convert: bool = True) -> list[Path]:
    """The spreadsheet-born samples: seed .xlsx, multi-sheet .xlsx, the seed as .doc (from
    the Word sample) and .xls (from the .xlsx), and the PDF LibreOffice prints from the seed
    .xlsx. The seed's files share ``rak-kubu-raya-2024.expected.json`` (made by make_all)."""
    seed = load_seed()
    made = [write_xlsx(seed, out_dir / f"{seed.name}.xlsx")]
    doc, options = multisheet_sample()
    made += [write_xlsx(doc, out_dir / f"{doc.name}.xlsx", options), write_expected(doc, out_dir)]
    if convert:
        made.append(_soffice(out_dir / f"{seed.name}.docx", "doc:MS Word 97", out_dir))
        made.append(_soffice(made[0], "xls:MS Excel 97", out_dir))
        pdf_doc = replace(seed, name="rak-dari-excel")
        with tempfile.TemporaryDirectory(prefix="rak-xl-") as tmp:
            source = Path(tmp) / f"{pdf_doc.name}.xlsx"
            shutil.copyfile(made[0], source)
            pdf = _soffice(source, "pdf", out_dir, locale="id_ID.UTF-8")
            pin_pdf(pdf, seed=source.read_bytes())
            made.append(pdf)
        made.append(write_expected(pdf_doc, out_dir))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the spreadsheet-born samples.")
    parser.add_argument("--no-convert", action="store_true", help="skip the LibreOffice steps")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    for path in make_all(args.out, convert=not args.no_convert):
        print(f"built {path.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
