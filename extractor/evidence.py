"""Evidence that a row or a page may have been misread: each row's ``keyakinan`` and ``alasan``.

A reader that misreads a layout produces rows that look like a careless document: an empty
SASARAN, eleven months marked out of twelve, a check mark in PELAKSANA. The checks must not
blame the document for those, so the reading says where it may be wrong. The evidence comes
from two places:

- the reader, which knows how it placed text (``Cell.doubts``, ``Table.doubts``: text across
  a column boundary, columns or rows placed by a guess, low OCR confidence, a mark near the
  page's own threshold, a speck it erased that may have been a comma);
- the layout, here, which knows what a RAK looks like: words in a month column, a mark in a
  text column or run together with words, a mark under a schedule column that got no month,
  text under no heading at all, a heading matched only in part, a core column that no heading
  names, months that do not run 1..12, a page whose columns differ from the other pages', a
  column-number or heading row read as data, the two halves of a row a page break cut, a
  row's OCR confidence far below the document's own, an OCR'd word nobody writes.

Each piece of evidence is a code (``extractor.doubts``) with a weight (``EvidenceSettings``);
a row's ``keyakinan`` is its OCR confidence (1 without OCR) times ``1 - weight`` for every
code it carries, so one strong sign or two weak ones bring it under the checks' threshold.
Table-level codes apply to every row read from that table and are also reported per page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from statistics import median
from typing import TYPE_CHECKING

from . import doubts as D
from .columns import EXTRA, OTHER, PERIOD, Column, ColumnModel
from .grid import Cell, Grid
from .headings import (
    INDIKATOR,
    JADWAL,
    KEGIATAN,
    PELAKSANA,
    SASARAN,
    TARGET,
    heading_match,
    period_label,
)
from .lexicon import LexiconSettings, row_suspects, unsure_slips
from .marks import MARK_GLYPHS, is_mark_text, is_private_use
from .model import Kotak, PageDoubt
from .near_words import NearWordSettings, row_near_words
from .usage import UsageSettings, row_oddities

if TYPE_CHECKING:
    from .layout import RawRow

TEXT_ROLES = (SASARAN, INDIKATOR, TARGET, KEGIATAN, PELAKSANA)
_NUMBERS = re.compile(r"^\d{1,2}(?:\s+\d{1,2})*$")
# What Tesseract writes with high confidence where the page has none: a full stop between
# two lower-case words ("kesejahteraan. pegawai"), a number split by a space ("2 498").
_OCR_SLIPS = re.compile(r"[a-z]{3,}\. [a-z]|\d \d{3}\b")
# A mark glyph that is never a letter of a word ("v" and "x" can be).
_MARK_SIGNS = frozenset(ch for ch in MARK_GLYPHS if not ch.isalpha())


@dataclass(frozen=True, slots=True)
class EvidenceSettings:
    """Weights of each piece of evidence (0: none, 1: certainly misread) and the OCR measures.

    A weight says how often, when the sign is there, the row was read wrong: a mark run into
    PELAKSANA's words almost always means a month column was lost; a column layout guessed
    from whitespace alone is a reason to look twice, not proof. A single weight of 0.35 or
    more brings a row under the default ``min-keyakinan`` of 0.7 by itself; weaker signs need
    company. Codes no weight names (a reader's new code) weigh ``other``.
    """

    straddles_column: float = 0.35
    columns_guessed: float = 0.1
    rows_guessed: float = 0.1
    ruling_disagrees: float = 0.2
    ocr_low: float = 0.4
    ocr_suspect: float = 0.35
    ocr_unknown_word: float = 0.35
    ocr_unsure_word: float = 0.35
    ocr_mended: float = 0.35
    ocr_unlike_document: float = 0.35
    # A term of the trade ("monev") leaves this sign as often as a slip does: enough to
    # have a scanned row looked at, never to outweigh a sure reading's other signs.
    ocr_near_word: float = 0.25
    # Dust between two words is as dark and as tall as a comma there: a reason to look.
    ocr_speck_erased: float = 0.25
    mark_unsure: float = 0.4
    text_in_period: float = 0.45
    mark_in_text: float = 0.25
    mark_with_text: float = 0.5
    two_marks: float = 0.45
    mark_outside_periods: float = 0.5
    outside_columns: float = 0.5
    baselines_differ: float = 0.2
    number_row: float = 0.6
    header_row: float = 0.6
    row_joined: float = 0.1
    # Codes the page-break joins record where their evidence is weak (main's layout).
    row_join_guessed: float = 0.2
    merge_guessed: float = 0.15
    shading_ignored: float = 0.25
    row_split: float = 0.5
    header_partial: float = 0.1
    column_missing: float = 0.5
    periods_incomplete: float = 0.2
    model_differs: float = 0.25
    table_skipped: float = 0.5
    other: float = 0.2
    # A heading whose fuzzy score is below this was matched only in part (100 is exact).
    header_full: float = 90.0
    # OCR: a row is in doubt when its confidence is below ``ocr_floor``, or when its
    # uncertainty (1 - confidence) is this many times the document's typical one (1 - the
    # median row confidence) and its confidence is below ``ocr_ceiling``; the typical
    # uncertainty is taken as at least ``ocr_min_spread``.
    ocr_floor: float = 0.8
    ocr_spread: float = 3.0
    ocr_ceiling: float = 0.9
    ocr_min_spread: float = 0.02
    # Cells of one row whose text starts this share of the row's height apart sit on
    # different baselines (readers that give each cell its own text top).
    baseline_share: float = 0.5
    # Which OCR'd words read as slips (``extractor.lexicon``).
    lexicon: LexiconSettings = field(default_factory=LexiconSettings)
    # Which OCR'd words are written unlike the document writes them (``extractor.usage``).
    usage: UsageSettings = field(default_factory=UsageSettings)
    # Which short OCR'd words read as slips of a dictionary word (``extractor.near_words``).
    near: NearWordSettings = field(default_factory=NearWordSettings)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("lexicon", "usage", "near"):
                continue
            if f.name == "header_full":
                if not 0.0 < value <= 100.0:
                    raise ValueError("header_full must be in (0, 100]")
            elif f.name == "ocr_spread":
                if value < 1.0:
                    raise ValueError("ocr_spread must be at least 1")
            elif not 0.0 <= value <= 1.0:
                raise ValueError(f"{f.name} must be between 0 and 1")

    def weight(self, code: str) -> float:
        name = code.replace("-", "_")
        if name in _WEIGHT_NAMES:
            return float(getattr(self, name))
        return self.other


_WEIGHT_NAMES = frozenset(
    f.name
    for f in fields(EvidenceSettings)
    if f.name
    not in {
        "header_full",
        "ocr_floor",
        "ocr_spread",
        "ocr_ceiling",
        "ocr_min_spread",
        "baseline_share",
        "lexicon",
        "usage",
        "near",
        "other",
    }
)


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))


# --- one row's cells ------------------------------------------------------------------------


def _is_sign(ch: str) -> bool:
    return ch in _MARK_SIGNS or is_private_use(ch)


def _mark_at_edge(text: str) -> bool:
    """A mark glyph as the first or last word of a cell that also holds words."""
    tokens = text.split()
    if len(tokens) < 2:
        return False
    return any(all(_is_sign(c) for c in tok) for tok in (tokens[0], tokens[-1]))


def _has_periods(model: ColumnModel) -> bool:
    return any(c.role == PERIOD for c in model.columns)


def _cell_codes(cell: Cell, col: Column | None, model: ColumnModel, periods: bool) -> list[str]:
    codes = list(cell.doubts)
    if cell.continued:
        return codes
    text = cell.text.strip()
    if cell.confidence is not None and _OCR_SLIPS.search(" ".join(text.split())):
        codes.append(D.OCR_SUSPECT)
    if col is None:
        if (text or cell.mark) and not model.beyond(cell):
            codes.append(D.OUTSIDE_COLUMNS)
        return codes
    if col.role == PERIOD:
        if text and not is_mark_text(text) and text not in {"-", "–", "—", "0", "."}:
            codes.append(D.TEXT_IN_PERIOD)
        elif sum(1 for ch in text if _is_sign(ch)) >= 2:
            codes.append(D.TWO_MARKS)
    elif col.role in TEXT_ROLES:
        if is_mark_text(text) or (cell.mark and not text):
            codes.append(D.MARK_IN_TEXT)
        elif text and (cell.mark or _mark_at_edge(text)):
            codes.append(D.MARK_WITH_TEXT)
    elif periods and col.role in (JADWAL, OTHER, EXTRA):
        # A schedule that has month columns has no other place for a mark.
        if cell.mark or is_mark_text(text):
            codes.append(D.MARK_OUTSIDE_PERIODS)
    return codes


def _row_shape_codes(cells: Sequence[Cell], settings: EvidenceSettings) -> list[str]:
    """Evidence from the row as a whole: a number or heading row, cells on other baselines."""
    codes: list[str] = []
    texts = [c.text.strip() for c in cells if c.text.strip() and not c.continued]
    if len(texts) >= 4 and all(_NUMBERS.match(t) for t in texts):
        codes.append(D.NUMBER_ROW)
    headed = sum(1 for t in texts if heading_match(t)[1] >= settings.header_full)
    periods = sum(1 for t in texts if period_label(t) is not None)
    if headed >= 2 or periods >= 3:
        codes.append(D.HEADER_ROW)
    placed = [c for c in cells if c.text.strip() and not c.continued and c.bottom > c.top]
    if len(placed) >= 2:
        height = max(c.bottom for c in placed) - min(c.top for c in placed)
        spread = max(c.top for c in placed) - min(c.top for c in placed)
        if height > 0 and spread > settings.baseline_share * height:
            codes.append(D.BASELINES_DIFFER)
    return codes


def cell_doubts(
    cells: Sequence[Cell],
    model: ColumnModel,
    settings: EvidenceSettings,
    columns: Sequence[Column | None] | None = None,
) -> list[str]:
    """The codes one row of cells carries under ``model``: the reader's and layout's own.
    ``columns``: each cell's ``model.column_for``, when the caller has them already."""
    periods = _has_periods(model)
    codes: list[str] = []
    if columns is None:
        columns = [model.column_for(c) for c in cells]
    for cell, col in zip(cells, columns):
        codes.extend(_cell_codes(cell, col, model, periods))
    codes.extend(_row_shape_codes(cells, settings))
    return _unique(codes)


def row_boxes(cells: Sequence[Cell]) -> list[Kotak]:
    """Where the row is printed: one box per page, in PDF points, from its cells."""
    by_page: dict[int, list[float]] = {}
    for c in cells:
        if c.page is None or c.x1 <= c.x0:
            continue
        box = by_page.get(c.page)
        if box is None:
            by_page[c.page] = [c.x0, c.top, c.x1, c.bottom]
        else:
            box[0], box[1] = min(box[0], c.x0), min(box[1], c.top)
            box[2], box[3] = max(box[2], c.x1), max(box[3], c.bottom)
    return [Kotak(p, [round(v, 1) for v in b]) for p, b in by_page.items()]


def join_parts(upper: RawRow, lower: RawRow) -> None:
    """The evidence of a row a page break cut, once its two parts are joined by a guess."""
    upper.doubts = _unique([*upper.doubts, *lower.doubts, D.ROW_JOINED])
    upper.unsure_words = [*upper.unsure_words, *lower.unsure_words]
    upper.boxes = [*upper.boxes, *lower.boxes]


# --- a table's column model ---------------------------------------------------------------


def _signature(model: ColumnModel) -> tuple[tuple[str, int | None], ...]:
    """The columns that matter for reading a row: roles and periods, and the headed columns
    of no known role (a heading split in two, "PENANGGUNG" | "JAWAB", makes one on the page
    it is split on and takes part of PELAKSANA's text); columns with no heading aside."""
    return tuple((c.role, c.period) for c in model.columns if c.role != EXTRA)


def model_doubts(model: ColumnModel, settings: EvidenceSettings) -> list[str]:
    """Evidence that the header band was misread: what the column model itself shows."""
    codes: list[str] = []
    roles = [c.role for c in model.columns]
    if any(r not in roles for r in TEXT_ROLES):
        codes.append(D.COLUMN_MISSING)
    periods = [c.period for c in model.columns if c.role == PERIOD]
    if periods:
        full = 4 if model.periode == "triwulan" else 12
        if periods != list(range(1, full + 1)) or JADWAL in roles:
            codes.append(D.PERIODS_INCOMPLETE)
    for col in model.columns:
        if col.role not in TEXT_ROLES:
            continue
        for label in col.labels:
            role, score = heading_match(label)
            if role == col.role:
                if score < settings.header_full:
                    codes.append(D.HEADER_PARTIAL)
                break
        else:
            if all(heading_match(label)[0] is None for label in col.labels):
                codes.append(D.HEADER_PARTIAL)  # no heading says it: named by its place
    return _unique(codes)


# --- the document ---------------------------------------------------------------------------


@dataclass(slots=True)
class Assessment:
    keyakinan: list[float]
    alasan: list[list[str]]
    pages: list[PageDoubt] = field(default_factory=list)


def _confidence_doubts(raws: Sequence[RawRow], settings: EvidenceSettings) -> None:
    confs = [r.confidence for r in raws if r.confidence is not None]
    if not confs:
        return
    typical = max(1.0 - median(confs), settings.ocr_min_spread)
    for raw in raws:
        c = raw.confidence
        if c is None:
            continue
        if c < settings.ocr_floor or (
            c < settings.ocr_ceiling and 1.0 - c > settings.ocr_spread * typical
        ):
            raw.doubts = _unique([*raw.doubts, D.OCR_LOW])


def _ocr_pages(grid: Grid) -> set[int]:
    """Pages read from a picture. A scan without ruling is read as a born-digital page is,
    from the glyphs OCR found (``scan.unruled``): its cells carry no confidence, and its
    words are judged as OCR's all the same."""
    return {v.page for v in grid.seen if v.method.startswith("ocr")}


def _word_doubts(raws: Sequence[RawRow], settings: EvidenceSettings, pages: set[int]) -> None:
    """OCR'd rows holding a word nobody writes: a slip Tesseract was sure of, or one it was
    unsure of that no dictionary knows, or a short one a letter from an everyday word; or
    text written unlike the document's other cells."""
    ocr = [r for r in raws if r.confidence is not None or r.page in pages]
    if not ocr:
        return
    rows = [list(r.texts.values()) for r in ocr]
    suspects = row_suspects(rows, settings.lexicon)
    unsure = unsure_slips(rows, (w for r in ocr for w in r.unsure_words), settings.lexicon)
    unlike = row_oddities(rows, settings.usage)
    near = row_near_words(rows, settings.near)
    for raw, words, slips, odd, close in zip(ocr, suspects, unsure, unlike, near):
        if words:
            raw.doubts = _unique([*raw.doubts, D.OCR_UNKNOWN_WORD])
        if slips:
            raw.doubts = _unique([*raw.doubts, D.OCR_UNSURE_WORD])
        if odd:
            raw.doubts = _unique([*raw.doubts, D.OCR_UNLIKE_DOCUMENT])
        if close:
            raw.doubts = _unique([*raw.doubts, D.OCR_NEAR_WORD])


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _reads_as_tail(raw: RawRow) -> bool:
    """A row that reads as the lower part of another: a wrapped line or a page's top.

    INDIKATOR or KEGIATAN open in lower case (a RAK writes them as sentences), or the row
    has text but neither a TARGET nor a single period planned.
    """
    if not raw.texts:
        return False
    if any(_starts_lower(raw.texts.get(r, "")) for r in (INDIKATOR, KEGIATAN)):
        return True
    return TARGET not in raw.texts and not raw.periods and "jadwal" not in raw.lainnya


def _split_doubts(raws: Sequence[RawRow]) -> None:
    """Rows that look like parts of one row read as two: the tail and the row above it.

    At the top of a page a tail may also be a row with text but no TARGET under a row that
    has one: the page break cut the row below its target line.
    """
    for prev, raw in zip(raws, raws[1:]):
        tail = _reads_as_tail(raw)
        if not tail and raw.first_of_table and raw.table != prev.table:
            tail = TARGET not in raw.texts and TARGET in prev.texts and (
                INDIKATOR in raw.texts or KEGIATAN in raw.texts
            )
        if tail:
            for r in (prev, raw):
                r.doubts = _unique([*r.doubts, D.ROW_SPLIT])


def _table_codes(
    grid: Grid, raws: Sequence[RawRow], settings: EvidenceSettings
) -> dict[int, list[str]]:
    """Table index -> the table's codes: the reader's, the model's, and model-differs."""
    models: dict[int, ColumnModel] = {}
    weight: Counter[tuple[tuple[str, int | None], ...]] = Counter()
    for raw in raws:
        if raw.model is not None and raw.table >= 0:
            models[raw.table] = raw.model
            weight[_signature(raw.model)] += 1
    usual = weight.most_common(1)[0][0] if weight else None
    out: dict[int, list[str]] = {}
    for ti, model in models.items():
        codes = [*grid.tables[ti].doubts, *model_doubts(model, settings)]
        if usual is not None and _signature(model) != usual:
            codes.append(D.MODEL_DIFFERS)
        out[ti] = _unique(codes)
    return out


def _skipped_tables(grid: Grid, used: set[int], width: int) -> list[int]:
    """Pages whose table looks like the RAK's but gave no row: their rows were lost."""
    if not used:
        return []
    first = min(used)
    pages: list[int] = []
    for ti, table in enumerate(grid.tables):
        if ti in used or ti < first or table.page is None or len(table.rows) < 2:
            continue
        if max(len(r) for r in table.rows) >= max(4, width // 2):
            pages.append(table.page)
    return pages


def keyakinan_of(codes: Iterable[str], base: float, settings: EvidenceSettings) -> float:
    value = base
    for code in _unique(codes):
        value *= 1.0 - settings.weight(code)
    return round(max(0.0, min(1.0, value)), 3)


def assess(
    grid: Grid, raws: Sequence[RawRow], used: set[int], settings: EvidenceSettings
) -> Assessment:
    """Every row's keyakinan and reasons, and the pages whose layout itself is in doubt."""
    _confidence_doubts(raws, settings)
    _word_doubts(raws, settings, _ocr_pages(grid))
    _split_doubts(raws)
    tables = _table_codes(grid, raws, settings)
    keyakinan: list[float] = []
    alasan: list[list[str]] = []
    for raw in raws:
        codes = _unique([*raw.doubts, *tables.get(raw.table, [])])
        base = raw.confidence if raw.confidence is not None else 1.0
        keyakinan.append(keyakinan_of(codes, base, settings))
        alasan.append(codes)
    by_page: dict[int | None, list[str]] = {}
    for ti, codes in tables.items():
        if codes:
            page = grid.tables[ti].page
            by_page[page] = _unique([*by_page.get(page, []), *codes])
    width = max((len(m.columns) for r in raws if (m := r.model) is not None), default=0)
    for page in _skipped_tables(grid, used, width):
        by_page[page] = _unique([*by_page.get(page, []), D.TABLE_SKIPPED])
    pages = [
        PageDoubt(halaman=page, keyakinan=keyakinan_of(codes, 1.0, settings), alasan=codes)
        for page, codes in sorted(by_page.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    ]
    return Assessment(keyakinan=keyakinan, alasan=alasan, pages=pages)
