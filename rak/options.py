"""The command-line options more than one command takes, declared once.

Each is an ``Annotated`` type a command's parameter uses (``output: OutOpt = None``), so
``rak extract`` and ``rak check`` spell, explain and validate ``-o``, ``--password`` or
``--jobs`` the same way. An option only one command has stays in that command's module. Help
texts and metavars are declared in both languages (``rak.i18n.said``); the help page says
them in the run's language. Nothing here imports the extractor: ``rak --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from .i18n import LANG_ENV, WORDS, said

FILE = said(id="BERKAS", en="FILE")
FOLDER = said(id="FOLDER", en="DIR")
NUMBER = said(id="N", en="N")
TEXT = said(id="TEKS", en="TEXT")
RULES = said(id="ATURAN", en="RULES")
LANG = said(id="BAHASA", en="LANG")
FORMAT = said(id="FORMAT", en="FORMAT")


def _show_version(value: bool) -> None:
    """``--version``: rak's version, then the run ends (before any argument is required)."""
    if not value:
        return
    from importlib.metadata import PackageNotFoundError, version

    from extractor.language import in_language

    from .failures import MESSAGE_LANG

    lang = MESSAGE_LANG.get()
    try:
        number = version("rak")
    except PackageNotFoundError:  # run from a source tree that was never installed
        number = in_language(WORDS["version_unknown"], lang)
    typer.echo(in_language(WORDS["version"], lang, version=number))
    raise typer.Exit()


def chosen_format(fmt: str | None, output: Path | None, choices: Sequence[str],
                  default: str, lang: str) -> str:
    """The format a command writes: ``-f`` when given (one of ``choices``, else exit 2 with
    the choices listed), else the one ``-o``'s ending names (``rak.output.FORMAT_SUFFIXES``;
    exit 2 when the command does not write it), else ``default``."""
    from extractor.language import in_language

    from .failures import fail
    from .output import suffix_format

    listed = ", ".join(choices)
    if fmt is not None:
        if fmt not in choices:
            raise fail(in_language(WORDS["bad_format"], lang, value=fmt, choices=listed))
        return fmt
    named = suffix_format(output)
    if named is None:
        return default
    if named not in choices:
        raise fail(in_language(WORDS["format_not_written"], lang, path=output, format=named,
                               choices=listed))
    return named


VersionOpt = Annotated[
    bool,
    typer.Option("--version", "-V", callback=_show_version, is_eager=True,
                 help=said(id="Tampilkan versi rak lalu keluar.",
                           en="Show rak's version and exit.")),
]
_LANG_HELP = said(id="Bahasa pesan: id (bawaan) atau en.",
                  en="Language of the messages: id (the default) or en.")
LangOpt = Annotated[
    str,
    typer.Option("--lang", envvar=LANG_ENV, show_default=False,
                 metavar=LANG, help=_LANG_HELP),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar=FILE, help=said(
        id="Tulis ke berkas ini, bukan ke layar; tanpa -f, akhiran namanya memilih format "
        "(.json, .csv, .html ...).",
        en="Write to this file instead of the screen; without -f its ending chooses the "
        "format (.json, .csv, .html ...).")),
]
PasswordOpt = Annotated[
    str | None,
    typer.Option("--password", metavar=said(id="SANDI", en="PASSWORD"), help=said(
        id="Kata sandi PDF, Word atau Excel terkunci.",
        en="Password of a locked PDF, Word or Excel file.")),
]
MaxPagesOpt = Annotated[
    int,
    typer.Option("--max-pages", metavar=NUMBER, help=said(
        id="Batas halaman per dokumen.", en="Most pages a document may have.")),
]
MaxMemoryOpt = Annotated[
    int | None,
    typer.Option("--max-memory", min=0, show_default=False, metavar=said(id="MB", en="MB"),
                 help=said(
        id="Batas memori per berkas, MB (bawaan 2048; 0: tanpa batas).",
        en="Memory one file may use, MB (2048 by default; 0: no limit).")),
]

