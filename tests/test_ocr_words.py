"""OCR slips mended from the document's own words (``extractor.ocr_words``)."""

from __future__ import annotations

import pytest

from extractor.grid import Cell
from extractor.ocr_words import WordMender, mend_cells


def cells(*texts: str, confidence: float = 0.9) -> list[Cell]:
    return [Cell(t, 0, 10, confidence=confidence) for t in texts]


def test_a_slip_is_mended_to_the_spelling_the_document_supports_more() -> None:
    cs = cells(
        "Jumlah dokumen jadwal retensi",
        "Jadwal laporan",
        "Membuat jadwai retensi arsip",  # l read as i
        "Sekretariat KPU",
        "Sekretanat KPU",  # ri read as n
        "Sekretariat Jenderal",
    )
    assert mend_cells(cs) == 2
    assert cs[2].text == "Membuat jadwal retensi arsip"
    assert cs[4].text == "Sekretariat KPU"
    assert cs[0].text == "Jumlah dokumen jadwal retensi"


def test_case_is_kept_and_capitals_follow_the_slip() -> None:
    cs = cells(
        "LOGISTIK PEMILU",
        "Logistik pemilu",
        "logistik pemilu",
        "logistik gudang",
        "fogistik pemilu",
        "FOGISTIK",
        "pengadaan Iogistik",
    )
    mend_cells(cs)
    assert [c.text for c in cs[4:]] == ["logistik pemilu", "LOGISTIK", "pengadaan logistik"]


def test_a_word_with_no_better_supported_neighbour_is_left_as_read() -> None:
    # "Ilham" and "Iiham" are one confusion apart but equally supported: nothing says which
    # is right, so neither is touched; words nowhere else in the document are kept.
    cs = cells("Ilham Saputra", "Iiham Saputra", "Subbag Hupmas")
    assert mend_cells(cs) == 0
    assert [c.text for c in cs] == ["Ilham Saputra", "Iiham Saputra", "Subbag Hupmas"]


def test_a_tie_goes_to_the_cell_read_more_surely() -> None:
    sure = Cell("Kepemiluan dan Demokrasi", 0, 10, confidence=0.95)
    unsure = Cell("Pendidikan Pemilih Kepemituan", 0, 10, confidence=0.6)
    mend_cells([sure, unsure])
    assert unsure.text == "Pendidikan Pemilih Kepemiluan"
    assert sure.text == "Kepemiluan dan Demokrasi"


def test_short_words_and_words_apart_by_no_ocr_confusion_are_not_merged() -> None:
    # Three letters are too few to tell a slip from another word; s and r are not confused.
    cs = cells("2 kali", "3 kali", "1 kaii", "dil", "dil", "dii", "dinas", "dinas", "dinar")
    mend_cells(cs)
    assert cs[2].text == "1 kali"
    assert cs[5].text == "dii"
    assert cs[8].text == "dinar"


def test_a_lost_hyphen_is_put_back_where_the_document_writes_the_word_joined() -> None:
    cs = cells(
        "sesuai peraturan perundang-undangan",
        "Peraturan Perundang-Undangan",
        "sesuai peraturan perundang undangan",
    )
    mend_cells(cs)
    assert cs[2].text == "sesuai peraturan perundang-undangan"


def test_words_written_apart_more_often_than_joined_stay_apart() -> None:
    m = WordMender(cells("tata kelola", "tata kelola", "tata-kelola"))
    assert m.mend("tata kelola") == "tata kelola"


def test_a_speck_read_as_a_stop_or_hyphen_between_words_is_taken_out() -> None:
    cs = cells(
        "Membentuk Pusat pendidikan pemilihan",
        "Sosialisasi pendidikan pemilihan",
        "Membentuk Pusat pendidikan.pemilihan",
        "pembinaan dan penegakan kode etik",
        "pembinaan dan pengawasan",
        "Persentase pembinaan-dan penegakan",
    )
    mend_cells(cs)
    assert cs[2].text == "Membentuk Pusat pendidikan pemilihan"
    assert cs[5].text == "Persentase pembinaan dan penegakan"
    # A space on one side of it only: no typed hyphen; spaced on both sides: typed so.
    cs = cells(*(c.text for c in cs[3:5]), "Persentase pembinaan -dan penegakan",
               "Peraturan Perundang - Undangan")
    mend_cells(cs)
    assert [c.text for c in cs[2:]] == [
        "Persentase pembinaan dan penegakan",
        "Peraturan Perundang - Undangan",
    ]


