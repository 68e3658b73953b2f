"""Write a ``SampleDoc`` as an HTML table and print it to PDF with headless Chromium.

Offices also publish RAKs typed into a web form or an online spreadsheet and printed from the
browser (Ctrl+P on a web report or an HTML export). Chromium draws such a table nothing like
LibreOffice does: every border is a thin filled rectangle per cell side
(``border-collapse: separate`` gives each cell its own frame, with a gap between neighbours),
cell backgrounds are filled rectangles that tile the table under the text, a row may be split
across a page break with a ``rowspan`` cut in two, and ``<thead>`` is repeated at the top of
every page. The same table without any border (``border_px=0``; ``BORDERLESS`` is the plain
one) leaves the columns only in how the text lines up, with the browser's own spaces, cell
padding in CSS pixels and line pitches on its pixel grid. Each of those is a field of
``HtmlOptions`` so that one writer covers what the sweeps vary (rulings or none, border width
and style, padding, leading, font, column widths, page size and orientation, zoom).

As with the other writers the spec decides what a correct extraction is. The browser's
automatic table layout never makes a column narrower than its longest word, so a cell wraps
only at spaces and its lines joined by single spaces give back the spec's text; with
``fixed_layout`` a word wider than its column is not broken either, it overflows into the
next cell. A table wider than its page would be cut off by the printer; ``html_to_pdf``
refuses such a sample.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .convert import ConversionError, pin_pdf
from .docx_writer import MONTHS_B, Headings, WriterOptions, wilayah_of
from .spec import SampleDoc, SampleRow, write_expected

MM = 72 / 25.4
PAGE_MM = {"A4": (297.0, 210.0), "F4": (330.0, 215.0)}  # landscape width x height
BORDER_STYLES = ("solid", "double", "dotted", "dashed", "ridge", "groove", "inset", "outset")

VALIGN = ("top", "middle", "bottom")

# Relative column widths (the browser keeps them as hints, never below the longest word).
_WEIGHTS = {
    "lead": 0.6,
    "sasaran": 3.8,
    "indikator": 4.4,
    "target": 1.5,
    "kegiatan": 4.8,
    "period": 0.8,
    "pelaksana": 2.9,
}


@dataclass(frozen=True)
class HtmlOptions:
    """How one browser-printed sample looks; the defaults give a plain 1 px grid on A4."""

    headings: Headings = field(default_factory=Headings)
    periods: tuple[str, ...] = MONTHS_B
    mark_text: str = "✓"
    shade_marks: bool = False  # planned periods as a cell background, no glyph
    shade_colour: str = "#a6a6a6"
    collapse: bool = True  # border-collapse: collapse; False: separate, cells framed apart
    spacing_px: float = 2.0  # border-spacing of a separate table
    border_px: float = 1.0  # 0: no ruling at all, the columns only in how the text lines up
    border_style: str = "solid"
    frame_px: float | None = None  # a heavier outer frame (border on the table itself)
    padding_px: float = 3.0
    padding_x_px: float | None = None  # the cells' left and right padding; None: padding_px
    font_family: str = "Liberation Sans"
    font_pt: float = 8.0
    line_height: float | None = None  # of the font size; None: the font's own (CSS normal)
    valign: str = "top"  # vertical-align of the body's text cells ("middle": a browser's own)
    mark_valign: str = "middle"  # vertical-align of the period cells
    # vertical-align of the SASARAN cell alone; None: ``valign``. "middle" with text cells
    # at the top: a merged SASARAN centred over its rows, its lines off the rows' lines.
    sasaran_valign: str | None = None
    page: str = "A4"
    landscape: bool = True
    zoom: float = 1.0
    margin_mm: float = 12.0
    # One long table (thead repeated by the browser on every page, rows and rowspans cut by
    # page breaks) instead of one table per SamplePage.
    one_table: bool = False
    split_rows: bool = True  # break-inside: auto on rows (one_table); False: avoid
    number_row: bool = True
    header_fill: str | None = "#d9d9d9"
    stripe_fill: str | None = None  # every other body row on a background (zebra)
    cell_fill: str | None = None  # every body cell on a background: fills tile the table
    # A SASARAN carried over from the previous page: written again, or left empty.
    repeat_sasaran: bool = False
    leading_columns: tuple[str, ...] = ()  # before SASARAN, e.g. ("NO",); value from lainnya
    # table-layout: fixed keeps the columns at their share of the width even where a word
    # is wider: the word then runs over the rule into the next cell, as the browser draws it.
    fixed_layout: bool = False
    weights: tuple[tuple[str, float], ...] = ()  # (role, relative width) over the defaults
    # Period columns this many points wide (the automatic layout widens one for its label);
    # the other columns share the rest by weight.
    period_pt: float | None = None
    merge_sasaran: bool = True  # SASARAN one rowspan cell over its run; False: in its first row
    # Chromium writes a tagged PDF (a structure tree over every cell) unless told not to;
    # untagged the file is a third of the size.
    tagged: bool = True

    def __post_init__(self) -> None:
        if len(self.periods) not in (4, 12):
            raise ValueError("periods must be 12 months or 4 quarters")
        if self.page not in PAGE_MM:
            raise ValueError(f"unknown page size {self.page!r}")
        if self.border_style not in BORDER_STYLES:
            raise ValueError(f"border_style must be one of {BORDER_STYLES}")
        if self.border_style == "double" and 0 < self.border_px < 3:
            raise ValueError("a double border needs at least 3 px to show two lines")
        if not 0.25 <= self.zoom <= 2:
            raise ValueError("zoom must be within 0.25..2")
        if self.border_px < 0 or self.padding_px < 0 or (self.padding_x_px or 0) < 0:
            raise ValueError("border and padding must not be negative")
        if self.font_pt <= 0 or (self.line_height is not None and self.line_height <= 0):
            raise ValueError("font size and line height must be positive")
        if self.valign not in VALIGN or self.mark_valign not in VALIGN or (
            self.sasaran_valign not in (None, *VALIGN)
        ):
            raise ValueError(f"valign and mark_valign must be one of {VALIGN}")
        if self.period_pt is not None and self.period_pt <= 0:
            raise ValueError("period_pt must be positive")


# A table without ruling lines as a web report prints it: no border, no header fill, one
# table whose <thead> repeats on every page and whose rows stay whole, month columns of a
# fixed width in a fixed table layout, marks on a row's first line; the margin is the 12 mm
# page margin plus a web page's default 8 px body margin.
BORDERLESS = HtmlOptions(
    mark_text="√",
    border_px=0.0,
    padding_px=2.0,
    padding_x_px=4.0,
    font_pt=7.5,
    line_height=1.2,
    mark_valign="top",
    one_table=True,
    split_rows=False,
    header_fill=None,
    fixed_layout=True,
    period_pt=18.0,
    margin_mm=14.0,
)


@dataclass(frozen=True)
class _Col:
    role: str
    heading: str
    period: int = 0


def _columns(options: HtmlOptions) -> list[_Col]:
    h = options.headings
    cols = [_Col("lead", name) for name in options.leading_columns]
    cols += [
        _Col("sasaran", h.sasaran),
        _Col("indikator", h.indikator),
        _Col("target", h.target),
        _Col("kegiatan", h.kegiatan),
    ]
    cols += [_Col("period", label, i + 1) for i, label in enumerate(options.periods)]
    cols.append(_Col("pelaksana", h.pelaksana))
    return cols


def _text(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _page_mm(options: HtmlOptions) -> tuple[float, float]:
    w, h = PAGE_MM[options.page]
    return (w, h) if options.landscape else (h, w)


def _css(options: HtmlOptions) -> str:
    w, h = _page_mm(options)
    border = f"{options.border_px}px {options.border_style} #000" if options.border_px else "none"
    padding = f"{options.padding_px}px"
    if options.padding_x_px is not None:
        padding += f" {options.padding_x_px}px"
    leading = f" line-height: {options.line_height};" if options.line_height else ""
    table = (
        "border-collapse: collapse;"
        if options.collapse
        else f"border-collapse: separate; border-spacing: {options.spacing_px}px;"
    )
    frame = f"border: {options.frame_px}px solid #000;" if options.frame_px else ""
    rules = [
        f"@page {{ size: {w}mm {h}mm; margin: {options.margin_mm}mm; }}",
        "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
        f"body {{ font-family: '{options.font_family}'; font-size: {options.font_pt}pt; "
        f"zoom: {options.zoom}; margin: 0;{leading} }}",
        f"table.rak {{ {table} {frame} width: 100%; "
        f"table-layout: {'fixed' if options.fixed_layout else 'auto'}; }}",
        f"table.rak td, table.rak th {{ border: {border}; padding: {padding}; "
        f"vertical-align: {options.valign}; text-align: left; }}",
        "table.rak th { text-align: center; vertical-align: middle; font-weight: bold; }",
        "table.rak td.c { text-align: center; }",
        f"table.rak td.p {{ text-align: center; vertical-align: {options.mark_valign}; }}",
        f"table.rak tr {{ break-inside: {'auto' if options.split_rows else 'avoid'}; }}",
        ".page { break-after: page; }",
        ".title { text-align: center; font-weight: bold; font-size: 12pt; margin: 0 0 8pt; }",
        ".meta { font-size: 10pt; margin: 0; }",
        ".sign { margin: 14pt 0 0 66%; font-size: 10pt; break-inside: avoid; }",
        ".sign p { margin: 0; }",
    ]
    if options.sasaran_valign:
        rules.append(f"table.rak td.s {{ vertical-align: {options.sasaran_valign}; }}")
    if options.header_fill:
        rules.append(f"table.rak th, table.rak tr.n td {{ background: {options.header_fill}; }}")
    if options.cell_fill:
        rules.append(f"table.rak tbody td {{ background: {options.cell_fill}; }}")
    if options.stripe_fill:
        rules.append(f"table.rak tbody tr.odd td {{ background: {options.stripe_fill}; }}")
    rules.append(f"table.rak tbody tr td.m {{ background: {options.shade_colour}; }}")
    return "\n".join(rules)


def _thead(cols: list[_Col], options: HtmlOptions) -> list[str]:
    first = next(i for i, c in enumerate(cols) if c.role == "period")
    top: list[str] = []
    for i, col in enumerate(cols):
        if col.role != "period":
            top.append(f'<th rowspan="2">{_text(col.heading)}</th>')
        elif i == first:
            span = len(options.periods)
            top.append(f'<th colspan="{span}">{_text(options.headings.jadwal)}</th>')
    second = [f"<th>{_text(c.heading)}</th>" for c in cols if c.role == "period"]
    out = ["<thead>", f"<tr>{''.join(top)}</tr>", f"<tr>{''.join(second)}</tr>"]
    if options.number_row:
        numbers = "".join(f'<td class="c">{i + 1}</td>' for i in range(len(cols)))
        out.append(f'<tr class="n">{numbers}</tr>')
    out.append("</thead>")
    return out


def _cell(row: SampleRow, col: _Col, options: HtmlOptions) -> str:
    if col.role == "period":
        if col.period not in row.jadwal:
            return '<td class="p"></td>'
        if options.shade_marks:
            return '<td class="p m"></td>'
        return f'<td class="p">{html.escape(options.mark_text)}</td>'
    text = {
        "indikator": row.indikator,
        "target": row.target,
        "kegiatan": row.kegiatan,
        "pelaksana": row.pelaksana,
    }.get(col.role, row.lainnya.get(col.heading.lower(), ""))
    centred = ' class="c"' if col.role in ("lead", "target") else ""
    return f"<td{centred}>{_text(text)}</td>"


def _tbody(
    rows: list[SampleRow], cols: list[_Col], options: HtmlOptions, previous_sasaran: str
) -> list[str]:
    """Body rows; SASARAN is one ``rowspan`` cell over the rows that share it."""
    out = ["<tbody>"]
    i = 0
    while i < len(rows):
        n = 1
        while i + n < len(rows) and rows[i + n].sasaran == rows[i].sasaran:
            n += 1
        for k in range(n):
            row = rows[i + k]
            cells: list[str] = []
            for col in cols:
                if col.role != "sasaran":
                    cells.append(_cell(row, col, options))
                elif k == 0:
                    carried = i == 0 and row.sasaran == previous_sasaran
                    text = "" if carried and not options.repeat_sasaran else row.sasaran
                    merged = n > 1 and options.merge_sasaran
                    span = f' rowspan="{n}"' if merged else ""
                    own = ' class="s"' if options.sasaran_valign else ""
                    cells.append(f"<td{own}{span}>{_text(text)}</td>")
                elif not options.merge_sasaran:
                    cells.append("<td></td>")
            stripe = ' class="odd"' if (i + k) % 2 else ""
            out.append(f"<tr{stripe}>{''.join(cells)}</tr>")
        i += n
    out.append("</tbody>")
    return out


def _widths(cols: list[_Col], options: HtmlOptions) -> str:
    """``<col>`` widths: shares of the table by weight; with ``period_pt`` the period columns
    are that wide and the others share what is left of the page's printable width."""
    weights = {**_WEIGHTS, **dict(options.weights)}
    if options.period_pt is None:
        total = sum(weights[c.role] for c in cols)
        return "".join(f'<col style="width:{100 * weights[c.role] / total:.2f}%">' for c in cols)
    page_pt = (_page_mm(options)[0] - 2 * options.margin_mm) * MM / options.zoom
    periods = options.period_pt * len(options.periods)
    if periods >= page_pt:
        raise ValueError(f"{len(options.periods)} periods of {options.period_pt} pt fill the page")
    share = 100 * (1 - periods / page_pt) / sum(weights[c.role] for c in cols if c.period == 0)
    return "".join(
        f'<col style="width:{options.period_pt}pt">'
        if c.period
        else f'<col style="width:{share * weights[c.role]:.2f}%">'
        for c in cols
    )


