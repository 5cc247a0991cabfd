"""The load generator: raw HTTP/1.1 keep-alive requests from N connections, in its own process.

A client in Python must cost far less per request than the servers it measures (the bare
Starlette ceiling answers ~8,000 requests a second on one core, and the machine has two): httpx
costs more per request than the ceiling itself. So each connection is an ``asyncio.Protocol``
that writes pre-encoded request bytes (the next of the job's list, cycled) and reads the status and
``Content-Length`` from the raw bytes, on uvloop when it is installed.

Two ways to load a server:

- **closed loop** (``rate`` 0): every connection sends its next request as soon as the answer
  arrives: the server's throughput at that concurrency, and the latencies at saturation;
- **open loop** (``rate`` R requests a second): requests are due at fixed times, spread over the
  connections; a request due while its connection is busy waits, and its latency counts from when
  it was due (no coordinated omission): the latencies at a given load.

Run as ``python -m benchmarks.over_http.load OUT`` with a JSON job on stdin; writes the JSON result
to the file ``OUT`` (a result holds every latency: more than a pipe's buffer).
The CPU time of the server's process (``pid``) is read from ``/proc`` at the start and the end of
the measured window, so CPU per request is the server's own.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Job:
    host: str
    port: int
    requests: list[str]  # latin-1 texts of raw requests (JSON carries no bytes), sent in turn
    connections: int
    seconds: float  # measured window
    warmup: float = 1.0
    rate: float = 0.0  # requests a second over all connections; 0: closed loop
    pid: int = 0  # the server's process: its CPU time is read around the window
    status: int = 200  # what every answer must be


@dataclass(slots=True)
class Result:
    requests: int = 0
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    cpu_seconds: float | None = None
    failures: dict[str, int] = field(default_factory=dict)
    body_bytes: int = 0

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of ``pid`` so far (``/proc/PID/stat``), or None without it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15)


class _Connection(asyncio.Protocol):
    """One keep-alive connection: sends ``request``, parses answers, reports each to ``done``."""

    def __init__(self, run: _Run) -> None:
        self.run = run
        self.transport: asyncio.WriteTransport | None = None
        self.buffer = bytearray()
        self.need = -1  # bytes of the answer being read, once its head is complete
        self.status = 0
        self.busy = False
        self.due: collections.deque[float] = collections.deque()  # open loop: due times
        self.started = 0.0
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.WriteTransport, transport)  # uvloop's are not subclasses

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.lost.done():
            self.lost.set_result(None)
        if not self.run.stopping:
            self.run.fail("connection closed by the server")

    def send(self, started: float) -> None:
        assert self.transport is not None
        self.busy, self.started = True, started
        self.transport.write(next(self.run.requests))

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            if self.need < 0:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                head = bytes(self.buffer[:end]).lower()
                self.status = int(head[9:12])
                at = head.find(b"\r\ncontent-length:")
                if at < 0:
                    length = 0
                    if self.status not in (204, 304):
                        self.run.fail("an answer without content-length")
                else:
                    stop = head.find(b"\r\n", at + 2)
                    length = int(head[at + 17 : stop if stop >= 0 else len(head)])
                self.need = end + 4 + length
            if len(self.buffer) < self.need:
                return
            del self.buffer[: self.need]
            self.run.answered(self, self.need)
            self.need = -1


class _Run:
    def __init__(self, job: Job) -> None:
        self.job = job
        self.requests = itertools.cycle([r.encode("latin-1") for r in job.requests])
        self.result = Result()
        self.measuring = False
        self.stopping = False

    def fail(self, why: str) -> None:
        self.result.failures[why] = self.result.failures.get(why, 0) + 1

    def answered(self, conn: _Connection, size: int) -> None:
        now = time.perf_counter()
        conn.busy = False
        if conn.status != self.job.status:
            self.fail(f"HTTP {conn.status}")
        if self.measuring:
            self.result.requests += 1
            self.result.latencies_ms.append((now - conn.started) * 1000)
            self.result.body_bytes = size
        if self.stopping:
            return
        if self.job.rate <= 0:
            conn.send(now)
        elif conn.due:
            conn.send(conn.due.popleft())

    def due(self, conn: _Connection, at: float) -> None:
        """Open loop: the request due at ``at``, now or once ``conn`` is free."""
        if self.stopping:
            return
        if conn.busy:
            conn.due.append(at)
        else:
            conn.send(at)


async def _drive(job: Job) -> Result:
    loop = asyncio.get_running_loop()
    run = _Run(job)
    conns: list[_Connection] = []
    for _ in range(job.connections):
        _, conn = await loop.create_connection(lambda: _Connection(run), job.host, job.port)
        conns.append(conn)
    start = time.perf_counter()
    if job.rate <= 0:
        for conn in conns:
            conn.send(time.perf_counter())
    else:
        gap = job.connections / job.rate  # each connection's interval
        total = job.warmup + job.seconds
        for n, conn in enumerate(conns):
            at = start + gap * n / job.connections
            while at < start + total:
                # call_at takes the loop's clock; perf_counter and monotonic share it on Linux
                loop.call_at(loop.time() + (at - time.perf_counter()), run.due, conn, at)
                at += gap
    await asyncio.sleep(job.warmup)
    cpu = cpu_seconds(job.pid) if job.pid else None
    run.measuring, measured = True, time.perf_counter()
    await asyncio.sleep(job.seconds)
    run.measuring = False
    run.result.seconds = time.perf_counter() - measured
    if cpu is not None and (after := cpu_seconds(job.pid)) is not None:
        run.result.cpu_seconds = after - cpu
    run.stopping = True
    for conn in conns:
        assert conn.transport is not None
        conn.transport.close()
    await asyncio.wait([conn.lost for conn in conns], timeout=5)
    return run.result


def measure(job: Job) -> Result:
    """Run ``job`` here (in this process), on uvloop when it is installed."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvicorn[standard] brings it
        return asyncio.run(_drive(job))
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(_drive(job))


def main() -> int:
    job = Job(**json.loads(sys.stdin.read()))
    result = measure(job)
    out: dict[str, Any] = asdict(result)
    Path(sys.argv[1]).write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
