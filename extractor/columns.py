"""The column model of a RAK table: which x-range holds which field.

Built from the header band (the heading row and the rows under it: period sub-headings,
merged continuations). Data cells are later assigned by how much they overlap each column,
never by the reader's column index, so a stray border or an extra column cannot shift a row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .grid import Cell
from .headings import (
    CORE_ROLES,
    INDIKATOR,
    JADWAL,
    KEGIATAN,
    NO,
    PELAKSANA,
    SASARAN,
    TARGET,
    bare_period,
    heading_role,
    names_other_column,
    period_label,
)
from .marks import is_mark_text
from .text import counts_up, join_lines

EXTRA = "extra"  # a column with no heading at all
PERIOD = "period"
OTHER = "other"  # a headed column that is not one of the known roles


@dataclass(frozen=True, slots=True)
class HeaderBandSettings:
    """How much of the header band must read right before its rows are taken as labels.

    Shares, not counts: a schedule has four quarters or twelve months, and an OCR'd band
    misreads a share of them however many there are."""

    # A cell of a row under the heading refines the heading above it when this share of its
    # width lies under that heading (more than half: it cannot belong to two).
    sub_overlap: float = 0.5
    # Twelve (or four) cells under the schedule heading are its periods when this share read
    # as the period of their own place and none as another's (``_in_place``)...
    in_place_share: float = 1 / 3
    # ...and this share where one reads as another's ("TW II" for a blurred TW I).
    moved_share: float = 0.5
    # At most this share of a sub-heading row's labels may be unreadable (a typo, an OCR slip).
    unreadable_share: float = 1 / 6

    def __post_init__(self) -> None:
        shares = (self.sub_overlap, self.in_place_share, self.moved_share, self.unreadable_share)
        if not all(0 < s < 1 for s in shares):
            raise ValueError("HeaderBandSettings: every share must be in (0, 1)")

    def at_least(self, share: float, part: int, whole: int) -> bool:
        """``part`` is at least ``share`` of ``whole`` (a third of twelve is four)."""
        return part >= share * whole - 1e-9

    def allowed_unreadable(self, labelled: int) -> int:
        return int(labelled * self.unreadable_share + 1e-9)


HEADER_BAND = HeaderBandSettings()


@dataclass(slots=True)
class Column:
    role: str  # a headings role, PERIOD, OTHER or EXTRA
    x0: float
    x1: float
    labels: list[str] = field(default_factory=list)
    period: int | None = None  # 1-based month or quarter, for PERIOD columns

    @property
    def heading(self) -> str:
        return " ".join(lb for lb in self.labels if lb).strip()


@dataclass(slots=True)
class ColumnModel:
    columns: list[Column]
    periode: str  # "bulan" or "triwulan"

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.columns)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.columns)

    def column_for(self, cell: Cell) -> Column | None:
        """The column a cell overlaps most; None when it overlaps none."""
        best, best_overlap = None, 0.0
        x0, x1 = cell.x0, cell.x1
        for col in self.columns:
            # min and max written out: this runs for every cell against every column
            ov = (col.x1 if col.x1 < x1 else x1) - (col.x0 if col.x0 > x0 else x0)
            if ov > best_overlap:
                best, best_overlap = col, ov
        return best

    def beyond(self, cell: Cell) -> bool:
        """Whether ``cell`` lies wholly right of the last headed column: an unlabeled extra
        column (a range printed wider than its header), not text lost between columns."""
        return cell.x0 >= self.x1

    def fits(self, row: list[Cell]) -> bool:
        """Whether a headerless row's cell edges line up with this model's column edges."""
        width = self.x1 - self.x0
        if width <= 0 or not row:
            return False
        tol = max(width * 0.015, 1e-6)
        edges = sorted({c.x0 for c in self.columns} | {c.x1 for c in self.columns})
        hits = sum(1 for c in row if any(abs(c.x0 - e) <= tol for e in edges))
        spans = min(c.x0 for c in row) <= self.x0 + tol * 3 and max(c.x1 for c in row) >= (
            self.x1 - tol * 3
        )
        return spans and hits >= 0.8 * len(row)


def _overlap_share(inner: Cell, x0: float, x1: float) -> float:
    w = inner.x1 - inner.x0
    if w <= 0:
        return 0.0
    return max(0.0, min(inner.x1, x1) - max(inner.x0, x0)) / w


def _cell_roles(row: list[Cell]) -> set[str]:
    return {r for c in row if (r := heading_role(c.text)) is not None}


def is_heading_row(row: list[Cell]) -> bool:
    """A row that names at least three of the RAK's core columns."""
    return len(_cell_roles(row) & set(CORE_ROLES)) >= 3


