"""What ``rak serve`` is allowed to take and keep: one dataclass, validated once.

The limits are the server's, not a document's: how much one request may upload, how many
files it may hold, how far an uploaded zip may unpack (in all, and as a ratio to its packed
size: a bomb packs a gigabyte of zeros into a kilobyte), how long a finished job is kept, and
how many documents are read at once (each in a worker process of ``rak.bulk.pool`` with its
own time limit and memory budget, so the server's memory is bounded by ``workers`` times
``max_memory_mb`` whatever the number of users).
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from extractor.limits import DEFAULT_TIMEOUT_S

MB = 1024 * 1024


def is_loopback(host: str) -> bool:
    """``host`` reaches this machine only: 127.0.0.0/8, ::1 or ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    # Asked of every request when set; required off loopback (the command makes one up).
    token: str | None = None
    lang: str = "id"  # the pages' language until the person switches
    max_upload_mb: int = 200  # one request's body
    max_files: int = 500  # files in one job, a zip's members counted
    max_unpacked_mb: int = 1024  # everything an uploaded zip unpacks to
    max_zip_ratio: float = 200.0  # unpacked size / packed size of one zip member
    keep_minutes: float = 60.0  # a finished job, then deleted
    workers: int = 0  # documents read at once; 0: one per core
    timeout: float = DEFAULT_TIMEOUT_S  # seconds per file (0: none)
    max_memory_mb: int | None = None  # per file; None: rak's default
    max_pages: int = 500
    config: Path | None = None  # a rak.toml for every check (else the defaults)

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ValueError(f"port {self.port} is not 1..65535")
        for name in ("max_upload_mb", "max_files", "max_unpacked_mb", "max_pages"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_zip_ratio < 1:
            raise ValueError("max_zip_ratio must be at least 1")
        if self.keep_minutes <= 0:
            raise ValueError("keep_minutes must be more than 0")
        if self.workers < 0 or self.timeout < 0:
            raise ValueError("workers and timeout cannot be negative")
        if not is_loopback(self.host) and not self.token:
            raise ValueError(f"serving {self.host} needs a token")

    @property
    def upload_bytes(self) -> int:
        return self.max_upload_mb * MB

    @property
    def unpacked_bytes(self) -> int:
        return self.max_unpacked_mb * MB

    def worker_count(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)
