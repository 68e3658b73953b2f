"""Tell dust from punctuation by where a speck sits on its text line.

At 150 dpi a speck of dust and a full stop are the same two or three pixels, and Tesseract
reads any speck near a word as ``.`` ``:`` ``'`` or ``-`` with full confidence (its LSTM symbol
confidences are near 99% for dust and real glyphs alike), so neither size nor confidence tells
them apart. Position does: every punctuation mark that small has a fixed place on the line.

- on the baseline, hugging the glyph before it: a full stop or the head of a comma;
- at x-height middle, only as half of a colon or semicolon (a dot straight below it);
- above x-height, only as the dot of an ``i`` or ``j`` (a stem straight below it).

Any other speck is erased before the cell is read. Sizes are relative to the body height of the
speck's own line (baseline minus the median top of its glyphs), so the rule is the same for
any font size and scan resolution. A speck too far from any line is erased too.

Where a speck sits is not enough when dust falls on the baseline right after a word
(``75%.``, ``kompetensi. SDM``). What it carries is: every dot the page's font prints (the
full stop, the colon's dots, the i's dot) holds about the same ink, and the page shows that
amount many times over in its i-dots (``dot_levels``). Ink is the darkness summed over the
blob's pixels, not their count, so a pale pixel weighs less than a black one. A speck with
much less ink than the page's dots is dust wherever it sits; and one on the baseline whose
core is lighter than every i-dot's is no stop (the stop is printed as they are, at their
size and blur: dust after a word, "kompetensi. SDM", is any grey).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray

from .image import Image, Measures
from .labels import components, painted
from .settings import ScanSettings


@dataclass(frozen=True, slots=True)
class _Blob:
    x0: int
    top: int
    x1: int  # exclusive
    bottom: int  # exclusive

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class _Line:
    top: float  # median top of its glyphs (x-height or cap height)
    base: float  # median bottom of its glyphs: the baseline
    glyphs: tuple[_Blob, ...]

    @property
    def body(self) -> float:
        return max(1.0, self.base - self.top)


def _median(values: list[int]) -> float:
    """NumPy's median of a few whole numbers, without NumPy's cost a call: asked once a
    glyph of every cell, that cost was most of the cell's dust finding."""
    ranked = sorted(values)
    half = len(ranked) // 2
    return float(ranked[half]) if len(ranked) % 2 else (ranked[half - 1] + ranked[half]) / 2


def _lines(glyphs: list[_Blob]) -> list[_Line]:
    """Glyphs grouped into text lines by vertical overlap of their central parts."""
    groups: list[list[_Blob]] = []
    for g in sorted(glyphs, key=lambda b: b.cy):
        if groups:
            last = groups[-1]
            top = _median([b.top for b in last])
            base = _median([b.bottom for b in last])
            if top <= g.cy <= base + 0.25 * (base - top):
                last.append(g)
                continue
        groups.append([g])
    out = []
    for group in groups:
        top = _median([b.top for b in group])
        base = _median([b.bottom for b in group])
        out.append(_Line(top, base, tuple(sorted(group, key=lambda b: b.x0))))
    return out


def _line_of(speck: _Blob, lines: list[_Line]) -> _Line | None:
    """The line whose band (with room for ascenders and descenders) holds the speck."""
    best: tuple[float, _Line] | None = None
    for line in lines:
        if line.top - 0.6 * line.body <= speck.cy <= line.base + 0.5 * line.body:
            dist = abs(speck.cy - (line.top + line.base) / 2)
            if best is None or dist < best[0]:
                best = (dist, line)
    return best[1] if best else None


def _overlaps_x(a: _Blob, b: _Blob, slack: int = 1) -> bool:
    return a.x0 - slack < b.x1 and b.x0 - slack < a.x1


def _darkest(grey: Image | None, blob: _Blob) -> float:
    if grey is None:
        return 256.0
    return float(grey[blob.top : blob.bottom, blob.x0 : blob.x1].min())


