"""Old Word (.doc) and Excel (.xls) through LibreOffice: convert, then read the new file.

No maintained pure-Python library reads .doc tables with their merges, and LibreOffice's
import filters are the best there are, so a .doc becomes a .docx (a .xls an .xlsx) with
``soffice --headless --convert-to`` and is read by the docx/xlsx reader. The grid keeps the
user's format (``doc``/``xls``): the conversion is an implementation detail.

Each run uses its own throw-away LibreOffice profile (``-env:UserInstallation``): two
``soffice`` processes sharing a profile make the second silently convert nothing, which is
exactly what parallel bulk runs would do. The conversion is bounded by a timeout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import EncryptedDocument, MissingTool, UnreadableDocument
from ..grid import Grid
from ..options import ExtractOptions
from .ole import NotCompoundFile, stream_names

LIBREOFFICE_HINT = (
    "LibreOffice (Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)"
)
TIMEOUT_SECONDS = 120.0
TARGET = {"doc": "docx", "xls": "xlsx"}


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, by either of its names."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_legacy(
    path: Path, fmt: str, options: ExtractOptions, timeout: float = TIMEOUT_SECONDS
) -> Grid:
    """Read a .doc/.xls by converting it; the grid's format stays ``fmt``."""
    if fmt not in TARGET:
        raise ValueError(f"not a legacy format: {fmt}")
    kind = _compound_kind(path, fmt)
    soffice = find_soffice()
    if soffice is None:
        raise MissingTool(str(path), LIBREOFFICE_HINT)
    with tempfile.TemporaryDirectory(prefix="rak-legacy-") as tmp:
        converted = convert(path, TARGET[kind], Path(tmp), soffice, timeout)
        if kind == "doc":
            from .docx import read_docx

            grid = read_docx(converted, options)
        else:
            from .xlsx import read_xlsx

            grid = read_xlsx(converted, options)
    grid.format = fmt
    return grid


def _compound_kind(path: Path, fmt: str) -> str:
    """``doc`` or ``xls`` by the streams the file holds; refuse what LibreOffice cannot help.

    Checked before LibreOffice runs (seconds per file): a password-protected .docx/.xlsx is
    a compound file too, and LibreOffice turns a damaged .doc into an empty document rather
    than failing. The streams also say what the file is when its name says otherwise.
    """
    try:
        names = stream_names(path)
    except (NotCompoundFile, OSError) as e:
        raise UnreadableDocument(str(path), f"OLE: {e}") from e
    if "EncryptedPackage" in names and "EncryptionInfo" in names:
        raise EncryptedDocument(str(path), "EncryptedPackage")
    if "WordDocument" in names:
        return "doc"
    if names & {"Workbook", "Book"}:
        return "xls"
    kind = "Word 97-2003" if fmt == "doc" else "Excel 97-2003"
    raise UnreadableDocument(str(path), f"not a {kind} file (no document stream)")


def convert(path: Path, target: str, work: Path, soffice: str, timeout: float) -> Path:
    """Convert ``path`` to ``target`` (``docx``/``xlsx``) inside ``work``; return the result.

    The input is copied under a plain name first: LibreOffice guesses the filter from the
    extension and mangles unusual names (spaces, several dots) in the output's name.
    """
    source = work / f"input.{path.suffix.lower().lstrip('.') or 'bin'}"
    out_dir = work / "out"
    out_dir.mkdir()
    try:
        shutil.copyfile(path, source)
    except OSError as e:
        raise UnreadableDocument(str(path), e.strerror or str(e)) from e
    profile = (work / "profile").as_uri()
    cmd = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        str(source),
    ]
    env = {**os.environ, "HOME": str(work)}  # keep LibreOffice's first-run files out of ~
    stdout, stderr, returncode = _run(cmd, env, timeout, path)
    result = out_dir / f"{source.stem}.{target}"
    if not result.exists():
        detail = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit code {returncode}"
        raise UnreadableDocument(str(path), f"LibreOffice could not convert it: {reason}")
    return result


def _run(
    cmd: list[str], env: dict[str, str], timeout: float, path: Path
) -> tuple[bytes, bytes, int]:
    """Run LibreOffice in its own process group, so a timeout kills soffice.bin too (the
    ``soffice`` script only launches it)."""
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
    except OSError as e:
        raise UnreadableDocument(str(path), f"LibreOffice did not start: {e}") from e
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as e:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise UnreadableDocument(str(path), f"LibreOffice took over {timeout:.0f} s") from e
    return stdout, stderr, proc.returncode
