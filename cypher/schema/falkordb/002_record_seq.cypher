// name: 002_record_seq
// params: none
// load_all pages through records in recorded order (seq ranges).
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:Record) ON (n.seq)