def is_number_row(row: list[Cell]) -> bool:
    """The column-number row (1 2 3 ... 17) that many RAKs print under the header.

    One cell in eight may be unreadable or misread (``text.counts_up``).
    """
    return counts_up([c.text.strip() for c in row if c.text.strip()])


def _columns_spanned(model: ColumnModel, cell: Cell) -> int:
    """How many of the model's columns have their middle inside the cell."""
    return sum(1 for col in model.columns if cell.x0 <= (col.x0 + col.x1) / 2 <= cell.x1)


def group_heading(row: list[Cell], model: ColumnModel) -> str | None:
    """The text of a group heading row ("II. SUB BAGIAN UMUM", "PROGRAM: ..."), else None.

    A group heading is not a data row: its text sits in one cell merged across several
    columns (the whole table, or the text columns with the schedule left empty), with at
    most a number beside it in the NO column, and nothing is marked (a row whose cells ran
    together because the ruling between them was not drawn still shows its ticks). A data
    row never holds its text in one cell that spans columns of different fields.
    """
    if any(c.mark or any(is_mark_text(w) for w in c.text.split()) for c in row):
        return None
    filled = [c for c in row if c.text.strip()]
    wide = [c for c in filled if _columns_spanned(model, c) >= 2]
    if len(wide) != 1:
        return None
    for c in filled:
        if c is not wide[0]:
            col = model.column_for(c)
            if col is None or col.role != NO:
                return None
    return " ".join(join_lines(c.text) for c in sorted(filled, key=lambda c: c.x0))


def _schedule_span(heading: list[Cell], below: list[Cell]) -> tuple[float, float] | None:
    """The x-range of the schedule heading: the cell that names it, else the one cell whose
    heading names nothing and over which the row ``below`` holds the period labels in their
    places (``_in_place``): a blurred bold "RENCANA PELAKSANAAN" reads as no heading at all,
    while most of the small labels under it still read B1, B5, B7..."""
    for c in heading:
        if heading_role(c.text) == JADWAL:
            return c.x0, c.x1
    unnamed = [
        (c.x0, c.x1) for c in heading
        if c.text.strip() and heading_role(c.text) is None and _in_place(below, (c.x0, c.x1))
    ]  # fmt: skip
    return unnamed[0] if len(unnamed) == 1 else None


def _is_subheading_row(row: list[Cell], heading: list[Cell]) -> bool:
    """A row of the header band below the heading row: period labels, merges, blanks.

    Bare numbers count only when they all sit under the schedule heading (BULAN over 1..12);
    the column-number row (1 2 3 ... 17) runs across every column and is not a sub-heading.
    """
    span = _schedule_span(heading, row)
    labelled = unreadable = 0
    under_read = under_unread = 0  # the period labels under the schedule heading
    for c in row:
        t = c.text.strip()
        if not t or c.continued:
            continue
        under = span is not None and span[0] - 1e-6 <= (c.x0 + c.x1) / 2 <= span[1]
        if period_label(t) or heading_role(t) or (under and bare_period(t) is not None):
            labelled += 1
            under_read += under
        elif under:
            under_unread += 1
        else:
            unreadable += 1
    # One unreadable label among many (a typo, an OCR slip) does not end the header band.
    # Under the schedule heading the labels are an ordered run: while most of them read as
    # periods, the rest ("82" for a blurred B2) are the same run misread, as
    # ``_fill_period_sequence`` will number them.
    if under_read and under_unread < under_read:
        return labelled >= 2 and unreadable <= HEADER_BAND.allowed_unreadable(labelled)
    if span is not None and _in_place(row, span):
        return unreadable <= HEADER_BAND.allowed_unreadable(labelled)
    return labelled >= 2 and unreadable + under_unread <= HEADER_BAND.allowed_unreadable(labelled)


