"""A Word RAK whose table wears a built-in table style, then LibreOffice's PDF of it.

``docx_writer`` gives every table plain single 0.5 pt rules. Offices click a table style
instead ("Table Grid", "Light Grid - Accent 1", "Medium Grid 3 - Accent 5" ...): the rules
come from the style, often with a heavier frame or header rule, banded rows tinted under the
text and a dark header row in white letters; or they set borders by hand, of varied widths
and kinds (double, thick). In the PDF those become rules of several widths and fills under
whole rows, which is what this writer is for.

The table is built by ``docx_writer.build_docx`` (same text, merges and widths, so the
spec still decides what a correct extraction is) and then restyled: its explicit borders
are replaced by the style's and by ``StyledOptions``' own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from .convert import docx_to_pdf
from .docx_ooxml import el, insert_before, normalize_zip
from .docx_writer import WriterOptions, build_docx
from .spec import SampleDoc, write_expected

BORDER_KINDS = ("single", "double", "thick", "dotted", "dashed", "thinThickSmallGap")


@dataclass(frozen=True)
class StyledOptions:
    """The table style and hand-set borders; sizes in eighths of a point, as Word's ``sz``."""

    style: str = "Table Grid"
    # Hand-set borders over the style's: None keeps the style's own.
    outer: tuple[str, int] | None = None  # kind, size of the frame
    inner: tuple[str, int] | None = None  # kind, size of the rules inside
    header_rule: tuple[str, int] | None = None  # under the header rows
    banded: bool = True  # the style's banded-row tint on (tblLook)
    writer: WriterOptions = field(default_factory=WriterOptions)

    def __post_init__(self) -> None:
        for name in ("outer", "inner", "header_rule"):
            border = getattr(self, name)
            if border is None:
                continue
            kind, size = border
            if kind not in BORDER_KINDS or not 2 <= size <= 96:
                raise ValueError(f"{name}: kind in {BORDER_KINDS}, size 2..96 eighths of a pt")


def _border(side: str, border: tuple[str, int]) -> object:
    kind, size = border
    return el(f"w:{side}", val=kind, sz=str(size), space="0", color="000000")


def _restyle_table(table: object, options: StyledOptions) -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    table.style = options.style  # type: ignore[attr-defined]
    if options.outer or options.inner:
        borders = el("w:tblBorders")
        for side in ("top", "left", "bottom", "right"):
            if options.outer:
                borders.append(_border(side, options.outer))
        for side in ("insideH", "insideV"):
            if options.inner:
                borders.append(_border(side, options.inner))
        insert_before(tbl_pr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = el("w:tblLook")
        tbl_pr.append(look)
    flags = {
        "firstRow": "1",
        "lastRow": "0",
        "firstColumn": "0",
        "lastColumn": "0",
        "noHBand": "0" if options.banded else "1",
        "noVBand": "1",
    }
    look.set(qn("w:val"), "04A0" if options.banded else "0420")
    for key, value in flags.items():
        look.set(qn(f"w:{key}"), value)
    if options.header_rule:
        _rule_under_header(table, options.header_rule)


def _rule_under_header(table: object, border: tuple[str, int]) -> None:
    """A heavier rule under the last repeated header row, set on its cells."""
    rows = list(table.rows)  # type: ignore[attr-defined]
    header = [
        r for r in rows if r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    if not header:
        return
    for cell in header[-1].cells:
        tc_pr = cell._tc.get_or_add_tcPr()
        borders = tc_pr.find(qn("w:tcBorders"))
        if borders is None:
            borders = el("w:tcBorders")
            insert_before(tc_pr, borders, ("w:shd", "w:noWrap", "w:tcMar", "w:vAlign"))
        borders.append(_border("bottom", border))


def write_styled_docx(doc: SampleDoc, path: Path, options: StyledOptions) -> Path:
    document = build_docx(doc, options.writer)
    for table in document.tables:
        _restyle_table(table, options)
    document.save(str(path))
    normalize_zip(path)
    return path


def make_styled_sample(
    doc: SampleDoc, options: StyledOptions, out_dir: Path, keep_docx: bool = False
) -> Path:
    """LibreOffice's PDF of the styled Word file, and the ``.expected.json``; the ``.docx``
    is kept beside them only when asked (its PDF is what the sample is about)."""
    docx = write_styled_docx(doc, out_dir / f"{doc.name}.docx", options)
    try:
        pdf = docx_to_pdf(docx, out_dir)
    finally:
        if not keep_docx:
            docx.unlink(missing_ok=True)
    write_expected(doc, out_dir)
    return pdf
