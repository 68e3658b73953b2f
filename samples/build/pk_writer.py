"""Write a sample Perjanjian Kinerja as Word, its PDF and a scan:
``python -m samples.build.pk_writer [NAME ...] [--no-pdf]``.

A PK as KPU secretariats print it (PermenPANRB 53/2014): on portrait paper, a statement page
(the title with the year, who signs as pihak pertama and pihak kedua, the promise, both
signatures) and the table page ("lampiran"): the title and the unit, the table NO | SASARAN |
INDIKATOR KINERJA | TARGET (with SATUAN beside TARGET in some offices), each sasaran merged
down over its indicators, and the two signature blocks again, side by side. The page set-up,
paragraphs and cell text come from the RAK's docx writer (``docx_writer``), the PDF from
LibreOffice (``convert``), the scan from ``scan``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm

from . import widths
from .convert import docx_to_pdf
from .docx_ooxml import mark_repeating_header, normalize_zip, set_table_props, vmerge
from .docx_writer import (
    FONT_WIDTH,
    WriterOptions,
    _paragraph,
    _setup_document,
    _usable_width_cm,
    _write,
)
from .pk_spec import (
    Party,
    PkSample,
    add_indicator,
    change_target,
    drop_indicator,
    from_rak,
    planted,
    restyle_target,
    reword_indicator,
    reword_sasaran,
    split_target,
    write_expected,
)
from .pk_xlsx import write_pk_xlsx
from .scan import ScanOptions, make_scan
from .seed import load_seed

SAMPLES_DIR = Path(__file__).resolve().parents[1]

PROMISE = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
    "kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi "
    "terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan "
    "dalam rangka pemberian penghargaan dan sanksi.",
)
OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
# Relative widths of NO | SASARAN | INDIKATOR | TARGET [| SATUAN], scaled to the page.
WIDTHS = (1.0, 5.6, 7.6, 2.0, 1.8)


@dataclass(frozen=True)
class PkWriterOptions:
    sasaran: str = "SASARAN KEGIATAN"
    indikator: str = "INDIKATOR KINERJA"
    target: str = "TARGET"
    satuan_column: bool = False  # "SATUAN" beside TARGET: the number and the unit apart
    number_each: str = "sasaran"  # NO counts sasaran (merged down) or "indicator"
    statement: bool = True  # the statement page before the table
    # "TITLE TAHUN 2024" over a unit line, or the unit inside the title ("unit_in_title").
    title_style: str = "title_year"
    font: str = "Arial"
    font_size: float = 10.0
    # The signers' titles over two lines, broken before the region ("Sekretaris KPU" /
    # "Provinsi Kalimantan Barat,"), as offices print a long one.
    title_two_lines: bool = False

    def __post_init__(self) -> None:
        if self.number_each not in ("sasaran", "indicator"):
            raise ValueError("number_each is 'sasaran' or 'indicator'")
        if self.title_style not in ("title_year", "unit_in_title"):
            raise ValueError("title_style is 'title_year' or 'unit_in_title'")


def _page(options: PkWriterOptions) -> WriterOptions:
    """The RAK writer's options for a portrait PK page in this font."""
    return WriterOptions(orientation="portrait", font=options.font, font_size=options.font_size,
                         margin_cm=2.0, cover=False)


