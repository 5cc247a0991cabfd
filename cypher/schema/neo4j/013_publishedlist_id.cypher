// name: 013_publishedlist_id
// params: none
// upsert_* MERGEs :PublishedList nodes by the record key id: one node per key, and an index
// so that each MERGE does not scan the label.
CREATE CONSTRAINT publishedlist_id IF NOT EXISTS FOR (n:PublishedList) REQUIRE n.id IS UNIQUE
