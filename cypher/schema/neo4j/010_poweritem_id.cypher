// name: 010_poweritem_id
// params: none
// upsert_* MERGEs :PowerItem nodes by the record key id: one node per key, and an index
// so that each MERGE does not scan the label.
CREATE CONSTRAINT poweritem_id IF NOT EXISTS FOR (n:PowerItem) REQUIRE n.id IS UNIQUE
