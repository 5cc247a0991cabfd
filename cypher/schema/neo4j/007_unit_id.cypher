// name: 007_unit_id
// params: none
// upsert_* MERGEs :Unit nodes by the record key id: one node per key, and an index
// so that each MERGE does not scan the label.
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE
