"""A scanned page whose table has no ruling, as the glyphs a born-digital page would give.

A table printed without ruling lines (an Excel sheet printed without grid lines, a Word
table with its borders off) and then scanned has no cells to cut out and read one by one.
The born-digital reader already finds such tables from how their words line up
(``pdf.aligned``: header words, whitespace valleys, the page's own line pitches). So the
scan is read once as a whole page, every glyph with its box, the boxes are put into PDF
points, and the page goes through the same reader as a PDF's text: one method for tables
without ruling, whatever made the page.

A whole-page reading is good at running text and poor at what stands alone: a tick ("Vv",
"J" or nothing at all), a month label ("Bl"), a quarter ("TWh" for TW II), a lone digit.
So the page's ink is also cut into runs (glyphs closer than a share of the text height to
the side are one run: a word or a phrase), and every run that holds a short reading or
none is read again as a cell of a ruled table is (``ocr.read_cell``: known mark shapes,
votes over scales, codes and numbers mended); a mark becomes ink for the layout, as a
drawn tick of a PDF is.
"""

from __future__ import annotations

from collections.abc import Iterable
from statistics import median

import cv2
import numpy as np
from numpy.typing import NDArray

from ...ocr_fixes import fix_code, fix_numbers
from ...ruled_settings import PageMeasures, RuledSettings
from ..pdf.page import Glyph, PageContent
from .image import PageImage, PxBox
from .letter_case import needs_case, recased
from .settings import ScanSettings
from .text import CellReader, PageWord

# What a speck alone reads as: never a word by itself ("-" may be one, for none; ":" after
# a label is read as a word of its own).
_DUST = ".,;'`\"‘’“”"


Labels = NDArray[np.int32]  # which ink run each pixel is in


def unruled_content(
    image: PageImage, reader: CellReader, settings: ScanSettings, ruled: RuledSettings
) -> PageContent | None:
    """The page's words as glyphs in points from its top-left; None when nothing was read."""
    from .reader import is_real_text

    m = image.m
    words = [
        w
        for w in reader.page_words(_dusted_page(image, settings), m, settings)
        if w.text.strip().strip(_DUST)
        and (w.confidence >= settings.min_line_confidence or is_real_text(w.text))
    ]
    _recase(words, image, settings)
    runs, labels = _runs(image, settings)
    words = _one_run_each(words, runs, labels, image, settings)
    in_run = _assign(words, runs, labels)
    again, marks = _read_short_runs(image, reader, settings, runs, words, in_run)
    kept = [w for i, w in enumerate(words) if in_run[i] not in again]
    for w in kept:
        _respell(w, fix_code(fix_numbers(w.text)))
    kept.extend(w for read in again.values() for w in read)
    if not kept:
        return None
    k = 72.0 / m.dpi
    glyphs, em = _glyphs(kept, m.text / settings.text_em_share, settings)
    height, width = image.grey.shape
    inks = [(b[0] * k, b[1] * k, b[2] * k, b[3] * k) for b in marks]
    return PageContent(
        width * k,
        height * k,
        PageMeasures(em * k, 0.0, ruled),
        [g._replace(x0=g.x0 * k, x1=g.x1 * k, top=g.top * k, bottom=g.bottom * k,
                    size=g.size * k) for g in glyphs],  # fmt: skip
        inks=inks,
    )


