"""Turn a rule's ``Example`` into a small document, and into text for ``rak rules NAME``.

An example writes only what differs from a clean RAK row, so the reader sees the point at
once; the rest comes from the clean row here. The tests run every rule on its bad example
(it must fire) and its good one (it must stay quiet).
"""

from __future__ import annotations

from typing import Any

from extractor.model import DocumentMeta, Lokasi, RakDocument, Row, Signer, Source
from extractor.pk_model import PkDocument, PkMeta, PkRow
from extractor.targets import parse_target

from .finding import field_heading
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


def _show(key: str, value: Any) -> str:
    if key == "jadwal":
        return ", ".join(f"B{m}" for m in value) if value else "(kosong/empty)"
    if isinstance(value, str):
        return f'"{value}"' if value.strip() else "(kosong/empty)"
    if value is None:
        return "(kosong/empty)"
    return str(value)


def example_lines(example: Example) -> list[str]:
    """What the example sets, one line per cell, headed as the document heads it."""
    lines: list[str] = []
    many = len(example.rows) > 1
    for n, changes in enumerate(example.rows, start=1):
        for key, value in changes.items():
            label = field_heading(key) if key in CLEAN_ROW else key
            prefix = f"[{n}] " if many else ""
            lines.append(f"{prefix}{label}: {_show(key, value)}")
    for key, value in example.document.items():
        lines.append(f"{key}: {_show(key, value)}")
    if example.ocr:
        lines.insert(0, "source.ocr: true")
    if example.pk is not None:
        lines += _pk_lines(example.pk)
    return lines


def _pk_lines(pk: PkExample) -> list[str]:
    """The PK beside the RAK: ``PK`` and its row, then what it sets."""
    lines: list[str] = []
    for n, changes in enumerate(pk.rows, start=1):
        if not changes:
            lines.append(f"PK [{n}]: = RAK")
        for key, value in changes.items():
            lines.append(f"PK [{n}] {field_heading(key)}: {_show(key, value)}")
    lines += [f"PK {key}: {_show(key, value)}" for key, value in pk.document.items()]
    return lines
