"""Tesseract through tesserocr: the text of one cell, and the text lines outside tables.

tesserocr binds Tesseract's C++ API in-process, so one engine is loaded once per document and
each cell costs only its own recognition. pytesseract, the other well-kept binding, starts
a ``tesseract`` process per call: fine once per page, too slow once per cell, and reading
cells one by one is what keeps neighbouring cells' words apart and lets each cell carry its
own confidence.

Languages are ``ind+eng`` (Indonesian text with English words such as "monitoring"); the
traineddata comes from the Debian packages tesseract-ocr-ind and tesseract-ocr-eng.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import cv2

from ..errors import MissingTool
from .ocr_grid import Image, PxBox, px

LANGUAGES = "ind+eng"
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
INSTALL_HINT = (
    "Tesseract OCR (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-ind; "
    "Python: pip install tesserocr)"
)
OCR_DPI = 300  # cells are enlarged to about this resolution: Tesseract's best text height
PAD_IN = 0.05  # white margin around a cell crop; Tesseract misreads glyphs touching an edge


@dataclass(frozen=True, slots=True)
class ReadText:
    text: str  # lines joined by "\n"
    confidence: float  # 0..1, mean of the words' confidences; 0 when nothing was read


@dataclass(frozen=True, slots=True)
class ReadLine:
    text: str
    box: PxBox
    confidence: float


def tessdata_dir() -> str | None:
    """Where ind and eng traineddata both are: $TESSDATA_PREFIX first, then the usual places."""
    env = os.environ.get("TESSDATA_PREFIX")
    candidates = ([env, str(Path(env) / "tessdata")] if env else []) + list(TESSDATA_DIRS)
    for folder in candidates:
        if all((Path(folder) / f"{lang}.traineddata").is_file() for lang in LANGUAGES.split("+")):
            return folder
    return None


class CellReader:
    """One Tesseract engine, reused for every cell of a document. Use as a context manager."""

    def __init__(self, file: str) -> None:
        try:
            import tesserocr
        except ImportError as e:
            raise MissingTool(file, INSTALL_HINT) from e
        folder = tessdata_dir()
        if folder is None:
            raise MissingTool(file, INSTALL_HINT)
        self._tesserocr = tesserocr
        try:
            self._api: Any = tesserocr.PyTessBaseAPI(
                path=folder,
                lang=LANGUAGES,
                psm=tesserocr.PSM.SINGLE_BLOCK,
                oem=tesserocr.OEM.LSTM_ONLY,
            )
        except RuntimeError as e:
            raise MissingTool(file, f"{INSTALL_HINT}: {e}") from e

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._api.End()

    def _set(self, image: Image, dpi: float, target_dpi: float = OCR_DPI) -> float:
        """Hand Tesseract ``image`` enlarged towards ``target_dpi``; return the scale used."""
        from PIL import Image as PILImage

        scale = max(1.0, min(4.0, target_dpi / dpi))
        if scale > 1.05:
            image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        else:
            scale = 1.0
        self._api.SetImage(PILImage.fromarray(image))
        self._api.SetSourceResolution(round(dpi * scale))
        return scale

    def read_cell(self, page: Image, box: PxBox, dpi: float, short: bool = False) -> ReadText:
        """The text of one cell: its inside cropped, padded white, read as one block.

        ``short`` reads it instead as a single word, larger: the second try for a cell whose
        block reading was a lone unsure glyph (a column number, a B5 heading).
        """
        x0, top, x1, bottom = box
        crop = page[top:bottom, x0:x1]
        pad = px(PAD_IN, dpi)
        crop = cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
        psm = self._tesserocr.PSM
        self._set(crop, dpi, OCR_DPI * 1.5 if short else OCR_DPI)
        self._api.SetPageSegMode(psm.SINGLE_WORD if short else psm.SINGLE_BLOCK)
        text = self._api.GetUTF8Text()
        confs = [c for c in self._api.AllWordConfidences() if c >= 0]
        lines = [" ".join(ln.split()) for ln in text.splitlines()]
        joined = "\n".join(ln for ln in lines if ln)
        confidence = sum(confs) / len(confs) / 100.0 if confs and joined else 0.0
        return ReadText(joined, confidence)

    def read_lines(self, page: Image, dpi: float) -> list[ReadLine]:
        """Text lines of a page (tables already blanked out), with their boxes in pixels."""
        tesserocr = self._tesserocr
        scale = self._set(page, dpi)
        self._api.SetPageSegMode(tesserocr.PSM.AUTO)
        self._api.Recognize()
        out: list[ReadLine] = []
        level = tesserocr.RIL.TEXTLINE
        iterator = self._api.GetIterator()
        if iterator is None:
            return out
        for item in tesserocr.iterate_level(iterator, level):
            text = item.GetUTF8Text(level)
            bounds = item.BoundingBox(level)
            if not text or not text.strip() or bounds is None:
                continue
            x0, top, x1, bottom = (round(v / scale) for v in bounds)
            out.append(
                ReadLine(
                    " ".join(text.split()), (x0, top, x1, bottom), item.Confidence(level) / 100.0
                )
            )
        return out
