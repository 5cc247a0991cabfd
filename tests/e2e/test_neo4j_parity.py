"""``serve --store bolt://…`` and the embedded ``serve`` give the same answers, field by field.

Two real service processes, one on the session's Neo4j 5 (emptied first) and one on the embedded
FalkorDB, each seed themselves with the Daxing dataset at start. Every question below goes to both
with selection sets naming every field of the answer (``selections.py``), and the two JSON answers
must be equal. Only what is legitimately instance-specific is left out of the comparison:

- ``ChangeRecord.id`` and ``LoadSucceeded.changeId``: a fresh UUID per change set and process;
- ``ChangeRecord.recordedAt`` and ``LoadSucceeded.recordedAt``: the wall clock of each write;
- ``recorded_at`` in ``RecordVersion.record`` (the record's JSON): the same wall clock, stamped on
  the record when it was written.

Revisions are compared: both stores number the seed's change set 1 and the next one 2.

Then the same act is recorded on both through ``loadDataset`` (as an administrator, with a token
``graph-service token create`` made on each store), and the answers it touches, its
history and the findings are compared again: the write path of each backend, seen from outside.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import GraphDatabase

from graph_service.service.dataset_files import read_dataset
from seed import daxing_path

from .procs import COMMAND, REPO, command_env, free_port, stop_processes_under
from .selections import everything

START_TIMEOUT = 180.0
INSTANCE_SPECIFIC = {
    "ChangeRecord": ("id", "recordedAt"),
    "LoadSucceeded": ("changeId", "recordedAt"),
}
XINGFENG, DISTRICT = "110115001000", "110115000000"
DATES = ("2020-06-30", "2024-01-01")
NEW_ASSIGN: dict[str, Any] = {  # gives 区城管执法局's first item to 区市场监管局 as well
    "id": "parity-assign",
    "kind": "assign",
    "doc": "bj-srhjws",
    "basis": ["bj-srhjws-a35"],
    "effective": "2024-01-01",
    "items": ["SEED-CF-001"],
    "to": ["dx-scjg"],
    "review": "approved",  # a decision already reviewed, loaded by an administrator
}
REVOKE: dict[str, Any] = {  # takes 控烟 back from 兴丰街道
    "id": "parity-revoke",
    "kind": "revoke",
    "effective": "2024-01-01",
    "items": ["SEED-CF-014"],
    "from": "dx-wsjkw",
    "to": ["dx-street-xingfeng"],
}


@dataclass
class Service:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    stderr: Path
    cli: list[str]  # ``graph-service`` with this service's store options, before the command
    data_dir: Path
    admin_token: str = ""

    def post(
        self, query: str, variables: dict[str, Any] | None = None, *, admin: bool = False
    ) -> dict[str, Any]:
        """POST a query (as the administrator: with the token ``create_admin_token`` made)."""
        headers = {"Authorization": f"Bearer {self.admin_token}"} if admin else {}
        response = httpx.post(
            f"{self.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers=headers,
            timeout=60,
        )
        body: dict[str, Any] = response.json()
        assert response.status_code == 200, (self.name, body)
        return body

    def ask(
        self, query: str, variables: dict[str, Any] | None = None, *, admin: bool = False
    ) -> dict[str, Any]:
        """The ``data`` of an answer without errors."""
        body = self.post(query, variables, admin=admin)
        assert not body.get("errors"), (self.name, body)
        data: dict[str, Any] = body["data"]
        return data


def launch(name: str, store_args: list[str], workdir: Path) -> Service:
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    stdout, stderr = workdir / "stdout.txt", workdir / "stderr.txt"
    cli, data_dir = [*COMMAND, *store_args], workdir / "data"
    argv = [*cli, "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(data_dir)]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(argv, cwd=REPO, env=command_env(), stdout=out, stderr=err)
    return Service(name, f"http://127.0.0.1:{port}", process, stderr, cli, data_dir)


def create_admin_token(service: Service) -> None:
    """``graph-service token create --role admin`` on the service's store (same name on both)."""
    argv = [*service.cli, "token", "create", "--role", "admin", "--name", "对照测试"]
    created = subprocess.run(
        [*argv, "--data-dir", str(service.data_dir)],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, (service.name, created.stderr)
    service.admin_token = created.stdout.strip()


def wait_ready(service: Service) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            pytest.fail(
                f"{service.name}: serve exited with {service.process.returncode}:\n"
                + service.stderr.read_text()
            )
        try:
            if httpx.get(f"{service.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"{service.name}: not ready within {START_TIMEOUT}s:\n{service.stderr.read_text()}")


def stop(service: Service) -> int:
    if service.process.poll() is None:
        service.process.send_signal(signal.SIGTERM)
        try:
            service.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            service.process.kill()
            service.process.wait()
    return service.process.returncode


@pytest.fixture(scope="module")
def services(
    neo4j_uri: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Service, Service]]:
    """(on Neo4j, embedded), both seeded with Daxing; stopped (and checked clean) at the end."""
    with GraphDatabase.driver(neo4j_uri) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")  # an empty database; schema stays
    workdir = tmp_path_factory.mktemp("parity")
    on_neo4j = launch("neo4j", ["--store", neo4j_uri], workdir / "neo4j")
    embedded = launch("embedded", [], workdir / "embedded")  # both start at once
    try:
        wait_ready(on_neo4j)
        wait_ready(embedded)
        create_admin_token(on_neo4j)
        create_admin_token(embedded)
        yield on_neo4j, embedded
        assert stop(embedded) == 0, embedded.stderr.read_text()
        assert stop(on_neo4j) == 0, on_neo4j.stderr.read_text()
    finally:
        stop(embedded)
        stop(on_neo4j)
        stop_processes_under(workdir)


def comparable(value: Any) -> Any:
    """``value`` without the instance-specific fields (objects name their type: ``__typename``)."""
    if isinstance(value, list):
        return [comparable(item) for item in value]
    if not isinstance(value, dict):
        return value
    typename = value.get("__typename", "")
    dropped = INSTANCE_SPECIFIC.get(typename, ())
    kept = {key: comparable(item) for key, item in value.items() if key not in dropped}
    if typename == "RecordVersion" and isinstance(kept.get("record"), dict):
        kept["record"] = {k: v for k, v in kept["record"].items() if k != "recorded_at"}
    return kept


def same_answer(
    services: tuple[Service, Service],
    query: str,
    variables: dict[str, Any] | None = None,
    *,
    admin: bool = False,
) -> dict[str, Any]:
    """Ask both; assert equal answers (instance-specific fields aside); return the embedded one."""
    on_neo4j, embedded = services
    expected: dict[str, Any] = comparable(embedded.ask(query, variables, admin=admin))
    actual: dict[str, Any] = comparable(on_neo4j.ask(query, variables, admin=admin))
    if actual != expected:
        path, want, got = first_difference(expected, actual)
        pytest.fail(
            f"the Neo4j answer differs at {path}:\n"
            f"embedded {json.dumps(want, ensure_ascii=False)[:1000]}\n"
            f"neo4j    {json.dumps(got, ensure_ascii=False)[:1000]}"
        )
    return expected


def first_difference(want: Any, got: Any, path: str = "data") -> tuple[str, Any, Any]:
    """Where two JSON values first differ (depth first), and the values there."""
    if isinstance(want, dict) and isinstance(got, dict) and want.keys() == got.keys():
        for key in want:
            if want[key] != got[key]:
                return first_difference(want[key], got[key], f"{path}.{key}")
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for index, (a, b) in enumerate(zip(want, got, strict=True)):
            if a != b:
                return first_difference(a, b, f"{path}[{index}]")
    return path, want, got


def same_error(services: tuple[Service, Service], query: str) -> list[dict[str, Any]]:
    """Ask both a question that fails; assert the same errors; return them."""
    on_neo4j, embedded = services
    expected = embedded.post(query)
    assert expected.get("errors"), expected
    assert on_neo4j.post(query) == expected
    errors: list[dict[str, Any]] = expected["errors"]
    return errors


def seed_keys() -> tuple[list[str], list[str]]:
    dataset = read_dataset(daxing_path())
    return [item.code for item in dataset.items], [unit.id for unit in dataset.units]


def test_jurisdiction_of_every_item_at_a_street_and_the_district(
    services: tuple[Service, Service],
) -> None:
    items, _ = seed_keys()
    query = (
        "query($item: String!, $place: String!, $at: Date) "
        "{ jurisdiction(item: $item, place: $place, at: $at) "
        + everything("JurisdictionAnswer")
        + " }"
    )
    answers = [
        same_answer(services, query, {"item": item, "place": place, "at": at})["jurisdiction"]
        for item in items
        for place in (XINGFENG, DISTRICT)
        for at in DATES
    ]

    holders = [holder for answer in answers for holder in answer["holders"]]
    assert len(holders) > len(items)  # not a comparison of empty answers
    assert any(holder["chain"] and holder["basis"] for holder in holders)


def all_findings(services: tuple[Service, Service], at: str) -> list[dict[str, Any]]:
    """Every finding on ``at``, page by page, each page the same on both."""
    query = (
        "query($at: Date, $after: String) { findings(at: $at, first: 50, after: $after) "
        + everything("FindingConnection")
        + " }"
    )
    found: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        page = same_answer(services, query, {"at": at, "after": after})["findings"]
        found += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            assert len(found) == page["totalCount"]
            return found
        after = page["pageInfo"]["endCursor"]


def test_findings_on_two_dates(services: tuple[Service, Service]) -> None:
    for at in DATES:
        assert all_findings(services, at), at


def test_the_power_list_of_every_unit(services: tuple[Service, Service]) -> None:
    _, units = seed_keys()
    query = (
        'query($unit: String!) { powerList(unit: $unit, at: "2024-01-01") '
        + everything("PowerListEntry")
        + " }"
    )
    lists = [same_answer(services, query, {"unit": unit})["powerList"] for unit in units]
    assert sum(len(entries) for entries in lists) > len(units)


def test_history_and_search(services: tuple[Service, Service]) -> None:
    history = everything("RecordVersion")
    query = f"""{{
      unit: history(kind: UNIT, key: "dx-street-xingfeng") {history}
      act: history(kind: ACT, key: "jzf-2020-9-dx-wsjkw") {history}
      region: history(kind: REGION, key: "{XINGFENG}") {history}
      items: searchItems(text: "禁止吸烟") {everything("SearchHit")}
      units: searchUnits(text: "兴丰") {everything("SearchHit")}
    }}"""
    answer = same_answer(services, query)
    assert [(h["revision"], h["change"]["recordedBy"]) for h in answer["unit"]] == [(1, "seed")]
    unknown = '{ history(kind: UNIT, key: "nobody") { revision } }'
    assert same_error(services, unknown)[0]["extensions"]["code"] == "NOT_FOUND"
    assert answer["items"]
    assert answer["units"]


def test_previews_of_an_assignment_and_a_revocation(services: tuple[Service, Service]) -> None:
    query = "query($act: JSON!) { previewAct(act: $act) " + everything("Preview") + " }"
    # previewAct is for the establishment office, the justice bureau and administrators
    assigned = same_answer(services, query, {"act": NEW_ASSIGN}, admin=True)["previewAct"]
    revoked = same_answer(services, query, {"act": REVOKE}, admin=True)["previewAct"]
    assert assigned["appeared"]
    assert assigned["answers"]
    assert revoked["answers"]


def test_after_recording_the_same_act_on_both(services: tuple[Service, Service]) -> None:
    load = (
        "mutation($doc: JSON!) { loadDataset(document: $doc) "
        + everything("LoadDatasetPayload")
        + " }"
    )
    document = {"$format": "authority-graph/1", "acts": [NEW_ASSIGN]}
    written = same_answer(services, load, {"doc": document}, admin=True)["loadDataset"]
    assert written == {
        "__typename": "LoadSucceeded",
        "revision": 2,
        "recordedBy": "对照测试",  # the token's name
        "upserted": 1,
        "deleted": 0,
    }

    after = f"""{{
      answer: jurisdiction(item: "SEED-CF-001", place: "{XINGFENG}", at: "2024-06-01")
        {everything("JurisdictionAnswer")}
      history: history(kind: ACT, key: "parity-assign") {everything("RecordVersion")}
    }}"""
    answer = same_answer(services, after)
    assert answer["answer"]["status"] == "OVERLAP"
    assert [version["revision"] for version in answer["history"]] == [2]
    overlaps = [f for f in all_findings(services, "2024-06-01") if f["kind"] == "OVERLAP"]
    assert any("parity-assign" in f["acts"] for f in overlaps)
