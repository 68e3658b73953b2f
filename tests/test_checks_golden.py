"""The seed RAK's audit, pinned: exactly these findings at warning or error, nothing else.

The seed (Kubu Raya 2024) carries real defects; what a secretariat must fix there is listed
in issue 3. The list is keyed by the start of each row's INDIKATOR, so a change in row
numbering shows as a diff of text, not of numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import CheckConfig, Severity, check_data, run_checks
from extractor.model import RakDocument

from .seed_doc import seed_data, seed_document

GOLDEN = sorted(
    [
        ("Jumlah/Terbentuknya Pusat Pendidikan Pemilih", "missing-pelaksana"),
        ("Persentase Sarana dan Prasarana Teknologi Informasi", "invalid-pelaksana"),
        ("Persentase pengadaan logistik keperluan pemilu", "column-shift"),
        ("Persentase logistik pemilu/pemilihan yang distribusikan", "column-shift"),
        ("Persentase logistik yang dipelihara", "column-shift"),
        ("Jumlah Laporan pertanggungjawaban", "target-unit-mismatch"),
        ("Persentase laporan dan dokumentasi logistik Pemilu", "target-unit-mismatch"),
        ("Persentase Calon Peserta Pemilu", "target-unit-mismatch"),
        ('Jumlah kegiatan "Pendidikan Pemilih', "target-unit-mismatch"),
        ("Persentase ketaatan KPU Kabupaten Kubu Raya", "target-unit-mismatch"),
        ("Persentase badan adhoc", "target-unit-mismatch"),
        ("Persentase ketaatan KPU Kabupaten Kubu Raya", "target-without-unit"),
        ("Jumlah revisi yang dilakukan", "schedule-count-mismatch"),
    ]
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def flagged(doc: RakDocument, findings: list) -> list[tuple[str, str]]:
    """(indikator start, rule) of every finding at warning or error, matched to GOLDEN."""
    out = []
    for f in findings:
        if f.severity.rank < Severity.WARNING.rank:
            continue
        indikator = doc.rows[f.row - 1].indikator_kinerja if f.row else "<document>"
        start = next((g for g, _ in GOLDEN if indikator.startswith(g)), indikator)
        out.append((start, f.rule))
    return sorted(out)


def test_seed_flags_exactly_the_known_defects() -> None:
    doc = seed_document()
    assert len(doc.rows) == 53
    assert flagged(doc, run_checks(doc)) == GOLDEN


def test_seed_golden_details() -> None:
    doc = seed_document()
    findings = {(f.row, f.rule): f for f in run_checks(doc)}
    revisi = findings[(1, "schedule-count-mismatch")]
    assert revisi.field == "jadwal" and "8" in revisi.message and "12 Kali" in revisi.message
    shifted = [f for f in findings.values() if f.rule == "column-shift"]
    assert {f.field for f in shifted} == {"pelaksana"}
    assert all(f.lokasi and f.lokasi.halaman for f in findings.values())
    # "Jumlah/Terbentuknya ... 1 Satker" is a count with a count unit: no mismatch.
    row = next(i for i, r in enumerate(doc.rows, 1) if r.indikator_kinerja.startswith("Jumlah/"))
    assert (row, "target-unit-mismatch") not in findings


def test_seed_has_no_schema_error_and_no_info_noise() -> None:
    findings = run_checks(seed_document())
    assert not [f for f in findings if f.rule == "schema"]
    assert not [f for f in findings if f.severity is Severity.INFO]


def test_seed_json_gives_the_same_findings_as_the_document() -> None:
    doc = seed_document()
    result = check_data(seed_data(), CheckConfig())
    assert result.doc is not None
    assert flagged(result.doc, result.findings) == GOLDEN
    assert [f.to_dict() for f in result.findings] == [f.to_dict() for f in run_checks(doc)]


@pytest.mark.parametrize("name", ["rak-kubu-raya-2024.pdf", "rak-kubu-raya-2024.docx"])
def test_seed_sample_files_flag_exactly_the_known_defects(name: str) -> None:
    """The same audit on the seed as PDF and Word, through the extractor."""
    path = SAMPLES / name
    from extractor import extract

    doc = extract(path)
    assert flagged(doc, run_checks(doc)) == GOLDEN
