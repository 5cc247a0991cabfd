"""The Daxing seed as a projection, built once for the spreadsheet tests (nothing is written)."""

from __future__ import annotations

import pytest

from graph_service.engine.projection import Projection
from graph_service.service.dataset_files import read_dataset
from seed import daxing_path


@pytest.fixture(scope="package")
def daxing() -> Projection:
    return Projection(read_dataset(daxing_path()))
