"""A part of an answer computed on first use: ``Lazy(make)`` runs ``make`` once, when read.

A jurisdiction answer's explanation sentences are half of the engine's time for a question, and
its counterparts scan every agreement; a client asking only who is competent selects neither.
The engine hands those parts out as ``Lazy`` values, so a GraphQL resolver that never reads them
never computes them (issue 15). A ``Lazy`` compares and hashes by its value, so answers stay
comparable as plain data.

A lazy part reads the engine state as it is when first read: it is meant to be read while the
answer is being served (the GraphQL fields under a root field complete synchronously, before the
projection can move), not kept across writes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_UNSET: object = object()


class Lazy(Generic[T]):
    """A value made by ``make()`` the first time ``value`` is read, then kept."""

    __slots__ = ("_make", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: object = _UNSET

    @classmethod
    def of(cls, value: T) -> Lazy[T]:
        """A value already known."""
        made = cls.__new__(cls)
        made._make, made._value = None, value
        return made

    @property
    def value(self) -> T:
        if self._value is _UNSET:
            assert self._make is not None
            self._value = self._make()
            self._make = None
        return self._value  # type: ignore[return-value]

    @property
    def computed(self) -> bool:
        """Whether the value has been made (for tests of what a question computes)."""
        return self._value is not _UNSET

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lazy):
            return NotImplemented
        return bool(self.value == other.value)

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return repr(self.value)
