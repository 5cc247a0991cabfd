"""GraphQL types of ``graph``: nodes and edges shaped for a graph view (Cytoscape.js, G6 …).

Node and edge ids are ``kind:key`` strings, stable across dates, so a view can diff two answers
(a date slider) and keep the positions of the nodes both share.
"""

from __future__ import annotations

from datetime import date

import strawberry

from graph_service.engine.graph_edges import Edge, EdgeKind, NodeKind
from graph_service.engine.graph_view import GraphView, Node

from .enums import Mode, Role

strawberry.enum(NodeKind, name="GraphNodeKind", description="What a graph node stands for.")
strawberry.enum(EdgeKind, name="GraphEdgeKind", description="What a graph edge says.")


@strawberry.type(description="One key property of a node, as a name and a display value.")
class GraphProperty:
    name: str
    value: str


@strawberry.type(description="A record in a graph view.")
class GraphNode:
    id: str = strawberry.field(description="`kind:key`, stable across dates.")
    kind: NodeKind
    key: str = strawberry.field(description="The record's key, for other queries.")
    label: str = strawberry.field(description="Its Chinese name.")
    illustrative: bool = strawberry.field(description="Made up to show a feature, not a fact.")
    distance: int = strawberry.field(description="Steps from the focus.")
    valid_from: date | None
    valid_to: date | None
    properties: list[GraphProperty]


@strawberry.type(description="A relation in a graph view, valid on the asked date.")
class GraphEdge:
    id: str
    kind: EdgeKind
    source: str = strawberry.field(description="Node id.")
    target: str = strawberry.field(description="Node id.")
    label: str = strawberry.field(description="Plain Chinese.")
    role: Role | None = strawberry.field(description="HOLDS: the holder's role.")
    mode: Mode | None = strawberry.field(description="HOLDS: how it came to hold it.")
    valid_from: date | None
    valid_to: date | None
    scopes: list[str] = strawberry.field(description="HOLDS: region codes it covers.")
    carved_out: list[str] = strawberry.field(description="HOLDS: region codes carved out.")
    acts: list[str] = strawberry.field(description="HOLDS: the chain; an act edge: its act.")
    items: list[str] = strawberry.field(description="An act edge: the items it moves.")


@strawberry.type(description="The neighbourhood of a record on a date.")
class Graph:
    focus: str = strawberry.field(description="The focus node's id.")
    at: date
    depth: int
    nodes: list[GraphNode] = strawberry.field(description="The focus first, nearest first.")
    edges: list[GraphEdge] = strawberry.field(description="Only among the returned nodes.")
    truncated: bool = strawberry.field(description="True when `limit` left nodes out.")
    total_nodes: int = strawberry.field(description="Nodes in the whole neighbourhood.")
    total_edges: int = strawberry.field(description="Edges in the whole neighbourhood.")
    counts_complete: bool = strawberry.field(
        description="False when the neighbourhood was too large to count: totals are a floor."
    )


def graph_node(node: Node) -> GraphNode:
    return GraphNode(
        id=node.id,
        kind=node.kind,
        key=node.key,
        label=node.label,
        illustrative=node.illustrative,
        distance=node.distance,
        valid_from=node.valid_from,
        valid_to=node.valid_to,
        properties=[GraphProperty(name=n, value=v) for n, v in node.properties],
    )


def graph_edge(edge: Edge) -> GraphEdge:
    return GraphEdge(
        id=edge.id,
        kind=edge.kind,
        source=edge.source,
        target=edge.target,
        label=edge.label,
        role=edge.role,
        mode=edge.mode,
        valid_from=edge.valid_from,
        valid_to=edge.valid_to,
        scopes=list(edge.scopes),
        carved_out=list(edge.carved_out),
        acts=list(edge.acts),
        items=list(edge.items),
    )


def graph(view: GraphView) -> Graph:
    return Graph(
        focus=view.focus,
        at=view.at,
        depth=view.depth,
        nodes=[graph_node(n) for n in view.nodes],
        edges=[graph_edge(e) for e in view.edges],
        truncated=view.truncated,
        total_nodes=view.total_nodes,
        total_edges=view.total_edges,
        counts_complete=view.counts_complete,
    )
