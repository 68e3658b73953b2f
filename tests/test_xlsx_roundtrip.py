"""Export, fix in Excel, check again: the workbook ``rak extract -f xlsx`` (and ``rak check -f
xlsx``, with its findings sheet, tints and comments) writes reads back to the same rows, for
every committed sample; and a cell a person edits is what the next check sees.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from checks import CheckConfig, run_checks
from checks.report import Report
from extractor import extract, read_document
from extractor.model import RakDocument
from rak.cli import app
from rak.workbook import rak_workbook
from rak.workbook_findings import check_workbook

from .conftest import SAMPLES, SHARED

FORMATS = {".pdf", ".docx", ".xlsx", ".doc", ".xls"}
# Whole scans (OCR) and the 48-page document take a minute each: the slow suite's.
LONG = {"rak-panjang-40.pdf"}


def _samples() -> list[Any]:
    files = sorted(
        p for p in SAMPLES.iterdir() if p.suffix in FORMATS and p.name.startswith("rak-")
    )
    return [
        pytest.param(p, id=p.name, marks=pytest.mark.slow)
        if "scan" in p.name or p.name in LONG else pytest.param(p, id=p.name)
        for p in files
    ]


def _fields(doc: RakDocument) -> list[dict[str, Any]]:
    """What a round trip keeps: the six fields as written, the schedule, the other columns."""
    return [
        {
            "sasaran_kegiatan": r.sasaran_kegiatan,
            "indikator_kinerja": r.indikator_kinerja,
            "target": r.target.teks,
            "kegiatan": r.kegiatan,
            "jadwal": r.jadwal,
            "pelaksana": r.pelaksana,
            "lainnya": r.lainnya,
        }
        for r in doc.rows
    ]


def _same_document(first: RakDocument, back: RakDocument) -> None:
    assert _fields(back) == _fields(first)
    assert back.document == first.document
    assert back.periode == first.periode


@pytest.mark.parametrize("sample", _samples())
def test_a_workbook_reads_back_to_the_same_rows(sample: Path, tmp_path: Path) -> None:
    first = read_document(sample)
    assert isinstance(first, RakDocument)
    plain = tmp_path / "rak.xlsx"
    plain.write_bytes(rak_workbook(first))
    _same_document(first, extract(plain))
    report = Report(sample.name, first.to_dict(), first, run_checks(first, CheckConfig()))
    checked = tmp_path / "temuan.xlsx"
    checked.write_bytes(check_workbook(report, "id"))
    _same_document(first, extract(checked))


def _corpus() -> list[Any]:
    files = sorted(p for p in (SHARED / "corpus").glob("c*") if p.suffix in FORMATS)
    assert files, "the development corpus (../shared/corpus) is missing"
    return [pytest.param(p, id=p.name) for p in files]


@pytest.mark.slow  # 18 documents drawn by other hands, and their scans
@pytest.mark.parametrize("document", _corpus())
def test_a_corpus_documents_workbook_reads_back_to_the_same_rows(
    document: Path, tmp_path: Path
) -> None:
    first = extract(document)
    plain = tmp_path / "rak.xlsx"
    plain.write_bytes(rak_workbook(first))
    _same_document(first, extract(plain))


def _check(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["check", str(path), "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _finding(data: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(f for f in data["findings"] if f["rule"] == rule)


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    out = tmp_path / "rak.xlsx"
    result = CliRunner().invoke(
        app, ["extract", str(SAMPLES / "rak-kubu-raya-2024.docx"), "-f", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out


def test_fixing_cells_in_excel_clears_their_findings(exported: Path) -> None:
    """Each fix goes in the cell the finding names (``lokasi.lembar`` / ``lokasi.sel``)."""
    before = _check(exported)
    fixes = {
        "invalid-pelaksana": "Subbag. Perencanaan, data dan informasi",  # was a check mark
        "missing-pelaksana": "Subbag. Keuangan, Umum dan Logistik",  # was empty
        "target-without-unit": "3,5 Dokumen",  # a bare number
    }
    wb = load_workbook(exported)
    for rule, text in fixes.items():
        found = _finding(before, rule)
        wb[found["lokasi"]["lembar"]][found["lokasi"]["sel"]] = text
    wb.save(exported)
    after = _check(exported)
    rules = {f["rule"] for f in after["findings"]}
    assert not rules & set(fixes)
    for rule, text in fixes.items():
        row = after["rows"][_finding(before, rule)["row"] - 1]
        assert text in (row["pelaksana"], row["target"]["teks"])
    # Everything else is as it was.
    untouched = [f for f in before["findings"] if f["rule"] not in fixes]
    assert [(f["rule"], f["row"]) for f in after["findings"]] == [
        (f["rule"], f["row"]) for f in untouched
    ]


def test_a_cell_emptied_in_excel_is_found(exported: Path) -> None:
    before = _check(exported)
    row = before["rows"][4]
    wb = load_workbook(exported)
    wb[row["lokasi"]["lembar"]][row["lokasi"]["sel_kolom"]["kegiatan"]] = None
    wb.save(exported)
    after = _check(exported)
    missing = [f for f in after["findings"] if f["rule"] == "missing-kegiatan"]
    assert [f["row"] for f in missing] == [5]
    assert missing[0]["lokasi"]["sel"] == row["lokasi"]["sel_kolom"]["kegiatan"]


def test_unmerged_cells_keep_their_rows(exported: Path) -> None:
    """A person who unmerges SASARAN (its text left on the first row, as Excel does) and
    writes the indicator out on every row keeps the same rows."""
    before = extract(exported)
    wb = load_workbook(exported)
    ws = wb.worksheets[0]
    first = before.rows[0].lokasi.baris_lembar
    assert first is not None
    for rng in list(ws.merged_cells.ranges):
        if rng.min_row < first:
            continue  # the header stays as it is
        text = ws.cell(rng.min_row, rng.min_col).value
        ws.unmerge_cells(str(rng))
        if rng.min_col != 1:  # INDIKATOR and TARGET: copied down, SASARAN left on top
            for r in range(rng.min_row + 1, rng.max_row + 1):
                ws.cell(r, rng.min_col).value = text
    wb.save(exported)
    assert _fields(extract(exported)) == _fields(before)
