// name: 006_law_id
// params: none
// upsert_laws MERGEs :Law nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Law) ON (n.id)