def _is_full_stop(
    speck: _Blob, line: _Line, specks: list[_Blob], settings: ScanSettings, dark: bool = False
) -> bool:
    """On the baseline, close after a glyph, and not hugging whatever follows instead.

    Punctuation glued between two glyphs (``97,5``, ``Kab.Kubu``, ``tertib,efektif``) sits
    about midway at low resolution; dust in a word gap is as likely near the next word.
    """
    # A stop stands on the baseline; one hanging below it (where only a comma's tail goes)
    # is a speck.
    if speck.bottom - line.base > settings.stop_drop_body * line.body:
        return False
    before = [g for g in line.glyphs if g.x1 <= speck.x0 + 1 and g.bottom > line.top]
    if not before:
        return False
    left = max(before, key=lambda g: g.x1)
    gap = speck.x0 - left.x1
    # A printed stop sits close to its glyph; a little farther only when it is as dark as
    # the letters (a speck of dust of its size is most often lighter).
    if gap > (settings.dark_hug if dark else settings.hug) * line.body:
        return False
    # A dot between this one and its glyph, on this line, makes this the second of a
    # doubled stop.
    low = line.base - settings.baseline_zone * line.body
    if any(
        s is not speck and left.x1 <= s.x0 and s.x1 <= speck.x0 and low < s.bottom
        and s.top <= line.base
        for s in specks
    ):
        return False
    after = [g.x0 - speck.x1 for g in line.glyphs if g.x0 >= speck.x1 - 1]
    return not after or min(after) + 1 >= gap / 2


def _footprint(
    grey: Image, speck: _Blob, paper: float, settings: ScanSettings, alone: bool = False
) -> tuple[float, float, int, int]:
    """The speck's grey footprint: its horizontal and vertical spread, each pixel weighted
    by its darkness, its lowest row and its width. At 150-200 dpi a hyphen is one pixel row
    of ink that the scan blurs into two, and a comma's tail is lighter than the binary cut,
    so the binary blob is a round dot in both; blur spreads ink the same way in every
    direction, so the ratio of the spreads survives it, where a speck of dust is round.

    A speck that stands ``alone`` (a hyphen ending its line, no glyph hugging it) is looked
    at ``footprint_reach`` of its size around, as the grey connected to its darkest pixel:
    a faint hyphen's binary blob is its darkest pixel or two, and most of its ink lies
    beside them (a window one pixel wider sees a round dot). Beside a glyph, the glyph's
    own grey would join it, so the window stays one pixel wider than the blob."""
    size = max(speck.x1 - speck.x0, speck.bottom - speck.top)
    reach = max(1, round(settings.footprint_reach * size)) if alone else 1
    top, bottom = max(0, speck.top - reach), min(grey.shape[0], speck.bottom + reach)
    x0, x1 = max(0, speck.x0 - reach), min(grey.shape[1], speck.x1 + reach)
    window = grey[top:bottom, x0:x1].astype(np.float64)
    core = grey[speck.top : speck.bottom, speck.x0 : speck.x1]
    darkest = float(window.min()) if not alone else float(core.min())
    if paper - darkest <= 0:
        return 1.0, 1.0, speck.bottom, speck.x1 - speck.x0
    weight = np.clip((paper - window) / (paper - darkest), 0.0, 1.0)
    weight[weight < settings.footprint_share] = 0.0
    if alone:
        _, parts = cv2.connectedComponents((weight > 0).astype(np.uint8), connectivity=8)
        cy, cx = np.unravel_index(int(np.argmin(core)), core.shape)
        weight[parts != parts[speck.top - top + cy, speck.x0 - x0 + cx]] = 0.0
    total = float(weight.sum())
    ys, xs = np.mgrid[0 : window.shape[0], 0 : window.shape[1]]
    spread = []
    for axis in (xs, ys):
        mean = float((weight * axis).sum()) / total
        # A pixel's own extent (a uniform spread over it) keeps a one-row mark finite.
        spread.append(float((weight * (axis - mean) ** 2).sum()) / total + _PIXEL_VARIANCE)
    lowest = top + int(np.nonzero(weight.any(axis=1))[0].max()) + 1
    cols = np.nonzero(weight.any(axis=0))[0]
    return spread[0], spread[1], lowest, int(cols.max() - cols.min() + 1)


