"""`graph-service load`: a bad file is refused whole, with every problem and its path."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from graph_service.storage.falkordb import open_store
from tests.api.small_dataset import small_document

from .procs import COMMAND, REPO, command_env

SMALL_RECORDS = 26  # 3 regions, 6 units, 3 laws, 3 provisions, 4 items, 6 acts, 1 list


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, "load", *args],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_a_bad_file_exits_1_prints_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(small_document(), ensure_ascii=False), encoding="utf-8")
    loaded = run(str(good), "--data-dir", str(data_dir), "--by", "e2e")
    assert loaded.returncode == 0, loaded.stderr
    assert f"loaded {SMALL_RECORDS} records from {good}" in loaded.stdout
    assert "recorded by e2e" in loaded.stdout

    bad = tmp_path / "bad.json"
    bad_document = {
        "units": [{"id": "u-new", "name": "新单位", "kind": "department", "region": "nowhere"}],
        "acts": [
            {
                "id": "a-bad",
                "kind": "delegate",
                "effective": "2024-01-01",
                "items": ["T-SMOKE", "NOPE"],
                "from": "ghost",
                "to": ["u-new"],
            }
        ],
    }
    bad.write_text(json.dumps(bad_document, ensure_ascii=False), encoding="utf-8")
    refused = run(str(bad), "--data-dir", str(data_dir))
    assert refused.returncode == 1
    assert "3 problem(s); nothing was written" in refused.stderr
    assert "bad.json: units[0].region: unknown region 'nowhere'" in refused.stderr
    assert "bad.json: acts[0].items[1]: unknown item 'NOPE'" in refused.stderr
    assert "bad.json: acts[0].from: unknown unit 'ghost'" in refused.stderr

    store = await open_store(data_dir)
    try:
        stored = await store.load_all()
    finally:
        await store.close()
    assert stored.size() == SMALL_RECORDS
    assert "u-new" not in {unit.id for unit in stored.units}


def test_a_malformed_file_is_refused_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"regions": [', encoding="utf-8")
    refused = run(str(broken), "--data-dir", str(tmp_path / "data"))
    assert refused.returncode == 1
    assert "broken.json: JSON syntax error at line 1" in refused.stderr
