"""The Perjanjian Kinerja (PK) document: what `rak extract` gives and `rak check --pk` takes.

A PK is the performance agreement a Sekretaris (pihak pertama) signs with the Ketua above
them (pihak kedua) for one year: a table of sasaran, indikator kinerja and annual target. Its
rows reuse the RAK's field names (``sasaran_kegiatan``, ``indikator_kinerja``, ``target``), so
a checker compares like with like; ``jenis: "pk"`` tells the two kinds of JSON apart
(``schemas/pk.schema.json``). Dicts appear only at the JSON edge, as for ``RakDocument``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .model import (
    SCHEMA_VERSION,
    Lokasi,
    Signer,
    Source,
    Target,
    lokasi_from,
    rows_dicts,
    source_from,
    target_from,
)

JENIS = "pk"


@dataclass(slots=True)
class PkRow:
    sasaran_kegiatan: str
    indikator_kinerja: str
    target: Target  # TARGET, read with its SATUAN column when the PK has one
    lokasi: Lokasi
    lainnya: dict[str, str] = field(default_factory=dict)  # no, satuan, ... by heading
    keyakinan: float | None = None
    alasan: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PkMeta:
    judul: str | None = None
    unit_organisasi: str | None = None
    tahun: int | None = None
    tempat: str | None = None
    tanggal: str | None = None
    # The one who promises (the Sekretaris) and the one who receives the promise (the Ketua).
    pihak_pertama: Signer = field(default_factory=Signer)
    pihak_kedua: Signer = field(default_factory=Signer)


@dataclass(slots=True)
class PkDocument:
    source: Source
    document: PkMeta
    rows: list[PkRow]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "jenis": JENIS}
        out.update(asdict(self))
        out["rows"] = rows_dicts(self.rows)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PkDocument:
        meta = dict(data.get("document") or {})
        first = Signer(**(meta.pop("pihak_pertama", None) or {}))
        second = Signer(**(meta.pop("pihak_kedua", None) or {}))
        rows = [
            PkRow(
                sasaran_kegiatan=r.get("sasaran_kegiatan") or "",
                indikator_kinerja=r.get("indikator_kinerja") or "",
                target=target_from(r.get("target")),
                lokasi=lokasi_from(r.get("lokasi"), n),
                lainnya=dict(r.get("lainnya") or {}),
                keyakinan=r.get("keyakinan"),
                alasan=list(r.get("alasan") or []),
            )
            for n, r in enumerate(data.get("rows") or [], start=1)
        ]
        return cls(
            source=source_from(data.get("source") or {}),
            document=PkMeta(pihak_pertama=first, pihak_kedua=second, **meta),
            rows=rows,
        )


def is_pk_data(data: object) -> bool:
    """JSON that holds a PK (``jenis: "pk"``), not a RAK."""
    return isinstance(data, dict) and data.get("jenis") == JENIS
