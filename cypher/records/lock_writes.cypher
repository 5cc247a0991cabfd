// name: lock_writes
// params: $holder
// apply: the first statement of a write transaction on a database that several service
// instances share (Neo4j). Writing the single (:WriteLock) node takes its write lock until the
// transaction ends, so change sets apply one after another and head_revision gives each
// the next revision without duplicates. `holder`: the change set id.
MERGE (l:WriteLock {id: 'apply'})
SET l.holder = $holder
