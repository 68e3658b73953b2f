"""One line per input file, and the run's exit code: the worst over all files.

A line is built from what the worker returned (``Outcome``) or from what happened to it
(``Failure``: timed out, crashed, cancelled), so every input file has exactly one line, read
or not. Status words follow the run's language: bersih / ada temuan / pembacaan tidak yakin /
gagal dibaca (clean / findings / reading uncertain / unreadable); an extract run that reads a
file says terbaca (read). "Pembacaan tidak yakin" is kept apart from "ada temuan": the table
may have been misread, so its findings are not yet the document's mistakes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extractor.language import in_language

from ..exitcodes import ExitCode
from ..failures import failure_exit
from ..i18n import WORDS
from .discover import InputFile
from .pool import Failure
from .work import FileFacts, Outcome

CLEAN, FINDINGS, UNREADABLE, READ = "clean", "findings", "unreadable", "read"
UNCERTAIN = "uncertain"
PK = "pk"  # check: a Perjanjian Kinerja, read to check the RAKs of its office and year
STATUS_WORDS = {CLEAN: "status_clean", FINDINGS: "status_findings",
                UNREADABLE: "status_unreadable", READ: "status_read",
                UNCERTAIN: "status_uncertain", PK: "status_pk"}
# Columns of ringkasan.csv / .xlsx (stable names, like the contract's; new ones at the end).
COLUMNS = ("file", "unit_organisasi", "tahun", "rows", "errors", "warnings", "infos",
           "status", "reason", "report_html", "report_json", "jenis", "pasangan")


@dataclass(slots=True)
class SummaryLine(FileFacts):
    file: str
    status: str  # CLEAN, FINDINGS, UNCERTAIN, UNREADABLE or READ
    code: int  # this file's exit code
    reason: str = ""
    stem: str = ""  # safe output name (``--out``)
    reports: dict[str, str] = field(default_factory=dict)  # "html"/"json" -> path in --out
    # With PKs: a RAK's PK, the RAKs a PK serves, or that it has none (the words of bulk_no_*).
    pasangan: str = ""

    def status_word(self, lang: str) -> str:
        return in_language(WORDS[STATUS_WORDS[self.status]], lang)

    def record(self, lang: str) -> dict[str, Any]:
        """The line as ringkasan.csv / .xlsx hold it (counts blank where nothing was counted)."""
        read = self.status != UNREADABLE
        checked = self.status in (CLEAN, FINDINGS, UNCERTAIN)
        return {
            "file": self.file,
            "unit_organisasi": self.unit_organisasi or "",
            "tahun": self.tahun if self.tahun is not None else "",
            "rows": self.rows if read else "",
            "errors": self.errors if checked else "",
            "warnings": self.warnings if checked else "",
            "infos": self.infos if checked else "",
            "status": self.status_word(lang),
            "reason": self.reason,
            "report_html": self.reports.get("html", ""),
            "report_json": self.reports.get("json", ""),
            "jenis": self.jenis if read else "",
            "pasangan": self.pasangan,
        }


def make_line(item: InputFile, result: Outcome | Failure, mode: str, lang: str) -> SummaryLine:
    if isinstance(result, Failure):  # its worker returned nothing: timed out, died ...
        code, message = failure_exit(result, lang, item.display)
        reason = message.removeprefix(f"{item.display}: ")  # the line names the file
        return SummaryLine(item.display, UNREADABLE, int(code), reason=reason)
    if not result.ok:
        return SummaryLine(item.display, UNREADABLE, result.code, reason=result.reason,
                           seconds=result.seconds)
    if mode == "extract":
        status = READ
    elif result.jenis == "pk":
        status = PK
    elif result.uncertain:
        status = UNCERTAIN
    else:
        status = FINDINGS if (result.errors or result.warnings or result.infos) else CLEAN
    return SummaryLine(item.display, status, result.code, **result.facts())


def worst_first(lines: list[SummaryLine]) -> list[SummaryLine]:
    order = {UNREADABLE: 0, UNCERTAIN: 1, FINDINGS: 2, READ: 3, CLEAN: 3, PK: 4}
    return sorted(lines, key=lambda x: (order[x.status], -x.errors, -x.warnings, -x.infos,
                                        x.file))


def exit_code(lines: list[SummaryLine]) -> int:
    """The worst over all files: 3 a bug, 2 any unreadable file, 1 findings, 0 clean."""
    return max((line.code for line in lines), default=int(ExitCode.INPUT))


def counts(lines: list[SummaryLine]) -> dict[str, int]:
    out = {CLEAN: 0, FINDINGS: 0, UNCERTAIN: 0, UNREADABLE: 0, READ: 0, PK: 0}
    for line in lines:
        out[line.status] += 1
    return out


def totals_line(lines: list[SummaryLine], mode: str, lang: str) -> str:
    c = counts(lines)
    if mode == "extract":
        return in_language(WORDS["bulk_totals_extract"], lang, n=len(lines), read=c[READ],
                           unreadable=c[UNREADABLE], rows=sum(x.rows for x in lines))
    line = in_language(WORDS["bulk_totals_check"], lang, n=len(lines), clean=c[CLEAN],
                       findings=c[FINDINGS], uncertain=c[UNCERTAIN], unreadable=c[UNREADABLE])
    return line + (in_language(WORDS["bulk_totals_pk"], lang, n=c[PK]) if c[PK] else "")


STATUS_STYLE = {CLEAN: "green", READ: "green", FINDINGS: "yellow", UNCERTAIN: "bold magenta",
                UNREADABLE: "bold red", PK: "cyan"}


def render_table(lines: list[SummaryLine], mode: str, lang: str, color: bool,
                 width: int) -> str:
    """The summary as a table for a terminal (document text shown as text, never markup)."""
    console = Console(record=True, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      markup=False, emoji=False, file=io.StringIO())
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    heads = ["file", "unit", "year", "rows"]
    if mode == "check":
        heads += ["errors", "warnings", "infos"]
    heads += ["status"]
    any_reason = any(x.reason for x in lines)
    if any_reason:
        heads.append("reason")
    numeric = {"year", "rows", "errors", "warnings", "infos"}
    # The file name is what a person looks for: keep it whole where it fits.
    file_width = min(max((len(x.file) for x in lines), default=10), 60)
    for h in heads:
        table.add_column(in_language(WORDS[f"col_{h}"], lang),
                         justify="right" if h in numeric else "left",
                         overflow="fold", min_width=file_width if h == "file" else None)
    for x in lines:
        cells: list[Text] = [Text(x.file), Text(x.unit_organisasi or ""),
                             Text("" if x.tahun is None else str(x.tahun))]
        rec = x.record(lang)  # counts blank where nothing was counted (unreadable, a PK)
        nums = ["rows"] + (["errors", "warnings", "infos"] if mode == "check" else [])
        cells += [Text(str(rec[n])) for n in nums]
        cells.append(Text(x.status_word(lang), style=STATUS_STYLE[x.status]))
        if any_reason:
            cells.append(Text(x.reason))
        table.add_row(*cells)
    console.print(table)
    console.print(Text(totals_line(lines, mode, lang), style="bold"))
    text = console.export_text(styles=color)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
