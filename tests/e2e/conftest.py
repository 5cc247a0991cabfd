"""Every e2e test gets a temporary directory whose processes are stopped when it ends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .procs import stop_processes_under


@pytest.fixture(autouse=True)
def _no_stray_database(tmp_path: Path) -> Iterator[None]:
    yield
    stop_processes_under(tmp_path)
