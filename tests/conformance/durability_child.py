"""Run by test_falkordb_durability.py in a separate process: apply a large change set slowly.

Usage: python -m tests.conformance.durability_child DATA_DIR SIZE
Prints ``server <pid>`` once the store is open and ``step <n>`` before each statement, so the test
can kill this process (or the server) in the middle of the change set.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from graph_service.domain.changes import ChangeSet
from graph_service.storage.falkordb import open_store
from graph_service.storage.plan import Step

from .datasets import bulk


async def main(data_dir: Path, size: int) -> None:
    store = await open_store(data_dir, batch_size=100)
    print(f"server {store.server_pid}", flush=True)

    def slowly(index: int, step: Step) -> None:
        print(f"step {index}", flush=True)
        time.sleep(0.01)

    store.on_step = slowly
    await store.apply(ChangeSet(id="bulk", replace=True, upserts=bulk(size)))
    print("done", flush=True)
    await store.close()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
