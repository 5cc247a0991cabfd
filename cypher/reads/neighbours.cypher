// name: neighbours
// params: $refs
// neighbourhood: one breadth-first step, every relationship of the named record nodes in
// either direction, with the record at its other end. The adapter repeats it `depth` times.
UNWIND $refs AS ref
MATCH (n:Record {ref: ref})-[r]-(m:Record)
RETURN startNode(r).ref AS source, type(r) AS type, endNode(r).ref AS target,
       m.ref AS ref, m.collection AS collection, m.id AS key, m.name AS name
