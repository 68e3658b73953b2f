"""The stream names of an OLE2 compound file (old .doc/.xls, and encrypted Office files).

An encrypted .xlsx or .docx is not a zip: Office wraps it in a compound file holding the
streams ``EncryptionInfo`` and ``EncryptedPackage``. Telling it apart from a real .doc/.xls
before handing it to LibreOffice gives the user "password-protected" instead of a conversion
failure. Only the directory is read (no stream contents), with every chain walk bounded, so
a hostile file cannot loop or allocate much. Searching the raw bytes for the name instead
would misfire on a .doc whose text mentions it.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
MAX_SECTORS = 1 << 20  # bound on any chain walk (a 512 MB file of 512-byte sectors)
HEADER_DIFAT = 109


class NotCompoundFile(ValueError):
    """The bytes are not a readable OLE2 compound file."""


def stream_names(path: Path) -> set[str]:
    """Names of every storage and stream in the compound file's directory."""
    with path.open("rb") as fh:
        data = fh.read()
    try:
        return _names(data)
    except struct.error as e:  # a truncated sector
        raise NotCompoundFile(str(e)) from e


def is_encrypted_package(path: Path) -> bool:
    """An Office Open XML file (xlsx/docx) encrypted with a password."""
    try:
        names = stream_names(path)
    except (NotCompoundFile, OSError):
        return False
    return "EncryptedPackage" in names and "EncryptionInfo" in names


def _names(data: bytes) -> set[str]:
    if len(data) < 512 or not data.startswith(MAGIC):
        raise NotCompoundFile("no compound file header")
    shift = struct.unpack_from("<H", data, 30)[0]
    if shift not in (9, 12):
        raise NotCompoundFile(f"sector shift {shift}")
    size = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", data, 44)
    difat_start, n_difat = struct.unpack_from("<II", data, 68)

    def sector(n: int) -> bytes:
        start = (n + 1) * size
        if start >= len(data):
            raise NotCompoundFile(f"sector {n} outside the file")
        return data[start : start + size]

    fat_sectors = list(struct.unpack_from(f"<{HEADER_DIFAT}I", data, 76))
    nxt, seen = difat_start, 0
    while nxt < END_OF_CHAIN - 5 and seen < min(n_difat, MAX_SECTORS):
        block = sector(nxt)
        entries = struct.unpack(f"<{size // 4}I", block)
        fat_sectors.extend(entries[:-1])
        nxt, seen = entries[-1], seen + 1
    fat: list[int] = []
    for n in fat_sectors[: min(n_fat, MAX_SECTORS)]:
        if n < END_OF_CHAIN - 5:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(n)))
    names: set[str] = set()
    n, steps = first_dir, 0
    while n < END_OF_CHAIN - 5:
        if steps > MAX_SECTORS:
            raise NotCompoundFile("directory chain runs away")
        block = sector(n)
        for off in range(0, size, 128):
            entry = block[off : off + 128]
            if len(entry) < 128:
                break
            length, kind = struct.unpack_from("<HB", entry, 64)
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(entry[: length - 2].decode("utf-16-le", errors="replace"))
        n, steps = (fat[n] if n < len(fat) else END_OF_CHAIN), steps + 1
    return names
