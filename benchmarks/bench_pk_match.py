"""Where the PK indicator threshold sits: distinct indicators against rewordings of one.

    python benchmarks/bench_pk_match.py

For every RAK sample spec (``samples/*.expected.json``, RAKs only) it scores, after the
pairing's normalisation (``checks.pk_match.normalise``, the office's region dropped):

- every two distinct indicators of the document: the highest is the nearest a *different*
  indicator comes, and must stay below the threshold;
- rewordings of each indicator as offices write them in a PK: the region clause dropped, the
  words reordered, "dengan"/"yang" added or dropped, a trailing clause dropped, one letter
  slipped; the lowest is the farthest a *same* indicator goes, and should stay above it.

A rewording that drops most of an indicator is not the same indicator any more, so a trailing
clause (from "secara", "sesuai", "di", "dalam" ...) is dropped only when at least two thirds
of the words are left. Prints one row per
document and the margin on each side of ``PkMatchSettings().min_indicator_score``.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.pk_match import PkMatchSettings, normalise  # noqa: E402
from checks.units import region_words  # noqa: E402

CLAUSE_WORDS = frozenset("oleh secara sesuai di dalam untuk guna dengan pada yang".split())


def rewordings(text: str) -> list[str]:
    words = text.split()
    out = [" ".join(reversed(words)), text.upper(), text + " dengan baik"]
    if "oleh" in words:
        out.append(" ".join(words[: words.index("oleh")]))
    # A trailing clause ("secara tepat waktu dan akurat", "di Lingkungan ...") dropped, the
    # last one that leaves two thirds of the words.
    opens = [i for i, w in enumerate(words) if w.lower() in CLAUSE_WORDS
             and 3 * i >= 2 * len(words)]
    if opens:
        out.append(" ".join(words[: opens[-1]]))
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    slipped = words[longest][:-2] + words[longest][-1] + words[longest][-2]
    out.append(" ".join([*words[:longest], slipped, *words[longest + 1 :]]))
    return out


def main() -> int:
    threshold = PkMatchSettings().min_indicator_score
    print(f"{'document':32} {'indicators':>10} {'nearest other':>14} {'farthest same':>14}")
    worst_other, worst_same = 0.0, 100.0
    for path in sorted((ROOT / "samples").glob("*.expected.json")):
        data = json.loads(path.read_text("utf-8"))
        if data.get("jenis") == "pk" or not data.get("rows"):
            continue
        drop = region_words(data["document"]["unit_organisasi"])
        texts = sorted({r["indikator_kinerja"] for r in data["rows"]})
        keys = {normalise(t, drop) for t in texts}
        other = max((fuzz.token_sort_ratio(a, b) for a, b in combinations(sorted(keys), 2)),
                    default=0.0)
        same = min(fuzz.token_sort_ratio(normalise(t, drop), normalise(r, drop))
                   for t in texts for r in rewordings(t))
        worst_other, worst_same = max(worst_other, other), min(worst_same, same)
        name = path.name.removesuffix(".expected.json")
        print(f"{name:32} {len(keys):>10} {other:>14.1f} {same:>14.1f}")
    print(f"threshold {threshold:g}: nearest other indicator {worst_other:.1f} "
          f"(margin {threshold - worst_other:.1f}), farthest rewording {worst_same:.1f} "
          f"(margin {worst_same - threshold:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