def _elongation(grey: Image, speck: _Blob, paper: float, settings: ScanSettings) -> float:
    """How many times wider than tall the speck's grey footprint is (``_footprint``)."""
    wide, tall, _, _ = _footprint(grey, speck, paper, settings)
    return float(np.sqrt(wide / tall))


def _is_comma(
    speck: _Blob, line: _Line, grey: Image | None, paper: float, settings: ScanSettings
) -> bool:
    """A comma whose tail is lighter than the binary cut: in its grey footprint, taller than
    wide and reaching below the baseline (``_is_stroke`` sees it in the binary blob), after
    a glyph of its line no farther than a word space (``comma_reach``): no comma opens a
    line."""
    if grey is None:
        return False
    before = [speck.x0 - g.x1 for g in line.glyphs if g.x1 <= speck.x0 + 1]
    if not before or min(before) > settings.comma_reach * line.body:
        return False
    wide, tall, lowest, _ = _footprint(grey, speck, paper, settings)
    return lowest > line.base and np.sqrt(tall / wide) >= settings.comma_elongation


# The variance of a uniform spread over one pixel.
_PIXEL_VARIANCE = 1.0 / 12.0


def _is_hyphen(
    speck: _Blob, line: _Line, settings: ScanSettings, grey: Image | None = None,
    paper: float = 255.0,
) -> bool:
    """A dash at mid x-height joining two glyphs (``e-government``): wider than tall (in
    its grey footprint, where the binary blob is too few pixels to show it), with writing
    close on both sides; or ending its line after a word (``Perundang-`` broken over two
    lines, or typed ``Perundang -``), where a space may stand before it."""
    reach = settings.hyphen_hug * line.body
    left = [speck.x0 - g.x1 for g in line.glyphs if g.x1 <= speck.x0 + 1]
    right = [g.x0 - speck.x1 for g in line.glyphs if g.x0 >= speck.x1 - 1]
    if not left:
        return False
    if right:
        near = min(left) <= reach and min(right) <= reach
        elongation = settings.hyphen_elongation
    else:
        near = min(left) <= settings.break_hyphen_body * line.body
        elongation = settings.break_hyphen_elongation
    if not near:
        return False
    w, h = speck.x1 - speck.x0, speck.bottom - speck.top
    if w < 2 * h:
        if grey is None:
            return False
        # A few pixels at 150 dpi: its grey says more than its binary blob.
        wide, tall, _, width = _footprint(grey, speck, paper, settings, alone=not right)
        if np.sqrt(wide / tall) < elongation:
            return False
        if not right:
            w = max(w, width)
    return w >= settings.hyphen_width * line.body


def _is_colon_head(speck: _Blob, line: _Line, specks: list[_Blob], dot_stem: float) -> bool:
    """The upper dot of a colon or semicolon: another speck straight below it, close."""
    return any(
        s is not speck
        and _overlaps_x(speck, s)
        and 0 <= s.top - speck.bottom <= dot_stem * line.body
        for s in specks
    )


def _is_i_dot(speck: _Blob, line: _Line, binary: Image, settings: ScanSettings) -> bool:
    """The dot of an i or j: a vertical stroke starts just below it, under its centre.

    Looked for in pixels, not blobs: at 150 dpi the stem of an ``i`` often touches the letter
    beside it. A speck at the shoulder of an ``a`` has no stroke straight below and is what
    Tesseract reads as an apostrophe.
    """
    reach = speck.bottom + max(1, round(settings.dot_stem * line.body))
    need = max(2, round(settings.stem_run * line.body))
    for x in range(max(0, speck.x0 - 1), min(binary.shape[1], speck.x1 + 1)):
        column = binary[speck.bottom : int(line.base) + 1, x] > 0
        if not column.any():
            continue
        start = int(np.argmax(column))
        if speck.bottom + start > reach:
            continue
        run = column[start:]
        length = int(np.argmin(run)) if not run.all() else len(run)
        if length >= need:
            return True
    return False


