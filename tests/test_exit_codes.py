"""Every exit code of every command (README, "Exit codes"), each ended by one line, never a
traceback: 0 done, 1 findings, 2 usage or unreadable input (an output that cannot be written
included), 3 a bug in rak, injected here with monkeypatch or a faulty bulk worker."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rak.cli import app
from rak.exitcodes import ExitCode

from .conftest import SAMPLES
from .seed_doc import seed_data

DOCX = SAMPLES / "rak-arsir.docx"  # 3 warnings, no error: exit 0 by default
OTHER = SAMPLES / "rak-triwulan.docx"
PDF = SAMPLES / "rak-triwulan.pdf"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line(result: Result) -> str:
    """The one line a failed command leaves on stderr (and nothing on stdout)."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture()
def seed_json(tmp_path: Path) -> Path:
    path = tmp_path / "rak.json"
    path.write_text(json.dumps(seed_data(), ensure_ascii=False), "utf-8")
    return path


@pytest.fixture()
def not_a_folder(tmp_path: Path) -> Path:
    """A path under a plain file: nothing can be written there, not even by root."""
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("x")
    return blocker / "keluar"


# --- 0 and 1 ----------------------------------------------------------------------------


def test_0_for_a_read_document_and_a_clean_check() -> None:
    assert run("extract", DOCX).exit_code == ExitCode.OK
    assert run("check", DOCX).exit_code == ExitCode.OK
    assert run("rules").exit_code == ExitCode.OK
    assert run("rules", "missing-pelaksana").exit_code == ExitCode.OK


def test_1_for_findings_at_or_above_fail_on(seed_json: Path) -> None:
    assert run("check", seed_json).exit_code == ExitCode.FINDINGS
    assert run("check", DOCX, "--fail-on", "warning").exit_code == ExitCode.FINDINGS
    assert run("check", DOCX, OTHER, "--fail-on", "warning").exit_code == ExitCode.FINDINGS


# --- 2: usage and input -----------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("extract", DOCX, "--lang", "fr"),
    ("extract", DOCX, "-f", "xml"),
    ("check", DOCX, "-f", "pdf"),
    ("check", DOCX, "--select", "no-such-rule"),
    ("check", DOCX, "--fail-on", "sometimes"),
    ("check", DOCX, OTHER, "--fail-on", "sometimes"),
    ("rules", "no-such-rule"),
    ("debug", DOCX, "--out", "/tmp", "--dpi", "5"),
])
def test_2_for_a_usage_error(args: tuple[str | Path, ...]) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.INPUT
    one_line(result)


@pytest.mark.parametrize("command", ["extract", "check", "debug"])
def test_2_for_an_input_that_is_not_a_rak(command: str, tmp_path: Path) -> None:
    junk = tmp_path / "bukan.pdf"
    junk.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    args = ("--out", tmp_path / "lihat") if command == "debug" else ()
    result = run(command, junk, *args)
    assert result.exit_code == ExitCode.INPUT
    assert one_line(result).startswith(str(junk))


def test_2_for_a_broken_rak_toml(tmp_path: Path) -> None:
    (tmp_path / "rak.toml").write_text("fail-on = [", "utf-8")
    (tmp_path / "rak.docx").write_bytes(DOCX.read_bytes())
    result = run("check", tmp_path / "rak.docx")
    assert result.exit_code == ExitCode.INPUT
    assert "rak.toml" in one_line(result)


# --- 2: an output that cannot be written, for every command and format ------------------

UNWRITABLE = [
    ("extract", DOCX, "-o"),
    ("extract", DOCX, "-f", "csv", "-o"),
    ("check", DOCX, "-o"),
    ("check", DOCX, "-f", "json", "-o"),
    ("check", DOCX, "-f", "csv", "-o"),
    ("check", DOCX, "-f", "html", "-o"),
    ("extract", DOCX, OTHER, "-o"),
    ("extract", DOCX, OTHER, "-f", "csv", "-o"),
    ("check", DOCX, OTHER, "-o"),
    ("check", DOCX, OTHER, "-f", "json", "-o"),
    ("check", DOCX, OTHER, "-f", "csv", "-o"),
    ("extract", DOCX, "--out"),
    ("check", DOCX, "--out"),
    ("debug", PDF, "--page", "1", "--out"),
]


