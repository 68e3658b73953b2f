"""A scanned page image to straight layers measured on the page itself.

A scan is paper of some grey (white, grey, yellowed, darker at the edges) with print on it,
sometimes cells filled grey, sometimes a coloured stamp, noise from the sensor and JPEG, and
a tilt. Nothing here compares a pixel with a fixed grey level:

1. colour that is not print (stamps, ballpoint) fades to its lightest channel;
2. a 1-bit copy gets its broken strokes closed and its edges softened;
3. the *background* (paper and fills) is a grey closing wider than any stroke and narrower
   than any cell; dividing by it gives a page where paper and fills are white and print is
   dark whatever the paper was (``flat``); dividing the background by the *paper* (a closing
   wider than any fill) gives where cells are filled (``fill``);
4. paper and ink levels come from the histogram of that flattened page;
5. the skew is the angle that makes the rows of ink most peaked, searched up to
   ``max_skew`` on a reduced page, and the layers are turned back once;
6. ink is decided by Sauvola's local threshold (mean and spread of a window a little larger
   than a glyph) bounded by the page's own contrast, so grain on blank paper stays paper;
7. stroke width and text height are measured on that ink, and everything later (specks,
   ruling kernels, row bands, marks) is sized from them or from the dpi.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np
from cv2.typing import MatLike
from numpy.typing import NDArray

from .labels import components
from .settings import ScanSettings

Image = NDArray[np.uint8]
PxBox = tuple[int, int, int, int]  # x0, top, x1, bottom in pixels, exclusive ends


def u8(pixels: MatLike | NDArray[np.generic]) -> Image:
    """An image layer as what it is, 8-bit grey: OpenCV's stubs type every result as any
    matrix, and NumPy's lose the dtype through arithmetic. No copy when it already is."""
    return np.asarray(pixels, dtype=np.uint8)


def px(inches: float, dpi: float) -> int:
    return max(1, round(inches * dpi))


def odd(n: float) -> int:
    k = max(1, round(n))
    return k if k % 2 else k + 1


@dataclass(frozen=True, slots=True)
class Measures:
    """What the page itself says, from which every threshold of the reader is sized."""

    dpi: float
    paper: float  # grey level of the paper in the scan as it came
    ink: float  # grey level of print in the scan as it came
    flat_paper: float  # the same two on the flattened page (paper near 255)
    flat_ink: float
    skew: float  # degrees the page was turned back by
    stroke: float  # pixels: the width of the text's strokes
    text: float  # pixels: the height of the text's glyphs (between x-height and caps)
    bilevel: bool  # a 1-bit copy
    dot: float = 0.0  # least ink (pixels of full ink) of a printed dot (``scan.specks.dot_levels``)
    dot_dark: float = 255.0  # ... and the lightest its darkest pixel is, on ``PageImage.text``

    @property
    def contrast(self) -> float:
        return max(1.0, self.flat_paper - self.flat_ink)

    def px(self, inches: float) -> int:
        return px(inches, self.dpi)

    def of_text(self, share: float) -> int:
        return max(1, round(share * self.text))

    def as_dict(self) -> dict[str, float]:
        return {
            "dpi": self.dpi,
            "paper_level": round(self.paper, 1),
            "ink_level": round(self.ink, 1),
            "skew_deg": round(self.skew, 2),
            "stroke_pt": round(self.stroke * 72.0 / self.dpi, 2),
            "text_height_pt": round(self.text * 72.0 / self.dpi, 2),
            "bilevel": float(self.bilevel),
            "dot_floor_px": round(self.dot, 2),
            "dot_core_level": round(self.dot_dark, 1),
        }


@dataclass(slots=True)
class PageImage:
    """A straightened page in its layers, all of the same size."""

    grey: Image  # the scan in grey, straightened
    flat: Image  # paper and fills divided out: paper ~255, print dark
    fill: Image  # the background relative to paper: 255 paper, darker where a cell is filled
    binary: Image  # 255 on ink, ruling included (adaptive threshold)
    rules: Image  # 255 on ruling lines, ends stretched so crossings meet
    ink: Image  # 255 on ink that is not ruling and not dust
    text: Image  # what Tesseract is shown: print dark on white, ruling and dust gone
    m: Measures


