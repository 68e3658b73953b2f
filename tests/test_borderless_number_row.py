"""The column-number row parts two columns the header did not (#9).

A borderless table scanned (the corpus's c02 of another hand, laid straight) lost its "B8"
label entirely: the header gave B8 and B9 one anchor, and every B8 mark went to B9 (rows
83.3% right on that scan; 100% since). The row under the header that numbers every column
(1 2 ... 17) still shows both."""

from __future__ import annotations

from extractor.readers.pdf.columns import _numbered_splits
from extractor.readers.pdf.gaps import Profile
from extractor.readers.pdf.settings import BorderlessSettings
from extractor.readers.pdf.text import Word

S = BorderlessSettings()


def _w(text: str, x0: float, x1: float, top: float) -> Word:
    return Word(text, x0, x1, top, top + 8.0, 8.0, ())


def _numbers() -> list[Word]:
    return [_w(str(n), 10.0 + 20 * n, 16.0 + 20 * n, 90.0) for n in range(1, 8)]


def _marks(top: float, months: list[int]) -> list[Word]:
    return [_w("√", 10.0 + 20 * m, 16.0 + 20 * m, top) for m in months]


def test_two_numbers_under_one_anchor_are_two_columns() -> None:
    # Boundaries between every column but 5 and 6 (the header's anchor held both).
    inner = [20.0 + 20 * n + 7 for n in range(1, 7) if n != 5]
    body = [_numbers(), _marks(110, [1, 2, 5, 6, 7]), _marks(130, [5, 6]), _marks(150, [6])]
    splits = _numbered_splits(body, inner, Profile(body), S)
    assert len(splits) == 1 and 116.0 < splits[0] < 130.0


def test_text_running_across_the_gap_parts_nothing_and_no_number_row_nothing() -> None:
    inner = [20.0 + 20 * n + 7 for n in range(1, 7) if n != 5]
    across = [_w("Subbagian Hukum dan Sumber Daya", 100.0, 150.0, 110.0 + 20 * i) for i in range(4)]
    body = [_numbers(), *([w] for w in across)]
    assert _numbered_splits(body, inner, Profile(body), S) == []
    plain = [_marks(110, [5, 6]), _marks(130, [5, 6])]
    assert _numbered_splits(plain, inner, Profile(plain), S) == []
