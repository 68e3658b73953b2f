"""The contract's JSON Schema, shipped inside the package as ``rak_schemas``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_schema() -> dict[str, Any]:
    text = resources.files(__name__).joinpath("rak.schema.json").read_text("utf-8")
    return json.loads(text)
