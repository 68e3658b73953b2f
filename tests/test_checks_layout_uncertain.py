"""layout-uncertain: a misread is said to be one, and the findings it explains are folded.

The documents here are small and hand-made (the checks take a document, not a file). The
command-line tests need a reading in doubt that does not depend on today's readers failing:
a ruled PDF drawn from a spec whose PELAKSANA cells carry a check mark run into the unit's
name ("√ Subbag. ..."), which the page itself leaves ambiguous (a December mark that lost its
column, or a mark typed there), and a clean sample.
"""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checks import CheckConfig, Severity, check_data, run_checks
from checks.config import ConfigError, parse_config
from checks.examples import example_document
from checks.registry import RULE_NAMES
from checks.rule import Example
from extractor.model import PageDoubt
from rak import cmd_check, cmd_extract  # noqa: F401  (registers the commands)
from rak.cli import app
from rak.exitcodes import ExitCode

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
RUN_INTO = (1, 4, 9)  # 0-based rows whose PELAKSANA begins with a mark


def doc_with(**row: object):
    return example_document(Example(rows=(dict(row),)))


def rules_on_row(findings, row: int = 1) -> list[str]:
    return [f.rule for f in findings if f.row == row]


def test_a_doubtful_rows_field_findings_become_one_verify_by_eye_finding() -> None:
    doc = doc_with(pelaksana="", jadwal=[], keyakinan=0.4, alasan=["mark-with-text"])
    found = run_checks(doc)
    assert rules_on_row(found) == ["layout-uncertain"]
    (f,) = [x for x in found if x.row == 1]
    assert f.folded == ("missing-pelaksana", "empty-schedule")
    assert f.severity is Severity.ERROR
    assert "periksa dengan mata" in f.message
    assert "PELAKSANA kosong" in f.message and "Jadwal kosong" in f.message
    assert "tanda centang menyatu dengan teks" in f.message
    assert f.to_dict()["folded"] == ["missing-pelaksana", "empty-schedule"]


def test_a_sure_row_keeps_its_findings_as_the_documents() -> None:
    doc = doc_with(pelaksana="", jadwal=[], keyakinan=0.9, alasan=["columns-guessed"])
    assert rules_on_row(run_checks(doc)) == ["missing-pelaksana", "empty-schedule"]


def test_the_threshold_comes_from_rak_toml() -> None:
    doc = doc_with(pelaksana="", keyakinan=0.75, alasan=["row-joined", "columns-guessed"])
    assert rules_on_row(run_checks(doc)) == ["missing-pelaksana"]
    config = parse_config({"min-keyakinan": 0.8}, Path("rak.toml"), RULE_NAMES)
    assert rules_on_row(run_checks(doc, config)) == ["layout-uncertain"]
    with pytest.raises(ConfigError):
        parse_config({"min-keyakinan": 1.5}, Path("rak.toml"), RULE_NAMES)
    with pytest.raises(ConfigError):
        parse_config({"min-keyakinan": "tinggi"}, Path("rak.toml"), RULE_NAMES)


def test_ignoring_the_rule_reports_the_findings_again() -> None:
    doc = doc_with(pelaksana="", keyakinan=0.4, alasan=["outside-columns"])
    config = CheckConfig(ignore=frozenset({"layout-uncertain"}))
    assert rules_on_row(run_checks(doc, config)) == ["missing-pelaksana"]


def test_a_scanned_row_unsure_only_of_its_words_is_low_confidence_and_folds_too() -> None:
    doc = example_document(Example(rows=({"target": "", "keyakinan": 0.5,
                                          "alasan": ["ocr-low"]},), ocr=True))
    (f,) = run_checks(doc)
    assert f.rule == "low-confidence" and f.folded == ("missing-target",)
    assert f.severity is Severity.ERROR  # folding never lowers what would fail


def test_a_scanned_row_with_layout_evidence_is_layout_uncertain_not_low_confidence() -> None:
    doc = example_document(Example(rows=({"keyakinan": 0.75, "alasan": ["mark-in-text"]},),
                                   ocr=True))
    assert run_checks(doc) == []  # above min-keyakinan, and not the OCR's doubt alone


def test_pages_in_doubt_are_named_once_for_the_document() -> None:
    doc = doc_with()
    doc.keraguan = [PageDoubt(3, 0.5, ["periods-incomplete", "column-missing"]),
                    PageDoubt(4, 0.9, ["columns-guessed"])]
    (f,) = run_checks(doc)
    assert (f.rule, f.row, f.severity) == ("layout-uncertain", None, Severity.ERROR)
    assert "halaman 3" in f.message and "4" not in f.message.split("(")[0]
    en = run_checks(doc, CheckConfig(lang="en"))[0].message
    assert "page(s) 3" in en and "month/quarter columns are incomplete" in en


def test_json_from_before_keyakinan_was_general_still_checks() -> None:
    data = example_document(Example()).to_dict()
    for row in data["rows"]:
        row.pop("alasan")
        row["lokasi"].pop("kotak")
    data.pop("keraguan")
    assert check_data(data).findings == []


