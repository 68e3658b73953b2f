"""`rak debug FILE --out DIR`: what the reader saw, drawn over each page, and as JSON.

For a PDF (born-digital or scanned) one PNG per page shows the cells, marks, column
boundaries, row breaks, the header it matched and the page's measures; ``DIR/NAME.json``
holds the same with every cell's text and the rows that start on each page. Word and Excel
have no pages to draw: the JSON alone is written.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from extractor.language import in_language

from .failures import check_lang, fail, guarded
from .i18n import WORDS, said
from .options import FILE, FOLDER, NUMBER, LangOpt, MaxPagesOpt, PasswordOpt, VersionOpt
from .output import cannot_write, tell, write_file

DEBUG_HELP = said(
    id="Tampilkan apa yang dilihat pembaca di tiap halaman (PNG + JSON), untuk mencari sebab "
    "baris yang salah baca.",
    en="Show what the reader saw on each page (PNG + JSON), to find why a row was misread.",
)


def debug_cmd(
    file: Annotated[Path, typer.Argument(metavar=FILE, show_default=False, help=said(
        id="Berkas RAK (PDF, Word, Excel, hasil pindai).",
        en="A RAK file (PDF, Word, Excel, a scan)."))],
    out: Annotated[Path, typer.Option("--out", metavar=FOLDER, show_default=False, help=said(
        id="Folder untuk PNG dan JSON.", en="Folder for the PNGs and the JSON."))],
    page: Annotated[int | None, typer.Option("--page", metavar=NUMBER, help=said(
        id="Hanya halaman ini (mulai 1).", en="Only this page (from 1)."))] = None,
    dpi: Annotated[int, typer.Option("--dpi", metavar=said(id="DPI", en="DPI"), help=said(
        id="Resolusi gambar halaman.", en="Resolution of the page pictures."))] = 100,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 500,
    lang: LangOpt = "id",
    version: VersionOpt = False,
) -> None:
    """``rak debug``: its help is DEBUG_HELP."""
    from extractor import ExtractOptions
    from extractor.debug import inspect, page_json

    lang = check_lang(lang)
    if not 20 <= dpi <= 400:
        raise fail(in_language(WORDS["bad_dpi"], lang, value=dpi))
    options = ExtractOptions(password=password, max_pages=max_pages)
    seen = guarded(str(file), lang, lambda: inspect(file, options))
    pages = [p for p in seen.pages if page is None or p.page == page]
    if not pages:
        raise fail(in_language(WORDS["no_such_page"], lang, file=file, page=page))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:  # a file in the way, a folder that cannot be made
        raise cannot_write(out, e) from None
    stem = file.name
    written = 0
    if seen.format == "pdf":
        from extractor.debug_draw import draw, png_bytes, render_page

        scale = dpi / 72.0
        for p in pages:
            number = p.page
            assert number is not None
            image = guarded(str(file), lang, partial(render_page, file, number, scale))
            write_file(out / f"{stem}.p{p.page:03d}.png", png_bytes(draw(image, p, scale)))
            written += 1
    data = {"file": seen.file, "format": seen.format, "pages": [page_json(p) for p in pages]}
    write_file(out / f"{stem}.json", json.dumps(data, ensure_ascii=False, indent=1))
    tell(in_language(WORDS["debug_written"], lang, path=out, pages=written))
