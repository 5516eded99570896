"""The web app in a real browser: Debian's chromium driven by Playwright against `ties serve`'s app
on 127.0.0.1, over a store built from corpus files. Screenshots go to .ci/artifacts/."""
import os
import shutil
import socket
import threading
import time

import pytest

from conftest import HERE, corpus

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = os.path.join(HERE, "..", ".ci", "artifacts")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from ties.ingest import ingest_paths
    from ties.settings import Settings
    from ties.store import open_store
    from ties.web import create_app

    path = str(tmp_path_factory.mktemp("browser") / "t.db")
    store = open_store(path)
    ingest_paths([corpus("seeds"), corpus("baomoi-vi", "22255546.txt"), corpus("cctv-xwlb-json", "20170512.json"),
                  ], store, Settings.load())
    store.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _open(browser, url, shot=None):
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(url)
    if shot:
        os.makedirs(ARTIFACTS, exist_ok=True)
        page.screenshot(path=os.path.join(ARTIFACTS, shot), full_page=True)
    return page, response, errors


def test_pages_in_a_browser(server, browser):
    import httpx

    for path, shot, expect in (("/", "home.png", "Lianhe Zaobao"), ("/search?q=南海", "search.png", "南海"),
                               ("/timeline", "timeline.png", "Events between"), ("/outlets", "outlets.png", "南海")):
        page, response, errors = _open(browser, server + path, shot)
        assert response.status == 200 and expect in page.content(), path
        assert not errors, (path, errors)
        page.close()
    # an entity found by a Vietnamese alias shows its Chinese name
    found = httpx.get(server + "/api/entities", params={"q": "Tô Lâm"}).json()["items"]
    eid = next(e["id"] for e in found if e["type"] == "person")
    page, response, errors = _open(browser, f"{server}/entities/{eid}", "entity.png")
    assert "苏林" in page.inner_text("body") and not errors
    page.close()
    # an event reported by two outlets: both reports, side by side
    events = httpx.get(server + "/api/events", params={"bilateral": "false", "limit": 200}).json()["items"]
    two = next(e for e in events if len({r["outlet"] for r in e["reports"]}) >= 2)
    page, response, errors = _open(browser, f"{server}/events/{two['id']}", "event.png")
    sections = page.locator("section.report")
    assert sections.count() >= 2 and not errors
    outlets = {sections.nth(i).locator("h3").inner_text() for i in range(sections.count())}
    assert len(outlets) >= 2
    boxes = [sections.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5  # side by side, not one under the other
    page.close()


def test_no_script_runs_and_nothing_is_written(server, browser):
    import httpx

    page, response, errors = _open(browser, server + "/")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.evaluate("document.scripts.length") == 0 and not errors
    page.close()
    for bad in ("/static/../../pyproject.toml", "/articles/1%20OR%201=1", "/api/articles/..%2F..%2Fetc%2Fpasswd"):
        assert httpx.get(server + bad).status_code in (404, 422)
    assert httpx.post(server + "/api/articles").status_code == 405
