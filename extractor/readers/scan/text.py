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
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import cv2
import numpy as np

from ...errors import MissingTool
from .blobs import doubled, is_acronym, is_capitals, phantom_one, shaped
from .image import Image, Measures, px, u8
from .letter_case import needs_case, recased
from .percent import is_bare_figure, percent_of, with_percent
from .settings import ScanSettings

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


class ReadingAbandoned(Exception):
    """An engine was asked to read for a file that is no longer being read (it failed, or
    its time ran out): the page in hand ends at its next cell (``scan.engines``)."""


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
        self._folder = folder
        self._scale = 1.0  # of the picture last handed to Tesseract
        self._shown: Image | None = None  # ... and that picture
        self._resolution = 0  # ... and the dpi it was told
        self._english: Any = None  # the English model alone, for bare figures; made once asked
        # Set while the engine reads a page for a file: the file's reading has been
        # abandoned once it is (``scan.engines``).
        self.stop: threading.Event | None = None
        try:
            self._api: Any = self._engine(LANGUAGES)
        except RuntimeError as e:
            raise MissingTool(file, f"{INSTALL_HINT}: {e}") from e

    def _engine(self, lang: str) -> Any:
        """A Tesseract engine for ``lang``, reading blocks with its LSTM."""
        tesserocr = self._tesserocr
        api = tesserocr.PyTessBaseAPI(
            path=self._folder,
            lang=lang,
            psm=tesserocr.PSM.SINGLE_BLOCK,
            oem=tesserocr.OEM.LSTM_ONLY,
        )
        # The pictures it is shown are always dark print on white (``scan.image``):
        # Tesseract's second try of every unsure line as white-on-black only costs time.
        api.SetVariable("tessedit_do_invert", "0")
        return api

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._api.End()
        if self._english is not None:
            self._english.End()

    def _set(
        self, image: Image, m: Measures, settings: ScanSettings, larger: float, height: float
    ) -> None:
        """Hand Tesseract ``image`` enlarged so that glyphs ``height`` pixels tall become as
        tall as Tesseract reads best (``ocr_text_px``), never shrunk.

        The grey pixels go over as they are (``SetImageBytes``, one row after another): a
        PIL image would be written as a BMP and parsed back, its palette built in Python,
        for every cell, for the same 8-bit picture."""
        if self.stop is not None and self.stop.is_set():
            raise ReadingAbandoned
        scale = max(1.0, min(settings.max_ocr_scale, larger * settings.ocr_text_px / height))
        if scale > 1.05:
            image = u8(cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC))
        else:
            scale = 1.0
        self._scale = scale
        image = np.ascontiguousarray(image)
        self._shown = image
        height_px, width_px = image.shape
        self._resolution = round(m.dpi * scale)
        self._api.SetImageBytes(image.tobytes(), width_px, height_px, 1, width_px)
        self._api.SetSourceResolution(self._resolution)

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
        if joined and "\n" not in joined:
            figure = with_percent(joined, crop < 128, settings)
            if figure == joined and is_bare_figure(joined):
                english = self._percent_in_english(joined, settings)
                if english is not None:
                    # The figure now read is the English model's, at its own confidence.
                    figure, confidence = english
            if figure != joined:
                return ReadText(figure, confidence, words=((figure, confidence),))
        tokens = joined.split()
        # Tesseract's words hold no space: its confidences follow the text's words one for
        # one (its list may also hold words of no text, when the counts differ: not known).
        if len(confs) != len(tokens):
            return ReadText(joined, confidence)
        words = list(zip(tokens, (c / 100.0 for c in confs)))
        parting = "-" in joined or any(
            conf < settings.unsure_word or _preposition_joined(w) for w, conf in words
        )
        counting = any(is_acronym(w) or is_capitals(w) or "1" in w for w, _ in words)
        casing = needs_case(tokens)
        if not (parting or counting or casing) or self._shown is None:
            return ReadText(joined, confidence, words=tuple(words))
        # All look at the glyphs of the words as read: the iterator is walked once. Once
        # words are parted they are no longer the iterator's, and are not counted.
        glyphs = self._word_glyphs()
        if tokens != ["".join(t for t, _ in g) for g in glyphs]:
            return ReadText(joined, confidence, words=tuple(words))  # they disagree
        ink = self._shown < 128
        if casing:
            cased = recased(tokens, glyphs, ink, settings)
            if cased != tokens:
                glyphs = [[(w[0], g[0][1]), *g[1:]] for w, g in zip(cased, glyphs)]
                words = [(w, c) for w, (_, c) in zip(cased, words)]
                joined = _rejoined(joined, cased)
        if parting:
            parted = self._parted(joined, words, glyphs, ink, settings)
            if parted is not None:
                return ReadText(parted[0], confidence, words=tuple(parted[1]))
        if counting:
            joined, words = _counted(joined, words, glyphs, ink, settings)
        return ReadText(joined, confidence, words=tuple(words))

    def _parted(
        self,
        joined: str,
        words: list[tuple[str, float]],
        glyphs: list[list[tuple[str, tuple[int, int, int, int]]]],
        ink: Any,
        settings: ScanSettings,
    ) -> tuple[str, list[tuple[str, float]]] | None:
        """The text with each unsure word parted where the page shows a word space inside
        it, and a hyphen parted from a word it stands a space from.

        Tesseract's LSTM joins two printed words it has learnt as one ("di dokumentasikan"
        read "didokumentasikan", at a confidence near 0), and drops the space of a hyphen
        typed apart ("Perundang -" read "Perundang-"): the space is plain on the page as a
        run of columns with no ink across the word's box. Its glyph boxes are too smeared
        to show it, but say which glyphs stand either side of it. The space is the median
        gap between the words of the cell, so the rule holds at any font size and scale.
        None when no word is parted.
        """
        boxes = [_union([b for _, b in g]) for g in glyphs]
        gaps = [
            b[0] - a[2] for a, b in zip(boxes, boxes[1:]) if b[1] < a[3] and a[1] < b[3]
        ]  # between words on one line
        if len(gaps) < 2:
            return None
        cut = settings.part_word_space * float(np.median(gaps))
        parts: list[list[str]] = []
        for (word, conf), glyph, (x0, top, x1, bottom) in zip(words, glyphs, boxes):
            texts = [t for t, _ in glyph]
            centres = [(b[0] + b[2]) / 2 for _, b in glyph]
            cuts: set[int] = set()
            joined_to = _preposition_joined(word)
            if conf < settings.unsure_word or "-" in word or joined_to:
                empty = np.logical_not(ink[top:bottom, x0:x1].any(axis=0))
                for a, b in _runs(empty):
                    if b - a >= cut:
                        x = x0 + (a + b) / 2
                        k = _part_at(texts, centres, x, conf < settings.unsure_word)
                        if k is None and joined_to:
                            k = _after_preposition(texts, centres, x)
                        if k is not None:
                            cuts.add(k)
            bounds = [0, *sorted(cuts), len(texts)]
            parts.append(["".join(texts[i:j]) for i, j in zip(bounds, bounds[1:])])
        if all(len(p) == 1 for p in parts):
            return None
        out_words = [(piece, conf) for p, (_, conf) in zip(parts, words) for piece in p]
        it = iter(parts)
        lines = [" ".join(" ".join(next(it)) for _ in ln.split()) for ln in joined.split("\n")]
        return "\n".join(lines), out_words

    def _percent_in_english(
        self, first: str, settings: ScanSettings
    ) -> tuple[str, float] | None:
        """The percentage the English model reads in the picture last shown, where the
        Indonesian one read a bare figure (``scan.percent.percent_of``), and how sure the
        English model is of it."""
        if self._shown is None:
            return None
        if self._english is None:
            try:
                self._english = self._engine("eng")
            except RuntimeError:
                return None
        api = self._english
        height_px, width_px = self._shown.shape
        api.SetImageBytes(self._shown.tobytes(), width_px, height_px, 1, width_px)
        api.SetSourceResolution(self._resolution)
        api.SetPageSegMode(self._tesserocr.PSM.SINGLE_LINE)
        figure = percent_of(first, api.GetUTF8Text().strip(), settings)
        return None if figure is None else (figure, api.MeanTextConf() / 100.0)

    def _word_glyphs(self) -> list[list[tuple[str, tuple[int, int, int, int]]]]:
        """Each word of the last reading as its glyphs and their boxes."""
        tesserocr = self._tesserocr
        iterator = self._api.GetIterator()
        out: list[list[tuple[str, tuple[int, int, int, int]]]] = []
        if iterator is None:
            return out
        ril = tesserocr.RIL
        for item in tesserocr.iterate_level(iterator, ril.SYMBOL):
            try:
                glyph = item.GetUTF8Text(ril.SYMBOL)
            except RuntimeError:  # tesserocr's "No text returned"
                continue
            box = item.BoundingBox(ril.SYMBOL)
            if box is None:
                continue
            if item.IsAtBeginningOf(ril.WORD) or not out:
                out.append([])
            out[-1].append((glyph, box))
        return out

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


