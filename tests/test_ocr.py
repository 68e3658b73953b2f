"""Scanned PDFs read by OCR (issue 6): the seed sample scanned at 150 and 300 dpi.

The scans are made by ``samples/build/scan.py`` (rotated about 1 degree, noise, dust, JPEG).
OCR is slow, so each scan is read once per module. The rate floors below are the rates
measured when the reader was written, less a small margin; the issue's target is 95% of rows
all right and 98% with the right schedule, and the gap is reported, not hidden.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractor import extract
from extractor.model import RakDocument
from extractor.ocr_fixes import fix_code, fix_numbers
from extractor.readers.scan.text import tessdata_dir
from extractor.text import normalise

from .conftest import SAMPLES, load_expected
from .sample_compare import TEXT_FIELDS

SEED = "rak-kubu-raya-2024"

# Tesseract and its language data are installed by .ci/run: without them these tests fail.
assert tessdata_dir() is not None, "apt-get install tesseract-ocr tesseract-ocr-ind"

# Measured 2024 on the committed scans; see the module docstring.
FLOOR_150 = {"all": 0.96, "jadwal": 0.98}  # measured 52/53 and 53/53; 51/53 since issue 9
# At 300 dpi dust specks next to words are still read as stops on some rows. Measured
# 53 rows, 42/53 all right when written; 45/53 with thresholds from the page (issue 9);
# 53/53 jadwal.
FLOOR_300 = {"all": 0.83, "jadwal": 0.98}


def row_rates(doc: RakDocument, expected: dict[str, Any]) -> tuple[float, float]:
    """(share of rows with all six fields right, share with jadwal right), per row index."""
    want_rows = expected["rows"]
    all_right = jadwal_right = 0
    for got, want in zip(doc.rows, want_rows):
        texts_ok = all(normalise(getattr(got, f)) == normalise(want[f]) for f in TEXT_FIELDS)
        target_ok = normalise(got.target.teks) == normalise(want["target"])
        jadwal_ok = got.jadwal == want["jadwal"]
        jadwal_right += jadwal_ok
        all_right += texts_ok and target_ok and jadwal_ok
    return all_right / len(want_rows), jadwal_right / len(want_rows)


# Reading a 20-page scan takes close to a minute at 150 dpi and more at 300: the slow suite
# (CI runs it); the fast suite keeps the OCR's parts and the PK scan (test_pk_extract.py).
SCAN = pytest.mark.slow


@pytest.fixture(scope="module")
def scan_150() -> RakDocument:
    return extract(SAMPLES / f"{SEED}-scan-150.pdf")


@SCAN
def test_scan_150_row_count_and_rates(scan_150: RakDocument) -> None:
    expected = load_expected(SEED)
    assert len(scan_150.rows) == len(expected["rows"])
    all_right, jadwal = row_rates(scan_150, expected)
    assert all_right >= FLOOR_150["all"], all_right
    assert jadwal >= FLOOR_150["jadwal"], jadwal


@SCAN
def test_scan_300_rates() -> None:
    doc = extract(SAMPLES / f"{SEED}-scan-300.pdf")
    expected = load_expected(SEED)
    assert len(doc.rows) == len(expected["rows"])
    all_right, jadwal = row_rates(doc, expected)
    assert all_right >= FLOOR_300["all"], all_right
    assert jadwal >= FLOOR_300["jadwal"], jadwal


@SCAN
def test_scan_is_marked_ocr_with_confidence(scan_150: RakDocument) -> None:
    assert scan_150.source.ocr is True
    assert scan_150.source.pages == 20
    values = [r.keyakinan for r in scan_150.rows]
    assert all(v is not None and 0.0 <= v <= 1.0 for v in values)
    out = scan_150.to_dict()
    assert out["source"]["ocr"] is True
    assert all("keyakinan" in r for r in out["rows"])


@SCAN
def test_scan_pages_are_located(scan_150: RakDocument) -> None:
    pages = [r.lokasi.halaman for r in scan_150.rows]
    assert pages == sorted(pages)
    assert pages[0] == 2


@SCAN
def test_scan_metadata_from_text_outside_tables(scan_150: RakDocument) -> None:
    meta = scan_150.document
    assert meta.judul == "RENCANA AKSI KINERJA"
    assert meta.tahun == 2024
    assert meta.tempat == "SUNGAI RAYA"
    assert meta.penandatangan.nama == "FITRI"


def test_text_layer_page_is_not_ocred() -> None:
    doc = extract(SAMPLES / f"{SEED}.pdf")
    assert doc.source.ocr is False
    # keyakinan is for every source now; without OCR it carries no OCR reason.
    assert all(r.keyakinan is not None and "ocr-low" not in r.alasan for r in doc.rows)


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("lOO%", "100%"),
        ("too%", "100%"),
        ("1OO %", "100%"),
        ("2O24", "2024"),
        ("Tahun 2O24", "Tahun 2024"),
        ("Rp 12.5OO.OOO", "Rp 12.500.000"),
        ("2O24,", "2024,"),
    ],
)
def test_ocr_number_confusions_are_fixed(read: str, fixed: str) -> None:
    assert fix_numbers(read) == fixed


@pytest.mark.parametrize(
    "text", ["12 Kali", "87,5%", "2.498 Orang", "3,5", "to", "Iain", "I", "dan informasi", "O"]
)
def test_words_and_good_numbers_are_left_alone(text: str) -> None:
    assert fix_numbers(text) == text


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("Bi", "B1"), ("Bil", "B11"), ("BS", "B5"), ("B1O", "B10"), ("B12", "B12"),
        ("TW Il", "TW II"), ("TW Ill", "TW III"), ("TW 1V", "TW IV"), ("TWI", "TW I"),
        ("TW IV", "TW IV"),
    ],
)  # fmt: skip
def test_short_codes_are_fixed(read: str, fixed: str) -> None:
    assert fix_code(read) == fixed


@pytest.mark.parametrize("text", ["Ya", "TW", "83", "Subbag. Keuangan", "NO", "DI", "TWO"])
def test_other_cells_are_not_codes(text: str) -> None:
    assert fix_code(text) == text


def _drawn_table(dpi: int = 150) -> Any:
    """A 3x3 ruled table on white paper: a tick, dust specks, and an empty cell."""
    import cv2
    import numpy as np

    page = np.full((600, 900), 245, np.uint8)
    xs, ys = [100, 300, 500, 700], [100, 200, 300, 400]
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 1)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 1)
    cv2.polylines(page, [np.array([[190, 150], [198, 160], [212, 136]])], False, 0, 2)  # tick
    for x, y in ((360, 130), (420, 170), (450, 140)):  # dust in the middle cell
        page[y : y + 2, x : x + 2] = 40
    cv2.putText(page, "B12", (170, 265), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    return page


def test_ink_decides_marks_and_dust_is_empty() -> None:
    from extractor.readers.scan.reader import _reader, read_page_image

    tables = read_page_image(_drawn_table(), 150.0, 1, _reader("drawn")).tables
    assert len(tables) == 1
    rows = tables[0].rows
    assert [len(r) for r in rows] == [3, 3, 3]
    tick, dusty, empty = rows[0]
    assert tick.mark and tick.text == "√"
    assert (dusty.text, dusty.mark) == ("", False)
    assert (empty.text, empty.mark) == ("", False)
    assert rows[1][0].text == "B12" and not rows[1][0].mark
    assert rows[1][0].confidence is not None and 0.0 < rows[1][0].confidence <= 1.0


def _line_with(*marks: tuple[int, int, int, int]) -> Any:
    """A synthetic 150 dpi text line: letter-sized bars (body 10 px, baseline y=30) with gaps,
    plus small ``marks`` (x, y, w, h) drawn as solid black specks."""
    import numpy as np

    page = np.full((50, 200), 240, np.uint8)
    for x in (10, 20, 30, 60, 70, 80, 110, 120):  # three words: x-height letters 6 px wide
        page[20:30, x : x + 6] = 0
    page[14:30, 140:142] = 0  # a narrow ascender stem (an "l") so the i-dot test has a stem
    page[20:30, 160:162] = 0  # the stem of an "i"...
    page[16:18, 160:162] = 0  # ...and its dot
    for x, y, w, h in marks:
        page[y : y + h, x : x + w] = 0
    return page


def _dust_left(page: Any, dot: float = 0.0) -> list[tuple[int, int]]:
    """(x, y) of the specks ``erase_dust`` keeps, among small blobs; ``dot`` is the page's
    least ink of a printed dot (0: not measured)."""
    import cv2
    import numpy as np

    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    clean = erase_dust(page, 128.0, 10.0, ScanSettings(), dot)
    _, _, stats, _ = cv2.connectedComponentsWithStats(
        np.where(clean < 128, 255, 0).astype(np.uint8), connectivity=8
    )
    return [(int(s[0]), int(s[1])) for s in stats[1:] if s[2] <= 3 and s[3] <= 3]


def test_full_stop_hugging_its_word_is_kept() -> None:
    assert (37, 28) in _dust_left(_line_with((37, 28, 2, 2)))  # "xxx." right after a letter


def test_speck_mid_gap_at_x_height_is_dust() -> None:
    # Read as ":" or "-" between words ("Meningkatnya:akuntabilitas"): no colon foot below.
    assert _dust_left(_line_with((46, 24, 2, 2))) == [(160, 16)]


def test_speck_above_x_height_without_stem_is_dust_but_i_dot_stays() -> None:
    # Read as an apostrophe ("Meningkatnya' penyelesaian"); the i-dot at (160, 16) stays.
    assert _dust_left(_line_with((100, 15, 2, 2))) == [(160, 16)]


def test_a_piece_broken_off_a_letter_at_its_thin_joints_is_kept() -> None:
    # A serif r's arm at the x-height line, a y's tail from the baseline, one pixel from the
    # letter: erased, they left "Infoimasi" and "vang".
    assert (17, 20) in _dust_left(_line_with((17, 20, 2, 2)))
    assert (12, 31) in _dust_left(_line_with((12, 31, 2, 2)))


@pytest.mark.parametrize("speck", [(17, 24, 2, 2), (17, 16, 2, 2)])
def test_a_speck_beside_a_letter_halfway_up_or_over_it_is_still_dust(speck) -> None:
    # Beside an i's stem halfway up it made a t ("pegawat"); over an e, an accent ("Pémilu").
    assert _dust_left(_line_with(speck)) == [(160, 16)]


def test_colon_is_kept() -> None:
    left = _dust_left(_line_with((88, 22, 2, 2), (88, 28, 2, 2)))
    assert (88, 22) in left and (88, 28) in left


def test_doubled_full_stop_loses_the_far_dot() -> None:
    left = _dust_left(_line_with((37, 28, 2, 2), (43, 28, 2, 2)))  # "Subbag.."
    assert (37, 28) in left and (43, 28) not in left


def test_faint_speck_is_erased_whatever_its_place() -> None:
    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    page = _line_with()
    page[28:30, 37:39] = 170  # lighter than ink throughout: not print
    clean = erase_dust(page, 128.0, 10.0, ScanSettings())
    assert (clean[28:30, 37:39] == 240).all()  # painted as paper


@pytest.mark.parametrize(
    ("read", "kept"),
    [("kerja . yang", "kerja yang"), ("meja , kursi", "meja , kursi"), ("' SPIP", "SPIP")],
)
def test_lone_dots_and_quotes_are_dropped_but_commas_kept(read: str, kept: str) -> None:
    from extractor.readers.scan.reader import drop_dust

    assert drop_dust(read) == kept


def test_speck_with_less_ink_than_the_pages_dots_is_dust_even_where_a_stop_sits() -> None:
    # One black pixel hugging the word on its baseline ("75%."): placed like a stop, but a
    # printed dot of this page holds at least 2 pixels of ink (its 2x2 i-dots: 4).
    speck = _line_with((37, 29, 1, 1))
    assert (37, 29) in _dust_left(speck)  # with no measure of the page's dots, kept
    assert (37, 29) not in _dust_left(speck, dot=2.0)
    assert (37, 28) in _dust_left(_line_with((37, 28, 2, 2)), dot=2.0)  # a real stop stays
    assert (160, 16) in _dust_left(speck, dot=2.0)  # and the i-dot


def test_the_pages_dot_ink_is_measured_on_its_i_dots() -> None:
    import numpy as np

    from extractor.readers.scan.image import Measures
    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import dot_levels

    def page(side: int) -> Any:
        text = np.full((60, 400), 255, np.uint8)
        for x in range(10, 390, 12):  # a row of "i": a stem 10 px tall, a dot above it
            text[30:40, x : x + 2] = 0
            text[28 - side : 28, x : x + side] = 0
        return text

    m = Measures(150, 245, 20, 255, 20, 0.0, 2.0, 10.0, False)
    half = ScanSettings().dot_share
    assert dot_levels(page(2), m, ScanSettings())[0] == pytest.approx(half * 4)
    assert dot_levels(page(3), m, ScanSettings())[0] == pytest.approx(half * 9)
    few = np.full((60, 400), 255, np.uint8)
    assert dot_levels(few, m, ScanSettings()) == (0.0, 255.0)  # no i-dots: not measured


def test_hyphen_ending_its_line_is_kept_and_a_far_dash_is_dust() -> None:
    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    def kept(x: int) -> bool:
        clean = erase_dust(_line_with((x, 24, 4, 2)), 128.0, 10.0, ScanSettings())
        return bool((clean[24:26, x : x + 4] < 128).all())

    # "Perundang-" broken over two lines, or typed "Perundang -" with a space before it.
    assert kept(166) and kept(170)
    assert not kept(185)  # a dash with no word near it is dust


def test_a_blurred_hyphen_two_pixels_wide_in_ink_is_kept_by_its_grey_footprint() -> None:
    """A 150 dpi "Perundang -": the dash's core is 3 pixels by 2 of ink, not twice as wide
    as tall; its grey footprint, 5 by 2, says dash. A round speck of the same core is dust."""
    import numpy as np

    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    dash = _line_with()
    dash[24:26, 170:175] = np.array([[200, 110, 90, 100, 190], [200, 130, 120, 125, 200]])
    clean = erase_dust(dash, 128.0, 10.0, ScanSettings())
    assert (clean[24:26, 170:175] == dash[24:26, 170:175]).all()
    round_speck = _line_with()
    round_speck[23:27, 170:175] = np.array(
        [[230, 150, 140, 150, 230], [200, 110, 90, 100, 190], [200, 130, 120, 125, 200],
         [230, 150, 140, 150, 230]]
    )  # fmt: skip
    clean = erase_dust(round_speck, 128.0, 10.0, ScanSettings())
    assert not (clean[24:26, 171:174] < 128).any()


def test_a_comma_typed_apart_with_a_tail_lighter_than_the_cut_is_kept() -> None:
    """"meja , kursi" at 200 dpi: the comma stands a space from both words and its tail is
    lighter than the binary cut, so its blob is a dot where no stop goes; its grey
    footprint, taller than wide and reaching below the baseline, says comma. The same dot
    without the tail is dust."""
    import numpy as np

    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    head = np.array([[110, 30, 60], [175, 30, 5], [240, 118, 30]])
    tail = np.array([[240, 135, 140], [245, 180, 235]])
    comma = _line_with()
    comma[27:30, 46:49] = head
    comma[30:32, 46:49] = tail
    clean = erase_dust(comma, 128.0, 10.0, ScanSettings())
    assert (clean[27:30, 46:49] == head).all()
    dot = _line_with()
    dot[27:30, 46:49] = head
    clean = erase_dust(dot, 128.0, 10.0, ScanSettings())
    assert not (clean[27:30, 46:49] < 128).any()
    opening = _line_with()  # the same comma before the line's first glyph: no comma there
    opening[27:30, 2:5] = head
    opening[30:32, 2:5] = tail
    clean = erase_dust(opening, 128.0, 10.0, ScanSettings())
    assert not (clean[27:30, 2:5] < 128).any()


def test_speck_above_the_line_does_not_make_a_full_stop_doubled() -> None:
    left = _dust_left(_line_with((37, 28, 2, 2), (36, 10, 2, 2)))
    assert (37, 28) in left and (36, 10) not in left


def test_what_the_reader_saw_is_kept_in_points() -> None:
    from extractor.readers.scan.reader import _reader, read_page_image

    view = read_page_image(_drawn_table(), 150.0, 3, _reader("drawn")).view
    assert (view.page, view.method) == (3, "ocr")
    assert (view.width, view.height) == (900 * 72 / 150, 600 * 72 / 150)
    for key in ("dpi", "paper_level", "ink_level", "skew_deg", "stroke_pt", "text_height_pt",
                "blank_ink_units"):  # fmt: skip
        assert key in view.measures
    assert view.measures["paper_level"] == pytest.approx(245, abs=3)
    assert len(view.cells) == 9 and len(view.tables) == 1 and len(view.marks) == 1
    # The drawn ruling is at x = 100, 300, 500, 700 px: 48, 144, 240, 336 pt.
    assert [round(x / 4.8) for x in view.columns] == [10, 30, 50, 70]
    assert len(view.row_breaks) == 3


def test_scan_settings_change_what_the_reader_decides() -> None:
    """A blank threshold no tick can pass turns the drawn tick into a blank cell."""
    import dataclasses

    from extractor.readers.scan.reader import _reader, read_page_image
    from extractor.readers.scan.settings import ScanSettings

    strict = dataclasses.replace(ScanSettings(), blank_units=50.0)
    rows = read_page_image(_drawn_table(), 150.0, 1, _reader("drawn"), strict).tables[0].rows
    assert not rows[0][0].mark and rows[0][0].text == ""


def test_a_speck_on_the_line_below_does_not_make_a_stop_doubled() -> None:
    # Dust under the gap (on the next text line) was taken for the first dot of "..": the
    # comma of "SOP, pedoman" went at 150 dpi.
    left = _dust_left(_line_with((38, 28, 2, 2), (36, 45, 1, 1)))
    assert (38, 28) in left


def test_a_grey_speck_lighter_than_the_ink_cut_and_lighter_than_a_dot_is_erased() -> None:
    from extractor.readers.scan.settings import ScanSettings
    from extractor.readers.scan.specks import erase_dust

    page = _line_with()
    page[29, 37] = 140  # one mid-grey pixel where a stop sits: Tesseract reads "kata."
    page[27:30, 90:93] = 135  # a pale but whole dot: 3x3 pixels, as much ink as a stop
    settings = ScanSettings()
    assert erase_dust(page, 128.0, 10.0, settings)[29, 37] == 140  # dots not measured: kept
    clean = erase_dust(page, 128.0, 10.0, settings, dot=2.0)
    assert clean[29, 37] == 240
    assert (clean[27:30, 90:93] == 135).all()


@pytest.mark.parametrize(
    ("word", "space_after", "unsure", "parts"),
    [
        # Tesseract's LSTM reads "di dokumentasikan" as one word, at confidence 0.
        ("didokumentasikan", 2, True, ("di", "dokumentasikan")),
        # A letter gap a blur widened: no two words either side of it.
        ("Menyiapkan", 9, True, None),
        # "Perundang -" typed apart, read "Perundang-" (surely): the hyphen's space.
        ("Perundang-", 9, False, ("Perundang", "-")),
        # A sure word is never parted at a letter gap.
        ("didokumentasikan", 2, False, None),
    ],
)
def test_a_space_the_page_shows_inside_a_word_parts_it(
    word: str, space_after: int, unsure: bool, parts: tuple[str, str] | None
) -> None:
    from extractor.readers.scan.text import _part_at

    centres = [10.0 * i + 5 for i in range(len(word))]
    k = _part_at(list(word), centres, 10.0 * space_after, unsure)
    assert (None if k is None else (word[:k], word[k:])) == parts


def _printed(
    text: str, size: int = 40, face: str = "DejaVuSans.ttf"
) -> tuple[Any, list[tuple[str, Any]]]:
    """``text`` printed in ``face`` (DejaVu Sans) as ink, with each glyph's box."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(face, size)
    image = Image.new("L", (size * len(text) + 40, 2 * size), 255)
    draw = ImageDraw.Draw(image)
    draw.text((20, 15), text, font=font, fill=0)
    boxes = []
    for i in range(len(text)):
        left = 20 + int(draw.textlength(text[:i], font=font))
        right = 20 + int(draw.textlength(text[: i + 1], font=font))
        boxes.append((text[i], (left, 15, right, 15 + size)))
    return np.asarray(image) < 128, boxes