def test_a_stop_the_document_writes_there_is_kept_and_none_is_added() -> None:
    cs = cells(
        "KPU Kab.Kubu Raya",
        "Sekretariat KPU Kab.Kubu Raya",
        "KPU Kab Kubu Raya",
        "meja, kursi",
        "meja kursi, komputer",
    )
    mend_cells(cs)
    assert [c.text for c in cs] == [
        "KPU Kab.Kubu Raya",
        "Sekretariat KPU Kab.Kubu Raya",
        "KPU Kab Kubu Raya",
        "meja, kursi",
        "meja kursi, komputer",
    ]


def test_a_trailing_stop_the_same_cell_elsewhere_lacks_is_dropped() -> None:
    cs = cells("75%", "75%", "75%.", "100%", "Laporan kegiatan.", "Laporan kegiatan.")
    mend_cells(cs)
    assert [c.text for c in cs] == [
        "75%",
        "75%",
        "75%",
        "100%",
        "Laporan kegiatan.",
        "Laporan kegiatan.",
    ]


def test_a_stop_after_one_amount_among_many_without_is_dropped() -> None:
    """A target column is written to one pattern: a lone "75%." among figures without a
    stop loses it; where the document ends its figures with stops, they stay."""
    cs = cells("100%", "97,5%", "12 Laporan", "75%.", "1 Dokumen", "Laporan kegiatan.")
    mend_cells(cs)
    assert [c.text for c in cs] == [
        "100%", "97,5%", "12 Laporan", "75%", "1 Dokumen", "Laporan kegiatan."
    ]
    stops = cells("100%.", "97,5%.", "12 Laporan.", "75%.", "1 Dokumen")
    mend_cells(stops)
    assert [c.text for c in stops] == ["100%.", "97,5%.", "12 Laporan.", "75%.", "1 Dokumen"]


def test_commas_and_abbreviation_stops_are_the_document_s_own() -> None:
    cs = cells(
        "Umum dan Logistik",
        "Umum dan Logistik",
        "Keuangan, Umum, dan Logistik",
        "Subbag Keuangan",
        "Subbag Keuangan",
        "Subbag. Keuangan",
    )
    mend_cells(cs)
    assert cs[2].text == "Keuangan, Umum, dan Logistik"
    assert cs[5].text == "Subbag. Keuangan"


def test_a_speck_read_as_a_stop_between_words_written_apart_elsewhere_goes() -> None:
    # The dust of a scan sits on the baseline between "kompetensi" and "SDM", a stop's size
    # and place; the document writes the same two words with a space in another cell.
    cs = cells("peningkatan kompetensi SDM", "Peningkatan kompetensi. SDM KPU Kabupaten")
    mend_cells(cs)
    assert cs[1].text == "Peningkatan kompetensi SDM KPU Kabupaten"
    # ... but not where the document writes them so twice: that is how it is typed.
    typed = cells("kompetensi SDM", "Peningkatan kompetensi. SDM", "Uji kompetensi. SDM")
    mend_cells(typed)
    assert [c.text for c in typed[1:]] == ["Peningkatan kompetensi. SDM", "Uji kompetensi. SDM"]


def test_a_doubled_word_gets_back_the_hyphen_indonesian_writes() -> None:
    cs = cells("laporan masing masing bagian", "Undang Undang Pemilu")
    mend_cells(cs)
    assert [c.text for c in cs] == ["laporan masing-masing bagian", "Undang-Undang Pemilu"]


def test_a_slip_in_the_first_letter_takes_the_document_s_capitals() -> None:
    cs = cells("Data dan Informasi", "Sistem Informasi", "Data dan lnformasi",
               "Umum dan Logistik", "Bagian Logistik", "penyediaan fogistik pemilu")
    mend_cells(cs)
    assert cs[2].text == "Data dan Informasi"  # l or I: the document's capitals
    assert cs[5].text == "penyediaan logistik pemilu"  # f is small: so was the l


