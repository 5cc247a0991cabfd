// name: 016_apitoken_id
// params: none
// revoke_token and touch_token find a token by its public id.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:ApiToken) ON (n.id)
