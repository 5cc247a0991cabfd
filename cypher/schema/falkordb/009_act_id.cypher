// name: 009_act_id
// params: none
// upsert_acts MERGEs :Act nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Act) ON (n.id)
