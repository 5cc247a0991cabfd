"""Chinese numerals as written in legal citations (第二十四条, 第一百零五条), both ways.

Imports nothing of the service: it is shared by the citation parser and the export.
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS |= {"七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "0123456789"


def parse_number(text: str) -> int | None:
    """``二十四`` -> 24, ``一百零五`` -> 105, ``十`` -> 10, ``35`` -> 35; None if not a number."""
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def to_numeral(number: int) -> str:
    """24 -> ``二十四``, 105 -> ``一百零五``, 10 -> ``十`` (1 to 9999)."""
    if not 0 < number < 10_000:
        return str(number)
    names = "零一二三四五六七八九"
    out: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (unit == "十" and digit == 1 and not out):
            out.append(names[digit])
        out.append(unit)
    return "".join(out)
