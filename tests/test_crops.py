"""Crops of flagged rows on turned pages show the row upright.

A row's box is in the frame the reader read the page in (its text running left to right).
A page stored turned (``/Rotate``) is shown by pdfium as a viewer shows it; the crop must be
turned the reader's way, or the report shows a sideways strip of the wrong part of the page.
The same upright page is stored turned three ways (pypdf ``page.rotate``); each crop of a row
must be the crop of that row on the upright page.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
import pytest

from extractor import extract
from rak.crops import row_crops

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROW = 2  # a row in the middle of the first page's table


def _one_page(tmp: Path, turn: int) -> Path:
    """The first (upright) page of rak-diputar, stored with ``/Rotate turn``."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.add_page(PdfReader(SAMPLES / "rak-diputar.pdf").pages[0])
    if turn:
        writer.pages[0].rotate(turn)
    out = tmp / f"putar-{turn}.pdf"
    with out.open("wb") as f:
        writer.write(f)
    return out


def _crop(path: Path) -> np.ndarray:
    from PIL import Image

    doc = extract(path)
    crops = row_crops(path, doc, [ROW])
    (page, uri), = crops[ROW]
    assert page == 1
    with Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))) as im:
        return np.asarray(im.convert("L"), dtype=np.float32)


@pytest.fixture(scope="module")
def upright(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    return _crop(_one_page(tmp_path_factory.mktemp("putar"), 0))


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_row_on_a_turned_page_is_cropped_upright(
    tmp_path: Path, upright: np.ndarray, turn: int
) -> None:
    crop = _crop(_one_page(tmp_path, turn))
    assert upright.shape[1] > 4 * upright.shape[0]  # a table row: wide, not tall
    assert crop.shape == upright.shape
    # The same pixels, up to JPEG's noise: a sideways or shifted crop differs everywhere.
    assert float(np.abs(crop - upright).mean()) < 3.0