def to_grey(pixels: NDArray[np.uint8], settings: ScanSettings) -> Image:
    """Grey from an RGB (or grey) render, coloured ink faded towards paper.

    A stamp or a ballpoint signature is saturated; print is black or grey. A pixel's
    saturation (max - min channel) decides how far it moves from its luminance to its
    lightest channel, so a blue stamp over a typed name leaves the name.

    The channels' extremes are taken on the 8-bit planes, and the fading done only where
    a pixel is saturated enough to fade at all: a page is nearly all grey, and the same
    sums over its every pixel in float32 were a third of a page's preparation.
    """
    if pixels.ndim == 2:
        return pixels
    rgb = np.ascontiguousarray(pixels[..., :3])
    r, g, b = cv2.split(rgb)
    hi = u8(cv2.max(cv2.max(r, g), b))
    spread = u8(cv2.subtract(hi, cv2.min(cv2.min(r, g), b)))
    lum = rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    grey = u8(np.clip(lum, 0, 255))
    start = 255.0 * settings.colour_from
    coloured = spread > start
    if coloured.any():
        span = 255.0 * (settings.colour_full - settings.colour_from)
        weight = np.clip((spread[coloured].astype(np.float32) - start) / span, 0.0, 1.0)
        lit = lum[coloured]
        grey[coloured] = u8(np.clip(lit + (hi[coloured].astype(np.float32) - lit) * weight, 0, 255))
    return grey


def is_bilevel(grey: Image, settings: ScanSettings) -> bool:
    """Whether the page holds two grey levels only, as a copier's 1-bit image does.

    Asked of the page's own two commonest levels, not of fixed dark and light ranges:
    bright paper with sensor grain fills the light end of a grey scan too. Anti-aliased
    print has edge pixels between its levels about as many as its solid ink; a 1-bit
    copy has none.
    """
    hist = np.bincount(grey.ravel(), minlength=256)
    light, dark = (int(v) for v in np.argsort(hist)[::-1][:2])
    dark, light = min(light, dark), max(light, dark)
    if light - dark < settings.bilevel_contrast * 255 or hist[dark] == 0:
        return False
    between = int(hist[dark + 1 : light].sum())
    return bool(
        hist[dark] + hist[light] >= settings.bilevel_ratio * grey.size
        and between <= settings.bilevel_edges * hist[dark]
    )


def is_dithered(grey: Image, dpi: float, settings: ScanSettings) -> bool:
    """Whether a two-level page prints a fill as a dither: most of its dark blobs are dots
    no wider than the dither's scale (``descreen_in``), where print is glyphs and a copy's
    specks are a few hundred beside thousands of glyphs."""
    stats = components(u8(np.where(grey < 128, 255, 0))).stats
    areas = stats[1:, cv2.CC_STAT_AREA]
    if len(areas) == 0:
        return False
    dot = max(1, px(settings.descreen_in, dpi)) ** 2
    return bool(np.count_nonzero(areas <= dot) >= settings.dither_share * len(areas))


def soften_bilevel(grey: Image, dpi: float, settings: ScanSettings) -> Image:
    """Close the small breaks a copier leaves in strokes, then soften the stair-step edges
    (Tesseract reads grey edges better than hard ones)."""
    k = px(settings.bilevel_close_in, dpi)
    if k >= 2:
        grey = u8(cv2.morphologyEx(grey, cv2.MORPH_OPEN, np.ones((k, k), np.uint8)))
    return u8(cv2.GaussianBlur(grey, (0, 0), max(0.5, 0.002 * dpi)))


