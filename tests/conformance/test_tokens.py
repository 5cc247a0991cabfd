"""The port's ``TokenStore``, the same on every backend: tokens live beside the graph."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from graph_service.domain.auth import ApiToken, Role, hash_secret
from graph_service.domain.changes import ChangeSet
from graph_service.domain.dataset import Dataset
from graph_service.storage.port import GraphStore, TokenStore

from .datasets import small

Reopen = Callable[[], Awaitable[GraphStore]]


def at(minute: int) -> datetime:
    return datetime(2026, 3, 2, 8, minute, tzinfo=UTC)


def token(
    token_id: str, role: Role = Role.ESTABLISHMENT_OFFICE, unit: str | None = None
) -> ApiToken:
    return ApiToken(
        id=token_id,
        secret_hash=hash_secret(f"secret-of-{token_id}"),
        name=f"{role.label}·{token_id}",
        role=role,
        unit=unit,
        created_at=at(int(token_id[-1])),
    )


async def test_a_saved_token_is_found_by_the_hash_of_its_secret(store: GraphStore) -> None:
    tokens: TokenStore = store.tokens
    saved = token("t1", Role.UNIT, unit="xf")
    await tokens.save(saved)

    assert await tokens.find_by_hash(hash_secret("secret-of-t1")) == saved
    assert await tokens.find_by_hash(hash_secret("secret-of-t2")) is None
    assert await tokens.find_by_hash("secret-of-t1") is None  # the secret itself is not a key


async def test_list_gives_every_token_oldest_first(store: GraphStore) -> None:
    for saved in (token("t3", Role.ADMIN), token("t1"), token("t2", Role.JUSTICE_BUREAU)):
        await store.tokens.save(saved)

    listed = await store.tokens.list_all()

    assert [(t.id, t.role, t.unit) for t in listed] == [
        ("t1", Role.ESTABLISHMENT_OFFICE, None),
        ("t2", Role.JUSTICE_BUREAU, None),
        ("t3", Role.ADMIN, None),
    ]
    assert listed[0].name == "区委编办·t1"


async def test_revoke_keeps_the_token_and_the_first_revocation(store: GraphStore) -> None:
    await store.tokens.save(token("t1"))

    first = await store.tokens.revoke("t1", at(30))
    again = await store.tokens.revoke("t1", at(45))

    assert first is not None
    assert again is not None
    assert first.revoked_at == again.revoked_at == at(30)
    found = await store.tokens.find_by_hash(hash_secret("secret-of-t1"))
    assert found is not None
    assert found.revoked
    assert await store.tokens.revoke("unknown", at(30)) is None


async def test_touch_records_the_last_use(store: GraphStore) -> None:
    await store.tokens.save(token("t1"))
    await store.tokens.touch("t1", at(10))
    await store.tokens.touch("t1", at(20))

    [listed] = await store.tokens.list_all()
    assert listed.last_used_at == at(20)
    assert listed.revoked_at is None


async def test_tokens_are_not_records_of_the_graph(store: GraphStore) -> None:
    await store.tokens.save(token("t1"))
    data = small()
    await store.apply(ChangeSet(upserts=data))
    assert await store.load_all() == data

    await store.apply(ChangeSet(replace=True, upserts=Dataset()))

    assert (await store.load_all()).size() == 0
    assert [t.id for t in await store.tokens.list_all()] == ["t1"]


async def test_tokens_survive_a_reopen(store: GraphStore, reopen: Reopen) -> None:
    await store.tokens.save(token("t1", Role.UNIT, unit="xf"))
    await store.tokens.revoke("t1", at(40))

    reopened = await reopen()

    [listed] = await reopened.tokens.list_all()
    assert (listed.id, listed.unit, listed.revoked_at) == ("t1", "xf", at(40))
