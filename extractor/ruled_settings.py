"""Settings of the ruled-table reader (PDF tables drawn with ruling lines).

Every knob is a share of a measure taken from the page being read, never a size in points:
the page's body font size (the median size of its glyphs) and the median width of its
ruling lines. A browser draws a 1 px border as a 0.75 pt filled rect, styled Word a 1.5 pt
outer frame and 0.5 pt inner rules, LibreOffice 0.05 pt hairlines; a table typed at 6 pt has
rows half as tall as one at 12 pt. Tolerances in points fit one of those and fail the rest.

Like pdfplumber's ``TableSettings``: named defaults, validated once, carried by
``ExtractOptions.ruled``. ``PageMeasures`` turns them into points for one page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RuledSettings:
    # A filled rect is a drawn rule, not an area, when its short side is at most this share
    # of the font size and its long side at least ``rule_aspect`` times the short side.
    rule_max: float = 0.45
    rule_aspect: float = 3.0
    # Parallel rules closer than this share of the font size are one rule (a double border,
    # the two frames of neighbouring cells in a ``border-collapse: separate`` table, a rule
    # drawn twice); collinear pieces with gaps up to it are one piece; a rule ending this
    # close to another still meets it. No band narrower than this can hold a line of text.
    snap: float = 0.6
    # ... but never less than this many rule widths (thick borders drawn as two edges).
    snap_rules: float = 2.0
    # A rule piece shorter than this share of the font size is a joint or a speck.
    min_length: float = 0.3
    # An empty row band thinner than this share of the font size is a gap between rules.
    thin_band: float = 0.6
    # A fill covering this share of a cell's area shades it.
    cover: float = 0.6
    # A drawn ink this close to a cell border, as a share of the font size, touches the
    # ruling (a border piece, a tick on the rule), not a mark inside the cell.
    edge: float = 0.12
    # Drawings smaller than ``ink_min`` on their larger side are specks; those larger than
    # ``ink_max`` on both sides are areas or rules, never a glyph-sized tick (font sizes).
    ink_min: float = 0.25
    ink_max: float = 7.5
    # Inside a cell spanning several columns, words further apart than this share of the
    # font size either side of a column boundary are two cells' texts, not one phrase.
    column_gap: float = 0.5
    # A line of text below a table, no further below a bottom cell's text than this share
    # of the font size, within that cell's width, is that cell's text running on (a
    # rowspan a page break cut, printed past the rule that closes the other columns).
    overflow_gap: float = 0.5
    # Two glyphs drawn one after the other on one line, no further apart than this share of
    # the font size, are one word: a word overflowing its cell into the next (a browser's
    # fixed-width column) stays in the cell it starts in, which records the straddle.
    word_join: float = 0.03
    # The font size used on a page without glyphs (points); nothing there is read as text.
    fallback_font: float = 10.0
    # Cross-check each page's tables with pdfplumber's own lattice over the same segments.
    cross_check: bool = True
    # That lattice's shortest edge and how near two edges count as crossing, in points:
    # pdfplumber's own ``TableSettings`` defaults (edge_min_length, intersection_tolerance),
    # so that the second opinion is the library's and not a second reading of ours.
    cross_check_min_length: float = 3.0
    cross_check_intersection: float = 3.0

    def __post_init__(self) -> None:
        shares = {
            "rule_max": self.rule_max,
            "snap": self.snap,
            "min_length": self.min_length,
            "thin_band": self.thin_band,
            "edge": self.edge,
            "ink_min": self.ink_min,
            "column_gap": self.column_gap,
            "overflow_gap": self.overflow_gap,
        }
        for name, value in shares.items():
            if not 0 < value <= 2:
                raise ValueError(f"RuledSettings.{name} is a share of the font size in (0, 2]")
        if self.ink_max <= self.ink_min:
            raise ValueError("RuledSettings.ink_max must exceed ink_min")
        if self.rule_aspect < 1:
            raise ValueError("RuledSettings.rule_aspect must be at least 1")
        if self.snap_rules < 0:
            raise ValueError("RuledSettings.snap_rules must not be negative")
        if not 0 < self.cover <= 1:
            raise ValueError("RuledSettings.cover is a share in (0, 1]")
        if not 0 <= self.word_join <= 0.5:
            raise ValueError("RuledSettings.word_join is a share of the font size in [0, 0.5]")
        if self.fallback_font <= 0:
            raise ValueError("RuledSettings.fallback_font must be positive")
        if self.cross_check_min_length < 0 or self.cross_check_intersection < 0:
            raise ValueError("RuledSettings.cross_check_* tolerances must not be negative")


@dataclass(frozen=True, slots=True)
class PageMeasures:
    """One page's measures and the settings turned into points for it."""

    font_size: float
    rule_width: float
    settings: RuledSettings

    @property
    def snap(self) -> float:
        s = self.settings
        return max(s.snap * self.font_size, s.snap_rules * self.rule_width)

    @property
    def min_length(self) -> float:
        return self.settings.min_length * self.font_size

    @property
    def thin_band(self) -> float:
        return self.settings.thin_band * self.font_size

    @property
    def edge(self) -> float:
        return self.settings.edge * self.font_size

    @property
    def column_gap(self) -> float:
        return self.settings.column_gap * self.font_size

    @property
    def overflow_gap(self) -> float:
        return self.settings.overflow_gap * self.font_size

    @property
    def word_join(self) -> float:
        return self.settings.word_join * self.font_size

    @property
    def rule_max(self) -> float:
        return self.settings.rule_max * self.font_size

    @property
    def ink_min(self) -> float:
        return self.settings.ink_min * self.font_size

    @property
    def ink_max(self) -> float:
        return self.settings.ink_max * self.font_size

    def as_dict(self) -> dict[str, float]:
        """For ``PageView.measures``."""
        return {
            "font_size": round(self.font_size, 2),
            "rule_width": round(self.rule_width, 2),
            "snap": round(self.snap, 2),
            "min_length": round(self.min_length, 2),
            "thin_band": round(self.thin_band, 2),
            "edge": round(self.edge, 2),
        }
