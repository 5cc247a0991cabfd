"""Published lists (公示): the establishment office publishes a unit's list as it stands; anyone
reads the published versions and what changed between two of them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph_service import service
from graph_service.domain.errors import DomainError
from graph_service.domain.models import PublishedEntry as DomainEntry
from graph_service.domain.models import PublishedList as DomainList
from graph_service.service import ListDiff
from graph_service.service.pagination import Sorted
from graph_service.service.validation import require_page_size

from ..context import Info
from ..types.connection import Connection, connection
from ..types.misc import ChangeRecord, change_record
from ..types.payloads import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    expected_outcome,
)


@strawberry.type(description="One line of a published list: how and where the item was held.")
class PublishedEntry:
    item: str
    role: str
    mode: str
    scopes: list[str]


def _entries_page(
    root: PublishedList, first: int = 20, after: str | None = None
) -> Connection[PublishedEntry]:
    require_page_size("first", first)
    # a published version never changes: a line's position is a stable sort key
    keys = tuple((i, entry.item) for i, entry in enumerate(root.entries))
    page = Sorted(tuple(root.entries), keys).page(first, after)
    return connection(page, lambda entry: entry)


@strawberry.type(description="One published (公示) version of a unit's power list.")
class PublishedList:
    unit: str
    version: int
    published: date
    note: str | None
    items: list[str]
    entries: list[PublishedEntry] = strawberry.field(
        description="Empty for lists published before entries were kept."
    )
    entries_page: Connection[PublishedEntry] = strawberry.field(
        resolver=_entries_page,
        description=(
            "`entries` paged: `first` lines (0–200) after the cursor `after` (the `endCursor` "
            "of the previous page), in published order."
        ),
    )


@strawberry.type(
    description="An item published in both versions whose role, mode or scope changed."
)
class PublishedEntryChange:
    item: str
    before: list[PublishedEntry]
    after: list[PublishedEntry]


@strawberry.type(description="What changed from one published version to another.")
class PublishedListDiff:
    unit: str
    from_version: int
    to_version: int
    added: list[str]
    removed: list[str]
    changed: list[PublishedEntryChange]


@strawberry.type(description="The list was published as a new version.")
class ListPublished:
    published_list: PublishedList
    revision: int
    change: ChangeRecord


PublishListPayload = Annotated[
    ListPublished | ValidationFailed | PermissionDenied | NotFound | Conflict,
    strawberry.union("PublishListPayload"),
]


def _entry(entry: DomainEntry) -> PublishedEntry:
    return PublishedEntry(
        item=entry.item, role=entry.role, mode=entry.mode, scopes=list(entry.scopes)
    )


def published_list_type(found: DomainList) -> PublishedList:
    return PublishedList(
        unit=found.unit,
        version=found.version,
        published=found.published,
        note=found.note,
        items=list(found.items),
        entries=[_entry(e) for e in found.entries],
    )


def _diff(diff: ListDiff) -> PublishedListDiff:
    return PublishedListDiff(
        unit=diff.unit,
        from_version=diff.from_version,
        to_version=diff.to_version,
        added=list(diff.added),
        removed=list(diff.removed),
        changed=[
            PublishedEntryChange(
                item=c.item,
                before=[_entry(e) for e in c.before],
                after=[_entry(e) for e in c.after],
            )
            for c in diff.changed
        ],
    )


async def resolve_publish_list(
    info: Info, unit: str, at: date, note: str | None = None
) -> PublishListPayload:
    ctx = info.context.service
    try:
        change = await service.publish_list(
            ctx, unit, at, by=info.context.principal.name, note=note
        )
    except DomainError as error:
        return expected_outcome(error, "unit")
    latest = service.published_lists(ctx, unit)[-1]
    return ListPublished(
        published_list=published_list_type(latest),
        revision=change.revision,
        change=change_record(change),
    )


def resolve_published_lists(info: Info, unit: str) -> list[PublishedList]:
    return [published_list_type(p) for p in service.published_lists(info.context.service, unit)]


def resolve_published_list_diff(
    info: Info, unit: str, from_version: int, to_version: int
) -> PublishedListDiff:
    found = service.published_list_diff(info.context.service, unit, from_version, to_version)
    return _diff(found)


@strawberry.type
class PublishedQuery:
    published_lists: list[PublishedList] = strawberry.field(
        resolver=resolve_published_lists,
        description="Every published (公示) version of a unit's power list, oldest first.",
    )
    published_list_diff: PublishedListDiff = strawberry.field(
        resolver=resolve_published_list_diff,
        description=(
            "What changed between two published versions of a unit's list: items added, "
            "removed, and those whose role, mode or scope changed."
        ),
    )


@strawberry.type
class PublishedMutation:
    publish_list: PublishListPayload = strawberry.mutation(
        resolver=resolve_publish_list,
        description=(
            "Publish (公示) a unit's power list as it stands on `at`, as its next version; "
            "LIST_MISMATCH then compares the holdings with it. The establishment office only."
        ),
    )