def _capitals_picture(text: str, speck_after: int | None = None) -> tuple[Any, list[Any]]:
    """``text`` printed (``_printed``), a speck after glyph ``speck_after``, and its glyph
    boxes as Tesseract gives them when it reads a doubled letter once: the pair's box spans
    both copies."""
    ink, boxes = _printed(text)
    if speck_after is not None:
        x = boxes[speck_after][1][2] + 2
        ink[50:54, x : x + 4] = True
    glyphs: list[Any] = []
    for ch, box in boxes:
        if glyphs and glyphs[-1][0] == ch:
            last = glyphs[-1][1]
            glyphs[-1] = (ch, (last[0], last[1], box[2], box[3]))  # read once
        else:
            glyphs.append((ch, box))
    return ink, glyphs


@pytest.mark.parametrize(
    ("printed", "read", "speck", "out"),
    [
        ("JDIIH", "JDIH", None, "JDIIH"),  # two I's side by side, read as one
        ("JDIH", "JDIH", None, "JDIH"),  # as printed
        ("JDIH", "JDIH", 2, "JDIH"),  # a speck after the I is no second I
        ("KPU", "KPU", None, "KPU"),
    ],
)
def test_a_capital_the_page_shows_twice_is_written_twice(
    printed: str, read: str, speck: int | None, out: str
) -> None:
    from extractor.readers.scan.blobs import doubled
    from extractor.readers.scan.settings import ScanSettings

    ink, glyphs = _capitals_picture(printed, speck)
    assert "".join(g for g, _ in glyphs) == read
    assert doubled(read, glyphs, ink, ScanSettings()) == out


