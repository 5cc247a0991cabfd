"""The Python client against the in-process app through httpx.ASGITransport."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
import pytest_asyncio
from authority_graph_client import (
    AsyncAuthorityGraphClient,
    GraphQLResponseError,
    LoadResult,
    PermissionDeniedError,
    Problem,
)
from starlette.applications import Starlette

from .conftest import BASE_URL
from .small_dataset import DUST, SMOKING, XINGFENG

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def graph(app: Starlette) -> AsyncIterator[AsyncAuthorityGraphClient]:
    transport = httpx.ASGITransport(app=app)
    async with AsyncAuthorityGraphClient(BASE_URL, transport=transport) as client:
        yield client


async def test_jurisdiction_is_typed(graph: AsyncAuthorityGraphClient) -> None:
    answer = await graph.jurisdiction(SMOKING, XINGFENG, date(2020, 7, 1))
    assert (answer.item_code, answer.place.name, answer.at, answer.status) == (
        SMOKING,
        "兴丰街道",
        date(2020, 7, 1),
        "CLEAR",
    )
    [primary] = answer.primary
    assert (primary.unit.id, primary.unit.name, primary.mode) == (
        "xingfeng",
        "兴丰街道",
        "DELEGATED",
    )
    assert primary.valid_from == date(2020, 7, 1)
    assert [link.doc_number for link in primary.chain][-1] == "京政发〔2020〕9号"
    assert primary.basis[0].law_title == "北京市控制吸烟条例"


async def test_findings_pages(graph: AsyncAuthorityGraphClient) -> None:
    first = await graph.findings(date(2021, 1, 1), first=1)
    assert (first.total_count, first.has_next_page) == (4, True)
    assert [(f.kind, f.item) for f in first.findings] == [("GAP", DUST)]
    rest = await graph.findings(date(2021, 1, 1), first=10, after=first.end_cursor)
    assert [f.kind for f in rest.findings] == ["OVERLAP", "UNREVIEWED_ACT", "STALE_BASIS"]
    gaps = await graph.findings(date(2021, 1, 1), kind="GAP")
    assert gaps.total_count == 1


async def test_power_list_and_search(graph: AsyncAuthorityGraphClient) -> None:
    [entry] = await graph.power_list("xingfeng", date(2021, 1, 1))
    assert (entry.item_code, entry.role, entry.scopes) == (SMOKING, "PRIMARY", (XINGFENG,))
    [hit] = await graph.search_items("禁止吸烟")
    assert (hit.key, hit.kind) == (SMOKING, "ITEM")


async def test_power_list_pages_walk_the_whole_list(graph: AsyncAuthorityGraphClient) -> None:
    whole = await graph.power_list("chengguan", date(2021, 1, 1))
    assert len(whole) > 1, "the small dataset's chengguan unit holds more than one item"
    first = await graph.power_list_page("chengguan", date(2021, 1, 1), first=1)
    assert (first.total_count, first.has_next_page, first.entries) == (
        len(whole),
        True,
        (whole[0],),
    )
    rest = await graph.power_list_page("chengguan", date(2021, 1, 1), after=first.end_cursor)
    assert (rest.entries, rest.has_next_page) == (tuple(whole[1:]), False)


async def test_errors_carry_the_code(graph: AsyncAuthorityGraphClient) -> None:
    with pytest.raises(GraphQLResponseError) as caught:
        await graph.jurisdiction("NO-SUCH-ITEM", XINGFENG)
    assert caught.value.code == "NOT_FOUND"
    assert str(caught.value) == "NOT_FOUND: unknown item 'NO-SUCH-ITEM'"


async def test_load_dataset_reports_problems(app: Starlette, admin_token: str) -> None:
    bad = {"provisions": [{"id": "p", "law": "no-law", "article": "第1条"}]}
    transport = httpx.ASGITransport(app=app)
    async with AsyncAuthorityGraphClient(BASE_URL, token=admin_token, transport=transport) as admin:
        assert await admin.load_dataset(bad) == LoadResult(
            ok=False, problems=(Problem("provisions[0].law", "unknown law 'no-law'"),)
        )


async def test_the_token_decides_who_the_client_acts_as(app: Starlette, admin_token: str) -> None:
    transport = httpx.ASGITransport(app=app)
    async with AsyncAuthorityGraphClient(BASE_URL, token=admin_token, transport=transport) as admin:
        me = await admin.viewer()
    assert (me.role, me.role_label, me.name, me.unit) == ("ADMIN", "管理员", "admin-test", None)
    assert me.token_id is not None


async def test_a_write_the_role_may_not_do_raises_permission_denied(
    graph: AsyncAuthorityGraphClient,
) -> None:
    assert (await graph.viewer()).role == "PUBLIC"
    with pytest.raises(PermissionDeniedError) as caught:
        await graph.load_dataset({}, replace=True, confirm=True)
    assert (caught.value.code, caught.value.role, caught.value.allowed_roles) == (
        "FORBIDDEN",
        "PUBLIC",
        ["ADMIN"],
    )


async def test_an_unknown_token_raises_unauthenticated(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app)
    async with AsyncAuthorityGraphClient(BASE_URL, token="agt_nope", transport=transport) as bad:
        with pytest.raises(GraphQLResponseError) as caught:
            await bad.search_items("烟")
    assert caught.value.code == "UNAUTHENTICATED"
