"""index.html of a bulk run: every file, errors first, filterable, with its own report.

A KPU Provinsi opens it to know which kabupaten/kota must fix what: the files come in the
order of their status (``summary.STATUS_ORDER``: perlu perbaikan, most errors first, then
gagal dibaca, pembacaan tidak yakin, ada catatan, bersih), each linked to its own report.
Two menus filter the table by status and by rule (clicking a rule in the table by rule does
the same); the script is a few lines inline, nothing is fetched, so the page works from
file:// and mailed alone; without script every file is shown. Totals by rule bulk_word which
mistakes are common across the kabupaten/kota; totals by pelaksana, under one canonical name
per unit with its spellings beside it, which unit has the most to fix. Every piece of text
from a file or its name goes through ``esc``.
"""

from __future__ import annotations

from html import escape

from extractor.language import in_language

from ..i18n import WORDS
from .discover import Skipped
from .grouping import SEVERITIES, Totals, pelaksana_label, rule_title, written_as
from .pairing import Pairs
from .summary import STATUS_ORDER, SummaryLine, counts, status_word, totals_line, worst_first
from .words import bulk_word

EXTRA_CSS = """
[hidden] { display: none !important; }
table.files td, table.files th { white-space: nowrap; }
table.files td.wrap { white-space: normal; min-width: 12em; }
table.files a { color: #1f5fa8; } table.files a.fmt { font-size: 11px; color: var(--muted); }
table.files td.wrap small { display: block; color: var(--muted); }
.badge.clean, .badge.read { color: var(--mark); background: var(--mark-bg); }
.badge.notes { color: var(--warning); background: var(--warning-bg); }
.badge.errors { color: var(--error); background: var(--error-bg); }
.badge.uncertain { color: var(--doubt); background: var(--doubt-bg); }
.badge.unreadable { color: #fff; background: var(--error); }
ul.skipped { color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center;
  margin: 0 0 10px; }
form.filters label { font-weight: 600; }
form.filters select { margin-left: 6px; font: inherit; padding: 3px 6px; }
form.filters output { color: var(--muted); }
a.pick-rule { cursor: pointer; text-decoration: underline dotted; }
p.hint { color: var(--muted); margin: 0 0 8px; }
"""

# Shows the rows that match both menus and says how many; plain DOM, no library.
SCRIPT = """
(function () {
  var form = document.getElementById("filters");
  var status = document.getElementById("f-status"), rule = document.getElementById("f-rule");
  var shown = document.getElementById("f-shown");
  var rows = document.querySelectorAll("table.files tbody tr");
  form.hidden = false;
  function apply() {
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var tr = rows[i];
      var ok = (!status.value || tr.getAttribute("data-status") === status.value) &&
        (!rule.value || (" " + tr.getAttribute("data-rules") + " ").indexOf(
          " " + rule.value + " ") >= 0);
      tr.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = shown.getAttribute("data-template").replace("{n}", n);
  }
  // A link may carry the filters: index.html#status=errors&rule=missing-pelaksana
  var wanted = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
    var kv = pair.split("=");
    if (kv.length === 2) wanted[kv[0]] = decodeURIComponent(kv[1]);
  });
  if (wanted.status) status.value = wanted.status;
  if (wanted.rule) rule.value = wanted.rule;
  status.addEventListener("change", apply);
  rule.addEventListener("change", apply);
  var picks = document.querySelectorAll("a.pick-rule");
  for (var j = 0; j < picks.length; j++) {
    picks[j].addEventListener("click", function (e) {
      rule.value = this.getAttribute("data-rule");
      status.value = "";
      apply();
    });
  }
  apply();
})();
"""


