"""The web explorer in a real browser: Debian's headless Chromium driven by Selenium against
``uvicorn`` on a free loopback port. Screenshots of each page are saved under the test's
temporary folder. Skipped, with the reason, where Chromium or its driver is not installed."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("selenium")
pytest.importorskip("uvicorn")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)")

import uvicorn  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from interlock.web.app import create_app  # noqa: E402

KHAZRAJI = "Jawad al-Khazraji"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """The explorer over a store, served by uvicorn in a thread on 127.0.0.1."""

    def __init__(self, db: Path, allow_edits: bool = False) -> None:
        self.port = free_port()
        config = uvicorn.Config(create_app(db, allow_edits=allow_edits), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(sample_store_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("browser") / "corpus.db"
    shutil.copy(sample_store_file, db)
    server = Served(db)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-gpu", "--no-proxy-server", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def wait(driver: WebDriver, seconds: float = 20) -> WebDriverWait[Any]:
    return WebDriverWait(driver, seconds)


def shot(driver: WebDriver, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5_000
    return path


def csp_violations(driver: WebDriver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser")
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


def edge_count(driver: WebDriver) -> int:
    return len(driver.find_elements(By.CSS_SELECTOR, "#graph-box a.edge"))


def test_every_page_loads_in_chromium(served: Served, browser: WebDriver, tmp_path: Path) -> None:
    browser.get(served.url + "/search?q=" + KHAZRAJI.replace(" ", "+"))
    key = browser.current_url.rsplit("/actors/", 1)[1]
    browser.get(served.url + f"/api/graph?actor={key}")
    claim = browser.find_element(By.TAG_NAME, "body").text.split('"claim": "', 1)[-1].split('"', 1)[0]
    pages = {"home": "/", "actor": f"/actors/{key}", "graph": f"/graph?actor={key}&hops=2",
             "timeline": "/timeline?from=2027-02&to=2027-03", "findings": "/findings", "outlets": "/outlets",
             "gantt": f"/gantt?actor={key}&actor=Qasim+al-Sayyadi", "views": "/views",
             "document": "/documents/khazraji-denial-dates-do-not-match", "search": "/search?q=Brigades&list=1"}
    if claim.startswith("claim_"):
        pages["claim"] = f"/claims/{claim}"
    browser.get_log("browser")  # start clean
    for name, url in pages.items():
        browser.get(served.url + url)
        assert browser.find_element(By.TAG_NAME, "h1").text.strip(), name
        assert "Internal Server Error" not in browser.page_source
        shot(browser, tmp_path, name)
    assert csp_violations(browser) == []


def test_misspelled_search_lands_on_the_actor(served: Served, browser: WebDriver, tmp_path: Path) -> None:
    browser.get(served.url + "/")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("Jawad al-Kazraji" + Keys.ENTER)  # "Khazraji" misspelled
    wait(browser).until(ec.text_to_be_present_in_element((By.ID, "actor-name"), KHAZRAJI))
    assert "/actors/" in browser.current_url
    shot(browser, tmp_path, "search-landed")


def test_graph_filters_redraw_and_an_edge_opens_its_evidence(served: Served, browser: WebDriver,
                                                             tmp_path: Path) -> None:
    browser.get(served.url + "/search?q=Jawad+Khazraji")
    browser.find_element(By.ID, "open-graph").click()
    wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#graph-box a.edge")))
    Select(browser.find_element(By.ID, "f-hops")).select_by_visible_text("2")
    wait(browser).until(lambda d: "hops=2" in d.current_url)
    wait(browser).until(lambda d: edge_count(d) > 0 and d.find_element(By.ID, "edge-count").text == str(edge_count(d)))
    before = edge_count(browser)
    assert before > 0
    browser.set_window_size(1400, 1500)  # the whole drawing in view (docs/img/graph.png is this shot)
    shot(browser, tmp_path, "graph")
    drawing = tmp_path / "graph-drawing.png"  # the drawing alone (docs/img/graph.png is one of these)
    assert browser.find_element(By.ID, "graph-box").screenshot(str(drawing)) and drawing.stat().st_size > 10_000
    browser.set_window_size(1400, 1000)
    browser.find_element(By.ID, "export-png").click()  # drawn from the SVG export in the browser
    png = wait(browser).until(lambda d: d.find_elements(By.ID, "png-download"))
    assert str(png[0].get_attribute("href")).startswith("blob:")
    Select(browser.find_element(By.ID, "f-grade")).select_by_visible_text("B2")
    wait(browser).until(lambda d: "min_grade=B2" in d.current_url and edge_count(d) < before)
    assert browser.current_url.count("/graph?") == 1  # redrawn in place, the state kept in the address
    shot(browser, tmp_path, "graph-b2")
    Select(browser.find_element(By.ID, "f-grade")).select_by_visible_text("any")
    wait(browser).until(lambda d: edge_count(d) == before)
    edge = next(e for e in browser.find_elements(By.CSS_SELECTOR, "#graph-box a.edge")
                if e.get_attribute("data-grade"))
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))", edge)
    wait(browser).until(lambda d: "/claims/" in d.current_url)
    evidence = browser.find_elements(By.CSS_SELECTOR, "q.evidence")
    assert evidence and len(evidence[0].text) > 20
    shot(browser, tmp_path, "claim")


def test_document_shows_highlighted_attribution(served: Served, browser: WebDriver, tmp_path: Path) -> None:
    browser.get(served.url + "/documents/khazraji-denial-dates-do-not-match")
    cue = browser.find_element(By.CSS_SELECTOR, "#doc-text mark.att-cue")
    content = browser.find_element(By.CSS_SELECTOR, "#doc-text mark.att-content")
    assert cue.is_displayed() and cue.text.strip() and content.text.strip()
    colour = cue.value_of_css_property("background-color")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # our stylesheet applied under the CSP
    assert browser.find_element(By.ID, "extraction-version").text.strip() not in ("", "?")
    shot(browser, tmp_path, "document")


def test_merge_with_allow_edits_changes_the_graph(sample_store_file: Path, browser: WebDriver, tmp_path: Path) -> None:
    db = tmp_path / "edit.db"
    shutil.copy(sample_store_file, db)
    server = Served(db, allow_edits=True)
    try:
        browser.get(server.url + "/search?q=Jawad+Khazraji")
        key = browser.current_url.rsplit("/actors/", 1)[1]
        browser.get(server.url + f"/graph?actor={key}")
        wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#graph-box a.edge")))
        before = edge_count(browser)
        browser.get(server.url + f"/actors/{key}")
        browser.find_element(By.ID, "merge-b").send_keys("Qasim al-Sayyadi")
        browser.find_element(By.ID, "merge-submit").click()
        wait(browser).until(ec.presence_of_element_located((By.ID, "actor-name")))
        assert "merge" in browser.find_element(By.TAG_NAME, "main").text
        browser.find_element(By.ID, "open-graph").click()
        wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "#graph-box a.edge")))
        assert edge_count(browser) > before
        shot(browser, tmp_path, "graph-merged")
    finally:
        server.stop()
