"""`graph-service serve` as a real process: seeded with Daxing, asked over HTTP, stopped cleanly.

The acceptance question of the product: who may fine someone smoking in a no-smoking place at
兴丰街道 (110115001000)? The district health commission until 京政发〔2020〕9号 took effect on
2020-07-01, the street office from that day.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from authority_graph_client import AuthorityGraphClient

from .procs import Served, is_running, serve_process

XINGFENG = "110115001000"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    with serve_process(tmp_path) as process:
        yield process


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
