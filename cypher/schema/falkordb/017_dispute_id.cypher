// name: 017_dispute_id
// params: none
// upsert_disputes MERGEs :Dispute nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Dispute) ON (n.id)
