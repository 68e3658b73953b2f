"""Sweep the Word writer across what offices vary, and read each result as .docx and as PDF.

    python benchmarks/sweep_word.py [--only SETTING ...] [--keep DIR]

One spec (24 of the seed's activities, one long table so that page breaks cut rows and
merged SASARAN cells) is written at each setting: a built-in table style instead of direct
borders, cell margins, fonts and sizes, row heights, page size and orientation, shaded
months instead of ticks, group heading rows, paragraphs with "- " lines. Each .docx is read
back, then converted by LibreOffice (``samples/build/convert.py``) and the PDF read back;
both are scored against the spec with ``sweeplib``. The bar is 99% of rows perfect at every
setting. LibreOffice takes a few seconds a file, so the sweep is one axis at a time from
the default, not their product.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sweeplib import Result, all_pass, print_table, score  # noqa: E402

from extractor import extract  # noqa: E402
from extractor.errors import RakError  # noqa: E402
from samples.build.convert import ConversionError, docx_to_pdf  # noqa: E402
from samples.build.docx_writer import WriterOptions, write_docx  # noqa: E402
from samples.build.spec import SampleDoc, SamplePage, expected  # noqa: E402
from samples.build.variants import (  # noqa: E402
    UNITS_KAB,
    clean_seed_rows,
    grouped,
    relocate,
    with_steps,
)

BAR = 0.99
BASE = WriterOptions(one_table=True, cover=False)

SETTINGS: dict[str, WriterOptions] = {
    "direct borders": BASE,
    "style Table Grid": replace(BASE, table_style="Table Grid"),
    "style Light Grid": replace(BASE, table_style="Light Grid Accent 1"),
    "style Medium Shading": replace(BASE, table_style="Medium Shading 1 Accent 1"),
    "cell margin 1 pt": replace(BASE, cell_margin_pt=1.0),
    "cell margin 6 pt": replace(BASE, cell_margin_pt=6.0),
    "font Times 8": replace(BASE, font="Times New Roman"),
    "font DejaVu 8": replace(BASE, font="DejaVu Sans"),
    "font Arial 7": replace(BASE, font_size=7.0),
    "font Arial 10": replace(BASE, font_size=10.0),
    "row height 1.5 cm": replace(BASE, row_height_cm=1.5),
    "page F4": replace(BASE, page="F4"),
    "page A4 portrait": replace(BASE, orientation="portrait", font_size=6.0, margin_cm=1.0),
    "shaded months": replace(BASE, mark_style="shade", table_style="Table Grid"),
    "shaded, centred merges": replace(BASE, mark_style="shade", center_merges=True),
    "group rows, paragraphs": replace(BASE, group_rows="text", paragraphs=True),
}
# Settings whose spec carries group headings and "- " paragraphs.
GROUPED = {"group rows, paragraphs"}


def spec(setting: str) -> SampleDoc:
    rows = relocate(clean_seed_rows()[:24], "Kabupaten Sekadau", "Sekadau", UNITS_KAB)
    if setting in GROUPED:
        rows = with_steps(grouped(rows, 5))
    return SampleDoc(
        name="sweep-word",
        pages=[SamplePage(rows=rows)],
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SEKADAU",
        tempat="SEKADAU",
        tanggal="JANUARI 2024",
    )


def run(setting: str, options: WriterOptions, out: Path) -> list[Result]:
    doc = spec(setting)
    want = expected(doc)
    folder = out / setting.replace(" ", "-").replace(",", "")
    folder.mkdir(parents=True, exist_ok=True)
    docx = write_docx(doc, folder / "sweep-word.docx", options)
    results = [_read("docx", setting, docx, want)]
    try:
        pdf = docx_to_pdf(docx, folder)
    except ConversionError as e:
        return [*results, Result("word/pdf", setting, None, str(e))]
    return [*results, _read("word/pdf", setting, pdf, want)]


def _read(family: str, setting: str, path: Path, want: dict) -> Result:
    try:
        return Result(family, setting, score(extract(path), want))
    except RakError as e:
        return Result(family, setting, None, str(e))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="settings to run (default: all)")
    parser.add_argument("--keep", type=Path, help="keep the files written here")
    args = parser.parse_args(argv)
    names = args.only or list(SETTINGS)
    unknown = [n for n in names if n not in SETTINGS]
    if unknown:
        parser.error(f"unknown setting(s): {unknown}; known: {list(SETTINGS)}")
    with tempfile.TemporaryDirectory(prefix="sweep-word-") as tmp:
        out = args.keep or Path(tmp)
        results = [r for name in names for r in run(name, SETTINGS[name], out)]
    print_table(results, BAR)
    return 0 if all_pass(results, BAR) else 1


if __name__ == "__main__":
    raise SystemExit(main())
