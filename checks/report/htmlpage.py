"""``--format html``: one self-contained page a person opens in a browser and prints.

A summary on top (counts, the rules that fired with links to their rows, document-wide
findings), then the table as extracted, each flagged cell tinted by its worst finding and the
messages in a column beside the row, the schedule drawn as a 12-month (or 4-quarter) grid.
No script, no font or stylesheet from the network. Every piece of document text goes through
``esc``: a cell holding ``<script>`` is shown as text.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from extractor.language import in_language
from extractor.model import RakDocument, Row

from ..finding import Finding, Severity, count_by_severity, field_heading
from ..registry import get_rule, rule_order
from . import RenderOptions, Report
from .htmlstyle import CSS
from .words import (
    PLURAL_SEVERITY,
    WORDS,
    finding_place,
    period_labels,
    pk_pair_lines,
    reading_status,
    row_place,
    status_text,
    uncertain_detail,
)

COLUMNS = ("sasaran_kegiatan", "indikator_kinerja", "target", "kegiatan")
HEADINGS = {
    "id": {"no": "No", "jadwal": "Rencana pelaksanaan", "notes": "Temuan"},
    "en": {"no": "No", "jadwal": "Schedule", "notes": "Findings"},
}


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _worst(findings: list[Finding]) -> Severity:
    return max(findings, key=lambda f: f.severity.rank).severity


def _badge(severity: Severity, lang: str) -> str:
    return f'<span class="badge {severity.value}">{esc(severity.label(lang))}</span>'


def _header(report: Report, lang: str) -> str:
    doc = report.doc
    meta = doc.document if doc else None
    title = (
        " · ".join(str(x) for x in ((meta.unit_organisasi, meta.tahun) if meta else ()) if x)
        or report.file
    )
    items = [(in_language(WORDS["file"], lang), report.file)]
    if meta:
        signed = ", ".join(x for x in (meta.tempat, meta.tanggal) if x)
        who = " ".join(x for x in (meta.penandatangan.jabatan, meta.penandatangan.nama) if x)
        if signed or who:
            signer = " — ".join(x for x in (signed, who) if x)
            items.append((in_language(WORDS["signed"], lang), signer))
    if doc:
        rows = in_language(WORDS["rows_checked"], lang, n=len(doc.rows))
        if doc.source.ocr:
            rows += f" ({in_language(WORDS['ocr'], lang)})"
        items.append((in_language(WORDS["table"], lang), rows))
    meta_html = "".join(f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in items)
    return (
        '<header class="top">'
        f'<div class="eyebrow">{esc(in_language(WORDS["title"], lang))}</div>'
        f"<h1>{esc(title)}</h1>"
        f'<dl class="meta">{meta_html}</dl>'
        "</header>"
    )


def _summary(report: Report, lang: str) -> str:
    counts = count_by_severity(report.findings)
    cards = []
    for s in Severity:
        label = in_language(PLURAL_SEVERITY[s], lang)
        cards.append(
            f'<div class="card {s.value}"><b>{counts[s]}</b><span>{esc(label)}</span></div>'
        )
    flagged = len({f.row for f in report.findings if f.row is not None})
    ok = " ok" if not report.findings else ""
    rows_label = esc(in_language(WORDS["rows_flagged"], lang))
    cards.append(f'<div class="card rows{ok}"><b>{flagged}</b><span>{rows_label}</span></div>')
    parts = [f'<section class="summary"><div class="cards">{"".join(cards)}</div>']
    status = reading_status(report.findings)
    detail = uncertain_detail(report.findings, lang)
    parts.append(
        f'<p class="status {status}"><b>{esc(in_language(WORDS["status"], lang))}: '
        f"{esc(status_text(status, lang))}</b>"
        + (f" — {esc(detail)}" if detail else "")
        + "</p>"
    )
    if not report.findings:
        parts.append(f"<p>{esc(in_language(WORDS['no_findings'], lang))}</p></section>")
        return "".join(parts)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_rule[f.rule].append(f)
    lines = []
    for name in sorted(by_rule, key=lambda n: (-_worst(by_rule[n]).rank, rule_order(n))):
        found = by_rule[name]
        rule = get_rule(name)
        title = in_language(rule.title, lang) if rule else name
        rows = sorted({f.row for f in found if f.row is not None})
        links = " ".join(f'<a href="#baris-{r}">{r}</a>' for r in rows) or "—"
        lines.append(
            f"<tr><td>{_badge(_worst(found), lang)}</td><td>{esc(title)}<br>"
            f'<code>{esc(name)}</code></td><td class="n">{len(found)}</td><td>{links}</td></tr>'
        )
    head = {k: esc(in_language(WORDS[k], lang)) for k in ("findings", "rule", "count", "row")}
    parts.append(
        f'<h2>{head["findings"]}</h2><div class="panel"><table class="rules"><thead><tr>'
        f'<th></th><th>{head["rule"]}</th><th class="n">{head["count"]}</th>'
        f"<th>{head['row']}</th></tr></thead><tbody>{''.join(lines)}</tbody></table></div>"
    )
    doc_level = [f for f in report.findings if f.row is None]
    if doc_level:
        items = "".join(
            f"<li>{_badge(f.severity, lang)} {esc(f.message)} <code>{esc(f.rule)}</code></li>"
            for f in doc_level
        )
        heading = esc(in_language(WORDS["document"], lang))
        parts.append(f'<h2>{heading}</h2><ul class="doc-findings">{items}</ul>')
    parts.append("</section>")
    return "".join(parts)


def _cell_class(base: str, found: list[Finding]) -> str:
    classes = [base] if base else []
    if found:
        classes.append(f"flag-{_worst(found).value}")
    return " ".join(classes)


def _field_label(f: Finding) -> str:
    """The cell's heading before a message, unless the message already names it."""
    heading = field_heading(f.field)
    if not heading or heading in f.message:
        return ""
    return f'<span class="field">{esc(heading)}</span> '


