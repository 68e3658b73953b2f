"""`rak extract PATH...`: the document as the contract's JSON, CSV or a workbook; many files
in bulk.

One file without ``--out`` behaves as it always has (JSON or CSV on stdout or in ``-o``;
``-f xlsx``: the RAK as a workbook, ``rak.workbook``, in ``-o`` or a redirected stdout).
Several paths, a folder, a glob or ``--out`` run in bulk (``rak.bulk``): one JSON per file and
the combined rows.csv / rows.jsonl in ``--out``, or, without ``--out``, the combined rows on
stdout (``-f json``: JSON Lines, ``-f csv``: CSV) with the summary on stderr.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from extractor.language import in_language
from extractor.limits import DEFAULT_TIMEOUT_S

from .bulk.cli import check_bulk_options, is_bulk, no_files, print_summary
from .cmd_check import INPUTS
from .failures import check_lang, fail, guarded
from .i18n import help_text, said
from .options import (
    FILE,
    FORMAT,
    JobsOpt,
    LangOpt,
    MaxMemoryOpt,
    MaxPagesOpt,
    OutDirOpt,
    OutOpt,
    PasswordOpt,
    PdfEngineOpt,
    SepOpt,
    TimeoutOpt,
    VersionOpt,
    chosen_format,
    pdf_engine,
)
from .output import OUTPUT_WORDS, binary_on_terminal, csv_separator, emit, emit_bytes
from .progress import page_progress
from .progress import terminal as progress_terminal

if TYPE_CHECKING:
    from extractor import ExtractOptions, PkDocument, RakDocument


EXTRACT_HELP = said(
    id="Ekstrak tabel RAK (atau Perjanjian Kinerja) menjadi JSON, CSV atau Excel; banyak "
    f"berkas dengan folder/--out.\n\nMasukan: {INPUTS}.",
    en="Extract the RAK table (or a Perjanjian Kinerja) as JSON, CSV or an Excel workbook; "
    f"many files with a folder/--out.\n\nInput: {help_text(INPUTS, 'en')}.",
)
FORMATS = ("json", "csv", "xlsx")


def extract_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar=FILE, show_default=False, help=said(
            id=f"Berkas RAK atau Perjanjian Kinerja: {INPUTS}; folder atau pola glob untuk "
            "banyak berkas.",
            en=f"RAK or Perjanjian Kinerja files: {help_text(INPUTS, 'en')}; a folder or a glob "
            "pattern for many files.")),
    ],
    fmt: Annotated[str | None, typer.Option("--format", "-f", metavar=FORMAT, help=said(
        id="json (bawaan), csv atau xlsx; tanpa -f, dari akhiran -o.",
        en="json (the default), csv or xlsx; without -f, from the ending of -o.",
    ))] = None,
    output: OutOpt = None,
    sep: SepOpt = ",",
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 500,
    lang: LangOpt = "id",
    out: OutDirOpt = None,
    jobs: JobsOpt = 0,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOpt = None,
    pdf_engine_name: PdfEngineOpt = None,
    version: VersionOpt = False,
) -> None:
    """``rak extract``: its help is EXTRACT_HELP."""
    from extractor import ExtractOptions

    lang = check_lang(lang)
    fmt = chosen_format(fmt, output, FORMATS, "json", lang)
    separator = csv_separator(sep)
    if separator is None:
        raise fail(in_language(OUTPUT_WORDS["bad_sep"], lang, value=sep))
    options = ExtractOptions(password=password, max_pages=max_pages, max_memory_mb=max_memory)
    options = pdf_engine(options, pdf_engine_name, lang)
    if is_bulk(paths, out):
        for what, asked in (("-f xlsx", fmt == "xlsx"), ("--sep", separator != ",")):
            if asked:
                raise fail(in_language(OUTPUT_WORDS["one_file_only"], lang, what=what))
        _bulk(paths, fmt, output, options, lang, out, jobs, timeout)
        return
    if fmt == "xlsx" and (why := binary_on_terminal(fmt, output, lang)):
        raise fail(why)
    from extractor import read_document

    from .export import to_csv, to_json

    file = paths[0]
    terminal = progress_terminal()

    def work() -> RakDocument | PkDocument:
        # A RAK, or a Perjanjian Kinerja (``jenis: "pk"``): the file's tables decide.
        with page_progress(str(file), lang, terminal) as told:
            return read_document(file, replace(options, progress=told))

    doc = guarded(str(file), lang, work, timeout, options.memory_mb)
    if fmt == "xlsx":
        from extractor.pk_model import PkDocument

        from .workbook import rak_workbook

        if isinstance(doc, PkDocument):
            raise fail(in_language(OUTPUT_WORDS["pk_not_xlsx"], lang, file=file))
        emit_bytes(rak_workbook(doc), output, lang)
        return
    # CSV for Excel starts with a BOM in a file; on stdout it stays plain, for pipes.
    emit(to_json(doc) if fmt == "json" else to_csv(doc, separator), output, lang,
         bom=fmt == "csv" and output is not None)


def _bulk(paths: list[Path], fmt: str, output: Path | None, options: ExtractOptions, lang: str,
          out: Path | None, jobs: int, timeout: float) -> None:
    from .bulk.run import BulkSettings, run_bulk

    check_bulk_options(jobs, timeout, out, lang)
    settings = BulkSettings(mode="extract", out=out, jobs=jobs, timeout=timeout,
                            options=options, lang=lang)
    result = run_bulk([str(p) for p in paths], settings)
    if not result.lines:
        print_summary(result, "extract", lang, to_stderr=True)
        raise no_files(paths, lang)
    print_summary(result, "extract", lang, to_stderr=out is None, out=out)
    if out is None:
        text = result.rows_text.get("rows.jsonl" if fmt == "json" else "rows.csv", "")
        if output is None:
            typer.echo(text, nl=False)
        else:
            emit(text, output, lang, bom=fmt == "csv")
    raise typer.Exit(result.exit_code)
