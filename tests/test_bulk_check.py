"""`rak check PATH...` over a folder: one summary line per file, reports, worst exit code."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from rak.cli import app

from .conftest import SAMPLES
from .test_bulk_extract import _mixed, _summary


def test_check_folder_with_good_bad_slow_crashing_and_same_named_files(tmp_path, faulty_files):
    top = _mixed(tmp_path)
    shutil.copy(SAMPLES / "rak-satu-tabel.docx", top / "mati.docx")
    out = tmp_path / "hasil"
    faulty_files({"lambat.*": "sleep", "mati.*": "segv"})
    res = CliRunner().invoke(
        app, ["check", str(top), "--out", str(out), "--jobs", "2", "--timeout", "15"])
    assert res.exit_code == 2, res.output
    assert "catatan.txt" in res.stderr  # skipped, and said so

    lines = _summary(out)
    assert sorted(lines) == ["bukan-rak.pdf", "kalbar-prov/rak.docx", "lambat.docx",
                             "mati.docx", "mempawah.pdf", "rusak.pdf", "sambas/rak.docx"]
    status = {k: v["status"] for k, v in lines.items()}
    reasons = {k: v["reason"] for k, v in lines.items() if v["reason"]}
    # Warnings only (no error): "ada catatan", worth a look, nothing to fix before signing.
    assert status == {"bukan-rak.pdf": "gagal dibaca", "kalbar-prov/rak.docx": "ada catatan",
                      "lambat.docx": "gagal dibaca", "mati.docx": "gagal dibaca",
                      "mempawah.pdf": "ada catatan", "rusak.pdf": "gagal dibaca",
                      "sambas/rak.docx": "ada catatan"}, reasons
    assert all(lines[k]["errors"] == "0" for k, v in status.items() if v == "ada catatan")
    assert "SIGSEGV" in lines["mati.docx"]["reason"]
    assert "batas waktu" in lines["lambat.docx"]["reason"]
    sambas = lines["sambas/rak.docx"]
    assert (sambas["rows"], sambas["errors"], sambas["warnings"]) == ("24", "0", "3")

    # Each readable file has its own JSON and HTML report; same-named files do not collide.
    reports = {lines[k]["report_json"] for k in ("sambas/rak.docx", "kalbar-prov/rak.docx")}
    assert len(reports) == 2
    for line in lines.values():
        if line["status"] == "gagal dibaca":
            assert not line["report_json"] and not line["report_html"]
            continue
        data = json.loads((out / line["report_json"]).read_text("utf-8"))
        assert len(data["rows"]) == int(line["rows"])
        assert len(data["findings"]) == int(line["warnings"]) + int(line["errors"]) + int(
            line["infos"])
        assert (out / line["report_html"]).read_text("utf-8").startswith("<!DOCTYPE html>")
    index = (out / "index.html").read_text("utf-8")
    assert index.index("rusak.pdf") < index.index("sambas/rak.docx")  # worst first
    for line in lines.values():
        if line["report_html"]:
            assert f'href="{line["report_html"]}"' in index
    # Totals by rule add up the findings of every file's own report.
    totals: dict[str, int] = {}
    for line in lines.values():
        if line["report_json"]:
            for f in json.loads((out / line["report_json"]).read_text("utf-8"))["findings"]:
                totals[f["rule"]] = totals.get(f["rule"], 0) + 1
    assert totals
    for rule, n in totals.items():
        row = index[index.index(f"<code>{rule}</code>"):].split("</tr>")[0]
        assert f'<td class="n">{n}</td>' in row, (rule, row)

    ws = load_workbook(out / "ringkasan.xlsx")["Ringkasan"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert ws.max_row == 1 + len(lines)


def test_exit_code_follows_fail_on_over_all_files(tmp_path):
    folder = tmp_path / "baik"
    folder.mkdir()
    for name in ("rak-arsir.docx", "rak-triwulan.docx"):
        shutil.copy(SAMPLES / name, folder / name)
    runner = CliRunner()
    res = runner.invoke(app, ["check", str(folder)])  # warnings only: below --fail-on error
    assert res.exit_code == 0, res.output
    assert ("2 berkas: 0 perlu perbaikan, 2 ada catatan, 0 bersih, 0 pembacaan tidak yakin, "
            "0 gagal dibaca") in res.stdout
    res = runner.invoke(app, ["check", str(folder), "--fail-on", "warning", "--lang", "en"])
    assert res.exit_code == 1
    assert "has notes" in res.stdout
    res = runner.invoke(app, ["check", str(folder), "--select", "no-such-rule"])
    assert res.exit_code == 2


def test_check_reads_back_json_written_by_bulk_extract(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    shutil.copy(SAMPLES / "rak-arsir.docx", folder / "rak.docx")
    runner = CliRunner()
    res = runner.invoke(app, ["extract", str(folder), "--out", str(tmp_path / "json")])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["check", str(tmp_path / "json" / "berkas"), "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(res.stdout.lstrip("\ufeff").splitlines()))
    assert [(Path(r["file"]).name, r["rows"], r["warnings"]) for r in rows] == [
        ("arsip__rak.docx.json", "24", "3")]


def test_single_file_check_is_unchanged(tmp_path):
    res = CliRunner().invoke(app, ["check", str(SAMPLES / "rak-arsir.docx"), "-f", "json"])
    data = json.loads(res.stdout)
    assert set(data) >= {"schema_version", "source", "rows", "findings"}
    assert data["source"]["file"] == "rak-arsir.docx"


def test_html_summary_needs_out(tmp_path):
    res = CliRunner().invoke(app, ["check", str(SAMPLES / "rak-arsir.docx"),
                                   str(SAMPLES / "rak-triwulan.docx"), "-f", "html"])
    assert res.exit_code == 2 and "--out" in res.stderr


def test_a_broken_rak_toml_spoils_only_its_own_folder(tmp_path):
    good, bad = tmp_path / "baik", tmp_path / "rusak"
    good.mkdir()
    bad.mkdir()
    shutil.copy(SAMPLES / "rak-arsir.docx", good / "rak.docx")
    shutil.copy(SAMPLES / "rak-arsir.docx", bad / "rak.docx")
    (bad / "rak.toml").write_text("fail-on = [")
    table = tmp_path / "ringkasan.txt"
    res = CliRunner().invoke(app, ["check", str(good), str(bad), "-o", str(table)])
    assert res.exit_code == 2, res.output
    text = table.read_text("utf-8")
    assert "1 ada catatan, 0 bersih, 0 pembacaan tidak yakin, 1 gagal dibaca" in text
    assert "TOML tidak sah" in text


def test_progress_is_silent_when_not_a_terminal(capsys):
    from rak.bulk.progress import BulkProgress

    with BulkProgress(3, "id") as progress:
        progress.advance()
    assert not progress.enabled
    assert capsys.readouterr().err == ""
