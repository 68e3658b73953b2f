"""One file's work inside a worker process: read it, check it, render its reports.

Everything here runs in the worker and returns plain data (``Outcome``) that the parent can
pickle, count and write: the parent never re-reads a document and never trusts a worker with
a path to write to. Whatever the file's work raises, a property of the input or a bug in rak,
becomes an ``Outcome`` that is not ``ok``, with the exit code and words ``rak.failures``
gives it, so one bad file never stops the run.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.options import ExtractOptions

from ..exitcodes import ExitCode
from ..json_input import read_json
from .findings import FindingLine, finding_lines
from .grouping import UnitTally, row_units, tally_pelaksana
from .limits import memory_cap


@dataclass(frozen=True, slots=True)
class ConfigRecipe:
    """How to make a file's ``CheckConfig``: its nearest rak.toml (or ``--config``) plus options."""

    config: Path | None = None
    lang: str | None = None
    fail_on: str | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    display: str
    kind: str
    mode: str  # "extract" or "check"
    options: ExtractOptions
    recipe: ConfigRecipe = field(default_factory=ConfigRecipe)
    renders: tuple[str, ...] = ()  # check: report formats wanted ("json", "html")
    lang: str = "id"
    # The second pass of a run with Perjanjian Kinerja: the RAK as the first pass read it
    # (its JSON) and the PK of its office and year, so the file is not read again.
    data: dict[str, Any] | None = None
    pk: dict[str, Any] | None = None


@dataclass(slots=True, kw_only=True)
class FileFacts:
    """What reading one file found, as its summary line shows it: the worker's ``Outcome``
    carries it back and the parent's ``SummaryLine`` keeps it."""

    unit_organisasi: str | None = None
    tahun: int | None = None
    rows: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    jenis: str = "rak"  # what the file is: a RAK, or a Perjanjian Kinerja ("pk")
    seconds: float = 0.0
    # check: the findings that ask for a look by eye (layout-uncertain, low-confidence), the
    # rows they name, the errors outside them (the document's own), and the least sure
    # reading of a row or page (None where the reader gave none).
    eye: int = 0
    eye_rows: int = 0
    sure_errors: int = 0
    keyakinan: float | None = None

    def facts(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(FileFacts)}


@dataclass(slots=True)
class Outcome(FileFacts):
    ok: bool
    code: int  # this file's exit code (ExitCode)
    reason: str = ""  # why it could not be read, in the run's language
    failing: bool = False  # findings at or above the file's --fail-on
    texts: dict[str, str] = field(default_factory=dict)  # "json"/"html" -> report text
    columns: list[str] = field(default_factory=list)  # extract: keys of its row records
    findings: list[FindingLine] = field(default_factory=list)  # check: one per finding
    pelaksana: dict[str, UnitTally] = field(default_factory=dict)  # unit key -> its tally
    pid: int = 0
    rss_mb: float = 0.0  # worker's resident memory after this file
    peak_mb: float = 0.0  # worker's peak resident memory so far
    # check: the document as read (its JSON), for pairing RAKs with PKs after the first pass.
    document: dict[str, Any] | None = None


def _memory() -> tuple[float, float]:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024), peak
    except (OSError, ValueError, IndexError):
        return peak, peak


def _without_file(message: str, file: str) -> str:
    """The summary names the file in its own column: drop the "file: " in front."""
    return message.removeprefix(f"{file}: ")


def process(job: Job) -> Outcome:
    """The worker's entry point: never raises for a bad input, nor for a bug."""
    from ..failures import exit_for

    start = time.perf_counter()
    try:
        out = _check(job) if job.mode == "check" else _extract(job)
    except Exception as e:  # noqa: BLE001 - exit_for says what it is, a bug included
        # A MemoryError past the budget outside the reader's own cap is still the input's.
        code, message = exit_for(e, job.lang, job.path, job.options.memory_mb)
        out = Outcome(False, int(code), _without_file(message, job.path))
    out.seconds = time.perf_counter() - start
    out.pid = os.getpid()
    out.rss_mb, out.peak_mb = _memory()
    return out


def _pk_outcome(pk: Any, job: Job) -> Outcome:
    """A Perjanjian Kinerja met in the run: read, kept for pairing, its JSON as its report."""
    from ..export import to_json

    wanted = job.mode == "extract" or "json" in job.renders
    return Outcome(
        ok=True,
        code=int(ExitCode.OK),
        jenis="pk",
        unit_organisasi=pk.document.unit_organisasi,
        tahun=pk.document.tahun,
        rows=len(pk.rows),
        texts={"json": to_json(pk) + "\n"} if wanted else {},
        document=pk.to_dict() if job.mode == "check" else None,
    )