@pytest.mark.parametrize("face", ["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSans-Bold.ttf"])
@pytest.mark.parametrize("size", [24, 40])
@pytest.mark.parametrize(
    ("printed", "read", "out"),
    [
        ("JDIIH", "JDUIH", "JDIIH"),  # an I's stem read as U (150 dpi)
        ("JDIIH", "JOLLH", "JDIIH"),  # ... as L, and the D's back rounded into an O (blur)
        ("JDIIH", "jDItH", "JDIIH"),  # ... as t, and the J read small (1-bit copy)
        ("JDIIH", "JDIIH", "JDIIH"),
        ("LPSE", "LPSE", "LPSE"),  # an L's foot, a T's bar, a U's bowl are no I's stem
        ("TUL", "TUL", "TUL"),
        ("BOT", "BOT", "BOT"),  # an O's round back is no D's
        ("DOB", "DOB", "DOB"),
    ],
)
def test_a_capital_of_an_acronym_is_the_letter_its_blob_s_shape_names(
    printed: str, read: str, out: str, face: str, size: int
) -> None:
    from extractor.readers.scan.blobs import shaped
    from extractor.readers.scan.settings import ScanSettings

    ink, boxes = _printed(printed, size, face)
    glyphs = [(r, box) for r, (_, box) in zip(read, boxes)]
    assert shaped(read, glyphs, ink, ScanSettings()) == out


