// name: 003_record_seq
// params: none
// load_records pages through records in recorded order (seq ranges); max_record_seq reads
// the top of it.
CREATE INDEX record_seq IF NOT EXISTS FOR (n:Record) ON (n.seq)