def test_a_slip_no_cell_repeats_is_mended_to_its_one_known_look_alike() -> None:
    # Known to no dictionary, one look-alike glyph from one spelling the document writes
    # three times as much ("Partisipasi", "waktu" where a t's stem broke off into a stop)
    # or, for a long word written once, that hunspell knows ("dilakukan", "laporan").
    pelaksana = "Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"
    cs = cells(
        pelaksana,
        pelaksana,
        pelaksana,
        "tepat waktu",
        "tepat waktu dan akurat",
        "waktu 5 hari",
        "Parcisipasi",
        "kegiatan yang dilakuxan",
        "penyusunan !aporan",
        "tepat wak.u",
        "sesuai Peraturan Perundang Undangan",
    )
    assert mend_cells(cs) == 5
    # What the dictionary alone named is a guess the row shows; the document's own is not.
    assert [("ocr-mended" in c.doubts) for c in cs[6:]] == [False, True, True, False, True]
    assert [c.text for c in cs[6:]] == [
        "Partisipasi",
        "kegiatan yang dilakukan",
        "penyusunan laporan",
        "tepat waktu",
        "sesuai Peraturan Perundang-Undangan",
    ]


def test_known_words_names_and_ambiguous_slips_are_not_mended_from_the_dictionary() -> None:
    # "cepat" is a word (one glyph from the document's "tepat"); "Sanggau" is a name one
    # glyph from the dictionary's "sanggan"; "mengimpulkan" is one of the commonest print
    # confusions from both "mengumpulkan" (i for u) and "menyimpulkan" (g for y); "tata
    # kelola" is two words, though hunspell takes "tata-kelola" too.
    texts = ("tepat waktu", "tepat waktu", "cepat dan akurat", "KPU Kabupaten Sanggau",
             "mengimpulkan laporan", "tata kelola")  # fmt: skip
    cs = cells(*texts)
    assert mend_cells(cs) == 0
    assert tuple(c.text for c in cs) == texts


def test_of_two_dictionary_words_a_glyph_away_the_commoner_confusion_names_the_word() -> None:
    # "fembaga" (a 1-bit copy gave the l of "lembaga" a bar) is a glyph from "lembaga" (l
    # for f, a confusion print OCR makes often) and "tembaga" (t for f, a rarer look-alike).
    # The guess is said: the cell carries ``ocr-mended`` for a person to glance at.
    cs = cells("kerjasama dengan fembaga/organisasi masyarakat")
    assert mend_cells(cs) == 1
    assert cs[0].text == "kerjasama dengan lembaga/organisasi masyarakat"
    assert "ocr-mended" in cs[0].doubts


def test_a_slip_a_font_repeats_is_mended_where_the_page_is_full_of_the_word() -> None:
    # A 150 dpi scan reads a serif y as v in every cell: "vang" is English (a sail's rope),
    # "lumlah" no word; the page writes "yang" and "Jumlah" many times more.
    texts = ["Jumlah dokumen yang disusun"] * 6 + ["lumlah laporan vang dibuat"] * 2
    cs = cells(*texts)
    assert mend_cells(cs) == 2
    assert [c.text for c in cs[6:]] == ["Jumlah laporan yang dibuat"] * 2


def test_a_slash_read_as_a_thin_letter_or_quote_is_put_back_where_the_document_writes_it() -> None:
    # Written three times as often as the slip, as "outnumber" asks of any mend.
    cs = cells(
        "SOP dan/atau Juknis",
        "verifikasi parpol dan/atau syarat dukungan dan/atau calon",
        "partai politik danfatau anggota",
        "KPU Kabupaten/Kota",
        "KPU Kabupaten/Kota dan KPU Provinsi, Kabupaten/Kota",
        "yang dihadapi oleh KPU Kabupaten'Kota",
        "Sosialisasi tentang tata kelola",  # no slash written there: left alone
    )
    mend_cells(cs)
    assert cs[2].text == "partai politik dan/atau anggota"
    assert cs[5].text == "yang dihadapi oleh KPU Kabupaten/Kota"
    assert cs[6].text == "Sosialisasi tentang tata kelola"


def test_a_slash_no_cell_writes_is_not_invented() -> None:
    cs = cells("danfatau", "Kabupaten'Kota")
    mend_cells(cs)
    assert [c.text for c in cs] == ["danfatau", "Kabupaten'Kota"]


