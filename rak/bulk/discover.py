"""Expand the command line's PATH... into input files, and say which files are skipped and why.

Files named on the command line are always taken (a missing one becomes an unreadable result,
so the summary still names it). Folders are walked recursively in a stable order; globs are
expanded (``**`` too). Inside a folder a file is taken when ``sniff_format`` recognises its
content, or when its suffix says it should be a RAK (a broken ``.pdf`` is a result "gagal
dibaca", not a silent skip); everything else is listed as skipped with the reason. A symbolic
link that points outside the folder being walked is never followed, and is reported; a link
inside it is read once, where it points. A FIFO, socket or device is never opened (opening a
FIFO waits for a writer forever): it is listed as skipped. Nothing is dropped without a line
saying so.
"""

from __future__ import annotations

import glob
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from extractor.errors import EmptyDocument, RakError
from extractor.readers import READABLE_SUFFIXES, sniff_format

from .naming import display_name

GLOB_CHARS = frozenset("*?[")
JSON_HEAD = 4096


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path  # as reached from the argument (not resolved: the user's own spelling)
    display: str  # printable form of ``path``, for the summary
    relative: str  # place within its argument, for the output name (``folder/sub/x.pdf``)
    kind: str  # pdf, docx, ... as sniffed; json (check only); "?" when only the suffix fits


@dataclass(frozen=True, slots=True)
class Skipped:
    display: str
    reason: str  # a key of rak.i18n.WORDS, "skip_*"
    detail: str = ""

    def reason_in(self, lang: str) -> str:
        """Why the file was passed over, in words."""
        from extractor.language import in_language

        from ..i18n import WORDS

        return in_language(WORDS[self.reason], lang, detail=self.detail)


@dataclass(slots=True)
class Discovery:
    files: list[InputFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


_KINDS = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device"),
          (stat.S_ISBLK, "device"))


def _not_regular(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file or a folder (``FIFO``...)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None  # missing: an explicit one is still a line, the worker says why
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "?")


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _looks_like_extract_json(path: Path) -> bool:
    """JSON that ``rak extract`` wrote: an object whose opening names the schema version."""
    try:
        with path.open("rb") as fh:
            head = fh.read(JSON_HEAD)
    except OSError:
        return False
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"schema_version"' in head


class _Walker:
    def __init__(self, mode: str, exclude: Path | None) -> None:
        self.mode = mode
        self.exclude = exclude.resolve() if exclude is not None else None
        self.found = Discovery()
        self.seen: dict[Path, str] = {}  # real path -> display of the first time it was taken

    def skip(self, path: Path | str, reason: str, detail: str = "") -> None:
        self.found.skipped.append(Skipped(display_name(str(path)), reason, display_name(detail)))

    def take(self, path: Path, relative: str, kind: str) -> None:
        display = display_name(str(path))
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            real = path.absolute()
        first = self.seen.get(real)
        if first is not None:
            if first != display:  # the same spelling twice (overlapping arguments) is no news
                self.skip(path, "skip_duplicate", first)
            return
        self.seen[real] = display
        self.found.files.append(InputFile(path, display, relative, kind))

    def classify(self, path: Path) -> tuple[str | None, str, str]:
        """(kind, skip reason, detail): kind None means skip for that reason."""
        name = path.name
        suffix = path.suffix.lower()
        if name.startswith("~$"):
            return None, "skip_lock_file", ""
        if suffix == ".json":
            if self.mode != "check":
                return None, "skip_json_extract", ""
            if _looks_like_extract_json(path):
                return "json", "", ""
            return None, "skip_json", ""
        try:
            return sniff_format(path), "", ""
        except RakError as e:
            if suffix in READABLE_SUFFIXES:
                return "?", "", ""  # the worker reports what is wrong with it
            if isinstance(e, EmptyDocument):
                return None, "skip_empty", ""
            return None, "skip_not_rak", e.detail

    def file(self, path: Path, relative: str, explicit: bool) -> None:
        special = _not_regular(path)
        if special is not None:
            self.skip(path, "skip_not_regular", special)
            return
        if explicit:
            kind, _, _ = self.classify(path) if path.is_file() else ("?", "", "")
            # Named by the user: always a line in the summary, even when it is not a RAK.
            self.take(path, relative, kind or "?")
            return
        kind, reason, detail = self.classify(path)
        if kind is None:
            self.skip(path, reason, detail)
        else:
            self.take(path, relative, kind)

    def folder(self, top: Path) -> None:
        real_top = top.resolve()
        base = top.name or real_top.name
        for current, dirnames, filenames in os.walk(top, followlinks=False):
            here = Path(current)
            keep = []
            for d in sorted(dirnames):
                sub = here / d
                if sub.is_symlink():
                    self.link(sub, real_top, top, base)
                elif d.startswith("."):
                    self.skip(sub, "skip_hidden_dir")
                elif self.exclude is not None and sub.resolve() == self.exclude:
                    self.skip(sub, "skip_out_dir")
                else:
                    keep.append(d)
            dirnames[:] = keep
            for f in sorted(filenames):
                path = here / f
                if path.is_symlink():
                    self.link(path, real_top, top, base)
                else:
                    self.file(path, self.relative(path, top, base), explicit=False)

    @staticmethod
    def relative(path: Path, top: Path, base: str) -> str:
        return str(PurePosixPath(base, *path.relative_to(top).parts))

    def link(self, path: Path, real_top: Path, top: Path, base: str) -> None:
        target = Path(os.path.realpath(path))
        if not target.exists():
            self.skip(path, "skip_broken_link", os.readlink(path))
        elif not _within(target, real_top):
            self.skip(path, "skip_link_outside", str(target))
        elif target.is_dir():
            self.skip(path, "skip_link_dir", str(target))
        else:
            self.file(path, self.relative(path, top, base), explicit=False)

    def argument(self, arg: str) -> None:
        path = Path(arg)
        if not os.path.lexists(path) and GLOB_CHARS & set(arg):
            self.pattern(arg)
            return
        self.argument_path(path)

    def pattern(self, arg: str) -> None:
        """A glob; its fixed leading folder is the input folder for the symlink rule.

        ``**`` in ``glob`` goes through linked folders, so each match is checked against that
        folder the way a walked file is.
        """
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            self.skip(arg, "skip_no_match")
            return
        fixed = []
        for part in Path(arg).parts:
            if GLOB_CHARS & set(part):
                break
            fixed.append(part)
        base = Path(*fixed) if fixed else Path(".")
        real_base = base.resolve()
        for m in matches:
            path = Path(m)
            target = Path(os.path.realpath(path))
            if not target.exists():
                self.skip(path, "skip_broken_link", os.path.realpath(path))
            elif not _within(target, real_base):
                self.skip(path, "skip_link_outside", str(target))
            else:
                self.argument_path(path)

    def argument_path(self, path: Path) -> None:
        if path.is_dir():
            self.folder(path)
        else:
            self.file(path, path.name, explicit=True)


def discover(args: list[str], mode: str = "check", exclude: Path | None = None) -> Discovery:
    """Input files and skipped files for ``args`` (files, folders, globs), in a stable order.

    ``mode`` is ``check`` (JSON written by ``rak extract`` is an input too) or ``extract``;
    ``exclude`` is the ``--out`` folder, never read back as input.
    """
    walker = _Walker(mode, exclude)
    for arg in args:
        walker.argument(arg)
    return walker.found
