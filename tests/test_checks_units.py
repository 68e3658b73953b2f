"""Unit names and indicator kinds: the judgements the PELAKSANA and TARGET rules rest on."""

from __future__ import annotations

import pytest

from checks.indicators import IndicatorKind, read_indicator, unit_head
from checks.units import DEFAULT_UNITS, UnitIndex, normalize_unit


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Subbag. Keuangan. Umum, dan Logistik", "keuangan umum dan logistik"),
        ("Sub Bagian Hukum & SDM", "hukum dan sdm"),
        ("Subbagian Teknis dan Hupmas", "teknis dan hupmas"),
        ("Subbag.Perencanaan, Data dan Informasi", "perencanaan data dan informasi"),
        ("TP-Hupmas", "tp hupmas"),
    ],
)
def test_normalize_drops_prefix_and_punctuation(written: str, key: str) -> None:
    assert normalize_unit(written) == key


def test_list_of_units_is_matched_part_by_part() -> None:
    matches = UnitIndex(DEFAULT_UNITS).match("Sekretaris; Subbag Hukum dan SDM")
    assert [m.unit.name for m in matches] == ["Sekretaris", "Subbagian Hukum dan SDM"]
    assert all(m.exact for m in matches)


@pytest.mark.parametrize(
    ("text", "kind", "counted"),
    [
        ("Persentase laporan", IndicatorKind.PERCENT, None),
        ("Prosentase arsip", IndicatorKind.PERCENT, None),
        ("Rasio belanja", IndicatorKind.PERCENT, None),
        ("Jumlah laporan keuangan", IndicatorKind.COUNT, "laporan"),
        ("Banyaknya kegiatan", IndicatorKind.COUNT, "kegiatan"),
        ("Jumlah/Terbentuknya Pusat Pendidikan", IndicatorKind.COUNT, "pusat"),
        ("Nilai akuntabilitas kinerja", IndicatorKind.SCORE, None),
        ("Indeks kepuasan", IndicatorKind.SCORE, None),
        ("Tingkat kepuasan", IndicatorKind.OTHER, None),
        ("", IndicatorKind.OTHER, None),
    ],
)
def test_indicator_kind_from_its_first_word(
    text: str, kind: IndicatorKind, counted: str | None
) -> None:
    found = read_indicator(text)
    assert (found.kind, found.counted) == (kind, counted)


def test_unit_head() -> None:
    assert unit_head("laporan bulanan") == "laporan"
    assert unit_head("%") == "%"
    assert unit_head(None) is None


def test_head_of_unit_prefixes_and_the_whole_secretariat_are_known():
    from checks.units import DEFAULT_UNITS, UnitIndex

    index = UnitIndex(DEFAULT_UNITS)
    for written, unit in [("Kasubbag Umum", "Subbagian Keuangan, Umum dan Logistik"),
                          ("Kabag Hukum", "Subbagian Hukum dan SDM"),
                          ("Seluruh Subbagian", "Seluruh Subbagian"),
                          ("Semua Subbagian", "Seluruh Subbagian")]:
        match = index.match(written)[0]
        assert match.accepted and match.unit.name == unit, written
    assert not index.match("Bendahara Pengeluaran")[0].accepted
