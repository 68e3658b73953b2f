"""A bulk run from PATH... to summary lines, outputs and one exit code.

The order of work: discover the inputs, give each a safe output name (in input order, so a
rerun names files the same way), run the one-file pipeline in the pool, and write each file's
reports as soon as its result arrives (a run stopped with Ctrl-C keeps every finished file),
then the summary files. The summary keeps the input order; index.html sorts worst first.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from extractor.options import ExtractOptions

from ..exitcodes import ExitCode
from ..i18n import t
from .discover import Discovery, InputFile, Skipped, discover
from .indexpage import Totals, render_index
from .naming import SafeNames, display_name
from .outputs import OutputDir, write_rows, write_summary
from .pool import Failure, Pool
from .progress import BulkProgress
from .summary import SummaryLine, exit_code, make_line
from .work import ConfigRecipe, Job, Outcome, process

INTERRUPTED = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT)


@dataclass(frozen=True)
class BulkSettings:
    mode: str  # "extract" or "check"
    out: Path | None = None
    jobs: int = 0  # 0: one per core
    timeout: float = 120.0  # seconds per file; 0: no limit
    options: ExtractOptions = field(default_factory=ExtractOptions)
    recipe: ConfigRecipe = field(default_factory=ConfigRecipe)
    lang: str = "id"
    progress: bool | None = None  # None: when stderr is a terminal
    recycle_after: int = 0  # replace a worker after this many files (0: never)

    def workers(self, files: int) -> int:
        wanted = self.jobs if self.jobs > 0 else (os.cpu_count() or 1)
        return max(1, min(wanted, files))


@dataclass(slots=True)
class FileStat:
    """Where and how a file was read; the benchmark reads worker memory from these."""

    pid: int
    seconds: float
    rss_mb: float
    peak_mb: float


@dataclass(slots=True)
class BulkResult:
    lines: list[SummaryLine]
    skipped: list[Skipped]
    interrupted: bool = False
    exit_code: int = 0
    out: Path | None = None
    stats: list[FileStat] = field(default_factory=list)
    workers_started: int = 0
    rows_text: dict[str, str] = field(default_factory=dict)  # extract without --out
    write_error: str = ""  # why the summary files could not be written, if they could not


def run_bulk(paths: list[str], settings: BulkSettings,
             found: Discovery | None = None) -> BulkResult:
    """Run ``settings.mode`` over ``paths``; write ``--out`` outputs when asked."""
    found = found or discover(paths, settings.mode, exclude=settings.out)
    if settings.out is None and settings.mode == "extract" and found.files:
        # The combined dataset is built from the per-file JSON; without --out it goes to a
        # temporary folder and the caller reads rows.csv / rows.jsonl from there.
        with tempfile.TemporaryDirectory(prefix="rak-") as tmp:
            result = _run(found, settings, Path(tmp))
            result.out = Path(tmp)
            result.rows_text = {
                name: (Path(tmp) / name).read_text(encoding="utf-8-sig")
                for name in ("rows.csv", "rows.jsonl") if (Path(tmp) / name).exists()
            }
            return result
    return _run(found, settings, settings.out)


def _run(found: Discovery, settings: BulkSettings, out_root: Path | None) -> BulkResult:
    lang = settings.lang
    files = found.files
    result = BulkResult(lines=[], skipped=found.skipped)
    if not files:
        result.exit_code = 2
        return result
    out = OutputDir(out_root) if out_root is not None else None
    names = SafeNames()
    stems = [names.take(f.relative) for f in files]
    renders = ("json", "html") if (out is not None and settings.mode == "check") else ()
    jobs = [Job(str(f.path), f.display, f.kind, settings.mode, settings.options,
                settings.recipe, renders, lang) for f in files]
    lines: list[SummaryLine | None] = [None] * len(files)
    columns: list[list[str]] = [[] for _ in files]
    totals = Totals()

    with BulkProgress(len(files), lang, settings.progress) as progress:
        def on_result(index: int, value: Outcome | Failure) -> None:
            item: InputFile = files[index]
            line = make_line(item, value, settings.mode, lang)
            line.stem = stems[index]
            if isinstance(value, Outcome):
                result.stats.append(FileStat(value.pid, value.seconds, value.rss_mb,
                                             value.peak_mb))
                if value.ok:
                    totals.add(value)
                    columns[index] = value.columns
                    if out is not None:
                        _write_reports(out, line, stems[index], value.texts, lang)
            lines[index] = line
            progress.advance()

        pool = Pool(process, settings.workers(len(files)), settings.timeout,
                    settings.recycle_after)
        state = pool.run(jobs, on_result)

    result.lines = [x for x in lines if x is not None]
    result.interrupted = state.interrupted
    result.workers_started = state.workers_started
    result.exit_code = INTERRUPTED if state.interrupted else exit_code(result.lines)
    if out is not None:
        _write_summaries(out, result, found, totals, columns, settings)
        result.out = out.root
    return result


def _write_summaries(out: OutputDir, result: BulkResult, found: Discovery, totals: Totals,
                     columns: list[list[str]], settings: BulkSettings) -> None:
    """The run's own files, each on its own: a full disk after ringkasan.csv still leaves
    ringkasan.csv, and the message names what is missing."""
    lang, lines = settings.lang, result.lines
    steps = [("ringkasan.csv, ringkasan.xlsx", lambda: write_summary(out, lines, found.skipped,
                                                                     lang))]
    if settings.mode == "extract":
        steps.append(("rows.csv, rows.jsonl", lambda: write_rows(out, lines, columns)))
    steps.append(("index.html", lambda: out.write_text(("index.html",), render_index(
        lines, found.skipped, totals, settings.mode, lang))))
    failed, why = [], ""
    for names, step in steps:
        try:
            step()
        except OSError as e:  # a full disk, a folder taken away: say so, keep the lines
            failed.append(names)
            why = why or _why(e)
    if failed:
        result.write_error = t("bulk_summary_not_written", lang, names=", ".join(failed),
                               path=display_name(str(out.root)), detail=why)
        result.exit_code = max(result.exit_code, int(ExitCode.INPUT))


def _why(e: OSError) -> str:
    return display_name(e.strerror or str(e))


def _write_reports(out: OutputDir, line: SummaryLine, stem: str, texts: dict[str, str],
                   lang: str) -> None:
    """A file's own reports; one that cannot be written (a full disk) is said on its line,
    and the run goes on with the next file."""
    try:
        line.reports = out.file_reports(stem, texts)
    except OSError as e:
        line.reason = t("bulk_report_not_written", lang, detail=_why(e))
        line.code = max(line.code, int(ExitCode.INPUT))
