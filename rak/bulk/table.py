"""The summary as a table for a terminal, fitted to its width.

A status is what a person reads the table for, so it is never cut or wrapped: it and the
counts keep their full width, the file name, unit and reason wrap, and where even wrapped
text would not fit, whole columns go rather than any status losing letters: the year first,
then the reason (said under the table instead, a line per file), then the unit. Document text is
shown as text, never as rich markup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .summary import (
    CLEAN,
    ERRORS,
    NOTES,
    PK,
    READ,
    UNCERTAIN,
    UNREADABLE,
    SummaryLine,
    totals_line,
)
from .words import bulk_word

STATUS_STYLE = {ERRORS: "bold red", UNREADABLE: "bold red", UNCERTAIN: "bold magenta",
                NOTES: "yellow", CLEAN: "green", READ: "green", PK: "cyan"}
GAP = 3  # between two columns of a SIMPLE_HEAD table: a padding each side, a separator
# The least a wrapping column may shrink to before columns are dropped instead.
WRAP_MIN = {"file": 30, "unit": 20, "reason": 12}
SQUEEZE_MIN = 12
# What goes first when the width runs out; the reasons then follow the table, one a line.
DROP_ORDER = ("year", "reason", "unit")
NUMERIC = frozenset({"year", "rows", "errors", "warnings", "infos"})


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    head: str
    cells: list[Text]

    @property
    def wraps(self) -> bool:
        return self.name in WRAP_MIN

    @property
    def natural(self) -> int:
        return max([len(self.head), *(c.cell_len for c in self.cells)])

    @property
    def hard_least(self) -> int:
        """Below its floor, in a narrow terminal: never under its heading's longest word."""
        heading = max(len(w) for w in self.head.split())
        return max(heading, min(self.natural, SQUEEZE_MIN))

    @property
    def least(self) -> int:
        """Narrowest it can be: a wrapping column its floor (or less when its text is
        shorter, never less than its heading's longest word), any other its whole text."""
        if not self.wraps:
            return self.natural
        heading = max(len(w) for w in self.head.split())
        return max(heading, min(self.natural, WRAP_MIN[self.name]))


def _columns(lines: list[SummaryLine], mode: str, lang: str) -> list[_Column]:
    names = ["file", "unit", "year", "rows"]
    if mode == "check":
        names += ["errors", "warnings", "infos"]
    names.append("status")
    if any(x.reason for x in lines):
        names.append("reason")
    records = [x.record(lang) for x in lines]  # counts blank where nothing was counted
    values = {
        "file": [x.file for x in lines],
        "unit": [x.unit_organisasi or "" for x in lines],
        "year": [str(r["tahun"]) for r in records],
        "status": [x.status_word(lang) for x in lines],
        "reason": [x.reason for x in lines],
    }
    for n in ("rows", "errors", "warnings", "infos"):
        values[n] = [str(r[n]) for r in records]
    out = []
    for name in names:
        cells = [Text(v) for v in values[name]]
        if name == "status":
            cells = [Text(v, style=STATUS_STYLE[x.status])
                     for v, x in zip(values[name], lines, strict=True)]
        out.append(_Column(name, bulk_word(f"col_{name}", lang), cells))
    return out


def _fit(columns: list[_Column], width: int) -> list[tuple[_Column, int]]:
    """The columns that fit ``width``, each with its width: every column at its least, then
    what is left given to the wrapping ones in order (file, unit, reason) up to their text.
    Where even the least does not fit, the year goes, then the unit, then the reason."""
    kept = list(columns)

    def least() -> int:
        return sum(c.least for c in kept) + GAP * (len(kept) - 1)

    for name in DROP_ORDER:
        if least() <= width:
            break
        kept = [c for c in kept if c.name != name]
    spare = width - least()
    widths = {c.name: c.least for c in kept}
    while spare < 0:  # still too wide: the file name goes below its floor, down to 12
        squeezable = [c for c in kept if c.wraps and widths[c.name] > c.hard_least]
        if not squeezable:
            break  # a terminal this narrow gets what rich makes of it
        widest = max(squeezable, key=lambda c: widths[c.name])
        widths[widest.name] -= 1
        spare += 1
    spare = max(0, spare)
    for name in WRAP_MIN:
        for c in kept:
            if c.name == name:
                more = min(spare, c.natural - c.least)
                widths[name] += more
                spare -= more
    return [(c, widths[c.name]) for c in kept]


def render_table(lines: list[SummaryLine], mode: str, lang: str, color: bool,
                 width: int) -> str:
    console = Console(record=True, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      markup=False, emoji=False, file=io.StringIO())
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    every = _columns(lines, mode, lang)
    columns = _fit(every, width)
    for c, w in columns:
        table.add_column(c.head, justify="right" if c.name in NUMERIC else "left",
                         no_wrap=not c.wraps, overflow="fold", width=w)
    for i in range(len(lines)):
        table.add_row(*(c.cells[i] for c, _ in columns))
    console.print(table)
    reason = next((c for c in every if c.name == "reason"), None)
    if reason is not None and all(c.name != "reason" for c, _ in columns):
        said = Table.grid(padding=(0, 2), pad_edge=False)
        said.add_column(max_width=max(12, width // 3), overflow="fold")
        said.add_column(overflow="fold")
        for x in lines:
            if x.reason:
                said.add_row(Text(x.file), Text(x.reason))
        console.print(Text(reason.head, style="bold"))
        console.print(said)
    console.print(Text(totals_line(lines, mode, lang), style="bold"))
    text = console.export_text(styles=color)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
