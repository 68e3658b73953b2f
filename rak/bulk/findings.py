"""One line per finding of a bulk run, with where to look in the user's terms.

The worker turns each finding into a ``FindingLine`` (plain data the parent can pickle and
count): the rule, severity, row and message, the place the row's ``lokasi`` gives, and the
units its row's PELAKSANA names, so the parent can count findings per unit without the
document. The place is read from whatever ``lokasi`` carries: a PDF's page, an Excel sheet
and cell, a Word table and row. Keys it does not know are shown as ``key value``, so a
location added to the rows later is never lost on the way to the summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .words import bulk_word

# Keys of ``lokasi`` and how each is said; the first present of each group is used.
_SHEET_KEYS = ("sheet", "lembar", "nama_sheet")
_CELL_KEYS = ("sel", "cell", "alamat", "sel_awal")
_TABLE_KEYS = ("tabel", "table")
_TABLE_ROW_KEYS = ("baris_tabel", "table_row", "baris_di_tabel")
_PAGE_KEYS = ("halaman", "page")
# Keys that are not a place a person goes to (the RAK row number is its own column).
_NOT_PLACES = frozenset({"baris", "kotak"})


@dataclass(frozen=True, slots=True)
class FindingLine:
    rule: str
    severity: str  # "error", "warning" or "info"
    row: int | None  # 1-based RAK row; None for the whole document
    message: str
    lokasi: tuple[tuple[str, Any], ...] = ()  # the row's (or the finding's) lokasi, flat
    units: tuple[str, ...] = ()  # keys of the units the row's PELAKSANA names (grouping)

    def place(self, lang: str) -> str:
        return place(dict(self.lokasi), lang)


def flat_lokasi(lokasi: object) -> tuple[tuple[str, Any], ...]:
    """A lokasi dict (or dataclass) as sorted scalar pairs: boxes and nested data left out."""
    if lokasi is None:
        return ()
    if not isinstance(lokasi, dict):
        fields = getattr(lokasi, "__dataclass_fields__", None)
        if fields is None:
            return ()
        lokasi = {name: getattr(lokasi, name) for name in fields}
    assert isinstance(lokasi, dict)
    return tuple(sorted((str(k), v) for k, v in lokasi.items()
                        if isinstance(v, str | int | float) and not isinstance(v, bool)))


def _first(lokasi: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = lokasi.get(key)
        if value not in (None, ""):
            return value
    return None


def place(lokasi: dict[str, Any], lang: str) -> str:
    """ "Sheet1!C7", "tabel 2, baris 5", "hal. 3" (all that is known, in that order)."""
    said: list[str] = []
    used = set(_NOT_PLACES)
    sheet, cell = _first(lokasi, _SHEET_KEYS), _first(lokasi, _CELL_KEYS)
    if sheet is not None and cell is not None:
        said.append(f"{sheet}!{cell}")
    elif sheet is not None:
        said.append(bulk_word("place_sheet", lang, sheet=sheet))
    elif cell is not None:
        said.append(str(cell))
    table, table_row = _first(lokasi, _TABLE_KEYS), _first(lokasi, _TABLE_ROW_KEYS)
    if table is not None:
        said.append(bulk_word("place_table", lang, n=table))
    if table_row is not None:
        said.append(bulk_word("place_table_row", lang, n=table_row))
    page = _first(lokasi, _PAGE_KEYS)
    if page is not None:
        said.append(bulk_word("place_page", lang, n=page))
    used.update(_SHEET_KEYS + _CELL_KEYS + _TABLE_KEYS + _TABLE_ROW_KEYS + _PAGE_KEYS)
    said += [f"{k} {v}" for k, v in sorted(lokasi.items())
             if k not in used and v not in (None, "")]
    return ", ".join(said)


def finding_lines(findings: list[Any], data: dict[str, Any] | None,
                  row_units: list[tuple[str, ...]]) -> list[FindingLine]:
    """The report's findings as lines; each row finding takes its row's lokasi as the
    document JSON holds it (every key another reader may add), else the finding's own."""
    rows = (data or {}).get("rows") or []
    out = []
    for f in findings:
        lokasi: object = f.lokasi
        units: tuple[str, ...] = ()
        if f.row is not None and 0 < f.row <= len(rows) and isinstance(rows[f.row - 1], dict):
            lokasi = rows[f.row - 1].get("lokasi") or f.lokasi
        if f.row is not None and 0 < f.row <= len(row_units):
            units = row_units[f.row - 1]
        out.append(FindingLine(f.rule, f.severity.value, f.row, f.message,
                               flat_lokasi(lokasi), units))
    return out