def test_a_stop_between_a_word_and_one_in_small_letters_is_a_speck() -> None:
    cs = cells(
        "pembinaan disiplin dan kesejahteraan. pegawai",
        "Subbag. Keuangan. Umum, dan Logistik",  # before a capital: the document's own
        "KPU Kab. kubu raya",  # after an abbreviation: kept
    )
    mend_cells(cs)
    assert [c.text for c in cs] == [
        "pembinaan disiplin dan kesejahteraan pegawai",
        "Subbag. Keuangan. Umum, dan Logistik",
        "KPU Kab. kubu raya",
    ]


def test_a_stop_glued_between_two_words_before_a_small_letter_is_a_speck() -> None:
    """Glued, the first word may be one only the document writes ("Terlaksananya", no
    dictionary's): it is the document's own when it writes it often. Short parts of an
    address, and a stop before a capital, stay."""
    cs = cells(
        "Terlaksananya pengelolaan arsip",
        "Terlaksananya pelayanan informasi",
        "Terlaksananya pembinaan pegawai",
        "Terlaksananya.layanan peningkatan kinerja",
        "laman kpu.go.id",
        "Sekretariat.Kabupaten",
        "Kabupatenku.layanan",  # a word neither a dictionary nor the document knows
    )
    mend_cells(cs)
    assert [c.text for c in cs[3:]] == [
        "Terlaksananya layanan peningkatan kinerja",
        "laman kpu.go.id",
        "Sekretariat.Kabupaten",
        "Kabupatenku.layanan",
    ]


def test_a_last_letter_read_as_a_colon_is_mended_but_a_real_colon_and_stop_stay() -> None:
    """A scan that lost an i's stem leaves its dot over a speck: "informas:", "pegawa:". A
    colon after a word ("Catatan:") and a stop after an abbreviation a letter from a word
    ("Bag." beside "bagi") are the writing's own."""
    cs = cells(
        "pengelolaan informas: hukum",
        "layanan pegawa: yang",
        "Catatan: dokumen",
        "Bag. Umum",
    )
    mend_cells(cs)
    assert [c.text for c in cs] == [
        "pengelolaan informasi hukum",
        "layanan pegawai yang",
        "Catatan: dokumen",
        "Bag. Umum",
    ]


def test_a_comma_ending_a_cell_is_a_speck_unless_the_document_ends_its_cells_so() -> None:
    cs = cells("Sekretariat KPU Kabupaten Ketapang,", "Laporan kegiatan", "Dokumen", "100%")
    mend_cells(cs)
    assert cs[0].text == "Sekretariat KPU Kabupaten Ketapang"
    listed = cells("meja,", "kursi,", "lemari,", "komputer")
    mend_cells(listed)
    assert [c.text for c in listed] == ["meja,", "kursi,", "lemari,", "komputer"]


def test_a_comma_ending_a_page_s_last_row_stays_for_the_rest_of_the_cell_over_the_break() -> None:
    cs = cells(
        "penjagaan aset dan barang kantor,", "Laporan kegiatan", "Dokumen", "100%", "Subbag. Umum"
    )
    mend_cells(cs, open_ended={id(cs[0])})
    assert cs[0].text == "penjagaan aset dan barang kantor,"
    mend_cells(cs)  # the same cell inside a page is a speck's comma
    assert cs[0].text == "penjagaan aset dan barang kantor"


def test_each_half_of_a_hyphenated_word_keeps_its_capitals() -> None:
    cs = cells(
        "Peraturan Perundang-Undangan",
        "sesuai Perundang-Undangan",
        "peraturan perundang-undangan",
        "dengan Peraturan Perundang-Undanyan",  # g read as y
        "peraturan perundang-undanyan",
    )
    mend_cells(cs)
    assert [c.text for c in cs[3:]] == [
        "dengan Peraturan Perundang-Undangan",
        "peraturan perundang-undangan",
    ]