def closing_background(grey: Image, dpi: float, inches: float) -> Image:
    """The page with every dark feature narrower than ``inches`` closed over.

    Done on the page reduced to a few pixels per kernel (it is smooth anyway), then
    enlarged back, so it costs a few milliseconds whatever the dpi.
    """
    h, w = grey.shape
    scale = min(1.0, 6.0 / (inches * dpi))
    # A median first: grain and JPEG noise on a fill would otherwise lift its closing to
    # the grain's lightest pixels, near paper.
    grey = u8(cv2.medianBlur(grey, odd(inches * dpi / 2)))
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    k = odd(inches * dpi * scale)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel, borderType=cv2.BORDER_REPLICATE)
    closed = cv2.blur(closed, (k, k))
    return u8(cv2.resize(closed, (w, h), interpolation=cv2.INTER_LINEAR))


def _divide(a: Image, b: Image) -> Image:
    out = a.astype(np.float32) * 255.0 / np.maximum(b.astype(np.float32), 1.0)
    return np.clip(out, 0, 255).astype(np.uint8)


def grey_percentile(pixels: Image, share: float, default: float) -> float:
    """The grey level below which ``share`` of ``pixels`` lie, from their histogram (a
    sort of a whole page's pixels is what made this slow)."""
    hist = np.bincount(pixels.ravel(), minlength=256)
    total = int(hist.sum())
    if total == 0:
        return default
    return float(np.searchsorted(np.cumsum(hist), share * total))


def _levels(flat: Image) -> tuple[float, float]:
    """Paper and ink of a flattened page: the paper's median, and the core of what Otsu
    calls dark (its darker fifth, so the grey edges of strokes do not lighten it)."""
    otsu, _ = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    paper = grey_percentile(flat[flat >= otsu], 0.5, 255.0)
    ink = grey_percentile(flat[flat < otsu], 0.2, 0.0)
    return paper, min(ink, paper - 1.0)


def estimate_skew(ink: Image, dpi: float, settings: ScanSettings) -> float:
    """The rotation (degrees) that makes text lines and rulings horizontal.

    Projection profile: over candidate angles, shear the ink's pixel coordinates (for a few
    degrees a shear is a rotation to within a pixel) and keep the angle whose row histogram
    is most peaked (largest sum of squares). Working on coordinates of a reduced image
    instead of rotating images makes the whole search a few milliseconds.
    """
    scale = min(1.0, settings.skew_dpi / dpi)
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ys, xs = np.nonzero(small > 96)
    if len(ys) < 50:
        return 0.0
    xs = xs.astype(np.float64) - small.shape[1] / 2
    ys = ys.astype(np.float64)
    size = small.shape[0] + small.shape[1]

    def score(angle: float) -> float:
        rows = np.rint(ys + xs * np.tan(np.radians(angle))).astype(np.int64) + size // 2
        hist = np.bincount(np.clip(rows, 0, 2 * size), minlength=2 * size + 1)
        return float(np.dot(hist, hist))

    step, fine, most = settings.skew_step, settings.skew_fine, settings.max_skew
    best = max(np.arange(-most, most + 1e-9, step), key=score)
    refined = np.arange(best - step, best + step + 1e-9, fine)
    # The shear that levels the rows is the opposite of the turn ``rotate`` makes.
    return -float(max(refined, key=score))


def rotate(image: Image, angle: float, border: int) -> Image:
    if abs(angle) < 0.02:
        return image
    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return u8(cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border))


def sauvola(flat: Image, dpi: float, paper: float, ink: float, settings: ScanSettings) -> Image:
    """255 where ``flat`` is ink by Sauvola's rule T = m (1 + k (s / R - 1)).

    ``R``, the spread that counts as full contrast, is half the page's own contrast rather
    than the customary 128, and a pixel must also be ``min_ink_contrast`` darker than paper.
    """
    f = flat.astype(np.float32)
    w = odd(settings.sauvola_window_in * dpi)
    mean = np.asarray(cv2.boxFilter(f, -1, (w, w), borderType=cv2.BORDER_REFLECT), np.float32)
    level = np.asarray(
        cv2.boxFilter(np.multiply(f, f), -1, (w, w), borderType=cv2.BORDER_REFLECT), np.float32
    )
    # level = mean (1 + k (spread / r - 1)), spread = sqrt(max(E[f^2] - mean^2, 0)): worked
    # in place, step by step as written, on one page-sized buffer.
    level -= np.multiply(mean, mean)
    np.maximum(level, 0.0, out=level)
    np.sqrt(level, out=level)
    level /= max(1.0, (paper - ink) / 2.0)
    level -= 1.0
    level *= settings.sauvola_k
    level += 1.0
    np.multiply(mean, level, out=level)
    below = cv2.bitwise_and(u8(f < level), u8(f < ink_floor(paper, ink, settings)))
    return u8(np.multiply(below, 255, dtype=np.uint8))


