"""Broken and hostile files end in one clear line naming the file and the reason, exit 2.

The files are made by tests/bad/make_bad.py and listed in tests/bad/README.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.cli import app

from .bad import hostile
from .conftest import ROOT, load_expected
from .sample_compare import row_differences

BAD = ROOT / "tests" / "bad"

# file -> a fragment of the Indonesian reason it must give
EXPECTED = {
    "kosong.pdf": "berkas kosong",
    "terpotong.pdf": "berkas rusak",
    "sampah.pdf": "bukan berkas PDF, Word atau Excel",
    "gambar-png.pdf": "bukan berkas PDF, Word atau Excel (PNG)",
    "teks-biasa.pdf": "bukan berkas PDF, Word atau Excel",
    "halaman-html.docx": "(HTML)",
    "bukan-word.docx": "bukan berkas PDF, Word atau Excel (zip)",
    "zip-rusak.docx": "berkas rusak",
    "xml-rusak.docx": "berkas rusak",
    "entitas-xxe.docx": "berkas rusak",
    "bom-zip.docx": "melebihi batas",
    "tanpa-tabel.docx": "tidak ditemukan tabel RAK",
    "perjanjian-kinerja.docx": "berkas ini Perjanjian Kinerja",
    "terkunci.pdf": "--password",
}
# A Perjanjian Kinerja is a document `rak extract` reads (jenis "pk"); it is bad input where a
# RAK is expected, so it is given to `rak check`.
COMMAND = {"perjanjian-kinerja.docx": "check"}


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_every_bad_file_is_listed():
    made = {p.name for p in BAD.iterdir() if p.suffix in (".pdf", ".docx")}
    assert made == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_line_and_exit_2(name: str):
    path = BAD / name
    result = run(COMMAND.get(name, "extract"), str(path))
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith(str(path))
    assert EXPECTED[name] in err
    assert result.stdout == ""


def test_english_messages_with_lang_en():
    result = run("extract", str(BAD / "kosong.pdf"), "--lang", "en")
    assert result.exit_code == 2 and "file is empty" in result.stderr


def test_encrypted_pdf_opens_with_its_password():
    result = run("extract", str(BAD / "terkunci.pdf"), "--password", "rahasia")
    assert result.exit_code == 0, result.stderr
    assert '"indikator_kinerja"' in result.stdout


def test_wrong_password_is_refused_clearly():
    result = run("extract", str(BAD / "terkunci.pdf"), "--password", "salah")
    assert result.exit_code == 2 and "terkunci" in result.stderr


def test_missing_file_is_a_clear_error(tmp_path: Path):
    result = run("extract", str(tmp_path / "tidak-ada.pdf"))
    assert result.exit_code == 2
    assert "tidak-ada.pdf" in result.stderr and "Traceback" not in result.stderr


def test_max_pages_limit(tmp_path: Path):
    result = run("extract", str(ROOT / "samples" / "rak-kubu-raya-2024.pdf"), "--max-pages", "3")
    assert result.exit_code == 2 and "melebihi batas" in result.stderr


@pytest.mark.parametrize("name", ["entitas-xxe.docx", "entitas-xxe.xlsx"])
def test_xml_entities_are_never_expanded(name: str):
    # The file declares an external entity pointing at /etc/passwd; its text must not appear
    # anywhere, whatever the outcome, and the outcome is a result or a clear error.
    result = run("extract", str(BAD / name))
    assert "root:" not in result.output
    assert result.exit_code in (0, 2) and "Traceback" not in result.output


def test_a_single_file_that_takes_too_long_ends_with_a_message(monkeypatch):
    import time

    import extractor

    def slow(path, options=None):
        time.sleep(5)

    monkeypatch.setattr(extractor, "read_document", slow)
    start = time.perf_counter()
    result = run("extract", str(ROOT / "samples" / "rak-triwulan.docx"), "--timeout", "0.5")
    assert time.perf_counter() - start < 4
    assert result.exit_code == 2
    assert "melebihi batas waktu" in result.stderr and "--timeout" in result.stderr


# --- hostile files, round 2 (issue #11): made at run time, read in a capped child process ---

ONE_GB = 1024


def _one_line(ran: hostile.Ran, path: Path) -> str:
    err = ran.stderr.strip()
    assert "Traceback" not in ran.stderr and "\n" not in err, ran.stderr
    assert err.startswith(str(path)), err
    return err


@pytest.mark.parametrize("shift", [9, 12])
def test_ole_header_claiming_billions_of_sectors_is_refused_at_once(tmp_path: Path, shift: int):
    # 1 KB (512-byte sectors) took 2.1 GB and 8 KB (4096-byte) > 8 GB: the DIFAT chain points
    # at itself and the header claims 2^32 FAT sectors. The walk is bounded by the file.
    path = tmp_path / "rusak.doc"
    path.write_bytes(hostile.ole_difat_loop(shift))
    ran = hostile.run_rak("extract", str(path))
    assert ran.code == 2
    assert "berkas rusak" in _one_line(ran, path)
    assert ran.peak_mb < 300 and ran.seconds < 30, ran


def test_merged_range_over_the_whole_sheet_is_refused_before_openpyxl_builds_it(tmp_path: Path):
    path = tmp_path / "gabung.xlsx"
    path.write_bytes(hostile.xlsx_huge_merge("A100:XFD1048576"))
    ran = hostile.run_rak("extract", str(path))
    assert ran.code == 2
    err = _one_line(ran, path)
    assert "melebihi batas memori (2048 MB" in err and "A100:XFD1048576" in err
    assert ran.peak_mb < 500 and ran.seconds < 30, ran


@pytest.mark.parametrize("ref", ["A1048576", "XFD1048576"])
@pytest.mark.parametrize("timeout", ["120", "0"])
def test_one_empty_cell_at_the_sheets_end_costs_nothing(tmp_path: Path, ref: str, timeout: str):
    # Walking max_row x max_column took 156 s (and never ended with --timeout 0); only the
    # used area is walked now, and the reading is the seed's.
    path = tmp_path / "sel-jauh.xlsx"
    path.write_bytes(hostile.xlsx_far_cell(ref))
    ran = hostile.run_rak("extract", str(path), "--timeout", timeout, timeout=90)
    assert ran.code == 0, ran.stderr
    assert ran.peak_mb < 500 and ran.seconds < 30, ran
    from extractor.model import RakDocument

    doc = RakDocument.from_dict(json.loads(ran.stdout))
    assert row_differences(doc, load_expected("rak-kubu-raya-2024")) == []


def test_dtd_in_a_sheet_is_one_line(tmp_path: Path):
    path = tmp_path / "dtd.xlsx"
    path.write_bytes(hostile.xlsx_with_dtd())
    result = run("extract", str(path))
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert "\n" not in err and "declares a DTD" in err and "Traceback" not in err


def test_every_refusal_is_one_line_whatever_the_library_said():
    from extractor.errors import UnreadableDocument

    message = UnreadableDocument("x.xlsx", "could not read\nworksheets\r\n  from x").message()
    assert message == ("x.xlsx: berkas rusak atau tidak dapat dibuka "
                       "(could not read worksheets from x)")


@pytest.mark.parametrize(("seed", "spec"), [
    ("rak-kubu-raya-2024.docx", "rak-kubu-raya-2024"),
    ("rak-kubu-raya-2024.xlsx", "rak-kubu-raya-2024"),
])
def test_encrypted_office_files_open_with_their_password(tmp_path: Path, seed: str, spec: str):
    path = tmp_path / f"terkunci{Path(seed).suffix}"
    path.write_bytes(hostile.encrypted(ROOT / "samples" / seed, "rahasia"))
    result = run("extract", str(path), "--password", "rahasia")
    assert result.exit_code == 0, result.stderr
    from extractor.model import RakDocument

    doc = RakDocument.from_dict(json.loads(result.stdout))
    assert doc.source.format == Path(seed).suffix[1:]
    assert row_differences(doc, load_expected(spec)) == []
    for args in ([], ["--password", "salah"]):
        refused = run("extract", str(path), *args)
        assert refused.exit_code == 2 and "terkunci" in refused.stderr
        assert "\n" not in refused.stderr.strip()


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "catatan.pdf"
    os.mkfifo(fifo)
    ran = hostile.run_rak("extract", str(fifo), timeout=60)
    assert ran.code == 2 and "not a regular file" in _one_line(ran, fifo)


def test_a_name_that_is_not_utf8_is_shown_and_written_safely(tmp_path: Path):
    name = os.fsdecode(b"rak-\xff\xfe.docx")
    (tmp_path / name).write_bytes((ROOT / "samples" / "rak-triwulan.docx").read_bytes())
    output = os.fsdecode(b"hasil-\xff.json")
    ran = hostile.run_rak("extract", name, "-o", output, cwd=tmp_path)
    assert ran.code == 0, ran.stderr
    assert "Traceback" not in ran.stderr and "hasil-\\xff.json" in ran.stderr
    data = json.loads((tmp_path / output).read_text("utf-8"))
    assert data["source"]["file"] == "rak-\\xff\\xfe.docx"
    missing = hostile.run_rak("extract", os.fsdecode(b"tidak-ada-\xff\x1b]0;judul\x07.pdf"),
                              cwd=tmp_path)
    assert missing.code == 2 and "\x1b" not in missing.stderr and "\x07" not in missing.stderr
    assert "tidak-ada-\\xff\\x1b]0;judul\\x07.pdf" in missing.stderr


def test_a_reader_stuck_in_one_long_c_call_is_stopped_on_time(monkeypatch):
    # SIGALRM runs its handler between bytecodes, never inside one long C call (this regex
    # backtracks for minutes in one re call); a worker killed by its parent stops anyway.
    import re
    import time

    import extractor

    def stuck(path, options=None):
        re.fullmatch(r"(a+)+b", "a" * 32)

    monkeypatch.setattr(extractor, "read_document", stuck)
    start = time.perf_counter()
    result = run("extract", str(ROOT / "samples" / "rak-triwulan.docx"), "--timeout", "1")
    assert time.perf_counter() - start < 10
    assert result.exit_code == 2 and "melebihi batas waktu (1 s)" in result.stderr


def test_memory_error_under_the_limit_is_the_inputs_fault(monkeypatch):
    import extractor

    def greedy(path, options=None):
        return bytearray(3 * ONE_GB * 1024 * 1024)  # past --max-memory 100

    monkeypatch.setattr(extractor, "read_document", greedy)
    result = run("extract", str(ROOT / "samples" / "rak-triwulan.docx"), "--max-memory", "100")
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().endswith("melebihi batas memori (100 MB); naikkan dengan "
                                          "--max-memory")
    english = run("extract", str(ROOT / "samples" / "rak-triwulan.docx"), "--max-memory", "100",
                  "--lang", "en")
    assert "exceeds the memory limit (100 MB)" in english.stderr


def test_a_word_part_whose_tree_would_not_fit_is_refused_before_it_is_built(tmp_path: Path):
    path = tmp_path / "paragraf-kosong.docx"
    path.write_bytes(hostile.docx_empty_paragraphs())
    ran = hostile.run_rak("extract", str(path), timeout=180)
    assert ran.code == 2, ran
    _one_line(ran, path)
    assert "melebihi batas memori (2048 MB: document.xml: 33000" in ran.stderr
    assert ran.peak_mb < 600 and ran.seconds < 60, ran

