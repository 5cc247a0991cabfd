// name: 014_writelock_id
// params: none
// lock_writes MERGEs the single (:WriteLock) node at the start of every write transaction;
// the constraint makes that MERGE take a lock, so concurrent first writers cannot create two.
CREATE CONSTRAINT writelock_id IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.id IS UNIQUE
