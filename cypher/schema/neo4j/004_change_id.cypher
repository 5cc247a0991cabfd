// name: 004_change_id
// params: none
// record_change MERGEs the audit node of a change set by id: one node per change set.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE
