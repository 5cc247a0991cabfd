// name: 010_agreement_id
// params: none
// upsert_agreements MERGEs :Agreement nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Agreement) ON (n.id)
