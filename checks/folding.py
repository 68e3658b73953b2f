"""Findings a misread explains are folded into the row's one verify-by-eye finding.

On a row the extractor may have misread (``layout-uncertain``, ``low-confidence``), an empty
SASARAN, a month missing or a check mark in PELAKSANA is as likely the reading's fault as the
document's. Reporting them as the document's mistakes would have a secretariat "fix" rows
that are right; dropping them would hide real ones. So they become part of the row's single
"periksa dengan mata" finding, which names them, and keeps the worst of their severities so
folding never turns a failing check into a passing one.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.language import in_language

from .config import CheckConfig
from .finding import Finding
from .registry import get_rule
from .rules.reading import LAYOUT_UNCERTAIN, folded_message
from .rules.rows import LOW_CONFIDENCE

VERIFY = frozenset({LAYOUT_UNCERTAIN.name, LOW_CONFIDENCE.name})
# Row findings a misread layout or a misread word can cause.
FOLDABLE = frozenset(
    {
        "missing-sasaran",
        "missing-indikator",
        "missing-target",
        "missing-kegiatan",
        "missing-pelaksana",
        "invalid-pelaksana",
        "unknown-pelaksana",
        "column-shift",
        "target-unit-mismatch",
        "target-without-unit",
        "percent-out-of-range",
        "empty-schedule",
        "schedule-count-mismatch",
        "duplicate-row",
        # Against the Perjanjian Kinerja: a misread target, sasaran or indicator on the row.
        "pk-target-mismatch",
        "pk-sasaran-mismatch",
        "pk-extra-indicator",
    }
)


def _title(name: str, lang: str) -> str:
    rule = get_rule(name)
    return in_language(rule.title, lang) if rule else name


def fold(findings: list[Finding], config: CheckConfig) -> list[Finding]:
    """``findings`` with every foldable finding on a verify-by-eye row folded into it."""
    verify = {f.row: f for f in findings if f.rule in VERIFY and f.row is not None}
    if not verify:
        return findings
    kept: list[Finding] = []
    folded: dict[int, list[Finding]] = {}
    for f in findings:
        if f.row in verify and f.rule in FOLDABLE:
            folded.setdefault(f.row, []).append(f)
        elif f.rule not in VERIFY or f.row is None:
            kept.append(f)
    for row, head in verify.items():
        inner = folded.get(row, [])
        if inner:
            names = list(dict.fromkeys(f.rule for f in inner))
            worst = max([head, *inner], key=lambda f: f.severity.rank).severity
            head = replace(
                head,
                severity=worst,
                message=folded_message(
                    head.message, [_title(n, config.lang) for n in names], config.lang
                ),
                folded=tuple(names),
            )
        kept.append(head)
    return kept


def needs_eye(findings: list[Finding]) -> list[Finding]:
    """The findings that ask a person to verify the reading by eye (rows and pages)."""
    return [f for f in findings if f.rule in VERIFY]
