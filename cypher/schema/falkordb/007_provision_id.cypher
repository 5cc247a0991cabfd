// name: 007_provision_id
// params: none
// upsert_provisions MERGEs :Provision nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Provision) ON (n.id)