def _cell_label(f: Finding, lang: str) -> str:
    """The workbook cell to edit (``'RAK 2024'!D12``), where the input was a workbook."""
    if not (f.sel and f.lokasi is not None and f.lokasi.lembar):
        return ""
    return f' <span class="cell">{esc(finding_place(f, lang))}</span>'


def _row_html(
    n: int, row: Row, found: list[Finding], periods: int, sasaran_span: int, lang: str
) -> str:
    by_field: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_field[(f.field or "").split(".")[0]].append(f)
    row_class = f' class="flagged {_worst(found).value}"' if found else ""
    place = row_place(row.lokasi, lang)
    at = f'<span class="place">{esc(place)}</span>' if place else ""
    cells = [f'<td class="{_cell_class("no", by_field.get("", []))}"><b>{n}</b>{at}</td>']
    texts = {
        "sasaran_kegiatan": row.sasaran_kegiatan,
        "indikator_kinerja": row.indikator_kinerja,
        "target": row.target.teks,
        "kegiatan": row.kegiatan,
    }
    for name in COLUMNS:
        if name == "sasaran_kegiatan":
            if sasaran_span == 0:
                continue  # covered by the merged cell above
            span = f' rowspan="{sasaran_span}"' if sasaran_span > 1 else ""
        else:
            span = ""
        text = texts[name].strip()
        base = {"sasaran_kegiatan": "sasaran", "target": "target"}.get(name, "")
        if not text:
            base = f"{base} empty".strip()
        cls = _cell_class(base, by_field.get(name, []))
        cells.append(f'<td class="{cls}"{span}>{esc(text)}</td>')
    marked = set(row.jadwal)
    schedule_flags = by_field.get("jadwal", [])
    quarter = " q" if periods == 4 else ""
    for p in range(1, periods + 1):
        on = " on" if p in marked else ""
        cls = _cell_class(f"m{quarter}{on}", schedule_flags)
        cells.append(f'<td class="{cls}"></td>')
    pelaksana = row.pelaksana.strip()
    cls = _cell_class("pelaksana" + ("" if pelaksana else " empty"), by_field.get("pelaksana", []))
    cells.append(f'<td class="{cls}">{esc(pelaksana)}</td>')
    notes = "".join(
        f"<li>{_badge(f.severity, lang)} {_field_label(f)}{esc(f.message)}"
        f"{_cell_label(f, lang)}<code>{esc(f.rule)}</code></li>"
        for f in found
    )
    cells.append(f'<td class="notes">{"<ul>" + notes + "</ul>" if notes else ""}</td>')
    return f'<tr id="baris-{n}"{row_class}>{"".join(cells)}</tr>'


def _crop_html(n: int, crops: list[tuple[int, str]], columns: int, lang: str) -> str:
    """The row as printed, right under the row as read, so a person compares the two."""
    figures = []
    for page, src in crops:
        caption = esc(in_language(WORDS["source_crop"], lang, page=page))
        figures.append(f'<figure><img src="{esc(src)}" alt="{caption}">'
                       f"<figcaption>{caption}</figcaption></figure>")
    cell = f'<td colspan="{columns}">{"".join(figures)}</td>'
    return f'<tr class="source" id="sumber-{n}">{cell}</tr>'


