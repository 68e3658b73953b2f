"""The JSON ``rak extract`` wrote, given back to ``rak check`` (perhaps corrected by a person).

Recognised by content (a leading ``{``), never by name; read within a size limit; whatever is
wrong with it is a ``RakError`` naming the file, so it ends like any unreadable input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# A JSON document larger than this is not something `rak extract` wrote.
MAX_JSON_BYTES = 64 * 1024 * 1024


def is_json(file: Path) -> bool:
    """A JSON document starts with "{" (after blanks and a BOM); PDF and Word never do."""
    try:
        with file.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False  # the extractor reports the unreadable file in its own words
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def read_json(file: Path) -> Any:
    """The parsed document; ``TooLarge``, ``UnreadableDocument`` or ``InvalidJson`` else."""
    from extractor.errors import FileMissing, InvalidJson, TooLarge, UnreadableDocument

    try:
        size = file.stat().st_size
        if size > MAX_JSON_BYTES:
            raise TooLarge(str(file), f"JSON {size} > {MAX_JSON_BYTES} bytes")
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise FileMissing(str(file)) from e
    except OSError as e:
        raise UnreadableDocument(str(file), e.strerror or str(e)) from e
    except UnicodeDecodeError as e:
        raise InvalidJson(str(file), f"UTF-8: {e.reason}") from e
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InvalidJson(str(file), f"{e.msg}, line {e.lineno} col {e.colno}") from e
    except RecursionError as e:
        raise InvalidJson(str(file), "nesting too deep") from e
