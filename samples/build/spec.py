"""What a sample RAK holds, independent of the file format it is written in.

Every sample file is written from one of these specs, and its expected extraction
(``<name>.expected.json``) is derived from the same spec, never from the extractor's output:
that is what makes the sample tests able to fail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SampleRow:
    sasaran: str
    indikator: str
    target: str
    kegiatan: str
    jadwal: list[int]  # planned periods, 1-based (months 1..12 or quarters 1..4)
    pelaksana: str
    lainnya: dict[str, str] = field(default_factory=dict)  # e.g. {"no": "1", "anggaran": "..."}
    # The writer puts PELAKSANA one column to the right (an unlabeled extra column), as on the
    # seed's logistics page; the extractor must move it back and record the shift.
    pelaksana_shifted: bool = False
    # The cell written in the PELAKSANA column when pelaksana_shifted (the seed has a √ there).
    pelaksana_column_text: str = ""


@dataclass
class SamplePage:
    """Rows that the original printed on one page (one table per page in the Word rebuild)."""

    rows: list[SampleRow]
    extra_column: bool = False  # the table on this page has an unlabeled 18th column


@dataclass
class SampleDoc:
    name: str
    pages: list[SamplePage]
    judul: str = "RENCANA AKSI KINERJA"
    unit_organisasi: str = "SEKRETARIAT KPU KABUPATEN KUBU RAYA"
    tahun: int = 2024
    tempat: str = "SUNGAI RAYA"
    tanggal: str = "JANUARI 2024"
    jabatan: str = "SEKRETARIS"
    nama: str = "FITRI"
    nip: str | None = None
    periode: str = "bulan"  # or "triwulan"

    @property
    def rows(self) -> list[SampleRow]:
        return [r for p in self.pages for r in p.rows]


def as_read(text: str) -> str:
    """A cell's text as the contract reads it: its lines or paragraphs (``\\n`` in a spec)
    joined by single spaces."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def expected(doc: SampleDoc) -> dict[str, Any]:
    """The fields an extractor must reproduce exactly (text whitespace-normalised)."""
    return {
        "name": doc.name,
        "periode": doc.periode,
        "document": {
            "judul": doc.judul,
            "unit_organisasi": doc.unit_organisasi,
            "tahun": doc.tahun,
            "tempat": doc.tempat,
            "tanggal": doc.tanggal,
            "penandatangan": {"jabatan": doc.jabatan, "nama": doc.nama, "nip": doc.nip},
        },
        "rows": [
            {
                "sasaran_kegiatan": as_read(r.sasaran),
                "indikator_kinerja": as_read(r.indikator),
                "target": as_read(r.target),
                "kegiatan": as_read(r.kegiatan),
                "jadwal": sorted(r.jadwal),
                "pelaksana": as_read(r.pelaksana),
                "lainnya": r.lainnya,
                "kolom_bergeser": ["pelaksana"] if r.pelaksana_shifted else [],
            }
            for r in doc.rows
        ],
    }


def write_expected(doc: SampleDoc, out_dir: Path) -> Path:
    path = out_dir / f"{doc.name}.expected.json"
    path.write_text(json.dumps(expected(doc), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path
