"""The server's jobs: each one a bulk run (``rak.bulk.run``) over its uploads, off the
request thread, in its own private folder, deleted a set time after it ends.

A job's folder is made by ``tempfile.mkdtemp`` (mode 0700) inside the server's own private
folder, and holds the uploads (``in/``), the bulk run's ``--out`` (``out/``: index.html,
ringkasan.*, rows.csv, berkas/<name>.json/.html/.csv) and what is made on demand (a workbook
per file, the zip of the reports). Jobs wait their turn in a queue served by ``workers``
threads; each thread runs one job at a time with one worker process of ``rak.bulk.pool``
(the per-file time limit and memory budget included), so at most ``workers`` documents are
read at once, whoever sent them, and a heavy scan never holds up the event loop.

Every check of the server uses one configuration, ``--config`` or rak's defaults (an empty
rak.toml in the server's folder): a rak.toml lying in a folder above the temporary one is
never picked up. Every line's reason has the job's folder taken out of it before any summary
is written, so no path of the machine reaches a page or an answer.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import tempfile
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.language import in_language
from extractor.options import ExtractOptions

from ..bulk.discover import InputFile, Skipped
from ..bulk.naming import inside
from ..bulk.run import BulkResult, BulkSettings, run_bulk
from ..bulk.summary import UNREADABLE, SummaryLine
from ..bulk.work import ConfigRecipe
from .pagefile import PageFile, pages_read
from .settings import ServeSettings
from .uploads import Stored
from .words import WORDS

OUT_DIR = "out"
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


@dataclass(slots=True)
class Job:
    id: str
    root: Path
    lang: str
    files: list[InputFile]
    skipped: list[Skipped]
    created: float = field(default_factory=time.time)
    state: str = QUEUED
    finished: float | None = None
    error: str = ""
    lines: dict[int, SummaryLine] = field(default_factory=dict)
    result: BulkResult | None = None
    # An answer of POST /api/check: the JSON report only, kept in memory (no --out folder:
    # no HTML, no summaries), for the request that waits for it.
    answer_only: bool = False
    ended: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def out(self) -> Path:
        return self.root / OUT_DIR

    def scrub(self, text: str) -> str:
        """``text`` without the job's folder: names as the sender gave them."""
        for f in self.files:
            text = text.replace(str(f.path), f.display)
        return text.replace(str(self.root) + "/", "").replace(str(self.root), "")

    def on_line(self, index: int, line: SummaryLine) -> None:
        line.reason = self.scrub(line.reason)
        with self.lock:
            self.lines[index] = line

    def expires(self, keep_minutes: float) -> float | None:
        return self.finished + keep_minutes * 60 if self.finished is not None else None

    def report_of(self, index: int, fmt: str) -> str | None:
        """The path under ``out/`` of file ``index``'s report in ``fmt``, when it has one."""
        line = self.lines.get(index)
        return line.reports.get(fmt) if line is not None else None

    def status(self, keep_minutes: float) -> dict[str, Any]:
        """The job as ``GET /api/jobs/{id}`` says it: progress, then each file's line."""
        with self.lock:
            lines = dict(self.lines)
        files = []
        # One worker per job takes the files in order: the first without a line is read now.
        reading = next((i for i in range(len(self.files)) if i not in lines), None)
        for i, f in enumerate(self.files):
            line = lines.get(i)
            entry: dict[str, Any] = {"file": f.display}
            if line is None:
                now = self.state == RUNNING and i == reading
                entry["status_code"] = "running" if now else "waiting"
                entry["status"] = in_language(WORDS["running" if now else "waiting"], self.lang)
            else:
                entry.update(_line_record(line, self.lang))
            files.append(entry)
        for s in self.skipped:
            files.append({"file": s.display, "status_code": "skipped",
                          "status": in_language(WORDS["skipped"], self.lang),
                          "reason": s.reason_in(self.lang)})
        done = len(lines)
        said: dict[str, Any] = {
            "id": self.id,
            "state": self.state,
            "lang": self.lang,
            "files_total": len(self.files),
            "files_done": done,
            "skipped": len(self.skipped),
            "files": files,
        }
        if self.state == RUNNING and len(self.files) == 1 and done == 0:
            pages = pages_read(self.root)
            if pages is not None:
                said["pages_done"], said["pages_total"] = pages
        if self.error:
            said["error"] = self.error
        if self.finished is not None:
            said["expires"] = self.expires(keep_minutes)
        if self.state == DONE:
            said["downloads"] = self.downloads()
        return said

    def downloads(self) -> dict[str, str]:
        """What can be downloaded, by name, as links under ``/jobs/{id}/``."""
        base = f"/jobs/{self.id}/"
        got = {name: base + "out/" + name
               for name in ("index.html", "ringkasan.xlsx", "ringkasan.csv", "ringkasan.json",
                            "rows.csv")
               if (self.out / name).is_file()}
        if any(line.reports for line in self.lines.values()):
            got["laporan.zip"] = base + "laporan.zip"
        return got


def _line_record(line: SummaryLine, lang: str) -> dict[str, Any]:
    record = line.record(lang)
    keep = ("status", "status_code", "reason", "unit_organisasi", "tahun", "rows", "errors",
            "warnings", "infos", "keyakinan")
    said = {k: record[k] for k in keep if record[k] != ""}
    said["reports"] = dict(line.reports)
    return said


