"""The bulk run's terminal: an honest time left, and a table that fits 100 columns."""

from __future__ import annotations

import pytest

from rak.bulk.eta import Eta
from rak.bulk.progress import eta_text
from rak.bulk.summary import CLEAN, ERRORS, NOTES, UNCERTAIN, UNREADABLE, SummaryLine
from rak.bulk.table import render_table


def _run(durations: list[float], workers: int = 2, total: int = 10,
         timeout: float = 0.0) -> Eta:
    """An Eta that has seen ``durations`` finish one after another from t=0."""
    eta = Eta(total, workers, timeout)
    for k, d in enumerate(durations):
        eta.start(k, 0.0)
        eta.finish(k, d)
    return eta


def test_nothing_done_yet_says_no_number():
    eta = Eta(5, 2)
    eta.start(0, 0.0)
    assert eta.estimate(3.0).seconds is None and eta_text(eta.estimate(3.0), "id") == "-:--:--"


def test_files_not_started_take_the_mean_over_the_free_workers():
    eta = _run([10.0, 10.0, 10.0, 10.0], workers=2, total=8)  # 4 to go, none running
    assert eta.estimate(100.0).seconds == pytest.approx(20.0)
    assert eta_text(eta.estimate(100.0), "id") == "sisa ~0:00:20"


def test_a_running_file_counts_by_what_files_that_ran_as_long_took():
    # Most files take 2 s, one took 60 s. A file running for 10 s is like the slow one.
    eta = _run([2.0, 2.0, 2.0, 60.0], workers=1, total=5)
    eta.start(4, 100.0)
    assert eta.estimate(110.0).seconds == pytest.approx(50.0)  # 60 - 10, not 2 or 0


def test_the_last_file_past_every_file_done_is_waited_for_not_given_a_fake_number():
    eta = _run([2.0, 2.5, 3.0], workers=2, total=4, timeout=120.0)
    eta.start(3, 50.0)
    assert eta.estimate(51.0).seconds == pytest.approx(1.5)  # 1 s in: like the others
    late = eta.estimate(60.0)  # 10 s in: longer than any file done
    assert late.seconds is None and late.waiting == 1
    assert eta_text(late, "id") == "menunggu 1 berkas"
    assert eta_text(late, "en") == "waiting for 1 file(s)"


def test_files_to_start_while_one_is_waited_for_give_a_floor():
    eta = _run([4.0, 4.0], workers=2, total=6)
    eta.start(2, 10.0)
    later = eta.estimate(30.0)  # file 2 runs 20 s, past all; 3 wait, one worker free
    assert later.at_least and later.waiting == 1
    assert later.seconds == pytest.approx(12.0)
    assert eta_text(later, "id") == "sisa ≥0:00:12"


def test_a_rest_never_runs_past_the_timeout():
    eta = _run([5.0, 100.0], workers=1, total=3, timeout=30.0)
    eta.start(2, 0.0)
    assert eta.estimate(20.0).seconds == pytest.approx(10.0)  # killed at 30 s at the latest


UNIT = "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KUBU RAYA"


def _lines() -> list[SummaryLine]:
    return [
        SummaryLine("kalbar/kabupaten-kubu-raya/rak-kubu-raya-2024-revisi-akhir.xlsx", ERRORS,
                    1, unit_organisasi=UNIT, tahun=2024, rows=53, errors=2, warnings=11,
                    sure_errors=2, reason="2 baris perlu diperiksa dengan mata"),
        SummaryLine("kalbar/sambas.docx", NOTES, 0, unit_organisasi=UNIT, tahun=2024, rows=24,
                    warnings=3),
        SummaryLine("kalbar/ragu.json", UNCERTAIN, 1, unit_organisasi=UNIT, tahun=2024,
                    rows=24, errors=3, eye=3),
        SummaryLine("kalbar/bersih.docx", CLEAN, 0, unit_organisasi=UNIT, tahun=2024, rows=24),
        SummaryLine("kalbar/landak-rusak.pdf", UNREADABLE, 2,
                    reason="berkas rusak atau tidak dapat dibuka (PSEOF: Unexpected EOF)"),
    ]


@pytest.mark.parametrize("width", [100, 80, 120])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_table_fits_the_terminal_and_never_cuts_a_status(width: int, lang: str):
    lines = _lines()
    text = render_table(lines, "check", lang, color=False, width=width)
    rows = text.splitlines()
    assert max(len(r) for r in rows) <= width, text
    for x in lines:  # each status whole, on one line
        assert any(x.status_word(lang) in r for r in rows), (x.status_word(lang), text)
    # A reason is never lost: in its column, or under the table when the column went.
    assert "Unexpected" in text and "diperiksa" in text
    # Every file's name is there, its start at least (the file column wraps, never below 12).
    for x in lines:
        assert x.file[:12] in text, (x.file, text)


def test_a_narrow_terminal_drops_the_year_and_the_unit_before_any_status_letter():
    def header(width: int) -> str:
        rows = render_table(_lines(), "check", "id", color=False, width=width).splitlines()
        return " ".join(rows[:next(i for i, r in enumerate(rows) if r.startswith("─"))])

    assert "Tahun" in header(200) and "Unit" in header(200)
    assert "Tahun" not in header(120) and "Unit" in header(120)
    narrow = header(80)
    assert "Tahun" not in narrow and "Unit" not in narrow
    assert all(h in narrow for h in ("Berkas", "Kesalahan", "Peringatan", "Status"))
