"""The knobs of the scan reader, in one validated dataclass carried by ``ExtractOptions``.

No knob is a pixel count or a grey level. Each is one of:

- a length in inches, turned into pixels by the page's own dpi (``*_in``);
- a share of the page's width (``*_share``), for what scales with the page;
- a multiple of the page's own text height or stroke width, measured on the page itself
  (``*_text``, ``*_stroke``): what scales with the font the document was printed in;
- a share of the page's own contrast, from its paper level to its ink level (``*_contrast``);
- a share of something counted on the page (``*_ratio``), or a confidence (0..1).

The defaults are set from how print behaves (a text stroke is far thinner than a table cell,
a ruling is far longer than a glyph), not from one sample's pixels; ``benchmarks/sweep_scan.py``
is the check that they hold across dpi, paper, skew, blur, JPEG quality and 1-bit copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ...ocr_words import WordSettings


@dataclass(frozen=True, slots=True)
class ScanSettings:
    # -- whether a PDF page is a scan, and at what resolution to render it
    min_glyphs: int = 20  # fewer visible characters than this is no text layer
    max_junk_ratio: float = 0.5  # share of undecodable characters beyond which text is junk
    min_picture_ratio: float = 0.3  # share of the page a picture must cover to be a scan
    min_render_dpi: float = 150.0  # scans are rendered at their own dpi, within these bounds
    max_render_dpi: float = 400.0

    # -- paper and ink
    # Coloured ink (a stamp, a ballpoint signature) is not print: from this saturation
    # (max - min channel, share of full scale) a pixel fades towards its lightest channel.
    colour_from: float = 0.1
    colour_full: float = 0.25
    # A page whose pixels are nearly all at its two commonest levels, those levels far
    # apart and hardly a pixel between them (edges under this share of the dark level's
    # pixels), is a 1-bit copy.
    bilevel_ratio: float = 0.97
    bilevel_contrast: float = 0.4
    bilevel_edges: float = 0.2
    bilevel_close_in: float = 0.007  # breaks in a photocopy's strokes closed up to this
    descreen_in: float = 0.006  # a copy's dither of a fill is averaged over this (sigma) ...
    dither_share: float = 0.5  # ... on a page where this share of the dark blobs are its dots
    # Background by grey closing: wider than any text stroke, narrower than a cell, so
    # paper and cell fills stay and print goes.
    background_in: float = 0.06
    paper_in: float = 1.2  # paper alone: wider than any filled cell or band
    sauvola_window_in: float = 0.15  # local window of the adaptive threshold
    sauvola_k: float = 0.2
    # Ink is at least this much of the page's contrast darker than paper, whatever the
    # window says: blank paper is never turned into ink by its own grain.
    min_ink_contrast: float = 0.2
    # A blob of glyph size whose darkest pixel is lighter than this share of the way from
    # ink to paper is not print (a light stamp, a pencil note, show-through).
    faint_ink_contrast: float = 0.45
    # What Tesseract is shown: print stretched to black, everything lighter than this share
    # of the way from ink to paper (faint stamps, paper grain, fills) painted as paper.
    print_cut_contrast: float = 0.95
    text_margin_stroke: float = 0.5  # ... and within this many strokes of ink, the scan's own

    # -- skew
    max_skew: float = 5.0  # degrees searched either way; a hand-placed sheet stays inside
    skew_step: float = 0.25  # coarse search step, then refined at skew_fine
    skew_fine: float = 0.05
    skew_dpi: float = 100.0  # the search runs on the page reduced to this resolution

    # -- ruling lines
    segment_share: float = 0.01  # a straight run this share of the page width is a segment
    segment_text: float = 1.6  # ...and longer than this many text heights (no glyph stroke)
    rule_gap_in: float = 0.06  # segments in one line closer than this are joined (dashes)
    faint_rule_stroke: float = 1.5  # a hairline whole only above the ink floor: this thin ...
    faint_rule_seed: float = 0.25  # ... with adaptive-threshold ink along this share of it
    faint_rule_clear: float = 0.5  # ... and paper on one side or the other along this share
    line_share: float = 0.03  # a ruling is at least this share of the page width long
    max_rule_stroke: float = 4.0  # a ruling is no thicker than this many text strokes
    rule_span_in: float = 0.5  # a ruling network spans at least this much one way
    reach_in: float = 0.02  # line ends stretched so crossings meet
    reach_ink_ratio: float = 0.8  # ... and carried to a crossing a segment away over this much ink
    min_table_in: float = 1.0  # a table is at least this wide ...
    min_table_height_in: float = 0.2  # ... and this tall
    min_cell_in: float = 0.04  # a region thinner than this is a double rule, not a cell
    min_cell_fill_ratio: float = 0.6  # a cell fills this much of its bounding box
    # Ink reaching this many text strokes beyond a ruling's one-pixel grey edge is a glyph
    # set flush against the line, not the edge (``scan.grid._grey_edge``).
    edge_glyph_stroke: float = 1.0

    # -- fills (arsir)
    shade_contrast: float = 0.1  # a fill is this share of the contrast darker than paper
    shaded_ratio: float = 0.5  # ... over this share of the cell
    fill_clear_text: float = 0.3  # ... counting only what is this far (text heights) from ink

    # -- ink, dust and marks
    trim_in: float = 0.01  # a cell's inside starts this far from its ruling
    speck_text: float = 0.3  # an ink blob within this many text heights square may be dust
    writing_near_text: float = 1.2  # specks this close (text heights) to writing may be print
    blank_units: float = 0.35  # ink (in stroke x text-height units) below which a cell is blank
    empty_factor: float = 3.0  # ...or below this many times the page's empty cells' ink
    unsure_factor: float = 1.6  # within this factor of the threshold a mark is unsure
    # A lone glyph (no larger than this many text heights) whose ink, shrunk to a square of
    # this side, correlates this well with a shape already read as a mark, at an aspect
    # within this factor, is that mark again; at most this many shapes are remembered.
    mark_shape_text: float = 2.5
    mark_shape_side: int = 12
    mark_shape_match: float = 0.85
    mark_shape_aspect: float = 1.25
    mark_shapes_kept: int = 8
    mark_glyph_ratio: float = 0.8  # ... and its largest blob holds this share of its ink

    # -- stamps and signatures (``scan.stamps``)
    stamp_text: float = 4.0  # a blob this many text heights across both ways ...
    stamp_fill_ratio: float = 0.35  # ... inking at most this share of its box is no glyph
    min_stamp_in: float = 0.4  # diameters of a round stamp's rings
    max_stamp_in: float = 2.0
    stamp_dpi: float = 75.0  # rings are searched on the page reduced to this resolution
    stamp_roundness: float = 0.8  # how round (0..1) an edge must be to be a ring
    stamp_band_stroke: float = 1.5  # half-width of the erased ring band, in text strokes
    max_rings: int = 3
    stamp_inner_ratio: float = 0.7  # a ring's lettering lies out from this share of its radius
    stamp_line_reach_text: float = 3.0  # text lines are looked for this far either side

    # -- text
    # Crops are enlarged so that the page's text is this many pixels tall: Tesseract's LSTM
    # reads glyphs best at about 30 px (its own guidance for cap height), worse when small.
    ocr_text_px: float = 28.0
    max_ocr_scale: float = 4.0
    pad_in: float = 0.05  # paper margin around a crop: Tesseract misreads glyphs at an edge
    ink_pad_in: float = 0.03  # margin kept around a cell's ink when it is cropped close
    short_chars: int = 6  # a reading this short is read again at other scales and voted on
    sure: float = 0.9
    reread_scales: tuple[float, ...] = (1.35, 0.8)  # ... at these scales, and voted on
    one_line_text: float = 1.8  # ink no taller than this many text heights is one line
    ocr_low: float = 0.6  # a cell read less surely than this carries the ``ocr-low`` doubt
    # A word read less surely than this is kept with its cell (``Cell.unsure_words``) for the
    # evidence to judge: Tesseract reads the print words it knows at 0.89..0.97, names and
    # terms included; the slips it makes of them ("pengeioaan", "bendistribusian") at 0.45
    # to 0.8. Below it a word no dictionary knows is a slip (``extractor.evidence``).
    unsure_word: float = 0.85
    # A cell whose ink holds more text lines than Tesseract's block reading is read line by
    # line (``scan.bands``): a line is a run of inked rows (darker than ``band_ink`` in the
    # black-on-white text picture) at least this share of the page's text height tall (an
    # i-dot or a speck is shorter); a line read as nothing is read again in two parts, cut
    # at its widest gap between words, one at least this share of the text height wide.
    band_ink: int = 128
    band_line_height: float = 0.5
    band_word_gap: float = 0.25
    # A run of blank columns this share of the cell's median word gap wide, inside an unsure
    # word, is a space Tesseract's language model read through (``CellReader._parted``).
    part_word_space: float = 0.8
    # The case of a letter sized like its capital (``scan.letter_case``): its ink height as
    # a share of the way from the cell's x-height to its cap height, cased small at or under
    # ``case_small`` and capital at or over ``case_tall``; read from at least ``case_refs``
    # small and tall glyphs each, whose heights differ by ``case_min_step`` of the taller.
    # The tall ones are capitals and ascenders together, and an ascender stands above the
    # cap height in most faces (DejaVu by a tenth of the step): a capital measures 0.6..1.
    case_small: float = 0.3
    case_tall: float = 0.55
    case_refs: int = 3
    case_min_step: float = 0.15
    # ... the candidate measured in its box's first columns, this share of the x-height
    # wide: Tesseract's box of a word's first letter often runs on over the next letter.
    case_width: float = 0.7
    # A "y" or "p"'s ink is looked for this share of those columns above its word's
    # baseline: a blur or a pixel's rounding leaves the letter's foot a row or two short.
    case_base_reach: float = 0.15
    # The word's baseline: its last row of ink with this share of its fullest row's ink.
    case_base_ink: float = 0.5
    # A doubled capital read once (``scan.blobs``): a capital's blob spans at least this
    # share of its word's height, and two copies of one glyph differ in width and height by
    # at most this share.
    double_height: float = 0.6
    double_alike: float = 0.25
    # A capital's letter from its blob (``scan.blobs.shaped``), in the word's stroke widths
    # and its capitals' height: an I's blob is at least this share of the capitals' height,
    # its rows but this share at each end one run at most this many strokes wide, leaning
    # at most this share of its height, and its ends reaching out at most half a stroke and
    # this share of its height (serifs) on either side. A D's top and bottom rows (this
    # share of its height each) start within this share of its width of its back (an O's
    # a fifth or more in).
    stem_height: float = 0.85
    stem_ends: float = 0.25
    stem_width: float = 1.6
    stem_lean: float = 0.12
    stem_serif: float = 0.22
    d_corner: float = 0.12
    d_ends: float = 0.1
    # A digit's blob is at most this share of its height wide (two joined are wider).
    single_digit_width: float = 0.8
    # A "%" after a figure (``scan.percent``): a run of inked columns at least this share of
    # the figure's tallest as tall, this many times as wide as the digits' runs before it,
    # and between these shares of its height wide (a digit is about 0.6, two joined 1.3).
    percent_tall: float = 0.6
    percent_width: float = 1.3
    percent_aspect: tuple[float, float] = (0.8, 1.2)
    # A bare figure is read again by the English model; its "%" is taken when the first
    # reading is the same figure and at most this many glyphs after it ("10096", "97,50").
    percent_misread: int = 2
    min_line_confidence: float = 0.6  # text outside tables less sure than this is a picture
    band_text: float = 0.4  # cell tops closer than this many text heights share a row band
    gap_row_stroke: float = 3.0  # a row of a text block with no more ink than this many
    # strokes' worth is a gap between lines (a stamp's arc crossing it is that thin)
    min_line_text: float = 0.5  # a band of rows thinner than this many text heights is no line
    word_gap_text: float = 2.5  # words closer than this (text heights) share a text line
    line_join_text: float = 0.3  # ... and lines closer than this share a block

    # -- a page whose table has no ruling, read whole (``scan.unruled``)
    # The measured text height lies between x-height and caps: about this share of the em.
    text_em_share: float = 0.6
    unruled_size_spread: float = 0.4  # lines within this share of the body's height are body
    unruled_glyph_text: tuple[float, float] = (0.6, 2.5)  # a run this tall (text heights)
    # may be a label, a digit or a mark; lower is a speck, taller a picture or a stamp
    unruled_ascent: float = 0.8  # share of the em above the baseline (Latin text faces)
    unruled_run_text: float = 0.6  # ink this near (text heights) to the side is one run
    unruled_space_cap: float = 1.0  # word gaps up to this (ems) measure the word space
    unruled_space_em: float = 0.25  # ... and a page with no such gap: a text face's space

    # -- dust next to writing (``scan.specks``); shares of the line's body height
    speck_body: float = 0.4  # a blob no larger than this may be dust
    glyph_text: float = 0.35  # blobs taller than this many text heights can define a line
    baseline_zone: float = 0.3  # a speck centred within this of the baseline
    top_zone: float = 1.0  # ... above x-height by this is where i-dots are
    stop_drop_body: float = 0.3  # a full stop's foot is at most this far below the baseline
    hug: float = 0.4  # a full stop is at most this far from the glyph before it ...
    dark_hug: float = 0.55  # ... or this far when it is as dark as print:
    print_dark_contrast: float = 0.15  # within this share of the contrast from the ink
    hyphen_width: float = 0.25  # a hyphen is at least this wide (and twice its height) ...
    hyphen_hug: float = 0.45  # ... with glyphs no farther than this on either side
    # ... or, a few pixels at 150 dpi, its grey footprint this many times wider than tall
    # (``scan.specks._elongation``; dust is round: about 1).
    hyphen_elongation: float = 1.6
    # ... or, ending its line after a word (the one place a typed " -" breaks a line, and
    # where a thin faint hyphen blurs into a blob hardly wider than tall), this many times.
    break_hyphen_elongation: float = 1.15
    # Around a speck, pixels lighter than this share of the way from paper to its darkest
    # are grain and JPEG ringing, not its ink.
    footprint_share: float = 0.25
    # ... and a speck's grey footprint is looked for this many times its size around it.
    footprint_reach: float = 1.0
    # A comma's grey footprint is this many times taller than wide (dust is round: about 1).
    comma_elongation: float = 1.4
    comma_reach: float = 1.2  # ... after a glyph no farther than this (line bodies)
    dot_stem: float = 0.5  # an i-dot is at most this far above its stem
    # A speck above the baseline this close to a glyph's ink is a piece of it: a thin
    # joint the threshold broke (the arm of a serif r, the top of an a at 200 dpi).
    glyph_piece_gap: float = 0.15
    glyph_piece_letter: tuple[float, float] = (0.7, 1.6)  # the letter's height, bodies
    stem_run: float = 0.6  # ... and its stem a vertical stroke at least this long
    faint_contrast: float = 0.35  # a speck lighter than this share of the contrast is not print
    # A letter broken by the threshold is still joined in the grey by pixels this share of
    # the way from paper to the faintest print (``specks._grey_joined``).
    joint_contrast: float = 0.5
    piece_descent: float = 0.25  # ... and a piece under the line reaches this far down (bodies)
    # A dot holds at least this share of the ink of the page's median i-dot (``dot_levels``),
    # measured when the page shows at least this many i-dots.
    dot_share: float = 0.5
    min_dots: int = 10
    # A stop is at least as dark at its core as this share of the page's i-dots are: all
    # of them (their lightest core), since a stop is printed at their size and ink, and
    # dust after a word is any grey (``dot_levels``).
    dot_core_share: float = 1.0
    # A hyphen ending its line may stand this far (line bodies) after its word: a space.
    break_hyphen_body: float = 0.9

    # -- slips mended from the document's own words (``extractor.ocr_words``)
    words: WordSettings = field(default_factory=WordSettings)
    # -- Tesseract engines reading a file's pages at once (``scan.engines``), one per core
    # the process may use up to this many: each holds its models (about 100 MB) and a page's
    # working images under the file's memory budget. 1 reads page after page, in the caller.
    engines: int = 4

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, WordSettings):
                continue
            if isinstance(value, tuple):
                if not value or min(value) <= 0:
                    raise ValueError(f"ScanSettings.{f.name} must hold positive values")
            elif value <= 0:
                raise ValueError(f"ScanSettings.{f.name} must be positive, not {value!r}")
        shares = (
            "max_junk_ratio", "min_picture_ratio", "colour_from", "colour_full",
            "bilevel_ratio", "bilevel_contrast", "bilevel_edges", "sauvola_k",
            "min_ink_contrast", "print_cut_contrast",
            "faint_ink_contrast",
            "segment_share", "line_share", "min_cell_fill_ratio", "shade_contrast",
            "shaded_ratio", "sure", "ocr_low", "unsure_word", "min_line_confidence",
            "faint_contrast", "joint_contrast",
            "mark_shape_match", "mark_glyph_ratio", "stamp_fill_ratio", "stamp_roundness",
            "print_dark_contrast", "reach_ink_ratio", "text_em_share", "unruled_ascent",
            "dot_share", "dot_core_share", "percent_tall", "band_line_height",
            "faint_rule_seed", "faint_rule_clear", "dither_share",
            "case_small", "case_tall", "case_min_step", "case_width", "case_base_reach",
            "case_base_ink",
        )  # fmt: skip
        for name in shares:
            value = getattr(self, name)
            if value > 1:
                raise ValueError(f"ScanSettings.{name} is a share (0..1], not {value}")
        if self.case_small >= self.case_tall:
            raise ValueError("ScanSettings.case_small must be below case_tall")
        if self.colour_from >= self.colour_full:
            raise ValueError("ScanSettings.colour_from must be below colour_full")
        if self.min_render_dpi > self.max_render_dpi:
            raise ValueError("ScanSettings.min_render_dpi must not exceed max_render_dpi")
        if self.max_skew > 15:
            raise ValueError("ScanSettings.max_skew beyond 15 degrees is a turned page, not skew")
        if self.skew_fine > self.skew_step:
            raise ValueError("ScanSettings.skew_fine must not exceed skew_step")
        if self.background_in >= self.paper_in:
            raise ValueError("ScanSettings.background_in must be below paper_in")
        if self.segment_share > self.line_share:
            raise ValueError("ScanSettings.segment_share must not exceed line_share")
        if self.unsure_factor < 1 or self.empty_factor < 1:
            raise ValueError("ScanSettings.unsure_factor and empty_factor are at least 1")
