""""Did you mean": the names nearest to a mistyped one (a rule, a command, an option).

Scored with rapidfuzz's ``WRatio`` (0..100, case folded), which also rates a fragment of a
name (``pk-target`` for ``pk-target-mismatch``, ``pelaksana`` for the three pelaksana rules)
as close. Only names scoring at least ``min_score`` are offered, and of those only the ones
within ``spread`` of the best, so one clear match comes alone and ties come together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NearSettings:
    min_score: float = 75.0  # below this a name is not offered at all
    spread: float = 10.0  # offered: within this of the best score
    most: int = 4  # at the most this many names

    def __post_init__(self) -> None:
        if not 0 <= self.min_score <= 100 or self.spread < 0 or self.most < 1:
            raise ValueError("NearSettings: min_score in 0..100, spread >= 0, most >= 1")


def near_names(name: str, choices: Iterable[str],
               settings: NearSettings = NearSettings()) -> list[str]:
    """The choices ``name`` was perhaps meant to be, best first (empty when none is close)."""
    from rapidfuzz import fuzz, process

    found = process.extract(name, list(choices), scorer=fuzz.WRatio, processor=str.lower,
                            limit=settings.most, score_cutoff=settings.min_score)
    if not found:
        return []
    best = found[0][1]
    return [choice for choice, score, _ in found if score >= best - settings.spread]
