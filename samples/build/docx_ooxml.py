"""Raw OOXML pieces python-docx has no API for: shading, table borders and widths, repeating
header rows, vertical merges, and a zip rewrite with fixed timestamps.

Kept apart from the writer so the writer reads as "what a RAK looks like" and this file as
"how Word spells it". Element order inside ``w:tcPr``/``w:tblPr`` follows the schema: Word
refuses a file whose children are out of order even where LibreOffice is lenient.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Cell

ZIP_TIME = (2024, 1, 2, 8, 0, 0)


def el(tag: str, **attrs: str) -> OxmlElement:
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def insert_before(parent: OxmlElement, child: OxmlElement, successors: tuple[str, ...]) -> None:
    """Insert ``child`` respecting the schema's element order (Word rejects wrong order)."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def set_shading(cell: _Cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = el("w:shd", val="clear", color="auto", fill=fill)
    insert_before(
        tc_pr,
        shd,
        ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    )


def set_table_props(
    table: Table, widths_cm: list[float], *, borders: bool = True, cell_margin_twips: int = 57
) -> None:
    """Fixed layout, explicit widths, left/right cell margins and, unless the table's style
    draws them, single ruling lines on every cell."""
    tbl_pr = table._tbl.tblPr
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = el("w:tblW")
        insert_before(
            tbl_pr,
            tbl_w,
            ("w:jc", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
        )
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(int(Cm(w).twips) for w in widths_cm)))
    if borders:
        rules = el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            rules.append(el(f"w:{side}", val="single", sz="4", space="0", color="000000"))
        insert_before(tbl_pr, rules, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"))
    margins = el("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(el(f"w:{side}", w=str(cell_margin_twips), type="dxa"))
    insert_before(tbl_pr, margins, ("w:tblLook",))
    for col, width in zip(table.columns, widths_cm):
        col.width = Cm(width)


def mark_repeating_header(row_tr: OxmlElement) -> None:
    tr_pr = row_tr.get_or_add_trPr()
    tr_pr.append(el("w:tblHeader"))


def vmerge(cell: _Cell, value: str) -> None:
    cell._tc.vMerge = value


def normalize_zip(path: Path) -> None:
    """Rewrite a zip with fixed member timestamps so regenerating does not churn."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
