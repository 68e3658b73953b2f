"""Which rows a merged SASARAN serves when the page shows no merge: by where its text stands.

A ruled table or a Word file says which rows a merged cell covers. A table without ruling
says nothing: the SASARAN text stands somewhere in its run of rows and the rows below it,
up to the next SASARAN, show the column empty. Where it stands depends on how the writer
aligned cells vertically: at the top of the run (Word's default: the text opens the run,
and carrying it down is right), in its middle (a browser's default, a centred merge), at
its foot (Excel's default). Carrying a middle or foot text down gives it to the wrong rows.

The table's own multi-line rows tell the alignment: where cells of one row hold different
numbers of lines, their tops agree when the table is set at the top, their feet at the
foot, their middles in the middle. Then each SASARAN text takes the run of rows it is set
in: at the foot, the rows from the one after the previous run down to its own; in the
middle, the rows from there down to the one that puts the run's middle nearest the text's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .headings import SASARAN

if TYPE_CHECKING:
    from .layout import RawRow

TOP, MIDDLE, FOOT = "top", "middle", "foot"


@dataclass(frozen=True, slots=True)
class MergeAlignSettings:
    """How sure the table's rows must be of their alignment before a text is moved."""

    # Tops, feet or middles agree within this share of the table's one-line height (the
    # shortest text span it holds): a line's rounding, not a line's step.
    agree: float = 0.35
    # So many rows must agree, and more than half of those that tell: one odd row (a cell
    # set apart by hand) does not move every SASARAN of the document.
    min_votes: int = 2

    def __post_init__(self) -> None:
        if not 0 < self.agree < 1 or self.min_votes < 1:
            raise ValueError("MergeAlignSettings: agree must be in (0, 1), min_votes >= 1")


DEFAULT = MergeAlignSettings()


def place_floating_merges(
    raws: Sequence[RawRow], role: str = SASARAN, settings: MergeAlignSettings = DEFAULT
) -> None:
    """Give each floating ``role`` text of tables without merge marks the rows it is set
    in; tables aligned at the top, or whose alignment their rows do not tell, are left as
    they are (their texts are carried down). A text at the foot serves the rows above it
    over a page break too (the run went on from the page before); one in the middle is
    placed within its page, whose positions are its own."""
    rows = list(raws)
    if not any(role in r.blank for r in rows) or not all(r.spans and r.band for r in rows):
        return  # nothing floats, or the reader did not say where texts stand
    alignment = _alignment(rows, role, settings)
    if alignment == FOOT:
        _place(rows, role, FOOT, settings)
    elif alignment == MIDDLE and not all(
        _centred_in_row(r, role, settings) for r in rows if role in r.texts and role in r.spans
    ):
        # Some text stands off the middle of its own row: the document merges its SASARAN
        # cells (a run of even length is centred on a row boundary). Where every text is
        # in the middle of its own row, each may be a row's own cell, centred as the others
        # are (an odd run centred on its middle row looks the same), and nothing moves.
        start = 0
        while start < len(rows):
            end = start + 1
            while end < len(rows) and rows[end].table == rows[start].table:
                end += 1
            _place(rows[start:end], role, MIDDLE, settings)
            start = end


def _place(
    rows: list[RawRow], role: str, alignment: str, settings: MergeAlignSettings
) -> None:
    holders = [i for i, r in enumerate(rows) if role in r.texts and role in r.spans]
    if not holders:
        return
    first = 0
    for n, i in enumerate(holders):
        limit = holders[n + 1] - 1 if n + 1 < len(holders) else len(rows) - 1
        if alignment == FOOT:
            last = i
        else:
            last = _middle_end(rows, first, i, limit, rows[i].spans[role])
        text = rows[i].texts[role]
        for k in range(first, last + 1):
            if role in rows[k].blank:  # a run-on part of a text keeps its own place
                rows[k].texts[role] = text
                rows[k].blank.discard(role)
        first = last + 1


def _centred_in_row(row: RawRow, role: str, settings: MergeAlignSettings) -> bool:
    top, foot = row.spans[role]
    band_top, band_foot = row.band  # type: ignore[misc]
    line = min(b - t for t, b in row.spans.values())
    return abs((top + foot) / 2 - (band_top + band_foot) / 2) <= settings.agree * line


def _middle_end(
    rows: list[RawRow], first: int, holder: int, limit: int, span: tuple[float, float]
) -> int:
    """The last row of the run from ``first`` whose middle is nearest the text's middle."""
    centre = (span[0] + span[1]) / 2
    top = rows[first].band[0]  # type: ignore[index]
    return min(
        range(holder, limit + 1),
        key=lambda e: abs((top + rows[e].band[1]) / 2 - centre),  # type: ignore[index]
    )


def _alignment(rows: list[RawRow], role: str, settings: MergeAlignSettings) -> str:
    """TOP, MIDDLE or FOOT: what the table's rows with cells of different heights agree on;
    TOP when they do not tell."""
    heights = [b - t for r in rows for t, b in r.spans.values() if b > t]
    if not heights:
        return TOP
    line = min(heights)
    tol = settings.agree * line
    votes: Counter[str] = Counter()
    for r in rows:
        spans = [s for k, s in r.spans.items() if k != role]
        if len(spans) < 2:
            continue
        if max(b - t for t, b in spans) - min(b - t for t, b in spans) <= line / 2:
            continue  # the same number of lines everywhere: says nothing
        tops = [t for t, _ in spans]
        feet = [b for _, b in spans]
        mids = [(t + b) / 2 for t, b in spans]
        for name, values in ((TOP, tops), (FOOT, feet), (MIDDLE, mids)):
            if max(values) - min(values) <= tol:
                votes[name] += 1
                break
    if not votes:
        return TOP
    best, count = votes.most_common(1)[0]
    if count < settings.min_votes or 2 * count <= sum(votes.values()):
        return TOP
    return best
