"""Every rule: documented, fires on its bad example and on real defects, quiet on near misses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import RULES, CheckConfig, Severity, run_checks
from checks.examples import example_document
from checks.rule import Rule
from extractor.model import RakDocument

from .seed_doc import seed_document, with_row

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "CONTRACT.md"


def fired(doc: RakDocument, rule: str, config: CheckConfig | None = None) -> list:
    return [f for f in run_checks(doc, config or CheckConfig()) if f.rule == rule]


def one_row(**changes: object) -> RakDocument:
    """The clean one-row example document with ``changes`` on its row."""
    from checks.rule import Example

    return example_document(Example(rows=(dict(changes),)))


# --- the registry ---------------------------------------------------------------------------


def test_rule_names_are_unique_and_kebab_case() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", n) for n in names)


def test_every_contract_rule_is_registered() -> None:
    table = CONTRACT.read_text("utf-8").split("## Rule names", 1)[1]
    contract = set()
    for cell in re.findall(r"^\| ([a-z/ -]+?) \|", table, re.MULTILINE):
        contract.update(n.strip() for n in cell.split("/"))
    contract -= {"rule", "---"}
    assert contract <= {r.name for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented_in_both_languages(rule: Rule) -> None:
    for lang in ("id", "en"):
        assert rule.title.get(lang, "").strip(), (rule.name, lang)
        assert len(rule.explanation.get(lang, "")) > 40, (rule.name, lang)
    assert rule.title["id"] != rule.title["en"]
    assert isinstance(rule.severity, Severity)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_bad_example_fires_and_good_example_is_quiet(rule: Rule, lang: str) -> None:
    config = CheckConfig(lang=lang)
    bad = list(rule.check(example_document(rule.bad), config))
    assert bad and all(f.rule == rule.name for f in bad)
    assert all(f.message.strip() for f in bad)
    assert list(rule.check(example_document(rule.good), config)) == []
    # The clean document the examples start from passes every rule.
    assert run_checks(example_document(rule.good), config) == []


# --- empty cells --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ("missing-pelaksana", "pelaksana"),
        ("missing-indikator", "indikator_kinerja"),
        ("missing-kegiatan", "kegiatan"),
        ("missing-sasaran", "sasaran_kegiatan"),
    ],
)
def test_missing_cell_fires_on_blank_and_not_on_text(rule: str, field: str) -> None:
    found = fired(one_row(**{field: "  \n "}), rule)
    assert [(f.row, f.field, f.severity) for f in found] == [(1, field, Severity.ERROR)]
    assert fired(one_row(**{field: "x" if field != "pelaksana" else "Sekretaris"}), rule) == []


def test_missing_target_fires_on_blank_only() -> None:
    assert [f.field for f in fired(one_row(target=""), "missing-target")] == ["target"]
    assert fired(one_row(target="Tepat waktu"), "missing-target") == []


# --- PELAKSANA ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["√", "✓", "v", "12", "-", "1."])
def test_invalid_pelaksana_fires_on_marks_and_numbers(text: str) -> None:
    found = fired(one_row(pelaksana=text), "invalid-pelaksana")
    assert len(found) == 1 and text in found[0].message
    assert fired(one_row(pelaksana=text), "missing-pelaksana") == []
    assert fired(one_row(pelaksana=text), "unknown-pelaksana") == []


@pytest.mark.parametrize("text", ["Sekretaris", "KUL", "Subbag. Hukum dan SDM", ""])
def test_invalid_pelaksana_quiet_on_names_and_blank(text: str) -> None:
    assert fired(one_row(pelaksana=text), "invalid-pelaksana") == []


def test_unknown_pelaksana_warns_with_the_closest_unit() -> None:
    found = fired(one_row(pelaksana="Subbag Program dan Anggaran"), "unknown-pelaksana")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "Subbagian Perencanaan, Data dan Informasi" in found[0].message


def test_unknown_pelaksana_accepts_a_typo_with_an_info() -> None:
    found = fired(one_row(pelaksana="Subbag Keuangn Umum dan Logistk"), "unknown-pelaksana")
    assert [f.severity for f in found] == [Severity.INFO]
    assert "Subbagian Keuangan, Umum dan Logistik" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Subbag. Perencanaan, data dan informasi",
        "Subbag. Keuangan. Umum, dan Logistik",
        "Subbag Teknis dan Hupmas",
        "TP-Hupmas",
        "Subbagian Hukum dan SDM",
        "Rendatin",
        "Sekretaris / Subbag KUL",
    ],
)
def test_unknown_pelaksana_quiet_on_names_in_use(text: str) -> None:
    assert fired(one_row(pelaksana=text), "unknown-pelaksana") == []


def test_every_seed_pelaksana_is_accepted() -> None:
    found = fired(seed_document(), "unknown-pelaksana")
    assert [f for f in found if f.severity is not Severity.INFO] == []


def test_unknown_pelaksana_uses_the_configured_units() -> None:
    from checks.units import KnownUnit

    config = CheckConfig(units=(KnownUnit("Bagian Umum", ("Umum",)),))
    assert fired(one_row(pelaksana="Bagian Umum"), "unknown-pelaksana", config) == []
    found = fired(one_row(pelaksana="Subbag Hukum dan SDM"), "unknown-pelaksana", config)
    assert [f.severity for f in found] == [Severity.WARNING]


# --- TARGET ----------------------------------------------------------------------------------

MISMATCH_CASES = [
    # (indikator, target, fires)
    ("Persentase laporan dan dokumentasi logistik Pemilu", "2 Laporan", True),
    ("Persentase badan adhoc yang dibentuk dan dievaluasi", "2.498 Orang", True),
    ("Persentase ketaatan pengisian kartu kendali SPIP", "3,5", True),
    ("Prosentase arsip yang dikelola", "5 Dokumen", True),
    ("Jumlah Laporan pertanggungjawaban penggunaan anggaran", "95%", True),
    ("Banyaknya kegiatan sosialisasi", "100 %", True),
    ("Jumlah laporan keuangan semester", "3 Orang", True),
    ("Indeks kepuasan layanan", "2 Laporan", True),
    # near misses: quiet
    ("Persentase arsip yang dikelola", "87,5%", False),
    ("Nilai akuntabilitas kinerja (SAKIP) KPU Kabupaten Kubu Raya", "70%", False),
    ("Nilai akuntabilitas kinerja (SAKIP)", "BB", False),
    ("Jumlah/Terbentuknya Pusat Pendidikan Pemilih di KPU Kabupaten Kubu Raya", "1 Satker", False),
    ("Jumlah revisi yang dilakukan terhadap rencana kerja", "12 Kali", False),
    ("Jumlah laporan sistem akuntansi", "2 Laporan", False),
    ("Jumlah laporan yang disampaikan", "12 Kali", False),
    ("Jumlah rancangan pedoman desain", "2 Draft", False),
    ("Jumlah sengketa hukum dalam perkara perselisihan", "1 Perkara", False),
    ("Rasio belanja pegawai", "0,35", False),
    ("Tingkat kepuasan pemilih", "3,5", False),
    ("Persentase laporan yang tepat waktu", "Tepat waktu", False),
]


@pytest.mark.parametrize(("indikator", "target", "fires"), MISMATCH_CASES)
def test_target_unit_mismatch(indikator: str, target: str, fires: bool) -> None:
    found = fired(one_row(indikator_kinerja=indikator, target=target), "target-unit-mismatch")
    assert bool(found) is fires
    if fires:
        assert found[0].field == "target" and target in found[0].message


def test_target_without_unit() -> None:
    doc = one_row(indikator_kinerja="Persentase ketaatan SPIP", target="3,5")
    assert [f.field for f in fired(doc, "target-without-unit")] == ["target"]
    for indikator, target in [
        ("Nilai kartu kendali SPIP", "3,5"),
        ("Indeks kepuasan", "3,5"),
        ("Rasio belanja", "0,35"),
        ("Persentase ketaatan SPIP", "100%"),
        ("Persentase ketaatan SPIP", "Tepat waktu"),
    ]:
        assert (
            fired(one_row(indikator_kinerja=indikator, target=target), "target-without-unit") == []
        )


@pytest.mark.parametrize(
    ("target", "fires"),
    [
        ("101%", True),
        ("1000%", True),
        ("-5%", True),
        ("100%", False),
        ("0%", False),
        ("87,5%", False),
        ("150 Orang", False),
    ],
)
def test_percent_out_of_range(target: str, fires: bool) -> None:
    assert bool(fired(one_row(target=target), "percent-out-of-range")) is fires


# --- schedule --------------------------------------------------------------------------------


def test_empty_schedule() -> None:
    found = fired(one_row(jadwal=[]), "empty-schedule")
    assert [(f.field, f.severity) for f in found] == [("jadwal", Severity.ERROR)]
    assert fired(one_row(jadwal=[12]), "empty-schedule") == []
    # An empty schedule is not also a count mismatch.
    assert fired(one_row(target="12 Kali", jadwal=[]), "schedule-count-mismatch") == []


@pytest.mark.parametrize(
    ("indikator", "target", "jadwal", "fires"),
    [
        ("Jumlah revisi", "12 Kali", [2, 4, 6, 8, 9, 10, 11, 12], True),
        ("Jumlah laporan bulanan", "12 Laporan", list(range(1, 7)), True),
        ("Jumlah rapat", "12 Kali", list(range(1, 13)), False),
        ("Jumlah rapat", "4 Kali", [3, 6, 9, 12], False),
        ("Jumlah laporan keuangan", "2 Laporan", [6, 12], False),
        ("Jumlah dokumen SOP", "5 Dokumen", [4, 5], False),
        ("Persentase revisi", "100%", [1], False),
    ],
)
def test_schedule_count_mismatch_monthly(
    indikator: str, target: str, jadwal: list[int], fires: bool
) -> None:
    doc = one_row(indikator_kinerja=indikator, target=target, jadwal=jadwal)
    assert bool(fired(doc, "schedule-count-mismatch")) is fires


@pytest.mark.parametrize(
    ("target", "jadwal", "fires"),
    [
        ("4 Laporan triwulanan", [2, 4], True),
        ("12 Laporan bulanan", [1, 2, 3], True),
        ("12 Laporan bulanan", [1, 2, 3, 4], False),
        ("12 Kali", [1, 2, 3, 4], False),  # three a quarter is plausible
    ],
)
def test_schedule_count_mismatch_quarterly(target: str, jadwal: list[int], fires: bool) -> None:
    from dataclasses import replace

    doc = replace(
        one_row(indikator_kinerja="Jumlah laporan", target=target, jadwal=jadwal),
        periode="triwulan",
    )
    assert bool(fired(doc, "schedule-count-mismatch")) is fires


# --- rows ------------------------------------------------------------------------------------


def test_duplicate_row_names_the_first() -> None:
    seed = seed_document()
    first = seed.rows[2]
    doc = with_row(
        seed,
        10,
        indikator_kinerja=first.indikator_kinerja.upper(),
        kegiatan="  " + first.kegiatan.replace(" ", "  "),
    )
    found = fired(doc, "duplicate-row")
    assert [f.row for f in found] == [11]
    assert "3" in found[0].message
    near = with_row(seed, 10, indikator_kinerja=first.indikator_kinerja)
    assert fired(near, "duplicate-row") == []


def test_column_shift_one_finding_per_field() -> None:
    found = fired(one_row(kolom_bergeser=["pelaksana", "target"]), "column-shift")
    assert sorted(f.field for f in found) == ["pelaksana", "target"]
    assert fired(one_row(kolom_bergeser=[]), "column-shift") == []


def test_low_confidence() -> None:
    from dataclasses import replace

    doc = one_row(keyakinan=0.5)
    assert fired(doc, "low-confidence") == []  # not read by OCR
    ocr = replace(doc, source=replace(doc.source, ocr=True))
    assert [f.row for f in fired(ocr, "low-confidence")] == [1]
    assert fired(ocr, "low-confidence", CheckConfig(min_confidence=0.5)) == []
    sure = replace(one_row(keyakinan=0.8), source=replace(doc.source, ocr=True))
    assert fired(sure, "low-confidence") == []


# --- the page around the table ---------------------------------------------------------------


def _meta(**changes: object) -> RakDocument:
    from checks.rule import Example

    return example_document(Example(document=changes))


def test_missing_signature_names_what_is_missing() -> None:
    found = fired(_meta(nama=None, tempat=""), "missing-signature")
    assert len(found) == 1 and found[0].row is None
    assert "nama" in found[0].message and "tempat" in found[0].message
    assert fired(_meta(), "missing-signature") == []


def test_missing_year() -> None:
    assert [f.field for f in fired(_meta(tahun=None), "missing-year")] == ["tahun"]
    assert fired(_meta(tahun=2024), "missing-year") == []


@pytest.mark.parametrize(
    ("tahun", "tanggal", "fires"),
    [
        (2024, "JANUARI 2023", True),
        (2024, "2 Januari 2025", True),
        (2024, "JANUARI 2024", False),
        (2024, "DESEMBER 2023", False),
        (2024, "Sungai Raya, Desember", False),
        (None, "JANUARI 2023", False),
    ],
)
def test_year_mismatch(tahun: int | None, tanggal: str, fires: bool) -> None:
    assert bool(fired(_meta(tahun=tahun, tanggal=tanggal), "year-mismatch")) is fires


# --- configuration applied -------------------------------------------------------------------


def test_select_ignore_and_severity_override() -> None:
    doc = one_row(pelaksana="", target="1000%")
    names = {f.rule for f in run_checks(doc)}
    assert {"missing-pelaksana", "percent-out-of-range"} <= names
    only = run_checks(doc, CheckConfig(select=frozenset({"missing-pelaksana"})))
    assert {f.rule for f in only} == {"missing-pelaksana"}
    ignored = run_checks(doc, CheckConfig(ignore=frozenset({"missing-pelaksana"})))
    assert "missing-pelaksana" not in {f.rule for f in ignored}
    demoted = run_checks(doc, CheckConfig(severity={"percent-out-of-range": Severity.INFO}))
    assert {f.severity for f in demoted if f.rule == "percent-out-of-range"} == {Severity.INFO}


def test_override_keeps_a_rules_info_notes() -> None:
    doc = one_row(pelaksana="Subbag Keuangn Umum dan Logistk")
    config = CheckConfig(severity={"unknown-pelaksana": Severity.ERROR})
    assert [f.severity for f in fired(doc, "unknown-pelaksana", config)] == [Severity.INFO]


def test_messages_follow_the_language() -> None:
    doc = one_row(pelaksana="")
    assert fired(doc, "missing-pelaksana")[0].message == "Kolom PELAKSANA kosong"
    assert fired(doc, "missing-pelaksana", CheckConfig(lang="en"))[0].message == (
        "The PELAKSANA cell is empty"
    )


# --- a rule that fails ----------------------------------------------------------------------


def test_a_rule_that_raises_is_reported_and_the_others_still_run(monkeypatch) -> None:
    import dataclasses

    import checks

    def boom(doc, config):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")
        yield  # pragma: no cover - a generator like every rule

    broken = tuple(
        dataclasses.replace(r, check=boom) if r.name == "target-unit-mismatch" else r
        for r in checks.RULES
    )
    monkeypatch.setattr(checks, "RULES", broken)
    doc = one_row(pelaksana="", indikator_kinerja="Persentase laporan", target="2 Laporan")
    found = run_checks(doc, CheckConfig())
    failed = [f for f in found if f.rule == "rule-failed"]
    assert [(f.row, f.severity) for f in failed] == [(None, Severity.ERROR)]
    assert "target-unit-mismatch" in failed[0].message and "ZeroDivisionError" in failed[0].message
    assert "missing-pelaksana" in {f.rule for f in found}  # the other rules still ran
    assert "target-unit-mismatch" not in {f.rule for f in found}


def test_a_corrected_json_that_trips_a_rule_gets_rule_failed_beside_the_schema() -> None:
    from checks import check_data

    from .seed_doc import seed_data

    data = seed_data()
    data["rows"][0]["pelaksana"] = 12  # a number where a name belongs
    result = check_data(data, CheckConfig())
    assert [f.field for f in result.findings if f.rule == "schema"] == ["pelaksana"]
    failed = [f.message for f in result.findings if f.rule == "rule-failed"]
    assert failed and all("AttributeError" in m for m in failed)
    assert any("missing-pelaksana" in m for m in failed)
    # the rules that do not read PELAKSANA still report the seed's other defects
    assert "target-unit-mismatch" in {f.rule for f in result.findings}
