"""TARGET cells read the Indonesian way."""

from __future__ import annotations

import pytest

from extractor.targets import parse_number, parse_target


@pytest.mark.parametrize(
    "teks, nilai, satuan",
    [
        ("87,5%", 87.5, "%"),
        ("2.498 Orang", 2498, "orang"),
        ("12 Kali", 12, "kali"),
        ("3,5", 3.5, None),
        ("100 %", 100, "%"),
        ("100 persen", 100, "%"),
        ("Rp 12.500.000", 12500000, "rp"),
        ("Rp. 1.250.000,50", 1250000.5, "rp"),
        ("2 Laporan", 2, "laporan"),
        ("1 Satker", 1, "satker"),
        ("5 Dokumen", 5, "dokumen"),
        ("97,5%", 97.5, "%"),
        ("0", 0, None),
        ("Opini WTP", None, None),
        ("", None, None),
    ],
)
def test_parse_target(teks: str, nilai, satuan):
    t = parse_target(teks)
    assert (t.teks, t.nilai, t.satuan) == (teks, nilai, satuan)
    assert type(t.nilai) is type(nilai)


def test_target_text_is_kept_as_written_with_whitespace_folded():
    assert parse_target("  87,5\n%").teks == "87,5 %"


@pytest.mark.parametrize(
    "text, value",
    [("1.000", 1000), ("1.000.000", 1000000), ("1,5", 1.5), ("1.5", 1.5), ("12", 12),
     ("-5", -5), ("abc", None)],
)
def test_parse_number(text: str, value):
    assert parse_number(text) == value
