// name: lock_writes
// params: $holder
// apply: the first statement of a write transaction on a database that several service
// instances share (Neo4j). Writing the single (:WriteLock) node takes its write lock until the
// transaction ends, so change sets apply one after another and max_record_seq and
// record_change number records and audit nodes without duplicates. `holder`: the change set id.
MERGE (l:WriteLock {id: 'apply'})
SET l.holder = $holder
