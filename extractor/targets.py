"""TARGET cells read the Indonesian way.

A target is a number and a unit as a person wrote it: ``87,5%`` (comma decimal), ``2.498 Orang``
(dot thousands), ``12 Kali``, ``Rp 12.500.000``, ``100 persen``. ``teks`` is always kept as
written; ``nilai`` and ``satuan`` are what checks compare.
"""

from __future__ import annotations

import re

from .model import Target

_NUMBER = r"[-+]?\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?|[-+]?[.,]\d+"
_TARGET = re.compile(
    rf"^\s*(?P<pre>rp\.?|idr)?\s*(?P<num>{_NUMBER})\s*(?P<unit>.*?)\s*$", re.IGNORECASE
)
_PERCENT = re.compile(r"^(%|persen|prosen|percent)\b\.?", re.IGNORECASE)


def parse_number(text: str) -> float | int | None:
    """Read ``text`` as an Indonesian number: ``.`` groups thousands, ``,`` is the decimal.

    A lone ``.`` followed by other than three digits is read as a decimal point (``1.5``),
    since that is what a writer meant there.
    """
    s = text.strip().replace(" ", "")
    if not s:
        return None
    sign = -1 if s.startswith("-") else 1
    s = s.lstrip("+-")
    if "," in s:
        whole, _, frac = s.rpartition(",")
        whole = whole.replace(".", "")
        s = f"{whole or '0'}.{frac}"
    elif s.count(".") == 1 and not re.fullmatch(r"\d{1,3}\.\d{3}", s):
        pass  # a decimal point
    else:
        s = s.replace(".", "")
    try:
        value = float(s)
    except ValueError:
        return None
    value *= sign
    return int(value) if value.is_integer() else value


def parse_target(teks: str) -> Target:
    """Split a TARGET cell into number and unit; a cell without a number keeps only its text."""
    text = " ".join(teks.split())
    m = _TARGET.match(text)
    if not m:
        return Target(teks=text, nilai=None, satuan=None)
    nilai = parse_number(m.group("num"))
    if nilai is None:
        return Target(teks=text, nilai=None, satuan=None)
    if m.group("pre"):
        return Target(teks=text, nilai=nilai, satuan="rp")
    unit = m.group("unit").strip()
    if _PERCENT.match(unit):
        satuan: str | None = "%"
    elif unit:
        satuan = unit.lower().rstrip(".")
    else:
        satuan = None
    return Target(teks=text, nilai=nilai, satuan=satuan)
