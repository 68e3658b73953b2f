"""The Word reader on real .docx files: built here with python-docx plus raw XML, and found.

Each built file exercises one thing Word hides from ``cell.text`` (w:sym marks, vMerge,
gridSpan, shading, revisions); the python-docx test corpus checks that any Word file ends in a
grid or a typed error; the Kubu Raya rebuild checks the whole RAK when it is present.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips
from lxml import etree

from extractor.errors import RakError, TooLarge, UnreadableDocument
from extractor.grid import Cell, Grid
from extractor.options import ExtractOptions
from extractor.readers.docx import read_docx

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXTERNAL = SHARED / "external" / "python-docx-tests"
SEED_DOCX = REPO / "samples" / "rak-kubu-raya-2024.docx"
SEED_TEXT = SHARED / "seed" / "rak-kubu-raya-2024.txt"
OPTIONS = ExtractOptions()


def _save(document: docx.document.Document, tmp_path: Path, name: str = "t.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def _table(rows: int, cols: int, width: int = 1000) -> tuple[docx.document.Document, object]:
    document = docx.Document()
    table = document.add_table(rows=rows, cols=cols)
    for col in table.columns:
        col.width = Twips(width)
    return document, table


def _run_xml(cell: object, build: Callable[[object], None]) -> None:
    """Append a run to the cell's first paragraph and let ``build`` fill it."""
    run = OxmlElement("w:r")
    build(run)
    cell.paragraphs[0]._p.append(run)  # type: ignore[attr-defined]


def _texts(grid: Grid, table: int = 0) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.tables[table].rows]


def _spans(grid: Grid, table: int = 0) -> list[list[tuple[float, float]]]:
    return [[(c.x0, c.x1) for c in row] for row in grid.tables[table].rows]


# --- body order, lines, positions -----------------------------------------------------------


def test_body_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("RENCANA AKSI KINERJA")
    document.add_paragraph("")  # empty paragraphs are not lines
    document.add_table(rows=1, cols=2).cell(0, 0).text = "A"
    document.add_paragraph("between")
    document.add_section()
    document.add_table(rows=1, cols=1).cell(0, 0).text = "B"
    p = document.add_paragraph("SUNGAI RAYA, JANUARI 2024")
    p.add_run().add_break()
    p.add_run("SEKRETARIS,")
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert grid.format == "docx" and grid.pages is None
    assert [(line.text, line.after_tables, line.page) for line in grid.lines] == [
        ("RENCANA AKSI KINERJA", 0, None),
        ("between", 1, None),
        ("SUNGAI RAYA, JANUARI 2024", 2, None),
        ("SEKRETARIS,", 2, None),
    ]
    assert [_texts(grid, i) for i in range(2)] == [[["A", ""]], [["B"]]]
    assert all(t.page is None for t in grid.tables)


def test_positions_are_twips_from_the_table_grid(tmp_path: Path) -> None:
    document, _ = _table(2, 3, width=1500)
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert _spans(grid)[0] == [(0, 1500), (1500, 3000), (3000, 4500)]
    assert [(c.top, c.bottom) for c in grid.tables[0].rows[1]] == [(1, 2)] * 3


def test_positions_fall_back_to_column_indices_without_widths(tmp_path: Path) -> None:
    document, table = _table(1, 3)
    for col in table._tbl.tblGrid.findall(qn("w:gridCol")):
        del col.attrib[qn("w:w")]
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert _spans(grid)[0] == [(0, 1), (1, 2), (2, 3)]


# --- merges ---------------------------------------------------------------------------------


def test_grid_span_is_one_cell_covering_its_columns(tmp_path: Path) -> None:
    document, table = _table(2, 4)
    merged = table.cell(0, 1).merge(table.cell(0, 3))
    merged.text = "RENCANA PELAKSANAAN"
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert _texts(grid)[0] == ["", "RENCANA PELAKSANAAN"]
    assert _spans(grid)[0] == [(0, 1000), (1000, 4000)]
    assert len(grid.tables[0].rows[1]) == 4


def test_grid_before_shifts_the_row(tmp_path: Path) -> None:
    document, table = _table(2, 3)
    tr = table.rows[1]._tr
    tr.remove(tr.tc_lst[0])
    trpr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    trpr.insert(0, before)
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert _spans(grid)[1] == [(1000, 2000), (2000, 3000)]


