"""Does the reading know when it is wrong? Wrong rows flagged, right rows flagged.

For a run over documents with known truth, every row read is aligned to the truth (the
shared corpus scorer's alignment, ``../shared/corpus/score.py``) and counted:

- WRONG: any of the six fields differs from the truth, or the row is invented (aligned to no
  truth row);
- RIGHT: all six fields equal the truth;
- flagged: the row carries a ``layout-uncertain`` or ``low-confidence`` finding.

The bar (issue 10): at least 90% of wrong rows flagged and at most 2% of right rows flagged,
for every run. Truth rows that were never read (a dropped row, an unreadable file) cannot
carry a flag; they are listed apart (an unreadable file exits 2, never a silent pass).

Runs:

- ``corpus``: ``../shared/corpus`` read by this checkout's readers (in process), or the
  JSON outputs of ``../shared/corpus/run.sh OUT`` with ``--outputs OUT`` (or of
  ``benchmarks/old_readers.py COMMIT OUT``: an older commit's readers, today's evidence);
- ``samples``: the committed samples (``samples/``) against their specs' expected rows;
- ``hard``: samples drawn here at the settings where readers fail (borderless tables with
  tight cell padding and small row gaps, large leading, scans on grey paper at low dpi), from
  the sample specs, each with the expected rows derived from its spec.

    python benchmarks/bench_doubt.py corpus [--ids 'c02-*,c05-*'] [--outputs OUT]
    python benchmarks/bench_doubt.py samples
    python benchmarks/bench_doubt.py hard [--keep DIR]
    python benchmarks/bench_doubt.py all
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib.util
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
VERIFY = {"layout-uncertain", "low-confidence"}
WRONG_BAR, RIGHT_BAR = 0.90, 0.02


def load_scorer(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"bench_doubt: no scorer at {corpus / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Tally:
    name: str
    wrong: int = 0
    wrong_flagged: int = 0
    right: int = 0
    right_flagged: int = 0
    lost: int = 0  # truth rows never read
    note: str = ""

    def add(self, other: Tally) -> None:
        self.wrong += other.wrong
        self.wrong_flagged += other.wrong_flagged
        self.right += other.right
        self.right_flagged += other.right_flagged
        self.lost += other.lost

    @property
    def wrong_share(self) -> float:
        return self.wrong_flagged / self.wrong if self.wrong else 1.0

    @property
    def right_share(self) -> float:
        return self.right_flagged / self.right if self.right else 0.0


def tally(name: str, truth_rows: list[dict[str, Any]], out: dict[str, Any] | None,
          scorer: ModuleType, note: str = "", misses: list[str] | None = None) -> Tally:
    """Count one document's rows; ``out`` is its ``rak check --format json`` object."""
    t = Tally(name, note=note)
    if out is None:
        t.lost = len(truth_rows)
        return t
    rows = out.get("rows") or []
    flagged = {f.get("row") for f in out.get("findings") or []
               if f.get("rule") in VERIFY and f.get("row") is not None}
    pairs = scorer.align(truth_rows, rows)
    p2t = {j: i for i, j in pairs.items()}
    t.lost = len(truth_rows) - len(pairs)
    for j, row in enumerate(rows):
        i = p2t.get(j)
        bad = (["invented"] if i is None else
               [f for f in scorer.FIELDS if not scorer.field_eq(row, truth_rows[i], f)])
        hit = (j + 1) in flagged
        if bad:
            t.wrong += 1
            t.wrong_flagged += hit
            if not hit and misses is not None:
                misses.append(f"{name} row {j + 1}: wrong {bad} not flagged "
                              f"(keyakinan {row.get('keyakinan')}, alasan {row.get('alasan')})"
                              + _differences(row, truth_rows[i] if i is not None else None,
                                             bad, scorer))
        else:
            t.right += 1
            t.right_flagged += hit
            if hit and misses is not None:
                misses.append(f"{name} row {j + 1}: right but flagged "
                              f"(keyakinan {row.get('keyakinan')}, alasan {row.get('alasan')})")
    return t


def _differences(row: dict[str, Any], truth: dict[str, Any] | None, bad: list[str],
                 scorer: ModuleType) -> str:
    """The wrong fields as read and as printed, so a miss can be studied from the list."""
    if truth is None:
        return ""
    return "".join(f"\n    {f}: read {scorer.field_value(row, f)!r}"
                   f"\n    {' ' * len(f)}  want {scorer.field_value(truth, f)!r}" for f in bad)


