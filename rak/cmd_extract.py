"""`rak extract FILE`: the document as the contract's JSON, or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli import LangOpt, MaxPagesOpt, OutOpt, PasswordOpt, app, check_lang, fail, guarded
from .cli import write_output
from .i18n import t


@app.command("extract")
def extract_cmd(
    file: Annotated[Path, typer.Argument(help="Berkas RAK: PDF atau Word (.docx).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (bawaan) atau csv.")] = "json",
    output: OutOpt = None,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 500,
    lang: LangOpt = "id",
) -> None:
    """Ekstrak tabel RAK menjadi JSON atau CSV."""
    from extractor import ExtractOptions, extract

    from .export import to_csv, to_json

    lang = check_lang(lang)
    if fmt not in ("json", "csv"):
        raise fail(t("bad_format", lang, value=fmt))
    options = ExtractOptions(password=password, max_pages=max_pages)
    doc = guarded(str(file), lang, lambda: extract(file, options))
    write_output(to_json(doc) if fmt == "json" else to_csv(doc), output, lang)