def test_two_stems_read_as_one_capital_are_two_i_s_but_a_u_stays() -> None:
    from extractor.readers.scan.blobs import shaped
    from extractor.readers.scan.settings import ScanSettings

    ink, boxes = _printed("JDIIH")
    (j, jb), (d, db), (_, first), (_, second), (h, hb) = boxes
    pair = (first[0], first[1], second[2], second[3])
    glyphs = [(j, jb), (d, db), ("U", pair), (h, hb)]
    assert shaped("JDUH", glyphs, ink, ScanSettings()) == "JDIIH"
    ink, boxes = _printed("JDUH")
    assert shaped("JDUH", boxes, ink, ScanSettings()) == "JDUH"


def test_words_that_are_no_acronym_are_not_respelled() -> None:
    from extractor.readers.scan.blobs import is_acronym

    assert is_acronym("JDIIH") and is_acronym("jDItH") and is_acronym("SDM")
    assert not any(map(is_acronym, ["Ilmu", "Jl", "KPUKab", "Kab", "tIdak", "II"]))


@pytest.mark.parametrize(
    ("printed", "read", "out"),
    [
        ("75%", "715%", "75%"),  # the 7's stem read as a 1 of its own
        ("715%", "715%", "715%"),  # as printed
        ("100%", "100%", "100%"),
        ("12", "12", "12"),
    ],
)
def test_a_one_the_page_shows_no_blob_for_is_left_out(printed: str, read: str, out: str) -> None:
    from extractor.readers.scan.blobs import phantom_one
    from extractor.readers.scan.settings import ScanSettings

    ink, boxes = _printed(printed)
    if read != printed:  # Tesseract's boxes: the 7's own, split in two at its middle
        (seven, (x0, top, x1, bottom)), rest = boxes[0], boxes[1:]
        middle = (x0 + x1) // 2
        boxes = [(seven, (x0, top, middle, bottom)), ("1", (middle, top, x1, bottom)), *rest]
    assert "".join(t for t, _ in boxes) == read
    assert phantom_one(read, boxes, ink, ScanSettings()) == out


