"""The RAK against its Perjanjian Kinerja (``rak check RAK --pk PK``).

A RAK is the plan that carries out the PK the Sekretaris signed for the same year: every
indicator promised there must be planned here, with the promised target, under the same
sasaran (SAKIP evaluation asks that the plans be "selaras": Renstra -> PK -> action plan).
These rules run only when a PK is given; the pairing of indicators they judge is made once
(``checks.pk_match``) and listed in the report. When the two documents are of another year
or another office, that is the one finding worth making: their indicators are not meant to
be the same, so the row rules stay quiet.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractor.language import in_language
from extractor.model import RakDocument
from extractor.pk_model import PkRow

from ..config import CheckConfig
from ..finding import Finding, Severity
from ..pk_match import PkCheck, same_sasaran, same_target, with_pk
from ..rule import Example, PkExample, Rule, Words
from ..units import region_words

_UNSURE: Words = {
    "id": " (baris PK ini terbaca dengan keyakinan {k}: periksa dengan mata)",
    "en": " (this PK row was read with keyakinan {k}: verify it by eye)",
}


def _comparable(doc: RakDocument) -> PkCheck | None:
    found = with_pk(doc)
    return found if found is not None and found.pairing.comparable else None


def _unsure(row: PkRow, found: PkCheck, config: CheckConfig) -> str:
    """A note when the PK row may be misread, so a difference is not taken on trust."""
    floor = config.min_confidence if found.pk.source.ocr else config.min_keyakinan
    if row.keyakinan is None or row.keyakinan >= floor:
        return ""
    return in_language(_UNSURE, config.lang, k=f"{row.keyakinan:.2f}".replace(".", ","))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- pk-indicator-missing ---------------------------------------------------------------------


def _indicator_missing(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    found = _comparable(doc)
    if found is None:
        return
    for i in found.pairing.pk_unpaired:
        row = found.pk.rows[i]
        yield PK_INDICATOR_MISSING.on_document(
            doc,
            "indikator_kinerja",
            in_language(
                {
                    "id": 'INDIKATOR KINERJA Perjanjian Kinerja baris {n} tidak ada di RAK: '
                    '"{ind}" (sasaran "{sasaran}", target {target})',
                    "en": "INDIKATOR KINERJA of the Perjanjian Kinerja, row {n}, is in no RAK "
                    'row: "{ind}" (sasaran "{sasaran}", target {target})',
                },
                config.lang,
                n=i + 1,
                ind=_short(row.indikator_kinerja),
                sasaran=_short(row.sasaran_kegiatan, 80),
                target=row.target.teks or "-",
            )
            + _unsure(row, found, config),
        )


PK_INDICATOR_MISSING = Rule(
    name="pk-indicator-missing",
    severity=Severity.ERROR,
    title={"id": "Indikator PK tidak ada di RAK", "en": "PK indicator missing from the RAK"},
    explanation={
        "id": "Setiap indikator kinerja yang dijanjikan dalam Perjanjian Kinerja harus "
        "direncanakan di RAK tahun yang sama. Indikator dicocokkan setelah dinormalkan "
        "(huruf, tanda baca, nama kantor) dan secara samar (rapidfuzz), satu lawan satu; "
        "indikator PK yang tidak berpasangan dengan baris RAK mana pun dilaporkan, dengan "
        "teksnya dari PK.",
        "en": "Every performance indicator promised in the Perjanjian Kinerja must be planned "
        "in the RAK of the same year. Indicators are matched after normalisation (case, "
        "punctuation, the office's name) and fuzzily (rapidfuzz), one to one; a PK indicator "
        "no RAK row pairs with is reported, with its text from the PK.",
    },
    bad=Example(pk=PkExample(rows=(
        {},
        {"indikator_kinerja": "Persentase laporan keuangan yang disusun tepat waktu"},
    ))),
    good=Example(pk=PkExample(rows=(
        {"indikator_kinerja": "PERSENTASE ARSIP YANG DIKELOLA SESUAI JADWAL RETENSI ARSIP"},
    ))),
    check=_indicator_missing,
)


# --- pk-target-mismatch -----------------------------------------------------------------------


def _target_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    found = _comparable(doc)
    if found is None:
        return
    for pair in found.pairing.pairs:
        promised = found.pk.rows[pair.pk]
        if not promised.target.teks.strip():
            continue
        for i in pair.rows:
            planned = doc.rows[i].target
            if planned.teks.strip() and not same_target(planned, promised.target):
                yield PK_TARGET_MISMATCH.at(
                    doc,
                    i,
                    "target",
                    in_language(
                        {
                            "id": 'TARGET "{rak}" berbeda dari target Perjanjian Kinerja '
                            '"{pk}" untuk indikator ini (PK baris {n})',
                            "en": 'TARGET "{rak}" differs from the Perjanjian Kinerja\'s '
                            'target "{pk}" for this indicator (PK row {n})',
                        },
                        config.lang,
                        rak=_short(planned.teks),
                        pk=promised.target.teks,
                        n=pair.pk + 1,
                    )
                    + _unsure(promised, found, config),
                )
                break  # one finding an indicator: its other rows repeat the same cell


PK_TARGET_MISMATCH = Rule(
    name="pk-target-mismatch",
    severity=Severity.ERROR,
    title={"id": "Target berbeda dari PK", "en": "Target differs from the PK"},
    explanation={
        "id": "Target tahunan di RAK untuk indikator PK harus sama dengan yang dijanjikan di "
        "Perjanjian Kinerja: nilainya dan satuannya (dibaca seperti kolom TARGET: 87,5% "
        "adalah 87,5 persen; bila PK memakai kolom SATUAN, TARGET dan SATUAN dibaca "
        "bersama). Penulisan lain dari nilai yang sama (\"90 %\", \"12 kali\") bukan "
        "perbedaan.",
        "en": "The RAK's annual target for a PK indicator must be the one promised in the "
        "Perjanjian Kinerja: its value and its unit (read as the TARGET column is: 87,5% is "
        "87.5 percent; where the PK has a SATUAN column, TARGET and SATUAN are read "
        'together). The same value written otherwise ("90 %", "12 kali") is no difference.',
    },
    bad=Example(pk=PkExample(rows=({"target": "90%"},))),
    good=Example(pk=PkExample(rows=({"target": "100 %"},))),
    check=_target_mismatch,
)


# --- pk-sasaran-mismatch ----------------------------------------------------------------------


def _sasaran_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    found = _comparable(doc)
    if found is None:
        return
    pk = found.pk
    drop = region_words(doc.document.unit_organisasi, pk.document.unit_organisasi)
    for pair in found.pairing.pairs:
        promised = pk.rows[pair.pk]
        if not promised.sasaran_kegiatan.strip():
            continue
        for i in pair.rows:
            sasaran = doc.rows[i].sasaran_kegiatan
            if sasaran.strip() and not same_sasaran(
                sasaran, promised.sasaran_kegiatan, drop, found.settings
            ):
                yield PK_SASARAN_MISMATCH.at(
                    doc,
                    i,
                    "sasaran_kegiatan",
                    in_language(
                        {
                            "id": "SASARAN KEGIATAN berbeda dari sasaran Perjanjian Kinerja "
                            'untuk indikator ini: "{pk}" (PK baris {n})',
                            "en": "SASARAN KEGIATAN differs from the Perjanjian Kinerja's "
                            'sasaran for this indicator: "{pk}" (PK row {n})',
                        },
                        config.lang,
                        pk=_short(promised.sasaran_kegiatan),
                        n=pair.pk + 1,
                    )
                    + _unsure(promised, found, config),
                )
                break


PK_SASARAN_MISMATCH = Rule(
    name="pk-sasaran-mismatch",
    severity=Severity.WARNING,
    title={"id": "Sasaran berbeda dari PK", "en": "Sasaran differs from the PK"},
    explanation={
        "id": "Indikator yang sama harus berada di bawah sasaran yang sama di RAK dan di "
        "Perjanjian Kinerja. Perbedaan huruf besar, tanda baca, spasi, penulisan nama kantor "
        "(Kab./Kabupaten) atau satu salah baca tidak dihitung; sasaran yang dirumuskan lain "
        "dilaporkan pada baris RAK pertama indikator itu.",
        "en": "The same indicator must sit under the same sasaran in the RAK and in the "
        "Perjanjian Kinerja. Differences of case, punctuation, spacing, how the office is "
        "written (Kab./Kabupaten) or one misread letter do not count; a sasaran worded "
        "otherwise is reported on the indicator's first RAK row.",
    },
    bad=Example(pk=PkExample(rows=(
        {"sasaran_kegiatan": "Terwujudnya pelayanan hukum yang cepat dan tepat"},
    ))),
    good=Example(pk=PkExample(rows=(
        {"sasaran_kegiatan": "TERWUJUDNYA TATA KELOLA ARSIP YANG TERTIB."},
    ))),
    check=_sasaran_mismatch,
)


# --- pk-extra-indicator -----------------------------------------------------------------------


_REPORTS = {"indikator_kinerja": "Jumlah laporan keuangan yang disusun", "target": "2 Laporan"}


def _extra_indicator(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    found = _comparable(doc)
    if found is None:
        return
    for rows in found.pairing.rak_unpaired:
        yield PK_EXTRA_INDICATOR.at(
            doc,
            rows[0],
            "indikator_kinerja",
            in_language(
                {
                    "id": "INDIKATOR KINERJA ini tidak ada di Perjanjian Kinerja "
                    "({file}){more}",
                    "en": "This INDIKATOR KINERJA is not in the Perjanjian Kinerja "
                    "({file}){more}",
                },
                config.lang,
                file=found.pk.source.file,
                more=in_language({"id": "; juga baris {rows}", "en": "; also rows {rows}"},
                                 config.lang, rows=", ".join(str(r + 1) for r in rows[1:]))
                if len(rows) > 1 else "",
            ),
        )


PK_EXTRA_INDICATOR = Rule(
    name="pk-extra-indicator",
    severity=Severity.INFO,
    title={"id": "Indikator RAK di luar PK", "en": "RAK indicator not in the PK"},
    explanation={
        "id": "Indikator RAK yang tidak berpasangan dengan indikator Perjanjian Kinerja mana "
        "pun. Boleh jadi rencana tambahan yang sah, atau indikator PK yang ditulis sangat "
        "berbeda (maka juga ada pk-indicator-missing): periksa apakah keduanya sama.",
        "en": "A RAK indicator that pairs with no indicator of the Perjanjian Kinerja. It may "
        "be a legitimate extra plan, or a PK indicator worded very differently (then there "
        "is a pk-indicator-missing too): check whether the two are the same.",
    },
    bad=Example(rows=({}, _REPORTS), pk=PkExample()),
    good=Example(rows=({}, _REPORTS), pk=PkExample(rows=({}, _REPORTS))),
    check=_extra_indicator,
)


# --- the documents themselves -----------------------------------------------------------------


def _documents_differ(
    rule: Rule, doc: RakDocument, config: CheckConfig, field: str, words: Words
) -> Iterator[Finding]:
    """One finding on the document when its ``field`` (tahun, unit_organisasi) and the PK's
    name another year or office."""
    found = with_pk(doc)
    if found is None:
        return
    same = found.pairing.same_year if field == "tahun" else found.pairing.same_office
    if same is not False:
        return
    message = in_language(
        words,
        config.lang,
        rak=getattr(doc.document, field),
        pk=getattr(found.pk.document, field),
        file=found.pk.source.file,
    )
    yield rule.on_document(doc, field, message)


def _year_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    yield from _documents_differ(PK_YEAR_MISMATCH, doc, config, "tahun", {
        "id": "RAK tahun {rak}, tetapi Perjanjian Kinerja ({file}) tahun {pk}: indikatornya "
        "tidak dibandingkan",
        "en": "The RAK is for {rak}, but the Perjanjian Kinerja ({file}) for {pk}: their "
        "indicators are not compared",
    })


PK_YEAR_MISMATCH = Rule(
    name="pk-year-mismatch",
    severity=Severity.ERROR,
    title={"id": "Tahun RAK dan PK berbeda", "en": "RAK and PK years differ"},
    explanation={
        "id": "RAK melaksanakan Perjanjian Kinerja tahun yang sama. Bila tahunnya berbeda, "
        "Perjanjian Kinerja yang diberikan bukan pasangan RAK ini, dan aturan pk-* per "
        "indikator tidak dijalankan.",
        "en": "A RAK carries out the Perjanjian Kinerja of the same year. When the years "
        "differ, the PK given is not this RAK's, and the per-indicator pk-* rules do not run.",
    },
    bad=Example(pk=PkExample(document={"tahun": 2023})),
    good=Example(pk=PkExample(document={"tahun": 2024})),
    check=_year_mismatch,
)


def _unit_mismatch(doc: RakDocument, config: CheckConfig) -> Iterator[Finding]:
    yield from _documents_differ(PK_UNIT_MISMATCH, doc, config, "unit_organisasi", {
        "id": 'RAK milik "{rak}", tetapi Perjanjian Kinerja ({file}) milik "{pk}": '
        "indikatornya tidak dibandingkan",
        "en": 'The RAK is of "{rak}", but the Perjanjian Kinerja ({file}) of "{pk}": their '
        "indicators are not compared",
    })


PK_UNIT_MISMATCH = Rule(
    name="pk-unit-mismatch",
    severity=Severity.ERROR,
    title={"id": "Kantor RAK dan PK berbeda", "en": "RAK and PK offices differ"},
    explanation={
        "id": "RAK dan Perjanjian Kinerja harus milik kantor yang sama. Kantor dibandingkan "
        "dari tingkat (kabupaten, kota, provinsi) dan nama wilayahnya; Sekretariat KPU dan "
        "KPU, Kab. dan Kabupaten, Komisi Pemilihan Umum dan KPU dianggap sama. Bila "
        "berbeda, aturan pk-* per indikator tidak dijalankan.",
        "en": "The RAK and the Perjanjian Kinerja must be of the same office. Offices are "
        "compared by level (kabupaten, kota, provinsi) and region name; Sekretariat KPU and "
        "KPU, Kab. and Kabupaten, Komisi Pemilihan Umum and KPU count as the same. When they "
        "differ, the per-indicator pk-* rules do not run.",
    },
    bad=Example(pk=PkExample(document={"unit_organisasi": "SEKRETARIAT KPU KOTA CONTOH"})),
    good=Example(pk=PkExample(document={
        "unit_organisasi": "Sekretariat Komisi Pemilihan Umum Kab. Contoh",
    })),
    check=_unit_mismatch,
)

RULES = (
    PK_YEAR_MISMATCH,
    PK_UNIT_MISMATCH,
    PK_INDICATOR_MISSING,
    PK_TARGET_MISMATCH,
    PK_SASARAN_MISMATCH,
    PK_EXTRA_INDICATOR,
)