@pytest.mark.parametrize(
    ("document", "read", "mended"),
    [
        ((), 'kegiatan \u201cPendidikan Pemilih" untuk', 'kegiatan "Pendidikan Pemilih" untuk'),
        ((), "Hukum dan \u2018Sumber Daya", "Hukum dan Sumber Daya"),  # closed nowhere
        ((), "kata \u2018kunci\u2019 tetap", "kata \u2018kunci\u2019 tetap"),
        (
            ("program \u201cKPU Melayani\u201d", "program \u201cKPU Bersih\u201d"),
            'kegiatan \u201cPendidikan Pemilih" untuk',
            "kegiatan \u201cPendidikan Pemilih\u201d untuk",  # the document's curly style
        ),
    ],
)
def test_one_pair_of_quotes_read_in_two_styles_takes_one_style(
    document: tuple[str, ...], read: str, mended: str
) -> None:
    """Tesseract opens a straight-quoted phrase with a curly quote on a 1-bit copy; the font
    printed one style: the document's, else the straight one. A lone opening quote before
    a word, closed nowhere in the cell, is a speck."""
    cs = cells(*document, read)
    mend_cells(cs)
    assert cs[-1].text == mended


def test_a_capitalised_word_with_a_glyph_inside_is_mended_to_the_document_s_spelling() -> None:
    # A 150 dpi scan on grey paper loses an i's stem under its dot ("Pem'lih"): the word
    # opens with a capital, and the document writes it right elsewhere.
    cs = cells("Pendidikan Pemilih", "Pusat Pendidikan Pemilih", "Pendidikan Pem'lih Kepada")
    mend_cells(cs)
    assert cs[2].text == "Pendidikan Pemilih Kepada"


def test_a_slip_is_mended_to_a_dictionary_word_the_document_writes_more() -> None:
    # "Kelola" written twice, the slip once: not three times as much, but hunspell knows
    # "kelola" and not "kelala", so the two agree. A slip the document writes as often as
    # the look-alike stays.
    cs = cells("mendukung tata Kelola KPU", "tata kelola Pemilu", "guna mendukung tata Kelala KPU")
    mend_cells(cs)
    assert cs[2].text == "guna mendukung tata Kelola KPU"
    even = cells("tata kelola", "tata Kelala", "tata Kelala")
    mend_cells(even)
    assert [c.text for c in even] == ["tata kelola", "tata Kelala", "tata Kelala"]


def test_a_small_letter_shaped_as_its_capital_takes_the_case_the_document_types_a_term_in() -> None:
    # "Jabatan Fungsional" typed so elsewhere: a J read as j before "Fungsional" is a slip.
    # A phrase the document writes in small letters as often stays ("sesuai Peraturan").
    cs = cells(
        "Persentase PNS yang menduduki Jabatan Fungsional",
        "perpindahan jabatan Fungsional sesuai dengan Peraturan",
        "disajikan sesuai Peraturan",
        "Sesuai Peraturan",
        "dalam jabatan fungsional",
    )
    mend_cells(cs)
    assert cs[1].text == "perpindahan Jabatan Fungsional sesuai dengan Peraturan"
    assert cs[2].text == "disajikan sesuai Peraturan"
    assert cs[4].text == "dalam jabatan fungsional"


def test_a_long_word_two_glyphs_from_the_documents_own_word_is_mended() -> None:
    # A blur fills a b's bowl and cuts a p's foot in one word; the RAK writes the word on
    # every page, so it is the one spelling two look-alike glyphs away.
    cs = cells(
        *("KPU Kabupaten Kubu Raya" for _ in range(4)),
        *("Subbagian Hukum dan SDM" for _ in range(4)),
        "Persentase pengaduan di KPU Kahunaten Kubu Raya",
        "Suhhagian Hukum dan SDM",
    )
    mend_cells(cs)
    assert cs[-2].text == "Persentase pengaduan di KPU Kabupaten Kubu Raya"
    assert cs[-1].text == "Subbagian Hukum dan SDM"


def test_two_glyphs_away_needs_the_one_spelling_written_far_more() -> None:
    # Written as often as the slip (not outnumber times): kept.
    cs = cells("Kabupaten Kubu Raya", "Kahunaten Kubu Raya", "Kahunaten Sanggau")
    mend_cells(cs)
    assert cs[1].text == "Kahunaten Kubu Raya"
    # Two spellings written far more, each two look-alike glyphs away: none is chosen.
    two = cells(
        *("Kabupaten Kubu" for _ in range(4)),
        *("Kabunatcn Kubu" for _ in range(4)),
        "Kahunaten Kubu",
    )
    mend_cells(two)
    assert two[-1].text == "Kahunaten Kubu"
    one = cells(*("Kabupaten Kubu" for _ in range(4)), "Kahunaten Kubu")
    mend_cells(one)
    assert one[-1].text == "Kabupaten Kubu"


