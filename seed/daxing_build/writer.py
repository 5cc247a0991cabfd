"""Writes a dataset as one YAML file per collection, each a partial ``authority-graph/1`` document.

Output is deterministic (records in build order, fields in a fixed order) so the committed files
only change when the reference data or the builder does. Fields at their default are left out,
except the ones a reader should always see (an act's ``review``, an item's ``delegable``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from graph_service.domain.dataset import FORMAT, Dataset
from graph_service.domain.enums import EntityKind
from graph_service.domain.models import Record

ALWAYS_SHOWN = {EntityKind.ACT: ("review",), EntityKind.ITEM: ("delegable",)}
_LAST = ("valid_from", "valid_to", "illustrative", "source", "note")
_DATES = {"valid_from", "valid_to", "effective", "until", "published"}


def write_collections(dataset: Dataset, directory: Path) -> list[Path]:
    """Write ``<collection>.yaml`` for every non-empty collection; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind in EntityKind:
        records = dataset.collection(kind)
        if not records:
            continue
        path = directory / f"{kind.value}.yaml"
        path.write_text(render_collection(kind, records), encoding="utf-8")
        written.append(path)
    return written


def render_collection(kind: EntityKind, records: list[Record]) -> str:
    document = {"$format": FORMAT, kind.value: [_record(kind, r) for r in records]}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=4096)


def _record(kind: EntityKind, record: Record) -> dict[str, Any]:
    full = record.model_dump(mode="json", by_alias=True)
    kept = record.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for name in ALWAYS_SHOWN.get(kind, ()):
        kept[name] = full[name]
    ordered = {k: v for k, v in kept.items() if k not in _LAST}
    ordered.update({k: kept[k] for k in _LAST if k in kept})
    return {k: date.fromisoformat(v) if k in _DATES else v for k, v in ordered.items()}
