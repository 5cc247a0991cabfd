// name: load_records
// params: $after, $limit
// load_all: one page of record documents in recorded order (keyset pagination on `seq`).
MATCH (n:Record)
WHERE n.seq > $after
RETURN n.seq AS seq, n.collection AS collection, n.doc AS doc
ORDER BY seq
LIMIT $limit
