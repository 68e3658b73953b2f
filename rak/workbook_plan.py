"""The plan of a RAK sheet: its columns and their headings, where each row and field of the
document goes (``SheetPlan``), and the look and the cell writing both sheets of a workbook
share (``rak.workbook`` writes the RAK, ``rak.workbook_findings`` the findings).

Headings and period labels are the document's own (``judul_kolom``, ``label_periode``) where
they read back as the same column (``RENCANA AKSI``, ``PENANGGUNG JAWAB``, ``B1``..``B12``),
else the usual ones, so the workbook is read again as it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from extractor.headings import (
    ANGGARAN,
    INDIKATOR,
    JADWAL,
    KEGIATAN,
    NO,
    PELAKSANA,
    SASARAN,
    TARGET,
    heading_role,
    normalise_heading,
    period_label,
)
from extractor.model import RakDocument, Row

MARK = "✓"
MONTH_LABELS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov",
                "Des")  # fmt: skip
QUARTER_LABELS = ("TW I", "TW II", "TW III", "TW IV")
PERIOD = "periode"
UNLABELED = "kolom_tanpa_judul"  # lainnya's key for text in a column without a heading
GROUP = "kelompok"  # lainnya's key for the group heading a row stands under

FONT_PT = 9.0
LINE_PT = 12.0  # one line of 9 pt text with its leading, in points
THIN = Side(style="thin", color="FF000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TEXT = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEAD_FILL = PatternFill("solid", fgColor="FFD9D9D9")
# Arial: Excel has it everywhere, and LibreOffice measures it the same (Liberation Sans).
FONT_NAME = "Arial"


def font(size: float = FONT_PT, bold: bool = False, underline: bool = False,
         color: str | None = None) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, underline="single" if underline else None,
                color=color)


BODY_FONT = font()
BOLD = font(bold=True)

# Column widths in Excel's character units, by what the column holds.
WIDTHS = {NO: 5.0, SASARAN: 26.0, INDIKATOR: 30.0, TARGET: 11.0, KEGIATAN: 34.0,
          PELAKSANA: 22.0, ANGGARAN: 16.0}  # fmt: skip
PERIOD_WIDTH = {12: 4.6, 4: 8.0}
OTHER_WIDTH = 16.0
HEADINGS = {NO: "NO", SASARAN: "SASARAN KEGIATAN", INDIKATOR: "INDIKATOR KINERJA",
            TARGET: "TARGET", KEGIATAN: "KEGIATAN", PELAKSANA: "PELAKSANA",
            ANGGARAN: "ANGGARAN"}  # fmt: skip
SCHEDULE_HEADING = "RENCANA PELAKSANAAN"
SCHEDULE_NOTE = "KETERANGAN JADWAL"


@dataclass(slots=True)
class Column:
    """One column of the RAK sheet: a row field, a period, or a ``lainnya`` key."""

    key: str
    heading: str
    width: float
    period: int | None = None
    index: int = 0  # 1-based sheet column


@dataclass(slots=True)
class SheetPlan:
    """Where everything went on the RAK sheet."""

    title: str
    columns: list[Column]
    header_rows: tuple[int, int]  # first and last row of the header
    rows: list[int] = field(default_factory=list)  # the sheet row of each RAK row
    # (RAK row index, field) -> the cell that holds it (the top-left of a merge)
    anchors: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)
    title_cell: tuple[int, int] = (1, 1)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def periods(self) -> list[Column]:
        return [c for c in self.columns if c.key == PERIOD]

    def cells(self, index: int, field_name: str | None) -> list[tuple[int, int]]:
        """The cells of row ``index`` (0-based) that a finding on ``field_name`` is about:
        the field's cell (a merge's top-left), the schedule's period cells, or for the row as
        a whole its KEGIATAN cell (the one cell every row has of its own)."""
        key = _field_key(field_name)
        if key == "jadwal":
            return [(self.rows[index], c.index) for c in self.periods()]
        if key and (index, key) in self.anchors:
            return [self.anchors[(index, key)]]
        column = self.column(KEGIATAN)
        return [(self.rows[index], column.index)] if column else []


def _field_key(field_name: str | None) -> str | None:
    if not field_name:
        return None
    head = field_name.split(".")[0]
    if head == "lainnya" and "." in field_name:
        return field_name.split(".", 1)[1]
    return head


def period_labels(doc: RakDocument) -> Sequence[str]:
    """The document's period labels when each reads as its period again, else the usual."""
    usual = QUARTER_LABELS if doc.periode == "triwulan" else MONTH_LABELS
    printed = doc.label_periode
    if len(printed) == len(usual) and all(
        period_label(label) == (doc.periode, i) for i, label in enumerate(printed, 1)
    ):
        return printed
    return usual


