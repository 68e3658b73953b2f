"""Specs of the samples drawn straight to PDF (``pdf_writer``), each with its drawing options.

These are the layouts no Word file converted by LibreOffice produces: a table without ruling
lines, a ruled table littered with hidden white boxes and lines, pages stored rotated, and
check marks drawn as paths or pictures instead of text. The borderless ones come in the
ways real writers set such a table (tight padding, loose leading, words placed without
space glyphs, portrait pages with narrow month columns), and two come from other writers:
LibreOffice printing a Word table whose borders are off, and chromium printing an HTML
table without borders (``options`` is then that writer's, see ``pdf_writer.make_drawn_sample``).
The rows are the seed's, cleaned and moved to other West Kalimantan offices and years by the
helpers of ``variants`` (so the wording is what KPU offices plan), each sample taking its own
slice so that no two carry the same rows in the same order. ``samples/README.md`` says what
each one exercises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .docx_writer import MONTHS_SHORT, QUARTERS, Headings, WriterOptions
from .html_writer import BORDERLESS, HtmlOptions
from .pdf_canvas import Look
from .pdf_writer import PdfOptions
from .spec import SampleDoc
from .variants import office_doc, to_quarters

DrawnVariant = tuple[SampleDoc, PdfOptions | WriterOptions | HtmlOptions]


def tanpa_garis() -> DrawnVariant:
    """No ruling at all: columns only from text alignment, bold headings, B1..B12, √ marks,
    cells wrapping over two to four lines and a blank gap between rows. A SASARAN run
    continuing from the previous page is left empty at the top of the page."""
    doc = office_doc(
        "rak-tanpa-garis",
        slice(26, 50),
        ("Kota Singkawang", "Singkawang"),
        sizes=(8, 9, 7),
        unit_organisasi="SEKRETARIAT KPU KOTA SINGKAWANG",
        tahun=2024,
        tempat="SINGKAWANG",
        tanggal="8 JANUARI 2024",
        nama="RUSMAN EFENDI, S.Sos",
    )
    options = PdfOptions(ruled=False, repeat_sasaran=False)
    return doc, options


def garis_putih() -> DrawnVariant:
    """A ruled table over hidden white paint: a white backdrop, a white-filled,
    white-stroked box inside every text cell, white lines across every row at mid-height,
    thin white bars down INDIKATOR and KEGIATAN, a CMYK-white line through the JADWAL
    heading. None is a border; a reader that takes them for one splits every cell."""
    doc = office_doc(
        "rak-garis-putih",
        slice(0, 22),
        ("Kabupaten Bengkayang", "Bengkayang"),
        sizes=(8, 9, 5),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN BENGKAYANG",
        tahun=2025,
        tempat="BENGKAYANG",
        tanggal="2 JANUARI 2025",
        nama="YOSEFINA LENA, S.E., M.M.",
        nip="19820619 200902 2 006",
    )
    options = PdfOptions(
        headings=Headings(jadwal="JADWAL PELAKSANAAN"),
        periods=MONTHS_SHORT,
        hidden_white=True,
        number_row=True,
        repeat_sasaran=False,
    )
    return doc, options


def diputar() -> DrawnVariant:
    """Pages stored three ways in one file, cycling: upright; a portrait page whose content
    is drawn turned a quarter so that /Rotate 90 shows it upright; a landscape page given
    /Rotate 270, shown sideways (as pypdf ``page.rotate(270)`` leaves it)."""
    doc = office_doc(
        "rak-diputar",
        slice(17, 53),
        ("Kabupaten Sintang", "Sintang"),
        sizes=(7, 8),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SINTANG",
        tahun=2024,
        tempat="SINTANG",
        tanggal="JANUARI 2024",
        nama="GREGORIUS HERI, S.H.",
        nip="19790823 200604 1 012",
    )
    options = PdfOptions(
        turns=("", "r90", "r270"),
        title_lines=("KOMISI PEMILIHAN UMUM KABUPATEN SINTANG",),
    )
    return doc, options


def tanpa_garis_tw() -> DrawnVariant:
    """Borderless with quarters: a NO column, TW I..TW IV under WAKTU PELAKSANAAN, ✓ marks,
    RENCANA AKSI and PENANGGUNG JAWAB headings, signed with a NIP."""
    doc = office_doc(
        "rak-tanpa-garis-tw",
        slice(8, 30),
        ("Kabupaten Kapuas Hulu", "Kapuas Hulu"),
        sizes=(8, 9, 5),
        remake=lambda base: [
            replace(r, jadwal=to_quarters(r.jadwal), lainnya={"no": str(i + 1)})
            for i, r in enumerate(base)
        ],
        unit_organisasi="SEKRETARIAT KPU KABUPATEN KAPUAS HULU",
        tahun=2025,
        tempat="PUTUSSIBAU",
        tanggal="3 JANUARI 2025",
        nama="ANDREAS ALING, S.T.",
        nip="19840211 201001 1 015",
        periode="triwulan",
    )
    options = PdfOptions(
        ruled=False,
        headings=Headings(
            jadwal="WAKTU PELAKSANAAN", kegiatan="RENCANA AKSI", pelaksana="PENANGGUNG JAWAB"
        ),
        periods=QUARTERS,
        mark_text="✓",
        leading_columns=("NO",),
        repeat_sasaran=True,
    )
    return doc, options


def centang_gambar() -> DrawnVariant:
    """Ruled, B1..B12, every check mark drawn without a font, the style cycling row by row:
    a tick of two stroked lines, a line and a Bezier curve, a filled tick outline, a 16 px
    picture. The page has no mark glyph at all; each planned month is ink only."""
    doc = office_doc(
        "rak-centang-gambar",
        slice(4, 28),
        ("Kabupaten Melawi", "Melawi"),
        sizes=(8, 9, 7),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN MELAWI",
        tahun=2025,
        tempat="NANGA PINOH",
        tanggal="6 JANUARI 2025",
        nama="MARKUS DANIEL, S.IP.",
        nip="19810307 200801 1 009",
    )
    options = PdfOptions(mark_styles=("lines", "curve", "polygon", "image"))
    return doc, options


def tanpa_garis_rapat() -> DrawnVariant:
    """Borderless with 1 pt cell padding and 2 pt between rows: the gap between SASARAN and
    INDIKATOR, and between the December mark and PELAKSANA, is narrower than a fixed share
    of the font size."""
    doc = office_doc(
        "rak-tanpa-garis-rapat",
        slice(0, 22),
        ("Kabupaten Sekadau", "Sekadau"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SEKADAU",
        tahun=2025,
        tempat="SEKADAU",
        tanggal="7 JANUARI 2025",
        nama="YOHANES ALOY, S.Sos",
        sizes=(8, 9, 5),
    )
    return doc, PdfOptions(ruled=False, repeat_sasaran=False, pad=1.0, row_gap=2.0)


def tanpa_garis_renggang() -> DrawnVariant:
    """Borderless set loose: leading 1.5 times the font size and no gap between rows, so the
    blank between two lines of one cell is wider than a fixed share of the font size; only
    the page's own pitches tell lines of a cell from rows."""
    doc = office_doc(
        "rak-tanpa-garis-renggang",
        slice(30, 50),
        ("Kabupaten Kayong Utara", "Kayong Utara"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN KAYONG UTARA",
        tahun=2024,
        tempat="SUKADANA",
        tanggal="9 JANUARI 2024",
        nama="HERMAN SUSANTO, S.E.",
        sizes=(6, 7, 7),
    )
    return doc, PdfOptions(ruled=False, repeat_sasaran=False, leading=10.5, row_gap=0.0, pad=2.0)


def tanpa_garis_tanpa_spasi() -> DrawnVariant:
    """Every word placed by itself with no space glyph, in Liberation Serif (a space
    advance of exactly 0.25 of the font size): title, unit, table and signature keep their
    spaces only if a gap of one advance reads as a space."""
    doc = office_doc(
        "rak-tanpa-garis-tanpa-spasi",
        slice(10, 32),
        ("Kabupaten Landak", "Landak"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN LANDAK",
        tahun=2025,
        tempat="NGABANG",
        tanggal="6 JANUARI 2025",
        nama="Drs. NURUL HIDAYAT, S.Pd., M.Si.",
        nip="19750812 200212 1 003",
        sizes=(8, 9, 5),
    )
    look = Look(family="liberation-serif", word_runs=True)
    return doc, PdfOptions(ruled=False, repeat_sasaran=False, look=look)


def tanpa_garis_potret() -> DrawnVariant:
    """Borderless on a portrait A4 page: 6 pt Liberation Sans Narrow, month columns 13 pt
    wide, so the marks of B12 stand a few points from PELAKSANA's text; the column-number
    row 1 .. 17 under the header, its numbers as close as the columns."""
    doc = office_doc(
        "rak-tanpa-garis-potret",
        slice(20, 44),
        ("Kabupaten Sambas", "Sambas"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SAMBAS",
        tahun=2024,
        tempat="SAMBAS",
        tanggal="5 JANUARI 2024",
        nama="MUHAMMAD RAMLI, S.H.",
        sizes=(12, 12),
    )
    look = Look(family="liberation-narrow", landscape=False)
    options = PdfOptions(
        ruled=False,
        repeat_sasaran=False,
        look=look,
        font_size=6.0,
        leading=7.2,
        pad=1.5,
        margin=24.0,
        period_width=13.0,
    )
    return doc, options


def tanpa_garis_word() -> DrawnVariant:
    """A Word table with its borders switched off, printed by LibreOffice: rows touch (Word
    pads cells at the sides only), marks are centred down their row, and a SASARAN merged
    over several rows runs on into the rows below its first."""
    doc = office_doc(
        "rak-tanpa-garis-word",
        slice(2, 26),
        ("Kabupaten Mempawah", "Mempawah"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN MEMPAWAH",
        tahun=2025,
        tempat="MEMPAWAH",
        tanggal="3 JANUARI 2025",
        nama="SITI AMINAH, S.IP.",
        sizes=(4,),
    )
    return doc, WriterOptions(borders=False, cover=False)


def tanpa_garis_html() -> DrawnVariant:
    """An HTML table without borders printed by headless chromium: cells centred down their
    row and the columns sized by the browser (its defaults: no word wider than its column),
    baselines on the browser's pixel grid, padding 2 px, the header repeated by the browser
    on every page, ligatures (ﬁ) in the text."""
    doc = office_doc(
        "rak-tanpa-garis-html",
        slice(26, 50),
        ("Kota Pontianak", "Pontianak"),
        unit_organisasi="SEKRETARIAT KPU KOTA PONTIANAK",
        tahun=2025,
        tempat="PONTIANAK",
        tanggal="2 JANUARI 2025",
        nama="RIZAL FAHMI, S.Kom.",
        sizes=(24,),
    )
    return doc, replace(
        BORDERLESS,
        valign="middle",
        mark_valign="middle",
        merge_sasaran=False,
        fixed_layout=False,
        font_family="DejaVu Sans",
        font_pt=7.0,
        padding_x_px=3.0,
    )


def tanpa_garis_kaki() -> DrawnVariant:
    """A borderless table whose cells sit at the foot of their rows, Excel's default
    vertical alignment: the merged SASARAN stands at the foot of the rows it serves, beside
    the last of them, and the rows above it show the column empty."""
    doc = office_doc(
        "rak-tanpa-garis-kaki",
        slice(0, 24),
        ("Kabupaten Sambas", "Sambas"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SAMBAS",
        tahun=2025,
        tempat="SAMBAS",
        tanggal="3 JANUARI 2025",
        nama="YUSRAN, S.Sos.",
        sizes=(12, 12),
    )
    return doc, replace(BORDERLESS, valign="bottom", mark_valign="bottom")


def tanpa_garis_tengah() -> DrawnVariant:
    """A borderless table of vertically centred cells with SASARAN merged over its rows, a
    browser's default: the lines of short cells stand half a line off the tall ones', and
    the merged text sits where its rows part, so no gap across the whole body shows the
    row break."""
    doc = office_doc(
        "rak-tanpa-garis-tengah",
        slice(20, 48),
        ("Kabupaten Ketapang", "Ketapang"),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN KETAPANG",
        tahun=2025,
        tempat="KETAPANG",
        tanggal="6 JANUARI 2025",
        nama="RUSDIANSYAH, S.E.",
        sizes=(10, 9, 9),
    )
    return doc, replace(
        BORDERLESS,
        valign="middle",
        mark_valign="middle",
        font_family="Liberation Serif",
        font_pt=8.0,
    )


DRAWN: dict[str, Callable[[], DrawnVariant]] = {
    "rak-tanpa-garis": tanpa_garis,
    "rak-garis-putih": garis_putih,
    "rak-diputar": diputar,
    "rak-tanpa-garis-tw": tanpa_garis_tw,
    "rak-centang-gambar": centang_gambar,
    "rak-tanpa-garis-rapat": tanpa_garis_rapat,
    "rak-tanpa-garis-renggang": tanpa_garis_renggang,
    "rak-tanpa-garis-tanpa-spasi": tanpa_garis_tanpa_spasi,
    "rak-tanpa-garis-potret": tanpa_garis_potret,
    "rak-tanpa-garis-word": tanpa_garis_word,
    "rak-tanpa-garis-html": tanpa_garis_html,
    "rak-tanpa-garis-kaki": tanpa_garis_kaki,
    "rak-tanpa-garis-tengah": tanpa_garis_tengah,
}
