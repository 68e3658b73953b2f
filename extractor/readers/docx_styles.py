"""What Word's styles and numbering add to a cell: a table style's fills, list labels.

A table given a built-in style (``Table Grid``, ``Light Grid Accent 1``) carries its borders
and fills in ``styles.xml``, not on its cells: header rows, banded rows and first columns
are painted by the style's conditional formatting (``w:tblStylePr``), switched on by the
table's ``w:tblLook``. Those fills are the table's pattern, the same on every band; a fill
the writer put on one cell is what stands out. So a cell reads as ``shaded`` when what it
shows differs from what the style paints at its place and is dark.

A paragraph in a list shows a label ("1.", "a)", "-", "•") that is not in its text: Word
draws it from ``numbering.xml``. The label is put back in front of the text, as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .docx_xml import Names, painted, small_int

# Conditional formats from weakest to strongest (ECMA-376 17.7.6).
_BANDS = ("band1Vert", "band2Vert", "band1Horz", "band2Horz")
_EDGES = ("firstCol", "lastCol", "firstRow", "lastRow")
_CORNERS = ("nwCell", "neCell", "swCell", "seCell")
# tblLook's legacy hex mask (w:val) when the attributes are absent.
_LOOK_BITS = {
    "firstRow": 0x0020,
    "lastRow": 0x0040,
    "firstColumn": 0x0080,
    "lastColumn": 0x0100,
    "noHBand": 0x0200,
    "noVBand": 0x0400,
}
# Symbol-font bullets as they print.
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖"}

Rgb = tuple[int, int, int]


@dataclass(slots=True)
class TableStyle:
    whole: Rgb | None = None
    conditional: dict[str, Rgb] = field(default_factory=dict)
    row_band: int = 1
    col_band: int = 1


@dataclass(slots=True)
class Look:
    first_row: bool = False
    last_row: bool = False
    first_col: bool = False
    last_col: bool = False
    h_band: bool = True
    v_band: bool = True


def read_look(tblpr: etree._Element | None, names: Names) -> Look:
    el = tblpr.find(names.q("tblLook")) if tblpr is not None else None
    if el is None:
        return Look()
    mask = small_int_hex(el.get(names.val))

    def flag(attr: str) -> bool:
        value = el.get(names.q(attr))
        if value is not None:
            return value.lower() in ("1", "true", "on")
        return bool(mask & _LOOK_BITS[attr])

    return Look(
        first_row=flag("firstRow"),
        last_row=flag("lastRow"),
        first_col=flag("firstColumn"),
        last_col=flag("lastColumn"),
        h_band=not flag("noHBand"),
        v_band=not flag("noVBand"),
    )


def small_int_hex(value: str | None) -> int:
    try:
        return int(value or "0", 16)
    except ValueError:
        return 0


class Styles:
    """Table styles and paragraph-style list numbering from ``styles.xml``."""

    def __init__(self, root: etree._Element | None, names: Names) -> None:
        self.names = names
        self._raw: dict[str, etree._Element] = {}
        if root is not None:
            for st in root.iter(names.q("style")):
                sid = st.get(names.q("styleId"))
                if sid:
                    self._raw[sid] = st
        self._tables: dict[str, TableStyle] = {}

    def _chain(self, sid: str | None) -> list[etree._Element]:
        """The style and those it is based on, base first (a loop ends the chain)."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while sid and sid in self._raw and sid not in seen:
            seen.add(sid)
            st = self._raw[sid]
            chain.append(st)
            based = st.find(self.names.q("basedOn"))
            sid = based.get(self.names.val) if based is not None else None
        return chain[::-1]

    def table(self, sid: str | None) -> TableStyle:
        if not sid:
            return TableStyle()
        if sid not in self._tables:
            self._tables[sid] = self._build_table(sid)
        return self._tables[sid]

    def _build_table(self, sid: str) -> TableStyle:
        n = self.names
        style = TableStyle()
        for st in self._chain(sid):
            tblpr = st.find(n.q("tblPr"))
            if tblpr is not None:
                style.row_band = small_int(_val(tblpr, n.q("tblStyleRowBandSize"), n), 1, 1)
                style.col_band = small_int(_val(tblpr, n.q("tblStyleColBandSize"), n), 1, 1)
            fill = _fill(st.find(n.tcPr), n)
            if fill is not None:
                style.whole = fill
            for cond in st.findall(n.q("tblStylePr")):
                fill = _fill(cond.find(n.tcPr), n)
                if fill is not None:
                    style.conditional[cond.get(n.q("type"), "")] = fill
        return style

    def numbering_of(self, sid: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) a paragraph style puts its paragraphs in, if any."""
        found: tuple[str, int] | None = None
        for st in self._chain(sid):
            ppr = st.find(self.names.pPr)
            num = ppr.find(self.names.q("numPr")) if ppr is not None else None
            if num is not None:
                num_id = _val(num, self.names.q("numId"), self.names)
                ilvl = small_int(_val(num, self.names.q("ilvl"), self.names), 0, 0, 8)
                found = (num_id, ilvl) if num_id else found
        return found


def _val(parent: etree._Element | None, tag: str, names: Names) -> str | None:
    el = parent.find(tag) if parent is not None else None
    return None if el is None else el.get(names.val)


def _fill(tcpr: etree._Element | None, names: Names) -> Rgb | None:
    shd = tcpr.find(names.shd) if tcpr is not None else None
    return painted(shd, names) if shd is not None else None


def style_fill(
    style: TableStyle, look: Look, row: int, rows: int, col: int, cols: int
) -> Rgb | None:
    """What the table style paints at (row, grid column), strongest condition last."""
    first_row = look.first_row and row == 0
    last_row = look.last_row and row == rows - 1 and rows > 1
    first_col = look.first_col and col == 0
    last_col = look.last_col and col == cols - 1 and cols > 1
    applies: list[str] = []
    if look.v_band and not (first_col or last_col):
        c = col - (1 if look.first_col else 0)
        applies.append(_BANDS[(c // style.col_band) % 2])
    if look.h_band and not (first_row or last_row):
        r = row - (1 if look.first_row else 0)
        applies.append(_BANDS[2 + (r // style.row_band) % 2])
    applies += [name for name, on in zip(_EDGES, (first_col, last_col, first_row, last_row)) if on]
    if (first_col or last_col) and (first_row or last_row):
        applies.append(_CORNERS[(0 if first_row else 2) + (0 if first_col else 1)])
    fill = style.whole
    for name in applies:
        if name in style.conditional:
            fill = style.conditional[name]
    return fill


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """List labels as Word prints them, counted in document order."""

    def __init__(self, root: etree._Element | None, names: Names, styles: Styles) -> None:
        self.names = names
        self.styles = styles
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        q = names.q
        for ab in root.findall(q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in ab.findall(q("lvl")):
                ilvl = small_int(lvl.get(q("ilvl")), 0, 0, 8)
                levels[ilvl] = _Level(
                    fmt=_val(lvl, q("numFmt"), names) or "decimal",
                    text=_val(lvl, q("lvlText"), names) or "",
                    start=small_int(_val(lvl, q("start"), names), 1, 0, 100000),
                )
            self._abstract[ab.get(q("abstractNumId"), "")] = levels
        for num in root.findall(q("num")):
            starts = {
                small_int(o.get(q("ilvl")), 0, 0, 8): small_int(
                    _val(o, q("startOverride"), names), 1, 0, 100000
                )
                for o in num.findall(q("lvlOverride"))
                if o.find(q("startOverride")) is not None
            }
            abstract = _val(num, q("abstractNumId"), names) or ""
            self._nums[num.get(q("numId"), "")] = (abstract, starts)

    def label(self, p: etree._Element) -> str:
        """The label this paragraph prints before its text ('' when it is in no list)."""
        n = self.names
        ppr = p.find(n.pPr)
        if ppr is None:
            return ""
        num = ppr.find(n.q("numPr"))
        ref: tuple[str, int] | None = None
        if num is not None:
            num_id = _val(num, n.q("numId"), n)
            ref = (num_id, small_int(_val(num, n.q("ilvl"), n), 0, 0, 8)) if num_id else None
        else:
            ref = self.styles.numbering_of(_val(ppr, n.q("pStyle"), n))
        if ref is None or ref[0] in ("", "0") or ref[0] not in self._nums:
            return ""
        abstract_id, starts = self._nums[ref[0]]
        levels = self._abstract.get(abstract_id, {})
        ilvl = ref[1]
        counts = self._counters.setdefault(ref[0], [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        level = levels.get(ilvl, _Level())
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else starts.get(ilvl, level.start)
        return _render(level, levels, counts, starts)


def _render(
    level: _Level, levels: dict[int, _Level], counts: list[int], starts: dict[int, int]
) -> str:
    if level.fmt == "none":
        return ""
    if level.fmt == "bullet":
        text = level.text.strip()
        return _BULLETS.get(text, text) if text else ""
    out = level.text
    for i in range(9):
        token = f"%{i + 1}"
        if token in out:
            lv = levels.get(i, _Level())
            value = counts[i] or starts.get(i, lv.start)
            out = out.replace(token, _format_number(value, lv.fmt))
    return out.strip()


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        k = max(n, 1)
        letter = chr(ord("a") + (k - 1) % 26) * ((k - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out