def _statement(doc: DocxDocument, pk: PkSample, options: PkWriterOptions) -> None:
    size = options.font_size + 1
    _paragraph(doc, f"{pk.judul} TAHUN {pk.tahun}", size=size + 1, bold=True, center=True)
    _paragraph(doc, "", size=size)
    _paragraph(doc, OPENING, size=size)
    for party, clause in (
        (pk.pertama, "Selanjutnya disebut pihak pertama."),
        (pk.kedua, "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
    ):
        _paragraph(doc, "", size=size)
        _paragraph(doc, f"Nama\t: {party.nama}", size=size, indent_cm=1.0)
        _paragraph(doc, f"Jabatan\t: {party.jabatan}", size=size, indent_cm=1.0)
        _paragraph(doc, clause, size=size)
    for text in PROMISE:
        _paragraph(doc, "", size=size)
        _paragraph(doc, text, size=size)
    _signatures(doc, pk, options)


def _title(doc: DocxDocument, pk: PkSample, options: PkWriterOptions) -> None:
    size = options.font_size + 2
    brk = options.statement
    if options.title_style == "unit_in_title":
        text = f"{pk.judul} {pk.unit_organisasi} TAHUN {pk.tahun}"
        _paragraph(doc, text, size=size, bold=True, center=True, page_break_before=brk)
    else:
        _paragraph(doc, f"{pk.judul} TAHUN {pk.tahun}", size=size, bold=True, center=True,
                   page_break_before=brk)
        _paragraph(doc, pk.unit_organisasi, size=size, bold=True, center=True)
    _paragraph(doc, "", size=size)


def _columns(options: PkWriterOptions) -> list[str]:
    heads = ["NO", options.sasaran, options.indikator, options.target]
    return [*heads, "SATUAN"] if options.satuan_column else heads


def _widths(pk: PkSample, heads: list[str], options: PkWriterOptions) -> list[float]:
    """NO and TARGET (and SATUAN) as wide as their widest word; SASARAN and INDIKATOR share
    the rest (``widths.fit``), so no word is broken in the middle."""
    size = options.font_size * FONT_WIDTH.get(options.font, 1.2)
    texts: list[list[str]] = [[str(len(pk.rows()))], [g.sasaran for g in pk.groups],
                              [ind.indikator for _, ind in pk.rows()]]
    if options.satuan_column:
        pieces = [split_target(ind.target) for _, ind in pk.rows()]
        texts += [[p[0] for p in pieces], [p[1] for p in pieces]]
    else:
        texts.append([ind.target for _, ind in pk.rows()])
    minimum = [
        max(widths.longest_word_cm([h], size, bold=True), widths.longest_word_cm(t, size))
        for h, t in zip(heads, texts)
    ]
    stretch = [h in (options.sasaran, options.indikator) for h in heads]
    preferred = [w if s else max(w, m) for w, s, m in zip(WIDTHS, stretch, minimum)]
    return widths.fit(preferred, minimum, stretch, _usable_width_cm(_page(options)))


def _table(doc: DocxDocument, pk: PkSample, options: PkWriterOptions) -> None:
    heads = _columns(options)
    cols_cm = _widths(pk, heads, options)
    table = doc.add_table(rows=0, cols=len(heads))
    set_table_props(table, cols_cm)
    page = _page(options)
    header = table.add_row()
    for cell, text in zip(header.cells, heads):
        _write(cell, text, page, bold=True, center=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    mark_repeating_header(header._tr)
    n = 0
    for gi, group in enumerate(pk.groups, start=1):
        first = None
        for ii, ind in enumerate(group.indicators):
            n += 1
            cells = table.add_row().cells
            number = str(gi if options.number_each == "sasaran" else n)
            if options.number_each == "indicator" or ii == 0:
                _write(cells[0], number, page, center=True)
            if ii == 0:
                _write(cells[1], group.sasaran, page)
                first = cells
            _write(cells[2], ind.indikator, page)
            if options.satuan_column:
                num, unit = split_target(ind.target)
                _write(cells[3], num, page, center=True)
                _write(cells[4], unit, page, center=True)
            else:
                _write(cells[3], ind.target, page, center=True)
            if ii and first is not None:
                vmerge(cells[1], "continue")
                if options.number_each == "sasaran":
                    vmerge(cells[0], "continue")
        if first is not None and len(group.indicators) > 1:
            vmerge(first[1], "restart")
            if options.number_each == "sasaran":
                vmerge(first[0], "restart")
    for row in table.rows:
        for cell, width in zip(row.cells, cols_cm):
            cell.width = Cm(width)


def _signer_title(party: Party, options: PkWriterOptions) -> str:
    """"Sekretaris KPU Kabupaten X," on one line, or broken before the region."""
    title = f"{party.jabatan},"
    if options.title_two_lines:
        return re.sub(r"\s+(?=(?:Kabupaten|Kota|Provinsi)\b)", "\n", title, count=1)
    return title


def _signatures(doc: DocxDocument, pk: PkSample, options: PkWriterOptions) -> None:
    """Pihak Kedua on the left, the dated Pihak Pertama on the right: a borderless table."""
    _paragraph(doc, "", size=options.font_size)
    left = ["", "Pihak Kedua,", _signer_title(pk.kedua, options), "", "", "", pk.kedua.nama]
    right = [f"{pk.tempat}, {pk.tanggal}", "Pihak Pertama,", _signer_title(pk.pertama, options),
             "", "", "", pk.pertama.nama]
    for party, side in ((pk.kedua, left), (pk.pertama, right)):
        side.append(f"NIP. {party.nip}" if party.nip else "")
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    half = _usable_width_cm(_page(options)) / 2
    page = replace(_page(options), font_size=options.font_size + 1)
    for a, b in zip(left, right):
        cells = table.add_row().cells
        for cell, text in zip(cells, (a, b)):
            cell.width = Cm(half)
            if text:
                _write(cell, text, page, center=True)


def build_pk_docx(pk: PkSample, options: PkWriterOptions) -> DocxDocument:
    doc = _setup_document(_page(options))
    doc.core_properties.title = pk.judul
    if options.statement:
        _statement(doc, pk, options)
    _title(doc, pk, options)
    _table(doc, pk, options)
    _signatures(doc, pk, options)
    return doc


def write_pk_docx(pk: PkSample, path: Path, options: PkWriterOptions) -> Path:
    build_pk_docx(pk, options).save(str(path))
    normalize_zip(path)
    return path


# --------------------------------------------------------------------------- the samples

KUBU_RAYA_PIHAK = (
    Party("Sekretaris KPU Kabupaten Kubu Raya", "FITRI", "19790315 200604 2 011"),
    Party("Ketua KPU Kabupaten Kubu Raya", "HERMAN SUSANTO, S.H."),
)


@dataclass(frozen=True)
class PkBuild:
    pk: PkSample
    options: PkWriterOptions
    scan_dpi: int | None = None  # also a scan of its PDF at this dpi
    xlsx: bool = False  # also an Excel workbook of it (``pk_xlsx``)


def kubu_raya() -> PkBuild:
    """The seed RAK's PK, as the RAK plans it: checking the seed against it finds nothing."""
    pk = from_rak(load_seed(), "pk-kubu-raya-2024", *KUBU_RAYA_PIHAK, tanggal="2 JANUARI 2024")
    return PkBuild(pk, PkWriterOptions(), xlsx=True)


def kubu_raya_beda() -> PkBuild:
    """The seed's PK with differences planted, each with the finding it must cause."""
    pk = planted(kubu_raya().pk, "pk-kubu-raya-2024-beda")
    change_target(pk, 3, "95%")  # 90% in the RAK
    change_target(pk, 11, "2 Dokumen")  # 2 Laporan in the RAK: the unit differs
    reword_sasaran(pk, 15, "Tersedianya sarana dan prasarana perkantoran yang memadai untuk "
                           "mendukung kinerja Sekretariat KPU Kabupaten Kubu Raya")
    add_indicator(pk, 41, "Persentase pegawai yang mengikuti apel pagi secara tertib", "95%")
    drop_indicator(pk, 42)  # "Persentase penegakkan Disiplin Pegawai"
    # Written otherwise, the same: paired, no finding.
    reword_indicator(pk, 14, "Persentase Arsip yang dikelola sesuai Jadwal Retensi Arsip (JRA)")
    reword_indicator(pk, 36, "Persentase permohonan informasi yang ditindaklanjuti melalui "
                             "PPID sesuai dengan SOP")
    reword_indicator(pk, 4, "Persentase dokumen RPD yang tersedia tepat waktu")
    # Shortened: still closer to its own RAK row than to "layanan kesejahteraan" (row 46).
    reword_indicator(pk, 41, "Persentase pegawai yang mendapatkan layanan kepegawaian")
    restyle_target(pk, 1, "12 kali")
    restyle_target(pk, 10, "90 %")
    return PkBuild(pk, PkWriterOptions(), scan_dpi=150)


def _triwulan_pk() -> PkSample:
    from .variants import triwulan

    rak, _ = triwulan()
    return from_rak(
        rak, "pk-triwulan",
        Party("Sekretaris KPU Provinsi Kalimantan Barat", rak.nama, rak.nip),
        Party("Ketua KPU Provinsi Kalimantan Barat", "Dr. SITI RAHMAWATI, M.Si."),
        tanggal="6 JANUARI 2025",
    )


TRIWULAN_OPTIONS = PkWriterOptions(sasaran="SASARAN STRATEGIS", satuan_column=True,
                                   number_each="indicator", statement=False,
                                   title_style="unit_in_title", font="DejaVu Sans",
                                   font_size=11.0, title_two_lines=True)


def triwulan() -> PkBuild:
    """rak-triwulan's PK, another office's way: SASARAN STRATEGIS, a SATUAN column, NO per
    indicator, no statement page, the unit in the title."""
    return PkBuild(_triwulan_pk(), TRIWULAN_OPTIONS)


def triwulan_beda() -> PkBuild:
    pk = planted(_triwulan_pk(), "pk-triwulan-beda")
    change_target(pk, 5, "100%")  # 90% in the RAK
    change_target(pk, 25, "1 Dokumen")  # 1 Satker in the RAK
    reword_sasaran(pk, 16, "Terlaksananya pengelolaan logistik Pemilu yang tepat waktu")
    add_indicator(pk, 20, "Jumlah dokumen rencana kebutuhan barang yang ditetapkan tepat waktu",
                  "1 Dokumen")
    return PkBuild(pk, TRIWULAN_OPTIONS)


PK_SAMPLES: dict[str, Callable[[], PkBuild]] = {
    "pk-kubu-raya-2024": kubu_raya,
    "pk-kubu-raya-2024-beda": kubu_raya_beda,
    "pk-triwulan": triwulan,
    "pk-triwulan-beda": triwulan_beda,
}


def make_pk_sample(build: PkBuild, out_dir: Path = SAMPLES_DIR, pdf: bool = True) -> list[Path]:
    pk = build.pk
    made = [write_pk_docx(pk, out_dir / f"{pk.name}.docx", build.options)]
    if pdf:
        made.append(docx_to_pdf(made[0], out_dir))
        if build.scan_dpi:
            scan = out_dir / f"{pk.name}-scan-{build.scan_dpi}.pdf"
            made.append(make_scan(made[1], scan, ScanOptions(dpi=build.scan_dpi)))
    if build.xlsx:
        made.append(write_pk_xlsx(pk, out_dir / f"{pk.name}.xlsx"))
    made.append(write_expected(pk, out_dir, build.options.satuan_column))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="samples to build (default: all)")
    parser.add_argument("--no-pdf", action="store_true", help="skip LibreOffice and the scan")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in PK_SAMPLES]
    if unknown:
        parser.error(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(PK_SAMPLES)}")
    for name in args.names or list(PK_SAMPLES):
        for path in make_pk_sample(PK_SAMPLES[name](), args.out, pdf=not args.no_pdf):
            print(f"built {path.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
