"""Cold start from the store: from the embedded FalkorDB holding the dataset to a ready service.

The dataset is first written to a fresh store in ``workdir`` (timed, as the bulk-write figure) and
the store closed, which stops its server. The cold start is then exactly what ``graph-service
serve`` does before it accepts requests (``bootstrap.open_service``): start the server, which
reloads its append-only file; read every record back; build the projection.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from graph_service.bootstrap import open_service
from graph_service.config import Settings, StoreKind
from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.storage.falkordb import open_store

from .rows import Row


def cold_start_rows(dataset: Dataset, workdir: Path) -> list[Row]:
    return asyncio.run(_measure(dataset, workdir / "store"))


async def _measure(dataset: Dataset, data_dir: Path) -> list[Row]:
    records = dataset.size()
    started = time.perf_counter()
    store = await open_store(data_dir)
    try:
        await store.apply(ChangeSet(replace=True, upserts=dataset))
    finally:
        await store.close()
    written = time.perf_counter() - started
    settings = Settings(
        data_dir=data_dir, store=StoreKind.FALKORDB, seed_on_empty=False, write_back_holdings=False
    )
    started = time.perf_counter()
    async with open_service(settings) as ctx:
        ready = time.perf_counter() - started
        holdings = len(ctx.projection.holdings())
    return [
        Row(
            "write the dataset to the embedded store",
            written,
            "s",
            note=f"{records:,} records, {records / written:,.0f} records/s",
        ),
        Row(
            "cold start: store → ready (open_service)",
            ready,
            "s",
            target=15,
            note=f"server start + load_all + Projection; {holdings:,} holdings",
        ),
    ]