def check_file(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The check output of one file, read in process as ``rak check --format json`` does."""
    from checks import run_checks
    from extractor import extract
    from extractor.errors import RakError

    try:
        doc = extract(path)
    except RakError as e:
        return None, f"unreadable: {e.message('en')}"
    data = doc.to_dict()
    data["findings"] = [f.to_dict() for f in run_checks(doc)]
    return data, ""


# --- the corpus -----------------------------------------------------------------------------


def corpus_run(corpus: Path, ids: list[str] | None, outputs: Path | None,
               scorer: ModuleType, misses: list[str]) -> list[Tally]:
    tallies = []
    for truth_path in sorted(corpus.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        ident = truth["id"]
        if ids and not any(fnmatch.fnmatch(ident, p) for p in ids):
            continue
        if outputs is not None:
            out, status = scorer.load_pred(str(outputs), ident)
            note = "" if status == "ok" else status
        else:
            out, note = check_file(corpus / truth["file"])
        tallies.append(tally(ident, truth["rows"], out, scorer, note, misses))
    return tallies


# --- the committed samples -----------------------------------------------------------------


def samples_run(samples: Path, scorer: ModuleType, misses: list[str]) -> list[Tally]:
    """Every committed sample with its spec's expected rows (scans share their source's)."""
    tallies = []
    for want_path in sorted(samples.glob("*.expected.json")):
        name = want_path.name.removesuffix(".expected.json")
        want = json.loads(want_path.read_text("utf-8"))
        if want.get("jenis") == "pk":
            continue  # a Perjanjian Kinerja: its rows have no schedule to score
        files = [p for p in sorted(samples.glob(f"{name}.*")) if p.suffix != ".json"]
        files += sorted(samples.glob(f"{name}-scan-*.pdf"))
        for path in files:
            out, note = check_file(path)
            tallies.append(tally(path.name, want["rows"], out, scorer, note, misses))
    return tallies


# --- hard samples ---------------------------------------------------------------------------


def _drawn(work: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """Borderless PDFs at the settings that break column and row finding."""
    from samples.build.pdf_variants import tanpa_garis, tanpa_garis_tw
    from samples.build.pdf_writer import write_pdf
    from samples.build.spec import expected

    settings = {
        "pad0.8-gap1.5": {"pad": 0.8, "row_gap": 1.5},
        "pad0.5-gap1": {"pad": 0.5, "row_gap": 1.0},
        "leading1.6": {"leading": 11.2, "row_gap": 2.0},
        "font6-pad1": {"font_size": 6.0, "leading": 7.2, "pad": 1.0, "row_gap": 1.5},
    }
    out = []
    for make in (tanpa_garis, tanpa_garis_tw):
        doc, options = make()
        for label, changes in settings.items():
            path = work / f"{doc.name}-{label}.pdf"
            write_pdf(doc, path, replace(options, **changes))
            out.append((path.stem, path, expected(doc)))
    return out


def _scans(work: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """Scans on grey paper at low dpi (the scan builder's roughening, paper darkened)."""
    from samples.build.pdf_variants import centang_gambar, diputar
    from samples.build.pdf_writer import write_pdf
    from samples.build.scan import ScanOptions, make_scan
    from samples.build.spec import expected

    out = []
    for make, dpi, paper in ((centang_gambar, 110, 0.75), (diputar, 150, 0.67)):
        doc, options = make()
        clean = work / f"{doc.name}-clean.pdf"
        write_pdf(doc, clean, replace(options, turns=()))
        path = make_scan(clean, work / f"{doc.name}-scan{dpi}-grey{round(paper * 100)}.pdf",
                         ScanOptions(dpi=dpi, paper=paper))
        out.append((path.stem, path, expected(doc)))
    return out


def hard_run(work: Path, scorer: ModuleType, misses: list[str]) -> list[Tally]:
    tallies = []
    for name, path, want in [*_drawn(work), *_scans(work)]:
        out, note = check_file(path)
        tallies.append(tally(name, want["rows"], out, scorer, note, misses))
    return tallies


# --- output ---------------------------------------------------------------------------------


def print_run(title: str, tallies: list[Tally]) -> bool:
    total = Tally("ALL")
    width = max([len(t.name) for t in tallies] + [12])
    print(f"\n== {title}")
    print(f"{'document':{width}}  {'wrong':>5} {'flag':>5}  {'right':>5} {'flag':>5}  "
          f"{'lost':>4}  note")
    for t in tallies:
        total.add(t)
        print(f"{t.name:{width}}  {t.wrong:5d} {t.wrong_flagged:5d}  {t.right:5d} "
              f"{t.right_flagged:5d}  {t.lost:4d}  {t.note}")
    ok = total.wrong_share >= WRONG_BAR and total.right_share <= RIGHT_BAR
    print(f"{title}: wrong rows flagged {total.wrong_flagged}/{total.wrong} = "
          f"{total.wrong_share:.1%} (bar >= {WRONG_BAR:.0%}); right rows flagged "
          f"{total.right_flagged}/{total.right} = {total.right_share:.1%} "
          f"(bar <= {RIGHT_BAR:.0%}); truth rows never read: {total.lost}  "
          f"{'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", choices=["corpus", "samples", "hard", "all"])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--ids", help="comma-separated globs of corpus ids")
    ap.add_argument("--outputs", type=Path, help="score these run.sh outputs instead")
    ap.add_argument("--keep", type=Path, help="write the hard samples here (kept)")
    ap.add_argument("--misses", action="store_true", help="list every miss and false flag")
    a = ap.parse_args(argv)
    scorer = load_scorer(a.corpus)
    misses: list[str] = []
    ok = True
    if a.run in ("corpus", "all"):
        ids = a.ids.split(",") if a.ids else None
        ok &= print_run("corpus", corpus_run(a.corpus, ids, a.outputs, scorer, misses))
    if a.run in ("samples", "all"):
        ok &= print_run("samples", samples_run(ROOT / "samples", scorer, misses))
    if a.run in ("hard", "all"):
        if a.keep is not None:
            a.keep.mkdir(parents=True, exist_ok=True)
            ok &= print_run("hard samples", hard_run(a.keep, scorer, misses))
        else:
            with tempfile.TemporaryDirectory(prefix="rak-bench-doubt-") as tmp:
                ok &= print_run("hard samples", hard_run(Path(tmp), scorer, misses))
    if a.misses:
        print("\n".join(["", *misses]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
