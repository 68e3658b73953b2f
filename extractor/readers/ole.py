"""The stream names of an OLE2 compound file (old .doc/.xls, and encrypted Office files).

An encrypted .xlsx or .docx is not a zip: Office wraps it in a compound file holding the
streams ``EncryptionInfo`` and ``EncryptedPackage``. Telling it apart from a real .doc/.xls
before handing it to LibreOffice gives the user "password-protected" instead of a conversion
failure. Only the directory is read (no stream contents), with every chain walk bounded by
the file's real sector count, so a hostile file cannot loop or allocate much. Searching the
raw bytes for the name instead would misfire on a .doc whose text mentions it.
"""

from __future__ import annotations

import mmap
import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
HEADER_DIFAT = 109


class NotCompoundFile(ValueError):
    """The bytes are not a readable OLE2 compound file."""


def stream_names(path: Path) -> set[str]:
    """Names of every storage and stream in the compound file's directory.

    The file is mapped, not read: only the header and the sectors a walk visits are touched.
    """
    with path.open("rb") as fh:
        try:
            data: bytes | mmap.mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (ValueError, OSError):  # empty, or a file system that cannot map
            data = fh.read()
    try:
        return _names(data)
    except struct.error as e:  # a truncated sector
        raise NotCompoundFile(str(e)) from e
    finally:
        if isinstance(data, mmap.mmap):
            data.close()


def is_encrypted_package(path: Path) -> bool:
    """An Office Open XML file (xlsx/docx) encrypted with a password."""
    try:
        names = stream_names(path)
    except (NotCompoundFile, OSError):
        return False
    return "EncryptedPackage" in names and "EncryptionInfo" in names


def _names(data: bytes | mmap.mmap) -> set[str]:
    """Walk the DIFAT, the FAT and the directory chain, each bounded by what the file holds.

    The header's counts are claims: a FAT can describe at most the sectors the file has, so
    no walk reads more FAT sectors than ``sectors / entries-per-sector`` (rounded up), no
    DIFAT chain is longer than the file, and a chain that revisits a sector is a loop.
    """
    if len(data) < 512 or data[:8] != MAGIC:
        raise NotCompoundFile("no compound file header")
    shift = struct.unpack_from("<H", data, 30)[0]
    if shift not in (9, 12):
        raise NotCompoundFile(f"sector shift {shift}")
    size = 1 << shift
    per_sector = size // 4
    sectors = max(0, (len(data) - size) // size)  # the header fills sector -1
    n_fat, first_dir = struct.unpack_from("<II", data, 44)
    difat_start, n_difat = struct.unpack_from("<II", data, 68)
    fat_needed = min(n_fat, -(-sectors // per_sector))

    def sector(n: int) -> bytes:
        if n >= sectors:
            raise NotCompoundFile(f"sector {n} outside the file")
        start = (n + 1) * size
        return data[start : start + size]

    fat_sectors = list(struct.unpack_from(f"<{HEADER_DIFAT}I", data, 76))[:fat_needed]
    nxt, visited = difat_start, set[int]()
    while nxt < END_OF_CHAIN - 5 and len(fat_sectors) < fat_needed:
        if nxt in visited or len(visited) >= min(n_difat, sectors):
            raise NotCompoundFile("DIFAT chain loops or runs past the file")
        visited.add(nxt)
        entries = struct.unpack(f"<{per_sector}I", sector(nxt))
        fat_sectors.extend(entries[:-1][: fat_needed - len(fat_sectors)])
        nxt = entries[-1]
    fat: list[int] = []
    for n in fat_sectors:
        if n < END_OF_CHAIN - 5:
            fat.extend(struct.unpack(f"<{per_sector}I", sector(n)))
    names: set[str] = set()
    n, seen = first_dir, set()
    while n < END_OF_CHAIN - 5:
        if n in seen:
            raise NotCompoundFile("directory chain loops")
        seen.add(n)
        block = sector(n)
        for off in range(0, size, 128):
            entry = block[off : off + 128]
            if len(entry) < 128:
                break
            length, kind = struct.unpack_from("<HB", entry, 64)
            if kind in (1, 2, 5) and 2 <= length <= 64:
                names.add(entry[: length - 2].decode("utf-16-le", errors="replace"))
        n = fat[n] if n < len(fat) else END_OF_CHAIN
    return names
