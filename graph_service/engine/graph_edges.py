"""The edges around one node of the authority graph on a day: what a graph view draws.

A graph view walks the graph one node at a time, so each node kind has one function that lists
its edges as of ``at`` (records not valid that day are left out): holdings (``HOLDS``, from the
replayed holdings), the acts that move competence between units (``DELEGATED`` …, one edge per
act and pair of units), the region tree (``PARENT_OF``, ``WITHIN``, ``ADJACENT_TO``), where a unit
sits (``LOCATED_IN``), cooperation agreements (``PARTY_TO``) and legal bases (``BASED_ON``).
Everything is read from the engine state; reverse look-ups that no index serves (acts under a law,
units of a region) scan the catalog once per view, through ``Lookups``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from graph_service.domain.enums import ActKind
from graph_service.domain.models import Act, Agreement

from .answers import Holding, Mode, Role
from .state import EngineState


class NodeKind(StrEnum):
    UNIT = "unit"
    ITEM = "item"
    REGION = "region"
    ACT = "act"
    LAW = "law"
    AGREEMENT = "agreement"


class EdgeKind(StrEnum):
    HOLDS = "HOLDS"  # unit -> item
    DELEGATED = "DELEGATED"  # delegator -> delegatee, by an act
    ENTRUSTED = "ENTRUSTED"  # principal -> agent, by an act
    TRANSFERRED = "TRANSFERRED"  # old holder -> new holder, by an act
    DESIGNATED = "DESIGNATED"  # designating authority -> designated unit, by an act
    PARENT_OF = "PARENT_OF"  # region -> sub-region, government -> its unit
    WITHIN = "WITHIN"  # region -> the zone it lies in
    ADJACENT_TO = "ADJACENT_TO"  # region -> bordering region
    LOCATED_IN = "LOCATED_IN"  # unit -> its region
    PARTY_TO = "PARTY_TO"  # unit -> agreement
    BASED_ON = "BASED_ON"  # item or act -> law
    CONCERNS = "CONCERNS"  # act or agreement -> item
    INVOLVES = "INVOLVES"  # act -> a unit it takes from or gives to


ACT_EDGES: dict[ActKind, EdgeKind] = {
    ActKind.DELEGATE: EdgeKind.DELEGATED,
    ActKind.ENTRUST: EdgeKind.ENTRUSTED,
    ActKind.TRANSFER: EdgeKind.TRANSFERRED,
    ActKind.DESIGNATE: EdgeKind.DESIGNATED,
}
EDGE_LABELS = {
    EdgeKind.DELEGATED: "下放",
    EdgeKind.ENTRUSTED: "委托",
    EdgeKind.TRANSFERRED: "划转",
    EdgeKind.DESIGNATED: "指定管辖",
    EdgeKind.PARENT_OF: "下辖",
    EdgeKind.WITHIN: "位于",
    EdgeKind.ADJACENT_TO: "毗邻",
    EdgeKind.LOCATED_IN: "驻地",
    EdgeKind.PARTY_TO: "签署",
    EdgeKind.CONCERNS: "涉及",
}


def node_id(kind: NodeKind, key: str) -> str:
    return f"{kind.value}:{key}"


@dataclass(frozen=True, slots=True)
class Edge:
    """One drawable edge; ``source`` and ``target`` are node ids (``kind:key``)."""

    id: str
    kind: EdgeKind
    source: str
    target: str
    label: str
    role: Role | None = None
    mode: Mode | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    scopes: tuple[str, ...] = ()
    carved_out: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()  # HOLDS: the chain; an act edge: the act itself
    items: tuple[str, ...] = ()  # an act edge: the items it moves


def _edge(
    kind: EdgeKind,
    source: str,
    target: str,
    label: str = "",
    *,
    key: tuple[str, ...] = (),
    **extra: Any,
) -> Edge:
    """An edge whose id is stable: kind, ends and ``key`` (what tells parallel edges apart)."""
    suffix = "|".join(key)
    return Edge(
        id=f"{kind.value}:{source}>{target}" + (f"|{suffix}" if suffix else ""),
        kind=kind,
        source=source,
        target=target,
        label=label or EDGE_LABELS.get(kind, kind.value),
        **extra,
    )


def in_effect(act: Act, at: date) -> bool:
    return act.effective <= at and (act.until is None or at < act.until)


@dataclass(slots=True)
class Lookups:
    """Reverse indexes one view needs, built on first use from the state's catalog."""

    state: EngineState
    _units_by_region: dict[str, list[str]] | None = None
    _child_units: dict[str, list[str]] | None = None
    _by_law: dict[str, list[tuple[NodeKind, str, str]]] | None = None
    _agreements: dict[str, list[Agreement]] = field(default_factory=dict)
    _agreements_built: bool = False

    def units_by_region(self) -> dict[str, list[str]]:
        if self._units_by_region is None:
            found: defaultdict[str, list[str]] = defaultdict(list)
            for unit in self.state.catalog.units.values():
                found[unit.region].append(unit.id)
            self._units_by_region = dict(found)
        return self._units_by_region

    def child_units(self) -> dict[str, list[str]]:
        if self._child_units is None:
            found: defaultdict[str, list[str]] = defaultdict(list)
            for unit in self.state.catalog.units.values():
                if unit.parent:
                    found[unit.parent].append(unit.id)
            self._child_units = dict(found)
        return self._child_units

    def citing(self, law: str) -> list[tuple[NodeKind, str, str]]:
        """(kind, key, article) of the items and acts that rest on ``law``."""
        if self._by_law is None:
            catalog = self.state.catalog
            found: defaultdict[str, list[tuple[NodeKind, str, str]]] = defaultdict(list)
            for item in catalog.items.values():
                for provision_id in item.basis:
                    provision = catalog.provisions.get(provision_id)
                    if provision is not None:
                        found[provision.law].append((NodeKind.ITEM, item.code, provision.article))
            for act in catalog.acts.values():
                if act.doc:
                    found[act.doc].append((NodeKind.ACT, act.id, ""))
            self._by_law = dict(found)
        return self._by_law.get(law, [])

    def agreements_of(self, unit: str) -> list[Agreement]:
        if not self._agreements_built:
            for agreement in self.state.catalog.agreements:
                for party in agreement.parties:
                    self._agreements.setdefault(party, []).append(agreement)
            self._agreements_built = True
        return self._agreements.get(unit, [])