def _in_place(row: list[Cell], span: tuple[float, float]) -> bool:
    """Twelve (or four) cells under the schedule heading, a third of which read as the
    period of their own place and none as another's: the month labels, most misread (at
    150 dpi "B2" reads "82" and "B5" a tick), as ``_fill_period_sequence`` will number
    them. No row of data holds period labels, let alone in their places."""
    under = [
        c for c in row
        if not c.continued and span[0] - 1e-6 <= (c.x0 + c.x1) / 2 <= span[1]
    ]  # fmt: skip
    if len(under) not in _PERIOD_COUNTS:
        return False
    read = [period_label(c.text.strip()) for c in under]
    agree = sum(1 for i, p in enumerate(read, start=1) if p and p[1] == i)
    moved = sum(1 for i, p in enumerate(read, start=1) if p and p[1] != i)
    return not moved and HEADER_BAND.at_least(HEADER_BAND.in_place_share, agree, len(under))


# A schedule has twelve months or four quarters (``_in_place``, ``_fill_period_sequence``).
_PERIOD_COUNTS = (4, 12)


def header_band(rows: list[list[Cell]], start: int = 0, look: int = 8) -> tuple[int, int] | None:
    """(first, end) row indexes of the header band in ``rows``, searching from ``start``."""
    for i in range(start, min(len(rows), start + look)):
        if is_heading_row(rows[i]):
            end = i + 1
            while end < len(rows) and end - i < 4 and _is_subheading_row(rows[end], rows[i]):
                end += 1
            return i, end
    return None


def build_model(band: list[list[Cell]]) -> ColumnModel:
    """Leaf columns of the header band, each labelled top-down, with its role decided."""
    cols = [Column(role="", x0=c.x0, x1=c.x1, labels=[c.text]) for c in band[0]]
    for row in band[1:]:
        refined: list[Column] = []
        for col in cols:
            subs = [
                c for c in row if _overlap_share(c, col.x0, col.x1) > HEADER_BAND.sub_overlap
            ]
            if len(subs) >= 2:
                refined.extend(
                    Column(role="", x0=s.x0, x1=s.x1, labels=[*col.labels, s.text]) for s in subs
                )
            else:
                if subs and subs[0].text.strip() and not subs[0].continued:
                    col.labels.append(subs[0].text)
                refined.append(col)
        cols = refined
    for col in cols:
        _decide_role(col)
    _fill_period_sequence(cols)
    _name_by_place(cols)
    kinds: dict[str, int] = {}
    for col in cols:
        if col.role == PERIOD:
            kind = "triwulan" if col.labels and _is_quarter(col) else "bulan"
            kinds[kind] = kinds.get(kind, 0) + 1
    periode = "triwulan" if kinds.get("triwulan", 0) > kinds.get("bulan", 0) else "bulan"
    return ColumnModel(columns=cols, periode=periode)


def is_rak_model(model: ColumnModel) -> bool:
    """A RAK names most of its text columns and has a schedule; a Perjanjian Kinerja
    (Sasaran | Indikator | Target) has no schedule and is not one."""
    roles = {c.role for c in model.columns}
    text_roles = roles & {r for r in CORE_ROLES if r != JADWAL}
    return len(text_roles) >= 3 and (PERIOD in roles or JADWAL in roles)


