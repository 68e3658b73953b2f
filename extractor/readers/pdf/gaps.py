"""Where the columns of a borderless table part: the whitespace all its body lines leave.

A projection profile counts, for every x, how many body lines have ink there (each line
once, however many words it has). Inside a column the lines' word spaces fall at different
places, so the count stays high; between columns every line is blank and it drops to zero,
or to the few lines that run across (a group row, a word running long): those are the
straddlers. The profile is taken over all body lines of the page together, never line by
line, so a gap as narrow as a word space still shows where the lines agree on it.

``Profile.valley`` finds the lowest stretch between two x positions (the widest one among
equals); the header-anchored finder (``pdf.columns``) asks it between neighbouring header
words. Without a header, ``column_gaps`` finds the gaps from the body alone, as below.

Whitespace alone (no header on the page): a boundary is a strip no dense line touches, at
least ``column_gap`` font sizes wide, or a dip in the coverage that a few lines cross while
all the others leave such a strip empty there (a group heading running across the gaps
between period columns). The few lines are at most a share of the dense lines, and a strip
that already holds a plain gap gets no second one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .text import Word

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


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


@dataclass(frozen=True, slots=True)
class Valley:
    x0: float
    x1: float
    count: int  # body lines crossing it

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


class Profile:
    """How many body lines have ink at each x."""

    def __init__(self, lines: list[list[Word]]) -> None:
        self.lines = lines
        self.spans = [_merged([(w.x0, w.x1) for w in ws]) for ws in lines]
        self.pieces = coverage([s for spans in self.spans for s in spans])
        self.starts = [p[0] for p in self.pieces]

    def stretches(self, a: float, b: float) -> list[tuple[float, float, int]]:
        """The profile between ``a`` and ``b``, uncovered stretches counted as zero."""
        out: list[tuple[float, float, int]] = []
        cursor = a
        for lo, hi, n in self.pieces[max(0, bisect_right(self.starts, a) - 1) :]:
            if lo >= b:
                break
            lo, hi = max(lo, a), min(hi, b)
            if lo > cursor:
                out.append((cursor, lo, 0))
            if hi > lo:
                out.append((lo, hi, n))
            cursor = max(cursor, hi)
        if cursor < b:
            out.append((cursor, b, 0))
        return out

    def valley(self, a: float, b: float) -> Valley | None:
        """The lowest stretch between ``a`` and ``b``; the widest of equally low ones."""
        parts = self.stretches(a, b)
        if not parts:
            return None
        low = min(n for _, _, n in parts)
        best: Valley | None = None
        run: list[float] | None = None
        for lo, hi, n in [*parts, (b, b, low + 1)]:
            if n == low:
                run = [run[0], hi] if run is not None and run[1] == lo else [lo, hi]
                continue
            if run is not None and (best is None or run[1] - run[0] > best.x1 - best.x0):
                best = Valley(run[0], run[1], low)
            run = None
        return best

    def crossing(self, x: float) -> list[int]:
        """Indexes of the lines with ink at ``x``."""
        return [i for i, spans in enumerate(self.spans) if any(a < x < b for a, b in spans)]

    def beside(self, a: float, b: float) -> int:
        """How many lines have ink between ``a`` and ``b``."""
        return sum(1 for spans in self.spans if any(s0 < b and a < s1 for s0, s1 in spans))


# --- whitespace alone ----------------------------------------------------------------------


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


def column_gaps(
    dense: list[list[Word]], least: float, few_share: float
) -> list[tuple[float, float]]:
    """The strips between columns, left to right, at least ``least`` wide, a dip crossed
    by at most ``few_share`` of the dense lines; see above."""
    runs: list[Run] = [(w.x0, w.x1, i) for i, line in enumerate(dense) for w in line]
    if len(runs) < 2:
        return []
    found = _plain_gaps(runs, least)
    few = max(1, int(few_share * (len(dense) - 1)))
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


def place_boundaries(gaps: list[tuple[float, float]], region: list[list[Word]]) -> list[float]:
    """One x per gap, where the fewest lines of the region cross, nearest its centre.

    A spanning header or a wrapped line that runs a little long does not move it.
    """
    profile = Profile(region)
    out: list[float] = []
    for g0, g1 in gaps:
        centre = (g0 + g1) / 2
        best: tuple[int, float, float] | None = None
        for lo, hi, n in profile.stretches(g0, g1):
            mid = (lo + hi) / 2
            key = (n, abs(mid - centre), mid)
            if best is None or key < best:
                best = key
        out.append(best[2] if best else centre)
    return out
