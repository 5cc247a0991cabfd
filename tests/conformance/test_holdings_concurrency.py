"""Two service instances on one store both export the derived ``HOLDS`` of the items a change
touched (each follows the other's writes): exports of the same items that overlap must leave one
copy of each holding, not one per exporter."""

from __future__ import annotations

import asyncio

from graph_service.domain.changes import ChangeSet
from graph_service.storage.port import HoldingsWriter

from .by_hand import by_hand
from .conftest import Opened
from .datasets import small
from .holdings_data import small_holdings

COUNT = "MATCH (:Unit)-[h:HOLDS]->(:PowerItem) RETURN count(h) AS n"
ROUNDS = 10


async def test_overlapping_exports_of_the_same_items_leave_one_copy(opened: Opened) -> None:
    first = opened.current
    assert first is not None
    await first.apply(ChangeSet(upserts=small()))
    second = await opened.backend.open(opened.workdir)  # another instance, same store
    try:
        assert isinstance(first, HoldingsWriter)
        assert isinstance(second, HoldingsWriter)
        holdings = small_holdings()
        items = sorted({h.item for h in holdings})
        for _ in range(ROUNDS):
            await asyncio.gather(
                first.write_holdings(holdings, items=items),
                second.write_holdings(holdings, items=items),
            )
            assert (await by_hand(first, COUNT))[0]["n"] == len(holdings)
    finally:
        await second.close()
