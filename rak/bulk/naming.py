"""Names a person can read, and names the file system can safely hold.

File names come from shared drives and e-mail: they may hold ``..``, control characters,
bytes that are not UTF-8 (Python keeps them as surrogates) or a name that is special on
Windows. ``display_name`` makes a name safe to print and to put in CSV/HTML; ``SafeNames``
turns a file's place in the input into an output name with only ``[A-Za-z0-9._-]``, unique
within the run (two ``rak.pdf`` in different folders never share one) and always inside
``--out`` (``inside`` checks it once more before anything is written).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePath

# C0 and C1 controls (ESC starts the terminal's CSI and OSC sequences), line and paragraph
# separators, and the bidirectional overrides that make a name read as another.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = {
    "con", "prn", "aux", "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
MAX_STEM = 120


def display_name(name: str) -> str:
    """``name`` as valid UTF-8 text, safe to print on a terminal and to write anywhere:
    bytes that are not UTF-8 (kept by Python as surrogates) and control characters are
    shown as ``\\xNN`` (``\\uNNNN`` above 0xff), so two such names never look the same."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file system byte stands for
        raw = name.encode("utf-8", "backslashreplace")
    return _CONTROL.sub(_escape, raw.decode("utf-8", "backslashreplace"))


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _safe_part(part: str) -> str:
    text = unicodedata.normalize("NFKD", display_name(part))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = _UNSAFE.sub("_", text).strip("._-")
    return text


def safe_stem(relative: str | PurePath) -> str:
    """A flat file-name stem for a path in the input: ``dir/a b.pdf`` -> ``dir__a_b.pdf``.

    ``..``, ``.``, roots and drive letters are dropped, never interpreted, so the result can
    only name a file directly inside the output folder.
    """
    raw = str(relative).replace("\\", "/")
    parts = [p for p in raw.split("/") if p not in ("", ".", "..")]
    if parts and re.fullmatch(r"[A-Za-z]:", parts[0]):
        parts = parts[1:]
    safe = [s for s in (_safe_part(p) for p in parts) if s]
    stem = "__".join(safe) or "berkas"
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:
        stem = "_" + stem
    if len(stem) > MAX_STEM:
        stem = stem[-MAX_STEM:].lstrip("._-") or "berkas"
    return stem


class SafeNames:
    """Hands out unique safe stems, case-insensitively (Windows and macOS fold case)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def take(self, relative: str | PurePath) -> str:
        stem = safe_stem(relative)
        candidate, n = stem, 1
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{stem}-{n}"
        self._used.add(candidate.lower())
        return candidate


def inside(root: Path, *parts: str) -> Path:
    """``root / parts``, refusing anything that would land outside ``root``.

    The folders on the way are resolved (a linked ``berkas`` pointing elsewhere is refused);
    the last name is not: a link planted there is replaced by the rename that writes the
    file, never followed.
    """
    base = root.resolve()
    joined = base.joinpath(*parts)
    if joined.name in ("", ".", ".."):
        raise ValueError(f"{joined} names no file")
    parent = joined.parent.resolve()
    if parent != base and base not in parent.parents:
        raise ValueError(f"{joined} is outside {base}")
    return parent / joined.name
