"""``api.budget.within``: the time budget of a prepared query, armed only when it waits."""

from __future__ import annotations

import asyncio
import time

import pytest

from graph_service.api.budget import within


async def test_work_that_never_waits_is_answered_without_a_timer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_timer(*_: object) -> None:
        raise AssertionError("a timer was armed for work that never waits")

    async def answer() -> str:
        return "CLEAR"

    monkeypatch.setattr(asyncio, "timeout_at", no_timer)
    assert await within(0.01, answer()) == "CLEAR"


async def test_work_that_waits_past_the_budget_times_out_and_is_cancelled() -> None:
    cancelled: list[bool] = []

    async def slow() -> str:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise
        return "late"

    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        await within(0.05, slow())
    assert time.perf_counter() - started < 1
    assert cancelled == [True]


async def test_work_that_waits_within_the_budget_gets_what_it_waited_for() -> None:
    async def waits() -> int:
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.01, future.set_result, 7)
        first = await future
        await asyncio.sleep(0)  # a bare yield too
        return first * 6

    assert await within(1.0, waits()) == 42


async def test_the_budget_counts_from_the_start_not_from_the_first_wait() -> None:
    async def busy_then_waits() -> str:
        time.sleep(0.35)  # noqa: ASYNC251  # a step that never yields: nothing interrupts it …
        await asyncio.sleep(2)  # … but the first wait finds the budget spent
        return "late"

    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        await within(0.3, busy_then_waits())
    # From the start: at once after the busy step (0.35 s); from the first wait it would be 0.65 s.
    assert time.perf_counter() - started < 0.5


async def test_an_error_in_the_first_step_or_after_a_wait_reaches_the_caller() -> None:
    async def fails_at_once() -> None:
        raise LookupError("unknown item")

    async def fails_later() -> None:
        await asyncio.sleep(0)
        raise LookupError("unknown place")

    with pytest.raises(LookupError, match="unknown item"):
        await within(1.0, fails_at_once())
    with pytest.raises(LookupError, match="unknown place"):
        await within(1.0, fails_later())


async def test_cancelling_the_caller_cancels_the_work() -> None:
    cancelled: list[bool] = []

    async def waits() -> None:
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    task = asyncio.ensure_future(within(10.0, waits()))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert cancelled == [True]
