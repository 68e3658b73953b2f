"""Read RAK rows out of the neutral grid, the same way for every file format.

One pass over the tables in document order: find each table's header band (or reuse the
previous model when a continuation table repeats none), drop repeated headers and
column-number rows, assign cells to columns by position, carry merged cells down (SASARAN
across page breaks too), join a row a page break cut in two, and move text found in an
unlabeled extra column back where it belongs, recording the shift.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .columns import (
    EXTRA,
    OTHER,
    PERIOD,
    Column,
    ColumnModel,
    build_model,
    group_heading,
    header_band,
    is_heading_row,
    is_number_row,
    is_rak_model,
)
from .doubts import SHADING_IGNORED
from .evidence import EvidenceSettings, assess, cell_doubts, join_parts, row_boxes
from .grid import Cell, Grid, Place, Table
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
from .merge_align import place_floating_merges
from .model import Kotak, Lokasi, PageDoubt, Row
from .page_breaks import carry_up_centred, continues_merge, is_cut_continuation, merge_into
from .schedule_text import parse_schedule
from .targets import parse_target
from .text import join_lines

TEXT_ROLES = (SASARAN, INDIKATOR, TARGET, KEGIATAN, PELAKSANA)
NOT_A_MARK = frozenset({"-", "–", "—", "0", "."})


@dataclass(slots=True)
class RawRow:
    """A row on its way from cells to a ``Row``: texts by role, marked periods, provenance."""

    texts: dict[str, str]
    continued: set[str]  # text roles whose cell continues a merged cell above
    periods: set[int]
    lainnya: dict[str, str]
    extra: list[str]
    page: int | None
    confidence: float | None
    first_of_table: bool = False
    schedule_kind: str | None = None  # from a schedule written as words, when there is one
    # How the periods were marked: a glyph (or text) prints once, shading paints every part
    # of a cell a page break cut, so joining a cut row needs to know which.
    glyph_periods: set[int] = field(default_factory=set)
    shaded_periods: set[int] = field(default_factory=set)
    blank: set[str] = field(default_factory=set)  # text roles whose cell is there but empty
    tails: dict[str, str] = field(default_factory=dict)  # text continuing a merged cell above
    kelompok: str | None = None  # the group heading row above it ("II. SUB BAGIAN ...")
    # Why layout doubts this row (codes of ``extractor.doubts``): a row joined across a
    # page break or a merged cell carried by a guess. With the cells' own doubts, these
    # are the evidence behind the row's ``keyakinan`` (``extractor.evidence``), with the model
    # the row was read under, the table it came from, and where it is printed.
    doubts: list[str] = field(default_factory=list)
    model: ColumnModel | None = None
    table: int = -1
    boxes: list[Kotak] = field(default_factory=list)
    # Where the file keeps each field's cell (a sheet's cell, a Word table's row), by field
    # name (``jadwal`` for the schedule's run of cells, lainnya's keys for the others), and
    # the place of the row itself: its first cell of its own (not a merge from above).
    places: dict[str, Place] = field(default_factory=dict)
    place: Place | None = None
    # Where each text field's text stands (top, foot), and the row's band, when the reader
    # knows: a borderless table's merged SASARAN is placed by them (``merge_align``).
    spans: dict[str, tuple[float, float]] = field(default_factory=dict)
    band: tuple[float, float] | None = None
    # The words of its text cells the OCR read unsurely (``Cell.unsure_words``).
    unsure_words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    periode: str
    rows: list[Row]
    used_tables: set[int] = field(default_factory=set)  # indexes into grid.tables
    # The column model each used table was read with (``rak debug`` draws it).
    models: dict[int, ColumnModel] = field(default_factory=dict)
    doubts: list[PageDoubt] = field(default_factory=list)  # pages whose layout is in doubt
    # The headings as the document prints them (``printed_headings``), of its first table.
    headings: dict[str, str] = field(default_factory=dict)
    period_labels: list[str] = field(default_factory=list)


def _has_glyph(cell: Cell) -> bool:
    """A check glyph or any text other than a "not planned" sign ("-", "0")."""
    if cell.mark:
        return True
    t = "".join(cell.text.split())
    return bool(t) and t not in NOT_A_MARK


def _other_key(col: Column) -> str:
    if col.role == NO:
        return "no"
    if col.role == ANGGARAN:
        return "anggaran"
    return normalise_heading(col.heading).lower() or "lainnya"


def _shading_is_background(cells: list[Cell], columns: list[Column | None]) -> bool:
    """A row shaded all across (a banded table style, a coloured row) marks no period:
    shading means "planned" only where it sets a month cell apart from its row. So when
    every month cell is shaded and so are most of the row's own other cells, it is the
    row's colour (a merged cell from above may keep another band's)."""
    periods: list[Cell] = []
    others: list[Cell] = []
    for c, col in zip(cells, columns):
        if col is not None:
            (periods if col.role == PERIOD else others).append(c)
    own = [c for c in others if not c.continued]
    if not periods or not own or not all(c.shaded for c in periods):
        return False
    return 2 * sum(c.shaded for c in own) > len(own)


def _read_row(
    cells: list[Cell], model: ColumnModel, page: int | None, evidence: EvidenceSettings
) -> RawRow:
    texts: dict[str, list[str]] = {}
    spans: dict[str, tuple[float, float]] = {}
    continued: set[str] = set()
    blank: set[str] = set()
    glyphs: set[int] = set()
    shaded: set[int] = set()
    lainnya: dict[str, str] = {}
    extra: list[str] = []
    kind: str | None = None
    doubts: list[str] = []
    confs = [c.confidence for c in cells if c.confidence is not None]
    unsure: list[str] = []
    places: dict[str, Place] = {}
    period_places: list[Place] = []
    # Each cell's column found once: the shading, the fields and the evidence ask it.
    columns = [model.column_for(c) for c in cells]
    background = _shading_is_background(cells, columns)
    if background and any(c.shaded for c in cells):
        doubts.append(SHADING_IGNORED)
    for cell, col in zip(cells, columns):
        if col is None:
            # Past the last headed column: an unlabeled extra column (an Excel range printed
            # wider than its header, a column added on one page), read as such.
            if model.beyond(cell) and cell.text.strip():
                extra.append(join_lines(cell.text))
            continue
        text = join_lines(cell.text)
        if cell.place is not None:
            if col.role == PERIOD:
                period_places.append(cell.place)
            else:
                places.setdefault(_place_key(col), cell.place)
        if col.role == PERIOD:
            if col.period is None:
                continue
            if _has_glyph(cell):
                glyphs.add(col.period)
            elif cell.shaded and not background:
                shaded.add(col.period)
        elif col.role == JADWAL:
            parsed = parse_schedule(text) if text else None
            if parsed:
                kind, found = parsed
                glyphs |= found
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
                unsure.extend(cell.unsure_words)
                if cell.text_span is not None:
                    spans[col.role] = cell.text_span
            else:
                blank.add(col.role)
        elif col.role in (NO, ANGGARAN, OTHER):
            if text:
                key = _other_key(col)
                lainnya[key] = f"{lainnya[key]} {text}" if key in lainnya else text
    return RawRow(
        schedule_kind=kind,
        texts={k: " ".join(v) for k, v in texts.items()},
        continued=continued,
        periods=glyphs | shaded,
        glyph_periods=glyphs,
        shaded_periods=shaded,
        blank=blank - texts.keys(),
        lainnya=lainnya,
        extra=extra,
        page=page if page is not None else next((c.page for c in cells if c.page), None),
        confidence=min(confs) if confs else None,
        doubts=[*doubts, *cell_doubts(cells, model, evidence, columns)],
        model=model,
        boxes=row_boxes(cells),
        places=_with_schedule(places, period_places),
        place=next((c.place for c in cells if c.place is not None and not c.continued), None),
        spans=spans,
        band=_band(cells),
        unsure_words=unsure,
    )


def _band(cells: list[Cell]) -> tuple[float, float] | None:
    """The row's band on its page: from the top of its cells to their foot."""
    placed = [c for c in cells if c.bottom > c.top]
    if not placed:
        return None
    return min(c.top for c in placed), max(c.bottom for c in placed)