def _table(rows: list[SampleRow], options: HtmlOptions, previous_sasaran: str) -> list[str]:
    cols = _columns(options)
    widths = _widths(cols, options)
    return [
        '<table class="rak">',
        f"<colgroup>{widths}</colgroup>",
        *_thead(cols, options),
        *_tbody(rows, cols, options, previous_sasaran),
        "</table>",
    ]


def build_html(doc: SampleDoc, options: HtmlOptions) -> str:
    """The whole document: title block, the table(s), the signature block."""
    parts = [
        "<!doctype html>",
        '<html lang="id"><head><meta charset="utf-8">',
        f"<title>{html.escape(doc.judul)}</title>",
        f"<style>\n{_css(options)}\n</style></head><body>",
        f'<p class="title">{html.escape(doc.judul)}</p>',
        f'<p class="meta">Nama/Unit Organisasi : {html.escape(doc.unit_organisasi)}</p>',
        f'<p class="meta">Tahun : {doc.tahun}</p>',
        '<p class="meta">&nbsp;</p>',
    ]
    if options.one_table:
        parts += _table(doc.rows, options, "")
    else:
        previous = ""
        for n, page in enumerate(doc.pages):
            last = n == len(doc.pages) - 1
            parts.append("<div>" if last else '<div class="page">')
            parts += _table(page.rows, options, previous)
            parts.append("</div>")
            if page.rows:
                previous = page.rows[-1].sasaran
    signer = [
        f"{doc.tempat}, {doc.tanggal}",
        "KOMISI PEMILIHAN UMUM",
        wilayah_of(doc, WriterOptions()),
        f"{doc.jabatan},",
    ]
    parts.append('<div class="sign">')
    parts += [f"<p>{html.escape(line)}</p>" for line in signer]
    parts.append("<p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>")
    underline = ' style="text-decoration: underline"' if doc.nip else ""
    parts.append(f"<p><b{underline}>{html.escape(doc.nama)}</b></p>")
    if doc.nip:
        parts.append(f"<p>NIP. {html.escape(doc.nip)}</p>")
    parts += ["</div>", "</body></html>"]
    return "\n".join(parts) + "\n"


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        raise ConversionError("chromium not found; apt-get install -y chromium")
    return found


