"""index.html of a bulk run: every file worst first with links to its reports, and totals.

Totals by rule say which mistakes are common across the kabupaten/kota; totals by pelaksana say
which unit has the most to fix. The page is self-contained (inline CSS, no script, nothing
from the network) and every piece of text from a file or its name goes through ``esc``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from extractor.language import in_language

from ..i18n import WORDS
from .discover import Skipped
from .pairing import Pairs
from .summary import SummaryLine, totals_line, worst_first
from .work import Outcome

SEVERITIES = ("error", "warning", "info")
EXTRA_CSS = """
table.files td, table.files th { white-space: nowrap; }
table.files td.wrap { white-space: normal; min-width: 16em; }
.badge.clean, .badge.read { color: var(--mark); background: var(--mark-bg); }
.badge.findings { color: var(--warning); background: var(--warning-bg); }
.badge.uncertain { color: var(--doubt); background: var(--doubt-bg); }
.badge.unreadable { color: var(--error); background: var(--error-bg); }
ul.skipped { color: var(--muted); }
"""


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


@dataclass(slots=True)
class Totals:
    """Findings added up over all files, by rule and by pelaksana (with files affected)."""

    by_rule: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    by_pelaksana: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def add(self, outcome: Outcome) -> None:
        for rule, counts in outcome.by_rule.items():
            for severity, n in counts.items():
                self.by_rule[rule][severity] += n
            self.by_rule[rule]["files"] += 1
        for name, counts in outcome.by_pelaksana.items():
            for key, n in counts.items():
                self.by_pelaksana[name][key] += n
            self.by_pelaksana[name]["files"] += 1


def _rule_title(rule: str, lang: str) -> str:
    try:
        from checks.registry import get_rule
        from extractor.language import in_language
    except ImportError:
        return ""
    found = get_rule(rule)
    return in_language(found.title, lang) if found else ""


def _weight(counts: dict[str, int]) -> tuple[int, ...]:
    return tuple(-counts.get(s, 0) for s in SEVERITIES)


def _num(n: object) -> str:
    return f'<td class="n">{esc(n)}</td>'


def _files_table(lines: list[SummaryLine], mode: str, lang: str) -> str:
    heads = ["file", "unit", "year", "rows"]
    if mode == "check":
        heads += ["errors", "warnings", "infos"]
    heads += ["status", "reason", "report"]
    head = "".join(f"<th>{esc(in_language(WORDS[f'col_{h}'], lang))}</th>" for h in heads)
    body = []
    for x in worst_first(lines):
        rec = x.record(lang)  # counts blank where nothing was counted (unreadable, a PK)
        cells = [f"<td>{esc(x.file)}</td>", f'<td class="wrap">{esc(x.unit_organisasi)}</td>',
                 _num(rec["tahun"]), _num(rec["rows"])]
        if mode == "check":
            cells += [_num(rec[n]) for n in ("errors", "warnings", "infos")]
        cells.append(f'<td><span class="badge {esc(x.status)}">'
                     f"{esc(x.status_word(lang))}</span></td>")
        cells.append(f'<td class="wrap">{esc(x.reason)}</td>')
        links = " ".join(f'<a href="{esc(path)}">{esc(fmt)}</a>'
                         for fmt, path in sorted(x.reports.items()))
        cells.append(f"<td>{links}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="panel scroll"><table class="rules files"><thead><tr>{head}</tr>'
            f"</thead><tbody>{''.join(body)}</tbody></table></div>")


def _counts_table(first: str, rows: list[tuple[str, str, dict[str, int]]], lang: str,
                  with_rows: bool) -> str:
    heads = [first] + (["rows"] if with_rows else []) + ["errors", "warnings", "infos", "files"]
    head = "".join(f"<th>{esc(in_language(WORDS[f'col_{h}'], lang))}</th>" for h in heads)
    body = []
    for name, note, counts in rows:
        extra = f"<br><code>{esc(note)}</code>" if note else ""
        cells = [f"<td>{esc(name)}{extra}</td>"]
        if with_rows:
            cells.append(_num(counts.get("rows", 0)))
        cells += [_num(counts.get(s, 0)) for s in SEVERITIES]
        cells.append(_num(counts.get("files", 0)))
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="panel"><table class="rules"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def pairs_summary(lines: list[SummaryLine], pairs: Pairs, lang: str) -> list[str]:
    """The pairing in words: the count, then the RAKs without a PK and the PKs without a RAK
    (the terminal summary and index.html say the same)."""
    out = [in_language(WORDS["bulk_pairs_count"], lang, pairs=len(pairs.of_rak),
                       raks=len(pairs.raks_without), pks=len(pairs.pks_without))]
    for key, which in (("bulk_raks_without", pairs.raks_without),
                       ("bulk_pks_without", pairs.pks_without)):
        if which:
            named = ", ".join(lines[i].file for i in which)
            out.append(f"{in_language(WORDS[key], lang)}: {named}")
    return out


def _pairs_section(lines: list[SummaryLine], pairs: Pairs, lang: str) -> str:
    said = pairs_summary(lines, pairs, lang)
    rows = "".join(
        f"<tr><td>{esc(lines[rak].file)}</td><td>{esc(lines[pk].file)}</td>"
        f"<td>{esc(lines[rak].unit_organisasi)}</td>{_num(lines[rak].tahun)}</tr>"
        for rak, pk in sorted(pairs.of_rak.items())
    )
    heads = "".join(f"<th>{esc(x)}</th>" for x in ("RAK", *(
        in_language(WORDS[k], lang) for k in ("status_pk", "col_unit", "col_year"))))
    table = (f'<div class="panel scroll"><table class="rules files"><thead><tr>{heads}</tr>'
             f"</thead><tbody>{rows}</tbody></table></div>") if rows else ""
    notes = "".join(f"<p>{esc(x)}</p>" for x in said)
    return f"<h2>{esc(in_language(WORDS['bulk_pairs'], lang))}</h2>{notes}{table}"


def render_index(lines: list[SummaryLine], skipped: list[Skipped], totals: Totals, mode: str,
                 lang: str, pairs: Pairs | None = None) -> str:
    from checks.report.htmlstyle import CSS

    title_key = "bulk_index_title" if mode == "check" else "bulk_index_extract_title"
    title = in_language(WORDS[title_key], lang)
    header = (f'<header class="top"><div class="eyebrow">rak</div><h1>{esc(title)}</h1>'
              f"<p>{esc(totals_line(lines, mode, lang))}</p></header>")
    parts = [header]
    files = esc(in_language(WORDS["bulk_files"], lang))
    parts.append(f"<h2>{files}</h2>{_files_table(lines, mode, lang)}")
    if pairs is not None:
        parts.append(_pairs_section(lines, pairs, lang))
    if mode == "check":
        rules = sorted(totals.by_rule.items(), key=lambda kv: (_weight(kv[1]), kv[0]))
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_by_rule'], lang))}</h2>")
        parts.append(_counts_table(
            "rule", [(_rule_title(r, lang) or r, r, c) for r, c in rules], lang, False))
        units = sorted(totals.by_pelaksana.items(),
                       key=lambda kv: (_weight(kv[1]), -kv[1].get("rows", 0), kv[0]))
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_by_pelaksana'], lang))}</h2>")
        nameless = in_language(WORDS["bulk_empty_pelaksana"], lang)
        parts.append(_counts_table(
            "pelaksana", [(n or nameless, "", c) for n, c in units], lang, True))
    if skipped:
        items = "".join(f"<li>{esc(s.display)}: {esc(s.reason_in(lang))}</li>"
                        for s in skipped)
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_skipped'], lang, n=len(skipped)))}</h2>"
                     f'<ul class="skipped">{items}</ul>')
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")