def _place_key(col: Column) -> str:
    """The field a column's cells are located under: the row field, or lainnya's key."""
    if col.role in TEXT_ROLES or col.role == JADWAL:
        return col.role
    if col.role == EXTRA:
        return EXTRA
    return _other_key(col)


def _with_schedule(places: dict[str, Place], periods: list[Place]) -> dict[str, Place]:
    """The schedule's cells as one run, first period to last."""
    if periods and JADWAL not in places:
        places[JADWAL] = periods[0].through(periods[-1])
    return places


def _is_empty(raw: RawRow) -> bool:
    return not (raw.texts or raw.periods or raw.lainnya or raw.extra)


def _table_rows(
    tables: list[Table],
    evidence: EvidenceSettings | None = None,
    accept: Callable[[ColumnModel], bool] = is_rak_model,
) -> tuple[str, list[RawRow], dict[int, ColumnModel]]:
    evidence = evidence or EvidenceSettings()
    model: ColumnModel | None = None
    periode = "bulan"
    raws: list[RawRow] = []
    used: dict[int, ColumnModel] = {}
    kinds: dict[str, int] = {}
    group: str | None = None
    for ti, table in enumerate(tables):
        rows = table.rows
        band = header_band(rows)
        if band is not None:
            candidate = build_model(rows[band[0] : band[1]])
            if not accept(candidate):
                continue
            model = candidate
            periode = model.periode
            start = band[1]
        elif model is not None and rows and model.fits(rows[0]):
            start = 0
        else:
            continue
        used[ti] = model
        written = not any(c.role == PERIOD for c in model.columns)
        first = True
        for cells in rows[start:]:
            if not cells or is_number_row(cells) or is_heading_row(cells):
                continue
            heading = group_heading(cells, model)
            if heading is not None:
                group, first = heading, False  # a new group: nothing above continues
                continue
            raw = _read_row(cells, model, table.page, evidence)
            raw.kelompok = group
            if _is_empty(raw):
                continue
            raw.first_of_table = first
            raw.table = ti
            first = False
            if is_cut_continuation(raw, raws[-1] if raws else None):
                merge_into(raws[-1], raw)
                join_parts(raws[-1], raw)
                for key, place in raw.places.items():
                    raws[-1].places.setdefault(key, place)
                continue
            raws.append(raw)
            if written and raw.schedule_kind:
                kinds[raw.schedule_kind] = kinds.get(raw.schedule_kind, 0) + 1
    if kinds:
        periode = max(kinds, key=lambda k: kinds[k])
    return periode, raws, used


