"""Audit a RAK document: the schema and the rules, as one sorted list of findings.

``checks`` never opens a document: it takes a ``RakDocument`` (``run_checks``) or the JSON a
user saved and perhaps corrected (``check_data``), and yields findings. Which rules run, at
what severity and in which language comes from one ``CheckConfig``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from extractor.model import RakDocument
from extractor.pk_model import PkDocument

from .config import CheckConfig, ConfigError, find_config, load_config
from .finding import Finding, Severity
from .folding import fold
from .pk_match import against_pk
from .registry import RULE_NAMES, RULES, get_rule, rule_order
from .rules.failure import RULE_FAILED, run_rule
from .schema import SCHEMA, schema_findings

__all__ = [
    "RULES",
    "RULE_NAMES",
    "CheckConfig",
    "CheckResult",
    "ConfigError",
    "Finding",
    "Severity",
    "check_data",
    "find_config",
    "get_rule",
    "load_config",
    "run_checks",
]


def _sort_key(f: Finding) -> tuple[int, int, int, str]:
    return (f.row or 0, -f.severity.rank, rule_order(f.rule), f.field or "")


def _apply_severity(f: Finding, config: CheckConfig) -> Finding:
    """A project's severity for a rule replaces its default; a rule's lesser notes stay."""
    rule = get_rule(f.rule)
    override = config.severity.get(f.rule)
    if override is None or rule is None or f.severity is not rule.severity:
        return f
    return replace(f, severity=override)


def run_checks(
    doc: RakDocument, config: CheckConfig | None = None, *, skip: frozenset[str] = frozenset()
) -> list[Finding]:
    """Every enabled rule's findings on ``doc``, sorted by row, then severity, then rule."""
    config = config or CheckConfig()
    findings: list[Finding] = []
    for rule in RULES:
        if rule is RULE_FAILED or rule.name in skip or not config.enabled(rule.name):
            continue
        findings.extend(_apply_severity(f, config) for f in run_rule(rule, doc, config))
    return sorted(fold(findings, config), key=_sort_key)


@dataclass(frozen=True)
class CheckResult:
    data: dict[str, Any]  # the extract object the findings are about
    doc: RakDocument | None  # None when the JSON is too broken to read as a document
    findings: list[Finding]


def check_data(
    data: Any, config: CheckConfig | None = None, file: str = "", pk: PkDocument | None = None
) -> CheckResult:
    """Check a document's JSON: the schema on the JSON as given, then the rules.

    With schema errors the rules still run when the JSON can be read as a document; a rule
    that trips over the data becomes a ``rule-failed`` finding beside the schema's. With
    ``pk``, the RAK is checked against that Perjanjian Kinerja too (the pk-* rules).
    """
    config = config or CheckConfig()
    contract = list(schema_findings(data, config, file))
    broken = bool(contract) or not isinstance(data, dict)
    findings: list[Finding] = contract if config.enabled(SCHEMA.name) else []
    doc: RakDocument | None = None
    if isinstance(data, dict):
        try:
            doc = RakDocument.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            if not broken:
                raise
    if doc is not None:
        if file and not doc.source.file:
            doc.source.file = file
        if pk is not None:
            doc = against_pk(doc, pk)
        findings.extend(run_checks(doc, config, skip=frozenset({SCHEMA.name})))
    return CheckResult(
        data=data if isinstance(data, dict) else {"data": data},
        doc=doc,
        findings=sorted(findings, key=_sort_key),
    )
