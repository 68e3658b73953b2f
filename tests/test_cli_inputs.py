"""What the command line does with the formats it is given, in both languages.

``-f`` lists its choices; without ``-f`` the ending of ``-o`` picks the format.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rak.cli import app
from rak.exitcodes import ExitCode

from .conftest import SAMPLES
from .seed_doc import seed_data

runner = CliRunner()
DOCX = SAMPLES / "rak-arsir.docx"
OTHER_DOCX = SAMPLES / "rak-triwulan.docx"
TWO_PAGES = SAMPLES / "rak-tanpa-garis-potret.pdf"


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture()
def seed_json(tmp_path: Path) -> Path:
    path = tmp_path / "rak.json"
    path.write_text(json.dumps(seed_data(), ensure_ascii=False), "utf-8")
    return path


def one_line(result: Result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and result.stdout == "", result.output
    return lines[0]


@pytest.mark.parametrize(("command", "choices"), [("check", "text, json, csv, html"),
                                                   ("extract", "json, csv")])
def test_a_bad_format_lists_the_choices(command: str, choices: str, seed_json: Path) -> None:
    source = seed_json if command == "check" else DOCX
    said = one_line(run(command, source, "-f", "pdf"))
    assert said == f"format keluaran tidak dikenal: pdf (pilih {choices})"
    english = one_line(run(command, source, "-f", "pdf", "--lang", "en"))
    assert english == f"unknown output format: pdf (choose {choices})"


def test_the_ending_of_o_picks_the_format(seed_json: Path, tmp_path: Path) -> None:
    for name, looks in (("r.html", "<!DOCTYPE html"), ("r.HTM", "<!DOCTYPE html"),
                        ("r.json", "{"), ("r.csv", "\ufeff"), ("r.txt", "rak.json")):
        target = tmp_path / name
        result = run("check", seed_json, "-o", target)
        assert result.exit_code == ExitCode.FINDINGS, result.output
        text = target.read_text("utf-8")
        assert text.startswith(looks), (name, text[:40])
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["findings"]
    heading = next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert "rule" in heading and "severity" in heading
    # -f, when given, wins over the ending.
    run("check", seed_json, "-f", "json", "-o", tmp_path / "juga.csv")
    assert json.loads((tmp_path / "juga.csv").read_text("utf-8"))["findings"]


def test_extract_follows_o_and_refuses_a_format_it_does_not_write(tmp_path: Path) -> None:
    result = run("extract", DOCX, "-o", tmp_path / "r.csv")
    assert result.exit_code == ExitCode.OK, result.output
    heading = next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert "indikator_kinerja" in heading
    refused = run("extract", DOCX, "-o", tmp_path / "r.html")
    assert refused.exit_code == ExitCode.INPUT and not (tmp_path / "r.html").exists()
    assert one_line(refused) == (f"{tmp_path / 'r.html'}: perintah ini tidak menulis html; "
                                 "pilih -f json, csv")
    english = run("extract", DOCX, "-o", tmp_path / "r.html", "--lang", "en")
    assert one_line(english).endswith("this command does not write html; choose -f json, csv")


