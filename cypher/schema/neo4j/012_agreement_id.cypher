// name: 012_agreement_id
// params: none
// upsert_* MERGEs :Agreement nodes by the record key id: one node per key, and an index
// so that each MERGE does not scan the label.
CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE
