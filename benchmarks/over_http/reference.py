"""The two reference servers the service is measured against, each in its own process.

``python -m benchmarks.over_http.reference floor --port P --data-dir D``: **the floor**, the same
GraphQL documents executed by bare graphql-core (``graphql.execute``) on the service's own schema
and resolvers (``schema._schema`` of the strawberry schema the app builds, with a real
``ServiceContext`` opened by ``bootstrap.open_service`` and an ``ApiContext`` per request), each
document parsed and validated once, behind one minimal Starlette endpoint that reads and writes
the body with the service's JSON (``api/wire_json``). No limits, no error translation, no
middleware: what the service could cost at best with this schema.

``… ceiling --port P``: **the ceiling**, a bare Starlette endpoint answering a fixed small JSON.

Both run under the same uvicorn configuration and event loop as ``serve`` (``bootstrap``, from the
same ``GRAPH_SERVICE_*`` settings). The floor also answers, for the power-list figures,
``GET /biggest?at=DAY`` (the unit holding most items that day) and ``GET /usecase?unit=…&at=…``
(the median time of the power-list use case in this process, whole and first page) and
``POST /encode`` (the time to encode an answer with orjson and with ``json``).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import uvicorn
from graphql import DocumentNode, ExecutionResult, GraphQLSchema, execute, parse, validate
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_service import service
from graph_service.api.context import ApiContext
from graph_service.api.limits import RequestLimits
from graph_service.api.schema import build_schema
from graph_service.api.wire_json import dumps, loads
from graph_service.bootstrap import event_loop_factory, open_service, uvicorn_config
from graph_service.config import Settings, load_settings
from graph_service.service import ServiceContext

FIXED = {"data": {"jurisdiction": {"status": "EXCLUSIVE", "holders": [{"role": "PRIMARY"}]}}}
USE_CASE_REPEATS = 9


async def healthz(request: Request) -> Response:
    return Response(b"ok")


def ceiling_app() -> Starlette:
    async def answer(request: Request) -> Response:
        await request.body()
        return JSONResponse(FIXED)

    return Starlette(
        routes=[
            Route("/graphql", answer, methods=["GET", "POST"]),
            Route("/healthz", healthz, methods=["GET"]),
        ]
    )


class Floor:
    """graphql-core on the service's schema; documents parsed and validated once each."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.schema: GraphQLSchema = build_schema(RequestLimits())._schema
        self.documents: dict[str, DocumentNode] = {}
        self.service: ServiceContext | None = None

    def document(self, query: str) -> DocumentNode:
        found = self.documents.get(query)
        if found is None:
            found = parse(query, no_location=True)
            problems = validate(self.schema, found)
            if problems:
                raise ValueError(f"invalid document: {problems[0].message}")
            self.documents[query] = found
        return found

    async def answer(self, request: Request) -> Response:
        body = loads(await request.body())
        if not isinstance(body, dict):
            return Response(b'{"errors":[{"message":"not an object"}]}', status_code=400)
        assert self.service is not None
        context = ApiContext(request=request, response=None, service=self.service)
        result = execute(
            self.schema,
            self.document(body["query"]),
            variable_values=body.get("variables"),
            operation_name=body.get("operationName"),
            context_value=context,
        )
        if inspect.isawaitable(result):
            result = await result
        assert isinstance(result, ExecutionResult)
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [error.formatted for error in result.errors]
        return Response(dumps(answer), media_type="application/json")

    async def encode(self, request: Request) -> Response:
        """Median milliseconds to encode the answer to the posted query: the service's JSON
        (orjson) against the standard library's as strawberry used it (ADR 0013)."""
        body = loads(await request.body())
        assert self.service is not None
        context = ApiContext(request=request, response=None, service=self.service)
        result = execute(
            self.schema,
            self.document(body["query"]),
            variable_values=body.get("variables"),
            context_value=context,
        )
        if inspect.isawaitable(result):
            result = await result
        assert isinstance(result, ExecutionResult)
        assert not result.errors, result.errors
        answer = {"data": result.data}

        def stdlib() -> bytes:
            return json.dumps(answer, separators=(",", ":")).encode()

        fast, _ = _median_ms(lambda: dumps(answer))
        slow, _ = _median_ms(stdlib)
        sizes = {"orjson": len(dumps(answer)), "json": len(stdlib())}
        return Response(dumps({"orjson_ms": fast, "json_ms": slow, "bytes": sizes}))

    async def biggest(self, request: Request) -> Response:
        """The unit holding most distinct items on ``at``, and how many."""
        assert self.service is not None
        day = date.fromisoformat(request.query_params["at"])
        items: dict[str, set[str]] = {}
        for holding in self.service.projection.holdings():
            if holding.valid_on(day):
                items.setdefault(holding.unit, set()).add(holding.item)
        counts = Counter({unit: len(held) for unit, held in items.items()})
        [(unit, count)] = counts.most_common(1)
        return Response(dumps({"unit": unit, "items": count}), media_type="application/json")

    async def use_case(self, request: Request) -> Response:
        """Median milliseconds of the power-list use case here: ``service.power_list`` (what the
        answer costs to compute), and ``service.power_list_page`` for the first 200 when the
        service pages (later calls of a revision may be served from its cache)."""
        assert self.service is not None
        ctx = self.service
        unit = request.query_params["unit"]
        day = date.fromisoformat(request.query_params["at"])
        first = time.perf_counter()
        service.power_list(ctx, unit, day)  # the first call of a projection state computes it
        first_ms = (time.perf_counter() - first) * 1000
        whole, rows = _median_ms(lambda: service.power_list(ctx, unit, day))
        body: dict[str, Any] = {"ms": whole, "first_ms": first_ms, "rows": rows, "page_ms": None}
        paged = getattr(service, "power_list_page", None)
        if paged is not None:
            body["page_ms"], _ = _median_ms(lambda: paged(ctx, unit, day, first=200))
        return Response(dumps(body), media_type="application/json")

    def app(self) -> Starlette:
        @asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            async with open_service(self.settings, background=False) as opened:
                self.service = opened
                yield

        return Starlette(
            routes=[
                Route("/graphql", self.answer, methods=["POST"]),
                Route("/healthz", healthz, methods=["GET"]),
                Route("/biggest", self.biggest, methods=["GET"]),
                Route("/usecase", self.use_case, methods=["GET"]),
                Route("/encode", self.encode, methods=["POST"]),
            ],
            lifespan=lifespan,
        )


def _median_ms(call: Callable[[], object]) -> tuple[float, int | None]:
    """Median milliseconds of ``USE_CASE_REPEATS`` calls, and the rows the last one returned."""
    times, answer = [], None
    for _ in range(USE_CASE_REPEATS):
        started = time.perf_counter()
        answer = call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(answer) if isinstance(answer, list) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.over_http.reference")
    parser.add_argument("kind", choices=["floor", "ceiling"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args(argv)
    settings = load_settings(None, port=args.port, data_dir=args.data_dir, host="127.0.0.1")
    app = Floor(settings).app() if args.kind == "floor" else ceiling_app()
    server = uvicorn.Server(uvicorn_config(app, settings))
    with asyncio.Runner(loop_factory=event_loop_factory(settings)) as runner:
        runner.run(server.serve())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
