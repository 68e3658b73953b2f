"""Which RAK of a bulk run goes with which Perjanjian Kinerja: the same office, the same year.

A folder of an archive holds RAKs and PKs of many offices and years, under any file names;
what ties a RAK to its PK is what the documents say about themselves (their unit and year,
``checks.units.same_office``), never the file name. A RAK takes the first PK of its office
and year that no RAK has taken yet (a second RAK of the same office and year, a revision,
may share it); what is left over on either side is listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Described:
    """One read document of the run: its place in the input order, and what it says."""

    index: int
    unit: str | None
    tahun: int | None


@dataclass(slots=True)
class Pairs:
    of_rak: dict[int, int] = field(default_factory=dict)  # RAK index -> PK index
    raks_without: list[int] = field(default_factory=list)
    pks_without: list[int] = field(default_factory=list)


def _fits(rak: Described, pk: Described) -> bool:
    from checks.units import same_office

    same_year = rak.tahun is not None and rak.tahun == pk.tahun
    return same_year and same_office(rak.unit, pk.unit) is True  # None: an office unnamed


def pair_documents(raks: list[Described], pks: list[Described]) -> Pairs:
    """Each RAK with a PK of its office and year, in input order."""
    out = Pairs()
    taken: set[int] = set()
    for rak in raks:
        fits = [pk for pk in pks if _fits(rak, pk)]
        if not fits:
            out.raks_without.append(rak.index)
            continue
        chosen = next((pk for pk in fits if pk.index not in taken), fits[0])
        taken.add(chosen.index)
        out.of_rak[rak.index] = chosen.index
    out.pks_without = [pk.index for pk in pks if pk.index not in taken]
    return out
