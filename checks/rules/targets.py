"""TARGET against its indicator: the right kind of unit, a unit at all, a possible percentage.

The kind comes from the indicator's first word (``checks.indicators``). Only plain
disagreements are reported: a share with a count ("Persentase ... 2 Laporan"), a count with a
percentage ("Jumlah ... 100%"), a score with a count, or a count whose unit belongs to another
family than the thing counted ("Jumlah laporan ... 3 Orang"). A target without a number is
left alone: what it should have been is not for a rule to guess.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument, Target

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..indicators import (
    GENERIC_COUNT_UNITS,
    Indicator,
    IndicatorKind,
    family_of,
    is_count_unit,
    read_indicator,
    unit_head,
)
from ..rule import Example, Rule, Words

_KIND_NAMES: dict[IndicatorKind, Words] = {
    IndicatorKind.PERCENT: {"id": "persentase", "en": "a percentage"},
    IndicatorKind.COUNT: {"id": "jumlah", "en": "a count"},
    IndicatorKind.SCORE: {"id": "nilai/skor", "en": "a score"},
}


def mismatch(indicator: Indicator, target: Target) -> Words | None:
    """Why the target's unit does not fit the indicator, or None when it fits or is debatable."""
    if target.nilai is None:
        return None
    head = unit_head(target.satuan)
    kind = indicator.kind
    if kind is IndicatorKind.PERCENT and target.satuan != "%":
        if indicator.word == "rasio" and target.satuan is None:
            return None  # a ratio may be written as a bare number
        return {
            "id": 'Indikator berupa persentase, tetapi target "{teks}" bukan persen (%)',
            "en": 'The indicator is a percentage, but the target "{teks}" is not in percent (%)',
        }
    if kind is IndicatorKind.COUNT:
        if target.satuan == "%":
            return {
                "id": 'Indikator berupa jumlah, tetapi target "{teks}" berupa persen; '
                "tulis banyaknya dengan satuan (mis. 12 Kali, 2 Laporan)",
                "en": 'The indicator is a count, but the target "{teks}" is a percentage; '
                "write how many, with a unit (e.g. 12 Kali, 2 Laporan)",
            }
        counted, given = family_of(indicator.counted), family_of(head)
        if counted and given and counted != given and head not in GENERIC_COUNT_UNITS:
            return {
                "id": 'Indikator menghitung {counted}, tetapi satuan target "{teks}" tidak sesuai',
                "en": 'The indicator counts {counted}, but the target "{teks}" has a unit '
                "that does not fit",
            }
    if kind is IndicatorKind.SCORE and is_count_unit(target.satuan):
        return {
            "id": 'Indikator berupa nilai/skor, tetapi target "{teks}" berupa hitungan',
            "en": 'The indicator is a score, but the target "{teks}" is a count',
        }
    return None


def _unit_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        indicator = read_indicator(row.indikator_kinerja)
        why = mismatch(indicator, row.target)
        if why:
            message = in_language(why, config.lang, teks=row.target.teks, counted=indicator.counted)
            yield TARGET_UNIT_MISMATCH.at(doc, i, "target", message)


TARGET_UNIT_MISMATCH = Rule(
    name="target-unit-mismatch",
    severity=Severity.WARNING,
    title={
        "id": "Satuan target tidak sesuai indikator",
        "en": "Target unit does not fit the indicator",
    },
    explanation={
        "id": "Jenis indikator dibaca dari kata pertamanya: Persentase/Prosentase/Rasio "
        "menghendaki %, Jumlah/Banyaknya menghendaki satuan hitungan (kali, laporan, dokumen, "
        "orang, satker, ...) yang cocok dengan yang dihitung, Nilai/Indeks/Skor menghendaki "
        "angka atau skor, bukan hitungan. Kasus yang dapat diperdebatkan tidak dilaporkan.",
        "en": "The indicator's kind is read from its first word: Persentase/Prosentase/Rasio "
        "wants %, Jumlah/Banyaknya wants a count unit (kali, laporan, dokumen, orang, satker, "
        "...) that fits what is counted, Nilai/Indeks/Skor wants a number or score, not a "
        "count. A debatable case is not reported.",
    },
    bad=Example(
        rows=(
            {
                "indikator_kinerja": "Persentase laporan dan dokumentasi logistik Pemilu",
                "target": "2 Laporan",
            },
        )
    ),
    good=Example(
        rows=(
            {
                "indikator_kinerja": "Jumlah laporan dan dokumentasi logistik Pemilu",
                "target": "2 Laporan",
            },
        )
    ),
    check=_unit_mismatch,
)


def _without_unit(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        t = row.target
        if t.nilai is None or t.satuan is not None:
            continue
        indicator = read_indicator(row.indikator_kinerja)
        if indicator.kind is IndicatorKind.SCORE or indicator.word == "rasio":
            continue  # a score or a ratio is a bare number by nature
        yield TARGET_WITHOUT_UNIT.at(
            doc,
            i,
            "target",
            in_language(
                {
                    "id": 'Target "{teks}" hanya angka tanpa satuan (%, Kali, Laporan, ...)',
                    "en": 'Target "{teks}" is a bare number without a unit (%, Kali, ...)',
                },
                config.lang,
                teks=t.teks,
            ),
        )


TARGET_WITHOUT_UNIT = Rule(
    name="target-without-unit",
    severity=Severity.WARNING,
    title={"id": "Target tanpa satuan", "en": "Target without a unit"},
    explanation={
        "id": 'Target berupa angka saja ("3,5") tidak dapat diukur: apakah 3,5 persen, '
        "3,5 kali, atau nilai 3,5? Tuliskan satuannya. Indikator Nilai/Indeks/Skor dan Rasio "
        "boleh berupa angka saja.",
        "en": 'A target that is a bare number ("3,5") cannot be measured: 3.5 percent, '
        "3.5 times, or a score of 3.5? Write its unit. Nilai/Indeks/Skor and Rasio "
        "indicators may be a bare number.",
    },
    bad=Example(
        rows=(
            {
                "indikator_kinerja": "Persentase ketaatan pengisian kartu kendali SPIP",
                "target": "3,5",
            },
        )
    ),
    good=Example(rows=({"indikator_kinerja": "Nilai kartu kendali SPIP", "target": "3,5"},)),
    check=_without_unit,
)


def _percent_range(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    for i, row in enumerate(doc.rows):
        t = row.target
        if t.satuan == "%" and t.nilai is not None and not 0 <= t.nilai <= 100:
            yield PERCENT_OUT_OF_RANGE.at(
                doc,
                i,
                "target",
                in_language(
                    {
                        "id": 'Target "{teks}" di luar 0-100%',
                        "en": 'Target "{teks}" is outside 0-100%',
                    },
                    config.lang,
                    teks=t.teks,
                ),
            )


PERCENT_OUT_OF_RANGE = Rule(
    name="percent-out-of-range",
    severity=Severity.ERROR,
    title={"id": "Persentase di luar 0-100", "en": "Percentage outside 0-100"},
    explanation={
        "id": "Target dalam persen harus antara 0% dan 100%. Angka di atas 100 biasanya "
        "salah ketik (1000% untuk 100%) atau jumlah yang ditulis dengan %.",
        "en": "A target in percent must lie between 0% and 100%. A number above 100 is "
        "usually a typo (1000% for 100%) or a count written with %.",
    },
    bad=Example(rows=({"target": "1000%"},)),
    good=Example(rows=({"target": "100%"},)),
    check=_percent_range,
)

RULES = (TARGET_UNIT_MISMATCH, TARGET_WITHOUT_UNIT, PERCENT_OUT_OF_RANGE)
