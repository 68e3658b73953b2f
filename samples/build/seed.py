"""The seed RAK (KPU Kabupaten Kubu Raya, 2024) read from its text into a ``SampleDoc``.

The text keeps the original's pages (each begins with the repeated header) and its defects:
a missing PELAKSANA, a √ in PELAKSANA, and a page whose table has an 18th column into which
three rows' PELAKSANA slipped.
"""

from __future__ import annotations

from pathlib import Path

from .spec import SampleDoc, SamplePage, SampleRow

SEED_TEXT = Path(__file__).resolve().parents[3] / "shared" / "seed" / "rak-kubu-raya-2024.txt"


def _is_header(cells: list[str]) -> bool:
    first = cells[0].strip()
    return first == "SASARAN KEGIATAN" or first == "1" or (not first and "B1" in cells)


def load_seed(path: Path = SEED_TEXT, name: str = "rak-kubu-raya-2024") -> SampleDoc:
    pages: list[SamplePage] = []
    sasaran = ""
    for line in path.read_text("utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) < 16:
            continue
        if cells[0].strip() == "SASARAN KEGIATAN":
            pages.append(SamplePage(rows=[], extra_column=len(cells) > 17))
            continue
        if _is_header(cells):
            continue
        sasaran = cells[0].strip() or sasaran
        marks = cells[4:16]
        jadwal = [i + 1 for i, m in enumerate(marks) if m.strip()]
        in_col = cells[16].strip() if len(cells) > 16 else ""
        extra = cells[17].strip() if len(cells) > 17 else ""
        shifted = bool(extra)
        pages[-1].rows.append(
            SampleRow(
                sasaran=sasaran,
                indikator=cells[1].strip(),
                target=cells[2].strip(),
                kegiatan=cells[3].strip(),
                jadwal=jadwal,
                pelaksana=extra if shifted else in_col,
                pelaksana_shifted=shifted,
                pelaksana_column_text=in_col if shifted else "",
            )
        )
    return SampleDoc(name=name, pages=pages)
