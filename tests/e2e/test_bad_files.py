"""`graph-service load` on bad files: a clear message naming the file, exit 1, never a traceback.

Problems found while reading a file (encoding, syntax, nesting) are reported before the store is
opened, so a bad file never creates a data directory either.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph_service.cli import app
from tests.api.small_dataset import small_document

runner = CliRunner()


def small_json() -> str:
    return json.dumps(small_document(), ensure_ascii=False)


def alias_bomb(levels: int) -> bytes:
    """Each anchor lists the one before nine times: 9**levels strings once expanded."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines).encode()


BAD_FILES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "UTF-16 without a byte-order mark": (
        "data.json",
        lambda: small_json().encode("utf-16-le"),
        "contains NUL bytes",
    ),
    "neither UTF-8 nor GB18030": ("data.json", lambda: b'{"regions": ["\xff\xff"]}', "not UTF-8"),
    "a binary file": ("data.yaml", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL bytes"),
    "JSON nested 1,000 deep": ("data.json", lambda: b"[" * 1_000 + b"]" * 1_000, "nested"),
    "YAML nested 1,000 deep": ("data.yaml", lambda: b"[" * 1_000 + b"]" * 1_000, "nested"),
    "YAML alias bomb": ("data.yaml", lambda: alias_bomb(9), "YAML aliases (*name) are not allowed"),
    "a list, not a mapping": ("data.json", lambda: b"[]", "must be a mapping, not a list"),
    "an empty file": ("data.yaml", lambda: b"", "not an empty document"),
    "broken JSON": ("data.json", lambda: b'{"regions": [', "JSON syntax error at line 1"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_clear_message(tmp_path: Path, case: str) -> None:
    name, content, expected = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content())
    data_dir = tmp_path / "data"
    result = runner.invoke(app, ["load", str(path), "--data-dir", str(data_dir)])
    assert result.exit_code == 1, result.output
    assert f"{name}" in result.output
    assert expected in result.output.replace("\n", " ")
    assert "Traceback" not in result.output
    assert not data_dir.exists(), "a file refused while reading must not create the data dir"


def test_utf8_with_a_bom_gb18030_and_utf16_with_a_bom_are_read(tmp_path: Path) -> None:
    document = small_document()
    regions, rest = {"regions": document["regions"]}, dict(document)
    del rest["regions"]
    folder = tmp_path / "dataset"
    folder.mkdir()
    (folder / "a-regions.yaml").write_bytes(
        json.dumps(regions, ensure_ascii=False).encode("gb18030")
    )
    (folder / "b-rest.json").write_bytes(
        b"\xef\xbb\xbf" + json.dumps(rest, ensure_ascii=False).encode()
    )
    result = runner.invoke(app, ["load", str(folder), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert "loaded 26 records" in result.output

    utf16 = tmp_path / "again.json"
    utf16.write_bytes(json.dumps(regions, ensure_ascii=False).encode("utf-16"))  # with a BOM
    again = runner.invoke(app, ["load", str(utf16), "--data-dir", str(tmp_path / "data")])
    assert again.exit_code == 0, again.output


def test_cycles_are_reported_at_the_files_own_index(tmp_path: Path) -> None:
    document = small_document()
    regions = document["regions"]
    regions[0]["parent"] = regions[1]["code"]  # district -> street -> district
    regions[2]["within"] = [regions[2]["code"]]  # a zone within itself
    path = tmp_path / "cycles.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["load", str(path), "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 1, result.output
    output = result.output.replace("\n", " ")
    assert "cycles.json: regions[0].parent: cycle:" in output
    assert "cycles.json: regions[2].within: cycle:" in output
    assert "Traceback" not in output


def test_a_directory_that_is_not_a_data_dir_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    (elsewhere / "thesis.docx").write_bytes(b"important")
    path = tmp_path / "small.json"
    path.write_text(small_json(), encoding="utf-8")
    result = runner.invoke(app, ["load", str(path), "--data-dir", str(elsewhere)])
    assert result.exit_code == 1, result.output
    assert "is not empty and holds no database of this service" in result.output
    assert sorted(p.name for p in elsewhere.iterdir()) == ["thesis.docx"]


def test_a_new_data_dir_is_announced_and_private(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "small.json"
    path.write_text(small_json(), encoding="utf-8")
    data_dir = tmp_path / "new-data"
    with caplog.at_level(logging.WARNING):
        result = runner.invoke(app, ["load", str(path), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert f"creating a new data directory {data_dir}" in caplog.text
    assert data_dir.stat().st_mode & 0o777 == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert files
    assert all(p.stat().st_mode & 0o077 == 0 for p in files), "readable by others"


def test_serve_refuses_a_busy_port_before_touching_the_data_dir(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        data_dir = tmp_path / "data"
        result = runner.invoke(app, ["serve", "--port", str(port), "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.output.replace("\n", " ")
    assert not data_dir.exists()
