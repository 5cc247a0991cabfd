"""The published JSON Schema of the dataset format ``authority-graph/1``.

Generated from the pydantic models, so it cannot drift from what the service accepts; the committed
copy (``seed/schema/authority-graph-1.schema.json``) is checked against it by a unit test.
Regenerate with ``.venv/bin/python -m seed.schema_export``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph_service.domain.dataset import FORMAT, Dataset

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "authority-graph-1.schema.json"
SCHEMA_ID = "urn:authority-graph:schema:authority-graph-1"


def json_schema() -> dict[str, Any]:
    """The schema document: the models' schema with an ``$id``, title and description."""
    generated = Dataset.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "title": f"Authority graph dataset ({FORMAT})",
        "description": "One document of the authority graph service: regions, units, laws, "
        "provisions, power items, acts, agreements and published lists (DESIGN.md §3, §7).",
    }


def render_json_schema() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def write_json_schema(path: Path = SCHEMA_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_json_schema(), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_json_schema()}")