def holds_edges(holdings: list[Holding], at: date) -> Iterator[Edge]:
    """One ``HOLDS`` edge per unit, item, role and mode, its scopes merged."""
    groups: dict[tuple[str, str, Role, Mode], list[Holding]] = {}
    for holding in holdings:
        if holding.valid_on(at):
            key = (holding.unit, holding.item, holding.role, holding.mode)
            groups.setdefault(key, []).append(holding)
    for (unit, item, role, mode), group in sorted(groups.items()):
        ends = [h.valid_to for h in group]
        yield _edge(
            EdgeKind.HOLDS,
            node_id(NodeKind.UNIT, unit),
            node_id(NodeKind.ITEM, item),
            f"{role.label}（{mode.label}）",
            key=(role.value, mode.value),
            role=role,
            mode=mode,
            valid_from=min(h.valid_from for h in group),
            valid_to=None if None in ends else max(e for e in ends if e is not None),
            scopes=tuple(sorted({h.scope for h in group})),
            carved_out=tuple(sorted({c for h in group for c in h.carved_out})),
            acts=tuple(dict.fromkeys(a for h in group for a in h.acts)),
        )


def act_edges(act: Act, state: EngineState) -> Iterator[Edge]:
    """Unit-to-unit edges of an act that moves competence (none for assign, cancel, revoke)."""
    kind = ACT_EDGES.get(act.kind)
    source = act.from_unit if act.kind != ActKind.DESIGNATE else act.issuer
    if kind is None or source is None or source not in state.catalog.units:
        return
    for target in dict.fromkeys(act.to):
        yield _edge(
            kind,
            node_id(NodeKind.UNIT, source),
            node_id(NodeKind.UNIT, target),
            key=(act.id,),
            valid_from=act.effective,
            valid_to=act.until,
            acts=(act.id,),
            items=tuple(act.items),
        )


def unit_edges(state: EngineState, lookups: Lookups, unit: str, at: date) -> Iterator[Edge]:
    record = state.catalog.units[unit]
    me = node_id(NodeKind.UNIT, unit)
    held = state.by_unit.get(unit, {})
    yield from holds_edges([h for hs in held.values() for h in hs], at)
    seen: set[str] = set()
    for item in held:
        for act in state.catalog.acts_by_item.get(item, ()):
            involved = act.from_unit == unit or unit in act.to or act.issuer == unit
            if act.id not in seen and involved and in_effect(act, at):
                seen.add(act.id)
                yield from (e for e in act_edges(act, state) if me in (e.source, e.target))
    if record.parent is not None and record.parent in state.catalog.units:
        yield _edge(EdgeKind.PARENT_OF, node_id(NodeKind.UNIT, record.parent), me)
    for child in lookups.child_units().get(unit, ()):
        yield _edge(EdgeKind.PARENT_OF, me, node_id(NodeKind.UNIT, child))
    if record.region in state.regions:
        yield _edge(EdgeKind.LOCATED_IN, me, node_id(NodeKind.REGION, record.region))
    for agreement in lookups.agreements_of(unit):
        if agreement.valid_on(at):
            yield _edge(EdgeKind.PARTY_TO, me, node_id(NodeKind.AGREEMENT, agreement.id))


