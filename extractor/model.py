"""The RAK document as the project's packages exchange it.

Field names follow CONTRACT.md (the document's own headings, in Indonesian). Dicts appear only
at the JSON edge (``to_dict`` / ``from_dict``), so ``checks`` can take a document extracted now
or one read back from JSON a user has corrected.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass(slots=True)
class Target:
    teks: str
    nilai: float | int | None = None
    satuan: str | None = None


@dataclass(slots=True)
class Kotak:
    """Where a row is printed on one page: ``bbox`` = (x0, top, x1, bottom) in PDF points
    from the page's top-left corner (the frame of ``extractor.seen``)."""

    halaman: int
    bbox: list[float]  # [x0, top, x1, bottom]


@dataclass(slots=True)
class Lokasi:
    """Where a row is, in the terms of the program a person opens the file with: the page of
    a PDF (``halaman``), the sheet, sheet row and cells of a workbook (``lembar``,
    ``baris_lembar``, ``sel_kolom``: field -> ``D12``, the schedule as ``F12:Q12``), the
    table and table row of a Word document (``tabel``, ``baris_tabel``); ``baris`` is the
    row's number in ``rows``. The place fields appear in JSON only where the format has them.
    """

    halaman: int | None
    baris: int
    # One box per page the row sits on (a row a page break cut has two); empty for formats
    # without pages.
    kotak: list[Kotak] = field(default_factory=list)
    lembar: str | None = None
    baris_lembar: int | None = None
    sel_kolom: dict[str, str] = field(default_factory=dict)
    tabel: int | None = None
    baris_tabel: int | None = None

    def sel(self, field_name: str | None) -> str | None:
        """The cell of a row field (``target.nilai`` is TARGET's cell), or None."""
        if not field_name:
            return None
        head = field_name.split(".")[0]
        if head == "lainnya" and "." in field_name:
            head = field_name.split(".", 1)[1]
        return self.sel_kolom.get(head)

    def places(self) -> dict[str, Any]:
        """The place fields this row has, as JSON gives them (absent ones left out)."""
        out: dict[str, Any] = {}
        for key in PLACE_FIELDS:
            value = getattr(self, key)
            if value:
                out[key] = dict(value) if isinstance(value, dict) else value
        return out


# Lokasi's fields that only some formats have; JSON carries them where they are known.
PLACE_FIELDS = ("lembar", "baris_lembar", "sel_kolom", "tabel", "baris_tabel")


def rows_dicts(rows: list[Any]) -> list[dict[str, Any]]:
    """Rows (of a RAK or a PK) as JSON gives them: ``lokasi`` without the place fields the
    format lacks."""
    out = []
    for r in rows:
        d = asdict(r)
        d["lokasi"] = {k: v for k, v in d["lokasi"].items() if k not in PLACE_FIELDS}
        d["lokasi"].update(r.lokasi.places())
        out.append(d)
    return out


@dataclass(slots=True)
class Row:
    sasaran_kegiatan: str
    indikator_kinerja: str
    target: Target
    kegiatan: str
    jadwal: list[int]
    pelaksana: str
    lokasi: Lokasi
    lainnya: dict[str, str] = field(default_factory=dict)
    # Fields whose text the extractor found in an unlabeled extra column and moved back.
    kolom_bergeser: list[str] = field(default_factory=list)
    # How sure the reading of this row is, 0..1, and why not sure (codes of
    # ``extractor.doubts``): OCR confidence and the evidence of ``extractor.evidence``.
    keyakinan: float | None = None
    alasan: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Signer:
    jabatan: str | None = None
    nama: str | None = None
    nip: str | None = None


@dataclass(slots=True)
class DocumentMeta:
    judul: str | None = None
    unit_organisasi: str | None = None
    tahun: int | None = None
    tempat: str | None = None
    tanggal: str | None = None
    penandatangan: Signer = field(default_factory=Signer)


