"""One line per input file, its status, and the run's exit code: the worst over all files.

A line is built from what the worker returned (``Outcome``) or from what happened to it
(``Failure``: timed out, crashed, cancelled), so every input file has exactly one line, read
or not. A check's status says what a KPU Provinsi does with the file, in this order
(``STATUS_ORDER``, the order of index.html and of the table's worst-first sort):

- perlu perbaikan (needs fixing): at least one error that is the document's own, outside
  the rows to verify by eye: send it back before it is signed;
- gagal dibaca (unreadable): nothing was checked at all; a readable file is needed;
- pembacaan tidak yakin (reading uncertain): the only errors are on rows (or pages) the
  extractor may have misread (``layout-uncertain``, ``low-confidence``): look at those rows
  by eye before blaming the document. It ranks below "perlu perbaikan" because those errors
  are not yet known to be the document's, and above "ada catatan" because it may hide some;
  a file with errors of its own is "perlu perbaikan" and says its rows in doubt in the reason;
- ada catatan (has notes): warnings or infos only, worth a look;
- bersih (clean): no finding.

An extract run that reads a file says terbaca (read); a Perjanjian Kinerja met in a check
says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.report.words import CLEAN, ERRORS, NOTES, STATUS_WORDS, UNCERTAIN, check_status
from extractor.language import in_language

from ..exitcodes import ExitCode
from ..failures import failure_exit
from ..i18n import WORDS
from .discover import InputFile
from .findings import FindingLine
from .grouping import UnitTally
from .pool import Failure
from .words import bulk_word
from .work import FileFacts, Outcome

UNREADABLE, READ = "unreadable", "read"
PK = "pk"  # check: a Perjanjian Kinerja, read to check the RAKs of its office and year
STATUS_ORDER = (ERRORS, UNREADABLE, UNCERTAIN, NOTES, CLEAN, READ, PK)
# Columns of ringkasan.csv and summary JSON (stable names, like the contract's; new ones at
# the end): status is the word in the run's language, status_code the stable name.
COLUMNS = ("file", "unit_organisasi", "tahun", "rows", "errors", "warnings", "infos",
           "status", "reason", "report_html", "report_json", "jenis", "pasangan",
           "unit_baku", "keyakinan", "status_code")


def status_word(status: str, lang: str) -> str:
    if status in STATUS_WORDS:  # a checked file: the single-file reports' own words
        return in_language(STATUS_WORDS[status], lang)
    return bulk_word(f"status_{status}", lang)


@dataclass(slots=True)
class SummaryLine(FileFacts):
    file: str
    status: str  # one of STATUS_ORDER
    code: int  # this file's exit code
    reason: str = ""
    stem: str = ""  # safe output name (``--out``)
    reports: dict[str, str] = field(default_factory=dict)  # "html"/"json" -> path in --out
    # With PKs: a RAK's PK, the RAKs a PK serves, or that it has none (the words of bulk_no_*).
    pasangan: str = ""
    unit_baku: str = ""  # the office's one name (``grouping.name_offices``)
    # check: one line per finding, and the rows and findings per unit (``grouping``)
    findings: list[FindingLine] = field(default_factory=list)
    pelaksana: dict[str, UnitTally] = field(default_factory=dict)

    def status_word(self, lang: str) -> str:
        return status_word(self.status, lang)

    @property
    def checked(self) -> bool:
        return self.status in (ERRORS, NOTES, CLEAN, UNCERTAIN)

    def record(self, lang: str) -> dict[str, Any]:
        """The line as ringkasan.csv / .xlsx hold it (counts blank where nothing was counted)."""
        read = self.status != UNREADABLE
        checked = self.checked
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
            "unit_baku": self.unit_baku if read else "",
            "keyakinan": self.keyakinan if self.keyakinan is not None and read else "",
            "status_code": self.status,
        }


def make_line(item: InputFile, result: Outcome | Failure, mode: str, lang: str) -> SummaryLine:
    if isinstance(result, Failure):  # its worker returned nothing: timed out, died ...
        code, message = failure_exit(result, lang, item.display)
        reason = message.removeprefix(f"{item.display}: ")  # the line names the file
        return SummaryLine(item.display, UNREADABLE, int(code), reason=reason)
    if not result.ok:
        return SummaryLine(item.display, UNREADABLE, result.code, reason=result.reason,
                           seconds=result.seconds)
    facts = result.facts()
    reason = ""
    if mode == "extract":
        status = READ
    elif result.jenis == "pk":
        status = PK
    else:
        status = check_status(result.sure_errors, result.eye,
                              result.errors + result.warnings + result.infos)
        if result.eye:
            key = "eye_rows" if result.eye_rows else "eye_document"
            reason = bulk_word(key, lang, n=result.eye_rows)
    return SummaryLine(item.display, status, result.code, reason=reason, **facts,
                       findings=result.findings, pelaksana=result.pelaksana)


def worst_first(lines: list[SummaryLine]) -> list[SummaryLine]:
    """Errors first (most first), then unreadable, in doubt, with notes, clean."""
    return sorted(lines, key=lambda x: (STATUS_ORDER.index(x.status), -x.errors, -x.warnings,
                                        -x.infos, x.file))


def exit_code(lines: list[SummaryLine]) -> int:
    """The worst over all files: 3 a bug, 2 any unreadable file, 1 findings, 0 clean."""
    return max((line.code for line in lines), default=int(ExitCode.INPUT))


def counts(lines: list[SummaryLine]) -> dict[str, int]:
    out = dict.fromkeys(STATUS_ORDER, 0)
    for line in lines:
        out[line.status] += 1
    return out


def totals_line(lines: list[SummaryLine], mode: str, lang: str) -> str:
    c = counts(lines)
    if mode == "extract":
        return in_language(WORDS["bulk_totals_extract"], lang, n=len(lines), read=c[READ],
                           unreadable=c[UNREADABLE], rows=sum(x.rows for x in lines))
    line = bulk_word("totals_check", lang, n=len(lines), errors=c[ERRORS],
                       notes=c[NOTES], clean=c[CLEAN], uncertain=c[UNCERTAIN],
                       unreadable=c[UNREADABLE])
    return line + (in_language(WORDS["bulk_totals_pk"], lang, n=c[PK]) if c[PK] else "")