def test_vertical_merge_continuation_is_empty_and_continued(tmp_path: Path) -> None:
    document, table = _table(3, 2)
    merged = table.cell(0, 0).merge(table.cell(2, 0))
    merged.text = "Terwujudnya rencana kerja"
    for i in range(3):
        table.cell(i, 1).text = f"indikator {i}"
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    first = [row[0] for row in grid.tables[0].rows]
    assert [(c.text, c.continued) for c in first] == [
        ("Terwujudnya rencana kerja", False),
        ("", True),
        ("", True),
    ]
    assert _texts(grid)[2][1] == "indikator 2"


def test_legacy_horizontal_merge_widens_the_first_cell(tmp_path: Path) -> None:
    document, table = _table(1, 3)
    table.cell(0, 0).text = "wide"
    for i, val in ((0, "restart"), (1, "continue")):
        hmerge = OxmlElement("w:hMerge")
        hmerge.set(qn("w:val"), val)
        table.cell(0, i)._tc.get_or_add_tcPr().append(hmerge)
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert [(c.text, c.x0, c.x1) for c in grid.tables[0].rows[0]] == [
        ("wide", 0, 2000),
        ("", 2000, 3000),
    ]


# --- text and marks -------------------------------------------------------------------------


def _sym(font: str, char: str) -> Callable[[object], None]:
    def build(run: object) -> None:
        sym = OxmlElement("w:sym")
        sym.set(qn("w:font"), font)
        sym.set(qn("w:char"), char)
        run.append(sym)  # type: ignore[attr-defined]

    return build


def test_wingdings_sym_is_text_and_mark(tmp_path: Path) -> None:
    document, table = _table(1, 4)
    _run_xml(table.cell(0, 0), _sym("Wingdings", "F0FC"))
    _run_xml(table.cell(0, 1), _sym("Symbol", "D6"))  # short code: mapped to F0D6
    _run_xml(table.cell(0, 2), _sym("Arial", "2713"))  # a real ✓ in a text font
    table.cell(0, 3).text = "kosong"
    cells = read_docx(_save(document, tmp_path), OPTIONS).tables[0].rows[0]
    assert [(c.text, c.mark) for c in cells] == [
        (chr(0xF0FC), True),
        (chr(0xF0D6), True),
        ("✓", False),  # plain text; layout's is_mark_text decides
        ("kosong", False),
    ]


def test_symbol_font_run_is_a_mark(tmp_path: Path) -> None:
    document, table = _table(1, 2)
    run = table.cell(0, 0).paragraphs[0].add_run("ü")
    run.font.name = "Wingdings"
    table.cell(0, 1).paragraphs[0].add_run("ü")  # the same letter in the body font
    cells = read_docx(_save(document, tmp_path), OPTIONS).tables[0].rows[0]
    assert [(c.text, c.mark) for c in cells] == [("ü", True), ("ü", False)]


_WPS_TICK = """
<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    xmlns:v="urn:schemas-microsoft-com:vml">
  <mc:Choice Requires="wps">
    <w:drawing>
      <wp:inline><wp:extent cx="114300" cy="114300"/><wp:docPr id="7" name="Centang"/>
        <a:graphic><a:graphicData
            uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
          <wps:wsp><wps:spPr><a:prstGeom prst="flowChartMerge"/></wps:spPr><wps:bodyPr/></wps:wsp>
        </a:graphicData></a:graphic>
      </wp:inline>
    </w:drawing>
  </mc:Choice>
  <mc:Fallback>
    <w:pict><v:shape style="width:9pt;height:9pt" fillcolor="black"/></w:pict>
  </mc:Fallback>
</mc:AlternateContent>
"""

_VML_TICK = """
<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:v="urn:schemas-microsoft-com:vml">
  <v:shape style="width:9pt;height:9pt" path="m0,10l4,16,16,0e" strokeweight="1.5pt"/>
</w:pict>
"""


def _xml_run(fragment: str, hidden: bool = False) -> Callable[[object], None]:
    def build(run: object) -> None:
        if hidden:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:vanish"))
            run.append(rpr)  # type: ignore[attr-defined]
        run.append(etree.fromstring(fragment))  # type: ignore[attr-defined]

    return build


def _tick_png(tmp_path: Path) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("L", (16, 16), 255)
    ImageDraw.Draw(image).line([(2, 8), (6, 13), (14, 2)], fill=0, width=2)
    path = tmp_path / "centang.png"
    image.save(path)
    return path


