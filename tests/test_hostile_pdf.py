"""Hostile PDFs (issue #11): locks that are not locks, streams that inflate, pages too big to
render. Each is refused or read where the cost is decided, before the library pays it:
``extractor/readers/pdf/reader.py`` (``_open``) and ``pdf.price.py``.

Whether a refusal came before the work is told by the message (it names the priced
quantity; the address-space backstop, which would otherwise stop these files, names none)
and by the peak memory of the rak process tree (``hostile.run_rak``), under a small
``--max-memory`` where the unpriced work would take far more.
"""

from __future__ import annotations

import base64
import csv
import json
import zlib
from pathlib import Path

import pytest
from pdfminer.pdftypes import LIT, PDFStream
from typer.testing import CliRunner

from extractor.readers.pdf.price import decoded_size, render_dpi
from rak.cli import app

from .bad import hostile
from .conftest import ROOT, SAMPLES, load_expected
from .sample_compare import row_differences

SEED = "rak-kubu-raya-2024"


def _reads_as_the_seed(result) -> None:
    from extractor.model import RakDocument

    assert result.exit_code == 0, result.stderr
    doc = RakDocument.from_dict(json.loads(result.stdout))
    assert row_differences(doc, load_expected(SEED)) == []


# --- passwords ---------------------------------------------------------------------------


@pytest.mark.parametrize(("algorithm", "args"), [
    ("AES-256", []),
    ("AES-256", ["--password", "rahasia"]),  # given for other files, or wrongly
    ("RC4-128", ["--password", "pemilik"]),  # the owner's own
])
def test_an_owner_only_pdf_opens_with_and_without_a_password(tmp_path: Path, algorithm: str,
                                                              args: list[str]):
    # qpdf --encrypt "" owner 256 -- : restrictions only, the user password is empty.
    path = tmp_path / "pemilik.pdf"
    path.write_bytes(hostile.encrypt_pdf((SAMPLES / f"{SEED}.pdf").read_bytes(), "", "pemilik",
                                         algorithm))
    _reads_as_the_seed(CliRunner().invoke(app, ["extract", str(path), *args]))


def test_a_user_password_pdf_opens_only_with_a_right_password(tmp_path: Path):
    # The user's password opens tests/bad/terkunci.pdf (test_bad_input); the owner's too.
    path = tmp_path / "terkunci.pdf"
    path.write_bytes(hostile.pdf_user_locked("rahasia"))
    _reads_as_the_seed(CliRunner().invoke(app, ["extract", str(path), "--password",
                                                "rahasia-pemilik"]))
    for args in ([], ["--password", "salah"], ["--password", ""]):
        refused = CliRunner().invoke(app, ["extract", str(path), *args])
        assert refused.exit_code == 2, refused.output
        assert refused.stderr.strip() == (f"{path}: berkas terkunci kata sandi; buka dengan "
                                          "--password")


