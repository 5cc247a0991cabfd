"""Power lists as files over a real embedded store with the Daxing seed: the public export route,
and the import use case (which the GraphQL mutation will call once roles exist) writing through
the change log, or refusing a bad file with nothing written."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from openpyxl import load_workbook
from starlette.applications import Starlette

from graph_service.bootstrap import build_app
from graph_service.config import load_settings
from graph_service.domain.enums import EntityKind, Review
from graph_service.domain.errors import ConflictError, ValidationError
from graph_service.service import ServiceContext, history, load_document, power_list
from graph_service.service.commands.import_list import import_list, record_list_import
from tests.unit.sheets import workbooks

from .conftest import BASE_URL, service_of

DAY = date(2025, 7, 1)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Starlette]:
    data_dir: Path = tmp_path_factory.mktemp("store")
    application = build_app(load_settings({}, data_dir=data_dir, seed_on_empty=True))
    async with application.router.lifespan_context(application):
        yield application


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_the_xlsx_export_is_the_units_power_list(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    response = await client.get("/export/power-list/dx-cgzf.xlsx", params={"at": "2025-06-30"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    assert (
        'filename="power-list-dx-cgzf-2025-06-30.xlsx"' in response.headers["content-disposition"]
    )
    sheet = load_workbook(io.BytesIO(response.content))["权力清单"]
    codes = [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    held = [e.item for e in power_list(service_of(app), "dx-cgzf", date(2025, 6, 30))]
    assert codes == list(dict.fromkeys(held))


async def test_the_csv_export_has_a_bom_and_the_same_rows(client: httpx.AsyncClient) -> None:
    xlsx = await client.get("/export/power-list/区城管执法局.xlsx", params={"at": "2025-06-30"})
    response = await client.get("/export/power-list/区城管执法局.csv", params={"at": "2025-06-30"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(xlsx.content))["权力清单"]
    from_xlsx = [[c or "" for c in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert rows == from_xlsx


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/export/power-list/nobody.xlsx", 404, "NOT_FOUND"),
        ("/export/power-list/dx-cgzf.csv?at=2025-13-01", 400, "VALIDATION_FAILED"),
        ("/export/power-list/dx-cgzf.csv?version=first", 400, "VALIDATION_FAILED"),
        ("/export/power-list/dx-cgzf.xlsx?version=9", 404, "NOT_FOUND"),
    ],
)
async def test_export_errors_have_stable_codes(
    client: httpx.AsyncClient, path: str, status: int, code: str
) -> None:
    response = await client.get(path)
    assert response.status_code == status
    assert response.json()["code"] == code


async def test_a_bad_file_writes_nothing(app: Starlette) -> None:
    ctx = service_of(app)
    stored, projected = await ctx.store.load_all(), ctx.projection.dataset
    rows: list[list[object]] = [[1, "X-1", "事项", "处罚", "《北京市某某条例》第十条"]]
    for data, name in [
        (b"not a workbook", "清单.xlsx"),
        (b"", "清单.csv"),
        (workbooks.with_rows([[1, "X-1"]], header=["序号", "事项编码"]), "清单.xlsx"),
        (workbooks.with_rows([*rows, *rows]), "清单.xlsx"),
        (workbooks.wide(10_000), "清单.xlsx"),
        (workbooks.with_rows(rows), "清单.xlsx"),
    ]:
        with pytest.raises(ValidationError):
            await import_list(ctx, data, name, "dx-cgzf", as_of=DAY, by="test")
    assert await ctx.store.load_all() == stored
    assert ctx.projection.dataset is projected


async def test_an_import_is_one_change_named_after_the_file(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    ctx: ServiceContext = service_of(app)
    data = workbooks.titled_with_merged_category()
    dry = await import_list(ctx, data, "权力清单.xlsx", "dx-cgzf", as_of=DAY, dry_run=True)
    assert dry.record is None
    assert "01234" not in ctx.projection.records.items

    done = await import_list(ctx, data, "/uploads/权力清单.xlsx", "dx-cgzf", as_of=DAY, by="编办")
    assert done.record is not None
    assert done.record.comment == "导入权力清单 权力清单.xlsx"  # the file is the reason
    assert done.record.summary == (
        "导入北京市大兴区城市管理综合行政执法局权力清单（2025-07-01）：事项新增2项、更新0项，"
        f"条款新增1条，赋予决定 {done.plan.act}（待法制审核）"
    )
    assert done.record.upserted == 4  # two items, one provision, one act
    [entry] = await history(ctx, EntityKind.ITEM, "X-NEW-3")
    assert entry.change.revision == done.record.revision
    stored = await ctx.store.load_all()
    [act] = [a for a in stored.acts if a.id == done.plan.act]
    assert act.items == ["01234", "X-NEW-3"]
    assert (act.review, act.recorded_by) == (Review.PENDING, "编办")
    # recorded pending legal review: the unit holds nothing by it until it is approved
    assert not {"01234", "X-NEW-3"} & {e.item for e in power_list(ctx, "dx-cgzf", DAY)}

    again = await import_list(ctx, data, "权力清单.xlsx", "dx-cgzf", as_of=DAY)
    assert again.plan.empty
    assert again.record is None

    published = await import_list(ctx, data, "公示.xlsx", "dx-cgzf", as_of=DAY, published=True)
    assert published.plan.version == 1
    response = await client.get("/export/power-list/dx-cgzf.csv", params={"version": "1"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["01234", "SEED-CF-002", "X-NEW-3"]


async def test_a_change_recorded_after_the_preview_refuses_the_import(app: Starlette) -> None:
    ctx = service_of(app)
    data = workbooks.two_sheets()
    previewed = await import_list(ctx, data, "两表.xlsx", "dx-cgzf", as_of=DAY, dry_run=True)
    assert previewed.plan.new_items == ["X-LIC-1", "X-COE-1", "X-COE-2"]
    # meanwhile someone records X-LIC-1 under another name: the previewed change is stale
    await load_document(
        ctx,
        {"items": [{"code": "X-LIC-1", "name": "另一个名称", "category": "license"}]},
        by="test",
    )
    stored = await ctx.store.load_all()
    with pytest.raises(ConflictError, match="请重新预览"):
        await record_list_import(ctx, previewed, by="test")
    assert await ctx.store.load_all() == stored
