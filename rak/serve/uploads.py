"""Uploaded files into a job's private folder, refused with a clear 4xx when they are hostile.

A request's body is counted as it arrives (``Content-Length`` is checked first, and a body
that sends more than it declared, or declares nothing, is cut at the limit): past
``max_upload_mb`` it is 413 before anything more is read. Each file is written under the
name its sender gave, reduced to a plain file name (no folder, no control codes), in a
numbered folder of its own (``in/001/``), so two files of the same name never meet and a
report's ``source.file`` is the sender's name as ``rak check`` would say it.

An uploaded zip that is not itself a Word or Excel package is a folder of documents: it is
refused whole, before one byte is inflated (``__MACOSX/``, the resource forks macOS adds,
left out), when a member's name is absolute or climbs out
(``..``), when a member is a symbolic link or encrypted, when its members would unpack past
``max_unpacked_mb`` or are packed more densely than ``max_zip_ratio`` (a zip bomb), or when
it holds more files than ``max_files``. What each file *is* is then decided by its content,
by ``rak.bulk.discover`` as for a folder on the command line: a ``.txt`` is listed as skipped
with the reason, a PDF named ``.txt`` is read.
"""

from __future__ import annotations

import math
import re
import shutil
import stat
import zipfile
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from extractor.errors import UnsupportedFormat
from extractor.language import in_language
from extractor.readers import ZIP_ERRORS, sniff_format

from ..bulk.discover import Discovery, InputFile, Skipped, discover
from .settings import MB, ServeSettings
from .words import WORDS

INPUT_DIR = "in"
MAC_FORKS = "__MACOSX"  # what macOS's Compress adds beside the files: their resource forks
CHUNK = 1024 * 1024
# Control codes and the separators of any system: never part of a stored name.
_NOT_IN_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


class UploadRefused(Exception):
    """An upload the server will not take: the HTTP status and the words that say why."""

    def __init__(self, status: int, key: str, **values: Any) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values

    def message(self, lang: str) -> str:
        return in_language(WORDS[self.key], lang, **self.values)


async def limited(stream: AsyncIterator[bytes], limit: int, declared: str | None
                  ) -> AsyncGenerator[bytes, None]:
    """The request body, refused (413) as soon as it is, or says it will be, past ``limit``."""
    mb = limit // MB
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise UploadRefused(413, "too_big", mb=mb)
    seen = 0
    async for chunk in stream:
        seen += len(chunk)
        if seen > limit:
            raise UploadRefused(413, "too_big", mb=mb)
        yield chunk


def plain_name(sent: str | None, fallback: str = "berkas") -> str:
    """The last part of a sender's file name, safe as one name in one folder."""
    last = re.split(r"[/\\]", sent or "")[-1]
    name = _NOT_IN_NAME.sub("", last).strip()[:200]
    return name if name not in ("", ".", "..") else fallback


@dataclass(slots=True)
class Stored:
    """Where a job's uploads went: one folder per uploaded file, in the order sent."""

    root: Path
    folders: list[Path] = field(default_factory=list)

    def add(self, name: str, source: Any, settings: ServeSettings) -> None:
        """Write ``source`` (a binary file object) as ``name``; unpack it if it is an archive."""
        folder = self.root / INPUT_DIR / f"{len(self.folders) + 1:03d}"
        folder.mkdir(parents=True, mode=0o700)
        self.folders.append(folder)
        target = folder / name
        with target.open("xb") as out:
            shutil.copyfileobj(source, out, CHUNK)
        if _is_archive(target):
            # Out of the way first: its folder takes its name without the ending.
            archive = target.rename(folder / ".zip")
            unpack(archive, folder / (Path(name).stem or "zip"), settings, name)
            archive.unlink()

    def count(self) -> int:
        return sum(1 for f in self.folders for p in f.rglob("*") if p.is_file())

    def discovery(self) -> Discovery:
        """The job's input files and skipped files, named as the sender named them."""
        found = discover([str(f) for f in self.folders], "check")
        prefixes = [str(f) + "/" for f in self.folders]

        def shown(text: str) -> str:
            for prefix in prefixes:
                text = text.replace(prefix, "")
            return text

        files = [InputFile(f.path, _after_folder(f.relative), _after_folder(f.relative), f.kind)
                 for f in found.files]
        skipped = [Skipped(shown(s.display), s.reason, shown(s.detail)) for s in found.skipped]
        return Discovery(files, skipped)


def _after_folder(relative: str) -> str:
    """``001/rak.pdf`` -> ``rak.pdf``: the numbered folder is the server's, not the sender's."""
    parts = PurePosixPath(relative).parts
    return str(PurePosixPath(*parts[1:])) if len(parts) > 1 else relative


def _is_archive(path: Path) -> bool:
    """A zip that is a folder of files, not a Word or Excel package."""
    try:
        sniff_format(path)
    except UnsupportedFormat as e:
        return e.detail == "zip"
    except Exception:  # noqa: BLE001 - anything else the job's reading will say
        return False
    return False


def unpack(archive: Path, into: Path, settings: ServeSettings, file: str) -> None:
    """``archive`` (sent as ``file``) unpacked under ``into``, or ``UploadRefused`` before
    anything is inflated."""
    try:
        with zipfile.ZipFile(archive) as zf:
            members = _safe_members(zf, file, archive.stat().st_size, settings)
            for info, parts in members:
                target = into.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                with zf.open(info) as src, target.open("xb") as out:
                    shutil.copyfileobj(src, out, CHUNK)
    except UploadRefused:
        raise
    except (*ZIP_ERRORS, OSError, ValueError) as e:
        raise UploadRefused(400, "zip_bad", file=file, detail=str(e)[:200]) from e


def _safe_members(zf: zipfile.ZipFile, file: str, packed: int, settings: ServeSettings
                  ) -> list[tuple[zipfile.ZipInfo, tuple[str, ...]]]:
    """Every file member with its path parts, once every member has passed every check."""
    members = []
    total = 0
    for info in zf.infolist():
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if (name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name)
                or any(p == ".." for p in parts)):
            raise UploadRefused(400, "zip_path", file=file, name=_shown(name))
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UploadRefused(400, "zip_link", file=file, name=_shown(name))
        if info.is_dir() or (parts and parts[0] == MAC_FORKS):
            continue  # folders are made as their files need them; macOS's forks are no files
        if info.flag_bits & 0x1:
            raise UploadRefused(400, "zip_locked", file=file, name=_shown(name))
        total += info.file_size
        clean = tuple(plain_name(p, "_") for p in parts)
        members.append((info, clean))
    if total > settings.unpacked_bytes:
        raise UploadRefused(413, "zip_bomb", file=file, size=math.ceil(total / MB),
                            limit=settings.max_unpacked_mb)
    ratio = total / max(packed, 1)
    if total > CHUNK and ratio > settings.max_zip_ratio:
        raise UploadRefused(413, "zip_ratio", file=file, ratio=ratio,
                            limit=settings.max_zip_ratio)
    if len(members) > settings.max_files:
        raise UploadRefused(413, "too_many", files=settings.max_files)
    return members


def _shown(name: str) -> str:
    """A member's name fit for a message: control codes shown as ``?``."""
    return re.sub(r"[\x00-\x1f\x7f]", "?", name)[:200]
