"""`graph-service serve` as a real process: seeded with Daxing, asked over HTTP, stopped cleanly.

The acceptance question of the product: who may fine someone smoking in a no-smoking place at
兴丰街道 (110115001000)? The district health commission until 京政发〔2020〕9号 took effect on
2020-07-01, the street office from that day.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest
from authority_graph_client import AuthorityGraphClient

from .procs import COMMAND, REPO, children_of, command_env, free_port, is_running

XINGFENG = "110115001000"
START_TIMEOUT = 120.0


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    url: str
    stdout: Path
    database_pids: list[int]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    port = free_port()
    stdout, stderr = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--data-dir", str(tmp_path / "data")]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(argv, cwd=REPO, env=command_env(), stdout=out, stderr=err)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, url, stderr)
        yield Served(process, url, stdout, children_of(process.pid))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _wait_ready(process: subprocess.Popen[bytes], url: str, stderr: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited with {process.returncode}:\n{stderr.read_text()}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"serve was not ready within {START_TIMEOUT}s:\n{stderr.read_text()}")


def test_the_served_daxing_graph_answers_the_acceptance_question(served: Served) -> None:
    assert f"GraphQL API ready at {served.url}/graphql" in served.stdout.read_text()
    assert served.database_pids, "the embedded FalkorDB should run as a child of the service"

    with AuthorityGraphClient(served.url) as client:
        hits = client.search_items("禁止吸烟")
        [smoking] = [hit for hit in hits if hit.name == "对个人在禁止吸烟场所吸烟的处罚"]

        before = client.jurisdiction(smoking.key, XINGFENG, date(2020, 6, 30))
        assert before.place.name == "兴丰街道"
        assert before.status == "CLEAR"
        [commission] = before.primary
        assert commission.unit.name == "北京市大兴区卫生健康委员会"  # 区卫生健康委
        assert commission.unit.kind == "DEPARTMENT"

        after = client.jurisdiction(smoking.key, XINGFENG, date(2020, 7, 1))
        assert after.status == "CLEAR"
        [street] = after.primary
        assert (street.unit.name, street.unit.kind, street.mode) == (
            "兴丰街道办事处",
            "STREET",
            "DELEGATED",
        )
        assert street.valid_from == date(2020, 7, 1)
        assert "京政发〔2020〕9号" in [link.doc_number for link in street.chain]
        assert [h.role for h in after.holders if h.unit.id == commission.unit.id] == ["SUPERVISOR"]

    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=60) == 0
    still_running = [pid for pid in served.database_pids if is_running(pid)]
    assert still_running == [], "the embedded FalkorDB outlived the service"
