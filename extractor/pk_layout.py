"""Read the rows of a Perjanjian Kinerja (PK) out of the neutral grid, beside the RAK layout.

A PK table is NO | SASARAN (STRATEGIS/KEGIATAN/PROGRAM) | INDIKATOR KINERJA | TARGET, sometimes
with SATUAN beside TARGET, the sasaran merged down over its indicators. The same header
matching, column model, merge carrying and page-break joins as the RAK's read it
(``layout.read_raw_rows`` with ``is_pk_model``); what is the PK's own is which tables count
(no schedule, no KEGIATAN, no PELAKSANA), TARGET read together with SATUAN, and rows that
hold no indicator (a column-number row, a sasaran alone) dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .columns import PERIOD, ColumnModel
from .evidence import EvidenceSettings, keyakinan_of
from .grid import Grid
from .headings import INDIKATOR, JADWAL, KEGIATAN, PELAKSANA, SASARAN, TARGET
from .layout import RawRow, lokasi_of, read_raw_rows
from .pk_model import PkRow
from .targets import parse_target

SATUAN = "satuan"  # the lainnya key of a SATUAN column (its lower-cased heading)
PK_ROLES = frozenset({SASARAN, INDIKATOR, TARGET})
NOT_PK_ROLES = frozenset({KEGIATAN, PELAKSANA, JADWAL, PERIOD})


@dataclass(slots=True)
class PkLayout:
    rows: list[PkRow]
    used_tables: set[int] = field(default_factory=set)


def is_pk_model(model: ColumnModel) -> bool:
    """SASARAN, INDIKATOR and TARGET, and nothing a RAK adds (a schedule, KEGIATAN,
    PELAKSANA): a RAK whose schedule went unread is not taken for a PK."""
    roles = {c.role for c in model.columns}
    return PK_ROLES <= roles and not roles & NOT_PK_ROLES


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _is_indicator_row(raw: RawRow) -> bool:
    """An indicator, or at least a sasaran with a target: not a column-number row
    ("1 | 2 | 3"), not a sasaran standing alone on a line of its own."""
    if _has_letters(raw.texts.get(INDIKATOR, "")):
        return True
    return bool(raw.texts.get(TARGET, "").strip()) and _has_letters(raw.texts.get(SASARAN, ""))


def _target(raw: RawRow) -> str:
    """TARGET as one text: with the SATUAN column's unit after it when TARGET has none."""
    target = raw.texts.get(TARGET, "")
    satuan = raw.lainnya.get(SATUAN, "").strip()
    if satuan and parse_target(target).satuan is None:
        return f"{target} {satuan}".strip()
    return target


def _row(raw: RawRow, n: int, evidence: EvidenceSettings) -> PkRow:
    lainnya = dict(raw.lainnya)
    if raw.kelompok and "kelompok" not in lainnya:
        lainnya["kelompok"] = raw.kelompok
    base = raw.confidence if raw.confidence is not None else 1.0
    return PkRow(
        sasaran_kegiatan=raw.texts.get(SASARAN, ""),
        indikator_kinerja=raw.texts.get(INDIKATOR, ""),
        target=parse_target(_target(raw)),
        lokasi=lokasi_of(raw, n),
        lainnya=lainnya,
        keyakinan=keyakinan_of(raw.doubts, base, evidence),
        alasan=list(dict.fromkeys(raw.doubts)),
    )


def build_pk_rows(grid: Grid, evidence: EvidenceSettings | None = None) -> PkLayout:
    """All PK rows of the grid, numbered from 1 in document order."""
    evidence = evidence or EvidenceSettings()
    _, raws, used = read_raw_rows(grid, evidence, accept=is_pk_model)
    kept = [raw for raw in raws if _is_indicator_row(raw)]
    rows = [_row(raw, n, evidence) for n, raw in enumerate(kept, start=1)]
    return PkLayout(rows=rows, used_tables={raw.table for raw in kept} & set(used))