# Prepositions Indonesian writes apart ("di dokumentasikan", "di Lingkungan") and as prefixes
# joined ("dikelola"): Tesseract's language model joins the two however the page sets them,
# and sure of it. Only the page's word space tells.
_PREPOSITIONS = ("di", "ke")


_SUFFIXES = ("kan", "an", "i")  # a dictionary lacks some suffixed forms ("dokumentasikan")


def _preposition_joined(word: str) -> bool:
    """Whether ``word`` opens with a preposition before a word a dictionary knows, itself
    or without its suffix."""
    from ...lexicon import in_dictionary

    head = word[:2].casefold()
    rest = word[2:].strip(".,;:")
    if head not in _PREPOSITIONS or len(rest) < 4 or not rest.isalpha():
        return False
    return in_dictionary(rest) or any(
        rest.endswith(end) and len(rest) - len(end) >= 4 and in_dictionary(rest[: -len(end)])
        for end in _SUFFIXES
    )


def _after_preposition(texts: list[str], centres: list[float], x: float) -> int | None:
    """The glyph after a word's opening preposition, where the space found at ``x`` stands
    beside it (a glyph either way: smeared boxes); None for a space elsewhere in it."""
    k = sum(c < x for c in centres)
    split = len(_PREPOSITIONS[0])
    return split if abs(k - split) <= 1 and "".join(texts[:split]).isalpha() else None


