"""Specs of the Word-born variant samples, each paired with the writer options that give it
its look.

The rows are the seed's, cleaned of its defects (those stay in the seed sample) and moved to
another office and year: wording, targets and schedules are what KPU offices in West
Kalimantan actually plan, so the variants differ from the seed in layout, not in kind. Each
variant exercises one thing a reader or the layout step must survive; ``samples/README.md``
says which.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from .docx_writer import MONTHS_SHORT, QUARTERS, Headings, WriterOptions
from .seed import load_seed
from .spec import SampleDoc, SamplePage, SampleRow

Variant = tuple[SampleDoc, WriterOptions]

# The four sub-units of a regency/city KPU secretariat, and of a province one.
UNITS_KAB = {
    "perencanaan": "Subbagian Perencanaan, Data dan Informasi",
    "keuangan": "Subbagian Keuangan, Umum dan Logistik",
    "teknis": "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "hukum": "Subbagian Hukum dan Sumber Daya Manusia",
}
UNITS_PROV = {
    "perencanaan": "Bagian Perencanaan, Data dan Informasi",
    "keuangan": "Bagian Keuangan, Umum dan Logistik",
    "teknis": "Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    "hukum": "Bagian Hukum dan Sumber Daya Manusia",
}


def _unit_key(pelaksana: str) -> str | None:
    low = pelaksana.lower()
    for key in UNITS_KAB:
        if key in low:
            return key
    return None


def clean_seed_rows() -> list[SampleRow]:
    """The seed's rows with its defects repaired: the shifted PELAKSANA moved back, an empty
    or "√" PELAKSANA given the unit of the row above."""
    rows: list[SampleRow] = []
    last_key = "perencanaan"
    for row in load_seed().rows:
        key = _unit_key(row.pelaksana) or last_key
        last_key = key
        rows.append(replace(row, pelaksana=key, pelaksana_shifted=False, pelaksana_column_text=""))
    return rows


def localize(text: str, region: str, region_short: str) -> str:
    """Move a seed text from Kubu Raya to another office ("Kota Pontianak", "Pontianak")."""
    text = re.sub(r"Kabupaten Kubu Raya|Kab\.? ?Kubu Raya", region, text)
    return text.replace("Kubu Raya", region_short)


def relocate(
    rows: Iterable[SampleRow], region: str, region_short: str, units: dict[str, str]
) -> list[SampleRow]:
    """Rows moved to another office; ``pelaksana`` must hold a unit key (see clean_seed_rows)."""
    return [
        replace(
            r,
            sasaran=localize(r.sasaran, region, region_short),
            indikator=localize(r.indikator, region, region_short),
            kegiatan=localize(r.kegiatan, region, region_short),
            pelaksana=units[r.pelaksana],
            jadwal=list(r.jadwal),
            lainnya=dict(r.lainnya),
        )
        for r in rows
    ]


def paginate(rows: list[SampleRow], sizes: Iterable[int] = (3, 3, 4)) -> list[SamplePage]:
    """Split rows into printed pages, cycling through ``sizes`` (the seed has 1 to 4 a page)."""
    pages: list[SamplePage] = []
    sizes = list(sizes)
    i = k = 0
    while i < len(rows):
        n = sizes[k % len(sizes)]
        pages.append(SamplePage(rows=rows[i : i + n]))
        i, k = i + n, k + 1
    return pages


def office_doc(
    name: str,
    rows: slice,
    region: tuple[str, str],
    *,
    units: dict[str, str] = UNITS_KAB,
    sizes: Iterable[int] | None = (3, 3, 4),
    remake: Callable[[list[SampleRow]], list[SampleRow]] | None = None,
    **meta: Any,
) -> SampleDoc:
    """A spec of the clean seed rows in ``rows``, moved to another office (``region``: its
    long and short names) and cut into pages of ``sizes`` (None: one long table);
    ``remake`` changes the moved rows first (quarters, a NO column, group rows); ``meta``:
    the document's other fields."""
    moved = relocate(clean_seed_rows()[rows], *region, units)
    if remake is not None:
        moved = remake(moved)
    pages = [SamplePage(rows=moved)] if sizes is None else paginate(moved, sizes)
    return SampleDoc(name=name, pages=pages, **meta)


