"""Schedules written as words."""

from __future__ import annotations

import pytest

from extractor.schedule_text import parse_schedule


@pytest.mark.parametrize(
    "text, kind, periods",
    [
        ("Januari - Desember", "bulan", set(range(1, 13))),
        ("Jan s/d Des", "bulan", set(range(1, 13))),
        ("Jan, Mar, Mei", "bulan", {1, 3, 5}),
        ("Maret s.d. Juni", "bulan", {3, 4, 5, 6}),
        ("Mei - Agustus dan Desember", "bulan", {5, 6, 7, 8, 12}),
        ("Februari hingga April, Oktober", "bulan", {2, 3, 4, 10}),
        ("Setiap bulan", "bulan", set(range(1, 13))),
        ("B1 - B6", "bulan", set(range(1, 7))),
        ("TW I - TW IV", "triwulan", {1, 2, 3, 4}),
        ("Triwulan I s.d. IV", "triwulan", {1, 2, 3, 4}),
    ],
)
def test_schedule_words(text: str, kind: str, periods: set[int]):
    assert parse_schedule(text) == (kind, periods)


@pytest.mark.parametrize("text", ["Tidak ada", "Menyesuaikan jadwal tahapan", "", "-"])
def test_words_that_name_no_period(text: str):
    assert parse_schedule(text) is None


def test_a_word_file_with_the_schedule_written_as_words(tmp_path):
    from docx import Document

    from extractor import extract

    doc = Document()
    doc.add_paragraph("RENCANA AKSI KINERJA")
    doc.add_paragraph("Nama/Unit Organisasi : SEKRETARIAT KPU KABUPATEN LANDAK")
    doc.add_paragraph("Tahun : 2025")
    rows = [
        ["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET", "KEGIATAN", "WAKTU PELAKSANAAN",
         "PELAKSANA"],
        ["Terwujudnya tata kelola", "Jumlah laporan keuangan", "2 Laporan",
         "Menyusun laporan semester", "Juni dan Desember", "Subbag KUL"],
        ["", "Persentase arsip tertata", "90%", "Menata arsip", "Februari s/d November",
         "Subbag KUL"],
    ]
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    doc.add_paragraph("NGABANG, JANUARI 2025")
    doc.add_paragraph("SEKRETARIS,")
    doc.add_paragraph("YOHANES")
    path = tmp_path / "rak-jadwal-teks.docx"
    doc.save(path)

    out = extract(path)
    assert [r.jadwal for r in out.rows] == [[6, 12], list(range(2, 12))]
    assert [r.sasaran_kegiatan for r in out.rows] == ["Terwujudnya tata kelola"] * 2
    assert out.document.tahun == 2025 and out.document.penandatangan.nama == "YOHANES"
