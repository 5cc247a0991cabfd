"""A unit's power list as the rows of 编办's spreadsheet, ready for any writer (XLSX, CSV).

One row per item, in the import's columns (so an exported list imports back unchanged), then what
the graph derives: role, how the competence was obtained, where it is exercised, the places carved
out of it, its dates and the acts behind it. 设定依据 is written as lists write it,
``《title》第三十五条、第三十六条`` per law, so the import reads it back to the same provisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from graph_service.domain.models import Act, Law, PowerItem, Provision, Region, Unit

from ..answers import PowerListEntry
from ..citation import cn_date
from .basis import parse_article
from .columns import CATEGORY_LABELS, Column

HEADER: tuple[Column, ...] = tuple(Column)


@dataclass(frozen=True, slots=True)
class Lookup:
    """The records the rows name (views of the projection's records)."""

    items: Mapping[str, PowerItem]
    provisions: Mapping[str, Provision]
    laws: Mapping[str, Law]
    regions: Mapping[str, Region]
    acts: Mapping[str, Act]


@dataclass(frozen=True, slots=True)
class ListSheet:
    title: str
    header: tuple[Column, ...]
    rows: list[list[str]]
    name: str  # ASCII, for a file name: power-list-<unit>-<date or v<version>>


def list_sheet(
    unit: Unit, entries: Sequence[PowerListEntry], lookup: Lookup, at: date
) -> ListSheet:
    """The unit's power list on ``at`` (entries from the projection), one row per item."""
    by_item: dict[str, list[PowerListEntry]] = {}
    for entry in entries:
        by_item.setdefault(entry.item, []).append(entry)
    rows = []
    for n, (code, group) in enumerate(by_item.items(), start=1):
        derived = {
            Column.ROLE: _joined(e.role.label for e in group),
            Column.MODE: _joined(e.mode.label for e in group),
            Column.SCOPES: _joined(_region(lookup, r) for e in group for r in e.scopes),
            Column.CARVED_OUT: _joined(_region(lookup, r) for e in group for r in e.carved_out),
            Column.VALID_FROM: min(e.valid_from for e in group).isoformat(),
            Column.VALID_TO: _until(group),
            Column.ACTS: _joined(_act(lookup, a) for e in group for a in e.acts),
        }
        rows.append(_row(n, lookup.items[code], unit, lookup, derived))
    title = f"{unit.name}权力清单（{cn_date(at)}）"
    return ListSheet(title, HEADER, rows, f"power-list-{unit.id}-{at.isoformat()}")


def published_sheet(
    unit: Unit, version: int, published: date, codes: Sequence[str], lookup: Lookup
) -> ListSheet:
    """A published version of the unit's list, as published (no derived columns filled)."""
    rows = [
        _row(n, lookup.items[code], unit, lookup, {})
        for n, code in enumerate(codes, start=1)
        if code in lookup.items
    ]
    title = f"{unit.name}权力清单（第{version}版，{cn_date(published)}公示）"
    return ListSheet(title, HEADER, rows, f"power-list-{unit.id}-v{version}")


def basis_text(item: PowerItem, lookup: Lookup) -> str:
    """``《title》第三十五条、第三十六条；《other》第二条`` for the item's provisions."""
    by_law: dict[str, list[str]] = {}
    for provision_id in item.basis:
        provision = lookup.provisions.get(provision_id)
        if provision is None:
            continue
        ref = parse_article(provision.article)
        by_law.setdefault(provision.law, []).append(ref.chinese if ref else provision.article)
    parts = []
    for law_id, articles in by_law.items():
        law = lookup.laws.get(law_id)
        parts.append(f"《{law.title if law else law_id}》" + "、".join(dict.fromkeys(articles)))
    return "；".join(parts)


def _row(
    n: int, item: PowerItem, unit: Unit, lookup: Lookup, derived: Mapping[Column, str]
) -> list[str]:
    values = {
        Column.SEQ: str(n),
        Column.CODE: item.code,
        Column.NAME: item.name,
        Column.CATEGORY: CATEGORY_LABELS[item.category],
        Column.BASIS: basis_text(item, lookup),
        Column.SUBJECT: unit.name,
        **derived,
    }
    return [values.get(column, "") for column in HEADER]


def _joined(parts: Iterable[str]) -> str:
    return "、".join(dict.fromkeys(parts))


def _region(lookup: Lookup, code: str) -> str:
    region = lookup.regions.get(code)
    return region.name if region else code


def _act(lookup: Lookup, act_id: str) -> str:
    act = lookup.acts.get(act_id)
    doc = lookup.laws.get(act.doc) if act is not None and act.doc else None
    if doc is None:
        return act_id
    return f"{act_id}（{doc.doc_number or doc.title}）"


def _until(group: Sequence[PowerListEntry]) -> str:
    ends = [e.valid_to for e in group]
    return "" if None in ends else max(e for e in ends if e is not None).isoformat()
