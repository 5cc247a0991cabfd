"""Timing and memory helpers: wall-clock seconds, percentiles, resident memory from /proc."""

from __future__ import annotations

import math
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def timed(call: Callable[[], T]) -> tuple[T, float]:
    """``call()``'s result and how many seconds it took."""
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted values (``fraction`` in 0..1)."""
    if not sorted_values:
        raise ValueError("no values")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def memory_mb() -> tuple[float, float]:
    """(resident, peak resident) memory of this process in MB.

    Reads VmRSS/VmHWM from /proc/self/status where there is one (Linux); elsewhere falls back to
    ``getrusage`` peak for both, which is the best the platform offers.
    """
    status = Path("/proc/self/status")
    if status.exists():
        fields: dict[str, float] = {}
        for line in status.read_text().splitlines():
            name, _, value = line.partition(":")
            if name in {"VmRSS", "VmHWM"}:
                fields[name] = int(value.split()[0]) / 1024  # kB
        if len(fields) == 2:
            return fields["VmRSS"], fields["VmHWM"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return peak, peak