def _extract(job: Job) -> Outcome:
    from extractor import read_document
    from extractor.pk_model import PkDocument

    from ..export import row_records, to_json

    with memory_cap(job.path, job.options.memory_mb):
        doc = read_document(job.path, job.options)
    if isinstance(doc, PkDocument):
        return _pk_outcome(doc, job)
    records = row_records(doc)
    return Outcome(
        ok=True,
        code=int(ExitCode.OK),
        unit_organisasi=doc.document.unit_organisasi,
        tahun=doc.document.tahun,
        rows=len(doc.rows),
        keyakinan=_least_sure(doc),
        texts={"json": to_json(doc) + "\n"},
        columns=list(records[0]) if records else [],
    )


def _config(job: Job) -> Any:
    """The file's ``CheckConfig``; a broken rak.toml (``ConfigError``) spoils this file only."""
    from checks import RULE_NAMES, CheckConfig, find_config, load_config

    r = job.recipe
    path = r.config if r.config is not None else find_config(Path(job.path))
    base = load_config(path, RULE_NAMES) if path is not None else CheckConfig()
    return base.with_options(
        lang=r.lang,
        fail_on=r.fail_on,
        select=r.select,
        ignore=base.ignore | r.ignore if r.ignore is not None else None,
    )


def _check(job: Job) -> Outcome:
    from checks import Severity, check_data, run_checks
    from checks.finding import at_or_above, count_by_severity
    from checks.folding import needs_eye
    from checks.report import RenderOptions, Report, renderers
    from extractor.pk_model import PkDocument, is_pk_data

    from ..crops import flagged_crops

    cfg = _config(job)
    document: dict[str, Any] | None = None
    if job.data is not None:  # the second pass: against the PK of its office and year
        pk = PkDocument.from_dict(job.pk) if job.pk is not None else None
        result = check_data(job.data, cfg, file=Path(job.path).name, pk=pk)
        crops = (
            flagged_crops(Path(job.path), result.doc, result.findings, job.options.password)
            if "html" in job.renders and job.kind != "json" and result.doc is not None
            else {}
        )
        report = Report(job.display, result.data, result.doc, result.findings, crops)
    elif job.kind == "json":
        data = read_json(Path(job.path))
        if is_pk_data(data):
            from checks.pk_match import pk_from_data

            return _pk_outcome(pk_from_data(data, job.path), job)
        result = check_data(data, cfg, file=Path(job.path).name)
        report = Report(job.display, result.data, result.doc, result.findings)
        document = data if result.doc is not None else None
    else:
        from extractor import read_document

        options = job.options
        if options.max_memory_mb is None and cfg.max_memory is not None:
            options = replace(options, max_memory_mb=cfg.max_memory)  # rak.toml max-memory
        with memory_cap(job.path, options.memory_mb):
            doc = read_document(job.path, options)
        if isinstance(doc, PkDocument):
            return _pk_outcome(doc, job)
        findings = run_checks(doc, cfg)
        crops = (
            flagged_crops(Path(job.path), doc, findings, job.options.password)
            if "html" in job.renders
            else {}
        )
        document = doc.to_dict()
        report = Report(job.display, document, doc, findings, crops)
    counts = count_by_severity(report.findings)
    render = renderers()
    render_options = RenderOptions(lang=cfg.lang)
    meta = report.doc.document if report.doc is not None else None
    failing = bool(at_or_above(report.findings, cfg.fail_level))
    eye = needs_eye(report.findings)
    eye_ids = {id(f) for f in eye}
    pelaksana = [r.pelaksana for r in report.doc.rows] if report.doc is not None else []
    units = row_units(pelaksana, _unit_index(cfg.units))
    lines = finding_lines(report.findings, report.data, [tuple(k for k, _, _ in u)
                                                           for u in units])
    return Outcome(
        ok=True,
        code=int(ExitCode.FINDINGS if failing else ExitCode.OK),
        unit_organisasi=meta.unit_organisasi if meta else None,
        tahun=meta.tahun if meta else None,
        rows=len(report.doc.rows) if report.doc is not None else 0,
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
        eye=len(eye),
        eye_rows=len({f.row for f in eye if f.row is not None}),
        sure_errors=sum(1 for f in report.findings
                        if f.severity is Severity.ERROR and id(f) not in eye_ids),
        keyakinan=_least_sure(report.doc),
        failing=failing,
        texts={fmt: render[fmt](report, render_options) for fmt in job.renders},
        findings=lines,
        pelaksana=tally_pelaksana(pelaksana, units, lines),
        document=document,
    )


@lru_cache(maxsize=8)
def _unit_index(units: tuple[Any, ...]) -> Any:
    from checks.units import UnitIndex

    return UnitIndex(units)


def _least_sure(doc: Any) -> float | None:
    """The lowest keyakinan of a row or a page in doubt: how sure the worst reading is."""
    if doc is None:
        return None
    values = [r.keyakinan for r in doc.rows if r.keyakinan is not None]
    values += [d.keyakinan for d in doc.keraguan]
    return round(min(values), 2) if values else None
