"""Document facts from the text around the table."""

from __future__ import annotations

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
