"""Document facts from the text around the table."""

from __future__ import annotations

import pytest

from extractor.grid import Grid, Table, TextLine
from extractor.meta import read_meta


def grid(before: list[str], after: list[str], signature_table: list[list[str]] | None = None):
    from extractor.grid import Cell

    tables = [Table(rows=[[Cell("RAK", 0, 1)]])]
    if signature_table:
        tables.append(Table(rows=[[Cell(t, i, i + 1) for i, t in enumerate(r)]
                                  for r in signature_table]))
    lines = [TextLine(t, after_tables=0) for t in before]
    lines += [TextLine(t, after_tables=1) for t in after]
    return Grid("docx", tables=tables, lines=lines)


def test_labelled_lines_title_and_signature_with_nip():
    g = grid(
        ["KOMISI PEMILIHAN UMUM", "RENCANA AKSI KINERJA TAHUN 2023",
         "Unit Organisasi : SEKRETARIAT KPU KOTA PONTIANAK", "Tahun : 2023"],
        ["Pontianak, 2 Januari 2023", "KOMISI PEMILIHAN UMUM", "KOTA PONTIANAK",
         "SEKRETARIS,", "HENDRA SAPUTRA, S.Sos., M.Si", "NIP. 19780512 200312 1 004"],
    )
    m = read_meta(g, {0})
    assert m.judul == "RENCANA AKSI KINERJA"
    assert m.unit_organisasi == "SEKRETARIAT KPU KOTA PONTIANAK"
    assert m.tahun == 2023
    assert (m.tempat, m.tanggal) == ("Pontianak", "2 Januari 2023")
    assert m.penandatangan.jabatan == "SEKRETARIS"
    assert m.penandatangan.nama == "HENDRA SAPUTRA, S.Sos., M.Si"
    assert m.penandatangan.nip == "197805122003121004"


@pytest.mark.parametrize(
    ("read", "scanned", "name"),
    [
        ("Drs. Petrus Suhardi. S.H. M.H.", True, "Drs. Petrus Suhardi, S.H., M.H."),
        ("HENDRIKUS ASIANG S.E.", True, "HENDRIKUS ASIANG, S.E."),
        ("Budi Santoso M.Si M.M.", True, "Budi Santoso, M.Si, M.M."),
        ("HENDRA SAPUTRA, S.Sos., M.Si", True, "HENDRA SAPUTRA, S.Sos., M.Si"),
        ("Dr. H. Ahmad", True, "Dr. H. Ahmad"),  # degrees before the name take no comma
        ("A. RAHMAN", True, "A. RAHMAN"),  # an initial is not a degree
        ("Drs. Petrus Suhardi. S.H. M.H.", False, "Drs. Petrus Suhardi. S.H. M.H."),
    ],
)
def test_a_scan_s_lost_commas_before_degrees_are_put_back(read, scanned, name):
    # A scan reads the comma before "S.H." as a stop, or loses it; a born-digital name is
    # kept as printed.
    g = grid([], ["Sanggau, 20 Januari 2024", "SEKRETARIS,", read, "NIP. 197909192006031002"])
    g.ocr = scanned
    assert read_meta(g, {0}).penandatangan.nama == name


def test_signature_laid_out_in_a_table_after_the_rak():
    g = grid(["RENCANA AKSI KINERJA", "Tahun : 2024"], [],
             signature_table=[["", "SANGGAU, JANUARI 2024"], ["", "SEKRETARIS,"],
                              ["", "MARKUS LIAN"]])
    m = read_meta(g, {0})
    assert (m.tempat, m.tanggal, m.penandatangan.nama) == ("SANGGAU", "JANUARI 2024",
                                                          "MARKUS LIAN")


def test_year_from_the_signing_date_when_no_year_line():
    m = read_meta(grid(["RENCANA AKSI KINERJA"], ["SUNGAI RAYA, JANUARI 2024", "SEKRETARIS,",
                                                  "FITRI"]), {0})
    assert m.tahun == 2024 and m.penandatangan.nip is None


def test_nothing_around_the_table_gives_nulls():
    m = read_meta(grid([], []), {0})
    assert (m.judul, m.unit_organisasi, m.tahun, m.tempat, m.penandatangan.nama) == (
        None, None, None, None, None)


