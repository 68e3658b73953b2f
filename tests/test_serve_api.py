"""`rak serve`'s API and pages through Starlette's test client: the same work as the command
line, every uploaded file one line, hostile uploads refused with a clear 4xx, no machine path
in any answer, the token and the host checked on every request, jobs deleted after their time.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient
from typer.testing import CliRunner

from rak.cli import app as cli
from rak.serve.app import create_app
from rak.serve.settings import ServeSettings

from .conftest import SAMPLES

SEED_PDF = SAMPLES / "rak-kubu-raya-2024.pdf"
URL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(workers=2)), base_url=URL) as c:
        yield c


def _file(path: Path, name: str | None = None) -> tuple[str, tuple[str, bytes]]:
    return ("file", (name or path.name, path.read_bytes()))


def _zip(members: dict[str, bytes], links: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name in links:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return buf.getvalue()


def _finished(client: TestClient, job: str, wait: float = 300) -> dict:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        said = client.get(f"/api/jobs/{job}").json()
        if said["state"] in ("done", "failed"):
            return said
        time.sleep(0.3)
    raise AssertionError(f"job {job} did not end")


def _no_machine_path(text: str) -> None:
    assert "/tmp" not in text and "rak-serve-" not in text and "/work/" not in text, text


@pytest.mark.slow
def test_api_check_is_rak_check_json(client: TestClient) -> None:
    answer = client.post("/api/check", files=[_file(SEED_PDF)])
    assert answer.status_code == 200, answer.text
    ran = CliRunner().invoke(cli, ["check", str(SEED_PDF), "-f", "json"])
    assert ran.exit_code == 1  # the seed has errors
    assert answer.json() == json.loads(ran.stdout)
    assert len(answer.json()["findings"]) == 13
    _no_machine_path(answer.text)


def test_api_check_in_english(client: TestClient) -> None:
    seed = SAMPLES / "rak-kubu-raya-2024.docx"
    answer = client.post("/api/check", files=[_file(seed)], data={"lang": "en"})
    ran = CliRunner().invoke(cli, ["check", str(seed), "-f", "json", "--lang", "en"])
    assert answer.json() == json.loads(ran.stdout)


@pytest.mark.slow
def test_a_job_has_one_line_per_uploaded_file(client: TestClient) -> None:
    broken = b"%PDF-1.4\n" + b"\x00" * 100  # a PDF that cannot be read
    upload = [
        _file(SAMPLES / "rak-kubu-raya-2024.docx"),
        _file(SAMPLES / "rak-arsir.pdf"),
        ("file", ("rusak.pdf", broken)),
        ("file", ("catatan.txt", b"bukan RAK\n")),
        ("file", ("arsip.zip", _zip({"kab/rak.docx": (SAMPLES / "rak-kelompok.docx").read_bytes(),
                                     "kab/lain.xlsx": (SAMPLES / "rak-kubu-raya-2024.xlsx")
                                     .read_bytes()}))),
    ]
    made = client.post("/api/jobs", files=upload)
    assert made.status_code == 202, made.text
    job = made.json()["id"]
    said = _finished(client, job)
    assert said["state"] == "done"
    by_file = {f["file"]: f for f in said["files"]}
    assert sorted(by_file) == sorted(["rak-kubu-raya-2024.docx", "rak-arsir.pdf", "rusak.pdf",
                                      "catatan.txt", "arsip/kab/rak.docx",
                                      "arsip/kab/lain.xlsx"])
    assert by_file["rak-kubu-raya-2024.docx"]["status_code"] == "errors"
    assert by_file["rusak.pdf"]["status_code"] == "unreadable"
    assert by_file["catatan.txt"]["status_code"] == "skipped"
    assert "text/plain" in by_file["catatan.txt"]["reason"]
    _no_machine_path(json.dumps(said))
    downloads = said["downloads"]
    sheet = load_workbook(io.BytesIO(client.get(downloads["ringkasan.xlsx"]).content))
    listed = [r[0] for r in sheet.worksheets[0].iter_rows(min_row=2, values_only=True) if r[0]]
    assert sorted(listed) == sorted(n for n in by_file if n != "catatan.txt")
    rows = client.get(downloads["rows.csv"]).content.decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 53 + 24 + 30 + 53  # the header, then every row of every RAK read
    index = client.get(downloads["index.html"]).text
    _no_machine_path(index)
    assert "catatan.txt" in index
    with zipfile.ZipFile(io.BytesIO(client.get(downloads["laporan.zip"]).content)) as zf:
        assert "berkas/rak-kubu-raya-2024.docx.html" in zf.namelist()
    page = client.get(f"/jobs/{job}")
    assert page.status_code == 200 and "serve.js" in page.text


@pytest.mark.slow
def test_one_file_job_downloads_the_workbook(client: TestClient) -> None:
    made = client.post("/api/jobs", files=[_file(SAMPLES / "rak-kubu-raya-2024.docx")])
    job = made.json()["id"]
    said = _finished(client, job)
    (only,) = said["files"]
    assert set(only["reports"]) == {"html", "json", "csv"}
    html = client.get(f"/jobs/{job}/out/{only['reports']['html']}")
    assert html.headers["content-type"].startswith("text/html")
    workbook = client.get(f"/jobs/{job}/files/0.xlsx")
    assert workbook.status_code == 200
    wb = load_workbook(io.BytesIO(workbook.content))
    assert "Temuan" in wb.sheetnames
    # ... and the workbook is read again as rak check reads a corrected one.
    again = client.post("/api/check", files=[("file", ("rak.xlsx", workbook.content))])
    assert again.status_code == 200, again.text
    assert len(again.json()["rows"]) == 53


@pytest.mark.parametrize("path", ["../../etc/passwd", "%2e%2e/in/001/x", "berkas/../../in"])
def test_a_job_serves_only_its_own_outputs(client: TestClient, path: str) -> None:
    made = client.post("/api/jobs", files=[("file", ("catatan.txt", b"x"))])
    job = made.json()["id"]
    _finished(client, job)
    assert client.get(f"/jobs/{job}/out/{path}").status_code == 404


def test_hostile_uploads_get_a_clear_4xx(client: TestClient) -> None:
    cases = {
        "txt": [("file", ("catatan.txt", b"hanya teks\n"))],
        # 64 MB of zeros packed into some 64 KB: a bomb by its ratio.
        "bomb": [("file", ("bom.zip", _zip({"a.pdf": bytes(64 << 20)})))],
        "dotdot": [("file", ("jalan.zip", _zip({"../../keluar.pdf": SEED_PDF.read_bytes()})))],
        "link": [("file", ("tautan.zip", _zip({"a.docx": b"x"}, links=("b.pdf",))))],
    }
    said = {}
    for name, files in cases.items():
        answer = client.post("/api/check", files=files)
        said[name] = (answer.status_code, answer.json()["error"])
    assert said["txt"] == (415, "catatan.txt: bukan PDF, Word atau Excel (text/plain)")
    assert said["bomb"][0] == 413 and "bom.zip" in said["bomb"][1] and "bom zip" in said["bomb"][1]
    assert said["dotdot"] == (400, "jalan.zip: nama di dalam zip keluar dari foldernya "
                                   "(../../keluar.pdf); zip ditolak")
    assert said["link"] == (400, "tautan.zip: zip berisi tautan simbolik (b.pdf); zip ditolak")
    for _, message in said.values():
        _no_machine_path(message)


def test_a_300_mb_upload_is_refused_before_it_is_read(client: TestClient) -> None:
    def body() -> Iterator[bytes]:
        yield b"x" * 1024
        raise AssertionError("the server read past the declared size")

    answer = client.post("/api/check", content=body(), headers={
        "content-type": "multipart/form-data; boundary=b", "content-length": str(300 << 20)})
    assert answer.status_code == 413
    assert answer.json()["error"] == "unggahan terlalu besar: paling besar 200 MB sekali kirim"


def test_a_body_longer_than_the_limit_is_cut() -> None:
    settings = ServeSettings(max_upload_mb=1)
    with TestClient(create_app(settings), base_url=URL) as c:
        # Refused while the form is read: the language comes from the address.
        answer = c.post("/api/jobs?lang=en",
                        files=[("file", ("besar.pdf", b"%PDF-" + b"0" * (2 << 20)))])
    assert answer.status_code == 413
    assert answer.json()["error"] == "upload too large: at most 1 MB per request"


def test_a_zip_past_the_unpacked_limit_is_413() -> None:
    with TestClient(create_app(ServeSettings(max_unpacked_mb=1)), base_url=URL) as c:
        answer = c.post("/api/jobs", files=[("file", ("besar.zip", _zip(
            {f"{i}.pdf": os.urandom(600 << 10) for i in range(2)})))])
    assert answer.status_code == 413
    assert answer.json()["error"] == ("besar.zip: zip terbuka menjadi 2 MB, melebihi batas 1 MB; "
                                      "zip ditolak")


def test_too_many_files_is_413() -> None:
    with TestClient(create_app(ServeSettings(max_files=2)), base_url=URL) as c:
        answer = c.post("/api/jobs", files=[("file", (f"{i}.pdf", b"%PDF-")) for i in range(3)])
        zipped = c.post("/api/jobs", files=[("file", ("a.zip", _zip(
            {f"{i}.pdf": b"%PDF-" for i in range(3)})))])
    assert answer.status_code == 413 and zipped.status_code == 413
    assert "paling banyak 2" in answer.json()["error"]


def test_unreadable_file_is_422_without_a_path(client: TestClient) -> None:
    answer = client.post("/api/check", files=[("file", ("rusak.docx", b"PK\x03\x04 rusak"))])
    assert answer.status_code in (415, 422)
    assert answer.json()["error"].startswith("rusak.docx")
    _no_machine_path(answer.text)


def test_off_loopback_every_request_needs_the_token() -> None:
    with pytest.raises(ValueError):
        ServeSettings(host="0.0.0.0")
    settings = ServeSettings(host="0.0.0.0", token="rahasia")
    with TestClient(create_app(settings), base_url="http://10.0.0.5") as c:
        assert c.get("/").status_code == 401
        assert c.get("/api/jobs/x").status_code == 401
        assert c.get("/static/serve.css").status_code == 401
        assert c.get("/", headers={"authorization": "Bearer salah"}).status_code == 401
        assert c.get("/", headers={"authorization": "Bearer rahasia"}).status_code == 200
        opened = c.get("/?token=rahasia&lang=en", follow_redirects=False)
        assert opened.status_code == 303 and opened.headers["location"] == "/?lang=en"
        assert "rak_token=rahasia" in opened.headers["set-cookie"]
        assert "httponly" in opened.headers["set-cookie"].lower()
        assert c.get("/").status_code == 200  # the cookie from now on


def test_loopback_refuses_other_host_names() -> None:
    with TestClient(create_app(ServeSettings()), base_url="http://evil.example") as c:
        assert c.get("/").status_code == 400


def test_pages_speak_both_languages_and_fetch_nothing_elsewhere(client: TestClient) -> None:
    one = client.get("/")
    assert one.status_code == 200 and "Tarik berkas RAK ke sini" in one.text
    assert "Content-Security-Policy".lower() in one.headers
    english = client.get("/banyak?lang=en")
    assert "Drop many files or one .zip here" in english.text
    assert "rak_lang=en" in english.headers["set-cookie"]
    for page in (one.text, english.text):
        assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert client.get("/static/serve.js").status_code == 200
    client.cookies.clear()  # the other tests speak the default language


def test_a_finished_job_is_deleted_after_its_time() -> None:
    settings = ServeSettings(keep_minutes=0.01)
    with TestClient(create_app(settings), base_url=URL) as c:
        made = c.post("/api/jobs", files=[("file", ("catatan.txt", b"x"))])
        job = made.json()["id"]
        assert c.get(f"/api/jobs/{job}").status_code == 200
        store = c.app.state.jobs  # type: ignore[attr-defined]
        folder = store.jobs[job].root
        assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700
        time.sleep(1.0)
        gone = c.get(f"/api/jobs/{job}")
        assert gone.status_code == 404 and "dihapus" in gone.json()["error"]
        assert not folder.exists()
    assert not store.base.exists()  # the server's own folder goes when it stops


@pytest.mark.slow
def test_a_scan_says_its_pages_while_it_reads() -> None:
    scan = SAMPLES / "rak-kubu-raya-2024-scan-150.pdf"
    # The time limit off: 20 pages of OCR on a busy machine may take longer than 120 s.
    with TestClient(create_app(ServeSettings(timeout=0)), base_url=URL) as client:
        _pages_while_reading(client, scan)


def _pages_while_reading(client: TestClient, scan: Path) -> None:
    job = client.post("/api/jobs", files=[_file(scan)]).json()["id"]
    seen = set()
    while (said := client.get(f"/api/jobs/{job}").json())["state"] not in ("done", "failed"):
        if "pages_total" in said:
            seen.add((said["pages_done"], said["pages_total"]))
            assert said["files"][0]["status_code"] == "running"
        time.sleep(0.2)
    assert said["state"] == "done" and said["files"][0]["rows"] > 0
    import pdfplumber

    with pdfplumber.open(scan) as pdf:
        pages = len(pdf.pages)
    assert {total for _, total in seen} == {pages}
    done = sorted(d for d, _ in seen)
    assert len(done) >= 2 and all(0 <= d <= pages for d in done)  # told as it went


@pytest.mark.slow
def test_a_streamed_300_mb_upload_is_cut_at_the_limit(client: TestClient) -> None:
    """No Content-Length to trust: the body is counted as it comes and cut past 200 MB."""
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="besar.pdf"\r\n\r\n'
        chunk = b"%PDF-" + bytes((1 << 20) - 5)
        for _ in range(300):
            sent += len(chunk)
            yield chunk
        yield b"\r\n--b--\r\n"

    answer = client.post("/api/check", content=body(),
                         headers={"content-type": "multipart/form-data; boundary=b"})
    assert answer.status_code == 413
    assert answer.json()["error"] == "unggahan terlalu besar: paling besar 200 MB sekali kirim"


def test_a_zip_is_a_folder_named_after_it_without_macos_forks(client: TestClient) -> None:
    archive = _zip({"kab/catatan.txt": b"x", "__MACOSX/kab/._catatan.txt": b"fork"})
    job = client.post("/api/jobs", files=[("file", ("arsip", archive))]).json()["id"]
    said = _finished(client, job)
    assert [(f["file"], f["status_code"]) for f in said["files"]] == [
        ("arsip/kab/catatan.txt", "skipped")]


def test_an_upload_name_with_folders_is_only_its_last_part(client: TestClient) -> None:
    sent = [("file", ("../../etc/catatan.txt", b"x")), ("file", ("C:\\Users\\a\\b.txt", b"y")),
            ("file", ("..", b"z"))]
    job = client.post("/api/jobs", files=sent).json()["id"]
    said = _finished(client, job)
    assert sorted(f["file"] for f in said["files"]) == ["b.txt", "berkas", "catatan.txt"]
    store = client.app.state.jobs  # type: ignore[attr-defined]
    root = store.jobs[job].root
    stored = sorted(p.relative_to(root / "in").as_posix()
                    for p in (root / "in").rglob("*") if p.is_file())
    assert stored == ["001/catatan.txt", "002/b.txt", "003/berkas"]
    assert not (store.base / "etc").exists() and not (root / "etc").exists()