def ink_floor(paper: float, ink: float, settings: ScanSettings) -> float:
    """The level a pixel must be darker than to be ink at all: ``min_ink_contrast`` of the
    way from paper to ink. Sauvola's rule must pass it too; on its own it is the faint layer
    a blurred hairline stays whole on (``grid.ruling``)."""
    return paper - settings.min_ink_contrast * (paper - ink)


def stroke_width(ink: Image) -> float:
    """Median length of horizontal ink runs: the width of upright strokes, which text is
    mostly made of."""
    padded = np.pad(ink > 0, ((0, 0), (1, 1)))
    edges = np.diff(padded.astype(np.int8), axis=1)
    starts = np.nonzero(edges.ravel() == 1)[0]
    ends = np.nonzero(edges.ravel() == -1)[0]
    if len(starts) == 0:
        return 1.0
    return float(max(1.0, np.median(ends - starts)))


def text_height(ink: Image, dpi: float, stroke: float) -> float:
    """Median height of the blobs that can be glyphs: taller than two strokes, shorter than
    half an inch (bigger is a picture, a stamp or a ruling)."""
    stats = components(ink).stats
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    glyph = (h >= 2 * stroke) & (h <= 0.5 * dpi) & (w <= 0.5 * dpi)
    if glyph.sum() < 10:
        return 0.1 * dpi
    return float(np.median(h[glyph]))


