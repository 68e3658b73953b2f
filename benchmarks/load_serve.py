"""Load on ``rak serve``: N concurrent uploads to ``POST /api/check`` on 127.0.0.1.

Starts ``rak serve`` on a free port of 127.0.0.1 (never another address), sends ``-n``
uploads of ``--file`` at once, and says whether every one was answered with the report
(nothing lost: every answer a 200 holding the document's rows), the uploads per minute, the
median and 95th-percentile response times, and the peak resident memory of the server with
all its worker processes, sampled every 0.2 s. The server reads ``--jobs`` files at once
(one per core by default) whatever the number of users, so the memory stays bounded.

    python benchmarks/load_serve.py -n 20
    python benchmarks/load_serve.py -n 20 --file samples/rak-kubu-raya-2024.docx --jobs 2

``serving`` and ``tree_rss_mb`` are used by the tests too (``tests/test_serve_load.py``,
``tests/test_serve_browser.py``).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


@contextmanager
def serving(*args: str, start_timeout: float = 60.0) -> Iterator[Server]:
    """``rak serve`` on 127.0.0.1 and a free port, until the block ends (then stopped with
    Ctrl-C's signal, as a person would, so it deletes its jobs)."""
    import httpx2

    port = free_port()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"rak-serve-{port}.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "rak", "serve", "--port", str(port),
                                 *args], cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                if httpx2.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"rak serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Server(url, proc, log)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.unlink(missing_ok=True)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and every process under it, in MB."""
    tree = _children()
    todo, total = [pid], 0
    while todo:
        p = todo.pop()
        todo += tree.get(p, [])
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


@dataclass
class Load:
    n: int
    seconds: float = 0.0
    statuses: list[int] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    peak_mb: float = 0.0

    @property
    def answered(self) -> int:
        return len(self.statuses)

    @property
    def ok(self) -> int:
        return sum(1 for s in self.statuses if s == 200)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0

    @property
    def per_minute(self) -> float:
        return self.ok / self.seconds * 60 if self.seconds else 0.0


def load(server: Server, file: Path, n: int) -> Load:
    """``n`` uploads of ``file`` at once, each on its own connection; memory sampled."""
    import httpx2

    data = file.read_bytes()
    result = Load(n)
    lock = threading.Lock()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            result.peak_mb = max(result.peak_mb, tree_rss_mb(server.process.pid))
            stop.wait(0.2)

    def one() -> None:
        start = time.perf_counter()
        try:
            r = httpx2.post(server.url + "/api/check", files={"file": (file.name, data)},
                            timeout=600)
            status, rows = r.status_code, len(r.json().get("rows", [])) if r.is_success else 0
        except Exception:  # noqa: BLE001 - an upload not answered is what is measured
            return
        with lock:
            result.statuses.append(status)
            result.times.append(time.perf_counter() - start)
            result.rows.append(rows)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=one) for _ in range(n)]
    begin = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - begin
    stop.set()
    sampler.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=20, help="concurrent uploads")
    ap.add_argument("--file", type=Path, default=ROOT / "samples" / "rak-kubu-raya-2024.pdf")
    ap.add_argument("--jobs", type=int, default=0, help="rak serve --jobs (0: one per core)")
    args = ap.parse_args()
    with serving("--jobs", str(args.jobs)) as server:
        idle = tree_rss_mb(server.process.pid)
        got = load(server, args.file, args.n)
    print(f"file: {args.file.name}, {args.n} concurrent uploads, rak serve --jobs {args.jobs}")
    print(f"answered: {got.answered}/{got.n}, 200 with rows: "
          f"{sum(1 for s, r in zip(got.statuses, got.rows) if s == 200 and r)}/{got.n}")
    print(f"wall: {got.seconds:.1f} s, uploads/min: {got.per_minute:.1f}")
    print(f"response time: median {got.percentile(0.5):.1f} s, p95 {got.percentile(0.95):.1f} s")
    print("each (s):", " ".join(f"{t:.1f}" for t in sorted(got.times)))
    print(f"RSS of server and workers: idle {idle:.0f} MB, peak {got.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
