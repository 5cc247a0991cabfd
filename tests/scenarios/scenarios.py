"""The scenario suite: small datasets with hand-derived expected answers, in YAML files.

Like OpenFGA's consolidated tests, each ``*.yaml`` here (other than ``world.yaml``) is one rule told
as a story a legal expert can review without reading Python: the records it adds to the shared
``world.yaml``, then questions (``ask``: jurisdiction, findings, power_list) with the answers the
rule requires. The same files run against the engine (``tests/unit/test_scenarios.py``) and through
the GraphQL API (``tests/api/test_scenarios.py``); both reduce an answer to the plain shape below
and hand it to ``check``.

- jurisdiction: ``status``; ``holders`` as ``"unit ROLE MODE"`` (every covering holding);
  ``explanation_contains`` / ``explanation_lacks``; ``counterparts`` as ``"unit LEVEL"``;
  ``chain`` (act ids, for NOT_IN_FORCE).
- findings (optionally ``filter: {item|place}``): ``count`` per kind (kinds not listed: none);
  ``include``: findings that must be among them, given by any of kind, items, units, places, cause,
  coordinator, designating_authority, notified, summary_contains.
- power_list: ``entries`` as ``{item, role, mode, carved_out}`` (all of them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph_service.domain.dataset import Dataset
from tests.reviewed import approved_unless_stated

HERE = Path(__file__).parent
FINDING_FIELDS = (
    "kind",
    "items",
    "units",
    "places",
    "cause",
    "coordinator",
    "designating_authority",
    "notified",
)


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    document: dict[str, Any]
    checks: list[dict[str, Any]]

    def dataset(self) -> Dataset:
        return Dataset.model_validate(self.document)


def _world() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((HERE / "world.yaml").read_text(encoding="utf-8"))
    return loaded


def _merge(world: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """``own``'s records over ``world``'s, by key (as a load upserts them)."""

    def key(collection: str, record: dict[str, Any]) -> str:
        if collection == "published_lists":
            return f"{record['unit']}@{record['version']}"
        return str(record["code" if collection in {"regions", "items"} else "id"])

    out: dict[str, Any] = {}
    for collection in sorted({*world, *own}):
        merged = {key(collection, r): r for r in world.get(collection, [])}
        merged.update({key(collection, r): r for r in own.get(collection, [])})
        out[collection] = list(merged.values())
    return out


def load_scenarios() -> list[Scenario]:
    world = _world()
    out: list[Scenario] = []
    for path in sorted(HERE.glob("*.yaml")):
        if path.name == "world.yaml":
            continue
        raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.append(
            Scenario(
                name=path.stem,
                title=raw["title"],
                document=approved_unless_stated(_merge(world, raw.get("dataset", {}))),
                checks=raw["checks"],
            )
        )
    return out


def question(check: dict[str, Any]) -> dict[str, Any]:
    """The question part of a check: everything but ``expect`` and comments."""
    return {k: v for k, v in check.items() if k not in {"expect", "why"}}


def check_jurisdiction(expect: dict[str, Any], got: dict[str, Any], where: str) -> None:
    if "status" in expect:
        assert got["status"] == expect["status"], where
    if "holders" in expect:
        assert sorted(got["holders"]) == sorted(expect["holders"]), where
    for text in expect.get("explanation_contains", []):
        assert text in got["explanation"], f"{where}: {text!r} not in {got['explanation']!r}"
    for text in expect.get("explanation_lacks", []):
        assert text not in got["explanation"], f"{where}: {text!r} in {got['explanation']!r}"
    if "counterparts" in expect:
        assert sorted(got["counterparts"]) == sorted(expect["counterparts"]), where
    if "chain" in expect:
        assert got["chain"] == expect["chain"], where


def check_findings(expect: dict[str, Any], got: list[dict[str, Any]], where: str) -> None:
    if "count" in expect:
        counts = Counter(f["kind"] for f in got)
        assert dict(counts) == expect["count"], f"{where}: {[f['summary'] for f in got]}"
    for wanted in expect.get("include", []):
        matching = [f for f in got if _matches(wanted, f)]
        assert matching, f"{where}: no finding like {wanted} among {got}"


def _matches(wanted: dict[str, Any], finding: dict[str, Any]) -> bool:
    for field in FINDING_FIELDS:
        if field in wanted:
            value = wanted[field]
            have = finding[field]
            if isinstance(have, list):
                if sorted(have) != sorted(value):
                    return False
            elif have != value:
                return False
    return all(text in finding["summary"] for text in wanted.get("summary_contains", []))


def check_power_list(expect: dict[str, Any], got: list[dict[str, Any]], where: str) -> None:
    def key(entry: dict[str, Any]) -> tuple[str, str, str, tuple[str, ...]]:
        return (
            entry["item"],
            entry["role"],
            entry["mode"],
            tuple(sorted(entry.get("carved_out", []))),
        )

    assert sorted(map(key, got)) == sorted(map(key, expect["entries"])), where
