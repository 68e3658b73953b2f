"""Regenerate the sample corpus: ``python -m samples.build.make_all [NAME ...] [--no-pdf]``.

Each sample is a spec (``SampleDoc``) plus writer options. From one spec come the .docx, its
LibreOffice PDF and the ``.expected.json`` a correct extractor must reproduce, so the three can
never drift apart. Run from the repository root; files land in ``samples/``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .convert import docx_to_pdf
from .docx_writer import WriterOptions, write_docx
from .pdf_writer import PdfOptions, make_drawn_sample
from .seed import load_seed
from .spec import SampleDoc, write_expected

SAMPLES_DIR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class WordSample:
    """One Word-born sample: its spec and how the writer lays it out."""

    doc: SampleDoc
    options: WriterOptions


def seed_sample() -> WordSample:
    return WordSample(load_seed(), WriterOptions())


def word_samples() -> dict[str, Callable[[], WordSample]]:
    """Builders by sample name; the variants module is imported lazily so the seed alone
    builds even while the variants are being edited."""
    builders: dict[str, Callable[[], WordSample]] = {"rak-kubu-raya-2024": seed_sample}
    try:
        from . import variants
    except ImportError:
        return builders
    for name, build in variants.VARIANTS.items():
        builders[name] = lambda build=build: WordSample(*build())
    return builders


def drawn_samples() -> dict[str, Callable[[], tuple[SampleDoc, PdfOptions]]]:
    """Samples drawn straight to PDF by reportlab (no Word file, no LibreOffice)."""
    from . import pdf_variants

    return dict(pdf_variants.DRAWN)


def make_word_sample(sample: WordSample, out_dir: Path = SAMPLES_DIR, pdf: bool = True) -> None:
    docx = write_docx(sample.doc, out_dir / f"{sample.doc.name}.docx", sample.options)
    if pdf:
        docx_to_pdf(docx, out_dir)
    write_expected(sample.doc, out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="samples to build (default: all)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice step")
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    builders = word_samples()
    names = args.names or list(builders)
    drawn = drawn_samples()
    drawn_names = [n for n in (args.names or list(drawn)) if n in drawn]
    names = [n for n in names if n not in drawn]
    unknown = [n for n in names if n not in builders]
    if unknown:
        parser.error(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(builders)}")
    for name in names:
        make_word_sample(builders[name](), args.out, pdf=not args.no_pdf)
        print(f"built {name}", file=sys.stderr)
    for name in drawn_names:
        make_drawn_sample(*drawn[name](), args.out)
        print(f"built {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
