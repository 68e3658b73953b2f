"""A rule that could not run on this document: reported, never silently dropped.

A rule is code, and code meets input its author never imagined (a corrected JSON with a
number where a name belongs, a row a script built by hand). As frictionless does with a
check that errors, the run goes on: the failing rule becomes one ``rule-failed`` finding that
names it and the error, and every other rule still reports. A user then knows that the
silence of that rule means nothing, and a maintainer has what to fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..rule import Example, Rule

_MESSAGE = {
    "id": "Aturan {rule} tidak dapat dijalankan pada dokumen ini ({error}); aturan lain tetap "
    "dijalankan. Mohon laporkan.",
    "en": "Rule {rule} could not run on this document ({error}); the other rules still ran. "
    "Please report it.",
}


def run_rule(rule: Rule, doc: RakDocument, config: CheckConfig) -> list[Finding]:
    """``rule``'s findings on ``doc``, or one ``rule-failed`` finding when it raises."""
    try:
        return list(rule.check(doc, config))
    except Exception as e:  # noqa: BLE001 - one rule's bug must not silence the others
        error = f"{type(e).__name__}: {e}"[:200]
        message = in_language(_MESSAGE, config.lang, rule=rule.name, error=error)
        return [RULE_FAILED.on_document(doc, None, message)]


def _failing_rules(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    from ..registry import RULES  # the registry lists this rule too

    for rule in RULES:
        if rule is not RULE_FAILED:
            yield from (f for f in run_rule(rule, doc, config) if f.rule == RULE_FAILED.name)


RULE_FAILED = Rule(
    name="rule-failed",
    severity=Severity.ERROR,
    title={"id": "Aturan gagal dijalankan", "en": "A rule could not run"},
    explanation={
        "id": "Salah satu aturan pemeriksaan berhenti karena kesalahan pada data yang tidak "
        "terduga. Aturan lain tetap dijalankan, tetapi diamnya aturan ini tidak berarti "
        "dokumen bersih untuk hal yang diperiksanya. Periksa data baris yang disebut, dan "
        "laporkan pesan ini agar rak diperbaiki.",
        "en": "One of the audit rules stopped on data it did not expect. The other rules "
        "still ran, but this rule's silence does not mean the document is clean for what it "
        "checks. Look at the data, and report the message so that rak can be fixed.",
    },
    # PELAKSANA given as null by a script that built the document by hand.
    bad=Example(rows=({"pelaksana": None},)),
    good=Example(),
    check=_failing_rules,
)
