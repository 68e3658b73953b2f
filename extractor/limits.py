"""The limits one file is read under by default, in a module of their own: the command line
declares its options with them before it knows whether it will read anything.
"""

DEFAULT_MAX_MEMORY_MB = 2048
# Seconds one file may take: a backstop against a file that hangs a reader, long enough for
# a scanned RAK of forty pages on a busy machine (OCR costs 3 to 5 s of CPU a page, and the
# wall clock counts the other programs' turns too).
DEFAULT_TIMEOUT_S = 600.0
