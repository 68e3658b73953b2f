"""Words OCR read that nobody writes: the slips Tesseract is sure of, and the words it is not.

The hand-made grids hold the slips the benchmark's scans showed ("logisuik", "logist.k",
"Sinvang", a lost hyphen) among the words a RAK really writes: names and acronyms no
dictionary knows, typed abbreviations with stops, derived forms of a word the document also
writes. The same cells read from a born-digital page carry no doubt at all.
"""

from __future__ import annotations

import pytest

from checks import CheckConfig, run_checks
from extractor.grid import Grid, Table
from extractor.layout import build_rows
from extractor.lexicon import (
    LexiconSettings,
    Vocabulary,
    dictionaries_installed,
    glyph_slips,
    in_dictionary,
    unsure_slips,
)
from extractor.model import DocumentMeta, RakDocument, Source

from .test_layout import HEAD, SUB, marks, table

UNIT = "Subbagian Keuangan, Umum dan Logistik"


@pytest.mark.parametrize(
    "text",
    ["Melakukan inventaris logist.k", "yang dise'esaikan paling lambat", "dokumentasi 'og:stik",
     "keamanan dan ketartiLan", "dokumentasi 1Ogistik", "Subbagian Keuargar,, Umum",
     "Terwu>Jnya dukungan", "teknis verifikas' partai", "Melakukan :nventaris logistik",
     "pembinaan disiplin dan kesejahteraan. pegawai"],
)
def test_a_glyph_no_typist_puts_inside_a_word_is_a_slip(text: str) -> None:
    assert glyph_slips(text)


@pytest.mark.parametrize(
    "text",
    ["Januari s.d. Desember", "KPU Kab.Kubu Raya", "yang tertib,efektif dan efisien",
     "partai politik dan/atau anggota", "Hasil Notulen/ Dokumentasi", "printer dan atk.",
     "Rp. 1.000.000", "H-1 pemungutan suara", "aplikasi SiLon dan eKinerja", "100%"],
)
def test_typed_punctuation_is_not_a_slip(text: str) -> None:
    assert glyph_slips(text) == []


def test_a_spelling_one_glyph_from_a_word_the_document_writes() -> None:
    words = Vocabulary(["KPU Kabupaten Sintang", "Subbagian Kabupaten Sintang",
                        "Jumlah Bappenas", "Melakukan fasilitasi", "sarana fasilitas kantor",
                        "dimutakhirkan", "data memutakhirkan"])
    assert words.unknown_words("ketaatan KPU Kabupaten Sinvang") == ["Sinvang"]
    # A name no dictionary knows, with no near neighbour; another form of a word written.
    assert words.unknown_words("laporan ke Bappenas") == []
    assert words.unknown_words("Melakukan fasilitasi") == []
    assert words.unknown_words("data memutakhirkan") == []


def test_a_hyphen_lost_between_two_halves_of_a_word() -> None:
    assert dictionaries_installed()  # hunspell-id (README's apt line, .ci/run)
    words = Vocabulary(["sesuai peraturan"])
    assert words.unknown_words("sesuai Peraturan Perundang Undangan") == ["Perundang Undangan"]
    assert words.unknown_words("sesuai Peraturan Perundang-Undangan") == []


def test_a_look_alike_glyph_in_a_long_word_the_dictionary_knows() -> None:
    words = Vocabulary(["pengamanan gedung"])
    assert words.unknown_words("Melakukan xontrol pengamanan") == ["xontrol"]
    # Short terms the dictionary lacks have a dictionary word one glyph away: left alone.
    assert words.unknown_words("laporan monev dan diklat") == []


def test_a_speck_read_as_punctuation_between_two_words_the_document_writes_apart() -> None:
    words = Vocabulary(["Peradilan Umum dan Peradilan Tata Usaha", "di Peradilan Umum",
                        "Bawaslu, Peradilan, Umum", "Subbagian Umum, dan Logistik"])
    assert words.separator_slips("di Bawaslu, Peradilan, Umum") == ["Peradilan, Umum"]
    assert words.separator_slips("Subbagian Umum, dan Logistik") == []  # written so
    stops = Vocabulary(["KPU Kab.Kapuas Hulu", "anggaran Kab.Kapuas Hulu", "di Kab Kapuas"])
    assert stops.separator_slips("di Kab Kapuas") == ["Kab Kapuas"]  # a stop lost


def test_a_one_off_separator_in_a_name_every_other_row_writes_bare() -> None:
    # One distinct text each, but the unit's name is written in ten rows.
    words = Vocabulary(["Subbagian Hukum dan SDM"] * 10 + ["Subbagian.Hukum dan SDM"])
    assert words.separator_slips("Subbagian.Hukum dan SDM") == ["Subbagian.Hukum"]
    # A merged cell's copies are no one-off: two ways of writing, neither more usual.
    copies = Vocabulary(["Kubu. Raya Barat"] * 3 + ["Kubu Raya Barat"] * 3)
    assert copies.separator_slips("Kubu. Raya Barat") == []