class JobStore:
    """Every job of the server, the threads that run them and the sweep that deletes them."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.base = Path(tempfile.mkdtemp(prefix="rak-serve-"))
        if settings.config is not None:
            self.config = settings.config
        else:
            self.config = self.base / "rak.toml"
            self.config.write_text("", "utf-8")  # rak's defaults, whatever lies above /tmp
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.executor = ThreadPoolExecutor(settings.worker_count(), thread_name_prefix="rak-job")
        self.closing = threading.Event()
        self.sweeper = threading.Thread(target=self._sweep_loop, name="rak-sweep", daemon=True)
        self.sweeper.start()

    def new_folder(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="job-", dir=self.base))

    def submit(self, stored: Stored, lang: str, answer_only: bool = False) -> Job:
        """Start a job over what was stored in ``stored.root`` (made by ``new_folder``)."""
        found = stored.discovery()
        job = Job(secrets.token_urlsafe(16), stored.root, lang, found.files, found.skipped,
                  answer_only=answer_only)
        with self.lock:
            self.jobs[job.id] = job
        if not job.files:
            self._end(job, DONE)
        else:
            self.executor.submit(self._run, job)
        return job

    def discard(self, job: Job) -> None:
        """Forget ``job`` now and delete its folder (an answer of ``/api/check`` was sent)."""
        with self.lock:
            self.jobs.pop(job.id, None)
        shutil.rmtree(job.root, ignore_errors=True)

    def get(self, job_id: str) -> Job | None:
        self.sweep()
        with self.lock:
            return self.jobs.get(job_id)

    def _run(self, job: Job) -> None:
        job.state = RUNNING
        s = self.settings
        options = ExtractOptions(max_pages=s.max_pages, max_memory_mb=s.max_memory_mb,
                                 progress=PageFile(str(job.root)) if len(job.files) == 1
                                 else None)
        bulk = BulkSettings(mode="check", out=None if job.answer_only else job.out, jobs=1,
                            timeout=s.timeout, options=options, lang=job.lang, progress=False,
                            recipe=ConfigRecipe(config=self.config, lang=job.lang),
                            reports=("json",) if job.answer_only else ("csv",),
                            on_line=job.on_line)
        from ..bulk.discover import Discovery

        try:
            job.result = run_bulk([], bulk, Discovery(job.files, job.skipped))
            if not job.answer_only:
                _write_rows(job)
        except Exception as e:  # noqa: BLE001 - the job says it failed; the server goes on
            job.error = in_language(WORDS["job_failed"], job.lang,
                                    detail=job.scrub(f"{type(e).__name__}: {e}"))
            self._end(job, FAILED)
            return
        self._end(job, DONE)

    def _end(self, job: Job, state: str) -> None:
        job.state = state
        job.finished = time.time()
        job.ended.set()

    def sweep(self) -> None:
        """Delete the jobs kept past their time, with their folders."""
        now = time.time()
        with self.lock:
            old = [j for j in self.jobs.values()
                   if (t := j.expires(self.settings.keep_minutes)) is not None and t < now]
            for j in old:
                del self.jobs[j.id]
        for j in old:
            shutil.rmtree(j.root, ignore_errors=True)

    def _sweep_loop(self) -> None:
        while not self.closing.wait(30):
            self.sweep()

    def close(self) -> None:
        """The server stops: stop taking work, and delete every job's folder."""
        self.closing.set()
        self.executor.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.base, ignore_errors=True)

    # --- what is made on demand ---------------------------------------------------------

    def out_file(self, job: Job, relative: str) -> Path | None:
        """A file the run wrote under ``out/``, or None (never a path outside it)."""
        try:
            path = inside(job.out.resolve(), *relative.split("/"))
        except ValueError:
            return None
        return path if path.is_file() and not path.is_symlink() else None

    def reports_zip(self, job: Job) -> Path:
        """Every file's reports (berkas/), and the summary files, in one zip."""
        target = job.root / "laporan.zip"
        with job.lock:
            if not target.exists():
                tmp = target.with_suffix(".tmp")
                with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                    for path in sorted(job.out.rglob("*")):
                        if path.is_file() and not path.name.startswith("."):
                            zf.write(path, path.relative_to(job.out).as_posix())
                tmp.replace(target)
        return target

    def workbook(self, job: Job, index: int) -> tuple[str, bytes] | None:
        """File ``index`` as ``rak check -f xlsx`` writes it: its name and the workbook.

        Made from the file's JSON report (the document as read), checked again with the
        server's configuration, as ``rak check`` does with a JSON it wrote."""
        relative = job.report_of(index, "json")
        path = self.out_file(job, relative) if relative else None
        if path is None:
            return None
        from checks import RULE_NAMES, check_data, load_config
        from checks.report import Report

        from ..workbook_findings import check_workbook

        data = json.loads(path.read_text("utf-8"))
        data.pop("findings", None)
        cfg = load_config(self.config, RULE_NAMES).with_options(lang=job.lang)
        name = job.files[index].display
        result = check_data(data, cfg, file=name)
        report = Report(name, result.data, result.doc, result.findings)
        return f"{Path(name).stem}.xlsx", check_workbook(report, job.lang)


def _write_rows(job: Job) -> None:
    """rows.csv (and rows.jsonl) of a check job, as ``rak extract --out`` writes them."""
    from extractor.model import RakDocument

    from ..bulk.outputs import OutputDir, write_rows
    from ..export import row_records

    result = job.result
    if result is None or not job.out.is_dir():
        return
    columns = []
    for line in result.lines:
        rel = line.reports.get("json")
        if line.status == UNREADABLE or not rel or line.jenis == "pk":
            continue
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            doc = RakDocument.from_dict(json.loads((job.out / rel).read_text("utf-8")))
            records = row_records(doc)
            columns.append(list(records[0]) if records else [])
    write_rows(OutputDir(job.out), result.lines, columns)
