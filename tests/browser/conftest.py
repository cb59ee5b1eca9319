"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live
server. Without Chromium they skip with a plain reason; with REQUIRE_BROWSER=1 (CI) a
missing browser fails instead."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in this thread; the test database is still
# used synchronously, so Django's async-safety guard is lifted for these tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (REQUIRE_BROWSER=1)")
        pytest.skip("browser tests skipped — " + reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """``new_page(viewport=MOBILE, java_script_enabled=False)``: a fresh page on the live
    server; every context is closed after the test."""
    contexts = []

    def make(viewport=DESKTOP, **options):
        context = browser.new_context(base_url=live_server.url, viewport=viewport, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def screenshot():
    """``screenshot(page, "name")`` writes test-artifacts/name.png for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- Page-level browser tests (issue 6) -------------------------------------------------
ZOOM_400 = {"width": 320, "height": 256}  # 1280×1024 at 400% zoom: WCAG's reflow width


@pytest.fixture
def site(transactional_db):
    """The sample portal of tests/sample_site.py: realistic structure, more than a page."""
    from tests.sample_site import build_sample_site

    return build_sample_site()