def _part_at(texts: list[str], centres: list[float], x: float, unsure: bool) -> int | None:
    """Where a word's glyphs part at the space found at ``x``: beside a hyphen; or, in a
    word read unsurely, between two halves of two letters or more, at the glyph the boxes
    put there if a dictionary knows one half, or one glyph either side if it knows both
    (smeared boxes place a space a glyph off). A letter gap a blur widened leaves no such
    halves ("Menyiapka n")."""
    from ...lexicon import in_dictionary

    k = sum(c < x for c in centres)
    for j in (k, k - 1, k + 1):
        if 0 < j < len(texts) and "-" in (texts[j - 1], texts[j]):
            return j
    if not unsure:
        return None

    def known(j: int) -> int:
        halves = ["".join(texts[:j]).strip(".,;:"), "".join(texts[j:]).strip(".,;:")]
        if min(sum(ch.isalpha() for ch in h) for h in halves) < 2:
            return 0
        return sum(in_dictionary(h) for h in halves)

    if 0 < k < len(texts) and known(k) >= 1:
        return k
    fits = [j for j in (k - 1, k + 1) if 0 < j < len(texts) and known(j) == 2]
    return fits[0] if len(fits) == 1 else None


def _counted(
    joined: str,
    words: list[tuple[str, float]],
    glyphs: list[list[tuple[str, tuple[int, int, int, int]]]],
    ink: Any,
    settings: ScanSettings,
) -> tuple[str, list[tuple[str, float]]]:
    """The text with its glyphs counted against the page's blobs (``scan.blobs``): a
    capital the page shows twice written twice, one its blob's shape names for another,
    a "1" it shows nowhere left out."""
    fixed = []
    for (w, c), g in zip(words, glyphs):
        spelled = shaped(w, g, ink, settings)
        if spelled == w:
            spelled = doubled(w, g, ink, settings)
        fixed.append((phantom_one(spelled, g, ink, settings), c))
    if fixed == words:
        return joined, words
    return _rejoined(joined, [w for w, _ in fixed]), fixed


def _rejoined(joined: str, texts: list[str]) -> str:
    """``joined``'s lines with their words, in order, replaced by ``texts``."""
    it = iter(texts)
    return "\n".join(" ".join(next(it) for _ in ln.split()) for ln in joined.split("\n"))


def _union(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def _runs(flags: Any) -> list[tuple[int, int]]:
    """The [start, end) runs of True in ``flags`` that neither touch its ends."""
    from .bands import flag_runs

    return [(a, b) for a, b in flag_runs(flags.tolist()) if a > 0 and b < len(flags)]
