// name: record_nodes
// params: $refs
// neighbourhood: the graph-view facts of the named record nodes (absent refs give no row).
UNWIND $refs AS ref
MATCH (n:Record {ref: ref})
RETURN n.ref AS ref, n.collection AS collection, n.id AS key, n.name AS name