def test_picture_or_shape_in_an_empty_cell_is_a_mark(tmp_path: Path) -> None:
    """A check pasted as a picture, drawn as a DrawingML shape (with its VML fallback) or as
    a VML shape alone: ink without text. A picture beside text, a hidden shape and a
    shape in a deleted revision are not marks."""
    document, table = _table(1, 7)
    png = _tick_png(tmp_path)
    table.cell(0, 0).paragraphs[0].add_run().add_picture(str(png), width=Twips(180))
    _run_xml(table.cell(0, 1), _xml_run(_WPS_TICK))
    _run_xml(table.cell(0, 2), _xml_run(_VML_TICK))
    p = table.cell(0, 3).paragraphs[0]
    p.add_run("Subbag X ")
    p.add_run().add_picture(str(png), width=Twips(180))
    _run_xml(table.cell(0, 4), _xml_run(_VML_TICK, hidden=True))
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "1")
    deleted.set(qn("w:author"), "x")
    table.cell(0, 5).paragraphs[0]._p.append(deleted)
    _run_xml(table.cell(0, 5), _xml_run(_VML_TICK))
    run = table.cell(0, 5).paragraphs[0]._p[-1]
    deleted.append(run)  # move the run into the deletion
    cells = read_docx(_save(document, tmp_path), OPTIONS).tables[0].rows[0]
    assert [(c.text, c.mark) for c in cells] == [
        ("", True),
        ("", True),
        ("", True),
        ("Subbag X", False),
        ("", False),
        ("", False),
        ("", False),
    ]


def test_tabs_breaks_paragraphs_and_revisions(tmp_path: Path) -> None:
    document, table = _table(1, 1)
    cell = table.cell(0, 0)
    p = cell.paragraphs[0]
    p.add_run("Subbag.")
    p.add_run().add_tab()
    p.add_run("Perencanaan")
    p.add_run().add_break()
    p.add_run("data")
    cell.add_paragraph("")
    cell.add_paragraph("informasi")

    def revision(tag: str, text: str) -> None:
        wrapper = OxmlElement(tag)
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.text = text
        run.append(t)
        wrapper.append(run)
        cell.paragraphs[-1]._p.append(wrapper)

    revision("w:del", " DELETED")
    revision("w:ins", " baru")
    hidden = cell.paragraphs[-1].add_run(" hidden")
    hidden.font.hidden = True
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert grid.tables[0].rows[0][0].text == "Subbag. Perencanaan\ndata\ninformasi baru"


def test_nested_table_is_read_as_text_of_the_outer_cell(tmp_path: Path) -> None:
    document, table = _table(1, 2)
    table.cell(0, 0).text = "outer"
    inner = table.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "in1"
    inner.cell(0, 1).text = "in2"
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert len(grid.tables) == 1
    assert _texts(grid) == [["outer", "in1\nin2"]]


def test_rows_and_cells_inside_content_controls(tmp_path: Path) -> None:
    document, table = _table(2, 2)
    table.cell(1, 0).text = "dalam sdt"
    table.cell(1, 1).text = "juga"
    tr = table.rows[1]._tr
    tbl = table._tbl
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    tbl.replace(tr, sdt)
    content.append(tr)
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert _texts(grid)[1] == ["dalam sdt", "juga"]


def test_text_box_is_read_once_as_a_line(tmp_path: Path) -> None:
    """A modern text box is stored twice (DrawingML choice + VML fallback)."""
    document = docx.Document()
    p = document.add_paragraph("before")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>KOMISI PEMILIHAN'
        "</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>KOMISI PEMILIHAN</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    p._p.append(etree.fromstring(box))
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert [line.text for line in grid.lines] == ["before", "KOMISI PEMILIHAN"]


# --- shading --------------------------------------------------------------------------------


def _shade(cell: object, fill: str, val: str = "clear", color: str = "auto") -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), val)
    shd.set(qn("w:color"), color)
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)  # type: ignore[attr-defined]


def test_shading(tmp_path: Path) -> None:
    document, table = _table(1, 8)
    _shade(table.cell(0, 0), "D9D9D9")
    _shade(table.cell(0, 1), "FFFFFF")
    _shade(table.cell(0, 2), "auto")
    _shade(table.cell(0, 3), "F8F8F8")  # near white: invisible on paper
    _shade(table.cell(0, 4), "FFFFFF", val="solid")  # solid paints the pattern colour (black)
    _shade(table.cell(0, 5), "FFFFFF", val="pct50")
    _shade(table.cell(0, 6), "FF0000", val="nil")
    shd = OxmlElement("w:shd")  # an empty cell coloured through its paragraph
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), "00B050")
    table.cell(0, 7).paragraphs[0]._p.get_or_add_pPr().append(shd)
    cells = read_docx(_save(document, tmp_path), OPTIONS).tables[0].rows[0]
    assert [c.shaded for c in cells] == [True, False, False, False, True, True, False, True]


# --- errors at the edge ---------------------------------------------------------------------