@pytest.mark.parametrize("args", UNWRITABLE, ids=lambda a: " ".join(map(str, a)).replace(
    str(SAMPLES) + "/", ""))
def test_2_and_one_line_when_the_output_cannot_be_written(
    args: tuple[str | Path, ...], not_a_folder: Path
) -> None:
    result = run(*args, not_a_folder / "hasil.txt")
    assert result.exit_code == ExitCode.INPUT, result.output
    said = [x for x in result.stderr.splitlines() if "tidak dapat ditulis" in x]
    assert len(said) == 1 and str(not_a_folder) in said[0], result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("target", ["/dev/null", "folder"])
def test_an_output_that_is_not_a_regular_file_is_refused(target: str, tmp_path: Path) -> None:
    path = Path(target) if target.startswith("/") else tmp_path
    before = os.stat(path).st_mode
    result = run("extract", DOCX, "-o", path)
    assert result.exit_code == ExitCode.INPUT
    assert "tidak dapat ditulis" in one_line(result)
    assert os.stat(path).st_mode == before  # still a device, still a folder


def test_an_output_link_is_replaced_never_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "milik-orang-lain.txt"
    elsewhere.write_text("jangan diubah")
    link = tmp_path / "hasil.json"
    link.symlink_to(elsewhere)
    result = run("extract", DOCX, "-o", link)
    assert result.exit_code == ExitCode.OK, result.output
    assert elsewhere.read_text() == "jangan diubah"
    assert not link.is_symlink() and json.loads(link.read_text("utf-8"))["rows"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# --- 3: a bug in rak --------------------------------------------------------------------


def _bug(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("boom")


@pytest.mark.parametrize("command", ["extract", "check", "debug"])
def test_3_for_a_bug_while_reading_one_file(
    command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import extractor
    import extractor.debug

    # The single file is read in a forked worker, which keeps the parent's patches.
    monkeypatch.setattr(extractor, "read_document", _bug)
    monkeypatch.setattr(extractor, "extract", _bug)
    monkeypatch.setattr(extractor.debug, "inspect", _bug)
    args = ("--out", tmp_path / "lihat") if command == "debug" else ()
    result = run(command, DOCX, *args)
    assert result.exit_code == ExitCode.INTERNAL
    line = one_line(result)
    assert line.startswith(str(DOCX)) and "ZeroDivisionError: boom" in line
    assert "mohon laporkan" in line


def test_3_for_a_bug_outside_any_file_s_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import rak.export

    monkeypatch.setattr(rak.export, "to_json", _bug)  # after the reading, in the command
    result = run("extract", DOCX)
    assert result.exit_code == ExitCode.INTERNAL
    assert "ZeroDivisionError: boom" in one_line(result)


def test_3_for_a_bug_in_rak_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import checks

    monkeypatch.setattr(checks, "get_rule", _bug)
    result = run("rules", "missing-pelaksana", "--lang", "en")
    assert result.exit_code == ExitCode.INTERNAL
    assert "internal rak error (ZeroDivisionError: boom)" in one_line(result)


def test_3_when_a_bulk_worker_breaks_and_the_other_files_go_on(
    tmp_path: Path, faulty_files
) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "baik.docx").write_bytes(DOCX.read_bytes())
    (folder / "rusak.docx").write_bytes(OTHER.read_bytes())
    faulty_files({"rusak.*": "raise:boom"})
    result = run("extract", folder, "--out", tmp_path / "hasil", "--jobs", "1")
    assert result.exit_code == ExitCode.INTERNAL, result.output
    summary = (tmp_path / "hasil" / "ringkasan.csv").read_text("utf-8-sig")
    assert "baik.docx" in summary and "terbaca" in summary
    assert "kesalahan internal rak (ValueError: boom)" in summary