def item_edges(state: EngineState, item: str, at: date) -> Iterator[Edge]:
    catalog = state.catalog
    replay = state.replays.get(item)
    if replay is not None:
        yield from holds_edges(list(replay.holdings), at)
    for act in catalog.acts_by_item.get(item, ()):
        if in_effect(act, at):
            yield from act_edges(act, state)
    yield from _basis_edges(state, node_id(NodeKind.ITEM, item), catalog.items[item].basis)


def _basis_edges(state: EngineState, source: str, provisions: list[str]) -> Iterator[Edge]:
    articles: dict[str, list[str]] = {}
    for provision_id in provisions:
        provision = state.catalog.provisions.get(provision_id)
        if provision is not None and provision.law in state.catalog.laws:
            articles.setdefault(provision.law, []).append(provision.article)
    for law, cited in articles.items():
        label = "依据 " + "、".join(dict.fromkeys(cited))
        yield _edge(EdgeKind.BASED_ON, source, node_id(NodeKind.LAW, law), label)


def region_edges(state: EngineState, lookups: Lookups, code: str) -> Iterator[Edge]:
    regions = state.regions
    record = regions.regions[code]
    me = node_id(NodeKind.REGION, code)
    if record.parent is not None and record.parent in regions:
        yield _edge(EdgeKind.PARENT_OF, node_id(NodeKind.REGION, record.parent), me)
    for child in regions.children.get(code, ()):
        yield _edge(EdgeKind.PARENT_OF, me, node_id(NodeKind.REGION, child))
    for zone in record.within:
        if zone in regions:
            yield _edge(EdgeKind.WITHIN, me, node_id(NodeKind.REGION, zone))
    for member in regions.regions.values():
        if code in member.within:
            yield _edge(EdgeKind.WITHIN, node_id(NodeKind.REGION, member.code), me)
    for other in sorted(regions.adjacent.get(code, ())):
        if other in regions:
            pair = sorted((code, other))
            yield _edge(
                EdgeKind.ADJACENT_TO,
                node_id(NodeKind.REGION, pair[0]),
                node_id(NodeKind.REGION, pair[1]),
            )
    for unit in lookups.units_by_region().get(code, ()):
        yield _edge(EdgeKind.LOCATED_IN, node_id(NodeKind.UNIT, unit), me)


def act_node_edges(state: EngineState, act_id: str) -> Iterator[Edge]:
    act = state.catalog.acts[act_id]
    me = node_id(NodeKind.ACT, act_id)
    if act.from_unit is not None and act.from_unit in state.catalog.units:
        yield _edge(EdgeKind.INVOLVES, me, node_id(NodeKind.UNIT, act.from_unit), "交出")
    for unit in dict.fromkeys(act.to):
        if unit in state.catalog.units:
            yield _edge(EdgeKind.INVOLVES, me, node_id(NodeKind.UNIT, unit), "承接")
    for item in dict.fromkeys(act.items):
        if item in state.catalog.items:
            yield _edge(EdgeKind.CONCERNS, me, node_id(NodeKind.ITEM, item))
    yield from act_edges(act, state)
    if act.doc is not None and act.doc in state.catalog.laws:
        yield _edge(EdgeKind.BASED_ON, me, node_id(NodeKind.LAW, act.doc), "依据")
    yield from _basis_edges(state, me, act.basis)


def law_edges(state: EngineState, lookups: Lookups, law: str) -> Iterator[Edge]:
    me = node_id(NodeKind.LAW, law)
    cited: dict[tuple[NodeKind, str], list[str]] = {}
    for kind, key, article in lookups.citing(law):
        cited.setdefault((kind, key), []).append(article)
    for (kind, key), articles in cited.items():
        shown = [a for a in dict.fromkeys(articles) if a]
        label = "依据 " + "、".join(shown) if shown else "依据"
        yield _edge(EdgeKind.BASED_ON, node_id(kind, key), me, label)


def agreement_edges(state: EngineState, agreement: Agreement) -> Iterator[Edge]:
    me = node_id(NodeKind.AGREEMENT, agreement.id)
    for party in agreement.parties:
        if party in state.catalog.units:
            yield _edge(EdgeKind.PARTY_TO, node_id(NodeKind.UNIT, party), me)
    for item in agreement.items:
        if item in state.catalog.items:
            yield _edge(EdgeKind.CONCERNS, me, node_id(NodeKind.ITEM, item))