def to_quarters(months: list[int]) -> list[int]:
    return sorted({(m - 1) // 3 + 1 for m in months})


# --------------------------------------------------------------------------- the variants


def bulan_nama_centang() -> Variant:
    """Month names under WAKTU PELAKSANAAN, ✓ marks, a city office in 2023, NIP signed."""
    doc = office_doc(
        "rak-bulan-nama-centang",
        slice(0, 24),
        ("Kota Pontianak", "Pontianak"),
        unit_organisasi="SEKRETARIAT KPU KOTA PONTIANAK",
        tahun=2023,
        tempat="PONTIANAK",
        tanggal="2 JANUARI 2023",
        jabatan="SEKRETARIS",
        nama="HENDRA SAPUTRA, S.Sos., M.Si",
        nip="19780512 200312 1 004",
    )
    options = WriterOptions(
        headings=Headings(jadwal="WAKTU PELAKSANAAN"),
        periods=MONTHS_SHORT,
        mark_text="✓",
        address=("Jl. Sutan Syahrir No. 12 Pontianak", "Telp. (0561) 734512"),
    )
    return doc, options


def triwulan() -> Variant:
    """Quarters TW I..TW IV under JADWAL, "v" marks, RENCANA AKSI / PENANGGUNG JAWAB."""
    doc = office_doc(
        "rak-triwulan",
        slice(5, 35),
        ("Provinsi Kalimantan Barat", "Kalimantan Barat"),
        units=UNITS_PROV,
        sizes=(4, 5, 4),
        remake=lambda rows: [replace(r, jadwal=to_quarters(r.jadwal)) for r in rows],
        unit_organisasi="SEKRETARIAT KPU PROVINSI KALIMANTAN BARAT",
        tahun=2025,
        tempat="PONTIANAK",
        tanggal="6 JANUARI 2025",
        nip="19730921 199903 1 002",
        nama="Drs. M. YUSUF ABDULLAH",
        periode="triwulan",
    )
    options = WriterOptions(
        headings=Headings(jadwal="JADWAL", kegiatan="RENCANA AKSI", pelaksana="PENANGGUNG JAWAB"),
        periods=QUARTERS,
        mark_text="v",
        address=("Jl. Ahmad Yani No. 1 Pontianak", "Telp. (0561) 736720"),
    )
    return doc, options


def wingdings() -> Variant:
    """Marks as Word symbol characters (w:sym, Wingdings F0FC) rather than text."""
    doc = office_doc(
        "rak-wingdings",
        slice(20, 44),
        ("Kabupaten Mempawah", "Mempawah"),
        sizes=(3, 4),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN MEMPAWAH",
        tempat="MEMPAWAH",
        tanggal="JANUARI 2024",
        nama="SITI AMINAH, S.E.",
        nip="19810304 200604 2 011",
    )
    options = WriterOptions(
        headings=Headings(indikator="INDIKATOR\nKINERJA", sasaran="SASARAN\nKEGIATAN"),
        mark_style="sym",
        address=("Jl. Raden Kusno No. 5 Mempawah", "Telp. (0561) 691023"),
    )
    return doc, options


def arsir() -> Variant:
    """Planned months shaded grey, no glyph at all; F4 paper, no column-number row."""
    doc = office_doc(
        "rak-arsir",
        slice(10, 34),
        ("Kabupaten Sambas", "Sambas"),
        sizes=(4, 3),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SAMBAS",
        tempat="SAMBAS",
        tanggal="3 JANUARI 2024",
        nama="AGUS SALIM",
    )
    options = WriterOptions(
        periods=tuple(m.capitalize() for m in MONTHS_SHORT),
        headings=Headings(jadwal="BULAN"),
        mark_style="shade",
        shade_fill="808080",
        number_row=False,
        page="F4",
        address=("Jl. Pembangunan No. 8 Sambas", "Telp. (0562) 391150"),
    )
    return doc, options


def _rupiah(amount: int) -> str:
    return "Rp " + f"{amount:,}".replace(",", ".")


def _numbered_with_budget(rows: list[SampleRow]) -> list[SampleRow]:
    budgets = [12_500_000, 4_750_000, 8_000_000, 25_300_000, 2_150_000, 17_600_000, 6_425_000]
    return [
        replace(
            r,
            lainnya={
                "no": str(i + 1),
                "anggaran": _rupiah(budgets[i % len(budgets)] + i * 125_000),
            },
        )
        for i, r in enumerate(rows)
    ]


def no_anggaran() -> Variant:
    """A leading NO column and an ANGGARAN column before PELAKSANA (kept in ``lainnya``)."""
    doc = office_doc(
        "rak-no-anggaran",
        slice(0, 21),
        ("Kabupaten Landak", "Landak"),
        sizes=(3,),
        remake=_numbered_with_budget,
        unit_organisasi="SEKRETARIAT KPU KABUPATEN LANDAK",
        tempat="NGABANG",
        tanggal="JANUARI 2024",
        nama="YOHANES KRISTIANUS, S.H.",
        nip="19800715 200701 1 009",
    )
    options = WriterOptions(
        leading_columns=("NO",),
        before_pelaksana=("ANGGARAN",),
        address=("Jl. Raya Ngabang - Pontianak KM 2 Ngabang", "Telp. (0563) 21104"),
    )
    return doc, options


def satu_tabel() -> Variant:
    """One long table: header rows repeat on each page (w:tblHeader), SASARAN merges cross
    page breaks, headings wrap and one has a typo ("INDlKATOR")."""
    doc = office_doc(
        "rak-satu-tabel",
        slice(None),
        ("Kabupaten Sanggau", "Sanggau"),
        sizes=None,
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SANGGAU",
        tempat="SANGGAU",
        tanggal="JANUARI 2024",
        nama="MARKUS LIAN",
    )
    options = WriterOptions(
        headings=Headings(
            sasaran="SASARAN\nKEGIATAN",
            indikator="INDlKATOR\nKINERJA",
            target="TARGET\n",
            jadwal="RENCANA\nPELAKSANAAN",
        ),
        one_table=True,
        address=("Jl. Jenderal Sudirman No. 30 Sanggau", "Telp. (0564) 21215"),
    )
    return doc, options


KECAMATAN_KETAPANG = (
    "Delta Pawan",
    "Benua Kayong",
    "Matan Hilir Utara",
    "Matan Hilir Selatan",
    "Muara Pawan",
    "Kendawangan",
    "Sungai Laur",
    "Nanga Tayap",
)


def panjang_40() -> Variant:
    """A 40+ page RAK for benchmarks: the seed's activities planned for eight districts."""
    doc = office_doc(
        "rak-panjang-40",
        slice(None),
        ("Kabupaten Ketapang", "Ketapang"),
        sizes=None,
        remake=lambda base: [
            replace(r, kegiatan=f"{r.kegiatan} (PPK Kecamatan {kec})", jadwal=list(r.jadwal))
            for kec in KECAMATAN_KETAPANG
            for r in base
        ],
        unit_organisasi="SEKRETARIAT KPU KABUPATEN KETAPANG",
        tempat="KETAPANG",
        tanggal="JANUARI 2024",
        nama="ABDUL RAHMAN, S.IP",
        nip="19770228 200212 1 003",
    )
    options = WriterOptions(
        one_table=True,
        address=("Jl. Letnan Jenderal S. Parman Ketapang", "Telp. (0534) 32115"),
    )
    return doc, options


VARIANTS: dict[str, Callable[[], Variant]] = {
    "rak-bulan-nama-centang": bulan_nama_centang,
    "rak-triwulan": triwulan,
    "rak-wingdings": wingdings,
    "rak-arsir": arsir,
    "rak-no-anggaran": no_anggaran,
    "rak-satu-tabel": satu_tabel,
    "rak-panjang-40": panjang_40,
}


# ------------------------------------------------ Word as other offices draw it (issue #9)

MONTHS_FULL = ("JANUARI", "FEBRUARI", "MARET", "APRIL", "MEI", "JUNI", "JULI", "AGUSTUS",
               "SEPTEMBER", "OKTOBER", "NOVEMBER", "DESEMBER")

# Group headings as offices print them over their parts of the table.
GROUPS = (
    "I. PROGRAM DUKUNGAN MANAJEMEN",
    "II. PROGRAM PENYELENGGARAAN PEMILU DALAM PROSES KONSOLIDASI DEMOKRASI",
    "III. SUB BAGIAN KEUANGAN, UMUM DAN LOGISTIK",
    "IV. SUB BAGIAN HUKUM DAN SUMBER DAYA MANUSIA",
)

# Activities written as several paragraphs, with "- " lines (Enter after each).
STEPS = (
    "\n- Menyusun jadwal dan bahan\n- Melaksanakan kegiatan\n- Melaporkan hasil kegiatan",
    "\n- Koordinasi dengan Subbagian terkait\n- Menyampaikan laporan kepada Sekretaris",
)


def grouped(rows: list[SampleRow], size: int = 7) -> list[SampleRow]:
    """Rows under group headings: a new group starts at the first new sasaran after
    ``size`` rows, so a merged SASARAN is never cut by a heading."""
    out: list[SampleRow] = []
    g, since, prev = 0, 0, None
    for r in rows:
        if out and r.sasaran != prev and since >= size:
            g, since = g + 1, 0
        out.append(replace(r, lainnya={**r.lainnya, "kelompok": GROUPS[g % len(GROUPS)]},
                           jadwal=list(r.jadwal)))
        since, prev = since + 1, r.sasaran
    return out


def with_steps(rows: list[SampleRow]) -> list[SampleRow]:
    """Every third activity gets its steps as "- " paragraphs; every fifth sasaran a second
    paragraph."""
    out = []
    for i, r in enumerate(rows):
        kegiatan = f"{r.kegiatan}:{STEPS[i % 2]}" if i % 3 == 0 else r.kegiatan
        out.append(replace(r, kegiatan=kegiatan, jadwal=list(r.jadwal), lainnya=dict(r.lainnya)))
    return out


def gaya_tabel() -> Variant:
    """A built-in table style ("Light Grid Accent 1": banded fills, borders from the style,
    none on the cells) and group headings in one cell across the table."""
    doc = office_doc(
        "rak-gaya-tabel",
        slice(0, 24),
        ("Kabupaten Sekadau", "Sekadau"),
        sizes=(4, 4),
        remake=lambda rows: grouped(rows, 5),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SEKADAU",
        tahun=2025,
        tempat="SEKADAU",
        tanggal="6 JANUARI 2025",
        nama="MARIA GORETTI, S.Sos.",
        nip="19820417 200604 2 003",
    )
    options = WriterOptions(
        table_style="Light Grid Accent 1",
        group_rows="table",
        address=("Jl. Merdeka Timur No. 4 Sekadau", "Telp. (0564) 41055"),
    )
    return doc, options


def arsir_terpotong() -> Variant:
    """One long "Table Grid" table with shaded months: rows cut by page breaks (shading on
    both halves, no glyph), merged SASARAN centred vertically across the breaks."""
    doc = office_doc(
        "rak-arsir-terpotong",
        slice(None),
        ("Kabupaten Bengkayang", "Bengkayang"),
        sizes=None,
        unit_organisasi="SEKRETARIAT KPU KABUPATEN BENGKAYANG",
        tempat="BENGKAYANG",
        tanggal="4 JANUARI 2024",
        nama="Drs. ANTONIUS RUDI, S.H., M.H.",
        nip="19790919 200603 1 002",
    )
    options = WriterOptions(
        table_style="Table Grid",
        one_table=True,
        mark_style="shade",
        shade_fill="A6A6A6",
        center_merges=True,
        address=("Jl. Sanggau Ledo No. 9 Bengkayang", "Telp. (0562) 441120"),
    )
    return doc, options


def kelompok() -> Variant:
    """Group headings in one cell merged over the text columns (schedule left empty),
    months as full names, activities of several paragraphs with "- " lines, and the unit
    named only in the title ("RENCANA AKSI KINERJA SEKRETARIAT KPU ... TAHUN 2025")."""
    doc = office_doc(
        "rak-kelompok",
        slice(0, 30),
        ("Kabupaten Sintang", "Sintang"),
        remake=lambda rows: with_steps(grouped(rows)),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SINTANG",
        tahun=2025,
        tempat="SINTANG",
        tanggal="JANUARI 2025",
        nama="YULIUS EDI, S.H.",
    )
    options = WriterOptions(
        periods=tuple(m.capitalize() for m in MONTHS_FULL),
        period_heading_size=5.5,
        page="F4",
        headings=Headings(jadwal="BULAN"),
        group_rows="text",
        paragraphs=True,
        title_style="title_unit_year",
        address=("Jl. MT Haryono No. 2 Sintang", "Telp. (0565) 22031"),
    )
    return doc, options


def tanda_tangan_dua() -> Variant:
    """A letterhead with the "Nama/Unit Organisasi :" line under it, and the signature as a
    borderless two-column table: "Mengetahui, ... KETUA" left, the dated SEKRETARIS right."""
    doc = office_doc(
        "rak-tanda-tangan-dua",
        slice(24, 44),
        ("Kabupaten Melawi", "Melawi"),
        sizes=(4, 3),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN MELAWI",
        tempat="NANGA PINOH",
        tanggal="8 JANUARI 2024",
        nama="RUSDI HIDAYAT, S.E., M.M.",
        nip="19750812 200212 1 005",
    )
    options = WriterOptions(
        letterhead=True,
        cover=False,
        signature="table",
        acknowledged_by=("KETUA", "Dra. HJ. FATIMAH, M.Si.", "19680305 199303 2 007"),
        address=("Jl. Sidomulyo No. 11 Nanga Pinoh", "Telp. (0568) 21412"),
    )
    return doc, options


VARIANTS.update({
    "rak-gaya-tabel": gaya_tabel,
    "rak-arsir-terpotong": arsir_terpotong,
    "rak-kelompok": kelompok,
    "rak-tanda-tangan-dua": tanda_tangan_dua,
})
