"""The command-line options more than one command takes, declared once.

Each is an ``Annotated`` type a command's parameter uses (``output: OutOpt = None``), so
``rak extract`` and ``rak check`` spell, explain and validate ``-o``, ``--password`` or
``--jobs`` the same way. An option only one command has stays in that command's module.
Nothing here imports the extractor: ``rak --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

LangOpt = Annotated[str, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")]
OutOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Tulis ke berkas ini, bukan ke layar.")
]
PasswordOpt = Annotated[
    str | None, typer.Option("--password", help="Kata sandi PDF terkunci.")
]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", help="Batas halaman per dokumen.")]
MaxMemoryOpt = Annotated[
    int | None,
    typer.Option("--max-memory", min=0, show_default=False,
                 help="Batas memori per berkas, MB (bawaan 2048; 0: tanpa batas)."),
]

SepOpt = Annotated[
    str,
    typer.Option("--sep", help="Pemisah CSV: , (bawaan) atau ; untuk Excel berbahasa Indonesia "
                 "(dengan koma desimal)."),
]

# Options of the audit (rak check, and bulk runs of it). --lang here may be left out so that
# the language of a rak.toml applies; an explicit --lang wins.
CheckLangOpt = Annotated[
    str | None, typer.Option("--lang", help="Bahasa pesan: id (bawaan) atau en.")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option("--config", help="Berkas rak.toml; bawaan: yang terdekat dari berkas RAK."),
]
FailOnOpt = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih: "
        "error (bawaan), warning, info, never.",
    ),
]
SelectOpt = Annotated[
    str | None,
    typer.Option("--select", help="Hanya aturan ini, dipisah koma (lihat: rak rules)."),
]
IgnoreOpt = Annotated[
    str | None, typer.Option("--ignore", help="Lewati aturan ini, dipisah koma.")
]

# Options of bulk runs (rak extract and rak check over many files).
OutDirOpt = Annotated[
    Path | None,
    typer.Option("--out", help="Folder keluaran: ringkasan.csv/.xlsx, index.html, laporan per "
                 "berkas. Juga untuk satu berkas."),
]
JobsOpt = Annotated[
    int,
    typer.Option("--jobs", "-j", help="Jumlah proses pekerja; 0 (bawaan): sebanyak inti CPU."),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", help="Batas waktu per berkas, detik (bawaan 120; 0: tanpa batas)."),
]