def html_to_pdf(
    source: Path, pdf: Path, tagged: bool = True, margin: float = 0.0, timeout: float = 120
) -> Path:
    """Print ``source`` with headless Chromium (its own throw-away profile), pin its dates
    and ID, and refuse text the printer cut off ``margin`` points from the page edge."""
    with tempfile.TemporaryDirectory(prefix="rak-chromium-") as profile:
        cmd = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            *([] if tagged else ["--disable-pdf-tagging"]),
            source.resolve().as_uri(),
        ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            raise ConversionError(f"chromium failed on {source}: {e}") from e
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise ConversionError(f"chromium wrote no PDF for {source}")
    pin_pdf(pdf, seed=source.read_bytes())
    refuse_cut_off(pdf, margin)
    return pdf


def refuse_cut_off(pdf: Path, margin: float) -> None:
    """Text the printer cut at the page's printable edge (a table wider than the page, a
    word overflowing the last column) is lost to a reader too: not a fair sample."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            right = max((c["x1"] for c in page.chars), default=0.0)
            if right > float(page.width) - margin - 0.5:
                raise ConversionError(f"{pdf}: page {page.page_number} is cut off at the right")


def write_html_pdf(
    doc: SampleDoc, pdf: Path, options: HtmlOptions, keep_html: bool = False
) -> Path:
    """The printed PDF of ``doc``; the HTML beside it when ``keep_html``."""
    source = pdf.with_suffix(".html")
    if keep_html:
        source.write_text(build_html(doc, options), "utf-8")
        return html_to_pdf(source, pdf, options.tagged, options.margin_mm * MM)
    with tempfile.TemporaryDirectory(prefix="rak-html-") as tmp:
        source = Path(tmp) / f"{doc.name}.html"
        source.write_text(build_html(doc, options), "utf-8")
        return html_to_pdf(source, pdf, options.tagged, options.margin_mm * MM)


def make_html_sample(doc: SampleDoc, options: HtmlOptions, out_dir: Path) -> Path:
    """The PDF and its ``.expected.json``, both from the one spec."""
    pdf = write_html_pdf(doc, out_dir / f"{doc.name}.pdf", options)
    write_expected(doc, out_dir)
    return pdf
