"""Turn a sample .docx into the PDF an office would publish, with LibreOffice headless.

Each conversion uses its own throw-away LibreOffice profile: a second ``soffice`` sharing the
default profile (another engineer, a parallel build) makes the conversion silently do nothing.
The PDF's dates and file ID are then pinned (same-length byte edits, so the xref table stays
valid) so that regenerating a sample does not churn the repository.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_PDF_DATE = re.compile(rb"D:\d{14}")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_PDF_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-Fa-f]+)")
FIXED_PDF_DATE = b"D:20240102080000"


class ConversionError(RuntimeError):
    """LibreOffice did not produce the PDF (not installed, crashed, or timed out)."""


def docx_to_pdf(docx: Path, out_dir: Path | None = None, timeout: float = 300) -> Path:
    out_dir = out_dir or docx.parent
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError("soffice not found; install LibreOffice to build the PDF samples")
    pdf = out_dir / (docx.stem + ".pdf")
    with tempfile.TemporaryDirectory(prefix="rak-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ]
        try:
            env = {**os.environ, "TZ": "UTC"}  # the date suffix is the build machine's zone
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            raise ConversionError(f"LibreOffice failed on {docx}: {e}") from e
    if not pdf.exists():
        raise ConversionError(f"LibreOffice wrote no PDF for {docx}")
    pin_pdf(pdf, seed=docx.read_bytes())
    return pdf


def pin_pdf(pdf: Path, seed: bytes) -> None:
    """Replace dates, /ID and LibreOffice's /DocChecksum with values derived from ``seed``."""
    data = pdf.read_bytes()

    def ident(m: re.Match[bytes]) -> bytes:
        digest = hashlib.sha256(seed).hexdigest().upper().encode()
        out = m.group(0)
        for g in range(1, (m.lastindex or 0) + 1):
            old = m.group(g)
            out = out.replace(old, (digest * 4)[: len(old)], 1)
        return out

    data = _PDF_DATE.sub(FIXED_PDF_DATE, data)
    data = _PDF_ID.sub(ident, data)
    data = _PDF_CHECKSUM.sub(ident, data)
    pdf.write_bytes(data)
