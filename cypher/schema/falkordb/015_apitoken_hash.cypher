// name: 015_apitoken_hash
// params: none
// find_token_by_hash looks up the token of every authenticated request by the hash of its secret.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:ApiToken) ON (n.secret_hash)
