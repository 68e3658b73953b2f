"""Glyphs counted as the page's blobs of ink: a doubled capital that Tesseract read once
("JDIIH" read "JDIH"), and a "1" it read where the page shows no glyph ("75%" read "715%").

Tesseract's LSTM decodes a line as a string of frames, and two identical narrow glyphs side by
side ("II", "LL") give the same frames twice: its decoder merges them into one letter, most of
all when the crop is enlarged, as rak enlarges small text. The page still shows both: a
capital is one blob of ink (no capital has a dot), so an acronym of five capitals is five
blobs as tall as the word. Where a word in capitals has one blob more than letters, and the
two blobs nearest one of its letters are the same size (two copies of one glyph, not a letter
and a speck or a stroke of a stamp), that letter is written twice.

The other way round, the LSTM reads a stem as a glyph of its own: the stroke of a 7 as a
"1" after it, twice over at two scales. A digit is one blob too (a "1" most of all), so a run
of digits with one blob fewer than digits, every blob one digit wide (not two digits a blur
has joined), holds a "1" the page does not print, where the number holds one "1" only.

A blur also turns one capital into another of a like outline: an I's stem read as L, U, T or
t ("JDIIH" read "JDUIH", "JOLH"), a D's straight back rounded into an O. The blob says which
letter it is, in units of the word's own stroke (its median run of ink across a row), so the
test holds at any dpi, weight and blur: an I is one upright stroke, with at most serifs as
far either side, where an L has a foot to one side, a T a bar, a J a hook; a D is an O's
outline whose top and bottom rows start at its back, where an O's arcs start well in.
"""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray

from ...lexicon import in_dictionary
from .bands import flag_runs
from .settings import ScanSettings

Box = tuple[int, int, int, int]


def is_capitals(word: str) -> bool:
    """A word of two or more capitals and nothing else: the words this rule reads."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


# Small letters and figures a capital of an acronym is read as: an I's stem (l, t, i, 1, |)
# and a J read small ("jDItH" for JDIIH). A word of capitals but for these is an acronym.
_CAPITAL_SLIPS = "iljt1|"
_STEM_SLIPS = "ilt1|"
# Capitals an I's upright stroke is read as, and those two I's side by side are read as one of.
_STEM_ALIKE = "LUT"
_PAIR_ALIKE = "ULI"


def is_acronym(word: str) -> bool:
    """Three or more capitals, but for glyphs a capital of an acronym is read as (never the
    first two: "Ilmu", "Jl" are words)."""
    capitals = sum(ch.isupper() for ch in word)
    return (
        len(word) >= 3
        and capitals >= 2
        and any(ch.isupper() for ch in word[1:])
        and all(ch.isupper() or ch in _CAPITAL_SLIPS for ch in word)
    )


def _blobs(ink: NDArray[np.bool_], box: Box, settings: ScanSettings) -> list[Box]:
    """The blobs of ink in ``box`` at least ``double_height`` of its height tall."""
    x0, top, x1, bottom = box
    crop = np.ascontiguousarray(ink[top:bottom, x0:x1], dtype=np.uint8)
    if crop.size == 0:
        return []
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    tall = settings.double_height * (bottom - top)
    return [
        (x0 + int(s[0]), top + int(s[1]), x0 + int(s[0] + s[2]), top + int(s[1] + s[3]))
        for s in stats[1:count]
        if s[cv2.CC_STAT_HEIGHT] >= tall
    ]


def _alike(a: Box, b: Box, settings: ScanSettings) -> bool:
    wa, wb = a[2] - a[0], b[2] - b[0]
    ha, hb = a[3] - a[1], b[3] - b[1]
    share = settings.double_alike
    return abs(wa - wb) <= share * max(wa, wb, 1) and abs(ha - hb) <= share * max(ha, hb, 1)


def _owners(glyphs: list[tuple[str, Box]], blobs: list[Box]) -> dict[int, list[Box]]:
    """The blobs each glyph owns: those nearer its box's centre than any other's."""
    centres = [(b[0] + b[2]) / 2 for _, b in glyphs]
    owners: dict[int, list[Box]] = {}
    for blob in blobs:
        middle = (blob[0] + blob[2]) / 2
        owner = min(range(len(centres)), key=lambda k: abs(centres[k] - middle))
        owners.setdefault(owner, []).append(blob)
    return owners


def _box(glyphs: list[tuple[str, Box]]) -> Box:
    return (
        min(b[0] for _, b in glyphs),
        min(b[1] for _, b in glyphs),
        max(b[2] for _, b in glyphs),
        max(b[3] for _, b in glyphs),
    )


def doubled(
    word: str, glyphs: list[tuple[str, Box]], ink: NDArray[np.bool_], settings: ScanSettings
) -> str:
    """``word`` with the one letter the page shows twice written twice, or unchanged."""
    if not is_capitals(word) or len(glyphs) != len(word):
        return word
    blobs = _blobs(ink, _box(glyphs), settings)
    if len(blobs) != len(word) + 1:
        return word
    owners = _owners(glyphs, blobs)
    twice = [k for k, owned in owners.items() if len(owned) == 2]
    if len(owners) != len(word) or len(twice) != 1:
        return word
    k = twice[0]
    first, second = owners[k]
    if not _alike(first, second, settings):
        return word
    return word[: k + 1] + word[k:]


def phantom_one(
    word: str, glyphs: list[tuple[str, Box]], ink: NDArray[np.bool_], settings: ScanSettings
) -> str:
    """``word`` without the one "1" of its digits that the page shows no blob for."""
    if len(glyphs) != len(word) or word.count("1") != 1:
        return word
    digits = [k for k, (text, _) in enumerate(glyphs) if text.isdigit()]
    if len(digits) < 2:
        return word
    owners = _owners(glyphs, _blobs(ink, _box(glyphs), settings))
    owned = [blob for k in digits for blob in owners.get(k, [])]
    if len(owned) != len(digits) - 1:
        return word
    if any(b[2] - b[0] > settings.single_digit_width * (b[3] - b[1]) for b in owned):
        return word  # two digits joined by a blur: the count says nothing
    k = word.index("1")
    return word[:k] + word[k + 1 :]


def _row_runs(row: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """The [start, end) runs of ink in one row (or column) of pixels."""
    return flag_runs(row.tolist())


def _stroke(ink: NDArray[np.bool_], box: Box) -> float:
    """The word's stroke: the median length of its runs of ink across a row."""
    x0, top, x1, bottom = box
    lengths = [b - a for row in ink[top:bottom, x0:x1] for a, b in _row_runs(row)]
    return float(np.median(lengths)) if lengths else 0.0


