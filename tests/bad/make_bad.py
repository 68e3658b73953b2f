"""Make the broken and hostile files of tests/bad/ from the samples.

Run from the repository root: ``python tests/bad/make_bad.py``. Each file is small and made
deterministically, so the folder can be regenerated and reviewed in a diff.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "samples"
SEED_PDF = SAMPLES / "rak-kubu-raya-2024.pdf"
SEED_DOCX = SAMPLES / "rak-kubu-raya-2024.docx"

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with_body(body: str, prolog: str = "") -> bytes:
    """The seed docx with its document.xml replaced: real packaging, chosen content."""
    out = io.BytesIO()
    with zipfile.ZipFile(SEED_DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                    f"<w:document {W}><w:body>{body}</w:body></w:document>"
                ).encode()
            dst.writestr(item.filename, data)
    return out.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _table(rows: list[list[str]]) -> str:
    trs = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{trs}</w:tbl>"


def make() -> dict[str, bytes]:
    pdf = SEED_PDF.read_bytes()
    files: dict[str, bytes] = {
        "kosong.pdf": b"",
        "terpotong.pdf": pdf[: len(pdf) // 3],
        "sampah.pdf": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "gambar-png.pdf": PNG_1PX,
        "halaman-html.docx": b"<!DOCTYPE html><html><body>bukan dokumen</body></html>",
        "teks-biasa.pdf": b"RENCANA AKSI KINERJA\n" * 20,
        "bukan-word.docx": _zip({"isi/data.txt": b"arsip zip biasa, bukan Word"}),
        "zip-rusak.docx": SEED_DOCX.read_bytes()[:3000],
        "tanpa-tabel.docx": _docx_with_body(_para("RENCANA AKSI KINERJA") + _para("Tahun 2024")),
        "perjanjian-kinerja.docx": _docx_with_body(
            _para("PERJANJIAN KINERJA TAHUN 2024")
            + _table([["SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET"],
                      ["Terwujudnya tata kelola", "Persentase laporan", "100%"]])
        ),
        "xml-rusak.docx": _zip_replace(SEED_DOCX, "word/document.xml", b"<w:document><w:body"),
        "entitas-xxe.docx": _docx_with_body(
            _para("&xxe;"),
            prolog='<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        ),
        "bom-zip.docx": _zip_bomb(),
    }
    files["terkunci.pdf"] = encrypt_pdf(pdf, "rahasia", "rahasia-pemilik", "AES-128")
    files["entitas-xxe.xlsx"] = _xlsx_with_entity()
    return files


def _xlsx_with_entity() -> bytes:
    """The seed workbook whose shared strings declare an external entity to /etc/passwd."""
    out = io.BytesIO()
    src_path = SAMPLES / "rak-kubu-raya-2024.xlsx"
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8")
                text = text.replace(
                    "?>", '?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
                ).replace("SASARAN KEGIATAN", "&xxe;", 1)
                data = text.encode("utf-8")
            dst.writestr(item.filename, data)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _zip_replace(src_path: Path, member: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, data if item.filename == member else src.read(item))
    return out.getvalue()


def _zip_bomb() -> bytes:
    """A docx whose document.xml inflates to 300 MiB from a few hundred KiB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f"<w:document {W}><w:body>".encode())
            block = b" " * (1 << 20)
            for _ in range(300):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return out.getvalue()


def encrypt_pdf(pdf: bytes, user: str, owner: str, algorithm: str) -> bytes:
    """``pdf`` encrypted by pypdf; an empty ``user`` password makes an owner-only lock
    (restrictions on printing and copying: anyone may open it)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    for name, data in make().items():
        (HERE / name).write_bytes(data)
        print(f"{name:28} {len(data):>9} bytes")


if __name__ == "__main__":
    main()
