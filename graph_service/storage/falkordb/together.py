"""Small statements of one change set in one round trip (a pipeline), flushed once.

The server keeps its append-only file with ``appendfsync always``: every write it acknowledges
costs a flush to disk first (about 5 ms on a virtual disk), and a one-act change set is about ten
statements. Once the journal entry is durable (``journal.py``) the statements need not be
acknowledged one by one: sent in one pipeline they run back to back, and the server flushes once
before it answers them all, so a small write costs a few flushes instead of a dozen. Not in a
``MULTI``: a server restarted on an append-only file holding graph queries inside ``MULTI``/``EXEC``
aborts on an assertion (FalkorDB 4 on Redis 7; found by the kill -9 tests).

Only small statements are grouped (``GROUP_ROWS`` rows in all); the batches of a large change set
still go one by one. A failed statement does not stop the others of its group, which the journal
makes harmless: every statement is idempotent and the entry is replayed to completion.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from falkordb.asyncio.graph import AsyncGraph
from falkordb.asyncio.query_result import QueryResult

from graph_service.storage.catalog import Cypher
from graph_service.storage.plan import Step

from .errors import translated

GROUP_ROWS = 200


def groups(steps: Sequence[Step]) -> Iterator[list[tuple[int, Step]]]:
    """Consecutive ``(index, step)`` runs of at most ``GROUP_ROWS`` rows (a larger step alone)."""
    group: list[tuple[int, Step]] = []
    rows = 0
    for index, step in enumerate(steps):
        if group and rows + step.rows > GROUP_ROWS:
            yield group
            group, rows = [], 0
        group.append((index, step))
        rows += step.rows
    if group:
        yield group


async def run_together(
    connection: Any, graph: AsyncGraph, statements: Sequence[tuple[Cypher, Mapping[str, Any]]]
) -> list[QueryResult]:
    """Run ``statements`` in one pipeline; their results, in order. The first
    failure is raised (translated, naming its statement) once all have run."""
    pipe = connection.pipeline(transaction=False)
    for cypher, params in statements:
        header = graph._build_params_header(dict(params))  # as AsyncGraph.query does
        pipe.execute_command("GRAPH.QUERY", graph.name, header + cypher.text, "--compact")
    with translated(" + ".join(cypher.name for cypher, _ in statements)):
        replies = await pipe.execute(raise_on_error=False)
    results: list[QueryResult] = []
    for (cypher, _), reply in zip(statements, replies, strict=True):
        with translated(cypher.name):
            if isinstance(reply, Exception):
                raise reply
            result = QueryResult(graph)
            await result.parse(reply)
        results.append(result)
    return results
