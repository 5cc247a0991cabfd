// name: 001_record_ref
// params: none
// Every record node by '<collection>/<key>': links, deletes and neighbourhood look nodes up by it.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Record) ON (n.ref)
