"""关系图 in the browser: the date slider moves the holder across 2020-07-01, and clicking a node
focuses it and shows its record and history. Asserted through Cytoscape's ``window.cy``."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from .conftest import Offline

FOCUS = "item:SEED-CF-014"
COMMISSION = "unit:dx-wsjkw"
STREET = "unit:dx-street-xingfeng"
XINGFENG = "110115001000"


def _rendered(page: Page, at: str) -> None:
    canvas = page.locator("#cy")
    expect(canvas).to_have_attribute("data-at", at)
    expect(canvas).to_have_attribute("data-state", "ready")


def _primary_holders(page: Page) -> list[str]:
    holders: list[str] = page.evaluate(
        """() => window.cy.edges('[kind = "HOLDS"][role = "PRIMARY"]')
                 .map((e) => e.data('source')).sort()"""
    )
    return holders


def _edge(page: Page, kind: str, source: str, target: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = page.evaluate(
        """([kind, source, target]) => {
             const e = window.cy.edges().filter((e) => e.data('kind') === kind
               && e.data('source') === source && e.data('target') === target);
             return e.length ? e[0].data() : null;
           }""",
        [kind, source, target],
    )
    return found


def test_the_slider_moves_the_holder_across_the_delegation(offline_page: Offline) -> None:
    page = offline_page.open(f"/#/graph?focus={FOCUS}&at=2020-06-30")
    _rendered(page, "2020-06-30")
    assert _primary_holders(page) == [COMMISSION]
    assert page.evaluate(f"window.cy.getElementById('{STREET}').length") == 0
    expect(page.locator(".date-label")).to_have_text("2020-06-30")

    slider = page.locator('input[type="range"][name="at"]')
    slider.focus()
    page.keyboard.press("ArrowRight")  # one day on
    _rendered(page, "2020-07-01")
    assert STREET in _primary_holders(page)
    kept = page.evaluate(
        f"""() => window.cy.edges('[kind = "HOLDS"][role = "PRIMARY"]')
                 .filter((e) => e.data('source') === '{COMMISSION}')[0].data('carvedOut')"""
    )
    assert XINGFENG in kept  # the commission keeps the district less the street ...
    supervision = page.evaluate(
        f"""() => window.cy.edges('[kind = "HOLDS"][role = "SUPERVISOR"]')
                 .filter((e) => e.data('source') === '{COMMISSION}')[0].data('scopes')"""
    )
    assert XINGFENG in supervision  # ... where it now guides and supervises
    delegation = _edge(page, "DELEGATED", COMMISSION, STREET)
    assert delegation is not None
    assert delegation["acts"] == ["jzf-2020-9-dx-wsjkw"]
    holds = _edge(page, "HOLDS", STREET, FOCUS)
    assert holds is not None
    assert (holds["role"], holds["mode"], holds["validFrom"]) == (
        "PRIMARY",
        "DELEGATED",
        "2020-07-01",
    )
    assert "at=2020-07-01" in page.url

    page.keyboard.press("ArrowLeft")
    _rendered(page, "2020-06-30")
    assert _primary_holders(page) == [COMMISSION]
    assert _edge(page, "DELEGATED", COMMISSION, STREET) is None


def test_clicking_a_node_focuses_it_and_shows_its_record(offline_page: Offline) -> None:
    page = offline_page.open(f"/#/graph?focus={FOCUS}&at=2021-01-01")
    _rendered(page, "2021-01-01")
    position = page.evaluate(
        f"""() => {{
             const p = window.cy.getElementById('{STREET}').renderedPosition();
             const box = document.getElementById('cy').getBoundingClientRect();
             return [box.left + p.x, box.top + p.y];
           }}"""
    )
    page.mouse.click(position[0], position[1])
    expect(page.locator("#cy")).to_have_attribute("data-focus", STREET)
    _rendered(page, "2021-01-01")
    panel = page.locator(".side-panel")
    expect(panel.locator("h3")).to_have_text("兴丰街道办事处")
    expect(panel).to_contain_text("兴丰街道")  # its region, a key property
    first = panel.locator(".history li").first  # the seed's change set created it
    expect(first).to_contain_text("第1版 新增")
    expect(first).to_contain_text("载入数据集")
    focus = page.evaluate(f"window.cy.getElementById('{STREET}').data('distance')")
    assert focus == 0
    assert page.evaluate(f"window.cy.getElementById('{FOCUS}').length") == 1  # still one step away