def _carry_down(raws: list[RawRow]) -> None:
    """Give every row its own copy of merged cells; SASARAN also carries over empty cells.

    A merged cell's tail found below a page break (``tails``, or a SASARAN at the top of a
    page that continues the one above) extends the text of every row of its run.
    """
    carry_up_centred(raws)
    place_floating_merges(raws)
    last: dict[str, str] = {}
    run: dict[str, list[RawRow]] = {}
    for raw in raws:
        for role in TEXT_ROLES:
            if role in raw.texts:
                text = raw.texts[role]
                if role in last and (
                    text == last[role]
                    or (role == SASARAN and continues_merge(raw, role, last[role]))
                ):
                    joined = last[role] if text == last[role] else _joined(last[role], text)
                    _extend(run[role], raw, role, joined)
                else:
                    run[role] = [raw]
                last[role] = raw.texts[role]
            elif role in raw.continued or role == SASARAN:
                if role in last:
                    raw.texts[role] = last[role]
                    run[role].append(raw)
                    _carry_place(run[role][0], raw, role)
            if role in raw.tails and role in last:
                _extend(run[role], None, role, _joined(last[role], raw.tails.pop(role)))
                last[role] = raw.texts[role]


def _carry_place(source: RawRow, raw: RawRow, role: str) -> None:
    """A text carried down from the row that holds it is located where that row has it (an
    empty cell under a sasaran written once, a merge's lower part: the cell to edit)."""
    if role in source.places:
        raw.places[role] = source.places[role]


