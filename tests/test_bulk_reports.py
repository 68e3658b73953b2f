"""A KPU Provinsi's run over its kabupaten/kota: a folder in, reports people act on out.

The folder holds committed samples (warnings only, the seed's errors, a clean one by its
rak.toml), a doubtful reading, a broken file and a text file. The statuses expected come
from what each sample is made to hold (samples/README.md and its .expected.json), the
counts of the workbook from ringkasan.json, and the pelaksana from the seed's spec.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from rak.cli import app

from .conftest import SAMPLES

PDI = "Subbagian Perencanaan, Data dan Informasi"
KUL = "Subbagian Keuangan, Umum dan Logistik"
TEKNIS = "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"
HUKUM = "Subbagian Hukum dan SDM"
# The seed's PELAKSANA spellings (rak-kubu-raya-2024.expected.json), by the unit they name.
SEED_UNITS = {
    "Subbagian Hukum dan SDM": HUKUM,
    "Subbag. Keuangan, Umum dan Logistik": KUL,
    "Subbag. Keuangan. Umum, dan Logistik": KUL,
    "Subbag. Keuangan, Umum, dan Logistik": KUL,
    "Subbag Teknis dan Hupmas": TEKNIS,
    "Subbag. Perencanaan, data dan informasi": PDI,
    "Subbag. Perencanaan data dan informasi": PDI,
    "√": "(bukan nama unit)",
    "": "(kosong)",
}


def _doubtful(src: Path, dest: Path) -> None:
    """rak-arsir.docx read by rak extract, with three rows' reading put in doubt (a mark
    found in a text column, keyakinan 0.4): what a reader leaves when it may have misread."""
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(dest)])
    assert res.exit_code == 0, res.output
    data = json.loads(dest.read_text("utf-8"))
    for row in data["rows"][2:5]:
        row["keyakinan"], row["alasan"] = 0.4, ["mark-in-text"]
    dest.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


@pytest.fixture(scope="module")
def kalbar(tmp_path_factory) -> Path:
    top = tmp_path_factory.mktemp("run") / "kalbar"
    (top / "kubu-raya").mkdir(parents=True)
    (top / "bersih").mkdir()
    shutil.copy(SAMPLES / "rak-kubu-raya-2024.xlsx", top / "kubu-raya" / "rak.xlsx")
    # The seed's two doubtful rows (a √ in a text column) are looked at by eye here.
    (top / "kubu-raya" / "rak.toml").write_text("min-keyakinan = 0.8\n")
    shutil.copy(SAMPLES / "rak-arsir.pdf", top / "sambas.pdf")
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / "provinsi.docx")
    shutil.copy(SAMPLES / "rak-arsir.docx", top / "bersih" / "sambas.docx")
    (top / "bersih" / "rak.toml").write_text(
        'ignore = ["schedule-count-mismatch", "target-unit-mismatch", "target-without-unit"]\n')
    _doubtful(SAMPLES / "rak-arsir.docx", top / "ragu.json")
    (top / "landak-rusak.pdf").write_bytes((SAMPLES / "rak-arsir.pdf").read_bytes()[:1500])
    (top / "catatan.txt").write_text("bukan RAK")
    return top


@pytest.fixture(scope="module")
def hasil(kalbar: Path) -> Path:
    out = kalbar.parent / "hasil"
    res = CliRunner().invoke(app, ["check", str(kalbar), "--out", str(out), "--jobs", "2"])
    assert res.exit_code == 2, res.output  # an unreadable file is the worst
    return out


def _files(out: Path) -> dict[str, dict]:
    data = json.loads((out / "ringkasan.json").read_text("utf-8"))
    return {Path(f["file"]).relative_to(out.parent / "kalbar").as_posix(): f
            for f in data["files"]}


def test_every_file_has_a_line_and_the_status_a_reader_acts_on(hasil: Path):
    files = _files(hasil)
    assert {k: v["status"] for k, v in files.items()} == {
        "kubu-raya/rak.xlsx": "perlu perbaikan",  # the seed's empty PELAKSANA (row 34)
        "sambas.pdf": "ada catatan",  # warnings only
        "provinsi.docx": "ada catatan",
        "bersih/sambas.docx": "bersih",  # its rak.toml ignores the rules it would break
        "ragu.json": "pembacaan tidak yakin",  # its only errors are the rows in doubt
        "landak-rusak.pdf": "gagal dibaca",
    }
    data = json.loads((hasil / "ringkasan.json").read_text("utf-8"))
    # Nothing is left out silently: the text file and the two rak.toml are listed as skipped.
    assert sorted(s["file"].rsplit("/", 1)[-1] for s in data["skipped"]) == [
        "catatan.txt", "rak.toml", "rak.toml"]
    kubu = files["kubu-raya/rak.xlsx"]
    assert kubu["unit_baku"] == "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya"
    assert kubu["unit_organisasi"] == "SEKRETARIAT KPU KABUPATEN KUBU RAYA"
    assert kubu["reason"] == "2 baris perlu diperiksa dengan mata"
    assert kubu["keyakinan"] == 0.75
    assert files["ragu.json"]["reason"] == "3 baris perlu diperiksa dengan mata"
    assert files["ragu.json"]["keyakinan"] == 0.4
    assert files["landak-rusak.pdf"]["errors"] == "" and files["landak-rusak.pdf"]["reason"]


def _sheet(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_the_workbook_has_four_sheets_in_indonesian_with_the_counts_of_the_summary(hasil):
    files = _files(hasil)
    wb = load_workbook(hasil / "ringkasan.xlsx")
    assert wb.sheetnames == ["Ringkasan", "Temuan", "Per aturan", "Per pelaksana"]
    summary = _sheet(wb["Ringkasan"])
    assert list(summary[0])[:10] == ["Berkas", "Unit organisasi", "Unit (seperti tertulis)",
                                     "Tahun", "Baris", "Kesalahan", "Peringatan", "Info",
                                     "Status", "Keyakinan"]
    by_file = {Path(r["Berkas"]).relative_to(hasil.parent / "kalbar").as_posix(): r
               for r in summary}
    assert set(by_file) == set(files)
    for name, f in files.items():
        row = by_file[name]
        assert (row["Status"], row["Baris"] or "", row["Kesalahan"], row["Peringatan"],
                row["Info"]) == (f["status"], f["rows"], f["errors"] if f["errors"] != ""
                                 else None, f["warnings"] if f["warnings"] != "" else None,
                                 f["infos"] if f["infos"] != "" else None)
    # Errors first, then unreadable, in doubt, notes, clean.
    assert [r["Status"] for r in summary] == ["perlu perbaikan", "gagal dibaca",
                                              "pembacaan tidak yakin", "ada catatan",
                                              "ada catatan", "bersih"]

    findings = _sheet(wb["Temuan"])
    assert list(findings[0]) == ["Berkas", "Unit organisasi", "Baris", "Lokasi", "Aturan",
                                 "Tingkat", "Pesan"]
    per_file = Counter(r["Berkas"] for r in findings)
    for f in files.values():
        total = sum(f[k] for k in ("errors", "warnings", "infos") if f[k] != "")
        assert per_file.get(f["file"], 0) == total, f["file"]
    assert {r["Tingkat"] for r in findings} <= {"kesalahan", "peringatan", "info"}
    # Where to look, in the user's terms: a PDF's findings name their page.
    sambas = [r for r in findings if r["Berkas"].endswith("sambas.pdf") and r["Baris"]]
    assert sambas and all(re.fullmatch(r"hal\. \d+", r["Lokasi"]) for r in sambas)

    rules = _sheet(wb["Per aturan"])
    severity = Counter((r["Aturan"], r["Tingkat"]) for r in findings)
    for r in rules:
        assert (r["Kesalahan"], r["Peringatan"], r["Info"]) == tuple(
            severity[(r["Aturan"], s)] for s in ("kesalahan", "peringatan", "info"))
        assert r["Jumlah"] == r["Kesalahan"] + r["Peringatan"] + r["Info"]
        assert r["Berkas terdampak"] == len({x["Berkas"] for x in findings
                                             if x["Aturan"] == r["Aturan"]})
    assert sum(r["Jumlah"] for r in rules) == len(findings)


def test_per_pelaksana_has_one_line_per_unit_and_never_a_check_mark(hasil: Path):
    rows = {r["Pelaksana"]: r for r in _sheet(load_workbook(hasil / "ringkasan.xlsx")
                                              ["Per pelaksana"])}
    assert "√" not in rows and "v" not in rows
    assert {PDI, KUL, TEKNIS, HUKUM, "(bukan nama unit)", "(kosong)"} <= set(rows)
    assert rows["(bukan nama unit)"]["Ditulis sebagai"].startswith("√ (")
    # Both ways the seed spells Perencanaan sit beside the one name.
    written = rows[PDI]["Ditulis sebagai"]
    assert "Subbag. Perencanaan, data dan informasi" in written
    assert "Subbag. Perencanaan data dan informasi" in written
    assert not any(name.lower().startswith("subbag.") for name in rows)


def test_per_pelaksana_of_the_seed_follows_its_spec(tmp_path: Path):
    folder = tmp_path / "kubu"
    folder.mkdir()
    shutil.copy(SAMPLES / "rak-kubu-raya-2024.xlsx", folder / "rak.xlsx")
    shutil.copy(SAMPLES / "rak-kubu-raya-2024.docx", folder / "rak.docx")
    out = tmp_path / "hasil"
    res = CliRunner().invoke(app, ["check", str(folder), "--out", str(out), "--jobs", "1"])
    assert res.exit_code == 1, res.output
    spec = json.loads((SAMPLES / "rak-kubu-raya-2024.expected.json").read_text("utf-8"))
    expected = Counter(SEED_UNITS[r["pelaksana"]] for r in spec["rows"])
    data = json.loads((out / "ringkasan.json").read_text("utf-8"))
    got = {p["pelaksana"]: (p["rows"], p["files"]) for p in data["by_pelaksana"]}
    assert got == {unit: (2 * n, 2) for unit, n in expected.items()}  # two files of the seed


def test_the_workbook_is_print_ready_and_opens_in_libreoffice(hasil: Path, tmp_path: Path):
    wb = load_workbook(hasil / "ringkasan.xlsx")
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        assert all(ws.column_dimensions[c].width for c in "ABC")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is not installed"
    res = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(hasil / "ringkasan.xlsx")],
        capture_output=True, text=True, timeout=180)
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "ringkasan.pdf"
    assert pdf.stat().st_size > 0, res.stdout + res.stderr
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    assert pages and all(p.mediabox.width > p.mediabox.height for p in pages)  # landscape
    text = "\n".join(p.extract_text() for p in pages)
    assert "perlu perbaikan" in text and "Ditulis sebagai" in text  # Ringkasan, Per pelaksana


def test_index_is_errors_first_filterable_and_links_every_report(hasil: Path):
    page = (hasil / "index.html").read_text("utf-8")
    statuses = re.findall(r'<tr data-status="(\w+)"', page)
    order = ["errors", "unreadable", "uncertain", "notes", "clean"]
    assert statuses == sorted(statuses, key=order.index) and len(statuses) == 6
    assert '<select id="f-status">' in page and '<select id="f-rule">' in page
    for status in ("errors", "unreadable", "uncertain", "notes", "clean"):
        assert f'<option value="{status}">' in page
    assert '<option value="missing-pelaksana">' in page
    assert 'data-rule="missing-pelaksana"' in page  # a click in the table by rule filters
    assert "<script>" in page and "src=" not in page and "<link" not in page  # offline
    for f in _files(hasil).values():
        if f["report_html"]:
            assert f'href="{f["report_html"]}"' in page
            assert (hasil / f["report_html"]).exists()
    kubu = page[page.index('data-status="errors"'):].split("</tr>")[0]
    assert "Sekretariat Komisi Pemilihan Umum Kabupaten Kubu Raya" in kubu
    assert "<small>SEKRETARIAT KPU KABUPATEN KUBU RAYA</small>" in kubu


def test_english_run_says_it_all_in_english(kalbar: Path, tmp_path: Path):
    out = tmp_path / "en"
    res = CliRunner().invoke(app, ["check", str(kalbar), "--out", str(out), "--lang", "en"])
    assert res.exit_code == 2
    assert ("6 files: 1 need fixing, 2 with notes, 1 clean, 1 reading uncertain, "
            "1 unreadable") in res.stdout
    wb = load_workbook(out / "ringkasan.xlsx")
    assert wb.sheetnames == ["Summary", "Findings", "By rule", "By pelaksana"]
    assert {r["Status"] for r in _sheet(wb["Summary"])} == {
        "needs fixing", "has notes", "clean", "reading uncertain", "unreadable"}
    assert {r["Severity"] for r in _sheet(wb["Findings"])} <= {"error", "warning", "info"}
    assert "(not a unit name)" in {r["Pelaksana (unit)"] for r in _sheet(wb["By pelaksana"])}
    page = (out / "index.html").read_text("utf-8")
    assert '<option value="errors">needs fixing (1)</option>' in page


def test_summary_on_stdout_as_json_holds_the_totals(kalbar: Path):
    res = CliRunner().invoke(app, ["check", str(kalbar), "-f", "json"])
    data = json.loads(res.stdout)
    assert len(data["files"]) == 6 and {"by_rule", "by_pelaksana", "skipped"} <= set(data)
    errors = sum(f["errors"] for f in data["files"] if f["errors"] != "")
    assert sum(r["error"] for r in data["by_rule"]) == errors