def _fill_period_sequence(cols: list[Column]) -> None:
    """Number the columns under a schedule heading by their order when most labels agree.

    Sub-headings may be unreadable (an OCR'd "B3" read as "83", a "B5" taken for a tick, a
    typo, a blank); twelve (or four) columns under RENCANA PELAKSANAAN, a third of whose
    labels read as their place and none as another's (half, where one does), are the months
    (or quarters) all the same: the order is the schedule's, and a misread label ("TW II"
    voted for a blurred TW I) cannot move a column. Under a heading that names nothing (a
    blurred "RENCANA PELAKSANAAN"), a third in their places and none moved say the same;
    under one that names another column ("ANGGARAN" over TW I-IV) they do not.
    """
    groups: dict[tuple[bool, str], list[Column]] = {}
    for col in cols:
        if len(col.labels) >= 2 and (role := heading_role(col.labels[0])) in (JADWAL, None):
            groups.setdefault((role == JADWAL, col.labels[0]), []).append(col)
    for (named, _), group in groups.items():
        if len(group) not in _PERIOD_COUNTS:
            continue
        agree = sum(1 for i, c in enumerate(group, start=1) if c.role == PERIOD and c.period == i)
        moved = sum(1 for i, c in enumerate(group, start=1) if c.role == PERIOD and c.period != i)
        if moved and not named:
            continue  # under a heading that names nothing, only labels all in their places
        share = HEADER_BAND.moved_share if moved else HEADER_BAND.in_place_share
        if HEADER_BAND.at_least(share, agree, len(group)):
            for i, c in enumerate(group, start=1):
                c.role, c.period = PERIOD, i


# The order a RAK's core columns come in; the schedule (its period columns) sits before
# PELAKSANA.
_ORDER = (SASARAN, INDIKATOR, TARGET, KEGIATAN, JADWAL, PELAKSANA)


def _name_by_place(cols: list[Column]) -> None:
    """A core column whose heading matched nothing ("PE! arcana" for a blurred PELAKSANA,
    a typing slip) is named by its place: the one headed column left between the columns
    that come before and after it in a RAK's order. Two candidates, or none, and nothing
    is guessed; the evidence (``model_doubts``) sees a heading that does not say its role.
    """

    def rank(col: Column) -> int | None:
        role = JADWAL if col.role == PERIOD else col.role
        return _ORDER.index(role) if role in _ORDER else None

    present = {rank(c) for c in cols} - {None}
    for missing in range(len(_ORDER)):
        if missing in present or _ORDER[missing] == JADWAL:
            continue
        before = [i for i, c in enumerate(cols) if (r := rank(c)) is not None and r < missing]
        after = [i for i, c in enumerate(cols) if (r := rank(c)) is not None and r > missing]
        lo = max(before) if before else -1
        hi = min(after) if after else len(cols)
        if before and after and lo > hi:
            continue  # the known columns are out of order: no place to speak of
        known = {r for c in cols if (r := rank(c)) is not None}
        lo_rank = max((r for r in known if r < missing), default=-1)
        hi_rank = min((r for r in known if r > missing), default=len(_ORDER))
        gap = [r for r in range(lo_rank + 1, hi_rank) if _ORDER[r] != JADWAL]
        between = [
            c for c in cols[lo + 1 : hi] if c.role == OTHER and not names_other_column(c.heading)
        ]
        # One role missing in the gap and one column there: two of each cannot be told apart.
        if len(gap) == 1 and len(between) == 1 and (before or after):
            between[0].role = _ORDER[missing]
            present.add(missing)


def _is_quarter(col: Column) -> bool:
    p = period_label(col.labels[-1])
    if p:
        return p[0] == "triwulan"
    group = " ".join(col.labels[:-1]).upper()
    return "TRIWULAN" in group or "TW" in group.split()


def _decide_role(col: Column) -> None:
    texts = [lb for lb in col.labels if lb.strip()]
    if not texts:
        col.role = EXTRA
        return
    leaf = texts[-1]
    p = period_label(leaf)
    if p:
        col.role, col.period = PERIOD, p[1]
        return
    if len(texts) >= 2 and heading_role(texts[0]) == JADWAL and bare_period(leaf):
        col.role, col.period = PERIOD, bare_period(leaf)
        return
    for text in texts:
        role = heading_role(text)
        if role:
            col.role = role
            return
    col.role = OTHER