def glyph_height(ink: Image, m: Measures) -> float:
    """The height of the glyphs in one cell's ink (a heading's small bold codes are not the
    body's size): the median of its blobs taller than two strokes, else the page's."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:count, cv2.CC_STAT_HEIGHT]
    heights = heights[(heights >= 2 * m.stroke) & (heights <= 3 * m.text)]
    return float(np.median(heights)) if len(heights) else m.text


def prepare(grey: Image, dpi: float, settings: ScanSettings) -> PageImage:
    """Flatten, deskew and binarise the page; find its ruling; separate ink from dust."""
    from .grid import ruling
    from .specks import dot_levels
    from .stamps import stamp_mask

    bilevel = is_bilevel(grey, settings)
    dithered = bilevel and is_dithered(grey, dpi, settings)
    if bilevel:
        grey = soften_bilevel(grey, dpi, settings)
    if dithered:
        # A copier prints a fill as a dither of dots, each narrower than any stroke, which
        # the background would close over as it does print. Averaged over the dither's own
        # scale the dots are the grey they stand for, and the background keeps the fill.
        grey_bg = u8(cv2.GaussianBlur(grey, (0, 0), px(settings.descreen_in, dpi)))
    else:
        grey_bg = grey
    background = closing_background(grey_bg, dpi, settings.background_in)
    paper_bg = closing_background(grey_bg, dpi, settings.paper_in)
    flat = _divide(grey, background)
    flat_paper, flat_ink = _levels(flat)
    quick = np.where(flat < (flat_paper + flat_ink) / 2, 255, 0).astype(np.uint8)
    skew = estimate_skew(quick, dpi, settings)
    paper = grey_percentile(paper_bg, 0.5, 255.0)
    grey = rotate(grey, skew, round(paper))
    flat = rotate(flat, skew, 255)
    fill = rotate(_divide(background, paper_bg), skew, 255)
    binary = sauvola(flat, dpi, flat_paper, flat_ink, settings)
    ink_level = grey_percentile(grey[binary > 0], 0.2, 0.0)
    stroke = stroke_width(binary)
    height = text_height(binary, dpi, stroke)
    m = Measures(dpi, paper, ink_level, flat_paper, flat_ink, skew, stroke, height, bilevel)
    faint = u8(np.where(flat < ink_floor(flat_paper, flat_ink, settings), 255, 0))
    rules, core = ruling(binary, faint, m, grey.shape[1] / dpi, settings)
    ink, dust = _ink_and_dust(binary, core, m, settings)
    ink = u8(cv2.bitwise_and(ink, cv2.bitwise_not(_faint(ink, flat, m, settings))))
    stamps = stamp_mask(ink, m, settings)
    ink = u8(cv2.bitwise_and(ink, cv2.bitwise_not(stamps)))
    text = _text_image(flat, ink, dust, core, m, settings)
    dot, dot_dark = dot_levels(text, m, settings)
    m = replace(m, dot=dot, dot_dark=dot_dark)
    return PageImage(grey, flat, fill, binary, rules, ink, text, m)


def _ink_and_dust(
    binary: Image, core: Image, m: Measures, settings: ScanSettings
) -> tuple[Image, Image]:
    """Ink without ruling and specks; and the specks close enough to writing to be print
    (a full stop is as small as dust: ``scan.specks`` decides those cell by cell)."""
    rest = u8(cv2.bitwise_and(binary, cv2.bitwise_not(core)))
    blobs = components(rest)
    stats = blobs.stats
    speck = m.of_text(settings.speck_text)
    small = (stats[:, cv2.CC_STAT_WIDTH] <= speck) & (stats[:, cv2.CC_STAT_HEIGHT] <= speck)
    small[0] = False
    specks = blobs.painted(small)
    ink = u8(cv2.bitwise_and(rest, cv2.bitwise_not(specks)))
    near = m.of_text(settings.writing_near_text)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * near + 1, near + 1))
    writing = cv2.dilate(ink, kernel)
    dust = u8(cv2.bitwise_and(specks, writing))  # both 0 or 255
    return ink, dust


def _faint(ink: Image, flat: Image, m: Measures, settings: ScanSettings) -> Image:
    """255 on blobs of glyph size or more with no pixel as dark as print: a light stamp,
    a pencil note, show-through from the back of the sheet. Printed strokes, even blurred
    ones, have a core near the page's ink level; small dots are left to ``scan.specks``."""
    blobs = components(ink)
    stats = blobs.stats
    darkest = np.full(blobs.count, 255, dtype=np.int32)
    # The background (label 0) is never faint: the blobs' own pixels are all to look at.
    np.minimum.at(darkest, blobs.own, flat[blobs.ys, blobs.xs].astype(np.int32))
    size = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    light = m.flat_ink + settings.faint_ink_contrast * m.contrast
    faint = (darkest > light) & (size >= m.text)
    faint[0] = False
    return blobs.painted(faint)


def _text_image(
    flat: Image, ink: Image, dust: Image, core: Image, m: Measures, settings: ScanSettings
) -> Image:
    """Print stretched to black on white; everything that is not ink near writing is paper.

    Tesseract thresholds every crop on its own; shown grain, fills and ruling it makes
    letters of them. Ink keeps its grey edges (a margin around the ink mask).
    """
    cut = m.flat_ink + settings.print_cut_contrast * m.contrast
    scale = 255.0 / max(1.0, cut - m.flat_ink)
    stretched = np.clip((flat.astype(np.float32) - m.flat_ink) * scale, 0, 255).astype(np.uint8)
    grow = 2 * max(1, round(settings.text_margin_stroke * m.stroke)) + 1
    keep = cv2.dilate(cv2.bitwise_or(ink, dust), np.ones((grow, grow), np.uint8))
    keep[core > 0] = 0
    return np.where(keep > 0, stretched, 255).astype(np.uint8)
