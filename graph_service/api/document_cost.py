"""What a GraphQL document costs once its fragments are expanded, computed in linear time.

A document of a few hundred bytes can stand for an exponential one: each fragment of the chain
``F_i { ...F_(i-1) ...F_(i-1) }`` doubles the fields it selects. Rules that walk the expanded
document (strawberry's depth limiter, graphql-core's overlap check) then take seconds or never
finish. Here every fragment is measured once and its figures reused wherever it is spread
(memoised), so measuring costs one pass over the document however large its expansion is; the
figures themselves (saturated at ``CAP``) tell how large the expansion would be.

Measured per document, for the operation that will run (or all of them when none is chosen):

- ``depth``: nesting of selections, not counting introspection (``__schema`` and below);
- ``aliases``: aliased fields, counted once per place they are expanded;
- ``fields``: fields selected after expansion (the cost; introspection included);
- ``introspection_lists``: nested introspection list fields (``types { fields { args } }`` is
  3); deeper chains fan out multiplicatively when executed;
- ``overlaps``: pairs of fields sharing a response name in one merged selection set, the work
  of graphql-core's "overlapping fields can be merged" rule (quadratic: 1,000 repeated fields
  are half a million pairs and seconds of validation). Counted by expanding the document, which
  is only done once ``fields`` is known to be within ``expansion_limit``;
- ``cycle``: the name of a fragment that spreads itself (graphql-core rejects it too, but only
  after rules that would never finish on it).
"""

from __future__ import annotations

from dataclasses import dataclass

from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

CAP = 1 << 40  # figures saturate here: large enough to exceed any limit, small enough to add
_INTROSPECTION_LISTS = frozenset(
    {"types", "fields", "inputFields", "interfaces", "possibleTypes", "enumValues", "args"}
    | {"directives", "locations"}
)


@dataclass(frozen=True, slots=True)
class Cost:
    depth: int = 0
    aliases: int = 0
    fields: int = 0
    introspection_lists: int = 0
    overlaps: int = 0
    cycle: str | None = None


@dataclass(frozen=True, slots=True)
class _Figures:
    depth: int
    aliases: int
    fields: int
    lists: int  # introspection list nesting below this selection set (inside introspection)


_ZERO = _Figures(0, 0, 0, 0)


class _FragmentCycleError(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def measure(
    document: DocumentNode, operation_name: str | None = None, expansion_limit: int = 5_000
) -> Cost:
    """The cost of running ``operation_name`` (every operation when ``None``) of ``document``.

    ``overlaps`` is only counted when the expanded document has at most ``expansion_limit``
    fields (else it is left 0: the document is refused for its size anyway).
    """
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walker = _Walker(fragments)
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
    ]
    total = _ZERO
    introspection = 0
    try:
        for name in fragments:  # a cycle in an unused fragment is still rejected
            walker.fragment(name, inside=False)
            walker.fragment(name, inside=True)
        for operation in operations:
            figures = walker.selection_set(operation.selection_set, inside=False)
            total = _add(total, figures)
            introspection = max(introspection, figures.lists)
    except _FragmentCycleError as cycle:
        return Cost(cycle=cycle.name)
    overlaps = 0
    if total.fields <= expansion_limit:
        overlaps = _overlaps(fragments, [o.selection_set for o in operations])
    return Cost(
        depth=total.depth,
        aliases=total.aliases,
        fields=total.fields,
        introspection_lists=introspection,
        overlaps=overlaps,
    )


def _overlaps(fragments: dict[str, FragmentDefinitionNode], sets: list[SelectionSetNode]) -> int:
    """Pairs of same-named fields over every merged selection set (work: the expanded size)."""
    pairs = 0
    pending = [sets]
    while pending:
        groups: dict[str, list[SelectionSetNode]] = {}
        counts: dict[str, int] = {}
        stack = list(pending.pop())
        while stack:
            for selection in stack.pop().selections:
                if isinstance(selection, FieldNode):
                    name = (selection.alias or selection.name).value
                    counts[name] = counts.get(name, 0) + 1
                    if selection.selection_set is not None:
                        groups.setdefault(name, []).append(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    if (fragment := fragments.get(selection.name.value)) is not None:
                        stack.append(fragment.selection_set)
                elif isinstance(selection, InlineFragmentNode):
                    stack.append(selection.selection_set)
        pairs += sum(k * (k - 1) // 2 for k in counts.values())
        pending.extend(groups.values())
    return pairs


class _Walker:
    """Figures per selection set; each fragment measured once per context (memo)."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self._fragments = fragments
        self._memo: dict[tuple[str, bool], _Figures] = {}
        self._visiting: set[tuple[str, bool]] = set()

    def fragment(self, name: str, *, inside: bool) -> _Figures:
        key = (name, inside)
        if (known := self._memo.get(key)) is not None:
            return known
        definition = self._fragments.get(name)
        if definition is None:
            return _ZERO  # unknown fragment: graphql-core's validation names it
        if key in self._visiting:
            raise _FragmentCycleError(name)
        self._visiting.add(key)
        figures = self.selection_set(definition.selection_set, inside=inside)
        self._visiting.discard(key)
        self._memo[key] = figures
        return figures

    def selection_set(self, selections: SelectionSetNode | None, *, inside: bool) -> _Figures:
        """``inside``: within an introspection field (depth not counted, lists counted)."""
        if selections is None:
            return _ZERO
        total = _ZERO
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                total = _merge(total, self._field(selection, inside=inside))
            elif isinstance(selection, FragmentSpreadNode):
                total = _merge(total, self.fragment(selection.name.value, inside=inside))
            elif isinstance(selection, InlineFragmentNode):
                total = _merge(total, self.selection_set(selection.selection_set, inside=inside))
        return total

    def _field(self, field: FieldNode, *, inside: bool) -> _Figures:
        name = field.name.value
        introspective = inside or name.startswith("__")
        below = self.selection_set(field.selection_set, inside=introspective)
        is_list = introspective and name in _INTROSPECTION_LISTS
        return _Figures(
            depth=below.depth if introspective else _sat(below.depth + 1),
            aliases=_sat(below.aliases + (1 if field.alias is not None else 0)),
            fields=_sat(below.fields + 1),
            lists=below.lists + (1 if is_list else 0),
        )


def _merge(a: _Figures, b: _Figures) -> _Figures:
    """Two selections side by side: counts add, depths take the deeper."""
    return _Figures(
        depth=max(a.depth, b.depth),
        aliases=_sat(a.aliases + b.aliases),
        fields=_sat(a.fields + b.fields),
        lists=max(a.lists, b.lists),
    )


_add = _merge


def _sat(value: int) -> int:
    return min(value, CAP)
