"""The scan reader's measures and structure on drawn pages: paper and ink levels, fills,
skew, broken rulings, 1-bit copies, marks by ink, stamps, and what it reports seeing.

The pages are drawn here with OpenCV at known sizes, so each assertion follows from the
drawing (a 4 degree turn, a grey fill, a dashed ruling), not from the reader's output.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from extractor import ExtractOptions
from extractor.readers.scan.grid import cell_boxes, table_boxes
from extractor.readers.scan.image import Measures, is_bilevel, prepare, to_grey
from extractor.readers.scan.marks import MarkShapes, ink_threshold
from extractor.readers.scan.settings import ScanSettings
from extractor.readers.scan.stamps import stamp_mask

DPI = 150.0
S = ScanSettings()


def _grid(paper: int = 245, dashed: bool = False, rows: int = 4, cols: int = 5) -> np.ndarray:
    """A ruled table of ``rows`` x ``cols`` cells, 1 px lines, text-like bars in each cell."""
    page = np.full((900, 1300), paper, np.uint8)
    xs = [100 + 200 * i for i in range(cols + 1)]
    ys = [100 + 120 * i for i in range(rows + 1)]
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 20, 2)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 20, 2)
    if dashed:  # a copier's dropouts: a gap of 4 px every 40 px of every ruling
        for x in xs:
            for y in range(ys[0] + 18, ys[-1], 40):
                page[y : y + 4, x - 2 : x + 3] = paper
        for y in ys:
            for x in range(xs[0] + 18, xs[-1], 40):
                page[y - 2 : y + 3, x : x + 4] = paper
    for i in range(rows):
        for j in range(cols):
            cv2.putText(page, "Ab12", (xs[j] + 20, ys[i] + 70), cv2.FONT_HERSHEY_SIMPLEX,
                        0.6, 20, 1)  # fmt: skip
    return page


def _turned(page: np.ndarray, degrees: float) -> np.ndarray:
    h, w = page.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(page, m, (w, h), borderValue=int(np.median(page)))


def _cells(page: np.ndarray) -> list[tuple[int, int, int, int]]:
    image = prepare(page, DPI, S)
    tables = table_boxes(image.rules, image.m, S)
    assert len(tables) == 1
    return cell_boxes(image.rules, tables[0], image.m, S)


def test_settings_are_validated_and_carried_by_the_options() -> None:
    assert isinstance(ExtractOptions().scan, ScanSettings)
    assert ExtractOptions(scan=ScanSettings(max_skew=3.0)).scan.max_skew == 3.0
    with pytest.raises(ValueError, match="positive"):
        ScanSettings(min_cell_in=0)
    with pytest.raises(ValueError, match="share"):
        ScanSettings(shaded_ratio=1.5)
    with pytest.raises(ValueError, match="turned page"):
        ScanSettings(max_skew=45)
    with pytest.raises(ValueError, match="background_in"):
        ScanSettings(background_in=2.0)


@pytest.mark.parametrize("paper", [255, 215, 178])  # white, 0.85 and 0.7 grey paper
def test_cells_are_found_whatever_the_paper_grey(paper: int) -> None:
    assert len(_cells(_grid(paper))) == 20


def test_paper_and_ink_levels_are_measured() -> None:
    image = prepare(_grid(178), DPI, S)
    assert abs(image.m.paper - 178) <= 3
    assert image.m.ink < 60
    assert image.m.contrast > 150  # on the flattened page paper is near white whatever it was


@pytest.mark.parametrize("degrees", [-4.0, -2.0, 3.0, 4.5])
def test_skew_up_to_five_degrees_is_undone_before_the_grid(degrees: float) -> None:
    image = prepare(_turned(_grid(), degrees), DPI, S)
    assert abs(image.m.skew + degrees) <= 0.15  # turned back by the opposite angle
    assert len(_cells(_turned(_grid(), degrees))) == 20


def test_broken_rulings_are_joined() -> None:
    assert len(_cells(_grid(dashed=True))) == 20


def test_a_one_bit_copy_is_recognised_and_read() -> None:
    bilevel = np.where(_grid() < 128, 0, 255).astype(np.uint8)
    image = prepare(bilevel, DPI, S)
    assert image.m.bilevel
    assert len(_cells(bilevel)) == 20


@pytest.mark.parametrize("paper", [238, 246, 252])
def test_a_grey_scan_on_bright_grainy_paper_is_not_a_one_bit_copy(paper: int) -> None:
    """Bright paper with sensor grain keeps nearly every pixel in the light extreme; the
    page is still grey (grain, anti-aliased edges), so it is not softened as a copy."""
    page = cv2.GaussianBlur(_grid(paper=paper), (0, 0), 0.8).astype(np.float32)
    page += np.random.default_rng(1).normal(0.0, 2.5, page.shape)
    grey = np.clip(page, 0, 255).astype(np.uint8)
    assert not is_bilevel(grey, S)
    assert is_bilevel(np.where(grey < 128, 0, 255).astype(np.uint8), S)


def test_a_clean_anti_aliased_render_is_not_a_one_bit_copy() -> None:
    page = np.full((900, 1300), 255, np.uint8)
    for y in range(120, 800, 40):  # text-like lines: solid cores, grey edges
        cv2.putText(page, "Laporan Kinerja 2024", (100, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7,
                    0, 1, cv2.LINE_AA)  # fmt: skip
    assert not is_bilevel(page, S)


def test_a_grey_fill_is_a_fill_not_ink() -> None:
    page = _grid(cols=3, rows=2)
    page[102:219, 102:299] = (page[102:219, 102:299] * 0.75).astype(np.uint8)  # one cell filled
    image = prepare(page, DPI, S)
    inside = (slice(110, 210), slice(110, 290))
    assert np.count_nonzero(image.fill[inside] < 235) > 0.8 * image.fill[inside].size
    plain = (slice(230, 330), slice(310, 490))
    assert np.count_nonzero(image.fill[plain] < 235) < 0.05 * image.fill[plain].size
    # The fill is not ink (only the text on it is) and the text on it is still shown.
    assert np.count_nonzero(image.ink[inside]) < 0.15 * image.ink[inside].size
    assert np.count_nonzero(image.text[inside] < 128) > 0


def test_colour_that_is_not_print_fades() -> None:
    rgb = np.full((40, 120, 3), 245, np.uint8)
    rgb[10:30, 10:50] = (20, 20, 20)  # black print
    rgb[10:30, 60:100] = (60, 80, 200)  # a blue stamp
    grey = to_grey(rgb, S)
    assert grey[20, 30] < 40
    assert grey[20, 80] > 180


def _measures(text: float = 12.0, stroke: float = 2.0) -> Measures:
    return Measures(DPI, 245, 20, 255, 20, 0.0, stroke, text, False)


def test_the_blank_threshold_follows_the_page_s_empty_cells() -> None:
    quiet = ink_threshold([0.0] * 30 + [1.5] * 10, S)
    assert quiet.blank == S.blank_units  # clean empty cells: the floor
    noisy = ink_threshold([0.3] * 30 + [1.5] * 10, S)
    assert noisy.blank == pytest.approx(S.empty_factor * 0.3)  # noisy ones raise it
    assert noisy.is_unsure(noisy.blank * 1.2) and not noisy.is_unsure(noisy.blank * 3)


def _tick(size: int = 24, thick: int = 2) -> np.ndarray:
    cell = np.zeros((40, 40), np.uint8)
    pts = np.array([[8, 8 + size // 2], [8 + size // 3, 8 + size], [8 + size, 8]])
    cv2.polylines(cell, [pts], False, 255, thick)
    return cell


def test_a_mark_shape_seen_once_is_known_again_and_a_digit_is_not() -> None:
    shapes = MarkShapes(_measures(), S)
    shapes.remember(shapes.shape(_tick()))
    assert shapes.is_known(shapes.shape(np.roll(_tick(), 3, axis=1)))  # moved in its cell
    digit = np.zeros((40, 40), np.uint8)
    cv2.putText(digit, "7", (10, 32), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 2)
    assert not shapes.is_known(shapes.shape(digit))


def test_a_stamp_ring_goes_and_the_name_under_it_stays() -> None:
    letters = np.zeros((300, 500), np.uint8)
    cv2.putText(letters, "FITRI", (200, 200), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 255, 2)
    rings = np.zeros_like(letters)
    cv2.circle(rings, (170, 150), 70, 255, 3)  # a stamp pressed left of the name,
    cv2.circle(rings, (170, 150), 52, 255, 2)  # its outer ring across the name's start
    mask = stamp_mask(cv2.bitwise_or(letters, rings), _measures(text=14), S)
    assert np.count_nonzero(mask & rings) > 0.8 * np.count_nonzero(rings)
    assert np.count_nonzero(mask & letters) < 0.05 * np.count_nonzero(letters)
