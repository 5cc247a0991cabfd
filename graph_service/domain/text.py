"""String types of the records: what a key, a line and a text may contain.

Every string a record carries ends up in a database and in memos. Control characters have no
place in either, and one of them (NUL) is worse than useless: the embedded FalkorDB's client
writes parameters into the query text and FalkorDB's parser stops at a NUL, so a change holding
one could never be applied. They are refused here, at validation, with the field's path, so
nothing that holds one is ever written. Tab and line breaks are allowed in free text only.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # keeps \t \n \r


def _describe(char: str) -> str:
    return "NUL" if char == "\x00" else f"U+{ord(char):04X}"


def no_control(value: str) -> str:
    """``value`` unchanged; ``ValueError`` if it holds a control character (tab, line breaks
    included)."""
    found = _ANY_CONTROL.search(value)
    if found:
        raise ValueError(
            f"must not contain the control character {_describe(found.group())} "
            f"(at position {found.start()})"
        )
    return value


def no_control_in_text(value: str) -> str:
    """``value`` unchanged; ``ValueError`` if it holds a control character other than tab and
    line breaks."""
    found = _CONTROL_IN_TEXT.search(value)
    if found:
        raise ValueError(
            f"must not contain the control character {_describe(found.group())} "
            f"(at position {found.start()})"
        )
    return value


Key = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, strip_whitespace=True),
    AfterValidator(no_control),
]
"""An identifier or a name other records refer to."""

Line = Annotated[str, StringConstraints(max_length=2_000), AfterValidator(no_control)]
"""A short one-line value: a document number, a field, an issuer."""

Text = Annotated[
    str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(no_control_in_text)
]
"""Free text that may run over several lines: a note, a source, an article's words."""
