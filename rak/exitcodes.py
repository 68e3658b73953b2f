"""Exit codes, one meaning each (documented in README)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    INPUT = 2  # usage error or unreadable input
    INTERNAL = 3  # a bug in rak itself
