"""Cell text as the contract wants it: line wraps joined by single spaces, hyphen breaks rejoined.

A line that ends in a hyphen glued to a word (``perundang-`` / ``undangan``) is a break inside
a compound; Indonesian compounds keep their hyphen (``perundang-undangan``), so only the space
goes. A hyphen standing alone (``Perundang -`` / ``Undangan``) is text as written.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b\u3000]+")


def join_lines(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.replace("\r", "\n").split("\n")]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if not out:
            out = ln
        elif len(out) >= 2 and out.endswith("-") and out[-2].isalpha() and ln[0].isalpha():
            out += ln
        else:
            out += " " + ln
    return out


def normalise(text: str) -> str:
    """Whitespace-normalised text for comparisons (tests, duplicate detection)."""
    return _SPACES.sub(" ", " ".join(text.split())).strip()
