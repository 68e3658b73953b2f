"""The case of c o s v w x z from the glyph's height (``scan.letter_case``), on type drawn
by a real font at several sizes: what Tesseract's language model decides from the words
around, the page's ink decides here."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor.readers.scan.letter_case import Glyphs, needs_case, recased
from extractor.readers.scan.settings import ScanSettings

FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def drawn(printed: str, size: int, face: str = FONTS[0]) -> tuple[np.ndarray, Glyphs]:
    """``printed`` drawn in black on white, and its glyphs' boxes (each the glyph's advance
    across, the line's full height down, as loose as Tesseract's)."""
    font = ImageFont.truetype(face, size)
    width = int(font.getlength(printed)) + 2 * size
    image = Image.new("L", (width, 3 * size), 255)
    ImageDraw.Draw(image).text((size, size), printed, font=font, fill=0)
    ink = np.asarray(image) < 128
    glyphs: Glyphs = []
    x = float(size)
    for word in printed.split(" "):
        glyphs.append([])
        for ch in word:
            step = font.getlength(ch)
            glyphs[-1].append((ch, (round(x), 0, round(x + step), 3 * size)))
            x += step
        x += font.getlength(" ")
    return ink, glyphs


@pytest.mark.parametrize("face", FONTS)
@pytest.mark.parametrize("size", [14, 22, 40])
def test_a_letter_takes_the_case_its_height_shows_at_any_size(size: int, face: str) -> None:
    printed = "syarat dukungan calon perseorangan Sumber Daya Manusia"
    ink, glyphs = drawn(printed, size, face)
    # As Tesseract read it: "Calon" a capital, "sumber" small.
    read = "syarat dukungan Calon perseorangan sumber Daya Manusia".split()
    for word, glyph in zip(read, glyphs):
        glyph[0] = (word[0], glyph[0][1])
    assert needs_case(read)
    assert recased(read, glyphs, ink, ScanSettings()) == printed.split()


def test_a_cell_too_short_to_measure_keeps_its_reading() -> None:
    ink, glyphs = drawn("calon", 22)
    glyphs[0][0] = ("C", glyphs[0][0][1])
    assert recased(["Calon"], glyphs, ink, ScanSettings()) == ["Calon"]


def test_words_in_capitals_and_other_letters_are_not_looked_at() -> None:
    assert not needs_case(["SOP", "dan", "Juknis", "Ketapang"])
    assert needs_case(["Sekretariat"])


@pytest.mark.parametrize("face", FONTS)
@pytest.mark.parametrize("size", [14, 22, 40])
def test_a_first_letter_s_box_running_on_over_a_tall_letter_keeps_its_case(
    size: int, face: str
) -> None:
    """Tesseract's box of the "o" of "oleh" often takes in the "l" after it (measured on a
    1.2 px blurred 200 dpi scan: 28 px wide where the x-height is 20); the "o" measured over
    all of it is as tall as a capital, and "oleh" became "Oleh"."""
    printed = "ditindaklanjuti oleh KPU Kabupaten Sanggau sesuai Sumber"
    ink, glyphs = drawn(printed, size, face)
    for glyph in glyphs:
        (first, (x0, top, _, bottom)), (_, (_, _, x1, _)) = glyph[0], glyph[1]
        glyph[0] = (first, (x0, top, x1, bottom))  # over the second letter too
    assert recased(printed.split(), glyphs, ink, ScanSettings()) == printed.split()


@pytest.mark.parametrize("face", FONTS)
@pytest.mark.parametrize("size", [14, 22, 40])
def test_a_tailed_y_or_p_takes_the_case_its_rise_over_the_baseline_shows(
    size: int, face: str
) -> None:
    """A small "y" or "p" is as tall as a capital with its tail; what tells them apart is
    how far it rises over its word's baseline."""
    printed = "sengketa hukum yang dimenangkan Pendidikan dan pelatihan partai Politik Yogyakarta"
    ink, glyphs = drawn(printed, size, face)
    read = "sengketa hukum Yang dimenangkan pendidikan dan Pelatihan partai politik yogyakarta"
    words = read.split()
    for word, glyph in zip(words, glyphs):
        glyph[0] = (word[0], glyph[0][1])
    assert recased(words, glyphs, ink, ScanSettings()) == printed.split()
    for glyph in glyphs:  # the first letter's box running on over the next letters too
        (first, (x0, top, _, bottom)), (_, (_, _, x1, _)) = glyph[0], glyph[-1]
        glyph[0] = (first, (x0, top, x1, bottom))
    assert recased(words, glyphs, ink, ScanSettings()) == printed.split()


@pytest.mark.parametrize("face", FONTS)
@pytest.mark.parametrize("size", [14, 22, 40])
def test_a_small_i_read_as_a_capital_is_lowered_by_its_stem_s_rise(size: int, face: str) -> None:
    """The LSTM capitalises a word that opens a line ("teknologi\\nInformasi"): a small i is
    an x-height stem under a dot standing clear of it. A capital I ("Ilmu") stays."""
    printed = "kepegawaian berbasis teknologi informasi Ilmu Pemerintahan dan Sosial"
    ink, glyphs = drawn(printed, size, face)
    words = "kepegawaian berbasis teknologi Informasi Ilmu Pemerintahan dan Sosial".split()
    for word, glyph in zip(words, glyphs):
        glyph[0] = (word[0], glyph[0][1])
    assert needs_case(words)
    assert recased(words, glyphs, ink, ScanSettings()) == printed.split()
    # A small i read small stays small even where a blur joined its dot to its stem.
    assert recased(printed.split(), glyphs, ink, ScanSettings()) == printed.split()
