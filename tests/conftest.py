from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def load_expected(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.expected.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def faulty_files(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``faulty_files({"lambat.*": "sleep", "mati.*": "segv"})``: in this test's bulk runs,
    files named so misbehave in their worker (``tests/faults.py``); the rest read as usual."""
    import rak.bulk.run

    from .faults import faulty_process

    def install(rules: dict[str, str]) -> None:
        monkeypatch.setattr(rak.bulk.run, "process", faulty_process(rules))

    return install
