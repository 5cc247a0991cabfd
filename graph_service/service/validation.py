"""Checks of request arguments shared by the use cases, each raising one ``ValidationError``."""

from __future__ import annotations

from graph_service.domain.errors import Problem, ValidationError

MAX_PAGE = 200
MAX_TEXT = 200  # characters of a search text: longer ones only make matching slow


def require_text(name: str, value: str) -> str:
    """``value`` stripped; a blank value is a validation error naming the argument."""
    stripped = value.strip()
    if not stripped:
        raise ValidationError([Problem(name, "must not be empty")], f"{name} is required")
    if len(stripped) > MAX_TEXT:
        raise ValidationError(
            [Problem(name, f"must be at most {MAX_TEXT} characters, not {len(stripped)}")],
            f"{name} is too long",
        )
    return stripped


def require_page_size(name: str, value: int, maximum: int = MAX_PAGE) -> int:
    """A page size: 0 (only the count) to ``maximum``; the one rule for every paged list."""
    if not 0 <= value <= maximum:
        raise ValidationError(
            [Problem(name, f"must be between 0 and {maximum}, not {value}")],
            f"{name} is out of range",
        )
    return value
