"""Layout on hand-made grids: the RAK logic alone, whatever format the cells came from."""

from __future__ import annotations

import pytest

from extractor.grid import Cell, Grid, Table
from extractor.layout import build_rows

CONT = object()  # a vertically merged continuation cell


def table(rows: list[list], page: int | None = None, widths: list[float] | None = None) -> Table:
    """Rows of strings (None: no cell; CONT: merge continuation; (text, span): spanned)."""
    out = []
    for r, row in enumerate(rows):
        cells, x, col = [], 0.0, 0
        for item in row:
            span = 1
            if isinstance(item, tuple):
                item, span = item
            w = sum((widths or [1.0] * 40)[col : col + span])
            col += span
            if item is not None:
                if item is CONT:
                    cells.append(Cell("", x, x + w, r, r + 1, page, continued=True))
                else:
                    cells.append(Cell(item, x, x + w, r, r + 1, page))
            x += w
        out.append(cells)
    return Table(rows=out, page=page)


HEAD = ["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN",
        ("RENCANA PELAKSANAAN", 12), "PELAKSANA"]
SUB = [CONT, CONT, CONT, CONT, *[f"B{i}" for i in range(1, 13)], CONT]
NUMS = [str(i) for i in range(1, 18)]


def marks(*months: int) -> list[str]:
    return ["√" if m in months else "" for m in range(1, 13)]


def test_month_codes_marks_and_carry_down_of_merged_sasaran():
    t = table([HEAD, SUB, NUMS,
               ["Sasaran A", "Ind 1", "12 Kali", "Keg 1", *marks(2, 4), "Subbag Umum"],
               [CONT, "Ind 2", "75%", "Keg 2", *marks(1), "Subbag Umum"]])
    lay = build_rows(Grid("pdf", tables=[t]))
    assert [r.sasaran_kegiatan for r in lay.rows] == ["Sasaran A", "Sasaran A"]
    assert [r.jadwal for r in lay.rows] == [[2, 4], [1]]
    assert lay.periode == "bulan"


def test_month_names_in_the_heading_row_without_a_group():
    head = ["Sasaran", "Indikator", "Target", "Rencana Aksi",
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des",
            "Penanggung Jawab"]
    t = table([head, ["S", "I", "1 Laporan", "K", *["✓" if i == 12 else "" for i in range(1, 13)],
                      "Subbag Hukum dan SDM"]])
    row = build_rows(Grid("docx", tables=[t])).rows[0]
    assert row.jadwal == [12] and row.kegiatan == "K" and row.pelaksana == "Subbag Hukum dan SDM"


def test_quarters_and_no_and_anggaran_columns():
    head = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "RENCANA AKSI",
            ("JADWAL", 4), "ANGGARAN", "PIC"]
    sub = [CONT, CONT, CONT, CONT, CONT, "TW I", "TW II", "TW III", "TW IV", CONT, CONT]
    data = ["1", "S", "I", "100%", "K", "v", "", "v", "", "Rp 5.000.000", "Rendatin"]
    t = table([head, sub, data])
    lay = build_rows(Grid("docx", tables=[t]))
    assert lay.periode == "triwulan"
    row = lay.rows[0]
    assert row.jadwal == [1, 3]
    assert row.lainnya == {"no": "1", "anggaran": "Rp 5.000.000"}
    assert row.pelaksana == "Rendatin"


