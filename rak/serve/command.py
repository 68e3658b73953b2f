"""`rak serve`: the checker as a local web page (``rak.serve.app``) on uvicorn.

Bound to 127.0.0.1 unless ``--host`` says otherwise; any other address serves a network and
needs an access token, ``--token`` or one made up here and printed with the address. The web
libraries are imported only when the command runs, so ``rak --help`` stays fast.
"""

from __future__ import annotations

import secrets
import socket
from pathlib import Path
from typing import Annotated

import typer

from extractor.language import in_language
from extractor.limits import DEFAULT_TIMEOUT_S

from ..failures import check_lang, fail
from ..i18n import said
from ..options import FILE, NUMBER, TEXT, MaxMemoryOpt, TimeoutOpt, VersionOpt
from .settings import ServeSettings, is_loopback
from .words import WORDS

SERVE_HELP = said(
    id="Jalankan pemeriksa sebagai halaman web di komputer ini: satu berkas, banyak berkas "
    "atau .zip, dan API JSON (POST /api/check, /api/jobs).",
    en="Run the checker as a web page on this computer: one file, many files or a .zip, "
    "and a JSON API (POST /api/check, /api/jobs).",
)

HostOpt = Annotated[str, typer.Option("--host", metavar=TEXT, help=said(
    id="Alamat yang dilayani; selain 127.0.0.1 (mis. 0.0.0.0 untuk jaringan kantor) perlu "
    "token.",
    en="The address to serve; anything but 127.0.0.1 (e.g. 0.0.0.0 for an office network) "
    "needs a token."))]
PortOpt = Annotated[int, typer.Option("--port", metavar=NUMBER, min=1, max=65535, help=said(
    id="Nomor port.", en="The port number."))]
TokenOpt = Annotated[str | None, typer.Option("--token", metavar=TEXT, help=said(
    id="Token akses yang diminta setiap permintaan (dibuat sendiri bila --host bukan "
    "127.0.0.1 dan tidak diberikan).",
    en="The access token asked on every request (made up when --host is not 127.0.0.1 "
    "and none is given)."))]
WorkersOpt = Annotated[int, typer.Option("--jobs", "-j", metavar=NUMBER, min=0, help=said(
    id="Berkas yang dibaca bersamaan, siapa pun pengirimnya (0: satu per inti).",
    en="Files read at once, whoever sent them (0: one per core)."))]
UploadOpt = Annotated[int, typer.Option("--max-upload-mb", metavar=NUMBER, min=1, help=said(
    id="Ukuran terbesar sekali unggah, dalam MB.", en="The largest upload, in MB."))]
FilesOpt = Annotated[int, typer.Option("--max-files", metavar=NUMBER, min=1, help=said(
    id="Berkas terbanyak sekali unggah (isi zip dihitung).",
    en="The most files in one upload (a zip's members counted)."))]
KeepOpt = Annotated[float, typer.Option("--keep-minutes", metavar=NUMBER, min=0.1, help=said(
    id="Menit sebuah pekerjaan disimpan setelah selesai, lalu dihapus.",
    en="Minutes a job is kept after it is done, then deleted."))]
ServeConfigOpt = Annotated[Path | None, typer.Option("--config", metavar=FILE, help=said(
    id="Berkas rak.toml untuk setiap pemeriksaan; bawaan: pengaturan bawaan rak (rak.toml di "
    "folder lain tidak dipakai).",
    en="The rak.toml of every check; by default rak's defaults (no rak.toml of another "
    "folder is used)."))]
PageLangOpt = Annotated[str, typer.Option("--lang", metavar=TEXT, help=said(
    id="Bahasa halaman sampai pengguna menggantinya: id (bawaan) atau en.",
    en="The pages' language until a person switches: id (the default) or en."))]


def serve_cmd(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    token: TokenOpt = None,
    jobs: WorkersOpt = 0,
    max_upload_mb: UploadOpt = 200,
    max_files: FilesOpt = 500,
    keep_minutes: KeepOpt = 60.0,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT_S,
    max_memory: MaxMemoryOpt = None,
    config: ServeConfigOpt = None,
    lang: PageLangOpt = "id",
    version: VersionOpt = False,
) -> None:
    """``rak serve``: its help is SERVE_HELP."""
    lang = check_lang(lang)
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(18)
    try:
        settings = ServeSettings(host=host, port=port, token=token, lang=lang,
                                 max_upload_mb=max_upload_mb, max_files=max_files,
                                 keep_minutes=keep_minutes, workers=jobs, timeout=timeout,
                                 max_memory_mb=max_memory, config=_config(config))
    except ValueError as e:
        raise fail(in_language(WORDS["bad_setting"], lang, detail=str(e))) from None
    import uvicorn

    from .app import create_app

    shown = socket.gethostname() if host in ("0.0.0.0", "::") else host
    url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
    typer.echo(in_language(WORDS["serving"], lang,
                           url=url + (f"?token={token}" if token else "")), err=True)
    if token:
        typer.echo(in_language(WORDS["serving_token"], lang, token=token), err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=5)


def _config(path: Path | None) -> Path | None:
    """``--config`` checked now (a broken rak.toml ends the command, not every job)."""
    if path is None:
        return None
    from checks import RULE_NAMES, load_config

    load_config(path, RULE_NAMES)
    return path.resolve()
