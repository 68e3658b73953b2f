"""`rak extract PATH...` over a folder: one line per file, one JSON per file, one dataset."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.cli import app

from .conftest import ROOT, SAMPLES, SHARED

LOREM = SHARED / "external" / "pdfplumber-tests" / "issue-33-lorem-ipsum.pdf"


def _mixed(tmp_path: Path) -> Path:
    """Good RAKs (two named rak.docx), a corrupt PDF, a non-RAK PDF, a slow file, a text file."""
    top = tmp_path / "kalbar"
    (top / "sambas").mkdir(parents=True)
    (top / "kalbar-prov").mkdir()
    shutil.copy(SAMPLES / "rak-arsir.docx", top / "sambas" / "rak.docx")
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / "kalbar-prov" / "rak.docx")
    shutil.copy(SAMPLES / "rak-wingdings.pdf", top / "mempawah.pdf")
    (top / "rusak.pdf").write_bytes((SAMPLES / "rak-arsir.pdf").read_bytes()[:1500])
    if LOREM.exists():
        shutil.copy(LOREM, top / "bukan-rak.pdf")
    else:  # a PDF with text and no table
        shutil.copy(SAMPLES / "rak-arsir.pdf", top / "bukan-rak.pdf")
    shutil.copy(SAMPLES / "rak-no-anggaran.docx", top / "lambat.docx")
    (top / "catatan.txt").write_text("bukan RAK")
    return top


def _summary(out: Path) -> dict[str, dict[str, str]]:
    with (out / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_file = {Path(r["file"]).relative_to(out.parent / "kalbar").as_posix(): r for r in rows}
    assert len(by_file) == len(rows), "a file appears twice"
    return by_file


def test_extract_folder_with_good_bad_slow_and_same_named_files(tmp_path, faulty_files):
    top = _mixed(tmp_path)
    out = tmp_path / "hasil"
    faulty_files({"lambat.*": "sleep"})
    res = CliRunner().invoke(
        app, ["extract", str(top), "--out", str(out), "--jobs", "2", "--timeout", "15"])
    assert res.exit_code == 2, res.output  # unreadable files present

    lines = _summary(out)
    assert sorted(lines) == ["bukan-rak.pdf", "kalbar-prov/rak.docx", "lambat.docx",
                             "mempawah.pdf", "rusak.pdf", "sambas/rak.docx"]
    status = {k: v["status"] for k, v in lines.items()}
    reasons = {k: v["reason"] for k, v in lines.items() if v["reason"]}
    assert status == {"bukan-rak.pdf": "gagal dibaca", "kalbar-prov/rak.docx": "terbaca",
                      "lambat.docx": "gagal dibaca", "mempawah.pdf": "terbaca",
                      "rusak.pdf": "gagal dibaca", "sambas/rak.docx": "terbaca"}, reasons
    assert "batas waktu 15 detik" in lines["lambat.docx"]["reason"]
    assert "tabel RAK" in lines["bukan-rak.pdf"]["reason"]
    assert lines["rusak.pdf"]["reason"]
    assert lines["sambas/rak.docx"]["unit_organisasi"] == "SEKRETARIAT KPU KABUPATEN SAMBAS"
    assert lines["kalbar-prov/rak.docx"]["tahun"] == "2025"
    assert lines["sambas/rak.docx"]["rows"] == "24"

    # Same name, different folders: two JSON files, each its own document.
    a = json.loads((out / lines["sambas/rak.docx"]["report_json"]).read_text("utf-8"))
    b = json.loads((out / lines["kalbar-prov/rak.docx"]["report_json"]).read_text("utf-8"))
    assert a["periode"] == "bulan" and b["periode"] == "triwulan"
    assert sorted(p.name for p in (out / "berkas").iterdir()) == [
        "kalbar__kalbar-prov__rak.docx.json", "kalbar__mempawah.pdf.json",
        "kalbar__sambas__rak.docx.json"]
    for name in ("ringkasan.csv", "ringkasan.xlsx", "index.html", "rows.csv", "rows.jsonl",
                 "dilewati.csv"):
        assert (out / name).is_file(), name
    assert "catatan.txt" in (out / "dilewati.csv").read_text("utf-8-sig")

    # The combined dataset: every row of every file read, with file, unit and year.
    records = [json.loads(x) for x in (out / "rows.jsonl").read_text("utf-8").splitlines()]
    per_file = {int(v["rows"]) for v in lines.values() if v["rows"]}
    assert len(records) == sum(int(v["rows"]) for v in lines.values() if v["rows"])
    assert per_file and all(r["file"] and r["unit_organisasi"] and r["tahun"] for r in records)
    with (out / "rows.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == len(records)
    assert {"TW1", "B12", "pelaksana"} <= set(table[0])
    assert not list(tmp_path.glob("hasil/**/*.tmp"))


def test_single_file_without_out_keeps_its_old_output(tmp_path):
    from extractor import extract
    from rak.export import to_json

    sample = SAMPLES / "rak-arsir.docx"
    res = CliRunner().invoke(app, ["extract", str(sample)])
    assert res.exit_code == 0
    assert res.stdout == to_json(extract(sample)) + "\n"


def test_several_files_without_out_print_the_rows_as_one_dataset(tmp_path):
    a, b = SAMPLES / "rak-arsir.docx", SAMPLES / "rak-triwulan.docx"
    res = CliRunner().invoke(app, ["extract", str(a), str(b), "-f", "csv", "--lang", "en"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("file,unit_organisasi,tahun,baris")
    assert len(lines) == 1 + 24 + 30
    assert "2 files: 2 read (54 rows), 0 unreadable" in res.stderr


def _sigint_default() -> None:
    """Ctrl-C as a terminal's foreground job gets it. A suite started in the background
    (``pytest &``, a CI runner) has SIGINT ignored, every child inherits that, and rak
    rightly keeps ignoring it: the test would wait for a Ctrl-C that can never arrive."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_the_workers_and_keeps_what_is_finished(tmp_path):
    top = tmp_path / "kalbar"
    top.mkdir()
    shutil.copy(SAMPLES / "rak-arsir.docx", top / "a-cepat.docx")
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / "b-lambat.docx")
    out = tmp_path / "hasil"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.faults", "b-lambat.*=sleep", "--",
         "extract", str(top), "--out", str(out), "--jobs", "2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=_sigint_default)
    deadline = time.monotonic() + 90
    while not (out / "berkas" / "kalbar__a-cepat.docx.json").exists():
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.2)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the parent and its workers
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    text = (out / "ringkasan.csv").read_text("utf-8-sig")
    assert "a-cepat.docx" in text and "terbaca" in text
    assert "b-lambat.docx" in text and "dibatalkan" in text
    assert len((out / "rows.jsonl").read_text("utf-8").splitlines()) == 24


@pytest.mark.parametrize("bad", [["--jobs", "-1"], ["--timeout", "-5"]])
def test_bad_bulk_options_are_usage_errors(tmp_path, bad):
    res = CliRunner().invoke(app, ["extract", str(tmp_path), *bad])
    assert res.exit_code == 2


def test_folder_without_rak_files_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    res = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert res.exit_code == 2
    assert "tidak ada berkas RAK" in res.stderr and "a.txt" in res.stderr
