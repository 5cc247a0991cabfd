"""The CLI's maintenance commands (check, migrate, --store) through Typer's runner."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graph_service.cli import app

runner = CliRunner()


def test_check_prints_the_seeds_findings_and_exits_3(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["check", "--data-dir", str(tmp_path), "--at", "2022-01-01", "--kind", "OVERLAP"]
    )
    assert result.exit_code == 3, result.output
    lines = result.output.splitlines()
    assert lines[-1].endswith("finding(s) on 2022-01-01")
    assert int(lines[-1].split()[0]) > 0
    # 违法建设 is claimed by 规自委大兴分局, 区城管执法局 and the towns (城乡规划条例): an overlap.
    assert any("OVERLAP" in line and "SEED-CF-018" in line for line in lines)
    assert not any(" GAP " in line for line in lines)


def test_check_refuses_an_unknown_kind_before_opening_the_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--data-dir", str(tmp_path), "--kind", "OVERLAPS"])
    assert result.exit_code == 2
    assert "unknown finding kind OVERLAPS" in result.output
    assert "CROSS_BORDER" in result.output  # the kinds it accepts
    assert "finding(s)" not in result.output


def test_check_refuses_a_bad_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--data-dir", str(tmp_path), "--at", "2022-13-01"])
    assert result.exit_code == 2
    assert "--at must be a date" in result.output


def test_migrate_has_nothing_to_do_on_the_embedded_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["migrate", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "nothing to migrate" in result.output


def test_an_unreachable_neo4j_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--store", "bolt://127.0.0.1:9", "check", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 1, result.output
    assert "error:" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_store_is_refused() -> None:
    result = runner.invoke(app, ["--store", "postgres", "check"])
    assert result.exit_code == 2
    assert "falkordb, neo4j" in result.output


def test_synth_writes_a_loadable_dataset(tmp_path: Path) -> None:
    out_file = tmp_path / "small.json"
    result = runner.invoke(app, ["synth", "--out", str(out_file), "--scale", "small"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out_file}" in result.output
    loaded = runner.invoke(app, ["load", str(out_file), "--data-dir", str(tmp_path / "d")])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded" in loaded.output


def test_synth_refuses_an_unknown_scale(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--out", str(tmp_path / "x.json"), "--scale", "huge"])
    assert result.exit_code == 2
    assert "--scale must be one of" in result.output
