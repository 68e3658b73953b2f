"""Discovering inputs: every file is taken or listed as skipped with its reason; names are safe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rak.bulk.discover import discover
from rak.bulk.naming import SafeNames, display_name, inside, safe_stem

from .conftest import SAMPLES


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    top = tmp_path / "masuk"
    (top / "sub").mkdir(parents=True)
    (top / ".git").mkdir()
    (top / ".git" / "HEAD").write_text("ref")
    shutil.copy(SAMPLES / "rak-arsir.docx", top / "rak.docx")
    shutil.copy(SAMPLES / "rak-arsir.pdf", top / "sub" / "rak.pdf")
    shutil.copy(SAMPLES / "rak-arsir.pdf", top / "sub" / "laporan.bin")  # a PDF by content
    (top / "rusak.pdf").write_bytes(b"%PDF-1.4 truncated")
    (top / "kosong.docx").write_bytes(b"")
    (top / "catatan.txt").write_text("bukan RAK")
    (top / "gambar.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (top / "~$rak.docx").write_bytes(b"lock")
    (top / "data.json").write_text('{"a": 1}')
    outside = tmp_path / "rahasia.pdf"
    shutil.copy(SAMPLES / "rak-arsir.pdf", outside)
    os.symlink(outside, top / "tautan-keluar.pdf")
    os.symlink(tmp_path, top / "folder-keluar")
    os.symlink(top / "rak.docx", top / "sub" / "tautan-dalam.docx")
    os.symlink(tmp_path / "hilang.pdf", top / "rusak-tautan.pdf")
    return top


def _reasons(found) -> dict[str, str]:
    return {Path(s.display).name: s.reason for s in found.skipped}


def test_folder_walk_takes_rak_files_and_lists_the_rest(tree: Path):
    found = discover([str(tree)], "check")
    taken = [f.relative for f in found.files]
    assert taken == ["masuk/kosong.docx", "masuk/rak.docx", "masuk/rusak.pdf",
                     "masuk/sub/laporan.bin", "masuk/sub/rak.pdf"]
    # A RAK suffix with no RAK inside is taken: the worker says what is wrong with it.
    assert [f.kind for f in found.files] == ["?", "docx", "pdf", "pdf", "pdf"]
    assert _reasons(found) == {
        ".git": "skip_hidden_dir",
        "catatan.txt": "skip_not_rak",
        "data.json": "skip_json",
        "folder-keluar": "skip_link_outside",
        "gambar.png": "skip_not_rak",
        "rusak-tautan.pdf": "skip_broken_link",
        "tautan-keluar.pdf": "skip_link_outside",
        "tautan-dalam.docx": "skip_duplicate",
        "~$rak.docx": "skip_lock_file",
    }
    outside = next(s for s in found.skipped if s.display.endswith("tautan-keluar.pdf"))
    assert outside.detail.endswith("rahasia.pdf")  # the report says where it points


def test_symlink_inside_the_folder_is_read_once(tree: Path):
    (tree / "rak.docx").rename(tree / "asli.docx")
    os.remove(tree / "sub" / "tautan-dalam.docx")
    os.symlink(tree / "asli.docx", tree / "sub" / "tautan-dalam.docx")
    found = discover([str(tree / "sub")], "check")
    assert [f.relative for f in found.files] == ["sub/laporan.bin", "sub/rak.pdf"]
    assert _reasons(found)["tautan-dalam.docx"] == "skip_link_outside"
    found = discover([str(tree)], "check")
    assert "masuk/sub/tautan-dalam.docx" not in [f.relative for f in found.files]
    assert _reasons(found)["tautan-dalam.docx"] == "skip_duplicate"


def test_extract_json_is_checked_not_extracted(tmp_path: Path):
    (tmp_path / "hasil.json").write_text('{"schema_version": "1", "rows": []}')
    assert [f.kind for f in discover([str(tmp_path)], "check").files] == ["json"]
    found = discover([str(tmp_path)], "extract")
    assert not found.files and _reasons(found) == {"hasil.json": "skip_json_extract"}


def test_named_files_always_get_a_line_and_globs_expand(tree: Path, tmp_path: Path):
    found = discover([str(tree / "catatan.txt"), str(tmp_path / "tidak-ada.pdf"),
                      str(tree / "**" / "*.pdf"), str(tmp_path / "*.xyz")], "check")
    names = [Path(f.display).name for f in found.files]
    assert names[:2] == ["catatan.txt", "tidak-ada.pdf"]
    assert "rak.pdf" in names and "rusak.pdf" in names
    assert "rahasia.pdf" not in names  # reached through a linked folder: outside
    reasons = _reasons(found)
    assert reasons["*.xyz"] == "skip_no_match"
    assert reasons["tautan-keluar.pdf"] == "skip_link_outside"
    assert reasons["rahasia.pdf"] == "skip_link_outside"
    assert reasons["rusak-tautan.pdf"] == "skip_broken_link"


def test_out_folder_inside_the_input_is_not_read_back(tree: Path):
    out = tree / "hasil"
    out.mkdir()
    shutil.copy(SAMPLES / "rak-arsir.docx", out / "salinan.docx")
    found = discover([str(tree)], "check", exclude=out)
    assert all("hasil" not in f.relative for f in found.files)
    assert _reasons(found)["hasil"] == "skip_out_dir"


@pytest.mark.parametrize(
    ("relative", "stem"),
    [
        ("../../etc/passwd", "etc__passwd"),
        ("/etc/cron.d/x.pdf", "etc__cron.d__x.pdf"),
        ("C:\\Users\\a\\rak.pdf", "Users__a__rak.pdf"),
        ("masuk/Laporan KPU (final) #2.pdf", "masuk__Laporan_KPU_final_2.pdf"),
        ("..", "berkas"),
        ("con.pdf", "_con.pdf"),
        ("a/\x1b[31mmerah\n.pdf", "a__x1b_31mmerah_x0a.pdf"),
        ("Kab. Sanggau – RAK ½.docx", "Kab._Sanggau_RAK_12.docx"),
    ],
)
def test_safe_stem(relative: str, stem: str):
    assert safe_stem(relative) == stem


def test_safe_names_never_collide_and_stay_inside(tmp_path: Path):
    names = SafeNames()
    taken = [names.take(r) for r in ("a/rak.pdf", "b/rak.pdf", "a__rak.pdf", "A/RAK.pdf",
                                     "../a/rak.pdf")]
    assert taken == ["a__rak.pdf", "b__rak.pdf", "a__rak.pdf-2", "A__RAK.pdf-3", "a__rak.pdf-4"]
    assert inside(tmp_path, "berkas", "x.json") == tmp_path.resolve() / "berkas" / "x.json"
    with pytest.raises(ValueError):
        inside(tmp_path, "..", "x.json")
    with pytest.raises(ValueError):
        inside(tmp_path, "/etc/passwd")
    long = safe_stem("x" * 500 + ".pdf")
    assert len(long) <= 120 and long.endswith(".pdf")


def test_display_name_shows_control_and_undecodable_characters():
    assert display_name("a\nb\x1b.pdf") == "a\\x0ab\\x1b.pdf"
    undecodable = os.fsdecode(b"rak-\xff.pdf")
    assert display_name(undecodable) == "rak-\\xff.pdf"
    display_name(undecodable).encode("utf-8")  # printable and writable
    assert display_name("\ud800") == "\\ud800"  # a surrogate no byte stands for
    # an OSC title sequence, a bidirectional override and a line separator stay visible
    assert display_name("a\x1b]0;x\x07\u202eb\u2028.pdf") == "a\\x1b]0;x\\x07\\u202eb\\u2028.pdf"
