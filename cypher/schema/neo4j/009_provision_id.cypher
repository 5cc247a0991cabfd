// name: 009_provision_id
// params: none
// upsert_* MERGEs :Provision nodes by the record key id: one node per key, and an index
// so that each MERGE does not scan the label.
CREATE CONSTRAINT provision_id IF NOT EXISTS FOR (n:Provision) REQUIRE n.id IS UNIQUE
