"""`rak rules`: severities in the run's language, "did you mean", examples as printed."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner, Result

from checks import RULES, Severity
from rak.cli import app
from rak.exitcodes import ExitCode

runner = CliRunner()
LABELS = {"id": {"error": "kesalahan", "warning": "peringatan", "info": "info"},
          "en": {"error": "error", "warning": "warning", "info": "info"}}
# What the examples must never show: the JSON's keys and bilingual fillers.
INTERNAL = re.compile(r"kolom_bergeser|keyakinan:|alasan:|source\.ocr|unit_organisasi|"
                      r"\(kosong/empty\)|\[\d\] [A-Z]|\['|\bB\d{1,2}\b|PK \[")


def run(*args: str) -> Result:
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_list_says_each_severity_in_the_runs_language(lang: str) -> None:
    out = run("rules", "--lang", lang).stdout
    for rule in RULES:
        label = LABELS[lang][rule.severity.value]
        assert re.search(rf"^{re.escape(rule.name)} +{label} +\S", out, flags=re.M), rule.name
    if lang == "id":
        assert not re.search(r"\b(error|warning)\b", out)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_rule_says_its_severity_in_the_runs_language(lang: str) -> None:
    for severity in Severity:
        rule = next(r for r in RULES if r.severity is severity)
        out = run("rules", rule.name, "--lang", lang).stdout
        head = "Tingkat bawaan" if lang == "id" else "Default severity"
        assert f"{head}: {LABELS[lang][severity.value]}\n" in out


@pytest.mark.parametrize(("name", "meant"), [
    ("colum-shift", ["column-shift"]),
    ("Column-Shift", ["column-shift"]),
    ("missing-pelaksan", ["missing-pelaksana"]),
    ("pk-target", ["pk-target-mismatch"]),
    ("pelaksana", ["missing-pelaksana", "invalid-pelaksana", "unknown-pelaksana"]),
])
def test_a_near_miss_says_did_you_mean(name: str, meant: list[str]) -> None:
    said = run("rules", name)
    assert said.exit_code == ExitCode.INPUT and said.stdout == ""
    assert said.stderr.strip() == (f"aturan tidak dikenal: {name}; mungkin maksudnya: "
                                   f"{', '.join(meant)}")
    english = run("rules", name, "--lang", "en")
    assert english.stderr.strip() == f"unknown rule: {name}; did you mean: {', '.join(meant)}"


def test_a_name_near_nothing_points_to_the_list() -> None:
    said = run("rules", "xyz")
    assert said.exit_code == ExitCode.INPUT
    assert said.stderr.strip() == "aturan tidak dikenal: xyz (lihat: rak rules)"


def _examples(out: str) -> tuple[str, str]:
    bad = out.split("Contoh salah:\n", 1)[1] if "Contoh salah:" in out else out.split(
        "Bad example:\n", 1)[1]
    marker = "Contoh benar:\n" if "Contoh benar:" in out else "Good example:\n"
    return bad.split(marker)[0], bad.split(marker)[1]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_examples_show_the_document_not_its_json(rule: str, lang: str) -> None:
    out = run("rules", rule, "--lang", lang).stdout
    bad, good = _examples(out)
    assert bad.strip() and INTERNAL.findall(bad + good) == [], out


def test_column_shift_draws_the_cell_one_column_too_far() -> None:
    bad, good = _examples(run("rules", "column-shift").stdout)
    heading = next(x for x in bad.splitlines() if "PELAKSANA" in x)
    assert re.search(r"│ KEGIATAN +│ PELAKSANA │ \(tanpa judul\) +│", heading)
    row = bad.splitlines()[bad.splitlines().index(heading) + 2]
    # PELAKSANA itself empty, the unit's name in the column without a heading.
    assert re.search(r"│ Membuat jadwal[^│]*│ +│ Subbag\. Keuangan", row)
    assert "(tanpa judul)" not in good and re.search(r"│ PELAKSANA +│\n", good)
    assert "(no heading)" in run("rules", "column-shift", "--lang", "en").stdout


def test_a_schedule_is_marked_under_its_months() -> None:
    bad, good = _examples(run("rules", "schedule-count-mismatch").stdout)
    assert "RENCANA PELAKSANAAN" in bad and "J F M A M J J A S O N D" in bad
    # INDIKATOR "Jumlah revisi rencana kerja", TARGET 12 Kali, eight months marked.
    row = next(x for x in bad.splitlines() if "12 Kali" in x)
    assert row.count("√") == 8 and row.count("·") == 4
    # Month 13 of the schema example has a column of its own, outside the twelve.
    schema_bad, _ = _examples(run("rules", "schema").stdout)
    assert "J F M A M J J A S O N D 13" in schema_bad


def test_what_is_not_on_paper_is_said_in_words() -> None:
    bad, _ = _examples(run("rules", "layout-uncertain").stdout)
    assert "Keyakinan pembacaan baris 1: 40% (tanda centang menyatu dengan teks" in bad
    low, _ = _examples(run("rules", "low-confidence", "--lang", "en").stdout)
    assert "Read by OCR from a scan." in low and "Row 1 read with 42% confidence" in low
    signed, _ = _examples(run("rules", "missing-signature").stdout)
    assert "Tanda tangan:" in signed and "SUNGAI RAYA, (kosong)" in signed
