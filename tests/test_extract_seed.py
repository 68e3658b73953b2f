"""The seed RAK (KPU Kabupaten Kubu Raya 2024), rebuilt as Word and as LibreOffice's PDF of it:
every row, every field, equal to the seed text."""

from __future__ import annotations

import json

import jsonschema
import pytest
from rak_schemas import load_schema

from extractor import extract

from .conftest import SAMPLES, load_expected
from .sample_compare import meta_differences, row_differences

SEED = "rak-kubu-raya-2024"


@pytest.fixture(scope="module", params=["docx", "pdf"])
def seed_doc(request):
    return extract(SAMPLES / f"{SEED}.{request.param}")


def test_seed_rows_equal_the_seed_text(seed_doc):
    assert row_differences(seed_doc, load_expected(SEED)) == []


def test_seed_metadata(seed_doc):
    assert meta_differences(seed_doc, load_expected(SEED)) == []


def test_seed_output_is_schema_valid(seed_doc):
    jsonschema.Draft202012Validator(load_schema()).validate(seed_doc.to_dict())
    assert json.loads(json.dumps(seed_doc.to_dict()))["rows"][0]["lokasi"]["baris"] == 1


def test_seed_defects_are_kept_as_written(seed_doc):
    rows = {r.indikator_kinerja[:40]: r for r in seed_doc.rows}
    assert rows["Persentase Sarana dan Prasarana Teknolog"].pelaksana == "√"
    assert rows["Jumlah/Terbentuknya Pusat Pendidikan Pem"].pelaksana == ""
    shifted = [r.lokasi.baris for r in seed_doc.rows if r.kolom_bergeser]
    assert shifted == [22, 23, 24]


def test_seed_targets_read_the_indonesian_way(seed_doc):
    by_text = {r.target.teks: (r.target.nilai, r.target.satuan) for r in seed_doc.rows}
    assert by_text["87,5%"] == (87.5, "%")
    assert by_text["2.498 Orang"] == (2498, "orang")
    assert by_text["3,5"] == (3.5, None)
    assert by_text["12 Kali"] == (12, "kali")


def test_seed_pdf_pages_are_located():
    doc = extract(SAMPLES / f"{SEED}.pdf")
    pages = [r.lokasi.halaman for r in doc.rows]
    assert all(p is not None and 1 <= p <= doc.source.pages for p in pages)
    assert pages == sorted(pages)
    assert pages[0] > 1  # the cover page holds no rows
