"""Every rule ``rak check`` runs, in one explicit tuple, in the order reports list them.

Adding a rule means adding it here; names are unique and never renamed (CONTRACT.md), which
a test holds.
"""

from __future__ import annotations

from .rule import Rule
from .rules import cells, document, failure, pelaksana, pk, reading, rows, schedule, targets
from .schema import SCHEMA

RULES: tuple[Rule, ...] = (
    SCHEMA,
    cells.MISSING_SASARAN,
    cells.MISSING_INDIKATOR,
    cells.MISSING_TARGET,
    cells.MISSING_KEGIATAN,
    cells.MISSING_PELAKSANA,
    pelaksana.INVALID_PELAKSANA,
    pelaksana.UNKNOWN_PELAKSANA,
    rows.COLUMN_SHIFT,
    targets.TARGET_UNIT_MISMATCH,
    targets.TARGET_WITHOUT_UNIT,
    targets.PERCENT_OUT_OF_RANGE,
    schedule.EMPTY_SCHEDULE,
    schedule.SCHEDULE_COUNT_MISMATCH,
    rows.DUPLICATE_ROW,
    rows.LOW_CONFIDENCE,
    reading.LAYOUT_UNCERTAIN,
    document.MISSING_SIGNATURE,
    document.MISSING_YEAR,
    document.YEAR_MISMATCH,
    # Against the Perjanjian Kinerja (rak check --pk); quiet without one.
    *pk.RULES,
    failure.RULE_FAILED,
)

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in RULES)
_BY_NAME = {r.name: r for r in RULES}


def get_rule(name: str) -> Rule | None:
    return _BY_NAME.get(name)


def rule_order(name: str) -> int:
    return RULE_NAMES.index(name) if name in _BY_NAME else len(RULE_NAMES)
