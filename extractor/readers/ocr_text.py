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
import numpy as np

from ..errors import MissingTool
from .ocr_image import Image, Measures, px, u8
from .ocr_settings import ScanSettings

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


@dataclass(frozen=True, slots=True)
class ReadText:
    text: str  # lines joined by "\n"
    confidence: float  # 0..1, mean of the words' confidences; 0 when nothing was read
    # Left and right edges of the text in the picture's pixels, where known (``read_lines``):
    # two blocks side by side on one band are told apart by them.
    x0: float | None = None
    x1: float | None = None
    # Each word as Tesseract read it, with its own confidence (0..1), where known (``read``):
    # a slip is most often one word read unsurely in a cell read surely as a whole.
    words: tuple[tuple[str, float], ...] = ()


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
        self._scale = 1.0  # of the picture last handed to Tesseract
        try:
            self._api: Any = tesserocr.PyTessBaseAPI(
                path=folder,
                lang=LANGUAGES,
                psm=tesserocr.PSM.SINGLE_BLOCK,
                oem=tesserocr.OEM.LSTM_ONLY,
            )
            # The pictures it is shown are always dark print on white (``ocr_image``):
            # Tesseract's second try of every unsure line as white-on-black only costs time.
            self._api.SetVariable("tessedit_do_invert", "0")
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

    def _set(
        self, image: Image, m: Measures, settings: ScanSettings, larger: float, height: float
    ) -> None:
        """Hand Tesseract ``image`` enlarged so that glyphs ``height`` pixels tall become as
        tall as Tesseract reads best (``ocr_text_px``), never shrunk."""
        from PIL import Image as PILImage

        scale = max(1.0, min(settings.max_ocr_scale, larger * settings.ocr_text_px / height))
        if scale > 1.05:
            image = u8(cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC))
        else:
            scale = 1.0
        self._scale = scale
        self._api.SetImage(PILImage.fromarray(image))
        self._api.SetSourceResolution(round(m.dpi * scale))

    def _padded(self, crop: Image, dpi: float, settings: ScanSettings) -> Image:
        pad = px(settings.pad_in, dpi)
        return u8(cv2.copyMakeBorder(crop, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255))

    def read(
        self,
        crop: Image,
        m: Measures,
        settings: ScanSettings,
        one_line: bool = False,
        larger: float = 1.0,
        height: float | None = None,
    ) -> ReadText:
        """The text of one cell's picture, padded with paper.

        A picture of one line is read as a line (Tesseract's block mode drops or splits a
        lone short word, such as a small bold B8), anything taller as a block. ``larger``
        enlarges it beyond the usual scale: the second try for an unsure short reading.
        """
        psm = self._tesserocr.PSM
        self._set(self._padded(crop, m.dpi, settings), m, settings, larger, height or m.text)
        self._api.SetPageSegMode(psm.SINGLE_LINE if one_line else psm.SINGLE_BLOCK)
        text = self._api.GetUTF8Text()
        confs = [c for c in self._api.AllWordConfidences() if c >= 0]
        lines = [" ".join(ln.split()) for ln in text.splitlines()]
        joined = "\n".join(ln for ln in lines if ln)
        confidence = sum(confs) / len(confs) / 100.0 if confs and joined else 0.0
        tokens = joined.split()
        # Tesseract's words hold no space: its confidences follow the text's words one for
        # one (its list may also hold words of no text, when the counts differ: not known).
        words = tuple(zip(tokens, (c / 100.0 for c in confs))) if len(confs) == len(tokens) else ()
        return ReadText(joined, confidence, words=words)

    def read_lines(
        self, crop: Image, m: Measures, settings: ScanSettings, one_line: bool = False
    ) -> list[ReadText]:
        """The text lines of a picture of writing, each with its own confidence, in order.

        A single line is read glyph by glyph too: unsure non-letters at either end (what
        Tesseract makes of a stamp's arc or a speck beside a name: quotes, brackets,
        dashes) are painted out and the line read again, so that its text and confidence
        are the name's alone.
        """
        lines = self._recognise(crop, m, settings, one_line)
        if one_line and len(lines) == 1:
            glyphs = lines[0]
            start, end = _sure_span(glyphs, 100.0 * settings.sure)
            boxes = [g.box for g in glyphs[start:end] if g.box is not None]
            if boxes and (start, end) != (0, len(glyphs)):
                # Everything left of the first glyph kept and right of the last is paper.
                scale, pad = self._scale, px(settings.pad_in, m.dpi)
                left = max(0, round(min(b[0] for b in boxes) / scale) - pad)
                right = max(left, round(max(b[2] for b in boxes) / scale) - pad)
                cleaned = np.full_like(crop, 255)
                cleaned[:, left:right] = crop[:, left:right]
                lines = self._recognise(cleaned, m, settings, one_line) or lines
        out = []
        scale, pad = self._scale, px(settings.pad_in, m.dpi)
        for glyphs in lines:
            text = " ".join("".join(g.text for g in glyphs).split())
            boxes = [g.box for g in glyphs if g.box is not None]
            if not text:
                continue
            if boxes:
                x0 = max(0.0, min(b[0] for b in boxes) / scale - pad)
                x1 = max(x0, max(b[2] for b in boxes) / scale - pad)
                out.append(ReadText(text, glyphs[0].line / 100.0, x0, x1))
            else:
                out.append(ReadText(text, glyphs[0].line / 100.0))
        return out

    def page_words(self, picture: Image, m: Measures, settings: ScanSettings) -> list[PageWord]:
        """Every word Tesseract finds on a whole page, with its glyphs' boxes in the page's
        pixels: for a page whose table has no ruling to cut it into cells. Sparse-text
        segmentation, as a table is not running text: each stretch of words is found on
        its own, however far from the next.
        """
        tesserocr = self._tesserocr
        self._set(self._padded(picture, m.dpi, settings), m, settings, 1.0, m.text)
        self._api.SetPageSegMode(tesserocr.PSM.SPARSE_TEXT)
        self._api.Recognize()
        iterator = self._api.GetIterator()
        if iterator is None:
            return []
        ril = tesserocr.RIL
        scale, pad = self._scale, px(settings.pad_in, m.dpi)

        def on_page(box: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
            return (box[0] / scale - pad, box[1] / scale - pad,
                    box[2] / scale - pad, box[3] / scale - pad)  # fmt: skip

        out: list[PageWord] = []
        line = -1
        for item in tesserocr.iterate_level(iterator, ril.SYMBOL):
            try:
                glyph = item.GetUTF8Text(ril.SYMBOL)
                box = item.BoundingBox(ril.SYMBOL)
            except RuntimeError:  # tesserocr's "No text returned"
                continue
            if box is None:
                continue
            if item.IsAtBeginningOf(ril.TEXTLINE) or not out:
                line += 1
            if item.IsAtBeginningOf(ril.WORD) or not out:
                base = item.Baseline(ril.WORD)
                mid = None if base is None else (base[0][1] + base[1][1]) / 2 / scale - pad
                out.append(PageWord(line, item.Confidence(ril.WORD) / 100.0, [], mid))
            out[-1].glyphs.append((glyph, on_page(box)))
        return [w for w in out if w.glyphs]

    def _recognise(
        self, crop: Image, m: Measures, settings: ScanSettings, one_line: bool
    ) -> list[list[_Glyph]]:
        """Glyphs (spaces between words included) of each text line Tesseract finds."""
        tesserocr = self._tesserocr
        self._set(self._padded(crop, m.dpi, settings), m, settings, 1.0, m.text)
        psm = tesserocr.PSM
        self._api.SetPageSegMode(psm.SINGLE_LINE if one_line else psm.SINGLE_BLOCK)
        self._api.Recognize()
        iterator = self._api.GetIterator()
        if iterator is None:
            return []
        ril = tesserocr.RIL
        lines: list[list[_Glyph]] = []
        line_conf: list[float] = []
        for item in tesserocr.iterate_level(iterator, ril.SYMBOL):
            try:
                glyph = item.GetUTF8Text(ril.SYMBOL)
            except RuntimeError:  # tesserocr's "No text returned"
                continue
            if item.IsAtBeginningOf(ril.TEXTLINE) or not lines:
                lines.append([])
                line_conf.append(item.Confidence(ril.TEXTLINE))
            elif item.IsAtBeginningOf(ril.WORD):
                lines[-1].append(_Glyph(" ", 100.0, None, line_conf[-1]))
            box = item.BoundingBox(ril.SYMBOL)
            lines[-1].append(_Glyph(glyph, item.Confidence(ril.SYMBOL), box, line_conf[-1]))
        return lines


@dataclass(slots=True)
class PageWord:
    """A word of a whole page's reading: its glyphs' text and boxes in the page's pixels."""

    line: int  # Tesseract's text line it is on, counted down the page
    confidence: float  # 0..1
    glyphs: list[tuple[str, tuple[float, float, float, float]]]
    baseline: float | None = None  # y of the word's baseline at its middle, page pixels

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.glyphs)

    @property
    def box(self) -> tuple[float, float, float, float]:
        boxes = [b for _, b in self.glyphs]
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Glyph:
    text: str
    confidence: float  # 0..100
    box: tuple[int, int, int, int] | None  # in the enlarged, padded picture
    line: float  # the confidence of the whole line it is on, 0..100


def _sure_span(glyphs: list[_Glyph], sure: float) -> tuple[int, int]:
    """The glyphs between the unsure non-letters at either end of a line."""
    start, end = 0, len(glyphs)
    while start < end and _is_edge_junk(glyphs[start], sure, leading=True):
        start += 1
    while end > start and _is_edge_junk(glyphs[end - 1], sure, leading=False):
        end -= 1
    return start, end


def _is_edge_junk(glyph: _Glyph, sure: float, leading: bool) -> bool:
    """A space, or a non-letter Tesseract made of a stamp's arc: any at the start of a line
    but an opening bracket; at its end, unsure ones but the punctuation that ends words."""
    t = glyph.text.strip()
    if not t:
        return True
    if t.isalnum():
        return False
    if leading:
        return t != "("
    return t not in ",.):;" and glyph.confidence < sure