def _recase(words: list[PageWord], image: PageImage, settings: ScanSettings) -> None:
    """Each line's sized letters cased by their height against that line's own x-height and
    cap height (``scan.letter_case``), as a ruled table's cells are."""
    lines: dict[int, list[PageWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    ink = image.ink > 0
    for line in lines.values():
        texts = [w.text for w in line]
        if not needs_case(texts):
            continue
        glyphs = [[(t, _pixels(b)) for t, b in w.glyphs] for w in line]
        for w, text in zip(line, recased(texts, glyphs, ink, settings)):
            if text != w.text:
                w.glyphs[0] = (text[0], w.glyphs[0][1])


def _pixels(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    return (max(0, round(box[0])), max(0, round(box[1])), round(box[2]), round(box[3]))


def _dusted_page(image: PageImage, settings: ScanSettings) -> NDArray[np.uint8]:
    """The page's text picture with the specks that cannot be punctuation erased, as a
    ruled table's cell is before it is read (``scan.specks``): Tesseract reads any speck
    beside a word as a stop or a colon."""
    from .specks import erase_dust

    return erase_dust(
        image.text, 128.0, image.m.text, settings, image.m.dot, dot_dark=image.m.dot_dark
    )


def _runs(image: PageImage, settings: ScanSettings) -> tuple[list[PxBox], Labels]:
    """Boxes of the page's ink runs, and the picture of which run each pixel is in (0 for
    none, run ``i`` is label ``i + 1``): glyphs less than a share of the text height apart
    side by side smear into one (a word, or a phrase with narrow spaces)."""
    reach = image.m.of_text(settings.unruled_run_text)
    wide = cv2.dilate(image.ink, np.ones((1, 2 * reach + 1), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(wide, connectivity=8)
    out: list[PxBox] = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        # The widening added ``reach`` on either side: the run's own ink is inside that.
        out.append((x + reach, y, max(x + reach + 1, x + w - reach), y + h))
    return out, np.asarray(labels, dtype=np.int32)


def _one_run_each(
    words: list[PageWord],
    runs: list[PxBox],
    labels: Labels,
    image: PageImage,
    settings: ScanSettings,
) -> list[PageWord]:
    """The words that lie over one ink run at most. A word's letters are never a run apart
    (runs part at gaps wider than a share of the text height), so a "word" over two runs
    is Tesseract joining things set apart: ticks in neighbouring months read as "vvvvv",
    two month labels as one. Such a word is dropped; its runs, left without a reading,
    are each read again on their own."""
    low, high = settings.unruled_glyph_text
    h_lo, h_hi = low * image.m.text, high * image.m.text
    out: list[PageWord] = []
    for w in words:
        x0, top, x1, bottom = w.box
        under = np.unique(labels[max(0, round(top)) : round(bottom) + 1,
                                 max(0, round(x0)) : round(x1) + 1])  # fmt: skip
        inside = 0
        for v in under[under > 0]:
            rx0, rtop, rx1, rbottom = runs[int(v) - 1]
            if not h_lo <= rbottom - rtop <= h_hi or not top <= (rtop + rbottom) / 2 <= bottom:
                continue  # a speck, or a run of the line above or below
            if min(x1, rx1) - max(x0, rx0) >= 0.5 * (rx1 - rx0):
                inside += 1  # a run mostly within the word: the word is at most that run
        if inside < 2:
            out.append(w)
    return out


def _assign(words: list[PageWord], runs: list[PxBox], labels: Labels) -> list[int]:
    """For each word, the index of the run holding its centre (-1 for none): the run under
    the centre when the centre is on ink, else the first whose box holds it."""
    h, w_ = labels.shape
    out: list[int] = []
    for w in words:
        x0, top, x1, bottom = w.box
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        label = int(labels[min(h - 1, max(0, round(cy))), min(w_ - 1, max(0, round(cx)))])
        if label:
            out.append(label - 1)
            continue
        found = -1
        for i, r in enumerate(runs):
            if r[0] - 1 <= cx <= r[2] + 1 and r[1] - 1 <= cy <= r[3] + 1:
                found = i
                break
        out.append(found)
    return out


def _read_short_runs(
    image: PageImage,
    reader: CellReader,
    settings: ScanSettings,
    runs: list[PxBox],
    words: list[PageWord],
    in_run: list[int],
) -> tuple[dict[int, list[PageWord]], list[PxBox]]:
    """Runs holding no reading or a short one, read again as cells: the words they become
    (by run index) and the boxes of the marks among them."""
    from ...marks import is_mark_text
    from .marks import MarkShapes
    from .reader import is_real_text, page_threshold, read_cell

    m = image.m
    text_of: dict[int, list[PageWord]] = {}
    for w, r in zip(words, in_run):
        if r >= 0:
            text_of.setdefault(r, []).append(w)
    low, high = settings.unruled_glyph_text
    short: list[int] = []
    for i, (_, top, _, bottom) in enumerate(runs):
        if not low * m.text <= bottom - top <= high * m.text:
            continue  # a speck, or a picture, a stamp, a signature
        read = text_of.get(i, [])
        text = " ".join(w.text.strip() for w in read)
        if len(text) > settings.short_chars:
            continue
        sure = all(w.confidence >= settings.sure for w in read)
        if read and sure and is_real_text(text) and not is_mark_text(text):
            continue  # the page's reading stands: a cell reading can only lose it
        short.append(i)
    margin = m.px(settings.trim_in) + m.px(settings.ink_pad_in)
    h, w_ = image.ink.shape
    boxes = {
        i: (max(0, runs[i][0] - margin), max(0, runs[i][1] - margin),
            min(w_, runs[i][2] + margin), min(h, runs[i][3] + margin))
        for i in short
    }  # fmt: skip
    threshold = page_threshold(image, list(boxes.values()), settings)
    shapes = MarkShapes(m, settings)
    again: dict[int, list[PageWord]] = {}
    marks: list[PxBox] = []
    for i in short:
        placed = read_cell(image, boxes[i], reader, threshold, shapes, settings)
        if placed.read is None:
            continue
        if placed.mark:
            marks.append(runs[i])
            again[i] = []  # nothing of it stays text
            continue
        old = text_of.get(i, [])
        line = old[0].line if old else -1 - i
        bases = [b.baseline for b in old if b.baseline is not None]
        # Labels and digits have no descenders: the run's foot is their baseline.
        base = median(bases) if bases else float(runs[i][3])
        conf = placed.read.confidence
        again[i] = [
            PageWord(line, conf, _spread(text, box), base)
            for text, box in _word_boxes(placed.read.text, runs[i], image.ink)
        ]
    return again, marks


def _word_boxes(text: str, run: PxBox, ink: NDArray[np.uint8]) -> list[tuple[str, PxBox]]:
    """The words of a run's reading, each over its own ink: a run may hold a phrase set
    with narrow gaps ("B7 B8 B9"), and spread evenly over the whole run its words would
    stand a letter apart, closer than the labels really are. The reading's n words go to
    the ink parted at its n - 1 widest gaps; the run whole when it has fewer gaps."""
    parts = text.split()
    x0, top, x1, bottom = run
    if len(parts) < 2:
        return [(text.strip(), run)]
    cols = np.flatnonzero(ink[top:bottom, x0:x1].any(axis=0))
    if len(cols) < 2:
        return [(text.strip(), run)]
    steps = np.diff(cols)
    gaps = np.flatnonzero(steps > 1)
    if len(gaps) < len(parts) - 1:
        return [(text.strip(), run)]
    cuts = np.sort(gaps[np.argsort(steps[gaps], kind="stable")[::-1][: len(parts) - 1]])
    starts = [int(cols[0])] + [int(cols[c + 1]) for c in cuts]
    ends = [int(cols[c]) + 1 for c in cuts] + [int(cols[-1]) + 1]
    return [(w, (x0 + a, top, x0 + b, bottom)) for w, a, b in zip(parts, starts, ends)]


def _spread(text: str, box: PxBox | tuple[float, float, float, float]) -> list[
    tuple[str, tuple[float, float, float, float]]
]:
    """``text`` over ``box``, a glyph box for each letter: only the edges matter to the
    layout, and spaces stay spaces."""
    x0, top, x1, bottom = (float(v) for v in box)
    step = (x1 - x0) / max(1, len(text))
    return [(ch, (x0 + i * step, top, x0 + (i + 1) * step, bottom)) for i, ch in enumerate(text)]


def _respell(word: PageWord, text: str) -> None:
    """Give ``word`` the mended spelling (``100%`` for ``1OO%``)."""
    if text != word.text:
        word.glyphs = _spread(text, word.box)


def _glyphs(
    words: list[PageWord], em_guess: float, settings: ScanSettings
) -> tuple[list[Glyph], float]:
    """The words as glyphs in page pixels, lines boxed as a PDF boxes them; and the em."""
    by_line: dict[int, list[PageWord]] = {}
    for w in words:
        if w.glyphs:
            by_line.setdefault(w.line, []).append(w)
    extents = [_extent(ws) for ws in by_line.values() if sum(len(w.glyphs) for w in ws) >= 4]
    em = median(b - t for t, b in extents) if extents else em_guess
    space = _space_em(by_line.values(), em, settings) * em
    # Whether a line is set in the body's size is told by its words' heights (one speck or
    # a tick beside it must not make a line large), against the page's words.
    page_h = median(_height(w) for w in words if w.glyphs)
    out: list[Glyph] = []
    for line in by_line.values():
        top, bottom = _extent(line)
        share = median(_height(w) for w in line) / page_h
        bases = [w.baseline for w in line if w.baseline is not None]
        if abs(share - 1.0) <= settings.unruled_size_spread:
            # A body line gets the box a PDF gives its glyphs: the em placed on the
            # baseline, whatever its letters reach (ascenders, descenders, capitals).
            base = median(bases) if bases else bottom
            top = base - settings.unruled_ascent * em
            bottom, size = top + em, em
        else:
            size = share * em
        prev: PageWord | None = None
        for word in sorted(line, key=lambda w: w.box[0]):
            for text, box in _with_spaces(prev, word, space * size / em):
                out.append(Glyph(text, box[0], box[2], top, bottom, size, False))
            prev = word
    return out, em


def _space_em(lines: Iterable[list[PageWord]], em: float, settings: ScanSettings) -> float:
    """The page's word space, in ems: the median gap between neighbouring words of a line
    (gaps wider than ``unruled_space_cap`` ems part columns, not words)."""
    gaps: list[float] = []
    for line in lines:
        ordered = sorted(line, key=lambda w: w.box[0])
        for a, b in zip(ordered, ordered[1:]):
            gap = (b.box[0] - a.box[2]) / em
            if 0 < gap <= settings.unruled_space_cap:
                gaps.append(gap)
    return median(gaps) if gaps else settings.unruled_space_em


def _with_spaces(
    prev: PageWord | None, word: PageWord, space: float
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """The word's letters, after a space glyph where Tesseract parted it from the word
    before. The space is drawn as wide as the page's word space (``space``, pixels), or
    the gap if narrower, as a PDF draws it: the gap itself, drawn as the space, would tell
    the layout that every gap on the line is one space wide, and a line of month labels
    set apart would read as one phrase."""
    out = []
    if prev is not None and word.box[0] > prev.box[2]:
        x = prev.box[2]
        out.append((" ", (x, 0.0, min(word.box[0], x + space), 0.0)))
    # Tesseract's glyph boxes overlap and run out of order (an LSTM places each letter
    # only roughly); the word's own box is sure, so its letters are spread over it.
    out.extend(_spread(word.text, word.box))
    return out


def _height(word: PageWord) -> float:
    return word.box[3] - word.box[1]


def _extent(words: list[PageWord]) -> tuple[float, float]:
    """Top and bottom of a line's ink."""
    return min(w.box[1] for w in words), max(w.box[3] for w in words)

