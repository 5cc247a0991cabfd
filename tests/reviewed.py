"""Test fixtures stand for published decisions: their acts are approved unless they say otherwise.

The model defaults an act's ``review`` to pending (nothing defaults to approved); the hand-made
fixtures were written to describe decisions in force, so each family passes its document through
``approved_unless_stated`` once instead of repeating ``review: approved`` on every act.
"""

from __future__ import annotations

from typing import Any


def approved_unless_stated(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with ``review: approved`` on every act that does not state its review."""
    acts = document.get("acts")
    if not acts:
        return document
    return document | {"acts": [approved(act) for act in acts]}


def approved(act: dict[str, Any]) -> dict[str, Any]:
    """One act record, approved unless it states its review."""
    return act if "review" in act else act | {"review": "approved"}
