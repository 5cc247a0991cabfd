"""LIST_MISMATCH findings: a unit's latest published list (公示) against what the acts give it.

The latest list on a day is the highest version published on or before it. It should name every
item the unit holds in its own name or as an agent on that day (PRIMARY or AGENT holdings) and
nothing else; items only supervised after a delegation are not the unit's to exercise.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from graph_service.domain.models import PublishedList

from .answers import Finding, FindingKind, Holding, Role, Severity
from .citation import cn_date
from .coordination import Coordination
from .finding_ids import finding_id
from .state import EngineState

LIST_MISMATCH = "list_mismatch"
_LISTED_ROLES = frozenset({Role.PRIMARY, Role.AGENT})
_DAYS_CACHED = 4


def latest_list(lists: list[PublishedList], at: date) -> PublishedList | None:
    published = [p for p in lists if p.published <= at]
    return max(published, key=lambda p: p.version) if published else None


def held_items(state: EngineState, unit: str, at: date) -> dict[str, list[Holding]]:
    """Items the unit exercises on ``at`` -> the holdings that give them (cached per unit and
    day until the unit's holdings change)."""
    per_day = state.unit_cache.setdefault(unit, {})
    found = per_day.get(at)
    if found is None:
        if len(per_day) >= _DAYS_CACHED:
            per_day.pop(next(iter(per_day)))
        found = per_day[at] = _held(state, unit, at)
    return found


def _held(state: EngineState, unit: str, at: date) -> dict[str, list[Holding]]:
    out: dict[str, list[Holding]] = {}
    for item, holdings in state.by_unit.get(unit, {}).items():
        valid = [h for h in holdings if h.role in _LISTED_ROLES and h.valid_on(at)]
        if valid:
            out[item] = valid
    return out


def list_mismatches(
    state: EngineState, at: date, coord: Coordination, units: Collection[str] | None = None
) -> list[Finding]:
    """Units (of ``units``, if given) whose latest list on ``at`` differs from their holdings."""
    out: list[Finding] = []
    published = state.catalog.published
    if units is not None:
        published = {u: published[u] for u in units if u in published}
    for unit, lists in published.items():
        latest = latest_list(lists, at)
        if latest is None:
            continue
        held = held_items(state, unit, at)
        listed = set(latest.items)
        missing = tuple(sorted(held.keys() - listed))
        extra = tuple(sorted(listed - held.keys()))
        if not missing and not extra:
            continue
        evidence = [h for item in missing for h in held[item]]
        acts = {a for h in evidence for a in h.acts}
        routing = coord.route((unit,))
        out.append(
            Finding(
                id=finding_id(FindingKind.LIST_MISMATCH, None, (unit,), LIST_MISMATCH),
                kind=FindingKind.LIST_MISMATCH,
                severity=Severity.MEDIUM,
                at=at,
                summary=(
                    f"{state.catalog.unit_name(unit)}{cn_date(latest.published)}公示的"
                    f"第{latest.version}版权力清单与依据决定推导的职权不一致："
                    f"漏列{len(missing)}项，多列{len(extra)}项。"
                ),
                item=None,
                units=(unit,),
                places=(),
                acts=tuple(sorted(acts)),
                holdings=tuple(h.id for h in evidence),
                routing=routing,
                cause=LIST_MISMATCH,
                items=tuple(sorted({*missing, *extra})),
                missing_items=missing,
                extra_items=extra,
            )
        )
    return out
