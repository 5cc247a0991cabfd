"""问题清单 in the browser: the heat map shows the seed's overlap on illegal construction
(规划自然资源 × 安定镇: the city-management bureau and the planning branch both hold it
district-wide, seed/daxing/FINDINGS.md), the card routes it, and the list filters and pages."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import Offline

ANDING = "110115105000"  # 安定镇
PLANNING = "规划自然资源"  # the field of SEED-CF-018 (城镇违法建设)


def test_the_heat_map_shows_the_seeds_overlap(offline_page: Offline) -> None:
    page = offline_page.open("/#/findings?at=2024-01-01")
    expect(page.locator("table.heatmap")).to_have_attribute("data-heatmap", "ready")
    cell = page.locator(f'td[data-field="{PLANNING}"][data-place="{ANDING}"]')
    assert int(cell.get_attribute("data-overlaps") or 0) >= 1
    assert "cell-overlap" in (cell.get_attribute("class") or "")
    header = page.locator("table.heatmap thead th", has_text="安定镇")
    expect(header).to_have_count(1)

    cell.click()  # filters the list to that town
    expect(page.locator('input[data-picker="place"]')).to_have_value("安定镇")
    expect(page.locator(".findings")).to_have_attribute("data-state", "ready")
    cards = page.locator("article.finding")
    kinds = {c.get_attribute("data-kind") for c in cards.all()}
    assert "OVERLAP" in kinds
    overlap = page.locator(f'article.finding[data-kind="OVERLAP"][data-field="{PLANNING}"]').first
    overlap.locator("summary").click()
    expect(overlap).to_contain_text("北京市规划和自然资源委员会大兴分局")
    routing = overlap.locator(".routing")
    expect(routing).to_contain_text("协调：北京市大兴区司法局")
    # the branch's line runs through the city's planning commission: the city government designates
    expect(routing).to_contain_text("北京市人民政府指定管辖")


def test_the_list_filters_by_kind_and_pages(offline_page: Offline) -> None:
    page = offline_page.open("/#/findings?at=2024-01-01")
    expect(page.locator(".findings")).to_have_attribute("data-state", "ready")
    total = int(page.locator(".findings .count").get_attribute("data-total") or 0)
    assert total > 20  # more than one page
    page.select_option('select[name="kind"]', "OVERLAP")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator(".findings")).to_have_attribute("data-state", "ready")
    expect(page.locator(".findings .count")).not_to_have_attribute("data-total", str(total))
    kinds = {c.get_attribute("data-kind") for c in page.locator("article.finding").all()}
    assert kinds == {"OVERLAP"}

    page.select_option('select[name="kind"]', "")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator(".findings .count")).to_have_attribute("data-total", str(total))
    first_page = page.locator("article.finding").first.get_attribute("data-finding")
    page.get_by_role("button", name="下一页").click()
    expect(page.locator(".pager")).to_contain_text("第 2 /")
    assert page.locator("article.finding").first.get_attribute("data-finding") != first_page
