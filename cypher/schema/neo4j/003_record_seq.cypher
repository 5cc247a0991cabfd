// name: 003_record_seq
// params: none
// load_records pages through records in recorded order (keyset pagination on seq).
CREATE INDEX record_seq IF NOT EXISTS FOR (n:Record) ON (n.seq)
