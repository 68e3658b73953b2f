"""Field-by-field comparison of an extraction with a sample's expected rows."""

from __future__ import annotations

from typing import Any

from extractor.model import RakDocument
from extractor.text import normalise

TEXT_FIELDS = ("sasaran_kegiatan", "indikator_kinerja", "kegiatan", "pelaksana")


def row_differences(doc: RakDocument, expected: dict[str, Any]) -> list[str]:
    """Every difference, as 'row N field: got != want'; empty when the extraction is right."""
    diffs: list[str] = []
    got_rows = doc.rows
    want_rows = expected["rows"]
    if len(got_rows) != len(want_rows):
        diffs.append(f"row count: {len(got_rows)} != {len(want_rows)}")
    for n, (got, want) in enumerate(zip(got_rows, want_rows), start=1):
        for f in TEXT_FIELDS:
            if normalise(getattr(got, f)) != normalise(want[f]):
                diffs.append(f"row {n} {f}: {getattr(got, f)!r} != {want[f]!r}")
        if normalise(got.target.teks) != normalise(want["target"]):
            diffs.append(f"row {n} target: {got.target.teks!r} != {want['target']!r}")
        if got.jadwal != want["jadwal"]:
            diffs.append(f"row {n} jadwal: {got.jadwal} != {want['jadwal']}")
        got_other = {k: normalise(v) for k, v in got.lainnya.items()}
        want_other = {k: normalise(v) for k, v in want.get("lainnya", {}).items()}
        if got_other != want_other:
            diffs.append(f"row {n} lainnya: {got.lainnya} != {want.get('lainnya')}")
        if got.kolom_bergeser != want.get("kolom_bergeser", []):
            want_shift = want["kolom_bergeser"]
            diffs.append(f"row {n} kolom_bergeser: {got.kolom_bergeser} != {want_shift}")
    return diffs


def meta_differences(doc: RakDocument, expected: dict[str, Any]) -> list[str]:
    want = expected["document"]
    got = doc.document
    diffs = []
    for f in ("judul", "unit_organisasi", "tahun", "tempat", "tanggal"):
        if getattr(got, f) != want[f]:
            diffs.append(f"{f}: {getattr(got, f)!r} != {want[f]!r}")
    want_signer = dict(want["penandatangan"])
    if want_signer.get("nip"):
        want_signer["nip"] = want_signer["nip"].replace(" ", "")  # NIP is kept as digits only
    for f in ("jabatan", "nama", "nip"):
        if getattr(got.penandatangan, f) != want_signer[f]:
            diffs.append(f"penandatangan.{f}: {getattr(got.penandatangan, f)!r} != "
                         f"{want_signer[f]!r}")
    if doc.periode != expected["periode"]:
        diffs.append(f"periode: {doc.periode} != {expected['periode']}")
    return diffs