def test_an_unlabelled_unit_line_under_the_title():
    g = grid(["KOMISI PEMILIHAN UMUM KABUPATEN SAMBAS", "RENCANA AKSI KINERJA TAHUN 2022",
              "SEKRETARIAT KPU KABUPATEN SAMBAS", "Sekretariat : Jl. Pembangunan No. 1"], [])
    m = read_meta(g, {0})
    assert (m.unit_organisasi, m.tahun) == ("SEKRETARIAT KPU KABUPATEN SAMBAS", 2022)


def test_a_label_and_its_value_given_as_two_pieces_of_one_line():
    # A PDF writer puts the value at a tab stop: the reader sees two pieces.
    g = grid(["KOMISI PEMILIHAN UMUM", "KABUPATEN SANGGAU", "RENCANA AKSI KINERJA",
              "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN SANGGAU", "TAHUN 2023",
              "Nama/Unit Organisasi", ": SEKRETARIAT KPU KABUPATEN SANGGAU", "Tahun", ": 2024"],
             [])
    m = read_meta(g, {0})
    assert (m.unit_organisasi, m.tahun) == ("SEKRETARIAT KPU KABUPATEN SANGGAU", 2024)


def test_a_label_whose_colon_was_lost_still_takes_the_line_after_it():
    # A scan's reader drops a lone colon set apart from the label and the value.
    g = grid(["KOMISI PEMILIHAN UMUM", "RENCANA AKSI KINERJA",
              "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN BENGKAYANG", "TAHUN 2023",
              "Nama/Unit Organisasi", "SEKRETARIAT KPU KABUPATEN BENGKAYANG", "Tahun", "2024"],
             [])
    m = read_meta(g, {0})
    assert (m.unit_organisasi, m.tahun) == ("SEKRETARIAT KPU KABUPATEN BENGKAYANG", 2024)


def test_a_line_that_is_not_a_known_label_takes_no_value():
    g = grid(["RENCANA AKSI KINERJA", "Sekretariat", "SEKRETARIAT KPU KABUPATEN SANGGAU"], [])
    assert read_meta(g, {0}).unit_organisasi == "SEKRETARIAT KPU KABUPATEN SANGGAU"


def test_the_labelled_unit_wins_over_the_letterhead_and_the_title():
    g = grid(["KOMISI PEMILIHAN UMUM KABUPATEN KETAPANG", "RENCANA AKSI KINERJA",
              "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KETAPANG",
              "Unit Kerja : Sekretariat KPU Kabupaten Ketapang"], [])
    assert read_meta(g, {0}).unit_organisasi == "Sekretariat KPU Kabupaten Ketapang"


def test_the_unit_and_year_in_the_title_line():
    g = grid(["KOMISI PEMILIHAN UMUM KABUPATEN MELAWI",
              "RENCANA AKSI KINERJA SEKRETARIAT KPU KABUPATEN MELAWI TAHUN 2025"], [])
    m = read_meta(g, {0})
    assert (m.judul, m.unit_organisasi, m.tahun) == (
        "RENCANA AKSI KINERJA", "SEKRETARIAT KPU KABUPATEN MELAWI", 2025)


def test_without_a_label_the_unit_under_the_title_beats_the_letterhead():
    g = grid(["KOMISI PEMILIHAN UMUM KABUPATEN SINTANG", "RENCANA AKSI KINERJA",
              "KPU KABUPATEN SINTANG", "TAHUN ANGGARAN 2024"], [])
    m = read_meta(g, {0})
    assert (m.unit_organisasi, m.tahun) == ("KPU KABUPATEN SINTANG", 2024)


def test_ditetapkan_di_pada_tanggal_and_a_nip_with_a_colon():
    g = grid(["RENCANA AKSI KINERJA", "Tahun : 2024"],
             ["Ditetapkan di : Sanggau", "pada tanggal : 20 Januari 2024", "SEKRETARIS,",
              "Drs. Petrus Suhardi, S.H., M.H.", "NIP : 19790919 200603 1 002"])
    m = read_meta(g, {0})
    assert (m.tempat, m.tanggal) == ("Sanggau", "20 Januari 2024")
    assert (m.penandatangan.jabatan, m.penandatangan.nama, m.penandatangan.nip) == (
        "SEKRETARIS", "Drs. Petrus Suhardi, S.H., M.H.", "197909192006031002")


