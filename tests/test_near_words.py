"""Short words OCR read that no dictionary knows, a letter from an everyday word (issue 10).

The texts are a real RAK's (the Kubu Raya sample's expected rows, as typed): its terms
("monev", "diklat", "bimtek", "laman", "satker") carry no such sign, and the slips the
scans made ("upava", "bagran", read at 0.92) are found in their row alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractor.lexicon import Vocabulary
from extractor.near_words import NearWords, NearWordSettings, row_near_words

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "rak-kubu-raya-2024.expected.json"
FIELDS = ("sasaran_kegiatan", "indikator_kinerja", "target", "kegiatan", "pelaksana")


def _rows() -> list[list[str]]:
    rows = json.loads(SAMPLE.read_text("utf-8"))["rows"]
    return [[r[f]["teks"] if isinstance(r[f], dict) else r[f] for f in FIELDS] for r in rows]


def test_the_documents_own_terms_are_no_slips() -> None:
    rows = _rows()
    text = " ".join(t for row in rows for t in row)
    for term in ("monev", "diklat", "bimtek", "laman", "satker"):
        assert term in text
    assert all(found == [] for found in row_near_words(rows))


@pytest.mark.parametrize(("old", "new"), [("bagian", "bagran"), ("upaya", "upava")])
def test_a_slip_of_an_everyday_word_is_found_in_its_row_alone(old: str, new: str) -> None:
    rows = _rows()
    word = re.compile(rf"\b{old}\b")
    i, j = next((i, j) for i, row in enumerate(rows) for j, t in enumerate(row) if word.search(t))
    rows[i][j] = word.sub(new, rows[i][j], count=1)
    found = row_near_words(rows)
    assert [k for k, words in enumerate(found) if words] == [i]
    assert found[i] == [new]


def test_names_forms_and_halves_of_a_hyphenated_word_are_no_slips() -> None:
    near = NearWords(Vocabulary(["Kabupaten Sintang", "berintegrasi dengan baik"]))
    assert near.slips("Kabupaten Sintanq") == []  # a name: capitalised
    assert near.slips("terintegrasi") == []  # a prefix away from a word the page writes
    assert near.slips("perundang-undangan") == []
    assert near.slips("dalam upava") == ["upava"]


def test_settings_refuse_no_neighbour() -> None:
    with pytest.raises(ValueError):
        NearWordSettings(max_neighbours=0)
    with pytest.raises(ValueError):
        NearWordSettings(min_letters=1)
