"""Bulk checks with Perjanjian Kinerja: each RAK paired with the PK of its office and year.

The RAKs and PKs are the samples' specs as JSON (quick to read) and committed sample files
(a PK recognised by its content in the RAKs' own folder); the findings expected on a paired
RAK are the ones planted in its PK's spec.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rak.bulk.pairing import Described, pair_documents
from rak.cli import app
from samples.build import pk_writer
from samples.build.variants import triwulan

from .conftest import SAMPLES
from .pk_doc import pk_document, planted_findings
from .seed_doc import sample_document, seed_data


def _write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _summary(out: Path) -> dict[str, dict[str, str]]:
    with (out / "ringkasan.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {Path(r["file"]).name: r for r in csv.DictReader(fh)}


def _pk_findings(out: Path, line: dict[str, str]) -> list[tuple[str, int | None]]:
    data = json.loads((out / line["report_json"]).read_text("utf-8"))
    found = [(f["rule"], f["row"]) for f in data["findings"] if f["rule"].startswith("pk-")]
    return sorted(found, key=lambda f: (f[0], f[1] or 0))


def _by_rule(found: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    return sorted(found, key=lambda f: (f[0], f[1] or 0))


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture()
def archive(tmp_path: Path) -> tuple[Path, Path]:
    """RAKs of three offices; PKs for two of them and one for an office without a RAK."""
    raks, pks = tmp_path / "rak", tmp_path / "pk"
    _write(raks / "kubu-raya.json", seed_data())
    rak_tw, _ = triwulan()
    _write(raks / "kalbar" / "rencana.json", sample_document(rak_tw).to_dict())
    shutil.copy(SAMPLES / "rak-arsir.docx", raks / "sambas.docx")  # no PK for Sambas
    _write(pks / "a.json", pk_document(pk_writer.kubu_raya_beda().pk).to_dict())
    shutil.copy(SAMPLES / "pk-triwulan-beda.pdf", pks / "b.pdf")
    other = pk_document(pk_writer.kubu_raya().pk)
    other.document.unit_organisasi = "SEKRETARIAT KPU KABUPATEN LANDAK"
    _write(pks / "c.json", other.to_dict())
    return raks, pks


def test_each_rak_is_checked_against_the_pk_of_its_office_and_year(archive, tmp_path) -> None:
    raks, pks = archive
    out = tmp_path / "hasil"
    res = run("check", str(raks), "--out", str(out), "--pk-dir", str(pks), "--jobs", "2")
    assert res.exit_code == 1, res.output
    lines = _summary(out)
    assert {k: (v["jenis"], v["status"]) for k, v in lines.items()} == {
        # The PK's planted differences are errors; Sambas, without a PK, has warnings only.
        "kubu-raya.json": ("rak", "perlu perbaikan"), "rencana.json": ("rak", "perlu perbaikan"),
        "sambas.docx": ("rak", "ada catatan"), "a.json": ("pk", "Perjanjian Kinerja"),
        "b.pdf": ("pk", "Perjanjian Kinerja"), "c.json": ("pk", "Perjanjian Kinerja"),
    }
    assert Path(lines["kubu-raya.json"]["pasangan"]).name == "a.json"
    assert Path(lines["rencana.json"]["pasangan"]).name == "b.pdf"
    assert Path(lines["b.pdf"]["pasangan"]).name == "rencana.json"
    assert lines["sambas.docx"]["pasangan"] == "(tanpa PK)"
    assert lines["c.json"]["pasangan"] == "(tanpa RAK)"
    assert lines["a.json"]["errors"] == "" and lines["a.json"]["rows"] == "53"
    # Each paired RAK's report holds what was planted in its PK, and the pairs made.
    assert _pk_findings(out, lines["kubu-raya.json"]) == _by_rule(
        planted_findings(pk_writer.kubu_raya_beda().pk))
    assert _pk_findings(out, lines["rencana.json"]) == _by_rule(
        planted_findings(pk_writer.triwulan_beda().pk))
    assert _pk_findings(out, lines["sambas.docx"]) == []
    report = json.loads((out / lines["kubu-raya.json"]["report_json"]).read_text("utf-8"))
    # A PK given as JSON names the file it was read from.
    assert report["pk"]["file"] == "pk-kubu-raya-2024-beda.pdf"
    assert len(report["pk"]["pasangan"]) == 52
    html = (out / lines["kubu-raya.json"]["report_html"]).read_text("utf-8")
    assert 'class="pk-pairs"' in html
    # The PK's own extraction is its report.
    assert json.loads((out / lines["b.pdf"]["report_json"]).read_text("utf-8"))["jenis"] == "pk"
    # The summary says what has no partner, on the terminal and in index.html.
    assert "2 RAK berpasangan dengan PK unit dan tahunnya; 1 RAK tanpa PK; 1 PK tanpa RAK" in (
        res.stdout)
    assert "RAK tanpa PK: " in res.stdout and "sambas.docx" in res.stdout
    index = (out / "index.html").read_text("utf-8")
    assert "Pasangan RAK–Perjanjian Kinerja" in index and "PK tanpa RAK: " in index
    assert "3 Perjanjian Kinerja" in res.stdout


def test_pks_in_the_raks_own_folder_are_recognised_by_their_content(tmp_path) -> None:
    folder = tmp_path / "campur"
    folder.mkdir()
    shutil.copy(SAMPLES / "rak-triwulan.docx", folder / "satu.docx")
    shutil.copy(SAMPLES / "pk-triwulan.docx", folder / "dua.docx")
    out = tmp_path / "hasil"
    res = run("check", str(folder), "--out", str(out), "--jobs", "2")
    assert res.exit_code in (0, 1), res.output
    lines = _summary(out)
    assert (lines["dua.docx"]["jenis"], lines["satu.docx"]["jenis"]) == ("pk", "rak")
    assert Path(lines["satu.docx"]["pasangan"]).name == "dua.docx"
    assert _pk_findings(out, lines["satu.docx"]) == []  # the consistent PK


def test_without_any_pk_nothing_is_paired(tmp_path) -> None:
    folder = tmp_path / "rak"
    _write(folder / "kubu-raya.json", seed_data())
    out = tmp_path / "hasil"
    res = run("check", str(folder), "--out", str(out))
    line = _summary(out)["kubu-raya.json"]
    assert line["pasangan"] == "" and _pk_findings(out, line) == []
    assert "Pasangan" not in res.stdout
    assert "Pasangan RAK" not in (out / "index.html").read_text("utf-8")
    # --pk-dir says what has no partner even when it holds none.
    empty = tmp_path / "kosong"
    empty.mkdir()
    res = run("check", str(folder), "--out", str(tmp_path / "dua"), "--pk-dir", str(empty))
    assert _summary(tmp_path / "dua")["kubu-raya.json"]["pasangan"] == "(tanpa PK)"
    assert "1 RAK tanpa PK" in res.stdout


def test_bulk_extract_reads_a_pk_and_keeps_it_out_of_the_rows(tmp_path) -> None:
    folder = tmp_path / "campur"
    folder.mkdir()
    shutil.copy(SAMPLES / "rak-triwulan.docx", folder / "satu.docx")
    shutil.copy(SAMPLES / "pk-triwulan.docx", folder / "dua.docx")
    out = tmp_path / "hasil"
    res = run("extract", str(folder), "--out", str(out))
    assert res.exit_code == 0, res.output
    lines = _summary(out)
    assert (lines["dua.docx"]["jenis"], lines["dua.docx"]["status"]) == ("pk", "terbaca")
    pk = json.loads((out / lines["dua.docx"]["report_json"]).read_text("utf-8"))
    assert pk["jenis"] == "pk" and len(pk["rows"]) == 30
    with (out / "rows.csv").open(encoding="utf-8-sig", newline="") as fh:
        files = {Path(r["file"]).name for r in csv.DictReader(fh)}
    assert files == {"satu.docx"}


def test_a_check_summary_as_json_names_kinds_and_partners(archive) -> None:
    raks, pks = archive
    res = run("check", str(raks), "--pk-dir", str(pks), "-f", "json")
    files = {Path(f["file"]).name: f for f in json.loads(res.stdout)["files"]}
    assert files["c.json"]["jenis"] == "pk" and files["c.json"]["pasangan"] == "(tanpa RAK)"


# --- pairing -------------------------------------------------------------------------------


def test_pairing_takes_office_and_year_from_the_documents() -> None:
    raks = [
        Described(0, "SEKRETARIAT KPU KABUPATEN KUBU RAYA", 2024),
        Described(1, "Sekretariat KPU Kab. Kubu Raya", 2025),
        Described(2, "KPU KOTA PONTIANAK", 2024),
        Described(3, None, 2024),
    ]
    pks = [
        Described(10, "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KUBURAYA", 2024),
        Described(11, "KPU Kabupaten Pontianak", 2024),  # another office than the city's
        Described(12, "KPU Kabupaten Kubu Raya", 2025),
    ]
    pairs = pair_documents(raks, pks)
    assert pairs.of_rak == {0: 10, 1: 12}
    assert pairs.raks_without == [2, 3] and pairs.pks_without == [11]


def test_a_second_rak_of_one_office_and_year_takes_a_free_pk_first() -> None:
    raks = [Described(0, "KPU Kota Singkawang", 2024), Described(1, "KPU Kota Singkawang", 2024)]
    one = pair_documents(raks, [Described(5, "KPU Kota Singkawang", 2024)])
    assert one.of_rak == {0: 5, 1: 5} and one.pks_without == []
    two = pair_documents(raks, [Described(5, "KPU Kota Singkawang", 2024),
                                Described(6, "KPU Kota Singkawang", 2024)])
    assert two.of_rak == {0: 5, 1: 6}
