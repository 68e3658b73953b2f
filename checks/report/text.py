"""``--format text`` (the default): findings grouped by row, for a person at a terminal.

Each group is headed by the row's number, its page and the start of its INDIKATOR, so the
reader can find it in the printed document; document-wide findings come first; a summary line
closes. Document text is printed as plain ``rich.Text``, never as markup, so a "[b]" in a cell
is shown as written.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich.console import Console
from rich.text import Text

from extractor.language import in_language

from ..finding import Finding, Severity, count_by_severity, field_heading
from . import RenderOptions, Report
from .words import (
    CLEAN,
    ERRORS,
    NOTES,
    UNCERTAIN,
    WORDS,
    finding_place,
    pk_pair_lines,
    reading_status,
    row_place,
    shorten,
    status_text,
    summary_counts,
    uncertain_detail,
)

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
STATUS_STYLES = {CLEAN: "green", NOTES: "yellow", ERRORS: "bold red", UNCERTAIN: "bold magenta"}


def _heading(report: Report, row: int | None, lang: str) -> Text:
    if row is None:
        return Text(in_language(WORDS["document"], lang), style="bold")
    parts = [f"{in_language(WORDS['row'], lang)} {row}"]
    doc = report.doc
    if doc is not None and 0 < row <= len(doc.rows):
        r = doc.rows[row - 1]
        if place := row_place(r.lokasi, lang):
            parts.append(place)
        heading = Text(" · ".join(parts), style="bold")
        if r.indikator_kinerja.strip():
            heading.append(" · ")
            heading.append(shorten(r.indikator_kinerja, 70), style="italic")
        return heading
    return Text(" · ".join(parts), style="bold")


def _line(f: Finding, lang: str, label_width: int) -> Text:
    line = Text("    ")
    line.append(f.severity.label(lang).ljust(label_width), style=STYLES[f.severity])
    line.append("  ")
    heading = field_heading(f.field)
    if heading and heading not in f.message:
        line.append(f"{heading}: ", style="bold")
    line.append(f.message)
    if f.sel and f.lokasi is not None and f.lokasi.lembar:
        line.append(f"  {finding_place(f, lang)}", style="bold")
    line.append(f"  ({f.rule})", style="dim")
    return line


def _pk_section(console: Console, report: Report, lang: str) -> None:
    """Checked against a Perjanjian Kinerja: which one, and the pairs of indicators made."""
    found = pk_pair_lines(report.doc, lang)
    if found is None:
        return
    named, counted, lines = found
    head = Text(f"{in_language(WORDS['pk'], lang)}: ", style="bold")
    head.append(named)
    console.print(head, soft_wrap=True)
    pairs = Text(f"{in_language(WORDS['pk_pairs'], lang)}: ", style="bold")
    pairs.append(counted)
    console.print(pairs, soft_wrap=True)
    for line in lines:
        console.print(Text(f"    {line}"), soft_wrap=True)
    console.print()


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    out = io.StringIO()
    console = Console(
        file=out,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width,
        highlight=False,
        emoji=False,
        markup=False,
    )
    title = Text(report.file, style="bold")
    doc = report.doc
    if doc is not None:
        if doc.document.unit_organisasi:
            title.append(f" · {doc.document.unit_organisasi}")
        if doc.document.tahun:
            title.append(f" · {doc.document.tahun}")
        title.append(" · " + in_language(WORDS["rows_checked"], lang, n=len(doc.rows)))
    console.print(title, soft_wrap=True)
    label_width = max(len(s.label(lang)) for s in Severity)
    for row, group in groupby(report.findings, key=lambda f: f.row):
        console.print()
        console.print(_heading(report, row, lang), soft_wrap=True)
        for f in group:
            console.print(_line(f, lang, label_width), soft_wrap=True)
    console.print()
    _pk_section(console, report, lang)
    if not report.findings:
        console.print(Text(in_language(WORDS["no_findings"], lang), style="green"))
    counts = count_by_severity(report.findings)
    summary = Text(f"{in_language(WORDS['summary'], lang)}: ", style="bold")
    summary.append(summary_counts(counts, lang))
    console.print(summary)
    status = reading_status(report.findings)
    line = Text(f"{in_language(WORDS['status'], lang)}: ", style="bold")
    line.append(status_text(status, lang), style=STATUS_STYLES[status])
    if detail := uncertain_detail(report.findings, lang):
        line.append(f" — {detail}")
    console.print(line, soft_wrap=True)
    return out.getvalue()
