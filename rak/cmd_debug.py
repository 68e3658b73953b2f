"""`rak debug FILE --out DIR`: what the reader saw, drawn over each page, and as JSON.

For a PDF (born-digital or scanned) one PNG per page shows the cells, marks, column
boundaries, row breaks, the header it matched and the page's measures; ``DIR/NAME.json``
holds the same with every cell's text and the rows that start on each page. Word and Excel
have no pages to draw: the JSON alone is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .cli import LangOpt, MaxPagesOpt, PasswordOpt, app, check_lang, fail, guarded
from .i18n import t


@app.command("debug")
def debug_cmd(
    file: Annotated[Path, typer.Argument(help="Berkas RAK (PDF, Word, Excel, hasil pindai).",
                                         show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="Folder untuk PNG dan JSON.",
                                      show_default=False)],
    page: Annotated[int | None, typer.Option("--page", help="Hanya halaman ini (mulai 1).")] = None,
    dpi: Annotated[int, typer.Option("--dpi", help="Resolusi gambar halaman.")] = 100,
    password: PasswordOpt = None,
    max_pages: MaxPagesOpt = 500,
    lang: LangOpt = "id",
) -> None:
    """Tampilkan apa yang dilihat pembaca di tiap halaman (PNG + JSON), untuk mencari sebab
    baris yang salah baca."""
    from extractor import ExtractOptions
    from extractor.debug import inspect, page_json

    lang = check_lang(lang)
    if not 20 <= dpi <= 400:
        raise fail(t("bad_dpi", lang, value=dpi))
    options = ExtractOptions(password=password, max_pages=max_pages)
    seen = guarded(str(file), lang, lambda: inspect(file, options))
    pages = [p for p in seen.pages if page is None or p.page == page]
    if not pages:
        raise fail(t("no_such_page", lang, file=file, page=page))
    try:
        out.mkdir(parents=True, exist_ok=True)
        stem = file.name
        written = 0
        if seen.format == "pdf":
            from extractor.debug_draw import draw, render_page, write_png

            scale = dpi / 72.0
            for p in pages:
                assert p.page is not None
                image = guarded(str(file), lang, lambda p=p: render_page(file, p.page, scale))
                write_png(draw(image, p, scale), out / f"{stem}.p{p.page:03d}.png")
                written += 1
        data = {"file": seen.file, "format": seen.format, "pages": [page_json(p) for p in pages]}
        (out / f"{stem}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    except OSError as e:
        raise fail(t("cannot_write", lang, path=out, detail=e.strerror or str(e))) from None
    typer.echo(t("debug_written", lang, path=out, pages=written), err=True)