def test_two_digits_a_blur_joined_are_not_taken_for_a_phantom_one() -> None:
    import cv2
    import numpy as np

    from extractor.readers.scan.blobs import phantom_one
    from extractor.readers.scan.settings import ScanSettings

    ink, boxes = _printed("10%")
    joined = cv2.dilate(ink.astype(np.uint8), np.ones((1, 9), np.uint8)) > 0  # 1 and 0 touch
    assert phantom_one("10%", boxes, joined, ScanSettings()) == "10%"


@pytest.mark.parametrize("size", [14, 18, 28])
@pytest.mark.parametrize(
    ("printed", "read", "face"),
    [
        ("SOP", "SOP", "DejaVuSans-Bold.ttf"),
        ("SOP", "SOP", "DejaVuSerif-Bold.ttf"),
        ("KPPS", "KPPS", "DejaVuSerif-Bold.ttf"),
        ("INDIKATOR", "INDIKATOR", "DejaVuSerif-Bold.ttf"),  # its T's bar faded: a word
        ("JDIIH", "JOLLH", "DejaVuSans-Bold.ttf"),
    ],
)
def test_a_blurred_bold_o_keeps_its_round_back(
    printed: str, read: str, face: str, size: int
) -> None:
    """A bold heading blurred at 150 dpi: its O fills its left third nearly all down and its
    sides stand upright, so only where its top and bottom start tells it from a D
    ("INDIKATDR" came of a test of the left column's ink); the I's and the D of "JDIIH" read
    "JOLLH" are still told. A blur that fades a T's bar leaves it a stem: a word a
    dictionary knows is never respelled."""
    import cv2
    import numpy as np

    from extractor.readers.scan.blobs import shaped
    from extractor.readers.scan.settings import ScanSettings

    ink, boxes = _printed(printed, size, face)
    grey = np.where(ink, 0, 255).astype(np.uint8)
    blurred = cv2.GaussianBlur(grey, (0, 0), 0.06 * size) < 128
    glyphs = [(r, box) for r, (_, box) in zip(read, boxes)]
    assert shaped(read, glyphs, blurred, ScanSettings()) == printed

