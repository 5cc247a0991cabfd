"""A unit's power list as derived from the acts."""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.engine import answers
from graph_service.engine.records import Records

from .enums import Mode, Role
from .jurisdiction import Basis, basis_of
from .refs import ItemRef, RegionRef, region_ref


@strawberry.type(description="One item a unit holds on the asked date.")
class PowerListEntry:
    item: ItemRef
    role: Role
    mode: Mode
    scopes: list[RegionRef]
    valid_from: date
    valid_to: date | None
    acts: list[str] = strawberry.field(description="The acts behind it, oldest first.")
    basis: list[Basis] = strawberry.field(description="The item's legal basis, as cited.")
    carved_out: list[RegionRef] = strawberry.field(
        description="Places inside the scopes where the unit no longer holds it (下放、指定管辖)."
    )
    illustrative: bool = strawberry.field(
        description="Some act behind it is illustrative (示例数据): not to be cited as fact."
    )


def power_list_entry(records: Records, entry: answers.PowerListEntry) -> PowerListEntry:
    return PowerListEntry(
        item=ItemRef(code=entry.item, name=entry.item_name, category=entry.category),
        role=entry.role,
        mode=entry.mode,
        scopes=[region_ref(records, code) for code in entry.scopes],
        valid_from=entry.valid_from,
        valid_to=entry.valid_to,
        acts=list(entry.acts),
        basis=[basis_of(records, b) for b in entry.basis],
        carved_out=[region_ref(records, code) for code in entry.carved_out],
        illustrative=entry.illustrative,
    )
