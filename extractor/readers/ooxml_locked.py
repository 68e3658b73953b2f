"""Password-protected Word and Excel files (.docx/.xlsx), opened with ``--password``.

Office does not encrypt inside the zip: it wraps the whole package in an OLE2 compound file
holding ``EncryptionInfo`` and ``EncryptedPackage`` (MS-OFFCRYPTO: agile or standard AES,
or the old RC4). msoffcrypto-tool implements that specification and is maintained; writing
AES key derivation here would be worse. The package is decrypted into a folder of its own
(created 0700 in the worker's temporary folder, which the parent removes even when the
worker is killed), then read by the docx or xlsx reader like any other file; every limit of
those readers applies to the decrypted package.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import EncryptedDocument, UnreadableDocument
from ..grid import Grid
from ..options import ExtractOptions


def read_locked(path: Path, options: ExtractOptions) -> Grid:
    """Decrypt ``path`` with ``options.password`` and read the package inside."""
    if not options.password:
        raise EncryptedDocument(str(path), "EncryptedPackage")
    from . import read_grid, sniff_format

    with tempfile.TemporaryDirectory(prefix="rak-locked-") as tmp:
        plain = Path(tmp) / "package"
        _decrypt(path, options.password, plain, options.max_unpacked_bytes)
        kind = sniff_format(plain)
        if kind not in ("docx", "xlsx"):
            raise UnreadableDocument(str(path), f"the encrypted package holds {kind}")
        plain = plain.rename(plain.with_suffix(f".{kind}"))  # openpyxl goes by the name
        try:
            grid = read_grid(plain, kind, options)
        except UnreadableDocument as e:  # name the user's file, not the temporary one
            raise UnreadableDocument(str(path), e.detail) from e
    grid.format = kind
    return grid


def _decrypt(path: Path, password: str, target: Path, limit: int) -> None:
    import msoffcrypto
    from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError

    try:
        with path.open("rb") as fh, target.open("wb") as out:
            office = msoffcrypto.OfficeFile(fh)
            office.load_key(password=password)
            office.decrypt(_Bounded(out, limit, path))
    except InvalidKeyError as e:
        raise EncryptedDocument(str(path), "wrong password") from e
    except (DecryptionError, FileFormatError, ValueError, KeyError, OSError) as e:
        raise UnreadableDocument(str(path), f"encrypted package: {e}") from e


class _Bounded:
    """A write-only file that refuses to grow past ``limit`` bytes (a package claiming a
    huge size would otherwise fill the disk before the zip-bomb check could run)."""

    def __init__(self, out: BinaryIO, limit: int, path: Path) -> None:
        self.out, self.left, self.path = out, limit, path

    def write(self, data: bytes) -> int:
        from ..errors import TooLarge

        self.left -= len(data)
        if self.left < 0:
            raise TooLarge(str(self.path), "decrypted package too large")
        return self.out.write(data)

    def __getattr__(self, name: str) -> Any:  # seek, tell, flush of the real file
        return getattr(self.out, name)
