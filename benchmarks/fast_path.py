"""``python -m benchmarks.fast_path [--rounds N] [--requests N]``: one small query, in process.

The README's `jurisdiction` question (禁止吸烟场所吸烟 at 兴丰街道) with variables, sent to the app
over ASGI (no sockets, so the figures are the app's own cost): on strawberry's path (the fast lane
switched off), on the fast path behind every middleware (prepared document, graphql-core
directly; the response cache and the lean route off), on the lean route (ADR 0015; the response
cache off), from the response cache (through the lean route), to a Starlette endpoint running
the parsed document with bare graphql-core on our schema and resolvers (the floor, as issue 15
measures it), and to a bare Starlette JSON endpoint returning the same answer (the ceiling). The
six are timed in interleaved rounds on the Daxing seed and reported as medians with their
ranges. Issue 15's ratios to the floor and the ceiling are defined over HTTP, where the serving
stack adds the same cost to every side (`python -m benchmarks http`); in process they are shown
without a verdict.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

import structlog
from graphql import execute, parse
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from graph_service.api.context import ApiContext
from graph_service.api.graphql_view import GraphQLView
from graph_service.bootstrap import build_app
from graph_service.config import load_settings

from .rows import Row, format_table

QUERY = (
    "query Ask($item: String!, $place: String!) { jurisdiction(item: $item, place: $place) "
    "{ status explanation holders { unit { id name } role mode } } }"
)
App = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
    Awaitable[None],
]


async def post(app: App, body: bytes) -> bytes:
    """One POST /graphql through ``app``; the response body."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"localhost"),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    sent = False
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Any) -> None:
        if message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return b"".join(chunks)


def _quiet() -> None:
    def drop(*_: object) -> Any:
        raise structlog.DropEvent

    logging.disable(logging.WARNING)
    structlog.configure(processors=[drop])


async def measure(rounds: int, requests: int, directory: Path) -> dict[str, list[float]]:
    """µs per request of each side, one figure per round."""
    app = build_app(load_settings({}, data_dir=directory))
    async with app.router.lifespan_context(app):
        _quiet()
        variables = {"item": "SEED-CF-014", "place": "110115001000"}  # the README's question
        body = json.dumps({"query": QUERY, "variables": variables}).encode()
        view: GraphQLView = app.state.graphql
        lane = view.lane
        assert lane is not None, "the fast path is off for this schema"
        responses = lane.responses
        answer = json.loads(await post(app, body))

        async def bare_endpoint(request: Request) -> JSONResponse:
            await request.body()
            return JSONResponse(answer)

        bare = Starlette(routes=[Route("/graphql", bare_endpoint, methods=["POST"])])
        document = parse(QUERY)
        schema = view.schema._schema  # type: ignore[attr-defined]
        service = app.state.service

        async def floor_endpoint(request: Request) -> JSONResponse:
            sent = json.loads(await request.body())
            context = ApiContext(request=request, response=None, service=service)
            result = await execute(
                schema, document, variable_values=sent["variables"], context_value=context
            )  # type: ignore[misc]
            return JSONResponse({"data": result.data})

        floor = Starlette(routes=[Route("/graphql", floor_endpoint, methods=["POST"])])
        floor.state.service = service

        def side(name: str) -> App:
            view.lane = None if name == "strawberry" else lane
            lane.responses = responses if name == "cached" else None
            app.state.lean.on = name in ("lean route", "cached")
            return {"ceiling": bare, "floor": floor}.get(name, app)

        figures: dict[str, list[float]] = {}
        for _ in range(rounds):
            for name in ("strawberry", "fast path", "lean route", "cached", "floor", "ceiling"):
                target = side(name)
                await post(target, body)  # warm: prepared, kept
                started = time.perf_counter()
                for _ in range(requests):
                    await post(target, body)
                elapsed = time.perf_counter() - started
                figures.setdefault(name, []).append(elapsed / requests * 1e6)
        view.lane, lane.responses, app.state.lean.on = lane, responses, True
    return figures


def rows(figures: dict[str, list[float]]) -> list[Row]:
    median = {name: statistics.median(values) for name, values in figures.items()}
    spread = {name: f"{min(v):.0f}–{max(v):.0f} µs" for name, v in figures.items()}
    out = [Row(f"{name}, µs per request", median[name], "µs", note=spread[name]) for name in median]
    out.append(
        Row(
            "fast path / floor (throughput)",
            median["floor"] / median["fast path"],
            "",
            note="in process; issue 15 asks ≥ 0.90 over HTTP",
        )
    )
    out.append(
        Row(
            "lean route / floor (throughput)",
            median["floor"] / median["lean route"],
            "",
            note="in process; the fast path behind every middleware: the row above",
        )
    )
    out.append(
        Row(
            "cache hit / ceiling (throughput)",
            median["ceiling"] / median["cached"],
            "",
            note="in process; issue 15 asks ≥ 0.5 over HTTP",
        )
    )
    out.append(
        Row(
            "fast path / strawberry (speed-up)",
            median["strawberry"] / median["fast path"],
            "×",
            note="behind every middleware; the answers computed for what is selected (ADR 0015) "
            "made strawberry's path faster too",
        )
    )
    out.append(
        Row(
            "lean route / strawberry (speed-up)",
            median["strawberry"] / median["lean route"],
            "×",
            target=1.5,
            at_least=True,
            note="as served: a prepared query takes the lean route",
        )
    )
    out.append(
        Row(
            "cache hit / strawberry (speed-up)",
            median["strawberry"] / median["cached"],
            "×",
            target=3.0,
            at_least=True,
        )
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fast_path", description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300, help="requests per round and side")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="graph-service-fast-path-") as tmp:
        figures = asyncio.run(measure(args.rounds, args.requests, Path(tmp)))
    print(f"Fast path, in process, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(format_table(rows(figures)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
