"""权力清单 in the browser: 兴丰街道办事处's list on 2020-07-01 with its legal basis, and its
difference from the day before (the powers 京政发〔2020〕9号 delegated)."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import Offline


def test_the_street_list_and_its_diff_across_the_delegation(offline_page: Offline) -> None:
    page = offline_page.open("/#/powers")
    picker = page.locator('input[data-picker="unit"]')
    picker.fill("兴丰街道")
    page.locator('li[data-key="dx-street-xingfeng"]').click()
    page.fill('input[name="at"]', "2020-07-01")
    page.fill('input[name="compare"]', "2020-06-30")
    page.get_by_role("button", name="查看").click()
    expect(page.locator(".power-diff")).to_have_attribute("data-state", "ready")

    count = int(page.locator(".power-list .count").get_attribute("data-count") or 0)
    added = page.locator('.power-diff li[data-diff="added"]')
    assert added.count() == count > 0  # before the delegation the street held nothing
    expect(page.locator('.power-diff li[data-item="SEED-CF-014"]')).to_contain_text("新增")
    row = page.locator('.power-list tr[data-item="SEED-CF-014"]')
    expect(row).to_contain_text("《北京市控制吸烟条例》第25条")
    expect(row).to_contain_text("下放")
    expect(row).to_contain_text("兴丰街道")


def test_the_commission_keeps_the_district_less_the_streets_it_delegated_to(
    offline_page: Offline,
) -> None:
    page = offline_page.open("/#/powers?unit=dx-wsjkw&at=2021-01-01")
    expect(page.locator('input[data-picker="unit"]')).to_have_value("北京市大兴区卫生健康委员会")
    row = page.locator('.power-list tr[data-item="SEED-CF-014"][data-role="PRIMARY"]')
    expect(row.locator(".carved")).to_contain_text("兴丰街道")
