"""The HTML report: self-contained, summary first, the table with flagged cells, all escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from checks import CheckConfig, run_checks
from checks.report import RenderOptions, Report, renderers

from .seed_doc import seed_document, with_row


class Outline(HTMLParser):
    """Tags, classes and text of a page, enough to test its structure without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.rows: dict[str, list[str]] = {}
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "tr" and (a.get("id") or "").startswith("baris-"):
            self._row = a["id"]
            self.rows[self._row] = []
        if tag == "td" and self._row:
            self.rows[self._row].append(a.get("class") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(doc=None, lang: str = "id") -> tuple[str, Outline]:  # type: ignore[no-untyped-def]
    doc = doc or seed_document()
    report = Report(
        "rak-kubu-raya-2024.pdf", doc.to_dict(), doc, run_checks(doc, CheckConfig(lang=lang))
    )
    html = renderers()["html"](report, RenderOptions(lang=lang))
    outline = Outline()
    outline.feed(html)
    return html, outline


def test_structure_of_the_seed_report() -> None:
    html, outline = page()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in html
    # Summary before the table.
    assert html.index('class="summary"') < html.index('class="rak"')
    assert re.search(r'class="card error"><b>2</b>', html)
    assert re.search(r'class="card warning"><b>11</b>', html)
    # Every row of the document, 12 month columns.
    assert len(outline.rows) == 53
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    assert "".join(f"<th>{m}</th>" for m in months) in html
    # Flagged cells: PELAKSANA empty on row 34, target of row 12, schedule of row 1.
    assert any("flag-error" in c and "pelaksana" in c for c in outline.rows["baris-34"])
    assert any("target" in c and "flag-warning" in c for c in outline.rows["baris-12"])
    months = [c for c in outline.rows["baris-1"] if c.startswith("m")]
    assert len(months) == 12 and all("flag-warning" in c for c in months)
    assert sum(" on" in c for c in months) == 8
    # Messages beside the row, links from the summary.
    assert "Kolom PELAKSANA kosong" in "".join(outline.text)
    assert 'href="#baris-34"' in html
    # Unflagged rows stay plain.
    assert not any("flag-" in c for c in outline.rows["baris-2"])


def test_self_contained() -> None:
    html, outline = page()
    assert not [a for t, a in outline.tags if t in ("script", "link", "img", "iframe")]
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "url(" not in html


def test_document_text_is_escaped() -> None:
    doc = with_row(
        seed_document(),
        0,
        kegiatan="<script>alert(1)</script>",
        pelaksana='"><img src=x onerror=alert(1)>',
    )
    html, outline = page(doc)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" in "".join(outline.text)
    assert not [a for t, a in outline.tags if t in ("script", "img")]


def test_quarterly_schedule_has_four_columns() -> None:
    from dataclasses import replace

    doc = seed_document()
    doc = replace(doc, periode="triwulan", rows=[replace(r, jadwal=[1, 3]) for r in doc.rows[:3]])
    html, outline = page(doc)
    assert "TW IV" in html
    assert all(len([c for c in cells if c.startswith("m")]) == 4 for cells in outline.rows.values())


def test_english_report() -> None:
    html, _ = page(lang="en")
    assert '<html lang="en">' in html and "RAK audit report" in html
    assert "The PELAKSANA cell is empty" in html


def test_report_of_broken_json_has_no_table_but_all_findings() -> None:
    from checks import check_data

    result = check_data([1, 2])
    report = Report("x.json", result.data, result.doc, result.findings)
    html = renderers()["html"](report, RenderOptions())
    assert 'class="rak"' not in html and "skema" in html
