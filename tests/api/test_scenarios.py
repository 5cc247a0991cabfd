"""The scenario suite (``tests/scenarios/*.yaml``) through the GraphQL API: each scenario's
dataset is loaded (replacing the last one) into one served store, and every question is asked as a
client would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from starlette.applications import Starlette

from graph_service.bootstrap import build_app
from graph_service.config import load_settings
from graph_service.service import load_dataset
from tests.scenarios.scenarios import (
    Scenario,
    check_findings,
    check_jurisdiction,
    check_power_list,
    load_scenarios,
)

from .conftest import data, service_of

pytestmark = pytest.mark.asyncio(loop_scope="module")
SCENARIOS = load_scenarios()

JURISDICTION = """
query($item: String!, $place: String!, $at: Date!) {
  jurisdiction(item: $item, place: $place, at: $at) {
    status explanation
    holders { unit { id } role mode }
    counterparts { unit { id } level }
    chain { act }
  }
}
"""
FINDINGS = """
query($at: Date!, $filter: FindingFilter) {
  findings(at: $at, filter: $filter, first: 200) {
    edges { node {
      kind cause summary
      items { code } units { id } places { code }
      coordinator { id } designatingAuthority { id } notified { id }
    } }
  }
}
"""
POWER_LIST = """
query($unit: String!, $at: Date!) {
  powerList(unit: $unit, at: $at) { item { code } role mode carvedOut { code } }
}
"""


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def app(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Starlette]:
    """An empty store: each scenario loads its own dataset over the last one."""
    settings = load_settings({}, data_dir=tmp_path_factory.mktemp("store"), seed_on_empty=False)
    application = build_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def _id(ref: dict[str, Any] | None) -> str | None:
    return None if ref is None else str(ref.get("id") or ref.get("code"))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
async def test_scenario(app: Starlette, client: httpx.AsyncClient, scenario: Scenario) -> None:
    await load_dataset(service_of(app), scenario.dataset(), replace=True, by="scenario")
    for n, check in enumerate(scenario.checks):
        where = f"{scenario.name} check {n + 1} ({check['ask']})"
        at = check["at"].isoformat()
        if check["ask"] == "jurisdiction":
            variables = {"item": check["item"], "place": check["place"], "at": at}
            answer = (await data(client, JURISDICTION, variables))["jurisdiction"]
            got = {
                "status": answer["status"],
                "holders": [
                    f"{h['unit']['id']} {h['role']} {h['mode']}" for h in answer["holders"]
                ],
                "explanation": answer["explanation"],
                "counterparts": [f"{c['unit']['id']} {c['level']}" for c in answer["counterparts"]],
                "chain": [link["act"] for link in answer["chain"]],
            }
            check_jurisdiction(check["expect"], got, where)
        elif check["ask"] == "findings":
            variables = {"at": at, "filter": check.get("filter")}
            edges = (await data(client, FINDINGS, variables))["findings"]["edges"]
            found = [
                {
                    "kind": f["kind"],
                    "items": [i["code"] for i in f["items"]],
                    "units": [u["id"] for u in f["units"]],
                    "places": [p["code"] for p in f["places"]],
                    "cause": f["cause"],
                    "coordinator": _id(f["coordinator"]),
                    "designating_authority": _id(f["designatingAuthority"]),
                    "notified": [u["id"] for u in f["notified"]],
                    "summary": f["summary"],
                }
                for f in (edge["node"] for edge in edges)
            ]
            check_findings(check["expect"], found, where)
        else:
            variables = {"unit": check["unit"], "at": at}
            entries = (await data(client, POWER_LIST, variables))["powerList"]
            check_power_list(
                check["expect"],
                [
                    {
                        "item": e["item"]["code"],
                        "role": e["role"],
                        "mode": e["mode"],
                        "carved_out": [c["code"] for c in e["carvedOut"]],
                    }
                    for e in entries
                ],
                where,
            )
