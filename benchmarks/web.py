"""``python -m benchmarks.web``: the web app in headless Chromium against the served Daxing seed.

On demand (``make bench-web``), never in CI. Prints each figure beside its target (issue 12):

- first meaningful paint of ``/``: navigation start until a deep-linked answer (管辖查询 for the
  兴丰街道 smoking question) is in the page (its ``answer-shown`` mark), cold cache, median of
  five; first contentful paint of the bare ``/`` beside it;
- the graph view lays out 500 nodes: the largest seed view (unit:dx-gov, 3 steps, about 360
  nodes) filled up to 500 with extra nodes tied to it, then the page's own layout timed; the
  seed view's whole render (request, diff, layout) beside it;
- the date slider redraws: from the slider's input event until the graph of the new date is drawn
  (measured in the page), alternating across 2020-07-01, median and worst of twenty; beside it
  the same seen from the test driver (key press to the new date in the DOM);
- page JavaScript: every script ``/`` loads, gzip-compressed.

It reuses the browser tests' helpers: the served process and the system Chromium.
"""

from __future__ import annotations

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, Response, sync_playwright

from tests.browser.chromium import ARGS, chromium_path
from tests.browser.served import served_service

from .rows import Row, format_table

RUNS = 5
SLIDES = 20
LAYOUT_NODES = 500
DEEP_LINK = "/#/query?item=SEED-CF-014&place=110115001000&at=2020-07-01"
BIG_VIEW = "/#/graph?focus=unit:dx-gov&depth=3&at=2024-01-01"
SLIDER_VIEW = "/#/graph?focus=item:SEED-CF-014&at=2020-06-30"


def _fresh_page(browser: Browser) -> Page:
    return browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()


def _meaningful_paint(browser: Browser, url: str) -> float:
    page = _fresh_page(browser)
    page.goto(url + DEEP_LINK)
    page.wait_for_selector('.result[data-state="ready"]')
    # the page marks the moment it put the answer on screen (measured in the page, not here)
    shown: float = page.evaluate("performance.getEntriesByName('answer-shown')[0].startTime")
    page.context.close()
    return shown


def _first_contentful_paint(browser: Browser, url: str) -> float:
    page = _fresh_page(browser)
    page.goto(url + "/")
    page.wait_for_selector("main#page form")
    fcp: float = page.evaluate(
        """() => new Promise((resolve) => new PerformanceObserver((list) => {
             const entry = list.getEntriesByName('first-contentful-paint')[0];
             if (entry) resolve(entry.startTime);
           }).observe({ type: 'paint', buffered: true }))"""
    )
    page.context.close()
    return fcp


def _script_bytes(browser: Browser, url: str) -> tuple[int, int]:
    page = _fresh_page(browser)
    scripts: list[Response] = []

    def keep_script(response: Response) -> None:
        if response.request.resource_type == "script":
            scripts.append(response)

    page.on("response", keep_script)
    page.goto(url + "/")
    page.wait_for_selector("main#page form")
    bodies = [r.body() for r in scripts]
    page.context.close()
    return sum(len(b) for b in bodies), sum(len(gzip.compress(b, 9)) for b in bodies)


def _layout(browser: Browser, url: str) -> tuple[float, int, float]:
    page = _fresh_page(browser)
    page.goto(url + BIG_VIEW)
    page.wait_for_selector('#cy[data-state="ready"]')
    seed_nodes: int = page.evaluate("window.cy.nodes().length")
    render: float = page.evaluate("window.graphPage.lastRender")
    page.evaluate(
        """(total) => {
             const cy = window.cy;
             const anchors = cy.nodes().map((n) => n.id());
             const extra = [];
             for (let i = cy.nodes().length; i < total; i++) {
               const id = `bench:${i}`;
               extra.push({ group: 'nodes', data: { id, kind: 'UNIT', label: `节点${i}`,
                            distance: 3 } });
               extra.push({ group: 'edges', data: { id: `bench-edge:${i}`, kind: 'HOLDS',
                            source: id, target: anchors[i % anchors.length], label: '' } });
             }
             cy.add(extra);
           }""",
        LAYOUT_NODES,
    )
    layouts = [page.evaluate("window.graphPage.relayout()") for _ in range(RUNS)]
    nodes: int = page.evaluate("window.cy.nodes().length")
    page.context.close()
    assert nodes == LAYOUT_NODES, nodes
    return statistics.median(layouts), seed_nodes, render


def _slider(browser: Browser, url: str) -> tuple[list[float], list[float]]:
    page = _fresh_page(browser)
    page.goto(url + SLIDER_VIEW)
    page.wait_for_selector('#cy[data-at="2020-06-30"][data-state="ready"]')
    slider = page.locator('input[type="range"]')
    slider.focus()
    in_page, driven = [], []
    for i in range(SLIDES):
        key, day = ("ArrowRight", "2020-07-01") if i % 2 == 0 else ("ArrowLeft", "2020-06-30")
        start = time.perf_counter()
        page.keyboard.press(key)
        page.wait_for_selector(f'#cy[data-at="{day}"][data-state="ready"]')
        driven.append((time.perf_counter() - start) * 1000)
        in_page.append(page.evaluate("window.graphPage.lastRender"))  # input event to drawn
    page.context.close()
    return in_page, driven


def main() -> int:
    executable = chromium_path()
    if executable is None:
        print("error: no system Chromium (apt-get install chromium)", file=sys.stderr)
        return 1
    with (
        tempfile.TemporaryDirectory(prefix="graph-service-web-bench-") as tmp,
        served_service(Path(tmp)) as url,
        sync_playwright() as driver,
    ):
        browser = driver.chromium.launch(executable_path=executable, args=ARGS)
        _meaningful_paint(browser, url)  # warm the service's caches, not the browser's
        paints = sorted(_meaningful_paint(browser, url) for _ in range(RUNS))
        fcps = sorted(_first_contentful_paint(browser, url) for _ in range(RUNS))
        layout, seed_nodes, render = _layout(browser, url)
        slides, driven = (sorted(times) for times in _slider(browser, url))
        raw, gzipped = _script_bytes(browser, url)
        browser.close()
    rows = [
        Row("first meaningful paint of / (answer shown)", statistics.median(paints) / 1000, "s",
            1.0, note=f"median of {RUNS}, cold browser cache; worst {paints[-1] / 1000:.2f} s"),
        Row("first contentful paint of /", statistics.median(fcps) / 1000, "s",
            note=f"median of {RUNS}"),
        Row(f"graph layout of {LAYOUT_NODES} nodes", layout / 1000, "s", 1.0,
            note=f"median of {RUNS} concentric layouts; {seed_nodes} seed nodes + filler"),
        Row(f"graph render of the largest seed view ({seed_nodes} nodes)", render / 1000, "s",
            note="request, diff and layout"),
        Row("date slider redraw", statistics.median(slides), "ms", 200.0,
            note=f"median of {SLIDES}, input to drawn; worst {slides[-1]:.0f} ms"),
        Row("date slider redraw, seen by the test driver", statistics.median(driven), "ms",
            note=f"key press to the new date in the DOM; worst {driven[-1]:.0f} ms"),
        Row("page JavaScript (gzip)", gzipped / 1024, "KB", 400.0,
            note=f"{raw / 1024:.0f} KB before compression"),
    ]  # fmt: skip
    print(f"Web app benchmark (served Daxing seed, headless Chromium {executable})")
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
