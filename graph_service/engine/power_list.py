"""A unit's power list on a day: its valid holdings, one entry per item, role and mode."""

from __future__ import annotations

from datetime import date

from graph_service.domain.errors import NotFoundError

from .answers import Holding, Mode, PowerListEntry, Role
from .state import EngineState


def power_list(state: EngineState, unit: str, at: date) -> list[PowerListEntry]:
    if unit not in state.catalog.units:
        raise NotFoundError("unit", unit)
    groups: dict[tuple[str, Role, Mode], list[Holding]] = {}
    for item, holdings in state.by_unit.get(unit, {}).items():
        for holding in holdings:
            if holding.valid_on(at):
                groups.setdefault((item, holding.role, holding.mode), []).append(holding)
    entries: list[PowerListEntry] = []
    for (item_code, role, mode), holdings in sorted(groups.items()):
        record = state.catalog.items[item_code]
        spans = [state.replays[item_code].span(h) for h in holdings]
        ends = [end for _, end in spans]
        entries.append(
            PowerListEntry(
                item=item_code,
                item_name=record.name,
                category=record.category,
                role=role,
                mode=mode,
                scopes=tuple(sorted({h.scope for h in holdings})),
                valid_from=min(start for start, _ in spans),
                valid_to=None if None in ends else max(e for e in ends if e is not None),
                acts=tuple(dict.fromkeys(a for h in holdings for a in h.acts)),
                carved_out=tuple(sorted({c for h in holdings for c in h.carved_out})),
            )
        )
    return entries
