"""`rak check` and `rak rules` from the command line: every exit code, every format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.cli import app
from rak.exitcodes import ExitCode

from .seed_doc import seed_data

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture()
def seed_json(tmp_path: Path) -> Path:
    path = tmp_path / "rak-kubu-raya-2024.json"
    path.write_text(json.dumps(seed_data(), ensure_ascii=False, indent=2), "utf-8")
    return path


@pytest.fixture()
def clean_json(tmp_path: Path) -> Path:
    data = seed_data()
    data["rows"] = data["rows"][1:3]  # two rows without defects
    path = tmp_path / "bersih.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_findings_at_fail_level_exit_1(seed_json: Path) -> None:
    result = run("check", str(seed_json))
    assert result.exit_code == ExitCode.FINDINGS
    assert "Ringkasan: 2 kesalahan, 11 peringatan, 0 info" in result.stdout


def test_clean_document_exits_0(clean_json: Path) -> None:
    result = run("check", str(clean_json), "--fail-on", "info")
    assert result.exit_code == ExitCode.OK, result.output
    assert "Tidak ada temuan." in result.stdout


def test_fail_on_never_and_warning(seed_json: Path) -> None:
    assert run("check", str(seed_json), "--fail-on", "never").exit_code == ExitCode.OK
    only_warnings = run("check", str(seed_json), "--ignore", "missing-pelaksana,invalid-pelaksana")
    assert only_warnings.exit_code == ExitCode.OK
    strict = run(
        "check",
        str(seed_json),
        "--ignore",
        "missing-pelaksana,invalid-pelaksana",
        "--fail-on",
        "warning",
    )
    assert strict.exit_code == ExitCode.FINDINGS


@pytest.mark.parametrize(
    "args",
    [
        ("--fail-on", "sometimes"),
        ("--select", "no-such-rule"),
        ("--format", "pdf"),
        ("--lang", "fr"),
    ],
)
def test_usage_errors_exit_2(seed_json: Path, args: tuple[str, ...]) -> None:
    result = run("check", str(seed_json), *args)
    assert result.exit_code == ExitCode.INPUT
    assert result.stdout == ""


def test_unreadable_inputs_exit_2(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "none.pdf"))
    assert missing.exit_code == ExitCode.INPUT
    broken = tmp_path / "rusak.json"
    broken.write_text('{"rows": [', "utf-8")
    result = run("check", str(broken))
    assert result.exit_code == ExitCode.INPUT
    assert "JSON tidak sah" in result.output and len(result.output.strip().splitlines()) == 1
    text = tmp_path / "catatan.txt"
    text.write_text("bukan RAK", "utf-8")
    assert run("check", str(text)).exit_code == ExitCode.INPUT


def test_json_with_schema_errors_reports_them(tmp_path: Path) -> None:
    data = seed_data()
    data["rows"][0]["jadwal"] = [13]
    path = tmp_path / "disunting.json"
    path.write_text(json.dumps(data), "utf-8")
    result = run("check", str(path), "--format", "json", "--select", "schema")
    assert result.exit_code == ExitCode.FINDINGS
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["row"], f["field"]) for f in findings] == [("schema", 1, "jadwal.0")]


def test_json_format(seed_json: Path) -> None:
    result = run("check", str(seed_json), "-f", "json", "--lang", "en")
    data = json.loads(result.stdout)
    assert len(data["rows"]) == 53 and len(data["findings"]) == 13
    assert {f["message"] for f in data["findings"] if f["rule"] == "missing-pelaksana"} == {
        "The PELAKSANA cell is empty"
    }


def test_csv_format_has_a_bom(seed_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "temuan.txt"
    result = run("check", str(seed_json), "-f", "csv", "-o", str(out))
    assert result.exit_code == ExitCode.FINDINGS
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbffile,row,page,rule,severity,field,message,")
    assert raw.count(b"\r\n") == 14
    assert run("check", str(seed_json), "-f", "csv").stdout.startswith("\ufefffile,")


def test_html_format(seed_json: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan.html"
    result = run("check", str(seed_json), "-f", "html", "-o", str(out))
    assert result.exit_code == ExitCode.FINDINGS
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert str(out) in result.output


def test_rak_toml_next_to_the_file_applies(seed_json: Path) -> None:
    (seed_json.parent / "rak.toml").write_text(
        'lang = "en"\nfail-on = "never"\nignore = ["column-shift"]\n', "utf-8"
    )
    result = run("check", str(seed_json))
    assert result.exit_code == ExitCode.OK
    assert "Summary: 2 errors, 8 warnings, 0 info" in result.stdout
    # The command line wins over the file.
    result = run("check", str(seed_json), "--lang", "id", "--fail-on", "error")
    assert result.exit_code == ExitCode.FINDINGS and "Ringkasan" in result.stdout


def test_config_option_and_a_bad_config(seed_json: Path, tmp_path: Path) -> None:
    good = tmp_path / "lain.toml"
    good.write_text('select = ["missing-pelaksana"]\n', "utf-8")
    result = run("check", str(seed_json), "--config", str(good), "-f", "json")
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"missing-pelaksana"}
    bad = tmp_path / "salah.toml"
    bad.write_text('ignore = ["tidak-ada"]\n', "utf-8")
    result = run("check", str(seed_json), "--config", str(bad))
    assert result.exit_code == ExitCode.INPUT and "tidak-ada" in result.output
    assert run("check", str(seed_json), "--config", str(tmp_path / "x.toml")).exit_code == 2


def test_check_a_sample_pdf() -> None:
    pdf = SAMPLES / "rak-kubu-raya-2024.pdf"
    result = run("check", str(pdf), "--lang", "en")
    assert result.exit_code == ExitCode.FINDINGS
    assert "Summary: 2 errors, 11 warnings, 0 info" in result.stdout


def test_rules_lists_every_rule() -> None:
    from checks import RULES

    result = run("rules")
    assert result.exit_code == ExitCode.OK
    for rule in RULES:
        assert rule.name in result.stdout
    # Severities in the run's language: peringatan, not warning.
    assert re.search(r"^target-unit-mismatch +peringatan +Satuan target tidak sesuai indikator$",
                     result.stdout, flags=re.M)
    assert not re.search(r"\b(error|warning)\b", result.stdout)


def test_rules_explains_one_with_examples() -> None:
    result = run("rules", "target-unit-mismatch", "--lang", "en")
    assert result.exit_code == ExitCode.OK
    out = result.stdout
    assert out.startswith("target-unit-mismatch: Target unit does not fit the indicator")
    assert "Bad example:" in out and "Good example:" in out
    # The example as the document shows it: a table headed as the RAK heads its columns.
    assert re.search(r"│ INDIKATOR KINERJA +│ TARGET +│ KEGIATAN", out)
    assert re.search(r"│ Persentase laporan[^│]*│ 2 Laporan +│", out)


def test_rules_unknown_name_exits_2() -> None:
    result = run("rules", "no-such-rule")
    assert result.exit_code == ExitCode.INPUT and "no-such-rule" in result.output


def test_pdf_engine_is_chosen_for_check_too() -> None:
    """``--pdf-engine`` reaches the reader from ``rak check`` as from ``rak extract``: the
    seed PDF gives the same 13 findings with either engine, and a name that is no engine
    is a usage error."""
    pdf = str(SAMPLES / "rak-kubu-raya-2024.pdf")
    by_engine = {}
    for engine in ("pdfium", "pdfplumber"):
        result = run("check", pdf, "-f", "json", "--pdf-engine", engine)
        assert result.exit_code == ExitCode.FINDINGS, result.output
        by_engine[engine] = json.loads(result.stdout)["findings"]
    assert len(by_engine["pdfium"]) == 13
    assert by_engine["pdfium"] == by_engine["pdfplumber"]
    wrong = run("check", pdf, "--pdf-engine", "nope")
    assert wrong.exit_code == ExitCode.INPUT
    assert "--pdf-engine: nope" in wrong.output