def _zip(tmp_path: Path, members: dict[str, bytes], name: str = "x.docx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(UnreadableDocument):
        read_docx(path, OPTIONS)


def test_truncated_zip(tmp_path: Path) -> None:
    document, _ = _table(2, 2)
    data = _save(document, tmp_path).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableDocument):
        read_docx(path, OPTIONS)


def test_missing_document_part(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="document.xml"):
        read_docx(_zip(tmp_path, {"[Content_Types].xml": b"<Types/>"}), OPTIONS)


@pytest.mark.parametrize(
    "xml",
    [
        b"<w:document",  # truncated
        b"\x00\x01\x02",
        b"<html><body/></html>",  # well-formed but not WordprocessingML
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><d>&a;</d>',
    ],
)
def test_bad_document_xml(tmp_path: Path, xml: bytes) -> None:
    with pytest.raises(UnreadableDocument):
        read_docx(_zip(tmp_path, {"word/document.xml": xml}), OPTIONS)


def test_corrupt_member_data(tmp_path: Path) -> None:
    document, _ = _table(2, 2)
    data = bytearray(_save(document, tmp_path).read_bytes())
    start = data.find(b"word/document.xml") + len(b"word/document.xml")
    for i in range(start + 10, start + 60):  # scribble over the deflated stream
        data[i] ^= 0x5A
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableDocument):
        read_docx(path, OPTIONS)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = _zip(tmp_path, {"word/document.xml": b"<a/>", "word/media/bomb.bin": bytes(3 << 20)})
    assert path.stat().st_size < 100_000
    with pytest.raises(TooLarge):
        read_docx(path, ExtractOptions(max_unpacked_bytes=1 << 20))


def test_main_part_is_found_through_the_package_relationships(tmp_path: Path) -> None:
    document, table = _table(1, 1)
    table.cell(0, 0).text = "renamed"
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(buf) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["word/main.xml"] = members.pop("word/document.xml")
    members["_rels/.rels"] = members["_rels/.rels"].replace(b"word/document.xml", b"word/main.xml")
    grid = read_docx(_zip(tmp_path, members), OPTIONS)
    assert _texts(grid) == [["renamed"]]


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    document, table = _table(1, 2)
    table.cell(0, 1).text = "strict"
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(buf) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    grid = read_docx(_zip(tmp_path, members), OPTIONS)
    assert _texts(grid) == [["", "strict"]]
    assert _spans(grid) == [[(0, 1000), (1000, 2000)]]


@pytest.mark.parametrize("path", sorted(EXTERNAL.glob("*.docx")), ids=lambda p: p.name)
def test_python_docx_corpus_gives_a_grid_or_a_typed_error(path: Path) -> None:
    try:
        grid = read_docx(path, OPTIONS)
    except RakError:
        return
    assert grid.format == "docx"
    for table in grid.tables:
        for row in table.rows:
            assert all(isinstance(c, Cell) and c.x1 > c.x0 for c in row)


def test_python_docx_corpus_merged_cells() -> None:
    grid = read_docx(EXTERNAL / "features_steps_test_files_tbl-cell-access.docx", OPTIONS)
    last = grid.tables[3].rows
    assert [[(c.text, c.continued) for c in row] for row in last[1:]] == [
        [("4", False), ("6", False)],
        [("", True), ("9", False)],
    ]


# --- speed ----------------------------------------------------------------------------------


def test_three_hundred_rows_are_all_read(tmp_path: Path) -> None:
    """Its speed is measured in ``benchmarks/bench_office.py``, not asserted here."""
    document, table = _table(300, 17, width=600)
    tbl = table._tbl
    for i, tr in enumerate(tbl.tr_lst):
        for j, tc in enumerate(tr.tc_lst):
            tc.p_lst[0].add_r().text = "√" if 4 <= j < 16 else f"r{i}c{j}"
    path = _save(document, tmp_path)
    grid = read_docx(path, OPTIONS)
    assert len(grid.tables[0].rows) == 300
    assert grid.tables[0].rows[299][16].text == "r299c16"


# --- the Kubu Raya rebuild ------------------------------------------------------------------


HEADINGS = [
    "SASARAN KEGIATAN",
    "INDIKATOR KINERJA",
    "TARGET",
    "KEGIATAN",
    "RENCANA PELAKSANAAN",
    "PELAKSANA",
]


