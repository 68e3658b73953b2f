"""Rows and merged cells that a page break cut in two, put back together.

A paged format (PDF, a scan) gives one table per page, so a row that did not fit at the
bottom of a page continues at the top of the next one, after the repeated header if there is
one; a vertically merged SASARAN crossing the break shows its text on one side only, or half
on each. Nothing in the grid says "cut": the evidence is what each half holds, read the way a
person reads it. Each join that rests on weak evidence records a doubt code on the row.

How a cut row looks:
- its lower part opens a table, has no target number of its own (the cut may leave the unit,
  "Dokumen", below the number), and the row above it has a target;
- a check glyph is printed once, in one half; a shaded month cell is painted on both halves,
  so shaded months must agree and glyph months may sit in one half only;
- the text of one of its fields opens in lower case, or a field above ends on a word that
  cannot end one ("dan", "yang", a comma): the strong evidence. Without it the join is a
  guess (``ROW_JOIN_GUESSED``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .doubts import MERGE_GUESSED, ROW_JOIN_GUESSED
from .headings import INDIKATOR, KEGIATAN, PELAKSANA, SASARAN, TARGET
from .targets import parse_target
from .text import join_lines

if TYPE_CHECKING:
    from .layout import RawRow

# Words an Indonesian phrase does not end on: a field whose text ends on one was cut.
DANGLING_WORDS = frozenset(
    "dan atau serta yang di ke dari pada dengan untuk kepada oleh dalam terhadap sesuai "
    "antara bagi tentang melalui secara agar guna para sebagai beserta maupun".split()
)
TEXT_FIELDS = (SASARAN, INDIKATOR, KEGIATAN, PELAKSANA)


def opens_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def ends_dangling(text: str) -> bool:
    """The text stops where no phrase stops: a comma, a hyphen, a conjunction."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in ",-/&(":
        return True
    return t.split()[-1].lower() in DANGLING_WORDS


def _tail_evidence(raw: RawRow, prev: RawRow) -> bool:
    """Something in the text itself says the lower part continues the row above."""
    for role in TEXT_FIELDS:
        if opens_lower(raw.texts.get(role, "")):
            return True
        if role in raw.texts and ends_dangling(prev.texts.get(role, "")):
            return True
    return False


def _marks_fit(raw: RawRow, prev: RawRow) -> bool:
    """Glyphs in one half only; shading, painted on both halves, the same on both."""
    if raw.glyph_periods and prev.glyph_periods:
        return False
    return not raw.shaded_periods or raw.shaded_periods == prev.shaded_periods


def is_cut_continuation(raw: RawRow, prev: RawRow | None) -> bool:
    """The lower part of a row a page break cut in two (records a doubt when it guesses)."""
    if prev is None or not raw.first_of_table or TARGET not in prev.texts:
        return False
    if not _marks_fit(raw, prev):
        return False
    if not raw.texts:
        # Only marks: a glyph centred in a cut row can land in the lower half alone; shading
        # alone is the painted rest of the row above.
        return bool(raw.periods) and not raw.lainnya and not raw.extra
    target = raw.texts.get(TARGET, "")
    evidence = _tail_evidence(raw, prev)
    if target:
        if parse_target(target).nilai is not None:
            return False
        unit_below = parse_target(prev.texts[TARGET]).satuan is None
        if not (evidence or unit_below):
            return False
        evidence = True
    if not evidence:
        raw.doubts.append(ROW_JOIN_GUESSED)
    return True


def merge_into(prev: RawRow, raw: RawRow) -> None:
    """Join a cut row's lower part to its upper part.

    A field the upper part held as a merge continuation (its text in a merged cell above)
    is the tail of that merged cell: it extends the whole run, so it is kept apart in
    ``tails`` for the carry-down.
    """
    for role, text in raw.texts.items():
        if role in prev.texts:
            prev.texts[role] = join_lines(f"{prev.texts[role]}\n{text}")
        elif role in prev.continued:
            prev.tails[role] = join_lines(f"{prev.tails.get(role, '')}\n{text}")
        else:
            prev.texts[role] = text
    prev.periods |= raw.periods
    prev.glyph_periods |= raw.glyph_periods
    for k, v in raw.lainnya.items():
        prev.lainnya[k] = f"{prev.lainnya[k]} {v}" if k in prev.lainnya else v
    prev.extra.extend(raw.extra)
    prev.doubts.extend(d for d in raw.doubts if d not in prev.doubts)
    prev.unsure_words.extend(raw.unsure_words)


def continues_merge(raw: RawRow, role: str, previous_text: str) -> bool:
    """Text at the top of a page that is the rest of a merged cell cut by the page break.

    A SASARAN opens with a capital; one that opens in lower case on the first row of a page
    is the tail of the previous page's merged cell. A capitalised one (a name: "Sanggau")
    is a tail when the text above stops on a word no phrase ends on; that is a guess.
    """
    text = raw.texts.get(role, "")
    if not raw.first_of_table or not text or text[0].isdigit():
        return False
    if not text[0].isupper():
        return True
    if ends_dangling(previous_text):
        raw.doubts.append(MERGE_GUESSED)
        return True
    return False


def carry_up_centred(raws: list[RawRow], role: str = SASARAN) -> None:
    """A merged cell whose text the writer centred onto the next page.

    Word centres a merged cell's text in the whole cell, so when the merge crosses a page
    break the text can land below it: the rows at the bottom of the first page show the
    merge empty, and the first row of the next page holds the text. The empty part takes
    that text, on two conditions that keep an office that leaves repeats blank (no merges)
    out: the document merges this column elsewhere, and the only empty cells that are not
    merge continuations sit at the ends of tables.
    """
    if not any(role in r.continued for r in raws):
        return
    if any(role in r.blank and not (r.first_of_table or _ends_blank_run(raws, i, role))
           for i, r in enumerate(raws)):
        return
    for i, raw in enumerate(raws):
        if role not in raw.blank or raw.first_of_table or not _ends_blank_run(raws, i, role):
            continue
        j = i + 1
        while j < len(raws) and not raws[j].first_of_table:
            j += 1
        if j >= len(raws) or role not in raws[j].texts:
            continue
        raw.blank.discard(role)
        raw.texts[role] = raws[j].texts[role]
        raw.doubts.append(MERGE_GUESSED)
        for k in range(i + 1, j):
            raws[k].continued.discard(role)
            raws[k].texts[role] = raws[j].texts[role]
            raws[k].doubts.append(MERGE_GUESSED)


def _ends_blank_run(raws: list[RawRow], i: int, role: str) -> bool:
    """From row ``i`` (an empty cell) to the end of its table, only merge continuations."""
    for raw in raws[i + 1 :]:
        if raw.first_of_table:
            return True
        if role not in raw.continued:
            return False
    return True
