"""The dashboard in a real browser (Debian chromium driven by Playwright), when both are installed.

Skipped cleanly otherwise: the API tests above are what CI relies on. Playwright's own browser
download is not used (it cannot be fetched here); the system `chromium` is.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
uvicorn = pytest.importorskip("uvicorn")
pytest.importorskip("fastapi")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("no chromium on this machine", allow_module_level=True)

from marsad.serve.app import create_app  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        except Exception as exc:  # a chromium that cannot start here is not our failure
            pytest.skip(f"chromium does not start: {exc}")
        tab = browser.new_page(viewport={"width": 1300, "height": 900})
        ERRORS.clear()
        tab.on("pageerror", lambda error: ERRORS.append(str(error)))
        tab.on("console", lambda m: ERRORS.append(m.text) if m.type == "error" else None)
        # Only this server may be reached: the dashboard must work offline.
        tab.route("**/*", lambda route: _only_local(route, base_url))
        yield tab
        browser.close()


ERRORS: list[str] = []  # page errors, console errors and requests to other hosts


def _only_local(route: Any, base_url: str) -> None:
    url = route.request.url
    if url.startswith(base_url) or url.startswith("data:"):
        route.continue_()
    else:
        ERRORS.append(f"the dashboard asked for {url}")
        route.abort()


def test_dashboard_lists_maps_filters_and_shows_an_event(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("#event-list li[data-id]")
    events = page.locator("#event-list li[data-id]").count()
    assert events > 5
    assert page.locator("#map path.gov").count() == 14
    assert page.locator("#map circle.ev").count() > 0
    assert page.locator("#timeline rect.bar").count() > 0

    # Brushing the timeline narrows the list.
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.98, box["y"] + 60)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.999, box["y"] + 60)
    page.mouse.up()
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li[data-id]').length < {events}"
    )
    page.mouse.click(box["x"] + 5, box["y"] + 60)  # a click clears the window
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li[data-id]').length == {events}"
    )

    # A click on a governorate filters by it; a second click clears.
    page.locator("#map path.gov", has=page.locator("title", has_text="Dar'a")).dispatch_event(
        "click"
    )
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li[data-id]').length < {events}"
    )
    assert page.input_value("select[name=admin1]") == "Dar'a"
    metas = page.locator("#event-list li[data-id] .meta").all_inner_texts()
    assert all("Dar'a" in m for m in metas if "·" in m)
    page.locator("#map path.gov.selected").dispatch_event("click")
    page.wait_for_function(
        f"document.querySelectorAll('#event-list li[data-id]').length == {events}"
    )

    # Arabic: right to left, Arabic labels.
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert "الأحداث" in page.inner_text("#list-panel h2")

    # A disputed event: sources side by side, the disputed row marked, evidence highlighted.
    disputed = page.evaluate(
        "fetch('/api/events?disputed=true').then(r => r.json()).then(b => b.items[0].id)"
    )
    page.evaluate(f"location.hash = '#event/{disputed}'")
    page.wait_for_selector("#articles .article .text .m-evidence")
    assert page.is_hidden("#overview") and page.is_visible("#event-page")
    columns = page.locator("#side-by-side thead th").count() - 1
    assert columns >= 2
    assert page.locator("#side-by-side tr.disputed").count() >= 1
    marked = page.locator(".m-evidence").first.inner_text()
    assert marked.strip()
    # A click on one source's column keeps only its record's marks.
    page.locator("#side-by-side th.record-head").first.click()
    assert page.locator("#articles .dim").count() > 0
    assert page.locator("#articles [data-records]:not(.dim)").count() > 0
    page.locator("#side-by-side th.record-head").first.click()
    assert page.locator("#articles .dim").count() == 0
    page.click("#lang")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert not ERRORS, ERRORS
