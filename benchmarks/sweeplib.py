"""What every perturbation sweep shares: scoring a reading against its spec, and the table.

A sweep regenerates a sample from its spec at one setting of a generator (padding, leading,
font, writer, dpi, paper, skew ...), reads it back and counts the rows whose six fields are
all right. Rows are aligned in order over indikator + kegiatan (a longest common subsequence),
so a dropped or an invented row costs once and does not shift the rest; the rate divides by
max(expected rows, rows read), as the shared corpus' scorer does.

Each family's sweep (``sweep_<family>.py``) yields ``Result`` objects; ``print_table`` prints
them and ``main_exit`` says whether every setting reached the bar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from extractor.model import RakDocument

_HYPHEN_BREAK = re.compile(r"(?<=\w)- (?=\w)")


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _same(got: str, want: str) -> bool:
    got, want = norm(got), norm(want)
    return want in (got, _HYPHEN_BREAK.sub("", got), _HYPHEN_BREAK.sub("-", got))


def _key(indikator: str, kegiatan: str) -> str:
    """The alignment key; a hyphen at a line break ("perundang- undangan") does not keep a
    row from its expected one (``row_ok`` then judges the text as ``_same`` does)."""
    return _HYPHEN_BREAK.sub("", norm(f"{indikator} {kegiatan}")).replace("-", "").lower()


def row_ok(got: Any, want: dict[str, Any]) -> bool:
    """All six fields right: four texts, the target as written, the marked periods."""
    return (
        _same(got.sasaran_kegiatan, want["sasaran_kegiatan"])
        and _same(got.indikator_kinerja, want["indikator_kinerja"])
        and _same(got.target.teks, want["target"])
        and _same(got.kegiatan, want["kegiatan"])
        and _same(got.pelaksana, want["pelaksana"])
        and list(got.jadwal) == list(want["jadwal"])
    )


@dataclass(frozen=True, slots=True)
class Score:
    perfect: int
    expected: int
    read: int
    jadwal_ok: int = 0

    @property
    def denom(self) -> int:
        return max(self.expected, self.read, 1)

    @property
    def rate(self) -> float:
        return self.perfect / self.denom

    @property
    def jadwal_rate(self) -> float:
        return self.jadwal_ok / self.denom


def score(doc: RakDocument, expected: dict[str, Any]) -> Score:
    """Rows all right out of max(expected, read), rows aligned in order."""
    want = expected["rows"]
    got = doc.rows
    matcher = SequenceMatcher(
        a=[_key(r.indikator_kinerja, r.kegiatan) for r in got],
        b=[_key(w["indikator_kinerja"], w["kegiatan"]) for w in want],
        autojunk=False,
    )
    perfect = jadwal = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            g, w = got[block.a + k], want[block.b + k]
            perfect += row_ok(g, w)
            jadwal += list(g.jadwal) == list(w["jadwal"])
    return Score(perfect=perfect, expected=len(want), read=len(got), jadwal_ok=jadwal)


@dataclass(frozen=True, slots=True)
class Result:
    family: str
    setting: str
    score: Score | None
    error: str = ""


def print_table(results: Sequence[Result], bar: float) -> None:
    width = max([len(r.setting) for r in results] + [10])
    print(f"{'family':12} {'setting':{width}}  rows exp/read  perfect  jadwal  ok")
    for r in results:
        if r.score is None:
            blank = f"{'-':>13}  {'0.0%':>7}  {'-':>6}"
            print(f"{r.family:12} {r.setting:{width}}  {blank}  NO  {r.error}")
            continue
        s = r.score
        mark = "yes" if s.rate >= bar else "NO"
        print(
            f"{r.family:12} {r.setting:{width}}  {s.expected:>6}/{s.read:<6}  "
            f"{s.rate:7.1%}  {s.jadwal_rate:6.1%}  {mark}"
        )


def all_pass(results: Iterable[Result], bar: float) -> bool:
    return all(r.score is not None and r.score.rate >= bar for r in results)