# --- the command line -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def doubtful_pdf(tmp_path_factory) -> Path:
    """A ruled RAK whose rows in ``RUN_INTO`` have a mark run into PELAKSANA's words."""
    from dataclasses import replace

    from samples.build.pdf_variants import centang_gambar
    from samples.build.pdf_writer import write_pdf
    from samples.build.spec import SamplePage

    doc, options = centang_gambar()
    n = 0
    pages = []
    for page in doc.pages:
        rows = []
        for row in page.rows:
            rows.append(replace(row, pelaksana=f"√ {row.pelaksana}") if n in RUN_INTO else row)
            n += 1
        pages.append(SamplePage(rows=rows, extra_column=page.extra_column))
    path = tmp_path_factory.mktemp("ragu") / "rak-ragu.pdf"
    return write_pdf(replace(doc, pages=pages), path, options)


@pytest.fixture(scope="module")
def misread_json(tmp_path_factory, doubtful_pdf: Path) -> Path:
    """The extraction of the doubtful PDF, read once for the tests below."""
    out = tmp_path_factory.mktemp("misread") / "ragu.json"
    result = CliRunner().invoke(app, ["extract", str(doubtful_pdf), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads(out.read_text("utf-8"))["rows"]
    assert [i for i, r in enumerate(rows) if r["keyakinan"] < 0.7] == list(RUN_INTO)
    return out


def test_a_document_read_in_doubt_never_passes_silently(misread_json: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(misread_json)])
    assert result.exit_code == ExitCode.FINDINGS
    assert "Status: pembacaan tidak yakin" in result.stdout
    assert "periksa dengan mata" in result.stdout
    # The misread's symptoms are not the document's fault any more.
    data = json.loads(runner.invoke(app, ["check", str(misread_json), "-f", "json"]).stdout)
    doubtful = {f["row"] for f in data["findings"] if f["rule"] == "layout-uncertain"}
    assert doubtful
    blamed = [f for f in data["findings"] if f["row"] in doubtful and f["rule"] in
              {"schedule-count-mismatch", "invalid-pelaksana", "unknown-pelaksana"}]
    assert blamed == []
    never = runner.invoke(app, ["check", str(misread_json), "--fail-on", "never"])
    assert never.exit_code == ExitCode.OK
    assert "Status: pembacaan tidak yakin" in never.stdout


def test_a_document_read_with_confidence_says_findings_and_passes() -> None:
    result = CliRunner().invoke(app, ["check", str(SAMPLES / "rak-arsir.docx")])
    assert result.exit_code == ExitCode.OK, result.output
    assert "Status: ada catatan" in result.stdout
    assert "pembacaan tidak yakin" not in result.stdout


def test_the_html_shows_where_each_flagged_row_is_printed(
    tmp_path: Path, doubtful_pdf: Path
) -> None:
    from PIL import Image

    out = tmp_path / "laporan.html"
    result = CliRunner().invoke(app, ["check", str(doubtful_pdf), "-f", "html", "-o", str(out)])
    assert result.exit_code == ExitCode.FINDINGS, result.output
    html = out.read_text("utf-8")
    assert "pembacaan tidak yakin" in html
    for i in RUN_INTO:  # every row to verify by eye has its picture (other flagged rows too)
        assert f'<tr class="source" id="sumber-{i + 1}">' in html
    first = html.split(f'<tr class="source" id="sumber-{RUN_INTO[0] + 1}">', 1)[1]
    src = first.split('src="', 1)[1].split('"', 1)[0]
    assert src.startswith("data:image/jpeg;base64,")
    with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as im:
        # A whole table row: far wider than tall, at a readable resolution.
        assert im.width > 800 and im.width > 4 * im.height
    assert len(html.encode("utf-8")) < 4_000_000  # self-contained and a few MB at most
    assert "http://" not in html.replace("http://www.w3.org", "")


@pytest.mark.slow  # a long document's every row pictured: 27 s, the fast suite's longest
def test_crops_of_a_long_document_stay_within_the_budget() -> None:
    from extractor import extract
    from rak.crops import BUDGET_BYTES, row_crops

    doc = extract(SAMPLES / "rak-panjang-40.pdf")
    crops = row_crops(SAMPLES / "rak-panjang-40.pdf", doc, range(len(doc.rows), 0, -1))
    size = sum(len(uri) for pictures in crops.values() for _, uri in pictures)
    assert BUDGET_BYTES * 0.8 < size < BUDGET_BYTES * 1.05
    assert len(doc.rows) in crops  # the rows asked for first are pictured first


def test_bulk_summaries_say_reading_uncertain_apart_from_findings(
    tmp_path: Path, misread_json: Path
) -> None:
    import csv
    import shutil

    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy(misread_json, folder / "ragu.json")
    shutil.copy(SAMPLES / "rak-arsir.docx", folder / "arsir.docx")
    out = tmp_path / "hasil"
    result = CliRunner().invoke(app, ["check", str(folder), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == ExitCode.FINDINGS, result.output
    assert "1 ada catatan, 0 bersih, 1 pembacaan tidak yakin, 0 gagal dibaca" in result.stdout
    with (out / "ringkasan.csv").open(encoding="utf-8-sig") as fh:
        status = {r["file"].split("/")[-1]: r["status"] for r in csv.DictReader(fh)}
    assert status == {"ragu.json": "pembacaan tidak yakin", "arsir.docx": "ada catatan"}
    index = (out / "index.html").read_text("utf-8")
    assert 'class="badge uncertain">pembacaan tidak yakin' in index
