"""What a rule is: a stable name, a default severity, its own documentation, one generator.

Modelled on linters (``ruff rule F401``): the documentation lives next to the code that
enforces it, in both languages, with a bad and a good example that the tests run, so the
explanation a user reads can never drift from what the rule does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractor.language import Words
from extractor.model import RakDocument

from .finding import Finding, Severity

if TYPE_CHECKING:
    from .config import CheckConfig


CheckFn = Callable[[RakDocument, "CheckConfig"], Iterator[Finding]]



@dataclass(frozen=True)
class PkExample:
    """The Perjanjian Kinerja a pk-* rule's example RAK is checked against, written the same
    way: one mapping per PK row of what differs from the clean row (``sasaran_kegiatan``,
    ``indikator_kinerja``, ``target`` as text), and its metadata (``unit_organisasi``,
    ``tahun``) where they differ from the clean RAK's."""

    rows: tuple[Mapping[str, Any], ...] = ({},)
    document: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Example:
    """A small document that shows a rule; only what differs from a clean RAK is written.

    ``rows`` holds one mapping per row of field -> value (``target`` as the cell's text);
    ``document`` holds metadata (``tahun``, ``tanggal``, ``tempat``, ``jabatan``, ``nama``);
    ``ocr`` marks the document as read by OCR; ``pk``, when set, is the Perjanjian Kinerja the
    RAK is checked against (the pk-* rules run only with one).
    """

    rows: tuple[Mapping[str, Any], ...] = ({},)
    document: Mapping[str, Any] = field(default_factory=dict)
    ocr: bool = False
    pk: PkExample | None = None


@dataclass(frozen=True)
class Rule:
    name: str  # stable kebab-case name from CONTRACT.md; never renamed
    severity: Severity  # default; rak.toml may override it
    title: Words
    explanation: Words
    bad: Example
    good: Example
    check: CheckFn

    def at(
        self,
        doc: RakDocument,
        index: int,
        field_name: str | None,
        message: str,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding on row ``index`` (0-based in, 1-based out), located where it is printed."""
        row = doc.rows[index]
        return Finding(
            rule=self.name,
            severity=severity or self.severity,
            row=index + 1,
            field=field_name,
            message=message,
            lokasi=row.lokasi,
            file=doc.source.file,
        )

    def on_document(self, doc: RakDocument, field_name: str | None, message: str) -> Finding:
        """A finding about the whole document (no row)."""
        return Finding(
            rule=self.name,
            severity=self.severity,
            row=None,
            field=field_name,
            message=message,
            lokasi=None,
            file=doc.source.file,
        )
