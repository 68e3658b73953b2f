"""Where the columns of a borderless table part: x-gaps shared by the body lines.

A column boundary is a vertical strip the table's lines leave empty. The strip the *body*
leaves empty is what counts, not the one every line leaves empty: a group heading
("WAKTU PELAKSANAAN") runs across the gaps between the period columns under it, and short
period labels ("B10 B11 B12" in 17 pt month columns) stand closer together than the
check marks below them. So a gap is found in two ways:

- a strip no dense line touches, at least ``COLUMN_GAP`` font sizes wide (the common case);
- a dip in the coverage (fewer lines have ink there than on both sides) that a few lines
  cross or narrow while all the *other* lines leave a strip ``COLUMN_GAP`` wide empty
  there, bounded by their ink on both sides. The few lines are at most a third of the
  dense lines, and a strip that already holds a plain gap gets no second one, so a word
  space inside a column (a single line's "Sasaran satu") never becomes a boundary: the
  other lines' empty strip around it reaches the plain gaps beside that column.
"""

from __future__ import annotations

from bisect import bisect_right

from .pdf_page import Glyph
from .pdf_text import words

COLUMN_GAP = 0.6  # font sizes: the narrowest strip the body leaves empty between columns

Run = tuple[float, float, int]  # x0, x1 of one word, index of its line


def coverage(intervals: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Piecewise-constant count of intervals covering x, as (start, end, count)."""
    events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
    pieces: list[tuple[float, float, int]] = []
    count = 0
    prev: float | None = None
    for x, delta in events:
        if prev is not None and x > prev:
            pieces.append((prev, x, count))
        count += delta
        prev = x
    return pieces


def _plain_gaps(runs: list[Run], least: float) -> list[tuple[float, float]]:
    """Strips no run touches, as wide as ``least`` or wider."""
    spans = sorted((a, b) for a, b, _ in runs)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= least:
            gaps.append((reach, a))
        reach = max(reach, b)
    return gaps


def _dips(pieces: list[tuple[float, float, int]]) -> list[tuple[float, float]]:
    """Stretches where fewer runs cover x than on both sides (plateaus merged)."""
    merged: list[list[float]] = []
    for a, b, n in pieces:
        if merged and merged[-1][2] == n and merged[-1][1] == a:
            merged[-1][1] = b
        else:
            merged.append([a, b, n])
    dips: list[tuple[float, float]] = []
    for i in range(1, len(merged) - 1):
        before, here, after = merged[i - 1], merged[i], merged[i + 1]
        if before[1] == here[0] and here[1] == after[0] and before[2] > here[2] < after[2]:
            dips.append((here[0], here[1]))
    return dips


def _others_gap(runs: list[Run], crossing: set[int], x: float) -> tuple[float, float] | None:
    """The strip around ``x`` that lines other than ``crossing`` leave empty, if bounded."""
    left: float | None = None
    right: float | None = None
    for a, b, line in runs:
        if line in crossing:
            continue
        if a < x < b:
            return None
        if b <= x and (left is None or b > left):
            left = b
        elif a >= x and (right is None or a < right):
            right = a
    if left is None or right is None:
        return None
    return left, right


def column_gaps(dense: list[list[Glyph]], size: float) -> list[tuple[float, float]]:
    """The strips between columns, left to right; see the module docstring."""
    runs: list[Run] = [(w[0].x0, w[-1].x1, i) for i, line in enumerate(dense) for w in words(line)]
    if len(runs) < 2:
        return []
    least = COLUMN_GAP * size
    found = _plain_gaps(runs, least)
    few = max(1, (len(dense) - 1) // 3)
    half = least / 2
    candidates: list[tuple[int, float, tuple[float, float]]] = []
    for d0, d1 in _dips(coverage([(a, b) for a, b, _ in runs])):
        x = (d0 + d1) / 2
        if any(g0 <= x <= g1 for g0, g1 in found):
            continue
        crossing = {line for a, b, line in runs if a < x + half and b > x - half}
        if not crossing or len(crossing) > few:
            continue
        strip = _others_gap(runs, crossing, x)
        if strip is None or strip[1] - strip[0] < least:
            continue
        candidates.append((len(crossing), -(d1 - d0), strip))
    candidates.sort()
    for _, _, (s0, s1) in candidates:
        if any(g0 < s1 and s0 < g1 for g0, g1 in found):
            continue  # one boundary per strip
        found.append((s0, s1))
    found.sort()
    return found


def place_boundaries(gaps: list[tuple[float, float]], region: list[list[Glyph]]) -> list[float]:
    """One x per gap, where the fewest words of *any* region line cross, nearest its centre.

    A spanning header or a wrapped line that runs a little long does not move it.
    """
    everything = [(w[0].x0, w[-1].x1) for line in region for w in words(line)]
    pieces = coverage(everything)
    starts = [p[0] for p in pieces]
    out: list[float] = []
    for g0, g1 in gaps:
        centre = (g0 + g1) / 2
        best: tuple[int, float, float] | None = None
        # an uncovered stretch of the gap counts as zero
        candidates: list[tuple[float, float, int]] = []
        cursor = g0
        for a, b, n in pieces[max(0, bisect_right(starts, g0) - 1) :]:
            if a >= g1:
                break
            lo, hi = max(a, g0), min(b, g1)
            if lo > cursor:
                candidates.append((cursor, lo, 0))
            if hi > lo:
                candidates.append((lo, hi, n))
            cursor = max(cursor, hi)
        if cursor < g1:
            candidates.append((cursor, g1, 0))
        for lo, hi, n in candidates:
            mid = (lo + hi) / 2
            key = (n, abs(mid - centre), mid)
            if best is None or key < best:
                best = key
        out.append(best[2] if best else centre)
    return out