@dataclass(slots=True)
class Source:
    file: str
    format: str
    pages: int | None
    sha256: str
    ocr: bool = False


@dataclass(slots=True)
class PageDoubt:
    """A page whose table layout itself may have been misread, and why."""

    halaman: int | None
    keyakinan: float
    alasan: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RakDocument:
    source: Source
    document: DocumentMeta
    periode: str  # "bulan" or "triwulan"
    rows: list[Row]
    keraguan: list[PageDoubt] = field(default_factory=list)
    # The column headings as the document prints them (field -> heading: "RENCANA AKSI" for
    # kegiatan, the schedule's as jadwal, lainnya's by key) and its period labels in order
    # ("B1".."B12", "TW I".."TW IV"); in JSON only when known.
    judul_kolom: dict[str, str] = field(default_factory=dict)
    label_periode: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rows"] = rows_dicts(self.rows)
        for key in ("judul_kolom", "label_periode"):
            if not data[key]:
                del data[key]
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        out.update(data)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RakDocument:
        src = data["source"]
        meta = dict(data.get("document") or {})
        signer = Signer(**(meta.pop("penandatangan", None) or {}))
        rows = []
        for r in data.get("rows", []):
            rows.append(
                Row(
                    sasaran_kegiatan=r.get("sasaran_kegiatan") or "",
                    indikator_kinerja=r.get("indikator_kinerja") or "",
                    target=target_from(r.get("target")),
                    kegiatan=r.get("kegiatan") or "",
                    jadwal=list(r.get("jadwal") or []),
                    pelaksana=r.get("pelaksana") or "",
                    lokasi=lokasi_from(r.get("lokasi"), 0),
                    lainnya=dict(r.get("lainnya") or {}),
                    kolom_bergeser=list(r.get("kolom_bergeser") or []),
                    keyakinan=r.get("keyakinan"),
                    alasan=list(r.get("alasan") or []),
                )
            )
        return cls(
            source=source_from(src),
            document=DocumentMeta(penandatangan=signer, **meta),
            periode=data.get("periode", "bulan"),
            rows=rows,
            keraguan=[
                PageDoubt(d.get("halaman"), d.get("keyakinan", 0.0), list(d.get("alasan") or []))
                for d in data.get("keraguan") or []
            ],
            judul_kolom=_texts_by_key(data.get("judul_kolom")),
            label_periode=[str(t) for t in data.get("label_periode") or [] if isinstance(t, str)],
        )


def source_from(src: dict[str, Any]) -> Source:
    """A ``Source`` from its JSON (shared with ``pk_model``: both kinds have one)."""
    return Source(
        file=src.get("file", ""),
        format=src.get("format", ""),
        pages=src.get("pages"),
        sha256=src.get("sha256", ""),
        ocr=bool(src.get("ocr", False)),
    )


def target_from(data: dict[str, Any] | None) -> Target:
    t = data or {}
    return Target(t.get("teks") or "", t.get("nilai"), t.get("satuan"))


def lokasi_from(data: dict[str, Any] | None, baris: int) -> Lokasi:
    """A ``Lokasi`` from its JSON; ``baris`` where the JSON gives none."""
    loc = data or {}
    cells = loc.get("sel_kolom")
    return Lokasi(
        loc.get("halaman"),
        loc.get("baris", baris),
        [_kotak(k) for k in loc.get("kotak") or []],
        lembar=_text_or_none(loc.get("lembar")),
        baris_lembar=_int_or_none(loc.get("baris_lembar")),
        sel_kolom={str(k): str(v) for k, v in cells.items()} if isinstance(cells, dict) else {},
        tabel=_int_or_none(loc.get("tabel")),
        baris_tabel=_int_or_none(loc.get("baris_tabel")),
    )


def _texts_by_key(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str)}


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _kotak(data: dict[str, Any]) -> Kotak:
    x0, top, x1, bottom = (float(v) for v in data["bbox"])
    return Kotak(int(data["halaman"]), [x0, top, x1, bottom])
