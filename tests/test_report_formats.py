"""Text, JSON and CSV reports of the seed: same findings, each format's promises."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from rak_schemas import load_schema

from checks import CheckConfig, run_checks
from checks.report import FORMATS, RenderOptions, Report, renderers

from .seed_doc import seed_document, with_row


def seed_report(lang: str = "id") -> Report:
    doc = seed_document()
    return Report(
        "rak-kubu-raya-2024.pdf", doc.to_dict(), doc, run_checks(doc, CheckConfig(lang=lang))
    )


def render(fmt: str, report: Report, **options: object) -> str:
    return renderers()[fmt](report, RenderOptions(**options))  # type: ignore[arg-type]


def test_every_format_has_a_renderer() -> None:
    assert set(renderers()) == set(FORMATS)


def test_text_groups_by_row_with_page_and_indikator() -> None:
    out = render("text", seed_report())
    assert "Baris 34 · hal. 13 · Jumlah/Terbentuknya Pusat Pendidikan Pemilih" in out
    assert "Kolom PELAKSANA kosong" in out and "(missing-pelaksana)" in out
    assert out.count("Baris ") == 12  # twelve rows flagged, 49 holds two findings
    summary = "Ringkasan: 2 kesalahan, 11 peringatan, 0 info\nStatus: perlu perbaikan"
    assert out.rstrip().endswith(summary)
    assert "\x1b[" not in out


def test_text_in_english_with_colour() -> None:
    out = render("text", seed_report("en"), lang="en", color=True)
    assert "\x1b[" in out
    assert "Summary: 2 errors, 11 warnings, 0 info" in out
    assert "The PELAKSANA cell is empty" in out


def test_text_shows_markup_in_cells_as_written() -> None:
    doc = with_row(seed_document(), 0, indikator_kinerja="Jumlah [bold]revisi[/bold]")
    report = Report("x.pdf", doc.to_dict(), doc, run_checks(doc))
    assert "Jumlah [bold]revisi[/bold]" in render("text", report)


def test_text_without_findings() -> None:
    doc = seed_document()
    report = Report("x.pdf", doc.to_dict(), doc, [])
    out = render("text", report)
    assert "Tidak ada temuan." in out and "0 kesalahan, 0 peringatan, 0 info" in out


def test_json_is_the_extract_object_plus_findings_and_valid() -> None:
    data = json.loads(render("json", seed_report()))
    jsonschema.validate(data, load_schema())
    assert data["schema_version"] == "1" and len(data["rows"]) == 53
    first = data["findings"][0]
    assert set(first) == {"rule", "severity", "row", "field", "message", "lokasi"}
    missing = [f for f in data["findings"] if f["rule"] == "missing-pelaksana"]
    assert missing == [
        {
            "rule": "missing-pelaksana",
            "severity": "error",
            "row": 34,
            "field": "pelaksana",
            "message": "Kolom PELAKSANA kosong",
            "lokasi": {"halaman": 13, "baris": 34},
        }
    ]


def test_csv_one_line_per_finding() -> None:
    report = seed_report()
    rows = list(csv.reader(io.StringIO(render("csv", report))))
    # The first seven columns as they always were; a workbook's and a Word file's places after.
    assert rows[0] == ["file", "row", "page", "rule", "severity", "field", "message",
                       "sheet", "sheet_row", "cell", "table", "table_row"]
    assert len(rows) == 1 + len(report.findings)
    assert [
        "rak-kubu-raya-2024.pdf",
        "34",
        "13",
        "missing-pelaksana",
        "error",
        "pelaksana",
        "Kolom PELAKSANA kosong",
        "", "", "", "", "",
    ] in rows


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_neutralises_formulas(start: str) -> None:
    doc = seed_document()
    from checks.finding import Finding, Severity

    finding = Finding("missing-target", Severity.ERROR, 1, "target", f'{start}HYPERLINK("x")')
    report = Report(f"{start}cmd.pdf", doc.to_dict(), doc, [finding])
    rows = list(csv.reader(io.StringIO(render("csv", report))))
    assert rows[1][0] == f"'{start}cmd.pdf"
    assert rows[1][6].startswith(f"'{start}")