def test_bare_numbers_under_a_month_group_are_months_not_the_number_row():
    head = ["SASARAN", "INDIKATOR", "TARGET", "KEGIATAN", ("BULAN", 12), "PELAKSANA"]
    sub = [CONT] * 4 + [str(i) for i in range(1, 13)] + [CONT]
    t = table([head, sub, NUMS, ["S", "I", "2 Dokumen", "K", *marks(6, 12), "KUL"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert len(rows) == 1 and rows[0].jadwal == [6, 12]


def test_shaded_cells_and_symbol_marks_count_as_planned():
    t = table([HEAD, SUB, ["S", "I", "1 Kali", "K", *[""] * 12, "P"]])
    data = t.rows[2]
    data[4].shaded = True  # B1
    data[6].mark = True  # B3 (a Wingdings glyph the reader recognised)
    data[7].text = "\uf0fc"  # B4: a private-use Wingdings code point
    assert build_rows(Grid("pdf", tables=[t])).rows[0].jadwal == [1, 3, 4]


def test_text_in_an_unlabeled_extra_column_moves_to_pelaksana_and_is_recorded():
    head = [*HEAD, ""]
    sub = [*SUB, ""]
    t = table([head, sub,
               ["S", "I", "100%", "K", *marks(1), "Subbag KUL", ""],
               [CONT, "I2", "100%", "K2", *marks(9), "", "Subbag KUL"],
               [CONT, "I3", "100%", "K3", *marks(1, 12), "√", "Subbag KUL"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.pelaksana for r in rows] == ["Subbag KUL"] * 3
    assert [r.kolom_bergeser for r in rows] == [[], ["pelaksana"], ["pelaksana"]]
    assert rows[2].jadwal == [1, 12]


def test_cells_are_placed_by_position_not_by_index():
    # A stray narrow cell (a split border) in the data row must not shift the columns after it.
    widths = [4, 4, 2, 4] + [1] * 12 + [4]
    t = table([HEAD, SUB], widths=widths)
    row = [Cell("S", 0, 4), Cell("I", 4, 8), Cell("90%", 8, 9.9), Cell("", 9.9, 10),
           Cell("K", 10, 14)]
    row += [Cell("√" if i in (0, 11) else "", 14 + i, 15 + i) for i in range(12)]
    row += [Cell("Subbag", 26, 30)]
    t.rows.append(row)
    out = build_rows(Grid("pdf", tables=[t])).rows[0]
    assert (out.target.teks, out.kegiatan, out.jadwal, out.pelaksana) == (
        "90%", "K", [1, 12], "Subbag")


def test_headers_repeat_on_every_page_and_sasaran_carries_across_pages():
    p1 = table([HEAD, SUB, NUMS, ["Sasaran A", "I1", "1 Kali", "K1", *marks(1), "P"]], page=2)
    p2 = table([HEAD, SUB, NUMS, ["", "I2", "2 Kali", "K2", *marks(2), "P"]], page=3)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [(r.sasaran_kegiatan, r.lokasi.halaman, r.lokasi.baris) for r in rows] == [
        ("Sasaran A", 2, 1), ("Sasaran A", 3, 2)]


def test_a_row_cut_by_a_page_break_is_joined_and_a_headerless_page_continues():
    p1 = table([HEAD, SUB, ["S", "Indikator yang", "1 Kali", "Kegiatan yang", *marks(3), "P"]],
               page=1)
    p2 = table([[CONT, "panjang sekali", "", "berlanjut", *marks(), ""],
                [CONT, "I2", "5%", "K2", *marks(4), "P"]], page=2)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [r.indikator_kinerja for r in rows] == ["Indikator yang panjang sekali", "I2"]
    assert rows[0].kegiatan == "Kegiatan yang berlanjut" and rows[0].jadwal == [3]
    assert rows[1].lokasi.halaman == 2


def test_wrapped_text_joined_with_spaces_and_hyphen_breaks_rejoined():
    t = table([HEAD, SUB,
               ["Sasaran\nyang panjang", "sesuai peraturan perundang-\nundangan", "87,5\n%",
                "Membuat\n  laporan", *marks(5), "Subbag.\nKeuangan"]])
    row = build_rows(Grid("docx", tables=[t])).rows[0]
    assert row.sasaran_kegiatan == "Sasaran yang panjang"
    assert row.indikator_kinerja == "sesuai peraturan perundang-undangan"
    assert (row.target.teks, row.target.nilai, row.target.satuan) == ("87,5 %", 87.5, "%")
    assert row.pelaksana == "Subbag. Keuangan"


def test_a_table_without_rak_headings_gives_no_rows():
    t = table([["Sasaran", "Indikator", "Target"], ["S", "I", "100%"]])
    assert build_rows(Grid("docx", tables=[t])).rows == []


def test_a_merged_sasaran_cut_by_a_page_break_is_rejoined_for_every_row_it_covers():
    p1 = table([HEAD, SUB, ["Terlaksananya fasilitasi pengelolaan data,", "I1", "1 Kali", "K1",
                            *marks(1), "P"]], page=4)
    p2 = table([["pemeliharaan logistik", "I2", "2 Kali", "K2", *marks(2), "P"],
                [CONT, "I3", "3 Kali", "K3", *marks(3), "P"],
                ["Ketersediaan Logistik", "I4", "4 Kali", "K4", *marks(4), "P"]], page=5)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    full = "Terlaksananya fasilitasi pengelolaan data, pemeliharaan logistik"
    assert [r.sasaran_kegiatan for r in rows] == [full, full, full, "Ketersediaan Logistik"]


def test_an_unreadable_month_heading_is_numbered_by_its_place_in_the_sequence():
    sub = [CONT, CONT, CONT, CONT, *[f"B{i}" if i != 3 else "83" for i in range(1, 13)], CONT]
    t = table([HEAD, sub, ["S", "I", "1 Kali", "K", *marks(3, 4), "P"]])
    assert build_rows(Grid("pdf", tables=[t])).rows[0].jadwal == [3, 4]


def test_several_misread_month_headings_still_make_twelve_months():
    # A blurred scan: B2 and B7 read as numbers, B8 and B9 as the wrong months. The labels
    # under the schedule heading are one ordered run; while most of it reads, it is the months.
    misread = {2: "82", 7: "87", 8: "B9", 9: "B5"}
    sub = [CONT, CONT, CONT, CONT, *[misread.get(i, f"B{i}") for i in range(1, 13)], CONT]
    t = table([HEAD, sub, NUMS, ["S", "I", "1 Kali", "K", *marks(2, 7, 8, 9), "P"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.jadwal for r in rows] == [[2, 7, 8, 9]]



def test_month_headings_mostly_misread_are_the_months_while_a_third_stand_in_place():
    # An Excel export's 6 pt labels scanned at 150 dpi: seven of twelve misread ("82", a
    # tick for B5, B9 lost); B1, B4, B10, B11 and B12 still stand in their places.
    misread = {2: "82", 3: "83", 5: "√", 6: "86", 7: "87", 8: "88", 9: ""}
    sub = [CONT, CONT, CONT, CONT, *[misread.get(i, f"B{i}") for i in range(1, 13)], CONT]
    t = table([HEAD, sub, NUMS, ["S", "I", "1 Kali", "K", *marks(2, 5, 9), "P"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [(r.indikator_kinerja, r.jadwal) for r in rows] == [("I", [2, 5, 9])]
    # A label read as another place's month makes the run need half its labels again.
    moved = {**misread, 4: "B7"}
    sub = [CONT, CONT, CONT, CONT, *[moved.get(i, f"B{i}") for i in range(1, 13)], CONT]
    t = table([HEAD, sub, NUMS, ["S", "I", "1 Kali", "K", *marks(2, 5, 9), "P"]])
    assert [r.jadwal for r in build_rows(Grid("pdf", tables=[t])).rows] != [[2, 5, 9]]


def test_months_under_a_schedule_heading_no_one_can_read_are_the_months() -> None:
    # A blurred bold "RENCANA PELAKSANAAN" and "PELAKSANA" at 150 dpi read as no heading,
    # four small month labels taken for ticks and three read as numbers: the five labels
    # still in their places under the one unnamed heading make the run the months.
    misread = {2: "82", 3: "83", 4: "√", 6: "√", 8: "√", 9: "√", 10: "810"}
    head = [*HEAD[:4], ("RENCANA PF! Ax Cama an", 12), "pri awcaua"]
    sub = [CONT, CONT, CONT, CONT, *[misread.get(i, f"B{i}") for i in range(1, 13)], CONT]
    t = table([head, sub, NUMS, ["S", "I", "1 Kali", "K", *marks(2, 4, 9), "Subbag Umum"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [(r.indikator_kinerja, r.jadwal, r.pelaksana) for r in rows] == [
        ("I", [2, 4, 9], "Subbag Umum")
    ]
    # Labels under an unnamed heading that stand out of their places are no such run.
    moved = {**misread, 5: "B7"}
    head = [*HEAD[:4], ("RENCANA PF! Ax Cama an", 12), "PELAKSANA"]
    sub = [CONT, CONT, CONT, CONT, *[moved.get(i, f"B{i}") for i in range(1, 13)], CONT]
    t = table([head, sub, NUMS, ["S", "I", "1 Kali", "K", *marks(2, 4, 9), "P"]])
    assert [r.jadwal for r in build_rows(Grid("pdf", tables=[t])).rows] != [[2, 4, 9]]


def test_four_quarters_with_two_misread_are_numbered_by_place():
    # A scanned borderless table: "TW I" voted to "TW II" and "TW II" left as "TW Il". Four
    # columns under the schedule heading are the quarters in order while half of them say so.
    head = ["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN",
            ("WAKTU PELAKSANAAN", 4), "PELAKSANA"]
    sub = [CONT, CONT, CONT, CONT, "TW II", "TW Il", "TW III", "TW IV", CONT]
    ticks = ["√", "√", "", "√"]
    t = table([head, sub, ["S", "I", "3 Kali", "K", *ticks, "P"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.jadwal for r in rows] == [[1, 2, 4]]


def test_a_column_number_row_with_one_unreadable_number_is_still_dropped():
    nums = [n if n != "11" else "il" for n in NUMS]
    t = table([HEAD, SUB, nums, ["S", "I", "1 Kali", "K", *marks(1), "P"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.indikator_kinerja for r in rows] == ["I"]


def test_a_schedule_written_as_words_in_one_column():
    head = ["SASARAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN", "WAKTU PELAKSANAAN",
            "PELAKSANA"]
    t = table([head,
               ["S", "I1", "12 Kali", "K1", "Januari s/d Desember", "P"],
               [CONT, "I2", "2 Laporan", "K2", "Juni dan Desember", "P"],
               [CONT, "I3", "1 Dokumen", "K3", "Menyesuaikan jadwal tahapan", "P"]])
    lay = build_rows(Grid("docx", tables=[t]))
    assert [r.jadwal for r in lay.rows] == [list(range(1, 13)), [6, 12], []]
    assert lay.rows[2].lainnya == {"jadwal": "Menyesuaikan jadwal tahapan"}
    assert lay.periode == "bulan"


def test_quarters_written_as_words():
    head = ["SASARAN", "INDIKATOR", "TARGET", "RENCANA AKSI", "JADWAL", "PIC"]
    t = table([head, ["S", "I", "100%", "K", "TW I s.d. TW III", "P"]])
    lay = build_rows(Grid("docx", tables=[t]))
    assert (lay.periode, lay.rows[0].jadwal) == ("triwulan", [1, 2, 3])


def test_headings_with_years_units_and_abbreviations():
    head = ["SASARAN KEGIATAN/PROGRAM", "INDIKATOR KINERJA KEGIATAN (IKK)", "TARGET 2024",
            "KEGIATAN", ("RENCANA PELAKSANAAN BULAN KE-", 12), "PAGU (Rp)",
            "PENANGGUNG JAWAB (PIC)"]
    sub = [CONT, CONT, CONT, CONT, *[str(i) for i in range(1, 13)], CONT, CONT]
    t = table([head, sub, ["S", "I", "2 Dokumen", "K", *marks(2, 3), "Rp 1.000.000", "KUL"]])
    row = build_rows(Grid("pdf", tables=[t])).rows[0]
    assert (row.target.teks, row.jadwal, row.lainnya, row.pelaksana) == (
        "2 Dokumen", [2, 3], {"anggaran": "Rp 1.000.000"}, "KUL")


def shaded(t: Table, row: int, *months: int) -> None:
    """Shade month cells of one row of a table built by ``table`` (first period at 4)."""
    for m in months:
        t.rows[row][3 + m].shaded = True


def test_a_row_cut_by_a_page_break_with_shaded_months_on_both_halves_is_one_row():
    p1 = table([HEAD, SUB, ["S", "Persentase penyelesaian", "90%", "Menyampaikan laporan",
                            *marks(), "Subbag. Keuangan,"]], page=2)
    shaded(p1, 2, 1, 2, 3)
    p2 = table([HEAD, SUB, [CONT, "Pertanggungjawaban anggaran", "", "Tepat waktu", *marks(),
                            "Umum dan Logistik"],
                [CONT, "I2", "5 Dokumen", "K2", *marks(), "P"]], page=3)
    shaded(p2, 2, 1, 2, 3)
    shaded(p2, 3, 4, 5)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [(r.indikator_kinerja, r.jadwal) for r in rows] == [
        ("Persentase penyelesaian Pertanggungjawaban anggaran", [1, 2, 3]), ("I2", [4, 5])]
    assert rows[0].pelaksana == "Subbag. Keuangan, Umum dan Logistik"


def test_the_unit_of_a_cut_target_below_its_number_is_joined():
    p1 = table([HEAD, SUB, ["S", "Jumlah dokumen SOP, pedoman", "5", "Membuat SOP", *marks(),
                            "P"]], page=4)
    shaded(p1, 2, 4, 5)
    p2 = table([HEAD, SUB, [CONT, "atau petunjuk teknis", "Dokumen", "terkait verifikasi",
                            *marks(), ""]], page=5)
    shaded(p2, 2, 4, 5)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert len(rows) == 1 and rows[0].target.teks == "5 Dokumen" and rows[0].jadwal == [4, 5]


def test_two_real_rows_across_a_page_break_stay_apart():
    # Glyphs print once: the same months ticked on both sides are two rows, and so is a row
    # with its own target number or its own shading.
    p1 = table([HEAD, SUB, ["S", "I1", "1 Kali", "K1", *marks(3), "P"]], page=1)
    p2 = table([[CONT, "I2", "", "K2", *marks(3), "P"]], page=2)
    assert len(build_rows(Grid("pdf", tables=[p1, p2])).rows) == 2
    p3 = table([HEAD, SUB, ["S", "I1", "1 Kali", "K1", *marks(), "P"]], page=1)
    shaded(p3, 2, 1)
    p4 = table([HEAD, SUB, [CONT, "I2", "", "K2", *marks(), "P"]], page=2)
    shaded(p4, 2, 2)
    assert len(build_rows(Grid("pdf", tables=[p3, p4])).rows) == 2


def test_a_tick_centred_into_the_lower_half_of_a_cut_row_marks_the_row():
    p1 = table([HEAD, SUB, ["S", "I1", "1 Kali", "K1", *marks(), "P"]], page=1)
    p2 = table([[CONT, "", "", "", *marks(6), ""], [CONT, "I2", "2 Kali", "K2", *marks(7), "P"]],
               page=2)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [(r.indikator_kinerja, r.jadwal) for r in rows] == [("I1", [6]), ("I2", [7])]


def test_a_join_without_textual_evidence_is_recorded_as_a_guess():
    from extractor.doubts import ROW_JOIN_GUESSED
    from extractor.layout import _table_rows

    p1 = table([HEAD, SUB, ["S", "Indikator Satu", "1 Kali", "Kegiatan Satu", *marks(2), "P"]],
               page=1)
    p2 = table([[CONT, "Bagian Kedua", "", "Bagian Kedua", *marks(), ""]], page=2)
    _, raws, _ = _table_rows([p1, p2])
    assert len(raws) == 1 and ROW_JOIN_GUESSED in raws[0].doubts


def test_a_merged_sasaran_centred_onto_the_next_page_is_carried_up():
    p1 = table([HEAD, SUB, ["Sasaran A", "I1", "1 Kali", "K1", *marks(1), "P"],
                [CONT, "I2", "1 Kali", "K2", *marks(2), "P"],
                ["", "I3", "1 Kali", "K3", *marks(3), "P"],
                [CONT, "I4", "1 Kali", "K4", *marks(4), "P"]], page=1)
    p2 = table([HEAD, SUB, ["Sasaran B", "I5", "1 Kali", "K5", *marks(5), "P"],
                [CONT, "I6", "1 Kali", "K6", *marks(6), "P"],
                ["Sasaran C", "I7", "1 Kali", "K7", *marks(7), "P"]], page=2)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [r.sasaran_kegiatan for r in rows] == [
        "Sasaran A", "Sasaran A", "Sasaran B", "Sasaran B", "Sasaran B", "Sasaran B", "Sasaran C"]


def test_blank_sasaran_cells_mean_the_same_as_above_where_nothing_is_merged():
    p1 = table([HEAD, SUB, ["Sasaran A", "I1", "1 Kali", "K1", *marks(1), "P"],
                ["", "I2", "1 Kali", "K2", *marks(2), "P"]], page=1)
    p2 = table([HEAD, SUB, ["Sasaran B", "I3", "1 Kali", "K3", *marks(3), "P"]], page=2)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    assert [r.sasaran_kegiatan for r in rows] == ["Sasaran A", "Sasaran A", "Sasaran B"]


def test_a_capitalised_tail_of_a_merged_sasaran_after_a_dangling_word():
    p1 = table([HEAD, SUB, ["Pendidikan Pemilih kepada", "I1", "1 Kali", "K1", *marks(1), "P"],
                [CONT, "I2", "2 Kali", "K2", *marks(2), "P"]], page=3)
    p2 = table([HEAD, SUB, ["Masyarakat Umum", "I3", "3 Kali", "K3", *marks(3), "P"],
                ["Ketersediaan Logistik", "I4", "4 Kali", "K4", *marks(4), "P"]], page=4)
    rows = build_rows(Grid("pdf", tables=[p1, p2])).rows
    full = "Pendidikan Pemilih kepada Masyarakat Umum"
    assert [r.sasaran_kegiatan for r in rows] == [full, full, full, "Ketersediaan Logistik"]


def test_group_heading_rows_are_kept_as_kelompok_not_rows():
    head = ["NO", *HEAD]
    sub = [CONT, *SUB]
    t = table([head, sub,
               [("II. SUB BAGIAN KEUANGAN, UMUM DAN LOGISTIK", 18)],
               ["1", "S", "I1", "1 Kali", "K1", *marks(1), "P"],
               ["", ("PROGRAM: Dukungan Manajemen", 4), *marks(), ""],
               ["2", "S2", "I2", "2 Kali", "K2", *marks(2), "P"]])
    rows = build_rows(Grid("docx", tables=[t])).rows
    assert [(r.indikator_kinerja, r.lainnya.get("kelompok")) for r in rows] == [
        ("I1", "II. SUB BAGIAN KEUANGAN, UMUM DAN LOGISTIK"),
        ("I2", "PROGRAM: Dukungan Manajemen")]


def test_a_row_shaded_all_across_marks_no_month():
    t = table([HEAD, SUB, ["S", "I", "1 Kali", "K", *marks(4), "P"],
               ["S2", "I2", "1 Kali", "K2", *marks(), "P"]])
    for c in t.rows[2]:
        c.shaded = True  # a banded row: every cell filled; its tick still counts
    shaded(t, 3, 5, 6)
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.jadwal for r in rows] == [[4], [5, 6]]


def test_text_past_the_last_headed_column_is_an_extra_column():
    """An Excel range printed wider than its header: the cell right of PELAKSANA has no
    heading above it at all (not even an empty one) and still holds the row's pelaksana."""
    rows = [HEAD, SUB,
            ["S", "I", "100%", "K", *marks(9), "", "Subbag. Logistik"],
            [CONT, "I2", "100%", "K2", *marks(2), "Subbag. Umum"]]
    lay = build_rows(Grid("pdf", tables=[table(rows)]))
    assert [r.pelaksana for r in lay.rows] == ["Subbag. Logistik", "Subbag. Umum"]
    assert [r.kolom_bergeser for r in lay.rows] == [["pelaksana"], []]


def test_a_core_heading_no_one_can_read_is_named_by_its_place() -> None:
    # A blurred bold PELAKSANA read "PE! arcana": the one unnamed column after the schedule.
    head = [h if h != "PELAKSANA" else "PE! arcana" for h in HEAD]
    t = table([head, SUB, ["S", "I", "1 Kali", "K", *marks(2), "Subbag Umum"]])
    lay = build_rows(Grid("pdf", tables=[t]))
    assert [(r.pelaksana, r.jadwal) for r in lay.rows] == [("Subbag Umum", [2])]
    assert "header-partial" in lay.rows[0].alasan


def test_a_column_headed_as_another_known_kind_is_not_renamed() -> None:
    head = [h if h != "PELAKSANA" else "KETERANGAN" for h in HEAD]
    t = table([head, SUB, ["S", "I", "1 Kali", "K", *marks(2), "lihat lampiran"]])
    rows = build_rows(Grid("pdf", tables=[t])).rows
    assert [r.pelaksana for r in rows] == [""]


@pytest.mark.parametrize(
    ("texts", "numbers"),
    [
        ("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", True),
        ("1 2 3 4 5 6 1 8 9 10 11 12 13 14 15 16 17", True),  # a scan's 7 read as 1
        ("1 2 il 4 5 6 7 8 9 10 11 12 13 14 15 16 17", True),  # an unreadable one
        ("1 2 3 5 6", True),  # an empty number cell
        ("2 3 4 5", True),
        ("1 2 3", False),  # too few to tell from data
        ("3 4 5 6", False),  # does not start at the first columns
        ("1 2 x 4 5 6 y 8", False),  # two in eight wrong
        ("4 3 2 1", False),
        ("1 1 1 1", False),
    ],
)
def test_the_column_number_row_is_told_with_one_slip_in_eight(texts: str, numbers: bool) -> None:
    from extractor.text import counts_up

    assert counts_up(texts.split()) is numbers


def _raw(band: tuple[float, float], spans: dict[str, tuple[float, float]], sasaran: str | None):
    from extractor.layout import RawRow

    texts = {role: role for role in spans if role != "sasaran_kegiatan"}
    if sasaran is not None:
        texts["sasaran_kegiatan"] = sasaran
    return RawRow(texts=texts, continued=set(), periods=set(), lainnya={}, extra=[], page=1,
                  confidence=None, blank=set() if sasaran is not None else {"sasaran_kegiatan"},
                  spans=spans, band=band)  # fmt: skip


def _rows(kind: str) -> list:
    """Four rows 20 pt tall; each row's indikator two lines, kegiatan one, set at the top,
    the foot or the middle of the row; SASARAN texts on rows 1 and 3 only."""
    out = []
    for r in range(4):
        top, foot = 20.0 * r, 20.0 * r + 20
        two, one = {"top": ((top + 2, top + 14), (top + 2, top + 8)),
                    "foot": ((foot - 14, foot - 2), (foot - 8, foot - 2)),
                    "middle": ((top + 4, foot - 4), (top + 7, foot - 7))}[kind]  # fmt: skip
        spans = {"indikator_kinerja": two, "kegiatan": one}
        text = f"S{r}" if r in (1, 3) else None
        if text:
            spans["sasaran_kegiatan"] = one
        out.append(_raw((top, foot), spans, text))
    return out


def test_a_sasaran_at_the_foot_of_its_rows_serves_the_rows_above_it() -> None:
    from extractor.merge_align import place_floating_merges

    rows = _rows("foot")
    place_floating_merges(rows)
    assert [r.texts.get("sasaran_kegiatan") for r in rows] == ["S1", "S1", "S3", "S3"]


@pytest.mark.parametrize("kind", ["top", "middle"])
def test_a_sasaran_at_the_top_or_centred_in_its_own_row_is_carried_down(kind: str) -> None:
    from extractor.merge_align import place_floating_merges

    rows = _rows(kind)
    place_floating_merges(rows)  # nothing moves: layout carries each text down
    assert [r.texts.get("sasaran_kegiatan") for r in rows] == [None, "S1", None, "S3"]
