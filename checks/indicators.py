"""What an indicator measures, read from its first word, and which target units fit it.

RAK indicators name their kind in their first word: "Persentase ..." is a share (wants %),
"Jumlah ..." a count (wants a count unit), "Nilai/Indeks ..." a number or score. Only that
first word is trusted: "Persentase nilai minimal B" is a percentage, and "Nilai akuntabilitas
kinerja ... 70%" a score, which may well be written with %. Anything the wording does not
settle is left alone, since a wrong warning costs a secretariat more than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class IndicatorKind(Enum):
    PERCENT = "percent"
    COUNT = "count"
    SCORE = "score"
    OTHER = "other"


KIND_WORDS: dict[str, IndicatorKind] = {
    "persentase": IndicatorKind.PERCENT,
    "prosentase": IndicatorKind.PERCENT,
    "presentase": IndicatorKind.PERCENT,
    "persen": IndicatorKind.PERCENT,
    "rasio": IndicatorKind.PERCENT,
    "jumlah": IndicatorKind.COUNT,
    "banyaknya": IndicatorKind.COUNT,
    "nilai": IndicatorKind.SCORE,
    "indeks": IndicatorKind.SCORE,
    "indek": IndicatorKind.SCORE,
    "index": IndicatorKind.SCORE,
    "skor": IndicatorKind.SCORE,
    "predikat": IndicatorKind.SCORE,
}

# Units that count things. What is counted decides whether they fit (see FAMILIES).
# fmt: off
COUNT_UNITS: frozenset[str] = frozenset({
    "kali", "laporan", "dokumen", "orang", "satker", "draft", "draf", "perkara", "kegiatan",
    "surat", "sk", "keputusan", "naskah", "berkas", "buku", "rancangan", "pegawai", "peserta",
    "anggota", "pns", "asn", "jiwa", "personel", "petugas", "unit", "buah", "paket", "set",
    "eksemplar", "item", "lembaga", "instansi", "kantor", "rapat", "frekuensi", "kasus",
    "sengketa", "pengaduan", "produk", "aplikasi", "pedoman", "sop", "juknis", "desa",
    "kecamatan", "tps", "partai", "parpol", "dapil", "arsip", "berita", "notulen", "kartu",
    "bulan", "triwulan", "semester", "tahun",
})

# Units that fit anything counted ("12 kali", "2 buah"): never a mismatch on their own.
GENERIC_COUNT_UNITS: frozenset[str] = frozenset({
    "kali", "frekuensi", "buah", "unit", "paket", "set", "item", "eksemplar", "kegiatan",
})

# Families of nouns: a thing counted in one family and a unit of another plainly disagree
# ("Jumlah laporan ... 3 Orang"). Words outside every family are never judged.
FAMILIES: dict[str, frozenset[str]] = {
    "document": frozenset({
        "laporan", "dokumen", "draft", "draf", "rancangan", "surat", "sk", "keputusan",
        "naskah", "berkas", "buku", "pedoman", "sop", "juknis", "notulen", "arsip", "produk",
        "peraturan",
    }),
    "person": frozenset({
        "orang", "pegawai", "peserta", "anggota", "pns", "asn", "jiwa", "personel", "petugas",
        "pemilih",
    }),
    "office": frozenset({"satker", "lembaga", "instansi", "kantor"}),
    "case": frozenset({"perkara", "kasus", "sengketa", "pengaduan", "gugatan"}),
}
# fmt: on

_WORD = re.compile(r"[a-z]+")
_SKIP_AFTER_KIND = frozenset({"total", "dari", "yang", "seluruh", "semua"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Indicator:
    kind: IndicatorKind
    word: str  # the kind word as found ("persentase", "rasio", ...), "" for OTHER
    counted: str | None  # for a count: the noun counted ("laporan" in "Jumlah laporan ...")


def read_indicator(text: str) -> Indicator:
    """Classify an indicator by its first word; ``Jumlah/Terbentuknya`` reads as Jumlah."""
    words = _words(text)
    if not words or words[0] not in KIND_WORDS:
        return Indicator(IndicatorKind.OTHER, "", None)
    kind = KIND_WORDS[words[0]]
    counted = None
    if kind is IndicatorKind.COUNT:
        # "Jumlah/Terbentuknya Pusat ..." counts a Pusat: the word after a slash is skipped.
        first = text.strip().split(None, 1)
        rest = first[1] if len(first) > 1 else ""
        for w in _words(rest):
            if w not in _SKIP_AFTER_KIND:
                counted = w
                break
    return Indicator(kind, words[0], counted)


def unit_head(satuan: str | None) -> str | None:
    """The first word of a unit ("laporan bulanan" -> "laporan"), or the unit itself (%)."""
    if not satuan:
        return None
    words = _words(satuan)
    return words[0] if words else satuan.strip()


def family_of(word: str | None) -> str | None:
    if not word:
        return None
    for name, members in FAMILIES.items():
        if word in members:
            return name
    return None


def is_count_unit(satuan: str | None) -> bool:
    return unit_head(satuan) in COUNT_UNITS
