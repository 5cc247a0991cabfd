"""GraphiQL at /graphql renders and runs a query with every request outside the service aborted."""

from __future__ import annotations

from playwright.sync_api import Response, expect

from .conftest import Offline


def _introspection(response: Response) -> bool:
    request = response.request
    return request.method == "POST" and "IntrospectionQuery" in (request.post_data or "")


def test_graphiql_renders_and_runs_a_query_offline(offline_page: Offline) -> None:
    page = offline_page.page
    with page.expect_response(_introspection) as loaded:
        offline_page.open("/graphql")
    assert loaded.value.ok  # the schema came from the service itself
    expect(page.locator(".graphiql-container")).to_be_visible()
    expect(page.locator(".graphiql-query-editor")).to_contain_text("searchItems")
    with page.expect_response(lambda r: "searchItems" in (r.request.post_data or "")) as ran:
        page.locator(".graphiql-execute-button").click()
    assert ran.value.ok
    result = page.locator(".result-window")
    expect(result).to_contain_text('"searchItems"')
    expect(result).to_contain_text("处罚")
