"""Bulk runs that never die or hang (issue #11): odd names, FIFOs, a full disk, planted links,
a conversion that overruns. Each runs rak in a child process under hard limits."""

from __future__ import annotations

import csv
import os
import shutil
import socket
import stat
from pathlib import Path

import pytest

from .bad import hostile
from .conftest import SAMPLES


def _summary(out: Path) -> list[dict[str, str]]:
    with (out / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _no_traceback(ran: hostile.Ran) -> None:
    assert "Traceback" not in ran.stderr + ran.stdout, ran.stderr


def test_odd_names_fifos_and_sockets_keep_one_line_per_regular_file(tmp_path: Path):
    top = tmp_path / "masuk"
    top.mkdir()
    undecodable = os.fsdecode(b"\xff\xfe.docx")
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / undecodable)
    shutil.copy(SAMPLES / "rak-satu-tabel.docx", top / "a\x1b]0;JUDUL\x07b\x1b[31m.docx")
    os.mkfifo(top / "catatan.txt")
    os.mkfifo(top / "tunggu.pdf")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(top / "soket.pdf"))
    try:
        ran = hostile.run_rak("extract", str(top), "--out", str(tmp_path / "hasil"), timeout=120)
    finally:
        sock.close()
    _no_traceback(ran)
    assert ran.code == 0, ran.stderr
    terminal = ran.stdout + ran.stderr
    assert "\x1b" not in terminal and "\x07" not in terminal
    files = sorted(line["file"] for line in _summary(tmp_path / "hasil"))
    shown = ["\\xff\\xfe.docx", "a\\x1b]0;JUDUL\\x07b\\x1b[31m.docx"]
    assert files == [str(top / name) for name in shown]
    for name in ("catatan.txt", "tunggu.pdf", "soket.pdf"):
        assert f"{name}: bukan berkas biasa" in ran.stderr
    assert len(list((tmp_path / "hasil" / "berkas").glob("*.json"))) == 2


def test_a_full_disk_costs_one_line_and_the_summary_says_what_is_missing(tmp_path: Path):
    # RLIMIT_FSIZE makes every write past 60 KB fail (EFBIG) as a full disk would: the long
    # RAK's JSON and rows.csv cannot be written, the small ones can.
    top = tmp_path / "masuk"
    top.mkdir()
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / "kecil.docx")
    shutil.copy(SAMPLES / "rak-panjang-40.docx", top / "panjang.docx")
    out = tmp_path / "hasil"
    ran = hostile.run_rak("extract", str(top), "--out", str(out), fsize=60_000, timeout=120)
    _no_traceback(ran)
    assert ran.code == 2
    lines = {Path(x["file"]).name: x for x in _summary(out)}
    assert set(lines) == {"kecil.docx", "panjang.docx"}
    assert "laporannya tidak dapat ditulis" in lines["panjang.docx"]["reason"]
    assert lines["kecil.docx"]["report_json"] and not lines["panjang.docx"]["report_json"]
    assert [p.name for p in out.rglob("*") if p.name.endswith(".tmp")] == []
    # Fuller still: index.html (8 KB) cannot be written either; the run says so in one line
    # and ringkasan.csv (written first, a few hundred bytes) is there.
    tight = tmp_path / "sempit"
    ran = hostile.run_rak("extract", str(top), "--out", str(tight), fsize=6_000, timeout=120)
    _no_traceback(ran)
    assert ran.code == 2 and len(_summary(tight)) == 2
    said = [x for x in ran.stderr.splitlines() if "tidak dapat ditulis ke" in x]
    assert len(said) == 1 and "index.html" in said[0] and "File too large" in said[0]
    assert [p.name for p in tight.rglob("*") if p.name.endswith(".tmp")] == []


def test_planted_links_in_the_out_folder_are_never_written_through(tmp_path: Path):
    top = tmp_path / "masuk"
    top.mkdir()
    shutil.copy(SAMPLES / "rak-triwulan.docx", top / "rak.docx")
    out = tmp_path / "hasil"
    (out / "berkas").mkdir(parents=True)
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "asli.txt").write_text("asli")
    (out / "berkas" / "masuk__rak.docx.json.tmp").symlink_to(outside / "satu.txt")
    (out / "ringkasan.csv.tmp").symlink_to(outside / "dua.txt")
    (out / "rows.csv.tmp").symlink_to(outside / "tiga.txt")
    (out / "berkas" / "masuk__rak.docx.json").symlink_to(outside / "asli.txt")
    ran = hostile.run_rak("extract", str(top), "--out", str(out), timeout=120)
    _no_traceback(ran)
    assert ran.code == 0, ran.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["asli.txt"]
    assert (outside / "asli.txt").read_text() == "asli"
    report = out / "berkas" / "masuk__rak.docx.json"
    assert not report.is_symlink() and report.read_text().startswith("{")
    assert _summary(out)[0]["report_json"] == "berkas/masuk__rak.docx.json"


def _fake_soffice(folder: Path, seconds: int) -> None:
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\nmkdir -p \"$TMPDIR/rak-legacy-sisa\"\nexec sleep {seconds}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def _sleepers(seconds: int) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if cmd[:2] == [b"sleep", str(seconds).encode()]:
            found.append(int(pid))
    return found


@pytest.mark.parametrize("bulk", [True, False])
def test_a_doc_that_times_out_leaves_no_folder_and_no_process(tmp_path: Path, bulk: bool):
    seconds = 287 if bulk else 289  # a marker to find the fake LibreOffice by
    _fake_soffice(tmp_path / "bin", seconds)
    temp = tmp_path / "tmp"
    temp.mkdir()
    doc = tmp_path / "lama.doc"
    shutil.copy(SAMPLES / "rak-kubu-raya-2024.doc", doc)
    args = ["extract", str(doc), "--timeout", "3"] + (["--out", str(tmp_path / "o")] if bulk
                                                      else [])
    env = {"PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}", "TMPDIR": str(temp)}
    ran = hostile.run_rak(*args, env=env, timeout=60)
    _no_traceback(ran)
    assert ran.code == 2 and "melebihi batas waktu" in ran.stdout + ran.stderr
    assert ran.seconds < 30
    assert list(temp.iterdir()) == []
    assert _sleepers(seconds) == []


@pytest.mark.slow  # a workbook built to need gigabytes, read twice: ~35 s
def test_the_memory_limit_of_rak_toml_applies_to_each_file_of_a_check(tmp_path: Path):
    top = tmp_path / "masuk"
    top.mkdir()
    (top / "rak.toml").write_text("max-memory = 256\n")
    (top / "gabung.xlsx").write_bytes(hostile.xlsx_huge_merge("A100:Z60000"))
    shutil.copy(SAMPLES / "rak-kubu-raya-2024.xlsx", top / "baik.xlsx")
    ran = hostile.run_rak("check", str(top), "--out", str(tmp_path / "hasil"), timeout=120)
    _no_traceback(ran)
    lines = {Path(x["file"]).name: x for x in _summary(tmp_path / "hasil")}
    assert "melebihi batas memori (256 MB" in lines["gabung.xlsx"]["reason"]
    assert lines["baik.xlsx"]["status"] != "gagal dibaca"  # read: its own status
    hostile.run_rak("check", str(top), "--out", str(tmp_path / "lagi"), "--max-memory", "1000",
                    timeout=120)
    lines = {Path(x["file"]).name: x for x in _summary(tmp_path / "lagi")}
    assert lines["gabung.xlsx"]["status"] != "gagal dibaca"  # 1.56 million cells fit 1000 MB
