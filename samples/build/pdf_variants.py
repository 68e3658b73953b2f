"""Specs of the samples drawn straight to PDF (``pdf_writer``), each with its drawing options.

These are the layouts no Word file converted by LibreOffice produces: a table without ruling
lines, a ruled table littered with hidden white boxes and lines, pages stored rotated, and
check marks drawn as paths or pictures instead of text.
The rows are the seed's, cleaned and moved to other West Kalimantan offices and years by the
helpers of ``variants`` (so the wording is what KPU offices plan), each sample taking its own
slice so that no two carry the same rows in the same order. ``samples/README.md`` says what
each one exercises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .docx_writer import MONTHS_SHORT, QUARTERS, Headings
from .pdf_writer import PdfOptions
from .spec import SampleDoc
from .variants import UNITS_KAB, clean_seed_rows, paginate, relocate, to_quarters

DrawnVariant = tuple[SampleDoc, PdfOptions]


def tanpa_garis() -> DrawnVariant:
    """No ruling at all: columns only from text alignment, bold headings, B1..B12, √ marks,
    cells wrapping over two to four lines and a blank gap between rows. A SASARAN run
    continuing from the previous page is left empty at the top of the page."""
    rows = relocate(clean_seed_rows()[26:50], "Kota Singkawang", "Singkawang", UNITS_KAB)
    doc = SampleDoc(
        name="rak-tanpa-garis",
        pages=paginate(rows, (8, 9, 7)),
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
    rows = relocate(clean_seed_rows()[:22], "Kabupaten Bengkayang", "Bengkayang", UNITS_KAB)
    doc = SampleDoc(
        name="rak-garis-putih",
        pages=paginate(rows, (8, 9, 5)),
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
    rows = relocate(clean_seed_rows()[17:53], "Kabupaten Sintang", "Sintang", UNITS_KAB)
    doc = SampleDoc(
        name="rak-diputar",
        pages=paginate(rows, (7, 8)),
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
    base = relocate(clean_seed_rows()[8:30], "Kabupaten Kapuas Hulu", "Kapuas Hulu", UNITS_KAB)
    rows = [
        replace(r, jadwal=to_quarters(r.jadwal), lainnya={"no": str(i + 1)})
        for i, r in enumerate(base)
    ]
    doc = SampleDoc(
        name="rak-tanpa-garis-tw",
        pages=paginate(rows, (8, 9, 5)),
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
    rows = relocate(clean_seed_rows()[4:28], "Kabupaten Melawi", "Melawi", UNITS_KAB)
    doc = SampleDoc(
        name="rak-centang-gambar",
        pages=paginate(rows, (8, 9, 7)),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN MELAWI",
        tahun=2025,
        tempat="NANGA PINOH",
        tanggal="6 JANUARI 2025",
        nama="MARKUS DANIEL, S.IP.",
        nip="19810307 200801 1 009",
    )
    options = PdfOptions(mark_styles=("lines", "curve", "polygon", "image"))
    return doc, options


DRAWN: dict[str, Callable[[], DrawnVariant]] = {
    "rak-tanpa-garis": tanpa_garis,
    "rak-garis-putih": garis_putih,
    "rak-diputar": diputar,
    "rak-tanpa-garis-tw": tanpa_garis_tw,
    "rak-centang-gambar": centang_gambar,
}
