"""Recipes of the hostile files of issue #11, made at test time (some would be large on disk).

Each function returns the file's bytes (or writes it, for the big ones). They are the red-team
recipes as described in the issue, so a test that reads one fails when the protection it
exercises is removed. None is committed: tests/bad/README.md lists them with the answer.
"""

from __future__ import annotations

import io
import os
import re
import signal
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from .make_bad import SEED_PDF, encrypt_pdf

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "samples"
SEED_XLSX = SAMPLES / "rak-kubu-raya-2024.xlsx"
SEED_DOCX = SAMPLES / "rak-kubu-raya-2024.docx"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE = 0xFFFFFFFF


def ole_difat_loop(shift: int = 12) -> bytes:
    """An OLE header whose FAT and DIFAT counts claim 2^32 - 16 sectors, DIFAT chain at sector
    0, the 109 header DIFAT slots free, and one all-zero sector: the DIFAT chain points at
    itself forever. 8 KB with 4096-byte sectors, 1 KB with 512-byte ones."""
    size = 1 << shift
    header = bytearray(512)
    header[:8] = OLE_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 4 if shift == 12 else 3, 0xFFFE, shift, 6)
    struct.pack_into("<II", header, 44, 0xFFFFFFF0, 0)  # n_fat, first directory sector
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<II", header, 60, 0xFFFFFFFE, 0)  # no mini FAT
    struct.pack_into("<II", header, 68, 0, 0xFFFFFFF0)  # DIFAT start, n_difat
    struct.pack_into("<109I", header, 76, *([FREE] * 109))
    return bytes(header).ljust(size, b"\0") + bytes(size)


PICTURE = b"<< /XObject << /Im0 5 0 R >> >>"  # object 5 as a picture named Im0
FONT = b"<< /Font << /F1 5 0 R >> >>"  # object 5 as a font named F1
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _pdf(objects: list[bytes], media: tuple[float, float], resources: bytes = b"<< >>") -> bytes:
    """A minimal PDF: catalog, one page of ``media`` size, then ``objects`` numbered from 4
    (object 4 is the page's content stream, 5 what ``resources`` names)."""
    w, h = media
    base = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents 4 0 R >>"
        % (w, h, resources),
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(base + objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
    out.writelines(b"%010d 00000 n \n" % off for off in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(offsets) + 1, xref))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + \
        packed + b"\nendstream"


def pdf_huge_page() -> bytes:
    """A 14400 x 14400 pt page (200 inches square) holding one 200 x 200 grey picture and no
    text: the reader takes it for a scan and would render it for OCR."""
    return pdf_picture_page((14400, 14400), 200)


def pdf_picture_page(media: tuple[float, float], pixels: int) -> bytes:
    """A page of ``media`` size covered by one black picture ``pixels`` square, and no text
    (a scan to the reader). pdfium decodes the picture whole to render the page: 12000
    pixels square are 144 megapixels in 140 KB."""
    w, h = media
    content = _stream(b"q %g 0 0 %g 0 0 cm /Im0 Do Q" % (w, h))
    comp = zlib.compressobj(9)
    row = bytes(pixels)
    packed = b"".join([comp.compress(row) for _ in range(pixels)] + [comp.flush()])
    image = b"<< /Length %d /Filter /FlateDecode /Type /XObject /Subtype /Image /Width %d " \
        b"/Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 >>\nstream\n" % (
            len(packed), pixels, pixels) + packed + b"\nendstream"
    return _pdf([content, image], media, PICTURE)


