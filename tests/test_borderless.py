"""Tables without ruling lines and words without space glyphs, across the writers that make them.

The samples (``samples/build/pdf_variants.py``) are drawn by reportlab, LibreOffice (a Word
table with its borders off) and chromium (an HTML table); each reproduces a way the reader
once failed, named after it. Their expected rows come from the spec they were drawn from.
The shared corpus' two borderless documents, drawn by another hand, are read here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from benchmarks.sweeplib import score
from extractor import extract
from extractor.doubts import COLUMNS_GUESSED, ROWS_GUESSED, STRADDLES_COLUMN
from extractor.options import ExtractOptions
from extractor.readers.pdf.page import Glyph
from extractor.readers.pdf.reader import read_pdf
from extractor.readers.pdf.settings import BorderlessSettings, PdfTextSettings, TextSettings
from extractor.readers.pdf.text import line_text, words

from .conftest import SAMPLES, SHARED, load_expected
from .sample_compare import meta_differences, row_differences

SAMPLES_SHOWN = {
    "rak-tanpa-garis-rapat": "1 pt padding: column gaps narrower than a share of the font size",
    "rak-tanpa-garis-renggang": "leading 1.5 x size, no row gap: rows from the page's pitches",
    "rak-tanpa-garis-tanpa-spasi": "words placed without space glyphs, Liberation Serif",
    "rak-tanpa-garis-potret": "portrait A4, months 13 pt wide, column-number row",
    "rak-tanpa-garis-word": "LibreOffice: Word table without borders, rows touching",
    "rak-tanpa-garis-html": "chromium: HTML table without borders, cells centred",
    # Before: 6 rows of 24 wrong (each SASARAN given to the rows after it).
    "rak-tanpa-garis-kaki": "chromium: cells at the foot of their rows, SASARAN merged",
    # Before: 8 rows of 28 wrong (rows joined where a centred merged SASARAN stands at
    # their break; a run of three centred on its middle row carried down from the page before).
    "rak-tanpa-garis-tengah": "chromium: cells centred, SASARAN merged, Liberation Serif",
}
PAGE = (842.0, 595.0)


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(SAMPLES_SHOWN))
def test_borderless_sample_extracts_every_row_right(name: str) -> None:
    doc = extract(SAMPLES / f"{name}.pdf")
    expected = load_expected(name)
    assert row_differences(doc, expected) == []
    assert meta_differences(doc, expected) == []


@pytest.mark.parametrize("name", ["c02-noborder-pdf", "c05-noborder-pdf"])
def test_corpus_borderless_documents(name: str) -> None:
    """Drawn by another hand (ReportLab): 99% of rows all six fields right."""
    truth = json.loads((SHARED / "corpus" / f"{name}.truth.json").read_text("utf-8"))
    got = score(extract(SHARED / "corpus" / f"{name}.pdf"), truth)
    assert got.read == got.expected
    assert got.rate >= 0.99


# --- the samples are what they say they are ------------------------------------------------


def _chars(name: str) -> list[dict]:
    with pdfplumber.open(SAMPLES / f"{name}.pdf") as pdf:
        return [ch for page in pdf.pages for ch in page.chars]


def _producer(name: str) -> str:
    with pdfplumber.open(SAMPLES / f"{name}.pdf") as pdf:
        return str(pdf.metadata.get("Producer", ""))


def test_samples_have_no_ruling_lines() -> None:
    for name in SAMPLES_SHOWN:
        with pdfplumber.open(SAMPLES / f"{name}.pdf") as pdf:
            assert all(not page.find_tables() for page in pdf.pages), name


def test_sample_without_space_glyphs_draws_none() -> None:
    chars = _chars("rak-tanpa-garis-tanpa-spasi")
    assert chars and not any(ch["text"] == " " for ch in chars)
    # Liberation Serif's space is 0.25 of the font size: the gap left between words.
    assert {ch["fontname"].split("+")[-1] for ch in chars} >= {"LiberationSerif"}


def test_word_and_html_samples_come_from_their_writers() -> None:
    assert "LibreOffice" in _producer("rak-tanpa-garis-word")
    assert "Skia" in _producer("rak-tanpa-garis-html")


def test_portrait_sample_is_portrait_with_narrow_months() -> None:
    with pdfplumber.open(SAMPLES / "rak-tanpa-garis-potret.pdf") as pdf:
        page = pdf.pages[0]
        assert page.height > page.width
        labels = [w for w in page.extract_words() if w["text"] in ("B1", "B2")]
    assert labels[1]["x0"] - labels[0]["x0"] < 14  # month columns 13 pt wide


def test_tight_sample_leaves_gaps_narrower_than_a_fixed_share() -> None:
    """Guards the sample: the body's text leaves a blank between SASARAN and INDIKATOR
    narrower than 0.6 of the font size (the reader's old fixed column gap)."""
    with pdfplumber.open(SAMPLES / "rak-tanpa-garis-rapat.pdf") as pdf:
        page = pdf.pages[0]
        found = page.extract_words()
        chars = [c for c in page.chars if c["text"].strip()]
    head = {w["text"]: w for w in found if w["text"] in ("SASARAN", "INDIKATOR")}
    body = [c for c in chars if c["top"] > head["INDIKATOR"]["bottom"] + 10]
    lo, hi = head["SASARAN"]["x0"], head["INDIKATOR"]["x1"]
    spans = sorted((w["x0"], w["x1"]) for w in body if w["x1"] > lo and w["x0"] < hi)
    widest, reach = 0.0, spans[0][1]
    for a, b in spans[1:]:
        widest, reach = max(widest, a - reach), max(reach, b)
    assert 0 < widest < 0.6 * 7.0


# --- what the reader saw ---------------------------------------------------------------------


def test_aligned_pages_fill_the_page_view() -> None:
    grid = read_pdf(SAMPLES / "rak-tanpa-garis-rapat.pdf", ExtractOptions())
    assert [v.method for v in grid.seen] == ["aligned"] * 3
    view, table = grid.seen[0], grid.tables[0]
    assert len(view.columns) == 17 + 1  # 17 columns: their edges
    assert len(view.row_breaks) == len(table.rows) - 2 - 1  # two header rows
    assert view.header is not None and view.header[1] < table.rows[2][0].top
    assert {"font_size", "line_pitch", "space_advance", "row_pitch_threshold"} <= set(view.measures)
    assert view.measures["font_size"] == 7.0
    assert len(view.marks) == sum(
        len(r.jadwal)
        for r in extract(SAMPLES / "rak-tanpa-garis-rapat.pdf").rows
        if r.lokasi.halaman == 1
    )


def test_rows_placed_by_structure_say_so() -> None:
    """Rows that touch (a Word table without borders) have nothing but their text to part
    them: the table records the guess."""
    grid = read_pdf(SAMPLES / "rak-tanpa-garis-word.pdf", ExtractOptions())
    assert all(ROWS_GUESSED in t.doubts for t in grid.tables)
    gapped = read_pdf(SAMPLES / "rak-tanpa-garis-rapat.pdf", ExtractOptions())
    assert not any(t.doubts for t in gapped.tables)


def _page(path: Path, items: list[tuple[float, float, str]], size: float = 8) -> Path:
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for x, top, s in items:
        c.setFont("Helvetica", size)
        c.drawString(x, PAGE[1] - top - size, s)
    c.showPage()
    c.save()
    return path


HEAD = [
    (50, 80, "SASARAN"),
    (170, 80, "INDIKATOR"),
    (290, 80, "TARGET"),
    (340, 80, "B1"),
    (360, 80, "B2"),
    (380, 80, "B3"),
    (410, 80, "PELAKSANA"),
]


def _row(top: float, n: int, marks: tuple[int, ...]) -> list[tuple[float, float, str]]:
    out = [
        (50, top, f"Sasaran {n}"),
        (170, top, f"Indikator {n}"),
        (295, top, "100%"),
        (410, top, "Subbag X"),
    ]
    return out + [(342 + 20 * m, top, "v") for m in marks]


def test_a_group_row_across_the_columns_straddles(tmp_path: Path) -> None:
    items = [*HEAD, *_row(100, 1, (0,)), *_row(120, 2, (1,))]
    items.append((50, 140, "II. SUB BAGIAN HUKUM DAN SUMBER DAYA MANUSIA TAHUN ANGGARAN 2025"))
    items += [*_row(160, 3, (2,)), *_row(180, 4, (0, 2))]
    grid = read_pdf(_page(tmp_path / "group.pdf", items), ExtractOptions())
    rows = grid.tables[0].rows
    assert len(rows) == 6
    group = [c for c in rows[3] if c.text]
    assert len(group) == 1 and group[0].text.startswith("II. SUB BAGIAN")
    assert STRADDLES_COLUMN in group[0].doubts
    assert [norm(c.text) for c in rows[5]] == [
        "Sasaran 4",
        "Indikator 4",
        "100%",
        "v",
        "",
        "v",
        "Subbag X",
    ]


def test_a_page_without_header_keeps_the_previous_pages_columns(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    for page_items in (
        [*HEAD, *_row(100, 1, (0,)), *_row(120, 2, (1, 2))],
        [*_row(60, 3, (2,)), *_row(80, 4, (0,))],
    ):
        for x, top, s in page_items:
            c.setFont("Helvetica", 8)
            c.drawString(x, PAGE[1] - top - 8, s)
        c.showPage()
    c.save()
    grid = read_pdf(path, ExtractOptions())
    first, second = grid.tables
    assert [c.x0 for c in second.rows[0]] == [c.x0 for c in first.rows[1]][: len(second.rows[0])]
    assert COLUMNS_GUESSED not in second.doubts
    assert [norm(c.text) for c in second.rows[1]] == [
        "Sasaran 4",
        "Indikator 4",
        "100%",
        "v",
        "",
        "",
        "Subbag X",
    ]
    doc = extract(path)
    assert [r.jadwal for r in doc.rows] == [[1], [2, 3], [3], [1]]


def test_without_header_columns_come_from_whitespace_and_say_so(tmp_path: Path) -> None:
    items = []
    for r in range(4):
        top = 100 + 20 * r
        items += [
            (50, top, f"Baris {r} satu"),
            (200, top, f"kolom dua {r}"),
            (330, top, "nilai"),
            (420, top, f"akhir {r}"),
        ]
    grid = read_pdf(_page(tmp_path / "plain.pdf", items), ExtractOptions())
    table = grid.tables[0]
    assert COLUMNS_GUESSED in table.doubts
    assert [norm(c.text) for c in table.rows[2]] == [
        "Baris 2 satu",
        "kolom dua 2",
        "nilai",
        "akhir 2",
    ]


# --- words and settings ----------------------------------------------------------------------


def _glyphs(spec: list[tuple[str, float]], size: float = 10.0) -> list[Glyph]:
    """Glyphs of one line from (text, gap before it in font sizes), each 0.5 em wide."""
    out: list[Glyph] = []
    x = 0.0
    for text, gap in spec:
        for i, ch in enumerate(text):
            x += gap * size if i == 0 else 0.0
            out.append(Glyph(ch, x, x + 0.5 * size, 0.0, size, size, False))
            x += 0.5 * size
    return out


def test_a_gap_of_one_narrow_space_advance_is_a_space() -> None:
    """No space glyphs, words 0.22 of the font size apart (Calibri's advance): a word break
    each; the old fixed quarter of the font size read one word."""
    line = _glyphs([("Nurul", 0), ("Sutrisno,", 0.22), ("S.Pd.", 0.22)])
    assert line_text(line) == "Nurul Sutrisno, S.Pd."


def test_letter_spacing_is_not_a_space() -> None:
    """Letters set 0.1 em apart (tracking) stay one word; the words 0.35 em further apart."""
    spaced = [Glyph(ch, i * 6.0, i * 6.0 + 5.0, 0, 10, 10, False) for i, ch in enumerate("RENCANA")]
    x = spaced[-1].x1 + 3.5
    spaced += [
        Glyph(ch, x + i * 6.0, x + i * 6.0 + 5.0, 0, 10, 10, False) for i, ch in enumerate("AKSI")
    ]
    assert [len(w) for w in words(spaced)] == [7, 4]


def test_drawn_spaces_survive_a_line_cut_into_parts(tmp_path: Path) -> None:
    """A signature line beside a second block: each part keeps the spaces its writer drew."""
    path = _page(
        tmp_path / "sig.pdf", [(50, 100, "Mengetahui,"), (500, 100, "Drs. Petrus Suhardi, M.H.")]
    )
    grid = read_pdf(path, ExtractOptions())
    assert [ln.text for ln in grid.lines] == ["Mengetahui,", "Drs. Petrus Suhardi, M.H."]


def test_settings_are_validated_and_carried() -> None:
    with pytest.raises(ValueError, match="straddle_share"):
        BorderlessSettings(straddle_share=0.9)
    with pytest.raises(ValueError, match="space_share"):
        TextSettings(space_share=2.0)
    with pytest.raises(ValueError, match="letter_gap_em"):
        TextSettings(letter_gap_em=0.25, space_em=0.2)
    with pytest.raises(TypeError):
        PdfTextSettings(text=BorderlessSettings())  # type: ignore[arg-type]
    assert ExtractOptions().pdf_text == PdfTextSettings()


def test_text_line_gap_setting_reaches_the_reader(tmp_path: Path) -> None:
    path = _page(tmp_path / "gap.pdf", [(50, 100, "Tahun"), (100, 100, ": 2024")], size=10)
    default = read_pdf(path, ExtractOptions())
    assert [ln.text for ln in default.lines] == ["Tahun : 2024"]  # 2.3 em apart: one line
    narrow = ExtractOptions(pdf_text=PdfTextSettings(text=TextSettings(text_line_gap=2.0)))
    assert [ln.text for ln in read_pdf(path, narrow).lines] == ["Tahun", ": 2024"]


def test_shaded_months_without_ruling_are_read_by_alignment(tmp_path: Path) -> None:
    """A table without borders whose planned months are grey cells: the fills' edges are no
    ruling (no text inside), the page is read by alignment and the shading marks months."""
    path = tmp_path / "shaded.pdf"
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.setFillGray(0.75)
    for top, months in ((100, (0, 1)), (120, (2,))):
        for m in months:
            c.rect(338 + 20 * m, PAGE[1] - top - 12, 18, 16, stroke=0, fill=1)
    c.setFillGray(0)
    for x, top, s in [*HEAD, *_row(100, 1, ()), *_row(120, 2, ())]:
        c.setFont("Helvetica", 8)
        c.drawString(x, PAGE[1] - top - 8, s)
    c.showPage()
    c.save()
    grid = read_pdf(path, ExtractOptions())
    assert [v.method for v in grid.seen] == ["aligned"]
    assert [[cell.shaded for cell in row[3:6]] for row in grid.tables[0].rows[1:]] == [
        [True, True, False],
        [False, False, True],
    ]


def test_text_run_into_the_next_columns_text_says_it_may_straddle(tmp_path: Path) -> None:
    """The quarterly borderless sample drawn with half a point of cell padding: a SASARAN
    line ("... administrasi PAW") runs on until its last word touches INDIKATOR's first
    ("PAWPersentase" on the page), and the reader gives "PAW" to INDIKATOR. The column
    finder saw the line narrow the boundary, the words there touch: both cells say the
    text may straddle it, and the row is verified by eye. Lines whose text keeps a word
    space from the next column's carry no such doubt."""
    from dataclasses import replace

    from checks import run_checks
    from samples.build.pdf_variants import tanpa_garis_tw
    from samples.build.pdf_writer import write_pdf

    doc, options = tanpa_garis_tw()
    path = tmp_path / "tw-tight.pdf"
    write_pdf(doc, path, replace(options, pad=0.5, row_gap=1.0))
    grid = read_pdf(path, ExtractOptions())
    doubted = [[norm(c.text) for c in row if STRADDLES_COLUMN in c.doubts]
               for t in grid.tables for row in t.rows]
    (touching,) = [d for d in doubted if d]
    assert len(touching) == 2 and any(t.startswith("PAW Persentase") for t in touching)
    read = extract(path)
    eye = [f.row for f in run_checks(read) if f.rule == "layout-uncertain"]
    flagged = [i + 1 for i, r in enumerate(read.rows) if STRADDLES_COLUMN in r.alasan]
    assert flagged and set(flagged) <= set(eye)
    assert any(read.rows[i - 1].indikator_kinerja.startswith("PAW") for i in flagged)
