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

# Reader evidence about a whole table (page).
COLUMNS_GUESSED = "columns-guessed"  # borderless: column boundaries from whitespace alone
ROWS_GUESSED = "rows-guessed"  # borderless: no clear gap between rows and wrapped lines
RULING_DISAGREES = "ruling-disagrees"  # our cells disagree with pdfplumber's own table
RULING_INCOMPLETE = "ruling-incomplete"  # ruled table whose rules leave cells open; cut by text
