"""A change the embedded server cannot apply never blocks the store.

FalkorDB's client writes parameters into the query text and the server's parser stops at a NUL,
so a journaled change holding one could never be completed: every later write and read used to
fail behind it, and the store could not even be opened. The adapter refuses such a change before
it is journaled, and sets aside (quarantines) an entry it can never apply that it finds on open.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.domain.enums import RegionKind
from graph_service.domain.errors import ValidationError
from graph_service.domain.models import Region
from graph_service.storage.falkordb import open_store
from graph_service.storage.falkordb.journal import JournalEntry

from .datasets import small


def _poisoned_region() -> Region:
    """A region holding a NUL, built past validation (as a caller that skipped it would)."""
    return Region.model_construct(code="x", name="a\x00b", kind=RegionKind.STREET, parent="110115")


def _poisoned_change() -> ChangeSet:
    return ChangeSet(upserts=Dataset.model_construct(regions=[_poisoned_region()]))


async def test_a_change_holding_a_nul_is_refused_before_the_journal(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "db")
    try:
        await store.apply(ChangeSet(upserts=small()))
        before = await store.load_all()
        with pytest.raises(ValidationError, match="NUL"):
            await store.apply(_poisoned_change())
        assert await store._journal.pending_text() is None
        assert await store.load_all() == before
        await store.apply(ChangeSet(deletes=[]))  # later writes go on
    finally:
        await store.close()


async def test_an_entry_the_server_cannot_apply_is_set_aside_on_open(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = await open_store(tmp_path / "db")
    await store.apply(ChangeSet(upserts=small()))
    before = await store.load_all()
    poisoned = JournalEntry(_poisoned_change(), revision=2)
    # as a crash left it, before the guard existed
    assert await store._journal._redis.set(store._journal.key, poisoned.encode())
    await store.close()

    with caplog.at_level(logging.ERROR):
        store = await open_store(tmp_path / "db")
    try:
        assert "set aside" in caplog.text
        assert await store._journal.pending_text() is None
        assert await store.load_all() == before
        await store.apply(ChangeSet(upserts=Dataset.model_validate({"laws": []})))
        kept = await store._journal._redis.keys(store._journal.key + ":quarantine:*")
        assert len(kept) == 1, "the entry is kept for an operator, not deleted"
    finally:
        await store.close()


async def test_an_entry_that_cannot_even_be_decoded_is_set_aside(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "db")
    await store._journal._redis.set(store._journal.key, "garbage\n{not json")
    await store.close()
    store = await open_store(tmp_path / "db")
    try:
        assert await store._journal.pending_text() is None
        await store.apply(ChangeSet(upserts=small()))
        assert (await store.load_all()).size() == small().size()
    finally:
        await store.close()
