"""The straightforward networkx overlap scan the engine is compared against.

It is what one would write first with networkx: put regions, units, items and the derived holdings
in one ``DiGraph`` (region containment by ``parent`` and ``within``, ``unit -> holding -> item`` and
``holding -> scope region``), then for every PRIMARY holding valid on the day, walk the containment
graph from its scope (``nx.descendants``, cached per region, as anyone would), drop the carved-out
subtrees, and count holders per (item, place). A pair with two or more distinct holders, not all
joint, is an overlap. It is honest: it reuses the engine's holdings (so it does not replay acts) and
caches what is obviously cacheable; it only lacks the engine's purpose-built indexes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import networkx as nx

from graph_service.domain.dataset import Dataset
from graph_service.engine.answers import Holding, Role

Node = tuple[str, str]
Overlaps = dict[tuple[str, frozenset[str]], set[str]]
"""(item, units) -> the places where exactly those units all hold it."""


def build_graph(dataset: Dataset, holdings: Iterable[Holding]) -> nx.DiGraph[Node]:
    graph: nx.DiGraph[Node] = nx.DiGraph()
    for region in dataset.regions:
        graph.add_node(("region", region.code))
        if region.parent:
            graph.add_edge(("region", region.parent), ("region", region.code), rel="contains")
        for zone in region.within:
            graph.add_edge(("region", zone), ("region", region.code), rel="contains")
    for unit in dataset.units:
        graph.add_node(("unit", unit.id))
    for item in dataset.items:
        graph.add_node(("item", item.code))
    for holding in holdings:
        node = ("holding", holding.id)
        graph.add_node(node, holding=holding)
        graph.add_edge(("unit", holding.unit), node, rel="holds")
        graph.add_edge(node, ("item", holding.item), rel="of")
        graph.add_edge(node, ("region", holding.scope), rel="over")
    return graph


def overlap_scan(graph: nx.DiGraph[Node], at: date) -> Overlaps:
    """Every (item, place) with two or more PRIMARY holders on ``at``, not all joint."""
    reach: dict[str, set[str]] = {}

    def covered(code: str) -> set[str]:
        # A region's only out-edges are "contains" (holdings point *to* their scope), so its
        # descendants in the whole graph are exactly the regions it contains. (A filtered
        # ``nx.subgraph_view`` would say the same but costs O(graph) per call in networkx: that
        # made a first version of this baseline 40x slower than it need be.)
        if code not in reach:
            below = nx.descendants(graph, ("region", code))
            reach[code] = {code} | {name for _, name in below}
        return reach[code]

    holders: dict[tuple[str, str], dict[str, bool]] = defaultdict(dict)
    for node, data in graph.nodes(data=True):
        if node[0] != "holding":
            continue
        holding: Holding = data["holding"]
        if holding.role != Role.PRIMARY or not holding.valid_on(at):
            continue
        places = set(covered(holding.scope))
        for carved in holding.carved_out:
            places -= covered(carved)
        for place in places:
            units = holders[(holding.item, place)]
            units[holding.unit] = units.get(holding.unit, True) and holding.joint
    overlaps: Overlaps = defaultdict(set)
    for (item, place), units in holders.items():
        if len(units) >= 2 and not all(units.values()):
            overlaps[(item, frozenset(units))].add(place)
    return dict(overlaps)
