"""The afternoon script: what bare pdfplumber gets on ruled RAK PDFs, scored beside rak.

Issue #9 asks that where a table has ruling lines rak never does worse than the library it
stands on. This is that library used the way a person would in an afternoon: ``page.
extract_tables()`` with default settings, columns mapped by the header words (rapidfuzz),
the period columns by their labels, a cell with any text in a period column a mark, an empty
SASARAN carried down from the row above, rows taken as they come (no joining of rows a page
break cut, no shading). It knows nothing of rak's code on purpose.

    python benchmarks/baseline_tables.py [PDF ...]     # default: every ruled sample + corpus

Each PDF is scored with ``sweeplib.score`` against its ``.expected.json`` (samples) or its
``.truth.json`` (the shared corpus); the table prints rows-perfect for both and says where
rak is below the script. ``baseline_document`` is reused by the sweeps.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.sweeplib import Score, score  # noqa: E402
from extractor import extract  # noqa: E402
from extractor.errors import RakError  # noqa: E402
from extractor.model import DocumentMeta, Lokasi, RakDocument, Row, Source, Target  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"

# The header words an afternoon script would type in, by field.
WORDS = {
    "sasaran_kegiatan": ("SASARAN KEGIATAN", "SASARAN STRATEGIS", "SASARAN"),
    "indikator_kinerja": ("INDIKATOR KINERJA", "INDIKATOR"),
    "target": ("TARGET",),
    "kegiatan": ("KEGIATAN", "RENCANA AKSI", "RENCANA KEGIATAN"),
    "pelaksana": ("PELAKSANA", "PENANGGUNG JAWAB", "PIC", "UNIT KERJA"),
}
MONTHS = (
    ("JAN",),
    ("FEB", "PEB"),
    ("MAR",),
    ("APR",),
    ("MEI", "MAY"),
    ("JUN",),
    ("JUL",),
    ("AGU", "AGT", "AGS", "AUG"),
    ("SEP",),
    ("OKT", "OCT"),
    ("NOV", "NOP"),
    ("DES", "DEC"),
)
QUARTERS = ("TW I", "TW II", "TW III", "TW IV")


def _clean(cell: str | None) -> str:
    return re.sub(r"\s+", " ", cell or "").strip()


def _field(cell: str) -> str | None:
    text = _clean(cell).upper()
    best, best_score = None, 0.0
    for name, words in WORDS.items():
        for w in words:
            s = fuzz.ratio(text, w)
            if s > best_score:
                best, best_score = name, s
    return best if best_score >= 85 else None


def _period(cell: str) -> int | None:
    text = _clean(cell).upper().replace(".", "")
    m = re.fullmatch(r"B ?(\d{1,2})", text)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(1))
    for i, names in enumerate(MONTHS):
        if text[:3] in names and len(text) <= 10:
            return i + 1
    if text in QUARTERS:
        return QUARTERS.index(text) + 1
    return None


Mapping = tuple[dict[int, str], dict[int, int]]


def _header(rows: list[list[str | None]]) -> tuple[Mapping, int] | None:
    """Column -> field and column -> period from the first rows; the index of the last
    header row. Period labels are looked for on the header row and the row under it."""
    for i, row in enumerate(rows[:4]):
        fields = {j: f for j, c in enumerate(row) if (f := _field(c or "")) is not None}
        if len(set(fields.values())) < 4:
            continue
        periods: dict[int, int] = {}
        last = i
        for k in (i, i + 1):
            if k < len(rows):
                found = {j: p for j, c in enumerate(rows[k]) if (p := _period(c or ""))}
                if found:
                    periods, last = found, k
        return (fields, periods), last
    return None


def _is_number_row(row: list[str | None]) -> bool:
    texts = [_clean(c) for c in row if _clean(c)]
    return len(texts) >= 5 and all(t.isdigit() for t in texts)


def _rows(tables: Iterator[list[list[str | None]]]) -> list[Row]:
    out: list[Row] = []
    mapping: Mapping | None = None
    sasaran = ""
    for table in tables:
        found = _header(table)
        start = 0
        if found is not None:
            mapping, last = found
            start = last + 1
        if mapping is None:
            continue
        fields, periods = mapping
        for row in table[start:]:
            if _is_number_row(row) or not any(_clean(c) for c in row):
                continue
            values = {f: "" for f in WORDS}
            for j, f in fields.items():
                if j < len(row):
                    values[f] = _clean(row[j])
            sasaran = values["sasaran_kegiatan"] or sasaran
            jadwal = sorted(p for j, p in periods.items() if j < len(row) and _clean(row[j]))
            out.append(
                Row(
                    sasaran_kegiatan=sasaran,
                    indikator_kinerja=values["indikator_kinerja"],
                    target=Target(values["target"]),
                    kegiatan=values["kegiatan"],
                    jadwal=jadwal,
                    pelaksana=values["pelaksana"],
                    lokasi=Lokasi(None, len(out) + 1),
                )
            )
    return out


def baseline_document(pdf: Path) -> RakDocument:
    """The script's reading of ``pdf`` as a document ``sweeplib.score`` can take."""
    with pdfplumber.open(pdf) as doc:

        def tables() -> Iterator[list[list[str | None]]]:
            for page in doc.pages:
                yield from page.extract_tables()
                page.close()

        rows = _rows(tables())
        pages = len(doc.pages)
    return RakDocument(
        source=Source(file=pdf.name, format="pdf", pages=pages, sha256=""),
        document=DocumentMeta(),
        periode="bulan",
        rows=rows,
    )


def expected_for(pdf: Path) -> dict | None:
    for name in (f"{pdf.stem}.expected.json", f"{pdf.stem}.truth.json"):
        path = pdf.with_name(name)
        if path.exists():
            return json.loads(path.read_text("utf-8"))
    return None


# PDFs whose table has no ruling lines, or that are scans: not this script's business.
NOT_RULED = ("tanpa-garis", "noborder", "scan")


def ruled_pdfs() -> list[Path]:
    found = sorted(SAMPLES.glob("*.pdf")) + sorted(CORPUS.glob("*.pdf"))
    return [p for p in found if not any(k in p.stem for k in NOT_RULED) and expected_for(p)]


def compare(pdf: Path) -> tuple[Score, Score]:
    """(rak, script) on one PDF."""
    expected = expected_for(pdf)
    if expected is None:
        raise SystemExit(f"{pdf}: no .expected.json or .truth.json beside it")
    return score(rak_document(pdf), expected), score(baseline_document(pdf), expected)


def rak_document(pdf: Path) -> RakDocument:
    """rak's reading; a file it refuses ("no RAK table") reads as no rows."""
    try:
        return extract(pdf)
    except RakError:
        return RakDocument(
            source=Source(file=pdf.name, format="pdf", pages=None, sha256=""),
            document=DocumentMeta(),
            periode="bulan",
            rows=[],
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    args = ap.parse_args()
    pdfs = args.pdfs or ruled_pdfs()
    width = max(len(p.stem) for p in pdfs)
    print(f"{'pdf':{width}}  rows   rak      script   rak >= script")
    worse = 0
    for pdf in pdfs:
        ours, theirs = compare(pdf)
        ok = ours.rate >= theirs.rate
        worse += not ok
        print(
            f"{pdf.stem:{width}}  {ours.expected:>4}  {ours.rate:7.1%}  {theirs.rate:7.1%}  "
            f"{'yes' if ok else 'NO'}"
        )
    print(f"{len(pdfs) - worse} of {len(pdfs)} PDFs: rak at or above the script")
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
