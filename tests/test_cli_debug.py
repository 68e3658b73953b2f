"""`rak debug`: what the reader saw, as page pictures and JSON, for every format."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
from typer.testing import CliRunner

from extractor import extract
from rak.cli import app
from rak.exitcodes import ExitCode

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_pdf_page_picture_and_json(tmp_path: Path) -> None:
    pdf = SAMPLES / "rak-tanpa-garis.pdf"
    result = run("debug", str(pdf), "--out", str(tmp_path), "--page", "2", "--dpi", "72")
    assert result.exit_code == 0, result.output
    png = tmp_path / "rak-tanpa-garis.pdf.p002.png"
    image = cv2.imdecode(np.frombuffer(png.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    # A4 landscape at 72 dpi, with the column model drawn in blue over it.
    assert image.shape[:2] == (596, 842)
    blue = np.all(image == (200, 90, 20), axis=2).sum()
    assert blue > 500
    data = json.loads((tmp_path / "rak-tanpa-garis.pdf.json").read_text("utf-8"))
    assert [p["page"] for p in data["pages"]] == [2]
    page = data["pages"][0]
    roles = [c["role"] for t in page["tables"] if t["used"] for c in t["model"]["columns"]]
    assert {"sasaran_kegiatan", "indikator_kinerja", "pelaksana", "period"} <= set(roles)
    rows = [r for r in extract(pdf).rows if r.lokasi.halaman == 2]
    assert [r["kegiatan"] for r in page["rows"]] == [r.kegiatan for r in rows]
    assert rows


def test_word_has_json_only(tmp_path: Path) -> None:
    result = run("debug", str(SAMPLES / "rak-kubu-raya-2024.docx"), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.png"))
    data = json.loads((tmp_path / "rak-kubu-raya-2024.docx.json").read_text("utf-8"))
    assert sum(len(p["rows"]) for p in data["pages"]) == 53
    cells = [c for p in data["pages"] for t in p["tables"] for c in t["cells"]]
    assert any(c.get("continued") for c in cells)  # SASARAN merged down


def test_no_such_page(tmp_path: Path) -> None:
    result = run("debug", str(SAMPLES / "rak-tanpa-garis.pdf"), "--out", str(tmp_path),
                 "--page", "99")
    assert result.exit_code == ExitCode.INPUT
    assert "99" in result.output and len(result.output.strip().splitlines()) == 1


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n")
    result = run("debug", str(bad), "--out", str(tmp_path / "o"))
    assert result.exit_code == ExitCode.INPUT
    assert "rusak.pdf" in result.output and "Traceback" not in result.output