def test_a_typing_slip_of_reordered_letters_is_left_as_printed() -> None:
    # "logisitk" is two look-alike swaps (i/t, t/i) from "logistik": a typist's slip the
    # page really shows, which the corpus's truth keeps.
    cs = cells(*("Subbag. Keuangan, Umum dan Logistik" for _ in range(5)),
               "Subbag. Keuangan, Umum dan Logisitk")
    mend_cells(cs)
    assert cs[-1].text == "Subbag. Keuangan, Umum dan Logisitk"


def test_an_acronym_a_capital_away_from_one_the_document_writes_in_three_times_the_cells() -> None:
    # A blur rounds the corners of a D: "SOM" (a dictionary's word, in small letters) for
    # the "SDM" three other cells write. One other cell is not enough: "SPIP" beside a lone
    # "SPLP" could be either.
    cs = cells("kompetensi SDM", "meningkatkan SDM", "SDM KPU", "kapabilitas SOM",
               "laporan SPIP", "kartu SPLP")  # fmt: skip
    mend_cells(cs)
    assert cs[3].text == "kapabilitas SDM"
    assert [c.text for c in cs[4:]] == ["laporan SPIP", "kartu SPLP"]


def test_a_stop_glued_before_a_word_the_document_writes_everywhere_is_a_speck() -> None:
    # "pengeloaan" is the page's own typo (no dictionary knows it), "dan" its commonest
    # word; an address ("kuburayakab.go.id") glues parts no page writes as words.
    cs = cells("pengelolaan dan pelaporan", "data dan informasi", "sosialisasi dan edukasi",
               "Melakukan pengeloaan.dan pendokumentasian", "laman kuburayakab.go.id")
    mend_cells(cs)
    assert cs[3].text == "Melakukan pengeloaan dan pendokumentasian"
    assert cs[4].text == "laman kuburayakab.go.id"


def test_a_scanned_table_s_last_row_keeps_the_comma_a_page_break_cuts_it_at() -> None:
    from extractor.grid import Grid, Table
    from extractor.readers.scan.reader import mend_scanned_words
    from extractor.readers.scan.settings import ScanSettings

    def row(*texts: str) -> list[Cell]:
        return [Cell(t, 0.0, 1.0) for t in texts]

    first = Table([row("Laporan kegiatan", "Dokumen"), row("barang kantor,", "Subbag. Umum")], 1)
    second = Table([row("pelayanan tamu di kantor", ""), row("Dokumen arsip,", "100%")], 2)
    mend_scanned_words(Grid("pdf", [first, second]), {1, 2}, ScanSettings().words)
    assert first.rows[1][0].text == "barang kantor,"  # goes on over the break
    assert second.rows[1][0].text == "Dokumen arsip,"  # the last row of the last page too
    inner = Table([row("meja kantor,", "Dokumen"), row("Laporan", "Subbag. Umum")], 1)
    mend_scanned_words(Grid("pdf", [inner]), {1}, ScanSettings().words)
    assert inner.rows[0][0].text == "meja kantor"


def test_a_capital_read_for_a_misread_first_letter_takes_the_case_the_document_writes() -> None:
    """A blurred 8 pt serif "yang" reads "Vang" (the y's arms and tail as a V): the mend to
    "yang" must not keep the capital of the slip where the document writes the word small."""
    cs = cells(
        "Persentase sengketa hukum Vang dimenangkan",
        "pegawai yang telah mengikuti",
        "badan ad hoc yang profesional",
        "data pemilih yang akurat",
        "arsip yang dikelola",
        "laporan yang disusun",
        "Yang Terhormat",  # a capital the document writes once: outnumbered
    )
    mend_cells(cs)
    assert cs[0].text == "Persentase sengketa hukum yang dimenangkan"