def _is_broken_piece(
    speck: _Blob, line: _Line, labels: NDArray[np.int32], heights: NDArray[np.float64],
    settings: ScanSettings,
) -> bool:
    """A piece the threshold broke off a letter at its thinnest joint (a serif r's arm, the
    top of an a, the tail of a y at 200 dpi): hanging from the x-height line or from the
    baseline, within a small gap of the ink of a letter of the line's size (not of a
    scrawl's stroke). Asked after the ink test (a piece of print carries a dot's ink).
    Dust beside a stem halfway up (an i turned into a t), sitting on the baseline (a stop)
    or above the x-height (an accent over an e) is not one."""
    gap = max(1, round(settings.glyph_piece_gap * line.body))
    from_top = abs(speck.top - line.top) <= gap and speck.cy > line.top
    from_base = abs(speck.top - line.base) <= gap and speck.cy > line.base
    if not (from_top or from_base):
        return False
    h, w = labels.shape
    near = labels[max(0, speck.top - gap) : min(h, speck.bottom + gap),
                  max(0, speck.x0 - gap) : min(w, speck.x1 + gap)]  # fmt: skip
    tall = heights[np.unique(near)]
    low, high = settings.glyph_piece_letter
    return bool(((tall >= low * line.body) & (tall <= high * line.body)).any())


def _grey_partners(
    grey: Image | None,
    binary: Image,
    labels: NDArray[np.int32],
    blobs: list[_Blob],
    paper: float,
    faint: float,
    least: float,
    settings: ScanSettings,
) -> NDArray[np.float64]:
    """For each blob of ``binary`` (``labels``, ``blobs``: label n is ``blobs[n - 1]``), the
    top row of the highest other blob that the grey joins it to, standing over or under it,
    the two together as tall as a glyph; infinity where there is none. A letter the
    threshold broke at its thin joints (small type at 150 dpi: the arm of an r, the tail of
    a y, an l in three) is still joined by pixels lighter than the threshold but darker
    than paper all the way (``joint_contrast`` of the way from paper to the faintest print,
    ``faint``); dust beside a word, even where a full stop would sit, stands clear of it
    across, with paper between. None joined without the grey."""
    out = np.full(len(blobs) + 1, np.inf)
    if grey is None or faint >= paper:
        return out
    level = paper - settings.joint_contrast * (paper - faint)
    joint = np.where((grey < level) | (binary > 0), 255, 0).astype(np.uint8)
    _, joint_labels, joint_stats, _ = cv2.connectedComponentsWithStats(joint, connectivity=8)
    tall = joint_stats[:, cv2.CC_STAT_HEIGHT] > least
    within = np.zeros(len(blobs) + 1, dtype=np.int64)  # the piece of grey each blob lies in
    ys, xs = np.nonzero(labels)
    within[labels[ys, xs]] = joint_labels[ys, xs]
    members: dict[int, list[tuple[int, _Blob]]] = {}
    for n, blob in enumerate(blobs, start=1):
        members.setdefault(int(within[n]), []).append((n, blob))
    for j, held in members.items():
        if len(held) < 2 or not tall[j]:
            continue
        for n, b in held:
            tops = [o.top for m, o in held if m != n and o.x0 <= b.x1 and b.x0 <= o.x1]
            if tops:
                out[n] = min(tops)
    return out


def _is_joined_piece(
    speck: _Blob, line: _Line, partner_top: float, settings: ScanSettings
) -> bool:
    """A piece of a letter the grey joins to the rest of it (``_grey_partners``); above the
    x-height only on an ascender's stem (the top of a broken l), never over a small letter
    (a speck over an e is no accent of it); below the baseline only reaching down as a
    tail does (``piece_descent``), not a speck on the line under a letter (a "w" so dotted
    stands as tall as a capital, and reads as one)."""
    if partner_top == np.inf:
        return False
    gap = settings.glyph_piece_gap * line.body
    if speck.bottom <= line.top + gap:
        return partner_top < line.top - gap
    if speck.top >= line.base - gap:
        return speck.bottom >= line.base + settings.piece_descent * line.body
    return True


def _inside_glyph(speck: _Blob, line: _Line) -> bool:
    """Part of a glyph of several pieces: within the box of a larger glyph of its line (the
    rings of ``%`` beside its slash, the dot of ``;`` under a curl)."""
    return any(
        g.x0 - 1 <= speck.x0
        and speck.x1 <= g.x1 + 1
        and g.top - 1 <= speck.top
        and speck.bottom <= g.bottom + 1
        for g in line.glyphs
    )


