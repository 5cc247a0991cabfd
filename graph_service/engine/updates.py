"""How a change set reaches the projection: which items to replay, in place or on a fork.

A change to acts or items replays only the items they name (before and after the change); a law
decides STATUTORY vs ORIGINAL for the acts it documents; provisions, laws and agreements feed
per-item findings, whose cache is then dropped. Regions and units can reach any item (scopes,
abolition, successors), so a change to their structure rebuilds everything; a change to what
only names them (a rename, a note, an alias) replays nothing: the records are swapped in and the
caches that hold text are dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from graph_service.domain.changes import ChangeSet
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record, Region

from .catalog import Catalog
from .records import Records
from .replay import replay_item
from .resume import resume_item
from .state import EngineState

_FULL_REBUILD = frozenset({EntityKind.REGION, EntityKind.UNIT})
# Fields of units and regions that no replay, finding or scope depends on, only wording.
_WORDING = frozenset(
    {"name", "aliases", "note", "source", "illustrative", "recorded_at", "recorded_by"}
)
FINDINGS_INPUTS = frozenset({EntityKind.LAW, EntityKind.PROVISION, EntityKind.AGREEMENT})

Builder = Callable[[Records], EngineState]


def advance(
    state: EngineState, records: Records, change: ChangeSet, *, fork: bool, build: Builder
) -> tuple[EngineState, set[str] | None]:
    """The state after ``change`` (a fork, or ``state`` itself updated) and the items replayed.

    ``None`` for the items means everything was rebuilt.
    """
    touched = change.touched()
    kinds = {ref.kind for ref in touched}
    if needs_rebuild(state, change):
        return build(records), None
    ordered = list(dict.fromkeys(ref.key for ref in touched if ref.kind == EntityKind.ACT))
    deleted = frozenset(r.key for r in change.deletes if r.kind == EntityKind.ACT)
    catalog = state.catalog.updated(records, kinds - {EntityKind.ACT}, ordered, deleted)
    acts = set(ordered)
    items: set[str] = set()
    for act_id in acts:
        for side in (state.catalog, catalog):
            act = side.acts.get(act_id)
            items.update(act.items if act else ())
    from_scratch = {ref.key for ref in touched if ref.kind == EntityKind.ITEM}
    laws = {ref.key for ref in touched if ref.kind == EntityKind.LAW}
    if laws:
        for side in (state.catalog, catalog):
            from_scratch.update(i for a in side.acts.values() if a.doc in laws for i in a.items)
    previous = state.catalog
    target = state.fork(catalog) if fork else state
    target.catalog = catalog
    if kinds & _FULL_REBUILD:  # wording only (``needs_rebuild`` said so): swap the records in
        regions = [r for _, r in change.upserts.records() if isinstance(r, Region)]
        target.regions = state.regions.renamed(regions) if regions else state.regions
        target.derived = {}
        target.unit_cache = {}
    if kinds & (FINDINGS_INPUTS | _FULL_REBUILD):
        target.item_cache = {}
    for code in sorted(items | from_scratch):
        if code not in catalog.items:
            target.drop(code)
            continue
        if code not in from_scratch and _resume(previous, target, catalog, code, acts, fork):
            continue
        target.put(replay_item(code, catalog, state.regions))
    return target, items | from_scratch


def needs_rebuild(state: EngineState, change: ChangeSet) -> bool:
    """Whether ``change`` can reach every item: a replace, a unit or region added, deleted or
    changed in anything but its wording."""
    if change.replace:
        return True
    if any(ref.kind in _FULL_REBUILD for ref in change.deletes):
        return True
    for kind, record in change.upserts.records():
        if kind not in _FULL_REBUILD:
            continue
        before: Record | None = (
            state.catalog.units.get(record.key)
            if kind is EntityKind.UNIT
            else state.regions.regions.get(record.key)
        )
        if before is None or _structure(before) != _structure(record):
            return True
    return False


def _structure(record: Record) -> dict[str, object]:
    return record.model_dump(exclude=set(_WORDING))


def _resume(
    previous: Catalog,
    target: EngineState,
    catalog: Catalog,
    code: str,
    acts: set[str],
    fork: bool,
) -> bool:
    """Replay ``code`` by resuming it when the change only adds acts after its last event.

    ``target`` still holds the item's replay from before the change (it is replaced here); a
    fork is never resumed in turn, so its replays keep no tails.
    """
    old = target.replays.get(code)
    if old is None or any(a.id in acts for a in previous.acts_by_item.get(code, ())):
        return False
    new_acts = [a for a in catalog.acts_by_item.get(code, ()) if a.id in acts]
    resumed = (
        resume_item(old, catalog, target.regions, new_acts, keep_tails=not fork)
        if new_acts
        else None
    )
    if resumed is None:
        return False
    target.put_partial(*resumed)
    return True
