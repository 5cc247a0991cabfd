// name: 003_change_id
// params: none
// record_change MERGEs the audit node of a change set by id (replay).
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Change) ON (n.id)
