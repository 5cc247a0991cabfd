"""A unit's power list on a day: its valid holdings, one entry per item, role and mode, with the
item's legal basis and the places carved out of the unit's scope (a department that delegated an
item to 22 streets and towns holds it over the district less those places, and says so)."""

from __future__ import annotations

from datetime import date

from graph_service.domain.errors import NotFoundError

from .answers import Holding, Mode, PowerListEntry, Role
from .jurisdiction import basis_refs
from .state import EngineState
from .supervision import supervises


def power_list(state: EngineState, unit: str, at: date) -> list[PowerListEntry]:
    if unit not in state.catalog.units:
        raise NotFoundError("unit", unit)
    groups: dict[tuple[str, Role, Mode], list[Holding]] = {}
    for item, holdings in state.by_unit.get(unit, {}).items():
        for holding in holdings:
            if holding.valid_on(at) and supervises(state, holding, at):
                groups.setdefault((item, holding.role, holding.mode), []).append(holding)
    entries: list[PowerListEntry] = []
    for (item_code, role, mode), holdings in sorted(groups.items()):
        record = state.catalog.items[item_code]
        spans = [state.replays[item_code].span(h) for h in holdings]
        ends = [end for _, end in spans]
        acts = tuple(dict.fromkeys(a for h in holdings for a in h.acts))
        catalog_acts = state.catalog.acts
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
                acts=acts,
                basis=basis_refs(state, item_code, at),
                carved_out=tuple(sorted({c for h in holdings for c in h.carved_out})),
                illustrative=any(
                    (act := catalog_acts.get(a)) is not None and act.illustrative for a in acts
                ),
            )
        )
    return entries
