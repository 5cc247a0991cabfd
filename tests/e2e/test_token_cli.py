"""`graph-service token` on the data dir of a running service, and the tokens used over HTTP.

The administrator's path: while `serve` runs on the Daxing seed, `token create` (a second process,
on the same embedded store) prints a secret once; the served API then acts as that token's role at
once; `token list` shows it without the secret, with its last use; `token revoke` stops it at once.
Bad input writes nothing and exits non-zero.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from authority_graph_client import AuthorityGraphClient, GraphQLResponseError, PermissionDeniedError

from .procs import COMMAND, REPO, command_env, free_port

START_TIMEOUT = 120.0
XINGFENG_OFFICE = "dx-street-xingfeng"


@dataclass
class Service:
    url: str
    data_dir: Path


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """One served process on the Daxing seed for the module (seeding takes a while)."""
    tmp_path = tmp_path_factory.mktemp("token-cli")
    port = free_port()
    data_dir = tmp_path / "data"
    stderr = tmp_path / "stderr.txt"
    argv = [*COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--data-dir", str(data_dir)]
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            argv, cwd=REPO, env=command_env(), stdout=subprocess.DEVNULL, stderr=err
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _ready(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"serve did not become ready:\n{stderr.read_text()}")
            time.sleep(0.25)
        yield Service(url, data_dir)
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def token(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `graph-service token ARGS --data-dir DATA_DIR` as its own process (a wide terminal)."""
    return subprocess.run(
        [*COMMAND, "token", *args, "--data-dir", str(data_dir)],
        cwd=REPO,
        env={**command_env(), "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_token_created_on_the_data_dir_works_over_http_until_revoked(service: Service) -> None:
    created = token(service.data_dir, "create", "--role", "admin", "--name", "运维管理员")
    assert created.returncode == 0, created.stderr
    secret = created.stdout.strip()
    assert secret.startswith("agt_")
    assert len(secret) > 40
    assert "will not be shown again" in created.stderr
    assert secret not in created.stderr
    twice = token(service.data_dir, "create", "--role", "admin", "--name", "运维管理员")
    assert twice.returncode == 2
    assert "a token named '运维管理员' exists already" in twice.stderr

    with AuthorityGraphClient(service.url, token=secret) as admin:
        me = admin.viewer()
        assert (me.role, me.name) == ("ADMIN", "运维管理员")
        assert admin.load_dataset({}).ok
    with AuthorityGraphClient(service.url) as anonymous:
        assert anonymous.viewer().role == "PUBLIC"
        with pytest.raises(PermissionDeniedError):
            anonymous.load_dataset({}, replace=True, confirm=True)
        assert anonymous.search_items("禁止吸烟")  # the seed is still there

    listed = token(service.data_dir, "list")
    assert listed.returncode == 0, listed.stderr
    assert secret not in listed.stdout
    [row] = [line for line in listed.stdout.splitlines() if "运维管理员" in line]
    assert "active" in row
    assert "│ 20" in row.split("admin")[1]  # a "last used" time: the requests above
    token_id = row.split("│")[1].strip()

    revoked = token(service.data_dir, "revoke", token_id)
    assert revoked.returncode == 0, revoked.stderr
    assert f"revoked token {token_id}" in revoked.stdout
    with (
        AuthorityGraphClient(service.url, token=secret) as admin,
        pytest.raises(GraphQLResponseError) as refused,
    ):
        admin.viewer()
    assert refused.value.code == "UNAUTHENTICATED"


def test_a_unit_token_is_bound_to_an_existing_unit(service: Service) -> None:
    created = token(
        service.data_dir, "create", "--role", "unit", "--unit", XINGFENG_OFFICE, "--name", "兴丰"
    )
    assert created.returncode == 0, created.stderr
    with AuthorityGraphClient(service.url, token=created.stdout.strip()) as unit:
        me = unit.viewer()
    assert (me.role, me.unit) == ("UNIT", XINGFENG_OFFICE)


BAD_INPUT = [
    (["--role", "superuser", "--name", "x"], "unknown role 'superuser'"),
    (["--role", "unit", "--name", "x"], "the unit role needs the unit"),
    (["--role", "unit", "--unit", "dx-nowhere", "--name", "x"], "unknown unit 'dx-nowhere'"),
    (["--role", "admin", "--unit", XINGFENG_OFFICE, "--name", "x"], "only the unit role"),
    (["--role", "admin", "--name", " "], "--name: must not be empty"),
    (["--role", "admin", "--name", "a\x07b"], "--name: must not contain the control character"),
]


def test_bad_input_is_refused_and_nothing_is_written(service: Service) -> None:
    before = token(service.data_dir, "list").stdout
    for args, message in BAD_INPUT:
        refused = token(service.data_dir, "create", *args)
        assert refused.returncode == 2, (args, refused.stdout)
        assert message in refused.stderr
        assert "nothing was written" in refused.stderr
        assert refused.stdout == ""
    assert token(service.data_dir, "list").stdout == before


def test_revoking_an_unknown_token_is_an_error(service: Service) -> None:
    result = token(service.data_dir, "revoke", "no-such-id")
    assert result.returncode == 1
    assert "unknown token 'no-such-id'" in result.stderr