PdfEngineOpt = Annotated[
    str | None,
    typer.Option("--pdf-engine", show_default=False,
                 metavar=said(id="pdfium|pdfplumber", en="pdfium|pdfplumber"), help=said(
        id="Pustaka pembaca halaman PDF: pdfium (bawaan, lebih cepat) atau pdfplumber "
           "(rujukan).",
        en="Library that reads PDF pages: pdfium (default, faster) or pdfplumber "
           "(the reference).")),
]


def pdf_engine(options: Any, engine: str | None, lang: str) -> Any:
    """``options`` (ExtractOptions) with ``--pdf-engine`` when given; exit 2 for a name that
    is not an engine."""
    if engine is None:
        return options
    from dataclasses import replace

    from extractor.readers.pdf.settings import PDF_ENGINES

    from .failures import fail

    if engine not in PDF_ENGINES:
        raise fail(f"--pdf-engine: {engine} ({', '.join(PDF_ENGINES)})")
    return replace(options, pdf_text=replace(options.pdf_text, engine=engine))


SepOpt = Annotated[
    str,
    typer.Option("--sep", metavar=said(id="PEMISAH", en="SEP"), help=said(
        id="Pemisah CSV: , (bawaan) atau ; untuk Excel berbahasa Indonesia (dengan koma "
        "desimal).",
        en="CSV separator: , (the default) or ; for Excel in Indonesian settings (with decimal "
        "commas).")),
]

# Options of the audit (rak check, and bulk runs of it). --lang here may be left out so that
# the language of a rak.toml applies; an explicit --lang (or RAK_LANG) wins.
CheckLangOpt = Annotated[
    str | None,
    typer.Option("--lang", envvar=LANG_ENV, metavar=LANG, help=said(
        id="Bahasa pesan: id (bawaan) atau en; tanpanya, lang di rak.toml.",
        en="Language of the messages: id (the default) or en; without it, lang in "
        "rak.toml.")),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", metavar=FILE, help=said(
        id="Berkas rak.toml; bawaan: yang terdekat dari berkas RAK.",
        en="The rak.toml to use; by default the one nearest the RAK file.")),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option("--fail-on", metavar=said(id="TINGKAT", en="LEVEL"), help=said(
        id="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih: error "
        "(kesalahan, bawaan), warning (peringatan), info, never (tidak pernah).",
        en="Exit with code 1 when there are findings of this level or above: error (the "
        "default), warning, info, never.")),
]
SelectOpt = Annotated[
    str | None,
    typer.Option("--select", metavar=RULES, help=said(
        id="Hanya aturan ini, dipisah koma (lihat: rak rules).",
        en="Only these rules, separated by commas (see: rak rules).")),
]
IgnoreOpt = Annotated[
    str | None,
    typer.Option("--ignore", metavar=RULES, help=said(
        id="Lewati aturan ini, dipisah koma.", en="Skip these rules, separated by commas.")),
]

# Options of bulk runs (rak extract and rak check over many files).
OutDirOpt = Annotated[
    Path | None,
    typer.Option("--out", metavar=FOLDER, help=said(
        id="Folder keluaran: ringkasan.csv/.xlsx, index.html, laporan per berkas. Juga untuk "
        "satu berkas.",
        en="Output folder: ringkasan.csv/.xlsx, index.html, one report per file. Also for "
        "one file.")),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", metavar=NUMBER, show_default=False, help=said(
        id="Jumlah proses pekerja; 0 (bawaan): sebanyak inti CPU.",
        en="Number of worker processes; 0 (the default): one per CPU core.")),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", metavar=said(id="DETIK", en="SECONDS"), show_default=False,
                 help=said(id="Batas waktu per berkas, detik (bawaan 600; 0: tanpa batas).",
                           en="Time limit per file, seconds (600 by default; 0: no limit).")),
]
