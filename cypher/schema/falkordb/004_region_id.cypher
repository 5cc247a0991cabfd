// name: 004_region_id
// params: none
// upsert_regions MERGEs :Region nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Region) ON (n.id)
