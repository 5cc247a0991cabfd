"""The neighbourhood of one record as nodes and edges ready for a graph view (DESIGN §7 ``graph``).

A breadth-first walk from the focus (a unit, item, region, act, law or agreement) out to
``depth`` steps over the edges of ``graph_edges``, as of one day, keeping only the edge kinds
asked for. The edges among the nodes of the last ring are added too (an ego graph), so a view of
an item shows the delegation between two of its holders. The walk stops growing past a budget, and
the answer is capped at ``limit`` nodes, nearest first: ``truncated`` and the counts say how much
was left out, so a view can offer to widen it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from graph_service.domain.errors import NotFoundError, Problem, ValidationError
from graph_service.domain.models import Agreement

from .graph_edges import (
    Edge,
    EdgeKind,
    Lookups,
    NodeKind,
    act_node_edges,
    agreement_edges,
    item_edges,
    law_edges,
    node_id,
    region_edges,
    unit_edges,
)
from .state import EngineState

MAX_DEPTH = 3
MAX_LIMIT = 2000
COUNT_BUDGET = 20_000  # nodes discovered before the walk stops counting (counts then a floor)
ACT_KIND_LABELS = {
    "assign": "赋予",
    "delegate": "下放",
    "entrust": "委托",
    "transfer": "划转",
    "cancel": "取消",
    "revoke": "收回",
    "designate": "指定管辖",
}
_RESOLUTION_ORDER = (
    NodeKind.UNIT,
    NodeKind.ITEM,
    NodeKind.REGION,
    NodeKind.ACT,
    NodeKind.LAW,
    NodeKind.AGREEMENT,
)


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # ``kind:key``
    kind: NodeKind
    key: str
    label: str  # Chinese, as a person names it
    illustrative: bool
    distance: int  # steps from the focus
    valid_from: date | None = None
    valid_to: date | None = None
    properties: tuple[tuple[str, str], ...] = ()  # key properties, (name, value)


@dataclass(frozen=True, slots=True)
class GraphView:
    focus: str  # the focus node's id
    at: date
    depth: int
    nodes: tuple[Node, ...]  # the focus first, then by distance and label
    edges: tuple[Edge, ...]  # only among ``nodes``
    truncated: bool  # True when ``limit`` left nodes out
    total_nodes: int  # in the whole neighbourhood (a floor when ``counts_complete`` is False)
    total_edges: int
    counts_complete: bool


def resolve_focus(state: EngineState, focus: str) -> tuple[NodeKind, str]:
    """A ``kind:key`` id, or a bare key looked up as a unit, item, region, act, law, agreement."""
    text = focus.strip()
    prefix, sep, rest = text.partition(":")
    if sep and prefix in {k.value for k in NodeKind}:
        kind = NodeKind(prefix)
        if _exists(state, kind, rest):
            return kind, rest
        raise NotFoundError(kind.value, rest)
    for kind in _RESOLUTION_ORDER:
        if _exists(state, kind, text):
            return kind, text
    raise NotFoundError("focus", text)


def _exists(state: EngineState, kind: NodeKind, key: str) -> bool:
    catalog = state.catalog
    if kind == NodeKind.AGREEMENT:
        return any(a.id == key for a in catalog.agreements)
    found: Collection[str] = {
        NodeKind.UNIT: catalog.units,
        NodeKind.ITEM: catalog.items,
        NodeKind.REGION: state.regions.regions,
        NodeKind.ACT: catalog.acts,
        NodeKind.LAW: catalog.laws,
    }[kind]
    return key in found


def check_bounds(depth: int, limit: int) -> None:
    problems = []
    if not 1 <= depth <= MAX_DEPTH:
        problems.append(Problem("depth", f"must be between 1 and {MAX_DEPTH}, not {depth}"))
    if not 1 <= limit <= MAX_LIMIT:
        problems.append(Problem("limit", f"must be between 1 and {MAX_LIMIT}, not {limit}"))
    if problems:
        raise ValidationError(problems, "graph arguments are out of range")


def graph_view(
    state: EngineState,
    focus: str,
    at: date,
    depth: int = 1,
    kinds: Collection[EdgeKind] | None = None,
    limit: int = 200,
) -> GraphView:
    """The neighbourhood of ``focus`` on ``at``; ``kinds`` None or empty means every edge kind."""
    check_bounds(depth, limit)
    kind, key = resolve_focus(state, focus)
    wanted = frozenset(kinds) if kinds else frozenset(EdgeKind)
    walk = _Walk(state, Lookups(state), at, wanted)
    start = node_id(kind, key)
    distance = {start: 0}
    ring = [start]
    complete = True
    for step in range(1, depth + 1):
        following: list[str] = []
        for current in ring:
            for edge in walk.edges_of(current):
                if current not in (edge.source, edge.target):
                    continue  # an edge between two others (an act's delegation): drawn, not walked
                other = edge.target if edge.source == current else edge.source
                if other not in distance and walk.is_current(other):
                    distance[other] = step
                    following.append(other)
        ring = following
        if len(distance) >= COUNT_BUDGET:
            complete = False
            break
    if complete:
        for current in ring:  # close the ego graph: edges among the outermost nodes
            list(walk.edges_of(current))
    edges = [e for e in walk.edges.values() if e.source in distance and e.target in distance]
    nodes = sorted((walk.node(i, d) for i, d in distance.items()), key=_nearest_first)
    kept = nodes[:limit]
    kept_ids = {n.id for n in kept}
    kept_edges = sorted(
        (e for e in edges if e.source in kept_ids and e.target in kept_ids), key=lambda e: e.id
    )
    return GraphView(
        focus=start,
        at=at,
        depth=depth,
        nodes=tuple(kept),
        edges=tuple(kept_edges),
        truncated=len(kept) < len(nodes),
        total_nodes=len(nodes),
        total_edges=len(edges),
        counts_complete=complete,
    )


def _nearest_first(node: Node) -> tuple[int, str, str]:
    return (node.distance, node.kind.value, node.label + node.key)


class _Walk:
    """Edges of each visited node (each computed once) and the nodes' records."""

    def __init__(
        self, state: EngineState, lookups: Lookups, at: date, kinds: frozenset[EdgeKind]
    ) -> None:
        self.state, self.lookups, self.at, self.kinds = state, lookups, at, kinds
        self.edges: dict[str, Edge] = {}
        self._agreements = {a.id: a for a in state.catalog.agreements}

    def edges_of(self, node: str) -> Iterator[Edge]:
        for edge in self._raw_edges(node):
            if edge.kind in self.kinds:
                self.edges.setdefault(edge.id, edge)
                yield edge

    def _raw_edges(self, node: str) -> Iterator[Edge]:
        kind, key = _split(node)
        state, at = self.state, self.at
        if kind == NodeKind.UNIT:
            return unit_edges(state, self.lookups, key, at)
        if kind == NodeKind.ITEM:
            return item_edges(state, key, at)
        if kind == NodeKind.REGION:
            return region_edges(state, self.lookups, key)
        if kind == NodeKind.ACT:
            return act_node_edges(state, key)
        if kind == NodeKind.LAW:
            return law_edges(state, self.lookups, key)
        return agreement_edges(state, self._agreements[key])

    def is_current(self, node: str) -> bool:
        """Whether the record exists and is valid on the day (acts: recorded at all)."""
        kind, key = _split(node)
        catalog = self.state.catalog
        record = {
            NodeKind.UNIT: catalog.units.get(key),
            NodeKind.ITEM: catalog.items.get(key),
            NodeKind.REGION: self.state.regions.regions.get(key),
            NodeKind.LAW: catalog.laws.get(key),
            NodeKind.AGREEMENT: self._agreements.get(key),
        }.get(kind)
        if kind == NodeKind.ACT:
            return key in catalog.acts
        return record is not None and record.valid_on(self.at)

    def node(self, node: str, distance: int) -> Node:
        kind, key = _split(node)
        return describe(self.state, kind, key, distance, self._agreements)


