"""Perjanjian Kinerja samples as documents, built from their specs (``samples/build/pk_spec``),
not from the extractor: the checks' tests hold whatever state the readers are in."""

from __future__ import annotations

from extractor.model import Lokasi, Signer, Source
from extractor.pk_model import PkDocument, PkMeta, PkRow
from extractor.targets import parse_target
from samples.build.pk_spec import PkSample, expected


def pk_document(sample: PkSample, satuan_column: bool = False) -> PkDocument:
    want = expected(sample, satuan_column)
    meta = want["document"]
    rows = [
        PkRow(
            sasaran_kegiatan=r["sasaran_kegiatan"],
            indikator_kinerja=r["indikator_kinerja"],
            target=parse_target(r["target"]),
            lokasi=Lokasi(2, n),
            keyakinan=1.0,
        )
        for n, r in enumerate(want["rows"], start=1)
    ]
    return PkDocument(
        source=Source(f"{sample.name}.pdf", "pdf", 3, "0" * 64),
        document=PkMeta(
            judul=meta["judul"],
            unit_organisasi=meta["unit_organisasi"],
            tahun=meta["tahun"],
            tempat=meta["tempat"],
            tanggal=meta["tanggal"],
            pihak_pertama=Signer(**meta["pihak_pertama"]),
            pihak_kedua=Signer(**meta["pihak_kedua"]),
        ),
        rows=rows,
    )


def planted_findings(sample: PkSample) -> list[tuple[str, int | None]]:
    """(rule, row) of what checking the sample's RAK against it must report."""
    return sorted((f["rule"], f["row"]) for f in expected(sample)["temuan"])
