"""What the command line does with the paths and formats it is given, in both languages.

A missing path is said as such (never "berkas rusak"); ``-f`` lists its choices; without
``-f`` the ending of ``-o`` picks the format; several files without ``--out`` print each
file's findings before the summary; a long file shows the pages read on a terminal only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from extractor import ExtractOptions, extract
from rak.cli import app
from rak.exitcodes import ExitCode
from rak.progress import page_progress

from .conftest import ROOT, SAMPLES
from .seed_doc import seed_data

runner = CliRunner()
DOCX = SAMPLES / "rak-arsir.docx"
OTHER_DOCX = SAMPLES / "rak-triwulan.docx"
TWO_PAGES = SAMPLES / "rak-tanpa-garis-potret.pdf"


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture()
def seed_json(tmp_path: Path) -> Path:
    path = tmp_path / "rak.json"
    path.write_text(json.dumps(seed_data(), ensure_ascii=False), "utf-8")
    return path


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and result.stdout == "", result.output
    return lines[0]


@pytest.mark.parametrize("args", [
    ("extract", "{missing}"),
    ("extract", "{missing}", "-f", "csv"),
    ("check", "{missing}"),
    ("check", "{json}"),
    ("debug", "{missing}", "--out", "{tmp}/lihat"),
    ("check", str(DOCX), "--pk", "{missing}"),
    ("check", str(DOCX), "--config", "{toml}"),
])
def test_a_missing_path_is_not_found_not_damaged(args: tuple[str, ...], tmp_path: Path) -> None:
    names = {"missing": tmp_path / "tidak-ada.pdf", "json": tmp_path / "tidak-ada.json",
             "toml": tmp_path / "rak.toml", "tmp": tmp_path}
    filled = [a.format(**names) for a in args]
    missing = next(str(p) for k, p in names.items() if k != "tmp" and f"{{{k}}}" in args)
    for lang, said in (("id", "berkas tidak ditemukan: "), ("en", "file not found: ")):
        result = run(*filled, "--lang", lang)
        assert result.exit_code == ExitCode.INPUT
        assert one_line(result) == f"{said}{missing}"
        assert "rusak" not in result.stderr and "damaged" not in result.stderr


def test_too_many_pages_says_the_option_in_one_language() -> None:
    from pypdf import PdfReader

    pages = len(PdfReader(TWO_PAGES).pages)
    said = one_line(run("extract", TWO_PAGES, "--max-pages", "1"))
    assert said == f"{TWO_PAGES}: {pages} halaman, melebihi batas --max-pages 1"
    english = one_line(run("extract", TWO_PAGES, "--max-pages", "1", "--lang", "en"))
    assert english == f"{TWO_PAGES}: {pages} pages, more than the limit --max-pages 1"


def test_a_missing_path_among_several_is_its_line(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # short names: the summary table keeps each on one line
    Path("rak.docx").write_bytes(DOCX.read_bytes())
    missing = "hilang.docx"
    result = run("check", "rak.docx", missing)
    assert result.exit_code == ExitCode.INPUT
    out = result.stdout.splitlines()
    # Its place among the findings, and its line in the summary.
    assert f"berkas tidak ditemukan: {missing}" in out
    summary = [x for x in out if x.startswith(missing)]
    assert len(summary) == 1 and "gagal dibaca" in summary[0], result.stdout
    assert "rusak" not in result.stdout


def test_an_empty_or_foreign_file_in_a_folder_is_skipped_in_words(tmp_path: Path) -> None:
    (tmp_path / "catatan.txt").write_bytes(b"")
    (tmp_path / "teks.txt").write_text("bukan RAK", "utf-8")
    (tmp_path / "rak.docx").write_bytes(DOCX.read_bytes())
    said = run("check", tmp_path).stderr
    assert f"{tmp_path / 'catatan.txt'}: berkas kosong" in said
    assert f"{tmp_path / 'teks.txt'}: bukan PDF, Word atau Excel (text/plain)" in said
    assert "EmptyDocument" not in said and "teks/text" not in said
    english = run("check", tmp_path, "--lang", "en").stderr
    assert f"{tmp_path / 'catatan.txt'}: empty file" in english


@pytest.mark.parametrize(("command", "choices"), [("check", "text, json, csv, html, xlsx"),
                                                   ("extract", "json, csv, xlsx")])
def test_a_bad_format_lists_the_choices(command: str, choices: str, seed_json: Path) -> None:
    source = seed_json if command == "check" else DOCX
    said = one_line(run(command, source, "-f", "pdf"))
    assert said == f"format keluaran tidak dikenal: pdf (pilih {choices})"
    english = one_line(run(command, source, "-f", "pdf", "--lang", "en"))
    assert english == f"unknown output format: pdf (choose {choices})"


def test_the_ending_of_o_picks_the_format(seed_json: Path, tmp_path: Path) -> None:
    for name, looks in (("r.html", "<!DOCTYPE html"), ("r.HTM", "<!DOCTYPE html"),
                        ("r.json", "{"), ("r.csv", "\ufeff"), ("r.txt", "rak.json")):
        target = tmp_path / name
        result = run("check", seed_json, "-o", target)
        assert result.exit_code == ExitCode.FINDINGS, result.output
        text = target.read_text("utf-8")
        assert text.startswith(looks), (name, text[:40])
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["findings"]
    heading = next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert "rule" in heading and "severity" in heading
    # -f, when given, wins over the ending.
    run("check", seed_json, "-f", "json", "-o", tmp_path / "juga.csv")
    assert json.loads((tmp_path / "juga.csv").read_text("utf-8"))["findings"]


def test_extract_follows_o_and_refuses_a_format_it_does_not_write(tmp_path: Path) -> None:
    result = run("extract", DOCX, "-o", tmp_path / "r.csv")
    assert result.exit_code == ExitCode.OK, result.output
    heading = next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert "indikator_kinerja" in heading
    refused = run("extract", DOCX, "-o", tmp_path / "r.html")
    assert refused.exit_code == ExitCode.INPUT and not (tmp_path / "r.html").exists()
    assert one_line(refused) == (f"{tmp_path / 'r.html'}: perintah ini tidak menulis html; "
                                 "pilih -f json, csv, xlsx")
    english = run("extract", DOCX, "-o", tmp_path / "r.html", "--lang", "en")
    assert one_line(english).endswith("this command does not write html; choose -f json, csv, xlsx")


@pytest.mark.parametrize(("lang", "summary", "status"), [
    ("id", "Ringkasan: 0 kesalahan, 3 peringatan, 0 info", "Berkas"),
    ("en", "Summary: 0 errors, 3 warnings, 0 info", "File"),
])
def test_several_files_print_their_findings_then_the_summary(lang: str, summary: str,
                                                             status: str) -> None:
    result = run("check", DOCX, OTHER_DOCX, "--lang", lang)
    assert result.exit_code == ExitCode.OK, result.output
    out = result.stdout.splitlines()
    first = out.index(next(x for x in out if x.startswith(f"{DOCX} · ")))
    second = out.index(next(x for x in out if x.startswith(f"{OTHER_DOCX} · ")))
    table = out.index(next(x for x in out if x.startswith(status)))
    assert first < second < table
    assert summary in out[first:second]  # rak-arsir.docx: three target warnings
    assert any("target-unit-mismatch" in x for x in out[first:second])
    assert any("target-unit-mismatch" in x for x in out[second:table])
    # The summary table still lists both, after them.
    assert [x.split()[0] for x in out[table + 2:table + 4]] == [str(DOCX), str(OTHER_DOCX)]


def test_several_files_as_json_keep_stdout_for_the_summary() -> None:
    result = run("check", DOCX, OTHER_DOCX, "-f", "json")
    data = json.loads(result.stdout)
    assert [f["file"] for f in data["files"]] == [str(DOCX), str(OTHER_DOCX)]


def test_the_pdf_reader_tells_each_page() -> None:
    from pypdf import PdfReader

    pages = len(PdfReader(TWO_PAGES).pages)
    told: list[tuple[int, int]] = []
    extract(TWO_PAGES, ExtractOptions(progress=lambda done, total: told.append((done, total))))
    assert told == [(n, pages) for n in range(pages + 1)]


@pytest.mark.parametrize(("lang", "words"), [("id", "Membaca rak.pdf, halaman"),
                                             ("en", "Reading rak.pdf, pages")])
def test_page_progress_draws_on_a_terminal_and_erases(lang: str, words: str) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with page_progress("arsip/rak.pdf", lang, console) as told:
        assert told is not None
        for n in range(3):
            told(n, 2 if n else 2)
    drawn = out.getvalue()
    assert words in drawn and "2/2" in drawn
    assert drawn.rstrip().endswith("\x1b[2K") or "\x1b[2K" in drawn[-40:]  # erased at the end
    with page_progress("rak.pdf", lang, None) as nothing:
        assert nothing is None


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    result = run("extract", TWO_PAGES)
    assert result.exit_code == ExitCode.OK
    assert result.stderr == ""


def test_progress_on_a_real_terminal_leaves_stdout_alone(tmp_path: Path) -> None:
    """``rak check`` with stderr on a pseudo-terminal: the pages are drawn there, the report
    on stdout (a pipe) is as it always is."""
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "rak", "check", str(TWO_PAGES)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        drawn += chunk
    stdout, _ = proc.communicate(timeout=120)
    os.close(leader)
    text = drawn.decode("utf-8", "replace")
    assert "Membaca rak-tanpa-garis-potret.pdf, halaman" in text and "2/2" in text
    assert "halaman" not in stdout.decode("utf-8")
    assert stdout.decode("utf-8").startswith("rak-tanpa-garis-potret.pdf")


def test_the_ending_xlsx_of_o_writes_a_workbook(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "rak.xlsx"
    result = run("extract", DOCX, "-o", out)
    assert result.exit_code == ExitCode.OK, result.output
    assert load_workbook(out).sheetnames
