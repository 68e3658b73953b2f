"""Undo the character confusions OCR makes in numbers: ``lOO%``, ``too%``, ``1OO %``, ``2O24``.

Tesseract reads a digit as the letter of the same shape when the word around it gives no
help: O for 0, l/I/| for 1, and in a small font ``t`` for 1. A person never writes letters
inside a number, so a token that is a number except for such letters is fixed; a token with
no digit at all is fixed only when a percent sign follows (``too%``), since ``too`` alone may
be a word. Everything else is left exactly as read: a wrong fix would hide a real defect of
the document from the checks.
"""

from __future__ import annotations

import re

# Letters read in place of digits. "S" and "B" are left alone: "5 Dokumen" vs "S" initials.
_AS_DIGIT = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "t": "1",
        "!": "1",
    }
)
_CONFUSABLE = "OoDQlIi|t!"
_TOKEN = re.compile(
    rf"(?<![\w%])([0-9{re.escape(_CONFUSABLE)}][0-9.,{re.escape(_CONFUSABLE)}]*)"
    r"(\s*%)?(?![\w])"
)


def _fix(match: re.Match[str]) -> str:
    token, percent = match.group(1), match.group(2)
    has_digit = any(ch.isdigit() for ch in token)
    if not has_digit and not percent:
        return match.group(0)  # "too", "I", "lo": words, not numbers
    if not has_digit and len(token) < 2 and token not in "lI|":
        return match.group(0)
    return token.translate(_AS_DIGIT) + ("%" if percent else "")


def fix_numbers(text: str) -> str:
    """``text`` with numbers that OCR spelled with letters put back into digits.

    ``1OO %`` also loses the space before ``%``: OCR inserts one where the glyphs are tight,
    and a percentage written with a space is read the same way by ``targets``.
    """
    return _TOKEN.sub(_fix, text)


_CODE = re.compile(r"^([A-Z])([0-9OoIil|SsBgZz]{1,2})([.,]?)$")
_CODE_DIGIT = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "I": "1",
        "i": "1",
        "l": "1",
        "|": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "g": "9",
        "Z": "2",
        "z": "2",
    }
)


def fix_code(text: str) -> str:
    """A cell holding one short code read with letters for digits: a month ``B1``, ``B12``
    read as ``Bi``, ``Bil``, ``BS``, ``Bg``; a quarter ``TW II`` read as ``TW Il``, ``TW 1I``.

    Only a whole cell of one capital and one or two digit-like characters is touched: such a
    cell is a label, and Indonesian has no two-letter words of that shape in a table cell.
    Without any digit read, only a month's letter B is taken for a code (``NO``, the number
    column's heading, stays a word).
    """
    quarter = _QUARTER_CODE.match(text.strip())
    if quarter is not None:
        return f"{quarter.group(1)} {quarter.group(2).translate(_ROMAN_ONE)}{quarter.group(3)}"
    m = _CODE.match(text.strip())
    if m is None or not any(ch not in "0123456789" for ch in m.group(2)):
        return text
    if m.group(1) != "B" and not any(ch.isdigit() for ch in m.group(2)):
        return text
    return m.group(1) + m.group(2).translate(_CODE_DIGIT) + m.group(3)


# A quarter's label, its numeral read with the glyphs that look like I: "TW Il", "TW 1V".
_QUARTER_CODE = re.compile(r"^(TW|TRW|Q)\s*([Il1|]{1,3}|[Il1|]?V)([.,]?)$")
_ROMAN_ONE = str.maketrans({"l": "I", "1": "I", "|": "I"})


# A degree after a name: "S.H.", "M.Si.", "S.Sos", "A.Md." (a capital, up to three letters,
# a stop, and more of the same), the last stop sometimes lost.
_DEGREE = r"[A-Z][a-z]{0,3}\.(?:[A-Z][A-Za-z]{0,3}\.?)+"
_BETWEEN_DEGREES = re.compile(rf"(?<=[A-Za-z.])\s+(?={_DEGREE}(?:\s|$))")


def fix_degrees(name: str) -> str:
    """A scanned signer's name with the commas Indonesian sets before each degree after a
    name ("Drs. Petrus Suhardi, S.H., M.H."): a scan reads the comma as a stop or loses it
    ("Suhardi. S.H. M.H."). Only for text read from pictures: a born-digital name stays as
    printed, whatever it sets there."""
    words = name.split()
    # Where the name ends: the first word that is a degree after a word that is not one
    # ("Drs." before the name is a degree too, and takes no comma).
    start = next(
        (i for i in range(1, len(words)) if re.fullmatch(_DEGREE + r",?", words[i])
         and not re.fullmatch(_DEGREE + r"[.,]?", words[i - 1])),
        None,
    )  # fmt: skip
    if start is None:
        return name
    head = " ".join(words[:start]).rstrip(".,")
    tail = " ".join(words[start:])
    tail = _BETWEEN_DEGREES.sub(", ", tail.replace(",", ""))
    return f"{head}, {tail}"
