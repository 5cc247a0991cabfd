"""管辖查询 in the browser: the 兴丰街道 smoking question on both sides of 2020-07-01, picked
with the searchable pickers, the memo copied, and the answer as recorded before the seed was."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, Request, Route, expect

from .conftest import Offline

SMOKING = "SEED-CF-014"
XINGFENG = "110115001000"
COMMISSION = "dx-wsjkw"  # 北京市大兴区卫生健康委员会
STREET = "dx-street-xingfeng"  # 兴丰街道办事处


def _pick(page: Page, picker: str, text: str, key: str) -> None:
    field = page.locator(f'input[data-picker="{picker}"]')
    field.fill(text)
    page.locator(f'li[data-key="{key}"]').click()
    expect(field).not_to_have_value(text)  # the hit's full name replaced what was typed


def _ask(page: Page, at: str) -> None:
    page.fill('input[name="at"]', at)
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".answer .meta")).to_contain_text(f"日期：{at}")


def _rows(page: Page) -> list[tuple[str | None, str | None]]:
    rows = page.locator("table.holders tbody tr")
    return [(r.get_attribute("data-unit"), r.get_attribute("data-role")) for r in rows.all()]


def test_the_xingfeng_smoking_question_on_both_sides_of_the_delegation(
    offline_page: Offline,
) -> None:
    page = offline_page.open("/#/query")
    _pick(page, "item", "禁止吸烟场所吸烟", SMOKING)
    _pick(page, "place", "兴丰", XINGFENG)
    expect(page.locator('input[data-picker="place"]')).to_have_value("兴丰街道")

    _ask(page, "2020-06-30")
    assert page.locator(".answer").get_attribute("data-status") == "CLEAR"
    assert _rows(page) == [(COMMISSION, "PRIMARY")]

    _ask(page, "2020-07-01")
    assert page.locator(".answer").get_attribute("data-status") == "CLEAR"
    assert _rows(page) == [(STREET, "PRIMARY"), (COMMISSION, "SUPERVISOR")]
    street = page.locator(f'tr[data-unit="{STREET}"]')
    expect(street).to_contain_text("兴丰街道办事处")
    expect(street).to_contain_text("下放")
    expect(street).to_contain_text("京政发〔2020〕9号")
    memo = page.locator("[data-memo]")
    expect(memo).to_contain_text("兴丰街道办事处")

    page.get_by_role("button", name="复制说明").click()
    expect(page.get_by_role("button", name="已复制")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == memo.inner_text()
    assert "item=SEED-CF-014" in page.url  # the question is in the address, to share


def test_as_recorded_on_a_day_before_the_seed_was_loaded_nothing_was_recorded(
    offline_page: Offline,
) -> None:
    page = offline_page.open(f"/#/query?item={SMOKING}&place={XINGFENG}&at=2020-07-01")
    expect(page.locator(".answer")).to_have_attribute("data-status", "CLEAR")
    expect(page.locator('input[data-picker="item"]')).to_have_value(
        "对个人在禁止吸烟场所吸烟的处罚"
    )
    recorded = page.locator('input[name="asRecordedOn"]')
    recorded.fill("2020-01-01")  # the seed was recorded when the service started, not then
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".result")).to_have_attribute("data-state", "unrecorded")
    expect(page.locator("[data-unrecorded]")).to_contain_text("截至 2020-01-01 的记录中尚无")
    assert page.locator("table.holders").count() == 0

    recorded.fill(date.today().isoformat())  # as recorded today: the answer stands
    page.get_by_role("button", name="查询").click()
    expect(page.locator(".answer .meta")).to_contain_text(f"记录截至：{date.today()}")
    assert _rows(page) == [(STREET, "PRIMARY"), (COMMISSION, "SUPERVISOR")]


def test_the_app_sends_persisted_document_ids_not_query_texts(offline_page: Offline) -> None:
    page = offline_page.open("/#/query")
    bodies: list[dict[str, object]] = []

    def record(request: Request) -> None:
        if request.url.endswith("/graphql") and request.method == "POST":
            bodies.append(request.post_data_json or {})

    page.on("request", record)
    _pick(page, "item", "禁止吸烟场所吸烟", SMOKING)
    _pick(page, "place", "兴丰", XINGFENG)
    _ask(page, "2020-07-01")
    assert _rows(page) == [(STREET, "PRIMARY"), (COMMISSION, "SUPERVISOR")]
    assert bodies
    for body in bodies:
        assert str(body["documentId"]).startswith("sha256:")
        assert "query" not in body


def test_the_app_sends_the_text_when_the_service_does_not_know_the_id(
    offline_page: Offline,
) -> None:
    page = offline_page.open("/#/query")
    refused: list[str] = []

    def older_service(route: Route) -> None:
        body = route.request.post_data_json or {}
        if "documentId" in body:
            refused.append(str(body["documentId"]))
            route.fulfill(
                status=200,
                content_type="application/json",
                body='{"data":null,"errors":[{"message":"unknown document",'
                '"extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}',
            )
        else:
            route.fallback()

    page.route("**/graphql", older_service)
    _pick(page, "item", "禁止吸烟场所吸烟", SMOKING)
    _pick(page, "place", "兴丰", XINGFENG)
    _ask(page, "2020-07-01")
    assert _rows(page) == [(STREET, "PRIMARY"), (COMMISSION, "SUPERVISOR")]
    assert refused