def test_a_bulk_run_with_a_password_loses_no_owner_only_pdf(tmp_path: Path):
    top = tmp_path / "masuk"
    top.mkdir()
    (top / "pemilik.pdf").write_bytes(hostile.pdf_owner_only())
    (top / "terkunci.pdf").write_bytes(hostile.pdf_user_locked("rahasia"))
    (top / "lain.pdf").write_bytes(hostile.pdf_user_locked("lain"))
    out = tmp_path / "hasil"
    result = CliRunner().invoke(app, ["extract", str(top), "--out", str(out), "--password",
                                      "rahasia", "--jobs", "2"])
    assert result.exit_code == 2, result.output  # lain.pdf stays locked
    with (out / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        lines = {Path(r["file"]).name: r for r in csv.DictReader(fh)}
    assert {k: v["status"] for k, v in lines.items()} == {
        "pemilik.pdf": "terbaca", "terkunci.pdf": "terbaca", "lain.pdf": "gagal dibaca"}
    assert "terkunci kata sandi" in lines["lain.pdf"]["reason"]
    assert {lines[k]["rows"] for k in ("pemilik.pdf", "terkunci.pdf")} == {
        str(len(load_expected(SEED)["rows"]))}


# --- content streams ---------------------------------------------------------------------


def test_a_content_stream_inflating_past_the_budget_is_refused_before_it_is_decoded(
        tmp_path: Path):
    # zlib of 64 MiB of spaces (64 KB on disk): pdfminer would hold the 64 MiB and parse it.
    # Counted in 1 MiB pieces, the count stops past 100 MB / 48 bytes a byte.
    path = tmp_path / "bom-kecil.pdf"
    path.write_bytes(hostile.pdf_zlib_bomb(64 << 20))
    ran = hostile.run_rak("extract", str(path), "--max-memory", "100", timeout=120)
    assert ran.code == 2, ran
    assert hostile.one_line(ran, path) == (
        f"{path}: melebihi batas memori (100 MB: halaman/page 1: content streams over 2 MB "
        "decoded); naikkan dengan --max-memory")
    assert ran.peak_mb < 100, ran  # the decoded stream alone would be 64 MB more


@pytest.mark.slow
def test_the_zlib_bomb_of_the_issue_is_refused_before_it_is_decoded(tmp_path: Path):
    path = tmp_path / "bom-zlib.pdf"
    path.write_bytes(hostile.pdf_zlib_bomb())  # 1.5 MB of zlib, 1.5 GiB of spaces
    ran = hostile.run_rak("extract", str(path), timeout=120)
    assert ran.code == 2, ran
    assert "melebihi batas memori (2048 MB: halaman/page 1: content streams over 42 MB " \
        "decoded)" in hostile.one_line(ran, path)
    assert ran.peak_mb < 200, ran  # it was 1.6 GB, stopped by the address-space limit


@pytest.mark.parametrize(("engine", "spread"), [
    ("pdfplumber", False),
    # pdfium builds its text page whole before a glyph can be priced, and aborts past the
    # address-space limit: a page whose text page may not fit goes to pdfplumber instead.
    ("pdfium", True),
])
def test_a_page_drawing_more_glyphs_than_the_budget_holds_is_refused_as_they_are_made(
        tmp_path: Path, engine: str, spread: bool):
    # 200 KB of content, 200 000 glyphs: 10 MB to parse, 500 MB of layout objects.
    path = tmp_path / "huruf-padat.pdf"
    path.write_bytes(hostile.pdf_dense_glyphs(200_000, spread=spread))
    # 150 MB: under about 100 MB of address space the interpreter cannot load its libraries.
    ran = hostile.run_rak("extract", str(path), "--max-memory", "150", "--pdf-engine", engine,
                          timeout=120)
    assert ran.code == 2, ran
    line = hostile.one_line(ran, path)
    assert "melebihi batas memori (150 MB: halaman/page 1: over " in line
    assert "glyphs and 0 path elements)" in line
    assert ran.peak_mb < 250, ran


def test_glyphs_drawn_over_each_other_cost_pdfium_one_string(tmp_path: Path):
    # The same 200 000 glyphs drawn over each other: pdfium's text page keeps one string of
    # them, so the page costs pdfium little and is read (it holds no table).
    path = tmp_path / "huruf-padat.pdf"
    path.write_bytes(hostile.pdf_dense_glyphs(200_000))
    ran = hostile.run_rak("extract", str(path), "--max-memory", "150", "--pdf-engine", "pdfium",
                          timeout=120)
    assert ran.code == 2, ran
    assert hostile.one_line(ran, path) == f"{path}: tidak ditemukan tabel RAK (kolom SASARAN, " \
        "INDIKATOR, TARGET, KEGIATAN, jadwal, PELAKSANA)"
    assert ran.peak_mb < 250, ran


def _stream(data: bytes, *filters: str) -> PDFStream:
    names = [LIT(f) for f in filters]
    return PDFStream({"Filter": names, "Length": len(data)}, data)


def _lzw_example() -> bytes:
    # The example of the PDF reference (7.4.4.2): 45 45 45 45 45 65 45 45 45 66.
    return bytes.fromhex("800b6050220c0c8501")


@pytest.mark.parametrize(("data", "filters"), [
    (zlib.compress(b"BT (a) Tj ET\n" * 5000), ["FlateDecode"]),
    (zlib.compress(b"0 0 m 9 9 l S\n" * 3000).hex().encode() + b">",
     ["ASCIIHexDecode", "FlateDecode"]),
    (base64.a85encode(b"1 0 0 RG 0 0 m 5 5 l S " * 40) + b"~>", ["ASCII85Decode"]),
    (bytes([2]) + b"abc" + bytes([255]) + b"x" + bytes([129]) + b" " + bytes([128]),
     ["RunLengthDecode"]),
    (_lzw_example(), ["LZWDecode"]),
    (b"q 1 0 0 1 0 0 cm Q", []),
])
def test_the_counted_size_is_what_pdfminer_decodes(data: bytes, filters: list[str]):
    assert decoded_size(_stream(data, *filters), 1 << 30) == len(_stream(data, *filters)
                                                                  .get_data())


def test_the_count_stops_soon_past_its_limit():
    # 32 MiB of spaces in 32 KB of zlib: counted to the first piece past 1 MiB, not further.
    packed = zlib.compress(b" " * (32 << 20))
    size = decoded_size(_stream(packed, "FlateDecode"), 1 << 20)
    assert (1 << 20) < size <= (2 << 20)


# --- renders for OCR ---------------------------------------------------------------------


def test_a_huge_page_holding_a_small_picture_is_rendered_at_the_pictures_own_size(
        tmp_path: Path):
    # 200 inches square, a 200 x 200 picture: at the scan reader's 150 dpi it would be a
    # 30000 x 30000 render (50 GB with the reader's working images); at the picture's own
    # 1 dpi it is 200 x 200 and read for what it is, a page without a RAK table.
    path = tmp_path / "halaman-raksasa.pdf"
    path.write_bytes(hostile.pdf_huge_page())
    ran = hostile.run_rak("extract", str(path), timeout=120)
    assert ran.code == 2, ran
    assert "tidak ditemukan tabel RAK" in hostile.one_line(ran, path)
    assert ran.peak_mb < 400, ran


def test_a_page_whose_render_would_not_fit_even_at_its_pictures_size_is_refused(
        tmp_path: Path):
    # 200 inches square, a 6000 x 6000 picture (30 dpi): 36 megapixels, 2 GB to read.
    path = tmp_path / "halaman-raksasa.pdf"
    path.write_bytes(hostile.pdf_picture_page((14400, 14400), 6000))
    ran = hostile.run_rak("extract", str(path), "--max-memory", "500", timeout=120)
    assert ran.code == 2, ran
    assert hostile.one_line(ran, path) == (
        f"{path}: melebihi batas memori (500 MB: halaman/page 1: render 6000 x 6000 px at 30 "
        "dpi, pictures 51 MB); naikkan dengan --max-memory")
    assert ran.peak_mb < 250, ran


def test_the_pictures_pdfium_decodes_count_in_the_render(tmp_path: Path):
    # 3 inches square at 400 dpi is 81 MB to read; its 6000 x 6000 picture, which pdfium
    # decodes whole to paint it, makes 130 MB: past 120 MB, within 200 MB without it.
    path = tmp_path / "gambar-besar.pdf"
    path.write_bytes(hostile.pdf_picture_page((216, 216), 6000))
    ran = hostile.run_rak("extract", str(path), "--max-memory", "120", timeout=120)
    assert ran.code == 2, ran
    assert hostile.one_line(ran, path).endswith(
        "(120 MB: halaman/page 1: render 1200 x 1200 px at 400 dpi, pictures 51 MB); naikkan "
        "dengan --max-memory")


def test_a_scan_that_fits_is_rendered_at_the_readers_dpi():
    # An A4 scan of 300 dpi within the default 2 GB; at 300 MB, its own 300 dpi is the
    # lowest it is read at (below it the picture's pixels are lost): refused.
    from extractor.errors import MemoryLimitExceeded
    from extractor.readers.pdf.price import Budget

    a4 = (595.0, 842.0)
    assert render_dpi(a4, 300, 300, [], 1, Budget("a.pdf", 2048, 2048 << 20)) == 300
    assert render_dpi(a4, 150, 50, [], 1, Budget("a.pdf", 100, 100 << 20)) == 50
    with pytest.raises(MemoryLimitExceeded, match="render 2479 x 3508 px at 300 dpi"):
        render_dpi(a4, 300, 300, [], 1, Budget("a.pdf", 300, 300 << 20))
    assert render_dpi(a4, 300, 300, [], 1, Budget("a.pdf", 0, None)) == 300


def test_no_limit_prices_nothing():
    result = CliRunner().invoke(app, ["extract", str(ROOT / "samples" / f"{SEED}.pdf"),
                                      "--max-memory", "0"])
    _reads_as_the_seed(result)
