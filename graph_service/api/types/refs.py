"""Small references to records (unit, region, item) that answers embed beside the key.

Answers from the engine carry keys; these add the name and kind a reader needs, looked up in the
projection's current records. A key the records do not know (which validation should prevent) still
resolves, with its key as name and no kind, rather than failing the whole answer.
"""

from __future__ import annotations

import strawberry

from graph_service.engine.records import Records

from .enums import Category, RegionKind, UnitKind


@strawberry.type(description="An enforcement body or government.")
class UnitRef:
    id: str
    name: str
    kind: UnitKind | None


@strawberry.type(description="An administrative division or zone, by statistical code.")
class RegionRef:
    code: str
    name: str
    kind: RegionKind | None


@strawberry.type(description="A power-list matter.")
class ItemRef:
    code: str
    name: str
    category: Category | None


def unit_ref(records: Records, key: str, name: str | None = None) -> UnitRef:
    unit = records.units.get(key)
    if unit is None:
        return UnitRef(id=key, name=name or key, kind=None)
    return UnitRef(id=key, name=unit.name, kind=unit.kind)


def region_ref(records: Records, key: str, name: str | None = None) -> RegionRef:
    region = records.regions.get(key)
    if region is None:
        return RegionRef(code=key, name=name or key, kind=None)
    return RegionRef(code=key, name=region.name, kind=region.kind)


def item_ref(records: Records, key: str, name: str | None = None) -> ItemRef:
    item = records.items.get(key)
    if item is None:
        return ItemRef(code=key, name=name or key, category=None)
    return ItemRef(code=key, name=item.name, category=item.category)
