"""README and CI stay true: the opening commands are what CI runs; every command has help."""

from __future__ import annotations

import re
import subprocess
import sys

from typer.testing import CliRunner

from rak.cli import app

from .conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    return [b.strip() for b in blocks[:2]]


def test_readme_opens_with_install_and_test_commands():
    run_sample, run_tests = _readme_commands()
    assert run_sample.startswith("pip install .") and "samples/" in run_sample
    lines = run_tests.splitlines()
    assert "python -m pytest -q" in lines  # the fast suite: pytest leaves out "slow"
    assert "python -m pytest -q -m slow" in lines  # and the slow one, so CI runs both
    assert any("mypy" in line for line in lines)


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    run_sample, run_tests = _readme_commands()
    for line in run_tests.splitlines():
        assert line in ci
    for part in run_sample.split(" && "):
        assert any(line.startswith(part) for line in ci), part


def test_every_command_has_help():
    runner = CliRunner()
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = [c.name for c in app.registered_commands]
    assert names == ["extract", "check", "rules", "debug", "serve"]
    for name in names:
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0, name
        assert len(res.output) > 100, name


def test_importing_the_app_alone_registers_every_command():
    """In a fresh interpreter: no command waits for some other import to register it."""
    code = "from rak.cli import app; print(' '.join(c.name for c in app.registered_commands))"
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True)
    assert ran.stdout.split() == ["extract", "check", "rules", "debug", "serve"]


def test_every_package_is_installed_by_pyproject():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for top in ("extractor", "checks", "rak")
        for p in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed
