"""Read RAK rows out of the neutral grid, the same way for every file format.

One pass over the tables in document order: find each table's header band (or reuse the
previous model when a continuation table repeats none), drop repeated headers and
column-number rows, assign cells to columns by position, carry merged cells down (SASARAN
across page breaks too), join a row a page break cut in two, and move text found in an
unlabeled extra column back where it belongs, recording the shift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .columns import (
    EXTRA,
    OTHER,
    PERIOD,
    Column,
    ColumnModel,
    build_model,
    header_band,
    is_heading_row,
    is_number_row,
    is_rak_model,
)
from .evidence import EvidenceSettings, assess, cell_doubts, join_parts, row_boxes
from .grid import Cell, Grid, Table
from .headings import (
    ANGGARAN,
    INDIKATOR,
    JADWAL,
    KEGIATAN,
    NO,
    PELAKSANA,
    SASARAN,
    TARGET,
    normalise_heading,
)
from .marks import is_mark_text
from .model import Kotak, Lokasi, PageDoubt, Row
from .schedule_text import parse_schedule
from .targets import parse_target
from .text import join_lines

TEXT_ROLES = (SASARAN, INDIKATOR, TARGET, KEGIATAN, PELAKSANA)
NOT_A_MARK = frozenset({"-", "–", "—", "0", "."})


@dataclass(slots=True)
class RawRow:
    """A row on its way from cells to a ``Row``: texts by role, marked periods, provenance."""

    texts: dict[str, str]
    continued: set[str]
    periods: set[int]
    lainnya: dict[str, str]
    extra: list[str]
    page: int | None
    confidence: float | None
    first_of_table: bool = False
    schedule_kind: str | None = None  # from a schedule written as words, when there is one
    # The evidence of a misread (``extractor.evidence``): codes, the model the row was read
    # under, the table it came from, and where it is printed.
    doubts: list[str] = field(default_factory=list)
    model: ColumnModel | None = None
    table: int = -1
    boxes: list[Kotak] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    periode: str
    rows: list[Row]
    used_tables: set[int] = field(default_factory=set)  # indexes into grid.tables
    doubts: list[PageDoubt] = field(default_factory=list)  # pages whose layout is in doubt


def _is_marked(cell: Cell) -> bool:
    if cell.mark or cell.shaded:
        return True
    t = "".join(cell.text.split())
    return bool(t) and t not in NOT_A_MARK


def _other_key(col: Column) -> str:
    if col.role == NO:
        return "no"
    if col.role == ANGGARAN:
        return "anggaran"
    return normalise_heading(col.heading).lower() or "lainnya"


def _read_row(
    cells: list[Cell], model: ColumnModel, page: int | None, evidence: EvidenceSettings
) -> RawRow:
    texts: dict[str, list[str]] = {}
    continued: set[str] = set()
    periods: set[int] = set()
    lainnya: dict[str, str] = {}
    extra: list[str] = []
    kind: str | None = None
    confs = [c.confidence for c in cells if c.confidence is not None]
    for cell in cells:
        col = model.column_for(cell)
        if col is None:
            continue
        text = join_lines(cell.text)
        if col.role == PERIOD:
            if _is_marked(cell) and col.period is not None:
                periods.add(col.period)
        elif col.role == JADWAL:
            parsed = parse_schedule(text) if text else None
            if parsed:
                kind, found = parsed
                periods |= found
            elif text and not is_mark_text(text):
                lainnya["jadwal"] = text
        elif col.role == EXTRA:
            if text:
                extra.append(text)
        elif col.role in TEXT_ROLES:
            if cell.continued and not text:
                continued.add(col.role)
            elif text:
                texts.setdefault(col.role, []).append(text)
        elif col.role in (NO, ANGGARAN, OTHER):
            if text:
                key = _other_key(col)
                lainnya[key] = f"{lainnya[key]} {text}" if key in lainnya else text
    return RawRow(
        schedule_kind=kind,
        texts={k: " ".join(v) for k, v in texts.items()},
        continued=continued,
        periods=periods,
        lainnya=lainnya,
        extra=extra,
        page=page if page is not None else next((c.page for c in cells if c.page), None),
        confidence=min(confs) if confs else None,
        doubts=cell_doubts(cells, model, evidence),
        model=model,
        boxes=row_boxes(cells),
    )


def _is_empty(raw: RawRow) -> bool:
    return not (raw.texts or raw.periods or raw.lainnya or raw.extra)


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _is_cut_continuation(raw: RawRow, prev: RawRow | None) -> bool:
    """The lower part of a row a page break cut in two.

    It opens a table (the next page) after a row that has a TARGET, has no target number of
    its own (the cut may leave the unit, "Orang", below), and its marks, if any, complete a
    row that has none. A textual target counts only when the text also reads as a tail
    (a field opening in lower case), so a new row with a target like "Opini WTP" stays.
    """
    if prev is None or not raw.first_of_table or TARGET not in prev.texts:
        return False
    target = raw.texts.get(TARGET, "")
    if target:
        if parse_target(target).nilai is not None:
            return False
        if not any(_starts_lower(raw.texts.get(r, "")) for r in (INDIKATOR, KEGIATAN)):
            return False
    if raw.periods and prev.periods:
        return False
    return bool(raw.texts)


def _merge_into(prev: RawRow, raw: RawRow) -> None:
    for role, text in raw.texts.items():
        prev.texts[role] = f"{prev.texts[role]} {text}" if role in prev.texts else text
    prev.periods |= raw.periods
    for k, v in raw.lainnya.items():
        prev.lainnya[k] = f"{prev.lainnya[k]} {v}" if k in prev.lainnya else v
    prev.extra.extend(raw.extra)
    join_parts(prev, raw)


def _table_rows(
    tables: list[Table], evidence: EvidenceSettings
) -> tuple[str, list[RawRow], set[int]]:
    model: ColumnModel | None = None
    periode = "bulan"
    raws: list[RawRow] = []
    used: set[int] = set()
    kinds: dict[str, int] = {}
    for ti, table in enumerate(tables):
        rows = table.rows
        band = header_band(rows)
        if band is not None:
            candidate = build_model(rows[band[0] : band[1]])
            if not is_rak_model(candidate):
                continue
            model = candidate
            periode = model.periode
            start = band[1]
        elif model is not None and rows and model.fits(rows[0]):
            start = 0
        else:
            continue
        used.add(ti)
        written = not any(c.role == PERIOD for c in model.columns)
        first = True
        for cells in rows[start:]:
            if not cells or is_number_row(cells) or is_heading_row(cells):
                continue
            raw = _read_row(cells, model, table.page, evidence)
            if _is_empty(raw):
                continue
            raw.first_of_table = first
            raw.table = ti
            first = False
            if _is_cut_continuation(raw, raws[-1] if raws else None):
                _merge_into(raws[-1], raw)
                continue
            raws.append(raw)
            if written and raw.schedule_kind:
                kinds[raw.schedule_kind] = kinds.get(raw.schedule_kind, 0) + 1
    if kinds:
        periode = max(kinds, key=lambda k: kinds[k])
    return periode, raws, used


def _continues_merge(raw: RawRow, role: str) -> bool:
    """Text at the top of a page that is the rest of a merged cell cut by the page break.

    A SASARAN always opens with a capital; one that opens in lower case on the first row of a
    page is the tail of the previous page's merged cell.
    """
    text = raw.texts.get(role, "")
    return raw.first_of_table and bool(text) and not text[0].isupper() and not text[0].isdigit()


def _carry_down(raws: list[RawRow]) -> None:
    """Give every row its own copy of merged cells; SASARAN also carries over empty cells."""
    last: dict[str, str] = {}
    run: dict[str, list[RawRow]] = {}
    for raw in raws:
        for role in TEXT_ROLES:
            if role in raw.texts:
                if role == SASARAN and role in last and _continues_merge(raw, role):
                    joined = join_lines(f"{last[role]}\n{raw.texts[role]}")
                    for earlier in run[role]:
                        earlier.texts[role] = joined
                    raw.texts[role] = joined
                    run[role].append(raw)
                else:
                    run[role] = [raw]
                last[role] = raw.texts[role]
            elif role in raw.continued or role == SASARAN:
                if role in last:
                    raw.texts[role] = last[role]
                    run[role].append(raw)


def _resolve_extra(raw: RawRow) -> list[str]:
    """Move text from an unlabeled column back to PELAKSANA when that cell holds no name."""
    if not raw.extra:
        return []
    text = " ".join(raw.extra)
    pelaksana = raw.texts.get(PELAKSANA, "")
    if not pelaksana or is_mark_text(pelaksana):
        raw.texts[PELAKSANA] = text
        return [PELAKSANA]
    raw.lainnya["kolom_tanpa_judul"] = text
    return []


def build_rows(grid: Grid, evidence: EvidenceSettings | None = None) -> Layout:
    """All RAK rows of the grid, numbered from 1 in document order."""
    evidence = evidence or EvidenceSettings()
    periode, raws, used = _table_rows(grid.tables, evidence)
    _carry_down(raws)
    sure = assess(grid, raws, used, evidence)
    rows: list[Row] = []
    for n, raw in enumerate(raws, start=1):
        shifted = _resolve_extra(raw)
        rows.append(
            Row(
                sasaran_kegiatan=raw.texts.get(SASARAN, ""),
                indikator_kinerja=raw.texts.get(INDIKATOR, ""),
                target=parse_target(raw.texts.get(TARGET, "")),
                kegiatan=raw.texts.get(KEGIATAN, ""),
                jadwal=sorted(raw.periods),
                pelaksana=raw.texts.get(PELAKSANA, ""),
                lokasi=Lokasi(halaman=raw.page, baris=n, kotak=raw.boxes),
                lainnya=raw.lainnya,
                kolom_bergeser=shifted,
                keyakinan=sure.keyakinan[n - 1],
                alasan=sure.alasan[n - 1],
            )
        )
    return Layout(periode=periode, rows=rows, used_tables=used, doubts=sure.pages)
