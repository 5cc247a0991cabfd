// name: 008_poweritem_id
// params: none
// upsert_items MERGEs :PowerItem nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:PowerItem) ON (n.id)
