// name: list_tokens
// params: none
// TokenStore.list_all: every token, revoked ones included, oldest first (for `token list`).
MATCH (t:ApiToken)
RETURN t.id AS id, t.secret_hash AS secret_hash, t.name AS name, t.role AS role,
       t.unit AS unit, t.created_at AS created_at, t.last_used_at AS last_used_at,
       t.revoked_at AS revoked_at
ORDER BY created_at, id