def _is_stem(ink: NDArray[np.bool_], blob: Box, stroke: float, settings: ScanSettings) -> bool:
    """Whether ``blob`` is an I: its middle rows one stroke-wide run, upright, and its top
    and bottom reaching out no further than serifs, as far on either side."""
    x0, top, x1, bottom = blob
    h = bottom - top
    crop = ink[top:bottom, x0:x1]
    cut = max(1, round(settings.stem_ends * h))
    centres = []
    for row in crop[cut : h - cut]:
        runs = _row_runs(row)
        if len(runs) != 1 or runs[0][1] - runs[0][0] > settings.stem_width * stroke:
            return False
        centres.append((runs[0][0] + runs[0][1]) / 2)
    if not centres or max(centres) - min(centres) > max(stroke, settings.stem_lean * h):
        return False
    for band, centre in ((crop[:cut], centres[0]), (crop[h - cut :], centres[-1])):
        cols = np.flatnonzero(band.any(axis=0))
        if cols.size == 0:
            continue
        left, right = centre - cols[0], cols[-1] + 1 - centre
        reach = stroke / 2 + settings.stem_serif * h
        if max(left, right) > reach or abs(left - right) > stroke:
            return False
    return True


def _is_d(ink: NDArray[np.bool_], blob: Box, settings: ScanSettings) -> bool:
    """Whether an O's ``blob`` is a D: its top and bottom rows start at its back (a D's
    bars meet its straight back in corners; an O's top and bottom are arcs that start a
    fifth or more of its width in, at any size and blur), and its middle column is crossed
    twice (a B's three times)."""
    x0, top, x1, bottom = blob
    crop = ink[top:bottom, x0:x1]
    rows = max(1, round(settings.d_ends * (bottom - top)))
    starts = []  # where the top rows, then the bottom rows, start
    for band in (crop[:rows], crop[-rows:]):
        inked = band.any(axis=0)
        if not inked.any():
            return False
        starts.append(int(np.argmax(inked)))
    start = max(starts)
    middle = crop[:, (x1 - x0) // 2]
    return start <= settings.d_corner * (x1 - x0) and len(_row_runs(middle)) == 2


def shaped(
    word: str, glyphs: list[tuple[str, Box]], ink: NDArray[np.bool_], settings: ScanSettings
) -> str:
    """An acronym (``is_acronym``) with each letter its blob's shape names: an I for a
    stem read as another letter, two for two stems read as one, a D for an O with a
    straight back, a capital for a small J; unchanged where any glyph's blobs are unclear,
    or where the word would not be all capitals. A word a dictionary knows is as read: a
    blur that fades a T's bar or an L's foot leaves a stem too ("INDIKATOR")."""
    if not is_acronym(word) or len(glyphs) != len(word) or in_dictionary(word.casefold()):
        return word
    box = _box(glyphs)
    blobs = _blobs(ink, box, settings)
    if not blobs:
        return word
    stroke = _stroke(ink, box)
    capital = float(np.median([b[3] - b[1] for b in blobs]))
    baseline = float(np.median([b[3] for b in blobs]))
    owners = _owners(glyphs, blobs)
    out = []
    for k, (letter, _) in enumerate(glyphs):
        owned = sorted(owners.get(k, []))
        tall = [b for b in owned if b[3] - b[1] >= settings.stem_height * capital]
        stems = [  # (a stem reaching below the line is a J's)
            b for b in tall if b[3] <= baseline + stroke and _is_stem(ink, b, stroke, settings)
        ]
        if len(owned) == 1 and stems and letter in _STEM_ALIKE + _STEM_SLIPS:
            out.append("I")
        elif len(owned) == 2 and len(stems) == 2 and letter in _PAIR_ALIKE:
            out.append("II")
        elif len(owned) == 1 and letter == "O" and _is_d(ink, owned[0], settings):
            out.append("D")
        else:
            out.append(letter.upper() if letter == "j" and len(tall) == 1 else letter)
    spelled = "".join(out)
    return spelled if spelled.isalpha() and spelled.isupper() else word
