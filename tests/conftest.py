"""Markers by directory (as strawberry does), so `-m unit` selects exactly tests/unit."""

from __future__ import annotations

from pathlib import Path

import pytest

_MARK_BY_DIR = {
    "unit": "unit",
    "conformance": "conformance",
    "service": "service",
    "api": "api",
    "e2e": "e2e",
    "browser": "browser",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).parts
        for directory, mark in _MARK_BY_DIR.items():
            if directory in parts:
                item.add_marker(getattr(pytest.mark, mark))
