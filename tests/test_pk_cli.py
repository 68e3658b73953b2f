"""`rak check RAK --pk PK` and `rak extract PK` from the command line.

The RAKs and PKs are the committed samples; the findings expected are the ones planted in
each PK's spec (``temuan`` in its ``.expected.json``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.cli import app
from rak.exitcodes import ExitCode

from .conftest import SAMPLES, load_expected

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def pk_findings(stdout: str) -> list[tuple[str, int | None]]:
    data = json.loads(stdout)
    found = [(f["rule"], f["row"]) for f in data["findings"] if f["rule"].startswith("pk-")]
    return sorted(found, key=lambda f: (f[0], f[1] or 0))


def planted(name: str) -> list[tuple[str, int | None]]:
    want = [(f["rule"], f["row"]) for f in load_expected(name)["temuan"]]
    return sorted(want, key=lambda f: (f[0], f[1] or 0))


@pytest.mark.parametrize(("rak", "pk"), [
    ("rak-kubu-raya-2024.docx", "pk-kubu-raya-2024.pdf"),
    ("rak-kubu-raya-2024.pdf", "pk-kubu-raya-2024.docx"),
    ("rak-kubu-raya-2024.docx", "pk-kubu-raya-2024.xlsx"),
    ("rak-kubu-raya-2024.pdf", "pk-kubu-raya-2024-beda.pdf"),
    ("rak-kubu-raya-2024.docx", "pk-kubu-raya-2024-beda.docx"),
    ("rak-triwulan.docx", "pk-triwulan.pdf"),
    ("rak-triwulan.pdf", "pk-triwulan-beda.pdf"),
    ("rak-triwulan.docx", "pk-triwulan-beda.docx"),
])
def test_check_against_a_pk_finds_exactly_what_was_planted(rak: str, pk: str) -> None:
    result = run("check", str(SAMPLES / rak), "--pk", str(SAMPLES / pk), "-f", "json")
    assert result.exit_code in (ExitCode.OK, ExitCode.FINDINGS), result.output
    name = pk.rsplit(".", 1)[0]
    assert pk_findings(result.stdout) == planted(name)
    section = json.loads(result.stdout)["pk"]
    assert section["file"] == pk
    assert len(section["pasangan"]) + len(section["pk_tanpa_pasangan"]) == len(
        load_expected(name)["rows"])


def test_the_pk_may_be_the_json_rak_extract_wrote(tmp_path: Path) -> None:
    extracted = run("extract", str(SAMPLES / "pk-kubu-raya-2024-beda.docx"))
    assert extracted.exit_code == 0 and json.loads(extracted.stdout)["jenis"] == "pk"
    pk_json = tmp_path / "pk.json"
    pk_json.write_text(extracted.stdout, "utf-8")
    rak_json = tmp_path / "rak.json"
    rak_json.write_text(run("extract", str(SAMPLES / "rak-kubu-raya-2024.docx")).stdout, "utf-8")
    for rak in (SAMPLES / "rak-kubu-raya-2024.docx", rak_json):
        result = run("check", str(rak), "--pk", str(pk_json), "-f", "json")
        assert pk_findings(result.stdout) == planted("pk-kubu-raya-2024-beda"), rak


def test_the_text_report_lists_the_pairs() -> None:
    result = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"),
                 "--pk", str(SAMPLES / "pk-kubu-raya-2024-beda.docx"))
    assert result.exit_code == ExitCode.FINDINGS
    out = result.stdout
    assert "Perjanjian Kinerja: pk-kubu-raya-2024-beda.docx" in out
    assert ("52 dari 53 indikator PK berpasangan; 1 tidak ada di RAK; 1 indikator RAK di luar "
            "PK") in out
    assert "PK 43 → tidak ada  Persentase pegawai yang mengikuti apel pagi" in out
    assert "PK 42 → baris 41 (84)" in out
    english = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"), "--lang", "en",
                  "--pk", str(SAMPLES / "pk-kubu-raya-2024-beda.docx"))
    assert "RAK–PK indicator pairs: 52 of 53 PK indicators paired" in english.stdout


def test_html_report_lists_the_pairs(tmp_path: Path) -> None:
    result = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"), "-f", "html",
                 "--pk", str(SAMPLES / "pk-kubu-raya-2024.docx"))
    assert 'class="pk-pairs"' in result.stdout and "PK 53 → baris 53" in result.stdout


def test_without_pk_nothing_of_it_appears() -> None:
    result = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"), "-f", "json")
    data = json.loads(result.stdout)
    assert "pk" not in data and pk_findings(result.stdout) == []
    text = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx")).stdout
    assert "Perjanjian Kinerja" not in text


def test_another_office_and_year_is_said_and_rows_are_not_compared() -> None:
    result = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"),
                 "--pk", str(SAMPLES / "pk-triwulan.docx"), "-f", "json")
    assert pk_findings(result.stdout) == [("pk-unit-mismatch", None), ("pk-year-mismatch", None)]
    text = run("check", str(SAMPLES / "rak-kubu-raya-2024.docx"),
               "--pk", str(SAMPLES / "pk-triwulan.docx")).stdout
    assert "indikator tidak dibandingkan" in text


# --- the wrong kind of document --------------------------------------------------------------


def test_a_pk_given_as_the_rak_is_named(tmp_path: Path) -> None:
    path = SAMPLES / "pk-triwulan.pdf"
    result = run("check", str(path))
    assert result.exit_code == ExitCode.INPUT
    assert "berkas ini Perjanjian Kinerja" in result.stderr
    assert f"rak check RAK --pk {path}" in result.stderr
    as_json = tmp_path / "pk.json"
    as_json.write_text(run("extract", str(path)).stdout, "utf-8")
    result = run("check", str(as_json), "--lang", "en")
    assert result.exit_code == ExitCode.INPUT
    assert "this file is a Perjanjian Kinerja" in result.stderr


def test_a_rak_given_as_the_pk_is_named(tmp_path: Path) -> None:
    rak = SAMPLES / "rak-triwulan.docx"
    result = run("check", str(rak), "--pk", str(rak))
    assert result.exit_code == ExitCode.INPUT
    assert "bukan Perjanjian Kinerja: berkas ini RAK" in result.stderr
    as_json = tmp_path / "rak.json"
    as_json.write_text(run("extract", str(rak)).stdout, "utf-8")
    result = run("check", str(rak), "--pk", str(as_json))
    assert result.exit_code == ExitCode.INPUT and "berkas ini RAK" in result.stderr


def test_a_broken_pk_json_is_one_line(tmp_path: Path) -> None:
    data = json.loads(run("extract", str(SAMPLES / "pk-triwulan.docx")).stdout)
    data["rows"][1]["target"] = "100%"
    broken = tmp_path / "pk.json"
    broken.write_text(json.dumps(data), "utf-8")
    result = run("check", str(SAMPLES / "rak-triwulan.docx"), "--pk", str(broken))
    assert result.exit_code == ExitCode.INPUT
    err = result.stderr.strip()
    assert "\n" not in err and "pk.schema.json (rows/1/target" in err


def test_pk_is_for_one_file_pk_dir_for_many() -> None:
    result = run("check", str(SAMPLES), "--pk", str(SAMPLES / "pk-triwulan.docx"))
    assert result.exit_code == ExitCode.INPUT and "--pk-dir" in result.stderr


def test_extract_gives_a_pk_as_csv() -> None:
    result = run("extract", str(SAMPLES / "pk-triwulan.docx"), "-f", "csv")
    assert result.exit_code == 0
    header, first = result.stdout.splitlines()[:2]
    assert header.startswith("baris,halaman,sasaran_kegiatan,indikator_kinerja,target,")
    assert "kegiatan" not in header.split(",") and ",100 %,100,%," in first
