"""What ``rak extract`` and ``rak check`` share when they run over many files.

The test for "is this a bulk run", the validation of the bulk options (declared in
``rak.options``), and the printing of the summary table and the skipped files. Kept here so
each command module stays a thin layer; nothing here imports the extractor, so ``rak --help``
stays fast.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from extractor.language import in_language

from ..failures import fail
from ..i18n import WORDS
from ..output import emit
from .naming import display_name

if TYPE_CHECKING:
    from extractor.options import ExtractOptions

    from .run import BulkResult

GLOB_CHARS = frozenset("*?[")


def is_bulk(paths: list[Path], out: Path | None) -> bool:
    """One existing (or missing) file without --out keeps the one-file behaviour."""
    if out is not None or len(paths) != 1:
        return True
    only = paths[0]
    if only.is_dir():
        return True
    return not os.path.lexists(only) and bool(GLOB_CHARS & set(str(only)))


def check_bulk_options(jobs: int, timeout: float, out: Path | None, lang: str) -> None:
    if jobs < 0:
        raise fail(in_language(WORDS["bulk_bad_jobs"], lang, value=jobs))
    if timeout < 0:
        raise fail(in_language(WORDS["bulk_bad_timeout"], lang, value=timeout))
    if out is not None and out.exists() and not out.is_dir():
        raise fail(in_language(WORDS["bulk_out_not_dir"], lang, path=out))


def print_summary(result: BulkResult, mode: str, lang: str, to_stderr: bool,
                  out: Path | None = None, output: Path | None = None) -> None:
    """The summary table (to ``output`` when given), the skipped files, a note on Ctrl-C."""
    from .table import render_table

    stream = sys.stderr if to_stderr else sys.stdout
    tty = stream.isatty() and output is None
    color = tty and "NO_COLOR" not in os.environ
    width = shutil.get_terminal_size((160, 24)).columns if tty else 240
    if result.lines:
        table = render_table(result.lines, mode, lang, color, width)
        if output is not None:
            emit(table, output, lang)
        else:
            stream.write(table)
    if result.pairs is not None and result.lines:
        from .indexpage import pairs_summary

        said = pairs_summary(result.lines, result.pairs, lang)
        stream.write("\n".join([in_language(WORDS["bulk_pairs"], lang),
                                *(f"  {x}" for x in said)]) + "\n")
    if result.skipped:
        lines = [in_language(WORDS["bulk_skipped"], lang, n=len(result.skipped))]
        lines += [f"  {s.display}: {s.reason_in(lang)}" for s in result.skipped]
        sys.stderr.write("\n".join(lines) + "\n")
    if result.interrupted:
        cancelled = in_language(WORDS["bulk_interrupted"], lang)
        done = sum(1 for x in result.lines if x.reason != cancelled)
        stopped = in_language(WORDS["bulk_stopped"], lang, done=done, total=len(result.lines))
        sys.stderr.write(stopped + "\n")
    if result.write_error:
        sys.stderr.write(result.write_error + "\n")
    elif out is not None and result.out is not None:
        written = in_language(WORDS["written"], lang, path=result.out / "index.html")
        sys.stderr.write(display_name(written) + "\n")


def no_files(paths: list[Path], lang: str) -> typer.Exit:
    return fail(in_language(WORDS["bulk_no_files"], lang, paths=", ".join(str(p) for p in paths)))


def run_check(
    paths: list[Path], fmt: str, output: Path | None, out: Path | None, jobs: int,
    timeout: float, options: ExtractOptions, config: Path | None, lang: str | None,
    fail_on: str | None, select: list[str] | None, ignore: list[str] | None,
    pk_dir: Path | None = None,
) -> int:
    """``rak check PATH...`` over many files: validate options once, run, print, exit code.

    Each file still gets its own rak.toml (the nearest one, as a single check does) unless
    ``--config`` names one; a broken rak.toml next to one file makes that file unreadable,
    not the run. The summary prints as a table (``-f text``), JSON or CSV. Perjanjian
    Kinerja among the files (or in ``pk_dir``) are recognised by their content; each RAK is
    then checked against the PK of its office and year, and what has no partner is listed.
    """
    from checks import RULE_NAMES, CheckConfig, load_config
    from checks.config import check_rule_names

    from .grouping import merged
    from .outputs import summary_csv, summary_json
    from .run import BulkSettings, run_bulk
    from .work import ConfigRecipe

    check_bulk_options(jobs, timeout, out, lang or "id")
    # A ConfigError here ends the run before any file is read (exit 2).
    check_rule_names([*(select or []), *(ignore or [])], RULE_NAMES, where="--select/--ignore")
    base = load_config(config, RULE_NAMES) if config is not None else None
    if fail_on is not None or lang is not None:
        CheckConfig(lang=lang or "id", fail_on=fail_on or "error")  # validates both
    run_lang = lang or (base.lang if base is not None else "id")
    if fmt == "html" and out is None:
        raise fail(in_language(WORDS["bulk_html_needs_out"], run_lang))
    recipe = ConfigRecipe(
        config=config, lang=lang, fail_on=fail_on,
        select=frozenset(select) if select is not None else None,
        ignore=frozenset(ignore) if ignore is not None else None,
    )
    # Without --out the terminal is the only report: each file's findings, then the summary.
    findings_first = fmt == "text" and out is None and output is None
    settings = BulkSettings(mode="check", out=out, jobs=jobs, timeout=timeout,
                            options=options, recipe=recipe, lang=run_lang,
                            pair_pks=pk_dir is not None,
                            reports=("text",) if findings_first else ())
    # The PKs are more inputs: each file's content says what it is (a RAK or a PK).
    inputs = [*paths, *([pk_dir] if pk_dir is not None else [])]
    result = run_bulk([str(p) for p in inputs], settings)
    if not result.lines:
        print_summary(result, "check", run_lang, to_stderr=True)
        raise no_files(paths, run_lang)
    if fmt in ("json", "csv"):
        text = summary_json(result.lines, result.skipped, merged(result.lines),
                            run_lang) if fmt == "json" else summary_csv(result.lines, run_lang)
        emit(text, output, run_lang, bom=fmt == "csv")
        print_summary(result, "check", run_lang, to_stderr=True, out=out)
    else:
        if findings_first:
            print_reports(result)
        print_summary(result, "check", run_lang, to_stderr=False, out=out, output=output)
    return result.exit_code


def print_reports(result: BulkResult) -> None:
    """Each file's text report in input order (for a file that could not be read, the line
    that says why), each followed by a blank line, on stdout."""
    for line, texts in zip(result.lines, result.texts):
        said = line.reason if line.file in line.reason else f"{line.file}: {line.reason}"
        report = texts.get("text") or display_name(said) + "\n"
        sys.stdout.write(report + "\n")
