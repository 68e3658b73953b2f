"""Broken and hostile files end in one clear line naming the file and the reason, exit 2.

The files are made by tests/bad/make_bad.py and listed in tests/bad/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.cli import app

from .conftest import ROOT

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
    "perjanjian-kinerja.docx": "tidak ditemukan tabel RAK",
    "terkunci.pdf": "--password",
}


def run(*args: str):
    import rak.cmd_extract  # noqa: F401

    return CliRunner().invoke(app, list(args))


def test_every_bad_file_is_listed():
    made = {p.name for p in BAD.iterdir() if p.suffix in (".pdf", ".docx")}
    assert made == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gives_one_clear_line_and_exit_2(name: str):
    path = BAD / name
    result = run("extract", str(path))
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

    monkeypatch.setattr(extractor, "extract", slow)
    start = time.perf_counter()
    result = run("extract", str(ROOT / "samples" / "rak-triwulan.docx"), "--timeout", "0.5")
    assert time.perf_counter() - start < 4
    assert result.exit_code == 2
    assert "melebihi batas waktu" in result.stderr and "--timeout" in result.stderr
