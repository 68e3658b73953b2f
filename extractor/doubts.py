"""Codes for why a reading may be wrong: the evidence behind a row's ``keyakinan``.

Readers put codes on cells (``Cell.doubts``) and tables (``Table.doubts``); layout adds its
own; the row keeps them in ``alasan``. Codes are stable kebab-case names, like rule names:
add, never rename. Their Indonesian and English wording lives with the checks that show them.
"""

from __future__ import annotations

# Reader evidence about one cell.
STRADDLES_COLUMN = "straddles-column"  # the cell's text crossed a column boundary
OCR_LOW = "ocr-low"  # Tesseract was unsure of the cell's text
MARK_UNSURE = "mark-unsure"  # ink near the page's own mark/blank threshold
# A speck the dust eraser took from the cell before OCR that may have been a comma or stop
# typed after a space ("meja , kursi"): a printed dot's ink on the baseline, in a word gap
# (``scan.specks``).
OCR_SPECK_ERASED = "ocr-speck-erased"

# Reader evidence about a whole table (page).
COLUMNS_GUESSED = "columns-guessed"  # borderless: column boundaries from whitespace alone
ROWS_GUESSED = "rows-guessed"  # borderless: no clear gap between rows and wrapped lines
RULING_DISAGREES = "ruling-disagrees"  # our cells disagree with pdfplumber's own table
RULING_INCOMPLETE = "ruling-incomplete"  # ruled table whose rules leave cells open; cut by text

# Layout evidence about one row.
ROW_JOIN_GUESSED = "row-join-guessed"  # a row cut by a page break joined on weak evidence
MERGE_GUESSED = "merge-guessed"  # a merged cell's text carried across a page break by a guess
SHADING_IGNORED = "shading-ignored"  # a row shaded all across: its shading read as no mark

# Layout's own evidence about one row (``extractor.evidence``).
TEXT_IN_PERIOD = "text-in-period"  # words or numbers, not a mark, in a month/quarter column
MARK_IN_TEXT = "mark-in-text"  # a cell of a text column holding only a mark
MARK_WITH_TEXT = "mark-with-text"  # a mark run together with words in one cell
TWO_MARKS = "two-marks"  # two marks in one cell: two period columns read as one
MARK_OUTSIDE_PERIODS = "mark-outside-periods"  # a mark under a schedule column with no period
OUTSIDE_COLUMNS = "outside-columns"  # text in no column of the header (lost from the row)
BASELINES_DIFFER = "baselines-differ"  # the row's cells start at different heights
NUMBER_ROW = "number-row"  # the column-number row (1 2 3 ... 17) read as data
HEADER_ROW = "header-row"  # a row of headings read as data
ROW_JOINED = "row-joined"  # two parts of a row a page break cut were joined by a guess
ROW_SPLIT = "row-split"  # one row looks read as two (wrapped lines, a page break)

# Layout's own evidence about a whole table (page).
HEADER_PARTIAL = "header-partial"  # a heading matched only in part (fuzzy score)
COLUMN_MISSING = "column-missing"  # a core column (SASARAN ... PELAKSANA) found in no heading
PERIODS_INCOMPLETE = "periods-incomplete"  # the months (quarters) are not all there, in order
MODEL_DIFFERS = "model-differs"  # this page's columns differ from the other pages'
TABLE_SKIPPED = "table-skipped"  # a table shaped like the RAK's gave no row (rows lost)
OCR_SUSPECT = "ocr-suspect"  # OCR text with a typical misreading: a stray stop, a split number
# A word OCR read that nobody writes (``extractor.lexicon``): a stray glyph inside it
# ("logist.k"), or a spelling no dictionary knows one glyph away from a word the document
# writes ("Sinvang" beside "Sintang"). Tesseract is sure of such slips; its confidence
# does not show them.
OCR_UNKNOWN_WORD = "ocr-unknown-word"
# A word Tesseract read unsurely that no dictionary knows and the document does not write
# again ("pengeioaan"): a slip with no known word near it (``extractor.lexicon``).
OCR_UNSURE_WORD = "ocr-unsure-word"
# A word OCR read that no dictionary knows, changed to the one dictionary word a glyph
# away that no cell of the document writes ("dilakuxan": "dilakukan"), or a hyphen put
# back where the scan lost it ("Perundang Undangan"): most often right, but a guess.
OCR_MENDED = "ocr-mended"
# OCR'd text written unlike the document writes it in other cells (``extractor.usage``): a
# word a glyph or two from the one the same phrase holds elsewhere ("hari kena" beside
# "hari kerja"), a stop or comma where other cells write a space alone, a colon inside a
# sentence. Real words and typed punctuation: no dictionary tells them.
OCR_UNLIKE_DOCUMENT = "ocr-unlike-document"
# A small-letter word OCR read that no dictionary knows and the document does not write
# again, one letter from a word the Indonesian dictionary or the document knows ("upava":
# "upaya"; ``extractor.near_words``): a slip Tesseract is sure of, or a term of the trade.
OCR_NEAR_WORD = "ocr-near-word"