def test_a_case_slip_of_a_text_other_rows_write() -> None:
    unit = "Subbagian Perencanaan, Data dan Informasi"
    words = Vocabulary([unit] * 7 + ["Subbagian Perencanaan, Data dan informasi"])
    assert words.case_slips("Subbagian Perencanaan, Data dan informasi") == ["informasi"]
    assert words.case_slips(unit) == []
    # Two ways, each once: the document's own inconsistency.
    assert Vocabulary(["data dan Informasi", "data dan informasi"]).case_slips(
        "data dan informasi") == []


def test_a_word_only_english_knows_beside_the_word_the_page_is_full_of() -> None:
    assert dictionaries_installed()
    words = Vocabulary([f"laporan yang ke {i}" for i in range(9)] + ["aplikasi vang tepat"])
    assert words.unknown_words("aplikasi vang tepat") == ["vang"]
    # Few cells write the neighbour: no telling.
    few = Vocabulary(["laporan yang ke", "aplikasi vang tepat"])
    assert few.unknown_words("aplikasi vang tepat") == []
    assert words.unknown_words("laporan monitoring online") == []


def test_quotes_opened_curly_and_closed_straight() -> None:
    assert glyph_slips('kegiatan “Pendidikan Pemilih" untuk') == ['“Pendidikan', 'Pemilih"']
    assert glyph_slips("kegiatan “Pendidikan Pemilih” untuk") == []
    assert glyph_slips('kegiatan "Pendidikan Pemilih" untuk') == []


def test_an_unsure_word_no_dictionary_knows_is_a_slip_a_name_read_surely_is_not() -> None:
    merged = "Melakukan pengeioaan dan pendokumentasian"
    rows = [[merged, "Subbagian Hukum"], [merged, "Subbag Hupmas"], ["di JDIH", "Subbagian Hukum"]]
    # Unsure: "pengeioaan" (in two rows: a merged cell's copy), "JDIH", and words the
    # dictionary knows ("Melakukan", "perundang-undangan" whole); "Hupmas" was read surely.
    found = unsure_slips(rows, ["pengeioaan", "JDIH", "Melakukan", "perundang-undangan"])
    assert found == [["pengeioaan"], ["pengeioaan"], ["JDIH"]]
    # A word the document writes again is its own.
    assert unsure_slips([["di JDIH"], ["dalam JDIH"]], ["JDIH"]) == [[], []]


def test_settings_refuse_a_slip_that_is_no_slip() -> None:
    with pytest.raises(ValueError):
        LexiconSettings(max_edits=0)
    with pytest.raises(ValueError):
        LexiconSettings(max_edit_share=0.9)
    with pytest.raises(ValueError):
        LexiconSettings(frequent=1)
    with pytest.raises(ValueError):
        LexiconSettings(outnumber=1)


def _scan_table(ocr: bool) -> Table:
    body = [[f"Terwujudnya pengelolaan logistik {i}", f"Persentase logistik pemilu {i}", "100%",
             "Melaksanakan pengadaan logistik", *marks(i + 1), UNIT] for i in range(5)]
    body[3][3] = "Melakukan inventaris logisuik sesuai ketentuan"
    t = table([HEAD, SUB, *body], page=1)
    for cells in t.rows[2:]:
        for c in cells:
            c.confidence = 0.95 if ocr else None
    return t


def _document(ocr: bool) -> RakDocument:
    lay = build_rows(Grid("pdf", tables=[_scan_table(ocr)], ocr=ocr))
    return RakDocument(Source("rak.pdf", "pdf", 1, "", ocr=ocr), DocumentMeta(), lay.periode,
                       lay.rows)


def test_a_scan_cell_with_a_slip_gets_the_row_verified_by_eye() -> None:
    doc = _document(ocr=True)
    assert [("ocr-unknown-word" in r.alasan) for r in doc.rows] == [False] * 3 + [True, False]
    assert doc.rows[3].keyakinan is not None and doc.rows[3].keyakinan < 0.8
    eye = [f for f in run_checks(doc, CheckConfig()) if f.rule == "low-confidence"]
    assert [f.row for f in eye] == [4]
    assert "kata hasil OCR tidak dikenal: 'logisuik'" in eye[0].message
    en = [f for f in run_checks(doc, CheckConfig(lang="en")) if f.rule == "low-confidence"]
    assert "a word read by OCR that is no known word: 'logisuik'" in en[0].message


def test_the_same_words_typed_carry_no_doubt() -> None:
    doc = _document(ocr=False)
    assert all(r.alasan == [] and r.keyakinan == 1.0 for r in doc.rows)
    rules = {f.rule for f in run_checks(doc, CheckConfig())}
    assert not rules & {"low-confidence", "layout-uncertain"}


def test_a_word_outside_a_dictionarys_encoding_is_unknown_not_an_error() -> None:
    # en_US is Latin-1: a curly quote or an Indonesian word OCR read with one is no word.
    assert not in_dictionary("Pendidikan‘")
    assert not in_dictionary("“logistik")
    assert in_dictionary("logistik")
