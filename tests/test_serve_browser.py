"""`rak serve` in a real headless Chromium (Selenium with Debian's chromium-driver; .ci/run
installs both): a person uploads the seed and sees its report with its 13 findings, then
runs a job of several files and downloads ringkasan.xlsx. The screenshots go to
``$RAK_SCREENSHOTS`` when it is set (README's docs/serve.png is one of them).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from benchmarks.load_serve import Server, serving

from .conftest import SAMPLES

pytestmark = pytest.mark.slow

DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serving("--jobs", "2") as s:
        yield s


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=id"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("prefs", {
        "download.default_directory": str(tmp_path), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = tmp_path  # type: ignore[attr-defined]
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: webdriver.Chrome, name: str) -> None:
    folder = os.environ.get("RAK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / name))


def _upload(driver: webdriver.Chrome, files: list[Path]) -> None:
    picker = driver.find_element(By.CSS_SELECTOR, "form.drop input[type=file]")
    picker.send_keys("\n".join(str(f) for f in files))
    driver.find_element(By.CSS_SELECTOR, "form.drop button").click()


def _report_frame(driver: webdriver.Chrome, wait: float = 300) -> None:
    WebDriverWait(driver, wait).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, "iframe.report")))
    frame = driver.find_element(By.CSS_SELECTOR, "iframe.report")
    WebDriverWait(driver, 60).until(lambda d: frame.get_attribute("src"))
    time.sleep(0.5)  # the frame's own load
    driver.switch_to.frame(frame)


def test_one_file_shows_the_report_with_its_findings(server: Server,
                                                     browser: webdriver.Chrome) -> None:
    browser.get(server.url + "/")
    assert "Tarik berkas RAK ke sini" in browser.page_source
    _upload(browser, [SAMPLES / "rak-kubu-raya-2024.pdf"])
    _report_frame(browser)
    WebDriverWait(browser, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "td.notes li"))
    findings = browser.find_elements(By.CSS_SELECTOR, "td.notes li, ul.doc-findings li")
    assert len(findings) == 13
    assert "SEKRETARIAT KPU KABUPATEN KUBU RAYA" in browser.page_source
    browser.switch_to.default_content()
    labels = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".downloads a")]
    assert labels == ["Laporan (HTML)", "JSON", "CSV", "Excel (.xlsx) untuk diperbaiki"]
    _shot(browser, "serve-one.png")
    browser.get(browser.current_url)  # a reload: the job is still there
    _report_frame(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "td.notes li, ul.doc-findings li")) == 13


def test_many_files_make_a_job_and_ringkasan_downloads(server: Server,
                                                       browser: webdriver.Chrome) -> None:
    browser.get(server.url + "/banyak?lang=en")
    assert "Drop many files or one .zip here" in browser.page_source
    files = [SAMPLES / n for n in ("rak-kubu-raya-2024.docx", "rak-arsir.pdf",
                                   "rak-kelompok.docx", "rak-no-anggaran.docx")]
    _upload(browser, files)
    _report_frame(browser)
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tbody tr"))
    text = browser.find_element(By.TAG_NAME, "body").text
    for f in files:
        assert f.name in text
    browser.switch_to.default_content()
    names = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".downloads a")]
    assert names == ["ringkasan.xlsx", "ringkasan.csv", "rows.csv", "laporan.zip"]
    _shot(browser, "serve-many.png")
    browser.find_element(By.LINK_TEXT, "ringkasan.xlsx").click()
    target = browser.downloads / "ringkasan.xlsx"  # type: ignore[attr-defined]
    WebDriverWait(browser, 60).until(lambda d: target.exists())
    sheet = load_workbook(target).worksheets[0]
    listed = {r[0] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0]}
    assert listed == {f.name for f in files}


def test_a_300_mb_file_is_refused_before_it_is_sent(server: Server, browser: webdriver.Chrome,
                                                    tmp_path: Path) -> None:
    big = tmp_path / "besar.pdf"
    with big.open("wb") as fh:
        fh.truncate(300 << 20)  # sparse: 300 MB to the browser, nothing on the disk
    browser.get(server.url + "/")
    _upload(browser, [big])
    message = browser.find_element(By.ID, "message")
    WebDriverWait(browser, 10).until(lambda d: message.text)
    assert message.text == "unggahan terlalu besar: paling besar 200 MB sekali kirim"
    assert browser.current_url == server.url + "/"
