"""What a sample Perjanjian Kinerja (PK) holds, and what checking its RAK against it must find.

A PK sample is derived from a RAK sample's spec (``from_rak``): its indicators are the RAK's,
each once, with the annual target the RAK plans, grouped under their sasaran; so a PK written
from the spec unchanged agrees with its RAK and the check must find nothing. Differences are
then planted one by one (a target changed, an indicator the RAK lacks, a reworded sasaran ...)
and each plant records the finding it must cause and on which RAK row. The expected findings
(``temuan`` in ``<name>.expected.json``) come from those records, never from the checker.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .spec import SampleDoc, as_read


@dataclass
class PkIndicator:
    indikator: str
    target: str  # as the PK writes it (number and unit, "12 Kali")
    rak_row: int | None  # the first RAK row (1-based) carrying it; None: the RAK lacks it


@dataclass
class PkGroup:
    """One sasaran and the indicators under it (the sasaran cell merged over them)."""

    sasaran: str
    indicators: list[PkIndicator]


@dataclass(frozen=True)
class Party:
    jabatan: str
    nama: str
    nip: str | None = None


@dataclass(frozen=True)
class Planted:
    """A difference from the RAK, and the finding it must cause (``row`` on the RAK)."""

    rule: str
    row: int | None
    note: str


@dataclass
class PkSample:
    name: str
    rak: str  # the RAK sample it belongs to
    groups: list[PkGroup]
    unit_organisasi: str
    tahun: int
    tempat: str
    tanggal: str
    pertama: Party  # the Sekretaris, who promises
    kedua: Party  # the Ketua, who receives the promise
    judul: str = "PERJANJIAN KINERJA"
    planted: list[Planted] = field(default_factory=list)

    def rows(self) -> list[tuple[str, PkIndicator]]:
        return [(g.sasaran, ind) for g in self.groups for ind in g.indicators]

    def indicator(self, rak_row: int) -> PkIndicator:
        return next(ind for _, ind in self.rows() if ind.rak_row == rak_row)

    def group_of(self, rak_row: int) -> PkGroup:
        return next(g for g in self.groups if any(i.rak_row == rak_row for i in g.indicators))


def _key(text: str) -> str:
    return " ".join(as_read(text).lower().split())


def from_rak(
    rak: SampleDoc, name: str, pertama: Party, kedua: Party, tanggal: str | None = None
) -> PkSample:
    """The PK a RAK carries out: each indicator once, under its sasaran (first seen order)."""
    groups: dict[str, PkGroup] = {}
    seen: set[str] = set()
    for n, row in enumerate(rak.rows, start=1):
        if _key(row.indikator) in seen:
            continue
        seen.add(_key(row.indikator))
        group = groups.setdefault(_key(row.sasaran), PkGroup(as_read(row.sasaran), []))
        group.indicators.append(PkIndicator(as_read(row.indikator), as_read(row.target), n))
    return PkSample(
        name=name,
        rak=rak.name,
        groups=list(groups.values()),
        unit_organisasi=rak.unit_organisasi,
        tahun=rak.tahun,
        tempat=rak.tempat,
        tanggal=tanggal or rak.tanggal,
        pertama=pertama,
        kedua=kedua,
    )


# --------------------------------------------------------------------------- planting


def planted(base: PkSample, name: str) -> PkSample:
    """A copy of ``base`` under a new name, to plant differences in."""
    out = copy.deepcopy(base)
    out.name = name
    return out


def change_target(pk: PkSample, rak_row: int, target: str) -> None:
    ind = pk.indicator(rak_row)
    pk.planted.append(Planted("pk-target-mismatch", rak_row, f"{ind.target} -> {target}"))
    ind.target = target


def restyle_target(pk: PkSample, rak_row: int, target: str) -> None:
    """The same value and unit written another way ("12 kali", "90 %"): no finding."""
    pk.indicator(rak_row).target = target


def reword_indicator(pk: PkSample, rak_row: int, text: str) -> None:
    """The same indicator in other words (a clause dropped, case changed): still paired."""
    pk.indicator(rak_row).indikator = text


def reword_sasaran(pk: PkSample, rak_row: int, text: str) -> None:
    """The sasaran over ``rak_row``'s indicator reworded: a finding for each of its
    indicators the RAK carries."""
    group = pk.group_of(rak_row)
    for ind in group.indicators:
        if ind.rak_row is not None:
            pk.planted.append(Planted("pk-sasaran-mismatch", ind.rak_row, text))
    group.sasaran = text


def add_indicator(pk: PkSample, rak_row: int, indikator: str, target: str) -> None:
    """An indicator the RAK does not carry, under ``rak_row``'s sasaran."""
    pk.group_of(rak_row).indicators.append(PkIndicator(indikator, target, None))
    pk.planted.append(Planted("pk-indicator-missing", None, indikator))


def drop_indicator(pk: PkSample, rak_row: int) -> None:
    """An indicator of the RAK left out of the PK: the RAK's row is extra."""
    group = pk.group_of(rak_row)
    ind = pk.indicator(rak_row)
    group.indicators.remove(ind)
    if not group.indicators:
        pk.groups.remove(group)
    pk.planted.append(Planted("pk-extra-indicator", rak_row, ind.indikator))


# --------------------------------------------------------------------------- expected

_SPLIT = re.compile(r"^\s*(?P<num>[-+]?[\d.,]+)\s*(?P<unit>.*?)\s*$")


def split_target(target: str) -> tuple[str, str]:
    """("87,5", "%") for "87,5%": TARGET and SATUAN as a PK with a SATUAN column writes them."""
    m = _SPLIT.match(target)
    if not m:
        return target, ""
    return m.group("num"), m.group("unit")


def target_as_read(target: str, satuan_column: bool) -> str:
    """The contract's ``target.teks``: with a SATUAN column, TARGET and SATUAN joined by a
    space (the unit only when TARGET has none of its own)."""
    if not satuan_column:
        return as_read(target)
    num, unit = split_target(target)
    return f"{num} {unit}".strip()


def _party(party: Party) -> dict[str, str | None]:
    """As the contract has it: the NIP as digits (the page prints it in groups)."""
    nip = party.nip.replace(" ", "") if party.nip else None
    return {"jabatan": party.jabatan, "nama": party.nama, "nip": nip}


def expected(pk: PkSample, satuan_column: bool = False) -> dict[str, Any]:
    return {
        "name": pk.name,
        "jenis": "pk",
        "rak": pk.rak,
        "document": {
            "judul": pk.judul,
            "unit_organisasi": pk.unit_organisasi,
            "tahun": pk.tahun,
            "tempat": pk.tempat,
            "tanggal": pk.tanggal,
            "pihak_pertama": _party(pk.pertama),
            "pihak_kedua": _party(pk.kedua),
        },
        "rows": [
            {
                "sasaran_kegiatan": as_read(sasaran),
                "indikator_kinerja": as_read(ind.indikator),
                "target": target_as_read(ind.target, satuan_column),
            }
            for sasaran, ind in pk.rows()
        ],
        # What `rak check <rak> --pk <this>` must report, rule by rule and RAK row by row.
        "temuan": sorted(
            ({"rule": p.rule, "row": p.row} for p in pk.planted),
            key=lambda f: (f["row"] or 0, f["rule"]),
        ),
    }


def write_expected(pk: PkSample, out_dir: Path, satuan_column: bool = False) -> Path:
    path = out_dir / f"{pk.name}.expected.json"
    data = expected(pk, satuan_column)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path
