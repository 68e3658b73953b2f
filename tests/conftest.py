from __future__ import annotations

import json
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
