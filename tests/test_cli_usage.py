"""The command line speaks one language per run: help pages, usage errors, -h, --version.

Indonesian by default, English with ``--lang en`` (on the command or on ``rak`` itself) or
``RAK_LANG=en``; nothing of typer's English frame ("Usage:", "Options", "Show this message
and exit", "Error", "Try ... for help", ``<list[Path]>``) in an Indonesian run.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
from typer.testing import CliRunner, Result

from extractor.readers import READABLE_SUFFIXES
from rak.cli import app
from rak.exitcodes import ExitCode
from rak.i18n import is_said, run_language

runner = CliRunner()
COMMANDS = [c.name for c in app.registered_commands]
# What typer says in English and rak must not, in an Indonesian run.
TYPER_ENGLISH = re.compile(
    r"Usage:|Options|Arguments|Commands|Show this message|\bError\b|Try '|for help|"
    r"<[a-z]+(\[[A-Za-z]+\])?>|\[default|\[required\]|No such|Missing|Invalid value|"
    r"Got unexpected|requires an argument"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env=env)


def english_left(text: str) -> list[str]:
    return [m.group(0) for m in TYPER_ENGLISH.finditer(text)]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=lambda c: c[0] if c
                         else "rak")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_in_indonesian_by_default(command: list[str], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"Penggunaan: rak {' '.join(command)}".rstrip() + " [OPSI]")
    assert "Opsi:" in out and "Tampilkan bantuan ini lalu keluar." in out
    assert "-V, --version" in out and "-h, --help" in out
    assert english_left(out) == [], out


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=lambda c: c[0] if c
                         else "rak")
def test_help_in_english_with_lang_en(command: list[str]) -> None:
    for args, env in (([*command, "--lang", "en", "-h"], None), ([*command, "-h"],
                      {"RAK_LANG": "en"}), (["--lang", "en", *command, "-h"], None)):
        if not command and args[0] != "--lang" and env is None:
            continue  # the group takes --lang before a command, not after -h alone
        out = run(*args, env=env).stdout
        assert out.startswith("Usage: rak"), (args, out)
        assert "Options:" in out and "Show this help and exit." in out
        assert "Penggunaan" not in out and "Tampilkan" not in out and "bawaan" not in out


def test_check_help_names_its_inputs_and_metavars() -> None:
    out = run("check", "-h").stdout
    assert "Penggunaan: rak check [OPSI] BERKAS..." in out
    assert "-o, --output BERKAS" in out and "--out FOLDER" in out and "--lang BAHASA" in out
    # The help wraps at the terminal's width: the note may break over two lines.
    assert "[variabel lingkungan: RAK_LANG]" in " ".join(out.split())
    for suffix in READABLE_SUFFIXES:
        assert (suffix if suffix != ".pdf" else "PDF") in out, suffix
    assert "PDF (juga hasil pindai)" in out and "JSON dari rak extract" in out
    english = run("check", "-h", "--lang", "en").stdout
    assert "Usage: rak check [OPTIONS] FILE..." in english and "--out DIR" in english
    assert "PDF (scans too)" in english and "the JSON of rak extract" in english
    assert "[env var: RAK_LANG]" in " ".join(english.split())


def test_a_required_option_and_rules_lang_are_said_as_they_are() -> None:
    debug = run("debug", "-h").stdout
    assert re.search(r"--out FOLDER +Folder untuk PNG dan JSON\. \[wajib\]", debug)
    rules = run("rules", "-h", "--lang", "en").stdout
    assert "--lang LANG" in rules and "rak.toml" not in rules  # rak rules reads no rak.toml


def test_extract_help_names_every_input_format() -> None:
    for lang, scans in (("id", "juga hasil pindai"), ("en", "scans too")):
        out = run("extract", "-h", "--lang", lang).stdout
        for suffix in READABLE_SUFFIXES:
            assert (suffix if suffix != ".pdf" else "PDF") in out, (lang, suffix)
        assert scans in out


def test_every_help_text_is_declared_in_both_languages() -> None:
    """A help text typer holds that ``said`` never filed would show in Indonesian in an
    English run: every command's help, every parameter's help and metavar is filed."""
    import typer

    group = typer.main.get_command(app)
    assert group.help and is_said(group.help)
    for name in COMMANDS:
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help and is_said(command.help), name
        for param in [*command.params, *group.params]:
            assert param.help and is_said(param.help), (name, param.name)
            if param.metavar:
                assert is_said(param.metavar), (name, param.name, param.metavar)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=lambda c: c[0] if c
                         else "rak")
def test_version_on_the_app_and_every_command(command: list[str]) -> None:
    for flag in ("--version", "-V"):
        result = run(*command, flag)  # before any required argument or option
        assert result.exit_code == 0, result.output
        assert result.stdout == f"rak {version('rak')}\n"


# Usage errors: the command's usage line, where help is, then what is wrong, in one language.
USAGE_ERRORS = [
    (("check", "x.pdf", "--nope"), "opsi tidak dikenal: --nope", "no such option: --nope"),
    (("check", "x.pdf", "--formt", "json"), "opsi tidak dikenal: --formt (mungkin maksudnya: "
     "--format)", "no such option: --formt (did you mean: --format)"),
    (("check",), "BERKAS... belum diberikan", "missing argument FILE..."),
    (("extract",), "BERKAS... belum diberikan", "missing argument FILE..."),
    (("debug", "x.pdf"), "opsi --out wajib diberikan", "missing option --out"),
    (("check", "x.pdf", "--max-pages", "abc"), "nilai tidak sah untuk --max-pages: harus "
     "bilangan bulat", "invalid value for --max-pages: it must be a whole number"),
    (("check", "x.pdf", "--timeout", "lama"), "nilai tidak sah untuk --timeout: harus bilangan",
     "invalid value for --timeout: it must be a number"),
    (("check", "x.pdf", "--max-memory", "-5"), "nilai tidak sah untuk --max-memory: harus "
     "bilangan bulat 0 atau lebih", "invalid value for --max-memory: it must be a whole "
     "number of 0 or more"),
    (("check", "x.pdf", "--select"), "opsi --select perlu nilai", "option --select needs a value"),
    (("rules", "schema", "lebih"), "argumen berlebih: lebih", "unexpected extra argument(s): "
     "lebih"),
    (("chek", "x.pdf"), "perintah tidak dikenal: chek (mungkin maksudnya: check)",
     "no such command: chek (did you mean: check)"),
    (("periksa",), "perintah tidak dikenal: periksa", "no such command: periksa"),
]


@pytest.mark.parametrize(("args", "indonesian", "english"), USAGE_ERRORS,
                         ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_usage_errors_in_the_runs_language(args: tuple[str, ...], indonesian: str,
                                           english: str) -> None:
    said = run(*args)
    assert said.exit_code == ExitCode.INPUT and said.stdout == ""
    lines = said.stderr.strip().splitlines()
    assert lines[-1] == f"Kesalahan: {indonesian}", said.stderr
    assert english_left(said.stderr) == [], said.stderr
    if len(lines) > 1:  # the usage line of the command that was being parsed
        assert lines[0].startswith("Penggunaan: rak") and lines[1].startswith("Coba 'rak")
        assert lines[1].endswith(" -h' untuk bantuan.")
    for run_en in (run("--lang", "en", *args), run(*args, env={"RAK_LANG": "en"})):
        assert run_en.exit_code == ExitCode.INPUT
        out = run_en.stderr.strip().splitlines()
        assert out[-1] == f"Error: {english}", run_en.stderr
        assert "Kesalahan" not in run_en.stderr and "Penggunaan" not in run_en.stderr


def test_usage_error_shows_the_commands_usage() -> None:
    lines = run("check", "x.pdf", "--nope").stderr.splitlines()
    assert lines[:2] == ["Penggunaan: rak check [OPSI] BERKAS...",
                         "Coba 'rak check -h' untuk bantuan."]
    lines = run("rules", "a", "b", "--lang", "en").stderr.splitlines()
    assert lines[:2] == ["Usage: rak rules [OPTIONS] [NAME]", "Try 'rak rules -h' for help."]


def test_rak_alone_shows_its_help() -> None:
    result = run()
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith("Penggunaan: rak [OPSI] PERINTAH [ARGUMEN]...")
    assert "Perintah:" in result.stderr and "Bantuan satu perintah: rak PERINTAH -h" in (
        result.stderr)


def test_lang_given_to_rak_reaches_the_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = run("--lang", "en", "rules").stdout
    assert re.search(r"^column-shift +warning +Cell shifted", out, flags=re.M)
    # The command's own --lang still wins over the group's.
    out = run("--lang", "en", "rules", "--lang", "id").stdout
    assert re.search(r"^column-shift +peringatan +Isi sel bergeser kolom", out, flags=re.M)
    bad = run("--lang", "fr", "rules")
    assert bad.exit_code == ExitCode.INPUT and "bahasa tidak dikenal: fr" in bad.stderr


def test_rak_lang_reaches_every_command(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "kosong.pdf"
    missing.write_bytes(b"")
    result = run("extract", str(missing), env={"RAK_LANG": "en"})
    assert result.exit_code == ExitCode.INPUT and "file is empty" in result.stderr
    wrong = run("rules", env={"RAK_LANG": "fr"})
    assert wrong.exit_code == ExitCode.INPUT and "bahasa tidak dikenal: fr" in wrong.stderr


@pytest.mark.parametrize(("args", "env", "expected"), [
    ([], {}, "id"),
    (["check", "a.pdf"], {"RAK_LANG": "en"}, "en"),
    (["check", "--lang", "en", "a.pdf"], {}, "en"),
    (["check", "--lang=en"], {"RAK_LANG": "id"}, "en"),
    (["--lang", "en", "check", "--lang", "id"], {}, "id"),
    (["check", "--lang", "fr"], {"RAK_LANG": "en"}, "id"),
    (["check", "--", "--lang", "en"], {}, "id"),
    (["check", "--lang"], {}, "id"),
])
def test_run_language(args: list[str], env: dict[str, str], expected: str) -> None:
    assert run_language(args, env) == expected