def _sasaran_spans(
    doc: RakDocument, by_row: dict[int, list[Finding]], breaks: set[int]
) -> list[int]:
    """Rowspan of each row's SASARAN cell: merged like the document, 0 where covered.

    A merge never runs past a row in ``breaks`` (1-based): the picture of where that row is
    printed goes right under it, across the whole table.
    """
    spans = [1] * len(doc.rows)
    start = 0
    for i in range(1, len(doc.rows) + 1):
        prev = doc.rows[start]
        same = (
            i < len(doc.rows)
            and i not in breaks
            and doc.rows[i].sasaran_kegiatan.strip()
            and doc.rows[i].sasaran_kegiatan == prev.sasaran_kegiatan
            and not any((f.field or "").startswith("sasaran") for f in by_row.get(i + 1, []))
        )
        if same:
            spans[start] += 1
            spans[i] = 0
        else:
            start = i
    return spans


def _table(report: Report, lang: str) -> str:
    doc = report.doc
    if doc is None:
        return (
            f"<section><h2>{esc(in_language(WORDS['table'], lang))}</h2>"
            f"<p>{esc(in_language(WORDS['no_table'], lang))}</p></section>"
        )
    labels = period_labels(doc.periode, lang)
    heads = HEADINGS.get(lang, HEADINGS["id"])
    by_row: dict[int, list[Finding]] = defaultdict(list)
    for f in report.findings:
        if f.row is not None:
            by_row[f.row].append(f)
    top = [f'<th rowspan="2">{esc(heads["no"])}</th>']
    top += [f'<th rowspan="2">{esc(field_heading(c).title())}</th>' for c in COLUMNS]
    top.append(f'<th colspan="{len(labels)}">{esc(heads["jadwal"])}</th>')
    top.append(f'<th rowspan="2">{esc(field_heading("pelaksana").title())}</th>')
    top.append(f'<th rowspan="2">{esc(heads["notes"])}</th>')
    months = "".join(f"<th>{esc(label)}</th>" for label in labels)  # Jan..Des or TW I..IV
    spans = _sasaran_spans(doc, by_row, set(report.crops))
    columns = len(COLUMNS) + len(labels) + 3
    body = "".join(
        _row_html(n, row, by_row.get(n, []), len(labels), spans[n - 1], lang)
        + (_crop_html(n, report.crops[n], columns, lang) if n in report.crops else "")
        for n, row in enumerate(doc.rows, start=1)
    )
    legend = (
        f'<div class="legend"><span><i class="on"></i>{esc(in_language(WORDS["marked"], lang))}'
        "</span>"
        + "".join(f'<span><i class="{s.value}"></i>{esc(s.label(lang))}</span>' for s in Severity)
        + "</div>"
    )
    # Widths that add up on a 1400px screen: text columns share what the grid leaves.
    period_width = 27 if len(labels) == 12 else 60
    colgroup = (
        '<colgroup><col style="width:3.6em"><col style="width:12%"><col style="width:15%">'
        '<col style="width:7.4em"><col style="width:15%">'
        + f'<col style="width:{period_width}px">' * len(labels)
        + '<col style="width:9%"><col style="width:16%"></colgroup>'
    )
    return (
        f'<section><h2>{esc(in_language(WORDS["table"], lang))}</h2>{legend}'
        '<div class="panel scroll">'
        f'<table class="rak">{colgroup}<thead><tr>{"".join(top)}</tr><tr>{months}</tr></thead>'
        f"<tbody>{body}</tbody></table></div></section>"
    )


def _pk_pairs(report: Report, lang: str) -> str:
    """Checked against a Perjanjian Kinerja: which one, and the pairs of indicators made."""
    found = pk_pair_lines(report.doc, lang)
    if found is None:
        return ""
    named, counted, lines = found
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    return (
        f'<section class="panel"><h2>{esc(in_language(WORDS["pk_pairs"], lang))}</h2>'
        f"<p><strong>{esc(in_language(WORDS['pk'], lang))}:</strong> {esc(named)}</p>"
        f"<p>{esc(counted)}</p>"
        + (f'<ol class="pk-pairs">{items}</ol>' if items else "")
        + "</section>"
    )


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(in_language(WORDS['title'], lang))} — {esc(report.file)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f"{_header(report, lang)}\n{_summary(report, lang)}\n{_pk_pairs(report, lang)}\n"
        f"{_table(report, lang)}\n"
        f"<footer>{esc(in_language(WORDS['generated'], lang))}</footer>\n</body>\n</html>\n"
    )
