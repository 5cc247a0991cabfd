"""Use case: who a request acts as, from its ``Authorization`` header (or websocket payload).

No credentials: the public principal, unless the deployment requires a token. Credentials that
are malformed, unknown or revoked are refused with ``UnauthenticatedError``, never quietly taken
for the public: a client whose token stopped working must hear so. The token's last use is
written at most once per ``TOUCH_EVERY`` so that reads do not each become a write, and only as
a courtesy: a store that cannot record it does not fail the request.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from graph_service.domain.auth import PUBLIC, Principal, hash_secret
from graph_service.domain.errors import StorageError, UnauthenticatedError
from graph_service.storage.port import TokenStore

log = logging.getLogger(__name__)
SCHEME = "bearer"
TOUCH_EVERY = timedelta(minutes=1)


async def authenticate(
    tokens: TokenStore,
    authorization: str | None,
    *,
    require_token: bool = False,
    now: datetime | None = None,
) -> Principal:
    """The principal for an ``Authorization`` value such as ``Bearer agt_…`` (or ``None``)."""
    if authorization is None or not authorization.strip():
        if require_token:
            raise UnauthenticatedError(
                "本服务须凭令牌访问 / this service requires a token: "
                "send 'Authorization: Bearer <token>'"
            )
        return PUBLIC
    scheme, _, secret = authorization.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != SCHEME or not secret:
        raise UnauthenticatedError(
            "令牌格式不正确 / the Authorization header must be 'Bearer <token>'"
        )
    token = await tokens.find_by_hash(hash_secret(secret))
    if token is None:
        raise UnauthenticatedError("令牌无效 / unknown token")
    if token.revoked:
        raise UnauthenticatedError("该令牌已注销 / this token has been revoked")
    moment = now or datetime.now(UTC)
    if token.last_used_at is None or moment - token.last_used_at >= TOUCH_EVERY:
        try:
            await tokens.touch(token.id, moment)
        except StorageError as error:
            log.warning("could not record the last use of token %s: %s", token.id, error)
    return token.principal()
