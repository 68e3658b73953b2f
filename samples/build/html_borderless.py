"""Write a ``SampleDoc`` as an HTML table without borders and print it to PDF with chromium.

A browser is the third kind of PDF writer the readers meet (after LibreOffice and the
reportlab drawings): offices print web reports and HTML exports with Ctrl+P. A browser lays
text out itself, sets cell padding in CSS pixels, centres cells vertically unless told
otherwise, repeats the table's ``<thead>`` on every printed page and keeps a row whole with
``break-inside: avoid``. Skia, chromium's PDF back end, writes each run of text with its own
positioning, so spaces and line pitches are the browser's, not ours.

The expected rows come from the spec as for every sample; the writer only puts the spec's
text in the cells (SASARAN in the first row of its run, merged down with ``rowspan``).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .convert import pin_pdf
from .docx_writer import MONTHS_B, Headings, WriterOptions, wilayah_of
from .spec import SampleDoc, SampleRow

WEIGHTS = {"lead": 3, "sasaran": 17, "indikator": 19, "target": 7, "kegiatan": 21, "pelaksana": 13}
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


@dataclass(frozen=True)
class HtmlOptions:
    headings: Headings = field(default_factory=Headings)
    periods: tuple[str, ...] = MONTHS_B
    mark_text: str = "√"
    leading_columns: tuple[str, ...] = ()  # before SASARAN, e.g. ("NO",)
    number_row: bool = True
    font: str = "Liberation Sans"
    font_pt: float = 7.5
    line_height: float = 1.2  # of the font size
    padding: str = "2px 4px"  # CSS padding of every cell
    valign: str = "top"  # CSS vertical-align of the body cells ("middle": a browser's default)
    page: str = "A4 landscape"  # CSS @page size
    period_pt: float = 18.0  # width of a month (or quarter) column, points
    merge_sasaran: bool = True  # SASARAN as one cell with rowspan over its run

    def __post_init__(self) -> None:
        if len(self.periods) not in (4, 12):
            raise ValueError("periods must be 12 months or 4 quarters")
        if self.valign not in ("top", "middle", "bottom"):
            raise ValueError("valign must be top, middle or bottom")


def _cell(row: SampleRow, role: str, heading: str) -> str:
    if role == "lead":
        return row.lainnya.get(heading.lower(), "")
    return {
        "indikator": row.indikator,
        "target": row.target,
        "kegiatan": row.kegiatan,
        "pelaksana": row.pelaksana,
    }[role]


def _runs(rows: list[SampleRow]) -> list[int]:
    """For each row, how many rows its SASARAN spans from it (0 inside a run)."""
    spans = [0] * len(rows)
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1].sasaran == rows[i].sasaran:
            j += 1
        spans[i] = j - i + 1
        i = j + 1
    return spans


def build_html(doc: SampleDoc, o: HtmlOptions) -> str:
    h = o.headings
    lead = [("lead", name) for name in o.leading_columns]
    before = [
        *lead,
        ("sasaran", h.sasaran),
        ("indikator", h.indikator),
        ("target", h.target),
        ("kegiatan", h.kegiatan),
    ]
    after = [("pelaksana", h.pelaksana)]
    e = html.escape
    cols = (
        "".join(f'<col style="width:{WEIGHTS[r]}%">' for r, _ in before)
        + "".join(f'<col style="width:{o.period_pt}pt">' for _ in o.periods)
        + "".join(f'<col style="width:{WEIGHTS[r]}%">' for r, _ in after)
    )
    head1 = "".join(f'<th rowspan="2">{e(t)}</th>' for _, t in before)
    head1 += f'<th colspan="{len(o.periods)}">{e(h.jadwal)}</th>'
    head1 += "".join(f'<th rowspan="2">{e(t)}</th>' for _, t in after)
    head2 = "".join(f"<th>{e(p)}</th>" for p in o.periods)
    n_cols = len(before) + len(o.periods) + len(after)
    head3 = (
        "<tr>" + "".join(f'<td class="n">{i}</td>' for i in range(1, n_cols + 1)) + "</tr>"
        if o.number_row
        else ""
    )
    body: list[str] = []
    rows = doc.rows
    spans = _runs(rows)
    for row, span in zip(rows, spans):
        cells: list[str] = []
        for role, heading in before:
            if role == "sasaran":
                if not o.merge_sasaran:
                    cells.append(f"<td>{e(row.sasaran) if span else ''}</td>")
                elif span:
                    cells.append(f'<td rowspan="{span}">{e(row.sasaran)}</td>')
                continue
            cls = ' class="c"' if role in ("lead", "target") else ""
            cells.append(f"<td{cls}>{e(_cell(row, role, heading))}</td>")
        for n in range(1, len(o.periods) + 1):
            mark = e(o.mark_text) if n in row.jadwal else ""
            cells.append(f'<td class="m">{mark}</td>')
        for role, heading in after:
            cells.append(f"<td>{e(_cell(row, role, heading))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    sign = [
        f"{doc.tempat}, {doc.tanggal}",
        "KOMISI PEMILIHAN UMUM",
        wilayah_of(doc, WriterOptions()),
        f"{doc.jabatan},",
    ]
    signature = "".join(f"<p>{e(s)}</p>" for s in sign)
    signature += (
        f'<p class="gap"></p><p><b><u>{e(doc.nama)}</u></b></p>'
        if doc.nip
        else (f'<p class="gap"></p><p><b>{e(doc.nama)}</b></p>')
    )
    if doc.nip:
        signature += f"<p>NIP. {e(doc.nip)}</p>"
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{e(doc.judul)}</title>
<style>
@page {{ size: {o.page}; margin: 12mm; }}
body {{ font-family: "{o.font}"; font-size: {o.font_pt}pt; line-height: {o.line_height}; }}
h1 {{ font-size: 12pt; text-align: center; margin: 0 0 10pt; }}
p {{ margin: 0; font-size: 9pt; }}
table {{ border-collapse: collapse; table-layout: fixed; width: 100%; margin-top: 8pt; }}
th, td {{ border: none; padding: {o.padding}; text-align: left; vertical-align: {o.valign}; }}
th {{ text-align: center; vertical-align: middle; }}
td.c, td.m, td.n {{ text-align: center; }}
tr {{ break-inside: avoid; }}
.sign {{ margin: 14pt 0 0 68%; break-inside: avoid; }}
.sign p.gap {{ height: 30pt; }}
</style></head><body>
<h1>{e(doc.judul)}</h1>
<p>Nama/Unit Organisasi : {e(doc.unit_organisasi)}</p>
<p>Tahun : {doc.tahun}</p>
<table><colgroup>{cols}</colgroup>
<thead><tr>{head1}</tr><tr>{head2}</tr>{head3}</thead>
<tbody>{"".join(body)}</tbody></table>
<div class="sign">{signature}</div>
</body></html>
"""


class PrintError(RuntimeError):
    """chromium is missing or printed nothing."""


def print_pdf(page: Path, pdf: Path, timeout: float = 120) -> Path:
    """Print an HTML file to PDF with headless chromium (its own throw-away profile)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise PrintError("chromium not found; apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="rak-chromium-") as profile:
        cmd = [
            browser,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            raise PrintError(f"chromium failed on {page}: {e}") from e
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise PrintError(f"chromium wrote no PDF for {page}")
    pin_pdf(pdf, seed=page.read_bytes())
    return pdf


def write_html_pdf(doc: SampleDoc, out_dir: Path, options: HtmlOptions | None = None) -> Path:
    """``doc`` as ``NAME.html`` and its chromium print ``NAME.pdf`` in ``out_dir``."""
    page = out_dir / f"{doc.name}.html"
    page.write_text(build_html(doc, options or HtmlOptions()), "utf-8")
    return print_pdf(page, out_dir / f"{doc.name}.pdf")
