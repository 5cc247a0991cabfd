// name: upsert_disputes
// params: $rows
// apply: creates or updates one :Dispute node per row, keyed by the record key `id`.
// Every record node also carries :Record (ref = '<collection>/<key>', indexed) and the
// row's readable properties plus `doc`, the record's full JSON. `seq` is set only when the
// node is created, so an updated record keeps its place in the collection's order.
UNWIND $rows AS row
MERGE (n:Dispute {id: row.id})
ON CREATE SET n.seq = row.seq
SET n:Record, n += row.props