def test_a_glyph_misread_throughout_a_word_the_document_always_writes_so_is_mended() -> None:
    """A 1.2 px blur reads both b's of "Subbagian" as h on every page: "Suhhagian" is then
    the document's own majority spelling, and no one-glyph look-alike of it is a word. Read
    back in both places, it is the one word a dictionary knows; the mend is a guess a person
    confirms (``ocr-mended``). A name the dictionary lacks stays as printed."""
    cs = cells(
        *("Suhhagian Keuangan, Umum dan Logistik" for _ in range(4)),
        "Suhhagian Hukum",
        "Kabupaten Sanggau",
        "Kabupaten Sanggau",
        "laman lindungihakpilihmu",
        "laman lindungihakpilihmu",
    )
    mend_cells(cs)
    assert [c.text for c in cs[:5]] == [
        *("Subbagian Keuangan, Umum dan Logistik" for _ in range(4)),
        "Subbagian Hukum",
    ]
    assert all(c.doubts == ["ocr-mended"] for c in cs[:5])
    assert [c.text for c in cs[5:]] == [
        "Kabupaten Sanggau",
        "Kabupaten Sanggau",
        "laman lindungihakpilihmu",
        "laman lindungihakpilihmu",
    ]


def test_a_thin_letter_a_blur_lost_is_put_back_where_the_document_writes_the_word() -> None:
    # The i of "efektif" merged into the f beside it: "efektf" is no word, and the document
    # writes "efektif" (and a dictionary knows it). A lost letter the document does not
    # write stays lost, and a word a dictionary knows ("bila", beside "bilai") is kept.
    cs = cells(
        "yang tertib,efektf dan efisien",
        *("tertib, efektif dan efisien" for _ in range(3)),
        "tata kelola yang transparan",
    )
    mend_cells(cs)
    assert cs[0].text == "yang tertib,efektif dan efisien"
    once = [*cells("yang tertib,efektf dan efisien", confidence=0.95),
            *cells("tertib, efektif dan efisien")]  # fmt: skip
    mend_cells(once)  # once each, the slip's own cell read more surely: two witnesses
    assert once[0].text == "yang tertib,efektif dan efisien"
    alone = cells("yang tertib,efektf dan efisien", "tertib dan efisien")
    mend_cells(alone)
    assert alone[0].text == "yang tertib,efektf dan efisien"
    known = cells("bila perlu", *("bilai perlu" for _ in range(4)))
    mend_cells(known)
    assert known[0].text == "bila perlu"
    # A letter left out between round ones is a typist's slip, printed so: it stays.
    typo = cells("Melakukan pengeloaan dan", *("pengelolaan keuangan" for _ in range(4)))
    mend_cells(typo)
    assert typo[0].text == "Melakukan pengeloaan dan"


# "dan" before another word in five texts, never with a stop or a colon after it.
_DAN = ("sosialisasi dan publikasi", "data dan informasi", "Hukum dan SDM", "keuangan dan umum",
        "sarana dan prasarana")  # fmt: skip


def test_a_stop_after_a_short_word_the_document_never_stops_is_a_speck() -> None:
    # A 1-bit copy's speck after "dan": the document writes "dan" before another word in
    # five texts, never with a stop. An abbreviation it writes with one ("Kab.") keeps it.
    cs = cells(
        "rancangan pedoman desain dan. template kebutuhan", *_DAN,
        "KPU Kab. kubu", "KPU Kab. ketapang",
    )  # fmt: skip
    mend_cells(cs)
    assert cs[0].text == "rancangan pedoman desain dan template kebutuhan"
    assert cs[-2].text == "KPU Kab. kubu"
    few = cells("desain dan. template", "data dan informasi", "Hukum dan SDM")
    mend_cells(few)
    assert few[0].text == "desain dan. template"


def test_a_colon_standing_after_a_word_the_document_never_writes_one_after_is_a_speck() -> None:
    cs = cells(
        "pengeloaan dan : pendokumentasian produk hukum", *_DAN,
        "Keterangan : lihat lampiran", "Keterangan: lihat",
    )  # fmt: skip
    mend_cells(cs)
    assert cs[0].text == "pengeloaan dan pendokumentasian produk hukum"
    assert cs[-2].text == "Keterangan : lihat lampiran"  # typed: the document writes it so