def _is_quote(speck: _Blob, specks: list[_Blob]) -> bool:
    """One stroke of a double quote: a speck of the same height close beside it."""
    width = speck.x1 - speck.x0
    return any(
        s is not speck
        and s.top < speck.bottom
        and speck.top < s.bottom
        and (0 <= s.x0 - speck.x1 <= width + 1 or 0 <= speck.x0 - s.x1 <= width + 1)
        for s in specks
    )


def _is_colon_foot(speck: _Blob, specks: list[_Blob]) -> bool:
    """The lower dot of a colon or semicolon: another speck straight above, close."""
    size = speck.bottom - speck.top
    return any(
        s is not speck and _overlaps_x(speck, s) and 0 <= speck.top - s.bottom <= 4 * size + 2
        for s in specks
    )


def _is_stroke(speck: _Blob, line: _Line) -> bool:
    """A comma (tail below the baseline) or an apostrophe (above x-height): a thin upright
    stroke, where dust is a round speck."""
    w, h = speck.x1 - speck.x0, speck.bottom - speck.top
    if h < 2 * w:
        return False
    return speck.bottom > line.base + 1 or speck.top < line.top - 1


Labels = NDArray[np.int32]
Darkness = NDArray[np.float32]


def _ink(darkness: Darkness | None, labels: Labels, n: int, blob: _Blob) -> float:
    """The ink a blob carries: its pixels' darkness summed, in pixels of full ink. Its grey
    edge is left out: near a lone speck that is mostly JPEG ringing and paper grain, which
    would make a speck of one pixel weigh as much as a printed dot."""
    if darkness is None:
        return float("inf")
    mine = labels[blob.top : blob.bottom, blob.x0 : blob.x1] == n
    return float(darkness[blob.top : blob.bottom, blob.x0 : blob.x1][mine].sum())


def _darkness(grey: Image) -> Darkness:
    """0..1 per pixel of a picture of print on white (``PageImage.text``): 1 is full ink."""
    dark: Darkness = (np.float32(255.0) - grey.astype(np.float32)) / np.float32(255.0)
    return np.clip(dark, 0.0, 1.0, out=dark)


def _i_dots(text: Image, m: Measures, settings: ScanSettings) -> list[tuple[float, int]]:
    """The page's i-dots, each as its ink (pixels of full ink) and its darkest grey: a
    speck-sized blob with a stroke starting right under it, as long as most of the text's
    height."""
    binary = np.where(text < 128, 255, 0).astype(np.uint8)
    blobs = components(binary)
    count, labels, stats = blobs.count, blobs.labels, blobs.stats
    darkness = _darkness(text)
    largest = settings.speck_text * m.text
    reach = max(1, round(settings.dot_stem * m.text))
    need = max(2, round(settings.stem_run * m.text))
    dots: list[tuple[float, int]] = []
    for n in range(1, count):
        x, y, w, h = (int(v) for v in stats[n, :4])
        if max(w, h) > largest:
            continue
        rows = np.count_nonzero(binary[y + h : y + h + reach + need, x : x + w], axis=1) > 0
        start = int(np.argmax(rows[:reach])) if rows[:reach].any() else reach
        if start < reach and len(rows) >= start + need and rows[start : start + need].all():
            blob = _Blob(x, y, x + w, y + h)
            dots.append((_ink(darkness, labels, n, blob), int(text[y : y + h, x : x + w].min())))
    return dots


def dot_levels(text: Image, m: Measures, settings: ScanSettings) -> tuple[float, float]:
    """What a printed dot of this page holds, from its i-dots, the one dot every page of
    Indonesian prints many times: the least ink (a share of their median ink, in pixels of
    full ink), and the lightest its darkest pixel is (the grey of ``text`` that
    ``dot_core_share`` of the i-dots reach at their core). A full stop is printed with the
    same ink at the same size and blur, so it is as dark as they are; dust is any grey.
    (0, 255) when the page shows too few i-dots to tell."""
    dots = _i_dots(text, m, settings)
    if len(dots) < settings.min_dots:
        return 0.0, 255.0
    inks = [ink for ink, _ in dots]
    cores = [core for _, core in dots]
    return (
        settings.dot_share * float(np.median(inks)),
        float(np.percentile(cores, 100.0 * settings.dot_core_share)),
    )


