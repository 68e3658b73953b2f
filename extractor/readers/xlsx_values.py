"""Spreadsheet cells as a person sees them: values rendered by their number format, fills
read as marks.

openpyxl hands out the stored value (``0.75``, ``12.0``, a ``datetime``), not what Excel
shows (``75%``, ``12``, ``Januari 2024``). A RAK's target column is read as text the way it is
printed, so numbers are rendered here from the cell's number format. Indonesian offices run
Excel with the Indonesian locale, which shows ``87,5%`` and ``2.498``; numbers are rendered
with those separators, which is also how ``targets.parse_target`` reads them back.

Only the formats RAKs use are rendered faithfully (General, integers, fixed decimals,
percentages, thousands separators, common dates); anything else falls back to General.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.cell.cell import Cell as XlCell
from openpyxl.cell.cell import MergedCell
from openpyxl.styles.colors import COLOR_INDEX, Color
from openpyxl.styles.fills import GradientFill, PatternFill

from .docx_xml import LIGHT_LUMINANCE, luminance

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

_SECTION = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literals, locale tags, padding
_DECIMALS = re.compile(r"0\.(0+)")
# Excel's built-in date codes and the tokens a custom date format is made of.
_DATE_TOKENS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s", re.IGNORECASE)


def render(cell: XlCell | MergedCell) -> str:
    """The cell's text as displayed; ``""`` for an empty cell."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("_x000D_", "")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = (getattr(cell, "number_format", None) or "General").split(";")[0]
    if isinstance(value, (dt.datetime, dt.date)):
        return render_date(value, fmt)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        return render_number(float(value), fmt)
    return str(value)


def render_number(value: float, fmt: str) -> str:
    """A number under an Excel format, with Indonesian separators (``,`` decimal, ``.``
    thousands). ``0%`` with 0.75 is ``75%``; General 12.0 is ``12``; General 3.5 is ``3,5``."""
    core = _SECTION.sub("", fmt)
    if core.strip().lower() in ("", "general", "@"):
        return _general(value)
    percent = "%" in core
    if percent:
        value *= 100
    m = _DECIMALS.search(core)
    decimals = len(m.group(1)) if m else 0
    text = f"{abs(value):,.{decimals}f}" if "," in core else f"{abs(value):.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    sign = "-" if value < 0 and round(abs(value), decimals) != 0 else ""
    return f"{sign}{text}{'%' if percent else ''}"


def _general(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}".replace(".", ",")  # Excel's General shows 10 significant digits


def render_date(value: dt.date, fmt: str) -> str:
    """A date under a date format; Indonesian month names for ``mmm``/``mmmm``."""
    core = re.sub(r'"([^"]*)"', r"\1", re.sub(r"\[[^\]]*\]", "", fmt)).replace("\\", "")
    if not _DATE_TOKENS.search(core) or core.lower() in ("general", "@"):
        return value.isoformat() if not isinstance(value, dt.datetime) else value.date().isoformat()
    seen_hour = False

    def token(m: re.Match[str]) -> str:
        nonlocal seen_hour
        t = m.group(0).lower()
        if t in ("yyyy", "yy"):
            return f"{value.year:04d}" if t == "yyyy" else f"{value.year % 100:02d}"
        if t.startswith("d"):
            if t == "dddd" or t == "ddd":
                names = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
                name = names[value.weekday()]
                return name if t == "dddd" else name[:3]
            return f"{value.day:02d}" if t == "dd" else str(value.day)
        if t.startswith("h"):
            seen_hour = True
            hour = value.hour if isinstance(value, dt.datetime) else 0
            return f"{hour:02d}" if t == "hh" else str(hour)
        if t.startswith("s"):
            sec = value.second if isinstance(value, dt.datetime) else 0
            return f"{sec:02d}" if t == "ss" else str(sec)
        # m/mm after an hour is minutes, as Excel reads it.
        if t in ("m", "mm") and seen_hour:
            minute = value.minute if isinstance(value, dt.datetime) else 0
            return f"{minute:02d}" if t == "mm" else str(minute)
        if t == "mmmm":
            return MONTHS_ID[value.month - 1]
        if t == "mmm":
            return MONTHS_ID[value.month - 1][:3]
        return f"{value.month:02d}" if t == "mm" else str(value.month)

    return _DATE_TOKENS.sub(token, core).strip()


# --- fills ----------------------------------------------------------------------------------

# Theme colour 0 is "Background 1" (white in every stock theme); the others are dark or
# coloured. A tint lightens (> 0) or darkens (< 0) the theme colour.
_WHITE_THEMES = frozenset({0})


def is_shaded(cell: XlCell | MergedCell) -> bool:
    """A fill a person would see as a mark: any non-white solid or patterned fill.

    Theme and indexed colours cannot be resolved exactly without the workbook theme, so they
    are read conservatively: anything but white counts.
    """
    fill = cell.fill  # a StyleProxy: isinstance() does not see the fill class through it
    kind = getattr(fill, "tagname", None)
    if kind == GradientFill.tagname:
        return any(not _is_white(stop.color) for stop in fill.stop)
    if kind != PatternFill.tagname:
        return False
    pattern = fill.patternType
    if not pattern or pattern == "none":
        return False
    return not _is_white(fill.fgColor)


def _is_white(color: Color | None) -> bool:
    if color is None:
        return True
    kind = color.type
    tint = float(color.tint or 0.0)
    if kind == "rgb":
        rgb = _rgb(str(color.rgb))
        return rgb is None or luminance(rgb) >= LIGHT_LUMINANCE
    if kind == "indexed":
        index = color.indexed
        if index is not None and 0 <= index < len(COLOR_INDEX):
            rgb = _rgb(COLOR_INDEX[index])
            return rgb is not None and luminance(rgb) >= LIGHT_LUMINANCE
        return False  # 64 system foreground, 65 system background: assume painted
    if kind == "theme":
        return color.theme in _WHITE_THEMES and tint > -0.05
    return False  # "auto" on a solid fill paints the system foreground


def _rgb(value: str) -> tuple[int, int, int] | None:
    """``AARRGGBB`` or ``RRGGBB``; alpha is ignored, as Excel itself ignores it."""
    if len(value) == 8:
        value = value[2:]
    if len(value) != 6:
        return None
    try:
        n = int(value, 16)
    except ValueError:
        return None
    return (n >> 16) & 255, (n >> 8) & 255, n & 255