def test_a_nip_glued_to_its_digits_and_a_name_in_brackets():
    g = grid(["RENCANA AKSI KINERJA"], ["Sambas, 3 Januari 2024", "Sekretaris KPU Kabupaten Sambas",
                                        "(AGUS SALIM, S.E.)", "NIP.198001012005011001"])
    m = read_meta(g, {0})
    assert (m.penandatangan.jabatan, m.penandatangan.nama, m.penandatangan.nip) == (
        "Sekretaris KPU Kabupaten Sambas", "AGUS SALIM, S.E.", "198001012005011001")


def test_a_two_column_signature_table_the_signer_is_under_the_date():
    rows = [["Mengetahui,", "", "Sanggau, 20 Januari 2024"],
            ["Ketua KPU Kabupaten Sanggau,", "", "Sekretaris,"],
            ["", "", ""],
            ["YOHANES BOSCO, S.Sos.", "", "Drs. Petrus Suhardi, S.H., M.H."],
            ["NIP. 19700101 199503 1 001", "", "NIP. 19790919 200603 1 002"]]
    m = read_meta(grid(["RENCANA AKSI KINERJA"], [], signature_table=rows), {0})
    assert (m.tempat, m.tanggal) == ("Sanggau", "20 Januari 2024")
    assert (m.penandatangan.jabatan, m.penandatangan.nama, m.penandatangan.nip) == (
        "Sekretaris", "Drs. Petrus Suhardi, S.H., M.H.", "197909192006031002")


def test_two_blocks_side_by_side_on_a_pdf_page_are_read_apart():
    # Each visual line comes out left part first; the right block is the dated one.
    pieces = [("Mengetahui,", 60, 110), ("Sanggau, 20 Januari 2024", 520, 640),
              ("Ketua KPU Kabupaten Sanggau,", 60, 180), ("Sekretaris,", 550, 600),
              ("YOHANES BOSCO, S.Sos.", 60, 160), ("Drs. Petrus Suhardi, S.H., M.H.", 515, 650),
              ("NIP. 19700101 199503 1 001", 60, 170), ("NIP. 19790919 200603 1 002", 525, 640)]
    g = grid(["RENCANA AKSI KINERJA"], [])
    g.lines += [TextLine(t, page=3, after_tables=1, x0=a, x1=b) for t, a, b in pieces]
    m = read_meta(g, {0})
    assert (m.tempat, m.penandatangan.jabatan, m.penandatangan.nama) == (
        "Sanggau", "Sekretaris", "Drs. Petrus Suhardi, S.H., M.H.")
    assert m.penandatangan.nip == "197909192006031002"


def test_a_centred_block_whose_lines_overlap_is_one_block():
    pieces = [("Ketapang, 3 Januari 2024", 500, 620), ("KOMISI PEMILIHAN UMUM", 505, 615),
              ("KABUPATEN KETAPANG", 515, 605), ("Plh. SEKRETARIS,", 525, 595),
              ("Dewi Rahman, S.E.", 520, 600)]
    g = grid(["RENCANA AKSI KINERJA"], [])
    g.lines += [TextLine(t, page=3, after_tables=1, x0=a, x1=b) for t, a, b in pieces]
    m = read_meta(g, {0})
    assert (m.tempat, m.penandatangan.jabatan, m.penandatangan.nama) == (
        "Ketapang", "Plh. SEKRETARIS", "Dewi Rahman, S.E.")


def test_the_acknowledging_block_after_the_dated_one_is_not_the_signer():
    g = grid(["RENCANA AKSI KINERJA"],
             ["Mempawah, Januari 2024", "SEKRETARIS,", "SITI AMINAH, S.E.", "Mengetahui,",
              "KETUA,", "H. RAHMAN"])
    m = read_meta(g, {0})
    assert (m.penandatangan.nama, m.penandatangan.nip) == ("SITI AMINAH, S.E.", None)
