"""A bulk run from PATH... to summary lines, outputs and one exit code.

The order of work: discover the inputs, give each a safe output name (in input order, so a
rerun names files the same way), run the one-file pipeline in the pool, and write each file's
reports as soon as its result arrives (a run stopped with Ctrl-C keeps every finished file),
then the summary files. The summary keeps the input order; index.html sorts worst first.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor.language import in_language
from extractor.limits import DEFAULT_TIMEOUT_S
from extractor.options import ExtractOptions

from ..failures import exit_for
from ..i18n import WORDS
from ..output import CannotWrite, cannot_write
from .discover import Discovery, InputFile, Skipped, discover
from .grouping import Totals, merged, name_offices
from .indexpage import render_index
from .naming import SafeNames, display_name
from .outputs import OutputDir, write_rows, write_summary
from .pairing import Described, Pairs, pair_documents
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
    timeout: float = DEFAULT_TIMEOUT_S  # seconds per file; 0: no limit
    options: ExtractOptions = field(default_factory=ExtractOptions)
    recipe: ConfigRecipe = field(default_factory=ConfigRecipe)
    lang: str = "id"
    progress: bool | None = None  # None: when stderr is a terminal
    recycle_after: int = 0  # replace a worker after this many files (0: never)
    # check: pair every RAK with the Perjanjian Kinerja of its office and year and list what
    # has no partner (--pk-dir); a run that meets a PK among its files pairs anyway.
    pair_pks: bool = False
    # check: report formats each file is rendered in for the caller even without --out
    # ("text": the findings of every file, printed before the summary); in BulkResult.texts.
    reports: tuple[str, ...] = ()
    # Told of each file's line as soon as its result arrives (its index in the inputs): the
    # web page's jobs show per-file progress with it (``rak.serve.jobs``).
    on_line: Callable[[int, SummaryLine], None] | None = field(default=None, compare=False)

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
    pairs: Pairs | None = None  # check: RAKs with their PKs (indexes into ``lines``)
    # Each line's reports of BulkSettings.reports (empty for a file that was not read).
    texts: list[dict[str, str]] = field(default_factory=list)


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
    renders: tuple[str, ...] = (
        ("json", "html") if (out is not None and settings.mode == "check") else ())
    renders += tuple(f for f in settings.reports if f not in renders)
    jobs = [Job(str(f.path), f.display, f.kind, settings.mode, settings.options,
                settings.recipe, renders, lang) for f in files]
    run = _Pass(files, stems, [None] * len(files), [None] * len(files), out, result, settings)
    pool = Pool(process, settings.workers(len(files)), settings.timeout, settings.recycle_after)
    state = run.through(pool, jobs, list(range(len(files))))
    result.interrupted = state.interrupted
    result.workers_started = state.workers_started
    if settings.mode == "check" and not state.interrupted:
        result.pairs = _against_pks(pool, run, jobs)
    columns = [outcome.columns if outcome is not None else [] for outcome in run.outcomes]
    result.lines = [x for x in run.lines if x is not None]
    result.texts = [{f: o.texts[f] for f in settings.reports if o is not None and f in o.texts}
                    for x, o in zip(run.lines, run.outcomes) if x is not None]
    name_offices(result.lines)
    totals = merged(result.lines)
    result.exit_code = INTERRUPTED if result.interrupted else exit_code(result.lines)
    if out is not None:
        _write_summaries(out, result, found, totals, columns, settings)
        result.out = out.root
    return result


@dataclass(slots=True)
class _Pass:
    """What the passes of one run share: the files, their lines and outcomes so far."""

    files: list[InputFile]
    stems: list[str]
    lines: list[SummaryLine | None]
    outcomes: list[Outcome | None]
    out: OutputDir | None
    result: BulkResult
    settings: BulkSettings

    def through(self, pool: Pool[Job, Outcome], jobs: list[Job], files: list[int]) -> Any:
        """Run ``jobs`` (job k is for file ``files[k]``); each result replaces that file's
        line and outcome, and its reports are written as soon as it arrives."""
        lang, mode = self.settings.lang, self.settings.mode
        with BulkProgress(len(jobs), lang, self.settings.progress, pool.jobs,
                          pool.timeout) as progress:
            def on_result(k: int, value: Outcome | Failure) -> None:
                index = files[k]
                line = make_line(self.files[index], value, mode, lang)
                line.stem = self.stems[index]
                self.outcomes[index] = None
                if isinstance(value, Outcome):
                    self.result.stats.append(FileStat(value.pid, value.seconds, value.rss_mb,
                                                      value.peak_mb))
                    if value.ok:
                        self.outcomes[index] = value
                        if self.out is not None:
                            _write_reports(self.out, line, self.stems[index], value.texts, lang)
                self.lines[index] = line
                if self.settings.on_line is not None:
                    self.settings.on_line(index, line)
                progress.advance(k)

            return pool.run(jobs, on_result, progress.start)


def _against_pks(pool: Pool[Job, Outcome], run: _Pass, jobs: list[Job]) -> Pairs | None:
    """The second pass of a check: each RAK with the Perjanjian Kinerja of its office and
    year, checked against it from what the first pass read (the file is not read again)."""
    def described(kind: str) -> list[Described]:
        return [Described(i, o.unit_organisasi, o.tahun) for i, o in enumerate(run.outcomes)
                if o is not None and o.jenis == kind and o.document is not None]

    pks = described("pk")
    if not pks and not run.settings.pair_pks:
        return None
    pairs = pair_documents(described("rak"), pks)
    order = sorted(pairs.of_rak)
    second = []
    for i in order:
        rak, pk = run.outcomes[i], run.outcomes[pairs.of_rak[i]]
        assert rak is not None and pk is not None  # both were described above
        second.append(replace(jobs[i], data=rak.document, pk=pk.document))
    state = run.through(pool, second, order)
    run.result.interrupted |= state.interrupted
    _name_partners(run, pairs)
    return pairs


def _name_partners(run: _Pass, pairs: Pairs) -> None:
    """Each line says its partner: a RAK its PK, a PK the RAKs it serves, or that it has none."""
    lang = run.settings.lang
    served: dict[int, list[str]] = {}
    for rak, pk in pairs.of_rak.items():
        served.setdefault(pk, []).append(run.files[rak].display)
        if (line := run.lines[rak]) is not None:
            line.pasangan = run.files[pk].display
    for pk, raks in served.items():
        if (line := run.lines[pk]) is not None:
            line.pasangan = "; ".join(raks)
    for index, word in [*((i, "bulk_no_pk") for i in pairs.raks_without),
                        *((i, "bulk_no_rak") for i in pairs.pks_without)]:
        if (line := run.lines[index]) is not None:
            line.pasangan = in_language(WORDS[word], lang)


def _write_summaries(out: OutputDir, result: BulkResult, found: Discovery, totals: Totals,
                     columns: list[list[str]], settings: BulkSettings) -> None:
    """The run's own files, each on its own: a full disk after ringkasan.csv still leaves
    ringkasan.csv, and the message names what is missing."""
    lang, lines = settings.lang, result.lines
    steps: list[tuple[str, Callable[[], object]]] = [
        ("ringkasan.csv, ringkasan.json, ringkasan.xlsx",
         lambda: write_summary(out, lines, found.skipped, lang, totals))]
    if settings.mode == "extract":
        steps.append(("rows.csv, rows.jsonl", lambda: write_rows(out, lines, columns)))
    steps.append(("index.html", lambda: out.write_text(("index.html",), render_index(
        lines, found.skipped, totals, settings.mode, lang, pairs=result.pairs))))
    failed: list[str] = []
    first: CannotWrite | None = None
    for names, step in steps:
        try:
            step()
        except OSError as e:  # a full disk, a folder taken away: say so, keep the lines
            failed.append(names)
            first = first or cannot_write(out.root, e)
    if first is not None:
        result.write_error = in_language(WORDS["bulk_summary_not_written"], lang,
                                         names=", ".join(failed),
                                         path=display_name(str(out.root)), detail=_why(first))
        result.exit_code = max(result.exit_code, int(exit_for(first, lang)[0]))


def _why(e: OSError) -> str:
    return display_name(e.strerror or str(e))


def _write_reports(out: OutputDir, line: SummaryLine, stem: str, texts: dict[str, str],
                   lang: str) -> None:
    """A file's own reports; one that cannot be written (a full disk) is said on its line,
    and the run goes on with the next file."""
    try:
        line.reports = out.file_reports(stem, texts)
    except OSError as e:
        failure = cannot_write(out.root, e)
        line.reason = in_language(WORDS["bulk_report_not_written"], lang, detail=_why(failure))
        line.code = max(line.code, int(exit_for(failure, lang)[0]))
