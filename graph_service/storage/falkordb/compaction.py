"""Keeping the append-only file quick to load: rewrite its log part into a snapshot in time.

The server's append-only file is a snapshot (RDB) plus a log of every write since. Replaying a
large log is slow in FalkorDB: a Beijing-scale load (20,000 records, written in 6 s) took 20
minutes to replay into an empty graph on restart, while the same data as a snapshot loads in a
fraction of a second. So the log is rewritten into a snapshot (``BGREWRITEAOF``, in a forked
child; Redis's multi-part append-only file keeps every acknowledged write durable throughout)
whenever its log part has grown past ``LOG_LIMIT``: when writes pause, once the server is up (a
crash may have left a long log) and before a clean shutdown, which first lets any rewrite finish.

A rewrite forks the server and writes the whole graph out while the parent keeps flushing every
acknowledged write: started in the middle of a stream of writes it made the writes after it wait
on the disk (one-act writes over HTTP at Beijing scale went from about 40 to 200 ms while it
ran). So the store starts one only after ``IDLE`` seconds without a write (``when_idle``), unless
the log has grown past ``URGENT_LIMIT`` (a stream of writes that never pauses must not let the
log, and the next start, grow without bound).
"""

from __future__ import annotations

import time
from typing import Any

from graph_service.domain.errors import QueryError

from .errors import translated
from .server import ServerHandle, admin_client

LOG_LIMIT = 4 * 1024 * 1024  # bytes of log beyond the snapshot that are worth a rewrite
URGENT_LIMIT = 16 * 1024 * 1024  # past this, rewrite at once even while writes go on
IDLE = 5.0  # seconds without a write before a rewrite of a log past LOG_LIMIT starts
_POLL = 0.05


def log_bytes(handle: ServerHandle) -> int:
    """How much of the append-only file is log (writes since the last snapshot)."""
    return _log_size(_persistence(handle))


def compact(handle: ServerHandle, *, wait: bool = False, timeout: float = 300.0) -> bool:
    """Start a rewrite if the log is past ``LOG_LIMIT``; with ``wait``, also wait (at most
    ``timeout`` seconds) for it, or for one already running, to finish. True if one ran."""
    info = _persistence(handle)
    running = _rewriting(info)
    if not running and _log_size(info) < LOG_LIMIT:
        return False
    if not running:
        client = admin_client(handle.socket)
        try:
            with translated("bgrewriteaof"):
                client.bgrewriteaof()
        except QueryError as exc:
            if "in progress" not in str(exc):  # Redis started one itself meanwhile
                raise
        finally:
            client.close()
    if wait:
        deadline = time.monotonic() + timeout
        while _rewriting(_persistence(handle)) and time.monotonic() < deadline:
            time.sleep(_POLL)
    return True


def wanted(info: dict[str, Any]) -> bool:
    """Whether ``compact`` has anything to do, from ``INFO persistence`` read by the caller (on
    its own connection: after every write, a new connection would cost more than the check)."""
    return _rewriting(info) or _log_size(info) >= LOG_LIMIT


def urgent(info: dict[str, Any]) -> bool:
    """Whether the log is so long that a rewrite should not wait for writes to pause."""
    return not _rewriting(info) and _log_size(info) >= URGENT_LIMIT


def _log_size(info: dict[str, Any]) -> int:
    return int(info["aof_current_size"]) - int(info["aof_base_size"])


def _rewriting(info: dict[str, Any]) -> bool:
    return bool(info["aof_rewrite_in_progress"]) or bool(info["aof_rewrite_scheduled"])


def _persistence(handle: ServerHandle) -> dict[str, Any]:
    client = admin_client(handle.socket)
    try:
        with translated("info persistence"):
            return dict(client.info("persistence"))
    finally:
        client.close()
