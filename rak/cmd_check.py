"""`rak check FILE` and `rak rules [NAME]`: audit a RAK, and explain the rules.

Thin on purpose: choose the configuration (``rak.toml`` next to the file or above it, or
``--config``; command-line options on top), get the document (extracted from PDF/Word, or the
JSON ``rak extract`` wrote and a user may have corrected: recognised by content, a leading
``{``), call ``checks``, render, and pick the exit code (``ExitCode``: 0 nothing at or above
``--fail-on``, 1 findings at or above it, 2 usage error or unreadable input).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from extractor.language import in_language
from extractor.limits import DEFAULT_TIMEOUT_S

from .bulk.cli import is_bulk
from .crops import flagged_crops
from .exitcodes import ExitCode
from .failures import MESSAGE_LANG, check_lang, fail, guarded
from .i18n import WORDS, help_text, said
from .json_input import is_json, read_json
from .options import (
    FILE,
    FOLDER,
    FORMAT,
    CheckLangOpt,
    ConfigOpt,
    FailOnOpt,
    IgnoreOpt,
    JobsOpt,
    LangOpt,
    MaxMemoryOpt,
    MaxPagesOpt,
    OutDirOpt,
    OutOpt,
    PasswordOpt,
    PdfEngineOpt,
    SelectOpt,
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
    from checks import CheckConfig

INPUTS = said(
    id="PDF (juga hasil pindai), Word (.docx, .docm, .doc), Excel (.xlsx, .xlsm, .xls)",
    en="PDF (scans too), Word (.docx, .docm, .doc), Excel (.xlsx, .xlsm, .xls)",
)
CHECK_HELP = said(
    id="Periksa RAK: skema dan aturan audit, temuan per baris; terhadap Perjanjian Kinerja "
    "dengan --pk; banyak berkas dengan folder/--out (dan --pk-dir).\n\n"
    f"Masukan: {INPUTS}, atau JSON dari rak extract (juga setelah diperbaiki tangan).",
    en="Audit a RAK: the schema and the audit rules, findings row by row; against a "
    "Perjanjian Kinerja with --pk; many files with a folder/--out (and --pk-dir).\n\n"
    f"Input: {help_text(INPUTS, 'en')}, or the JSON of rak extract (also after a person "
    "corrected it).",
)
RULES_HELP = said(
    id="Daftar aturan pemeriksaan, atau penjelasan satu aturan dengan contohnya.",
    en="The audit rules, or one rule explained with its examples.",
)

FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", metavar=FORMAT, help=said(
        id="text (bawaan), json, csv, html atau xlsx; tanpa -f, dari akhiran -o.",
        en="text (the default), json, csv, html or xlsx; without -f, from the ending of -o.")),
]
PkOpt = Annotated[
    Path | None,
    typer.Option("--pk", metavar=FILE, help=said(
        id="Perjanjian Kinerja tahun yang sama (PDF, Word, Excel, pindaian, atau JSON dari "
        "rak extract): RAK juga diperiksa terhadapnya (aturan pk-*).",
        en="The Perjanjian Kinerja of the same year (PDF, Word, Excel, a scan, or the JSON of "
        "rak extract): the RAK is checked against it too (the pk-* rules).")),
]
PkDirOpt = Annotated[
    Path | None,
    typer.Option("--pk-dir", metavar=FOLDER, help=said(
        id="Folder Perjanjian Kinerja: tiap RAK dipasangkan dengan PK unit dan tahun yang sama "
        "(PK di folder RAK juga dikenali dari isinya).",
        en="A folder of Perjanjian Kinerja: each RAK is paired with the PK of its unit and "
        "year (a PK among the RAKs is recognised by its content too).")),
]


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [n.strip() for n in value.split(",") if n.strip()]


def _config(
    file: Path,
    config: Path | None,
    lang: str | None,
    fail_on: str | None,
    select: str | None,
    ignore: str | None,
) -> CheckConfig:
    """The file's rak.toml (or --config) with the command line's options on top; a
    ``ConfigError`` is the command's to end with (exit 2)."""
    from checks import RULE_NAMES, CheckConfig, find_config, load_config
    from checks.config import check_rule_names

    path = config if config is not None else find_config(file)
    base = load_config(path, RULE_NAMES) if path is not None else CheckConfig()
    selected, ignored = _names(select), _names(ignore)
    check_rule_names([*(selected or []), *(ignored or [])], RULE_NAMES, where="--select/--ignore")
    return base.with_options(
        lang=lang,
        fail_on=fail_on,
        select=frozenset(selected) if selected is not None else None,
        ignore=base.ignore | frozenset(ignored) if ignored is not None else None,
    )


def _read_pk(path: Path, options: Any) -> Any:
    """The Perjanjian Kinerja of ``--pk``: read from its file, or its ``rak extract`` JSON."""
    if is_json(path):
        from checks.pk_match import pk_from_data

        return pk_from_data(read_json(path), str(path))
    from extractor import extract_pk

    return extract_pk(path, options)


