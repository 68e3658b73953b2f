"""Turn a rule's ``Example`` into a small document (``checks.example_view`` draws it for
``rak rules NAME``).

An example writes only what differs from a clean RAK row, so the reader sees the point at
once; the rest comes from the clean row here. The tests run every rule on its bad example
(it must fire) and its good one (it must stay quiet).
"""

from __future__ import annotations

from typing import Any

from extractor.model import DocumentMeta, Lokasi, RakDocument, Row, Signer, Source
from extractor.pk_model import PkDocument, PkMeta, PkRow
from extractor.targets import parse_target

from .rule import Example, PkExample

CLEAN_ROW: dict[str, Any] = {
    "sasaran_kegiatan": "Terwujudnya tata kelola arsip yang tertib",
    "indikator_kinerja": "Persentase arsip yang dikelola sesuai jadwal retensi arsip (JRA)",
    "target": "100%",
    "kegiatan": "Membuat jadwal retensi arsip",
    "jadwal": list(range(1, 13)),
    "pelaksana": "Subbag. Keuangan, Umum dan Logistik",
    "kolom_bergeser": [],
    "keyakinan": None,
    "alasan": [],
}

CLEAN_DOCUMENT: dict[str, Any] = {
    "judul": "RENCANA AKSI KINERJA",
    "unit_organisasi": "SEKRETARIAT KPU KABUPATEN CONTOH",
    "tahun": 2024,
    "tempat": "SUNGAI RAYA",
    "tanggal": "JANUARI 2024",
    "jabatan": "SEKRETARIS",
    "nama": "FITRI",
}

_SIGNER_KEYS = ("jabatan", "nama", "nip")
_EXAMPLE_SHA = "0" * 64


def example_document(example: Example) -> RakDocument:
    """The clean RAK with the example's rows and metadata written over it."""
    rows = []
    for n, changes in enumerate(example.rows, start=1):
        values = dict(CLEAN_ROW)
        values["kegiatan"] = f"{values['kegiatan']} tahap {n}"  # clean rows are distinct
        values.update(changes)
        rows.append(
            Row(
                sasaran_kegiatan=values["sasaran_kegiatan"],
                indikator_kinerja=values["indikator_kinerja"],
                target=parse_target(values["target"]),
                kegiatan=values["kegiatan"],
                jadwal=list(values["jadwal"]),
                pelaksana=values["pelaksana"],
                lokasi=Lokasi(1, n),
                kolom_bergeser=list(values["kolom_bergeser"]),
                keyakinan=values["keyakinan"],
                alasan=list(values["alasan"]),
            )
        )
    meta = dict(CLEAN_DOCUMENT)
    meta.update(example.document)
    signer = Signer(**{k: meta.pop(k, None) for k in _SIGNER_KEYS})
    doc = RakDocument(
        source=Source("contoh.pdf", "pdf", 1, _EXAMPLE_SHA, ocr=example.ocr),
        document=DocumentMeta(penandatangan=signer, **meta),
        periode="bulan",
        rows=rows,
    )
    if example.pk is None:
        return doc
    from .pk_match import against_pk

    return against_pk(doc, example_pk(example.pk))


PK_FIELDS = ("sasaran_kegiatan", "indikator_kinerja", "target")


def example_pk(example: PkExample) -> PkDocument:
    """The clean RAK row's sasaran, indicator and target as a PK, with the example's changes;
    of the same office and year as the clean RAK unless the example says otherwise."""
    rows = []
    for n, changes in enumerate(example.rows, start=1):
        values = {k: CLEAN_ROW[k] for k in PK_FIELDS}
        values.update(changes)
        rows.append(
            PkRow(
                sasaran_kegiatan=values["sasaran_kegiatan"],
                indikator_kinerja=values["indikator_kinerja"],
                target=parse_target(values["target"]),
                lokasi=Lokasi(2, n),
                keyakinan=1.0,
            )
        )
    meta = {k: CLEAN_DOCUMENT[k] for k in ("unit_organisasi", "tahun")}
    meta.update(example.document)
    return PkDocument(
        source=Source("contoh-pk.pdf", "pdf", 2, _EXAMPLE_SHA),
        document=PkMeta(judul="PERJANJIAN KINERJA", **meta),
        rows=rows,
    )
