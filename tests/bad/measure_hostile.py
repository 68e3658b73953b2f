"""Worst-file figures for the hostile recipes of issue #11: time, peak RSS, exit code, message.

Run from the repository root with the venv active: ``python tests/bad/measure_hostile.py
[NAME...]``. Each file is made in a temporary folder and read by ``rak extract`` under a hard
address-space cap (3 GB, so a missing protection cannot take the machine down) and a 150 s
wall-clock cap; the peak RSS is the largest of rak and its workers (GNU time's ``%M``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bad import hostile  # noqa: E402

CAP_BYTES = 3_000_000_000
WALL = 150

RECIPES = {
    "ole-4096.doc": lambda: hostile.ole_difat_loop(12),
    "ole-512.doc": lambda: hostile.ole_difat_loop(9),
    "halaman-raksasa.pdf": hostile.pdf_huge_page,
    "bom-zlib.pdf": hostile.pdf_zlib_bomb,
    "terkunci-pemilik.pdf": hostile.pdf_owner_only,
    "terkunci-pengguna.pdf": hostile.pdf_user_locked,
    "huruf-padat.pdf": hostile.pdf_dense_glyphs,
    "gambar-raksasa.pdf": lambda: hostile.pdf_picture_page((595, 842), 40000),
    "paragraf-kosong.docx": hostile.docx_empty_paragraphs,
    "gabung-raksasa.xlsx": hostile.xlsx_huge_merge,
    "sel-jauh-XFD.xlsx": hostile.xlsx_far_cell,
    "sel-jauh-A.xlsx": lambda: hostile.xlsx_far_cell("A1048576"),
    "dtd.xlsx": hostile.xlsx_with_dtd,
    "terkunci.docx": lambda: hostile.encrypted(hostile.SEED_DOCX, "rahasia"),
    "terkunci.xlsx": lambda: hostile.encrypted(hostile.SEED_XLSX, "rahasia"),
}


def measure(path: Path, *extra: str) -> tuple[float, float, int, str]:
    cmd = ["prlimit", f"--as={CAP_BYTES}", "--", "/usr/bin/time", "-f", "@@%M",
           "timeout", "-s", "KILL", str(WALL), "rak", "extract", str(path), *extra]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    seconds = time.perf_counter() - start
    err = proc.stderr.splitlines()
    rss = next((int(x[2:]) / 1024 for x in err if x.startswith("@@")), 0.0)
    message = " | ".join(x for x in err if not x.startswith("@@") and "Command exited" not in x)
    return seconds, rss, proc.returncode, message


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or RECIPES:
            path = Path(tmp) / name
            path.write_bytes(RECIPES[name]())
            for extra in ([], ["--password", "rahasia"]) if "terkunci" in name else ([],):
                s, rss, code, msg = measure(path, *extra)
                print(f"{name:24} {' '.join(extra):18} {s:6.1f} s {rss:7.0f} MB exit {code}: "
                      f"{msg[:160]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
