// name: find_token_by_hash
// params: $secret_hash
// TokenStore.find_by_hash: the token a request presents, looked up by the hash of its secret
// (indexed), revoked or not; the service decides what a revoked token means.
MATCH (t:ApiToken {secret_hash: $secret_hash})
RETURN t.id AS id, t.secret_hash AS secret_hash, t.name AS name, t.role AS role,
       t.unit AS unit, t.created_at AS created_at, t.last_used_at AS last_used_at,
       t.revoked_at AS revoked_at
