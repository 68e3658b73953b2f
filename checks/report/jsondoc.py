"""``--format json``: the extract object plus ``"findings"``, as CONTRACT.md shows it."""

from __future__ import annotations

import json
from typing import Any

from . import RenderOptions, Report


def render(report: Report, options: RenderOptions) -> str:
    out: dict[str, Any] = report.doc.to_dict() if report.doc is not None else dict(report.data)
    out["findings"] = [f.to_dict() for f in report.findings]
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
