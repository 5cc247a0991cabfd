"""Playwright (sync API) driving the system Chromium against one served process.

Package-scoped: the sync API runs its own event loop while it is open, which pytest-asyncio's
loops elsewhere in the suite cannot share, so it is closed when this directory's tests end.

Every request to anything but the service is aborted and recorded: the app must work offline,
and ``offline_page`` fails a test that tried to reach outside. Without Chromium the tests skip with
the reason, unless ``GRAPH_SERVICE_REQUIRE_BROWSER=1`` (CI) turns that into a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Page, Playwright, Route, sync_playwright

from .chromium import ARGS, ENV_REQUIRE, browser_required, chromium_path
from .served import served_service

VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        reason = "no system Chromium (apt-get install chromium) for the browser tests"
        if browser_required():
            pytest.fail(f"{reason}, and {ENV_REQUIRE} is set")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="package")
def base_url(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_service(tmp_path_factory.mktemp("served")) as url:
        yield url


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright: Playwright, chromium: str) -> Iterator[Browser]:
    launched = playwright.chromium.launch(executable_path=chromium, args=ARGS)
    yield launched
    launched.close()


@dataclass
class Offline:
    page: Page
    base_url: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        return self.page


@pytest.fixture
def offline_page(browser: Browser, base_url: str) -> Iterator[Offline]:
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")  # type: ignore[arg-type]
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    offline = Offline(page, base_url)

    def only_the_service(route: Route) -> None:
        url = route.request.url
        if url.startswith(base_url + "/") or url.startswith("data:"):
            route.continue_()
        else:
            offline.blocked.append(url)
            route.abort()

    page.route("**/*", only_the_service)
    page.on("pageerror", lambda error: offline.errors.append(str(error)))
    yield offline
    context.close()
    assert offline.blocked == [], f"the page tried to reach outside the service: {offline.blocked}"
    assert offline.errors == [], f"uncaught errors in the page: {offline.errors}"
