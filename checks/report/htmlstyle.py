"""The HTML report's stylesheet, inlined so the file works offline and can be mailed alone."""

CSS = """
:root {
  --ink: #1f2933; --muted: #65717e; --line: #d9dee4; --paper: #ffffff; --page: #f4f6f8;
  --error: #b42318; --error-bg: #fdecea; --warning: #a15c00; --warning-bg: #fff3dc;
  --info: #1f5fa8; --info-bg: #e7f0fb; --mark: #2f6f4f; --mark-bg: #e3f1e8;
  --doubt: #6b3fa0; --doubt-bg: #f3edfa;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body {
  margin: 0 auto; max-width: 1600px; padding: 28px 32px 48px; color: var(--ink);
  font: 14px/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif;
}
header.top { margin-bottom: 18px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); }
h1 { font-size: 24px; margin: 4px 0 8px; line-height: 1.25; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; color: var(--muted); }
.meta div { display: flex; gap: 6px; }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 6px; }
.card {
  min-width: 150px; padding: 12px 16px; border-radius: 10px; background: var(--paper);
  border: 1px solid var(--line); border-top: 4px solid var(--line);
}
.card b { display: block; font-size: 28px; line-height: 1.1; }
.card span { color: var(--muted); }
.card.error { border-top-color: var(--error); } .card.error b { color: var(--error); }
.card.warning { border-top-color: var(--warning); } .card.warning b { color: var(--warning); }
.card.info { border-top-color: var(--info); } .card.info b { color: var(--info); }
.card.ok { border-top-color: var(--mark); } .card.ok b { color: var(--mark); }
.panel {
  background: var(--paper); border: 1px solid var(--line); border-radius: 10px; overflow: hidden;
}
table.rules { width: 100%; border-collapse: collapse; }
table.rules th, table.rules td {
  text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top;
}
table.rules th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; }
table.rules tr:last-child td { border-bottom: 0; }
table.rules td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
table.rules a { color: inherit; margin-right: 6px; }
code { font: 12px/1.3 "DejaVu Sans Mono", Consolas, monospace; color: var(--muted); }
.badge {
  display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 11px;
  font-weight: 700; letter-spacing: .02em; white-space: nowrap;
}
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.warning { color: var(--warning); background: var(--warning-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
ul.doc-findings { list-style: none; margin: 10px 0 0; padding: 0; }
ul.doc-findings li { padding: 8px 12px; background: var(--paper); border: 1px solid var(--line);
  border-radius: 8px; margin-bottom: 6px; }
.scroll { overflow-x: auto; }
table.rak {
  width: 100%; min-width: 1240px; table-layout: fixed; border-collapse: separate;
  border-spacing: 0; background: var(--paper); font-size: 12.5px; line-height: 1.4;
  overflow-wrap: break-word;
}
table.rak th {
  position: sticky; top: 0; z-index: 1; background: #eef1f4; color: #3d4852; font-size: 11px;
  text-transform: uppercase; letter-spacing: .03em; padding: 7px 6px; text-align: left;
  border-bottom: 1px solid var(--line); border-right: 1px solid var(--line);
}
table.rak thead tr:nth-child(2) th { top: 30px; text-align: center; padding: 4px 0;
  text-transform: none; letter-spacing: 0; font-size: 10px; font-weight: 600; }
table.rak td {
  padding: 7px 8px; vertical-align: top; border-bottom: 1px solid var(--line);
  border-right: 1px solid #eceff2;
}
table.rak td.no { text-align: right; color: var(--muted); white-space: nowrap;
  font-variant-numeric: tabular-nums; }
table.rak td.no b { color: var(--ink); display: block; font-size: 13px; }
table.rak td.no .place { display: block; white-space: normal; font-size: 11px; }
table.rak td.sasaran { color: #3d4852; background: #fbfcfd; }
table.rak td.target { font-weight: 600; }
table.rak td.m { padding: 7px 0; text-align: center; color: var(--mark);
  border-right-color: #f3f5f7; }
table.rak td.m.on { background: var(--mark-bg); }
table.rak td.m.on::after { content: "\\25CF"; font-size: 10px; }
tr.flagged td.no { box-shadow: inset 3px 0 0 var(--warning); }
tr.flagged.error td.no { box-shadow: inset 3px 0 0 var(--error); }
tr.flagged.info td.no { box-shadow: inset 3px 0 0 var(--info); }
td.flag-error { background: var(--error-bg) !important; box-shadow: inset 0 0 0 2px var(--error); }
td.flag-warning { background: var(--warning-bg) !important;
  box-shadow: inset 0 0 0 2px var(--warning); }
td.flag-info { background: var(--info-bg) !important; box-shadow: inset 0 0 0 1px var(--info); }
td.m.flag-error, td.m.flag-warning, td.m.flag-info { box-shadow: none; }
td.m.on.flag-warning, td.m.on.flag-error, td.m.on.flag-info { color: var(--ink); }
td.empty::before { content: "\\2014"; color: #b0b8c1; }
td.notes { min-width: 240px; }
td.notes ul { list-style: none; margin: 0; padding: 0; }
td.notes li { margin: 0 0 6px; }
td.notes li:last-child { margin-bottom: 0; }
td.notes .field { font-weight: 600; font-size: 11px; color: var(--muted); }
td.notes .cell { font: 600 11px ui-monospace, monospace; color: var(--ink); white-space: nowrap; }
td.notes code { display: block; margin-top: 1px; font-size: 11px; }
tr:target td { outline: 2px solid #7aa7d9; outline-offset: -2px; }
footer { margin-top: 26px; color: var(--muted); font-size: 12px; }
.legend { color: var(--muted); font-size: 12px; margin: 6px 0 10px; display: flex; gap: 18px;
  flex-wrap: wrap; align-items: center; }
.legend i { display: inline-block; width: 14px; height: 14px; vertical-align: -2px;
  border-radius: 3px; margin-right: 5px; }
.legend i.on { background: var(--mark-bg); border: 1px solid var(--mark); }
.legend i.error { background: var(--error-bg); border: 2px solid var(--error); }
.legend i.warning { background: var(--warning-bg); border: 2px solid var(--warning); }
.legend i.info { background: var(--info-bg); border: 1px solid var(--info); }
p.status { margin: 10px 0 0; padding: 10px 14px; border-radius: 8px; background: var(--paper);
  border: 1px solid var(--line); border-left: 5px solid var(--line); }
p.status.clean { border-left-color: var(--mark); }
p.status.notes { border-left-color: var(--warning); }
p.status.errors { border-left-color: var(--error); }
p.status.uncertain { border-left-color: var(--doubt); background: var(--doubt-bg); }
p.status.uncertain b { color: var(--doubt); }
tr.source td { padding: 4px 8px 10px 3.6em; background: #fafbfc;
  border-bottom: 1px solid var(--line); }
tr.source figure { margin: 0 0 4px; }
tr.source img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line);
  background: #fff; }
tr.source figcaption { font-size: 11px; color: var(--muted); margin-top: 2px; }
@media print {
  html, .panel, table.rak { background: #fff; }
  body { padding: 0; max-width: none; font-size: 11px; }
  table.rak th { position: static; }
  @page { size: A4 landscape; margin: 12mm; }
}
"""
