"""One name per office and per unit for a bulk summary; a check mark is never a unit."""

from __future__ import annotations

import pytest

from checks.units import DEFAULT_UNITS, UnitIndex, canonical_office, strip_marks
from rak.bulk.findings import FindingLine, place
from rak.bulk.grouping import EMPTY, NOT_UNIT, Totals, name_offices, row_units, tally_pelaksana
from rak.bulk.summary import NOTES, SummaryLine

KUL = "Subbagian Keuangan, Umum dan Logistik"
PDI = "Subbagian Perencanaan, Data dan Informasi"


@pytest.mark.parametrize(("written", "name"), [
    ("SEKRETARIAT KPU KABUPATEN BENGKAYANG",
     "Sekretariat Komisi Pemilihan Umum Kabupaten Bengkayang"),
    ("SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN BENGKAYANG",
     "Sekretariat Komisi Pemilihan Umum Kabupaten Bengkayang"),
    ("Sekretariat KPU Kab. Kubu Raya Tahun 2024",
     "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya"),
    ("KPU Kota Pontianak", "Komisi Pemilihan Umum Kota Pontianak"),
    ("SEKRETARIAT KPU PROV. KALIMANTAN BARAT",
     "Sekretariat Komisi Pemilihan Umum Provinsi Kalimantan Barat"),
    ("Sekretariat Jenderal KPU RI",
     "Sekretariat Jenderal Komisi Pemilihan Umum Republik Indonesia"),
])
def test_an_office_has_one_name_however_written(written: str, name: str) -> None:
    assert canonical_office(written) == name


@pytest.mark.parametrize("written", [None, "", "SEKRETARIAT KPU", "Sekretariat DPRD Kab. Sambas"])
def test_a_name_that_names_no_kpu_office_has_no_canonical_name(written: str | None) -> None:
    assert canonical_office(written) is None


def test_offices_across_files_are_grouped_and_a_slip_in_the_region_takes_the_first_name():
    lines = [SummaryLine(f"{i}.pdf", NOTES, 0, unit_organisasi=u) for i, u in enumerate([
        "SEKRETARIAT KPU KABUPATEN KUBU RAYA",
        "Sekretariat Komisi Pemilihan Umum Kab. Kuburaya",
        "KPU Kabupaten Kubu Raya",  # the commission, not its secretariat
        "SEKRETARIAT KPU KABUPATEN SAMBAS",
        "Dinas Pendidikan  Kab. Sambas",
    ])]
    name_offices(lines)
    assert [x.unit_baku for x in lines] == [
        "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya",
        "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya",
        "Komisi Pemilihan Umum Kabupaten Kubu Raya",
        "Sekretariat Komisi Pemilihan Umum Kabupaten Sambas",
        "Dinas Pendidikan Kab. Sambas",  # kept as written, spaces tidied
    ]
    assert lines[1].unit_organisasi == "Sekretariat Komisi Pemilihan Umum Kab. Kuburaya"


@pytest.mark.parametrize(("written", "names"), [
    ("Subbag. Perencanaan, Data dan Informasi", [PDI]),
    ("Subbag Perencanaan Data & Informasi", [PDI]),
    ("Sub Bagian Perencanaan, data dan informasi", [PDI]),
    ("√ Subbag. Keuangan, Umum dan Logistik", [KUL]),  # a mark run into the name
    ("Subbag KUL ✓", [KUL]),
    ("Bagian Keuangan, Umum dan Logistik", ["Bagian Keuangan, Umum dan Logistik"]),
    ("Sekretaris / Subbag KUL", ["Sekretaris", KUL]),
    ("Subbag. Program & Anggaran", ["Subbag. Program & Anggaran"]),  # no known unit: as is
])
def test_spellings_of_one_unit_have_one_name(written: str, names: list[str]) -> None:
    assert [u.name for u in UnitIndex(DEFAULT_UNITS).canonical(written)] == names


@pytest.mark.parametrize("mark", ["√", "✓", "✔", "v", "V", "x", "12", "-", "√ √"])
def test_a_check_mark_or_a_number_is_never_a_unit(mark: str) -> None:
    assert strip_marks(mark) == ""
    assert UnitIndex(DEFAULT_UNITS).canonical(mark) == []


def test_unknown_units_group_by_their_words_and_keep_the_most_written_spelling():
    index = UnitIndex(DEFAULT_UNITS)
    a = index.canonical("Subbag Program dan Anggaran")
    b = index.canonical("Subbag. Program & Anggaran")
    assert a[0].key == b[0].key and not a[0].known


def test_pelaksana_tally_counts_rows_and_findings_per_unit_and_never_a_mark():
    pelaksana = ["Subbag. Perencanaan, Data dan Informasi", "Subbag Perencanaan Data & Informasi",
                 "√", "", "Sekretaris / Subbag KUL", "v"]
    units = row_units(pelaksana, UnitIndex(DEFAULT_UNITS))
    findings = [FindingLine("invalid-pelaksana", "error", 3, "m", (), (NOT_UNIT,)),
                FindingLine("missing-pelaksana", "error", 4, "m", (), (EMPTY,)),
                FindingLine("target-without-unit", "warning", 5, "m", (), ("Sekretaris", KUL))]
    tally = tally_pelaksana(pelaksana, units, findings)
    assert set(tally) == {PDI, "Sekretaris", KUL, NOT_UNIT, EMPTY}
    assert tally[PDI].counts == {"rows": 2}
    assert tally[PDI].written == {"Subbag. Perencanaan, Data dan Informasi": 1,
                                  "Subbag Perencanaan Data & Informasi": 1}
    assert tally[NOT_UNIT].counts == {"rows": 2, "error": 1}
    assert tally[NOT_UNIT].written == {"√": 1, "v": 1}
    assert tally[KUL].counts == {"rows": 1, "warning": 1}  # a row of two units counts for both
    assert tally["Sekretaris"].counts == {"rows": 1, "warning": 1}
    totals = Totals()
    totals.add(findings, tally)
    totals.add([], tally)
    assert totals.by_pelaksana[PDI].counts == {"rows": 4, "files": 2}
    assert dict(totals.by_rule["invalid-pelaksana"]) == {"error": 1, "files": 1}


@pytest.mark.parametrize(("lokasi", "id_", "en"), [
    ({"halaman": 3, "baris": 7}, "hal. 3", "p. 3"),
    ({"halaman": None, "baris": 7, "sheet": "RAK 2024", "sel": "C12"}, "RAK 2024!C12",
     "RAK 2024!C12"),
    ({"baris": 7, "tabel": 2, "baris_tabel": 5}, "tabel 2, baris 5", "table 2, row 5"),
    ({"baris": 7, "lembar": "Sheet1"}, "lembar Sheet1", "sheet Sheet1"),
    ({"baris": 7, "kolom_baru": "X"}, "kolom_baru X", "kolom_baru X"),  # nothing is lost
    ({"baris": 7}, "", ""),
])
def test_a_finding_is_placed_in_the_users_terms(lokasi: dict, id_: str, en: str) -> None:
    assert place(lokasi, "id") == id_ and place(lokasi, "en") == en
