"""Ruled RAK tables across the writers and what each varies, read by rak beside the script.

One spec (30 rows of the seed, moved to another office) is written by three writers, each
across its own parameters, one at a time from a plain default:

- ``chromium``: an HTML table printed by headless Chromium (``samples/build/html_writer``):
  border width and style, ``border-collapse``, padding, font family and size, page size and
  orientation, zoom, one long table cut by page breaks, shaded months, banded or tinted
  backgrounds;
- ``word``: a styled Word table (``samples/build/styled_docx``) printed by LibreOffice:
  built-in table styles, hand-set borders of several widths, font size, page, shading;
- ``reportlab``: a ruled table drawn straight to PDF (``samples/build/pdf_writer``):
  padding, font size, leading, drawn ticks.

Each PDF is read by rak and by the afternoon script (``baseline_tables``); the table gives
rows-perfect for both. The bar: every setting at least 99 % and never below the script.

    python benchmarks/sweep_ruled.py [--only chromium,word,reportlab] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.baseline_tables import baseline_document, rak_document  # noqa: E402
from benchmarks.sweeplib import Result, Score, score  # noqa: E402
from samples.build.convert import (
    ConversionError,  # noqa: E402
    docx_to_pdf,  # noqa: E402
)
from samples.build.docx_writer import MONTHS_SHORT, WriterOptions  # noqa: E402
from samples.build.html_writer import HtmlOptions, write_html_pdf  # noqa: E402
from samples.build.pdf_writer import PdfOptions, write_pdf  # noqa: E402
from samples.build.spec import SampleDoc, expected  # noqa: E402
from samples.build.styled_docx import StyledOptions, write_styled_docx  # noqa: E402
from samples.build.variants import UNITS_KAB, clean_seed_rows, paginate, relocate  # noqa: E402

BAR = 0.99
Writer = Callable[[SampleDoc, Path], Path]


def spec(one_table: bool = False) -> SampleDoc:
    rows = relocate(clean_seed_rows()[10:40], "Kabupaten Sekadau", "Sekadau", UNITS_KAB)
    return SampleDoc(
        name="sweep-ruled",
        pages=paginate(rows, (30,) if one_table else (4, 5, 4)),
        unit_organisasi="SEKRETARIAT KPU KABUPATEN SEKADAU",
        tahun=2025,
        tempat="SEKADAU",
        tanggal="6 JANUARI 2025",
        nama="YOHANES KRISTIANTO, S.E.",
    )


def chromium(**options: object) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        return write_html_pdf(doc, out / "sweep.pdf", HtmlOptions(**options))  # type: ignore[arg-type]

    return write


def word(**options: object) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        docx = write_styled_docx(doc, out / "sweep.docx", StyledOptions(**options))  # type: ignore[arg-type]
        return docx_to_pdf(docx, out)

    return write


def reportlab(**options: object) -> Writer:
    def write(doc: SampleDoc, out: Path) -> Path:
        return write_pdf(doc, out / "sweep.pdf", PdfOptions(**options))  # type: ignore[arg-type]

    return write


@dataclass(frozen=True)
class Setting:
    family: str
    name: str
    write: Writer
    one_table: bool = False


def _word_options(**writer: object) -> WriterOptions:
    return WriterOptions(cover=False, **writer)  # type: ignore[arg-type]


# Built-in Word table styles: grids, styles that rule only the header and frame, banded
# rows, white header cells over a tinted body, a first column without rules.
STYLES = (
    "Light Grid Accent 1",
    "Light List Accent 1",
    "Medium Shading 1 Accent 1",
    "Medium Shading 2 Accent 1",
    "Medium List 2",
    "Medium Grid 1 Accent 1",
    "Medium Grid 2 Accent 1",
    "Medium Grid 3 Accent 5",
    "Colorful Grid Accent 2",
    "Colorful Shading Accent 1",
    "Dark List Accent 1",
)

SETTINGS: list[Setting] = [
    Setting("chromium", "default 1px collapse", chromium()),
    Setting("chromium", "border 0.5px", chromium(border_px=0.5)),
    Setting("chromium", "border 2px", chromium(border_px=2)),
    Setting("chromium", "border 3px", chromium(border_px=3)),
    Setting("chromium", "double 4px", chromium(border_px=4, border_style="double")),
    Setting("chromium", "frame 3px", chromium(frame_px=3)),
    Setting("chromium", "separate 2px", chromium(collapse=False)),
    Setting(
        "chromium", "separate 5px, 1.5px", chromium(collapse=False, spacing_px=5, border_px=1.5)
    ),
    Setting("chromium", "padding 0", chromium(padding_px=0)),
    Setting("chromium", "padding 0, border 0.5px", chromium(padding_px=0, border_px=0.5)),
    Setting("chromium", "padding 8px", chromium(padding_px=8)),
    Setting("chromium", "Liberation Serif", chromium(font_family="Liberation Serif")),
    Setting("chromium", "DejaVu Sans 7pt", chromium(font_family="DejaVu Sans", font_pt=7)),
    Setting("chromium", "DejaVu Serif 9pt", chromium(font_family="DejaVu Serif", font_pt=9)),
    Setting("chromium", "font 6pt", chromium(font_pt=6)),
    Setting("chromium", "font 10pt", chromium(font_pt=10)),
    Setting("chromium", "A4 portrait 6pt", chromium(landscape=False, font_pt=6)),
    Setting("chromium", "F4 landscape", chromium(page="F4")),
    Setting("chromium", "F4 portrait 6.5pt", chromium(page="F4", landscape=False, font_pt=6.5)),
    Setting(
        "chromium",
        "fixed layout, words overflow",
        chromium(
            fixed_layout=True, landscape=False, weights=(("sasaran", 3.2), ("pelaksana", 3.8))
        ),
    ),
    Setting("chromium", "zoom 0.7", chromium(zoom=0.7)),
    Setting("chromium", "zoom 1.15, 7pt", chromium(zoom=1.15, font_pt=7)),
    Setting("chromium", "month names", chromium(periods=MONTHS_SHORT)),
    Setting("chromium", "untagged", chromium(tagged=False)),
    Setting("chromium", "no header fill", chromium(header_fill=None)),
    Setting("chromium", "banded rows", chromium(stripe_fill="#cccccc")),
    Setting("chromium", "shaded months", chromium(shade_marks=True)),
    Setting("chromium", "shaded + banded", chromium(shade_marks=True, stripe_fill="#e0e0e0")),
    Setting("chromium", "shaded + tinted cells", chromium(shade_marks=True, cell_fill="#fff2cc")),
    Setting("chromium", "separate, shaded", chromium(collapse=False, shade_marks=True)),
    Setting("chromium", "one table, rows cut", chromium(one_table=True), one_table=True),
    Setting(
        "chromium",
        "one table, rows whole",
        chromium(one_table=True, split_rows=False),
        one_table=True,
    ),
    Setting(
        "chromium", "one table, separate", chromium(one_table=True, collapse=False), one_table=True
    ),
    Setting(
        "chromium", "one table, shaded", chromium(one_table=True, shade_marks=True), one_table=True
    ),
    Setting("word", "Table Grid", word(writer=_word_options())),
    *[Setting("word", style, word(style=style, writer=_word_options())) for style in STYLES],
    Setting(
        "word",
        "frame 2.25pt, double head",
        word(
            outer=("single", 18),
            inner=("single", 4),
            header_rule=("double", 6),
            writer=_word_options(),
        ),
    ),
    Setting(
        "word",
        "thick frame 3pt",
        word(outer=("thick", 24), inner=("single", 2), writer=_word_options()),
    ),
    Setting(
        "word",
        "double rules",
        word(outer=("double", 6), inner=("double", 4), writer=_word_options()),
    ),
    Setting("word", "font 7pt", word(writer=_word_options(font_size=7.0))),
    Setting("word", "font 10pt F4", word(writer=_word_options(font_size=10.0, page="F4"))),
    Setting(
        "word",
        "shaded, Medium Grid 3",
        word(
            style="Medium Grid 3 Accent 1",
            writer=_word_options(mark_style="shade", shade_fill="404040"),
        ),
    ),
    Setting(
        "word",
        "one table, Light Grid",
        word(style="Light Grid Accent 1", writer=_word_options(one_table=True)),
        one_table=True,
    ),
    Setting("reportlab", "default", reportlab()),
    Setting("reportlab", "padding 1pt", reportlab(pad=1.0)),
    Setting("reportlab", "padding 6pt", reportlab(pad=6.0)),
    Setting("reportlab", "font 6pt", reportlab(font_size=6.0, leading=7.2)),
    Setting("reportlab", "font 9pt", reportlab(font_size=9.0, leading=10.8)),
    Setting("reportlab", "leading 11.2", reportlab(leading=11.2)),
    Setting("reportlab", "number row", reportlab(number_row=True)),
    Setting(
        "reportlab", "drawn ticks", reportlab(mark_styles=("lines", "curve", "polygon", "image"))
    ),
]


def run(setting: Setting, keep: Path | None) -> tuple[Result, Score | None]:
    doc = spec(setting.one_table)
    want = expected(doc)
    with tempfile.TemporaryDirectory(prefix="sweep-ruled-") as tmp:
        out = Path(tmp)
        try:
            pdf = setting.write(doc, out)
        except ConversionError as e:
            return Result(setting.family, setting.name, None, str(e)[:80]), None
        if keep is not None:
            name = f"{setting.family}-{setting.name}".replace(" ", "_").replace("/", "-")
            (keep / f"{name}.pdf").write_bytes(pdf.read_bytes())
        ours = score(rak_document(pdf), want)
        theirs = score(baseline_document(pdf), want)
    return Result(setting.family, setting.name, ours), theirs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated families (chromium, word, reportlab)")
    ap.add_argument("--keep", type=Path, help="copy each PDF here")
    args = ap.parse_args()
    families = set(args.only.split(",")) if args.only else None
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    width = max(len(s.name) for s in SETTINGS)
    print(f"{'family':10} {'setting':{width}}  rows exp/read   rak  script  ok")
    failed = 0
    for setting in SETTINGS:
        if families and setting.family not in families:
            continue
        result, theirs = run(setting, args.keep)
        ours = result.score
        if ours is None or theirs is None:
            failed += 1
            print(f"{setting.family:10} {setting.name:{width}}  not written: {result.error}")
            continue
        ok = ours.rate >= BAR and ours.rate >= theirs.rate
        failed += not ok
        print(
            f"{setting.family:10} {setting.name:{width}}  {ours.expected:>4}/{ours.read:<4}  "
            f"{ours.rate:6.1%} {theirs.rate:6.1%}  {'yes' if ok else 'NO'}",
            flush=True,
        )
    print(f"bar: every setting >= {BAR:.0%} and >= the script; {failed} below")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
