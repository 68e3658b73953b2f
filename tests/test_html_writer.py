"""The browser-print sample writer (samples/build/html_writer.py): the HTML it hands Chromium.

One writer draws the ruled browser prints and the borderless one (``BORDERLESS``); the
samples it printed are read in test_borderless.py and test_extract_ruled_writers.py. Here
the page is checked before printing (no browser needed): what each option puts in it, and
the refusals (bad options, text cut off at the page edge).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from samples.build.convert import ConversionError
from samples.build.html_writer import (
    BORDERLESS,
    MM,
    PAGE_MM,
    HtmlOptions,
    build_html,
    refuse_cut_off,
)
from samples.build.spec import SampleDoc, SamplePage, SampleRow


def _doc() -> SampleDoc:
    """Three rows, the first two under one sasaran."""
    rows = [
        SampleRow("Sasaran satu", "Indikator a", "100%", "Kegiatan a", [1, 2], "Subbag A"),
        SampleRow("Sasaran satu", "Indikator b", "90%", "Kegiatan b", [3], "Subbag A"),
        SampleRow("Sasaran dua", "Indikator c", "1 Dokumen", "Kegiatan c", [12], "Subbag B"),
    ]
    return SampleDoc(name="uji", pages=[SamplePage(rows)])


def _css_rule(page: str, selector: str) -> str:
    found = re.search(re.escape(selector) + r" \{([^}]*)\}", page)
    assert found, selector
    return found.group(1)


def _body_rows(page: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", page.split("<tbody>", 1)[1])


def test_ruled_default_draws_borders_and_merges_sasaran() -> None:
    page = build_html(_doc(), HtmlOptions())
    cells = _css_rule(page, "table.rak td, table.rak th")
    assert "border: 1.0px solid #000" in cells and "padding: 3.0px;" in cells
    first, second, _ = _body_rows(page)
    assert first.startswith('<td rowspan="2">Sasaran satu</td>')
    assert not second.startswith("<td>Sasaran")


def test_borderless_has_no_ruling_and_its_own_spacing() -> None:
    page = build_html(_doc(), BORDERLESS)
    cells = _css_rule(page, "table.rak td, table.rak th")
    assert "border: none" in cells
    assert "padding: 2.0px 4.0px" in cells  # top/bottom, then the sides
    assert "line-height: 1.2" in _css_rule(page, "body")
    assert "vertical-align: top" in _css_rule(page, "table.rak td.p")  # marks on line one
    assert "break-inside: avoid" in _css_rule(page, "table.rak tr")
    assert page.count('<table class="rak">') == 1  # one table, <thead> repeated by the browser
    assert "table.rak th, table.rak tr.n td {" not in page  # no header fill


def test_fixed_period_columns_leave_the_rest_to_the_weights() -> None:
    """``period_pt`` columns that wide; the others' shares fill exactly what is left of the
    printable width, so the table neither overflows nor leaves a gap."""
    for options in (BORDERLESS, replace(BORDERLESS, landscape=False, period_pt=12.0, zoom=0.8)):
        page = build_html(_doc(), options)
        points = [float(w) for w in re.findall(r'<col style="width:([\d.]+)pt">', page)]
        shares = [float(w) for w in re.findall(r'<col style="width:([\d.]+)%">', page)]
        assert points == [options.period_pt] * 12
        width_mm = PAGE_MM[options.page][0 if options.landscape else 1]
        printable = (width_mm - 2 * options.margin_mm) * MM / options.zoom
        assert sum(shares) / 100 * printable + sum(points) == pytest.approx(printable, abs=0.5)


def test_sasaran_unmerged_is_written_in_its_runs_first_row() -> None:
    page = build_html(_doc(), replace(BORDERLESS, merge_sasaran=False, valign="middle"))
    assert "rowspan" not in page.split("<tbody>", 1)[1]
    first, second, third = _body_rows(page)
    assert first.startswith("<td>Sasaran satu</td>")
    assert second.startswith("<td></td><td>Indikator b</td>")
    assert third.startswith("<td>Sasaran dua</td>")
    assert "vertical-align: middle" in _css_rule(page, "table.rak td, table.rak th")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"border_px": -1.0}, "negative"),
        ({"padding_x_px": -2.0}, "negative"),
        ({"line_height": 0.0}, "line height"),
        ({"valign": "centre"}, "valign"),
        ({"mark_valign": "baseline"}, "valign"),
        ({"period_pt": 0.0}, "period_pt"),
        ({"border_px": 2.0, "border_style": "double"}, "double"),
    ],
)
def test_bad_options_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(HtmlOptions(), **changes)


def test_period_columns_wider_than_the_page_are_refused() -> None:
    with pytest.raises(ValueError, match="fill the page"):
        build_html(_doc(), replace(BORDERLESS, period_pt=70.0))


def test_text_cut_off_at_the_right_edge_is_refused(tmp_path: Path) -> None:
    """The check every print goes through: text reaching into the right margin means the
    printer cut the table; text inside it passes."""
    width, height = 842.0, 595.0
    for name, x in (("inside", 700.0), ("cut", width - 12 * MM - 10.0)):
        path = tmp_path / f"{name}.pdf"
        c = canvas.Canvas(str(path), pagesize=(width, height))
        c.setFont("Helvetica", 8)
        c.drawString(x, 300, "Subbagian")
        c.showPage()
        c.save()
        if name == "cut":
            with pytest.raises(ConversionError, match="cut off"):
                refuse_cut_off(path, 12 * MM)
        else:
            refuse_cut_off(path, 12 * MM)
