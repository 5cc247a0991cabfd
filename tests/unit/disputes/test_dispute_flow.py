"""The dispute status flow: every transition the issue allows succeeds, every other is refused
with the field ``status`` and both states named in Chinese."""

from __future__ import annotations

from itertools import product

import pytest

from graph_service.domain.dispute_flow import LABEL, OPEN, allowed, check_open, check_transition
from graph_service.domain.enums import DisputeStatus as S
from graph_service.domain.errors import ValidationError

# negotiating → coordinating → decided → implemented → closed, or withdrawn from any open state.
EXPECTED = {
    (S.NEGOTIATING, S.COORDINATING),
    (S.COORDINATING, S.DECIDED),
    (S.DECIDED, S.IMPLEMENTED),
    (S.IMPLEMENTED, S.CLOSED),
    (S.NEGOTIATING, S.WITHDRAWN),
    (S.COORDINATING, S.WITHDRAWN),
    (S.DECIDED, S.WITHDRAWN),
    (S.IMPLEMENTED, S.WITHDRAWN),
}
FORBIDDEN = sorted(set(product(S, S)) - EXPECTED)


@pytest.mark.parametrize(("current", "target"), sorted(EXPECTED))
def test_the_flow_allows(current: S, target: S) -> None:
    assert allowed(current, target)
    check_transition("D-1", current, target)


@pytest.mark.parametrize(("current", "target"), FORBIDDEN)
def test_every_other_transition_is_refused(current: S, target: S) -> None:
    assert not allowed(current, target)
    with pytest.raises(ValidationError) as raised:
        check_transition("D-1", current, target)
    [problem] = raised.value.problems
    assert problem.path == "status"
    assert f"“{LABEL[current]}”" in problem.message
    assert f"“{LABEL[target]}”" in problem.message
    assert "D-1" in problem.message


def test_thirty_six_pairs_of_which_eight_are_allowed() -> None:
    assert (len(EXPECTED), len(FORBIDDEN)) == (8, 28)


def test_closed_and_withdrawn_take_no_more_events() -> None:
    assert set(OPEN) == {S.NEGOTIATING, S.COORDINATING, S.DECIDED, S.IMPLEMENTED}
    for status in OPEN:
        check_open("D-1", status)
    for status in (S.CLOSED, S.WITHDRAWN):
        with pytest.raises(ValidationError) as raised:
            check_open("D-1", status)
        assert raised.value.problems[0].path == "status"
