"""The scenario suite (``tests/scenarios/*.yaml``) against the engine."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph_service.engine.answers import Finding
from graph_service.engine.projection import Projection
from tests.scenarios.scenarios import (
    Scenario,
    check_findings,
    check_jurisdiction,
    check_power_list,
    load_scenarios,
)

SCENARIOS = load_scenarios()


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "kind": f.kind.value,
        "items": list(f.items),
        "units": list(f.units),
        "places": list(f.places),
        "cause": f.cause,
        "coordinator": f.routing.coordinator,
        "designating_authority": f.routing.designating_authority,
        "notified": list(f.routing.notified),
        "summary": f.summary,
    }


def _matches_filter(f: Finding, where: dict[str, str]) -> bool:
    item, place = where.get("item"), where.get("place")
    return (item is None or item in f.items) and (place is None or place in f.places)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    p = Projection(scenario.dataset())
    for n, check in enumerate(scenario.checks):
        where = f"{scenario.name} check {n + 1} ({check['ask']})"
        at: date = check["at"]
        if check["ask"] == "jurisdiction":
            answer = p.jurisdiction(check["item"], check["place"], at)
            got = {
                "status": answer.status.value,
                "holders": [
                    f"{c.holding.unit} {c.holding.role.value} {c.holding.mode.value}"
                    for c in answer.holders
                ],
                "explanation": answer.explanation,
                "counterparts": [f"{c.unit} {c.level.value}" for c in answer.counterparts],
                "chain": [link.act for link in answer.chain],
            }
            check_jurisdiction(check["expect"], got, where)
        elif check["ask"] == "findings":
            found = [f for f in p.findings(at) if _matches_filter(f, check.get("filter", {}))]
            check_findings(check["expect"], [_finding(f) for f in found], where)
        else:
            entries = [
                {
                    "item": e.item,
                    "role": e.role.value,
                    "mode": e.mode.value,
                    "carved_out": list(e.carved_out),
                }
                for e in p.power_list(check["unit"], at)
            ]
            check_power_list(check["expect"], entries, where)