def esc(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _num(n: object) -> str:
    return f'<td class="n">{esc(n)}</td>'


def _word(key: str, lang: str) -> str:
    return esc(bulk_word(key, lang))


def _filters(lines: list[SummaryLine], totals: Totals, lang: str) -> str:
    """The two menus, hidden until the script shows them (without it they would do nothing)."""
    everything = _word("filter_all", lang)
    by_status = counts(lines)
    statuses = "".join(
        f'<option value="{esc(s)}">{esc(status_word(s, lang))} ({by_status[s]})</option>'
        for s in STATUS_ORDER if by_status[s])
    rules = "".join(
        f'<option value="{esc(r)}">{esc(r)} ({c.get("files", 0)})</option>'
        for r, c in sorted(totals.by_rule.items()))
    template = bulk_word("filter_shown", lang, n="{n}", total=len(lines))
    return (f'<form class="filters" id="filters" hidden>'
            f'<label>{_word("col_status", lang)}<select id="f-status">'
            f'<option value="">{everything} ({len(lines)})</option>{statuses}</select></label>'
            f'<label>{_word("col_rule", lang)}<select id="f-rule">'
            f'<option value="">{everything}</option>{rules}</select></label>'
            f'<output id="f-shown" data-template="{esc(template)}"></output></form>')


def _file_cell(x: SummaryLine) -> str:
    """The file's name, a link to its own report (HTML, else JSON), the other format beside."""
    reports = x.reports
    main = "html" if "html" in reports else "json" if "json" in reports else None
    if main is None:
        return f"<td>{esc(x.file)}</td>"
    others = "".join(f' <a class="fmt" href="{esc(path)}">{esc(fmt)}</a>'
                     for fmt, path in sorted(reports.items()) if fmt != main)
    return f'<td><a href="{esc(reports[main])}">{esc(x.file)}</a>{others}</td>'


def _unit_cell(x: SummaryLine) -> str:
    """The office's one name, and beneath it the text as written when that differs."""
    written = x.unit_organisasi or ""
    shown = x.unit_baku or written
    below = f"<small>{esc(written)}</small>" if written and written != shown else ""
    return f'<td class="wrap">{esc(shown)}{below}</td>'


def _files_table(lines: list[SummaryLine], mode: str, lang: str) -> str:
    heads = ["file", "unit", "year", "rows"]
    if mode == "check":
        heads += ["errors", "warnings", "infos"]
    heads += ["status", "keyakinan", "reason"]
    head = "".join(f"<th>{_word(f'col_{h}', lang)}</th>" for h in heads)
    body = []
    for x in worst_first(lines):
        rec = x.record(lang)  # counts blank where nothing was counted (unreadable, a PK)
        rules = " ".join(sorted({f.rule for f in x.findings}))
        cells = [_file_cell(x), _unit_cell(x), _num(rec["tahun"]), _num(rec["rows"])]
        if mode == "check":
            cells += [_num(rec[n]) for n in ("errors", "warnings", "infos")]
        cells.append(f'<td><span class="badge {esc(x.status)}">'
                     f"{esc(x.status_word(lang))}</span></td>")
        sure = f"{x.keyakinan:.0%}" if x.keyakinan is not None else ""
        cells.append(_num(sure))
        cells.append(f'<td class="wrap">{esc(x.reason)}</td>')
        body.append(f'<tr data-status="{esc(x.status)}" data-rules="{esc(rules)}">'
                    f"{''.join(cells)}</tr>")
    return (f'<div class="panel scroll"><table class="rules files"><thead><tr>{head}</tr>'
            f"</thead><tbody>{''.join(body)}</tbody></table></div>")


def _counts_table(heads: list[str], rows: list[list[str]], lang: str) -> str:
    head = "".join(f"<th>{_word(f'col_{h}', lang)}</th>" for h in heads)
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return (f'<div class="panel"><table class="rules"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _by_rule(totals: Totals, lang: str) -> str:
    rows = []
    for rule, c in totals.rules_worst_first():
        title = rule_title(rule, lang) or rule
        pick = (f'<a class="pick-rule" href="#berkas" data-rule="{esc(rule)}">'
                f"{esc(title)}</a><br><code>{esc(rule)}</code>")
        rows.append([f"<td>{pick}</td>", *(_num(c.get(s, 0)) for s in SEVERITIES),
                     _num(c.get("files", 0))])
    hint = f'<p class="hint">{_word("filter_hint", lang)}</p>' if rows else ""
    return hint + _counts_table(["rule", "errors", "warnings", "infos", "files"], rows, lang)


def _by_pelaksana(totals: Totals, lang: str) -> str:
    rows = []
    for key, tally in totals.pelaksana_worst_first():
        name = pelaksana_label(key, tally, lang)
        rows.append([f"<td>{esc(name)}<br><code>{esc(written_as(tally))}</code></td>",
                     _num(tally.counts.get("rows", 0)),
                     *(_num(tally.counts.get(s, 0)) for s in SEVERITIES),
                     _num(tally.counts.get("files", 0))])
    return _counts_table(["pelaksana", "rows", "errors", "warnings", "infos", "files"], rows,
                         lang)


def pairs_summary(lines: list[SummaryLine], pairs: Pairs, lang: str) -> list[str]:
    """The pairing in words: the count, then the RAKs without a PK and the PKs without a RAK
    (the terminal summary and index.html bulk_word the same)."""
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
        f"<td>{esc(lines[rak].unit_baku or lines[rak].unit_organisasi)}</td>"
        f"{_num(lines[rak].tahun)}</tr>"
        for rak, pk in sorted(pairs.of_rak.items())
    )
    heads = "".join(f"<th>{esc(x)}</th>" for x in ("RAK", *(
        in_language(WORDS[k], lang) for k in ("status_pk", "col_unit", "col_year"))))
    table = (f'<div class="panel scroll"><table class="rules"><thead><tr>{heads}</tr>'
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
    filters = _filters(lines, totals, lang) if mode == "check" else ""
    parts.append(f'<h2 id="berkas">{files}</h2>{filters}{_files_table(lines, mode, lang)}')
    if pairs is not None:
        parts.append(_pairs_section(lines, pairs, lang))
    if mode == "check":
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_by_rule'], lang))}</h2>")
        parts.append(_by_rule(totals, lang))
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_by_pelaksana'], lang))}</h2>")
        parts.append(_by_pelaksana(totals, lang))
    if skipped:
        items = "".join(f"<li>{esc(s.display)}: {esc(s.reason_in(lang))}</li>"
                        for s in skipped)
        parts.append(f"<h2>{esc(in_language(WORDS['bulk_skipped'], lang, n=len(skipped)))}</h2>"
                     f'<ul class="skipped">{items}</ul>')
    script = f"<script>{SCRIPT}</script>\n" if mode == "check" else ""
    return (f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n" + script + "</body>\n</html>\n")
