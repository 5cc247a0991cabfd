"""Use case: a unit's published (公示) lists and what changed between two versions.

A list published before entries were kept has only item codes: its items compare by code, with
no role, mode or scope to compare.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph_service.domain.errors import NotFoundError
from graph_service.domain.models import PublishedEntry, PublishedList

from .context import ServiceContext


@dataclass(frozen=True, slots=True)
class EntryChange:
    item: str
    before: tuple[PublishedEntry, ...]
    after: tuple[PublishedEntry, ...]


@dataclass(frozen=True, slots=True)
class ListDiff:
    unit: str
    from_version: int
    to_version: int
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[EntryChange, ...]


def published_lists(ctx: ServiceContext, unit: str) -> list[PublishedList]:
    """Every published version of ``unit``'s list, oldest first."""
    if unit not in ctx.projection.records.units:
        raise NotFoundError("unit", unit)
    found = [p for p in ctx.projection.records.published_lists.values() if p.unit == unit]
    return sorted(found, key=lambda p: p.version)


def published_list_diff(ctx: ServiceContext, unit: str, old: int, new: int) -> ListDiff:
    """Items added, removed and changed (role, mode or scopes) from version ``old`` to ``new``."""
    by_version = {p.version: p for p in published_lists(ctx, unit)}
    for version in (old, new):
        if version not in by_version:
            raise NotFoundError("published list", f"{unit}@{version}")
    before, after = _entries(by_version[old]), _entries(by_version[new])
    changed = tuple(
        EntryChange(item, before[item], after[item])
        for item in sorted(set(before) & set(after))
        if _shape(before[item]) != _shape(after[item])
    )
    return ListDiff(
        unit=unit,
        from_version=old,
        to_version=new,
        added=tuple(sorted(set(after) - set(before))),
        removed=tuple(sorted(set(before) - set(after))),
        changed=changed,
    )


def _entries(published: PublishedList) -> dict[str, tuple[PublishedEntry, ...]]:
    out: dict[str, list[PublishedEntry]] = {item: [] for item in published.items}
    for entry in published.entries:
        out.setdefault(entry.item, []).append(entry)
    return {item: tuple(entries) for item, entries in out.items()}


def _shape(entries: tuple[PublishedEntry, ...]) -> list[tuple[str, str, tuple[str, ...]]]:
    return sorted((e.role, e.mode, tuple(sorted(e.scopes))) for e in entries)
