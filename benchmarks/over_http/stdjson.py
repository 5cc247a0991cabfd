"""``serve`` as it was before issue 15's serving-stack changes, for the before/after figures.

``python -m benchmarks.over_http.stdjson serve …`` runs the command line with the GraphQL view's
bodies read and written by the standard library's ``json`` again (strawberry's own encoder:
compact, ``\\uXXXX`` escapes). The other "before" choices are settings the benchmark passes in the
environment: ``GRAPH_SERVICE_HTTP=h11``, ``GRAPH_SERVICE_LOOP=asyncio`` and
``GRAPH_SERVICE_ACCESS_LOG=all``. Only the benchmark uses this; the service never does.
"""

from __future__ import annotations

import json
import sys

from graph_service.api import graphql_view
from graph_service.cli import entrypoint


def _encode(self: graphql_view.GraphQLView, data: object) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def main() -> None:
    graphql_view.loads = json.loads  # type: ignore[attr-defined,assignment]  # decode_json reads it
    graphql_view.GraphQLView.encode_json = _encode  # type: ignore[method-assign]
    sys.argv = ["graph-service", *sys.argv[1:]]
    entrypoint()


if __name__ == "__main__":
    main()