def _spaced_punctuation(speck: _Blob, line: _Line, settings: ScanSettings) -> bool:
    """A speck erased that may have been a comma or stop typed after a space ("meja ,
    kursi"): with a printed dot's ink (the tests before this one), standing on the baseline
    as a stop or a comma's head does (no lower: at 150 dpi a comma's tail is too pale to
    show), in a word gap, farther than a stop hugs its glyph from the glyphs on either side.
    Dust sits there too, so the eraser still takes it; the row records that it did."""
    if speck.bottom - line.base > settings.stop_drop_body * line.body:
        return False
    reach = settings.hug * line.body
    before = [speck.x0 - g.x1 for g in line.glyphs if g.x1 <= speck.x0]
    after = [g.x0 - speck.x1 for g in line.glyphs if g.x0 >= speck.x1]
    return bool(before and after) and min(before) > reach and min(after) > reach


def dust_mask(
    binary: Image,
    text_height: float,
    settings: ScanSettings,
    grey: Image | None = None,
    dot: float = 0.0,
    erased: list[tuple[int, int, int, int]] | None = None,
    dot_dark: float = 255.0,
) -> Image:
    """255 on blobs of ``binary`` (ink = 255) that are dust rather than punctuation.

    ``text_height`` is the page's measured glyph height in pixels: blobs taller than a share
    of it can be glyphs that define a text line. With ``grey`` (the same crop's pixels), a
    speck whose darkest pixel is much lighter than the writing's ink is dust wherever it
    sits: a printed dot is as dark as the letters, since even at 150 dpi it covers whole
    pixels; and one with less ink than ``dot`` (``dot_levels``, measured on the page) is dust
    unless it is a stroke (a comma, an apostrophe) or part of a glyph; one on the baseline
    whose darkest pixel is lighter than ``dot_dark`` (the lightest core of the page's
    i-dots, ``dot_levels``) is no stop nor colon. ``erased``, when
    given, gets the box of every speck erased that may have been punctuation
    (``_spaced_punctuation``).
    """
    count, found, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    labels = np.asarray(found, dtype=np.int32)
    blobs = [_Blob(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:count]]
    least = max(2.0, settings.glyph_text * text_height)
    glyphs = [b for b in blobs if b.bottom - b.top > least]
    heights = np.zeros(count)
    heights[1:] = [b.bottom - b.top for b in blobs]
    lines = _lines(glyphs)
    faint, paper = 256.0, 255.0
    dark = -1.0  # as dark as print: a speck this dark may sit a little farther from its glyph
    if grey is not None and glyphs:
        ink = grey[binary > 0]
        paper = float(np.median(grey))
        core = float(np.percentile(ink, 10))
        faint = paper - settings.faint_contrast * (paper - core)
        dark = core + settings.print_dark_contrast * (paper - core)
    darkness = _darkness(grey) if grey is not None and dot > 0 else None
    dust = np.zeros(count, dtype=bool)
    small: list[tuple[int, _Blob, _Line | None]] = []
    for n, blob in enumerate(blobs, start=1):
        line = _line_of(blob, lines)
        limit = settings.speck_body * line.body if line else least
        if max(blob.x1 - blob.x0, blob.bottom - blob.top) <= limit:
            small.append((n, blob, line))
    specks = [b for _, b, _ in small]
    # (only where there are small blobs to judge: asked once a cell)
    partner_top = (
        _grey_partners(grey, binary, labels, blobs, paper, faint, least, settings)
        if small
        else np.full(count, np.inf)
    )
    top = settings.top_zone
    top_specks = [b for _, b, ln in small if ln and (ln.base - b.cy) / ln.body >= top]
    for n, blob, line in small:
        if line is None:
            dust[n] = True
        elif grey is not None and grey[blob.top : blob.bottom, blob.x0 : blob.x1].min() > faint:
            dust[n] = True
        elif (
            _is_stroke(blob, line)
            or _inside_glyph(blob, line)
            or _is_joined_piece(blob, line, float(partner_top[n]), settings)
        ):
            dust[n] = False
        elif _ink(darkness, labels, n, blob) < dot:
            dust[n] = True
        elif _is_comma(blob, line, grey, paper, settings):
            dust[n] = False  # its tail below the cut, it still holds a dot's ink
        elif _is_broken_piece(blob, line, labels, heights, settings):
            dust[n] = False
        else:
            height = (line.base - blob.cy) / line.body
            if height <= settings.baseline_zone:
                darkest = _darkest(grey, blob)
                dust[n] = darkest > dot_dark or not (
                    _is_full_stop(blob, line, specks, settings, darkest <= dark)
                    or _is_colon_foot(blob, specks)
                )
                if dust[n] and erased is not None and _spaced_punctuation(blob, line, settings):
                    erased.append((blob.x0, blob.top, blob.x1, blob.bottom))
            elif height >= top:
                dust[n] = not (
                    _is_i_dot(blob, line, binary, settings) or _is_quote(blob, top_specks)
                )
            else:
                dust[n] = not (
                    _is_colon_head(blob, line, specks, settings.dot_stem)
                    or _is_hyphen(blob, line, settings, grey, paper)
                )
    return painted(labels, dust)


