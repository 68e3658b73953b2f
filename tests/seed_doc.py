"""The seed RAK (Kubu Raya 2024) as a ``RakDocument``, for tests of checks and reports.

Built from ``samples.build.seed.load_seed`` (the seed text), not from the extractor, so the
checks' golden tests hold whatever state the readers are in. A row whose PELAKSANA sat in the
extra column carries ``kolom_bergeser == ["pelaksana"]``, as the extractor records it.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from extractor.model import DocumentMeta, Lokasi, RakDocument, Row, Signer, Source
from extractor.targets import parse_target
from samples.build.seed import SEED_TEXT, load_seed
from samples.build.spec import SampleDoc


def seed_document() -> RakDocument:
    sha = hashlib.sha256(SEED_TEXT.read_bytes()).hexdigest()
    return sample_document(load_seed(), sha)


def sample_document(seed: SampleDoc, sha: str = "0" * 64) -> RakDocument:
    """A sample's spec as the document a correct extractor gives (one page per spec page)."""
    rows: list[Row] = []
    for page_no, page in enumerate(seed.pages, start=1):
        for r in page.rows:
            rows.append(
                Row(
                    sasaran_kegiatan=r.sasaran,
                    indikator_kinerja=r.indikator,
                    target=parse_target(r.target),
                    kegiatan=r.kegiatan,
                    jadwal=sorted(r.jadwal),
                    pelaksana=r.pelaksana,
                    lokasi=Lokasi(page_no, len(rows) + 1),
                    lainnya=dict(r.lainnya),
                    kolom_bergeser=["pelaksana"] if r.pelaksana_shifted else [],
                )
            )
    meta = DocumentMeta(
        judul=seed.judul,
        unit_organisasi=seed.unit_organisasi,
        tahun=seed.tahun,
        tempat=seed.tempat,
        tanggal=seed.tanggal,
        penandatangan=Signer(jabatan=seed.jabatan, nama=seed.nama, nip=seed.nip),
    )
    source = Source(file=f"{seed.name}.pdf", format="pdf", pages=len(seed.pages), sha256=sha)
    return RakDocument(source=source, document=meta, periode=seed.periode, rows=rows)


def seed_data() -> dict[str, Any]:
    """The seed as ``rak extract --format json`` writes it."""
    return seed_document().to_dict()


def with_row(doc: RakDocument, index: int, **changes: Any) -> RakDocument:
    """A copy of ``doc`` with row ``index`` (0-based) changed; ``target`` given as text."""
    if "target" in changes and isinstance(changes["target"], str):
        changes["target"] = parse_target(changes["target"])
    rows = list(doc.rows)
    rows[index] = replace(rows[index], **changes)
    return replace(doc, rows=rows)


def find_row(doc: RakDocument, indikator_start: str) -> int:
    """The 1-based number of the one row whose INDIKATOR starts with ``indikator_start``."""
    hits = [
        i
        for i, r in enumerate(doc.rows, start=1)
        if r.indikator_kinerja.startswith(indikator_start)
    ]
    assert len(hits) == 1, (indikator_start, hits)
    return hits[0]
