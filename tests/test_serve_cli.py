"""`rak serve` on the command line: the address printed, a token made up off loopback, its
options checked before anything starts (uvicorn itself is not started here)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from rak.cli import app


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    import uvicorn

    seen: dict[str, Any] = {}

    def run(application: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=application)

    monkeypatch.setattr(uvicorn, "run", run)
    yield seen
    if "app" in seen:
        seen["app"].state.jobs.close()  # what the server's shutdown does


def test_loopback_by_default_without_a_token(started: dict[str, Any]) -> None:
    ran = CliRunner().invoke(app, ["serve"])
    assert ran.exit_code == 0, ran.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8000)
    assert ran.stderr.strip() == "rak serve: buka http://127.0.0.1:8000/"


def test_another_host_gets_a_token_printed(started: dict[str, Any]) -> None:
    ran = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8080",
                                   "--lang", "en"])
    assert ran.exit_code == 0, ran.output
    lines = ran.stderr.splitlines()
    token = lines[1].rsplit(" ", 1)[1]
    assert len(token) >= 20
    assert lines[0].startswith("rak serve: open http://") and lines[0].endswith(
        f":8080/?token={token}")
    assert lines[1] == f"access token (asked on every request): {token}"
    assert started["app"].state.jobs.settings.token == token


def test_a_given_token_is_used(started: dict[str, Any]) -> None:
    ran = CliRunner().invoke(app, ["serve", "--host", "10.1.2.3", "--token", "rahasia-kantor"])
    assert ran.exit_code == 0
    assert "http://10.1.2.3:8000/?token=rahasia-kantor" in ran.stderr


@pytest.mark.parametrize("args", [["--port", "0"], ["--max-upload-mb", "0"],
                                  ["--keep-minutes", "0"], ["--lang", "fr"]])
def test_bad_options_end_with_exit_2(started: dict[str, Any], args: list[str]) -> None:
    ran = CliRunner().invoke(app, ["serve", *args])
    assert ran.exit_code == 2
    assert "Traceback" not in ran.output and not started
