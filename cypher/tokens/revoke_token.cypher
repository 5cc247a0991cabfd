// name: revoke_token
// params: $id, $revoked_at
// TokenStore.revoke: marks a token revoked; revoking twice keeps the first time. No row when
// the id is unknown.
MATCH (t:ApiToken {id: $id})
SET t.revoked_at = coalesce(t.revoked_at, $revoked_at)
RETURN t.id AS id, t.secret_hash AS secret_hash, t.name AS name, t.role AS role,
       t.unit AS unit, t.created_at AS created_at, t.last_used_at AS last_used_at,
       t.revoked_at AS revoked_at
