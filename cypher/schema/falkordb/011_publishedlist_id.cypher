// name: 011_publishedlist_id
// params: none
// upsert_published_lists MERGEs :PublishedList nodes by id; without the index each MERGE scans the label.
// FalkorDB has no IF NOT EXISTS: the adapter ignores 'already indexed'.
CREATE INDEX FOR (n:PublishedList) ON (n.id)
