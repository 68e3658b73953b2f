"""One name per unit and per office, and the run's totals by rule and by pelaksana.

A KPU Provinsi reads the summary to see which mistakes are common and which unit has the
most to fix, so spelling must not split a unit: "Subbag. Perencanaan, Data dan Informasi"
and "Subbag Perencanaan Data & Informasi" are one subbagian (``checks.units`` decides, with
the file's own known units), "SEKRETARIAT KPU KABUPATEN X" and "Sekretariat Komisi Pemilihan
Umum Kab. X" one office. The text as written is kept beside the canonical name. A cell with
only a check mark or a number names no unit: its rows are counted under "(bukan nama unit)",
never as a unit called "√". A row naming two units counts for each of them, so the rows per
pelaksana may add up to more than the rows read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractor.language import in_language

from .findings import FindingLine
from .words import bulk_word

if TYPE_CHECKING:
    from checks.units import UnitIndex

    from .summary import SummaryLine

EMPTY, NOT_UNIT = "", "#"  # keys of the two groups that are not units
SEVERITIES = ("error", "warning", "info")


@dataclass(slots=True)
class UnitTally:
    """One pelaksana in one file (worker) or over the run (parent)."""

    name: str  # canonical name ("" for the groups that are not units)
    known: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # rows, error, warning, info, files
    written: dict[str, int] = field(default_factory=dict)  # as written -> rows

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


def row_units(pelaksana: list[str], index: UnitIndex) -> list[tuple[tuple[str, str, bool], ...]]:
    """Per row: the (key, name, known) of each unit its PELAKSANA names; an empty cell and a
    cell naming no unit get the two groups of their own."""
    out: list[tuple[tuple[str, str, bool], ...]] = []
    for text in pelaksana:
        tidy = " ".join(text.split())
        if not tidy:
            out.append(((EMPTY, "", False),))
            continue
        named = index.canonical(tidy)
        out.append(tuple((u.key, u.name, u.known) for u in named) or ((NOT_UNIT, "", False),))
    return out


def tally_pelaksana(pelaksana: list[str], units: list[tuple[tuple[str, str, bool], ...]],
                    findings: list[FindingLine]) -> dict[str, UnitTally]:
    """Rows and findings per unit in one file (worker side)."""
    out: dict[str, UnitTally] = {}
    for text, named in zip(pelaksana, units, strict=True):
        for key, name, known in named:
            tally = out.setdefault(key, UnitTally(name, known))
            tally.add("rows")
            tidy = " ".join(text.split())
            tally.written[tidy] = tally.written.get(tidy, 0) + 1
    for f in findings:
        for key in f.units:
            if key in out:
                out[key].add(f.severity)
    return out


def pelaksana_label(key: str, tally: UnitTally, lang: str) -> str:
    if key == EMPTY:
        return bulk_word("bulk_empty_pelaksana", lang)
    if key == NOT_UNIT:
        return bulk_word("pelaksana_not_unit", lang)
    if tally.known:
        return tally.name
    # A unit no list knows goes by its most written spelling.
    return max(tally.written.items(), key=lambda kv: (kv[1], kv[0]))[0] if tally.written \
        else tally.name


@dataclass(slots=True)
class Totals:
    """Findings added up over all files, by rule and by pelaksana (with files affected)."""

    by_rule: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))
    by_pelaksana: dict[str, UnitTally] = field(default_factory=dict)

    def add(self, findings: list[FindingLine], pelaksana: dict[str, UnitTally]) -> None:
        """One file's findings and pelaksana tallies."""
        rules: set[str] = set()
        for f in findings:
            self.by_rule[f.rule][f.severity] += 1
            rules.add(f.rule)
        for rule in rules:
            self.by_rule[rule]["files"] += 1
        for key, tally in pelaksana.items():
            mine = self.by_pelaksana.setdefault(key, UnitTally(tally.name, tally.known))
            for count, n in tally.counts.items():
                mine.add(count, n)
            mine.add("files")
            for written, n in tally.written.items():
                mine.written[written] = mine.written.get(written, 0) + n

    def rules_worst_first(self) -> list[tuple[str, dict[str, int]]]:
        return sorted(self.by_rule.items(), key=lambda kv: (_weight(kv[1]), kv[0]))

    def pelaksana_worst_first(self) -> list[tuple[str, UnitTally]]:
        return sorted(self.by_pelaksana.items(),
                      key=lambda kv: (_weight(kv[1].counts), -kv[1].counts.get("rows", 0),
                                      kv[0]))


def _weight(counts: dict[str, int]) -> tuple[int, ...]:
    return tuple(-counts.get(s, 0) for s in SEVERITIES)


def written_as(tally: UnitTally, most: int = 6) -> str:
    """The spellings of a unit, most used first ("Subbag. KUL (12); Subbag KUL (3)")."""
    ranked = sorted(((w, n) for w, n in tally.written.items() if w),
                    key=lambda kv: (-kv[1], kv[0]))
    said = [f"{w} ({n})" for w, n in ranked[:most]]
    if len(ranked) > most:
        said.append(f"+{len(ranked) - most}")
    return "; ".join(said)


def name_offices(lines: list[SummaryLine]) -> None:
    """Give every line its office's one name (``unit_baku``), in input order.

    ``checks.units.canonical_office`` spells the office out; the same office written with a
    slip in the region ("Kuburaya", "Kubu Raya") takes the name the first file gave it. A
    unit that names no KPU office keeps its text, spaces tidied.
    """
    from checks.units import canonical_office, same_office

    seen: list[tuple[str, str]] = []  # (a name as written, its canonical name)
    for line in lines:
        written = " ".join((line.unit_organisasi or "").split())
        canonical = canonical_office(written)
        if canonical is None:
            line.unit_baku = written
            continue
        for other, name in seen:
            if same_office(other, written) and _front(name) == _front(canonical):
                canonical = name
                break
        else:
            seen.append((written, canonical))
        line.unit_baku = canonical


def _front(name: str) -> str:
    """What the office is before "Komisi ...": "", "Sekretariat " or "Sekretariat Jenderal "."""
    return name.split("Komisi Pemilihan Umum", 1)[0]


def merged(lines: list[SummaryLine]) -> Totals:
    """The totals of every file that was checked."""
    totals = Totals()
    for line in lines:
        if line.checked:
            totals.add(line.findings, line.pelaksana)
    return totals


def rule_title(rule: str, lang: str) -> str:
    """The rule's title in ``lang`` ("" for a name the registry does not know)."""
    from checks.registry import get_rule

    found = get_rule(rule)
    return in_language(found.title, lang) if found else ""