def _color(output: Path | None, fmt: str) -> bool:
    return fmt == "text" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def check_cmd(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar=FILE,
            help=said(
                id=f"Berkas RAK: {INPUTS}, atau JSON dari rak extract; folder atau pola glob "
                "untuk banyak berkas.",
                en=f"RAK files: {help_text(INPUTS, 'en')}, or the JSON of rak extract; a folder or "
                "a glob pattern for many files."),
            show_default=False,
        ),
    ],
    fmt: FormatOpt = None,
    output: OutOpt = None,
    sep: SepOpt = ",",
    fail_on: FailOnOpt = None,
    config: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 500,
    lang: CheckLangOpt = None,
    out: OutDirOpt = None,
    jobs: JobsOpt = 0,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOpt = None,
    pk: PkOpt = None,
    pk_dir: PkDirOpt = None,
    pdf_engine_name: PdfEngineOpt = None,
    version: VersionOpt = False,
) -> None:
    """``rak check``: its help is CHECK_HELP."""
    from checks.report import FORMATS

    if lang is not None:
        lang = check_lang(lang)
    fmt = chosen_format(fmt, output, (*FORMATS, "xlsx"), "text", lang or MESSAGE_LANG.get())
    separator = csv_separator(sep)
    if separator is None:
        raise fail(in_language(OUTPUT_WORDS["bad_sep"], lang or "id", value=sep))
    if is_bulk(paths, out) or pk_dir is not None:
        if pk is not None:
            raise fail(in_language(WORDS["pk_one_file"], lang or "id"))
        for what, asked in (("-f xlsx", fmt == "xlsx"), ("--sep", separator != ",")):
            if asked:
                raise fail(in_language(OUTPUT_WORDS["one_file_only"], lang or "id", what=what))
        from extractor import ExtractOptions

        from .bulk.cli import run_check

        code = run_check(
            paths, fmt, output, out, jobs, timeout,
            pdf_engine(
                ExtractOptions(password=password, max_pages=max_pages, max_memory_mb=max_memory),
                pdf_engine_name, lang or "id",
            ),
            config, lang, fail_on, _names(select), _names(ignore), pk_dir,
        )
        raise typer.Exit(code)
    file = paths[0]
    cfg = _config(file, config, lang, fail_on, select, ignore)
    lang = check_lang(cfg.lang)  # a rak.toml's language, unless --lang said otherwise
    memory = max_memory if max_memory is not None else cfg.max_memory
    from checks import check_data, run_checks
    from checks.finding import at_or_above
    from checks.report import RenderOptions, Report, renderers

    terminal = progress_terminal()
    if fmt == "xlsx" and (why := binary_on_terminal(fmt, output, lang)):
        raise fail(why)

    def work() -> Report:
        from extractor import ExtractOptions, extract
        from extractor.errors import IsPerjanjianKinerja
        from extractor.pk_model import is_pk_data

        options = pdf_engine(
            ExtractOptions(password=password, max_pages=max_pages, max_memory_mb=memory),
            pdf_engine_name, lang,
        )
        promised = _read_pk(pk, options) if pk is not None else None
        if is_json(file):
            data = read_json(file)
            if is_pk_data(data):
                raise IsPerjanjianKinerja(str(file))
            result = check_data(data, cfg, file=file.name, pk=promised)
            return Report(file.name, result.data, result.doc, result.findings)
        with page_progress(str(file), lang, terminal) as told:
            doc = extract(file, replace(options, progress=told))
        if promised is not None:
            from checks.pk_match import against_pk

            doc = against_pk(doc, promised)
        findings = run_checks(doc, cfg)
        crops = flagged_crops(file, doc, findings, password) if fmt == "html" else {}
        return Report(file.name, doc.to_dict(), doc, findings, crops)

    report = guarded(str(file), lang, work, timeout, memory)
    if fmt == "xlsx":
        from .workbook_findings import check_workbook

        emit_bytes(check_workbook(report, lang), output, lang)
    else:
        color = _color(output, fmt)
        width = shutil.get_terminal_size((100, 24)).columns if color else 100
        options = RenderOptions(lang=lang, color=color, width=width, sep=separator)
        text = renderers()[fmt](report, options)
        emit(text, output, lang, bom=fmt == "csv")  # a BOM: Excel reads the Indonesian right
    failing = at_or_above(report.findings, cfg.fail_level)
    raise typer.Exit(int(ExitCode.FINDINGS if failing else ExitCode.OK))


def rules_cmd(
    name: Annotated[
        str | None,
        typer.Argument(metavar=said(id="NAMA", en="NAME"), help=said(
            id="Nama aturan yang dijelaskan.", en="The name of the rule to explain.")),
    ] = None,
    lang: LangOpt = "id",
    version: VersionOpt = False,
) -> None:
    """``rak rules``: its help is RULES_HELP."""
    lang = check_lang(lang)
    from checks import RULE_NAMES, RULES, Severity, get_rule
    from checks.example_view import rule_example_lines

    from .near import near_names

    if name is None:
        width = max(len(r.name) for r in RULES)
        label = max(len(s.label(lang)) for s in Severity)
        for r in RULES:
            severity = r.severity.label(lang).ljust(label)
            typer.echo(f"{r.name.ljust(width)}  {severity}  {in_language(r.title, lang)}")
        typer.echo("")
        typer.echo(in_language(WORDS["rules_hint"], lang))
        return
    rule = get_rule(name)
    if rule is None:
        near = near_names(name, RULE_NAMES)
        if near:
            raise fail(in_language(WORDS["unknown_rule_near"], lang, name=name,
                                   names=", ".join(near)))
        raise fail(in_language(WORDS["unknown_rule"], lang, name=name), ExitCode.INPUT)
    lines = [
        f"{rule.name}: {in_language(rule.title, lang)}",
        f"{in_language(WORDS['rule_severity'], lang)}: {rule.severity.label(lang)}",
        "",
        textwrap.fill(in_language(rule.explanation, lang), width=88),
    ]
    bad, good = rule_example_lines(rule, lang)
    for key, example in (("rule_bad", bad), ("rule_good", good)):
        lines += ["", f"{in_language(WORDS[key], lang)}:"]
        lines += [f"    {line}" for line in example]
    typer.echo("\n".join(lines))