def _joined(head: str, tail: str) -> str:
    return join_lines(f"{head}\n{tail}")


def _extend(run: list[RawRow], raw: RawRow | None, role: str, text: str) -> None:
    if raw is not None:
        run.append(raw)
    for earlier in run:
        earlier.texts[role] = text


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


def lokasi_of(raw: RawRow, n: int, shifted: list[str] | None = None) -> Lokasi:
    """Row ``n``'s ``Lokasi``: its page and boxes, and where the file keeps its cells (the
    unlabeled column's under the field its text was moved to, ``shifted``)."""
    places = dict(raw.places)
    if EXTRA in places:
        extra = places.pop(EXTRA)
        key = PELAKSANA if shifted and PELAKSANA in shifted else "kolom_tanpa_judul"
        if key == PELAKSANA or key in raw.lainnya:
            places[key] = extra
    at = raw.place
    return Lokasi(
        halaman=raw.page,
        baris=n,
        kotak=raw.boxes,
        lembar=at.sheet if at else None,
        baris_lembar=at.row if at and at.sheet is not None else None,
        sel_kolom={k: p.ref for k, p in places.items() if p.ref is not None},
        tabel=at.table if at else None,
        baris_tabel=at.row if at and at.table is not None else None,
    )


def _with_group(raw: RawRow) -> dict[str, str]:
    if raw.kelompok and "kelompok" not in raw.lainnya:
        return {**raw.lainnya, "kelompok": raw.kelompok}
    return raw.lainnya


def read_raw_rows(
    grid: Grid,
    evidence: EvidenceSettings | None = None,
    accept: Callable[[ColumnModel], bool] = is_rak_model,
) -> tuple[str, list[RawRow], dict[int, ColumnModel]]:
    """The rows of every table whose header ``accept`` takes, merged cells carried down.

    The RAK takes tables with a schedule (``is_rak_model``); a Perjanjian Kinerja reads its
    SASARAN | INDIKATOR | TARGET tables through the same steps (``extractor.pk_layout``).
    """
    periode, raws, used = _table_rows(grid.tables, evidence, accept)
    _carry_down(raws)
    return periode, raws, used


def printed_headings(model: ColumnModel) -> tuple[dict[str, str], list[str]]:
    """The headings as the document prints them, by field (the schedule's as ``jadwal``,
    the other columns' by their ``lainnya`` key), and the period labels in order (``B1`` ..
    ``B12``, ``Jan`` .., ``TW I`` ..; empty unless every period has its own)."""
    headings: dict[str, str] = {}
    periods: dict[int, str] = {}
    for col in model.columns:
        if col.role == PERIOD:
            if col.period is not None and col.labels:
                periods.setdefault(col.period, join_lines(col.labels[-1]))
                if len(col.labels) > 1:
                    headings.setdefault(JADWAL, join_lines(" ".join(col.labels[:-1])))
        elif col.role in TEXT_ROLES or col.role == JADWAL:
            headings.setdefault(col.role, join_lines(col.heading))
        elif col.role in (NO, ANGGARAN, OTHER):
            headings.setdefault(_other_key(col), join_lines(col.heading))
    labels = [periods[p] for p in sorted(periods)]
    whole = sorted(periods) == list(range(1, len(periods) + 1)) and all(labels)
    return {k: v for k, v in headings.items() if v}, labels if whole else []


def build_rows(grid: Grid, evidence: EvidenceSettings | None = None) -> Layout:
    """All RAK rows of the grid, numbered from 1 in document order."""
    evidence = evidence or EvidenceSettings()
    periode, raws, used = read_raw_rows(grid, evidence)
    sure = assess(grid, raws, set(used), evidence)
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
                lokasi=lokasi_of(raw, n, shifted),
                lainnya=_with_group(raw),
                kolom_bergeser=shifted,
                keyakinan=sure.keyakinan[n - 1],
                alasan=sure.alasan[n - 1],
            )
        )
    headings, labels = printed_headings(used[min(used)]) if used else ({}, [])
    return Layout(
        periode=periode, rows=rows, used_tables=set(used), models=used, doubts=sure.pages,
        headings=headings, period_labels=labels,
    )
