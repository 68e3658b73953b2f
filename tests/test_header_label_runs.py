"""Month labels set too close to part, one of them misread, are still a label each (#9).

Scanned without ruling (the corpus's borderless table of another hand, on paper as white as
1.0 or laid straight), narrow month columns put "B10 B11 B12" closer than a phrase gap; with
B11 read "Bll1" no cover by known headings existed, the three stood as one column, and every
mark under B10..B12 was lost (rows 66.7% right on that scan; 83.3% since)."""

from __future__ import annotations

from extractor.readers.pdf.header import PERIOD, Phrase, phrase_roles, segments
from extractor.readers.pdf.settings import BorderlessSettings
from extractor.readers.pdf.text import Word

S = BorderlessSettings()


def _phrase(*texts: str) -> Phrase:
    words, x = [], 640.0
    for t in texts:
        words.append(Word(t, x, x + 12.0, 78.0, 86.0, 7.0, ()))
        x += 19.5
    return Phrase(0, words)


def test_a_misread_label_between_two_read_ones_makes_three_columns() -> None:
    p = _phrase("B10", "Bll1", "B12")
    assert [[w.text for w in seg] for seg in segments(p, S)] == [["B10"], ["Bll1"], ["B12"]]
    assert phrase_roles(p, S) == [PERIOD, PERIOD, PERIOD]


def test_words_that_are_mostly_not_labels_stay_one_heading() -> None:
    p = _phrase("B10", "Bll1", "Xq2")  # two of three unreadable: no run of labels
    assert len(segments(p, S)) == 1
    assert phrase_roles(p, S) == []
    wide = _phrase("B1", "B2", "Laporan")  # a word longer than any label
    assert len(segments(wide, S)) == 1
