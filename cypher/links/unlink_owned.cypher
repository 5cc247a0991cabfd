// name: unlink_owned
// params: $refs
// apply: removes the outgoing reference relationships of records about to be re-linked.
// PARENT_OF points from parent to child but belongs to the child: see unlink_parent.
// HOLDS is derived by the engine and rewritten by write_holdings, not by record writes.
UNWIND $refs AS ref
MATCH (n:Record {ref: ref})-[r]->(:Record)
WHERE NOT type(r) IN ['PARENT_OF', 'HOLDS']
DELETE r
