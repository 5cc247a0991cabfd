"""Depth and alias limits whose validation rules are built once per process.

``QueryDepthLimiter`` and ``MaxAliasesLimiter`` build a new rule class in ``__init__``; strawberry
now builds extensions per request, so the rule tuple (part of ``ValidationCache``'s key) would
differ on every request and the cache would never hit. These subclasses reuse one rule each.
"""

from __future__ import annotations

from graphql.validation import ValidationRule
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter, QueryDepthLimiter
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

MAX_DEPTH = 10
MAX_ALIASES = 30

_DEPTH_RULE: type[ValidationRule] = depth_rule(MAX_DEPTH, None)
_ALIAS_RULE: type[ValidationRule] = alias_rule(MAX_ALIASES)


class DepthLimit(QueryDepthLimiter):
    """At most ``MAX_DEPTH`` levels of selection (fragments included)."""

    def __init__(self) -> None:
        AddValidationRules.__init__(self, [_DEPTH_RULE])


class AliasLimit(MaxAliasesLimiter):
    """At most ``MAX_ALIASES`` aliases in one document."""

    def __init__(self) -> None:
        AddValidationRules.__init__(self, [_ALIAS_RULE])
