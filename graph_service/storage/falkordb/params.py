"""Parameters FalkorDB can take: checked before a change set becomes durable.

The FalkorDB client writes parameters into the query text (``CYPHER name="value" ...``) and the
server's parser stops at a NUL character. A journaled change set holding one could never be
applied, and every later write would wait behind it. The domain already refuses control
characters; this is the adapter's own guard, so that nothing it cannot apply reaches the journal
whatever the caller validated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph_service.domain.errors import Problem, ValidationError
from graph_service.storage.plan import Step


def unstorable(value: Any, path: str) -> str | None:
    """The path of the first string in ``value`` FalkorDB cannot take, or None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            found = unstorable(key, f"{path}.<key>") or unstorable(item, f"{path}.{key}")
            if found:
                return found
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = unstorable(item, f"{path}[{index}]")
            if found:
                return found
    return None


def check_steps(steps: Iterable[Step]) -> None:
    """Raise ``ValidationError`` naming the first parameter FalkorDB could not parse."""
    for step in steps:
        found = unstorable(dict(step.params), step.statement.value)
        if found:
            raise ValidationError(
                [Problem(found, "contains a NUL character, which the store cannot keep")],
                "the change cannot be stored",
            )
