"""`graph-service import-list` and `export-list` as a user runs them (the real command)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from graph_service.storage.falkordb import open_store
from tests.unit.sheets import workbooks

from .procs import COMMAND, REPO, command_env


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        cwd=REPO,
        env=command_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help_speaks_to_the_establishment_office() -> None:
    shown = run("import-list", "--help")
    assert shown.returncode == 0, shown.stderr
    assert "导入权力清单" in shown.stdout
    assert "--create-laws" in shown.stdout


async def test_export_then_import_changes_nothing_and_a_bad_file_writes_nothing(
    tmp_path: Path,
) -> None:
    data_dir, exported = str(tmp_path / "data"), tmp_path / "区城管执法局.xlsx"
    out = run(
        "export-list",
        "--unit",
        "区城管执法局",
        "--at",
        "2025-06-30",
        "--out",
        str(exported),
        "--data-dir",
        data_dir,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"wrote {exported}: ")

    back = run(
        "import-list",
        str(exported),
        "--unit",
        "dx-cgzf",
        "--as-of",
        "2025-06-30",
        "--data-dir",
        data_dir,
    )
    assert back.returncode == 0, back.stderr
    assert "无变化：清单与库中记录一致，未写入任何内容" in back.stdout

    rows: list[list[object]] = [
        [n, f"X-{n}", f"事项{n}", "处罚", "《北京市市容环境卫生条例》第41条"] for n in range(1, 10)
    ]
    rows.append([10, "X-10", "事项10", "处罚", "《北京市某某条例》第十条"])  # row 12
    bad = tmp_path / "权力清单.xlsx"
    bad.write_bytes(workbooks.with_rows(rows))
    store = await open_store(tmp_path / "data")
    try:
        before = await store.load_all()
    finally:
        await store.close()
    refused = run("import-list", str(bad), "--unit", "dx-cgzf", "--data-dir", data_dir)
    assert refused.returncode == 1
    assert "权力清单.xlsx 未导入，共 1 个问题，未写入任何内容" in refused.stderr
    assert "权力清单.xlsx 第12行 设定依据：未找到法规《北京市某某条例》" in refused.stderr
    assert "Traceback" not in refused.stderr

    dry = run(
        "import-list",
        str(bad),
        "--unit",
        "dx-cgzf",
        "--as-of",
        "2025-07-01",
        "--create-laws",
        "--dry-run",
        "--data-dir",
        data_dir,
    )
    assert dry.returncode == 0, dry.stderr
    assert "事项：新增 10 项，更新 0 项，未变 0 项" in dry.stdout
    assert "新建法规 1 部（待核实）" in dry.stdout
    assert "试运行（--dry-run）：未写入任何内容" in dry.stdout

    store = await open_store(tmp_path / "data")
    try:
        assert await store.load_all() == before
    finally:
        await store.close()

    done = run(
        "import-list",
        str(bad),
        "--unit",
        "dx-cgzf",
        "--as-of",
        "2025-07-01",
        "--create-laws",
        "--by",
        "编办",
        "--data-dir",
        data_dir,
    )
    assert done.returncode == 0, done.stderr
    assert "记录人 编办" in done.stdout
    store = await open_store(tmp_path / "data")
    try:
        after = await store.load_all()
    finally:
        await store.close()
    new = {item.code for item in after.items} - {item.code for item in before.items}
    assert new == {f"X-{n}" for n in range(1, 11)}