def _seed_pages() -> list[list[list[str]]]:
    """The seed text's data rows, page by page (each page starts with its header)."""
    pages: list[list[list[str]]] = []
    for line in SEED_TEXT.read_text("utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 16:
            continue
        if cells[0] == "SASARAN KEGIATAN":
            pages.append([])
        elif cells[0] != "1" and "B1" not in cells:
            pages[-1].append(cells)
    return pages


def needs_seed(f):  # the seed files are part of the repository and of ../shared
    return f


@needs_seed
def test_seed_docx_tables_and_headers() -> None:
    grid = read_docx(SEED_DOCX, OPTIONS)
    assert len(grid.tables) == 19 == len(_seed_pages())
    widths = []
    for table in grid.tables:
        head, months, numbers = table.rows[:3]
        assert [c.text for c in head][:6] == HEADINGS
        assert [c.text for c in months][4:16] == [f"B{i}" for i in range(1, 13)]
        assert [c.continued for c in months][:4] == [True] * 4  # vMerge under the headings
        assert [c.text for c in numbers][:17] == [str(i) for i in range(1, 18)]
        plan = head[4]  # RENCANA PELAKSANAAN spans the twelve months, as one cell
        assert (plan.x0, plan.x1) == (months[4].x0, months[15].x1)
        widths.append({len(row) for row in table.rows[1:]})
    assert widths.count({18}) == 1 and widths.count({17}) == 18  # the page with an 18th column


@needs_seed
def test_seed_docx_cells_match_the_seed_text() -> None:
    grid = read_docx(SEED_DOCX, OPTIONS)
    for table, page in zip(grid.tables, _seed_pages(), strict=True):
        data = table.rows[3:]
        assert len(data) == len(page)
        for i, (row, cells) in enumerate(zip(data, page, strict=True)):
            assert [c.text == "√" for c in row] == [c.strip() == "√" for c in cells]
            assert row[2].text == cells[2].strip()  # TARGET as written
            # An empty SASARAN under a filled one is a vertical merge, never copied text.
            assert row[0].continued == (i > 0 and not cells[0].strip())
            assert row[0].text == ("" if row[0].continued else cells[0].strip())
    marks = sum(c.text == "√" for t in grid.tables for r in t.rows for c in r)
    assert marks == SEED_TEXT.read_text("utf-8").count("√") == 483


@needs_seed
def test_seed_docx_lines_around_the_tables() -> None:
    lines = read_docx(SEED_DOCX, OPTIONS).lines
    before = [line.text for line in lines if line.after_tables == 0]
    after = [line.text for line in lines if line.after_tables == 19]
    assert "RENCANA AKSI KINERJA" in before and "Tahun : 2024" in before
    assert after[0] == "SUNGAI RAYA, JANUARI 2024" and "SEKRETARIS," in after


def _styled(style: str, rows: int = 4, cols: int = 3) -> tuple[docx.document.Document, object]:
    document, table = _table(rows, cols)
    table.style = style
    return document, table


def _fill(cell: object, colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shd)  # type: ignore[attr-defined]


@pytest.mark.parametrize("style", ["Light Grid Accent 1", "Medium Shading 1 Accent 1",
                                   "Light List Accent 1", "Table Grid"])
def test_a_table_styles_own_fills_are_its_pattern_not_shading(tmp_path: Path, style: str) -> None:
    # Banded rows, a painted header row and first column come from the style: no cell of
    # the table stands out, whatever the style paints.
    document, table = _styled(style)
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert not any(c.shaded for row in grid.tables[0].rows for c in row)


@pytest.mark.parametrize("style", ["Light Grid Accent 1", "Medium Shading 1 Accent 1"])
def test_a_cell_filled_by_hand_in_a_styled_table_stands_out(tmp_path: Path, style: str) -> None:
    document, table = _styled(style)
    for r in range(1, 4):
        _fill(table.cell(r, 1), "808080")
    for r in range(1, 4):  # the band's own colour: seen only where the band is not
        _fill(table.cell(r, 2), "D3DFEE")
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    shaded = [[c.shaded for c in row] for row in grid.tables[0].rows]
    assert [row[1] for row in shaded[1:]] == [True, True, True]
    assert [row[2] for row in shaded[1:]] == [False, True, False]


def test_list_paragraphs_keep_the_label_word_prints(tmp_path: Path) -> None:
    document, table = _table(1, 1)
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = "Menyusun jadwal:"
    for text in ("Rapat persiapan", "Rapat pleno"):
        cell.add_paragraph(text, style="List Number")
    cell.add_paragraph("- Mengirim undangan")  # a dash typed as text
    document.add_paragraph("Catatan", style="List Bullet")
    grid = read_docx(_save(document, tmp_path), OPTIONS)
    assert grid.tables[0].rows[0][0].text == (
        "Menyusun jadwal:\n1. Rapat persiapan\n2. Rapat pleno\n- Mengirim undangan")
    assert [ln.text for ln in grid.lines] == ["• Catatan"]
