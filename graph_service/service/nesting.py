"""How deeply a JSON text or a parsed document nests, without recursion.

Parsers recurse once per level (Python's ``json`` and PyYAML alike), so a small hostile file or
request body of a few thousand brackets exhausts the interpreter's stack. These helpers measure
first: ``json_nesting`` scans the raw bytes (strings removed with one regular expression, then
only brackets counted, in C where possible), ``document_nesting`` walks a parsed value iteratively.
"""

from __future__ import annotations

import re
from itertools import accumulate

MAX_DEPTH = 64  # a dataset document nests about 5 levels; GraphQL variables a few more

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _STEP)


def json_nesting(text: bytes) -> int:
    """How deeply ``text``'s arrays and objects nest (brackets inside strings ignored)."""
    brackets = _STRING.sub(b"", text).translate(None, delete=_NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def nested_deeper_than(text: bytes, limit: int) -> bool:
    """Whether ``text`` nests deeper than ``limit``: counting its brackets first (in C) settles
    almost every request body, which holds fewer brackets than the limit in all."""
    if text.count(b"[") + text.count(b"{") <= limit:
        return False
    return json_nesting(text) > limit


def document_nesting(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and mappings nest in ``value``; stops counting past ``limit``."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if isinstance(current, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            if depth > limit:
                return deepest
            children = current.values() if isinstance(current, dict) else current
            stack.extend((child, depth) for child in children)
    return deepest
