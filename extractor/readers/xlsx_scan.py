"""What a workbook will cost before openpyxl builds it: its cells, merged ranges and DTDs.

openpyxl (``read_only=False``, the only mode that keeps merged ranges) makes one object per
cell of a sheet and one per cell *covered* by a merged range, all at load time: a 13 KB file
holding ``<mergeCell ref="A100:XFD1048576"/>`` asks for 17 billion of them. So every XML part
of the package is streamed here first (lxml ``iterparse``: no DTD loaded, no entity resolved,
elements dropped as they pass) and the cells and merged areas of each worksheet are counted;
a workbook whose count would not fit the memory budget is refused before ``load_workbook``,
naming what is too big. A part that declares a DTD is refused outright (one line, as the Word
reader does): nothing in a workbook needs one.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from openpyxl.utils.cell import range_boundaries

from ..errors import MemoryLimitExceeded, UnreadableDocument
from ..options import ExtractOptions

# What openpyxl 3.1 holds per Cell or MergedCell on CPython 3.11, measured (a million cells
# of each: 240 and 290 MB of RSS), rounded up.
CELL_BYTES = 300
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@dataclass(slots=True)
class SheetCost:
    """The objects openpyxl would make for one worksheet part."""

    part: str
    cells: int = 0
    merged: int = 0  # cells covered by merged ranges
    largest: str = ""  # the largest merged range
    largest_area: int = 0

    @property
    def objects(self) -> int:
        return self.cells + self.merged


def check_workbook(path: Path, zf: zipfile.ZipFile, options: ExtractOptions) -> int:
    """Refuse a DTD in any part, or sheets that would not fit the budget; return the bytes
    openpyxl is expected to use (the sheet walk gets what is left)."""
    costs = [c for c in (_scan_part(path, zf, name) for name in _xml_parts(zf)) if c]
    needed = sum(c.objects for c in costs) * CELL_BYTES
    budget = options.memory_bytes
    if budget is not None and needed > budget:
        worst = max(costs, key=lambda c: c.objects)
        if worst.merged >= worst.cells:
            what = f"{worst.part}: mergeCell {worst.largest} ({worst.largest_area} cells)"
        else:
            what = f"{worst.part}: {worst.cells} cells"
        raise MemoryLimitExceeded(str(path), options.memory_mb, what)
    return needed


def _xml_parts(zf: zipfile.ZipFile) -> list[str]:
    return [i.filename for i in zf.infolist()
            if i.filename.lower().endswith((".xml", ".rels")) and not i.is_dir()]


def _scan_part(path: Path, zf: zipfile.ZipFile, name: str) -> SheetCost | None:
    """Count a worksheet part's cells and merged areas; None for a part of another kind."""
    cost: SheetCost | None = None
    try:
        with zf.open(name) as fh:
            events = etree.iterparse(fh, events=("start", "end"), resolve_entities=False,
                                     no_network=True, load_dtd=False, huge_tree=False)
            for event, el in events:
                if cost is None:
                    if el.getroottree().docinfo.doctype:
                        raise UnreadableDocument(str(path), f"{name} declares a DTD")
                    if el.tag != f"{_MAIN}worksheet":
                        return None
                    cost = SheetCost(name)
                    continue
                if event != "end":
                    continue
                if el.tag == f"{_MAIN}c":
                    cost.cells += 1
                elif el.tag == f"{_MAIN}mergeCell":
                    _add_merge(cost, el.get("ref") or "")
                elif el.tag != f"{_MAIN}row":
                    continue
                el.clear()  # keep memory flat over a sheet of millions of cells
                while el.getprevious() is not None:
                    del el.getparent()[0]
    except etree.XMLSyntaxError as e:
        if cost is None:
            return None  # not XML that matters here; openpyxl reports it if it reads it
        raise UnreadableDocument(str(path), f"{name}: {e}") from e
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as e:
        raise UnreadableDocument(str(path), f"zip: {e}") from e
    return cost


def _add_merge(cost: SheetCost, ref: str) -> None:
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
    except (ValueError, TypeError):
        return  # openpyxl refuses it when it loads the sheet
    if min_col is None or min_row is None or max_col is None or max_row is None:
        return
    area = (max_col - min_col + 1) * (max_row - min_row + 1)
    cost.merged += area
    if area > cost.largest_area:
        cost.largest, cost.largest_area = ref, area

