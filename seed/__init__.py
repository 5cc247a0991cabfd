"""The seed datasets shipped with the service (a resource package, so it works installed too)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def daxing_path() -> Path:
    """The directory of the Daxing seed: one ``authority-graph/1`` YAML file per collection."""
    return Path(str(files("seed") / "daxing"))
