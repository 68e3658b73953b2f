"""Extract output: the contract's JSON, and CSV with one line per row (the workbook is
``rak.workbook``).

CSV carries the schedule as one 0/1 column per period (B1..B12 or TW1..TW4) and is written
with a BOM so Excel opens the Indonesian text right. Cells that a spreadsheet would run as a
formula are neutralised. It is the machine format: commas and decimal points, unless
``sep=";"`` asks for what Excel in Indonesian settings reads (semicolons, decimal commas).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from checks.report.csvlines import csv_cell
from checks.report.csvlines import neutralise as safe_cell
from extractor.model import RakDocument, Row
from extractor.pk_model import PkDocument, PkRow


def to_json(doc: RakDocument | PkDocument) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)


__all__ = ["period_labels", "pk_row_records", "row_records", "safe_cell", "to_csv", "to_json"]


def period_labels(periode: str) -> list[str]:
    if periode == "triwulan":
        return [f"TW{i}" for i in range(1, 5)]
    return [f"B{i}" for i in range(1, 13)]


def _text_fields(n: int, r: Row | PkRow) -> dict[str, Any]:
    """The columns a RAK row and a PK row share, in the order CSV gives them."""
    return {
        "baris": n,
        "halaman": r.lokasi.halaman,
        "sasaran_kegiatan": r.sasaran_kegiatan,
        "indikator_kinerja": r.indikator_kinerja,
        "target": r.target.teks,
        "target_nilai": r.target.nilai,
        "target_satuan": r.target.satuan,
    }


def row_records(doc: RakDocument, extra: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Flat records, one per row, for CSV and JSONL; ``extra`` goes in front (file, unit...)."""
    labels = period_labels(doc.periode)
    other_keys = sorted({k for r in doc.rows for k in r.lainnya})
    records = []
    for i, r in enumerate(doc.rows, start=1):
        rec: dict[str, Any] = dict(extra or {})
        rec.update(_text_fields(i, r))
        rec["kegiatan"] = r.kegiatan
        for n, label in enumerate(labels, start=1):
            rec[label] = 1 if n in r.jadwal else 0
        rec["pelaksana"] = r.pelaksana
        for k in other_keys:
            rec[k] = r.lainnya.get(k, "")
        if doc.source.ocr:
            rec["keyakinan"] = r.keyakinan
        records.append(rec)
    return records


def pk_row_records(doc: PkDocument) -> list[dict[str, Any]]:
    """A Perjanjian Kinerja's rows as flat records: the RAK's text columns, no schedule."""
    other_keys = sorted({k for r in doc.rows for k in r.lainnya})
    records = []
    for i, r in enumerate(doc.rows, start=1):
        rec = _text_fields(i, r)
        rec.update({k: r.lainnya.get(k, "") for k in other_keys})
        if doc.source.ocr:
            rec["keyakinan"] = r.keyakinan
        records.append(rec)
    return records


def to_csv(doc: RakDocument | PkDocument, sep: str = ",") -> str:
    records = pk_row_records(doc) if isinstance(doc, PkDocument) else row_records(doc)
    buf = io.StringIO()
    if records:
        writer = csv.DictWriter(buf, fieldnames=list(records[0]), delimiter=sep,
                                lineterminator="\r\n")
        writer.writeheader()
        for rec in records:
            writer.writerow({k: csv_cell(v, sep) for k, v in rec.items()})
    return buf.getvalue()
