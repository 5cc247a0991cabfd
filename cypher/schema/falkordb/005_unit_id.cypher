// name: 005_unit_id
// params: none
// upsert_units MERGEs :Unit nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Unit) ON (n.id)