def faint_mask(grey: Image, level: float, faint_contrast: float, dot: float = 0.0) -> Image:
    """255 on marks lighter than ink throughout: visible, but with no pixel dark as print.

    Tesseract thresholds each crop on its own and may take such a mark as a glyph; a printed
    glyph, even a full stop, has a core nearly as dark as the letters because at scan
    resolutions it covers whole pixels. Faint is a mark whose darkest pixel is less than
    ``faint_contrast`` of the way from the crop's paper to its ink (the darker tenth of what
    is darker than ``level``), or one with no pixel darker than ``level`` (so ``dust_mask``
    never saw it) that holds less ink than a printed dot (``dot``): a pixel of mid grey after
    a word is what Tesseract reads as a full stop.
    """
    paper = float(np.median(grey))
    dark = grey[grey < level]
    if paper <= level or dark.size == 0:
        return np.zeros_like(grey)
    ink = float(np.percentile(dark, 10))
    visible = np.where(grey < paper - 0.25 * (paper - level), 255, 0).astype(np.uint8)
    count, labels = cv2.connectedComponents(visible, connectivity=8)
    darkest = np.full(count, 255, dtype=np.int32)
    np.minimum.at(darkest, labels.ravel().astype(np.intp), grey.ravel().astype(np.int32))
    faint = darkest >= paper - faint_contrast * (paper - ink)
    if dot > 0:
        weights = _darkness(grey).ravel()
        ink_sum = np.bincount(labels.ravel(), weights=weights, minlength=count)
        faint |= (ink_sum < dot) & (darkest >= level)
    faint[0] = False
    return painted(np.asarray(labels, dtype=np.int32), faint)


def erase_dust(
    grey: Image,
    level: float,
    text_height: float,
    settings: ScanSettings,
    dot: float = 0.0,
    erased: list[tuple[int, int, int, int]] | None = None,
    dot_dark: float = 255.0,
) -> Image:
    """``grey`` (one cell or text block) with dust painted as paper; ink is darker than ``level``;
    ``dot`` and ``dot_dark`` are the least ink of a printed dot on the page and the lightest
    its core is (``dot_levels``; 0 and 255 when unknown);
    ``erased`` collects the specks erased that may have been punctuation (``dust_mask``).

    Paper grey rather than white: a patch of pure white in grainy paper is itself an edge
    Tesseract's own thresholding can trip on.
    """
    binary = np.where(grey < level, 255, 0).astype(np.uint8)
    mask = cv2.bitwise_or(
        dust_mask(binary, text_height, settings, grey, dot, erased, dot_dark),
        faint_mask(grey, level, settings.faint_contrast, dot),
    )
    if not mask.any():
        return grey
    out = grey.copy()
    out[cv2.dilate(mask, np.ones((3, 3), np.uint8)) > 0] = int(np.median(grey))
    return out