def _split(node: str) -> tuple[NodeKind, str]:
    kind, _, key = node.partition(":")
    return NodeKind(kind), key


def describe(
    state: EngineState,
    kind: NodeKind,
    key: str,
    distance: int = 0,
    agreements: Mapping[str, Agreement] | None = None,
) -> Node:
    """A node for the record ``kind``/``key``: its Chinese label and key properties."""
    catalog, regions = state.catalog, state.regions
    ident = node_id(kind, key)
    if kind == NodeKind.UNIT:
        unit = catalog.units[key]
        props = [("kind", unit.kind.value), ("region", regions.name(unit.region))]
        if unit.vertical:
            props.append(("vertical", "垂直管理"))
        if unit.successor:
            props.append(("successor", catalog.unit_name(unit.successor)))
        return Node(ident, kind, key, unit.name, unit.illustrative, distance,
                    unit.valid_from, unit.valid_to, tuple(props))  # fmt: skip
    if kind == NodeKind.ITEM:
        item = catalog.items[key]
        props = [("code", item.code), ("category", item.category.value)]
        props += [("field", item.field)] if item.field else []
        props.append(("delegable", "可下放" if item.delegable else "不可下放"))
        return Node(ident, kind, key, item.name, item.illustrative, distance,
                    item.valid_from, item.valid_to, tuple(props))  # fmt: skip
    if kind == NodeKind.REGION:
        region = regions.regions[key]
        props = [("code", region.code), ("kind", region.kind.value)]
        if region.parent:
            props.append(("parent", regions.name(region.parent)))
        return Node(ident, kind, key, region.name, region.illustrative, distance,
                    region.valid_from, region.valid_to, tuple(props))  # fmt: skip
    if kind == NodeKind.ACT:
        act = catalog.acts[key]
        law = catalog.laws.get(act.doc) if act.doc else None
        doc = (law.doc_number or law.short_title or law.title) if law else act.id
        props = [("kind", act.kind.value), ("effective", act.effective.isoformat())]
        props += [("until", act.until.isoformat())] if act.until else []
        props += [("review", act.review.value), ("doc", doc)]
        label = f"{doc} · {ACT_KIND_LABELS[act.kind.value]}"
        return Node(ident, kind, key, label, act.illustrative, distance,
                    act.effective, act.until, tuple(props))  # fmt: skip
    if kind == NodeKind.LAW:
        law = catalog.laws[key]
        props = [("level", law.level.value)]
        props += [("docNumber", law.doc_number)] if law.doc_number else []
        props += [("issuer", law.issuer)] if law.issuer else []
        return Node(ident, kind, key, law.short_title or law.title, law.illustrative, distance,
                    law.valid_from, law.valid_to, (("title", law.title), *props))  # fmt: skip
    if agreements is None:
        agreements = {a.id: a for a in catalog.agreements}
    agreement = agreements[key]
    props = [("fields", "、".join(agreement.fields))] if agreement.fields else []
    props += [("mechanisms", "、".join(agreement.mechanisms))] if agreement.mechanisms else []
    return Node(ident, kind, key, agreement.title, agreement.illustrative, distance,
                agreement.valid_from, agreement.valid_to, tuple(props))  # fmt: skip
