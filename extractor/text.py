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


def counts_up(texts: list[str]) -> bool:
    """Whether ``texts`` are column numbers (1 2 3 ... 17 under a header): at least four,
    counting up from 1 or 2, one in eight allowed to be unreadable or out of step (a scan's
    "7" read as "1", an "11" as "il"), as no data row reads that way."""
    nums = [int(t) if t.isdigit() else None for t in texts]
    if len(nums) < 4:
        return False
    # The longest run of the numbers that counts up from 1 or 2 (not necessarily by one:
    # an empty number cell leaves a gap): run[i] ends at number i, 0 when none can.
    read = [n for n in nums if n is not None]
    run = [1 if n <= 2 else 0 for n in read]
    for i, n in enumerate(read):
        for j in range(i):
            if run[j] and read[j] < n:
                run[i] = max(run[i], run[j] + 1)
    longest = max(run, default=0)
    return longest >= 4 and len(nums) - longest <= len(nums) // 8