def pdf_zlib_bomb(spaces: int = 3 << 29) -> bytes:
    """A page whose content stream is zlib of 1.5 GiB of spaces (1.5 MB on disk)."""
    comp = zlib.compressobj(9)
    chunk = b" " * min(spaces, 1 << 24)
    parts = [comp.compress(chunk) for _ in range(spaces // len(chunk))]
    parts.append(comp.flush())
    packed = b"".join(parts)
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + \
        b"\nendstream"
    return _pdf([content], (595, 842))


def pdf_dense_glyphs(glyphs: int = 2_000_000, spread: bool = False) -> bytes:
    """A page of ``glyphs`` characters in 200-glyph TJ strings, a glyph a byte: a 2 MB
    stream (15 KB of zlib) that pdfminer lays out as 2 million LTChar objects, 4 GB.

    The strings are drawn over each other (pdfium's text page keeps one of them), or with
    ``spread`` each on a baseline of its own (pdfium's text page holds every glyph)."""
    strings = glyphs // 200
    lines = (
        b"BT /F1 1 Tf 10 %d Td [(" % (10 + (i % 800 if spread else 0))
        + b"abcdefghij" * 20 + b")] TJ ET\n"
        for i in range(strings)
    )
    return _pdf([_stream(b"".join(lines)), HELVETICA], (595, 842), FONT)


def pdf_owner_only(algorithm: str = "AES-256") -> bytes:
    """The seed PDF locked by an owner password only, as ``qpdf --encrypt "" owner 256``
    makes it: restrictions on printing and copying; the empty user password opens it."""
    return encrypt_pdf(SEED_PDF.read_bytes(), "", "pemilik", algorithm)


def pdf_user_locked(password: str = "rahasia") -> bytes:
    """The seed PDF that opens only with ``password`` (or its owner's, ``password-pemilik``)."""
    return encrypt_pdf(SEED_PDF.read_bytes(), password, password + "-pemilik", "AES-256")


def _replace_member(seed: Path, member: str, edit) -> bytes:
    """The seed package with one member's bytes passed through ``edit``."""
    out = io.BytesIO()
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item.filename, edit(data) if item.filename == member else data)
    return out.getvalue()


def docx_empty_paragraphs(count: int = 33_000_000) -> bytes:
    """A docx whose document.xml is ``count`` empty paragraphs (199 MB unpacked, 326 KB)."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    tail = b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(SEED_DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item.filename))
                continue
            with dst.open(zipfile.ZipInfo(item.filename), "w", force_zip64=True) as fh:
                fh.write(head)
                block = b"<w:p/>" * 1_000_000
                for _ in range(count // 1_000_000):
                    fh.write(block)
                fh.write(b"<w:p/>" * (count % 1_000_000))
                fh.write(tail)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


def xlsx_sheet_edit(edit) -> bytes:
    return _replace_member(SEED_XLSX, SHEET, edit)


def xlsx_huge_merge(ref: str = "A100:XFD1048576") -> bytes:
    """The seed workbook with one more merged range, by default the whole sheet below row 99."""
    def edit(xml: bytes) -> bytes:
        cell = f'<mergeCell ref="{ref}"/>'.encode()
        if b"<mergeCells" in xml:
            xml = re.sub(rb'<mergeCells count="(\d+)">',
                         lambda m: b'<mergeCells count="%d">' % (int(m.group(1)) + 1) + cell, xml)
            return xml
        return xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">' + cell +
                           b"</mergeCells>")
    return xlsx_sheet_edit(edit)


def xlsx_far_cell(ref: str = "XFD1048576") -> bytes:
    """The seed workbook with one empty cell at ``ref`` (its row the sheet's last)."""
    row = int(re.sub(r"[A-Z]", "", ref))

    def edit(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:%s"/>' % ref.encode(), xml)
        return xml.replace(b"</sheetData>", b'<row r="%d"><c r="%s"/></row></sheetData>'
                           % (row, ref.encode()))
    return xlsx_sheet_edit(edit)


def xlsx_with_dtd() -> bytes:
    """The seed workbook whose first sheet declares an internal DTD with an entity."""
    def edit(xml: bytes) -> bytes:
        dtd = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">]>'
        if xml.startswith(b"<?xml"):
            decl, sep, rest = xml.partition(b"?>")
            return decl + sep + dtd + rest
        return dtd + xml
    return xlsx_sheet_edit(edit)


def encrypted(seed: Path, password: str) -> bytes:
    """``seed`` (a .docx/.xlsx) encrypted by msoffcrypto-tool the way Office does (agile)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with seed.open("rb") as fh:
        OOXMLFile(fh).encrypt(password, out)
    return out.getvalue()


# --- running rak on them, bounded ----------------------------------------------------------

CAP_BYTES = 3_000_000_000  # address space of the whole rak process, whatever rak itself sets


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # largest resident set of rak and its workers


# A parent of its own for each rak, so that RUSAGE_CHILDREN is rak's tree and nothing else.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "sys.stderr.write(f'\\n@@peak {peak}\\n')\n"
    "sys.exit(code)\n"
)


def run_rak(*args: str, timeout: float = 120, cap: int = CAP_BYTES, cwd: Path | None = None,
            fsize: int | None = None, env: dict[str, str] | None = None) -> Ran:
    """``rak ARGS`` in a child process under a hard address-space cap (so a protection that
    is gone cannot take the machine down) and a wall-clock limit; ``fsize`` caps the size of
    any file it writes (writes past it fail with EFBIG, as on a full disk)."""
    import resource
    import subprocess
    import time

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    rak = [sys.executable, "-c", "from rak.cli import main; main()", *args]
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _MEASURE, *rak], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=cwd, preexec_fn=limits,
                            start_new_session=True, env={**os.environ, **(env or {})})
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    seconds = time.perf_counter() - start
    text, _, peak = err.decode("utf-8", "replace").rpartition("\n@@peak ")
    if not _:
        text, peak = err.decode("utf-8", "replace"), "0"
    return Ran(proc.returncode, out.decode("utf-8", "replace"), text, seconds,
               int(peak.strip() or 0) / 1024)


def one_line(ran: Ran, path: Path) -> str:
    """The one line rak wrote about ``path``: no traceback, nothing else, the file named."""
    err = ran.stderr.strip()
    assert "Traceback" not in ran.stderr and "\n" not in err, ran.stderr
    assert err.startswith(str(path)), err
    return err