def heading(doc: RakDocument, key: str) -> str:
    """A column's heading as the document printed it when it reads as that column again
    (``RENCANA AKSI``, ``PENANGGUNG JAWAB``), else the usual one."""
    printed = doc.judul_kolom.get(key, "")
    if printed and key in HEADINGS:
        return printed if heading_role(printed) == key else HEADINGS[key]
    if printed and key == JADWAL:
        return printed if heading_role(printed) == JADWAL else SCHEDULE_HEADING
    if key == JADWAL:
        return SCHEDULE_HEADING
    if printed and heading_role(printed) is None and normalise_heading(printed).lower() == key:
        return printed
    return HEADINGS.get(key) or " ".join(key.split("_")).upper()


def plan_columns(doc: RakDocument) -> list[Column]:
    """NO (when the document had it), the RAK's columns with the periods, PELAKSANA, then the
    other columns the document had (``lainnya``), and an unlabeled one last if it had one."""
    keys = {str(k) for r in doc.rows for k, v in r.lainnya.items() if as_text(v).strip()}
    columns: list[Column] = []
    if NO in keys:
        columns.append(Column(NO, heading(doc, NO), WIDTHS[NO]))
    for key in (SASARAN, INDIKATOR, TARGET, KEGIATAN):
        columns.append(Column(key, heading(doc, key), WIDTHS[key]))
    labels = period_labels(doc)
    width = PERIOD_WIDTH[len(labels)]
    columns += [Column(PERIOD, label, width, period=i) for i, label in enumerate(labels, 1)]
    columns.append(Column(PELAKSANA, heading(doc, PELAKSANA), WIDTHS[PELAKSANA]))
    if ANGGARAN in keys:
        columns.append(Column(ANGGARAN, heading(doc, ANGGARAN), WIDTHS[ANGGARAN]))
    for key in sorted(keys - {NO, ANGGARAN, GROUP, UNLABELED}):
        # Words written under the schedule heading that name no period ("sepanjang tahun")
        # get a column of their own: the schedule's heading is the periods'.
        label = SCHEDULE_NOTE if key == JADWAL else heading(doc, key)
        columns.append(Column(key, label, OTHER_WIDTH))
    if UNLABELED in keys:
        columns.append(Column(UNLABELED, "", OTHER_WIDTH))
    for i, col in enumerate(columns, start=1):
        col.index = i
    return columns


def clean(text: str) -> str:
    """Text a workbook can hold: control characters other than a line break left out."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def put_text(ws: Worksheet, row: int, col: int, value: object) -> None:
    """``value`` as a text cell: never run as a formula, kept as text when edited."""
    text = as_text(value)
    cell = ws.cell(row, col)
    cell.value = clean(text)
    cell.data_type = "s"
    if text.startswith(("=", "+", "-", "@")):
        cell.quotePrefix = True


def sheet_title(doc: RakDocument) -> str:
    year = doc.document.tahun
    return f"RAK {year}" if year else "RAK"


def as_text(value: object) -> str:
    """A field as text, whatever a hand-edited JSON put there (a number, null)."""
    return "" if value is None else str(value)


def text_of(row: Row, key: str) -> str:
    """The row's text for a column key: a row field, or a ``lainnya`` key."""
    if key == SASARAN:
        value: object = row.sasaran_kegiatan
    elif key == INDIKATOR:
        value = row.indikator_kinerja
    elif key == TARGET:
        value = row.target.teks
    elif key == KEGIATAN:
        value = row.kegiatan
    elif key == PELAKSANA:
        value = row.pelaksana
    else:
        value = row.lainnya.get(key)
    return as_text(value)


def value_of(row: Row, col: Column) -> str:
    if col.key == PERIOD:
        return MARK if col.period in row.jadwal else ""
    return text_of(row, col.key)


# --- the sheet ---------------------------------------------------------------------------


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide: Excel does not
    grow a row for wrapped text on opening, nor does LibreOffice, so heights are set here."""
    per_line = max(width * 1.45 - 1, 1.0)  # 9 pt Arial characters per unit (11 pt '0')
    lines = 0
    for para in text.split("\n"):
        used = 0.0
        lines += 1
        for word in para.split():
            if used and used + 1 + len(word) > per_line:
                lines += 1 + int(len(word) // per_line)
                used = len(word) % per_line
            else:
                used += (1 if used else 0) + len(word)
    return lines


def print_setup(ws: Worksheet, title_rows: tuple[int, int]) -> None:
    """Landscape A4, fit to the page's width (as long as it needs), ``title_rows`` repeated
    on every page and frozen on screen, page numbers in the footer."""
    top, bottom = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{top}:{bottom}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    footer = ws.HeaderFooter.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"
    ws.freeze_panes = ws.cell(bottom + 1, 1).coordinate
