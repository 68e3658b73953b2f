"""OCR'd text written unlike the document writes it: real words and punctuation in the
wrong place, which no dictionary tells.

The texts are a real RAK's (the Kubu Raya sample's expected rows, as typed): its own text
carries no such sign, and one slip put into a copy of it (as the corpus's scans made them)
is found and named, and gets the row verified by eye.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks import CheckConfig, run_checks
from extractor.grid import Grid, Table
from extractor.layout import build_rows
from extractor.model import DocumentMeta, RakDocument, Source
from extractor.usage import Usage, UsageSettings, row_oddities

from .test_layout import HEAD, SUB, marks, table

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "rak-kubu-raya-2024.expected.json"
FIELDS = ("sasaran_kegiatan", "indikator_kinerja", "target", "kegiatan", "pelaksana")


def _rows() -> list[list[str]]:
    rows = json.loads(SAMPLE.read_text("utf-8"))["rows"]
    return [[r[f]["teks"] if isinstance(r[f], dict) else r[f] for f in FIELDS] for r in rows]


def _with_slip(old: str, new: str) -> tuple[list[list[str]], int]:
    """The sample's rows with the last cell writing ``old`` changed to ``new``, and the
    row changed."""
    rows = _rows()
    where = [(i, j) for i, row in enumerate(rows) for j, t in enumerate(row) if old in t]
    assert where, f"the sample does not write {old!r}"
    i, j = where[-1]
    rows[i][j] = rows[i][j].replace(old, new)
    return rows, i


def test_the_documents_own_text_is_written_like_itself() -> None:
    assert all(found == [] for found in row_oddities(_rows()))


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("hari kerja", "hari kena", "kena"),  # a real word for a misread glyph pair
        ("Peradilan Umum", "Peradilan, Umum", "Peradilan, Umum,"),  # a speck read as a comma
        ("kehadiran pegawai", "kehadiran : pegawai", "kehadiran : pegawai"),  # ... a colon
        ("rencana kerja yang telah ditetapkan", "rencana kerja yang telah ditetapkan.",
         "ditetapkan."),  # ... a stop, where no cell of the document ends in one
        ("layanan kesejahteraan di", "layanan Kesejahteraan di", "Kesejahteraan"),  # k as K
    ],
)
def test_a_slip_in_one_cell_is_found_in_that_row_alone(old: str, new: str, named: str) -> None:
    rows, i = _with_slip(old, new)
    found = row_oddities(rows)
    assert [k for k, words in enumerate(found) if words] == [i]
    assert named in found[i]


def test_a_typists_variant_and_a_phrase_written_once_are_no_slip() -> None:
    # A letter doubled or not: how the typist writes it, both ways real.
    usage = Usage(["pembinaan dan penegakkan kode etik", "pembinaan dan penegakkan kode",
                   "pembinaan dan penegakan kode etik"])
    assert usage.context_slips("pembinaan dan penegakan kode etik") == []
    # Two words of one neighbour with nothing else in common with each other.
    usage = Usage(["Melakukan proses pengadaan barang", "Melakukan proses pelantikan anggota"])
    assert usage.context_slips("Melakukan proses pelantikan anggota") == []
    # The pair is the document's own once it writes it in two cells.
    usage = Usage(["2 hari kerja oleh KPU", "5 hari kena", "3 hari kena"])
    assert usage.context_slips("5 hari kena") == []


def test_a_document_that_ends_its_cells_with_stops_has_no_stray_stop() -> None:
    rows = [[t + "." if len(t.split()) >= 3 else t for t in row] for row in _rows()]
    assert all(found == [] for found in row_oddities(rows))


def test_settings_refuse_no_edits() -> None:
    with pytest.raises(ValueError):
        UsageSettings(context_edits=0)
    with pytest.raises(ValueError):
        UsageSettings(same_start=0)
    with pytest.raises(ValueError):
        UsageSettings(stop_share=1.5)


def _document(ocr: bool) -> RakDocument:
    body = [[f"Terwujudnya layanan {i}", f"Persentase proses PAW dalam waktu {i} hari kerja",
             "100%", f"Melakukan proses PAW {i}", *marks(i + 1), "Subbag Hukum"]
            for i in range(4)]
    body[2][1] = "Persentase proses PAW dalam waktu 2 hari kena"
    t: Table = table([HEAD, SUB, *body], page=1)
    for cells in t.rows[2:]:
        for c in cells:
            c.confidence = 0.95 if ocr else None
    lay = build_rows(Grid("pdf", tables=[t], ocr=ocr))
    return RakDocument(Source("rak.pdf", "pdf", 1, "", ocr=ocr), DocumentMeta(), lay.periode,
                       lay.rows)


def test_a_scanned_row_written_unlike_the_others_is_verified_by_eye() -> None:
    doc = _document(ocr=True)
    assert [("ocr-unlike-document" in r.alasan) for r in doc.rows] == [False, False, True, False]
    eye = [f for f in run_checks(doc, CheckConfig()) if f.rule == "low-confidence"]
    assert [f.row for f in eye] == [3]
    assert "ditulis lain dari sel lain dokumen ini" in eye[0].message
    assert "'kena'" in eye[0].message
    en = [f for f in run_checks(doc, CheckConfig(lang="en")) if f.rule == "low-confidence"]
    assert "written unlike the document's other cells" in en[0].message


def test_the_same_text_typed_carries_no_doubt() -> None:
    doc = _document(ocr=False)
    assert all("ocr-unlike-document" not in r.alasan for r in doc.rows)
