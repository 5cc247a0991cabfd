"""One benchmark figure beside its target, and the table they are printed as."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """A measured figure; ``value`` None means the feature is not implemented (never faked)."""

    name: str
    value: float | None
    unit: str
    target: float | None = None
    at_least: bool = False  # the target is a minimum (a speed-up), not a maximum
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """figure / target: at most 1 is good for a maximum, at least 1 for a minimum."""
        if self.value is None or not self.target:
            return None
        return self.value / self.target

    @property
    def verdict(self) -> str:
        ratio = self.ratio
        if ratio is None:
            return "not implemented" if self.value is None and self.target else ""
        met = ratio >= 1 if self.at_least else ratio <= 1
        return "ok" if met else "MISSED"


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def format_table(rows: Sequence[Row]) -> str:
    header = ("figure", "value", "target", "ratio", "", "note")
    lines = [header]
    for row in rows:
        value = "not implemented" if row.value is None else f"{_number(row.value)} {row.unit}"
        target = ""
        if row.target is not None:
            target = f"{'≥' if row.at_least else '≤'} {_number(row.target)} {row.unit}"
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        lines.append((row.name, value, target, ratio, row.verdict, row.note))
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header) - 1)]
    out = []
    for line in lines:
        cells = [
            cell + " " * (width - display_width(cell))
            for cell, width in zip(line, widths, strict=False)
        ]
        out.append("  ".join([*cells, line[-1]]).rstrip())
    out.insert(1, "-" * len(out[0]))
    return "\n".join(out)


def display_width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
