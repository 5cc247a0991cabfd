"""Data coverage (DESIGN §3): a dataset declares, on its regions, the date from which it is
complete (``Region.coverage_from``). Before that date the engine knows nothing for sure: answers
say NO_DATA (数据未覆盖) and no finding is raised, whatever acts are dated earlier.

A place's coverage is the latest ``coverage_from`` among the regions covering it (itself, its
ancestors, the zones it lies within), computed once per place and kept with the state's derived
indexes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from .answers import Finding
from .state import EngineState

_KEY = "coverage"


def _declared(state: EngineState) -> dict[str, date | None]:
    found = state.derived.get(_KEY)
    if not isinstance(found, dict):
        found = {}
        state.derived[_KEY] = found
    return found


def has_coverage(state: EngineState) -> bool:
    """Whether any region declares a coverage start (the synthetic datasets do not)."""
    flag = state.derived.get("coverage_any")
    if not isinstance(flag, bool):
        flag = any(r.coverage_from is not None for r in state.regions.regions.values())
        state.derived["coverage_any"] = flag
    return flag


def coverage_from(state: EngineState, place: str) -> date | None:
    """The date from which the data is complete at ``place`` (None: no limit declared)."""
    if not has_coverage(state):
        return None
    cache = _declared(state)
    if place in cache:
        return cache[place]
    regions = state.regions.regions
    days = [
        r.coverage_from
        for code in state.regions.covering(place)
        if (r := regions.get(code)) is not None and r.coverage_from is not None
    ]
    found = max(days) if days else None
    cache[place] = found
    return found


def covered(state: EngineState, place: str, at: date) -> bool:
    start = coverage_from(state, place)
    return start is None or start <= at


def deployment_covered(state: EngineState, at: date) -> bool:
    """Whether ``at`` lies in the coverage of some region of the deployment."""
    return any(covered(state, scope, at) for scope in state.jurisdiction)


def within_coverage(state: EngineState, found: Iterable[Finding], at: date) -> list[Finding]:
    """``found`` less what lies before coverage: places not yet covered are dropped, and a
    finding left with no place (or, without places, raised before the deployment's coverage)
    is not raised at all."""
    if not has_coverage(state):
        return list(found)
    deployment = deployment_covered(state, at)
    out: list[Finding] = []
    for finding in found:
        if not finding.places:
            if deployment:
                out.append(finding)
            continue
        places = tuple(p for p in finding.places if covered(state, p, at))
        if len(places) == len(finding.places):
            out.append(finding)
        elif places:
            out.append(replace(finding, places=places))
    return out
