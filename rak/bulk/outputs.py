"""What ``--out DIR`` holds, written only inside DIR.

    ringkasan.csv / ringkasan.json   one line per input file (the summary); the JSON also
                                     holds the totals by rule and by pelaksana
    ringkasan.xlsx                   the summary, every finding, the totals (``sheet``)
    berkas/<name>.json (.html)       each file's own report (check) or document (extract)
    rows.csv / rows.jsonl            extract: every row of every file, with file, unit, year
    dilewati.csv                     the files that were not read, and why
    index.html                       (check and extract) the summary as a page, worst first

Every path goes through ``naming.inside`` before it is opened, and each file is written the
way every file of rak is (``rak.output``): under an exclusive temporary name, renamed into
place, so a run stopped half-way leaves whole files only and a link planted at
``NAME.json.tmp`` or ``NAME.json`` is never written through; a write that fails (a full disk)
removes its temporary file and raises ``OSError`` (``CannotWrite``) for the caller to report.
Text from documents is neutralised for spreadsheets (``=cmd|...`` stays text) in CSV and XLSX
alike.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from ..export import row_records, safe_cell
from ..output import cannot_write, replacing
from .discover import Skipped
from .grouping import SEVERITIES, Totals, pelaksana_label, rule_title
from .naming import inside
from .summary import COLUMNS, UNREADABLE, SummaryLine

FILES_DIR = "berkas"
ROW_FRONT = ("file", "unit_organisasi", "tahun")


class OutputDir:
    def __init__(self, root: Path) -> None:
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as e:  # a file in the way, a folder that cannot be made
            raise cannot_write(root, e) from None
        self.root = root.resolve()
        self.written: list[Path] = []

    def path(self, *parts: str) -> Path:
        """The place of ``parts`` under the root; ``OSError`` when it would be outside."""
        try:
            return inside(self.root, *parts)
        except ValueError as e:
            raise OSError(str(e)) from None

    @contextmanager
    def creating(self, parts: tuple[str, ...], mode: str = "w",
                 encoding: str | None = "utf-8", newline: str | None = "") -> Iterator[IO[Any]]:
        """A new file at ``parts``, written as every file is (``rak.output.replacing``)."""
        target = self.path(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target, mode, encoding, newline) as fh:
            yield fh
        self.written.append(target)

    def write_text(self, parts: tuple[str, ...], text: str, bom: bool = False) -> str:
        """Write ``text`` at ``parts`` under the root; return the path relative to the root."""
        with self.creating(parts, encoding="utf-8-sig" if bom else "utf-8") as fh:
            fh.write(text)
        return "/".join(parts)

    def file_reports(self, stem: str, texts: dict[str, str]) -> dict[str, str]:
        """A file's own outputs (``berkas/<stem>.json``, ``.html``): format -> relative path."""
        return {fmt: self.write_text((FILES_DIR, f"{stem}.{fmt}"), text)
                for fmt, text in sorted(texts.items())}


def _csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buf.getvalue()


def summary_csv(lines: list[SummaryLine], lang: str) -> str:
    return _csv_text(COLUMNS, ([line.record(lang)[c] for c in COLUMNS] for line in lines))


def skipped_csv(skipped: list[Skipped], lang: str) -> str:
    return _csv_text(("file", "reason"),
                     ((s.display, s.reason_in(lang)) for s in skipped))


def summary_data(lines: list[SummaryLine], skipped: list[Skipped], totals: Totals,
                 lang: str) -> dict[str, Any]:
    """The summary as JSON holds it (``-f json`` and ringkasan.json): a line per file, the
    skipped files, and the totals by rule and by pelaksana that ringkasan.xlsx also shows."""
    return {
        "files": [line.record(lang) for line in lines],
        "skipped": [{"file": s.display, "reason": s.reason_in(lang)} for s in skipped],
        "by_rule": [{"rule": rule, "title": rule_title(rule, lang),
                     **{k: counts.get(k, 0) for k in (*SEVERITIES, "files")}}
                    for rule, counts in totals.rules_worst_first()],
        "by_pelaksana": [{"pelaksana": pelaksana_label(key, tally, lang),
                          "known": tally.known,
                          **{k: tally.counts.get(k, 0)
                             for k in ("rows", *SEVERITIES, "files")},
                          "written": dict(sorted(tally.written.items(),
                                                 key=lambda kv: (-kv[1], kv[0])))}
                         for key, tally in totals.pelaksana_worst_first()],
    }


def summary_json(lines: list[SummaryLine], skipped: list[Skipped], totals: Totals,
                 lang: str) -> str:
    return json.dumps(summary_data(lines, skipped, totals, lang), ensure_ascii=False,
                      indent=2) + "\n"


def write_summary(out: OutputDir, lines: list[SummaryLine], skipped: list[Skipped],
                  lang: str, totals: Totals) -> None:
    out.write_text(("ringkasan.csv",), summary_csv(lines, lang), bom=True)
    out.write_text(("ringkasan.json",), summary_json(lines, skipped, totals, lang))
    from .sheet import summary_xlsx

    with out.creating(("ringkasan.xlsx",), mode="wb") as fh:
        summary_xlsx(lines, totals, lang, fh)
    if skipped:
        out.write_text(("dilewati.csv",), skipped_csv(skipped, lang), bom=True)


def merge_columns(lists: Iterable[list[str]]) -> list[str]:
    """All keys in a stable order: a new key goes right after the key before it in its list.

    So a triwulan file's TW1..TW4 sit beside a bulan file's B1..B12, before ``pelaksana``.
    """
    merged: list[str] = list(ROW_FRONT)
    for keys in lists:
        previous: str | None = None
        for key in keys:
            if key not in merged:
                at = merged.index(previous) + 1 if previous in merged else len(merged)
                merged.insert(at, key)
            previous = key
    return merged


def _records(out: OutputDir, lines: list[SummaryLine]) -> Iterator[dict[str, Any]]:
    """Rows of every file read, in input order, read back from its own JSON one at a time."""
    from extractor.model import RakDocument

    for line in lines:
        rel = line.reports.get("json")
        if line.status == UNREADABLE or not rel or line.jenis == "pk":
            continue  # a Perjanjian Kinerja's rows are not a RAK's: its own JSON holds them
        data = json.loads(out.path(*rel.split("/")).read_text(encoding="utf-8"))
        doc = RakDocument.from_dict(data)
        front = {"file": line.file, "unit_organisasi": line.unit_organisasi,
                 "tahun": line.tahun}
        yield from row_records(doc, extra=front)


def write_rows(out: OutputDir, lines: list[SummaryLine], columns: list[list[str]]) -> None:
    """rows.csv and rows.jsonl: the archive as one table, without holding it all in memory."""
    header = merge_columns(columns)
    with ExitStack() as stack:
        fc = stack.enter_context(out.creating(("rows.csv",), encoding="utf-8-sig"))
        fj = stack.enter_context(out.creating(("rows.jsonl",), newline="\n"))
        writer = csv.DictWriter(fc, fieldnames=header, restval="", lineterminator="\r\n",
                                extrasaction="ignore")
        writer.writeheader()
        for rec in _records(out, lines):
            writer.writerow({k: safe_cell(v) for k, v in rec.items()})
            fj.write(json.dumps(rec, ensure_ascii=False) + "\n")
